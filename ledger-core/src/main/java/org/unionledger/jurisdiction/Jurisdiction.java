package org.unionledger.jurisdiction;

/**
 * One row of the division table.
 *
 * @param code its code
 * @param name its official name (e.g. 石家庄高新技术产业开发区)
 * @param parent the code of the level above, or {@code null} for a province
 */
public record Jurisdiction(JurisdictionCode code, String name, JurisdictionCode parent) {

	public JurisdictionLevel level() {
		return this.code.level();
	}

	/** Development zones carry county-level statistical codes xx71–xx79 in their city. */
	public boolean isDevelopmentZone() {
		if (this.code.level() != JurisdictionLevel.COUNTY) {
			return false;
		}
		int lastTwo = Integer.parseInt(this.code.value().substring(4));
		return lastTwo >= 71 && lastTwo <= 79;
	}

}
