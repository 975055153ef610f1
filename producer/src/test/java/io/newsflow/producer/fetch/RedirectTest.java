package io.newsflow.producer.fetch;

import static io.newsflow.producer.fetch.LocalServer.html;
import static io.newsflow.producer.fetch.LocalServer.redirect;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.fetch.FetchOutcome.Failed;
import io.newsflow.producer.fetch.FetchOutcome.Fetched;
import io.newsflow.producer.fetch.FetchOutcome.Refusal;
import io.newsflow.producer.fetch.FetchOutcome.Refused;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Redirects are followed by the fetcher itself: cap, loops, schemes, and the address guard on every hop. */
class RedirectTest {

    static LocalServer server;
    static HttpFetcher fetcher;

    @BeforeAll
    static void start() {
        server = new LocalServer()
                .route("/page", ex -> html(ex, "<html><body>landed</body></html>"))
                .route("/moved", ex -> redirect(ex, 301, "/page"))
                .route("/see-other", ex -> redirect(ex, 303, "page?from=see-other"))
                .route("/chain/", ex -> {
                    // /chain/N redirects to /chain/N-1 ... /chain/0 redirects to /page: N + 1 redirects.
                    int n = Integer.parseInt(ex.getRequestURI().getPath().substring("/chain/".length()));
                    redirect(ex, 302, n == 0 ? "/page" : "/chain/" + (n - 1));
                })
                .route("/loop-a", ex -> redirect(ex, 302, "/loop-b"))
                .route("/loop-b", ex -> redirect(ex, 307, "http://127.0.0.1:" + server.port() + "/loop-a#again"))
                .route("/self", ex -> redirect(ex, 308, "/self"))
                .route("/to-file", ex -> redirect(ex, 302, "file:///etc/passwd"))
                .route("/to-ftp", ex -> redirect(ex, 301, "ftp://127.0.0.1/pub/"))
                .route("/to-javascript", ex -> redirect(ex, 302, "javascript:alert(1)"))
                .route("/to-private", ex -> redirect(ex, 302, "http://10.0.0.1/admin"))
                .route("/to-metadata", ex -> redirect(ex, 302, "http://169.254.169.254/latest/meta-data/"))
                .route("/to-ipv6-loopback", ex -> redirect(ex, 302, "http://[::1]:" + server.port() + "/ipv6-target"))
                .route("/ipv6-target", ex -> html(ex, "<html><body>should not be fetched</body></html>"))
                .route("/to-decimal-loopback", ex -> redirect(ex, 302, "http://2130706433:" + server.port() + "/page"))
                .route("/no-location", ex -> ex.sendResponseHeaders(302, -1))
                .route("/spaces", ex -> redirect(ex, 302, "/page?q=a b"));
        fetcher = new HttpFetcher(new FetchSettings("Newsflow-test/0.1", Duration.ofSeconds(2), Duration.ofSeconds(5),
                64 * 1024).allowing("127.0.0.0/8"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Refused refused(String path) {
        FetchOutcome outcome = fetcher.fetch(server.url(path));
        assertThat(outcome).isInstanceOf(Refused.class);
        return (Refused) outcome;
    }

    @Test
    void followsRedirectsAndReportsTheFinalUrl() {
        assertThat(fetcher.fetch(server.url("/moved"))).isInstanceOfSatisfying(Fetched.class, page -> {
            assertThat(page.url()).isEqualTo(server.url("/moved"));
            assertThat(page.finalUrl()).isEqualTo(server.url("/page"));
        });
        assertThat(fetcher.fetch(server.url("/see-other"))).isInstanceOfSatisfying(Fetched.class,
                page -> assertThat(page.finalUrl()).isEqualTo(server.url("/page?from=see-other")));
        assertThat(fetcher.fetch(server.url("/spaces"))).isInstanceOfSatisfying(Fetched.class,
                page -> assertThat(page.finalUrl()).isEqualTo(server.url("/page?q=a%20b")));
    }

    @Test
    void followsAsManyRedirectsAsTheCapAllows() {
        assertThat(fetcher.fetch(server.url("/chain/4"))).isInstanceOf(Fetched.class); // 5 redirects
    }

    @Test
    void oneRedirectOverTheCapIsRefused() {
        Refused r = refused("/chain/5"); // 6 redirects

        assertThat(r.refusal()).isEqualTo(Refusal.REDIRECT_LIMIT);
        assertThat(r.reason()).startsWith("more than 5 redirects");
        assertThat(r.statusOutcome()).isEqualTo(io.newsflow.schema.FetchOutcome.REFUSED);
    }

    @Test
    void theCapIsASetting() {
        HttpFetcher strict = new HttpFetcher(new FetchSettings("Newsflow-test/0.1", Duration.ofSeconds(2),
                Duration.ofSeconds(5), 64 * 1024).allowing("127.0.0.0/8").withMaxRedirects(0));

        assertThat(strict.fetch(server.url("/moved"))).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.refusal()).isEqualTo(Refusal.REDIRECT_LIMIT));
    }

    @Test
    void aRedirectLoopIsDetectedBeforeTheCap() {
        Refused loop = refused("/loop-a");
        Refused self = refused("/self");

        assertThat(loop.refusal()).isEqualTo(Refusal.REDIRECT_LOOP);
        assertThat(loop.reason()).contains("/loop-b redirects back to").contains("/loop-a");
        assertThat(server.hits("/loop-a")).isEqualTo(1);
        assertThat(self.refusal()).isEqualTo(Refusal.REDIRECT_LOOP);
    }

    @Test
    void redirectsToNonHttpSchemesAreRefused() {
        for (String path : new String[] {"/to-file", "/to-ftp", "/to-javascript"}) {
            Refused r = refused(path);
            assertThat(r.refusal()).as(path).isEqualTo(Refusal.REDIRECT_SCHEME);
            assertThat(r.reason()).as(path).contains("to a non-HTTP URL");
        }
    }

    @Test
    void theAddressGuardChecksEveryHop() {
        for (String path : new String[] {"/to-private", "/to-metadata", "/to-ipv6-loopback"}) {
            Refused r = refused(path);
            assertThat(r.refusal()).as(path).isEqualTo(Refusal.ADDRESS);
            assertThat(r.statusOutcome()).isEqualTo(io.newsflow.schema.FetchOutcome.REFUSED_ADDRESS);
            assertThat(r.reason()).as(path).contains("redirected to");
        }
        assertThat(refused("/to-private").reason()).contains("10.0.0.1 is private");
        assertThat(refused("/to-metadata").reason()).contains("link-local");
        assertThat(server.hits("/ipv6-target")).isZero();
    }

    @Test
    void aNumericHostOnARedirectIsReadAsItsAddress() {
        // 2130706433 is 127.0.0.1, which this fetcher allows; it is requested in canonical form.
        assertThat(fetcher.fetch(server.url("/to-decimal-loopback"))).isInstanceOfSatisfying(Fetched.class,
                page -> assertThat(page.finalUrl()).isEqualTo(server.url("/page")));
    }

    @Test
    void aRedirectWithoutLocationFails() {
        assertThat(fetcher.fetch(server.url("/no-location"))).isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.reason()).contains("without Location"));
    }
}
