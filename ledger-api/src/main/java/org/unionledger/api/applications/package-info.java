/**
 * Online enrollment over HTTP: the public, rate-limited application form and the
 * officer's approval or decline.
 */
package org.unionledger.api.applications;
