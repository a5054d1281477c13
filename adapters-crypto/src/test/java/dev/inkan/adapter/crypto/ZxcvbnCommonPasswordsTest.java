package dev.inkan.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.domain.Password;
import org.junit.jupiter.api.Test;

class ZxcvbnCommonPasswordsTest {

    private final ZxcvbnCommonPasswords common = new ZxcvbnCommonPasswords();

    @Test
    void theList_holdsAtLeastTheTenThousandMostCommonPasswords() {
        assertThat(common.size()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void commonPasswords_areFound_whateverTheirCase() {
        assertThat(common.contains(new Password("password"))).isTrue();
        assertThat(common.contains(new Password("PassWord"))).isTrue();
        assertThat(common.contains(new Password("1qazxsw23edcvfr4"))).as("a common one of 16 characters").isTrue();
        assertThat(common.contains(new Password("qwertyuiop12345"))).isTrue();
    }

    @Test
    void aPassphrase_isNotCommon() {
        assertThat(common.contains(new Password("correct horse battery"))).isFalse();
        assertThat(common.contains(new Password("パスワードは長くて安全です"))).isFalse();
    }
}
