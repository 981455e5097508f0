/**
 * Members: enrollment ({@link org.unionledger.api.members.Enrollments}, also behind
 * imports, online applications and seeding), transfers with credentials, serving
 * assignments, erasure and history; the HTTP controllers and the services they call.
 */
package org.unionledger.api.members;
