package io.newsflow.streams.alert;

/**
 * An alert rule (or a rules file) that cannot be used, with the reason.
 *
 * <p>The message names the rule and the problem, e.g.
 * {@code rule 'eu-sanctions': unknown field 'author'; use title, body, source, keywords or entities}, so it can
 * be shown as-is to whoever wrote the rule (CLI, HTTP API, log).
 */
public final class InvalidRuleException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String ruleId;
    private final String problem;

    /**
     * @param ruleId id of the offending rule, or null when the problem is not tied to one rule (e.g.
     *     a rules file that is not valid YAML, or a rule without an id)
     * @param problem what is wrong, in words the rule's author can act on
     */
    public InvalidRuleException(String ruleId, String problem) {
        super(ruleId == null ? problem : "rule '" + ruleId + "': " + problem);
        this.ruleId = ruleId;
        this.problem = problem;
    }

    /** Id of the offending rule; null when the problem is not tied to one identified rule. */
    public String ruleId() {
        return ruleId;
    }

    /** The problem alone, without the rule id prefix of {@link #getMessage()}. */
    public String problem() {
        return problem;
    }
}
