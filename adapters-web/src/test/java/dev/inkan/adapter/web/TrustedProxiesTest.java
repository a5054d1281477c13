package dev.inkan.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** IP literals and CIDR blocks, as {@code INKAN_TRUSTED_PROXIES} is written and matched. */
class TrustedProxiesTest {

    @ParameterizedTest
    @CsvSource({
        "192.0.2.1, 192.0.2.1",
        "0.0.0.0, 0.0.0.0",
        "255.255.255.255, 255.255.255.255",
        "2001:db8::1, 2001:db8:0:0:0:0:0:1",
        "2001:DB8:0:0:0:0:0:1, 2001:db8:0:0:0:0:0:1",
        "::1, 0:0:0:0:0:0:0:1",
        "::, 0:0:0:0:0:0:0:0",
        "1::, 1:0:0:0:0:0:0:0",
        "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6::8, 1:2:3:4:5:6:0:8",
        "64:ff9b::192.0.2.33, 64:ff9b:0:0:0:0:c000:221",
        "::ffff:192.0.2.1, 192.0.2.1"
    })
    void ipLiterals_parseToTheirAddress_inCanonicalText(String text, String canonical) {
        assertThat(IpLiteral.parse(text)).hasValueSatisfying(address -> assertThat(address.getHostAddress()).isEqualTo(canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "0x7f.0.0.1",
        "1.2.3.", ".1.2.3", "1.2.3.4 ", " 1.2.3.4", "+1.2.3.4", "1.2.3.-4", "１.2.3.4",
        "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "1::2::3", ":::", ":1::", "1::2:", "12345::",
        "g::1", "fe80::1%eth0", "[::1]", "::1.2.3", "1.2.3.4::", "::ffff:1.2.3.256", "1:2:3:4:5:6:7:1.2.3.4",
        "1:2:3:4:5:6:7:8:1.2.3.4:1"
    })
    void anythingElse_isNoIpLiteral(String text) {
        assertThat(IpLiteral.parse(text)).isEmpty();
    }

    @Test
    void aLongString_isNoIpLiteral_andIsNotLookedAt() {
        assertThat(IpLiteral.parse("1".repeat(10_000))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 10.0.0.1, true",
        "10.0.0.0/8, 10.255.255.255, true",
        "10.0.0.0/8, 11.0.0.0, false",
        "10.0.0.0/8, 9.255.255.255, false",
        "192.168.4.0/22, 192.168.7.200, true",
        "192.168.4.0/22, 192.168.8.1, false",
        "192.168.4.0/22, 192.168.3.255, false",
        "172.16.0.0/12, 172.31.1.1, true",
        "172.16.0.0/12, 172.32.0.1, false",
        "192.0.2.7, 192.0.2.7, true",
        "192.0.2.7, 192.0.2.8, false",
        "192.0.2.7/32, 192.0.2.7, true",
        "0.0.0.0/0, 203.0.113.9, true",
        "0.0.0.0/0, 2001:db8::1, false",
        "2001:db8::/32, 2001:db8:ffff::1, true",
        "2001:db8::/32, 2001:db9::1, false",
        "2001:db8:abcd:12::/63, 2001:db8:abcd:13::1, true",
        "2001:db8:abcd:12::/63, 2001:db8:abcd:14::1, false",
        "::1, ::1, true",
        "::1/128, ::2, false",
        "::/0, 2001:db8::1, true",
        "::/0, 192.0.2.1, false",
        "10.0.0.0/8, ::ffff:10.1.2.3, true",
        "::ffff:10.0.0.0/104, 10.1.2.3, true",
        "::ffff:10.0.0.0/104, 11.1.2.3, false"
    })
    void aBlock_containsExactlyTheAddressesUnderItsPrefix(String block, String address, boolean contained) {
        assertThat(TrustedProxies.parse(block).contains(address(address))).isEqualTo(contained);
    }

    @Test
    void aList_trustsEveryBlockInIt_andNothingElse() {
        TrustedProxies proxies = TrustedProxies.parse(" 10.0.0.0/8 , 192.0.2.7,,fd00::/8 ,");

        assertThat(proxies.contains(address("10.9.8.7"))).isTrue();
        assertThat(proxies.contains(address("192.0.2.7"))).isTrue();
        assertThat(proxies.contains(address("fd12::1"))).isTrue();
        assertThat(proxies.contains(address("192.0.2.8"))).isFalse();
        assertThat(proxies.contains(address("fe80::1"))).isFalse();
        assertThat(proxies).hasToString("10.0.0.0/8,192.0.2.7/32,fd00:0:0:0:0:0:0:0/8");
        assertThat(proxies).isEqualTo(TrustedProxies.parse("10.0.0.0/8,192.0.2.7/32,fd00::/8"));
    }

    @Test
    void anEmptyList_trustsNoOne() {
        assertThat(TrustedProxies.parse(" , ")).isEqualTo(TrustedProxies.none());
        assertThat(TrustedProxies.none().isEmpty()).isTrue();
        assertThat(TrustedProxies.none().contains(address("127.0.0.1"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "proxy.internal|is not an IP address",
        "10.0.0.0/33|from 0 to 32",
        "2001:db8::/129|from 0 to 128",
        "10.0.0.0/|prefix length",
        "10.0.0.0/-1|prefix length",
        "10.0.0.0/8/8|prefix length",
        "10.0.0.0/ 8|prefix length",
        "10.0.0.1/8|the block starts at 10.0.0.0/8",
        "2001:db8::1/32|the block starts at 2001:db8:0:0:0:0:0:0/32",
        "::ffff:10.0.0.0/95|from 96 to 128",
        "*|is not an IP address",
        "10.0.0.0/8 10.1.0.0/16|prefix length"
    })
    void aBadEntry_isRefused_namingIt(String entry, String says) {
        assertThatThrownBy(() -> TrustedProxies.parse("192.0.2.1, " + entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + entry.strip() + "'")
                .hasMessageContaining(says);
    }

    private static InetAddress address(String text) {
        return IpLiteral.parse(text).orElseThrow();
    }
}
