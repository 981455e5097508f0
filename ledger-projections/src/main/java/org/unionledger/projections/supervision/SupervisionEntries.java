package org.unionledger.projections.supervision;

import org.bson.Document;
import org.unionledger.projections.support.Documents;

/**
 * The short-named entries of supervision's documents, each written and read here only. A
 * change of a stored form is a change of {@link SupervisionProjection#LAYOUT};
 * {@code SupervisionEntriesTest} pins each form as stores hold it.
 */
final class SupervisionEntries {

	private SupervisionEntries() {
	}

	/**
	 * One effective day's new enrollments at a union, for the burst rule, in the union's
	 * count document of a year (field {@value #DAYS}, keyed by the day): {@code n} the
	 * enrollments, {@code p} the latest global position among them, {@code r} the latest
	 * day one of them was recorded.
	 *
	 * @param enrollments new enrollments effective on the day
	 * @param lastPosition the latest of their global positions
	 * @param recordedOn the latest day one was recorded (ISO)
	 */
	record BurstDay(long enrollments, long lastPosition, String recordedOn) {

		static final String DAYS = "d";

		/**
		 * The day with one more enrollment, at {@code position}, recorded on that day.
		 */
		static BurstDay first(long position, String recordedOn) {
			return new BurstDay(1, position, recordedOn);
		}

		BurstDay plus(long position, String recorded) {
			return new BurstDay(this.enrollments + 1, Math.max(this.lastPosition, position),
					(recorded.compareTo(this.recordedOn) > 0) ? recorded : this.recordedOn);
		}

		Document toDocument() {
			return new Document("n", this.enrollments).append("p", this.lastPosition).append("r", this.recordedOn);
		}

		static BurstDay of(Document entry) {
			return new BurstDay(Documents.number(entry, "n"), Documents.number(entry, "p"), entry.getString("r"));
		}

	}

	/**
	 * A credential issued to a member, in the member's credentials document (list
	 * {@value #LIST}): {@code p} the global position, {@code code} its code.
	 *
	 * @param position the global position
	 * @param code the credential's code
	 */
	record IssuedCredential(long position, String code) {

		static final String LIST = "c";

		Document toDocument() {
			return new Document("p", this.position).append("code", this.code);
		}

		static IssuedCredential of(Document entry) {
			return new IssuedCredential(Documents.number(entry, "p"), entry.getString("code"));
		}

	}

}
