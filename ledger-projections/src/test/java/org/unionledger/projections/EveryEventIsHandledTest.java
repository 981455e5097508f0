package org.unionledger.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static java.util.Map.entry;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.unionledger.membership.Events.EnrollmentReclassifiedAsTransferIn;
import org.unionledger.membership.Events.EnrollmentRejected;
import org.unionledger.membership.Events.InterLedgerCredentialIssued;
import org.unionledger.membership.Events.InterLedgerReceiptRefused;
import org.unionledger.membership.Events.InterLedgerTransferRefused;
import org.unionledger.membership.Events.MemberEnrolled;
import org.unionledger.membership.Events.MemberNameCorrected;
import org.unionledger.membership.Events.MembershipPutOnHold;
import org.unionledger.membership.Events.MembershipResumed;
import org.unionledger.membership.Events.MembershipTerminated;
import org.unionledger.membership.Events.PersonalDataErased;
import org.unionledger.membership.Events.ServingAssignmentEnded;
import org.unionledger.membership.Events.ServingUnionAssigned;
import org.unionledger.membership.Events.TransferAcceptanceRejected;
import org.unionledger.membership.Events.TransferCredentialCancelled;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.membership.MembershipEvent;
import org.unionledger.projections.consistency.ReferenceStatistics;
import org.unionledger.projections.credentials.CredentialProjection;
import org.unionledger.projections.rosters.RosterProjection;
import org.unionledger.projections.statistics.StatisticsProjection;
import org.unionledger.projections.summary.SummaryProjection;
import org.unionledger.projections.supervision.SupervisionProjection;
import org.unionledger.projections.transfers.TransferProjection;
import org.unionledger.service.Events.ServiceDelivered;
import org.unionledger.service.ServiceEvent;
import org.unionledger.targets.Events.EnrollmentTargetSet;
import org.unionledger.targets.TargetEvent;
import org.unionledger.union.Events.UnionRegistered;
import org.unionledger.union.Events.UnionRenamed;
import org.unionledger.union.UnionEvent;

/**
 * A projection that reads one event of an aggregate's sealed hierarchy handles every
 * event of it, or says here why it ignores one: a new event fails this test until each
 * read model and the reference replay has been looked at. The replay folds membership and
 * union events through their visitors, so the compiler holds it to those; its other
 * hierarchies are checked here.
 */
class EveryEventIsHandledTest {

	/** Events a projection rightly ignores, each with the reason. Reviewed. */
	static final Map<Class<?>, Map<Class<?>, String>> IGNORED = Map.of(RosterProjection.class,
			Map.ofEntries(entry(EnrollmentRejected.class, "a refused enrollment changes no roster"),
					entry(TransferCredentialIssued.class, "the member stays on the origin's roster until accepted"),
					entry(TransferCredentialCancelled.class, "the member never left the roster"),
					entry(TransferAcceptanceRejected.class, "a refused presentation moves no one"),
					entry(EnrollmentReclassifiedAsTransferIn.class,
							"only how the enrollment counts changes, not where the member is"),
					entry(ServingUnionAssigned.class,
							"a roster lists the holding union's members; serving moves no membership"),
					entry(ServingAssignmentEnded.class,
							"a roster lists the holding union's members; serving moves no membership"),
					entry(InterLedgerCredentialIssued.class,
							"a member in flight to another ledger counts here until its receipt arrives (rule 7)"),
					entry(InterLedgerReceiptRefused.class, "a refused receipt moves no one"),
					entry(InterLedgerTransferRefused.class,
							"a refused presentation of another ledger's credential moves no one")),
			StatisticsProjection.class,
			Map.ofEntries(entry(EnrollmentRejected.class, "a refusal counts in no figure; supervision keeps it"),
					entry(TransferCredentialIssued.class,
							"a member in transfer counts at the origin until accepted (rule 2)"),
					entry(TransferCredentialCancelled.class, "the member never left the origin"),
					entry(TransferAcceptanceRejected.class, "a refused presentation moves no one"),
					entry(PersonalDataErased.class, "no figure counts personal data"),
					entry(MemberNameCorrected.class, "no figure counts personal data"),
					entry(UnionRenamed.class, "a union's new name counts in no figure; it stays where it is"),
					entry(InterLedgerCredentialIssued.class,
							"a member in flight to another ledger counts here until its receipt arrives (rule 7)"),
					entry(InterLedgerReceiptRefused.class, "a refused receipt moves no one"),
					entry(InterLedgerTransferRefused.class,
							"a refused presentation of another ledger's credential moves no one")),
			SummaryProjection.class,
			Map.ofEntries(entry(EnrollmentRejected.class, "a refusal counts in no figure; supervision keeps it"),
					entry(TransferCredentialIssued.class,
							"a member in transfer counts at the origin until accepted (rule 2)"),
					entry(TransferCredentialCancelled.class, "the member never left the origin"),
					entry(TransferAcceptanceRejected.class, "a refused presentation moves no one"),
					entry(PersonalDataErased.class, "no figure counts personal data"),
					entry(MemberNameCorrected.class, "no figure counts personal data"),
					entry(ServingUnionAssigned.class,
							"summaries count by holding union; serving counts live in the statistics read model"),
					entry(ServingAssignmentEnded.class,
							"summaries count by holding union; serving counts live in the statistics read model"),
					entry(InterLedgerCredentialIssued.class,
							"a member in flight to another ledger counts here until its receipt arrives (rule 7)"),
					entry(InterLedgerReceiptRefused.class, "a refused receipt moves no one"),
					entry(InterLedgerTransferRefused.class,
							"a refused presentation of another ledger's credential moves no one"),
					entry(UnionRegistered.class, "summaries count members; unions are counted in the statistics"),
					entry(UnionRenamed.class, "a union's new name counts in no figure"),
					entry(org.unionledger.union.Events.UnionDissolved.class,
							"summaries count members; open unions are counted in the statistics")),
			SupervisionProjection.class,
			Map.ofEntries(
					entry(PersonalDataErased.class, "findings name members by id only, never their personal data"),
					entry(MemberNameCorrected.class, "findings name members by id only, never their personal data"),
					entry(ServingUnionAssigned.class, "no finding concerns serving unions"),
					entry(ServingAssignmentEnded.class, "no finding concerns serving unions"),
					entry(UnionRegistered.class,
							"a union is traced from the first enrollment into it; only its dissolution raises findings"),
					entry(UnionRenamed.class, "findings name unions by id; their names are looked up when shown"),
					entry(org.unionledger.union.Events.UnionMoved.class,
							"findings name unions by id and stay where they were raised"),
					entry(InterLedgerTransferRefused.class,
							"another ledger's credential is not traced here; the refusal stays in the member's history"),
					entry(org.unionledger.federation.Events.ForeignDocumentRefused.class,
							"a refused document names no member here; the refusal is its own record")),
			CredentialProjection.class, credentialIgnores(), TransferProjection.class, credentialIgnores());

	/**
	 * Events a projection ignores though it should not, each awaiting its own change (it
	 * would change what a read model answers). None at present: the two found when this
	 * test was written (re-enrollments in the credential and transfers read models) are
	 * handled.
	 */
	static final Map<Class<?>, Map<Class<?>, String>> KNOWN_GAPS = Map.of();

	private static Map<Class<?>, String> credentialIgnores() {
		return Map.ofEntries(entry(MemberEnrolled.class, "a new membership has no credential"),
				entry(EnrollmentRejected.class, "a refused enrollment touches no credential"),
				entry(TransferAcceptanceRejected.class, "a refused presentation leaves the credential as it was"),
				entry(MembershipPutOnHold.class, "the credential stays outstanding; the ledger refuses it while held"),
				entry(MembershipResumed.class, "the credential stays outstanding"),
				entry(MembershipTerminated.class,
						"the credential stays outstanding; the ledger refuses it while not active"),
				entry(PersonalDataErased.class, "credentials hold no personal data"),
				entry(MemberNameCorrected.class, "credentials hold no personal data"),
				entry(EnrollmentReclassifiedAsTransferIn.class, "touches no credential"),
				entry(ServingUnionAssigned.class, "serving needs no credential"),
				entry(ServingAssignmentEnded.class, "serving needs no credential"),
				entry(InterLedgerReceiptRefused.class, "a refused receipt leaves the credential as it was"),
				entry(InterLedgerTransferRefused.class,
						"another ledger's credential is not listed here; the refusal stays in the member's history"));
	}

	/**
	 * The hierarchies the reference replay reads besides those it visits, with the events
	 * it reads of them.
	 */
	static final Map<Class<?>, Set<Class<?>>> REPLAY_READS = Map.of(ServiceEvent.class, Set.of(ServiceDelivered.class),
			TargetEvent.class, Set.of(EnrollmentTargetSet.class));

	@Test
	void everyProjectionHandlesEveryEventOfTheHierarchiesItReadsOrSaysWhyNot() throws Exception {
		List<String> unhandled = new ArrayList<>();
		for (Class<?> projection : projections()) {
			Set<Class<?>> handled = handledBy(projection);
			Map<Class<?>, String> ignored = excused(projection);
			for (Class<?> hierarchy : hierarchiesOf(handled)) {
				for (Class<?> event : hierarchy.getPermittedSubclasses()) {
					if (!handled.contains(event) && !ignored.containsKey(event)) {
						unhandled.add(projection.getSimpleName() + " neither handles nor ignores "
								+ hierarchy.getSimpleName() + " " + event.getSimpleName());
					}
				}
			}
		}
		assertThat(unhandled).isEmpty();
	}

	@Test
	void everyIgnoredEventIsOneTheProjectionReadsTheHierarchyOfAndDoesNotHandle() throws Exception {
		List<Class<?>> projections = projections();
		List<String> stale = new ArrayList<>();
		for (Map<Class<?>, Map<Class<?>, String>> list : List.of(IGNORED, KNOWN_GAPS)) {
			list.forEach((projection, events) -> {
				assertThat(projections).contains(projection);
				Set<Class<?>> handled = handledBy(projection);
				Set<Class<?>> hierarchies = hierarchiesOf(handled);
				events.forEach((event, reason) -> {
					boolean read = hierarchies.stream().anyMatch((h) -> h.isAssignableFrom(event));
					if (handled.contains(event) || !read || reason.isBlank()) {
						stale.add(projection.getSimpleName() + " " + event.getSimpleName());
					}
				});
			});
		}
		assertThat(stale).as("entries to remove: the event is handled or its hierarchy not read").isEmpty();
	}

	/**
	 * The replay must read every event of the hierarchies the statistics count:
	 * membership and union events through their visitors (checked by the compiler), the
	 * others here.
	 */
	@Test
	void theReferenceReplayReadsEveryEventOfTheHierarchiesTheStatisticsCount() throws Exception {
		Set<Class<?>> counted = hierarchiesOf(handledBy(StatisticsProjection.class));
		Set<Class<?>> visited = visitedBy(ReferenceStatistics.class);
		assertThat(visited).containsExactlyInAnyOrder(MembershipEvent.Visitor.class, UnionEvent.Visitor.class);
		Set<Class<?>> read = new LinkedHashSet<>(REPLAY_READS.keySet());
		visited.forEach((visitor) -> read.add(visitor.getEnclosingClass()));
		assertThat(read).containsExactlyInAnyOrderElementsOf(counted);
		REPLAY_READS.forEach(
				(hierarchy, events) -> assertThat(Set.of(hierarchy.getPermittedSubclasses()))
					.as("events of %s: read them in ReferenceStatistics, or give the hierarchy a visitor",
							hierarchy.getSimpleName())
					.isEqualTo(events));
	}

	@Test
	void theProjectionsAreFound() throws Exception {
		assertThat(projections()).hasSizeGreaterThanOrEqualTo(9)
			.contains(StatisticsProjection.class, SupervisionProjection.class, RosterProjection.class);
	}

	private static Map<Class<?>, String> excused(Class<?> projection) {
		Map<Class<?>, String> excused = new java.util.HashMap<>(IGNORED.getOrDefault(projection, Map.of()));
		excused.putAll(KNOWN_GAPS.getOrDefault(projection, Map.of()));
		return excused;
	}

	/** The payload types of a class's {@code @EventHandler}s (the first parameter). */
	static Set<Class<?>> handledBy(Class<?> projection) {
		return Arrays.stream(projection.getDeclaredMethods())
			.filter((method) -> method.isAnnotationPresent(EventHandler.class))
			.map((method) -> method.getParameterTypes()[0])
			.collect(Collectors.toSet());
	}

	/** The sealed event hierarchies the types belong to. */
	static Set<Class<?>> hierarchiesOf(Set<Class<?>> events) {
		return events.stream()
			.flatMap((event) -> Arrays.stream(event.getInterfaces()))
			.filter(Class::isSealed)
			.collect(Collectors.toSet());
	}

	/** The event visitors a class or its nested classes implement. */
	private static Set<Class<?>> visitedBy(Class<?> type) {
		return Stream.concat(Stream.of(type), Arrays.stream(type.getDeclaredClasses()))
			.flatMap((nested) -> Arrays.stream(nested.getInterfaces()))
			.filter((i) -> i.getSimpleName().equals("Visitor") && i.getEnclosingClass() != null
					&& i.getEnclosingClass().isSealed())
			.collect(Collectors.toSet());
	}

	/** Every class of this module with an {@code @EventHandler}. */
	static List<Class<?>> projections() throws IOException, URISyntaxException {
		Path classes = Path.of(ReferenceStatistics.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Set<String> names = new TreeSet<>();
		try (Stream<Path> files = Files.walk(classes)) {
			files.filter((file) -> file.toString().endsWith(".class"))
				.map((file) -> classes.relativize(file).toString())
				.map((name) -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
				.forEach(names::add);
		}
		List<Class<?>> projections = new ArrayList<>();
		for (String name : names) {
			try {
				Class<?> type = Class.forName(name, false, EveryEventIsHandledTest.class.getClassLoader());
				for (Method method : type.getDeclaredMethods()) {
					if (method.isAnnotationPresent(EventHandler.class)) {
						projections.add(type);
						break;
					}
				}
			}
			catch (ClassNotFoundException | NoClassDefFoundError ex) {
				throw new IllegalStateException(name, ex);
			}
		}
		return projections;
	}

}
