package org.unionledger.api.annualreports;

import java.util.List;

import org.unionledger.jurisdiction.JurisdictionLevel;

/**
 * The change flags a reader may see at a level: those of the jurisdiction's own report
 * and of the reports directly below it.
 *
 * @param code the jurisdiction's code
 * @param name its name
 * @param level its level
 * @param statisticalYear the year
 * @param openFlags how many of the flags are open
 * @param flags the flags
 */
public record ReportFlags(String code, String name, JurisdictionLevel level, int statisticalYear, long openFlags,
		List<ReportFlag> flags) {
}
