package org.unionledger.common;

import java.util.Locale;

/**
 * Every rule the ledger can report, in one catalogue: its stable name (the constant's
 * name, the {@code rule} of a problem and of an import's rejected row), its {@link Kind}
 * (which fixes the HTTP status) and its message in English and in Simplified Chinese.
 * {@code {0}} in a message stands for the field at fault.
 * <p>
 * Core guards ({@link DomainRuleViolation}), recorded rejections (their reason enums name
 * their rule), the HTTP API, imports and the dashboard all take their rules from here; no
 * other source spells a rule's name as a string (a test in {@code ledger-api} scans the
 * sources for it).
 */
public enum Rule {

	// Input the ledger's guards refuse

	/** A required input is missing. */
	REQUIRED(Kind.INVALID, "{0} is required", "{0} 为必填项"),

	/** A date of something that happened lies after today by the ledger's clock. */
	EFFECTIVE_DATE_IN_FUTURE(Kind.INVALID, "{0} must not be in the future", "{0} 不能晚于今天"),

	/** A date lies before the last change of the record it would change. */
	EFFECTIVE_DATE_BEFORE_LAST_CHANGE(Kind.INVALID, "{0} lies before the last change of this record",
			"{0} 早于该记录的上一次变更"),

	/** A reason is required and has 1 to 500 characters (a hold, a name correction). */
	REASON_REQUIRED(Kind.INVALID, "{0}: give the reason, 1 to 500 characters", "{0}：请填写原因，1 至 500 个字"),

	/** A name correction or a union's new name that leaves the name as it was. */
	NAME_UNCHANGED(Kind.INVALID, "{0} is the name already recorded", "{0} 与已登记的名称相同"),

	/**
	 * Neither a resident ID nor a name to look a member up by, or both.
	 */
	LOOKUP_TERM_REQUIRED(Kind.INVALID, "{0}: give either a resident ID or a name", "{0}：请填写身份证号或姓名（二选一）"),

	/** A dissolution would take effect before the union was established. */
	EFFECTIVE_DATE_BEFORE_ESTABLISHMENT(Kind.INVALID, "{0} lies before the union was established", "{0} 早于该工会的成立日期"),

	/** A transfer would take effect before its credential was issued. */
	EFFECTIVE_DATE_BEFORE_ISSUE(Kind.INVALID, "{0} lies before the transfer credential was issued", "{0} 早于接转凭证的开具日期"),

	/**
	 * A name is blank: a union's, or a person's (invisible characters alone count as
	 * blank).
	 */
	NAME_BLANK(Kind.INVALID, "{0} must not be blank (invisible characters do not count)", "{0} 不能为空（不可见字符不算）"),

	/**
	 * A name is too long: a union's has at most 200 characters, a person's at most 64
	 * ({@code org.unionledger.identity.PersonName}).
	 */
	NAME_TOO_LONG(Kind.INVALID, "{0} is too long: a union's name has at most 200 characters, a person's at most 64",
			"{0} 过长：工会名称最多 200 个字，姓名最多 64 个字"),

	/**
	 * A person's name holds a character names do not: it starts with a letter and holds
	 * only letters, marks, spaces and the separators of names
	 * ({@code org.unionledger.identity.PersonName}).
	 */
	NAME_CHARACTERS(Kind.INVALID,
			"{0} holds a character names do not: a name starts with a letter and holds only letters, spaces and the separators · . - '",
			"{0} 含有姓名中不允许的字符：姓名须以文字开头，只能包含文字、空格和分隔符 · . - '"),

	/**
	 * Free text (a union's name, a reason, a comment) holds a control, format
	 * (zero-width, bidi), unpaired surrogate or private-use character ({@link Text}).
	 */
	TEXT_CHARACTERS(Kind.INVALID,
			"{0} holds a control, format (zero-width, bidi), unpaired surrogate or private-use character",
			"{0} 含有控制字符、格式字符（零宽、双向控制）、不成对代理项或私用区字符"),

	/** Not 18 characters, nor a 15-digit legacy number. */
	RESIDENT_ID_LENGTH(Kind.INVALID, "a resident ID has 18 characters (a legacy one 15 digits)",
			"身份证号应为 18 位（旧号码为 15 位数字）"),

	/** Something other than digits, or an {@code X} anywhere but last. */
	RESIDENT_ID_CHARACTERS(Kind.INVALID, "a resident ID is 17 digits followed by a digit or X",
			"身份证号应为 17 位数字加一位数字或 X"),

	/** The birth date is not a calendar date, is before 1900 or after today. */
	RESIDENT_ID_BIRTH_DATE(Kind.INVALID, "the birth date in the resident ID is not valid", "身份证号中的出生日期无效"),

	/** The check character does not match (ISO 7064 MOD 11-2). */
	RESIDENT_ID_CHECK_DIGIT(Kind.INVALID, "the check character of the resident ID does not match (mistyped?)",
			"身份证号校验码不符（是否输错？）"),

	/** A jurisdiction code is not of county level (6 digits). */
	JURISDICTION_NOT_COUNTY_LEVEL(Kind.INVALID, "{0} is not a county-level code (6 digits)", "{0} 不是县级行政区划代码（应为 6 位）"),

	/** A jurisdiction code is not in the division table. */
	JURISDICTION_NOT_IN_TABLE(Kind.INVALID, "{0} is not in the division table", "{0} 不在行政区划表中"),

	/** A statistical year lies before 1949 or more than a year ahead. */
	YEAR_OUT_OF_RANGE(Kind.INVALID, "the statistical year is out of range", "统计年度超出范围"),

	/** A date lies before the earliest date the ledger answers for. */
	DATE_OUT_OF_RANGE(Kind.INVALID, "{0} lies before the earliest date the ledger answers for", "{0} 早于账本可查询的最早日期"),

	/** A union is not established yet, or already dissolved, on the date. */
	UNION_NOT_OPEN(Kind.INVALID, "the union was not established yet, or already dissolved, on that date",
			"该工会在此日期尚未成立或已撤销"),

	/** A transfer would lead to the union that already holds the membership. */
	SAME_UNION(Kind.INVALID, "the transfer would lead to the union that already holds the membership", "转入工会即为会籍所在工会"),

	/** Validity of a credential must be 1 to 3650 days. */
	VALIDITY_DAYS_OUT_OF_RANGE(Kind.INVALID, "{0} must be 1 to 3650 days", "{0} 须为 1 至 3650 天"),

	/** Person-times must be 1 to 100000. */
	PERSON_TIMES_OUT_OF_RANGE(Kind.INVALID, "{0} must be 1 to 100000 person-times", "{0} 须为 1 至 100000 人次"),

	/** An amount is negative. */
	AMOUNT_NEGATIVE(Kind.INVALID, "{0} must not be negative", "{0} 不能为负数"),

	/** An amount has more than 2 decimal places (fen). */
	AMOUNT_PRECISION(Kind.INVALID, "{0} has more than 2 decimal places (fen)", "{0} 最多保留两位小数（到分）"),

	/** An amount exceeds 100000000 yuan. */
	AMOUNT_TOO_LARGE(Kind.INVALID, "{0} must not exceed 100000000 yuan", "{0} 不能超过 1 亿元"),

	/** The serving union would be the union that holds the membership. */
	SERVING_UNION_IS_HOLDING(Kind.INVALID, "the serving union would be the union that holds the membership",
			"服务工会不能是会籍所在工会"),

	/** An enrollment target is negative. */
	TARGET_NEGATIVE(Kind.INVALID, "{0} must not be negative", "{0} 不能为负数"),

	/** An enrollment target exceeds 100000000. */
	TARGET_TOO_LARGE(Kind.INVALID, "{0} must not exceed 100000000", "{0} 不能超过 1 亿"),

	/**
	 * A target set by the wrong level: an {@code ASSIGNED} target (省总要求) is set by the
	 * admin of the level directly above, a {@code SELF_SET} one by the admin of the level
	 * itself (a system administrator may set either).
	 */
	TARGET_SOURCE_NOT_YOURS(Kind.FORBIDDEN,
			"{0}: an ASSIGNED target is set by the level directly above, a SELF_SET target by the level itself",
			"{0}：上级下达的任务（ASSIGNED）由直接上一级设定，自定目标（SELF_SET）由本级设定"),

	/** A reason for reading personal data is blank. */
	PURPOSE_BLANK(Kind.INVALID, "state why the personal data is read", "须说明查看个人信息的用途"),

	/**
	 * A reason for reading personal data is longer than
	 * {@code DisclosureLog.MAX_PURPOSE_LENGTH} (200) characters.
	 */
	PURPOSE_TOO_LONG(Kind.INVALID, "the purpose must not exceed 200 characters", "查看用途的说明不能超过 200 个字"),

	/** A disclosure was addressed to another member's disclosure log. */
	DISCLOSURE_LOG_MISMATCH(Kind.INVALID, "the disclosure belongs in another member's disclosure log",
			"该查阅记录属于另一会员的查阅日志"),

	/** An online application names another union than the one deciding it. */
	APPLICATION_OTHER_UNION(Kind.INVALID, "the application was made to another union", "该入会申请是向其他工会提出的"),

	/** A reason for declining an application is blank or longer than 500 characters. */
	DECLINE_REASON_INVALID(Kind.INVALID, "a reason for declining must have 1 to 500 characters", "不予批准须说明理由，最多 500 个字"),

	/** A yearly report is signed only once its statistical year has ended. */
	YEAR_NOT_ENDED(Kind.INVALID, "a yearly report is signed only once its statistical year has ended", "统计年度结束后才能签报年报"),

	/** A report's figure has no valid name, or a value that is not positive. */
	FIGURE_INVALID(Kind.INVALID, "a figure of the report has no valid name, or a value that is not positive",
			"年报中有指标名称无效或数值不为正数"),

	/** A report's global position is not positive. */
	POSITION_INVALID(Kind.INVALID, "{0} must be positive", "{0} 须为正数"),

	/** A digest is not 64 lower-case hex digits. */
	DIGEST_INVALID(Kind.INVALID, "{0} is not 64 lower-case hex digits", "{0} 须为 64 位小写十六进制数字"),

	/** A report names a jurisdiction that is not directly below, or one twice. */
	CHILD_UNKNOWN(Kind.INVALID, "the report names a unit that is not directly below, or one twice",
			"年报列出的下级单位不是直属下级，或重复列出"),

	/** A child's report entry is inconsistent (version, digest, position). */
	CHILD_REPORT_INVALID(Kind.INVALID, "a report of the level below is inconsistent (version, digest or position)",
			"下级单位的年报数据不一致（版本、摘要或位置）"),

	/** A sign-off comment is longer than 1000 characters. */
	COMMENT_TOO_LONG(Kind.INVALID, "the comment must not exceed 1000 characters", "签报意见不能超过 1000 个字"),

	// Input the HTTP API and imports refuse before the ledger's guards see it

	/** A value has the wrong type or format, or is not one of the allowed values. */
	INVALID_VALUE(Kind.INVALID, "{0} has a value of the wrong type or format", "{0} 的值类型或格式错误"),

	/** A union id is not 2 to 64 lower-case letters, digits or hyphens. */
	UNION_ID_FORMAT(Kind.INVALID, "{0} must be 2-64 lower-case letters, digits or hyphens",
			"{0} 须为 2 至 64 位小写字母、数字或连字符"),

	/** Findings are read for exactly one of a jurisdiction and a union. */
	SCOPE_REQUIRED(Kind.INVALID, "give exactly one of jurisdiction and unionId", "须指定行政区划或工会，且只能指定其一"),

	/** A ranking asked of a unit with nothing below it. */
	NO_CHILDREN(Kind.INVALID, "a county or zone has no units below it to rank", "县级单位或开发区没有可排名的下级单位"),

	/** A page number is negative. */
	PAGE_OUT_OF_RANGE(Kind.INVALID, "{0} is 0 or more", "{0} 不能小于 0"),

	/**
	 * A fingerprint export's part lies outside its parts, or the parts outside 1 to
	 * 1,024.
	 */
	EXPORT_PART_OUT_OF_RANGE(Kind.INVALID,
			"{0}: an export has 1 to 1,024 parts, and a part lies between 1 and their number",
			"{0}：导出分为 1 至 1024 个部分，部分序号须在 1 与部分数之间"),

	/** A page size is not between 1 and the largest page. */
	PAGE_SIZE_OUT_OF_RANGE(Kind.INVALID, "{0} lies outside the allowed page sizes", "{0} 超出每页条数的允许范围"),

	/** An uploaded CSV file has no header or no data rows. */
	CSV_EMPTY(Kind.INVALID, "the CSV file has no data rows", "CSV 文件没有数据行"),

	/** An uploaded CSV file has more rows than one import takes. */
	CSV_TOO_MANY_ROWS(Kind.INVALID, "the CSV file has more rows than one import takes; split it", "CSV 行数超过上限，请拆分后导入"),

	/** The first row of a CSV file does not name the columns. */
	CSV_HEADER(Kind.INVALID,
			"the first row must name the columns residentId,name,unionId,effectiveDate and optionally channel (or their Chinese names), each once",
			"CSV 首行须列出各列名称：身份证号,姓名,工会,入会日期[,渠道]（或英文 residentId,name,unionId,effectiveDate[,channel]），每列一次"),

	/** A field of a CSV file is longer than any field of an enrollment. */
	CSV_FIELD_TOO_LONG(Kind.INVALID, "a field of the CSV file is too long", "CSV 文件中有字段过长"),

	/** A CSV file mixes UTF-8 and GBK lines. */
	CSV_MIXED_ENCODING(Kind.INVALID,
			"the CSV file mixes UTF-8 and GBK (see line); nothing was imported: save the whole file in one encoding, preferably UTF-8, and import it again",
			"CSV 文件混用了 UTF-8 与 GBK 编码（出错行号见 line），未导入任何行；请将整个文件另存为同一编码（建议 UTF-8）后重新导入"),

	/** A CSV file is neither UTF-8 nor GBK. */
	CSV_ENCODING(Kind.INVALID,
			"the CSV file is neither UTF-8 nor GBK (see line); nothing was imported: save it as UTF-8 and import it again",
			"CSV 文件既不是 UTF-8 也不是 GBK 编码（出错行号见 line），未导入任何行；请另存为 UTF-8 后重新导入"),

	/** A person is on two rows of one import file; the first is enrolled. */
	DUPLICATE_IN_FILE(Kind.INVALID, "the same person is on an earlier line of this file", "同一人已在本文件前面的行中出现"),

	/** An {@code Idempotency-Key} was sent again with another request. */
	IDEMPOTENCY_KEY_REUSED(Kind.INVALID, "this Idempotency-Key was used for another request",
			"该 Idempotency-Key 已用于另一个请求"),

	/** The kept answer to an {@code Idempotency-Key} has expired. */
	IDEMPOTENCY_KEY_EXPIRED(Kind.INVALID,
			"the answer to this Idempotency-Key has expired and the request is not run again; send it with a new key if it is meant to run again",
			"该 Idempotency-Key 的应答已过期，请求不会再次执行；如需再次执行请使用新的 Idempotency-Key"),

	// Answers Bean Validation gives for a request's declared constraints (answered 400)

	/** {@code @NotBlank}. */
	NOT_BLANK(Kind.INVALID, "{0} must not be blank", "{0} 不能为空"),

	/** {@code @NotNull}. */
	NOT_NULL(Kind.INVALID, "{0} is required", "{0} 为必填项"),

	/** {@code @Size}. */
	SIZE(Kind.INVALID, "{0} has too few or too many characters", "{0} 长度不符合要求"),

	/** {@code @Pattern}. */
	PATTERN(Kind.INVALID, "{0} has an invalid format", "{0} 格式不正确"),

	/** {@code @Min}. */
	MIN(Kind.INVALID, "{0} is too small", "{0} 过小"),

	/** {@code @Max}. */
	MAX(Kind.INVALID, "{0} is too large", "{0} 过大"),

	/** {@code @DecimalMin}. */
	DECIMAL_MIN(Kind.INVALID, "{0} is too small", "{0} 过小"),

	/** {@code @DecimalMax}. */
	DECIMAL_MAX(Kind.INVALID, "{0} is too large", "{0} 过大"),

	/** {@code @Digits}. */
	DIGITS(Kind.INVALID, "{0} has too many digits or decimals", "{0} 的整数或小数位数过多"),

	// Requests that cannot be read

	/** The request is malformed (Spring's own 400). */
	BAD_REQUEST(Kind.MALFORMED, "the request is malformed", "请求格式错误"),

	/** The body is not JSON of the expected shape. */
	MALFORMED_JSON(Kind.MALFORMED, "the request body is not valid JSON of the expected shape", "请求体不是预期结构的合法 JSON"),

	/** The body cannot be read. */
	MALFORMED_BODY(Kind.MALFORMED, "the request body cannot be read", "无法读取请求体"),

	/** A multipart request is malformed. */
	MALFORMED_MULTIPART(Kind.MALFORMED, "the multipart request is malformed", "多部分（multipart）请求格式错误"),

	/** The body names a field the route does not take. */
	UNKNOWN_FIELD(Kind.MALFORMED, "unknown field {0}", "未知字段 {0}"),

	/** The firewall refused the URL, parameters or headers. */
	REQUEST_REJECTED(Kind.MALFORMED, "the request's URL, parameters or headers are not acceptable",
			"请求的 URL、参数或请求头不可接受"),

	/** An {@code Idempotency-Key} is not 1 to 200 visible ASCII characters. */
	IDEMPOTENCY_KEY_FORMAT(Kind.MALFORMED, "Idempotency-Key must be 1 to 200 visible ASCII characters",
			"Idempotency-Key 须为 1 至 200 个可见 ASCII 字符"),

	// Who may ask

	/** No or wrong credentials. */
	UNAUTHENTICATED(Kind.UNAUTHENTICATED, "sign in with HTTP Basic (or a bearer token where enabled)",
			"请使用 HTTP Basic（或已启用的 Bearer 令牌）登录"),

	/** Spring Security refused the request. */
	FORBIDDEN(Kind.FORBIDDEN, "your role or scope does not allow this", "您的角色或管辖范围不允许此操作"),

	/** The user's role may not do this. */
	ROLE_NOT_ALLOWED(Kind.FORBIDDEN, "your role does not allow this", "您的角色不允许此操作"),

	/** The record lies outside the user's scope. */
	OUT_OF_SCOPE(Kind.FORBIDDEN, "this lies outside your scope", "该对象不在您的管辖范围内"),

	/** A change on a dashboard session without the session's CSRF token. */
	CSRF_TOKEN_INVALID(Kind.FORBIDDEN,
			"a change on the dashboard's session must carry the session's CSRF token; reload the page",
			"请求未携带本会话的 CSRF 令牌，请刷新页面后重试"),

	// Records that are not there

	/**
	 * No union with that id is registered. Answered 404 for the union a request
	 * addresses, 422 for one it refers to.
	 */
	UNION_UNKNOWN(Kind.NOT_FOUND, "no union with this id", "工会不存在"),

	/** Only a signed yearly report is printed or exported. */
	REPORT_NOT_SIGNED(Kind.NOT_FOUND,
			"the report of this year is not signed; only a signed report is printed or exported",
			"该年度年报尚未签报，只有已签报的年报才能打印或导出"),

	/**
	 * No member with that id is held or served by the union on the date; an unknown id
	 * reads the same, so that no answer tells whether a member exists elsewhere.
	 */
	MEMBER_UNKNOWN(Kind.NOT_FOUND, "no member with this id", "会员不存在"),

	/** A county-level code is not in the division table. */
	JURISDICTION_UNKNOWN(Kind.NOT_FOUND, "no jurisdiction with this code", "行政区划代码不存在"),

	/** No credential with that code was issued (for this member). */
	CREDENTIAL_UNKNOWN(Kind.NOT_FOUND, "no transfer credential with this code", "接转凭证不存在"),

	/** No finding with that id. */
	FINDING_UNKNOWN(Kind.NOT_FOUND, "no finding with this id", "督查发现不存在"),

	/** No figure of that name. */
	FIGURE_UNKNOWN(Kind.NOT_FOUND, "no such figure", "统计指标不存在"),

	/** No import with that id. */
	IMPORT_UNKNOWN(Kind.NOT_FOUND, "no import with this id", "导入任务不存在"),

	/** No online application with that id. */
	APPLICATION_UNKNOWN(Kind.NOT_FOUND, "no application with this id", "入会申请不存在"),

	/** No tracking processor of that name. */
	PROCESSOR_UNKNOWN(Kind.NOT_FOUND, "no tracking processor with this name", "没有此名称的事件处理器"),

	/** An aggregate with that id does not exist. */
	NOT_FOUND(Kind.NOT_FOUND, "no such record", "记录不存在"),

	/** No route with that path. */
	ROUTE_NOT_FOUND(Kind.NOT_FOUND, "no such resource", "资源不存在"),

	// Clashes with the ledger's state

	/** The union was already dissolved. */
	UNION_ALREADY_DISSOLVED(Kind.CONFLICT, "the union was already dissolved", "该工会已撤销"),

	/**
	 * A union still holds or serves members (active, on hold or served), or had members
	 * on or after the day its dissolution would take effect: they are transferred or
	 * their memberships ended first.
	 */
	UNION_HAS_MEMBERS(Kind.CONFLICT,
			"{0}: the union still has members on or after that day; transfer them or end their memberships first",
			"{0}：该工会在该日期及以后仍有会员，请先办理会籍接转或退会"),

	/**
	 * A union's move to another county-level jurisdiction takes effect on a day after the
	 * day it is recorded, so that no figure already counted for a past day moves.
	 */
	UNION_MOVE_NOT_AFTER_TODAY(Kind.INVALID,
			"{0}: a union moves from a day after today; figures already counted for past days stay where they were counted",
			"{0}：工会变更所属行政区划须自今天以后的日期起生效，已统计的往日数字不随之变动"),

	/** A union would move to the jurisdiction it already stands under. */
	UNION_ALREADY_UNDER_JURISDICTION(Kind.INVALID, "{0}: the union already stands under this jurisdiction",
			"{0}：该工会已隶属于该行政区划"),

	/** A union's earlier move has not taken effect yet. */
	UNION_MOVE_PENDING(Kind.CONFLICT, "{0}: the union's last move has not taken effect yet", "{0}：该工会上一次行政区划变更尚未生效"),

	/** A union with that id is registered already. */
	ALREADY_REGISTERED(Kind.CONFLICT, "a union with this id is already registered", "该工会编号已被注册"),

	/**
	 * An enrollment was refused: the person already has an active membership (recorded as
	 * {@code EnrollmentRejected}).
	 */
	ALREADY_ACTIVE(Kind.CONFLICT,
			"this person already has an active membership; the attempt was recorded for supervisors",
			"此人已有有效会籍，本次入会已记录供督查"),

	/**
	 * An enrollment was refused: the person's membership is on hold and is resumed, not
	 * enrolled again (recorded as {@code EnrollmentRejected}).
	 */
	ON_HOLD(Kind.CONFLICT, "this person's membership is on hold; the attempt was recorded for supervisors",
			"此人会籍处于保留状态，本次入会已记录供督查"),

	/** The membership is not active (on hold or terminated). */
	MEMBERSHIP_NOT_ACTIVE(Kind.CONFLICT, "the membership is not active (on hold or ended)", "该会籍不在有效状态（已保留会籍或已终止）"),

	/** A re-enrollment of a membership that has not ended. */
	MEMBERSHIP_NOT_ENDED(Kind.CONFLICT, "only an ended membership can be re-enrolled", "只有已终止的会籍才能重新入会"),

	/** The membership is not on hold. */
	MEMBERSHIP_NOT_ON_HOLD(Kind.CONFLICT, "the membership is not on hold", "该会籍未处于保留状态"),

	/** The membership is already terminated. */
	MEMBERSHIP_TERMINATED(Kind.CONFLICT, "the membership has already ended", "该会籍已终止"),

	/** Only the union that holds the membership may issue its transfer credential. */
	NOT_CURRENT_UNION(Kind.CONFLICT, "only the union that holds the membership may issue its transfer credential",
			"只有会籍所在工会可以开具接转凭证"),

	/** An unexpired credential is still outstanding for the member. */
	CREDENTIAL_OUTSTANDING(Kind.CONFLICT, "an unexpired transfer credential is still outstanding for this member",
			"该会员尚有未到期、未使用的接转凭证"),

	/** The credential code was already used for this member. */
	CREDENTIAL_CODE_TAKEN(Kind.CONFLICT, "this credential code was already used for this member", "该凭证编号已用于此会员"),

	/** The credential was used or cancelled already. */
	CREDENTIAL_NOT_OUTSTANDING(Kind.CONFLICT, "the transfer credential was already used or cancelled", "该接转凭证已使用或已作废"),

	/**
	 * A presented credential was refused: none with that code was issued for the member.
	 */
	CREDENTIAL_UNKNOWN_CODE(Kind.CONFLICT,
			"no credential with this code was issued for this member; the refusal was recorded",
			"该会员没有此编号的接转凭证；本次拒绝已记录"),

	/** A presented credential was refused: it has expired. */
	CREDENTIAL_EXPIRED(Kind.CONFLICT, "the transfer credential has expired; the refusal was recorded",
			"接转凭证已过期；本次拒绝已记录"),

	/** A presented credential was refused: it was used for a transfer already. */
	CREDENTIAL_ALREADY_USED(Kind.CONFLICT, "the transfer credential was already used; the refusal was recorded",
			"接转凭证已被使用；本次拒绝已记录"),

	/** A presented credential was refused: the issuing union cancelled it. */
	CREDENTIAL_CANCELLED(Kind.CONFLICT, "the issuing union cancelled the transfer credential; the refusal was recorded",
			"开具工会已作废该接转凭证；本次拒绝已记录"),

	/** A presented credential was refused: it names another receiving union. */
	CREDENTIAL_WRONG_UNION(Kind.CONFLICT,
			"the transfer credential names another receiving union; the refusal was recorded",
			"该接转凭证指定的转入工会不是本工会；本次拒绝已记录"),

	/** A presented credential was refused: the presenting union holds the membership. */
	CREDENTIAL_SAME_UNION(Kind.CONFLICT, "your union already holds this membership; the refusal was recorded",
			"会籍已在本工会，无需转入；本次拒绝已记录"),

	/**
	 * A presented credential was refused: the receiving union is unknown or dissolved.
	 */
	CREDENTIAL_UNION_NOT_OPEN(Kind.CONFLICT, "the receiving union is unknown or dissolved; the refusal was recorded",
			"转入工会不存在或已撤销；本次拒绝已记录"),

	/** A presented credential was refused: the membership is not active. */
	CREDENTIAL_MEMBERSHIP_NOT_ACTIVE(Kind.CONFLICT,
			"the membership is not active (on hold or ended); the refusal was recorded",
			"该会籍不在有效状态（已保留会籍或已终止）；本次拒绝已记录"),

	/** Presented inside the ledger, a credential that leads to another ledger. */
	CREDENTIAL_OTHER_LEDGER(Kind.CONFLICT,
			"the transfer credential leads to another ledger and is accepted there; the refusal was recorded",
			"该接转凭证用于转往其他账本（省份），须在对方账本接收；本次拒绝已记录"),

	/** Another ledger's credential for a person already a member here. */
	CREDENTIAL_ALREADY_MEMBER(Kind.CONFLICT,
			"the person is already a member in this ledger (active or on hold); the refusal was recorded",
			"此人已是本账本的会员（有效或保留会籍）；本次拒绝已记录"),

	/** A receipt says the credential was accepted on or after the day it expired. */
	CREDENTIAL_ACCEPTED_AFTER_EXPIRY(Kind.CONFLICT,
			"the receipt says the credential was accepted after it had expired; the refusal was recorded",
			"回执显示凭证在过期后才被接收；本次拒绝已记录"),

	/** A receipt names another ledger, union or person than the credential. */
	CREDENTIAL_RECEIPT_MISMATCH(Kind.CONFLICT,
			"the receipt does not answer this credential (another ledger, union or person); the refusal was recorded",
			"回执与该凭证不符（账本、工会或人员不一致）；本次拒绝已记录"),

	/** An inter-ledger credential cannot be withdrawn or replaced once handed over. */
	INTER_LEDGER_CREDENTIAL_FINAL(Kind.CONFLICT,
			"a credential for another ledger cannot be cancelled or replaced once handed over; it lapses when it expires",
			"跨账本接转凭证交出后不能作废或重开，到期自动失效"),

	/** A document from another ledger is not a compact JWS of the federation's form. */
	DOCUMENT_MALFORMED(Kind.INVALID, "{0} is not a document of the federation (a signed JWS); the refusal was recorded",
			"{0} 不是联盟账本间的签名文件；本次拒绝已记录"),

	/** A receipt presented as a credential, or the other way round. */
	DOCUMENT_WRONG_KIND(Kind.INVALID,
			"{0} is another kind of document (credential or receipt); the refusal was recorded",
			"{0} 的文件类型不对（凭证与回执不可混用）；本次拒绝已记录"),

	/** Signed with a key the trust list does not hold. */
	DOCUMENT_UNKNOWN_SIGNER(Kind.INVALID,
			"{0} is signed with a key this ledger does not trust; the refusal was recorded",
			"{0} 的签名密钥不在本账本的信任列表中；本次拒绝已记录"),

	/** Signed with a trusted key outside its validity. */
	DOCUMENT_SIGNER_KEY_NOT_VALID(Kind.INVALID,
			"{0} is signed with a key that is not valid now (not yet, or no longer); the refusal was recorded",
			"{0} 的签名密钥当前不在有效期内；本次拒绝已记录"),

	/** The signature does not match the document: forged or altered. */
	DOCUMENT_BAD_SIGNATURE(Kind.INVALID,
			"{0}: the signature does not match (forged or altered); the refusal was recorded",
			"{0} 签名不符（伪造或被篡改）；本次拒绝已记录"),

	/** A trusted ledger's key signed in another ledger's name. */
	DOCUMENT_SIGNER_NOT_ISSUER(Kind.INVALID,
			"{0} is signed by another ledger than the one it names as issuer; the refusal was recorded",
			"{0} 的签发账本与签名密钥不一致；本次拒绝已记录"),

	/** A document addressed to another ledger. */
	DOCUMENT_NOT_ADDRESSED_HERE(Kind.INVALID, "{0} is addressed to another ledger; the refusal was recorded",
			"{0} 是发给其他账本的；本次拒绝已记录"),

	/** The resident ID shown is not the person the credential names. */
	DOCUMENT_PERSON_MISMATCH(Kind.INVALID,
			"{0}: the resident ID shown is not the person the credential was issued for; the refusal was recorded",
			"{0}：所出示的身份证号与凭证所载人员不符；本次拒绝已记录"),

	/** A receipt for a credential this ledger never issued for another ledger. */
	DOCUMENT_UNKNOWN_CREDENTIAL(Kind.NOT_FOUND,
			"{0} answers no credential this ledger issued for another ledger; the refusal was recorded",
			"{0} 对应的跨账本凭证不存在；本次拒绝已记录"),

	/** Transfers between ledgers need this ledger's federation settings. */
	FEDERATION_NOT_CONFIGURED(Kind.CONFLICT,
			"this ledger is not part of a federation (set ledger.federation.ledger, trust list and federation key)",
			"本账本未加入跨省联盟（请配置 ledger.federation.* ）"),

	/** A destination ledger the trust list does not hold, or this ledger itself. */
	LEDGER_UNKNOWN(Kind.INVALID, "{0} is not a ledger this one trusts (or is this ledger)", "{0} 不是本账本信任的其他账本"),

	/** A serving assignment is already in force; end it first. */
	SERVING_ASSIGNMENT_EXISTS(Kind.CONFLICT, "a serving assignment is already in force; end it first",
			"已有生效的服务关系，请先结束该关系"),

	/** No serving assignment is in force. */
	NO_SERVING_ASSIGNMENT(Kind.CONFLICT, "no serving assignment is in force", "当前没有生效的服务关系"),

	/** An online application was already approved or declined. */
	APPLICATION_NOT_PENDING(Kind.CONFLICT, "the application was already approved or declined", "该入会申请已处理"),

	/**
	 * An approval is withdrawn (its enrollment failed) from an application that is not
	 * approved.
	 */
	APPLICATION_NOT_APPROVED(Kind.CONFLICT, "the application is not approved", "该入会申请未获批准"),

	/** A jurisdiction below has neither signed its report nor been found exempt. */
	CHILD_NOT_SIGNED(Kind.CONFLICT, "a unit below has not signed its report for the year", "下级单位尚未签报本年度年报"),

	/**
	 * A dated action (an enrollment) takes effect in a statistical year whose report is
	 * signed: it would flag the reports listed with the refusal, so it goes ahead only
	 * when confirmed ({@code confirmBackdating}).
	 */
	BACKDATED_INTO_SIGNED_YEAR(Kind.CONFLICT,
			"{0} lies in a statistical year whose report is signed; the reports listed would be flagged: confirm to go ahead",
			"{0} 落在年报已签报的统计年度内，补录将使所列年报出现变更标记；确认后才能提交"),

	/** A report of the level below has open change flags: it is signed again first. */
	CHILD_REPORT_FLAGGED(Kind.CONFLICT, "a report of the level below has open change flags: it is signed again first",
			"下级单位的年报有未处理的变更标记，须先重新签报"),

	/**
	 * An amended report must be computed at a later position than the version it amends.
	 */
	POSITION_NOT_AFTER_PREVIOUS(Kind.CONFLICT,
			"an amended report must be computed on later figures than the version it amends", "更正后的年报须基于比原版本更新的数据计算"),

	/** The seal does not reach the position the report's figures were computed at. */
	SEAL_DOES_NOT_COVER_POSITION(Kind.CONFLICT,
			"the seal does not yet cover the figures of the report; try again shortly", "封存尚未覆盖年报所依据的数据，请稍后再试"),

	/** The person's personal data was already erased. */
	PERSONAL_DATA_ALREADY_ERASED(Kind.CONFLICT, "the person's personal data was already erased", "此人的个人信息已删除"),

	/**
	 * Corrected personal data encrypted under another key than the person's current one
	 * (the key changed meanwhile: read the member again).
	 */
	PERSONAL_DATA_KEY_MISMATCH(Kind.CONFLICT, "the corrected data is not encrypted under the person's current key",
			"更正后的信息未使用此人当前的密钥加密，请重新读取后再试"),

	/** The finding was already confirmed or dismissed. */
	FINDING_ALREADY_DECIDED(Kind.CONFLICT, "the finding was already confirmed or dismissed", "该督查发现已确认或已驳回"),

	/** Only a confirmed finding leads to a correction. */
	FINDING_NOT_CONFIRMED(Kind.CONFLICT, "the finding is not confirmed", "该督查发现尚未确认"),

	/**
	 * There is no first enrollment counted as new to correct (none, or already
	 * reclassified).
	 */
	NOT_A_NEW_ENROLLMENT(Kind.CONFLICT, "there is no first enrollment counted as new to correct", "没有可更正的新发展会员记录"),

	/** Another change to the same record won the race. */
	CONCURRENT_CHANGE(Kind.CONFLICT, "another change to the same record won the race; read it again and retry",
			"同一记录刚被其他操作修改，请重新读取后再试"),

	/** The projections are being rebuilt or reset. */
	PROCESSOR_BUSY(Kind.CONFLICT, "the figures are being updated; try again shortly", "统计数据正在更新，请稍后再试"),

	/** The first request with an {@code Idempotency-Key} is still running. */
	IDEMPOTENCY_KEY_IN_PROGRESS(Kind.CONFLICT, "the first request with this Idempotency-Key is still running",
			"使用该 Idempotency-Key 的请求仍在处理中"),

	/** A consistency check is running on this node. */
	CONSISTENCY_CHECK_RUNNING(Kind.CONFLICT, "a consistency check is running on this node; wait until it ends",
			"本节点正在进行一致性检查，请待其结束后再发起"),

	/** Personal data whose key is not configured or was destroyed. */
	PERSONAL_DATA_UNREADABLE(Kind.GONE,
			"the personal data cannot be decrypted here (its key is not configured or was destroyed)",
			"此处无法解密该个人信息（密钥未配置或已销毁）"),

	// The form of the request

	/** The method is not allowed on the route. */
	METHOD_NOT_ALLOWED(Kind.METHOD_NOT_ALLOWED, "this method is not allowed here", "此处不允许该请求方法"),

	/** No representation the client accepts. */
	NOT_ACCEPTABLE(Kind.NOT_ACCEPTABLE, "no acceptable representation", "无法提供可接受的表示形式"),

	/** The request body is too large. */
	PAYLOAD_TOO_LARGE(Kind.TOO_LARGE, "the request body is too large", "请求体过大"),

	/** The URL is too long. */
	URI_TOO_LONG(Kind.URI_TOO_LONG, "the request's URL is too long", "请求的 URL 过长"),

	/** The content type is not accepted on the route. */
	UNSUPPORTED_MEDIA_TYPE(Kind.UNSUPPORTED_MEDIA_TYPE, "this content type is not accepted here", "此处不接受该内容类型"),

	// Too many requests, and the ledger's own faults

	/** Too many online applications from one address. */
	RATE_LIMITED(Kind.TOO_MANY_REQUESTS, "too many requests from your address; try again later", "来自您地址的请求过多，请稍后再试"),

	/** Too many failed sign-ins. */
	SIGN_IN_THROTTLED(Kind.TOO_MANY_REQUESTS, "too many failed sign-ins; wait before trying again", "登录失败次数过多，请稍后再试"),

	/** A consistency check was started by the same user a moment ago. */
	CONSISTENCY_CHECK_TOO_SOON(Kind.TOO_MANY_REQUESTS, "you started a consistency check a moment ago; try again later",
			"您刚发起过一致性检查，请稍后再试"),

	/** An import row failed for a fault of the ledger, not of the row. */
	ROW_FAILED(Kind.FAILED, "the ledger could not enroll this row; import the file again", "账本未能登记此行，请重新导入该文件"),

	/** The ledger failed. */
	INTERNAL_ERROR(Kind.FAILED, "the ledger failed; nothing was written unless the record shows it",
			"账本内部出错；除记录所示外未写入任何内容"),

	/**
	 * The store cannot take the write now (its disk is full, or it cannot be reached);
	 * the request changed nothing and may be sent again later.
	 */
	STORE_UNAVAILABLE(Kind.UNAVAILABLE,
			"the store cannot take this request now (its disk may be full); nothing was recorded, try again later",
			"存储暂时无法处理此请求（磁盘可能已满）；未记录任何内容，请稍后再试"),

	/** The ledger cannot answer now (Spring's own 503). */
	UNAVAILABLE(Kind.UNAVAILABLE, "the ledger cannot answer now; try again later", "账本暂时无法响应，请稍后再试");

	private final Kind kind;

	private final String english;

	private final String chinese;

	Rule(Kind kind, String english, String chinese) {
		this.kind = kind;
		this.english = english;
		this.chinese = chinese;
	}

	public Kind kind() {
		return this.kind;
	}

	/** The English message; {@code {0}} stands for the field. */
	public String english() {
		return this.english;
	}

	/** The Simplified Chinese message; {@code {0}} stands for the field. */
	public String chinese() {
		return this.chinese;
	}

	/**
	 * The message for a reader of the language (Simplified Chinese for {@code zh},
	 * English otherwise), the field in place of {@code {0}}.
	 */
	public String message(Locale locale, String field) {
		boolean zh = locale != null && "zh".equals(locale.getLanguage());
		String message = zh ? this.chinese : this.english;
		if (field == null || field.isBlank()) {
			// no field to name: drop the placeholder with the colon or space after it
			return message.replace("{0}：", "").replace("{0}: ", "").replace("{0} ", "").replace("{0}", "").strip();
		}
		return message.replace("{0}", field).strip();
	}

	/**
	 * What kind of refusal a rule is; the kind fixes the HTTP status of the answer.
	 */
	public enum Kind {

		/** The request cannot be read: unreadable JSON, a malformed header. */
		MALFORMED(400),

		/**
		 * The request was read but breaks a rule: 422, or 400 where Spring could not bind
		 * the request (a missing parameter, a value of the wrong type, a declared
		 * constraint).
		 */
		INVALID(422),

		/** No or wrong credentials. */
		UNAUTHENTICATED(401),

		/** The caller's role or scope does not allow it. */
		FORBIDDEN(403),

		/**
		 * The record is not there (or not there for this caller): 404 for the record a
		 * request addresses, 422 for one it refers to (a union id in a body).
		 */
		NOT_FOUND(404),

		/** The method is not allowed on the route. */
		METHOD_NOT_ALLOWED(405),

		/** No representation the client accepts. */
		NOT_ACCEPTABLE(406),

		/** A clash with the ledger's state rather than bad input. */
		CONFLICT(409),

		/** The record was there and cannot be read any more. */
		GONE(410),

		/** The body is too large. */
		TOO_LARGE(413),

		/** The URL is too long. */
		URI_TOO_LONG(414),

		/** The content type is not accepted. */
		UNSUPPORTED_MEDIA_TYPE(415),

		/** Too many requests: try again later. */
		TOO_MANY_REQUESTS(429),

		/** A fault of the ledger, never of the request. */
		FAILED(500),

		/** The ledger or its store cannot take the request now: try again later. */
		UNAVAILABLE(503);

		private final int status;

		Kind(int status) {
			this.status = status;
		}

		/** The HTTP status a rule of this kind is answered with. */
		public int status() {
			return this.status;
		}

	}

}
