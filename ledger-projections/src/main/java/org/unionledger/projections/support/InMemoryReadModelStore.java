package org.unionledger.projections.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.bson.Document;

/**
 * Read models in memory, for rebuilding them beside the live ones (the consistency check)
 * and for fast tests. Documents are copied in and out, as a database would.
 */
public final class InMemoryReadModelStore implements ReadModelStore {

	private final Map<String, Map<String, Document>> collections = new HashMap<>();

	@Override
	public synchronized Map<String, Document> find(String collection, Collection<String> ids) {
		Map<String, Document> byId = this.collections.getOrDefault(collection, Map.of());
		Map<String, Document> found = new HashMap<>();
		for (String id : ids) {
			Document document = byId.get(id);
			if (document != null) {
				found.put(id, copy(document));
			}
		}
		return found;
	}

	@Override
	public synchronized void replaceAll(String collection, List<Document> documents) {
		Map<String, Document> byId = this.collections.computeIfAbsent(collection, (c) -> new TreeMap<>());
		for (Document document : documents) {
			byId.put(document.getString("_id"), copy(document));
		}
	}

	@Override
	public void scan(String collection, Consumer<Document> action) {
		all(collection).values().forEach(action);
	}

	/** Every document of the collection by id, in id order (copies). */
	public synchronized Map<String, Document> all(String collection) {
		Map<String, Document> copies = new TreeMap<>();
		this.collections.getOrDefault(collection, Map.of()).forEach((id, document) -> copies.put(id, copy(document)));
		return Collections.unmodifiableMap(copies);
	}

	static Document copy(Document document) {
		Document copy = new Document();
		document.forEach((key, value) -> copy.put(key, copyValue(value)));
		return copy;
	}

	static Object copyValue(Object value) {
		if (value instanceof Document document) {
			return copy(document);
		}
		if (value instanceof Map<?, ?> map) {
			Document copy = new Document();
			map.forEach((key, item) -> copy.put(String.valueOf(key), copyValue(item)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach((item) -> copy.add(copyValue(item)));
			return copy;
		}
		return value;
	}

}
