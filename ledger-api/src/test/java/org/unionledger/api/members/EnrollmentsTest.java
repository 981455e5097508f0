package org.unionledger.api.members;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.unionledger.api.annualreports.Backdating;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.annualreports.AnnualReportView;
import org.unionledger.projections.annualreports.FindAnnualReports;
import org.unionledger.projections.annualreports.SignedReports;
import org.unionledger.statistics.StatisticalCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.members.Enrollments.BulkEnrollment;
import org.unionledger.api.members.Enrollments.Enrolled;
import org.unionledger.api.personaldata.PersonalDataVault;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.api.unions.OpenUnions;
import org.unionledger.common.DomainRuleViolation;
import org.unionledger.common.Outcome;
import org.unionledger.common.RecordedBy;
import org.unionledger.eventstore.CommandBatches;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.identity.PersonName;
import org.unionledger.identity.PersonalData;
import org.unionledger.identity.ResidentId;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.Commands.EnrollMember;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.EnrollmentRejectionReason;
import org.unionledger.membership.MemberId;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;
import org.unionledger.common.Rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Enrollment written once: the form's path, the bulk path, the encryption seeding uses.
 */
@SuppressWarnings("unchecked")
class EnrollmentsTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.ofHours(8));

	static final RecordedBy OFFICER = new RecordedBy("officer-sjz");

	static final String LEGACY = "139901900307123";

	static final String FULL = "13990119900307123" + ResidentId.checkDigitFor("13990119900307123");

	static final UnionId OPEN = new UnionId("sjz-express-01");

	static final UnionId DISSOLVED = new UnionId("sjz-closed-02");

	final CommandGateway commands = mock(CommandGateway.class);

	final CommandBatches batches = mock(CommandBatches.class);

	final PersonalDataVault vault = mock(PersonalDataVault.class);

	final MemberIdentities identities = new MemberIdentities(new byte[32]);

	final QueryGateway queries = mock(QueryGateway.class);

	/** The signed reports by year and code, as the annual-report read model answers. */
	final Map<Integer, Map<String, AnnualReportView>> signed = new HashMap<>();

	Enrollments enrollments;

	@BeforeEach
	void setUp() {
		UnionDirectory directory = (unionId) -> Optional.ofNullable(
				Map.of(OPEN, facts(OPEN, null), DISSOLVED, facts(DISSOLVED, LocalDate.of(2026, 1, 1))).get(unionId));
		Actors actors = mock(Actors.class);
		when(actors.current()).thenReturn(OFFICER);
		when(this.vault.encrypt(any(), any())).thenAnswer((call) -> sealed(((MemberId) call.getArgument(0)).value()));
		when(this.queries.query(any(FindAnnualReports.class), any(ResponseType.class)))
			.thenAnswer((call) -> CompletableFuture.completedFuture(new SignedReports(
					this.signed.getOrDefault(((FindAnnualReports) call.getArgument(0)).statisticalYear(), Map.of()))));
		this.enrollments = new Enrollments(this.commands, this.batches, new OpenUnions(directory), this.identities,
				this.vault, mock(ProjectionFreshness.class), actors, CLOCK,
				new Backdating(this.queries, JurisdictionTable.bundled(), StatisticalCalendar.ACFTU, CLOCK));
	}

	static UnionFacts facts(UnionId id, LocalDate dissolved) {
		return new UnionFacts(
				new UnionPlacement(id, JurisdictionCode.of("130104"), UnionType.INDUSTRY, Sector.LOGISTICS), "工会",
				LocalDate.of(2020, 1, 1), dissolved);
	}

	static EncryptedPersonalData sealed(String memberId) {
		return new EncryptedPersonalData("pd-" + memberId, "c2VhbGVk");
	}

	@Test
	void aLegacyNumberIsTheSamePersonAndTheirDataIsEncryptedUnderTheirMemberId() {
		when(this.commands.sendAndWait(any(EnrollMember.class))).thenReturn(Outcome.ok());

		MemberId memberId = this.enrollments.enroll(LEGACY, "张伟", OPEN.value(), TODAY.minusDays(1),
				EnrollmentChannel.ON_SITE);

		assertThat(memberId).isEqualTo(this.identities.memberIdOf(ResidentId.parse(FULL, TODAY)));
		ArgumentCaptor<EnrollMember> sent = ArgumentCaptor.forClass(EnrollMember.class);
		verify(this.commands).sendAndWait(sent.capture());
		assertThat(sent.getValue()).isEqualTo(new EnrollMember(memberId, sealed(memberId.value()), OPEN,
				TODAY.minusDays(1), EnrollmentChannel.ON_SITE, OFFICER));
		verify(this.vault).encrypt(memberId, new PersonalData(ResidentId.parse(FULL, TODAY), PersonName.of("张伟")));
	}

	@Test
	void anEnrollmentBackdatedIntoASignedYearIsRefusedUnconfirmedNamingTheReportsItWouldFlag() {
		this.signed.put(2026, Map.of("130104", signedReport("130104", 2026), "1301", signedReport("1301", 2026)));

		assertThatThrownBy(() -> this.enrollments.enroll(FULL, "张伟", OPEN.value(), LocalDate.of(2026, 9, 1),
				EnrollmentChannel.ON_SITE, false))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> {
				assertThat(ex.status().value()).isEqualTo(409);
				assertThat(ex.rule()).isEqualTo(Rule.BACKDATED_INTO_SIGNED_YEAR);
				assertThat(ex.field()).isEqualTo("effectiveDate");
				assertThat((List<Backdating.FlaggedReport>) ex.properties().get("reports"))
					.extracting(Backdating.FlaggedReport::code, Backdating.FlaggedReport::statisticalYear,
							Backdating.FlaggedReport::version)
					.containsExactly(tuple("1301", 2026, 1), tuple("130104", 2026, 1));
			});
		verifyNoInteractions(this.commands);
	}

	@Test
	void aConfirmedBackdatedEnrollmentGoesAheadAndOneAfterTheSignedYearNeedsNoConfirmation() {
		this.signed.put(2026, Map.of("130104", signedReport("130104", 2026)));
		when(this.commands.sendAndWait(any(EnrollMember.class))).thenReturn(Outcome.ok());

		this.enrollments.enroll(FULL, "张伟", OPEN.value(), LocalDate.of(2026, 9, 1), EnrollmentChannel.ON_SITE, true);
		this.enrollments.enroll(LEGACY, "张伟", OPEN.value(), LocalDate.of(2026, 10, 1), EnrollmentChannel.ON_SITE,
				false);

		verify(this.commands, times(2)).sendAndWait(any(EnrollMember.class));
	}

	static AnnualReportView signedReport(String code, int year) {
		return new AnnualReportView(JurisdictionCode.of(code), year, 1, Instant.parse("2026-10-10T02:00:00Z"), "admin",
				null, 10, 10, "0".repeat(64), "1".repeat(64), null, Map.of(), List.of(), List.of(), List.of());
	}

	@Test
	void aPersonWithAMembershipIsRefusedWithAConflictNamingTheReason() {
		when(this.commands.sendAndWait(any(EnrollMember.class)))
			.thenReturn(Outcome.rejected(EnrollmentRejectionReason.ALREADY_ACTIVE));

		assertThatThrownBy(() -> this.enrollments.enroll(FULL, "张伟", OPEN.value(), TODAY, EnrollmentChannel.ON_SITE))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> {
				assertThat(ex.status().value()).isEqualTo(409);
				assertThat(ex.rule()).isEqualTo(Rule.ALREADY_ACTIVE);
				assertThat(ex.field()).isEqualTo("residentId");
				assertThat(ex.getMessage()).isEqualTo(Enrollments.refusal("ALREADY_ACTIVE"));
			});
	}

	@Test
	void aBadIdAnUnknownOrClosedUnionOrAFutureDateSendsNothing() {
		assertThatThrownBy(() -> this.enrollments.enroll("123", "张伟", OPEN.value(), TODAY, EnrollmentChannel.ON_SITE))
			.isInstanceOf(DomainRuleViolation.class);
		assertThatThrownBy(() -> this.enrollments.enroll(FULL, "张伟", "no-such-union", TODAY, EnrollmentChannel.ON_SITE))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.rule()).isEqualTo(Rule.UNION_UNKNOWN));
		assertThatThrownBy(
				() -> this.enrollments.enroll(FULL, "张伟", DISSOLVED.value(), TODAY, EnrollmentChannel.ON_SITE))
			.isInstanceOfSatisfying(ApiException.class, (ex) -> assertThat(ex.rule()).isEqualTo(Rule.UNION_NOT_OPEN));
		assertThatThrownBy(
				() -> this.enrollments.enroll(FULL, "张伟", OPEN.value(), TODAY.plusDays(1), EnrollmentChannel.ON_SITE))
			.isInstanceOfSatisfying(ApiException.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.EFFECTIVE_DATE_IN_FUTURE));
		verifyNoInteractions(this.commands, this.vault);
	}

	@Test
	void aBatchSendsWhatWasNotAppliedBeforeEncryptedTogetherAndAnswersInOrder() {
		List<BulkEnrollment> rows = List.of(bulk("13990119900307", "甲"), bulk("13990119900308", "乙"),
				bulk("13990119900309", "丙"));
		CommandBatches.Batch batch = mock(CommandBatches.Batch.class);
		when(this.batches.open(any())).thenReturn(batch);
		when(this.vault.encryptAll(anyMap())).thenAnswer((call) -> {
			Map<MemberId, PersonalData> people = call.getArgument(0);
			return people.keySet()
				.stream()
				.collect(java.util.stream.Collectors.toMap((id) -> id, (id) -> sealed(id.value())));
		});
		CommandBatches.Pending accepted = pending(new CommandBatches.Result(Outcome.ok(), null, false));
		RuntimeException broken = new IllegalStateException("handler failed");
		CommandBatches.Pending failed = pending(new CommandBatches.Result(null, broken, false));
		when(batch.send(any())).thenReturn(accepted, failed);

		List<Enrolled> results = this.enrollments.enrollBatch(rows, OFFICER, (i) -> i == 1);

		assertThat(results).extracting(Enrolled::sent).containsExactly(true, false, true);
		assertThat(results.get(0).outcome()).isEqualTo(Outcome.ok());
		assertThat(results.get(2).failure()).isSameAs(broken);
		verify(this.batches).open(rows.stream().map((r) -> r.memberId().value()).toList());
		verify(this.vault, times(1)).encryptAll(
				Map.of(rows.get(0).memberId(), rows.get(0).person(), rows.get(2).memberId(), rows.get(2).person()));
		verify(this.vault, never()).encrypt(any(), any());
		verify(batch).send(new EnrollMember(rows.get(0).memberId(), sealed(rows.get(0).memberId().value()), OPEN, TODAY,
				EnrollmentChannel.IMPORT, OFFICER));
		verify(batch).commit();
		verify(batch).close();
	}

	@Test
	void twoSpellingsOfOneIdAreEachEncrypted() {
		PersonalData legacy = new PersonalData(ResidentId.parse(LEGACY, TODAY), PersonName.of("张伟"));
		PersonalData full = new PersonalData(ResidentId.parse(FULL, TODAY), PersonName.of("张伟"));
		MemberId memberId = this.identities.memberIdOf(full.residentId());
		when(this.vault.encryptAll(anyMap())).thenReturn(Map.of(memberId, sealed("first")));

		List<EncryptedPersonalData> encrypted = this.enrollments.encryptAll(Arrays.asList(legacy, full));

		assertThat(encrypted).containsExactly(sealed("first"), sealed(memberId.value()));
		verify(this.vault).encryptAll(Map.of(memberId, legacy));
		verify(this.vault).encrypt(memberId, full);
	}

	private BulkEnrollment bulk(String first14, String name) {
		String first17 = first14 + "123";
		ResidentId id = ResidentId.parse(first17 + ResidentId.checkDigitFor(first17), TODAY);
		return new BulkEnrollment(this.identities.memberIdOf(id), new PersonalData(id, PersonName.of(name)), OPEN,
				TODAY, EnrollmentChannel.IMPORT);
	}

	private static CommandBatches.Pending pending(CommandBatches.Result result) {
		CommandBatches.Pending pending = mock(CommandBatches.Pending.class);
		when(pending.result()).thenReturn(result);
		return pending;
	}

}
