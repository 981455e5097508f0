package org.unionledger.api.members;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.unionledger.membership.Events.TransferAccepted;
import org.unionledger.membership.Events.TransferCredentialCancelled;
import org.unionledger.membership.Events.TransferCredentialIssued;
import org.unionledger.union.UnionId;

/**
 * Who sees a transfer credential's code, a bearer secret: whoever acts for its issuing
 * union or its receiving union (the one named on it, else the one that accepted it), that
 * is their officers and system administrators. Everyone else (auditors, supervisors,
 * officers of other unions the member later moved to) reads only its last four
 * characters, {@code TC-****-****-****-Z8PW}, enough to tell credentials apart and
 * useless to present.
 */
public final class CredentialCodeVisibility {

	private final Map<String, Parties> parties = new HashMap<>();

	private final Predicate<UnionId> actsFor;

	/**
	 * @param actsFor whether the reader acts for a union (e.g.
	 * {@code AccessScopes::canActFor})
	 */
	public CredentialCodeVisibility(Predicate<UnionId> actsFor) {
		this.actsFor = actsFor;
	}

	/**
	 * Learns the unions of the credentials an event names; feed a member's events in
	 * order before {@link #show}, so that later events about the same code (a refused
	 * presentation) know its parties.
	 */
	public CredentialCodeVisibility learn(Object event) {
		if (event instanceof TransferCredentialIssued e) {
			this.parties.merge(e.code().value(), new Parties(e.issuingUnion().unionId(), e.toUnionId()),
					Parties::merge);
		}
		else if (event instanceof TransferCredentialCancelled e) {
			this.parties.merge(e.code().value(), new Parties(e.issuingUnion().unionId(), null), Parties::merge);
		}
		else if (event instanceof TransferAccepted e) {
			this.parties.merge(e.code().value(), new Parties(e.fromUnion().unionId(), e.toUnion().unionId()),
					Parties::merge);
		}
		return this;
	}

	/**
	 * The event's serialised payload with its {@code code} masked unless the reader acts
	 * for the credential's issuing or receiving union.
	 */
	public Map<String, Object> show(Object event, Map<String, Object> payload) {
		learn(event);
		if (payload.get("code") instanceof String code) {
			Parties known = this.parties.get(code);
			boolean visible = known != null && (this.actsFor.test(known.issuing())
					|| (known.receiving() != null && this.actsFor.test(known.receiving())));
			if (!visible) {
				payload.put("code", masked(code));
			}
		}
		return payload;
	}

	/** All but the last four characters starred, the separators kept. */
	public static String masked(String code) {
		StringBuilder out = new StringBuilder(code.length());
		int keepFrom = code.length() - 4;
		for (int i = 0; i < code.length(); i++) {
			char c = code.charAt(i);
			out.append((i >= keepFrom || c == '-' || (i < 2 && code.startsWith("TC"))) ? c : '*');
		}
		return out.toString();
	}

	private record Parties(UnionId issuing, UnionId receiving) {

		Parties merge(Parties other) {
			return new Parties((this.issuing != null) ? this.issuing : other.issuing,
					(this.receiving != null) ? this.receiving : other.receiving);
		}

	}

}
