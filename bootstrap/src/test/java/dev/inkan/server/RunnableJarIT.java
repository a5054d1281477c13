package dev.inkan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise, kept by the built artefact: {@code java -jar bootstrap/target/inkan.jar serve}
 * starts, a curl client (scripts/smoke.sh) runs the whole flow against it, its metrics are on the
 * management port only, and nothing it prints shows the secret or a token.
 */
class RunnableJarIT {

    @TempDir
    Path dataDir;

    @Test
    void theJarServes_theCurlFlowPasses_andTheSecretIsNeverPrinted() throws Exception {
        assumeTrue(onPath("curl") || "true".equals(System.getenv("CI")), "curl is not installed; skipping the curl flow");
        String secret = TestTokens.b64(TestTokens.randomKey(32));

        try (InkanJar server = InkanJar.start(Map.of("INKAN_DATA_DIR", dataDir.toString(), "INKAN_JWT_SECRET", secret))) {
            Process smoke = new ProcessBuilder("bash", InkanJar.projectRoot().resolve("scripts/smoke.sh").toString(),
                    "http://127.0.0.1:" + server.port()).redirectErrorStream(true).start();
            String smokeOutput = new String(smoke.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(smoke.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(smoke.exitValue()).as(smokeOutput).isZero();
            assertThat(smokeOutput).contains("smoke: all good");
            HttpJson management = new HttpJson(server.managementPort());
            assertThat(management.get("/metrics", null).body()).contains("inkan_logins_total{outcome=\"success\"}");
            assertThat(new HttpJson(server.port()).get("/metrics", null).statusCode()).as("no metrics on the API's port").isEqualTo(404);
            assertThat(server.stop()).as("the server stops on SIGTERM").isTrue();
            assertThat(server.output()).doesNotContain(secret).doesNotContain("eyJ");
        }
    }

    @Test
    void theJar_carriesEveryDependencysLicence() throws Exception {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(InkanJar.jar().toFile())) {
            String thirdParty = new String(jar.getInputStream(jar.getEntry("META-INF/THIRD-PARTY.txt")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(thirdParty).contains("org.postgresql:postgresql").contains("com.h2database:h2").contains("MPL 2.0")
                    .contains("de.mkammerer:argon2-jvm").contains("GNU Lesser General Public License")
                    .contains("ch.qos.logback:logback-classic").contains("org.bouncycastle:bcprov-lts8on")
                    .contains("org.eclipse.angus:angus-mail").contains("jakarta.mail:jakarta.mail-api");
            String postgres = new String(jar.getInputStream(jar.getEntry("META-INF/third-party/postgresql-jar/META-INF/LICENSE"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertThat(postgres).as("pgjdbc's BSD-2-Clause text").contains("Redistribution and use in source and binary forms");
            assertThat(jar.getEntry("META-INF/third-party/jna-jar/META-INF/LICENSE")).as("JNA's LGPL/Apache notice").isNotNull();
            assertThat(jar.getEntry("META-INF/NOTICE")).as("the dependencies' NOTICE files, merged").isNotNull();
        }
    }

    private static boolean onPath(String command) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
