/**
 * Transfers as figures over HTTP: flows between cities, outstanding and expired
 * credentials, and a credential's code as a printable QR code.
 */
package org.unionledger.api.transfers;
