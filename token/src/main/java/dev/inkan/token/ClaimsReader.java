package dev.inkan.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the JWT claims of a verified token from its UTF-8 JSON: first the fast path for the exact
 * bytes Inkan writes for the issuer and audience the rules expect, then, for anything else, the
 * general path that reads any strict JSON object (RFC 8259) with every registered claim present and
 * of its type, and every other member as a custom claim. Both give the same claims for the same
 * bytes; the fast path only skips work. What it compares against is prepared once; the one thing that
 * changes, the roles arrays it has met ({@link KnownRoles}), is safe for many threads.
 */
final class ClaimsReader {

    // The registered names, packed as JsonReader.memberName packs three ASCII characters.
    private static final int ISS = 'i' << 16 | 's' << 8 | 's';
    private static final int SUB = 's' << 16 | 'u' << 8 | 'b';
    private static final int AUD = 'a' << 16 | 'u' << 8 | 'd';
    private static final int IAT = 'i' << 16 | 'a' << 8 | 't';
    private static final int EXP = 'e' << 16 | 'x' << 8 | 'p';
    private static final int NBF = 'n' << 16 | 'b' << 8 | 'f';
    private static final int JTI = 'j' << 16 | 't' << 8 | 'i';
    private static final int SID = 's' << 16 | 'i' << 8 | 'd';
    // Inkan's own names that are not three characters long, compared as text.
    private static final String RV = "rv";
    private static final String ROLES = "roles";
    private static final String EMAIL_VERIFIED = "email_verified";

    // One bit for each registered or own claim read, to refuse a second one and to find a missing one.
    private static final int ISS_READ = 1;
    private static final int SUB_READ = 1 << 1;
    private static final int AUD_READ = 1 << 2;
    private static final int IAT_READ = 1 << 3;
    private static final int EXP_READ = 1 << 4;
    private static final int NBF_READ = 1 << 5;
    private static final int JTI_READ = 1 << 6;
    private static final int SID_READ = 1 << 7;
    private static final int RV_READ = 1 << 8;
    private static final int ROLES_READ = 1 << 9;
    private static final int EMAIL_VERIFIED_READ = 1 << 10;
    private static final int CUSTOM = 0;
    /** Every registered claim but the optional {@code nbf}; Inkan's own are optional too. */
    private static final int REQUIRED = ISS_READ | SUB_READ | AUD_READ | IAT_READ | EXP_READ | JTI_READ | SID_READ;

    private final String issuer;
    private final List<String> audience;
    /** The issuer and the audience as the writer writes them after the opening quote: the body and the closing quote. */
    private final byte[] issuerJson;
    private final byte[] audienceJson;
    /** The roles arrays of the tokens read so far: the same few in every token. */
    private final KnownRoles knownRoles = new KnownRoles();

    /** @throws IllegalArgumentException when the issuer or audience holds text UTF-8 cannot carry */
    ClaimsReader(TokenRules rules) {
        this.issuer = rules.issuer();
        this.audience = List.of(rules.audience());
        this.issuerJson = new JsonWriter(issuer.length() + 1).stringAfterQuote(issuer).toBytes();
        this.audienceJson = new JsonWriter(rules.audience().length() + 1).stringAfterQuote(rules.audience()).toBytes();
    }

    /** @throws TokenException ({@code MALFORMED_CLAIMS}) unless {@code json} holds claims as the general path reads them */
    TokenClaims read(byte[] json) {
        TokenClaims own = ownLayout(json);
        return own != null ? own : anyLayout(json);
    }

    /**
     * The fast path: claims laid out exactly as {@link ClaimsWriter} writes them with one audience, no
     * {@code nbf} and no custom claims, with the issuer and audience the rules expect (whose String
     * instances it returns), no escapes elsewhere, roles the reader accepts, nothing else. Such bytes
     * are valid JSON that the general path reads to the same claims.
     *
     * @return the claims, or null for any other bytes, which go to the general path (not an
     *     {@code Optional}: this runs on every verify of a token seen for the first time)
     */
    TokenClaims ownLayout(byte[] json) {
        PlainCursor in = new PlainCursor(json);
        // The layout ends with the roles; most tokens with custom claims, and those of the layout before
        // roles, end otherwise and go straight to the general path instead of being read twice.
        if (!in.endsWith(OwnLayout.ROLES_LAST) || !in.literal(OwnLayout.ISS) || !in.bytes(issuerJson) || !in.literal(OwnLayout.SUB)) {
            return null;
        }
        UUID sub = in.plainUuid();
        if (sub == null || !in.literal(OwnLayout.AUD) || !in.bytes(audienceJson) || !in.literal(OwnLayout.IAT)) {
            return null;
        }
        long iat = in.plainInteger(TokenClaims.LAST_NUMERIC_DATE);
        if (iat == PlainCursor.NOT_PLAIN || !in.literal(OwnLayout.EXP)) {
            return null;
        }
        long exp = in.plainInteger(TokenClaims.LAST_NUMERIC_DATE);
        if (exp == PlainCursor.NOT_PLAIN || !in.literal(OwnLayout.JTI)) {
            return null;
        }
        String jti = in.plainString();
        if (jti == null || jti.isEmpty() || !in.literal(OwnLayout.SID)) {
            return null;
        }
        UUID sid = in.plainUuid();
        if (sid == null || !in.literal(OwnLayout.RV)) {
            return null;
        }
        long rv = in.plainInteger(TokenClaims.MAX_ROLES_VERSION);
        if (rv == PlainCursor.NOT_PLAIN || !in.literal(OwnLayout.EMAIL_VERIFIED_1) || !in.literal(OwnLayout.EMAIL_VERIFIED_2)
                || !in.literal(OwnLayout.EMAIL_VERIFIED_3)) {
            return null;
        }
        boolean emailVerified = in.literal(OwnLayout.TRUE);
        if (!emailVerified && !in.literal(OwnLayout.FALSE) || !in.literal(OwnLayout.ROLES) || !in.literal(OwnLayout.ROLES_START)) {
            return null;
        }
        List<String> roles = roles(in, json);
        if (roles == null || !in.literal(OwnLayout.END) || !in.atEnd()) {
            return null;
        }
        return new TokenClaims(issuer, sub, audience, Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp),
                Optional.empty(), jti, sid, roles, rv, Map.of(), emailVerified);
    }

    /**
     * The roles of the fast path, whose {@code [} has been read: the array that {@link OwnLayout#ROLES_LAST}
     * ends the text with, taken from the arrays met before or else read and, once checked, remembered.
     *
     * @return the roles, the cursor past the {@code ]}; or null for an array the fast path does not take
     */
    private List<String> roles(PlainCursor in, byte[] json) {
        int from = in.position();
        int to = json.length - OwnLayout.END.length(); // just past the last ']'
        List<String> known = knownRoles.find(json, from, to);
        if (known != null) {
            in.skipTo(to);
            return known;
        }
        List<String> roles = in.plainStrings(TokenClaims.MAX_ROLES);
        if (roles == null || in.position() != to || TokenClaims.rolesProblem(roles).isPresent()) {
            return null;
        }
        knownRoles.remember(json, from, to, roles);
        return roles;
    }

    /** The general path: any strict JSON object holding the claims. */
    TokenClaims anyLayout(byte[] json) {
        JsonReader in = new JsonReader(json, TokenException.Reason.MALFORMED_CLAIMS);
        in.expect('{');
        // Each required one is set once its bit is in `read`, which is checked against REQUIRED before any is used.
        String iss = null;
        UUID sub = null;
        List<String> aud = null;
        long iat = 0;
        long exp = 0;
        long nbf = 0;
        String jti = null;
        UUID sid = null;
        long rv = 0;
        boolean emailVerified = false;
        List<String> roles = List.of();
        Map<String, Object> custom = new LinkedHashMap<>();
        int read = 0;
        Set<String> others = new HashSet<>();
        boolean more = !in.consumeIf('}');
        while (more) {
            int claim = switch (in.memberName()) {
                case ISS -> { iss = in.string(); yield ISS_READ; }
                case SUB -> { sub = uuid(in); yield SUB_READ; }
                case AUD -> { aud = audience(in); yield AUD_READ; }
                case IAT -> { iat = in.integer(TokenClaims.LAST_NUMERIC_DATE); yield IAT_READ; }
                case EXP -> { exp = in.integer(TokenClaims.LAST_NUMERIC_DATE); yield EXP_READ; }
                case NBF -> { nbf = in.integer(TokenClaims.LAST_NUMERIC_DATE); yield NBF_READ; }
                case JTI -> { jti = in.string(); yield JTI_READ; }
                case SID -> { sid = uuid(in); yield SID_READ; }
                default -> {
                    String name = in.name();
                    if (name.equals(RV)) {
                        rv = in.integer(TokenClaims.MAX_ROLES_VERSION);
                        yield RV_READ;
                    }
                    if (name.equals(ROLES)) {
                        roles = roles(in);
                        yield ROLES_READ;
                    }
                    if (name.equals(EMAIL_VERIFIED)) {
                        emailVerified = bool(in);
                        yield EMAIL_VERIFIED_READ;
                    }
                    if (!others.add(name)) {
                        throw in.malformed();
                    }
                    Object value = JsonValues.read(in, JsonValues.CLAIM_LEVEL);
                    if (value != null) { // a claim of JSON null is left out
                        custom.put(name, value);
                    }
                    yield CUSTOM;
                }
            };
            if ((read & claim) != 0) {
                throw in.malformed();
            }
            read |= claim;
            more = in.more('}');
        }
        in.requireEnd();
        if ((read & REQUIRED) != REQUIRED || jti.isEmpty()) {
            throw in.malformed();
        }
        Optional<Instant> notBefore = (read & NBF_READ) != 0 ? Optional.of(Instant.ofEpochSecond(nbf)) : Optional.empty();
        return new TokenClaims(iss, sub, aud, Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp), notBefore, jti, sid,
                roles, rv, custom, emailVerified);
    }

    /** {@code email_verified}: {@code true} or {@code false}, nothing else. */
    private static boolean bool(JsonReader in) {
        int next = in.peekNext();
        if (next == 't') {
            in.keyword("true");
            return true;
        }
        if (next == 'f') {
            in.keyword("false");
            return false;
        }
        throw in.malformed();
    }

    /** {@code sub} and {@code sid}: a string holding a canonical UUID, escapes decoded first. */
    private static UUID uuid(JsonReader in) {
        return CanonicalUuid.parse(in.string()).orElseThrow(in::malformed);
    }

    /** An {@code aud}: one string, or a non-empty array of strings. */
    private static List<String> audience(JsonReader in) {
        if (!in.consumeIf('[')) {
            return List.of(in.string());
        }
        List<String> audiences = new ArrayList<>(2);
        do {
            audiences.add(in.string());
        } while (in.more(']'));
        return audiences;
    }

    /** {@code roles}: an array (never a lone string) of at most MAX_ROLES non-empty strings, none twice. */
    private static List<String> roles(JsonReader in) {
        in.expect('[');
        if (in.consumeIf(']')) {
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        do {
            if (roles.size() == TokenClaims.MAX_ROLES) {
                throw in.malformed();
            }
            roles.add(in.string());
        } while (in.more(']'));
        if (TokenClaims.rolesProblem(roles).isPresent()) {
            throw in.malformed();
        }
        return roles;
    }
}
