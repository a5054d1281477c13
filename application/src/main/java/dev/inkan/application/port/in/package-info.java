/** Driving ports: the use cases that the web adapter, an embedding application or a test calls. */
package dev.inkan.application.port.in;
