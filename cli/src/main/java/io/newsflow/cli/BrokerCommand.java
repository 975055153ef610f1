package io.newsflow.cli;

import io.newsflow.broker.EmbeddedKafka;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code newsflow broker}: runs the embedded single-node Kafka broker alone until interrupted. */
@Command(name = "broker", description = "Run the embedded Kafka broker (KRaft, single node) until Ctrl-C.")
final class BrokerCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> settings = config.settings();
        try (ShutdownSignal signal = new ShutdownSignal(); EmbeddedKafka kafka = Pipeline.startBroker(settings)) {
            Pipeline.createTopics(settings, kafka.bootstrapServers());
            spec.commandLine().getOut().printf("Kafka broker ready at %s (data in %s); Ctrl-C stops it.%n",
                    kafka.bootstrapServers(), Path.of(settings.get("data.dir")).resolve("kafka").toAbsolutePath());
            spec.commandLine().getOut().flush();
            signal.awaitStop();
        }
        return 0;
    }
}
