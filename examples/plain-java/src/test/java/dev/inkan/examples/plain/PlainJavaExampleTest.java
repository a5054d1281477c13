package dev.inkan.examples.plain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainJavaExampleTest {

    @ParameterizedTest
    @ValueSource(strings = {"bouncycastle", "jca"})
    void registersLogsInAndVerifies_withEitherProvider(String provider) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            PlainJavaExample.main(new String[] {provider});
        } finally {
            System.setOut(original);
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("verified with " + provider + ": user ");
    }
}
