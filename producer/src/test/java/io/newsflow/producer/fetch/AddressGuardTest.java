package io.newsflow.producer.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The SSRF guard's address rules, without the network. */
class AddressGuardTest {

    static final AddressGuard DEFAULT = new AddressGuard(List.of(), host -> {
        throw new AssertionError("no DNS lookup expected for " + host);
    });

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1       | loopback",
        "127.255.255.254 | loopback",
        "10.1.2.3        | private",
        "172.16.0.1      | private",
        "172.31.255.255  | private",
        "192.168.1.1     | private",
        "169.254.169.254 | link-local",
        "100.64.0.1      | CGNAT",
        "100.127.255.254 | CGNAT",
        "0.0.0.0         | unspecified",
        "224.0.0.251     | multicast",
        "239.255.255.250 | multicast",
        "255.255.255.255 | reserved",
        "198.18.0.1      | benchmarking",
        "192.0.2.10      | documentation",
        "::1             | loopback",
        "::              | unspecified",
        "fe80::1         | link-local",
        "febf:ffff::1    | link-local",
        "fc00::1         | unique-local",
        "fd12:3456::1    | unique-local",
        "fec0::1         | site-local",
        "ff02::1         | multicast",
        "::ffff:127.0.0.1 | loopback",
        "::ffff:10.0.0.1 | private",
        "::127.0.0.1     | IPv4-compatible",
        "64:ff9b::7f00:1 | loopback (127.0.0.1 inside IPv6)",
        "64:ff9b::a9fe:a9fe | link-local (169.254.169.254 inside IPv6)",
        "2002:c0a8:101::1 | private (192.168.1.1 inside IPv6)",
        "2001:db8::1     | documentation"})
    void refusedByDefault(String address, String label) {
        String refusal = DEFAULT.refusal(AddressGuard.parseLiteral(address));

        assertThat(refusal).contains(label).endsWith("(not in producer.fetch.allow.addresses)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "11.0.0.1", "2606:4700::1111",
        "2a00:1450:4001::200e", "64:ff9b::808:808", "2002:808:808::1"})
    void publicAddressesPass(String address) {
        assertThat(DEFAULT.refusal(AddressGuard.parseLiteral(address))).isNull();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "2130706433, 127.0.0.1",
        "0x7f.1, 127.0.0.1",
        "0x7F000001, 127.0.0.1",
        "0177.0.0.1, 127.0.0.1",
        "017700000001, 127.0.0.1",
        "127.1, 127.0.0.1",
        "127.0.1, 127.0.0.1",
        "127.0.0.1., 127.0.0.1",
        "0, 0.0.0.0",
        "0x, 0.0.0.0",
        "10.0x10.010.1, 10.16.8.1",
        "3232235777, 192.168.1.1",
        "93.184.216.34, 93.184.216.34"})
    void numericHostsAreReadAsBrowsersReadThem(String host, String address) throws Exception {
        assertThat(AddressGuard.parseLiteral(host)).isEqualTo(InetAddress.getByName(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "1.2.3.4.5", "0x100000000", "1.2.3.256", "4294967296", "08.1.1.1", "1..2"})
    void invalidNumericHostsAreRejected(String host) {
        assertThatThrownBy(() -> AddressGuard.parseLiteral(host)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid IPv4 address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "news.bbc.co.uk", "123.example", "0x7f.example", "localhost"})
    void namesAreNotLiterals(String host) {
        assertThat(AddressGuard.parseLiteral(host)).isNull();
    }

    @Test
    void aNumericHostIsHandedBackInDottedForm() {
        AddressGuard allowing = new AddressGuard(FetchSettings.parseRanges("127.0.0.0/8"), h -> {
            throw new AssertionError("no lookup");
        });

        assertThat(allowing.check("0x7f.1")).isEqualTo(
                new AddressGuard.Verdict.Allowed("127.0.0.1", List.of(AddressGuard.parseLiteral("127.0.0.1"))));
        assertThat(allowing.check("[::1]")).isInstanceOf(AddressGuard.Verdict.Refused.class);
    }

    @Test
    void allowedRangesOpenOnlyWhatTheyList() {
        AddressGuard guard = new AddressGuard(FetchSettings.parseRanges("10.20.0.0/16, fd00:1::/32, 192.168.1.7"));

        assertThat(guard.refusal(AddressGuard.parseLiteral("10.20.3.4"))).isNull();
        assertThat(guard.refusal(AddressGuard.parseLiteral("10.21.0.1"))).contains("private");
        assertThat(guard.refusal(AddressGuard.parseLiteral("fd00:1:ffff::1"))).isNull();
        assertThat(guard.refusal(AddressGuard.parseLiteral("fd00:2::1"))).contains("unique-local");
        assertThat(guard.refusal(AddressGuard.parseLiteral("192.168.1.7"))).isNull();
        assertThat(guard.refusal(AddressGuard.parseLiteral("192.168.1.8"))).contains("private");
        assertThat(guard.refusal(AddressGuard.parseLiteral("::ffff:10.20.0.9"))).isNull(); // IPv4-mapped
    }

    @Test
    void rangesParseAndRejectNonsense() {
        assertThat(AddressRange.parse("127.0.0.0/8").toString()).isEqualTo("127.0.0.0/8");
        assertThat(AddressRange.parse("10.1.2.3/8").toString()).isEqualTo("10.0.0.0/8"); // host bits cleared
        assertThat(AddressRange.parse("::1").prefixLength()).isEqualTo(128);
        assertThatThrownBy(() -> FetchSettings.parseRanges("127.0.0.0/8, localhost"))
                .hasMessage("producer.fetch.allow.addresses: 'localhost' is not an IP address or CIDR range");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/x")).hasMessageContaining("no valid prefix length");
    }
}
