package dev.inkan.examples.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;

class EmbeddedJavalinExampleTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theHostsRoute_is401WithoutAToken_and200WithOne_seeingTheUser() throws Exception {
        try (EmbeddedJavalinExample.Running running = EmbeddedJavalinExample.start(0)) {
            String base = "http://127.0.0.1:" + running.host().port();
            String credentials = "{\"email\":\"ann@example.com\",\"password\":\"correct horse battery\"}";
            String userId = new ObjectMapper().readTree(post(base + "/inkan/auth/register", credentials).body()).get("id").asText();
            String token = new ObjectMapper().readTree(post(base + "/inkan/auth/login", credentials).body()).get("access_token").asText();

            HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(base + "/api/hello")).build(),
                    BodyHandlers.ofString());
            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/api/hello"))
                    .header("Authorization", "Bearer " + token).build(), BodyHandlers.ofString());

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(signedIn.statusCode()).isEqualTo(200);
            assertThat(signedIn.body()).isEqualTo("hello, user " + userId);
        }
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json)).build(), BodyHandlers.ofString());
    }
}
