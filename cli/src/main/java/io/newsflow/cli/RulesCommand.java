package io.newsflow.cli;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schema.Severity;
import io.newsflow.schemas.AvroJson;
import io.newsflow.schemas.RecordSerdes;
import io.newsflow.schemas.AvroTrust;
import io.newsflow.schemas.Settings;
import io.newsflow.schemas.Topics;
import io.newsflow.streams.alert.AlertMatcher;
import io.newsflow.streams.alert.InvalidRuleException;
import io.newsflow.streams.alert.RulesFile;
import io.newsflow.streams.rules.RulePublisher;
import io.newsflow.streams.rules.RulesTopic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow rules}: manage the alert rules in the compacted {@code news.alert-rules} topic.
 * Every change is validated before it is written, so a bad rule never reaches a running topology,
 * which picks changes up within seconds.
 */
@Command(name = "rules", description = "Add, update, remove, list and try out alert rules.",
        subcommands = {RulesCommand.Add.class, RulesCommand.Update.class, RulesCommand.Remove.class,
                RulesCommand.ListRules.class, RulesCommand.Test.class})
final class RulesCommand {

    /** Options shared by add and update: the rule's fields. */
    static final class RuleFields {
        @Option(names = "--name", description = "Human-readable name (default: the id).")
        String name;
        @Option(names = "--query", description = "Lucene query, e.g. '\"central bank\" AND (rate* OR inflation)'.")
        String query;
        @Option(names = "--owner", description = "Owning person or team.")
        String owner;
        @Option(names = "--severity", description = "LOW, MEDIUM, HIGH or CRITICAL.")
        Severity severity;
        @Option(names = "--disabled", description = "Store the rule but do not match it.")
        Boolean disabled;
        @Option(names = "--category", description = "Only articles with this IPTC code (repeatable).")
        List<String> categories;
        @Option(names = "--language", description = "Only articles in this language, ISO 639-1 (repeatable).")
        List<String> languages;
        @Option(names = "--source", description = "Only articles from this outlet or source id (repeatable).")
        List<String> sources;
        @Option(names = "--min-abs-sentiment", description = "Only articles whose |sentiment| is at least this.")
        Double minAbsSentiment;

        AlertRule applyTo(AlertRule.Builder rule) {
            if (name != null) {
                rule.setName(name);
            }
            if (query != null) {
                rule.setQuery(query);
            }
            if (owner != null) {
                rule.setOwner(owner.isBlank() ? null : owner);
            }
            if (severity != null) {
                rule.setSeverity(severity);
            }
            if (disabled != null) {
                rule.setEnabled(!disabled);
            }
            if (categories != null) {
                rule.setCategories(categories);
            }
            if (languages != null) {
                rule.setLanguages(languages);
            }
            if (sources != null) {
                rule.setSources(sources);
            }
            if (minAbsSentiment != null) {
                rule.setMinAbsSentiment(minAbsSentiment);
            }
            return rule.build();
        }
    }

    /** Connection to the cluster and the rules topic. */
    abstract static class RulesSubcommand implements Callable<Integer> {
        @Mixin
        ConfigOptions config;
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        Map<String, String> settings;
        String bootstrap;
        Topics topics;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        @Override
        public Integer call() throws Exception {
            AvroTrust.register();
            settings = config.settings();
            bootstrap = settings.get("bootstrap.servers").isBlank()
                    ? "127.0.0.1:" + settings.get("broker.port") : settings.get("bootstrap.servers");
            topics = new Topics(settings.get("topic.prefix"));
            Pipeline.createTopics(settings, bootstrap);
            return run();
        }

        abstract int run() throws Exception;

        Map<String, AlertRule> current() {
            return RulesTopic.readAll(bootstrap, Settings.kafkaOverrides(settings), topics.alertRules());
        }

        RulePublisher publisher() {
            return new RulePublisher(bootstrap, Settings.kafkaOverrides(settings), topics.alertRules());
        }

        int publish(AlertRule rule, AlertRule previous) {
            try (RulePublisher publisher = publisher()) {
                AlertRule published = publisher.publish(rule, previous);
                out().printf("Rule %s version %d written to %s%n", published.getId(), published.getVersion(),
                        topics.alertRules());
                return 0;
            } catch (InvalidRuleException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
    }

    @Command(name = "add", description = "Add a new rule (refused if the id exists), or every rule of --file.")
    static final class Add extends RulesSubcommand {
        @Parameters(arity = "0..1", paramLabel = "ID", description = "Rule id: letters, digits, '.', '_', '-'.")
        String id;
        @Option(names = "--file", paramLabel = "RULES.yaml", description = "Add or update every rule in this file.")
        Path file;
        @Mixin
        RuleFields fields;

        @Override
        int run() throws Exception {
            Map<String, AlertRule> current = current();
            if (file != null) {
                List<AlertRule> rules;
                try {
                    rules = RulesFile.load(file);
                } catch (InvalidRuleException e) {
                    throw new IllegalArgumentException(file + ": " + e.getMessage());
                }
                for (AlertRule rule : rules) {
                    publish(rule, current.get(rule.getId()));
                }
                return 0;
            }
            if (id == null || fields.query == null) {
                throw new IllegalArgumentException("rules add needs an ID and --query (or --file)");
            }
            if (current.containsKey(id)) {
                throw new IllegalArgumentException("rule '" + id + "' exists; use 'rules update " + id + "'");
            }
            AlertRule rule = fields.applyTo(AlertRule.newBuilder().setId(id).setName(id).setQuery(fields.query));
            return publish(rule, null);
        }
    }

    @Command(name = "update", description = "Change fields of an existing rule; its version goes up by one.")
    static final class Update extends RulesSubcommand {
        @Parameters(paramLabel = "ID")
        String id;
        @Mixin
        RuleFields fields;

        @Override
        int run() {
            AlertRule existing = current().get(id);
            if (existing == null) {
                throw new IllegalArgumentException("no rule '" + id + "'; use 'rules add'");
            }
            return publish(fields.applyTo(AlertRule.newBuilder(existing)), existing);
        }
    }

    @Command(name = "remove", description = "Delete a rule (a tombstone on the compacted topic).")
    static final class Remove extends RulesSubcommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int run() {
            if (!current().containsKey(id)) {
                throw new IllegalArgumentException("no rule '" + id + "'");
            }
            try (RulePublisher publisher = publisher()) {
                publisher.remove(id);
            }
            out().printf("Rule %s removed%n", id);
            return 0;
        }
    }

    @Command(name = "list", description = "Print every rule as a JSON line.")
    static final class ListRules extends RulesSubcommand {
        @Override
        int run() {
            current().values().forEach(rule -> out().println(AvroJson.toJson(rule)));
            return 0;
        }
    }

    @Command(name = "test", description = "Replay recent enriched articles through a rule and print what it would match.")
    static final class Test extends RulesSubcommand {
        @Parameters(arity = "0..1", paramLabel = "ID", description = "An existing rule's id (or use --query).")
        String id;
        @Option(names = "--query", description = "Try this query instead of an existing rule.")
        String query;
        @Option(names = "--since", defaultValue = "7d", description = "How far back: e.g. 90m, 24h, 7d (default 7d).")
        String since;
        @Option(names = "--max", defaultValue = "50", description = "Print at most this many matches.")
        int max;

        @Override
        int run() throws Exception {
            AlertRule rule;
            if (query != null) {
                rule = AlertRule.newBuilder().setId(id == null ? "adhoc" : id).setName("ad-hoc query").setQuery(query).build();
            } else if (id != null) {
                rule = current().get(id);
                if (rule == null) {
                    throw new IllegalArgumentException("no rule '" + id + "'");
                }
            } else {
                throw new IllegalArgumentException("rules test needs an ID or --query");
            }
            rule = AlertRule.newBuilder(rule).setEnabled(true).build();
            int matched = 0;
            int articles = 0;
            try (AlertMatcher matcher = new AlertMatcher()) {
                try {
                    matcher.upsert(rule);
                } catch (InvalidRuleException e) {
                    throw new IllegalArgumentException(e.getMessage());
                }
                for (EnrichedArticle article : recentArticles(parseSince(since))) {
                    articles++;
                    for (KeywordAlert alert : matcher.match(article, Instant.now())) {
                        if (++matched <= max) {
                            out().printf("MATCH  %s | %s%n       %s%n       %s%n", alert.getPublishedAt(),
                                    alert.getTitle(), alert.getSnippet(), alert.getUrl());
                        }
                    }
                }
            }
            out().printf("%d of %d article(s) since %s would match rule %s%n", matched, articles, since, rule.getId());
            return 0;
        }

        private List<EnrichedArticle> recentArticles(Duration since) {
            Properties p = new Properties();
            p.putAll(Settings.kafkaOverrides(settings));
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            String topicName = topics.articlesEnriched();
            var serde = RecordSerdes.from(settings).serde(topicName, EnrichedArticle.class).deserializer();
            List<EnrichedArticle> out = new ArrayList<>();
            String topic = topics.articlesEnriched();
            try (KafkaConsumer<String, byte[]> consumer =
                         new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(i -> new TopicPartition(topic, i.partition())).toList();
                consumer.assign(partitions);
                long from = System.currentTimeMillis() - since.toMillis();
                Map<TopicPartition, Long> query = new HashMap<>();
                partitions.forEach(tp -> query.put(tp, from));
                Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                for (TopicPartition tp : partitions) {
                    OffsetAndTimestamp start = starts.get(tp);
                    consumer.seek(tp, start == null ? end.get(tp) : start.offset());
                }
                while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                        if (r.value() != null) {
                            out.add(serde.deserialize(r.topic(), r.value()));
                        }
                    }
                }
            }
            return out;
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)([mhd])");

    /** {@code 90m}, {@code 24h}, {@code 7d}. */
    static Duration parseSince(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--since '" + text + "' must look like 90m, 24h or 7d");
        }
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "m":
                return Duration.ofMinutes(n);
            case "h":
                return Duration.ofHours(n);
            default:
                return Duration.ofDays(n);
        }
    }
}
