package org.unionledger.api.members;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.support.Ids;
import org.unionledger.common.Rule;
import org.unionledger.projections.rosters.FindRoster;
import org.unionledger.projections.rosters.RosterView;
import org.unionledger.union.UnionDirectory;

/**
 * A union's member list: member ids, status and since when, no personal data. Its
 * officers and the supervisors and auditors of its subtree read it; a union in the middle
 * of a transfer never sees the other union's list.
 */
@RestController
public class RosterController {

	private final QueryGateway queries;

	private final UnionDirectory unions;

	private final AccessScopes scopes;

	public RosterController(QueryGateway queries, UnionDirectory unions, AccessScopes scopes) {
		this.queries = queries;
		this.unions = unions;
		this.scopes = scopes;
	}

	@GetMapping("/api/unions/{unionId}/members")
	public Roster roster(@PathVariable String unionId) {
		var union = Ids.union(unionId)
			.flatMap(this.unions::find)
			.orElseThrow(() -> ApiException.of(Rule.UNION_UNKNOWN, "unionId", "no union with this id"));
		if (!this.scopes.canReadMembersOf(union)) {
			throw ApiException.of(Rule.OUT_OF_SCOPE, null, "this union's members lie outside your scope");
		}
		RosterView roster = this.queries
			.query(new FindRoster(union.placement().unionId()), ResponseTypes.instanceOf(RosterView.class))
			.join();
		return new Roster(unionId, roster.members().size(),
				roster.members()
					.stream()
					.map((e) -> new Roster.RosterMember(e.memberId().value(), e.status(), e.since()))
					.toList());
	}

}
