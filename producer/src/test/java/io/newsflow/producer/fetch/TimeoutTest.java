package io.newsflow.producer.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.fetch.FetchOutcome.Failed;
import io.newsflow.producer.fetch.FetchOutcome.Failure;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Connect, read and total timeouts against slow servers on 127.0.0.1. */
class TimeoutTest {

    static LocalServer server;

    @BeforeAll
    static void start() {
        server = new LocalServer()
                .route("/trickle", ex -> {
                    // One byte a second for a minute: never idle long enough for the read timeout, so only
                    // the total timeout can end the fetch.
                    ex.getResponseHeaders().add("Content-Type", "text/html");
                    ex.sendResponseHeaders(200, 0);
                    try (OutputStream out = ex.getResponseBody()) {
                        for (int i = 0; i < 60; i++) {
                            out.write('<');
                            out.flush();
                            Thread.sleep(1000);
                        }
                    } catch (IOException | InterruptedException e) {
                        // the client gave up, as it should
                    }
                })
                .route("/stall", ex -> {
                    // Headers, then silence.
                    ex.getResponseHeaders().add("Content-Type", "text/html");
                    ex.sendResponseHeaders(200, 0);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write("<html>".getBytes());
                        out.flush();
                        Thread.sleep(30_000);
                    } catch (IOException | InterruptedException e) {
                        // the client gave up, as it should
                    }
                })
                .route("/no-headers", ex -> {
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        // server stopping
                    }
                });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpFetcher fetcher(Duration read, Duration total) {
        return new HttpFetcher(new FetchSettings("Newsflow-test/0.1", Duration.ofSeconds(1), read, total, 64 * 1024,
                5, List.of()).allowing("127.0.0.0/8"));
    }

    @Test
    void aServerThatTricklesBytesCannotHoldAFetchPastTheTotalTimeout() {
        FetchOutcome outcome = fetcher(Duration.ofMillis(2500), Duration.ofSeconds(3)).fetch(server.url("/trickle"));

        assertThat(outcome).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.failure()).isEqualTo(Failure.TIMEOUT);
            assertThat(f.reason()).isEqualTo("timed out: total timeout of 3000 ms");
            assertThat(f.statusOutcome()).isEqualTo(io.newsflow.schema.FetchOutcome.TIMEOUT);
        });
    }

    @Test
    void aServerThatStopsSendingHitsTheReadTimeout() {
        FetchOutcome outcome = fetcher(Duration.ofSeconds(1), Duration.ofSeconds(20)).fetch(server.url("/stall"));

        assertThat(outcome).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.failure()).isEqualTo(Failure.TIMEOUT);
            assertThat(f.reason()).isEqualTo("timed out: no data for 1000 ms (read timeout)");
        });
    }

    @Test
    void aServerThatNeverAnswersHitsTheReadTimeout() {
        FetchOutcome outcome = fetcher(Duration.ofSeconds(1), Duration.ofSeconds(20)).fetch(server.url("/no-headers"));

        assertThat(outcome).isInstanceOfSatisfying(Failed.class,
                f -> assertThat(f.reason()).isEqualTo("timed out: no data for 1000 ms (read timeout)"));
    }

    @Test
    void aServerThatAcceptsNoConnectionHitsTheConnectTimeout() throws IOException {
        // A listening socket that never accepts, with its accept queue full: the kernel drops further
        // connection attempts, so connecting hangs until the connect timeout.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            List<Socket> queued = new ArrayList<>();
            try {
                boolean saturated = false;
                for (int i = 0; i < 16 && !saturated; i++) {
                    Socket s = new Socket();
                    queued.add(s);
                    try {
                        s.connect(new InetSocketAddress(full.getInetAddress(), full.getLocalPort()), 300);
                    } catch (SocketTimeoutException e) {
                        saturated = true;
                    }
                }
                assertThat(saturated).as("accept queue filled").isTrue();

                FetchOutcome outcome = fetcher(Duration.ofSeconds(10), Duration.ofSeconds(20))
                        .fetch(URI.create("http://127.0.0.1:" + full.getLocalPort() + "/"));

                assertThat(outcome).isInstanceOfSatisfying(Failed.class, f -> {
                    assertThat(f.failure()).isEqualTo(Failure.TIMEOUT);
                    assertThat(f.reason()).isEqualTo("timed out: connect timeout of 1000 ms");
                });
            } finally {
                for (Socket s : queued) {
                    s.close();
                }
            }
        }
    }
}
