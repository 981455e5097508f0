package org.unionledger.api.unions;

import java.time.LocalDate;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.api.freshness.ProjectionFreshness;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.support.Actors;
import org.unionledger.common.RecordedBy;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.jurisdiction.JurisdictionTable;
import org.unionledger.union.Commands.RegisterUnion;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionDirectory.UnionFacts;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionPlacement;
import org.unionledger.union.UnionType;
import org.unionledger.common.Rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Registering a grassroots union under a county-level jurisdiction, once. */
class UnionsTest {

	static final RecordedBy ADMIN = new RecordedBy("admin-sjz");

	static final UnionId TAKEN = new UnionId("sjz-express-01");

	static final UnionId FRESH = new UnionId("sjz-express-02");

	static final JurisdictionCode COUNTY = JurisdictionCode.of("130102");

	static final LocalDate DAY = LocalDate.of(2026, 3, 1);

	final CommandGateway commands = mock(CommandGateway.class);

	Unions unions;

	@BeforeEach
	void setUp() {
		UnionDirectory directory = (unionId) -> unionId.equals(TAKEN)
				? Optional.of(new UnionFacts(new UnionPlacement(TAKEN, COUNTY, UnionType.INDUSTRY, Sector.LOGISTICS),
						"工会", DAY, null))
				: Optional.empty();
		Actors actors = mock(Actors.class);
		when(actors.current()).thenReturn(ADMIN);
		this.unions = new Unions(this.commands, directory, JurisdictionTable.bundled(), mock(ProjectionFreshness.class),
				actors);
	}

	@Test
	void aUnionIsRegisteredWithItsNameStrippedAsTheSignedInUser() {
		this.unions.register(FRESH, " 快递工会 ", UnionType.INDUSTRY, Sector.LOGISTICS, COUNTY, DAY);

		verify(this.commands)
			.sendAndWait(new RegisterUnion(FRESH, "快递工会", UnionType.INDUSTRY, Sector.LOGISTICS, COUNTY, DAY, ADMIN));
	}

	@Test
	void aCityOrATakenIdIsRefusedBeforeAnythingIsSent() {
		assertThatThrownBy(() -> this.unions.register(FRESH, "工会", UnionType.INDUSTRY, Sector.LOGISTICS,
				JurisdictionCode.of("1301"), DAY))
			.isInstanceOfSatisfying(ApiException.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.JURISDICTION_UNKNOWN));
		assertThatThrownBy(() -> this.unions.register(TAKEN, "工会", UnionType.INDUSTRY, Sector.LOGISTICS, COUNTY, DAY))
			.isInstanceOfSatisfying(ApiException.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.ALREADY_REGISTERED));
		verifyNoInteractions(this.commands);
	}

	@Test
	void anIdTakenMeanwhileIsAConflictToo() {
		when(this.commands.sendAndWait(any(RegisterUnion.class))).thenThrow(new ConcurrencyException("taken"));

		assertThatThrownBy(() -> this.unions.register(FRESH, "工会", UnionType.INDUSTRY, Sector.LOGISTICS, COUNTY, DAY))
			.isInstanceOfSatisfying(ApiException.class,
					(ex) -> assertThat(ex.rule()).isEqualTo(Rule.ALREADY_REGISTERED));
	}

}
