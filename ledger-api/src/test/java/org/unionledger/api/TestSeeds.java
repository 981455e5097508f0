package org.unionledger.api;

import java.security.SecureRandom;
import java.time.LocalDate;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.unionledger.api.members.Enrollments;
import org.unionledger.api.seeding.DemoSeeding;
import org.unionledger.common.RecordedBy;
import org.unionledger.identity.EncryptedPersonalData;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.identity.PersonalData;
import org.unionledger.identity.PersonalDataCipher;
import org.unionledger.identity.ResidentId;
import org.unionledger.membership.Commands.EnrollMember;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.MemberId;
import org.unionledger.union.UnionId;
import org.unionledger.seeds.SeedEnrollments;
import org.unionledger.eventstore.CommandBatches;
import org.unionledger.eventstore.MongoEventStorageEngine;
import org.unionledger.seeds.SeedLoader;

/**
 * The seed loader tests use: the ledger's commands, each member's progress read from its
 * stream as the demo seeding does, personal data under the test master key.
 */
public final class TestSeeds {

	private TestSeeds() {
	}

	public static SeedLoader loader(CommandGateway commands, EventStore eventStore, MemberIdentities identities,
			PersonalDataCipher cipher) {
		return new SeedLoader(commands, DemoSeeding.eventStoreLedger(eventStore), enrollments(identities, cipher),
				new RecordedBy("seed"), 90, 2);
	}

	/**
	 * The same loader sending members and services in command batches, as the demo does.
	 */
	public static SeedLoader batchedLoader(CommandGateway commands, CommandBatches batches,
			MongoEventStorageEngine engine, EventStore eventStore, MemberIdentities identities,
			PersonalDataCipher cipher) {
		return new SeedLoader(commands, DemoSeeding.batchedLedger(eventStore, engine), enrollments(identities, cipher),
				new RecordedBy("seed"), 90, 1, DemoSeeding.seedBatches(batches));
	}

	/**
	 * Member ids and encryption under the test keys (not the vault's per-person keys);
	 * the enrollment command from {@link Enrollments#enrollment}.
	 */
	private static SeedEnrollments enrollments(MemberIdentities identities, PersonalDataCipher cipher) {
		SecureRandom random = new SecureRandom();
		return new SeedEnrollments() {
			@Override
			public MemberId memberIdOf(ResidentId residentId) {
				return identities.memberIdOf(residentId);
			}

			@Override
			public EncryptedPersonalData encrypt(PersonalData personalData) {
				return cipher.encrypt(personalData, random);
			}

			@Override
			public EnrollMember enrollment(MemberId memberId, EncryptedPersonalData personalData, UnionId unionId,
					LocalDate effectiveDate, EnrollmentChannel channel, RecordedBy by) {
				return Enrollments.enrollment(memberId, personalData, unionId, effectiveDate, channel, by);
			}
		};
	}

}
