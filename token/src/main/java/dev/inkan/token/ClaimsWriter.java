package dev.inkan.token;

import java.util.List;
import java.util.Map;

/**
 * Writes claims as UTF-8 JSON in Inkan's own layout ({@link OwnLayout}), which the reader's fast path
 * recognises, and then the custom claims in their order ({@link JsonValues}).
 */
final class ClaimsWriter {

    /** Enough for the usual claims and a few roles, so that the buffer grows only for long issuers, many audiences or roles, or custom claims. */
    private static final int USUAL_LENGTH = 320;

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
        out.literal(OwnLayout.RV).number(claims.rolesVersion());
        out.literal(OwnLayout.EMAIL_VERIFIED_1).literal(OwnLayout.EMAIL_VERIFIED_2).literal(OwnLayout.EMAIL_VERIFIED_3)
                .literal(claims.emailVerified() ? OwnLayout.TRUE : OwnLayout.FALSE);
        out.literal(OwnLayout.ROLES).literal(OwnLayout.ROLES_START);
        List<String> roles = claims.roles();
        for (int i = 0; i < roles.size(); i++) {
            if (i > 0) {
                out.ascii(",");
            }
            out.string(roles.get(i));
        }
        out.ascii("]");
        for (Map.Entry<String, Object> claim : claims.custom().entrySet()) {
            out.ascii(",").string(claim.getKey()).ascii(":");
            JsonValues.write(out, claim.getValue());
        }
        out.literal(OwnLayout.END);
        return out.toBytes();
    }
}
