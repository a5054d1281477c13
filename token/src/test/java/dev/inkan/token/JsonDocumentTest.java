package dev.inkan.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON documents a verifier fetches, read as strictly as the token's own JSON. */
class JsonDocumentTest {

    @Test
    void anObject_comesAsMapsListsAndScalars_inOrder() {
        Map<String, Object> document = JsonDocument.parseObject(
                " {\"keys\":[{\"kid\":\"a\\u0062\",\"n\":1,\"big\":12345678901234567890,\"t\":true,\"z\":null}],\"x\":{}} ");

        assertThat(document).containsOnlyKeys("keys", "x");
        @SuppressWarnings("unchecked")
        Map<String, Object> key = (Map<String, Object>) ((List<Object>) document.get("keys")).get(0);
        assertThat(key.keySet()).containsExactly("kid", "n", "big", "t", "z");
        assertThat(key.get("kid")).isEqualTo("ab");
        assertThat(key.get("n")).isEqualTo(1L);
        assertThat(key.get("big")).isEqualTo(new java.math.BigDecimal("12345678901234567890"));
        assertThat(key.get("t")).isEqualTo(true);
        assertThat(key.get("z")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"a\"", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "{} {}", "{\"a\":01}",
        "{'a':1}", "{\"a\":1,}", "{\"a\":\"\u0001\"}"})
    void anythingButOneStrictObject_isRefused(String json) {
        assertThatThrownBy(() -> JsonDocument.parseObject(json)).isInstanceOf(IllegalArgumentException.class);
    }
}
