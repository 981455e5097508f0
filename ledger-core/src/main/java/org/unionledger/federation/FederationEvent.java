package org.unionledger.federation;

import java.time.Instant;

import org.unionledger.federation.Events.CrossLedgerDoubleCountsFound;
import org.unionledger.federation.Events.ForeignDocumentRefused;

/**
 * Every event of the federation feature's streams. A new event joins this list; a test
 * then fails until every projection reading this hierarchy handles it or says why not.
 */
public sealed interface FederationEvent permits ForeignDocumentRefused, CrossLedgerDoubleCountsFound {

	Instant recordedAt();

}
