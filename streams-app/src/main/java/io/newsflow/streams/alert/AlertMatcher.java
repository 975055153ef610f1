package io.newsflow.streams.alert;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.KeywordAlert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the live rule set in a Lucene {@link Monitor} (in memory) and matches articles against it.
 *
 * <p>Each enabled rule is registered as a Monitor query under its rule id; a disabled rule is kept
 * (so {@link #rules()} still lists it) but not registered, so it never matches. For each article the
 * Monitor's presearcher picks the rules whose terms occur in it, runs only those, and reports where
 * each matched ({@link HighlightsMatch}); every match becomes one {@link KeywordAlert}.
 *
 * <p>Thread-safe: any number of threads may {@link #match} at once; {@link #upsert} and
 * {@link #remove} wait for running matches, so a match sees either the old or the new rule set,
 * never a rule whose stored version and registered query disagree.
 */
public final class AlertMatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertMatcher.class);

    private final Monitor monitor;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Every stored rule by id, enabled or not; guarded by {@link #lock}. */
    private final Map<String, CompiledRule> rules = new HashMap<>();

    /** Creates a matcher with no rules. */
    public AlertMatcher() {
        try {
            monitor = new Monitor(QueryLanguage.ANALYZER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the in-memory rule index", e);
        }
    }

    /**
     * Validates the rule and stores it, replacing any rule with the same id.
     *
     * @throws InvalidRuleException when {@link RuleValidator} refuses the rule; the stored rule set is
     *     then unchanged
     */
    public void upsert(AlertRule rule) throws InvalidRuleException {
        Objects.requireNonNull(rule, "rule");
        CompiledRule compiled = CompiledRule.compile(rule);
        String id = compiled.id();
        lock.writeLock().lock();
        try {
            if (compiled.rule().getEnabled()) {
                monitor.register(new MonitorQuery(id, compiled.query(), compiled.rule().getQuery(), Map.of()));
            } else {
                monitor.deleteById(id);
            }
            rules.put(id, compiled);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update rule " + id + " in the in-memory index", e);
        } finally {
            lock.writeLock().unlock();
        }
        log.info("Stored rule {} version {} ({})", id, compiled.rule().getVersion(),
                compiled.rule().getEnabled() ? "enabled" : "disabled");
    }

    /** Removes the rule with this id; returns false when there was none. */
    public boolean remove(String ruleId) {
        lock.writeLock().lock();
        try {
            if (rules.remove(ruleId) == null) {
                return false;
            }
            monitor.deleteById(ruleId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove rule " + ruleId + " from the in-memory index", e);
        } finally {
            lock.writeLock().unlock();
        }
        log.info("Removed rule {}", ruleId);
        return true;
    }

    /**
     * Matches one article against every enabled rule.
     *
     * @param now the detection time written on each alert
     * @return one alert per matching rule, ordered by rule id; empty when none matched
     */
    public List<KeywordAlert> match(EnrichedArticle article, Instant now) {
        ArticleText text = ArticleText.of(article.getArticle());
        List<KeywordAlert> alerts = new ArrayList<>();
        lock.readLock().lock();
        try {
            if (rules.isEmpty()) {
                return List.of();
            }
            MatchingQueries<HighlightsMatch> result = monitor.match(text.toDocument(), HighlightsMatch.MATCHER);
            result.getErrors().forEach((ruleId, e) ->
                    log.warn("Rule {} failed on article {}: {}", ruleId, article.getArticle().getId(), e.toString()));
            for (HighlightsMatch match : result.getMatches()) {
                CompiledRule rule = rules.get(match.getQueryId());
                if (rule != null && rule.rule().getEnabled()) {
                    TermHits hits = TermHits.of(match, text, rule.shape());
                    alerts.add(AlertFactory.create(rule.rule(), article, text, hits, now));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("matching article " + article.getArticle().getId() + " failed", e);
        } finally {
            lock.readLock().unlock();
        }
        alerts.sort(Comparator.comparing(KeywordAlert::getRuleId));
        log.debug("Article {} matched {} rule(s)", article.getArticle().getId(), alerts.size());
        return alerts;
    }

    /** A snapshot of every stored rule (copies), enabled or not, ordered by id. */
    public Collection<AlertRule> rules() {
        lock.readLock().lock();
        try {
            return rules.values().stream()
                    .map(c -> CompiledRule.copy(c.rule()))
                    .sorted(Comparator.comparing(AlertRule::getId))
                    .toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Releases the Monitor (its index and background purge thread). */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the in-memory rule index", e);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
