package org.unionledger.api.config;

import java.security.SecureRandom;
import java.time.Clock;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
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

	@Bean
	Clock clock(LedgerProperties properties) {
		return new RecordingDayClock(Clock.system(properties.zone()));
	}

	@Bean
	JurisdictionTable jurisdictionTable() {
		return JurisdictionTable.bundled();
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
