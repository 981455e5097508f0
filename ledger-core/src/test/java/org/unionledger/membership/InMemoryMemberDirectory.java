package org.unionledger.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link MemberDirectory} test double: each member's events, appended by the test. */
public final class InMemoryMemberDirectory implements MemberDirectory {

	private final Map<MemberId, List<Object>> streams = new HashMap<>();

	/** Appends events to the member's stream. */
	public void append(MemberId memberId, Object... events) {
		this.streams.computeIfAbsent(memberId, (id) -> new ArrayList<>()).addAll(List.of(events));
	}

	@Override
	public Optional<Standing> standingOn(MemberId memberId, LocalDate date) {
		return Standing.asOf(this.streams.getOrDefault(memberId, List.of()), date);
	}

}
