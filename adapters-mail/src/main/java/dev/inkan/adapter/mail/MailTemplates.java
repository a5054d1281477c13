package dev.inkan.adapter.mail;

import dev.inkan.application.port.out.MailKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subject, plain-text and HTML body of each {@link MailKind}, from {@code templates/<kind>.txt}
 * (a {@code Subject:} line, a blank line, the body) and {@code templates/<kind>.html} beside this
 * class. They are read and checked once, so a missing or broken template stops start-up rather
 * than a message. Placeholders: {@code {{link}}} (the kinds with a link, and only they),
 * {@code {{email}}} (the recipient) and {@code {{site}}} (the public URL).
 */
final class MailTemplates {

    static final String LINK = "link";
    static final String EMAIL = "email";
    static final String SITE = "site";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z]+)}}");
    private static final String SUBJECT = "Subject: ";

    /** One kind's texts, before the values go in. */
    record Template(String subject, String text, String html) {
    }

    /** One kind's texts with the values in. */
    record Rendered(String subject, String text, String html) {
    }

    private final Map<MailKind, Template> templates = new EnumMap<>(MailKind.class);

    /** @throws IllegalStateException naming the template that is missing or broken */
    MailTemplates() {
        for (MailKind kind : MailKind.values()) {
            templates.put(kind, load(kind));
        }
    }

    /** @return {@code PASSWORD_RESET} as {@code password-reset}: the templates' name, and the outbox files' */
    static String fileName(MailKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param values each placeholder's value, as plain text; the HTML body gets them HTML-escaped
     */
    Rendered render(MailKind kind, Map<String, String> values) {
        Template template = templates.get(kind);
        return new Rendered(fill(template.subject(), values, false), fill(template.text(), values, false),
                fill(template.html(), values, true));
    }

    private static Template load(MailKind kind) {
        String name = fileName(kind);
        String text = read(name + ".txt");
        String html = read(name + ".html");
        if (!text.startsWith(SUBJECT) || !text.contains("\n\n")) {
            throw new IllegalStateException("mail template " + name + ".txt must start with a Subject: line and a blank line");
        }
        String subject = text.substring(SUBJECT.length(), text.indexOf('\n')).strip();
        String body = text.substring(text.indexOf("\n\n") + 2);
        Set<String> allowed = kind.hasLink() ? Set.of(LINK, EMAIL, SITE) : Set.of(EMAIL, SITE);
        for (String part : new String[] {subject, body, html}) {
            Set<String> used = placeholders(part);
            if (!allowed.containsAll(used)) {
                throw new IllegalStateException("mail template " + name + " uses a placeholder it cannot have: " + used);
            }
        }
        if (kind.hasLink() && !(placeholders(body).contains(LINK) && placeholders(html).contains(LINK))) {
            throw new IllegalStateException("mail template " + name + " must show {{link}} in both bodies");
        }
        return new Template(subject, body, html);
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new HashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String read(String resource) {
        try (InputStream in = MailTemplates.class.getResourceAsStream("templates/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("mail template " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mail template " + resource, e);
        }
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(html ? escapeHtml(value) : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Escapes the five characters that can end an HTML text or a quoted attribute. */
    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
