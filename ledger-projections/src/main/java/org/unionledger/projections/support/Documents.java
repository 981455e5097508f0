package org.unionledger.projections.support;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

/**
 * Small helpers for read-model documents held as nested {@link Document}s: sub-documents
 * and lists created on first use, numbers read as {@code long}, counters that vanish at
 * zero.
 */
public final class Documents {

	private Documents() {
	}

	/** The sub-document in {@code field}, created empty if absent. */
	public static Document sub(Document document, String field) {
		Object value = document.get(field);
		if (value instanceof Document sub) {
			return sub;
		}
		Document created = new Document();
		document.put(field, created);
		return created;
	}

	/** The list of documents in {@code field}, created empty if absent. */
	@SuppressWarnings("unchecked")
	public static List<Document> list(Document document, String field) {
		Object value = document.get(field);
		if (value instanceof List<?> list) {
			return (List<Document>) list;
		}
		List<Document> created = new ArrayList<>();
		document.put(field, created);
		return created;
	}

	/**
	 * The entries of the list in {@code field} recorded by events before {@code position}
	 * (their {@code p}), in list order: what a document held before the event at
	 * {@code position}, even when a partly written batch already added that event's entry
	 * (see {@link ReadModelBatch}).
	 */
	public static List<Document> before(Document document, String field, long position) {
		return before(document.get(field), position);
	}

	/**
	 * The entries of a list value (a field as {@link ReadModelBatch#field} hands it out,
	 * {@code null} for none) recorded by events before {@code position}, in list order.
	 */
	public static List<Document> before(Object entries, long position) {
		List<Document> before = new ArrayList<>();
		if (entries instanceof List<?> list) {
			for (Object entry : list) {
				if (entry instanceof Document document && number(document, "p") < position) {
					before.add(document);
				}
			}
		}
		return before;
	}

	/** A deep copy of a document, to put into another one. */
	public static Document copy(Document document) {
		return InMemoryReadModelStore.copy(document);
	}

	/** The number in {@code field} as a {@code long}, zero if absent. */
	public static long number(Document document, String field) {
		Object value = document.get(field);
		return (value instanceof Number n) ? n.longValue() : 0L;
	}

	/**
	 * Adds {@code delta} to the counter in {@code field}; a counter that reaches zero is
	 * removed.
	 */
	public static void increment(Document document, String field, long delta) {
		long value = number(document, field) + delta;
		if (value == 0) {
			document.remove(field);
		}
		else {
			document.put(field, value);
		}
	}

}
