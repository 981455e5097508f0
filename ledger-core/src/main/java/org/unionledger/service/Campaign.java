package org.unionledger.service;

/** The four seasonal campaigns: 春送岗位, 夏送清凉, 秋送助学, 冬送温暖. */
public enum Campaign {

	SPRING_JOBS, SUMMER_COOLING, AUTUMN_EDUCATION, WINTER_WARMTH

}
