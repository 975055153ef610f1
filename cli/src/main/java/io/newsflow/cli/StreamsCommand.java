package io.newsflow.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.schemas.RecordSerdes;
import io.newsflow.streams.topology.StreamsApp;
import io.newsflow.streams.topology.StreamsAppConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code newsflow streams}: one streams-app instance against an existing cluster, until interrupted. */
@Command(name = "streams", description = "Run one streams-app instance against --bootstrap-servers until Ctrl-C.")
final class StreamsCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> settings = config.settings();
        if (settings.get("bootstrap.servers").isBlank()) {
            throw new IllegalArgumentException("streams needs a cluster: set --bootstrap-servers or bootstrap.servers");
        }
        Pipeline.createTopics(settings);
        try (ShutdownSignal signal = new ShutdownSignal();
             MetricsServer metrics = Pipeline.metricsServer(settings);
             StreamsApp app = StreamsApp.start(StreamsAppConfig.from(settings), Duration.ofMinutes(5),
                     metrics == null ? new SimpleMeterRegistry() : metrics.registry(), RecordSerdes.from(settings))) {
            spec.commandLine().getOut().println("Streams app running; Ctrl-C stops it.");
            spec.commandLine().getOut().flush();
            signal.awaitStop();
        }
        return 0;
    }
}
