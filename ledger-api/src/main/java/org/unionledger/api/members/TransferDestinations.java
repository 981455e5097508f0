package org.unionledger.api.members;

import java.time.Clock;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.unionlists.FindUnionsIn;
import org.unionledger.projections.unionlists.UnionListView;

/**
 * The unions a credential may lead to, found by name: every union registered and open
 * today, wherever it is (a transfer may cross any boundary), with the names of its county
 * and city, so that an officer picks a receiving union by name and never types an id.
 * Names and places of unions are public facts; no member data is involved.
 */
@Service
public class TransferDestinations {

	/** Most unions in one answer. */
	public static final int MAX_LIMIT = 50;

	private final QueryGateway queries;

	private final JurisdictionTable jurisdictions;

	private final Clock clock;

	public TransferDestinations(QueryGateway queries, JurisdictionTable jurisdictions, Clock clock) {
		this.queries = queries;
		this.jurisdictions = jurisdictions;
		this.clock = clock;
	}

	/**
	 * A union a credential may lead to.
	 *
	 * @param unionId its id (sent with the credential, never typed)
	 * @param name its name
	 * @param place the names of its city and county
	 */
	public record Destination(String unionId, String name, String place) {
	}

	/**
	 * The open unions whose name, former name or place contains {@code text} (all when
	 * blank), by name, at most {@code limit}.
	 */
	public List<Destination> find(String text, int limit) {
		String wanted = (text != null) ? text.strip().toLowerCase(Locale.ROOT) : "";
		List<JurisdictionCode> counties = this.jurisdictions.all()
			.stream()
			.map(Jurisdiction::code)
			.filter(this.jurisdictions::isCountyLevel)
			.toList();
		UnionListView view = this.queries
			.query(new FindUnionsIn(counties), ResponseTypes.instanceOf(UnionListView.class))
			.join();
		LocalDate today = LocalDate.now(this.clock);
		List<Destination> found = new ArrayList<>();
		for (UnionListView.Entry union : view.unions()) {
			if (union.dissolvedOn() != null && !today.isBefore(union.dissolvedOn())) {
				continue;
			}
			String place = place(union.jurisdictionCode());
			if (wanted.isEmpty() || union.name().toLowerCase(Locale.ROOT).contains(wanted)
					|| place.toLowerCase(Locale.ROOT).contains(wanted)
					|| union.formerNames()
						.stream()
						.anyMatch((former) -> former.toLowerCase(Locale.ROOT).contains(wanted))) {
				found.add(new Destination(union.unionId(), union.name(), place));
			}
		}
		Collator chinese = Collator.getInstance(Locale.CHINA);
		found.sort(Comparator.comparing(Destination::name, chinese).thenComparing(Destination::unionId));
		return List.copyOf(found.subList(0, Math.min(found.size(), limit)));
	}

	private String place(String countyCode) {
		List<Jurisdiction> path = this.jurisdictions.path(JurisdictionCode.of(countyCode));
		StringBuilder place = new StringBuilder();
		for (Jurisdiction level : path) {
			if (level.code().value().length() > 2) {
				place.append(level.name());
			}
		}
		return place.toString();
	}

}
