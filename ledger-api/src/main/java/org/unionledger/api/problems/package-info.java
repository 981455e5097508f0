/**
 * Every refusal as RFC 9457 problem+json naming the field and the rule.
 */
package org.unionledger.api.problems;
