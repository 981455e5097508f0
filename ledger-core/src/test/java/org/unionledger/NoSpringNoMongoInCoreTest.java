package org.unionledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain module knows Axon's modelling and event sourcing, never Spring or MongoDB.
 */
@AnalyzeClasses(packages = "org.unionledger")
class NoSpringNoMongoInCoreTest {

	@ArchTest
	static final ArchRule noSpringOrMongoInTheDomain = noClasses().that()
		.resideInAPackage("org.unionledger..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..");

}
