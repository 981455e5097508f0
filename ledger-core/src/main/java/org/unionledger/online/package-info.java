/**
 * The events of online applications (the feature lives in
 * {@code org.unionledger.applications}). They stay in this package because the store
 * records each event under its class name ({@code org.unionledger.online.Events$…}),
 * commit authenticators and seals cover that name, and Java keeps a sealed hierarchy and
 * its records in one package: moving them would leave every existing store unreadable.
 */
package org.unionledger.online;
