package io.newsflow.streams.web;

import io.newsflow.schema.AlertRule;
import io.newsflow.streams.alert.InvalidRuleException;
import io.newsflow.streams.alert.RuleValidator;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link RuleAdmin} in memory for tests: validates like the real one and bumps the version. */
final class InMemoryRuleAdmin implements RuleAdmin {

    private final Map<String, AlertRule> rules = new ConcurrentHashMap<>();

    @Override
    public Collection<AlertRule> list() {
        return List.copyOf(rules.values());
    }

    @Override
    public synchronized AlertRule upsert(AlertRule rule) throws InvalidRuleException {
        RuleValidator.validate(rule);
        AlertRule previous = rules.get(rule.getId());
        AlertRule stored = AlertRule.newBuilder(rule)
                .setVersion(previous == null ? 1 : previous.getVersion() + 1)
                .build();
        rules.put(stored.getId(), stored);
        return stored;
    }

    @Override
    public boolean remove(String ruleId) {
        return rules.remove(ruleId) != null;
    }
}
