package dev.inkan.token;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Custom claims as Java values: JSON strings as {@code String}, {@code true} and {@code false} as
 * {@code Boolean}, integers that fit a long as {@code Long}, any other number as {@code BigDecimal},
 * arrays as {@code List<Object>} and objects as {@code Map<String, Object>} in their order, JSON
 * {@code null} inside them as Java {@code null}, nested at most {@link JsonReader#MAX_DEPTH} levels
 * deep (a scalar counting as one). Read from JSON for the reader, checked and copied for
 * {@link TokenClaims}, and written back as JSON that reads back equal.
 */
final class JsonValues {

    /** The level of a claim's value; the values it holds are one deeper. */
    static final int CLAIM_LEVEL = 1;

    private JsonValues() {
    }

    /**
     * @param depth the level of the value, {@link #CLAIM_LEVEL} for a claim's
     * @return the next value, as custom claims hold it, Java {@code null} for JSON {@code null}
     * @throws TokenException unless the value is strict JSON, without duplicate names, nested within the limit
     */
    static Object read(JsonReader in, int depth) {
        if (depth > JsonReader.MAX_DEPTH) {
            throw in.malformed();
        }
        return switch (in.peekNext()) {
            case '"' -> in.string();
            case '{' -> object(in, depth);
            case '[' -> array(in, depth);
            case 't' -> keyword(in, "true", Boolean.TRUE);
            case 'f' -> keyword(in, "false", Boolean.FALSE);
            case 'n' -> keyword(in, "null", null);
            default -> in.number();
        };
    }

    private static Map<String, Object> object(JsonReader in, int depth) {
        in.expect('{');
        Map<String, Object> members = new LinkedHashMap<>();
        if (!in.consumeIf('}')) {
            do {
                in.memberName();
                String name = in.name();
                if (members.containsKey(name)) {
                    throw in.malformed();
                }
                members.put(name, read(in, depth + 1));
            } while (in.more('}'));
        }
        return members;
    }

    private static List<Object> array(JsonReader in, int depth) {
        in.expect('[');
        List<Object> elements = new ArrayList<>();
        if (!in.consumeIf(']')) {
            do {
                elements.add(read(in, depth + 1));
            } while (in.more(']'));
        }
        return elements;
    }

    private static Object keyword(JsonReader in, String word, Object value) {
        in.keyword(word);
        return value;
    }

    /**
     * @return an unmodifiable deep copy of {@code custom} in its order, every value in the form the
     *     reader gives it: {@code Integer}, {@code Short} and {@code Byte} become {@code Long}, and so
     *     does a {@code BigDecimal} of scale 0 within the range of a long, since JSON writes it as an
     *     integer
     * @throws IllegalArgumentException naming the claim, for a reserved or null name, a null value,
     *     a value JSON cannot carry exactly, a map key that is not a string, text that UTF-8 cannot
     *     carry, or nesting deeper than the reader accepts
     */
    static Map<String, Object> copyClaims(Map<String, Object> custom) {
        if (custom.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> claim : custom.entrySet()) {
            String name = claim.getKey();
            if (name == null) {
                throw new IllegalArgumentException("a custom claim needs a name, not null");
            }
            if (TokenClaims.RESERVED_NAMES.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is a claim of its own, not a custom claim: Inkan reserves "
                        + TokenClaims.RESERVED_NAMES);
            }
            requireUtf8(name, name);
            if (claim.getValue() == null) {
                throw new IllegalArgumentException("custom claim '" + name + "' is null: leave it out, as a token read leaves it out");
            }
            copy.put(name, copy(name, claim.getValue(), CLAIM_LEVEL));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object copy(String claim, Object value, int depth) {
        if (depth > JsonReader.MAX_DEPTH) {
            throw new IllegalArgumentException("custom claim '" + claim + "' nests deeper than the " + JsonReader.MAX_DEPTH
                    + " levels a token may hold");
        }
        if (value == null || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof String text) {
            return requireUtf8(claim, text);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal(claim, decimal);
        }
        if (value instanceof List<?> list) {
            List<Object> elements = new ArrayList<>(list.size());
            for (Object element : list) {
                elements.add(copy(claim, element, depth + 1));
            }
            return Collections.unmodifiableList(elements);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> members = new LinkedHashMap<>();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                if (!(member.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("custom claim '" + claim + "' holds a map with the key " + member.getKey()
                            + ", which is not a string");
                }
                members.put(requireUtf8(claim, name), copy(claim, member.getValue(), depth + 1));
            }
            return Collections.unmodifiableMap(members);
        }
        if (value instanceof Number) {
            throw new IllegalArgumentException("custom claim '" + claim + "' holds a " + value.getClass().getSimpleName() + " (" + value
                    + "), which JSON does not carry exactly: use a BigDecimal or a long");
        }
        throw new IllegalArgumentException("custom claim '" + claim + "' holds a " + value.getClass().getName()
                + ", which is not a JSON value: use a String, Boolean, Long, BigDecimal, List or Map");
    }

    private static Object decimal(String claim, BigDecimal decimal) {
        if (decimal.scale() == 0 && decimal.unscaledValue().bitLength() < Long.SIZE) {
            return decimal.longValue();
        }
        if (!JsonNumbers.isRepresentable(decimal.toString())) {
            throw new IllegalArgumentException("custom claim '" + claim + "' holds a BigDecimal of scale " + decimal.scale()
                    + ", whose exponent a reader cannot hold");
        }
        return decimal;
    }

    private static String requireUtf8(String claim, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("custom claim '" + claim + "' holds text with an unpaired UTF-16 surrogate,"
                        + " which UTF-8 cannot carry");
            }
        }
        return text;
    }

    /** Writes a value that {@link #copyClaims} copied (or {@link #read} read), in that form. */
    static void write(JsonWriter out, Object value) {
        if (value == null) {
            out.ascii("null");
        } else if (value instanceof String text) {
            out.string(text);
        } else if (value instanceof Boolean bool) {
            out.ascii(bool.toString());
        } else if (value instanceof Long || value instanceof BigDecimal) {
            out.ascii(value.toString());
        } else if (value instanceof List<?> list) {
            out.ascii("[");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.ascii(",");
                }
                write(out, list.get(i));
            }
            out.ascii("]");
        } else if (value instanceof Map<?, ?> map) {
            out.ascii("{");
            boolean first = true;
            for (Map.Entry<?, ?> member : map.entrySet()) {
                if (!first) {
                    out.ascii(",");
                }
                out.string((String) member.getKey()).ascii(":");
                write(out, member.getValue());
                first = false;
            }
            out.ascii("}");
        } else {
            throw new IllegalStateException("TokenClaims let through a custom value of " + value.getClass());
        }
    }
}
