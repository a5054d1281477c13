package dev.inkan.adapter.persistence;

/**
 * What one purge of expired rows deleted.
 *
 * @param refreshTokens refresh tokens past their expiry
 * @param revokedAccessTokens denylisted access tokens past their expiry
 */
public record PurgedRows(int refreshTokens, int revokedAccessTokens) {
}
