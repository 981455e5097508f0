/**
 * Supervision over HTTP: findings of the double-count hunt per jurisdiction and union.
 */
package org.unionledger.api.supervision;
