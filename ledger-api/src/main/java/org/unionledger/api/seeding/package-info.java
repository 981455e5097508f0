/**
 * The demo profile's seed data, loaded at start-up through the commands.
 */
package org.unionledger.api.seeding;
