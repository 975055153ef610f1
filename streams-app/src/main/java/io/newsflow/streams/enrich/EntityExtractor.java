package io.newsflow.streams.enrich;

import io.newsflow.schema.Entity;
import io.newsflow.streams.enrich.internal.EntityToken;
import io.newsflow.streams.enrich.internal.EntityTokenizer;
import io.newsflow.streams.enrich.internal.Gazetteer;
import io.newsflow.streams.enrich.internal.Mentions;
import io.newsflow.streams.enrich.internal.NameLexicon;
import io.newsflow.streams.enrich.internal.NameRules;
import java.util.List;

/**
 * Finds the people, places and organisations an English article names, without a statistical model:
 * bundled lists (the JDK's countries; curated cities, regions and organisations with their aliases;
 * given names) plus capitalisation rules. People come from titles ("President Trump"), given names
 * ("Masood Khan") and "X administration"; a later surname alone counts for the full name. Organisations
 * also come from runs ending in an organisation word ("Pakistan Army") and from unknown acronyms used
 * at least twice. Other multi-word names that no rule can type are kept as OTHER.
 *
 * <p>Offsets are into {@code title + "\n\n" + body}, the text the schema documents. Entities are
 * ordered by mention count, most first (ties: first mentioned first), at most {@value #MAX_ENTITIES}.
 *
 * <p>Immutable and thread-safe after construction; build one and share it.
 */
public final class EntityExtractor {

    /** The most entities reported per article; the rest are the least mentioned. */
    public static final int MAX_ENTITIES = 50;
    /** Changes whenever the rules or the bundled gazetteer and name lists change. */
    static final String VERSION = "gazetteer-rules-1";

    /** Name and version of the extractor and its lists, for the enriched record's {@code models} map. */
    public String version() {
        return VERSION;
    }

    private final NameRules rules;

    EntityExtractor(Gazetteer gazetteer, NameLexicon lexicon) {
        this.rules = new NameRules(gazetteer, lexicon);
    }

    /** Creates an extractor with the bundled lists. */
    public static EntityExtractor loadDefault() {
        return new EntityExtractor(Gazetteer.loadDefault(), NameLexicon.loadDefault());
    }

    /**
     * Extracts the entities of an English (or undetermined-language) article.
     *
     * @param title headline, may be null
     * @param body  main text, may be null
     */
    public List<Entity> extract(String title, String body) {
        String text = text(title, body);
        Mentions mentions = new Mentions();
        List<EntityToken> tokens = EntityTokenizer.tokenize(text, title == null ? 0 : title.length());
        rules.find(text, tokens, mentions);
        return mentions.resolve(MAX_ENTITIES);
    }

    /**
     * Extracts only the listed places and organisations ("Pakistan", "NATO"): for articles in other
     * languages, where capitalisation does not mark names (German capitalises every noun) but many
     * names are written as in English.
     */
    public List<Entity> extractListed(String title, String body) {
        String text = text(title, body);
        Mentions mentions = new Mentions();
        rules.findListed(EntityTokenizer.tokenize(text, title == null ? 0 : title.length()), mentions);
        return mentions.resolve(MAX_ENTITIES);
    }

    private static String text(String title, String body) {
        return (title == null ? "" : title) + "\n\n" + (body == null ? "" : body);
    }
}
