package dev.inkan.server;

import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static dev.inkan.server.HttpJson.refreshBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.application.port.out.MailKind;
import dev.inkan.bootstrap.ConfigSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account flows over HTTP, on the standalone server, as a user meets them: the links read from
 * the mail the server delivered to a real SMTP server ({@link Mailbox}, GreenMail), time moved on by
 * a clock the test holds. Run on H2 and on PostgreSQL.
 */
abstract class AccountFlowsContract {

    static final String PASSWORD = "correct horse battery";
    static final String NEW_PASSWORD = "a new horse, a new battery";
    private static final Set<String> HEADERS_THAT_DIFFER = Set.of("date", "x-request-id");

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private Mailbox mailbox;
    private final TestClock clock = new TestClock();
    private Map<String, String> env;
    private InkanApplication app;
    private HttpJson http;

    /** Adds the database settings for this database to {@code env}, and what to close after the test to {@code toClose}. */
    abstract void database(Map<String, String> env, List<AutoCloseable> toClose);

    @BeforeEach
    void start() {
        env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_DATA_DIR", dataDir.toString());
        env.put("INKAN_JWT_SECRET", TestTokens.b64(TestTokens.randomKey(32)));
        env.put("INKAN_RATE_LIMIT_ENABLED", "false");
        mailbox = Mailbox.start();
        toClose.add(mailbox);
        mailbox.configure(env);
        database(env, toClose);
        restart();
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private void restart() {
        if (app != null) {
            app.close();
        }
        app = InkanApplication.start(ConfigSource.of(env), builder -> builder.clock(clock));
        http = new HttpJson(app.port());
    }

    private void restartWith(String name, String value) {
        env.put(name, value);
        restart();
    }

    @Test
    void registering_mailsAVerificationLink_whichVerifiesTheAddress_once() {
        registered("ann@example.com");
        JsonNode session = login("ann@example.com", PASSWORD);
        String access = session.get("access_token").asText();
        assertThat(body(http.get("/me", access)).get("email_verified").asBoolean()).isFalse();
        assertThat(body(http.get("/auth/verify", access)).get("email_verified").asBoolean()).isFalse();

        String link = mailbox.nextToken("ann@example.com", MailKind.VERIFY_EMAIL);
        HttpResponse<String> verified = post("/auth/verify-email", token(link));

        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(body(verified).get("email").asText()).isEqualTo("ann@example.com");
        assertThat(body(http.get("/me", access)).get("email_verified").asBoolean()).isTrue();
        String refreshed = body(http.post("/auth/refresh", refreshBody(session.get("refresh_token").asText())))
                .get("access_token").asText();
        assertThat(body(http.get("/auth/verify", refreshed)).get("email_verified").asBoolean()).as("the next token says so").isTrue();
        HttpResponse<String> again = post("/auth/verify-email", token(link));
        HttpResponse<String> forged = post("/auth/verify-email", token("A".repeat(43)));
        assertProblem(again, 400, "invalid-link-token");
        assertThat(forged.body()).as("a used token and an unknown one answer alike").isEqualTo(again.body());
    }

    @Test
    void changingThePassword_keepsTheCallersSession_endsEveryOther_andMailsANotice() {
        registered("ann@example.com");
        JsonNode mine = login("ann@example.com", PASSWORD);
        JsonNode other = login("ann@example.com", PASSWORD);

        HttpResponse<String> changed = http.send(withToken("/auth/password", mine.get("access_token").asText())
                .POST(json("{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}")));

        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(http.get("/me", mine.get("access_token").asText()).statusCode()).as("the caller's access token").isEqualTo(200);
        assertThat(http.post("/auth/refresh", refreshBody(mine.get("refresh_token").asText())).statusCode()).isEqualTo(200);
        assertThat(http.get("/me", other.get("access_token").asText()).statusCode()).as("another session's access token").isEqualTo(401);
        assertThat(http.post("/auth/refresh", refreshBody(other.get("refresh_token").asText())).statusCode()).isEqualTo(401);
        assertThat(http.post("/auth/login", credentials("ann@example.com", PASSWORD)).statusCode()).isEqualTo(401);
        assertThat(http.post("/auth/login", credentials("ann@example.com", NEW_PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(mailbox.kindsTo("ann@example.com", 2)).containsExactly(MailKind.VERIFY_EMAIL, MailKind.PASSWORD_CHANGED);
    }

    @Test
    void aWrongPassword_inTheAccountFlows_is401_andCountsAsAFailedLogin() {
        restartWith("INKAN_RATE_LIMIT_ENABLED", "true");
        env.put("INKAN_RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT", "3");
        restart();
        registered("ann@example.com");
        String access = accessToken("ann@example.com", PASSWORD);

        HttpResponse<String> change = http.send(withToken("/auth/password", access)
                .POST(json("{\"current_password\":\"not my password\",\"new_password\":\"" + NEW_PASSWORD + "\"}")));
        HttpResponse<String> email = http.send(withToken("/auth/email", access)
                .POST(json("{\"new_email\":\"ann@new.example\",\"password\":\"not my password\"}")));
        HttpResponse<String> delete = http.send(withToken("/me", access).method("DELETE", json("{\"password\":\"not my password\"}")));

        for (HttpResponse<String> refused : List.of(change, email, delete)) {
            assertProblem(refused, 401, "invalid-credentials");
        }
        HttpResponse<String> login = http.post("/auth/login", credentials("ann@example.com", PASSWORD));
        assertThat(login.statusCode()).as("the account's failures are spent, as by three wrong logins").isEqualTo(429);
        assertThat(login.headers().firstValue("Retry-After")).isPresent();
        assertThat(http.get("/me", access).statusCode()).as("nothing changed").isEqualTo(200);
    }

    @Test
    void aResetLink_setsTheNewPassword_endsEverySession_andWorksOnce() {
        registered("ann@example.com");
        JsonNode session = login("ann@example.com", PASSWORD);

        HttpResponse<String> requested = post("/auth/password-reset", email("ann@example.com"));
        String token = mailbox.nextToken("ann@example.com", MailKind.PASSWORD_RESET);
        HttpResponse<String> confirmed = post("/auth/password-reset/confirm", reset(token, NEW_PASSWORD));

        assertThat(requested.statusCode()).isEqualTo(202);
        assertThat(confirmed.statusCode()).isEqualTo(204);
        assertThat(http.get("/me", session.get("access_token").asText()).statusCode()).isEqualTo(401);
        assertThat(http.post("/auth/refresh", refreshBody(session.get("refresh_token").asText())).statusCode()).isEqualTo(401);
        assertThat(http.post("/auth/login", credentials("ann@example.com", PASSWORD)).statusCode()).isEqualTo(401);
        String access = accessToken("ann@example.com", NEW_PASSWORD);
        assertThat(body(http.get("/me", access)).get("email_verified").asBoolean()).as("the link reached the address").isTrue();
        assertThat(mailbox.kindsTo("ann@example.com", 3))
                .containsExactly(MailKind.VERIFY_EMAIL, MailKind.PASSWORD_RESET, MailKind.PASSWORD_CHANGED);
        assertProblem(post("/auth/password-reset/confirm", reset(token, "yet another new passphrase")), 400, "invalid-link-token");
    }

    @Test
    void aResetRequest_answersByteForByteAlike_forAnAccount_anUnknownAddress_andADisabledAccount() {
        registered("ann@example.com");
        FirstAdmin.create(env, "root@example.com", PASSWORD);
        registered("bob@example.com");
        String admin = accessToken("root@example.com", PASSWORD);
        String bob = body(http.get("/me", accessToken("bob@example.com", PASSWORD))).get("id").asText();
        assertThat(http.postWithToken("/admin/users/" + bob + "/disable", admin).statusCode()).isEqualTo(200);

        HttpResponse<String> unknown = post("/auth/password-reset", email("nobody@example.com"));
        HttpResponse<String> disabled = post("/auth/password-reset", email("bob@example.com"));
        HttpResponse<String> known = post("/auth/password-reset", email("ann@example.com"));

        assertThat(known.statusCode()).isEqualTo(202);
        assertAlike(known, unknown);
        assertAlike(known, disabled);
        // the three do their work after their answers, in order, and their mail leaves in the order it was queued:
        // once ann's link (asked for last) has arrived, whatever the two before sent has too
        assertThat(mailbox.kindsTo("ann@example.com", 2)).containsExactly(MailKind.VERIFY_EMAIL, MailKind.PASSWORD_RESET);
        assertThat(mailbox.kindsTo("nobody@example.com", 0)).isEmpty();
        assertThat(mailbox.kindsTo("bob@example.com", 0)).as("a disabled account gets no reset link")
                .containsExactly(MailKind.VERIFY_EMAIL);
    }

    @Test
    void aResetLink_expiresAfter30Minutes_andANewerOneVoidsTheOlder() {
        registered("ann@example.com");
        post("/auth/password-reset", email("ann@example.com"));
        String older = mailbox.nextToken("ann@example.com", MailKind.PASSWORD_RESET);
        post("/auth/password-reset", email("ann@example.com"));
        String newer = mailbox.nextToken("ann@example.com", MailKind.PASSWORD_RESET);

        assertProblem(post("/auth/password-reset/confirm", reset(older, NEW_PASSWORD)), 400, "invalid-link-token");
        clock.advance(Duration.ofMinutes(31));
        assertProblem(post("/auth/password-reset/confirm", reset(newer, NEW_PASSWORD)), 400, "invalid-link-token");

        post("/auth/password-reset", email("ann@example.com"));
        String third = mailbox.nextToken("ann@example.com", MailKind.PASSWORD_RESET);
        clock.advance(Duration.ofMinutes(29));
        assertThat(post("/auth/password-reset/confirm", reset(third, NEW_PASSWORD)).statusCode()).isEqualTo(204);
    }

    @Test
    void thePasswordPolicy_refusesShortAndCommonPasswords_withoutEchoingThem_andTakesLongAndUnicodeOnes() {
        HttpResponse<String> tooShort = http.post("/auth/register", credentials("ann@example.com", "fourteen chars"));
        HttpResponse<String> common = http.post("/auth/register", credentials("ann@example.com", "1qazxsw23edcvfr4"));
        HttpResponse<String> emoji = http.post("/auth/register", credentials("ann@example.com", "🔑".repeat(14)));

        assertProblem(tooShort, 400, "weak-password");
        assertThat(body(tooShort).get("detail").asText()).contains("15 characters").doesNotContain("fourteen chars");
        assertProblem(common, 400, "weak-password");
        assertThat(body(common).get("detail").asText()).contains("common").doesNotContain("1qazxsw23edcvfr4");
        assertProblem(emoji, 400, "weak-password");
        assertThat(http.post("/auth/register", credentials("ann@example.com", "🔑".repeat(15))).statusCode())
                .as("15 code points, 30 UTF-16 units").isEqualTo(201);
        assertThat(http.post("/auth/register", credentials("bob@example.com", "x".repeat(64))).statusCode()).isEqualTo(201);
        assertThat(http.post("/auth/register", credentials("eve@example.com", "パスワードは長くて安全ですよね")).statusCode()).isEqualTo(201);
        assertThat(http.post("/auth/register", credentials("joe@example.com", "y".repeat(1025))).statusCode()).isEqualTo(400);
        String access = accessToken("ann@example.com", "🔑".repeat(15));
        assertProblem(http.send(withToken("/auth/password", access)
                .POST(json("{\"current_password\":\"" + "🔑".repeat(15) + "\",\"new_password\":\"qwertyuiop12345\"}"))), 400, "weak-password");
        assertProblem(post("/auth/password-reset/confirm", reset("A".repeat(43), "short")), 400, "weak-password");
    }

    @Test
    void anOlderShortPassword_keepsLoggingIn_afterThePolicyGrew() {
        restartWith("INKAN_PASSWORD_MIN_LENGTH", "8");
        assertThat(http.post("/auth/register", credentials("ann@example.com", "eight ch")).statusCode()).isEqualTo(201);
        env.remove("INKAN_PASSWORD_MIN_LENGTH");
        restart();

        assertThat(http.post("/auth/login", credentials("ann@example.com", "eight ch")).statusCode()).isEqualTo(200);
        assertProblem(http.post("/auth/register", credentials("bob@example.com", "eight ch")), 400, "weak-password");
    }

    @Test
    void withVerifiedAddressesRequired_registrationAnswersAlike_andLoginIs403_onlyWithTheRightPassword() {
        restartWith("INKAN_REQUIRE_VERIFIED_EMAIL", "true");

        HttpResponse<String> fresh = http.post("/auth/register", credentials("ann@example.com", PASSWORD));
        HttpResponse<String> taken = http.post("/auth/register", credentials("ann@example.com", "another good passphrase"));

        assertThat(fresh.statusCode()).isEqualTo(202);
        assertAlike(fresh, taken);
        assertThat(mailbox.kindsTo("ann@example.com", 2)).containsExactly(MailKind.VERIFY_EMAIL, MailKind.ACCOUNT_EXISTS);
        HttpResponse<String> unverified = http.post("/auth/login", credentials("ann@example.com", PASSWORD));
        assertProblem(unverified, 403, "email-not-verified");
        assertProblem(http.post("/auth/login", credentials("ann@example.com", "another good passphrase")), 401, "invalid-credentials");
        assertThat(post("/auth/verify-email", token(mailbox.nextToken("ann@example.com", MailKind.VERIFY_EMAIL))).statusCode())
                .isEqualTo(200);
        assertThat(http.post("/auth/login", credentials("ann@example.com", PASSWORD)).statusCode())
                .as("the registration again changed nothing").isEqualTo(200);
    }

    @Test
    void aNewVerificationLink_byAddress_answersAlike_andVoidsTheOlderLink_andByToken_goesToTheCaller() {
        registered("ann@example.com");
        String first = mailbox.nextToken("ann@example.com", MailKind.VERIFY_EMAIL);

        HttpResponse<String> unknown = post("/auth/verify-email/resend", email("nobody@example.com"));
        HttpResponse<String> known = post("/auth/verify-email/resend", email("ann@example.com"));

        assertThat(known.statusCode()).isEqualTo(202);
        assertAlike(known, unknown);
        String second = mailbox.nextToken("ann@example.com", MailKind.VERIFY_EMAIL);
        assertThat(mailbox.kindsTo("nobody@example.com", 0)).as("checked after a message queued later arrived").isEmpty();
        assertProblem(post("/auth/verify-email", token(first)), 400, "invalid-link-token");
        HttpResponse<String> byToken = http.send(withToken("/auth/verify-email/resend", accessToken("ann@example.com", PASSWORD))
                .POST(BodyPublishers.noBody()));
        assertThat(byToken.statusCode()).isEqualTo(202);
        assertProblem(post("/auth/verify-email", token(second)), 400, "invalid-link-token");
        assertThat(post("/auth/verify-email", token(mailbox.nextToken("ann@example.com", MailKind.VERIFY_EMAIL))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void changingTheAddress_takesEffectWhenTheNewAddressesLinkIsUsed() {
        registered("ann@example.com");
        String access = accessToken("ann@example.com", PASSWORD);

        HttpResponse<String> asked = http.send(withToken("/auth/email", access)
                .POST(json("{\"new_email\":\"Ann@New.Example\",\"password\":\"" + PASSWORD + "\"}")));

        assertThat(asked.statusCode()).isEqualTo(202);
        assertThat(mailbox.kindsTo("ann@example.com", 2)).containsExactly(MailKind.VERIFY_EMAIL, MailKind.EMAIL_CHANGE_REQUESTED);
        assertThat(body(http.get("/me", access)).get("email").asText()).as("not before the link is used").isEqualTo("ann@example.com");
        HttpResponse<String> confirmed = post("/auth/verify-email", token(mailbox.nextToken("ann@new.example", MailKind.CONFIRM_NEW_EMAIL)));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(body(confirmed).get("email").asText()).isEqualTo("ann@new.example");
        JsonNode me = body(http.get("/me", access));
        assertThat(me.get("email").asText()).isEqualTo("ann@new.example");
        assertThat(me.get("email_verified").asBoolean()).isTrue();
        assertThat(http.post("/auth/login", credentials("ann@new.example", PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(http.post("/auth/login", credentials("ann@example.com", PASSWORD)).statusCode()).isEqualTo(401);
        assertProblem(http.send(withToken("/auth/email", access)
                .POST(json("{\"new_email\":\"ann@new.example\",\"password\":\"" + PASSWORD + "\"}"))), 400, "invalid-request");
    }

    @Test
    void aChangeToAnAddressTakenMeanwhile_is409_andSpendsTheLink_whileATakenAddressGetsNoLink() {
        registered("ann@example.com");
        registered("bob@example.com");
        String access = accessToken("ann@example.com", PASSWORD);

        http.send(withToken("/auth/email", access).POST(json("{\"new_email\":\"carol@example.com\",\"password\":\"" + PASSWORD + "\"}")));
        String link = mailbox.nextToken("carol@example.com", MailKind.CONFIRM_NEW_EMAIL);
        registered("carol@example.com");

        assertProblem(post("/auth/verify-email", token(link)), 409, "email-taken");
        assertProblem(post("/auth/verify-email", token(link)), 400, "invalid-link-token");
        HttpResponse<String> toBob = http.send(withToken("/auth/email", access)
                .POST(json("{\"new_email\":\"bob@example.com\",\"password\":\"" + PASSWORD + "\"}")));
        assertThat(toBob.statusCode()).as("no hint that bob has an account").isEqualTo(202);
        // the notice to ann of this request was queued after anything it would have sent bob
        assertThat(mailbox.kindsTo("ann@example.com", 3)).containsExactly(MailKind.VERIFY_EMAIL,
                MailKind.EMAIL_CHANGE_REQUESTED, MailKind.EMAIL_CHANGE_REQUESTED);
        assertThat(mailbox.kindsTo("bob@example.com", 0)).as("nothing that would move ann onto bob's address, nothing at all")
                .containsExactly(MailKind.VERIFY_EMAIL);
        assertThat(body(http.get("/me", access)).get("email").asText()).isEqualTo("ann@example.com");
    }

    @Test
    void theLinksInTheMail_openThePage() {
        for (String path : List.of("/verify-email?token=abc", "/password-reset?token=abc")) {
            HttpResponse<String> page = http.get(path, null);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.body()).isEqualTo(http.get("/", null).body());
        }
    }

    @Test
    void deletingOnesOwnAccount_refusesItsTokensForGood_alsoAfterARestart() {
        registered("ann@example.com");
        JsonNode session = login("ann@example.com", PASSWORD);
        String access = session.get("access_token").asText();

        HttpResponse<String> deleted = http.send(withToken("/me", access).method("DELETE", json("{\"password\":\"" + PASSWORD + "\"}")));

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(http.get("/auth/verify", access).statusCode()).isEqualTo(401);
        restart();
        assertThat(http.get("/auth/verify", access).statusCode()).as("after a restart").isEqualTo(401);
        assertThat(http.post("/auth/refresh", refreshBody(session.get("refresh_token").asText())).statusCode()).isEqualTo(401);
        assertThat(http.post("/auth/login", credentials("ann@example.com", PASSWORD)).statusCode()).isEqualTo(401);
    }

    @Test
    void aCookieAuthenticatedChange_needsTheCsrfProof_andDeletingClearsTheCookies() {
        registered("ann@example.com");
        HttpResponse<String> login = http.post("/auth/login", credentials("ann@example.com", PASSWORD));
        String cookies = login.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).collect(Collectors.joining("; "));
        String csrf = body(login).get("csrf_token").asText();
        String change = "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}";

        HttpResponse<String> withoutProof = http.send(request("/auth/password").header("Cookie", cookies).POST(json(change)));
        HttpResponse<String> withProof = http.send(request("/auth/password").header("Cookie", cookies)
                .header("X-CSRF-Token", csrf).POST(json(change)));
        HttpResponse<String> deleted = http.send(request("/me").header("Cookie", cookies).header("X-CSRF-Token", csrf)
                .method("DELETE", json("{\"password\":\"" + NEW_PASSWORD + "\"}")));

        assertProblem(withoutProof, 403, "csrf");
        assertThat(withProof.statusCode()).isEqualTo(204);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("__Host-inkan_access=;"));
    }

    @Test
    void linkRequests_areLimited_perEmailAddress_with429AndRetryAfter() {
        env.put("INKAN_RATE_LIMIT_MAIL_REQUESTS_PER_EMAIL", "2");
        restartWith("INKAN_RATE_LIMIT_ENABLED", "true");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(post("/auth/password-reset", email("ann@example.com")).statusCode());
        }
        HttpResponse<String> limited = post("/auth/verify-email/resend", email("bob@example.com"));
        HttpResponse<String> another = post("/auth/password-reset", email("bob@example.com"));

        assertThat(statuses).containsExactly(202, 202, 429);
        assertThat(limited.statusCode()).as("another address, another kind of link").isEqualTo(202);
        assertThat(another.statusCode()).isEqualTo(202);
        HttpResponse<String> third = post("/auth/password-reset", email("ann@example.com"));
        assertProblem(third, 429, "too-many-requests");
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void badInput_toEveryAccountRoute_is4xxProblemJson_neverA500() {
        registered("ann@example.com");
        String access = accessToken("ann@example.com", PASSWORD);
        String huge = "{\"email\":\"" + "a".repeat(70_000) + "\"}";
        List<String> bodies = List.of("not json", "[]", "{}", "{\"email\":42,\"token\":[],\"password\":{}}",
                "{\"token\":\"" + "t".repeat(600) + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}");
        for (String path : List.of("/auth/password", "/auth/password-reset", "/auth/password-reset/confirm", "/auth/verify-email",
                "/auth/verify-email/resend", "/auth/email", "/me")) {
            for (String sent : bodies) {
                // A new verification link for the caller reads no body: asked by address, it reads one.
                HttpRequest.Builder request = path.endsWith("/resend") ? request(path) : withToken(path, access);
                HttpResponse<String> answer = http.send(path.equals("/me")
                        ? request.method("DELETE", BodyPublishers.ofString(sent)) : request.POST(BodyPublishers.ofString(sent)));
                assertThat(answer.statusCode()).as(path + " " + sent.substring(0, Math.min(40, sent.length()))).isBetween(400, 415);
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                        assertThat(type).startsWith("application/problem+json"));
            }
        }
        assertProblem(post("/auth/password-reset", huge), 413, "content-too-large");
        assertThat(http.get("/me", access).statusCode()).isEqualTo(200);
    }

    private void registered(String email) {
        assertThat(http.post("/auth/register", credentials(email, PASSWORD)).statusCode()).isEqualTo(201);
    }

    private JsonNode login(String email, String password) {
        HttpResponse<String> answer = http.post("/auth/login", credentials(email, password));
        assertThat(answer.statusCode()).isEqualTo(200);
        return body(answer);
    }

    private String accessToken(String email, String password) {
        return login(email, password).get("access_token").asText();
    }

    private HttpResponse<String> post(String path, String json) {
        return http.post(path, json);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(http.base() + path)).header("Content-Type", "application/json");
    }

    private HttpRequest.Builder withToken(String path, String token) {
        return request(path).header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.BodyPublisher json(String json) {
        return BodyPublishers.ofString(json);
    }

    private static String email(String address) {
        return HttpJson.JSON.createObjectNode().put("email", address).toString();
    }

    private static String token(String token) {
        return HttpJson.JSON.createObjectNode().put("token", token).toString();
    }

    private static String reset(String token, String newPassword) {
        return HttpJson.JSON.createObjectNode().put("token", token).put("new_password", newPassword).toString();
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String type) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(value ->
                assertThat(value).startsWith("application/problem+json"));
        assertThat(body(answer).get("type").asText()).isEqualTo("urn:inkan:problem:" + type);
    }

    /** The same status, the same body byte for byte, the same headers but the date and the request id. */
    private static void assertAlike(HttpResponse<String> one, HttpResponse<String> other) {
        assertThat(other.statusCode()).isEqualTo(one.statusCode());
        assertThat(other.body()).isEqualTo(one.body());
        assertThat(headers(other)).isEqualTo(headers(one));
    }

    private static Map<String, List<String>> headers(HttpResponse<String> answer) {
        Map<String, List<String>> kept = new TreeMap<>();
        answer.headers().map().forEach((name, values) -> {
            if (!HEADERS_THAT_DIFFER.contains(name.toLowerCase(Locale.ROOT))) {
                kept.put(name.toLowerCase(Locale.ROOT), values);
            }
        });
        return kept;
    }
}
