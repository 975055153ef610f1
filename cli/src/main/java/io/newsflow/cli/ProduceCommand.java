package io.newsflow.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow produce}: the crawler alone against an existing cluster, as {@code newsflow crawl}
 * runs it but without the progress display (one summary line at the end of a {@code --once} crawl).
 */
@Command(name = "produce", description = "Run the crawler against --bootstrap-servers: crawl, extract, publish.")
final class ProduceCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--once", description = "Crawl until the frontier is drained, then exit.")
    boolean once;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return CrawlCommand.crawl(config.settings(), once, false, 0, spec.commandLine().getOut());
    }
}
