package org.unionledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.unionledger.membership.MembershipEvent;
import org.unionledger.union.UnionEvent;

/**
 * Every event belongs to its aggregate's sealed hierarchy, so that a fold, a projection
 * or the reference replay can be held to handle all of them; and the hierarchies change
 * nothing in what is stored.
 */
class EventHierarchiesTest {

	private static final List<Class<?>> EVENTS = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.unionledger")
		.stream()
		.filter((type) -> type.isAnnotatedWith(Revision.class))
		.map(JavaClass::reflect)
		.sorted((a, b) -> a.getName().compareTo(b.getName()))
		.collect(Collectors.toList());

	@Test
	void everyEventIsARecordOfExactlyOneSealedHierarchyInItsOwnFeature() {
		assertThat(EVENTS).hasSizeGreaterThanOrEqualTo(23);
		for (Class<?> event : EVENTS) {
			assertThat(event.isRecord()).as(event.getName()).isTrue();
			List<Class<?>> hierarchies = Arrays.stream(event.getInterfaces()).filter(Class::isSealed).toList();
			assertThat(hierarchies).as("the sealed event hierarchies of " + event.getName()).hasSize(1);
			Class<?> hierarchy = hierarchies.get(0);
			assertThat(hierarchy.getSimpleName()).endsWith("Event");
			assertThat(hierarchy.getPackage()).isEqualTo(event.getPackage());
			assertThat(hierarchy.getPermittedSubclasses()).contains(event);
		}
	}

	@Test
	void everyPermittedSubclassIsAStoredEvent() {
		for (Class<?> hierarchy : hierarchies()) {
			for (Class<?> permitted : hierarchy.getPermittedSubclasses()) {
				assertThat(permitted.isAnnotationPresent(Revision.class)).as(permitted.getName()).isTrue();
			}
		}
	}

	/**
	 * The payload is written by Jackson from the record's components; an accessor the
	 * hierarchy declares ({@code memberId()}, {@code accept}) must not add a property.
	 */
	@Test
	void aStoredPayloadHoldsExactlyTheRecordComponents() throws Exception {
		ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
		for (Class<?> event : EVENTS) {
			@SuppressWarnings("unchecked")
			Map<String, Object> written = mapper.convertValue(blank(event), Map.class);
			Set<String> components = Arrays.stream(event.getRecordComponents())
				.map(RecordComponent::getName)
				.collect(Collectors.toCollection(TreeSet::new));
			assertThat(new TreeSet<>(written.keySet())).as(event.getName()).isEqualTo(components);
		}
	}

	@Test
	void aVisitorIsCalledWithTheEventsOwnType() throws Exception {
		assertVisits(MembershipEvent.class, MembershipEvent.Visitor.class);
		assertVisits(UnionEvent.class, UnionEvent.Visitor.class);
	}

	private static void assertVisits(Class<?> hierarchy, Class<?> visitorType) throws Exception {
		List<Class<?>> visited = new ArrayList<>();
		Object visitor = Proxy.newProxyInstance(visitorType.getClassLoader(), new Class<?>[] { visitorType },
				(proxy, method, args) -> visited.add(method.getParameterTypes()[0]) ? null : null);
		Method accept = hierarchy.getMethod("accept", visitorType);
		for (Class<?> event : hierarchy.getPermittedSubclasses()) {
			visited.clear();
			accept.invoke(blank(event), visitor);
			assertThat(visited).as(event.getName()).containsExactly(event);
		}
		assertThat(visitorType.getMethods()).hasSize(hierarchy.getPermittedSubclasses().length);
	}

	private static Set<Class<?>> hierarchies() {
		return EVENTS.stream()
			.flatMap((event) -> Arrays.stream(event.getInterfaces()))
			.filter(Class::isSealed)
			.collect(Collectors.toSet());
	}

	/** An instance with every component null, zero or false. */
	static Object blank(Class<?> record) throws Exception {
		RecordComponent[] components = record.getRecordComponents();
		Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
		Object[] values = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			values[i] = types[i].isPrimitive() ? Array.get(Array.newInstance(types[i], 1), 0) : null;
		}
		return record.getDeclaredConstructor(types).newInstance(values);
	}

}
