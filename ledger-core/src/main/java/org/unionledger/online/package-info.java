/**
 * Online enrollment (互联网+入会): a worker applies on a public form, the chosen union's
 * officer approves (the membership is then enrolled with channel ONLINE) or declines with
 * a reason. One {@code OnlineApplication} aggregate per application.
 */
package org.unionledger.online;
