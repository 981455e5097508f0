package org.unionledger.projections.statistics;

import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.MemberId;
import org.unionledger.projections.support.Documents;
import org.unionledger.targets.TargetSource;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;

/**
 * The entries the statistics keep in lists inside their documents, each a record whose
 * stored form is written and read here only: short field names (there is a document per
 * member), days as ISO text, enums by name. A change of a stored form is a change of
 * {@link StatisticsProjection#LAYOUT}; {@code StoredEntriesTest} pins each form as stores
 * hold it.
 */
final class StoredEntries {

	private StoredEntries() {
	}

	/**
	 * A member's holding union from an effective day on, in the member's document
	 * ({@value StatisticsProjection#MEMBERS}, {@code M:<memberId>}, list {@value #LIST}):
	 * {@code p} the event's global position, {@code e} the day, and, unless the member
	 * held no membership from then on, {@code u} the union, {@code j} its county-level
	 * jurisdiction then, {@code t} its type, {@code s} its sector.
	 *
	 * @param position the global position of the event
	 * @param effective from when
	 * @param union the holding union, {@code null} when none
	 */
	record Holding(long position, LocalDate effective, UnionPlacement union) {

		static final String LIST = "h";

		Document toDocument() {
			Document entry = new Document("p", this.position).append("e", this.effective.toString());
			if (this.union != null) {
				entry.append("u", this.union.unionId().value())
					.append("j", this.union.jurisdictionCode().value())
					.append("t", this.union.type().name())
					.append("s", this.union.sector().name());
			}
			return entry;
		}

		/**
		 * The day of a stored holding alone: a member's holding is looked for among all
		 * its entries, and only the one found is read whole.
		 */
		static LocalDate effectiveOf(Document entry) {
			return LocalDate.parse(entry.getString("e"));
		}

		static Holding of(Document entry) {
			String union = entry.getString("u");
			return new Holding(Documents.number(entry, "p"), effectiveOf(entry),
					(union != null)
							? new UnionPlacement(new UnionId(union), JurisdictionCode.of(entry.getString("j")),
									UnionType.valueOf(entry.getString("t")), Sector.valueOf(entry.getString("s")))
							: null);
		}

	}

	/**
	 * A union's move to another county-level jurisdiction, in the union's moves document
	 * ({@value StatisticsProjection#MEMBERS}, {@code P:<unionId>}, list {@value #LIST}):
	 * {@code p} the event's global position, {@code e} the day it takes effect, {@code f}
	 * the jurisdiction left, {@code j} the one entered.
	 *
	 * @param position the global position of the event
	 * @param effective from when
	 * @param from the jurisdiction left
	 * @param to the jurisdiction entered
	 */
	record UnionMove(long position, LocalDate effective, JurisdictionCode from, JurisdictionCode to) {

		static final String LIST = "v";

		Document toDocument() {
			return new Document("p", this.position).append("e", this.effective.toString())
				.append("f", this.from.value())
				.append("j", this.to.value());
		}

		static UnionMove of(Document entry) {
			return new UnionMove(Documents.number(entry, "p"), LocalDate.parse(entry.getString("e")),
					JurisdictionCode.of(entry.getString("f")), JurisdictionCode.of(entry.getString("j")));
		}

	}

	/**
	 * A union that moved into or out of a scope, in the scope's moves document
	 * ({@value StatisticsProjection#COUNTERS}, {@link CounterKeys#moves}, list
	 * {@value #LIST}): {@code u} the union's scope, {@code e} the day the move takes
	 * effect, {@code r} the day it was recorded, {@code s} +1 into the scope, −1 out of
	 * it.
	 *
	 * @param union the union's scope ({@code U:<unionId>})
	 * @param effective from when
	 * @param recorded the day recorded (in the ledger's zone)
	 * @param sign +1 in, −1 out
	 */
	record ScopeMove(String union, LocalDate effective, LocalDate recorded, int sign) {

		static final String LIST = "m";

		Document toDocument() {
			return new Document("u", this.union).append("e", this.effective.toString())
				.append("r", this.recorded.toString())
				.append("s", this.sign);
		}

		static ScopeMove of(Document entry) {
			return new ScopeMove(entry.getString("u"), LocalDate.parse(entry.getString("e")),
					LocalDate.parse(entry.getString("r")), (int) Documents.number(entry, "s"));
		}

	}

	/**
	 * A change of a jurisdiction's enrollment target for a year, in its targets document
	 * ({@value StatisticsProjection#TARGETS}, {@code T:<code>:<year>}, list
	 * {@value #LIST}): {@code p} the event's global position, {@code s} the target's
	 * source, {@code v} the target, {@code e} the day it takes effect, {@code r} the day
	 * it was recorded.
	 *
	 * @param position the global position of the event
	 * @param source who set it
	 * @param target the number of new enrollments aimed at
	 * @param effective from when
	 * @param recorded the day recorded (in the ledger's zone)
	 */
	record TargetChange(long position, TargetSource source, long target, LocalDate effective, LocalDate recorded) {

		static final String LIST = "changes";

		Document toDocument() {
			return new Document("p", this.position).append("s", this.source.name())
				.append("v", this.target)
				.append("e", this.effective.toString())
				.append("r", this.recorded.toString());
		}

		static TargetChange of(Document entry) {
			return new TargetChange(Documents.number(entry, "p"), TargetSource.valueOf(entry.getString("s")),
					Documents.number(entry, "v"), LocalDate.parse(entry.getString("e")),
					LocalDate.parse(entry.getString("r")));
		}

	}

	/**
	 * A service to a member as the distinct count of members served needs it, in the
	 * member's document of a statistical year ({@value StatisticsProjection#MEMBERS},
	 * {@code S:<memberId>:<year>}, list {@value #LIST}): {@code p} the event's global
	 * position, {@code r} the day recorded, {@code e} the day delivered, {@code d} the
	 * scopes of the delivering union, {@code h} those of the member's holding union then.
	 *
	 * @param position the global position of the event
	 * @param recorded the day recorded (in the ledger's zone)
	 * @param effective the day delivered
	 * @param delivered the delivering union's scopes
	 * @param held the holding union's scopes (empty when none held the membership)
	 * @param memberId the member (not stored: the document's id names it; {@code null}
	 * when read)
	 */
	record Served(long position, LocalDate recorded, LocalDate effective, List<String> delivered, List<String> held,
			MemberId memberId) {

		static final String LIST = "x";

		Document toDocument() {
			return new Document("p", this.position).append("r", this.recorded.toString())
				.append("e", this.effective.toString())
				.append("d", this.delivered)
				.append("h", this.held);
		}

		@SuppressWarnings("unchecked")
		static Served of(Document entry) {
			return new Served(Documents.number(entry, "p"), LocalDate.parse(entry.getString("r")),
					LocalDate.parse(entry.getString("e")), (List<String>) entry.get("d"), (List<String>) entry.get("h"),
					null);
		}

	}

}
