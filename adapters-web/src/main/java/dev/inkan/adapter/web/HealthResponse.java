package dev.inkan.adapter.web;

import java.util.Map;

/** Response body of {@code GET /health}: overall status and each dependency's. */
record HealthResponse(String status, Map<String, String> checks) {

    static HealthResponse of(boolean databaseUp) {
        return new HealthResponse(databaseUp ? "UP" : "DOWN", Map.of("database", databaseUp ? "UP" : "DOWN"));
    }
}
