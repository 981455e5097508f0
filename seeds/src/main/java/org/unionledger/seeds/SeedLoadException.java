package org.unionledger.seeds;

/**
 * The ledger refused a step of the plan with an exception. The message names the step by
 * its place in the plan (never by a resident ID or name); loading again resumes at that
 * step.
 */
public class SeedLoadException extends RuntimeException {

	public SeedLoadException(String message, Throwable cause) {
		super(message, cause);
	}

}
