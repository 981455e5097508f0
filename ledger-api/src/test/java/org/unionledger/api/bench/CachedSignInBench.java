package org.unionledger.api.bench;

/**
 * {@link SignInBench} with the verified-credential cache (its default TTL, 5 minutes).
 */
class CachedSignInBench extends SignInBench {

}
