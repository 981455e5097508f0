package org.unionledger.eventstore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

/**
 * Sends many commands as one batch: the same command handlers, aggregates and rules as
 * commands sent one by one, with a few round trips to the store for the whole batch
 * instead of a few per command.
 * <p>
 * <b>How.</b> The commands' target aggregates are read together when the batch opens
 * ({@link MongoEventStorageEngine#openBatch(Collection)}). The commands are then sent
 * through the ordinary gateway, in order, inside one unit of work: each runs in a nested
 * unit of work as usual (its aggregate loaded from memory, guarded, its events applied),
 * and Axon hands the events of all of them to the storage engine in one
 * {@code appendEvents} when the batch's unit of work commits, which writes them as group
 * commits. Each aggregate's commit stands or falls on its own.
 * <p>
 * <b>Outcomes.</b> A command's result or exception is known when {@link #send} returns,
 * as for a single command; its events are stored when the batch commits. When another
 * writer took an aggregate's next stream key first (a single command racing the same
 * person), nothing of that aggregate's commit is stored, and its commands are sent again
 * one by one after the batch, through the gateway with its retries, against the stream as
 * the winner left it: they end exactly as if they had come after the winner. A command
 * that fails in the batch changes nothing (its unit of work rolls back); if an earlier
 * command of the same batch changed the same aggregate, the batch cannot keep one without
 * the other and fails as a whole, storing nothing.
 * <p>
 * <b>Limits.</b> One batch at a time per instance (the thread holds the locks of every
 * aggregate it loads until the batch ends; two batches locking the same aggregates in
 * different orders could otherwise deadlock). The command bus must handle commands on the
 * sending thread (Axon's {@code SimpleCommandBus}); an asynchronous bus is refused.
 */
public final class CommandBatches {

	private final CommandGateway gateway;

	private final MongoEventStorageEngine engine;

	private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

	private final ReentrantLock oneAtATime = new ReentrantLock();

	public CommandBatches(CommandGateway gateway, MongoEventStorageEngine engine) {
		this.gateway = gateway;
		this.engine = engine;
	}

	/**
	 * Sends the commands as one batch, in order, and returns each one's result or
	 * exception, in the same order.
	 * @throws BatchFailedException when the batch as a whole failed (see
	 * {@link Batch#commit()})
	 */
	public List<Result> send(List<?> commands) {
		Set<String> aggregates = new LinkedHashSet<>();
		for (Object command : commands) {
			aggregates.add(targetOf(command));
		}
		try (Batch batch = open(aggregates)) {
			List<Pending> pending = new ArrayList<>(commands.size());
			for (Object command : commands) {
				pending.add(batch.send(command));
			}
			batch.commit();
			return pending.stream().map(Pending::result).toList();
		}
	}

	/**
	 * Opens a batch on the current thread, reading these aggregates' streams together.
	 * Until the batch is committed or closed, reads of any stream on this thread (e.g.
	 * {@code EventStore.readEvents}) are answered from what the batch holds.
	 */
	public Batch open(Collection<String> aggregateIdentifiers) {
		this.oneAtATime.lock();
		try {
			return new Batch(this.engine.openBatch(aggregateIdentifiers));
		}
		catch (RuntimeException | Error ex) {
			this.oneAtATime.unlock();
			throw ex;
		}
	}

	private String targetOf(Object command) {
		return this.targets.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier();
	}

	/**
	 * An open batch: {@link #send} each command, then {@link #commit()}; close it in any
	 * case (a batch closed without commit stores nothing).
	 */
	public final class Batch implements AutoCloseable {

		private final WriteBatch writes;

		private final UnitOfWork<CommandMessage<?>> unitOfWork;

		private final List<Pending> sent = new ArrayList<>();

		private final Map<String, Integer> changed = new HashMap<>();

		private boolean ended;

		Batch(WriteBatch writes) {
			this.writes = writes;
			this.unitOfWork = DefaultUnitOfWork.startAndGet(null);
		}

		/**
		 * Sends one command inside the batch. Its result or exception is known at once;
		 * its events are stored by {@link #commit()}.
		 * @throws BatchFailedException when it failed after an earlier command of the
		 * batch changed the same aggregate (the batch is then rolled back)
		 */
		public Pending send(Object command) {
			if (this.ended) {
				throw new IllegalStateException("the batch has ended");
			}
			String target = targetOf(command);
			Result result = sendInBatch(command);
			if (result.failure() == null) {
				this.changed.merge(target, 1, Integer::sum);
			}
			else if (this.changed.containsKey(target)) {
				BatchFailedException failure = new BatchFailedException("a command of the batch failed after an "
						+ "earlier command of the batch changed the same aggregate " + target
						+ "; nothing of the batch was stored", result.failure());
				end(failure);
				throw failure;
			}
			Pending pending = new Pending(command, target, result);
			this.sent.add(pending);
			return pending;
		}

		/**
		 * Stores the events of every command sent, then sends the commands of the
		 * aggregates another writer won again, one by one.
		 * @throws BatchFailedException when the store failed other than by a lost race;
		 * then the commits of some aggregates may be stored and others not (as after a
		 * single command whose outcome is unknown: reading the streams tells)
		 */
		public void commit() {
			if (this.ended) {
				throw new IllegalStateException("the batch has ended");
			}
			try {
				this.unitOfWork.commit();
			}
			catch (RuntimeException | Error ex) {
				end(ex);
				throw new BatchFailedException("the batch could not be stored: " + ex.getMessage(), ex);
			}
			Set<String> conflicts = this.writes.conflicts();
			end(null);
			for (Pending pending : this.sent) {
				if (conflicts.contains(pending.target)) {
					pending.result = sendAlone(pending.command).again();
				}
			}
		}

		private void end(Throwable cause) {
			if (this.ended) {
				return;
			}
			this.ended = true;
			try {
				if (cause != null && this.unitOfWork.isActive()) {
					this.unitOfWork.rollback(cause);
				}
			}
			finally {
				try {
					this.writes.close();
				}
				finally {
					CommandBatches.this.oneAtATime.unlock();
				}
			}
		}

		/** Ends the batch; one that was not committed stores nothing. */
		@Override
		public void close() {
			end(new IllegalStateException("batch closed without commit"));
		}

	}

	/**
	 * A command sent in a batch; its {@link #result()} is final once the batch is
	 * committed.
	 */
	public static final class Pending {

		private final Object command;

		private final String target;

		private Result result;

		Pending(Object command, String target, Result result) {
			this.command = command;
			this.target = target;
			this.result = result;
		}

		/** What the command returned or threw; final after {@link Batch#commit()}. */
		public Result result() {
			return this.result;
		}

	}

	private Result sendInBatch(Object command) {
		CompletableFuture<Object> future = this.gateway.send(command);
		if (!future.isDone()) {
			throw new IllegalStateException("the command bus handled a batched command on another thread; "
					+ "batches need a bus that handles commands on the sending thread");
		}
		return outcome(future);
	}

	private Result sendAlone(Object command) {
		try {
			return Result.of(this.gateway.sendAndWait(command));
		}
		catch (RuntimeException ex) {
			return Result.failed(ex);
		}
	}

	private static Result outcome(CompletableFuture<Object> future) {
		try {
			return Result.of(future.get());
		}
		catch (ExecutionException ex) {
			return Result.failed(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BatchFailedException("interrupted while sending a batch", ex);
		}
	}

	/**
	 * What one command of a batch returned or threw.
	 *
	 * @param value the handler's return value ({@code null} for none or on failure)
	 * @param failure what it threw, as the gateway reports it, or {@code null}
	 * @param resent whether it was sent again on its own after another writer won its
	 * aggregate's stream key
	 */
	public record Result(Object value, Throwable failure, boolean resent) {

		static Result of(Object value) {
			return new Result(value, null, false);
		}

		static Result failed(Throwable failure) {
			return new Result(null, failure, false);
		}

		Result again() {
			return new Result(this.value, this.failure, true);
		}

	}

	/** A batch failed as a whole; nothing of it was stored. */
	public static final class BatchFailedException extends RuntimeException {

		BatchFailedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
