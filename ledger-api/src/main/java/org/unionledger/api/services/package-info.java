/**
 * Services delivered, recorded over HTTP.
 */
package org.unionledger.api.services;
