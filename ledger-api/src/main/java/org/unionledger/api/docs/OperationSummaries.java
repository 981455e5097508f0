package org.unionledger.api.docs;

import java.util.Map;
import java.util.Optional;

/**
 * The one-line summary of every operation, keyed by {@code METHOD /path} as the OpenAPI
 * document writes it. A route without an entry fails {@code OpenApiDocumentTest}.
 */
final class OperationSummaries {

	private static final Map<String, String> SUMMARIES = Map.ofEntries(
			Map.entry("POST /api/applications", "Apply for membership online"),
			Map.entry("GET /api/applications", "List the pending online applications of an officer's unions"),
			Map.entry("GET /api/applications/{applicationId}", "Read an online application"),
			Map.entry("POST /api/applications/{applicationId}/approval", "Approve an online application"),
			Map.entry("POST /api/applications/{applicationId}/decline", "Decline an online application"),
			Map.entry("POST /api/audit/seal", "Seal the commits written since the last seal"),
			Map.entry("GET /api/audit/verification", "Verify the hash chain and every signed digest"),
			Map.entry("GET /api/federation", "Read this ledger's federation identity and public key"),
			Map.entry("POST /api/members/{memberId}/inter-ledger-credentials",
					"Issue a signed credential for a move to another ledger"),
			Map.entry("GET /api/members/{memberId}/inter-ledger-credentials/{code}",
					"Read a credential for another ledger, signed again"),
			Map.entry("GET /api/members/{memberId}/inter-ledger-credentials/{code}/qr",
					"Download a credential for another ledger as a QR code"),
			Map.entry("POST /api/inter-ledger-transfers",
					"Take a worker in on another ledger's credential and get the signed receipt"),
			Map.entry("GET /api/members/{memberId}/inter-ledger-receipts",
					"Read the receipts of a member's transfers in from other ledgers"),
			Map.entry("POST /api/inter-ledger-receipts", "Close a transfer out with another ledger's receipt"),
			Map.entry("POST /api/imports", "Import enrollments from a CSV file"),
			Map.entry("GET /api/imports/{importId}", "Read an import's progress and outcome"),
			Map.entry("GET /api/imports/template.csv", "Download the import's CSV template"),
			Map.entry("GET /api/jurisdictions/{code}/annual-reports/{year}", "Read a jurisdiction's annual report"),
			Map.entry("GET /api/jurisdictions/{code}/annual-reports/{year}/flags",
					"List the change flags of an annual report and of the reports below it"),
			Map.entry("POST /api/jurisdictions/{code}/annual-reports/{year}/sign-off",
					"Sign off a jurisdiction's annual report"),
			Map.entry("GET /api/jurisdictions/{code}/annual-reports/{year}/sheet",
					"Read a signed annual report labelled for printing, amounts in yuan"),
			Map.entry("GET /api/jurisdictions/{code}/annual-reports/{year}/report.xlsx",
					"Download a signed annual report as an XLSX workbook"),
			Map.entry("GET /api/jurisdictions/{code}/children", "List the units directly below a jurisdiction"),
			Map.entry("GET /api/jurisdictions/{code}/children/statistics",
					"Read the headline figures of every unit directly below a jurisdiction"),
			Map.entry("GET /api/jurisdictions/{code}/ranking", "Rank the units below a jurisdiction"),
			Map.entry("GET /api/jurisdictions/{code}/statistics", "Read a jurisdiction's statistics"),
			Map.entry("GET /api/jurisdictions/{code}/statistics/monthly", "Read a jurisdiction's flows month by month"),
			Map.entry("GET /api/jurisdictions/{code}/statistics/{figure}/events",
					"List the events behind one of a jurisdiction's figures"),
			Map.entry("GET /api/jurisdictions/{code}/summary", "Read a jurisdiction's headline figures"),
			Map.entry("GET /api/jurisdictions/{code}/targets/{year}", "Read a jurisdiction's enrollment targets"),
			Map.entry("PUT /api/jurisdictions/{code}/targets/{year}", "Set a jurisdiction's enrollment target"),
			Map.entry("POST /api/jurisdictions/{code}/targets/{year}",
					"Set a jurisdiction's enrollment target (same as PUT)"),
			Map.entry("GET /api/jurisdictions/{code}/transfers", "Read a jurisdiction's transfers and credentials"),
			Map.entry("GET /api/jurisdictions/{code}/unions", "List the unions in a jurisdiction's subtree"),
			Map.entry("GET /api/me", "Read who is signed in and the ledger's calendar"),
			Map.entry("POST /api/members", "Enroll a member"),
			Map.entry("POST /api/members/lookup", "Look a member up by resident ID or name"),
			Map.entry("GET /api/members/{memberId}", "Read a member's page"),
			Map.entry("POST /api/members/{memberId}/hold", "Put a membership on hold"),
			Map.entry("POST /api/members/{memberId}/resumption", "Resume a membership on hold"),
			Map.entry("POST /api/members/{memberId}/termination", "Terminate a membership"),
			Map.entry("POST /api/members/{memberId}/re-enrollment", "Re-enroll a member whose membership ended"),
			Map.entry("POST /api/members/{memberId}/name-correction", "Correct a member's misspelt name"),
			Map.entry("GET /api/unions/{unionId}/member-list", "List a union's members a page at a time"),
			Map.entry("POST /api/members/{memberId}/erasure", "Erase a member's personal data"),
			Map.entry("GET /api/members/{memberId}/history", "Read a member's membership history"),
			Map.entry("GET /api/members/{memberId}/personal-data", "Read a member's personal data for a purpose"),
			Map.entry("POST /api/members/{memberId}/serving-assignments", "Assign a member to a serving union"),
			Map.entry("POST /api/members/{memberId}/serving-assignments/end", "End a member's serving assignment"),
			Map.entry("POST /api/members/{memberId}/transfer-credentials", "Issue a transfer credential"),
			Map.entry("POST /api/operations/consistency-check", "Run the read models' consistency check"),
			Map.entry("GET /api/operations/processors", "List the event processors and their positions"),
			Map.entry("POST /api/operations/processors/{name}/rebuild",
					"Rebuild a processor's read models from the first event"),
			Map.entry("GET /api/operations/sign-in-lockouts", "List the sign-in lockouts in force"),
			Map.entry("POST /api/services", "Record a service delivered"),
			Map.entry("GET /api/supervision/findings", "List the findings of the double-count hunt"),
			Map.entry("POST /api/supervision/findings/{findingId}/correction", "Correct a confirmed finding"),
			Map.entry("POST /api/supervision/findings/{findingId}/decision", "Confirm or dismiss a finding"),
			Map.entry("POST /api/transfer-credentials/{code}/acceptance", "Accept a transfer credential"),
			Map.entry("POST /api/transfer-credentials/{code}/cancellation",
					"Cancel an outstanding transfer credential"),
			Map.entry("POST /api/transfer-credentials/{code}/reissue",
					"Cancel a transfer credential and issue its replacement in one step"),
			Map.entry("GET /api/unions/{unionId}/transfer-credentials", "List the transfer credentials a union issued"),
			Map.entry("GET /api/unions/{unionId}/transfer-credentials/inbox",
					"List the outstanding transfer credentials addressed to a union"),
			Map.entry("GET /api/unions/{unionId}/transfer-candidates",
					"List the members a union can issue a transfer credential for"),
			Map.entry("GET /api/transfer-destinations", "Find the unions a transfer credential may lead to, by name"),
			Map.entry("GET /api/transfer-credentials/{code}/qr", "Draw a transfer credential's code as a QR code"),
			Map.entry("POST /api/unions", "Register a union"),
			Map.entry("POST /api/unions/{unionId}/name", "Rename a union from a day on"),
			Map.entry("POST /api/unions/{unionId}/dissolution", "Dissolve a union that has no members"),
			Map.entry("GET /api/unions/{unionId}", "Read a union"),
			Map.entry("GET /api/unions/{unionId}/applications", "List a union's pending online applications"),
			Map.entry("GET /api/unions/{unionId}/members", "List a union's members"),
			Map.entry("GET /api/unions/{unionId}/roster.csv", "Export a union's roster as CSV"),
			Map.entry("GET /api/unions/{unionId}/roster.xlsx", "Export a union's roster as an XLSX workbook"),
			Map.entry("GET /api/unions/{unionId}/statistics", "Read a union's statistics"),
			Map.entry("GET /api/unions/{unionId}/statistics/monthly", "Read a union's flows month by month"),
			Map.entry("GET /api/unions/{unionId}/statistics/{figure}/events",
					"List the events behind one of a union's figures"),
			Map.entry("GET /api/unions/{unionId}/summary", "Read a union's headline figures"),
			Map.entry("GET /api/unions/{unionId}/transfers", "Read a union's transfers and credentials"));

	private OperationSummaries() {
	}

	/** The summary of {@code METHOD /path}, if one is written. */
	static Optional<String> of(String method, String path) {
		return Optional.ofNullable(SUMMARIES.get(method + " " + path));
	}

}
