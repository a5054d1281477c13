package dev.inkan.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.application.port.in.AdministerUsersUseCase;
import dev.inkan.application.port.in.EndSessionUseCase;
import dev.inkan.application.port.in.GetPublicKeysUseCase;
import dev.inkan.application.port.in.GetUserProfileUseCase;
import dev.inkan.application.port.in.ListSessionsUseCase;
import dev.inkan.application.port.in.ListSecurityEventsUseCase;
import dev.inkan.application.port.in.CountSecurityEventsUseCase;
import dev.inkan.application.port.in.LoginUseCase;
import dev.inkan.application.port.in.LogoutEverywhereUseCase;
import dev.inkan.application.port.in.LogoutUseCase;
import dev.inkan.application.port.in.PublicKeys;
import dev.inkan.application.port.in.RefreshTokensUseCase;
import dev.inkan.application.port.in.RegisterUserUseCase;
import dev.inkan.application.port.in.VerifyAccessTokenUseCase;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.PublicJwk;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JWK Set and the two discovery documents, as a resource server fetches them. */
class WellKnownDocumentsTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final PublicJwk ED = new PublicJwk("ed-kid", JwsAlgorithm.EdDSA, bytes(1), Optional.empty());
    private static final PublicJwk EC = new PublicJwk("ec-kid", JwsAlgorithm.ES256, bytes(2), Optional.of(bytes(3)));

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    @Test
    void theJwkSet_listsThePublicKeys_withTheirMembersOnly_cacheableForFiveMinutes() throws Exception {
        int port = start(() -> new PublicKeys("https://auth.example.com", List.of(ED, EC)));

        HttpResponse<String> response = get(port, "/.well-known/jwks.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(GetPublicKeysUseCase.CACHE_LIFETIME.toSeconds()).isEqualTo(300);
        assertThat(response.headers().firstValue("Pragma")).isEmpty();
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        JsonNode keys = JsonBodies.MAPPER.readTree(response.body()).get("keys");
        assertThat(keys).hasSize(2);
        JsonNode ed = keys.get(0);
        assertThat(fieldNames(ed)).containsExactlyInAnyOrder("kty", "crv", "x", "kid", "alg", "use");
        assertThat(ed.get("kty").asText()).isEqualTo("OKP");
        assertThat(ed.get("crv").asText()).isEqualTo("Ed25519");
        assertThat(ed.get("x").asText()).isEqualTo(B64.encodeToString(bytes(1)));
        assertThat(ed.get("kid").asText()).isEqualTo("ed-kid");
        assertThat(ed.get("alg").asText()).isEqualTo("EdDSA");
        assertThat(ed.get("use").asText()).isEqualTo("sig");
        JsonNode ec = keys.get(1);
        assertThat(fieldNames(ec)).containsExactlyInAnyOrder("kty", "crv", "x", "y", "kid", "alg", "use");
        assertThat(ec.get("kty").asText()).isEqualTo("EC");
        assertThat(ec.get("crv").asText()).isEqualTo("P-256");
        assertThat(ec.get("y").asText()).isEqualTo(B64.encodeToString(bytes(3)));
        assertThat(ec.get("alg").asText()).isEqualTo("ES256");
    }

    @Test
    void aNewKeyPublishedForLessThanFiveMinutesBeforeItSigns_makesTheDocumentsCacheableForNoLonger() throws Exception {
        int port = start(() -> new PublicKeys("https://auth.example.com", List.of(ED), java.time.Duration.ofSeconds(2)));

        for (String path : List.of("/.well-known/jwks.json", "/.well-known/oauth-authorization-server",
                "/.well-known/openid-configuration")) {
            assertThat(get(port, path).headers().firstValue("Cache-Control")).as(path).hasValue("public, max-age=2");
        }
    }

    @Test
    void withoutKeyPairs_theJwkSetIsEmpty_andThereIsNoDiscoveryForAnIssuerThatIsNoUrl() throws Exception {
        int port = start(() -> new PublicKeys("inkan", List.of()));

        assertThat(get(port, "/.well-known/jwks.json").body()).isEqualTo("{\"keys\":[]}");
        for (String path : List.of("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration")) {
            HttpResponse<String> response = get(port, path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(JsonBodies.MAPPER.readTree(response.body()).get("status").asInt()).isEqualTo(404);
        }
    }

    @Test
    void theAuthorizationServerMetadata_holdsTheIssuerExactly_theJwksUri_andTheAlgorithms_andClaimsNoFlow() throws Exception {
        int port = start(() -> new PublicKeys("https://auth.example.com/tenant-1", List.of(ED, EC)));

        JsonNode metadata = JsonBodies.MAPPER.readTree(get(port, "/.well-known/oauth-authorization-server").body());

        assertThat(fieldNames(metadata)).containsExactly("issuer", "jwks_uri", "access_token_signing_alg_values_supported");
        assertThat(metadata.get("issuer").asText()).isEqualTo("https://auth.example.com/tenant-1");
        assertThat(metadata.get("jwks_uri").asText()).isEqualTo("https://auth.example.com/tenant-1/.well-known/jwks.json");
        assertThat(metadata.get("access_token_signing_alg_values_supported")).extracting(JsonNode::asText)
                .containsExactly("EdDSA", "ES256");
    }

    @Test
    void theOpenidConfiguration_addsPublicSubjects_andNoMemberOfAnOpenidProvider() throws Exception {
        int port = start(() -> new PublicKeys("http://localhost:8080/", List.of(ED)));

        HttpResponse<String> response = get(port, "/.well-known/openid-configuration");
        JsonNode configuration = JsonBodies.MAPPER.readTree(response.body());

        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(fieldNames(configuration)).containsExactly("issuer", "jwks_uri", "subject_types_supported",
                "access_token_signing_alg_values_supported");
        assertThat(configuration.get("issuer").asText()).as("exactly as configured, slash and all").isEqualTo("http://localhost:8080/");
        assertThat(configuration.get("jwks_uri").asText()).isEqualTo("http://localhost:8080/.well-known/jwks.json");
        assertThat(configuration.get("subject_types_supported")).extracting(JsonNode::asText).containsExactly("public");
    }

    @Test
    void anHmacOnlyServerWithAUrlIssuer_publishesTheIssuerAndAnEmptySet_butNoAlgorithm() throws Exception {
        int port = start(() -> new PublicKeys("https://auth.example.com", List.of()));

        JsonNode metadata = JsonBodies.MAPPER.readTree(get(port, "/.well-known/oauth-authorization-server").body());

        assertThat(fieldNames(metadata)).containsExactly("issuer", "jwks_uri");
    }

    @Test
    void theDocuments_followTheRing_asItIsWhenTheyAreAskedFor() throws Exception {
        List<PublicJwk> ring = new ArrayList<>(List.of(ED));
        int port = start(() -> new PublicKeys("https://auth.example.com", List.copyOf(ring)));
        assertThat(JsonBodies.MAPPER.readTree(get(port, "/.well-known/jwks.json").body()).get("keys")).hasSize(1);

        ring.add(0, EC);

        assertThat(JsonBodies.MAPPER.readTree(get(port, "/.well-known/jwks.json").body()).get("keys").get(0).get("kid").asText())
                .isEqualTo("ec-kid");
    }

    @Test
    void theJavalinPlugin_servesThemUnderItsPrefix() throws Exception {
        Javalin host = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.registerPlugin(new InkanJavalinPlugin(useCases(() -> new PublicKeys("https://host.example/inkan", List.of(ED))),
                    inkan -> inkan.prefix = "/inkan"));
        }).start("127.0.0.1", 0);
        servers.add(host::stop);

        JsonNode keys = JsonBodies.MAPPER.readTree(get(host.port(), "/inkan/.well-known/jwks.json").body()).get("keys");
        JsonNode metadata = JsonBodies.MAPPER.readTree(get(host.port(), "/inkan/.well-known/openid-configuration").body());

        assertThat(keys.get(0).get("kid").asText()).isEqualTo("ed-kid");
        assertThat(metadata.get("jwks_uri").asText()).isEqualTo("https://host.example/inkan/.well-known/jwks.json");
    }

    private int start(GetPublicKeysUseCase publicKeys) {
        InkanHttpServer server = InkanHttpServer.start(useCases(publicKeys), WebSettings.defaults(), "127.0.0.1", 0);
        servers.add(server);
        return server.port();
    }

    private static WebUseCases useCases(GetPublicKeysUseCase publicKeys) {
        return new WebUseCases(mock(RegisterUserUseCase.class), mock(LoginUseCase.class), mock(RefreshTokensUseCase.class),
                mock(LogoutUseCase.class), mock(LogoutEverywhereUseCase.class), mock(VerifyAccessTokenUseCase.class),
                mock(GetUserProfileUseCase.class), mock(ListSessionsUseCase.class), mock(EndSessionUseCase.class),
                mock(AdministerUsersUseCase.class), mock(ListSecurityEventsUseCase.class), mock(CountSecurityEventsUseCase.class),
                AccountMocks.mocks(), () -> true, publicKeys);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), BodyHandlers.ofString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static byte[] bytes(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

}
