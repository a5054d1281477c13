package dev.inkan.token;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The reference that Inkan's JSON reader is held to: the same rules through Jackson's streaming
 * parser with strict duplicate detection. Inkan shipped this reader until the hand-written one
 * replaced it on the hot path; the differential test feeds both the same inputs.
 */
final class JacksonReference implements JsonCodec {

    // Numbers of any length, as Inkan reads them (a token is at most 8 KiB anyway); nesting is limited below, as Inkan's.
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(CompactJws.MAX_LENGTH).build())
            .build();

    @Override
    public byte[] encodeHeader(JwsAlgorithm algorithm, String keyId) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("alg", algorithm.jwsName());
            json.writeStringField("typ", "JWT");
            json.writeStringField("kid", keyId);
            json.writeEndObject();
        });
    }

    @Override
    public byte[] encodeClaims(TokenClaims claims) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("iss", claims.issuer());
            json.writeStringField("sub", claims.subject().toString());
            if (claims.audience().size() == 1) {
                json.writeStringField("aud", claims.audience().get(0));
            } else {
                json.writeArrayFieldStart("aud");
                for (String audience : claims.audience()) {
                    json.writeString(audience);
                }
                json.writeEndArray();
            }
            json.writeNumberField("iat", claims.issuedAt().getEpochSecond());
            json.writeNumberField("exp", claims.expiresAt().getEpochSecond());
            if (claims.notBefore().isPresent()) {
                json.writeNumberField("nbf", claims.notBefore().get().getEpochSecond());
            }
            json.writeStringField("jti", claims.tokenId());
            json.writeStringField("sid", claims.sessionId().toString());
            json.writeNumberField("rv", claims.rolesVersion());
            json.writeBooleanField("email_verified", claims.emailVerified());
            json.writeArrayFieldStart("roles");
            for (String role : claims.roles()) {
                json.writeString(role);
            }
            json.writeEndArray();
            for (Map.Entry<String, Object> claim : claims.custom().entrySet()) {
                json.writeFieldName(claim.getKey());
                JacksonValues.write(json, claim.getValue());
            }
            json.writeEndObject();
        });
    }

    @Override
    public JoseHeaders.Header decodeHeader(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            requireStartObject(parser);
            String alg = null;
            String typ = null;
            String kid = null;
            Set<String> names = new HashSet<>(8);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                names.add(name);
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "alg" -> alg = string(parser, value);
                    case "typ" -> typ = string(parser, value);
                    case "kid" -> kid = string(parser, value);
                    default -> parser.skipChildren();
                }
            }
            requireEnd(parser);
            return new JoseHeaders.Header(Optional.ofNullable(alg), Optional.ofNullable(typ), Optional.ofNullable(kid), Set.copyOf(names));
        } catch (IOException | MalformedJson e) {
            throw new TokenException(TokenException.Reason.MALFORMED_HEADER);
        }
    }

    @Override
    public TokenClaims decodeClaims(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            requireStartObject(parser);
            String iss = null;
            String sub = null;
            List<String> aud = null;
            Long iat = null;
            Long exp = null;
            Long nbf = null;
            String jti = null;
            String sid = null;
            long rv = 0;
            boolean emailVerified = false;
            List<String> roles = List.of();
            Map<String, Object> custom = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "iss" -> iss = string(parser, value);
                    case "sub" -> sub = string(parser, value);
                    case "aud" -> aud = audience(parser, value);
                    case "iat" -> iat = integer(parser, value, TokenClaims.LAST_NUMERIC_DATE);
                    case "exp" -> exp = integer(parser, value, TokenClaims.LAST_NUMERIC_DATE);
                    case "nbf" -> nbf = integer(parser, value, TokenClaims.LAST_NUMERIC_DATE);
                    case "jti" -> jti = string(parser, value);
                    case "sid" -> sid = string(parser, value);
                    case "rv" -> rv = integer(parser, value, TokenClaims.MAX_ROLES_VERSION);
                    case "roles" -> roles = roles(parser, value);
                    case "email_verified" -> {
                        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                            throw new MalformedJson();
                        }
                        emailVerified = value == JsonToken.VALUE_TRUE;
                    }
                    default -> {
                        Object read = JacksonValues.read(parser, value, 1);
                        if (read != null) {
                            custom.put(name, read);
                        }
                    }
                }
            }
            requireEnd(parser);
            if (iss == null || sub == null || aud == null || iat == null || exp == null || jti == null || sid == null) {
                throw new MalformedJson();
            }
            return new TokenClaims(iss, canonicalUuid(sub), aud, Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp),
                    Optional.ofNullable(nbf).map(Instant::ofEpochSecond), jti, canonicalUuid(sid), roles, rv, custom, emailVerified);
        } catch (IOException | IllegalArgumentException | MalformedJson e) {
            throw new TokenException(TokenException.Reason.MALFORMED_CLAIMS);
        }
    }

    /** A UUID as {@link UUID#toString()} writes it, hex digits of either case; {@link UUID#fromString} alone takes more. */
    private static UUID canonicalUuid(String text) {
        if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new MalformedJson();
        }
        return UUID.fromString(text);
    }

    private static void requireStartObject(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new MalformedJson();
        }
    }

    /** The object must close, and nothing may follow it. */
    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
            throw new MalformedJson();
        }
    }

    private static String string(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw new MalformedJson();
        }
        return parser.getText();
    }

    private static List<String> audience(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return List.of(parser.getText());
        }
        if (value != JsonToken.START_ARRAY) {
            throw new MalformedJson();
        }
        List<String> audiences = new ArrayList<>(2);
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            audiences.add(parser.getText());
        }
        if (parser.currentToken() != JsonToken.END_ARRAY || audiences.isEmpty()) {
            throw new MalformedJson();
        }
        return audiences;
    }

    /** A NumericDate or {@code rv} as Inkan accepts it: a JSON integer (no fraction, no exponent) from 0 to {@code max}. */
    private static long integer(JsonParser parser, JsonToken value, long max) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == NumberType.BIG_INTEGER) {
            throw new MalformedJson();
        }
        long integer = parser.getLongValue();
        if (integer < 0 || integer > max) {
            throw new MalformedJson();
        }
        return integer;
    }

    /** {@code roles}: an array of at most 64 non-empty strings, none twice. */
    private static List<String> roles(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw new MalformedJson();
        }
        Set<String> roles = new LinkedHashSet<>();
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            if (parser.getText().isEmpty() || !roles.add(parser.getText())) {
                throw new MalformedJson();
            }
        }
        if (parser.currentToken() != JsonToken.END_ARRAY || roles.size() > TokenClaims.MAX_ROLES) {
            throw new MalformedJson();
        }
        return List.copyOf(roles);
    }

    private static byte[] write(JsonWriting writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writing.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    private interface JsonWriting {
        void writeTo(JsonGenerator json) throws IOException;
    }

    /** Thrown inside the reference only: the JSON is well-formed but not what a JWS header or JWT may hold. */
    static final class MalformedJson extends RuntimeException {
        MalformedJson() {
            super(null, null, false, false);
        }
    }
}
