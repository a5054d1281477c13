package dev.inkan.token;

import java.util.List;

/** Writes claims as UTF-8 JSON in Inkan's own layout ({@link OwnLayout}), which the reader's fast path recognises. */
final class ClaimsWriter {

    /** Enough for the usual claims, so that the buffer grows only for long issuers or many audiences. */
    private static final int USUAL_LENGTH = 224;

    private ClaimsWriter() {
    }

    /** @throws IllegalArgumentException when a claim holds text that UTF-8 cannot carry (an unpaired surrogate) */
    static byte[] write(TokenClaims claims) {
        JsonWriter out = new JsonWriter(USUAL_LENGTH);
        out.literal(OwnLayout.ISS).stringAfterQuote(claims.issuer());
        out.literal(OwnLayout.SUB).uuidAfterQuote(claims.subject());
        List<String> audience = claims.audience();
        if (audience.size() == 1) {
            out.literal(OwnLayout.AUD).stringAfterQuote(audience.get(0));
        } else {
            out.literal(OwnLayout.AUD_ARRAY).string(audience.get(0));
            for (int i = 1; i < audience.size(); i++) {
                out.ascii(",").string(audience.get(i));
            }
            out.ascii("]");
        }
        out.literal(OwnLayout.IAT).number(claims.issuedAt().getEpochSecond());
        out.literal(OwnLayout.EXP).number(claims.expiresAt().getEpochSecond());
        if (claims.notBefore().isPresent()) {
            out.literal(OwnLayout.NBF).number(claims.notBefore().get().getEpochSecond());
        }
        out.literal(OwnLayout.JTI).stringAfterQuote(claims.tokenId());
        out.literal(OwnLayout.SID).uuidAfterQuote(claims.sessionId());
        out.literal(OwnLayout.END);
        return out.toBytes();
    }
}
