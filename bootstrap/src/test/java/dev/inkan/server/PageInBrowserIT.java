package dev.inkan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.inkan.bootstrap.ConfigSource;
import dev.inkan.bootstrap.Inkan;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inkan's page in headless Chromium (Debian's {@code chromium}, driven by playwright-core):
 * register, log in, see /me, let the two-second access token expire, see the silent refresh, log
 * out; and, with a second browser context for an administrator made before the server starts, grant
 * a role that the user's page shows after its next refresh, revoke it, and watch the server refuse a
 * token whose payload the user edited; then return_to as a gateway sends it (refused for other
 * origins, followed silently with a good refresh cookie, and after the login). The account part,
 * with the mail the server writes to its outbox (no SMTP server is configured): the banner of an
 * unverified address, gone once the link of the mail is followed; a forgotten password reset
 * through the mailed link, the old password then refused and the new one logging in; a change of
 * password; the security log, a page at a time. Screenshots are kept at
 * {@code bootstrap/target/page-after-login.png} (the admin's page), {@code page-forged.png} and
 * {@code page-account.png}.
 * {@code .ci/run} installs Chromium and the script's npm package; elsewhere the test is skipped
 * unless they are there.
 */
class PageInBrowserIT {

    @TempDir
    Path dataDir;

    private static final String ADMIN_EMAIL = "root@example.com";
    private static final String ADMIN_PASSWORD = "correct horse battery";

    @Test
    void thePage_registersLogsInRefreshesSilentlyAdministersRolesRefusesAForgeryVerifiesResetsAndLogsOut_inHeadlessChromium()
            throws Exception {
        Path scripts = InkanJar.projectRoot().resolve("adapters-web/src/test/browser");
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        boolean ready = Files.isExecutable(chromium) && Files.isDirectory(scripts.resolve("node_modules/playwright-core"));
        if (!ready && "true".equals(System.getenv("CI"))) {
            fail("CI must run the browser test: install chromium and run npm ci in " + scripts);
        }
        assumeTrue(ready, "browser test skipped: install Debian's chromium and run `npm ci` in " + scripts);

        int port = freePort();
        String allowedOrigin = "http://localhost:" + port; // the same server, under a name the page is not at
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        // the links in the mail start with INKAN_PUBLIC_URL, so the port is chosen before the server starts
        env.put("INKAN_PORT", Integer.toString(port));
        env.put("INKAN_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("INKAN_REDIRECT_ORIGINS", allowedOrigin);
        env.put("INKAN_MANAGEMENT_PORT", "0");
        env.put("INKAN_DATA_DIR", dataDir.toString());
        env.put("INKAN_JWT_SECRET", TestTokens.b64(TestTokens.randomKey(32)));
        env.put("INKAN_ACCESS_TTL", "PT2S");
        env.put("INKAN_LEEWAY", "PT0S");
        FirstAdmin.create(env, ADMIN_EMAIL, ADMIN_PASSWORD);
        Path screenshot = InkanJar.projectRoot().resolve("bootstrap/target/page-after-login.png");
        try (InkanApplication app = InkanApplication.start(ConfigSource.of(env))) {
            ProcessBuilder node = new ProcessBuilder("node", scripts.resolve("page.e2e.mjs").toString(),
                    "http://127.0.0.1:" + app.port(), screenshot.toString())
                    .directory(scripts.toFile()).redirectErrorStream(true);
            node.environment().put("INKAN_ADMIN_EMAIL", ADMIN_EMAIL);
            node.environment().put("INKAN_ADMIN_PASSWORD", ADMIN_PASSWORD);
            node.environment().put("INKAN_ALLOWED_ORIGIN", allowedOrigin);
            node.environment().put("INKAN_OUTBOX", dataDir.resolve("outbox").toString());
            Process browser = node.start();
            String output = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(browser.waitFor(120, TimeUnit.SECONDS)).as("the browser run ends").isTrue();
            System.out.println(output);

            assertThat(browser.exitValue()).as(output).isZero();
            assertThat(output).contains("browser e2e: all good");
        }
        assertThat(screenshot).exists().isNotEmptyFile();
        assertThat(screenshot.resolveSibling("page-account.png")).exists().isNotEmptyFile();
    }

    /** @return a loopback port nobody listens on right now */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
