package dev.inkan.examples.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding section, exactly as written there, compiles against Inkan's artifacts; its plain example runs. */
class ReadmeEmbeddingTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");

    @TempDir
    Path work;

    @Test
    void theEmbeddingSectionsJavaBlocks_compile_andThePlainOneRuns() throws Exception {
        List<Path> sources = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(embeddingSection());
        while (block.find()) {
            Matcher name = CLASS_NAME.matcher(block.group(1));
            assertThat(name.find()).as("each block is a whole class").isTrue();
            Path source = work.resolve(name.group(1) + ".java");
            Files.writeString(source, block.group(1));
            sources.add(source);
        }
        assertThat(sources).hasSize(2);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("-d", work.toString(), "-classpath", System.getProperty("java.class.path"),
                "-Xlint:none"));
        sources.forEach(source -> arguments.add(source.toString()));
        int result = compiler.run(null, null, diagnostics, arguments.toArray(String[]::new));
        assertThat(result).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        assertThat(run("EmbeddedInkan")).contains("is logged in");
    }

    private String run(String className) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {work.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass(className).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String embeddingSection() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("README.md")) || !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        String readme = Files.readString(dir.resolve("README.md"));
        int start = readme.indexOf("## Embedding Inkan in your application");
        assertThat(start).as("the README's embedding section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
