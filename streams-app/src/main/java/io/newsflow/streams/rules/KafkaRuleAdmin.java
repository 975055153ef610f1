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
 * change then reaches every instance through its {@link RuleSync}. Thread-safe.
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
        return publisher.publish(rule, find(rule.getId()).orElse(null));
    }

    @Override
    public boolean remove(String ruleId) {
        if (find(ruleId).isEmpty()) {
            return false;
        }
        publisher.remove(ruleId);
        return true;
    }

    private Optional<AlertRule> find(String id) {
        return matcher.rules().stream().filter(r -> r.getId().equals(id)).findFirst();
    }
}
