package io.newsflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs a category command the way {@link Newsflow#execute} runs its subcommands, capturing its output. */
final class CategoryCommandRunner {

    /** Exit status, standard output and standard error of one run. */
    record Result(int status, String out, String err) {

        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private CategoryCommandRunner() {
    }

    static Result run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        // As in Newsflow.execute: bad input is exit status 2 with the message, no stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException) {
                commandLine.getErr().println("newsflow: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        int status = cli.execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    /** A fixture under {@code src/test/resources/categories/}. */
    static String fixture(String name) {
        try {
            return Path.of(CategoryCommandRunner.class.getResource("/categories/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
