package io.newsflow.producer.extract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Per-host CSS selectors for the few sites the generic extractor gets wrong, read from YAML:
 *
 * <pre>
 * sites:
 *   - hosts: [news.example, www.news.example]   # the host or any subdomain of it
 *     body: 'div.story-text'                    # the story's container(s); chrome inside is still dropped
 *     title: 'h1.headline'                      # text of the first match
 *     author: '.byline a'                       # text of every match, one author each
 *     date: 'time.published'                    # datetime or content attribute, else text, of the first match
 *     drop: ['.inline-promo', '.read-more']     # elements never part of the body
 * </pre>
 *
 * Every field but {@code hosts} is optional; a field whose selector matches nothing falls back to the
 * generic extractor. Selectors are checked when the file is loaded, so a typo fails at start-up with the
 * file and rule named, not on some page later. The bundled file ({@link #bundled()}) is read first and a
 * user's file ({@link #load}) overrides it host by host. Immutable and thread-safe.
 */
public final class SiteRules {

    /** Classpath location of the bundled rules. */
    static final String BUNDLED = "io/newsflow/producer/extract/site-rules.yaml";

    /**
     * One site's selectors; each is null (or {@code drop} empty) when the site does not need it.
     *
     * @param hosts host names the rule applies to, with their subdomains
     */
    public record Rule(List<String> hosts, String body, String title, String author, String date, List<String> drop) {
        public Rule {
            hosts = hosts == null ? List.of() : hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            drop = drop == null ? List.of() : List.copyOf(drop);
        }

        /** Selectors of elements that are not body text: the drops and the title, author and date elements. */
        List<String> elementsOutsideTheBody() {
            List<String> selectors = new ArrayList<>(drop);
            for (String s : new String[] {title, author, date}) {
                if (s != null) {
                    selectors.add(s);
                }
            }
            return selectors;
        }

        boolean appliesTo(String host) {
            for (String h : hosts) {
                if (host.equals(h) || host.endsWith("." + h)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record RulesFile(@JsonProperty("sites") List<Rule> sites) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private final List<Rule> rules;

    private SiteRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No rules at all: the generic extractor everywhere. */
    public static SiteRules none() {
        return new SiteRules(List.of());
    }

    /** The rules bundled with Newsflow. */
    public static SiteRules bundled() {
        try (InputStream in = SiteRules.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled site rules missing from the classpath: " + BUNDLED);
            }
            return new SiteRules(parse(in, "bundled " + BUNDLED));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + BUNDLED, e);
        }
    }

    /**
     * The rules of {@code file} in front of the bundled ones; {@code file} null means the bundled rules alone.
     *
     * @throws IllegalArgumentException when the file cannot be read or a rule is invalid, naming both
     */
    public static SiteRules load(Path file) {
        if (file == null) {
            return bundled();
        }
        List<Rule> all = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            all.addAll(parse(in, file.toString()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read site rules " + file + ": " + e.getMessage(), e);
        }
        all.addAll(bundled().rules);
        return new SiteRules(all);
    }

    /** The first rule for {@code url}'s host, or null. */
    public Rule forUrl(String url) {
        if (rules.isEmpty() || url == null) {
            return null;
        }
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (host == null) {
            return null;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (Rule rule : rules) {
            if (rule.appliesTo(h)) {
                return rule;
            }
        }
        return null;
    }

    /** How many rules there are. */
    public int size() {
        return rules.size();
    }

    private static List<Rule> parse(InputStream in, String origin) throws IOException {
        RulesFile file;
        try {
            file = YAML.readValue(in, RulesFile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("site rules " + origin + " are not valid: " + e.getMessage(), e);
        }
        List<Rule> rules = file == null || file.sites() == null ? List.of() : file.sites();
        for (int i = 0; i < rules.size(); i++) {
            validate(Objects.requireNonNull(rules.get(i), "rule"), origin + ", rule " + (i + 1));
        }
        return rules;
    }

    private static void validate(Rule rule, String where) {
        if (rule.hosts().isEmpty() || rule.hosts().stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("site rules " + where + ": hosts must list at least one host name");
        }
        for (String selector : selectors(rule)) {
            try {
                Evaluator ignored = QueryParser.parse(selector);
            } catch (Selector.SelectorParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException("site rules " + where + " (" + rule.hosts().get(0)
                        + "): bad CSS selector '" + selector + "': " + e.getMessage(), e);
            }
        }
    }

    private static List<String> selectors(Rule rule) {
        List<String> selectors = new ArrayList<>(rule.drop());
        for (String s : new String[] {rule.body(), rule.title(), rule.author(), rule.date()}) {
            if (s != null) {
                selectors.add(s);
            }
        }
        return selectors;
    }
}
