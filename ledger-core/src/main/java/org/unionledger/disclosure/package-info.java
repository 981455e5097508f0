/**
 * Disclosures of personal data: every read of a member's unmasked resident ID and name is
 * recorded in that member's {@code DisclosureLog}, with who read it and why.
 */
package org.unionledger.disclosure;
