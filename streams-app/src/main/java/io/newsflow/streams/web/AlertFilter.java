package io.newsflow.streams.web;

import io.newsflow.schema.KeywordAlert;
import io.newsflow.schema.Severity;

/**
 * Which alerts a page or API client wants: one rule, one owning team, a minimum severity. A null (or
 * blank) component places no constraint. Immutable.
 *
 * @param ruleId only alerts of this rule (exact id)
 * @param owner only alerts whose rule owner is this team (case-insensitive, as teams are typed by hand)
 * @param minSeverity only alerts at least this severe
 */
public record AlertFilter(String ruleId, String owner, Severity minSeverity) {

    private static final AlertFilter ALL = new AlertFilter(null, null, null);

    /** Blank strings become null, so an empty form field or query parameter means "any". */
    public AlertFilter {
        ruleId = blankToNull(ruleId);
        owner = blankToNull(owner);
    }

    /** The filter that accepts every alert. */
    public static AlertFilter all() {
        return ALL;
    }

    /** True when the alert satisfies every constraint of this filter. */
    public boolean test(KeywordAlert a) {
        if (ruleId != null && !ruleId.equals(a.getRuleId())) {
            return false;
        }
        if (owner != null && (a.getOwner() == null || !owner.equalsIgnoreCase(a.getOwner()))) {
            return false;
        }
        return minSeverity == null
                || (a.getSeverity() != null && a.getSeverity().compareTo(minSeverity) >= 0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
