/**
 * Online enrollment (互联网+入会): a worker applies on a public form, the chosen union's
 * officer approves (the membership is then enrolled with channel ONLINE) or declines with
 * a reason. One {@code OnlineApplication} aggregate per application; its events live in
 * {@code org.unionledger.online}, whose class names are stored with every event.
 */
package org.unionledger.applications;
