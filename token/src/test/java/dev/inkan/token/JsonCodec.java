package dev.inkan.token;

/**
 * What the contract holds both JSON implementations to, Inkan's and the Jackson reference: the JSON
 * of JWS headers and JWT claims, written as Inkan writes it and read strictly (UTF-8, one object,
 * no duplicate names), refusing with {@code MALFORMED_HEADER} or {@code MALFORMED_CLAIMS}.
 */
interface JsonCodec {

    byte[] encodeHeader(JwsAlgorithm algorithm, String keyId);

    byte[] encodeClaims(TokenClaims claims);

    JoseHeaders.Header decodeHeader(byte[] json);

    TokenClaims decodeClaims(byte[] json);

    /** Inkan's own parts of the format, behind the contract's face. */
    static JsonCodec inkan() {
        ClaimsReader reader = new ClaimsReader(Fixtures.RULES);
        return new JsonCodec() {
            @Override
            public byte[] encodeHeader(JwsAlgorithm algorithm, String keyId) {
                return JoseHeaders.json(JwsKey.hmac(keyId, algorithm, (input, offset, length) -> new byte[0]));
            }

            @Override
            public byte[] encodeClaims(TokenClaims claims) {
                return ClaimsWriter.write(claims);
            }

            @Override
            public JoseHeaders.Header decodeHeader(byte[] json) {
                return JoseHeaders.read(json);
            }

            @Override
            public TokenClaims decodeClaims(byte[] json) {
                return reader.read(json);
            }
        };
    }
}
