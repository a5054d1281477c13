/**
 * The composition root of Inkan as a library: reads the {@code INKAN_*} configuration or takes
 * explicit choices, picks the adapters and wires the use cases ({@link dev.inkan.bootstrap.Inkan}).
 */
package dev.inkan.bootstrap;
