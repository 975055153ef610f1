package io.newsflow.producer.fetch;

import static io.newsflow.producer.fetch.LocalServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.fetch.FetchOutcome.Fetched;
import io.newsflow.producer.fetch.FetchOutcome.Refusal;
import io.newsflow.producer.fetch.FetchOutcome.Refused;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The address guard through the fetcher: a local server on 127.0.0.1 is refused by default in every
 * spelling of its address, and reached once 127.0.0.0/8 is allowed.
 */
class SsrfTest {

    static LocalServer server;
    static final FetchSettings DEFAULTS = new FetchSettings("Newsflow-test/0.1", Duration.ofSeconds(2),
            Duration.ofSeconds(5), 64 * 1024);
    static final HttpFetcher GUARDED = new HttpFetcher(DEFAULTS);
    static final HttpFetcher ALLOWING_LOOPBACK = new HttpFetcher(DEFAULTS.allowing("127.0.0.0/8"));

    @BeforeAll
    static void start() {
        server = new LocalServer()
                .route("/secret", ex -> html(ex, "<html><body>internal</body></html>"))
                .route("/open", ex -> html(ex, "<html><body>allowed</body></html>"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The server's /secret with {@code host} as the host. */
    static URI at(String host) {
        return at(host, "/secret");
    }

    static URI at(String host, String path) {
        return URI.create("http://" + host + ":" + server.port() + path);
    }

    static void assertRefusedAddress(FetchOutcome outcome, String reasonPart) {
        assertThat(outcome).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.refusal()).isEqualTo(Refusal.ADDRESS);
            assertThat(r.statusOutcome()).isEqualTo(io.newsflow.schema.FetchOutcome.REFUSED_ADDRESS);
            assertThat(r.reason()).contains(reasonPart);
            assertThat(r.status()).isNull();
        });
    }

    @Test
    void loopbackIsRefusedByDefaultInEverySpellingWithoutAConnection() {
        for (String host : List.of("127.0.0.1", "2130706433", "0x7f.1", "0x7f000001", "0177.0.0.1", "017700000001",
                "127.1", "127.0.0.1.", "[::ffff:127.0.0.1]", "[::1]", "[0:0:0:0:0:0:0:1]", "%31%32%37.0.0.1")) {
            assertRefusedAddress(GUARDED.fetch(at(host)), "loopback");
        }
        assertThat(server.hits("/secret")).isZero();
    }

    @Test
    void aDnsNameResolvingToLoopbackIsRefused() {
        assertRefusedAddress(GUARDED.fetch(at("localhost")), "localhost resolves to");
        assertThat(server.hits("/secret")).isZero();
    }

    @Test
    void unspecifiedAddressIsRefused() {
        assertRefusedAddress(GUARDED.fetch(at("0.0.0.0")), "unspecified");
        assertRefusedAddress(GUARDED.fetch(at("0")), "unspecified");
        assertRefusedAddress(GUARDED.fetch(at("[::]")), "unspecified");
    }

    @Test
    void anAllowedRangeIsFetchedAndNumericFormsReachTheAddressTheyStandFor() {
        for (String host : List.of("127.0.0.1", "2130706433", "0x7f.1", "0177.0.0.1", "127.1")) {
            assertThat(ALLOWING_LOOPBACK.fetch(at(host, "/open"))).as(host).isInstanceOfSatisfying(Fetched.class,
                    page -> assertThat(page.finalUrl()).isEqualTo(server.url("/open")));
        }
    }

    @Test
    void allowingIpv4LoopbackDoesNotAllowIpv6Loopback() {
        assertRefusedAddress(ALLOWING_LOOPBACK.fetch(at("[::1]", "/open")), "loopback");
    }

    @Test
    void everyAddressANameResolvesToIsChecked() {
        // One public and one private address: the private one could be the one the client connects to.
        AddressGuard.Resolver dns = fakeDns(Map.of("news.example", new String[] {"93.184.216.34", "10.1.2.3"},
                "metadata.example", new String[] {"169.254.169.254"},
                "v6.example", new String[] {"2606:4700::1111", "fd00::5"}));
        HttpFetcher fetcher = new HttpFetcher(DEFAULTS, new AddressGuard(List.of(), dns), Clock.systemUTC());

        assertRefusedAddress(fetcher.fetch(URI.create("http://news.example/a")), "news.example resolves to 10.1.2.3");
        assertRefusedAddress(fetcher.fetch(URI.create("https://metadata.example/")), "link-local");
        assertRefusedAddress(fetcher.fetch(URI.create("http://v6.example/")), "unique-local");
    }

    @Test
    void anUnknownHostFails() {
        AddressGuard.Resolver dns = fakeDns(Map.of());
        HttpFetcher fetcher = new HttpFetcher(DEFAULTS, new AddressGuard(List.of(), dns), Clock.systemUTC());

        assertThat(fetcher.fetch(URI.create("http://nowhere.example/"))).isInstanceOfSatisfying(
                FetchOutcome.Failed.class, f -> assertThat(f.reason()).isEqualTo("unknown host nowhere.example"));
    }

    @Test
    void anInvalidNumericHostIsRefused() {
        assertRefusedAddress(GUARDED.fetch(URI.create("http://256.1.1.1/")), "not a valid IPv4 address");
        assertRefusedAddress(GUARDED.fetch(URI.create("http://1.2.3.4.5/")), "not a valid IPv4 address");
    }

    static AddressGuard.Resolver fakeDns(Map<String, String[]> table) {
        return host -> {
            String[] addresses = table.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] out = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                out[i] = AddressGuard.parseLiteral(addresses[i]);
            }
            return out;
        };
    }
}
