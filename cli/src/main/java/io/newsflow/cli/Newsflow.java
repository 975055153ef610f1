package io.newsflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newsflow} command: {@code run} (the whole pipeline in one process), {@code produce} and
 * {@code streams} (one stage against a cluster), {@code broker} (the embedded Kafka broker alone) and
 * {@code tail} (print a topic as JSON lines). Exit status: 0 success, 1 failure
 * while running, 2 bad usage or configuration.
 */
@Command(name = "newsflow", mixinStandardHelpOptions = true, version = "newsflow 0.1.0",
        description = "Streaming news ingestion: crawl, publish to Kafka, enrich, alert.",
        subcommands = {RunCommand.class, ProduceCommand.class, CrawlCommand.class, StreamsCommand.class, BrokerCommand.class,
            TailCommand.class, RulesCommand.class, SchemasCommand.class, EvalCommand.class, TrainCommand.class,
            CommandLine.HelpCommand.class})
public final class Newsflow {

    /** Entry point of the runnable jar. */
    public static void main(String[] args) {
        // Chosen before the first logger exists; the rest of the code never reads the environment.
        if ("json".equalsIgnoreCase(System.getenv("NEWSFLOW_LOG_FORMAT"))
                && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line with its output and errors going to the given writers. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Newsflow());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException) {
                // Bad configuration: the message names the key or file at fault; no stack trace needed.
                commandLine.getErr().println("newsflow: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
