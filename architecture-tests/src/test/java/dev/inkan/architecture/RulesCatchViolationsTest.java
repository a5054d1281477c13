package dev.inkan.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.inkan.application.service.fixture.ServiceThatComputesItsOwnHmac;
import org.junit.jupiter.api.Test;

/** Proves the rules have teeth: a service that calls javax.crypto breaks the build. */
class RulesCatchViolationsTest {

    @Test
    void applicationServiceCallingJavaxCrypto_breaksTheRule() {
        JavaClasses offender = new ClassFileImporter().importClasses(ServiceThatComputesItsOwnHmac.class);

        var result = LayeringTest.domain_and_application_use_none_of_the_jdks_io_or_crypto_apis.evaluate(offender);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("javax.crypto.Mac");
    }
}
