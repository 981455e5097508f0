package org.unionledger.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.unionledger.common.Outcome;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.PersonalData;
import org.unionledger.identity.ResidentId;
import org.unionledger.membership.Commands.AcceptTransfer;
import org.unionledger.membership.Commands.EnrollMember;
import org.unionledger.membership.Commands.IssueTransferCredential;
import org.unionledger.membership.MemberId;
import org.unionledger.service.Commands.RecordServiceDelivered;
import org.unionledger.union.Commands.DissolveUnion;
import org.unionledger.union.Commands.RegisterUnion;

class SeedLoaderTest {

	private static final SeedPlan PLAN = SeedPlan.generate(11L, 200);

	private static final RecordedBy OPERATOR = new RecordedBy("seed-loader");

	private static final int VALIDITY_DAYS = 90;

	private final SeedUseCases crypto = new TestUseCases();

	private final RecordingGateway gateway = new RecordingGateway();

	@Test
	void sendsEveryStepOfThePlanAsOneCommand() {
		SeedReport report = loader(1).load(PLAN);

		List<Object> sent = this.gateway.sent();
		assertThat(sent).hasSize(PLAN.commandCount());
		assertThat(report.stepsRun()).isEqualTo(PLAN.commandCount());
		assertThat(report.stepsSkipped()).isZero();
		assertThat(report.unionsRegistered()).isEqualTo(PLAN.unions().size());
		assertThat(report.unionsDissolved()).isEqualTo(PLAN.figures().unionsDissolved()).isPositive();
		assertThat(report.membersEnrolled()).isEqualTo(PLAN.members().size());
		assertThat(report.servicesRecorded()).isEqualTo(PLAN.services().size());
		assertThat(sent.subList(0, PLAN.unions().size())).allMatch(RegisterUnion.class::isInstance);
		assertThat(sent.subList(sent.size() - report.unionsDissolved(), sent.size()))
			.allMatch(DissolveUnion.class::isInstance);
		for (MemberSeed member : PLAN.members()) {
			assertThat(this.gateway.eventCount(memberIdOf(member).value())).as("member #%d", member.number())
				.isEqualTo(member.steps().size());
		}
	}

	@Test
	void enrollmentsCarryEncryptedPersonalDataTheChannelAndTheOperator() {
		loader(1).load(PLAN);

		MemberSeed member = PLAN.members().get(0);
		ResidentId residentId = ResidentId.parse(member.residentIdAsWritten(), SeedPlan.WINDOW_END);
		EnrollMember expected = new EnrollMember(memberIdOf(member),
				this.crypto.encrypt(new PersonalData(residentId, member.name())), member.enrollment().unionId(),
				member.enrollment().effectiveDate(), member.enrollment().channel(), OPERATOR);
		assertThat(this.gateway.sent()).contains(expected);
		assertThat(this.gateway.sent()).filteredOn(RecordServiceDelivered.class::isInstance)
			.extracting((command) -> ((RecordServiceDelivered) command).memberId())
			.containsNull()
			.anyMatch((memberId) -> memberId != null && this.gateway.eventCount(memberId.value()) > 0);
	}

	@Test
	void loadingTwiceSendsNothingTheSecondTime() {
		loader(1).load(PLAN);
		this.gateway.forgetSent();

		SeedReport second = loader(1).load(PLAN);

		assertThat(this.gateway.sent()).isEmpty();
		assertThat(second.stepsRun()).isZero();
		assertThat(second.stepsSkipped()).isEqualTo(PLAN.commandCount());
		assertThat(second.membersEnrolled()).isZero();
	}

	@Test
	void afterACrashHalfwayOnlyTheRemainingStepsAreSent() {
		List<Object> all = referenceLoad();
		assertResumesAfterCrashAt(all.size() / 2, all);
	}

	@Test
	void aCrashInsideAMembersScriptResumesAtItsNextStep() {
		List<Object> all = referenceLoad();
		int firstAcceptance = all.indexOf(all.stream().filter(AcceptTransfer.class::isInstance).findFirst().get());
		assertThat(all.get(firstAcceptance - 1)).isInstanceOf(IssueTransferCredential.class);
		assertThat(RecordingGateway.targetOf(all.get(firstAcceptance - 1)))
			.isEqualTo(RecordingGateway.targetOf(all.get(firstAcceptance)));

		assertResumesAfterCrashAt(firstAcceptance, all);
	}

	@Test
	void parallelLoadingSendsTheSameCommandsAndKeepsEachScriptInOrder() {
		List<Object> all = referenceLoad();

		loader(4).load(PLAN);

		List<Object> sent = this.gateway.sent();
		assertThat(sent).containsExactlyInAnyOrderElementsOf(all);
		assertThat(byTarget(sent)).isEqualTo(byTarget(all));
	}

	@Test
	void parallelLoadingResumesAfterACrash() {
		List<Object> all = referenceLoad();
		this.gateway.crashAfter(all.size() / 3);
		assertThatThrownBy(() -> loader(4).load(PLAN)).isInstanceOf(SeedLoadException.class);
		List<Object> beforeCrash = this.gateway.sent();
		this.gateway.forgetSent();
		this.gateway.recover();

		SeedReport report = loader(4).load(PLAN);

		List<Object> afterCrash = this.gateway.sent();
		assertThat(beforeCrash).hasSize(all.size() / 3);
		assertThat(report.stepsSkipped()).isEqualTo(beforeCrash.size());
		assertThat(concat(beforeCrash, afterCrash)).containsExactlyInAnyOrderElementsOf(all);
	}

	@Test
	void credentialsTheScriptAcceptsInTimeOutliveTheLedgersClock() {
		loader(1).load(PLAN);

		Map<Object, Integer> validityByCode = this.gateway.sent()
			.stream()
			.filter(IssueTransferCredential.class::isInstance)
			.map(IssueTransferCredential.class::cast)
			.collect(Collectors.toMap(IssueTransferCredential::code, IssueTransferCredential::validityDays));
		for (MemberSeed member : PLAN.members()) {
			for (MemberStep step : member.steps()) {
				if (step instanceof MemberStep.IssueCredential issue) {
					boolean acceptedInTime = member.steps()
						.stream()
						.anyMatch(
								(other) -> other instanceof MemberStep.AcceptTransfer accept && !accept.afterExpiry());
					assertThat(validityByCode.get(issue.code()))
						.isEqualTo(acceptedInTime ? SeedLoader.ACCEPTED_CREDENTIAL_VALIDITY_DAYS : VALIDITY_DAYS);
				}
			}
		}
		assertThat(validityByCode).containsValue(VALIDITY_DAYS);
	}

	@Test
	void countsAnswersThatDifferFromThePlan() {
		this.gateway.answerWith((command) -> Outcome.ok());

		SeedReport report = loader(1).load(PLAN);

		long plannedRefusals = PLAN.members()
			.stream()
			.flatMap((member) -> member.steps().stream())
			.filter(MemberStep::refusalExpected)
			.count();
		assertThat(plannedRefusals).isPositive();
		assertThat(report.unexpectedOutcomes()).isEqualTo(plannedRefusals);
	}

	@Test
	void refusesACredentialValidityThatWouldSpoilThePlan() {
		assertThatIllegalArgumentException().isThrownBy(() -> loader(SeedPlan.LONGEST_ACCEPTANCE_DELAY_DAYS, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> loader(SeedPlan.SHORTEST_LATE_PRESENTATION_DAYS, 1));
	}

	private void assertResumesAfterCrashAt(int crashAt, List<Object> all) {
		this.gateway.crashAfter(crashAt);
		assertThatThrownBy(() -> loader(1).load(PLAN)).isInstanceOf(SeedLoadException.class)
			.hasMessageMatching("Seed (member #\\d+, step \\d+ of \\d+ \\(\\w+\\)|service [\\w-]+|.*union [\\w-]+)"
					+ " failed: IllegalStateException: simulated crash");
		assertThat(this.gateway.sent()).isEqualTo(all.subList(0, crashAt));
		this.gateway.forgetSent();
		this.gateway.recover();

		SeedReport report = loader(1).load(PLAN);

		assertThat(this.gateway.sent()).isEqualTo(all.subList(crashAt, all.size()));
		assertThat(report.stepsRun()).isEqualTo(all.size() - crashAt);
		assertThat(report.stepsSkipped()).isEqualTo(crashAt);
	}

	/** The commands of an uninterrupted load, which leaves the gateway empty again. */
	private List<Object> referenceLoad() {
		RecordingGateway reference = new RecordingGateway();
		new SeedLoader(reference, reference, this.crypto, OPERATOR, VALIDITY_DAYS).load(PLAN);
		return reference.sent();
	}

	private static Map<String, List<Object>> byTarget(List<Object> commands) {
		return commands.stream()
			.collect(Collectors.groupingBy(RecordingGateway::targetOf, LinkedHashMap::new, Collectors.toList()));
	}

	private static List<Object> concat(List<Object> first, List<Object> second) {
		return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
	}

	private MemberId memberIdOf(MemberSeed member) {
		return this.crypto.memberIdOf(ResidentId.parse(member.residentIdAsWritten(), SeedPlan.WINDOW_END));
	}

	private SeedLoader loader(int threads) {
		return loader(VALIDITY_DAYS, threads);
	}

	private SeedLoader loader(int validityDays, int threads) {
		return new SeedLoader(this.gateway, this.gateway, this.crypto, OPERATOR, validityDays, threads);
	}

}
