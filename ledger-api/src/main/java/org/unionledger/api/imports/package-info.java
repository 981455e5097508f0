/**
 * Bulk enrollment from CSV: decoding (UTF-8 with or without BOM, GBK), parsing, the
 * background job with progress and per-row results, and the command-line form.
 */
package org.unionledger.api.imports;
