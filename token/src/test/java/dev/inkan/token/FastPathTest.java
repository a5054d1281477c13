package dev.inkan.token;

import static dev.inkan.token.Fixtures.NOW;
import static dev.inkan.token.Fixtures.SESSION;
import static dev.inkan.token.Fixtures.USER;
import static dev.inkan.token.Fixtures.claims;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The claims fast path only skips work: where it answers, the general path gives the same claims; elsewhere it stands aside. */
class FastPathTest {

    /** Printable ASCII but the quote and the backslash: what a role on the fast path may hold. */
    private static final String PLAIN = " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
    /** What the edits insert: the bytes of JSON structure, numbers and escapes, and of the roles. */
    private static final byte[] ALPHABET = "{}[]\":,\\ 0123456789-.eradminu".getBytes(StandardCharsets.US_ASCII);

    private final ClaimsReader reader = new ClaimsReader(Fixtures.RULES);

    @Test
    void onClaimsInkanWrote_theFastPathAnswers_asTheGeneralPathDoes() {
        Random random = new Random(7519);
        for (int i = 0; i < 2_000; i++) {
            Instant iat = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE) * (i % 2 == 0 ? 1L : 100L));
            long rv = switch (i % 3) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000);
                default -> random.nextLong(TokenClaims.MAX_ROLES_VERSION + 1);
            };
            TokenClaims claims = new TokenClaims("inkan", new UUID(random.nextLong(), random.nextLong()), List.of("inkan"), iat,
                    iat.plusSeconds(random.nextInt(100_000)), Optional.empty(), UUID.randomUUID().toString().substring(random.nextInt(36)) + "j",
                    new UUID(random.nextLong(), random.nextLong()), plainRoles(random, random.nextInt(i % 50 == 0 ? TokenClaims.MAX_ROLES : 6)),
                    rv, Map.of());
            byte[] json = ClaimsWriter.write(claims);

            assertThat(ownLayout(json)).contains(claims);
            assertThat(reader.anyLayout(json)).isEqualTo(claims);
        }
    }

    @Test
    void threeRoles_andNoCustomClaims_areReadOnTheFastPath_intoAnImmutableListThatTheClaimsKeep() {
        TokenClaims claims = Fixtures.claims(List.of("admin", "billing:read", "support"), 17, Map.of());

        Optional<TokenClaims> read = ownLayout(ClaimsWriter.write(claims));

        assertThat(read).contains(claims);
        assertThat(List.copyOf(read.orElseThrow().roles())).as("already immutable, so the claims took it without a copy")
                .isSameAs(read.orElseThrow().roles());
    }

    @Test
    void customClaims_rolesWithEscapesOrNonAscii_andTheOldLayout_goToTheGeneralPath_whichReadsThemAlike() {
        List<TokenClaims> general = List.of(
                Fixtures.claims(List.of("admin"), 1, Map.of("tenant", "acme")),
                Fixtures.claims(List.of("\u00e9diteur"), 1, Map.of()),
                Fixtures.claims(List.of("q\"uote"), 1, Map.of()),
                Fixtures.claims(List.of("\u00e9"), 1, Map.of()));
        byte[] old = JsonContract.bytes(JsonContract.base());

        for (TokenClaims claims : general) {
            byte[] json = ClaimsWriter.write(claims);
            assertThat(ownLayout(json)).as("%s", claims).isEmpty();
            assertThat(reader.read(json)).isEqualTo(claims);
        }
        assertThat(ownLayout(old)).isEmpty();
        assertThat(reader.read(old).roles()).isEmpty();
    }

    /** Near-own layouts from random edits: wherever the fast path still answers, the general path answers the same. */
    @Test
    void randomEditsOfTheOwnLayout_neverMakeTheFastPathAnswerOtherwise() {
        byte[] own = ClaimsWriter.write(Fixtures.claims(List.of("admin", "billing:read", "a"), 12, Map.of()));
        Random random = new Random(8259);
        int fast = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] json = edit(own, random);
            Optional<TokenClaims> ownLayout = ownLayout(json);
            if (ownLayout.isPresent()) {
                assertThat(outcome(() -> reader.anyLayout(json))).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(ownLayout.get());
                fast++;
            }
        }
        assertThat(fast).as("edits the fast path still takes (roles, rv, jti), so the comparison means something").isGreaterThan(500);
    }

    @Test
    void aRolesArrayMetBefore_isTakenWhole_andOnlyTheSameWholeArray() {
        TokenClaims admin = claims(List.of("admin", "billing:read"), 4, Map.of());
        byte[] json = ClaimsWriter.write(admin);
        String own = new String(json, StandardCharsets.UTF_8);
        byte[] sameLength = own.replace("billing:read", "billing:reaX").getBytes(StandardCharsets.UTF_8);
        byte[] closesEarly = own.replace("]}", "],\"x\":[\"y\"]}").getBytes(StandardCharsets.UTF_8);

        for (int round = 0; round < 2; round++) {
            assertThat(ownLayout(json)).contains(admin);
            assertThat(ownLayout(sameLength).orElseThrow().roles()).containsExactly("admin", "billing:reaX");
            assertThat(ownLayout(closesEarly)).as("roles, then a custom claim that is an array too").isEmpty();
            assertThat(reader.read(closesEarly).custom()).isEqualTo(Map.of("x", List.of("y")));
        }
        assertThat(ownLayout(json).orElseThrow().roles()).as("the list read the first time")
                .isSameAs(ownLayout(json).orElseThrow().roles());
        byte[] repeated = own.replace("\"billing:read\"", "\"admin\"").getBytes(StandardCharsets.UTF_8);
        assertThat(ownLayout(repeated)).isEmpty();
        assertThat(ownLayout(repeated)).as("refused roles are not remembered").isEmpty();
    }

    @Test
    void theFastPath_reusesTheRulesIssuerAndAudience() {
        TokenClaims read = ownLayout(ClaimsWriter.write(claims())).orElseThrow();

        assertThat(read.issuer()).isSameAs(Fixtures.RULES.issuer());
        assertThat(read.audience().get(0)).isSameAs(Fixtures.RULES.audience());
    }

    @Test
    void anythingElse_goesToTheGeneralPath_whichReadsItAsJsonMeansIt() {
        String own = new String(ClaimsWriter.write(claims()), StandardCharsets.UTF_8);
        List<String> others = List.of(
                own.replace("\"iss\":\"inkan\"", "\"iss\":\"ink\\u0061n\""),
                own.replace("{", "{ "),
                own + " ",
                own.replace("\"aud\":\"inkan\"", "\"aud\":[\"inkan\"]"),
                own.replace(",\"jti\"", ",\"nbf\":1,\"jti\""),
                own.replace(",\"jti\"", ",\"x\":1,\"jti\""),
                own.replace(USER.toString(), USER.toString().toUpperCase()),
                own.replace("\"jti\":\"jti-1\"", "\"jti\":\"jti\\u002d1\""),
                own.replace(",\"sub\":\"" + USER + "\"", "") + "",
                own.replace("\"iss\":\"inkan\"", "\"iss\":\"other\""),
                own.replace("\"aud\":\"inkan\"", "\"aud\":\"inkanx\""),
                own.replace("\"aud\":\"inkan\"", "\"aud\":\"inka\""),
                own.replace("\"roles\":[]", "\"roles\":[\"a\",\"a\"]"),
                own.replace("\"roles\":[]", "\"roles\":[\"\"]"),
                own.replace("\"roles\":[]", "\"roles\":[\"a\" ]"),
                own.replace("\"roles\":[]", "\"roles\":[\"a\",]"),
                own.replace("\"roles\":[]", "\"roles\":[\"a\\u0062\"]"),
                own.replace("\"roles\":[]", "\"roles\":\"a\""),
                own.replace("\"roles\":[]", "\"roles\":[" + "\"r\",".repeat(TokenClaims.MAX_ROLES) + "\"r\"]"),
                own.replace("\"rv\":0", "\"rv\":00"),
                own.replace("\"rv\":0", "\"rv\":9007199254740992"),
                own.replace("\"rv\":0", "\"rv\":9007199254740991"),
                own.replace("\"rv\":0", "\"rv\":-0"),
                own.replace("\"rv\":0", "\"rv\":0.0"),
                own.replace(",\"rv\":0", ""),
                own.replace(",\"roles\":[]", ""),
                own.replace(",\"rv\":0,\"email_verified\":false,\"roles\":[]", ",\"roles\":[],\"rv\":0,\"email_verified\":false"),
                own.replace("\"email_verified\":false", "\"email_verified\":true"),
                own.replace("\"email_verified\":false", "\"email_verified\":fals"),
                own.replace("\"email_verified\":false", "\"email_verified\":0"),
                own.replace("\"email_verified\":false", "\"email_verified\":null"),
                own.replace("\"email_verified\":false", "\"email_verified\":\"false\""),
                own.replace(",\"email_verified\":false", ""),
                own.replace("\"email_verified\":false", "\"email_verified\" :false"),
                own.replace("]}", "],\"x\":null}"),
                own.replace("]}", "],\"rv\":1}"));

        for (String json : others) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            Object general = outcome(() -> reader.anyLayout(bytes));
            if (ownLayout(bytes).isPresent()) {
                assertThat(ownLayout(bytes)).as(json).contains((TokenClaims) general);
            } else {
                assertThat(outcome(() -> reader.read(bytes))).as(json).isEqualTo(general);
            }
        }
        assertThat(ownLayout(others.get(6).getBytes(StandardCharsets.UTF_8))).as("upper-case hex is canonical too").isPresent();
        assertThat(reader.read(others.get(0).getBytes(StandardCharsets.UTF_8))).isEqualTo(claims());
        assertThat(reader.read(others.get(9).getBytes(StandardCharsets.UTF_8)).issuer()).isEqualTo("other");
    }

    @Test
    void anIssuerOrAudienceThatNeedsEscapes_isStillRecognised_byTheBytesTheWriterWrites() {
        TokenRules rules = new TokenRules("\u00e9\"q\\\u0001\ud83d\ude00", "a/b\n", Duration.ZERO);
        ClaimsReader unusual = new ClaimsReader(rules);
        TokenClaims claims = new TokenClaims(rules.issuer(), USER, List.of(rules.audience()), NOW, NOW.plusSeconds(9), Optional.empty(),
                "j", SESSION);
        byte[] json = ClaimsWriter.write(claims);

        assertThat(unusual.ownLayout(json)).isEqualTo(claims);
        assertThat(unusual.anyLayout(json)).isEqualTo(claims);
        assertThat(ownLayout(json)).isEmpty();
        assertThat(reader.read(json)).isEqualTo(claims);
    }

    /** Distinct roles of printable ASCII without quote or backslash, which the writer writes as they are. */
    private static List<String> plainRoles(Random random, int count) {
        Set<String> roles = new LinkedHashSet<>();
        while (roles.size() < count) {
            StringBuilder role = new StringBuilder();
            for (int length = 1 + random.nextInt(12); length > 0; length--) {
                role.append(PLAIN.charAt(random.nextInt(PLAIN.length())));
            }
            roles.add(role.toString());
        }
        return List.copyOf(roles);
    }

    /** One to three deletions, insertions or replacements of a byte. */
    private static byte[] edit(byte[] json, Random random) {
        byte[] out = json;
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(out.length);
            ByteArrayOutputStream next = new ByteArrayOutputStream(out.length + 1);
            next.write(out, 0, at);
            switch (random.nextInt(3)) {
                case 0 -> next.write(out, at + 1, out.length - at - 1);
                case 1 -> {
                    next.write(ALPHABET[random.nextInt(ALPHABET.length)]);
                    next.write(out, at, out.length - at);
                }
                default -> {
                    next.write(ALPHABET[random.nextInt(ALPHABET.length)]);
                    next.write(out, at + 1, out.length - at - 1);
                }
            }
            out = next.toByteArray();
        }
        return out;
    }

    private static Object outcome(java.util.function.Supplier<TokenClaims> read) {
        try {
            return read.get();
        } catch (TokenException e) {
            return e.reason();
        }
    }

    /** The fast path's answer, empty where it stands aside. */
    private Optional<TokenClaims> ownLayout(byte[] json) {
        return Optional.ofNullable(reader.ownLayout(json));
    }
}
