package dev.inkan.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.and;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The hexagon's walls: what each layer may see, checked over the compiled classes of every module. */
@AnalyzeClasses(packages = {"dev.inkan", "db.inkan"}, importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    static final String DOMAIN = "dev.inkan.domain..";
    static final String TOKEN = "dev.inkan.token..";
    static final String APPLICATION = "dev.inkan.application..";
    static final String PORTS = "dev.inkan.application.port..";
    static final String PORTS_IN = "dev.inkan.application.port.in..";
    static final String PORTS_OUT = "dev.inkan.application.port.out..";
    static final String SERVICES = "dev.inkan.application.service..";
    static final String TOKEN_HELPERS = "dev.inkan.application.tokens..";
    static final String ADAPTERS = "dev.inkan.adapter..";
    static final String MIGRATIONS = "db.inkan.migration..";
    static final String BOOTSTRAP = "dev.inkan.bootstrap..";
    static final String SERVER = "dev.inkan.server..";
    static final String VERIFIER = "dev.inkan.verifier..";

    /** Every package of main code; each is held by the rules below, so a class outside them is held by none. */
    static final String[] LAYERS = {
        DOMAIN, TOKEN, PORTS_IN, PORTS_OUT, SERVICES, TOKEN_HELPERS, "dev.inkan.application",
        "dev.inkan.adapter.crypto..", "dev.inkan.adapter.persistence..", "dev.inkan.adapter.web..", "dev.inkan.adapter.mail..",
        MIGRATIONS, BOOTSTRAP, SERVER, VERIFIER
    };

    /** Frameworks and libraries the core must never see. */
    static final String[] FRAMEWORKS = {
        "io.javalin..", "org.eclipse.jetty..", "jakarta..", "org.jdbi..", "com.zaxxer..", "org.h2..",
        "org.postgresql..", "org.flywaydb..", "org.bouncycastle..", "de.mkammerer..", "com.sun.jna..",
        "com.fasterxml..", "org.slf4j..", "kotlin..", "org.eclipse.angus.."
    };

    /** JDK APIs for I/O and cryptography, which belong in adapters. */
    static final String[] JDK_IO_AND_CRYPTO = {
        "java.sql..", "javax.sql..", "javax.crypto..", "java.security..", "javax.security..", "java.net..",
        "java.nio.file..", "java.io.File", "java.io.FileInputStream", "java.io.FileOutputStream",
        "java.io.RandomAccessFile", "java.net.http.."
    };

    @ArchTest
    static final ArchRule domain_and_application_use_no_framework =
            noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                    .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    @ArchTest
    static final ArchRule domain_and_application_use_none_of_the_jdks_io_or_crypto_apis =
            noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                    .should().dependOnClassesThat().resideInAnyPackage(JDK_IO_AND_CRYPTO)
                    .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                    .because("HMAC, hashing, randomness, files and sockets come in through ports");

    @ArchTest
    static final ArchRule domain_depends_only_on_itself_and_the_jdk_core =
            classes().that().resideInAPackage(DOMAIN)
                    .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java.lang..", "java.util..", "java.time..");

    @ArchTest
    static final ArchRule the_token_format_depends_only_on_itself_and_the_jdk =
            classes().that().resideInAPackage(TOKEN)
                    .should().onlyDependOnClassesThat().resideInAnyPackage(TOKEN, "java..", "javax.crypto..")
                    .because("the token module is JDK only, so a resource server can verify with it and nothing else");

    @ArchTest
    static final ArchRule the_verifier_depends_only_on_the_token_format_the_domain_and_the_jdk =
            classes().that().resideInAPackage(VERIFIER)
                    .should().onlyDependOnClassesThat().resideInAnyPackage(VERIFIER, TOKEN, DOMAIN, "java..", "javax.crypto..")
                    .because("a resource server takes inkan-verifier with nothing else: no web framework, no database, no Inkan server");

    @ArchTest
    static final ArchRule nothing_in_inkan_depends_on_the_verifier =
            noClasses().that().resideOutsideOfPackage(VERIFIER)
                    .should().dependOnClassesThat().resideInAPackage(VERIFIER)
                    .because("it is a library for other services; Inkan verifies its own tokens itself");

    @ArchTest
    static final ArchRule domain_does_not_know_the_application =
            noClasses().that().resideInAPackage(DOMAIN).should().dependOnClassesThat().resideInAnyPackage(APPLICATION);

    @ArchTest
    static final ArchRule ports_do_not_depend_on_services_or_their_helpers =
            noClasses().that().resideInAPackage(PORTS).should().dependOnClassesThat().resideInAnyPackage(SERVICES, TOKEN_HELPERS);

    @ArchTest
    static final ArchRule driving_and_driven_ports_do_not_depend_on_each_other =
            slices().matching("dev.inkan.application.port.(*)..").should().notDependOnEachOther();

    /** A driving port is {@code <Verb><Noun>UseCase}; port.in's other interfaces are what the caller hands one (a follower). */
    @ArchTest
    static final ArchRule use_cases_are_implemented_only_in_services =
            classes().that().implement(and(INTERFACES, resideInAPackage(PORTS_IN), simpleNameEndingWith("UseCase"))
                            .as("a use case of port.in"))
                    .should().resideInAPackage(SERVICES);

    @ArchTest
    static final ArchRule adapters_reach_the_application_only_through_its_ports =
            noClasses().that().resideInAPackage(ADAPTERS)
                    .should().dependOnClassesThat().resideInAnyPackage(SERVICES, TOKEN_HELPERS);

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other =
            slices().matching("dev.inkan.adapter.(*)..").should().notDependOnEachOther();

    @ArchTest
    static final ArchRule only_bootstrap_knows_the_adapters =
            noClasses().that().resideOutsideOfPackages(ADAPTERS, BOOTSTRAP, SERVER)
                    .should().dependOnClassesThat().resideInAPackage(ADAPTERS);

    @ArchTest
    static final ArchRule migrations_see_only_flyway_and_jdbc =
            classes().that().resideInAPackage(MIGRATIONS)
                    .should().onlyDependOnClassesThat().resideInAnyPackage(MIGRATIONS, "org.flywaydb..", "java..")
                    .because("a migration stays as it was written: it cannot lean on code that changes later");

    @ArchTest
    static final ArchRule handlers_are_package_private =
            classes().that().haveSimpleNameEndingWith("Handlers").should().notBePublic()
                    .because("a web adapter's handlers are reached through its routes, never called from outside");

    @ArchTest
    static final ArchRule nothing_but_the_server_depends_on_the_library_root =
            noClasses().that().resideOutsideOfPackages(BOOTSTRAP, SERVER)
                    .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP);

    @ArchTest
    static final ArchRule nothing_depends_on_the_server =
            noClasses().that().resideOutsideOfPackage(SERVER)
                    .should().dependOnClassesThat().resideInAPackage(SERVER);

    @ArchTest
    static final ArchRule every_class_is_in_a_layer_the_rules_hold =
            classes().should().resideInAnyPackage(LAYERS);

    /** Only the composition root (the library's configuration reader, the server) reads {@code INKAN_*}. */
    @ArchTest
    static void adapters_name_no_inkan_variable(JavaClasses classes) throws IOException {
        List<String> naming = new ArrayList<>();
        for (JavaClass adapter : classes.that(resideInAPackage(ADAPTERS))) {
            try (InputStream in = adapter.getSource().orElseThrow().getUri().toURL().openStream()) {
                if (new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains("INKAN_")) {
                    naming.add(adapter.getName());
                }
            }
        }
        assertThat(naming).as("adapter classes holding a string with INKAN_").isEmpty();
    }

    @ArchTest
    static void every_layer_has_classes_so_no_rule_passes_vacuously(JavaClasses classes) {
        for (String layer : new String[] {
            "dev.inkan.domain", "dev.inkan.token", "dev.inkan.application.port.in", "dev.inkan.application.port.out",
            "dev.inkan.application.service", "dev.inkan.application.tokens", "dev.inkan.adapter.crypto",
            "dev.inkan.adapter.persistence", "dev.inkan.adapter.web", "dev.inkan.adapter.mail", "dev.inkan.bootstrap",
            "dev.inkan.server", "dev.inkan.verifier"}) {
            assertThat(classes.stream().filter(c -> c.getPackageName().equals(layer)).count())
                    .as("classes in %s", layer)
                    .isGreaterThan(2);
        }
        assertThat(classes.stream().filter(c -> c.getPackageName().equals("db.inkan.migration"))).as("Java migrations").isNotEmpty();
        assertThat(classes.stream().filter(c -> c.getSimpleName().endsWith("Handlers"))).as("handlers").isNotEmpty();
        assertThat(classes.stream().filter(c -> c.getAllRawInterfaces().stream()
                .anyMatch(i -> i.getPackageName().equals("dev.inkan.application.port.in")))).as("use-case implementations").isNotEmpty();
    }
}
