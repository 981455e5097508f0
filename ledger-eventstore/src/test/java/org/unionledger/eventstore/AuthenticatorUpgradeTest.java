package org.unionledger.eventstore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store written before authenticators: an authenticating engine refuses it until the
 * one-off upgrade ran, and the upgrade runs only over what the seal vouches for.
 */
class AuthenticatorUpgradeTest {

	@RegisterExtension
	static final MongoTestDatabase mongo = new MongoTestDatabase();

	private static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

	/** The seal as the ledger ran it before authenticators. */
	private EventSeal oldSeal;

	@BeforeEach
	void storeOfTheOldLedger() {
		mongo.clear();
		MongoEventStorageEngine old = TestEngines.engineBuilder(mongo.database()).authenticator(null).build();
		this.oldSeal = new EventSeal(mongo.database(), "", TestEngines.SEAL_KEY, CLOCK, null, false);
		old.appendEvents(TestEngines.events("member-a", 0, 3, "old"));
		old.appendEvents(TestEngines.events("member-b", 0, 1, "old"));
		old.appendEvents(TestEngines.events("member-a", 3, 1, "old"));
		assertThat(this.oldSeal.seal().toPosition()).isEqualTo(5);
	}

	@Test
	void anAuthenticatingEngineRefusesTheStoreUntilItIsUpgraded() {
		assertThatThrownBy(() -> TestEngines.engine(mongo.database())).isInstanceOf(StoreNotUpgradedException.class)
			.hasMessageContaining("upgrade-authenticators");
		assertThat(new EventSeal(mongo.database(), "", TestEngines.SEAL_KEY, CLOCK).verify().firstProblem().detail())
			.contains("no authenticator record");

		AuthenticatorUpgrade.Result result = AuthenticatorUpgrade.run(mongo.database(), "", TestEngines.SEAL_KEY, CLOCK,
				false);

		assertThat(result.commits()).isEqualTo(3);
		assertThat(result.streamCopies()).isEqualTo(3);
		assertThat(result.upgradedThrough()).isEqualTo(5);
		IntegrityAlarm alarm = new IntegrityAlarm();
		MongoEventStorageEngine engine = TestEngines.engineBuilder(mongo.database()).integrityAlarm(alarm).build();
		engine.appendEvents(TestEngines.events("member-a", 4, 1, "new"));
		assertThat(engine.readEvents("member-a").asStream().count()).isEqualTo(5);
		EventSeal seal = new EventSeal(mongo.database(), "", TestEngines.SEAL_KEY, CLOCK, alarm);
		assertThat(seal.seal().refused()).isNull();
		assertThat(seal.verify().problems()).isEmpty();
		assertThat(alarm.isRaised()).isFalse();
		assertThat(AuthenticatorUpgrade.run(mongo.database(), "", TestEngines.SEAL_KEY, CLOCK, false).alreadyUpgraded())
			.isTrue();
	}

	@Test
	void theUpgradeRefusesAStoreWhoseSealDoesNotVerify() {
		mongo.database()
			.getCollection("events")
			.updateOne(Filters.eq("_id", 4L), Updates.set("events.0.payload", "{\"forged\":true}"));

		assertThatThrownBy(() -> AuthenticatorUpgrade.run(mongo.database(), "", TestEngines.SEAL_KEY, CLOCK, false))
			.isInstanceOf(AuthenticatorUpgrade.Refused.class)
			.hasMessageContaining("first bad position 4 (EDITED");
		assertThat(mongo.database().getCollection("events").find(Filters.eq("_id", 1L)).first())
			.doesNotContainKey("mac");
	}

	@Test
	void commitsAfterTheSealedHeadAreAuthenticatedOnlyWhenTheOperatorIncludesThem() {
		TestEngines.engineBuilder(mongo.database())
			.authenticator(null)
			.build()
			.appendEvents(TestEngines.events("member-c", 0, 1, "old"));

		assertThatThrownBy(() -> AuthenticatorUpgrade.run(mongo.database(), "", TestEngines.SEAL_KEY, CLOCK, false))
			.isInstanceOf(AuthenticatorUpgrade.Refused.class)
			.hasMessageContaining("1 commits after the sealed head (position 5)");

		AuthenticatorUpgrade.Result result = AuthenticatorUpgrade.run(mongo.database(), "", TestEngines.SEAL_KEY, CLOCK,
				true);
		assertThat(result.unsealedIncluded()).isEqualTo(1);
		assertThat(result.seal().toPosition()).isEqualTo(6);
		Document record = mongo.database().getCollection("counters").find(Filters.eq("_id", "authenticators")).first();
		assertThat(record.get("upgradedThrough")).isEqualTo(6L);
		assertThat(TestEngines.engine(mongo.database()).readEvents("member-c").asStream().count()).isEqualTo(1);
	}

	@Test
	void aStoreAuthenticatedUnderAnotherKeyIsRefused() {
		AuthenticatorUpgrade.run(mongo.database(), "", TestEngines.SEAL_KEY, CLOCK, false);
		CommitAuthenticator other = CommitAuthenticator
			.fromSealKey("another key that is also 32 bytes long".getBytes());

		assertThatThrownBy(() -> TestEngines.engineBuilder(mongo.database()).authenticator(other).build())
			.hasMessageContaining("authenticated under another key");
	}

}
