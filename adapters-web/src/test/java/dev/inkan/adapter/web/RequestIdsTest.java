package dev.inkan.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The access log's duration, with one decimal. */
class RequestIdsTest {

    @Test
    void theDuration_hasOneDecimal_asAFormatterWouldWriteIt() {
        for (float millis : new float[] {0f, 0.04f, 0.05f, 0.96f, 1f, 9.99f, 54.84f, 1234.56f, 60_000.25f}) {
            assertThat(RequestIds.tenths(millis)).as("%s", millis).isEqualTo(String.format(Locale.ROOT, "%.1f", millis));
        }
    }
}
