package org.unionledger.projections.statistics;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FiguresTest {

	@Test
	void everyFigureHasItsOwnShortStoredFieldAndIsFoundFromIt() {
		Set<String> fields = new HashSet<>();
		for (String figure : Figures.all()) {
			String field = Figures.field(figure);
			assertThat(field).matches("[0-9a-z]{1,6}");
			assertThat(fields.add(field)).as("field %s of %s is taken", field, figure).isTrue();
			assertThat(Figures.figure(field)).isEqualTo(figure);
		}
		assertThat(fields).hasSize(Figures.all().size()).hasSizeGreaterThan(100);
	}

	@Test
	void theStoredFieldDependsOnTheNameOnly() {
		// written into existing read models: a change here needs a new layout version
		assertThat(Figures.field(Figures.NEW)).isEqualTo("wbk373");
		assertThat(Figures.field("heldServices.campaign.WINTER_WARMTH.personTimes")).isEqualTo("mpl1gz");
	}

	@Test
	void aNameThatIsNoFigureHasNoField() {
		assertThatIllegalArgumentException().isThrownBy(() -> Figures.field("newEnrollments.sector.MINING"));
		assertThat(Figures.figure("newEnrollments")).isNull();
	}

}
