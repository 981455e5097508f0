package org.unionledger.seeds;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A command gateway that "handles" each command by recording it and appending one event
 * to its target aggregate's stream in an in-memory {@link SeedLedger}, as the ledger does
 * for every seed step. It can be told to crash: from then on every command fails, as with
 * a ledger that went away.
 */
final class RecordingGateway implements CommandGateway, SeedLedger {

	private final List<Object> sent = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, AtomicInteger> streams = new ConcurrentHashMap<>();

	private final AtomicInteger commandsBeforeCrash = new AtomicInteger(Integer.MAX_VALUE);

	private volatile Function<Object, Object> answer = (command) -> null;

	/** Handles {@code count} more commands, then fails on every later one. */
	void crashAfter(int count) {
		this.commandsBeforeCrash.set(count);
	}

	void recover() {
		this.commandsBeforeCrash.set(Integer.MAX_VALUE);
	}

	void answerWith(Function<Object, Object> answer) {
		this.answer = answer;
	}

	List<Object> sent() {
		synchronized (this.sent) {
			return List.copyOf(this.sent);
		}
	}

	void forgetSent() {
		this.sent.clear();
	}

	@Override
	public int eventCount(String aggregateIdentifier) {
		AtomicInteger count = this.streams.get(aggregateIdentifier);
		return (count != null) ? count.get() : 0;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <R> R sendAndWait(Object command) {
		if (this.commandsBeforeCrash.getAndDecrement() <= 0) {
			throw new IllegalStateException("simulated crash");
		}
		// A command with metadata (its recording day) is "handled" as its payload.
		Object payload = (command instanceof CommandMessage<?> message) ? message.getPayload() : command;
		this.streams.computeIfAbsent(targetOf(payload), (id) -> new AtomicInteger()).incrementAndGet();
		this.sent.add(command);
		return (R) this.answer.apply(payload);
	}

	@Override
	public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
		return sendAndWait(command);
	}

	@Override
	public <R> CompletableFuture<R> send(Object command) {
		return CompletableFuture.completedFuture(sendAndWait(command));
	}

	@Override
	public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
		throw new UnsupportedOperationException("the seed loader waits for each command");
	}

	@Override
	public Registration registerDispatchInterceptor(
			MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
		throw new UnsupportedOperationException();
	}

	/** The aggregate identifier, found as Axon finds it. */
	static String targetOf(Object command) {
		try {
			for (RecordComponent component : command.getClass().getRecordComponents()) {
				Field field = command.getClass().getDeclaredField(component.getName());
				if (field.isAnnotationPresent(TargetAggregateIdentifier.class)) {
					return component.getAccessor().invoke(command).toString();
				}
			}
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
		throw new IllegalArgumentException("no target aggregate identifier in " + command.getClass());
	}

}
