package dev.inkan.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JsonStringsTest {

    /** Exhaustive over one byte: every value at every position of strings of every length up to 20, against a byte-by-byte scan. */
    @Test
    void thePlainScan_eightBytesAtATime_findsWhatAByteByByteScanFinds() {
        for (int length = 0; length <= 20; length++) {
            for (int at = 0; at <= length; at++) {
                for (int value = 0; value < 256; value++) {
                    byte[] text = new byte[length + 1];
                    Arrays.fill(text, (byte) 'a');
                    text[length] = '"';
                    text[at] = (byte) value;
                    for (int from = 0; from <= Math.min(length, 3); from++) {
                        assertThat(JsonStrings.plainEnd(text, from)).as("0x%02x at %d of %d from %d", value, at, length, from)
                                .isEqualTo(reference(text, from));
                    }
                }
            }
        }
    }

    @Test
    void aStringThatNeverCloses_isNotPlain() {
        assertThat(JsonStrings.plainEnd("abcdefghijklmnop".getBytes(), 0)).isEqualTo(JsonStrings.NOT_PLAIN);
        assertThat(JsonStrings.plainEnd(new byte[0], 0)).isEqualTo(JsonStrings.NOT_PLAIN);
    }

    private static int reference(byte[] in, int from) {
        int i = from;
        while (i < in.length && in[i] >= 0x20 && in[i] != '"' && in[i] != '\\') { // a negative byte is not ASCII
            i++;
        }
        return i < in.length && in[i] == '"' ? i : JsonStrings.NOT_PLAIN;
    }
}
