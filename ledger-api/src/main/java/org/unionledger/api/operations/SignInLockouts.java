package org.unionledger.api.operations;

import java.util.List;

import org.unionledger.api.security.SignInThrottle;

/**
 * The sign-in lockouts in force.
 *
 * @param lockouts each locked user name or client address
 */
public record SignInLockouts(List<SignInThrottle.Lockout> lockouts) {
}
