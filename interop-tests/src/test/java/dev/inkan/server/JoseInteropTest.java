package dev.inkan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Node.js resource server with {@code jose} ({@code adapters-web/src/test/browser/jose-interop.mjs}:
 * the JWK Set found through the issuer's metadata, {@code createRemoteJWKSet}, {@code jwtVerify} with
 * issuer, audience and algorithm pinned) against a running Inkan of each public-key algorithm: a
 * token from login accepted with the claims Inkan verified, a tampered, an expired and another
 * service's token refused. {@code .ci/run} installs the npm package; elsewhere the test is skipped
 * unless Node.js and {@code node_modules/jose} are there (never under {@code CI=true}).
 */
class JoseInteropTest {

    private static final Path SCRIPTS = InkanJar.projectRoot().resolve("adapters-web/src/test/browser");

    @TempDir
    Path dataDir;

    /** In each test, not once before all: a skip then shows, with its reason, in every report. */
    private static void requireNodeAndJose() {
        boolean ready = onPath("node") && Files.isDirectory(SCRIPTS.resolve("node_modules/jose"));
        if (!ready && "true".equals(System.getenv("CI"))) {
            fail("CI must run the jose interop test: install Node.js and run `npm ci` in " + SCRIPTS);
        }
        assumeTrue(ready, "jose interop test skipped: install Node.js and run `npm ci` in " + SCRIPTS);
    }

    @ParameterizedTest(name = "INKAN_JWT_ALG={0}")
    @ValueSource(strings = {"EdDSA", "Ed25519", "ES256"})
    void jose_acceptsATokenFromLogin_andRefusesATamperedAnExpiredAndAnotherServicesToken(String algorithm) throws Exception {
        requireNodeAndJose();
        try (InteropInkan inkan = InteropInkan.start(algorithm, dataDir)) {
            Map<String, String> tokens = new LinkedHashMap<>();
            tokens.put("good", inkan.goodToken());
            tokens.put("payload-byte-changed", inkan.tamperedPayloadToken());
            tokens.put("signature-changed", inkan.tamperedSignatureToken());
            tokens.put("expired", inkan.expiredToken());

            Map<String, JsonNode> orders = verify(inkan.issuer(), InteropInkan.AUDIENCE, algorithm, tokens);
            Map<String, JsonNode> billing = verify(inkan.issuer(), "billing", algorithm, Map.of("good", inkan.goodToken()));

            JsonNode good = orders.get("good");
            JsonNode claims = inkan.claimsInkanVerified(inkan.goodToken());
            assertThat(good.get("accepted").asBoolean()).as(good.toString()).isTrue();
            assertThat(good.get("alg").asText()).isEqualTo(algorithm);
            assertThat(good.get("kid").asText()).isEqualTo(inkan.signingKeyId());
            assertThat(good.get("sub")).isEqualTo(claims.get("sub"));
            assertThat(good.get("sid")).isEqualTo(claims.get("sid"));
            assertThat(good.get("roles")).containsExactly(InteropInkan.JSON.getNodeFactory().textNode(InteropInkan.ROLE));
            assertRefused(orders.get("payload-byte-changed"), "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
            assertRefused(orders.get("signature-changed"), "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
            assertRefused(orders.get("expired"), "ERR_JWT_EXPIRED");
            assertRefused(billing.get("good"), "ERR_JWT_CLAIM_VALIDATION_FAILED");
            assertThat(billing.get("good").get("claim").asText()).isEqualTo("aud");
        }
    }

    private static void assertRefused(JsonNode verdict, String code) {
        assertThat(verdict.get("accepted").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.get("code").asText()).as(verdict.toString()).isEqualTo(code);
    }

    /** Runs the script as the resource server of {@code audience}; the tokens go in on its standard input, never its command line. */
    private static Map<String, JsonNode> verify(String issuer, String audience, String algorithm, Map<String, String> tokens)
            throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", "jose-interop.mjs", issuer, audience, algorithm)
                .directory(SCRIPTS.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = node.getOutputStream()) {
            in.write(InteropInkan.JSON.writeValueAsBytes(tokens));
        }
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("the jose run ends").isTrue();
        assertThat(node.exitValue()).as("jose-interop.mjs exit code; its standard error is in the test's output").isZero();
        Map<String, JsonNode> verdicts = new LinkedHashMap<>();
        out.lines().map(InteropInkan::tree).forEach(verdict -> verdicts.put(verdict.get("name").asText(), verdict));
        assertThat(verdicts).as("a verdict per token").containsOnlyKeys(tokens.keySet());
        return verdicts;
    }

    private static boolean onPath(String program) {
        List<String> path = Arrays.asList(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
        return path.stream().anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }
}
