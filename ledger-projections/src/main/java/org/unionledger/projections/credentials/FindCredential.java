package org.unionledger.projections.credentials;

import org.unionledger.membership.CredentialCode;

/**
 * Look up a transfer credential by its code.
 *
 * @param code the code presented
 */
public record FindCredential(CredentialCode code) {

}
