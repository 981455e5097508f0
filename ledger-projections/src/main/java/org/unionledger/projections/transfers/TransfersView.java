package org.unionledger.projections.transfers;

import java.util.List;

/**
 * Transfers of a scope (see {@link FindTransfers}).
 *
 * @param scope the scope
 * @param flows transfers across a city boundary touching the scope, by origin and
 * destination city, most first
 * @param credentials the scope's outstanding credentials
 * @param children the same counts for each child scope asked for, in the order asked
 */
public record TransfersView(String scope, List<Flow> flows, Credentials credentials, List<Credentials> children) {

	/**
	 * Members moved from one city to another.
	 *
	 * @param fromCity origin city code
	 * @param toCity destination city code
	 * @param count accepted transfers
	 */
	public record Flow(String fromCity, String toCity, long count) {
	}

	/**
	 * Credentials issued and neither used nor cancelled.
	 *
	 * @param scope whose
	 * @param outstanding still valid
	 * @param expired past their expiry date, never presented successfully
	 */
	public record Credentials(String scope, long outstanding, long expired) {
	}

}
