package org.unionledger.seeds;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.unionledger.service.Campaign;
import org.unionledger.service.ServiceId;
import org.unionledger.service.ServiceType;
import org.unionledger.union.UnionId;

/**
 * A service delivery of the plan, sent as one {@code RecordServiceDelivered}.
 *
 * @param serviceId deterministic id, {@code seed-svc-00001} onwards in order of delivery
 * @param unionId delivering union, open on the day
 * @param member the member served, active at that union on the day; {@code null} for
 * non-members
 * @param type kind of service
 * @param campaign the seasonal campaign of a {@code SEASONAL_CARE} delivery, otherwise
 * {@code null}
 * @param deliveredOn effective date
 * @param personTimes 1 for a member, 1 to 50 for a group activity
 * @param amountYuan yuan with 2 decimals
 */
public record ServiceSeed(ServiceId serviceId, UnionId unionId, MemberSeed member, ServiceType type, Campaign campaign,
		LocalDate deliveredOn, int personTimes, BigDecimal amountYuan) {

	@Override
	public String toString() {
		return "ServiceSeed[serviceId=" + this.serviceId + ", unionId=" + this.unionId + ", member="
				+ ((this.member != null) ? "#" + this.member.number() : "none") + ", type=" + this.type + ", campaign="
				+ this.campaign + ", deliveredOn=" + this.deliveredOn + ", personTimes=" + this.personTimes
				+ ", amountYuan=" + this.amountYuan + "]";
	}

}
