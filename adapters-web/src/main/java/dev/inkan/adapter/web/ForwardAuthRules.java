package dev.inkan.adapter.web;

import dev.inkan.domain.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
     *     {@code anyone}, {@code authenticated} or {@code role:NAME}
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
     * of {@code roles}.
     */
    record Requirement(boolean authenticated, Set<String> roles) {

        static final Requirement ANYONE = new Requirement(false, Set.of());
        static final Requirement AUTHENTICATED = new Requirement(true, Set.of());

        Requirement {
            roles = Set.copyOf(roles);
            if (!roles.isEmpty() && !authenticated) {
                throw new IllegalArgumentException("a role needs a token");
            }
        }

        static Requirement parse(String text) {
            String requirement = text.strip();
            if (requirement.equals("anyone")) {
                return ANYONE;
            }
            if (requirement.equals("authenticated")) {
                return AUTHENTICATED;
            }
            if (requirement.startsWith("role:")) {
                try {
                    return new Requirement(true, Set.of(new Role(requirement.substring("role:".length())).name()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + requirement + "': " + e.getMessage());
                }
            }
            throw new IllegalArgumentException("a requirement is anyone, authenticated or role:NAME, not '" + requirement + "'");
        }

        /** @return what this and {@code other} ask together */
        Requirement and(Requirement other) {
            Set<String> both = new TreeSet<>(roles);
            both.addAll(other.roles);
            return new Requirement(authenticated || other.authenticated, both);
        }

        @Override
        public String toString() {
            if (!roles.isEmpty()) {
                return new TreeSet<>(roles).stream().map(role -> "role:" + role).collect(Collectors.joining("+"));
            }
            return authenticated ? "authenticated" : "anyone";
        }
    }
}
