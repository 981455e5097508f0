package org.unionledger.projections.support;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.bson.Document;

/**
 * Where read-model documents live: MongoDB for the running ledger
 * ({@link MongoReadModelStore}), memory for a consistency check that rebuilds the read
 * models beside the live ones ({@link InMemoryReadModelStore}). Every access is by
 * {@code _id}.
 */
public interface ReadModelStore {

	/** The documents of the collection with these ids, by id; absent ones are missing. */
	Map<String, Document> find(String collection, Collection<String> ids);

	/** Replaces (or inserts) each document by its {@code _id}. */
	void replaceAll(String collection, List<Document> documents);

	/**
	 * Writes a batch's documents: {@code created} ones were absent when the batch read
	 * them, {@code changed} ones were there. A store may insert the created ones (cheaper
	 * than a replacement with upsert) and must then fail, writing nothing more, when one
	 * exists after all, so that the batch is handled again from what is stored.
	 */
	default void writeAll(String collection, List<Document> created, List<Document> changed) {
		List<Document> all = new java.util.ArrayList<>(created);
		all.addAll(changed);
		replaceAll(collection, all);
	}

	/**
	 * Every document of the collection. A full scan: for audits such as the consistency
	 * check, never for serving requests.
	 */
	void scan(String collection, Consumer<Document> action);

}
