package dev.inkan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * A Spring Security resource server, made from the README's configuration class as it stands there,
 * against a running Inkan: its decoder built by {@code JwtDecoders.fromIssuerLocation} from Inkan's
 * issuer URL, with an audience validator, behind the {@link JwtAuthenticationProvider} that turns a
 * bearer token into the request's principal (roles as authorities) or into the 401 of an
 * {@link InvalidBearerTokenException}. ES256 is Spring's case; an EdDSA Inkan is shown to be none of it.
 */
class SpringResourceServerInteropTest {

    @TempDir
    static Path es256Data;
    @TempDir
    static Path eddsaData;
    @TempDir
    static Path classes;

    private static ReadmeSpringConfiguration readme;
    private static InteropInkan es256;
    private static InteropInkan eddsa;
    private static JwtAuthenticationProvider orders;

    @BeforeAll
    static void startInkan() {
        readme = ReadmeSpringConfiguration.compile(classes);
        es256 = InteropInkan.start("ES256", es256Data);
        eddsa = InteropInkan.start("EdDSA", eddsaData);
        orders = readme.resourceServer(es256.issuer(), InteropInkan.AUDIENCE);
    }

    @AfterAll
    static void stopInkan() throws Exception {
        for (AutoCloseable each : new AutoCloseable[] {eddsa, es256, readme}) {
            if (each != null) {
                each.close();
            }
        }
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
        JwtAuthenticationProvider billing = readme.resourceServer(es256.issuer(), "billing");

        assertThatThrownBy(() -> present(billing, es256.goodToken()))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("aud");
    }

    @Test
    void anIssuerThatIsNotInkansCharacterForCharacter_stopsTheApplication() {
        assertThatThrownBy(() -> readme.resourceServer(es256.issuer() + "/", InteropInkan.AUDIENCE))
                .isInstanceOf(BeanCreationException.class).rootCause()
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not match the requested issuer");
    }

    @Test
    void anEdDsaInkan_isOfNoUseToSpring_whichSelectsOnlyRsaAndEcKeys() {
        assertThatThrownBy(() -> readme.resourceServer(eddsa.issuer(), InteropInkan.AUDIENCE))
                .as("from the issuer, Spring finds no key it can use, and the application does not start")
                .isInstanceOf(BeanCreationException.class).rootCause()
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Failed to find any algorithms from the JWK set");
        assertThat(SignatureAlgorithm.from("EdDSA")).as("nor can it be told to use EdDSA").isNull();

        NimbusJwtDecoder givenTheKeys = NimbusJwtDecoder.withJwkSetUri(eddsa.issuer() + "/.well-known/jwks.json").build();
        assertThatThrownBy(() -> new JwtAuthenticationProvider(givenTheKeys).authenticate(
                new BearerTokenAuthenticationToken(eddsa.goodToken())))
                .as("given the JWK Set itself, it refuses even Inkan's good token").isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("Another algorithm expected, or no matching key(s) found");
    }
}
