/**
 * Members over HTTP: enrollment, transfer credentials and their acceptance, history.
 */
package org.unionledger.api.members;
