package org.unionledger.api.audit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.unionledger.eventstore.AuthenticatorUpgrade;
import org.unionledger.eventstore.EmbeddedMongoServer;
import org.unionledger.eventstore.MongoStores;

/**
 * The one-off upgrade of a store written before commit authenticators, on the command
 * line (see {@link AuthenticatorUpgrade}): verifies the seal, then adds an authenticator
 * under the ledger's key to every commit and stream copy, records the store's signed
 * authenticator record and seals. Run it once, with every ledger node stopped.
 *
 * <pre>
 * ./ledger upgrade-authenticators [--data-dir data | --mongo-uri mongodb://…] [--database NAME]
 *     [--keys-file FILE] [--include-unsealed]
 * </pre>
 *
 * The store and the seal key are found as {@link ReplayCli} finds them (the embedded H2
 * file {@code <data-dir>/ledger.mv.db}, here opened for writing, or {@code --mongo-uri} /
 * {@code LEDGER_MONGO_URI}; {@code LEDGER_KEYS_SEAL} or the key file). Exit status: 0
 * upgraded, or already upgraded; 1 refused (the seal does not verify, nothing is sealed,
 * unsealed commits not included) or the store cannot be opened; 2 a bad argument.
 */
public final class UpgradeCli {

	private static final String USAGE_TEXT = """
			usage: upgrade-authenticators [--data-dir DIR | --mongo-uri URI] [--database NAME]
			                              [--keys-file FILE] [--include-unsealed]""";

	private UpgradeCli() {
	}

	/**
	 * Runs the upgrade.
	 * @param args the arguments after {@code upgrade-authenticators}
	 * @param environment {@code LEDGER_*} variables: store and seal key
	 * @param clock the time recorded with the upgrade and its seal
	 * @return the exit status
	 */
	public static int run(String[] args, Map<String, String> environment, Clock clock, PrintStream out,
			PrintStream err) {
		Path dataDir = Path.of(environment.getOrDefault("LEDGER_DATA_DIR", "data"));
		String mongoUri = blank(environment.get("LEDGER_MONGO_URI"));
		String database = environment.getOrDefault("LEDGER_MONGO_DATABASE", "ledger");
		Path keysFile = null;
		boolean includeUnsealed = false;
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (option.equals("--include-unsealed")) {
				includeUnsealed = true;
				continue;
			}
			if (!option.startsWith("--") || i + 1 >= args.length) {
				err.println("upgrade-authenticators: unexpected argument " + option);
				err.println(USAGE_TEXT);
				return ReplayCli.USAGE;
			}
			String value = args[++i];
			switch (option) {
				case "--data-dir" -> dataDir = Path.of(value);
				case "--mongo-uri" -> mongoUri = blank(value);
				case "--database" -> database = value;
				case "--keys-file" -> keysFile = Path.of(value);
				default -> {
					err.println("upgrade-authenticators: unknown option " + option);
					err.println(USAGE_TEXT);
					return ReplayCli.USAGE;
				}
			}
		}
		byte[] sealKey;
		try {
			sealKey = ReplayCli.sealKey(keysFile, dataDir, environment);
		}
		catch (IllegalStateException ex) {
			err.println("upgrade-authenticators: " + ex.getMessage());
			return ReplayCli.REFUSED;
		}
		EmbeddedMongoServer server = null;
		String description;
		MongoClient client;
		try {
			if (mongoUri != null) {
				database = MongoStores.databaseName(mongoUri, database);
				client = MongoStores.openClient(mongoUri);
				description = "MongoDB at " + new ConnectionString(mongoUri).getHosts() + ", database " + database;
			}
			else {
				Path file = dataDir.toAbsolutePath().resolve("ledger.mv.db");
				server = EmbeddedMongoServer.h2File(file, 0);
				client = MongoStores.openClient(server.connectionString());
				description = "embedded store, H2 file " + file;
			}
		}
		catch (RuntimeException ex) {
			if (server != null) {
				server.close();
			}
			err.println("upgrade-authenticators: cannot open the store: " + ex.getMessage()
					+ " (stop the ledger first: the embedded store can be opened by one process at a time)");
			return ReplayCli.REFUSED;
		}
		try {
			MongoDatabase store = client.getDatabase(database);
			out.println("Store         " + description);
			AuthenticatorUpgrade.Result result = AuthenticatorUpgrade.run(store, "", sealKey, clock, includeUnsealed);
			if (result.alreadyUpgraded()) {
				out.println("Upgrade       nothing to do: the store's commits are authenticated (upgraded through "
						+ "position " + result.upgradedThrough() + " or written with authenticators)");
				return ReplayCli.OK;
			}
			out.printf("Upgrade       done: %d commits and %d stream copies authenticated through position %d%s%n",
					result.commits(), result.streamCopies(), result.upgradedThrough(), (result.unsealedIncluded() > 0)
							? "; " + result.unsealedIncluded() + " unsealed commits included as you asked" : "");
			if (result.seal() != null && result.seal().commits() > 0) {
				out.printf("Seal          positions %d..%d sealed as digest %d%n", result.seal().fromPosition(),
						result.seal().toPosition(), result.seal().digest());
			}
			return ReplayCli.OK;
		}
		catch (AuthenticatorUpgrade.Refused ex) {
			err.println("upgrade-authenticators: REFUSED, " + ex.getMessage());
			return ReplayCli.REFUSED;
		}
		catch (MongoException ex) {
			err.println("upgrade-authenticators: the store failed: " + ex.getMessage());
			return ReplayCli.REFUSED;
		}
		finally {
			client.close();
			if (server != null) {
				server.close();
			}
		}
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
