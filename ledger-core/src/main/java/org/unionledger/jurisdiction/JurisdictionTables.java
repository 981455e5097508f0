package org.unionledger.jurisdiction;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Several editions of the division table, each in force from its
 * {@link JurisdictionTable#validFrom()} until the next one starts.
 */
public final class JurisdictionTables {

	private final NavigableMap<LocalDate, JurisdictionTable> byValidFrom;

	public JurisdictionTables(Collection<JurisdictionTable> tables) {
		if (tables == null || tables.isEmpty()) {
			throw new IllegalArgumentException("at least one jurisdiction table is needed");
		}
		NavigableMap<LocalDate, JurisdictionTable> map = new TreeMap<>();
		for (JurisdictionTable table : tables) {
			JurisdictionTable clash = map.putIfAbsent(table.validFrom(), table);
			if (clash != null) {
				throw new IllegalArgumentException("tables " + clash.version() + " and " + table.version()
						+ " are both valid from " + table.validFrom());
			}
		}
		this.byValidFrom = Collections.unmodifiableNavigableMap(map);
	}

	public static JurisdictionTables of(JurisdictionTable... tables) {
		return new JurisdictionTables(List.of(tables));
	}

	/**
	 * The edition in force on the date, or empty if the date precedes every edition known
	 * here.
	 */
	public Optional<JurisdictionTable> asOf(LocalDate date) {
		return Optional.ofNullable(this.byValidFrom.floorEntry(date)).map(Map.Entry::getValue);
	}

	/** The newest edition. */
	public JurisdictionTable current() {
		return this.byValidFrom.lastEntry().getValue();
	}

}
