/**
 * Figures per jurisdiction and per union over HTTP.
 */
package org.unionledger.api.summaries;
