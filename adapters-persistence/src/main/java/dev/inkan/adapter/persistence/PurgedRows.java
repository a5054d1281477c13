package dev.inkan.adapter.persistence;

/**
 * What one purge of expired rows deleted.
 *
 * @param refreshTokens refresh tokens past their expiry, or of sessions long ended
 * @param sessions sessions long ended, or without a token left
 */
public record PurgedRows(int refreshTokens, int sessions) {
}
