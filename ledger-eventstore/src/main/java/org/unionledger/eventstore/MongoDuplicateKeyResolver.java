package org.unionledger.eventstore;

import static org.axonframework.common.ExceptionUtils.findException;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises MongoDB's duplicate-key errors (codes 11000, 11001, 12582) anywhere in a
 * cause chain, so that Axon turns a lost race on a stream key or an event identifier into
 * a {@code ConcurrencyException} or {@code AggregateStreamCreationException}.
 */
public final class MongoDuplicateKeyResolver implements PersistenceExceptionResolver {

	@Override
	public boolean isDuplicateKeyViolation(Exception exception) {
		return isDuplicateKey(exception);
	}

	public static boolean isDuplicateKey(Throwable exception) {
		// The first write error in the chain decides.
		Throwable t = findException(exception, (cause) -> cause instanceof MongoWriteException
				|| cause instanceof MongoBulkWriteException || cause instanceof MongoServerException)
			.orElse(null);
		if (t instanceof MongoWriteException write) {
			return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
		}
		if (t instanceof MongoBulkWriteException bulk) {
			return bulk.getWriteErrors()
				.stream()
				.map(BulkWriteError::getCode)
				.anyMatch(code -> ErrorCategory.fromErrorCode(code) == ErrorCategory.DUPLICATE_KEY);
		}
		if (t instanceof MongoServerException server) {
			return ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
		}
		return false;
	}

}
