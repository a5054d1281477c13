/** Driven ports: what the use cases need from storage, cryptography, time and randomness. */
package dev.inkan.application.port.out;
