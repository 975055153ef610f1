package io.newsflow.streams.alert;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.search.Query;

/**
 * The enabled rules grouped by query: rules whose parsed queries are equal (say fifty desks all
 * watching {@code "central bank"}, each with its own filters) share one Monitor query, which is
 * selected, run and highlighted once per article for all of them.
 *
 * <p>Not thread-safe: {@link AlertMatcher} guards it with its lock.
 */
final class QueryGroups {

    /** One Monitor query and the enabled rules that share it. */
    static final class Group {
        private final String id;
        private final Query query;
        private final String queryText;
        private final boolean needsRewrite;
        /** The query's plain terms per field, to find the words inside a phrase hit. */
        private final Map<String, Set<String>> termsByField;
        /** By rule id, so the alerts of one group come out in id order. */
        private final Map<String, CompiledRule> rules = new TreeMap<>();
        /** Rules without filters: while there is one, every article passes without looking further. */
        private int unfiltered;

        private Group(String id, CompiledRule first) {
            this.id = id;
            this.query = first.matchQuery();
            this.queryText = first.rule().getQuery();
            this.needsRewrite = first.needsRewrite();
            this.termsByField = QueryShape.of(query).termsByFieldCopy(); // equal for every rule of the group
        }

        /** The Monitor query id. */
        String id() {
            return id;
        }

        boolean needsRewrite() {
            return needsRewrite;
        }

        Map<String, Set<String>> termsByField() {
            return termsByField;
        }

        Collection<CompiledRule> rules() {
            return rules.values();
        }

        /** Whether the filters of at least one of the group's rules accept the article. */
        boolean anyAccepts(RuleFilter.Facts facts) {
            if (unfiltered > 0) {
                return true;
            }
            for (CompiledRule rule : rules.values()) {
                if (rule.filter().accepts(facts)) {
                    return true;
                }
            }
            return false;
        }

        private void add(CompiledRule rule) {
            remove(rule.id());
            rules.put(rule.id(), rule);
            if (rule.filter().isEmpty()) {
                unfiltered++;
            }
        }

        private void remove(String ruleId) {
            CompiledRule removed = rules.remove(ruleId);
            if (removed != null && removed.filter().isEmpty()) {
                unfiltered--;
            }
        }
    }

    /** What the Monitor must register and delete after {@link #apply}. */
    record Changes(List<MonitorQuery> register, List<String> delete) {}

    private final Map<Query, Group> byQuery = new HashMap<>();
    private final Map<String, Group> byId = new HashMap<>();
    private long lastId;

    /** The group with this Monitor query id, or null. */
    Group get(String id) {
        return byId.get(id);
    }

    /**
     * The version of an enabled rule kept in its group after {@link #apply} (it shares the group's
     * query object); the rule itself when it is disabled.
     */
    CompiledRule stored(CompiledRule rule) {
        Group group = rule.rule().getEnabled() ? byQuery.get(rule.matchQuery()) : null;
        CompiledRule stored = group == null ? null : group.rules.get(rule.id());
        return stored == null ? rule : stored;
    }

    /** Number of distinct queries (Monitor queries). */
    int size() {
        return byId.size();
    }

    /**
     * Takes rules out of their groups and puts others in; a group that ends up empty is dropped, and a
     * new group is registered. Disabled rules are ignored (they belong to no group).
     *
     * @param leaving previous versions of replaced rules, and removed rules
     * @param joining new versions of rules
     */
    Changes apply(Collection<CompiledRule> leaving, Collection<CompiledRule> joining) {
        Set<Group> touched = new LinkedHashSet<>();
        Set<Group> created = new LinkedHashSet<>();
        for (CompiledRule rule : leaving) {
            Group group = rule.rule().getEnabled() ? byQuery.get(rule.matchQuery()) : null;
            if (group != null) {
                group.remove(rule.id());
                touched.add(group);
            }
        }
        for (CompiledRule rule : joining) {
            if (!rule.rule().getEnabled()) {
                continue;
            }
            Group group = byQuery.get(rule.matchQuery());
            if (group == null) {
                group = new Group("q" + (++lastId), rule);
                byQuery.put(group.query, group);
                byId.put(group.id, group);
                created.add(group);
            }
            // Rules of a group share its query object: equal queries need not be kept twice.
            group.add(rule.matchQuery() == group.query ? rule : rule.withMatchQuery(group.query));
            touched.add(group);
        }
        List<MonitorQuery> register = new ArrayList<>();
        List<String> delete = new ArrayList<>();
        for (Group group : touched) {
            if (group.rules.isEmpty()) {
                byQuery.remove(group.query);
                byId.remove(group.id);
                if (!created.contains(group)) {
                    delete.add(group.id);
                }
            } else if (created.contains(group)) {
                register.add(new MonitorQuery(group.id, group.query, group.queryText, Map.of()));
            }
        }
        return new Changes(register, delete);
    }
}
