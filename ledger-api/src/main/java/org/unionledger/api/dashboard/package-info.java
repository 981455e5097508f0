/**
 * The web dashboard's server side: the signed-in user as the pages need them, and the
 * routes of the pages themselves (plain HTML and ES modules under {@code static/ui}).
 */
package org.unionledger.api.dashboard;
