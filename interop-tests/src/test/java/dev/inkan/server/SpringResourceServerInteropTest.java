package dev.inkan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * A Spring Security resource server, configured as the README tells its users, against a running
 * Inkan: its decoder built by {@code JwtDecoders.fromIssuerLocation} from Inkan's issuer URL, with an
 * audience validator, behind the {@link JwtAuthenticationProvider} that turns a bearer token into the
 * request's principal (roles as authorities) or into the 401 of an {@link InvalidBearerTokenException}.
 * ES256 is Spring's case; an EdDSA Inkan is shown to be none of it.
 */
class SpringResourceServerInteropTest {

    @TempDir
    static Path es256Data;
    @TempDir
    static Path eddsaData;

    private static InteropInkan es256;
    private static InteropInkan eddsa;
    private static JwtAuthenticationProvider orders;

    @BeforeAll
    static void startInkan() {
        es256 = InteropInkan.start("ES256", es256Data);
        eddsa = InteropInkan.start("EdDSA", eddsaData);
        orders = resourceServer(es256.issuer(), InteropInkan.AUDIENCE);
    }

    @AfterAll
    static void stopInkan() {
        if (es256 != null) {
            es256.close();
        }
        if (eddsa != null) {
            eddsa.close();
        }
    }

    /**
     * The resource server of the service {@code audience}, as a Spring application's configuration
     * builds it (the README's Java configuration, and what Spring Boot builds from {@code issuer-uri},
     * {@code audiences} and {@code authorities-claim-name}).
     */
    static JwtAuthenticationProvider resourceServer(String issuer, String audience) {
        NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("");
        JwtAuthenticationConverter principal = new JwtAuthenticationConverter();
        principal.setJwtGrantedAuthoritiesConverter(roles);
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(principal);
        return provider;
    }

    private static Authentication present(JwtAuthenticationProvider resourceServer, String token) {
        return resourceServer.authenticate(new BearerTokenAuthenticationToken(token));
    }

    @Test
    void anEs256TokenFromLogin_isAccepted_withTheSubjectSessionAndRolesInkanVerified() {
        String token = es256.goodToken();

        Authentication user = present(orders, token);

        JsonNode inkan = es256.claimsInkanVerified(token);
        Jwt jwt = (Jwt) user.getPrincipal();
        assertThat(user.isAuthenticated()).isTrue();
        assertThat(user.getName()).as("the principal is the user's id").isEqualTo(inkan.get("sub").asText());
        assertThat(jwt.getClaimAsString("sid")).as("the session").isEqualTo(inkan.get("sid").asText()).isNotBlank();
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly(InteropInkan.ROLE);
        // beside the roles, Spring 7 adds the factor it authenticated by (FACTOR_BEARER)
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains(InteropInkan.ROLE);
        assertThat(jwt.getIssuer()).hasToString(es256.issuer());
        assertThat(jwt.getAudience()).containsExactly(InteropInkan.AUDIENCE);
        assertThat(jwt.getHeaders()).containsEntry("alg", "ES256").containsEntry("kid", es256.signingKeyId());
    }

    @Test
    void aTokenWithOnePayloadByteChanged_isRefused_forItsSignature() {
        assertThatThrownBy(() -> present(orders, es256.tamperedPayloadToken()))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("Invalid signature");
    }

    @Test
    void aTokenWithItsSignatureChanged_isRefused() {
        assertThatThrownBy(() -> present(orders, es256.tamperedSignatureToken()))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("Invalid signature");
    }

    @Test
    void anExpiredToken_isRefused_despiteSpringsMinuteOfClockSkew() {
        assertThatThrownBy(() -> present(orders, es256.expiredToken()))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("Jwt expired at");
    }

    @Test
    void aTokenForAnotherService_isRefused_byTheAudienceValidator() {
        JwtAuthenticationProvider billing = resourceServer(es256.issuer(), "billing");

        assertThatThrownBy(() -> present(billing, es256.goodToken()))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("aud");
    }

    @Test
    void anIssuerThatIsNotInkansCharacterForCharacter_stopsTheDecoderBeingBuilt() {
        assertThatThrownBy(() -> JwtDecoders.fromIssuerLocation(es256.issuer() + "/"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not match the requested issuer");
    }

    @Test
    void anEdDsaInkan_isOfNoUseToSpring_whichSelectsOnlyRsaAndEcKeys() {
        assertThatThrownBy(() -> JwtDecoders.fromIssuerLocation(eddsa.issuer()))
                .as("from the issuer, Spring finds no key it can use").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Failed to find any algorithms from the JWK set");
        assertThat(SignatureAlgorithm.from("EdDSA")).as("nor can it be told to use EdDSA").isNull();

        NimbusJwtDecoder givenTheKeys = NimbusJwtDecoder.withJwkSetUri(eddsa.issuer() + "/.well-known/jwks.json").build();
        assertThatThrownBy(() -> new JwtAuthenticationProvider(givenTheKeys).authenticate(
                new BearerTokenAuthenticationToken(eddsa.goodToken())))
                .as("given the JWK Set itself, it refuses even Inkan's good token").isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("Another algorithm expected, or no matching key(s) found");
    }
}
