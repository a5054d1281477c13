/** Use-case implementations: orchestration of domain rules over the driven ports. */
package dev.inkan.application.service;
