package org.unionledger.seeds;

import java.util.List;

import org.unionledger.union.Sector;
import org.unionledger.union.UnionType;

/**
 * The fixed material the plan draws from: the unions of the demo, synthetic address codes
 * and name lists. Union and company names are invented.
 */
final class HebeiCatalogue {

	static final String SHIJIAZHUANG = "1301";

	static final String TANGSHAN = "1302";

	static final String BAODING = "1306";

	/** Share of members per city, in per cent. */
	static final List<CityShare> CITY_SHARES = List.of(new CityShare(SHIJIAZHUANG, 70), new CityShare(BAODING, 15),
			new CityShare(TANGSHAN, 15));

	/**
	 * Address codes for the synthetic resident IDs. Hebei's city codes end at 1311 and no
	 * edition of the table in use knows 1398 or 1399, so these numbers cannot belong to a
	 * real person; {@code SeedPlanTest} checks them against the bundled table.
	 */
	static final List<String> SYNTHETIC_ADDRESS_CODES = List.of("139801", "139802", "139803", "139804", "139805",
			"139806", "139807", "139808", "139809", "139810", "139811", "139812", "139901", "139902", "139903",
			"139904", "139905", "139906", "139907", "139908", "139909", "139910", "139911", "139912");

	static final List<UnionEntry> UNIONS = List.of(
			union("sjz-chang-an-construction-01", "石家庄市长安区建筑业联合工会", UnionType.INDUSTRY, Sector.CONSTRUCTION, "130102"),
			union("sjz-chang-an-domestic-services-01", "石家庄市长安区家政服务业联合工会", UnionType.INDUSTRY, Sector.DOMESTIC_SERVICES,
					"130102"),
			union("sjz-chang-an-regional-01", "石家庄市长安区商贸楼宇联合工会", UnionType.REGIONAL, Sector.OTHER, "130102"),
			union("sjz-qiao-xi-logistics-01", "石家庄市桥西区快递物流业联合工会", UnionType.INDUSTRY, Sector.LOGISTICS, "130104"),
			union("sjz-qiao-xi-dispatch-01", "石家庄众联劳务派遣有限公司工会", UnionType.LABOUR_DISPATCH, Sector.LABOUR_DISPATCH,
					"130104"),
			union("sjz-qiao-xi-domestic-services-01", "石家庄市桥西区家政服务业联合工会", UnionType.INDUSTRY, Sector.DOMESTIC_SERVICES,
					"130104")
				.setUpIn2025(),
			union("sjz-xin-hua-logistics-01", "石家庄市新华区物流园区联合工会", UnionType.REGIONAL, Sector.LOGISTICS, "130105"),
			union("sjz-xin-hua-construction-01", "石家庄市新华区建筑业联合工会", UnionType.INDUSTRY, Sector.CONSTRUCTION, "130105"),
			union("sjz-xin-hua-project-01", "石家庄市新华区安置房建设项目工会", UnionType.PROJECT_SITE, Sector.CONSTRUCTION, "130105")
				.dissolvedIn(11, "安置房项目竣工，项目工会撤销"),
			union("sjz-yu-hua-construction-01", "石家庄市裕华区建筑业联合工会", UnionType.INDUSTRY, Sector.CONSTRUCTION, "130108"),
			union("sjz-yu-hua-domestic-services-01", "石家庄市裕华区家政服务业联合工会", UnionType.INDUSTRY, Sector.DOMESTIC_SERVICES,
					"130108"),
			union("sjz-yu-hua-property-01", "石家庄安居物业服务有限公司工会", UnionType.ENTERPRISE, Sector.OTHER, "130108"),
			union("sjz-yu-hua-logistics-01", "石家庄市裕华区即时配送行业联合工会", UnionType.INDUSTRY, Sector.LOGISTICS, "130108")
				.setUpIn2025(),
			union("sjz-hi-tech-zone-manufacturing-01", "石家庄华康制药有限公司工会", UnionType.ENTERPRISE, Sector.MANUFACTURING,
					"130171"),
			union("sjz-hi-tech-zone-project-01", "石家庄高新区生物医药产业园建设项目工会", UnionType.PROJECT_SITE, Sector.CONSTRUCTION,
					"130171"),
			union("sjz-hi-tech-zone-regional-01", "石家庄高新区园区联合工会", UnionType.REGIONAL, Sector.MANUFACTURING, "130171"),
			union("sjz-hi-tech-zone-dispatch-01", "石家庄鼎力人力资源服务有限公司工会", UnionType.LABOUR_DISPATCH,
					Sector.LABOUR_DISPATCH, "130171")
				.setUpIn2025(),
			union("sjz-chemical-park-manufacturing-01", "石家庄恒润化工有限公司工会", UnionType.ENTERPRISE, Sector.MANUFACTURING,
					"130172"),
			union("sjz-chemical-park-logistics-01", "石家庄循环化工园区危险货物运输行业联合工会", UnionType.INDUSTRY, Sector.LOGISTICS,
					"130172"),
			union("sjz-chemical-park-regional-01", "石家庄循环化工园区联合工会", UnionType.REGIONAL, Sector.OTHER, "130172"),
			union("bd-jing-xiu-construction-01", "保定市竞秀区建筑业联合工会", UnionType.INDUSTRY, Sector.CONSTRUCTION, "130602"),
			union("bd-lian-chi-logistics-01", "保定市莲池区快递物流业联合工会", UnionType.INDUSTRY, Sector.LOGISTICS, "130606"),
			union("bd-ding-xing-agricultural-coop-01", "定兴县农民专业合作社联合工会", UnionType.REGIONAL, Sector.AGRICULTURAL_COOP,
					"130626"),
			union("bd-hi-tech-zone-dispatch-01", "保定诚达劳务派遣有限公司工会", UnionType.LABOUR_DISPATCH, Sector.LABOUR_DISPATCH,
					"130671"),
			union("bd-zhuo-zhou-domestic-services-01", "涿州市家政服务业联合工会", UnionType.INDUSTRY, Sector.DOMESTIC_SERVICES,
					"130681")
				.setUpIn2025(),
			union("ts-lu-nan-construction-01", "唐山市路南区建筑业联合工会", UnionType.INDUSTRY, Sector.CONSTRUCTION, "130202"),
			union("ts-lu-bei-logistics-01", "唐山市路北区快递物流业联合工会", UnionType.INDUSTRY, Sector.LOGISTICS, "130203"),
			union("ts-feng-run-dispatch-01", "唐山安泰劳务派遣有限公司工会", UnionType.LABOUR_DISPATCH, Sector.LABOUR_DISPATCH,
					"130208"),
			union("ts-cao-fei-dian-project-01", "唐山市曹妃甸区港口物流园建设项目工会", UnionType.PROJECT_SITE, Sector.CONSTRUCTION,
					"130209")
				.dissolvedIn(12, "港口物流园项目完工，项目工会撤销"),
			union("ts-le-ting-agricultural-coop-01", "乐亭县果蔬专业合作社联合工会", UnionType.REGIONAL, Sector.AGRICULTURAL_COOP,
					"130225"),
			union("ts-hi-tech-zone-manufacturing-01", "唐山冀东装备制造有限公司工会", UnionType.ENTERPRISE, Sector.MANUFACTURING,
					"130273"));

	static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "赵", "杨", "高", "陈", "孙", "马", "郭", "田", "韩", "周",
			"吴", "徐", "朱", "胡", "董", "郑", "冯", "梁", "宋", "许", "曹", "邢", "贾", "谢", "石", "崔", "杜", "史", "范", "申", "翟",
			"耿", "魏", "吕", "程", "卢", "苏", "齐", "袁", "温", "尹", "付", "常", "白", "霍", "牛");

	static final List<String> MALE_GIVEN = List.of("伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华",
			"飞", "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙", "林", "建", "国", "志", "海", "东", "文", "立",
			"永", "庆", "振", "春", "亮");

	static final List<String> FEMALE_GIVEN = List.of("芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲", "桂", "英", "红",
			"梅", "兰", "凤", "洁", "琳", "萍", "燕", "雪", "婷", "颖", "慧", "莉", "倩", "月", "欣", "佳", "悦", "晶", "蕾", "丹", "玉",
			"翠", "云", "荣", "素", "彩", "雅");

	static final List<String> HOLD_REASONS = List.of("失业，保留会籍", "退休，保留会籍", "返乡务农，保留会籍", "待业期间保留会籍");

	private HebeiCatalogue() {
	}

	private static UnionEntry union(String id, String name, UnionType type, Sector sector, String code) {
		return new UnionEntry(id, name, type, sector, code, false, 0, null);
	}

	/** Share of a city in per cent. */
	record CityShare(String cityCode, int percent) {
	}

	/**
	 * A union of the catalogue; its dates are drawn by the plan.
	 *
	 * @param newIn2025 set up during the 2025 campaign (新建会)
	 * @param dissolutionMonth month of 2025 in which it is dissolved, or 0
	 * @param dissolutionReason why, or {@code null}
	 */
	record UnionEntry(String id, String name, UnionType type, Sector sector, String code, boolean newIn2025,
			int dissolutionMonth, String dissolutionReason) {

		UnionEntry setUpIn2025() {
			return new UnionEntry(this.id, this.name, this.type, this.sector, this.code, true, 0, null);
		}

		UnionEntry dissolvedIn(int month, String reason) {
			return new UnionEntry(this.id, this.name, this.type, this.sector, this.code, false, month, reason);
		}

		String cityCode() {
			return this.code.substring(0, 4);
		}

	}

}
