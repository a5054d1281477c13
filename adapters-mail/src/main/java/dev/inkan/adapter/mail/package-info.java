/**
 * Mail adapter: Inkan's messages from templates, delivered in the background over SMTP (Eclipse Angus
 * Mail) or written as {@code .eml} files into an outbox folder, never more than a few per recipient an hour.
 */
package dev.inkan.adapter.mail;
