package org.unionledger.api.federation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.security.SecureRandom;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.members.CredentialCodes;
import org.unionledger.api.members.MemberRecords;
import org.unionledger.api.personaldata.PersonalDataVault;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.common.Rule;
import org.unionledger.federation.ComparisonId;
import org.unionledger.federation.Commands.RecordCrossLedgerComparison;
import org.unionledger.federation.DocumentKind;
import org.unionledger.federation.DoubleCount;
import org.unionledger.federation.ExportPart;
import org.unionledger.federation.FingerprintExport;
import org.unionledger.identity.PersonFingerprint;
import org.unionledger.identity.UnreadablePersonalDataException;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.membership.MemberId;
import org.unionledger.membership.MembershipStatus;
import org.unionledger.projections.rosters.FindRoster;
import org.unionledger.projections.rosters.RosterView;
import org.unionledger.projections.unionlists.FindUnionsIn;
import org.unionledger.projections.unionlists.UnionListView;
import org.unionledger.union.Sector;
import org.unionledger.api.members.MemberTokens;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

/**
 * Double counts across ledgers (跨省重复统计), found without either side learning a resident
 * ID: a supervisor exports the federation fingerprints of the people counted in their
 * scope (active or on hold), signed, for one partner ledger; the partner's supervisor
 * compares it with the people counted in theirs. Each person counted in both becomes a
 * supervision finding ({@code CROSS_LEDGER_DOUBLE_COUNT}) at the union counting them,
 * decided as any finding; the comparison is recorded
 * ({@link RecordCrossLedgerComparison}).
 */
@Service
public class CrossLedgerDoubleCounts {

	private final Federation federation;

	private final QueryGateway queries;

	private final CommandGateway commands;

	private final MemberRecords records;

	private final PersonalDataVault vault;

	private final JurisdictionTable jurisdictions;

	private final DocumentRefusals refusals;

	private final ProjectionFreshness freshness;

	private final Actors actors;

	private final Clock clock;

	private final SecureRandom random;

	private final FederationProperties settings;

	public CrossLedgerDoubleCounts(Federation federation, QueryGateway queries, CommandGateway commands,
			MemberRecords records, PersonalDataVault vault, JurisdictionTable jurisdictions, DocumentRefusals refusals,
			ProjectionFreshness freshness, Actors actors, Clock clock, SecureRandom random,
			FederationProperties settings) {
		this.settings = settings;
		this.federation = federation;
		this.queries = queries;
		this.commands = commands;
		this.records = records;
		this.vault = vault;
		this.jurisdictions = jurisdictions;
		this.refusals = refusals;
		this.freshness = freshness;
		this.actors = actors;
		this.clock = clock;
		this.random = random;
	}

	/** A person counted here, by fingerprint. */
	private record Counted(PersonFingerprint person, MemberId memberId, UnionPlacement union, String unionName) {
	}

	/**
	 * The signed export of the people counted in {@code scope} for a partner ledger, or
	 * of one part of them.
	 *
	 * @param export what it says
	 * @param document the signed document
	 */
	public record SignedExport(FingerprintExport export, String document) {
	}

	/**
	 * Exports the fingerprints of the people counted in the scope, for {@code partner}:
	 * part {@code part} of {@code parts}, or, without {@code parts}, as many parts as the
	 * people need ({@link FederationProperties#exportPartPeople()} a part), of which
	 * {@code part} (the first without it).
	 * @param scope the jurisdiction (the caller's); {@code null} for the whole ledger
	 * @throws ApiException 422 {@code LEDGER_UNKNOWN} for a ledger not trusted, 422
	 * {@code EXPORT_PART_OUT_OF_RANGE} for a part beyond the parts
	 */
	public SignedExport export(JurisdictionCode scope, String partner, Integer parts, Integer part) {
		Federation f = this.federation.require();
		LedgerId to = f.requirePartner(partner, "ledger");
		JurisdictionCode within = (scope != null) ? scope : JurisdictionCode.of(f.ledger().value());
		// with the parts given, only the part's people are kept while reading; without,
		// the number of parts needs everyone counted first
		ExportPart given = (parts != null) ? part(parts, part, 0) : null;
		List<Counted> counted = counted(within, (given != null) ? given::holds : (person) -> true);
		ExportPart which = (given != null) ? given : part(null, part, counted.size());
		List<FingerprintExport.Entry> entries = counted.stream()
			.filter((c) -> given != null || which.holds(c.person()))
			.map((c) -> new FingerprintExport.Entry(c.person(), c.union().unionId(), c.unionName()))
			.sorted(Comparator.comparing((FingerprintExport.Entry e) -> e.person().value()))
			.toList();
		FingerprintExport export = new FingerprintExport(f.ledger(), to, within.value(), which, entries);
		return new SignedExport(export, f.documents().sign(export, this.clock.instant()));
	}

	private ExportPart part(Integer parts, Integer part, int people) {
		int of = (parts != null) ? parts : ExportPart.partsFor(people, this.settings.exportPartPeople());
		int number = (part != null) ? part : 1;
		if (of < 1 || of > ExportPart.MOST) {
			throw ApiException.of(Rule.EXPORT_PART_OUT_OF_RANGE, "parts", "parts is 1 to " + ExportPart.MOST);
		}
		if (number < 1 || number > of) {
			throw ApiException.of(Rule.EXPORT_PART_OUT_OF_RANGE, "part", "part is 1 to " + of);
		}
		return new ExportPart(number, of);
	}

	/**
	 * What one comparison found.
	 *
	 * @param comparisonId its id (the recorded comparison)
	 * @param otherLedger the ledger whose export was compared
	 * @param part the part of their export compared
	 * @param theirs people in the export (of that part)
	 * @param ours people counted here in the scope, of that part
	 * @param found the persons counted in both
	 */
	public record Comparison(ComparisonId comparisonId, LedgerId otherLedger, ExportPart part, int theirs, int ours,
			List<DoubleCount> found) {
	}

	/**
	 * Compares a partner's export, or a part of it, with the people counted in the scope
	 * (of the same part) and records what it found.
	 * @param scope the jurisdiction (the caller's); {@code null} for the whole ledger
	 * @throws ApiException 422 {@code DOCUMENT_*} for an export refused (recorded)
	 */
	public Comparison compare(JurisdictionCode scope, String document) {
		Federation f = this.federation.require();
		FingerprintExport theirs;
		try {
			theirs = f.documents().verifyExport(document, this.clock.instant());
		}
		catch (DocumentRefusedException ex) {
			throw this.refusals.refuse(DocumentKind.FINGERPRINTS, document, null, ex);
		}
		JurisdictionCode within = (scope != null) ? scope : JurisdictionCode.of(f.ledger().value());
		Map<PersonFingerprint, Counted> ours = new HashMap<>();
		// the people here in the same part as theirs
		for (Counted counted : counted(within, theirs.part()::holds)) {
			ours.put(counted.person(), counted);
		}
		List<DoubleCount> found = new ArrayList<>();
		java.util.Set<MemberId> seen = new java.util.HashSet<>();
		for (FingerprintExport.Entry entry : theirs.entries()) {
			Counted here = ours.get(entry.person());
			if (here != null && seen.add(here.memberId())) {
				found.add(new DoubleCount(here.memberId(), here.union(), entry.unionId(), entry.unionName()));
			}
		}
		ComparisonId id = new ComparisonId("cmp-" + CredentialCodes.next(this.random).value().substring(3));
		this.commands
			.sendAndWait(new RecordCrossLedgerComparison(id, theirs.ledger(), DocumentRefusals.sha256(document.strip()),
					theirs.part(), theirs.entries().size(), ours.size(), found, this.actors.current()));
		this.freshness.awaitOwnWrites();
		return new Comparison(id, theirs.ledger(), theirs.part(), theirs.entries().size(), ours.size(), found);
	}

	/**
	 * The people counted (active or on hold) in the unions of the scope's counties, by
	 * the fingerprints the rosters keep ({@link MemberTokens}), without opening anyone's
	 * data unless the roster has no fingerprint under the current key; only those whose
	 * fingerprint {@code keep} accepts (the part of an export asked for).
	 */
	private List<Counted> counted(JurisdictionCode scope, Predicate<PersonFingerprint> keep) {
		List<JurisdictionCode> counties = this.jurisdictions.all()
			.stream()
			.map(Jurisdiction::code)
			.filter(this.jurisdictions::isCountyLevel)
			.filter((code) -> code.value().startsWith(scope.value()))
			.toList();
		if (counties.isEmpty()) {
			throw ApiException.of(Rule.JURISDICTION_UNKNOWN, "scope", "no county lies in " + scope);
		}
		Federation f = this.federation.require();
		UnionListView unions = this.queries
			.query(new FindUnionsIn(counties), ResponseTypes.instanceOf(UnionListView.class))
			.join();
		List<Counted> counted = new ArrayList<>();
		for (UnionListView.Entry union : unions.unions()) {
			UnionPlacement placement = new UnionPlacement(new UnionId(union.unionId()),
					JurisdictionCode.of(union.jurisdictionCode()), UnionType.valueOf(union.type()),
					Sector.valueOf(union.sector()));
			RosterView roster = this.queries
				.query(new FindRoster(placement.unionId()), ResponseTypes.instanceOf(RosterView.class))
				.join();
			for (RosterView.Entry member : roster.members()) {
				if (member.status() != MembershipStatus.ACTIVE && member.status() != MembershipStatus.ON_HOLD) {
					continue;
				}
				Optional<PersonFingerprint> kept = MemberTokens.fingerprintKept(member.person(), f.fingerprints());
				if (kept.isPresent()) {
					if (keep.test(kept.get())) {
						counted.add(new Counted(kept.get(), member.memberId(), placement, union.name()));
					}
					continue;
				}
				try {
					// not kept: written before this ledger joined a federation, or under
					// another federation key; opened here
					this.records.personalData(member.memberId())
						.map(this.vault::decrypt)
						.map((person) -> f.fingerprints().fingerprintOf(person.residentId()))
						.filter(keep)
						.ifPresent((person) -> counted
							.add(new Counted(person, member.memberId(), placement, union.name())));
				}
				catch (UnreadablePersonalDataException ex) {
					// Erased: the person can no longer be named, here or elsewhere.
				}
			}
		}
		return counted;
	}

}
