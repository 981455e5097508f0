package org.unionledger.api;

import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.unionledger.api.members.Enrollments;
import org.unionledger.membership.Commands.EnrollMember;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Enrollment is written once: of the application's classes (the API and the demo data's
 * loader) only {@link Enrollments} makes an {@link EnrollMember}; the form, imports,
 * online applications, re-enrollments and the seeds ask it for one.
 */
@AnalyzeClasses(packages = { "org.unionledger.api", "org.unionledger.seeds" },
		importOptions = ImportOption.DoNotIncludeTests.class)
class EnrollmentsMakeEveryEnrollmentTest {

	@ArchTest
	static final ArchRule onlyEnrollmentsMakesTheCommand = noClasses().that()
		.areNotAssignableTo(Enrollments.class)
		.should()
		.callConstructorWhere(target(owner(equivalentTo(EnrollMember.class))).as("a constructor of EnrollMember"))
		.because("enrollment is written once, in Enrollments");

}
