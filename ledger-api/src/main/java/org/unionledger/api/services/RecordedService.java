package org.unionledger.api.services;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A recorded service: its id (its resource is in {@code Location}).
 *
 * @param serviceId the new service's id
 */
public record RecordedService(@Schema(example = "s-3f1c9a52-7d44-4b0e-9a51-2c6f0d8e7b13") String serviceId) {
}
