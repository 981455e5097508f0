/**
 * Enrollment targets: the {@code EnrollmentTarget} aggregate, one per jurisdiction and
 * statistical year, holding the target the level above assigned and the one set locally.
 */
package org.unionledger.targets;
