package org.unionledger.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * A use case is written once, in an application service: controllers parse, authorise,
 * call a service and map its answer; they never send a command or read a stream
 * themselves.
 */
@AnalyzeClasses(packages = "org.unionledger.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ControllersSendNoCommandsTest {

	@ArchTest
	static final ArchRule controllersGoThroughApplicationServices = noClasses().that()
		.areAnnotatedWith(RestController.class)
		.should()
		.dependOnClassesThat()
		.areAssignableTo(CommandGateway.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(EventStore.class);

}
