package org.unionledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.unionledger.applications.OnlineApplications;
import org.unionledger.disclosure.DisclosureLogs;
import org.unionledger.membership.Memberships;
import org.unionledger.service.ServiceDeliveries;
import org.unionledger.annualreports.AnnualReports;
import org.unionledger.supervision.FindingReviews;
import org.unionledger.targets.EnrollmentTargets;
import org.unionledger.union.GrassrootsUnions;

/**
 * The store records every event under its class name and every event's aggregate under
 * its type name, and commit authenticators and seals cover both: a package move or a
 * rename of an event or an aggregate would leave existing stores unreadable. These names
 * change only together with an upcaster.
 */
class StoredNamesTest {

	private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

	@Test
	void everyEventKeepsTheTypeNameItIsStoredUnder() {
		List<String> stored = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.unionledger")
			.stream()
			.filter((type) -> type.isAnnotatedWith(Revision.class))
			.map(JavaClass::reflect)
			.map((event) -> this.serializer.typeForClass(event).getName())
			.sorted()
			.collect(Collectors.toList());
		assertThat(stored).containsExactly("org.unionledger.disclosure.Events$PersonalDataDisclosed",
				"org.unionledger.federation.Events$CrossLedgerDoubleCountsFound",
				"org.unionledger.federation.Events$ForeignDocumentRefused",
				"org.unionledger.membership.Events$EnrollmentReclassifiedAsTransferIn",
				"org.unionledger.membership.Events$EnrollmentRejected",
				"org.unionledger.membership.Events$InterLedgerCredentialIssued",
				"org.unionledger.membership.Events$InterLedgerReceiptRefused",
				"org.unionledger.membership.Events$InterLedgerTransferRefused",
				"org.unionledger.membership.Events$MemberEnrolled",
				"org.unionledger.membership.Events$MemberNameCorrected",
				"org.unionledger.membership.Events$MemberReEnrolled",
				"org.unionledger.membership.Events$MemberTransferredInFromLedger",
				"org.unionledger.membership.Events$MemberTransferredToLedger",
				"org.unionledger.membership.Events$MembershipPutOnHold",
				"org.unionledger.membership.Events$MembershipResumed",
				"org.unionledger.membership.Events$MembershipTerminated",
				"org.unionledger.membership.Events$PersonalDataErased",
				"org.unionledger.membership.Events$ServingAssignmentEnded",
				"org.unionledger.membership.Events$ServingUnionAssigned",
				"org.unionledger.membership.Events$TransferAcceptanceRejected",
				"org.unionledger.membership.Events$TransferAccepted",
				"org.unionledger.membership.Events$TransferCredentialCancelled",
				"org.unionledger.membership.Events$TransferCredentialIssued",
				"org.unionledger.online.Events$ApplicationApprovalWithdrawn",
				"org.unionledger.online.Events$ApplicationApproved",
				"org.unionledger.online.Events$ApplicationDeclined",
				"org.unionledger.online.Events$ApplicationSubmitted", "org.unionledger.service.Events$ServiceDelivered",
				"org.unionledger.signoff.Events$AnnualReportSignedOff",
				"org.unionledger.supervision.Events$FindingDecided",
				"org.unionledger.targets.Events$EnrollmentTargetSet", "org.unionledger.union.Events$UnionDissolved",
				"org.unionledger.union.Events$UnionMoved", "org.unionledger.union.Events$UnionRegistered",
				"org.unionledger.union.Events$UnionRenamed");
	}

	@Test
	void everyAggregateKeepsTheTypeNameItsEventsAreStoredUnder() {
		List<String> types = List
			.of(GrassrootsUnions.aggregateType(), Memberships.aggregateType(), ServiceDeliveries.aggregateType(),
					FindingReviews.aggregateType(), EnrollmentTargets.aggregateType(), DisclosureLogs.aggregateType(),
					OnlineApplications.aggregateType(), AnnualReports.aggregateType())
			.stream()
			.map((aggregate) -> AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregate).type())
			.toList();
		assertThat(types).containsExactly("GrassrootsUnion", "Membership", "ServiceDelivery", "FindingReview",
				"EnrollmentTarget", "DisclosureLog", "OnlineApplication", "AnnualReport");
	}

}
