package org.unionledger.api.exports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import org.unionledger.api.problems.ApiException;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.api.support.Ids;
import org.unionledger.common.Rule;
import org.unionledger.projections.rosters.FindRoster;
import org.unionledger.projections.rosters.RosterView;
import org.unionledger.union.UnionDirectory;
import org.unionledger.union.UnionDirectory.UnionFacts;

/**
 * A union's roster as a file (CSV or XLSX): the union's name, each member's id, status
 * and since when, headed in the reader's language; no personal data, as the roster read
 * by the API. Read by those who may read the union's members ({@link AccessScopes}).
 * Every text cell is neutralised against formula injection ({@link SpreadsheetText}).
 */
@Service
public class RosterExports {

	private static final List<String> COLUMNS = List.of("roster.col.union", "roster.col.memberId", "roster.col.status",
			"roster.col.since");

	private final QueryGateway queries;

	private final UnionDirectory unions;

	private final AccessScopes scopes;

	private final Labels labels;

	public RosterExports(QueryGateway queries, UnionDirectory unions, AccessScopes scopes, Labels labels) {
		this.queries = queries;
		this.unions = unions;
		this.scopes = scopes;
		this.labels = labels;
	}

	/** The rows of a roster file, the header first, neutralised. */
	List<List<String>> rows(String unionId, String language) {
		UnionFacts union = Ids.union(unionId)
			.flatMap(this.unions::find)
			.orElseThrow(() -> ApiException.of(Rule.UNION_UNKNOWN, "unionId", "no union with this id"));
		if (!this.scopes.canReadMembersOf(union)) {
			throw ApiException.of(Rule.OUT_OF_SCOPE, null, "this union's members lie outside your scope");
		}
		RosterView roster = this.queries
			.query(new FindRoster(union.placement().unionId()), ResponseTypes.instanceOf(RosterView.class))
			.join();
		List<List<String>> rows = new java.util.ArrayList<>();
		rows.add(COLUMNS.stream().map((key) -> this.labels.text(language, key)).toList());
		for (RosterView.Entry member : roster.members()) {
			rows.add(List.of(union.name(), member.memberId().value(),
					this.labels.value(language, "memberStatus", member.status().name()), member.since().toString()));
		}
		return rows.stream().map((row) -> row.stream().map(SpreadsheetText::cell).toList()).toList();
	}

	/**
	 * The roster as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read
	 * Chinese).
	 */
	public byte[] csv(String unionId, String language) {
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
			for (List<String> row : rows(unionId, language)) {
				printer.printRecord(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The roster as an XLSX workbook. */
	public byte[] xlsx(String unionId, String language) {
		List<List<String>> rows = rows(unionId, language);
		return Xlsx.workbook(this.labels.text(language, "roster.sheetName"), (sheet) -> {
			sheet.width(0, 36);
			sheet.width(1, 30);
			sheet.width(2, 12);
			sheet.width(3, 14);
			for (int r = 0; r < rows.size(); r++) {
				for (int c = 0; c < rows.get(r).size(); c++) {
					sheet.value(r, c, rows.get(r).get(c));
				}
			}
			for (int c = 0; c < COLUMNS.size(); c++) {
				sheet.style(0, c).bold().set();
			}
		});
	}

}
