/**
 * Who may do what: users from configuration (HTTP Basic, BCrypt behind a short-lived
 * verified-credential cache) or from JWTs, their role and scope, and the
 * {@code AccessScopes} checks every endpoint runs before it reads or writes.
 */
package org.unionledger.api.security;
