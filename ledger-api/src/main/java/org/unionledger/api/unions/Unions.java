package org.unionledger.api.unions;

import java.time.LocalDate;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Service;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.api.support.Ids;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.union.Commands.RegisterUnion;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionType;
import org.unionledger.common.Rule;

/** Registering grassroots unions (新建会) and finding them. */
@Service
public class Unions {

	private final CommandGateway commands;

	private final UnionDirectory unions;

	private final JurisdictionTable jurisdictions;

	private final ProjectionFreshness freshness;

	private final Actors actors;

	public Unions(CommandGateway commands, UnionDirectory unions, JurisdictionTable jurisdictions,
			ProjectionFreshness freshness, Actors actors) {
		this.commands = commands;
		this.unions = unions;
		this.jurisdictions = jurisdictions;
		this.freshness = freshness;
		this.actors = actors;
	}

	/** The union, if the id is well formed and registered. */
	public Optional<UnionFacts> find(String unionId) {
		return Ids.union(unionId).flatMap(this.unions::find);
	}

	/**
	 * Registers a union under a county-level jurisdiction, as the signed-in user.
	 * @throws ApiException 422 {@code JURISDICTION_UNKNOWN} for a code not at county
	 * level, 409 {@code ALREADY_REGISTERED} when the id is taken (also when another
	 * request took it meanwhile)
	 */
	public UnionId register(UnionId unionId, String name, UnionType type, Sector sector, JurisdictionCode code,
			LocalDate establishedOn) {
		if (!this.jurisdictions.isCountyLevel(code)) {
			throw ApiException.unknownReference(Rule.JURISDICTION_UNKNOWN, "jurisdictionCode",
					"jurisdictionCode must be a county, district or development zone of the division table "
							+ this.jurisdictions.version());
		}
		if (this.unions.find(unionId).isPresent()) {
			throw alreadyRegistered();
		}
		try {
			this.commands.sendAndWait(
					new RegisterUnion(unionId, name.strip(), type, sector, code, establishedOn, this.actors.current()));
		}
		catch (ConcurrencyException ex) {
			throw alreadyRegistered();
		}
		this.freshness.awaitOwnWrites();
		return unionId;
	}

	private static ApiException alreadyRegistered() {
		return ApiException.of(Rule.ALREADY_REGISTERED, "unionId", "a union with this id is already registered");
	}

}
