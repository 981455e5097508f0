package org.unionledger.projections.support;

import java.util.List;
import java.util.Optional;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

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
			batch.afterWrite(() -> this.delegate.storeToken(token, processorName, segment));
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

	@Override
	public void releaseClaim(String processorName, int segment) {
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
