/**
 * Personal data at rest: one data key per person, wrapped by the master key, destroyed on
 * a lawful erasure request (crypto-shredding).
 */
package org.unionledger.api.personaldata;
