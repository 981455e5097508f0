package org.unionledger.api.operations;

/**
 * A rebuild started.
 *
 * @param name the processor being rebuilt
 * @param status {@code REBUILDING}
 * @param head the store's head position when it started
 */
public record Rebuild(String name, String status, long head) {
}
