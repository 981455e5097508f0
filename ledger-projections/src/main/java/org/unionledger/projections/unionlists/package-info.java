/**
 * The union lists read model: the grassroots unions registered under each county,
 * district or development zone, for drilling down from a jurisdiction to its unions.
 */
package org.unionledger.projections.unionlists;
