/**
 * The summary read model: active members, holds, new enrollments, transfers and services
 * per union and per jurisdiction level, per statistical year.
 */
package org.unionledger.projections.summary;
