/**
 * The credential read model: transfer credentials by code, pointing at the membership
 * they move.
 */
package org.unionledger.projections.credentials;
