package io.newsflow.streams.enrich;

import io.newsflow.streams.enrich.internal.Resources;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The IPTC Media Topics that Newsflow knows by name: the 17 level-1 topics and the current level-2
 * topics, with their English names and level-1 parents, from the bundled {@code iptc-mediatopics.tsv}
 * (IPTC NewsCodes, CC BY 4.0).
 *
 * <p>Immutable and thread-safe; {@link #bundled()} is loaded once.
 */
public final class CategoryTaxonomy {

    /** What every IPTC Media Topic code looks like, e.g. {@code medtop:11000000}. */
    public static final Pattern CODE = Pattern.compile("medtop:\\d{8}");

    /** One topic: its code, English name, and the code of its level-1 topic (its own code at level 1). */
    public record Topic(String code, String label, String level1) {

        /** True for the 17 top-level topics. */
        public boolean isLevel1() {
            return code.equals(level1);
        }
    }

    private static final class Bundled {
        static final CategoryTaxonomy INSTANCE = parse(Resources.contentLines("iptc-mediatopics.tsv"));
    }

    private final Map<String, Topic> byCode;
    private final List<Topic> level1;

    private CategoryTaxonomy(Map<String, Topic> byCode) {
        this.byCode = Collections.unmodifiableMap(new LinkedHashMap<>(byCode));
        this.level1 = byCode.values().stream().filter(Topic::isLevel1).toList();
    }

    /** The bundled levels 1 and 2. */
    public static CategoryTaxonomy bundled() {
        return Bundled.INSTANCE;
    }

    /** Parses lines {@code code<TAB>level-1 code<TAB>name} (comments and blank lines already removed). */
    static CategoryTaxonomy parse(List<String> lines) {
        Map<String, Topic> topics = new LinkedHashMap<>();
        for (String line : lines) {
            String[] cols = line.split("\t");
            if (cols.length != 3 || !CODE.matcher(cols[0].strip()).matches() || !CODE.matcher(cols[1].strip()).matches()) {
                throw new IllegalStateException("iptc-mediatopics.tsv: expected 'code<TAB>level-1 code<TAB>name', got: " + line);
            }
            topics.put(cols[0].strip(), new Topic(cols[0].strip(), cols[2].strip(), cols[1].strip()));
        }
        for (Topic topic : topics.values()) {
            if (!topics.containsKey(topic.level1()) || !topics.get(topic.level1()).isLevel1()) {
                throw new IllegalStateException("iptc-mediatopics.tsv: " + topic.code() + " names an unknown level-1 topic "
                        + topic.level1());
            }
        }
        return new CategoryTaxonomy(topics);
    }

    /** The topic with this code, or null when it is not a known level-1 or level-2 code. */
    public Topic topic(String code) {
        return byCode.get(code);
    }

    /** The English name of a code, or the code itself for codes below level 2 or unknown to us. */
    public String label(String code) {
        Topic topic = byCode.get(code);
        return topic == null ? code : topic.label();
    }

    /** The 17 level-1 topics, in file order (by code). */
    public List<Topic> level1() {
        return level1;
    }

    /** The level-2 topics under a level-1 code, in file order. */
    public List<Topic> childrenOf(String level1Code) {
        List<Topic> children = new ArrayList<>();
        for (Topic topic : byCode.values()) {
            if (!topic.isLevel1() && topic.level1().equals(level1Code)) {
                children.add(topic);
            }
        }
        return children;
    }

    /** Every known topic, level 1 first, in file order. */
    public List<Topic> all() {
        return List.copyOf(byCode.values());
    }
}
