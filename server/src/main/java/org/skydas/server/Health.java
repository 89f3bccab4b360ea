package org.skydas.server;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/health}: the overall status, what is down and why (OpenAPI schema {@code Health}).
 *
 * @param storage   the disk-space guard's state, when the server runs operations
 * @param retention how long detections and track history are kept, when the server runs operations
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record Health(String status, List<String> down, Checks checks, String service, String scenario, String scenarioSource,
              String terrain, long uptimeS, String attribution,
              @JsonInclude(JsonInclude.Include.NON_NULL) String journalError,
              @JsonInclude(JsonInclude.Include.NON_NULL) Object storage,
              @JsonInclude(JsonInclude.Include.NON_NULL) Object retention) {

    /** The store and the pipeline are checked only where the server has them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Checks(Store store, Map<String, Object> pipeline, Map<String, Listener> listeners) {
    }

    /** A real query on the watch store: its schema version, or the exception's class when it failed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Store(Integer schemaVersion, boolean ok, String error, double ms) {
    }

    record Listener(boolean ok) {
    }
}
