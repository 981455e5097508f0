/**
 * Wiring: the store (embedded or external MongoDB), Axon on it, keys, clock and settings.
 */
package org.unionledger.api.config;
