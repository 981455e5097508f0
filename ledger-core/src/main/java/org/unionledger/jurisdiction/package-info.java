/**
 * Manage by locality: GB/T 2260 division codes and the versioned table they are resolved
 * against.
 */
package org.unionledger.jurisdiction;
