package org.unionledger.projections.statistics;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.TerminationReason;
import org.unionledger.service.Campaign;
import org.unionledger.service.ServiceType;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionType;

/**
 * The names of every figure the statistics read model counts, the same names the API
 * shows and drill-down takes. A breakdown is the figure's name, a dimension and a value:
 * {@code newEnrollments.sector.CONSTRUCTION}.
 * <p>
 * Stocks (members active or on hold, serving assignments, open unions) are counted as of
 * a date; everything else is a flow counted over the part of a statistical year up to a
 * date. Amounts are in fen (1/100 yuan) so that they add up exactly.
 * <p>
 * Services are read two ways: {@code services.*} where the delivering union stands (the
 * serving union of a dispatched worker, or any union serving a non-member), and
 * {@code heldServices.*} where the member's holding union stood on the delivery date, as
 * far as the ledger knew when the service was recorded.
 */
public final class Figures {

	public static final String ACTIVE = "activeMembers";

	public static final String ON_HOLD = "onHold";

	/** Members held by a union elsewhere and served by a union here. */
	public static final String SERVING = "servingAssignments";

	public static final String OPEN_UNIONS = "openUnions";

	public static final String NEW = "newEnrollments";

	public static final String RE = "reEnrollments";

	public static final String RESUMPTIONS = "resumptions";

	public static final String HOLDS = "holds";

	public static final String TRANSFERS_IN = "transfersIn";

	public static final String TRANSFERS_OUT = "transfersOut";

	/** Transfers touching this scope whose two unions lie in one city. */
	public static final String INTRA_CITY = "transfers.intraCity";

	/** Transfers touching this scope whose two unions lie in different cities. */
	public static final String CROSS_CITY = "transfers.crossCity";

	/**
	 * Transfers out to another ledger of the federation (another province's system),
	 * taken when that ledger's receipt arrives; also counted in {@link #TRANSFERS_OUT}.
	 * By partner: {@code transfers.toOtherLedgers.ledger.41}.
	 */
	public static final String TO_OTHER_LEDGERS = "transfers.toOtherLedgers";

	/**
	 * Transfers in from another ledger of the federation; also counted in
	 * {@link #TRANSFERS_IN}, never in {@link #NEW}. By partner:
	 * {@code transfers.fromOtherLedgers.ledger.41}.
	 */
	public static final String FROM_OTHER_LEDGERS = "transfers.fromOtherLedgers";

	public static final String TERMINATIONS = "terminations";

	/** Unions established (newly unionised enterprises, sites, …). */
	public static final String UNIONS_ESTABLISHED = "unionsEstablished";

	public static final String UNIONS_DISSOLVED = "unionsDissolved";

	public static final String SERVICES = "services";

	public static final String HELD_SERVICES = "heldServices";

	public static final String DELIVERIES = "deliveries";

	public static final String PERSON_TIMES = "personTimes";

	public static final String AMOUNT_FEN = "amountFen";

	public static final String DISTINCT_MEMBERS = "distinctMembers";

	public static final String SECTOR = "sector";

	public static final String UNION_TYPE = "unionType";

	public static final String CHANNEL = "channel";

	public static final String REASON = "reason";

	public static final String TYPE = "type";

	public static final String CAMPAIGN = "campaign";

	public static final String MEMBERS = "members";

	/** The partner ledger of a transfer between ledgers, by its province's code. */
	public static final String LEDGER = "ledger";

	public static final String NON_MEMBERS = "nonMembers";

	private static final Set<String> ALL = Collections.unmodifiableSet(all());

	/** Stored field of every figure, and back. */
	private static final Map<String, String> FIELDS = new HashMap<>();

	private static final Map<String, String> NAMES = new HashMap<>();

	static {
		for (String figure : ALL) {
			String field = Integer.toString(figure.hashCode() & Integer.MAX_VALUE, Character.MAX_RADIX);
			String other = NAMES.put(field, figure);
			if (other != null) {
				throw new IllegalStateException(
						"figures " + other + " and " + figure + " share the stored field " + field);
			}
			FIELDS.put(figure, field);
		}
	}

	private Figures() {
	}

	public static String of(String figure, String dimension, Enum<?> value) {
		return figure + "." + dimension + "." + value.name();
	}

	public static String of(String... parts) {
		return String.join(".", parts);
	}

	/**
	 * The figure of one partner ledger: the ledger's province (its code's first two
	 * digits), so that a city's own ledger counts with its province.
	 */
	public static String partner(String figure, org.unionledger.jurisdiction.LedgerId ledger) {
		return of(figure, LEDGER, ledger.value().substring(0, 2));
	}

	/** Whether the figure is counted as of a date rather than over a period. */
	public static boolean isStock(String figure) {
		return figure.equals(ACTIVE) || figure.startsWith(ACTIVE + ".") || figure.equals(ON_HOLD)
				|| figure.equals(SERVING) || figure.equals(OPEN_UNIONS);
	}

	/** Whether the name is one of the figures counted here. */
	public static boolean isKnown(String figure) {
		return ALL.contains(figure);
	}

	/** Every figure name, sorted. */
	public static Set<String> all() {
		Set<String> names = new TreeSet<>();
		for (String stock : new String[] { ACTIVE, ON_HOLD, SERVING, OPEN_UNIONS }) {
			names.add(stock);
		}
		for (String flow : new String[] { NEW, RE, RESUMPTIONS, HOLDS, TRANSFERS_IN, TRANSFERS_OUT, INTRA_CITY,
				CROSS_CITY, TO_OTHER_LEDGERS, FROM_OTHER_LEDGERS, TERMINATIONS, UNIONS_ESTABLISHED,
				UNIONS_DISSOLVED }) {
			names.add(flow);
		}
		for (int province = 10; province <= 99; province++) {
			names.add(of(TO_OTHER_LEDGERS, LEDGER, Integer.toString(province)));
			names.add(of(FROM_OTHER_LEDGERS, LEDGER, Integer.toString(province)));
		}
		for (Sector sector : Sector.values()) {
			names.add(of(ACTIVE, SECTOR, sector));
			names.add(of(NEW, SECTOR, sector));
			names.add(of(UNIONS_ESTABLISHED, SECTOR, sector));
		}
		for (UnionType type : UnionType.values()) {
			names.add(of(ACTIVE, UNION_TYPE, type));
			names.add(of(NEW, UNION_TYPE, type));
			names.add(of(UNIONS_ESTABLISHED, UNION_TYPE, type));
		}
		for (EnrollmentChannel channel : EnrollmentChannel.values()) {
			names.add(of(NEW, CHANNEL, channel));
			names.add(of(RE, CHANNEL, channel));
		}
		for (TerminationReason reason : TerminationReason.values()) {
			names.add(of(TERMINATIONS, REASON, reason));
		}
		for (String perspective : new String[] { SERVICES, HELD_SERVICES }) {
			names.add(of(perspective, DISTINCT_MEMBERS));
			for (String measure : new String[] { DELIVERIES, PERSON_TIMES, AMOUNT_FEN }) {
				names.add(of(perspective, measure));
				for (ServiceType type : ServiceType.values()) {
					names.add(of(perspective, TYPE, type.name(), measure));
				}
				for (Campaign campaign : Campaign.values()) {
					names.add(of(perspective, CAMPAIGN, campaign.name(), measure));
				}
			}
		}
		for (String measure : new String[] { DELIVERIES, PERSON_TIMES, AMOUNT_FEN }) {
			names.add(of(SERVICES, MEMBERS, measure));
			names.add(of(SERVICES, NON_MEMBERS, measure));
		}
		return names;
	}

	/**
	 * The field under which documents store a figure: its name's
	 * {@link String#hashCode()} in base 36, at most six characters. A name such as
	 * {@code heldServices.campaign.WINTER_WARMTH.personTimes} is written in every day,
	 * month and index document it counts in, so the short field keeps the read model a
	 * fraction of the size; it depends on the name only (not on the order of the
	 * figures), and two figures sharing one fails the class's initialisation rather than
	 * mixing their counts.
	 * @throws IllegalArgumentException for a name that is not a figure
	 */
	public static String field(String figure) {
		String field = FIELDS.get(figure);
		if (field == null) {
			throw new IllegalArgumentException("not a figure: " + figure);
		}
		return field;
	}

	/** The figure stored under {@code field}, or {@code null} if none is. */
	public static String figure(String field) {
		return NAMES.get(field);
	}

}
