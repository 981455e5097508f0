/**
 * Manage by locality: GB/T 2260 division codes and the versioned tables they are resolved
 * against, with the 2023 edition bundled.
 */
package org.unionledger.jurisdiction;
