package io.newsflow.streams.web;

import io.newsflow.schema.AlertRule;
import io.newsflow.streams.alert.InvalidRuleException;
import java.util.Collection;

/**
 * Rule management behind the alerts page and the {@code /api/rules} endpoints. The production
 * implementation publishes changes to the compacted rules topic; tests use an in-memory one.
 * Implementations must be thread-safe: the web server calls them from several request threads.
 */
public interface RuleAdmin {

    /** The current rules, enabled or not. */
    Collection<AlertRule> list();

    /**
     * Creates or replaces the rule with the same id.
     *
     * @return the rule as stored, with the version set by the implementation (bumped on each change)
     * @throws InvalidRuleException when the rule is refused; its message is shown to the user as-is
     */
    AlertRule upsert(AlertRule rule) throws InvalidRuleException;

    /** Deletes the rule; false when no rule has that id. */
    boolean remove(String ruleId);
}
