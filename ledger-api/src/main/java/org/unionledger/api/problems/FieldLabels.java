package org.unionledger.api.problems;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a Chinese reader calls each field a problem can name: the {@code {0}} of a rule's
 * zh-CN message reads {@code 生效日期}, not {@code effectiveDate}. The problem's
 * {@code field} member keeps the field's own name for programs. A test holds this list to
 * every field of every request body, query and path parameter, and every field the core
 * guards name.
 */
public final class FieldLabels {

	private static final Map<String, String> CHINESE = new TreeMap<>(Map.ofEntries(Map.entry("acceptedOn", "接收日期"),
			Map.entry("destinationLedger", "转入账本"), Map.entry("destinationUnionId", "转入工会"),
			Map.entry("digest", "文件摘要"), Map.entry("document", "签名文件"), Map.entry("expiresOn", "失效日期"),
			Map.entry("originLedger", "转出账本"), Map.entry("originMember", "转出方会员编号"), Map.entry("originUnionId", "转出工会"),
			Map.entry("originUnionName", "转出工会名称"), Map.entry("person", "人员指纹"), Map.entry("receiptId", "回执编号"),
			Map.entry("receivingLedger", "接收账本"), Map.entry("receivingUnionName", "接收工会名称"),
			Map.entry("refusalId", "拒绝记录编号"), Map.entry("scope", "范围"), Map.entry("comparisonId", "比对编号"),
			Map.entry("found", "比对结果"), Map.entry("otherLedger", "对方账本"), Map.entry("ledger", "账本"),
			Map.entry("amountYuan", "金额（元）"), Map.entry("applicationId", "入会申请编号"), Map.entry("asOf", "统计截止日期"),
			Map.entry("body", "请求内容"), Map.entry("by", "排名依据"), Map.entry("campaign", "四季送活动"),
			Map.entry("channel", "入会渠道"), Map.entry("children", "下级报表"), Map.entry("code", "代码"),
			Map.entry("comment", "备注"), Map.entry("confirmBackdating", "补录确认"), Map.entry("decidingUnionId", "决定工会"),
			Map.entry("decision", "处理决定"), Map.entry("deliveredOn", "服务日期"), Map.entry("disclosedTo", "查阅人"),
			Map.entry("effectiveDate", "生效日期"), Map.entry("establishedOn", "成立日期"), Map.entry("figure", "指标"),
			Map.entry("figures", "指标"), Map.entry("file", "文件"), Map.entry("findingId", "督查发现编号"),
			Map.entry("flaggedChildren", "有变更标记的下级报表"), Map.entry("from", "起始日期"), Map.entry("globalPosition", "事件位置"),
			Map.entry("Idempotency-Key", "幂等键"), Map.entry("importId", "导入编号"), Map.entry("issuedOn", "开具日期"),
			Map.entry("issuingUnionId", "开具工会"), Map.entry("jurisdiction", "行政区"),
			Map.entry("jurisdictionCode", "行政区代码"), Map.entry("knownAt", "记录截止日期"), Map.entry("kind", "类别"),
			Map.entry("lang", "语言"), Map.entry("legalBasis", "法律依据"), Map.entry("limit", "条数上限"),
			Map.entry("logId", "查阅记录编号"), Map.entry("memberId", "会员编号"), Map.entry("name", "名称"),
			Map.entry("newCode", "新凭证编码"), Map.entry("page", "页码"), Map.entry("part", "部分序号"),
			Map.entry("parts", "部分数"), Map.entry("personalData", "个人信息"), Map.entry("personTimes", "人次"),
			Map.entry("processor", "处理器"), Map.entry("purpose", "查阅目的"), Map.entry("reason", "原因"),
			Map.entry("receivingUnionId", "接收工会"), Map.entry("recordedBy", "记录人"), Map.entry("reportId", "报表编号"),
			Map.entry("residentId", "身份证号"), Map.entry("sealDigest", "封存摘要"), Map.entry("sealedThrough", "封存截止位置"),
			Map.entry("sector", "行业"), Map.entry("serviceId", "服务编号"), Map.entry("servingUnionId", "服务工会"),
			Map.entry("signedBy", "签报人"), Map.entry("since", "起始日期"), Map.entry("size", "每页条数"),
			Map.entry("source", "任务来源"), Map.entry("state", "状态"), Map.entry("statisticalYear", "统计年度"),
			Map.entry("status", "状态"), Map.entry("submittedOn", "申请日期"), Map.entry("target", "任务数"),
			Map.entry("targetId", "任务编号"), Map.entry("term", "查询内容"), Map.entry("to", "截止日期"),
			Map.entry("toUnionId", "转入工会"), Map.entry("type", "类型"), Map.entry("unionId", "工会"),
			Map.entry("validityDays", "有效天数"), Map.entry("year", "统计年度")));

	private FieldLabels() {
	}

	/**
	 * The Chinese label of a field; for a nested or indexed one (e.g.
	 * {@code rows[3].name}) the label of its last name.
	 */
	public static Optional<String> chinese(String field) {
		if (field == null || field.isBlank()) {
			return Optional.empty();
		}
		String last = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
		return Optional.ofNullable(CHINESE.get(last));
	}

	/** The fields that have a label, for the test that holds the list complete. */
	static Map<String, String> all() {
		return CHINESE;
	}

}
