package org.unionledger.projections.support;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Gives each batch an event processor handles a {@link ReadModelBatch}: commit writes the
 * batch's documents first and only then the token writes that
 * {@link BatchAwareTokenStore} deferred, so that a crash can make events be handled again
 * (which the documents ignore) but never makes them be skipped.
 */
public final class ReadModelTransactionManager implements TransactionManager {

	private final ReadModelStore store;

	public ReadModelTransactionManager(MongoDatabase database) {
		this(new MongoReadModelStore(database));
	}

	public ReadModelTransactionManager(ReadModelStore store) {
		this.store = store;
	}

	@Override
	public Transaction startTransaction() {
		if (ReadModelBatch.bound() != null) {
			return NESTED;
		}
		ReadModelBatch batch = new ReadModelBatch(this.store);
		batch.bind();
		return new Transaction() {
			@Override
			public void commit() {
				try {
					batch.write();
				}
				finally {
					batch.unbind();
				}
			}

			@Override
			public void rollback() {
				batch.unbind();
			}
		};
	}

	private static final Transaction NESTED = new Transaction() {
		@Override
		public void commit() {
		}

		@Override
		public void rollback() {
		}
	};

}
