package dev.inkan.adapter.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificate GreenMail's SMTPS server shows in these tests: made by the JDK's keytool for this
 * run, for the address 127.0.0.1 only, and trusted by nothing but {@link #trustingIt()}. GreenMail
 * reads its key store once per JVM, so every SMTPS test goes through here before its server starts.
 */
final class TestCertificate {

    private static final Path KEY_STORE;
    private static final String PASSWORD;

    static {
        try {
            byte[] password = new byte[18];
            new SecureRandom().nextBytes(password);
            PASSWORD = Base64.getUrlEncoder().withoutPadding().encodeToString(password);
            Path dir = Files.createTempDirectory("inkan-mail-tls");
            dir.toFile().deleteOnExit();
            KEY_STORE = dir.resolve("greenmail.p12");
            KEY_STORE.toFile().deleteOnExit();
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "greenmail", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", KEY_STORE.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        System.setProperty("greenmail.tls.keystore.file", KEY_STORE.toString());
        System.setProperty("greenmail.tls.keystore.password", PASSWORD);
    }

    private TestCertificate() {
    }

    /** Makes sure GreenMail will show this certificate; call before starting an SMTPS server. */
    static void install() {
        // the static initialiser did it
    }

    /** @return TLS sockets that trust this certificate and nothing else */
    static SSLSocketFactory trustingIt() {
        try (InputStream in = Files.newInputStream(KEY_STORE)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            Certificate certificate = keys.getCertificate("greenmail");
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("greenmail", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), new SecureRandom());
            return context.getSocketFactory();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
