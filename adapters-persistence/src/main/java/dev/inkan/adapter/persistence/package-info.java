/**
 * Driven adapters for storage: JDBI stores for users, refresh tokens and revocations on H2 and
 * PostgreSQL, over a HikariCP pool whose schema Flyway migrates at start.
 */
package dev.inkan.adapter.persistence;
