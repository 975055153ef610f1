package io.newsflow.producer.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * Finds the article node in a page's JSON-LD ({@code NewsArticle}, {@code Article}, {@code BlogPosting},
 * {@code ReportageNewsArticle} and the other news subtypes), whether top level, in an array, in
 * {@code @graph} or nested (e.g. a WebPage's {@code mainEntity}). {@code @id} references to authors and
 * publishers elsewhere in the graph are followed. {@code articleBody} is deliberately ignored: publishers
 * often truncate it or fill it with teaser text, so the body always comes from the DOM.
 */
final class JsonLdReader {

    /**
     * The fields Newsflow reads from the article node; any may be null or empty.
     *
     * @param authors             names of authors that are people (or untyped)
     * @param organizationAuthors names of authors typed {@code Organization}: a fallback, often the site itself
     * @param freeToRead          {@code isAccessibleForFree} of the article or of any of its {@code hasPart}
     *                            sections: false when some part is not free, null when the page does not say
     */
    record JsonLdArticle(String headline, List<String> authors, List<String> organizationAuthors,
                         String datePublished, String dateModified, String publisher, List<String> keywords,
                         String inLanguage, Boolean freeToRead) {
    }

    /**
     * The article node and, when there is none, the page node ({@code WebPage} and its subtypes), read the
     * same way: many sites declare their posts as a {@code WebPage} with a {@code datePublished}.
     */
    record Found(JsonLdArticle article, JsonLdArticle page) {
    }

    private static final Set<String> PAGE_TYPES = Set.of("WebPage", "ItemPage", "MedicalWebPage", "AboutPage",
            "FAQPage", "QAPage");

    private static final Set<String> ARTICLE_TYPES = Set.of("NewsArticle", "Article", "BlogPosting",
            "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle",
            "BackgroundNewsArticle", "LiveBlogPosting", "Report");

    // Publishers' JSON-LD is hand-templated: tolerate comments, trailing commas and raw newlines.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    private JsonLdReader() {
    }

    /**
     * The first article node in the page's JSON-LD {@code blocks}, or null when there is none or the JSON
     * cannot be parsed.
     */
    static JsonLdArticle read(List<String> blocks) {
        return readAll(blocks).article();
    }

    /** The article node, or else the page node, of the page's JSON-LD {@code blocks}; both null when neither. */
    static Found readAll(List<String> blocks) {
        if (blocks.isEmpty()) {
            return new Found(null, null);
        }
        List<JsonNode> roots = new ArrayList<>();
        for (String block : blocks) {
            try {
                JsonNode root = MAPPER.readTree(block);
                if (root != null) {
                    roots.add(root);
                }
            } catch (JsonProcessingException e) {
                // A broken block is common and not our problem; other blocks or sources still count.
            }
        }
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode root : roots) {
            index(root, byId);
        }
        for (JsonNode root : roots) {
            JsonNode article = find(root, ARTICLE_TYPES);
            if (article != null) {
                return new Found(toArticle(article, byId), null);
            }
        }
        for (JsonNode root : roots) {
            JsonNode page = find(root, PAGE_TYPES);
            if (page != null) {
                return new Found(null, toArticle(page, byId));
            }
        }
        return new Found(null, null);
    }

    private static void index(JsonNode node, Map<String, JsonNode> byId) {
        if (node.isObject() && node.hasNonNull("@id") && node.size() > 1) {
            byId.putIfAbsent(node.get("@id").asText(), node);
        }
        if (node.isContainerNode()) {
            node.forEach(child -> index(child, byId));
        }
    }

    private static JsonNode find(JsonNode node, Set<String> types) {
        if (node.isObject() && isType(node.get("@type"), types)) {
            return node;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                JsonNode found = find(child, types);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean isType(JsonNode type, Set<String> types) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (types.contains(stripContext(t.asText()))) {
                    return true;
                }
            }
            return false;
        }
        return types.contains(stripContext(type.asText()));
    }

    private static String stripContext(String type) {
        // "http://schema.org/NewsArticle" and "schema:NewsArticle" name the same type.
        int cut = Math.max(type.lastIndexOf('/'), type.lastIndexOf(':'));
        return cut >= 0 ? type.substring(cut + 1) : type;
    }

    private static JsonLdArticle toArticle(JsonNode node, Map<String, JsonNode> byId) {
        String headline = text(node.get("headline"));
        if (headline == null) {
            headline = text(node.get("name"));
        }
        List<String> people = new ArrayList<>();
        List<String> organizations = new ArrayList<>();
        for (JsonNode author : list(node.get("author"))) {
            String name = nameOf(author, byId);
            if (name != null) {
                (isOrganization(author, byId) ? organizations : people).add(name);
            }
        }
        return new JsonLdArticle(headline, people, organizations, text(node.get("datePublished")),
                text(node.get("dateModified")), firstName(node.get("publisher"), byId), keywords(node.get("keywords")),
                language(node.get("inLanguage")), freeToRead(node));
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node == null) {
            return items;
        }
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        return items;
    }

    private static boolean isOrganization(JsonNode author, Map<String, JsonNode> byId) {
        JsonNode resolved = author;
        if (author.isObject() && !author.has("@type") && author.hasNonNull("@id")) {
            resolved = byId.getOrDefault(author.get("@id").asText(), author);
        }
        for (JsonNode type : list(resolved.get("@type"))) {
            String t = stripContext(type.asText());
            if (t.equals("Organization") || t.equals("NewsMediaOrganization") || t.equals("Corporation")) {
                return true;
            }
        }
        return false;
    }

    /** False when the article or one of its parts says {@code isAccessibleForFree: false}. */
    private static Boolean freeToRead(JsonNode article) {
        Boolean free = accessibleForFree(article.get("isAccessibleForFree"));
        for (JsonNode part : list(article.get("hasPart"))) {
            Boolean partFree = part.isObject() ? accessibleForFree(part.get("isAccessibleForFree")) : null;
            if (partFree != null) {
                free = free == null ? partFree : free && partFree;
            }
        }
        return free;
    }

    private static Boolean accessibleForFree(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        String s = value.asText().strip().toLowerCase(Locale.ROOT);
        // "False", "false" and schema.org's URL form "https://schema.org/False" all occur.
        if (s.endsWith("false")) {
            return false;
        }
        return s.endsWith("true") ? Boolean.TRUE : null;
    }

    private static List<String> names(JsonNode node, Map<String, JsonNode> byId) {
        List<String> names = new ArrayList<>();
        if (node == null) {
            return names;
        }
        if (node.isArray()) {
            node.forEach(n -> names.addAll(names(n, byId)));
        } else {
            String name = nameOf(node, byId);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private static String firstName(JsonNode node, Map<String, JsonNode> byId) {
        List<String> names = names(node, byId);
        return names.isEmpty() ? null : names.get(0);
    }

    private static String nameOf(JsonNode node, Map<String, JsonNode> byId) {
        if (node.isTextual()) {
            return text(node);
        }
        if (!node.isObject()) {
            return null;
        }
        JsonNode resolved = node;
        if (!node.has("name") && node.hasNonNull("@id")) {
            resolved = byId.getOrDefault(node.get("@id").asText(), node);
        }
        return text(resolved.get("name"));
    }

    private static List<String> keywords(JsonNode node) {
        List<String> keywords = new ArrayList<>();
        if (node == null) {
            return keywords;
        }
        if (node.isArray()) {
            node.forEach(k -> keywords.addAll(keywords(k)));
            return keywords;
        }
        String text = text(node);
        if (text != null) {
            keywords.addAll(Keywords.split(text));
        }
        return keywords;
    }

    private static String language(JsonNode node) {
        if (node != null && node.isObject()) {
            String code = text(node.get("alternateName"));
            return code != null ? code : text(node.get("name"));
        }
        return text(node);
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        String s = Texts.clean(Parser.unescapeEntities(node.asText(), false));
        return s.isEmpty() ? null : s;
    }
}
