package dev.inkan.token;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The layout in which Inkan writes claims, as the literals that {@link ClaimsWriter} writes and that
 * the fast path of {@link ClaimsReader} recognises, eight bytes at a time:
 * {@code {"iss":…,"sub":…,"aud":…,"iat":…,"exp":…[,"nbf":…],"jti":…,"sid":…,"rv":…,"email_verified":…,"roles":[…]}}
 * and then any custom claims before the closing brace, no whitespace, {@code aud} a string when there
 * is one audience, else an array, and {@code roles} always an array, perhaps empty.
 */
final class OwnLayout {

    static final Literal ISS = new Literal("{\"iss\":\"");
    static final Literal SUB = new Literal(",\"sub\":\"");
    static final Literal AUD = new Literal(",\"aud\":\"");
    static final Literal AUD_ARRAY = new Literal(",\"aud\":[");
    static final Literal IAT = new Literal(",\"iat\":");
    static final Literal EXP = new Literal(",\"exp\":");
    static final Literal NBF = new Literal(",\"nbf\":");
    static final Literal JTI = new Literal(",\"jti\":\"");
    static final Literal SID = new Literal(",\"sid\":\"");
    static final Literal RV = new Literal(",\"rv\":");
    /** {@code ,"email_verified":} is eighteen characters: these three, then {@code true} or {@code false}. */
    static final Literal EMAIL_VERIFIED_1 = new Literal(",\"email_");
    static final Literal EMAIL_VERIFIED_2 = new Literal("verified");
    static final Literal EMAIL_VERIFIED_3 = new Literal("\":");
    static final Literal TRUE = new Literal("true");
    static final Literal FALSE = new Literal("false");
    /** {@code ,"roles":[} is nine characters: the name, then {@link #ROLES_START}. */
    static final Literal ROLES = new Literal(",\"roles\"");
    static final Literal ROLES_START = new Literal(":[");
    static final Literal END = new Literal("}");
    /** How the layout always ends: the roles, then nothing else. */
    static final Literal ROLES_LAST = new Literal("]}");

    /** Reads and writes eight bytes of an array as one long, the first byte lowest. */
    static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private OwnLayout() {
    }

    /**
     * One to eight ASCII characters, packed little-endian as {@link #EIGHT_BYTES} reads them.
     *
     * @param length how many characters
     * @param bytes the characters, the first in the lowest byte
     * @param mask the low {@code length} bytes set: what of eight bytes read at once the literal covers
     */
    record Literal(int length, long bytes, long mask) {

        Literal(String text) {
            this(text.length(), pack(text), text.length() == Long.BYTES ? -1L : (1L << Byte.SIZE * text.length()) - 1);
        }

        private static long pack(String text) {
            if (text.isEmpty() || text.length() > Long.BYTES) {
                throw new IllegalArgumentException("a literal holds one to eight characters");
            }
            long packed = 0;
            for (int i = text.length() - 1; i >= 0; i--) {
                packed = packed << Byte.SIZE | text.charAt(i);
            }
            return packed;
        }

        /** @return whether {@code in} holds this literal at {@code at}, read eight bytes at once where there are eight */
        boolean isAt(byte[] in, int at) {
            if (at + Long.BYTES <= in.length) {
                return ((long) EIGHT_BYTES.get(in, at) & mask) == bytes;
            }
            if (at + length > in.length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (in[at + i] != (byte) (bytes >>> Byte.SIZE * i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
