package dev.inkan.examples.outside;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inkan.examples.plain.PlainJavaExample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the plain-java example from outside the reactor: Bouncy Castle, then JCA, by configuration alone. */
class OutsideConsumerTest {

    @Test
    void logsInAndVerifies_withBouncyCastle_thenWithJca() {
        for (String provider : new String[] {"bouncycastle", "jca"}) {
            PrintStream original = System.out;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                PlainJavaExample.main(new String[] {provider});
            } finally {
                System.setOut(original);
            }
            String printed = out.toString(StandardCharsets.UTF_8);
            System.out.print(printed);
            assertTrue(printed.startsWith("verified with " + provider + ": user "), printed);
        }
    }

    @Test
    void theLibraryAlone_bringsNoHttpServer_noLoggingBinding_andNoNativeCode() {
        String[] absent = {
            "io.javalin.Javalin", "org.eclipse.jetty.server.Server", "dev.inkan.adapter.web.InkanJavalinPlugin",
            "org.slf4j.simple.SimpleLogger", "ch.qos.logback.classic.Logger", "de.mkammerer.argon2.Argon2Factory", "com.sun.jna.Native"
        };
        for (String name : absent) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name + " is on an embedder's classpath");
        }
    }
}
