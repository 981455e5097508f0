package org.unionledger.api.config;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.unionledger.common.RecordedOn;

/**
 * The ledger's clock: the system clock, except while a command that carries a recording
 * day ({@link RecordedOn#METADATA_KEY}, set only by the ledger's own senders, such as the
 * demo seeding) is handled on this thread; then that day at
 * {@value RecordedOn#RECORDING_HOUR}:00 in the ledger's zone, never later than now.
 * Aggregates read the clock they are given and stay as they are; the "not in the future"
 * guards then judge by the recording day too, as they would have on that day.
 */
final class RecordingDayClock extends Clock {

	private final Clock system;

	RecordingDayClock(Clock system) {
		this.system = system;
	}

	@Override
	public ZoneId getZone() {
		return this.system.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new RecordingDayClock(this.system.withZone(zone));
	}

	@Override
	public Instant instant() {
		Instant now = this.system.instant();
		if (!CurrentUnitOfWork.isStarted()) {
			return now;
		}
		Object day = (CurrentUnitOfWork.get().getMessage() instanceof CommandMessage<?> command)
				? command.getMetaData().get(RecordedOn.METADATA_KEY) : null;
		if (!(day instanceof String text)) {
			return now;
		}
		Instant recorded = LocalDate.parse(text)
			.atTime(RecordedOn.RECORDING_HOUR, 0)
			.atZone(this.system.getZone())
			.toInstant();
		return recorded.isBefore(now) ? recorded : now;
	}

}
