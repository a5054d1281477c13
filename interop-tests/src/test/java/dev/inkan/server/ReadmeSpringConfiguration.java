package dev.inkan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Test helper: the README's Spring Security configuration class, compiled as it stands there, made
 * into its beans by a Spring application context as an application's would be, and put behind the
 * {@link JwtAuthenticationProvider} that Spring's {@code oauth2ResourceServer().jwt()} builds from them.
 */
final class ReadmeSpringConfiguration implements AutoCloseable {

    private static final String SECTION = "### With Spring Security";
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");

    private final URLClassLoader loader;
    private final Class<?> configuration;

    private ReadmeSpringConfiguration(URLClassLoader loader, Class<?> configuration) {
        this.loader = loader;
        this.configuration = configuration;
    }

    /** Compiles the section's first Java block, the configuration class, into {@code work}. */
    static ReadmeSpringConfiguration compile(Path work) {
        Matcher block = JAVA_BLOCK.matcher(section(InkanJar.projectRoot()));
        assertThat(block.find()).as("a Java block in the README's " + SECTION).isTrue();
        Matcher name = CLASS_NAME.matcher(block.group(1));
        assertThat(name.find()).as("the block is a whole class").isTrue();
        try {
            Path source = work.resolve(name.group(1) + ".java");
            Files.writeString(source, block.group(1));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
            int result = javac.run(null, null, diagnostics, "-d", work.toString(), "-classpath",
                    System.getProperty("java.class.path"), "-proc:none", "-Xlint:none", source.toString());
            assertThat(result).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
            URLClassLoader loader = new URLClassLoader(new URL[] {work.toUri().toURL()},
                    ReadmeSpringConfiguration.class.getClassLoader());
            return new ReadmeSpringConfiguration(loader, loader.loadClass(name.group(1)));
        } catch (MalformedURLException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the resource server of the service {@code audience}, for Inkan's {@code issuer}
     * @throws org.springframework.beans.factory.BeanCreationException when Spring cannot make the beans,
     *     as an application then fails to start
     */
    JwtAuthenticationProvider resourceServer(String issuer, String audience) {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.setClassLoader(configuration.getClassLoader());
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("application",
                    Map.of("inkan.issuer", issuer, "inkan.audience", audience)));
            context.register(configuration);
            context.refresh();
            JwtAuthenticationProvider provider = new JwtAuthenticationProvider(context.getBean(JwtDecoder.class));
            provider.setJwtAuthenticationConverter(context.getBean(JwtAuthenticationConverter.class));
            return provider;
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    private static String section(Path projectRoot) {
        try {
            String readme = Files.readString(projectRoot.resolve("README.md"));
            int start = readme.indexOf(SECTION);
            assertThat(start).as("the README's " + SECTION).isNotNegative();
            int end = List.of(readme.indexOf("\n### ", start + 1), readme.indexOf("\n## ", start + 1)).stream()
                    .filter(i -> i >= 0).min(Integer::compare).orElse(readme.length());
            return readme.substring(start, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
