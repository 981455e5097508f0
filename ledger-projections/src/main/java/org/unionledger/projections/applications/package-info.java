/**
 * The pending-applications read model: per union ({@code _id} = union id), the online
 * applications still waiting for a decision; no personal data.
 */
package org.unionledger.projections.applications;
