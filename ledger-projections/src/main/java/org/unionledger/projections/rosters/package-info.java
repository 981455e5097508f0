/**
 * The roster read model: each union's current members (active or on hold), one document
 * per union keyed by the union id; no personal data.
 */
package org.unionledger.projections.rosters;
