/**
 * Bulk enrollment from CSV: strict decoding (UTF-8 with or without BOM, GBK; mixed files
 * refused), parsing, the background job with progress and per-row results, and the
 * command-line form.
 */
package org.unionledger.api.imports;
