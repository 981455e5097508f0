package org.unionledger.projections.applications;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.unionledger.applications.ApplicationId;
import org.unionledger.union.UnionId;

/**
 * A union's pending applications, oldest first.
 *
 * @param unionId the union
 * @param applications the applications
 */
public record PendingApplications(UnionId unionId, List<Entry> applications) {

	/**
	 * A pending application.
	 *
	 * @param applicationId its id
	 * @param submittedOn the day it was submitted
	 */
	public record Entry(ApplicationId applicationId, LocalDate submittedOn) {
	}

	static PendingApplications from(UnionId unionId, Document document) {
		Document pending = (document != null) ? document.get("pending", Document.class) : null;
		if (pending == null) {
			return new PendingApplications(unionId, List.of());
		}
		return new PendingApplications(unionId, pending.entrySet()
			.stream()
			.map((Map.Entry<String, Object> e) -> new Entry(new ApplicationId(e.getKey()),
					LocalDate.parse((String) e.getValue())))
			.sorted(java.util.Comparator.comparing(Entry::submittedOn).thenComparing(e -> e.applicationId().value()))
			.toList());
	}

}
