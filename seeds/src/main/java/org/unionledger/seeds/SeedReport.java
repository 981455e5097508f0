package org.unionledger.seeds;

import java.time.Duration;

/**
 * What one {@link SeedLoader#load(SeedPlan) load} did. A step is one command; a skipped
 * step is one the ledger already held.
 *
 * @param unionsRegistered registrations sent
 * @param unionsDissolved dissolutions sent
 * @param membersEnrolled first enrollments sent
 * @param servicesRecorded service deliveries sent
 * @param stepsRun commands sent, of every kind
 * @param stepsSkipped steps found already done
 * @param unexpectedOutcomes steps the ledger accepted where the plan expected a recorded
 * refusal, or the other way round
 * @param duration how long the load took
 */
public record SeedReport(int unionsRegistered, int unionsDissolved, int membersEnrolled, int servicesRecorded,
		int stepsRun, int stepsSkipped, int unexpectedOutcomes, Duration duration) {

}
