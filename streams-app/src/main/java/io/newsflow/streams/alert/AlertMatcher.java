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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the live rule set in a Lucene {@link Monitor} (in memory) and matches articles against it.
 *
 * <p>Each distinct query of the enabled rules is registered as one Monitor query, shared by the rules
 * that have it; a disabled rule is kept (so {@link #rules()} still lists it) but not registered, so it
 * never matches. For each article the Monitor's presearcher picks the queries whose terms occur in
 * it (see {@link Presearch}); a query none of whose rules' filters ({@link RuleFilter}: categories,
 * languages, sources, minimum sentiment) accept the article is skipped without running, the others
 * are run, and each match, with where it matched, becomes one {@link KeywordAlert} per rule whose
 * filters accept the article.
 *
 * <p>Load many rules with {@link #upsertAll}: the Monitor commits its query index once per call (about
 * 10 ms each), so one call for 100,000 rules takes seconds where 100,000 {@link #upsert} calls take
 * a quarter of an hour.
 *
 * <p>Thread-safe: any number of threads may {@link #match} at once; {@link #upsert}, {@link #upsertAll}
 * and {@link #remove} wait for running matches (and block new ones while they run), so a match sees
 * either the old or the new rule set, never a rule whose stored version and registered query disagree.
 */
public final class AlertMatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertMatcher.class);

    /**
     * How the Monitor picks candidate rules for an article. Both index each rule under terms it
     * requires, so an article only runs rules that share a term with it; wildcard rules are indexed
     * under their literal prefix. Measurements are in BENCHMARKS.md ("Alert matching").
     */
    public enum Presearch {
        /** One term per rule (the most selective of its required terms by length): smallest index. */
        TERMS,
        /**
         * Two terms per rule where the rule requires two (phrases, {@code a AND b}): an article must
         * hold both to run the rule, which removes most candidates that would not match; the index
         * holds every rule twice.
         */
        MULTIPASS
    }

    /**
     * The Monitor commits its index after this many registered rules. Each commit adds at least one
     * segment, and every segment repeats the presearcher's term lookups for every article, so one
     * {@link #upsertAll} of 100,000 rules should make one segment, not five.
     */
    private static final int COMMIT_BATCH = 1_000_000;

    private final Monitor monitor;
    private final Presearch presearch;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Every stored rule by id, enabled or not; guarded by {@link #lock}. */
    private final Map<String, CompiledRule> rules = new HashMap<>();
    /** The enabled rules by query, one Monitor query per group; guarded by {@link #lock}. */
    private final QueryGroups groups = new QueryGroups();
    private final LongAdder articles = new LongAdder();
    private final LongAdder candidates = new LongAdder();
    private final LongAdder filteredOut = new LongAdder();
    private final LongAdder alertCount = new LongAdder();

    /** Creates a matcher with no rules and the {@link Presearch#MULTIPASS} presearcher. */
    public AlertMatcher() {
        this(Presearch.MULTIPASS);
    }

    /** Creates a matcher with no rules and the given presearcher. */
    public AlertMatcher(Presearch presearch) {
        this.presearch = Objects.requireNonNull(presearch, "presearch");
        MonitorConfiguration config = new OneSegmentPerLoad().setQueryUpdateBufferSize(COMMIT_BATCH);
        try {
            monitor = new Monitor(QueryLanguage.ANALYZER, Presearchers.create(presearch), config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the in-memory rule index", e);
        }
    }

    /**
     * The Monitor's default index writer flushes a segment per 16 MB of buffered rules; a bulk load
     * then leaves several segments. A larger buffer (only used while a load is being indexed) keeps
     * one load in one segment.
     */
    private static final class OneSegmentPerLoad extends MonitorConfiguration {
        @Override
        protected IndexWriterConfig getIndexWriterConfig() {
            return super.getIndexWriterConfig().setRAMBufferSizeMB(512);
        }
    }

    /** The presearcher this matcher was created with. */
    public Presearch presearch() {
        return presearch;
    }

    /**
     * Validates the rule and stores it, replacing any rule with the same id.
     *
     * @throws InvalidRuleException when {@link RuleValidator} refuses the rule; the stored rule set is
     *     then unchanged
     */
    public void upsert(AlertRule rule) throws InvalidRuleException {
        Objects.requireNonNull(rule, "rule");
        CompiledRule compiled = store(List.of(rule)).get(0);
        log.info("Stored rule {} version {} ({})", compiled.id(), compiled.rule().getVersion(),
                compiled.rule().getEnabled() ? "enabled" : "disabled");
    }

    /**
     * Validates every rule, then stores them all, replacing rules with the same ids; of two rules with
     * the same id in {@code batch} the later wins. All or nothing: when one rule is refused none is
     * stored.
     *
     * @throws InvalidRuleException naming the first rule {@link RuleValidator} refuses
     */
    public void upsertAll(Collection<AlertRule> batch) throws InvalidRuleException {
        Objects.requireNonNull(batch, "batch");
        long start = System.nanoTime();
        List<CompiledRule> stored = store(batch);
        log.info("Stored {} rule(s) in {} ms", stored.size(), (System.nanoTime() - start) / 1_000_000);
    }

    private List<CompiledRule> store(Collection<AlertRule> batch) throws InvalidRuleException {
        Map<String, CompiledRule> compiled = new LinkedHashMap<>();
        for (AlertRule rule : batch) {
            CompiledRule c = CompiledRule.compile(Objects.requireNonNull(rule, "rule"));
            compiled.remove(c.id()); // keep the batch order of the survivors
            compiled.put(c.id(), c);
        }
        lock.writeLock().lock();
        try {
            List<CompiledRule> replaced = new ArrayList<>();
            for (CompiledRule c : compiled.values()) {
                CompiledRule old = rules.get(c.id());
                if (old != null) {
                    replaced.add(old);
                }
            }
            apply(groups.apply(replaced, compiled.values()));
            for (CompiledRule c : compiled.values()) {
                rules.put(c.id(), groups.stored(c));
            }
        } finally {
            lock.writeLock().unlock();
        }
        return List.copyOf(compiled.values());
    }

    /** Brings the Monitor in line with the query groups; called under the write lock. */
    private void apply(QueryGroups.Changes changes) {
        try {
            if (!changes.delete().isEmpty()) {
                monitor.deleteById(changes.delete());
            }
            if (!changes.register().isEmpty()) {
                monitor.register(changes.register());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the in-memory rule index", e);
        }
    }

    /** Removes the rule with this id; returns false when there was none. */
    public boolean remove(String ruleId) {
        lock.writeLock().lock();
        try {
            CompiledRule removed = rules.remove(ruleId);
            if (removed == null) {
                return false;
            }
            apply(groups.apply(List.of(removed), List.of()));
        } finally {
            lock.writeLock().unlock();
        }
        log.info("Removed rule {}", ruleId);
        return true;
    }

    /**
     * Matches one article against every enabled rule: a rule matches when its query matches and its
     * filters accept the article.
     *
     * @param now the detection time written on each alert
     * @return one alert per matching rule, ordered by rule id; empty when none matched
     */
    public List<KeywordAlert> match(EnrichedArticle article, Instant now) {
        ArticleText text = ArticleText.of(article);
        RuleFilter.Facts facts = RuleFilter.Facts.of(article);
        List<KeywordAlert> alerts = new ArrayList<>();
        lock.readLock().lock();
        try {
            articles.increment();
            if (groups.size() == 0) {
                return List.of(); // no rules, or none enabled
            }
            // The Monitor creates the candidate matcher; keep hold of it to read its counts.
            RuleMatch.Matcher[] created = new RuleMatch.Matcher[1];
            MatchingQueries<RuleMatch> result = monitor.match(text.toDocument(), searcher -> {
                created[0] = new RuleMatch.Matcher(searcher, id -> accepted(id, facts));
                return created[0];
            });
            result.getErrors().forEach((queryId, e) -> log.warn("Rule(s) {} failed on article {}: {}",
                    ruleIds(queryId), article.getArticle().getId(), e.toString()));
            Snippets.ForArticle snippets = new Snippets.ForArticle(text);
            for (RuleMatch match : result.getMatches()) {
                QueryGroups.Group group = groups.get(match.getQueryId());
                // One description (matched terms, snippet) serves every rule of the group.
                AlertFactory.Description description =
                        AlertFactory.describe(text, snippets, TermHits.of(match, text, group.termsByField()));
                for (CompiledRule rule : group.rules()) {
                    if (rule.filter().accepts(facts)) {
                        alerts.add(AlertFactory.create(rule.rule(), article, text, description, now));
                    }
                }
            }
            candidates.add(created[0].candidates());
            filteredOut.add(created[0].filteredOut());
        } catch (IOException e) {
            throw new UncheckedIOException("matching article " + article.getArticle().getId() + " failed", e);
        } finally {
            lock.readLock().unlock();
        }
        alertCount.add(alerts.size());
        alerts.sort(Comparator.comparing(KeywordAlert::getRuleId));
        log.debug("Article {} matched {} rule(s)", article.getArticle().getId(), alerts.size());
        return alerts;
    }

    /**
     * The query group when the filters of at least one of its rules accept the article, else null.
     * Called under the read lock for each candidate, before its query runs.
     */
    private QueryGroups.Group accepted(String queryId, RuleFilter.Facts facts) {
        QueryGroups.Group group = groups.get(queryId);
        return group != null && group.anyAccepts(facts) ? group : null;
    }

    private List<String> ruleIds(String queryId) {
        QueryGroups.Group group = groups.get(queryId);
        return group == null ? List.of() : group.rules().stream().map(CompiledRule::id).toList();
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

    /** Number of stored rules, enabled or not. */
    public int size() {
        lock.readLock().lock();
        try {
            return rules.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Number of distinct queries among the enabled rules: rules with equal queries share one Monitor
     * query, run once per article for all of them.
     */
    public int distinctQueries() {
        lock.readLock().lock();
        try {
            return groups.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Counts since this matcher was created, for metrics and benchmarks. */
    public Stats stats() {
        return new Stats(articles.sum(), candidates.sum(), filteredOut.sum(), alertCount.sum());
    }

    /**
     * Cumulative match counts.
     *
     * @param articles articles matched
     * @param candidates query parts the presearcher selected (rules with equal queries share one;
     *     a query split at a top-level OR counts once per selected part); the other rules cost nothing
     *     per article
     * @param filteredOut candidates skipped because the filters of every rule sharing the query
     *     refused the article
     * @param alerts alerts returned
     */
    public record Stats(long articles, long candidates, long filteredOut, long alerts) {}

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
