package org.unionledger.api.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

import org.unionledger.jurisdiction.JurisdictionTable;

/**
 * The division table (GB/T 2260) the ledger works with: the 2023 edition it ships with,
 * or a newer edition an operator gives ({@code ledger.division-tables}, or
 * {@code LEDGER_DIVISION_TABLES} for the auditor's replay: folders separated by commas).
 * Each folder holds {@code provinces.csv}, {@code cities.csv} and {@code areas.csv} (the
 * bundled edition's format) and {@code edition.properties} with {@code version} and
 * {@code validFrom} (an ISO date). The newest edition takes new unions and moves; the
 * codes the earlier ones had and it withdrew stay readable, so that the figures counted
 * under them can still be asked for.
 */
public final class DivisionTables {

	private DivisionTables() {
	}

	/**
	 * The newest of the bundled edition and those in {@code folders} (a comma-separated
	 * list; blank for none), finding the codes it withdrew.
	 * @throws IllegalArgumentException naming the folder and file at fault
	 */
	public static JurisdictionTable load(String folders) {
		List<JurisdictionTable> editions = new ArrayList<>();
		editions.add(JurisdictionTable.bundled());
		if (folders != null) {
			for (String folder : folders.split(",")) {
				if (!folder.isBlank()) {
					editions.add(edition(Path.of(folder.strip())));
				}
			}
		}
		editions.sort(Comparator.comparing(JurisdictionTable::validFrom));
		JurisdictionTable newest = editions.remove(editions.size() - 1);
		return editions.isEmpty() ? newest : newest.withWithdrawnFrom(editions);
	}

	private static JurisdictionTable edition(Path folder) {
		Properties edition = new Properties();
		Path properties = folder.resolve("edition.properties");
		try (Reader reader = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
			edition.load(reader);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("division table " + folder + ": cannot read " + properties, ex);
		}
		String version = edition.getProperty("version");
		LocalDate validFrom;
		try {
			validFrom = LocalDate.parse(edition.getProperty("validFrom", ""));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"division table " + folder + ": edition.properties needs validFrom as an ISO date, e.g. 2024-06-30",
					ex);
		}
		try (Reader provinces = Files.newBufferedReader(folder.resolve("provinces.csv"), StandardCharsets.UTF_8);
				Reader cities = Files.newBufferedReader(folder.resolve("cities.csv"), StandardCharsets.UTF_8);
				Reader areas = Files.newBufferedReader(folder.resolve("areas.csv"), StandardCharsets.UTF_8)) {
			return JurisdictionTable.load(version, validFrom, provinces, cities, areas);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("division table " + folder + ": cannot read its files", ex);
		}
	}

}
