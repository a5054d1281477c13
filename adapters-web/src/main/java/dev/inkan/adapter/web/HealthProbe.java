package dev.inkan.adapter.web;

/** What {@code GET /health} asks: whether the database answers. */
@FunctionalInterface
public interface HealthProbe {

    /** @return whether the database answered a cheap query just now */
    boolean databaseUp();
}
