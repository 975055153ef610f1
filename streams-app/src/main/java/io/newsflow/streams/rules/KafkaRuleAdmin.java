package io.newsflow.streams.rules;

import io.newsflow.schema.AlertRule;
import io.newsflow.streams.alert.AlertMatcher;
import io.newsflow.streams.alert.InvalidRuleException;
import io.newsflow.streams.web.RuleAdmin;
import java.util.Collection;
import java.util.Optional;

/**
 * Rule management for the web page and HTTP API: reads the live rules from the app's
 * {@link AlertMatcher} and writes changes to the rules topic through a {@link RulePublisher}; the
 * change then reaches every instance through its {@link RuleSync}; a write returns once this
 * instance has applied it, so a list that follows shows it. Thread-safe.
 */
public final class KafkaRuleAdmin implements RuleAdmin {

    private final AlertMatcher matcher;
    private final RulePublisher publisher;

    public KafkaRuleAdmin(AlertMatcher matcher, RulePublisher publisher) {
        this.matcher = matcher;
        this.publisher = publisher;
    }

    @Override
    public Collection<AlertRule> list() {
        return matcher.rules();
    }

    @Override
    public AlertRule upsert(AlertRule rule) throws InvalidRuleException {
        AlertRule published = publisher.publish(rule, find(rule.getId()).orElse(null));
        // Read your writes: the caller (e.g. the page) lists rules next, from the matcher.
        awaitApplied(() -> find(published.getId()).map(r -> r.getVersion() >= published.getVersion()).orElse(false));
        return published;
    }

    @Override
    public boolean remove(String ruleId) {
        if (find(ruleId).isEmpty()) {
            return false;
        }
        publisher.remove(ruleId);
        awaitApplied(() -> find(ruleId).isEmpty());
        return true;
    }

    /** Waits (up to 10 s) until this instance's rule sync has applied a change written to the topic. */
    private static void awaitApplied(java.util.function.BooleanSupplier applied) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!applied.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Optional<AlertRule> find(String id) {
        return matcher.rules().stream().filter(r -> r.getId().equals(id)).findFirst();
    }
}
