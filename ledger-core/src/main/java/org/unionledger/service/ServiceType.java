package org.unionledger.service;

/** Services unions deliver to migrant workers. */
public enum ServiceType {

	RIGHTS_PROTECTION, SKILLS_TRAINING, EMPLOYMENT_ASSISTANCE, MICRO_LOAN, ENTREPRENEURSHIP_SUPPORT, SEASONAL_CARE

}
