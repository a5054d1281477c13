package dev.inkan.server;

import static dev.inkan.server.HttpJson.credentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.adapter.web.ManagementListener;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics live on a management listener of their own, as an operator configures it. */
class ManagementPortTest {

    @TempDir
    Path dataDir;

    @Test
    void metrics_areServedOnTheManagementPort_andThePublicPortAnswers404There() throws Exception {
        try (InkanApplication app = InkanApplication.start(ConfigSource.of(env("0")))) {
            HttpJson api = new HttpJson(app.port());
            api.post("/auth/login", credentials("nobody@example.com", "correct horse battery"));
            api.get("/auth/verify", "forged.token.here");

            HttpResponse<String> metrics = new HttpJson(app.managementPort().orElseThrow()).get("/metrics", null);
            HttpResponse<String> onTheApi = api.get("/metrics", null);

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("inkan_logins_total{outcome=\"invalid_credentials\"} 1.0")
                    .contains("inkan_token_refusals_total{reason=");
            assertThat(onTheApi.statusCode()).isEqualTo(404);
            assertThat(onTheApi.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(onTheApi.body()).doesNotContain("inkan_");
        }
    }

    @Test
    void off_disablesTheManagementListener() {
        try (InkanApplication app = InkanApplication.start(ConfigSource.of(env("off")))) {
            assertThat(app.managementPort()).isEmpty();
            assertThat(new HttpJson(app.port()).get("/metrics", null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theManagementListener_bindsToLoopback_unlessInkanManagementHostSaysOtherwise() {
        assertThat(InkanSettings.from(ConfigSource.of(Map.of("INKAN_MANAGEMENT_PORT", "9191"))).server().management())
                .hasValue(new ManagementListener("127.0.0.1", 9191));
        assertThat(InkanSettings.from(ConfigSource.of(Map.of("INKAN_MANAGEMENT_HOST", "10.1.2.3"))).server().management())
                .hasValue(new ManagementListener("10.1.2.3", 9090));
        assertThat(InkanSettings.from(ConfigSource.of(Map.of("INKAN_MANAGEMENT_PORT", "OFF"))).server().management()).isEmpty();
    }

    @Test
    void theApisOwnPort_isRefusedAsTheManagementPort_namingBothVariables() {
        assertThatThrownBy(() -> InkanSettings.from(ConfigSource.of(Map.of("INKAN_PORT", "9090"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_MANAGEMENT_PORT").hasMessageContaining("INKAN_PORT");
    }

    @Test
    void aManagementPortThatIsTaken_stopsStartUp_namingTheVariable() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(env(Integer.toString(taken.getLocalPort())))))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("INKAN_MANAGEMENT_PORT")
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
        try (InkanApplication app = InkanApplication.start(ConfigSource.of(env("0")))) {
            assertThat(app.port()).as("the failed start left the database usable").isPositive();
        }
    }

    private Map<String, String> env(String managementPort) {
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", managementPort);
        env.put("INKAN_DATA_DIR", dataDir.toString());
        return env;
    }
}
