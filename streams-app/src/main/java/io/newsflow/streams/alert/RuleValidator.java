package io.newsflow.streams.alert;

import io.newsflow.schema.AlertRule;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Checks an {@link AlertRule} before it is stored, so a bad rule is refused where it is written (CLI,
 * HTTP, rules file) instead of failing or misbehaving per article later.
 *
 * <p>Refused: an id outside {@code [A-Za-z0-9._-]{1,64}}; a blank name; a blank query or one over
 * 2000 characters; a syntax error; a field other than title, body, source, keywords or entities; a leading
 * wildcard ({@code *foo}, {@code ?foo}: it scans every term); a regular expression; a query that
 * would match every article ({@code *}, {@code *:*}, {@code title:*}, {@code NOT sport}); a group with
 * only negated clauses ({@code a AND (NOT b)} matches nothing in Lucene); more than 200 terms. Of the
 * filters: a category code not shaped {@code medtop:} + 8 digits; a language that is not two
 * lower-case letters; a blank source; more than 50 entries in one list; a minimum absolute sentiment
 * outside [0, 1]. Each refusal is an {@link InvalidRuleException} naming the rule and the problem.
 *
 * <p>Stateless and thread-safe.
 */
public final class RuleValidator {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern CATEGORY = Pattern.compile("medtop:\\d{8}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final String FIELD_LIST = "title, body, source, keywords or entities";
    /** Filters are for narrowing a rule, not for enumerating the world; a longer list is a mistake. */
    static final int MAX_FILTER_ENTRIES = 50;

    private RuleValidator() {}

    /**
     * Validates every field of the rule, including its query.
     *
     * @throws InvalidRuleException naming the rule and the first problem found
     */
    public static void validate(AlertRule rule) throws InvalidRuleException {
        compile(rule);
    }

    /**
     * Validates the rule and returns its parsed Lucene query (over the fields of
     * {@link QueryLanguage#document}), so the matcher parses each rule once and tools can run the
     * very query the matcher runs.
     *
     * @throws InvalidRuleException naming the rule and the first problem found
     */
    public static Query compile(AlertRule rule) throws InvalidRuleException {
        String id = rule.getId();
        if (id == null || id.isEmpty()) {
            throw new InvalidRuleException(null, "rule has no id");
        }
        if (!ID.matcher(id).matches()) {
            throw new InvalidRuleException(id,
                    "id must be 1 to 64 characters, each a letter, digit, '.', '_' or '-'");
        }
        if (rule.getName() == null || rule.getName().isBlank()) {
            throw new InvalidRuleException(id, "name is blank");
        }
        String text = rule.getQuery();
        if (text == null || text.isBlank()) {
            throw new InvalidRuleException(id, "query is blank");
        }
        if (text.length() > QueryLanguage.MAX_QUERY_CHARS) {
            throw new InvalidRuleException(id, "query is " + text.length()
                    + " characters long; the limit is " + QueryLanguage.MAX_QUERY_CHARS);
        }
        Query query = parse(id, text);
        checkQuery(id, query);
        checkFilters(id, rule);
        return query;
    }

    private static void checkFilters(String id, AlertRule rule) throws InvalidRuleException {
        checkList(id, "categories", rule.getCategories());
        for (String code : orEmpty(rule.getCategories())) {
            if (!CATEGORY.matcher(code).matches()) {
                throw new InvalidRuleException(id, "category '" + code
                        + "' is not an IPTC Media Topic code such as medtop:11000000");
            }
        }
        checkList(id, "languages", rule.getLanguages());
        for (String language : orEmpty(rule.getLanguages())) {
            if (!LANGUAGE.matcher(language).matches()) {
                throw new InvalidRuleException(id, "language '" + language
                        + "' is not a two-letter lower-case ISO 639-1 code such as en");
            }
        }
        checkList(id, "sources", rule.getSources());
        Double min = rule.getMinAbsSentiment();
        // The negated test also refuses NaN, which compares false with everything.
        if (min != null && !(min >= 0.0 && min <= 1.0)) {
            throw new InvalidRuleException(id, "minAbsSentiment must be between 0 and 1, not " + min);
        }
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static void checkList(String id, String name, List<String> values) throws InvalidRuleException {
        if (values == null) {
            return; // a record built without the field: no filter, as with the schema default
        }
        if (values.size() > MAX_FILTER_ENTRIES) {
            throw new InvalidRuleException(id, name + " has " + values.size() + " entries; the limit is "
                    + MAX_FILTER_ENTRIES);
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new InvalidRuleException(id, name + " has a blank entry");
            }
        }
    }

    private static Query parse(String id, String text) throws InvalidRuleException {
        try {
            return QueryLanguage.newParser().parse(text);
        } catch (ParseException e) {
            if (e.getCause() instanceof IndexSearcher.TooManyClauses) {
                throw tooManyTerms(id, "more than " + IndexSearcher.getMaxClauseCount() + " clauses");
            }
            throw new InvalidRuleException(id, "syntax error in query: " + parserExplanation(e, text));
        } catch (RuntimeException e) {
            // e.g. TooManyClauses thrown outside ParseException, or an argument Lucene refuses
            if (e instanceof IndexSearcher.TooManyClauses) {
                throw tooManyTerms(id, "more than " + IndexSearcher.getMaxClauseCount() + " clauses");
            }
            throw new InvalidRuleException(id, "query cannot be parsed: " + e.getMessage());
        }
    }

    private static void checkQuery(String id, Query query) throws InvalidRuleException {
        QueryShape shape = QueryShape.of(query);
        for (String field : shape.fields()) {
            if (!QueryLanguage.FIELDS.contains(field)) {
                throw new InvalidRuleException(id,
                        "unknown field '" + field + "'; use " + FIELD_LIST);
            }
        }
        for (Query multiTerm : shape.multiTermQueries()) {
            if (multiTerm instanceof RegexpQuery) {
                throw new InvalidRuleException(id, "regular expressions (/.../) are not supported;"
                        + " use a wildcard such as arrest*");
            }
        }
        if (QueryShape.matchesEverything(query)) {
            throw new InvalidRuleException(id, "query would match every article;"
                    + " it needs at least one required positive term, e.g. 'election AND NOT sport'");
        }
        for (Query multiTerm : shape.multiTermQueries()) {
            if (multiTerm instanceof WildcardQuery wildcard && startsWithWildcard(wildcard)) {
                throw new InvalidRuleException(id, "leading wildcard in '"
                        + wildcard.getTerm().text() + "' is refused because it scans every term;"
                        + " start the word with at least one letter");
            }
        }
        if (QueryShape.hasNegativeOnlyGroup(query)) {
            throw new InvalidRuleException(id, "a group with only NOT clauses matches nothing;"
                    + " write 'a AND NOT b' instead of 'a AND (NOT b)'");
        }
        if (shape.termCount() > QueryLanguage.MAX_TERMS) {
            throw tooManyTerms(id, shape.termCount() + " terms");
        }
        if (shape.termCount() == 0) {
            throw new InvalidRuleException(id, "query has no searchable words");
        }
    }

    private static boolean startsWithWildcard(WildcardQuery wildcard) {
        String text = wildcard.getTerm().text();
        return text.startsWith("*") || text.startsWith("?");
    }

    private static InvalidRuleException tooManyTerms(String id, String found) {
        return new InvalidRuleException(id, "query has too many terms (" + found + "; the limit is "
                + QueryLanguage.MAX_TERMS + "); split it into several rules");
    }

    /**
     * The parser's own explanation without its "Cannot parse '...'" prefix (the author knows the
     * query) and without the long list of expected tokens.
     */
    private static String parserExplanation(ParseException e, String text) {
        String message = String.valueOf(e.getMessage());
        String prefix = "Cannot parse '" + text + "': ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        int newline = message.indexOf('\n');
        String explanation = (newline < 0 ? message : message.substring(0, newline))
                .replaceAll(" \\(in lexical state \\d+\\)", "") // parser internals
                .replaceAll("\\s+", " ")
                .strip();
        if (explanation.contains("<EOF>")) {
            explanation += " (unbalanced parenthesis or quote, or an operator with nothing after it?)";
        }
        return explanation;
    }
}
