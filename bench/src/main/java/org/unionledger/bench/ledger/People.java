package org.unionledger.bench.ledger;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.unionledger.common.RecordedBy;
import org.unionledger.identity.MemberIdentities;
import org.unionledger.identity.PersonName;
import org.unionledger.identity.PersonalData;
import org.unionledger.identity.PersonalDataCipher;
import org.unionledger.identity.ResidentId;
import org.unionledger.jurisdiction.JurisdictionCode;
import org.unionledger.membership.Commands.AcceptTransfer;
import org.unionledger.membership.Commands.EnrollMember;
import org.unionledger.membership.Commands.IssueTransferCredential;
import org.unionledger.membership.CredentialCode;
import org.unionledger.membership.EnrollmentChannel;
import org.unionledger.membership.MemberId;
import org.unionledger.service.Commands.RecordServiceDelivered;
import org.unionledger.service.ServiceId;
import org.unionledger.service.ServiceType;
import org.unionledger.union.Commands.RegisterUnion;
import org.unionledger.union.Sector;
import org.unionledger.union.UnionId;
import org.unionledger.union.UnionType;

/**
 * Synthetic people and unions, the same for a given number: person {@code i} has a valid
 * 18-digit resident ID (a county code of Hebei, a birth date and a serial derived from
 * {@code i}), a member id from the keyed fingerprint, and encrypted personal data,
 * exactly as the API builds them. Fixed demo keys; never real people.
 */
public final class People {

	/** Counties of Shijiazhuang, Tangshan and Baoding. */
	private static final List<String> COUNTIES = List.of("130102", "130104", "130105", "130108", "130202", "130203",
			"130204", "130602", "130606", "130607");

	private static final RecordedBy BENCH = new RecordedBy("bench");

	/** Every union was established on this day; every effective date is after it. */
	public static final LocalDate ESTABLISHED = LocalDate.of(2019, 1, 2);

	private final MemberIdentities identities = new MemberIdentities(key(7));

	private final PersonalDataCipher cipher = new PersonalDataCipher("bench-1", key(11));

	private final SecureRandom random = new SecureRandom();

	private final int unionCount;

	private final LocalDate today;

	/**
	 * @param unionCount how many unions the people are spread over
	 * @param today the ledger clock's date; effective dates lie before it
	 */
	public People(int unionCount, LocalDate today) {
		this.unionCount = unionCount;
		this.today = today;
	}

	private static byte[] key(int seed) {
		byte[] key = new byte[32];
		for (int i = 0; i < key.length; i++) {
			key[i] = (byte) (seed * 31 + i);
		}
		return key;
	}

	public UnionId union(int u) {
		return new UnionId("bench-union-" + u);
	}

	/** The registrations of every union, spread over the counties. */
	public List<RegisterUnion> unions() {
		List<RegisterUnion> unions = new ArrayList<>();
		for (int u = 0; u < this.unionCount; u++) {
			unions.add(new RegisterUnion(union(u), "基准工会 " + u, UnionType.values()[u % UnionType.values().length],
					Sector.values()[u % Sector.values().length], JurisdictionCode.of(COUNTIES.get(u % COUNTIES.size())),
					ESTABLISHED, BENCH));
		}
		return unions;
	}

	/** Person {@code i}'s resident ID: unique for i below ten million. */
	public String residentId(long i) {
		String county = COUNTIES.get((int) (i % COUNTIES.size()));
		LocalDate birth = LocalDate.of(1960, 1, 1).plusDays((i / COUNTIES.size()) / 1000 % 14_000);
		String serial = String.format("%03d", (i / COUNTIES.size()) % 1000);
		String first17 = county + birth.toString().replace("-", "") + serial;
		return first17 + ResidentId.checkDigitFor(first17);
	}

	public MemberId memberId(long i) {
		return this.identities.memberIdOf(ResidentId.parse(residentId(i), this.today));
	}

	/** The union person {@code i} enrolls at. */
	public UnionId homeUnion(long i) {
		return union((int) (i % this.unionCount));
	}

	/**
	 * What the API does for an enrollment before sending the command: validate the ID,
	 * derive the member id, encrypt the personal data.
	 */
	public EnrollMember enroll(long i) {
		ResidentId residentId = ResidentId.parse(residentId(i), this.today);
		return new EnrollMember(this.identities.memberIdOf(residentId),
				this.cipher.encrypt(new PersonalData(residentId, PersonName.of("测试人员" + numeral(i))), this.random),
				homeUnion(i), effectiveDate(i), EnrollmentChannel.IMPORT, BENCH);
	}

	/**
	 * The number in Chinese digits (零一二…), so that generated names pass the ledger's name
	 * rule, which has no digits.
	 */
	public static String numeral(long number) {
		String digits = "零一二三四五六七八九";
		StringBuilder out = new StringBuilder();
		for (char c : Long.toString(number).toCharArray()) {
			out.append(digits.charAt(c - '0'));
		}
		return out.toString();
	}

	public LocalDate effectiveDate(long i) {
		return this.today.minusDays(30 + i % 300);
	}

	/** A credential code for person {@code i}'s transfer number {@code n}. */
	public CredentialCode credential(long i, int n) {
		return new CredentialCode("BC" + i + "N" + n);
	}

	public IssueTransferCredential issue(long i, int n, UnionId current) {
		return new IssueTransferCredential(memberId(i), credential(i, n), current, null,
				this.today.minusDays(5 - n % 5), 90, BENCH);
	}

	public AcceptTransfer accept(long i, int n, UnionId to) {
		return new AcceptTransfer(memberId(i), credential(i, n), to, this.today.minusDays(4 - n % 5), BENCH);
	}

	public RecordServiceDelivered service(String id, int u) {
		return new RecordServiceDelivered(new ServiceId(id), union(u), null, ServiceType.SKILLS_TRAINING, null,
				this.today.minusDays(3), 3, new BigDecimal("120.50"), BENCH);
	}

}
