/** JMH benchmarks: Inkan's token verification and issue against the JVM's JOSE libraries and a bare-HMAC floor. */
package dev.inkan.benchmarks;
