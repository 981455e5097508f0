package org.unionledger.projections.support;

import java.util.List;
import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * A token store that, inside a read-model transaction, stores a processor's token only
 * after the batch's documents are written. Axon stores the token before or during
 * handling; without a database transaction that order could advance the token past events
 * whose effects were never written.
 */
public final class BatchAwareTokenStore implements TokenStore {

	private final TokenStore delegate;

	public BatchAwareTokenStore(TokenStore delegate) {
		this.delegate = delegate;
	}

	/** The store it writes through. */
	public TokenStore delegate() {
		return this.delegate;
	}

	@Override
	public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
		ReadModelBatch batch = ReadModelBatch.bound();
		if (batch == null) {
			this.delegate.storeToken(token, processorName, segment);
		}
		else {
			// Fail early if the claim is gone, then write after the documents.
			this.delegate.extendClaim(processorName, segment);
			// a processor's batch stores its token inside the batch's unit of work; a
			// reset or a run of events the processor skips stores it outside one
			boolean ofABatch = CurrentUnitOfWork.map((unitOfWork) -> unitOfWork.getMessage() instanceof EventMessage)
				.orElse(false);
			batch.storeTokenAfterWrite(processorName, segment, token, ofABatch,
					() -> this.delegate.storeToken(token, processorName, segment));
		}
	}

	@Override
	public void initializeTokenSegments(String processorName, int segmentCount) {
		this.delegate.initializeTokenSegments(processorName, segmentCount);
	}

	@Override
	public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
		this.delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
	}

	@Override
	public boolean requiresExplicitSegmentInitialization() {
		return this.delegate.requiresExplicitSegmentInitialization();
	}

	@Override
	public TrackingToken fetchToken(String processorName, int segment) {
		return this.delegate.fetchToken(processorName, segment);
	}

	@Override
	public TrackingToken fetchToken(String processorName, Segment segment) {
		return this.delegate.fetchToken(processorName, segment);
	}

	@Override
	public void extendClaim(String processorName, int segment) {
		this.delegate.extendClaim(processorName, segment);
	}

	/**
	 * Writes a batch carried over the processor's earlier transactions (see
	 * {@link ReadModelTransactionManager}) with its token first, so that the work is kept
	 * and the token stored while the claim is still held.
	 */
	@Override
	public void releaseClaim(String processorName, int segment) {
		ReadModelBatch batch = ReadModelBatch.bound();
		if (batch != null) {
			batch.write();
		}
		this.delegate.releaseClaim(processorName, segment);
	}

	@Override
	public void initializeSegment(TrackingToken token, String processorName, int segment) {
		this.delegate.initializeSegment(token, processorName, segment);
	}

	@Override
	public void deleteToken(String processorName, int segment) {
		this.delegate.deleteToken(processorName, segment);
	}

	@Override
	public int[] fetchSegments(String processorName) {
		return this.delegate.fetchSegments(processorName);
	}

	@Override
	public List<Segment> fetchAvailableSegments(String processorName) {
		return this.delegate.fetchAvailableSegments(processorName);
	}

	@Override
	public Optional<String> retrieveStorageIdentifier() {
		return this.delegate.retrieveStorageIdentifier();
	}

}
