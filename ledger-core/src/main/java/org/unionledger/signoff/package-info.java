/**
 * The events of annual reports (the feature lives in
 * {@code org.unionledger.annualreports}). They stay in this package because the store
 * records each event under its class name ({@code org.unionledger.signoff.Events$…}),
 * commit authenticators and seals cover that name, and Java keeps a sealed hierarchy and
 * its records in one package: moving them would leave every existing store unreadable.
 */
package org.unionledger.signoff;
