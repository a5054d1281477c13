package dev.inkan.adapter.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.application.port.out.MailKind;
import dev.inkan.application.port.out.OutgoingMail;
import dev.inkan.domain.Email;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The values that go into a message: escaped for HTML, URL-encoded in a link, and the link from the public URL alone. */
class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void theHtmlBody_getsItsValuesHtmlEscaped_andTheTextBodyGetsThemAsTheyAre() {
        MailTemplates.Rendered rendered = templates.render(MailKind.PASSWORD_RESET, Map.of(
                MailTemplates.LINK, "https://x.example/a?token=1&b=\"<script>\"",
                MailTemplates.EMAIL, "o'brien<b>@example.org",
                MailTemplates.SITE, "https://x.example"));

        assertThat(rendered.html()).contains("href=\"https://x.example/a?token=1&amp;b=&quot;&lt;script&gt;&quot;\"")
                .contains("o&#39;brien&lt;b&gt;@example.org").doesNotContain("<script>").doesNotContain("<b>@");
        assertThat(rendered.text()).contains("https://x.example/a?token=1&b=\"<script>\"").contains("o'brien<b>@example.org");
        assertThat(rendered.subject()).isEqualTo("Reset your password");
    }

    @Test
    void aLink_isThePublicUrl_thePath_andTheTokenUrlEncoded_withOrWithoutATrailingSlash() throws Exception {
        for (String base : new String[] {"https://auth.example.com/inkan", "https://auth.example.com/inkan/"}) {
            MailComposer composer = new MailComposer(templates, new MailSettings("no-reply@example.com", URI.create(base), 5),
                    Clock.systemUTC());
            assertThat(composer.link(MailKind.PASSWORD_RESET, "a+b/c=d&e"))
                    .isEqualTo("https://auth.example.com/inkan/password-reset?token=a%2Bb%2Fc%3Dd%26e");
            assertThat(composer.link(MailKind.VERIFY_EMAIL, "t")).isEqualTo("https://auth.example.com/inkan/verify-email?token=t");
            assertThat(composer.link(MailKind.CONFIRM_NEW_EMAIL, "t")).isEqualTo("https://auth.example.com/inkan/verify-email?token=t");
        }
        MailComposer atRoot = new MailComposer(templates, new MailSettings("no-reply@example.com",
                URI.create("http://localhost:8080"), 5), Clock.systemUTC());
        assertThat(atRoot.link(MailKind.PASSWORD_RESET, "t")).isEqualTo("http://localhost:8080/password-reset?token=t");
    }

    @Test
    void aComposedMessage_holdsTheTokenOnlyInItsLink() throws Exception {
        MailComposer composer = new MailComposer(templates, TestMail.SETTINGS, Clock.systemUTC());
        String token = TestMail.token();
        TestMail.Bodies bodies = TestMail.Bodies.of(composer.compose(
                OutgoingMail.withLink(new Email("ann@example.org"), MailKind.VERIFY_EMAIL, token)));

        assertThat(bodies.text().split(java.util.regex.Pattern.quote(token), -1)).as("the token once in the text").hasSize(2);
        assertThat(bodies.text()).contains("https://auth.example.com/inkan/verify-email?token=" + token);
    }

    @Test
    void everyKind_hasATemplate_thatLoads() {
        for (MailKind kind : MailKind.values()) {
            Map<String, String> values = Map.of(MailTemplates.LINK, "L", MailTemplates.EMAIL, "E", MailTemplates.SITE, "S");
            MailTemplates.Rendered rendered = templates.render(kind, values);
            assertThat(rendered.subject()).as(kind.name()).isNotBlank();
            assertThat(rendered.text()).as(kind.name()).contains("E").doesNotContain("{{");
            assertThat(rendered.html()).as(kind.name()).contains("E").doesNotContain("{{");
        }
    }

    @Test
    void noLinkKind_cannotBeAskedForALink() {
        MailComposer composer = new MailComposer(templates, TestMail.SETTINGS, Clock.systemUTC());
        assertThatThrownBy(() -> composer.link(MailKind.PASSWORD_CHANGED, "t")).isInstanceOf(IllegalArgumentException.class);
    }
}
