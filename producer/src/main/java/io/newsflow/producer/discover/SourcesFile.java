package io.newsflow.producer.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsflow.producer.politeness.RepollSchedule;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the sources file (YAML). Each entry names its problem precisely when invalid. Example:
 * <pre>
 * sources:
 *   - id: harbour-courier          # letters, digits, '.', '_', '-'
 *     kind: site                   # site | folder | feed | sitemap | warc
 *     start: [https://news.example/archive/]
 *     allow: ['^https://news\.example/(archive|articles)/']   # regexes; empty = all
 *     deny: ['\?replytocom=']
 *     pagination: 'a[rel=next]'    # CSS selector of next-page links on listing pages
 *     max-depth: 1                 # hops from a start page (pagination does not count)
 *     max-pages: 500
 *     delay-ms: 1000               # per-host pause between requests
 *   - id: saved-archive
 *     kind: folder
 *     path: ./archive
 *     glob: '*.html'
 *   - id: courier-feeds
 *     kind: feed                   # RSS or Atom; the items are fetched
 *     feeds: [https://news.example/rss.xml]
 *     allow: ['^https://news\.example/articles/']   # optional filter of item URLs
 *     repoll-min-ms: 300000        # re-poll interval bounds (adaptive in between)
 *     repoll-max-ms: 21600000
 *   - id: courier-sitemaps
 *     kind: sitemap                # sitemap, sitemap index or Google News sitemap
 *     sitemaps: [https://news.example/news-sitemap.xml]
 *     deny: ['/tag/']              # optional filter of page URLs
 *   - id: cc-news
 *     kind: warc                   # archived responses, e.g. CC-NEWS; a file or a folder
 *     path: ./warc
 *     glob: '*.warc.gz'
 * </pre>
 * {@code ${name}} in any string is replaced from the variables passed in (e.g. {@code ${sample.site}}).
 */
public final class SourcesFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SITE_KEYS =
            Set.of("id", "kind", "start", "allow", "deny", "pagination", "max-depth", "max-pages", "delay-ms");
    private static final Set<String> FOLDER_KEYS = Set.of("id", "kind", "path", "glob");
    private static final Set<String> FEED_KEYS = Set.of("id", "kind", "feeds", "allow", "deny", "max-depth", "max-pages",
            "delay-ms", "repoll-min-ms", "repoll-max-ms");
    private static final Set<String> SITEMAP_KEYS = Set.of("id", "kind", "sitemaps", "allow", "deny", "max-depth",
            "max-pages", "delay-ms", "repoll-min-ms", "repoll-max-ms");
    private static final Set<String> WARC_KEYS = Set.of("id", "kind", "path", "glob", "allow", "deny", "max-pages");
    private static final long FEED_REPOLL_MIN_MS = Duration.ofMinutes(5).toMillis();
    private static final long FEED_REPOLL_MAX_MS = Duration.ofHours(6).toMillis();
    private static final long SITEMAP_REPOLL_MIN_MS = Duration.ofMinutes(15).toMillis();
    private static final long SITEMAP_REPOLL_MAX_MS = Duration.ofHours(24).toMillis();

    private SourcesFile() {
    }

    /** Reads and validates {@code file}. */
    public static List<Source> load(Path file, Map<String, String> variables) throws IOException {
        return parse(Files.readString(file), variables, file.toString());
    }

    /**
     * Parses and validates YAML text.
     *
     * @param origin name of the text's origin for error messages
     * @throws IllegalArgumentException naming the entry and key at fault
     */
    public static List<Source> parse(String yaml, Map<String, String> variables, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(substitute(yaml, variables));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("sources").isArray() || root.path("sources").isEmpty()) {
            throw new IllegalArgumentException(origin + ": expected a non-empty list under 'sources:'");
        }
        List<Source> sources = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode entry : root.get("sources")) {
            String where = origin + ": sources[" + index++ + "]";
            Source source = parseEntry(entry, where);
            if (!ids.add(source.id())) {
                throw new IllegalArgumentException(where + ": duplicate id '" + source.id() + "'");
            }
            sources.add(source);
        }
        return sources;
    }

    private static Source parseEntry(JsonNode entry, String where) {
        String id = text(entry, "id", where, true);
        if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException(where + ": id '" + id + "' may only contain letters, digits, '.', '_', '-'");
        }
        where = where + " (" + id + ")";
        String kind = text(entry, "kind", where, true);
        switch (kind) {
            case "site" -> {
                checkKeys(entry, SITE_KEYS, where);
                List<URI> start = httpUrls(entry, "start", where);
                FollowRules rules = rules(entry, 2, 1000, where);
                String pagination = entry.hasNonNull("pagination") ? entry.get("pagination").asText() : null;
                return new Source.Site(id, start, rules, pagination,
                        Duration.ofMillis(integer(entry, "delay-ms", 1000, where)));
            }
            case "folder" -> {
                checkKeys(entry, FOLDER_KEYS, where);
                Path path = Path.of(text(entry, "path", where, true));
                String glob = entry.hasNonNull("glob") ? entry.get("glob").asText() : "*.{html,htm}";
                return new Source.Folder(id, path, glob);
            }
            case "feed" -> {
                checkKeys(entry, FEED_KEYS, where);
                return new Source.Feed(id, httpUrls(entry, "feeds", where), rules(entry, 1, 1000, where),
                        repoll(entry, FEED_REPOLL_MIN_MS, FEED_REPOLL_MAX_MS, where),
                        Duration.ofMillis(integer(entry, "delay-ms", 1000, where)));
            }
            case "sitemap" -> {
                checkKeys(entry, SITEMAP_KEYS, where);
                return new Source.Sitemap(id, httpUrls(entry, "sitemaps", where), rules(entry, 1, 1000, where),
                        repoll(entry, SITEMAP_REPOLL_MIN_MS, SITEMAP_REPOLL_MAX_MS, where),
                        Duration.ofMillis(integer(entry, "delay-ms", 1000, where)));
            }
            case "warc" -> {
                checkKeys(entry, WARC_KEYS, where);
                Path path = Path.of(text(entry, "path", where, true));
                String glob = entry.hasNonNull("glob") ? entry.get("glob").asText() : WarcReader.DEFAULT_GLOB;
                FollowRules rules = followRules(patterns(entry, "allow", where), patterns(entry, "deny", where), 0,
                        integer(entry, "max-pages", Integer.MAX_VALUE, where), where);
                return new Source.Warc(id, path, glob, rules);
            }
            default -> throw new IllegalArgumentException(where + ": unknown kind '" + kind
                    + "'; use site, folder, feed, sitemap or warc");
        }
    }

    /** A required list of absolute http(s) URLs under {@code key}. */
    private static List<URI> httpUrls(JsonNode entry, String key, String where) {
        List<URI> urls = new ArrayList<>();
        for (String s : list(entry, key, where)) {
            URI uri;
            try {
                uri = new URI(s.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(where + ": '" + key + "' URL '" + s + "' is not a valid URL: "
                        + e.getReason());
            }
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException(where + ": '" + key + "' URL '" + s + "' must be http or https");
            }
            urls.add(uri);
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(where + ": '" + key + "' needs at least one URL");
        }
        return urls;
    }

    private static FollowRules rules(JsonNode entry, int defaultDepth, int defaultPages, String where) {
        return followRules(patterns(entry, "allow", where), patterns(entry, "deny", where),
                integer(entry, "max-depth", defaultDepth, where), integer(entry, "max-pages", defaultPages, where), where);
    }

    private static FollowRules followRules(List<Pattern> allow, List<Pattern> deny, int maxDepth, int maxPages,
            String where) {
        try {
            return new FollowRules(allow, deny, maxDepth, maxPages);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static RepollSchedule repoll(JsonNode entry, long defaultMin, long defaultMax, String where) {
        long min = millis(entry, "repoll-min-ms", defaultMin, where);
        long max = millis(entry, "repoll-max-ms", defaultMax, where);
        if (min < 1) {
            throw new IllegalArgumentException(where + ": 'repoll-min-ms' must be at least 1, got " + min);
        }
        if (min > max) {
            throw new IllegalArgumentException(where + ": 'repoll-min-ms' (" + min + ") is greater than 'repoll-max-ms' ("
                    + max + ")");
        }
        return new RepollSchedule(Duration.ofMillis(min), Duration.ofMillis(max));
    }

    private static void checkKeys(JsonNode entry, Set<String> allowed, String where) {
        for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "'; allowed: " + allowed);
            }
        }
    }

    private static String text(JsonNode entry, String key, String where, boolean required) {
        JsonNode v = entry.get(key);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            if (required) {
                throw new IllegalArgumentException(where + ": '" + key + "' is required");
            }
            return null;
        }
        return v.asText().trim();
    }

    private static List<String> list(JsonNode entry, String key, String where) {
        JsonNode v = entry.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            out.add(v.asText());
        } else if (v.isArray()) {
            v.forEach(item -> out.add(item.asText()));
        } else {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a string or a list of strings");
        }
        return out;
    }

    private static List<Pattern> patterns(JsonNode entry, String key, String where) {
        List<Pattern> out = new ArrayList<>();
        for (String regex : list(entry, key, where)) {
            try {
                out.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + ": '" + key + "' pattern '" + regex + "' is not a valid regex: "
                        + e.getDescription());
            }
        }
        return out;
    }

    private static int integer(JsonNode entry, String key, int fallback, String where) {
        JsonNode v = entry.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToInt() || (!v.isInt() && !v.asText().matches("-?\\d+"))) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a whole number, got '" + v.asText() + "'");
        }
        return v.asInt();
    }

    private static long millis(JsonNode entry, String key, long fallback, String where) {
        JsonNode v = entry.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToLong() || (!v.isIntegralNumber() && !v.asText().matches("-?\\d+"))) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a whole number of milliseconds, got '"
                    + v.asText() + "'");
        }
        return v.asLong();
    }

    private static String substitute(String text, Map<String, String> variables) {
        String out = text;
        for (Map.Entry<String, String> e : variables.entrySet()) {
            out = out.replace("${" + e.getKey() + "}", e.getValue());
        }
        return out;
    }
}
