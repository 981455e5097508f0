package org.unionledger.api.bench;

import org.springframework.test.context.TestPropertySource;

/** {@link SignInBench} without the verified-credential cache: BCrypt on every request. */
@TestPropertySource(properties = "ledger.security.credential-cache.ttl=0")
class UncachedSignInBench extends SignInBench {

}
