package io.newsflow.streams.rules;

import io.newsflow.schema.AlertRule;
import io.newsflow.schemas.TopicFollower;
import io.newsflow.streams.alert.AlertMatcher;
import io.newsflow.streams.alert.InvalidRuleException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an {@link AlertMatcher} in step with the compacted rules topic: reads it from the beginning,
 * then follows it, so rule changes reach the running topology within about a second, no restart.
 * A rule that fails validation is logged and refused (the previous version stays live); it never
 * stops the app. {@link #close()} stops following.
 */
public final class RuleSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RuleSync.class);

    private final AlertMatcher matcher;
    private final TopicFollower follower;

    /** Starts following {@code topic}; use {@link #awaitLoaded(Duration)} before matching. */
    public RuleSync(String bootstrapServers, Map<String, String> kafkaOverrides, String topic, AlertMatcher matcher) {
        this.matcher = matcher;
        this.follower = new TopicFollower("rule-sync", bootstrapServers, kafkaOverrides, List.of(topic),
                r -> RulesTopic.apply(r, this::change));
    }

    private void change(String id, AlertRule rule) {
        if (rule == null) {
            if (matcher.remove(id)) {
                log.info("Rule {} removed", id);
            }
            return;
        }
        if (!id.equals(rule.getId())) {
            log.warn("Rule record key '{}' differs from its id '{}': refused", id, rule.getId());
            return;
        }
        try {
            matcher.upsert(rule);
        } catch (InvalidRuleException e) {
            log.warn("Rule refused, previous version (if any) stays live: {}", e.getMessage());
        }
    }

    /** Waits until every rule on the topic when this is called has been applied; false on timeout. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        boolean loaded = follower.awaitCaughtUp(timeout);
        if (loaded) {
            log.info("Loaded {} alert rule(s) from the rules topic", matcher.rules().size());
        }
        return loaded;
    }

    @Override
    public void close() {
        follower.close();
    }
}
