package io.newsflow.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command shares: where settings come from, and the most used settings as flags. */
public final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings (see README).")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Use this Kafka cluster; nothing is embedded.")
    String bootstrapServers;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder for the embedded broker's data and the streams state (default .newsflow).")
    Path dataDir;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "Any setting, e.g. --set topic.prefix=dev.")
    Map<String, String> set = new LinkedHashMap<>();

    /** The merged settings; flags win over everything else. */
    public Map<String, String> settings() {
        Map<String, String> flags = new LinkedHashMap<>(set);
        if (bootstrapServers != null) {
            flags.put("bootstrap.servers", bootstrapServers);
        }
        if (dataDir != null) {
            flags.put("data.dir", dataDir.toString());
        }
        return SettingsLoader.load(configFile, System.getenv(), flags);
    }
}
