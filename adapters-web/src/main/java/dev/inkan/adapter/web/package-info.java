/** Web adapter: Inkan's HTTP API on Javalin, JSON in and out, every error as RFC 9457 problem+json. */
package dev.inkan.adapter.web;
