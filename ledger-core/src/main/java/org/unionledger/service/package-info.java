/**
 * The {@code ServiceDelivery} aggregate: services delivered to members and non-members,
 * counted as person-times and yuan.
 */
package org.unionledger.service;
