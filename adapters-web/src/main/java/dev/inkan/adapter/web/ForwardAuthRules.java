package dev.inkan.adapter.web;

import dev.inkan.domain.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What forward-auth asks of a request, by the path the gateway forwards: rules such as
 * {@code /admin/=role:admin,/api/=authenticated,/public/=anyone}, and a default for paths that no
 * rule covers ({@code authenticated} unless configured otherwise). A rule's prefix covers whole
 * segments: {@code /admin/} (or {@code /admin}) covers {@code /admin} and everything under it, never
 * {@code /administrator}; the longest prefix that covers a path decides. A path is judged as sent
 * and normalised ({@link ForwardedPath}), and must meet what both views ask.
 */
public final class ForwardAuthRules {

    private static final ForwardAuthRules NONE = new ForwardAuthRules(List.of(), Requirement.AUTHENTICATED);

    private final List<Rule> rules;
    private final Requirement fallback;

    private ForwardAuthRules(List<Rule> rules, Requirement fallback) {
        List<Rule> longestFirst = new ArrayList<>(rules);
        longestFirst.sort(Comparator.comparingInt((Rule rule) -> rule.segments().size()).reversed());
        this.rules = List.copyOf(longestFirst);
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** @return no rules, and {@code authenticated} for every path */
    public static ForwardAuthRules none() {
        return NONE;
    }

    /**
     * @param commaSeparated rules {@code prefix=requirement}, separated by commas; a requirement is
     *     {@code anyone}, {@code authenticated} or {@code role:NAME}, and either of the last two may
     *     end in {@code ;aud:NAME} for a gateway token with that audience
     * @return these rules, with {@code authenticated} for paths they do not cover
     * @throws IllegalArgumentException naming the first rule that is not one, or a prefix given twice
     */
    public static ForwardAuthRules parse(String commaSeparated) {
        List<Rule> rules = new ArrayList<>();
        for (String entry : commaSeparated.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            int equals = text.lastIndexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("'" + text + "' is not prefix=requirement, such as /admin/=role:admin");
            }
            List<String> segments = prefix(text.substring(0, equals).strip());
            if (rules.stream().anyMatch(rule -> rule.segments().equals(segments))) {
                throw new IllegalArgumentException("the prefix of '" + text + "' has a rule already");
            }
            rules.add(new Rule(segments, Requirement.parse(text.substring(equals + 1))));
        }
        return rules.isEmpty() ? NONE : new ForwardAuthRules(rules, Requirement.AUTHENTICATED);
    }

    /**
     * @param requirement {@code anyone}, {@code authenticated} or {@code role:NAME}
     * @return these rules, with {@code requirement} for the paths they do not cover
     * @throws IllegalArgumentException when {@code requirement} is none of these
     */
    public ForwardAuthRules withDefault(String requirement) {
        return new ForwardAuthRules(rules, Requirement.parse(requirement));
    }

    /** @return whether a path can make a difference: some rule covers part of the paths */
    boolean judgePaths() {
        return !rules.isEmpty();
    }

    /** @return what the default asks, for a request whose path is not known */
    Requirement fallback() {
        return fallback;
    }

    /** @return what both views of {@code path} ask together */
    Requirement requirementFor(ForwardedPath path) {
        return requirementFor(path.asSent()).and(requirementFor(path.normalised()));
    }

    private Requirement requirementFor(List<String> segments) {
        for (Rule rule : rules) {
            if (segments.size() >= rule.segments().size() && segments.subList(0, rule.segments().size()).equals(rule.segments())) {
                return rule.requirement();
            }
        }
        return fallback;
    }

    private static List<String> prefix(String text) {
        if (!text.startsWith("/") || !text.chars().allMatch(c -> c > 0x20 && c < 0x7f && "?#%;\\=,".indexOf(c) < 0)) {
            throw new IllegalArgumentException("a rule's prefix is a path such as /admin/, without ? # % ; \\ or spaces, not '"
                    + text + "'");
        }
        List<String> segments = Arrays.stream(text.split("/")).filter(segment -> !segment.isEmpty()).toList();
        if (segments.contains(".") || segments.contains("..")) {
            throw new IllegalArgumentException("a rule's prefix has no . or .. segments, not '" + text + "'");
        }
        return segments;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ForwardAuthRules that && that.rules.equals(rules) && that.fallback.equals(fallback);
    }

    @Override
    public int hashCode() {
        return rules.hashCode() * 31 + fallback.hashCode();
    }

    /** @return the rules as configuration spells them, then the default */
    @Override
    public String toString() {
        return rules.stream().map(Rule::toString).collect(Collectors.joining(",")) + " (default " + fallback + ")";
    }

    private record Rule(List<String> segments, Requirement requirement) {

        @Override
        public String toString() {
            return "/" + String.join("/", segments) + (segments.isEmpty() ? "" : "/") + "=" + requirement;
        }
    }

    /**
     * What a request must bring: nothing, a good token, or a good token whose roles hold every one
     * of {@code roles}; and the audience of the gateway token the upstream gets, if it wants one.
     *
     * @param audience the {@code aud} of the gateway token minted for the upstream, from a rule
     *     ending in {@code ;aud:NAME}; empty for no gateway token
     */
    record Requirement(boolean authenticated, Set<String> roles, Optional<String> audience) {

        static final Requirement ANYONE = new Requirement(false, Set.of(), Optional.empty());
        static final Requirement AUTHENTICATED = new Requirement(true, Set.of(), Optional.empty());
        private static final String AUDIENCE = ";aud:";
        /** No comma, equals sign or semicolon (they separate rules), no space or control character. */
        private static final Pattern AUDIENCE_VALUE = Pattern.compile("[A-Za-z0-9._~:/?#@!$&'()*+-]{1,255}");

        Requirement {
            roles = Set.copyOf(roles);
            Objects.requireNonNull(audience, "audience");
            if (!roles.isEmpty() && !authenticated) {
                throw new IllegalArgumentException("a role needs a token");
            }
            if (audience.isPresent() && !authenticated) {
                throw new IllegalArgumentException("a gateway token needs a caller: anyone is given no token");
            }
        }

        static Requirement parse(String text) {
            String requirement = text.strip();
            int audience = requirement.indexOf(AUDIENCE);
            if (audience >= 0) {
                String name = requirement.substring(audience + AUDIENCE.length()).strip();
                if (!AUDIENCE_VALUE.matcher(name).matches()) {
                    throw new IllegalArgumentException("'" + requirement + "': an audience is 1 to 255 characters without spaces,"
                            + " commas, equals signs or semicolons, such as orders or https://orders.example");
                }
                Requirement access = parse(requirement.substring(0, audience));
                if (!access.authenticated()) {
                    throw new IllegalArgumentException("'" + requirement + "': a gateway token needs a caller, so anyone cannot"
                            + " have an audience; write authenticated;aud:" + name);
                }
                return new Requirement(true, access.roles(), Optional.of(name));
            }
            if (requirement.equals("anyone")) {
                return ANYONE;
            }
            if (requirement.equals("authenticated")) {
                return AUTHENTICATED;
            }
            if (requirement.startsWith("role:")) {
                try {
                    return new Requirement(true, Set.of(new Role(requirement.substring("role:".length())).name()), Optional.empty());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + requirement + "': " + e.getMessage());
                }
            }
            throw new IllegalArgumentException("a requirement is anyone, authenticated or role:NAME, optionally followed by"
                    + " ;aud:NAME for a gateway token, not '" + requirement + "'");
        }

        /**
         * @return what this and {@code other} ask together; a gateway token only when both name the
         *     same audience, so a path read two ways never gets a token for an upstream it may not reach
         */
        Requirement and(Requirement other) {
            Set<String> both = new TreeSet<>(roles);
            both.addAll(other.roles);
            Optional<String> sameAudience = audience.equals(other.audience) ? audience : Optional.empty();
            return new Requirement(authenticated || other.authenticated, both, sameAudience);
        }

        @Override
        public String toString() {
            String access = !roles.isEmpty() ? new TreeSet<>(roles).stream().map(role -> "role:" + role).collect(Collectors.joining("+"))
                    : authenticated ? "authenticated" : "anyone";
            return access + audience.map(name -> AUDIENCE + name).orElse("");
        }
    }

    /** @return the audiences the rules and the default mint gateway tokens for */
    public Set<String> gatewayAudiences() {
        Set<String> audiences = new TreeSet<>();
        fallback.audience().ifPresent(audiences::add);
        rules.forEach(rule -> rule.requirement().audience().ifPresent(audiences::add));
        return audiences;
    }
}
