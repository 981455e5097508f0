package org.unionledger.jurisdiction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One edition of the GB/T 2260 statistical division table: provinces, cities and
 * county-level units (counties, districts, county-level cities, development zones).
 * Immutable. Codes are withdrawn and reassigned over time, so a table carries its
 * {@link #version()} and the date it is {@linkplain #validFrom() valid from}; see
 * {@link JurisdictionTables} for several editions.
 */
public final class JurisdictionTable {

	private static final String BUNDLED_PATH = "/org/unionledger/jurisdiction/divisions-2023/";

	private final String version;

	private final LocalDate validFrom;

	private final Map<JurisdictionCode, Jurisdiction> byCode;

	private final Map<JurisdictionCode, List<Jurisdiction>> childrenByParent;

	/**
	 * Codes of earlier editions that this one withdrew, each as its last edition had it.
	 */
	private final Map<JurisdictionCode, Jurisdiction> withdrawn;

	private JurisdictionTable(String version, LocalDate validFrom, Map<JurisdictionCode, Jurisdiction> byCode) {
		this(version, validFrom, byCode, Map.of());
	}

	private JurisdictionTable(String version, LocalDate validFrom, Map<JurisdictionCode, Jurisdiction> byCode,
			Map<JurisdictionCode, Jurisdiction> withdrawn) {
		this.version = version;
		this.validFrom = validFrom;
		this.withdrawn = Collections.unmodifiableMap(withdrawn);
		this.byCode = Collections.unmodifiableMap(byCode);
		Map<JurisdictionCode, List<Jurisdiction>> children = new TreeMap<>(JurisdictionTable::compare);
		for (Jurisdiction jurisdiction : byCode.values()) {
			if (jurisdiction.parent() != null) {
				children.computeIfAbsent(jurisdiction.parent(), (parent) -> new ArrayList<>()).add(jurisdiction);
			}
		}
		children.replaceAll((parent, list) -> List.copyOf(list));
		this.childrenByParent = Collections.unmodifiableMap(children);
	}

	/**
	 * Loads a table from three UTF-8 CSV files, each with a header row and names in
	 * double quotes: {@code provinces (code,name)},
	 * {@code cities (code,name,provinceCode)} and
	 * {@code areas (code,name,cityCode,provinceCode)}. Every code must have the digits of
	 * its level, start with its parent's code, and its parent must exist.
	 * @throws MalformedJurisdictionTableException naming the file and line at fault
	 */
	public static JurisdictionTable load(String version, LocalDate validFrom, Reader provinces, Reader cities,
			Reader areas) {
		if (version == null || version.isBlank()) {
			throw new IllegalArgumentException("a jurisdiction table needs a version");
		}
		Objects.requireNonNull(validFrom, "validFrom");
		Map<JurisdictionCode, Jurisdiction> byCode = new TreeMap<>(JurisdictionTable::compare);
		for (CsvFile.Row row : CsvFile.read("provinces.csv", provinces, "code", "name")) {
			JurisdictionCode code = row.code(0, JurisdictionLevel.PROVINCE);
			add(byCode, row, new Jurisdiction(code, row.name(1), null));
		}
		for (CsvFile.Row row : CsvFile.read("cities.csv", cities, "code", "name", "provinceCode")) {
			JurisdictionCode code = row.code(0, JurisdictionLevel.CITY);
			JurisdictionCode province = row.parent(2, JurisdictionLevel.PROVINCE, code, byCode);
			add(byCode, row, new Jurisdiction(code, row.name(1), province));
		}
		for (CsvFile.Row row : CsvFile.read("areas.csv", areas, "code", "name", "cityCode", "provinceCode")) {
			JurisdictionCode code = row.code(0, JurisdictionLevel.COUNTY);
			JurisdictionCode city = row.parent(2, JurisdictionLevel.CITY, code, byCode);
			row.parent(3, JurisdictionLevel.PROVINCE, code, byCode);
			add(byCode, row, new Jurisdiction(code, row.name(1), city));
		}
		return new JurisdictionTable(version, validFrom, byCode);
	}

	private static void add(Map<JurisdictionCode, Jurisdiction> byCode, CsvFile.Row row, Jurisdiction jurisdiction) {
		if (byCode.putIfAbsent(jurisdiction.code(), jurisdiction) != null) {
			throw row.malformed("code " + jurisdiction.code() + " appears twice");
		}
	}

	/** The 2023 edition shipped with the ledger (valid from 2023-06-30); loaded once. */
	public static JurisdictionTable bundled() {
		return Bundled.TABLE;
	}

	public String version() {
		return this.version;
	}

	public LocalDate validFrom() {
		return this.validFrom;
	}

	/**
	 * The unit of this edition with the code or, if this edition withdrew it, as the last
	 * earlier edition given to {@link #withWithdrawnFrom} had it: figures counted under a
	 * withdrawn code stay readable. Only this edition's codes take new unions
	 * ({@link #isCountyLevel}) and are listed ({@link #children}, {@link #all}).
	 */
	public Optional<Jurisdiction> find(JurisdictionCode code) {
		Jurisdiction found = this.byCode.get(code);
		return Optional.ofNullable((found != null) ? found : this.withdrawn.get(code));
	}

	/**
	 * The units directly below the code that an earlier edition had and this one
	 * withdrew, by code (see {@link #withWithdrawnFrom}).
	 */
	public List<Jurisdiction> withdrawnChildren(JurisdictionCode code) {
		return this.withdrawn.values().stream().filter((unit) -> code.equals(unit.parent())).toList();
	}

	/** Whether an earlier edition had the code and this one withdrew it. */
	public boolean isWithdrawn(JurisdictionCode code) {
		return !this.byCode.containsKey(code) && this.withdrawn.containsKey(code);
	}

	/**
	 * This edition, also finding the codes that earlier editions had and this one
	 * withdrew (as the latest of them had each), so that the figures counted under them
	 * stay readable after a change of the division table (GB/T 2260).
	 * @throws IllegalArgumentException if an edition given is not earlier than this one
	 */
	public JurisdictionTable withWithdrawnFrom(Collection<JurisdictionTable> earlier) {
		List<JurisdictionTable> editions = new ArrayList<>(earlier);
		editions.sort((a, b) -> a.validFrom().compareTo(b.validFrom()));
		Map<JurisdictionCode, Jurisdiction> withdrawn = new TreeMap<>(JurisdictionTable::compare);
		for (JurisdictionTable edition : editions) {
			if (!edition.validFrom().isBefore(this.validFrom)) {
				throw new IllegalArgumentException(
						"edition " + edition.version() + " (valid from " + edition.validFrom()
								+ ") is not earlier than " + this.version + " (valid from " + this.validFrom + ")");
			}
			for (Jurisdiction jurisdiction : edition.byCode.values()) {
				if (!this.byCode.containsKey(jurisdiction.code())) {
					withdrawn.put(jurisdiction.code(), jurisdiction);
				}
			}
		}
		Map<JurisdictionCode, Jurisdiction> current = new TreeMap<>(JurisdictionTable::compare);
		current.putAll(this.byCode);
		return new JurisdictionTable(this.version, this.validFrom, current, withdrawn);
	}

	/**
	 * Whether the code is a county-level unit of this table (a county, district,
	 * county-level city or development zone): the level a grassroots union sits under.
	 */
	public boolean isCountyLevel(JurisdictionCode code) {
		return code != null && code.level() == JurisdictionLevel.COUNTY && this.byCode.containsKey(code);
	}

	/**
	 * The units directly below the code, by code; empty for a county or an unknown code.
	 */
	public List<Jurisdiction> children(JurisdictionCode code) {
		return this.childrenByParent.getOrDefault(code, List.of());
	}

	/**
	 * The chain from the province down to the code itself (province, city, county); empty
	 * if the code is not in the table (withdrawn codes are found, see {@link #find}).
	 */
	public List<Jurisdiction> path(JurisdictionCode code) {
		List<Jurisdiction> path = new ArrayList<>(3);
		Jurisdiction current = find(code).orElse(null);
		while (current != null) {
			path.add(0, current);
			current = (current.parent() != null) ? find(current.parent()).orElse(null) : null;
		}
		return List.copyOf(path);
	}

	/** Every unit, ordered by code. */
	public Collection<Jurisdiction> all() {
		return this.byCode.values();
	}

	@Override
	public String toString() {
		return "JurisdictionTable[" + this.version + ", valid from " + this.validFrom + ", " + this.byCode.size()
				+ " units]";
	}

	private static int compare(JurisdictionCode a, JurisdictionCode b) {
		return a.value().compareTo(b.value());
	}

	private static final class Bundled {

		static final JurisdictionTable TABLE = loadBundled();

		private static JurisdictionTable loadBundled() {
			try (Reader provinces = resource("provinces.csv");
					Reader cities = resource("cities.csv");
					Reader areas = resource("areas.csv")) {
				return load("2023", LocalDate.of(2023, 6, 30), provinces, cities, areas);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read the bundled division table", ex);
			}
		}

		private static Reader resource(String name) {
			InputStream in = JurisdictionTable.class.getResourceAsStream(BUNDLED_PATH + name);
			if (in == null) {
				throw new IllegalStateException("bundled division table file missing: " + BUNDLED_PATH + name);
			}
			return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		}

	}

}
