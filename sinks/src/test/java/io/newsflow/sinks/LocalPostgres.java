package io.newsflow.sinks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway PostgreSQL server for one test class: a fresh cluster in a temp folder ({@code initdb}, trust
 * authentication), started with {@code pg_ctl} on a free port on 127.0.0.1 with its socket in that folder,
 * holding an empty database {@value #DATABASE}; {@link #close()} stops it and deletes the folder.
 *
 * <p>Uses the server binaries of Debian's {@code postgresql} package ({@code /usr/lib/postgresql/N/bin}),
 * or those on the PATH, or the folder named by {@code -Dnewsflow.postgres.bin}. Missing binaries are a test
 * failure that says how to install them, never a skip: CI installs the package. PostgreSQL refuses to
 * run as root, so as root the server runs as the {@code postgres} OS user (via {@code runuser}), which
 * the Debian package creates. Not thread-safe.
 */
final class LocalPostgres implements AutoCloseable {

    static final String DATABASE = "newsflow";
    static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;
    private final Thread shutdownHook;
    private boolean stopped;

    private LocalPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        // Should the JVM end without close() (a killed build), do not leave a server behind.
        this.shutdownHook = new Thread(this::stopQuietly, "local-postgres-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Creates, starts and returns a server with database {@value #DATABASE}. */
    static LocalPostgres start() throws IOException, InterruptedException {
        Path bin = serverBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("newsflow-pg-");
        if (root) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
            Files.setOwner(dir, postgres);
        }
        LocalPostgres pg = new LocalPostgres(bin, dir, freePort(), root);
        try {
            pg.run("initdb", "initdb", "-D", pg.dataDir(), "-U", USER, "-A", "trust", "-E", "UTF8",
                    "--locale=C", "--no-sync");
            pg.run("pg_ctl start", "pg_ctl", "-D", pg.dataDir(), "-l", dir.resolve("server.log").toString(),
                    "-w", "-t", "60", "-o", "-p " + pg.port + " -k " + dir
                            + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off", "start");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), USER, "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
            log.info("PostgreSQL from {} running on 127.0.0.1:{} (data in {})", bin, pg.port, dir);
            return pg;
        } catch (SQLException e) {
            pg.close();
            throw new IOException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
        } catch (IOException | InterruptedException | RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/newsflow}. */
    String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or ran: nothing left to remove
        }
    }

    private synchronized void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
                run("pg_ctl stop", "pg_ctl", "-D", dataDir(), "-m", "fast", "-w", "-t", "60", "stop");
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            log.warn("Could not stop PostgreSQL in {}: {}", dir, e.toString());
        }
        deleteRecursively(dir);
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private String dataDir() {
        return dir.resolve("data").toString();
    }

    private void run(String what, String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", USER, "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(Arrays.asList(args));
        Path output = Files.createTempFile("newsflow-pg-cmd-", ".log");
        try {
            // Run in the cluster folder: the postgres user may not be allowed into the build's folder.
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(what + " did not finish within " + COMMAND_TIMEOUT_SECONDS + " s: " + command);
            }
            if (p.exitValue() != 0) {
                throw new IOException(what + " failed with exit code " + p.exitValue() + ": " + command + "\n"
                        + Files.readString(output, StandardCharsets.UTF_8) + serverLogTail());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private String serverLogTail() {
        Path logFile = dir.resolve("server.log");
        try {
            if (!Files.exists(logFile)) {
                return "";
            }
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return "\nserver.log (last lines):\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** The folder holding {@code initdb} and {@code pg_ctl}, or an AssertionError saying how to get them. */
    static Path serverBinaries() {
        String configured = System.getProperty("newsflow.postgres.bin", "");
        if (!configured.isBlank()) {
            Path p = Path.of(configured);
            if (hasServerTools(p)) {
                return p;
            }
            throw new AssertionError("-Dnewsflow.postgres.bin=" + configured + " holds no initdb and pg_ctl");
        }
        Optional<Path> debian = debianBinaries();
        if (debian.isPresent()) {
            return debian.get();
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isBlank() && hasServerTools(Path.of(entry))) {
                return Path.of(entry);
            }
        }
        throw new AssertionError("PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin"
                + " or on the PATH. This test needs a local PostgreSQL server: run `apt-get install postgresql`"
                + " (CI does), or pass -Dnewsflow.postgres.bin=/folder/with/initdb.");
    }

    private static Optional<Path> debianBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(LocalPostgres::hasServerTools)
                    // Newest major version first (numeric, so 16 sorts after 9).
                    .max(Comparator.comparingInt(LocalPostgres::majorVersion));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean hasServerTools(Path dir) {
        return Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("Could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", root, e.toString());
        }
    }
}
