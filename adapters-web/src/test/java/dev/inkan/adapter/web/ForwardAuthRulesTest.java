package dev.inkan.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The forward-auth rules: their syntax, longest-prefix matching by whole segments, and both views of a path. */
class ForwardAuthRulesTest {

    private final ForwardAuthRules rules = ForwardAuthRules.parse("/admin/=role:admin,/api/=authenticated,/public/=anyone,"
            + "/public/billing/=role:billing:read");

    @ParameterizedTest
    @CsvSource({
        "/admin/users, role:admin",
        "/admin, role:admin",
        "/admin/, role:admin",
        "/administrator, authenticated",
        "/api/v1/x?q=/public/, authenticated",
        "/public/page, anyone",
        "/public/billing/2026, role:billing:read",
        "/public/billingx, anyone",
        "/, authenticated",
        "/public/../admin/x, role:admin",
        "/admin/../public/x, role:admin",
        "/public/billing/../x, role:billing:read",
        "/public/./billing/x, role:billing:read",
        "//admin, role:admin",
        "/public;a=b/x, anyone",
        "/public/..;/admin, role:admin",
        "/public/%2e%2E/admin, role:admin",
        "/%70ublic/x, anyone"
    })
    void aPathAsks_whatTheLongestCoveringPrefixOfBothItsViewsAsks(String path, String requirement) {
        assertThat(rules.requirementFor(ForwardedPath.parse(path).orElseThrow())).hasToString(requirement);
    }

    @Test
    void twoViewsThatAskForDifferentRoles_askForBoth() {
        ForwardAuthRules twoRoles = ForwardAuthRules.parse("/a/=role:alpha,/b/=role:beta");

        ForwardAuthRules.Requirement both = twoRoles.requirementFor(ForwardedPath.parse("/a/../b/x").orElseThrow());

        assertThat(both.roles()).containsExactlyInAnyOrder("alpha", "beta");
        assertThat(both.authenticated()).isTrue();
    }

    @Test
    void theDefault_isAuthenticated_andMayBeChanged() {
        assertThat(ForwardAuthRules.none().fallback()).isEqualTo(ForwardAuthRules.Requirement.AUTHENTICATED);
        assertThat(ForwardAuthRules.none().judgePaths()).isFalse();
        assertThat(rules.withDefault("anyone").requirementFor(ForwardedPath.parse("/elsewhere").orElseThrow()))
                .isEqualTo(ForwardAuthRules.Requirement.ANYONE);
        assertThat(rules.withDefault("role:staff").requirementFor(ForwardedPath.parse("/public/x").orElseThrow()))
                .as("a rule still wins").isEqualTo(ForwardAuthRules.Requirement.ANYONE);
        assertThat(ForwardAuthRules.parse(" , ")).isEqualTo(ForwardAuthRules.none());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/", "admin/=anyone", "/admin/=everyone", "/admin/=role:Admin", "/admin/=role:",
        "/a/../b/=anyone", "/a?b=anyone", "/a%2f/=anyone", "/a;b/=anyone", "/a b/=anyone", "/a\\b/=anyone",
        "/admin/=anyone,/admin=authenticated"})
    void aRuleThatIsNotOne_isRefused_withTheRuleInTheMessage(String text) {
        assertThatThrownBy(() -> ForwardAuthRules.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'");
    }

    @Test
    void aDefaultThatIsNotARequirement_isRefused() {
        assertThatThrownBy(() -> ForwardAuthRules.none().withDefault("admin")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("anyone, authenticated or role:NAME");
    }

    @Test
    void theViewsOfAPath_areAsSentAndNormalised() {
        ForwardedPath path = ForwardedPath.parse("/a//b/./c/../d;x=1?q").orElseThrow();

        assertThat(path.asSent()).isEqualTo(List.of("a", "", "b", ".", "c", "..", "d"));
        assertThat(path.normalised()).isEqualTo(List.of("a", "b", "d"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "relative", "/..", "/a/../..", "/%", "/%4", "/%G0", "/%2e%2e", "/a\\b", "/a%5cb", "/a%00",
        "/a%7f", "/a%0a", "/%ff", "/%c0%af", "/%e2%82", "/a%2525", "/a%252f", "/a b", "/\u00e9", "/a\tb"})
    void aPathThatDoesNotNormaliseCleanly_hasNoViews(String path) {
        assertThat(ForwardedPath.parse(path)).as(path).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a/b", "/caf%C3%A9", "/a%2Fb", "/100%25", "/a?b\\c", "/a#frag", "https://host/x", "http://host"})
    void anOrdinaryPath_hasViews(String path) {
        assertThat(ForwardedPath.parse(path)).as(path).isPresent();
    }

    @Test
    void aRuleMayNameTheAudienceOfAGatewayToken_forAnAuthenticatedCaller() {
        ForwardAuthRules audiences = ForwardAuthRules.parse("/orders/=authenticated;aud:orders-api,/admin/=role:admin;aud:https://admin.example,/x/=anyone");

        assertThat(audiences.requirementFor(ForwardedPath.parse("/orders/1").orElseThrow()).audience()).hasValue("orders-api");
        assertThat(audiences.requirementFor(ForwardedPath.parse("/admin/1").orElseThrow()))
                .hasToString("role:admin;aud:https://admin.example");
        assertThat(audiences.requirementFor(ForwardedPath.parse("/x/1").orElseThrow()).audience()).isEmpty();
        assertThat(audiences.gatewayAudiences()).containsExactly("https://admin.example", "orders-api");
        assertThat(ForwardAuthRules.parse("/a/=role:admin;aud:a").requirementFor(ForwardedPath.parse("/a/../b").orElseThrow())
                .audience()).as("two readings that disagree mint nothing").isEmpty();
        assertThat(ForwardAuthRules.none().withDefault("authenticated;aud:api").gatewayAudiences()).containsExactly("api");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a/=anyone;aud:x", "/a/=authenticated;aud:", "/a/=authenticated;aud:two words", "/a/=authenticated;aud:a;b"})
    void anAudienceThatCannotBe_isRefused(String rule) {
        assertThatThrownBy(() -> ForwardAuthRules.parse(rule)).isInstanceOf(IllegalArgumentException.class);
    }
}
