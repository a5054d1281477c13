/**
 * What the use cases share about tokens, and are not use cases themselves: access tokens in Inkan's
 * terms over the token format, the issuing of a session's tokens, and refresh-token successors.
 */
package dev.inkan.application.tokens;
