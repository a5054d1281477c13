package dev.inkan.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.application.port.in.AdministerUsersUseCase;
import dev.inkan.application.port.in.CountSecurityEventsUseCase;
import dev.inkan.application.port.in.EndSessionUseCase;
import dev.inkan.application.port.in.GetUserProfileUseCase;
import dev.inkan.application.port.in.ListSecurityEventsUseCase;
import dev.inkan.application.port.in.ListSessionsUseCase;
import dev.inkan.application.port.in.LoginUseCase;
import dev.inkan.application.port.in.LogoutEverywhereUseCase;
import dev.inkan.application.port.in.LogoutUseCase;
import dev.inkan.application.port.in.RefreshTokensUseCase;
import dev.inkan.application.port.in.RegisterUserUseCase;
import dev.inkan.application.port.in.VerifyAccessTokenUseCase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /openapi.json} and the routes agree: every route is described, every described route exists. */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private InkanHttpServer server;
    private JsonNode document;

    @BeforeEach
    void start() throws Exception {
        server = InkanHttpServer.start(new WebUseCases(mock(RegisterUserUseCase.class), mock(LoginUseCase.class),
                mock(RefreshTokensUseCase.class), mock(LogoutUseCase.class), mock(LogoutEverywhereUseCase.class),
                mock(VerifyAccessTokenUseCase.class), mock(GetUserProfileUseCase.class), mock(ListSessionsUseCase.class),
                mock(EndSessionUseCase.class), mock(AdministerUsersUseCase.class),
                mock(ListSecurityEventsUseCase.class), mock(CountSecurityEventsUseCase.class), AccountMocks.mocks(), () -> true), WebSettings.defaults(), "127.0.0.1", 0);
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/openapi.json")).build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        document = JsonBodies.MAPPER.readTree(response.body());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void isOpenApi31_andDescribesExactlyTheRoutesTheServerHas() {
        Set<String> described = new HashSet<>();
        document.get("paths").fields().forEachRemaining(path -> pathItem(path.getValue()).fieldNames().forEachRemaining(field -> {
            if (METHODS.contains(field)) {
                described.add(field.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        // Javalin writes a path parameter that may hold slashes as <name>, OpenAPI as {name}.
        Set<String> routes = new HashSet<>();
        server.routes().forEach(route -> routes.add(route.replace('<', '{').replace('>', '}')));

        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(routes).isNotEmpty();
        assertThat(described).containsExactlyInAnyOrderElementsOf(routes);
    }

    /** A path item, or the one of components.pathItems it refers to. */
    private JsonNode pathItem(JsonNode item) {
        JsonNode ref = item.get("$ref");
        if (ref == null) {
            return item;
        }
        String prefix = "#/components/pathItems/";
        assertThat(ref.asText()).startsWith(prefix);
        JsonNode target = document.get("components").get("pathItems").get(ref.asText().substring(prefix.length()));
        assertThat(target).as(ref.asText()).isNotNull();
        return target;
    }

    @Test
    void everyOperation_hasResponses_andEveryReferencedSchemaExists() {
        Set<String> schemas = new HashSet<>();
        document.get("components").get("schemas").fieldNames().forEachRemaining(schemas::add);
        String text = document.toString();
        var refs = java.util.regex.Pattern.compile("#/components/schemas/(\\w+)").matcher(text);
        while (refs.find()) {
            assertThat(schemas).contains(refs.group(1));
        }
        document.get("paths").forEach(path -> pathItem(path).fields().forEachRemaining(field -> {
            if (METHODS.contains(field.getKey())) {
                assertThat(field.getValue().get("responses")).isNotEmpty();
            }
        }));
        var parameterRefs = java.util.regex.Pattern.compile("#/components/(parameters|responses|pathItems)/(\\w+)").matcher(text);
        while (parameterRefs.find()) {
            assertThat(document.get("components").get(parameterRefs.group(1)).get(parameterRefs.group(2)))
                    .as(parameterRefs.group()).isNotNull();
        }
    }
}
