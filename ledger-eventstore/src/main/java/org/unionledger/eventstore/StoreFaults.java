package org.unionledger.eventstore;

import static org.axonframework.common.ExceptionUtils.findException;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;

/**
 * Tells a store that cannot serve a request now (a full disk, a store that is not
 * reachable) from the ledger's own faults.
 */
public final class StoreFaults {

	/**
	 * The error code the embedded store answers when its file cannot be written (and
	 * while it reopens it): MongoDB's {@code OutOfDiskSpace}.
	 */
	public static final int STORE_UNAVAILABLE = 14031;

	private StoreFaults() {
	}

	/**
	 * Whether {@code failure} or one of its causes says the store could not take or serve
	 * the request: the embedded store's {@value #STORE_UNAVAILABLE}, or a MongoDB that
	 * could not be reached at all (no server selected, no connection opened: nothing was
	 * sent). A request that failed so was not carried out.
	 */
	public static boolean isStoreUnavailable(Throwable failure) {
		return findException(failure,
				(cause) -> cause instanceof MongoTimeoutException || cause instanceof MongoSocketOpenException
						|| (cause instanceof MongoException mongo && mongo.getCode() == STORE_UNAVAILABLE))
			.isPresent();
	}

}
