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
		List<Document> before = new ArrayList<>();
		for (Document entry : list(document, field)) {
			if (number(entry, "p") < position) {
				before.add(entry);
			}
		}
		return before;
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
