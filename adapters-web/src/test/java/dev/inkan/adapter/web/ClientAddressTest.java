package dev.inkan.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client address rule: forwarding headers believed from trusted proxies only, read from the right. */
class ClientAddressTest {

    private static final String PROXY = "10.0.0.5";
    private static final String CLIENT = "203.0.113.7";

    private final ClientAddress behindProxies = new ClientAddress(TrustedProxies.parse("10.0.0.0/8, 2001:db8:ffff::/48"));
    private final ClientAddress behindRfc7239Proxies = new ClientAddress(
            TrustedProxies.parse("10.0.0.0/8, 2001:db8:ffff::/48").reading(TrustedProxies.Header.FORWARDED));

    @Test
    void anUntrustedPeer_isTheClient_whateverItsHeadersSay() {
        assertThat(behindProxies.resolve("198.51.100.1", List.of(CLIENT), List.of("for=" + CLIENT))).isEqualTo("198.51.100.1");
        assertThat(new ClientAddress(TrustedProxies.none()).resolve(PROXY, List.of(CLIENT), List.of())).isEqualTo(PROXY);
    }

    @Test
    void aTrustedPeer_withoutForwardingHeaders_isTheClient() {
        assertThat(behindProxies.resolve(PROXY, List.of(), List.of())).isEqualTo(PROXY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "203.0.113.7|203.0.113.7",
        "198.51.100.1, 203.0.113.7|203.0.113.7",
        "198.51.100.1,203.0.113.7|203.0.113.7",
        "203.0.113.7, 10.0.0.9|203.0.113.7",
        "198.51.100.1, 203.0.113.7, 10.0.0.9, 10.1.1.1|203.0.113.7",
        "10.2.2.2, 10.0.0.9|10.2.2.2",
        "nonsense, 203.0.113.7|203.0.113.7",
        "203.0.113.7:4711|203.0.113.7",
        "2001:db8::7|2001:db8:0:0:0:0:0:7",
        "2001:DB8::7|2001:db8:0:0:0:0:0:7",
        "[2001:db8::7]|2001:db8:0:0:0:0:0:7",
        "[2001:db8::7]:4711, 2001:db8:ffff::1|2001:db8:0:0:0:0:0:7",
        "::ffff:203.0.113.7|203.0.113.7"
    })
    void fromATrustedPeer_theRightMostUntrustedHopOfXForwardedFor_isTheClient(String header, String client) {
        assertThat(behindProxies.resolve(PROXY, List.of(header), List.of())).isEqualTo(client);
    }

    @Test
    void severalHeaderLines_makeOneChain_inOrder() {
        assertThat(behindProxies.resolve(PROXY, List.of("198.51.100.1", "203.0.113.7, 10.0.0.9"), List.of())).isEqualTo(CLIENT);
        assertThat(behindRfc7239Proxies.resolve(PROXY, List.of(), List.of("for=198.51.100.1", "for=203.0.113.7"))).isEqualTo(CLIENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "garbage", "unknown", "203.0.113.7, nonsense", "203.0.113.7, unknown", "203.0.113.7, ", ",", "203.0.113.7 10.0.0.9",
        "example.com", "203.0.113.7:http", "203.0.113.7:", "[203.0.113.7]", "[2001:db8::7", "[2001:db8::7]x",
        "\"203.0.113.7\"", "203.0.113.7\u0000"
    })
    void aMalformedXForwardedFor_fromATrustedPeer_countsAsThePeer(String header) {
        assertThat(behindProxies.resolve(PROXY, List.of(header), List.of())).isEqualTo(PROXY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "for=203.0.113.7|203.0.113.7",
        "For=203.0.113.7|203.0.113.7",
        "FOR=\"203.0.113.7\"|203.0.113.7",
        "for=\"203.0.113.7:4711\"|203.0.113.7",
        "for=\"[2001:db8::7]:4711\";proto=https;by=10.0.0.5|2001:db8:0:0:0:0:0:7",
        "proto=https;for=203.0.113.7;host=auth.example|203.0.113.7",
        "for=198.51.100.1, for=203.0.113.7|203.0.113.7",
        "for=198.51.100.1,for=203.0.113.7, for=10.0.0.9|203.0.113.7",
        "for=_hidden, for=203.0.113.7|203.0.113.7",
        ", for=203.0.113.7 ,|203.0.113.7",
        "for=203.0.113.7;|203.0.113.7",
        "for=\"2\\03.0.113.7\"|203.0.113.7"
    })
    void fromATrustedPeer_theRightMostUntrustedHopOfForwarded_isTheClient(String header, String client) {
        assertThat(behindRfc7239Proxies.resolve(PROXY, List.of(), List.of(header))).isEqualTo(client);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "for=unknown", "for=_hidden", "proto=https", "for=203.0.113.7, proto=https", "for=203.0.113.7;for=198.51.100.1",
        "for=\"203.0.113.7", "for=", "for", "=203.0.113.7", "for=[2001:db8::7]", "for=203.0.113.7 by=10.0.0.5",
        "for=203.0.113.7; by=\"10.0.0.5", "203.0.113.7", "for=\"203.0.113.7\"x", "for=203.0.113.7\\"
    })
    void aMalformedForwarded_fromATrustedPeer_countsAsThePeer(String header) {
        assertThat(behindRfc7239Proxies.resolve(PROXY, List.of(), List.of(header))).isEqualTo(PROXY);
    }

    @Test
    void onlyTheHeaderTheProxiesSet_isRead_theOtherIsTheClientsOwnAndIgnored() {
        assertThat(behindProxies.resolve(PROXY, List.of(CLIENT), List.of("for=198.51.100.66"))).isEqualTo(CLIENT);
        assertThat(behindProxies.resolve(PROXY, List.of(CLIENT), List.of("for=\"broken"))).isEqualTo(CLIENT);
        assertThat(behindProxies.resolve(PROXY, List.of(), List.of("for=198.51.100.66"))).isEqualTo(PROXY);
        assertThat(behindRfc7239Proxies.resolve(PROXY, List.of("198.51.100.66"), List.of("for=" + CLIENT))).isEqualTo(CLIENT);
        assertThat(behindRfc7239Proxies.resolve(PROXY, List.of("198.51.100.66"), List.of())).isEqualTo(PROXY);
    }

    @Test
    void theLimits_countAnIpv6ClientByItsSlash64_andAnIpv4ClientByItsAddress() {
        assertThat(ClientAddress.limitKey("2001:db8:1:2:0:0:0:1")).isEqualTo(ClientAddress.limitKey("2001:db8:1:2:abcd:0:0:6"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.limitKey("2001:db8:1:3:0:0:0:1")).isNotEqualTo(ClientAddress.limitKey("2001:db8:1:2:0:0:0:1"));
        assertThat(ClientAddress.limitKey(CLIENT)).isEqualTo(CLIENT);
        assertThat(ClientAddress.limitKey("not an address")).isEqualTo("not an address");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2001:db8:ffff::1|203.0.113.7",
        "[2001:db8:ffff::1]|203.0.113.7",
        "2001:db8:ffff:0:0:0:0:1|203.0.113.7",
        "::ffff:10.0.0.5|203.0.113.7",
        "2001:db8:fffe::1|2001:db8:fffe:0:0:0:0:1",
        "[2001:db8:fffe::1]|2001:db8:fffe:0:0:0:0:1"
    })
    void thePeer_isMatchedInAnySpellingJettyGives_andAnswersInCanonicalText(String peer, String client) {
        assertThat(behindProxies.resolve(peer, List.of(CLIENT), List.of())).isEqualTo(client);
    }

    @Test
    void aPeerThatIsNoAddress_isTakenAsItIs() {
        assertThat(behindProxies.resolve("weird-peer", List.of(CLIENT), List.of())).isEqualTo("weird-peer");
    }
}
