/** The domain: users, credentials, token claims and the rules that decide whether a token or session is good. */
package dev.inkan.domain;
