/**
 * Reports and files for people: the signed annual report as a printable sheet and an XLSX
 * workbook, a union's roster as CSV and XLSX, labelled in the reader's language.
 */
package org.unionledger.api.exports;
