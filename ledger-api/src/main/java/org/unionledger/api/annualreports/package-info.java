/**
 * Sign-off of the yearly statistics report over HTTP: sign (or amend) a jurisdiction's
 * report, read it with the status of the level below, and read the change flags.
 */
package org.unionledger.api.annualreports;
