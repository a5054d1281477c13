package dev.inkan.application.port.out;

import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.JwsAlgorithm;

/** Driven port: the JSON of JWS headers and JWT claims, read strictly (UTF-8, one object, no duplicate names). */
public interface ClaimsCodec {

    /** @return the UTF-8 JSON of the header {@code {"alg":…,"typ":"JWT","kid":…}} */
    byte[] encodeHeader(JwsAlgorithm algorithm, String keyId);

    /** @return the UTF-8 JSON of {@code claims} */
    byte[] encodeClaims(AccessTokenClaims claims);

    /**
     * @throws InvalidTokenException ({@code MALFORMED_HEADER}) unless {@code json} is one JSON object
     *     with string values where JWS requires them and no duplicate names
     */
    JoseHeader decodeHeader(byte[] json);

    /**
     * @throws InvalidTokenException ({@code MALFORMED_CLAIMS}) unless {@code json} is one JSON object
     *     with every registered claim present and of its type: strings, integer NumericDates, an
     *     {@code aud} string or array of strings, canonical UUIDs in {@code sub} and {@code sid}
     */
    AccessTokenClaims decodeClaims(byte[] json);
}
