package org.unionledger.eventstore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's tamper alarm: raised by whatever finds data the ledger did not write (a
 * commit or stream copy whose authenticator fails, a seal refusing a commit, a read model
 * that differs from its rebuild). Each distinct finding is logged once at ERROR; the
 * alarm stays raised until the process restarts, because the evidence needs a person, not
 * a retry (a health indicator reports it as DOWN).
 */
public final class IntegrityAlarm {

	private static final Logger logger = LoggerFactory.getLogger(IntegrityAlarm.class);

	/** Findings kept; later ones are still logged. */
	static final int KEPT = 100;

	private final List<Finding> findings = new CopyOnWriteArrayList<>();

	private final Clock clock;

	public IntegrityAlarm() {
		this(Clock.systemUTC());
	}

	public IntegrityAlarm(Clock clock) {
		this.clock = clock;
	}

	/**
	 * One thing found.
	 *
	 * @param source who found it (e.g. "global stream", "aggregate load", "seal",
	 * "consistency check")
	 * @param position the global position concerned, or 0 when none
	 * @param detail what failed, for people
	 * @param at when it was first found
	 */
	public record Finding(String source, long position, String detail, Instant at) {
	}

	/**
	 * Raises the alarm; a finding already raised (same source, position and detail) is
	 * neither logged nor kept again.
	 */
	public void raise(String source, long position, String detail) {
		synchronized (this.findings) {
			for (Finding known : this.findings) {
				if (known.source().equals(source) && known.position() == position && known.detail().equals(detail)) {
					return;
				}
			}
			if (this.findings.size() < KEPT) {
				this.findings.add(new Finding(source, position, detail, this.clock.instant()));
			}
		}
		logger.error("INTEGRITY ALARM ({}): position {}: {}", source, position, detail);
	}

	/** Whether anything was found since the process started. */
	public boolean isRaised() {
		return !this.findings.isEmpty();
	}

	/** What was found, first first (at most {@value #KEPT}). */
	public List<Finding> findings() {
		return List.copyOf(new ArrayList<>(this.findings));
	}

}
