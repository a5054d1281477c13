package dev.inkan.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import db.inkan.migration.fixture.MigrationThatUsesTheDomain;
import dev.inkan.adapter.fixture.AdapterThatCallsAService;
import dev.inkan.adapter.fixture.AdapterThatReadsTheEnvironment;
import dev.inkan.adapter.fixture.UseCaseInAnAdapter;
import dev.inkan.adapter.web.fixture.PublicHandlers;
import dev.inkan.application.port.in.fixture.UseCaseThatNamesADrivenPort;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.application.service.fixture.ServiceThatComputesItsOwnHmac;
import dev.inkan.stray.fixture.ClassOutsideEveryLayer;
import dev.inkan.token.fixture.TokenPartThatReadsTheDomain;
import dev.inkan.verifier.fixture.VerifierPartThatCallsTheServer;
import org.junit.jupiter.api.Test;

/** Proves the rules have teeth: each fixture class breaks one rule, and that rule reports it. */
class RulesCatchViolationsTest {

    @Test
    void applicationServiceCallingJavaxCrypto_breaksTheRule() {
        assertBroken(LayeringTest.domain_and_application_use_none_of_the_jdks_io_or_crypto_apis, "javax.crypto.Mac",
                ServiceThatComputesItsOwnHmac.class);
    }

    @Test
    void anAdapterHoldingAService_breaksTheRule() {
        assertBroken(LayeringTest.adapters_reach_the_application_only_through_its_ports, "VerifyAccessTokenService",
                AdapterThatCallsAService.class);
    }

    @Test
    void aUseCaseImplementedOutsideTheServices_breaksTheRule() {
        assertBroken(LayeringTest.use_cases_are_implemented_only_in_services, "UseCaseInAnAdapter", UseCaseInAnAdapter.class);
    }

    @Test
    void aDrivingPortNamingADrivenOne_breaksTheRule() {
        assertBroken(LayeringTest.driving_and_driven_ports_do_not_depend_on_each_other, "SessionStore",
                UseCaseThatNamesADrivenPort.class, SessionStore.class);
    }

    @Test
    void publicHandlers_breakTheRule() {
        assertBroken(LayeringTest.handlers_are_package_private, "PublicHandlers", PublicHandlers.class);
    }

    @Test
    void aTokenPartNeedingMoreThanTheJdk_breaksTheRule() {
        assertBroken(LayeringTest.the_token_format_depends_only_on_itself_and_the_jdk, "dev.inkan.domain.UserId",
                TokenPartThatReadsTheDomain.class);
    }

    @Test
    void aVerifierPartNeedingTheApplication_breaksTheRule() {
        assertBroken(LayeringTest.the_verifier_depends_only_on_the_token_format_the_domain_and_the_jdk,
                "dev.inkan.application.port.in.VerifyAccessTokenUseCase", VerifierPartThatCallsTheServer.class);
    }

    @Test
    void aMigrationUsingTheDomain_breaksTheRule() {
        assertBroken(LayeringTest.migrations_see_only_flyway_and_jdbc, "dev.inkan.domain.Email", MigrationThatUsesTheDomain.class);
    }

    @Test
    void aClassOutsideEveryLayer_breaksTheRule() {
        assertBroken(LayeringTest.every_class_is_in_a_layer_the_rules_hold, "ClassOutsideEveryLayer", ClassOutsideEveryLayer.class);
    }

    @Test
    void anAdapterNamingAnInkanVariable_breaksTheRule() {
        JavaClasses offender = new ClassFileImporter().importClasses(AdapterThatReadsTheEnvironment.class);

        assertThatThrownBy(() -> LayeringTest.adapters_name_no_inkan_variable(offender))
                .isInstanceOf(AssertionError.class).hasMessageContaining("AdapterThatReadsTheEnvironment");
    }

    private static void assertBroken(ArchRule rule, String named, Class<?>... offenders) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(offenders));

        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(named);
    }
}
