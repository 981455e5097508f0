package org.unionledger.api.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The MongoDB store: external when a URI is given, embedded otherwise. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

	@Bean(destroyMethod = "close")
	LedgerStore ledgerStore(LedgerProperties properties,
			@Value("${ledger.mongo.h2-file-system:}") String h2FileSystem) {
		return new LedgerStore(properties, h2FileSystem);
	}

	@Bean
	MongoClient mongoClient(LedgerStore store) {
		return store.client();
	}

	@Bean
	MongoDatabase mongoDatabase(LedgerStore store) {
		return store.database();
	}

}
