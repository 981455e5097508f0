package org.unionledger.bench.fault;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger process on an H2 data folder is killed with {@code kill -9} in the middle of a
 * 2,000-member import and again in the middle of a read-model rebuild; after restarts
 * nothing is lost or written twice and the read models equal a replay. (The 50,000-member
 * version: {@code java -jar bench/target/bench.jar crash}.)
 */
class CrashRecoveryTest {

	@TempDir
	Path folder;

	@Test
	void killedImportAndRebuildLoseNothingAndWriteNothingTwice() {
		int members = 2_000;
		CrashDrill.Report report = CrashDrill.run(this.folder, members, 1_000, System.out);
		System.out.println(report);

		assertThat(report.acknowledgedBeforeKill()).isBetween(1_000, members - 1);
		assertThat(report.acknowledgedSurvivingKill()).as("every acknowledged enrollment survives the kill")
			.isEqualTo(report.acknowledgedBeforeKill());
		assertThat(report.tornAfterKill()).as("the kill left whole writes only").isZero();
		// Skipped: what the kill left stored, plus the commits it left pending that the
		// restarted node's readers completed (at most one batch's).
		assertThat(report.resumeSkipped()).as("the resumed import starts where the killed one stopped")
			.isBetween(report.storedAfterKill(), report.storedAfterKill() + ImportNode.BATCH);
		assertThat(report.resumeSkipped() + report.resumeEnrolled()).isEqualTo(members);
		assertThat(report.membersNotExactlyOnce()).isZero();
		assertThat(report.tornAtEnd()).isZero();
		assertThat(report.enrolledEvents()).isEqualTo(members);
		assertThat(report.otherEvents()).isZero();
		assertThat(report.events()).isEqualTo(members + ImportNode.UNIONS);
		assertThat(report.duplicatePositions()).isZero();
		assertThat(report.duplicateEventIds()).isZero();
		assertThat(report.readModelsEqualReplay()).isTrue();
		assertThat(report.provinceActive()).isEqualTo(members);
	}

}
