package org.unionledger.eventstore;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A damaged store file is refused, by name, before the store is opened for writing. */
class StoreFileCheckTest {

	@TempDir
	Path folder;

	@Test
	void aWholeStoreFileAndAMissingOnePass() {
		Path file = this.folder.resolve("store.mv.db");
		assertThatCode(() -> EmbeddedMongoServer.checkStoreFile(file, true)).doesNotThrowAnyException();
		DamagedStoreFiles.writeStore(file);
		assertThatCode(() -> EmbeddedMongoServer.checkStoreFile(file, true)).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@EnumSource(DamagedStoreFiles.Damage.class)
	void aDamagedStoreFileIsRefusedByTheFullCheck(DamagedStoreFiles.Damage damage) throws Exception {
		Path file = this.folder.resolve("store.mv.db");
		DamagedStoreFiles.writeStore(file);
		DamagedStoreFiles.damage(file, damage);

		assertThatThrownBy(() -> EmbeddedMongoServer.checkStoreFile(file, true))
			.isInstanceOf(StoreFileDamagedException.class)
			.hasMessageContaining(file.toString())
			.hasMessageContaining("restore")
			.hasMessageNotContaining("\n");
	}

	@ParameterizedTest
	@EnumSource(value = DamagedStoreFiles.Damage.class, names = { "TRUNCATED", "ZERO_LENGTH", "NOT_AN_H2_FILE" })
	void theServerDoesNotOpenAStoreFileThatIsCutEmptyOrNotH2(DamagedStoreFiles.Damage damage) throws Exception {
		Path file = this.folder.resolve("store.mv.db");
		DamagedStoreFiles.writeStore(file);
		DamagedStoreFiles.damage(file, damage);

		assertThatThrownBy(() -> EmbeddedMongoServer.h2File(file, 0).close())
			.isInstanceOf(StoreFileDamagedException.class)
			.hasMessageContaining(file.toString());
	}

}
