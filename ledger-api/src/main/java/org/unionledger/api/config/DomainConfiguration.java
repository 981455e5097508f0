package org.unionledger.api.config;

import java.security.SecureRandom;
import java.time.Clock;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionledger.api.personaldata.PersonalDataVault;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.identity.PersonalDataCipher;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.projections.members.EventStoreMemberDirectory;
import org.unionledger.projections.unions.EventStoreUnionDirectory;
import org.unionledger.statistics.StatisticalCalendar;

/** The domain's collaborators as beans: clock, jurisdiction table, calendar, keys. */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

	/**
	 * The system clock; with the demo's recording days
	 * ({@code ledger.seed.recorded-days=true}, the demo profile only) one that lets the
	 * demo's own commands be recorded on past days ({@link RecordingDayClock}). A real
	 * ledger has no way to record anything on another day than today.
	 */
	@Bean
	Clock clock(LedgerProperties properties,
			@org.springframework.beans.factory.annotation.Value("${ledger.seed.recorded-days:false}") boolean recordedDays) {
		Clock system = Clock.system(properties.zone());
		return recordedDays ? new RecordingDayClock(system) : system;
	}

	/**
	 * The division table: the bundled 2023 edition, or the newest of those given in
	 * {@code ledger.division-tables} (see {@link DivisionTables}).
	 */
	@Bean
	JurisdictionTable jurisdictionTable(@Value("${ledger.division-tables:}") String divisionTables) {
		JurisdictionTable table = DivisionTables.load(divisionTables);
		LoggerFactory.getLogger(DomainConfiguration.class)
			.info("Division table {} (valid from {})", table.version(), table.validFrom());
		return table;
	}

	@Bean
	StatisticalCalendar statisticalCalendar(LedgerProperties properties) {
		return new StatisticalCalendar(properties.statisticalYearStart());
	}

	@Bean
	KeyMaterial keyMaterial(LedgerProperties properties) {
		return KeyMaterial.resolve(properties.keys(), properties.dataDir());
	}

	@Bean
	MemberIdentities memberIdentities(KeyMaterial keys) {
		return new MemberIdentities(keys.fingerprintKey());
	}

	@Bean
	PersonalDataCipher personalDataCipher(KeyMaterial keys) {
		return new PersonalDataCipher(keys.personalDataKeyRef(), keys.personalDataKey());
	}

	@Bean
	PersonalDataVault personalDataVault(MongoDatabase database, PersonalDataCipher cipher, KeyMaterial keys,
			SecureRandom random, Clock clock) {
		return new PersonalDataVault(database, cipher, keys.personalDataKey(), random, clock);
	}

	@Bean
	EventStoreUnionDirectory unionDirectory(EventStore eventStore) {
		return new EventStoreUnionDirectory(eventStore);
	}

	@Bean
	EventStoreMemberDirectory memberDirectory(EventStore eventStore) {
		return new EventStoreMemberDirectory(eventStore);
	}

	@Bean
	SecureRandom secureRandom() {
		return new SecureRandom();
	}

}
