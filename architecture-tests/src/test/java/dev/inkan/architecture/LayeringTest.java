package dev.inkan.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon's walls: what each layer may see, checked over the compiled classes of every module. */
@AnalyzeClasses(packages = "dev.inkan", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    static final String DOMAIN = "dev.inkan.domain..";
    static final String APPLICATION = "dev.inkan.application..";
    static final String PORTS = "dev.inkan.application.port..";
    static final String SERVICES = "dev.inkan.application.service..";
    static final String ADAPTERS = "dev.inkan.adapter..";
    static final String BOOTSTRAP = "dev.inkan.bootstrap..";
    static final String SERVER = "dev.inkan.server..";

    /** Frameworks and libraries the core must never see. */
    static final String[] FRAMEWORKS = {
        "io.javalin..", "org.eclipse.jetty..", "jakarta..", "org.jdbi..", "com.zaxxer..", "org.h2..",
        "org.postgresql..", "org.flywaydb..", "org.bouncycastle..", "de.mkammerer..", "com.sun.jna..",
        "com.fasterxml..", "org.slf4j..", "kotlin.."
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
    static final ArchRule domain_does_not_know_the_application =
            noClasses().that().resideInAPackage(DOMAIN).should().dependOnClassesThat().resideInAnyPackage(APPLICATION);

    @ArchTest
    static final ArchRule ports_do_not_depend_on_services =
            noClasses().that().resideInAPackage(PORTS).should().dependOnClassesThat().resideInAPackage(SERVICES);

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other =
            slices().matching("dev.inkan.adapter.(*)..").should().notDependOnEachOther();

    @ArchTest
    static final ArchRule only_bootstrap_knows_the_adapters =
            noClasses().that().resideOutsideOfPackages(ADAPTERS, BOOTSTRAP, SERVER)
                    .should().dependOnClassesThat().resideInAPackage(ADAPTERS);

    @ArchTest
    static final ArchRule nothing_but_the_server_depends_on_the_library_root =
            noClasses().that().resideOutsideOfPackages(BOOTSTRAP, SERVER)
                    .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP);

    @ArchTest
    static final ArchRule nothing_depends_on_the_server =
            noClasses().that().resideOutsideOfPackage(SERVER)
                    .should().dependOnClassesThat().resideInAPackage(SERVER);

    @ArchTest
    static void every_layer_has_classes_so_no_rule_passes_vacuously(JavaClasses classes) {
        for (String layer : new String[] {
            "dev.inkan.domain", "dev.inkan.application.port.in", "dev.inkan.application.port.out",
            "dev.inkan.application.service", "dev.inkan.adapter.crypto", "dev.inkan.adapter.persistence",
            "dev.inkan.adapter.web", "dev.inkan.bootstrap", "dev.inkan.server"}) {
            assertThat(classes.stream().filter(c -> c.getPackageName().equals(layer)).count())
                    .as("classes in %s", layer)
                    .isGreaterThan(2);
        }
    }
}
