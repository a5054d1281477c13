/** The composition root: reads configuration, picks the adapters, wires the use cases and runs the server. */
package dev.inkan.bootstrap;
