package org.unionledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionledger.jurisdiction.Jurisdiction;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;

/**
 * A newer division table given by the operator: it takes new unions, and the codes it
 * withdrew stay readable.
 */
class DivisionTablesTest {

	private static final String BUNDLED = "/org/unionledger/jurisdiction/divisions-2023/";

	@TempDir
	Path folder;

	/**
	 * The bundled edition with 裕华区 (130108) withdrawn and a new 130112, as a newer
	 * edition would change it.
	 */
	private Path edition2024() throws IOException {
		Path edition = this.folder.resolve("divisions-2024");
		Files.createDirectories(edition);
		for (String file : List.of("provinces.csv", "cities.csv")) {
			Files.writeString(edition.resolve(file), bundled(file));
		}
		String areas = bundled("areas.csv").lines()
			.filter((line) -> !line.startsWith("130108,"))
			.collect(Collectors.joining("\n", "", "\n"));
		Files.writeString(edition.resolve("areas.csv"), areas + "130112,\"裕华新区\",1301,13\n");
		Files.writeString(edition.resolve("edition.properties"), "version=2024\nvalidFrom=2024-06-30\n");
		return edition;
	}

	private static String bundled(String file) throws IOException {
		try (InputStream in = JurisdictionTable.class.getResourceAsStream(BUNDLED + file)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void withoutFoldersTheBundledEditionIsUsed() {
		assertThat(DivisionTables.load("").version()).isEqualTo("2023");
		assertThat(DivisionTables.load(null).version()).isEqualTo("2023");
	}

	@Test
	void theNewestEditionTakesNewUnionsAndTheCodesItWithdrewStayReadable() throws IOException {
		JurisdictionTable table = DivisionTables.load(" " + edition2024() + " ,");

		assertThat(table.version()).isEqualTo("2024");
		JurisdictionCode yuhua = JurisdictionCode.of("130108");
		assertThat(table.isCountyLevel(yuhua)).as("no new union under a withdrawn code").isFalse();
		assertThat(table.isWithdrawn(yuhua)).isTrue();
		assertThat(table.find(yuhua)).map(Jurisdiction::name).contains("裕华区");
		assertThat(table.isCountyLevel(JurisdictionCode.of("130112"))).isTrue();
		assertThat(table.children(JurisdictionCode.of("1301"))).extracting((j) -> j.code().value())
			.contains("130112")
			.doesNotContain("130108");
	}

	@Test
	void aFolderWithoutItsEditionIsRefusedNamingIt() throws IOException {
		Path edition = edition2024();
		Files.writeString(edition.resolve("edition.properties"), "version=2024\n");
		assertThatThrownBy(() -> DivisionTables.load(edition.toString())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(edition.toString())
			.hasMessageContaining("validFrom");
		Files.delete(edition.resolve("edition.properties"));
		assertThatThrownBy(() -> DivisionTables.load(edition.toString())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("edition.properties");
	}

}
