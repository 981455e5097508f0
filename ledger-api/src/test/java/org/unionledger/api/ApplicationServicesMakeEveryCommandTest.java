package org.unionledger.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Service;
import org.unionledger.api.members.Enrollments;
import org.unionledger.membership.Commands.EnrollMember;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * A use case is written once: of the application's classes (the API and the demo data's
 * loader) only the application services make commands; controllers, imports and the seeds
 * ask them for one. An enrollment, whatever its edge (the form, imports, online
 * applications, re-enrollments, the seeds), is made by {@link Enrollments} alone.
 */
@AnalyzeClasses(packages = { "org.unionledger.api", "org.unionledger.seeds" },
		importOptions = ImportOption.DoNotIncludeTests.class)
class ApplicationServicesMakeEveryCommandTest {

	@ArchTest
	static final ArchRule onlyApplicationServicesMakeCommands = noClasses().that()
		.areNotAnnotatedWith(Service.class)
		.should()
		.callConstructorWhere(
				target(owner(nameMatching("org\\.unionledger\\..*\\.Commands\\$.*"))).as("a constructor of a command"))
		.because("a use case is written once, in its application service");

	@ArchTest
	static final ArchRule onlyEnrollmentsMakesAnEnrollment = noClasses().that()
		.areNotAssignableTo(Enrollments.class)
		.should()
		.callConstructorWhere(target(owner(equivalentTo(EnrollMember.class))).as("a constructor of EnrollMember"))
		.because("enrollment is written once, in Enrollments");

}
