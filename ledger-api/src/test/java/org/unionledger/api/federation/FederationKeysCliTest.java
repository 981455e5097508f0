package org.unionledger.api.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionledger.federation.InterLedgerCredential;
import org.unionledger.identity.PersonFingerprint;
import org.unionledger.jurisdiction.LedgerId;
import org.unionledger.membership.CredentialCode;
import org.unionledger.union.UnionId;

class FederationKeysCliTest {

	@Test
	void writesForEachLedgerAKeyATrustListOfTheOthersAndItsSettings(@TempDir Path folder) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = FederationKeysCli.run(new String[] { "--ledgers", "13,41,44", "--out", folder.toString() },
				Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

		assertThat(status).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("ledger 13", "ledger 41", "ledger 44");
		Properties hebei = properties(folder.resolve("13.properties"));
		Properties henan = properties(folder.resolve("41.properties"));
		assertThat(hebei.getProperty("ledger.federation.federation-key"))
			.isEqualTo(henan.getProperty("ledger.federation.federation-key"))
			.isNotBlank();
		assertThat(Files.getPosixFilePermissions(folder.resolve("13/signing-key.jwk")))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		FederatedDocuments hebeiDocuments = documents(hebei);
		FederatedDocuments henanDocuments = documents(henan);
		assertThat(TrustList.read(Path.of(hebei.getProperty("ledger.federation.trust-list"))).ledgers())
			.containsExactlyInAnyOrder(new LedgerId("41"), new LedgerId("44"));
		InterLedgerCredential credential = new InterLedgerCredential(new CredentialCode("c-1"), new LedgerId("13"),
				new UnionId("u-1"), "某工会", new LedgerId("41"), null, LocalDate.of(2026, 12, 1),
				LocalDate.of(2026, 12, 31), "张*", new PersonFingerprint("a".repeat(52)), "m-origin");
		assertThat(henanDocuments.verifyCredential(hebeiDocuments.sign(credential, Clock.systemUTC().instant()),
				Clock.systemUTC().instant()))
			.isEqualTo(credential);
	}

	@Test
	void refusesFewerThanTwoLedgersOrABadId(@TempDir Path folder) {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
		assertThat(FederationKeysCli.run(new String[] { "--ledgers", "13", "--out", folder.toString() },
				Clock.systemUTC(), System.out, errors))
			.isEqualTo(2);
		assertThat(FederationKeysCli.run(new String[] { "--ledgers", "13,x", "--out", folder.toString() },
				Clock.systemUTC(), System.out, errors))
			.isEqualTo(2);
		assertThat(FederationKeysCli.run(new String[] { "--ledgers" }, Clock.systemUTC(), System.out, errors))
			.isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least two", "GB/T 2260", "usage");
	}

	private static Properties properties(Path file) throws Exception {
		Properties properties = new Properties();
		try (var in = Files.newBufferedReader(file)) {
			properties.load(in);
		}
		return properties;
	}

	private static FederatedDocuments documents(Properties settings) {
		return new FederatedDocuments(SigningKey.read(Path.of(settings.getProperty("ledger.federation.signing-key"))),
				TrustList.read(Path.of(settings.getProperty("ledger.federation.trust-list"))));
	}

}
