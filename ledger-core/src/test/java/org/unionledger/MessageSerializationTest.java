package org.unionledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.unionledger.common.Outcome;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.CredentialRejectionReason;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.EnrollmentRejectionReason;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.TerminationReason;
import org.unionledger.service.Campaign;
import org.unionledger.service.ServiceId;
import org.unionledger.service.ServiceType;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

/**
 * Every command and event survives a round trip through Axon's {@link JacksonSerializer},
 * the serializer the ledger stores events with.
 */
class MessageSerializationTest {

	private static final Class<?>[] MESSAGE_HOLDERS = { org.unionledger.union.Commands.class,
			org.unionledger.union.Events.class, org.unionledger.membership.Commands.class,
			org.unionledger.membership.Events.class, org.unionledger.service.Commands.class,
			org.unionledger.service.Events.class, org.unionledger.targets.Commands.class,
			org.unionledger.targets.Events.class, org.unionledger.disclosure.Commands.class,
			org.unionledger.disclosure.Events.class, org.unionledger.applications.Commands.class,
			org.unionledger.online.Events.class, org.unionledger.supervision.Commands.class,
			org.unionledger.supervision.Events.class, org.unionledger.annualreports.Commands.class,
			org.unionledger.signoff.Events.class, org.unionledger.federation.Commands.class,
			org.unionledger.federation.Events.class };

	private static final Class<?>[] EVENT_HOLDERS = { org.unionledger.union.Events.class,
			org.unionledger.membership.Events.class, org.unionledger.service.Events.class,
			org.unionledger.targets.Events.class, org.unionledger.disclosure.Events.class,
			org.unionledger.online.Events.class, org.unionledger.supervision.Events.class,
			org.unionledger.signoff.Events.class, org.unionledger.federation.Events.class };

	private static final MemberId MEMBER = new MemberId("m-oz4njx4bwlschfqh6vct6fq3c4");

	private static final UnionId UNION = new UnionId("sjz-construction-01");

	private static final UnionId OTHER_UNION = new UnionId("sjz-logistics-02");

	private static final UnionPlacement PLACEMENT = new UnionPlacement(UNION, JurisdictionCode.of("130102"),
			UnionType.PROJECT_SITE, Sector.CONSTRUCTION);

	private static final UnionPlacement OTHER_PLACEMENT = new UnionPlacement(OTHER_UNION, JurisdictionCode.of("130171"),
			UnionType.ENTERPRISE, Sector.LOGISTICS);

	private static final EncryptedPersonalData DATA = new EncryptedPersonalData("k1", "c2VhbGVkIGRhdGE=");

	private static final CredentialCode CODE = new CredentialCode("TC-7Q4M-9XKD");

	private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

	private static final org.unionledger.jurisdiction.LedgerId HENAN = new org.unionledger.jurisdiction.LedgerId("41");

	private static final org.unionledger.identity.PersonFingerprint PERSON = new org.unionledger.identity.PersonFingerprint(
			"a".repeat(52));

	private static final Instant AT = Instant.parse("2026-06-15T08:00:00.123456789Z");

	private static final RecordedBy CLERK = new RecordedBy("clerk-01");

	private static final ServiceId SERVICE = new ServiceId("svc-1");

	private static final org.unionledger.applications.ApplicationId APPLICATION = new org.unionledger.applications.ApplicationId(
			"oa-1");

	private final JacksonSerializer serializer = JacksonSerializer.builder()
		.objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
		.build();

	static List<Object> samples() {
		return List.of(
				new org.unionledger.union.Commands.RegisterUnion(UNION, "长安区建筑项目工会", UnionType.PROJECT_SITE,
						Sector.CONSTRUCTION, JurisdictionCode.of("130102"), DAY, CLERK),
				new org.unionledger.union.Commands.RenameUnion(UNION, "长安区建筑业联合工会", DAY, "merged", CLERK),
				new org.unionledger.union.Commands.DissolveUnion(UNION, DAY, "project finished", CLERK),
				new org.unionledger.union.Events.UnionRegistered(PLACEMENT, "长安区建筑项目工会", DAY, AT, CLERK),
				new org.unionledger.union.Events.UnionRenamed(PLACEMENT, "长安区建筑业联合工会", "长安区建筑项目工会", null, DAY, AT,
						CLERK),
				new org.unionledger.union.Events.UnionDissolved(PLACEMENT, null, DAY, AT, CLERK),
				new org.unionledger.union.Commands.MoveUnion(UNION, JurisdictionCode.of("130104"), DAY, "区划调整", CLERK),
				new org.unionledger.union.Events.UnionMoved(new UnionPlacement(UNION, JurisdictionCode.of("130104"),
						UnionType.PROJECT_SITE, Sector.CONSTRUCTION), JurisdictionCode.of("130102"), "2023", "区划调整",
						DAY, AT, CLERK),
				new org.unionledger.membership.Commands.EnrollMember(MEMBER, DATA, UNION, DAY, EnrollmentChannel.ONLINE,
						CLERK),
				new org.unionledger.membership.Commands.IssueTransferCredential(MEMBER, CODE, UNION, null, DAY, 30,
						CLERK),
				new org.unionledger.membership.Commands.AcceptTransfer(MEMBER, CODE, OTHER_UNION, DAY, CLERK),
				new org.unionledger.membership.Commands.CancelTransferCredential(MEMBER, CODE, DAY, "lost", CLERK),
				new org.unionledger.membership.Commands.ReissueTransferCredential(MEMBER, CODE,
						new CredentialCode("TC-8R5N-2WLE"), DAY, 30, "lost", CLERK),
				new org.unionledger.membership.Commands.PutMembershipOnHold(MEMBER, DAY, "retired", CLERK),
				new org.unionledger.membership.Commands.ResumeMembership(MEMBER, DAY, CLERK),
				new org.unionledger.membership.Commands.TerminateMembership(MEMBER, DAY,
						TerminationReason.VOLUNTARY_WITHDRAWAL, CLERK),
				new org.unionledger.membership.Commands.ErasePersonalData(MEMBER, "PIPL art. 47", CLERK),
				new org.unionledger.membership.Commands.ReclassifyEnrollmentAsTransferIn(MEMBER, "K:m-x:1", "moved",
						CLERK),
				new org.unionledger.membership.Events.EnrollmentReclassifiedAsTransferIn(MEMBER, PLACEMENT, DAY,
						EnrollmentChannel.IMPORT, "K:m-x:1", "moved", AT, CLERK),
				new org.unionledger.supervision.Commands.DecideFinding(
						new org.unionledger.supervision.FindingId("BACKDATED_RECORD:m-x:9"),
						org.unionledger.supervision.FindingDecision.CONFIRMED, "late on purpose", CLERK),
				new org.unionledger.supervision.Events.FindingDecided(
						new org.unionledger.supervision.FindingId("BACKDATED_RECORD:m-x:9"),
						org.unionledger.supervision.FindingDecision.DISMISSED, "explained", AT, CLERK),
				new org.unionledger.membership.Events.MemberEnrolled(MEMBER, DATA, PLACEMENT, EnrollmentChannel.ON_SITE,
						DAY, AT, CLERK),
				new org.unionledger.membership.Events.MemberReEnrolled(MEMBER, DATA, PLACEMENT,
						EnrollmentChannel.IMPORT, DAY, AT, CLERK),
				new org.unionledger.membership.Events.EnrollmentRejected(MEMBER, OTHER_PLACEMENT,
						EnrollmentChannel.ONLINE, EnrollmentRejectionReason.ALREADY_ACTIVE, UNION, DAY, AT, CLERK),
				new org.unionledger.membership.Events.TransferCredentialIssued(MEMBER, CODE, PLACEMENT, OTHER_UNION,
						DAY, DAY.plusDays(30), AT, CLERK),
				new org.unionledger.membership.Events.TransferCredentialCancelled(MEMBER, CODE, PLACEMENT, "lost", DAY,
						AT, CLERK),
				new org.unionledger.membership.Events.TransferAccepted(MEMBER, CODE, PLACEMENT, OTHER_PLACEMENT, DAY,
						AT, CLERK),
				new org.unionledger.membership.Events.TransferAcceptanceRejected(MEMBER, CODE, OTHER_UNION,
						CredentialRejectionReason.EXPIRED, DAY, AT, CLERK),
				new org.unionledger.membership.Events.MembershipPutOnHold(MEMBER, PLACEMENT, "retired", DAY, AT, CLERK),
				new org.unionledger.membership.Events.MembershipResumed(MEMBER, PLACEMENT, DAY, AT, CLERK),
				new org.unionledger.membership.Events.MembershipTerminated(MEMBER, PLACEMENT,
						TerminationReason.DECEASED, true, DAY, AT, CLERK),
				new org.unionledger.membership.Commands.EndDoubleCountedMembership(MEMBER,
						"CROSS_LEDGER_DOUBLE_COUNT:m-x:3", "counted in Henan", DAY, CLERK),
				new org.unionledger.membership.Events.MembershipTerminated(MEMBER, PLACEMENT,
						TerminationReason.DUPLICATE_RECORD, false, DAY, AT, CLERK, "CROSS_LEDGER_DOUBLE_COUNT:m-x:3",
						"counted in Henan"),
				new org.unionledger.membership.Events.PersonalDataErased(MEMBER, "pk-1", "PIPL art. 47", AT, CLERK),
				new org.unionledger.membership.Commands.CorrectMemberName(MEMBER, DATA, "misspelt", CLERK),
				new org.unionledger.membership.Events.MemberNameCorrected(MEMBER, DATA, PLACEMENT, "misspelt", AT,
						CLERK),
				new org.unionledger.service.Commands.RecordServiceDelivered(SERVICE, UNION, null,
						ServiceType.SEASONAL_CARE, Campaign.WINTER_WARMTH, DAY, 12, new BigDecimal("3600.50"), CLERK),
				new org.unionledger.service.Events.ServiceDelivered(SERVICE, PLACEMENT, MEMBER,
						ServiceType.SKILLS_TRAINING, null, DAY, 1, new BigDecimal("0.00"), AT, CLERK),
				new org.unionledger.membership.Commands.AssignServingUnion(MEMBER, OTHER_UNION, DAY, CLERK),
				new org.unionledger.membership.Commands.EndServingAssignment(MEMBER, DAY, CLERK),
				new org.unionledger.membership.Events.ServingUnionAssigned(MEMBER, PLACEMENT, OTHER_PLACEMENT, DAY, AT,
						CLERK),
				new org.unionledger.membership.Events.ServingAssignmentEnded(MEMBER, PLACEMENT, OTHER_PLACEMENT,
						org.unionledger.membership.ServingEndReason.MEMBERSHIP_TRANSFERRED, DAY, AT, CLERK),
				new org.unionledger.federation.Commands.RecordCrossLedgerComparison(
						new org.unionledger.federation.ComparisonId("cmp-1"), HENAN, "0".repeat(64),
						new org.unionledger.federation.ExportPart(2, 3), 3, 4,
						List.of(new org.unionledger.federation.DoubleCount(MEMBER, PLACEMENT, OTHER_UNION, "郑州某工会")),
						CLERK),
				new org.unionledger.federation.Events.CrossLedgerDoubleCountsFound(
						new org.unionledger.federation.ComparisonId("cmp-1"), HENAN, "0".repeat(64),
						new org.unionledger.federation.ExportPart(2, 3), 3, 4,
						List.of(new org.unionledger.federation.DoubleCount(MEMBER, PLACEMENT, OTHER_UNION, "郑州某工会")),
						AT, CLERK),
				new org.unionledger.federation.Commands.RecordDocumentRefusal(
						new org.unionledger.federation.RefusalId("fd-1"),
						org.unionledger.federation.DocumentKind.CREDENTIAL,
						org.unionledger.federation.DocumentRefusal.BAD_SIGNATURE, "41", "c-1", "0".repeat(64), UNION,
						CLERK),
				new org.unionledger.federation.Events.ForeignDocumentRefused(
						new org.unionledger.federation.RefusalId("fd-1"),
						org.unionledger.federation.DocumentKind.RECEIPT,
						org.unionledger.federation.DocumentRefusal.UNKNOWN_CREDENTIAL, null, null, "0".repeat(64), null,
						AT, CLERK),
				new org.unionledger.membership.Commands.IssueInterLedgerCredential(MEMBER, CODE, UNION, HENAN,
						OTHER_UNION, PERSON, DAY, 30, CLERK),
				new org.unionledger.membership.Commands.CloseInterLedgerTransfer(MEMBER, CODE, HENAN, OTHER_UNION,
						"郑州某项目部工会", "r-1", PERSON, DAY, CLERK),
				new org.unionledger.membership.Commands.AcceptInterLedgerTransfer(MEMBER, DATA, UNION, HENAN,
						OTHER_UNION, "郑州某项目部工会", CODE, null, PERSON, DAY, DAY.plusDays(30), "r-1", DAY, CLERK,
						"m-origin"),
				new org.unionledger.membership.Events.InterLedgerCredentialIssued(MEMBER, CODE, PLACEMENT, HENAN, null,
						PERSON, DAY, DAY.plusDays(30), AT, CLERK),
				new org.unionledger.membership.Events.MemberTransferredToLedger(MEMBER, CODE, PLACEMENT, true, HENAN,
						OTHER_UNION, "郑州某项目部工会", "r-1", DAY, DAY, AT, CLERK),
				new org.unionledger.membership.Events.InterLedgerReceiptRefused(MEMBER, CODE, HENAN, "r-1",
						CredentialRejectionReason.RECEIPT_MISMATCH, DAY, AT, CLERK),
				new org.unionledger.membership.Events.MemberTransferredInFromLedger(MEMBER, DATA, PLACEMENT, HENAN,
						OTHER_UNION, "郑州某项目部工会", CODE, PERSON, "r-1", DAY, AT, CLERK, "m-origin"),
				new org.unionledger.membership.Events.InterLedgerTransferRefused(MEMBER, HENAN, CODE, UNION,
						CredentialRejectionReason.ALREADY_MEMBER, DAY, AT, CLERK),
				new org.unionledger.targets.Commands.SetEnrollmentTarget(
						org.unionledger.targets.TargetId.of(JurisdictionCode.of("1301"), 2026),
						JurisdictionCode.of("1301"), 2026, org.unionledger.targets.TargetSource.SELF_SET, 15_000, DAY,
						CLERK),
				new org.unionledger.targets.Events.EnrollmentTargetSet(JurisdictionCode.of("1301"), 2026,
						org.unionledger.targets.TargetSource.ASSIGNED, 12_000, 11_000L, DAY, AT, CLERK),
				new org.unionledger.disclosure.Commands.RecordDisclosure(
						org.unionledger.disclosure.DisclosureLogId.of(MEMBER), MEMBER, "duplicate report", CLERK),
				new org.unionledger.disclosure.Events.PersonalDataDisclosed(
						org.unionledger.disclosure.DisclosureLogId.of(MEMBER), MEMBER, "duplicate report", AT, CLERK),
				new org.unionledger.applications.Commands.SubmitApplication(APPLICATION, MEMBER, DATA, UNION, DAY,
						CLERK),
				new org.unionledger.applications.Commands.ApproveApplication(APPLICATION, UNION, DAY, CLERK),
				new org.unionledger.applications.Commands.DeclineApplication(APPLICATION, UNION, "not employed here",
						CLERK),
				new org.unionledger.applications.Commands.WithdrawApproval(APPLICATION, UNION, "enrollment failed",
						CLERK),
				new org.unionledger.online.Events.ApplicationSubmitted(APPLICATION, MEMBER, DATA, PLACEMENT, DAY, AT,
						CLERK),
				new org.unionledger.online.Events.ApplicationApproved(APPLICATION, MEMBER, PLACEMENT, DAY, AT, CLERK),
				new org.unionledger.online.Events.ApplicationDeclined(APPLICATION, PLACEMENT, "not employed here", AT,
						CLERK),
				new org.unionledger.online.Events.ApplicationApprovalWithdrawn(APPLICATION, PLACEMENT, DAY,
						"enrollment failed", AT, CLERK),
				new org.unionledger.annualreports.Commands.SignOffAnnualReport(
						org.unionledger.annualreports.ReportId.of(JurisdictionCode.of("1301"), 2026),
						JurisdictionCode.of("1301"), 2026, java.util.Map.of("activeMembers", 120L), 500, 502,
						"a".repeat(64),
						List.of(org.unionledger.annualreports.ChildReport.signed(JurisdictionCode.of("130102"), 1, 400,
								"b".repeat(64)),
								org.unionledger.annualreports.ChildReport.exempt(JurisdictionCode.of("130104"))),
						List.of(JurisdictionCode.of("130105")), "checked", CLERK),
				new org.unionledger.signoff.Events.AnnualReportSignedOff(
						org.unionledger.annualreports.ReportId.of(JurisdictionCode.of("1301"), 2026),
						JurisdictionCode.of("1301"), 2026, 2,
						java.util.Map.of("activeMembers", 120L, "services.amountFen", 360050L), 500, 502,
						"a".repeat(64),
						List.of(org.unionledger.annualreports.ChildReport.signed(JurisdictionCode.of("130102"), 1, 400,
								"b".repeat(64))),
						"c".repeat(64), "d".repeat(64), null, AT, CLERK),
				Outcome.ok(), Outcome.rejected(CredentialRejectionReason.WRONG_UNION));
	}

	@Test
	void thereIsASampleOfEveryCommandAndEvent() {
		List<Class<?>> messageTypes = Arrays.stream(MESSAGE_HOLDERS)
			.flatMap((holder) -> Stream.of(holder.getDeclaredClasses()))
			.filter(Class::isRecord)
			.toList();

		assertThat(samples()).extracting(Object::getClass).containsAll(messageTypes);
	}

	@Test
	void everyEventCarriesARevision() {
		assertThat(Arrays.stream(EVENT_HOLDERS).flatMap((holder) -> Stream.of(holder.getDeclaredClasses())))
			.isNotEmpty()
			.allSatisfy((type) -> assertThat(type.getAnnotation(Revision.class)).isNotNull());
	}

	@ParameterizedTest
	@MethodSource("samples")
	void roundTripsThroughJackson(Object message) {
		SerializedObject<String> serialized = this.serializer.serialize(message, String.class);

		Object back = this.serializer.deserialize(serialized);

		assertThat(back).isEqualTo(message);
		if (message.getClass().isAnnotationPresent(Revision.class)) {
			assertThat(serialized.getType().getRevision())
				.isEqualTo(message.getClass().getAnnotation(Revision.class).value());
		}
	}

	@Test
	void aTerminationOfRevisionOneReadsAsOneThatCorrectsNoFinding() {
		org.unionledger.membership.Events.MembershipTerminated now = new org.unionledger.membership.Events.MembershipTerminated(
				MEMBER, PLACEMENT, TerminationReason.DECEASED, true, DAY, AT, CLERK);
		SerializedObject<String> serialized = this.serializer.serialize(now, String.class);
		String revisionOne = serialized.getData()
			.replace(",\"findingId\":null", "")
			.replace(",\"correctionReason\":null", "");
		assertThat(revisionOne).doesNotContain("findingId").doesNotContain("correctionReason");

		Object back = this.serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
				revisionOne, String.class, serialized.getType().getName(), "1"));

		assertThat(back).isEqualTo(now);
	}

	@Test
	void aComparisonOfRevisionOneReadsAsOneOfAWholeExport() {
		org.unionledger.federation.Events.CrossLedgerDoubleCountsFound now = new org.unionledger.federation.Events.CrossLedgerDoubleCountsFound(
				new org.unionledger.federation.ComparisonId("cmp-1"), HENAN, "0".repeat(64),
				org.unionledger.federation.ExportPart.WHOLE, 3, 4, List.of(), AT, CLERK);
		SerializedObject<String> serialized = this.serializer.serialize(now, String.class);
		String revisionOne = serialized.getData().replaceAll(",?\"part\":\\{[^}]*\\}", "");
		assertThat(revisionOne).doesNotContain("part").contains("\"theirs\":3");

		Object back = this.serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
				revisionOne, String.class, serialized.getType().getName(), "1"));

		assertThat(back).isEqualTo(now);
	}

	@Test
	void idsAndCodesAreWrittenAsPlainStrings() {
		Object issued = samples().stream()
			.filter(org.unionledger.membership.Events.TransferCredentialIssued.class::isInstance)
			.findFirst()
			.orElseThrow();
		String json = this.serializer.serialize(issued, String.class).getData();

		assertThat(json).contains("\"memberId\":\"m-oz4njx4bwlschfqh6vct6fq3c4\"")
			.contains("\"code\":\"TC-7Q4M-9XKD\"")
			.contains("\"jurisdictionCode\":\"130102\"")
			.contains("\"toUnionId\":\"sjz-logistics-02\"");
	}

}
