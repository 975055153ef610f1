package io.newsflow.sinks;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schema.Severity;
import io.newsflow.streams.alert.AlertMatcher;
import io.newsflow.streams.alert.InvalidRuleException;
import io.newsflow.streams.enrich.ArticleEnricher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Realistic records for the sink tests: twenty hand-written news articles run through the streams app's
 * real enricher ({@link ArticleEnricher#createDefault()}: language, IPTC categories, sentiment,
 * entities) and real rule matcher ({@link AlertMatcher}), so the flat rows carry what production would.
 */
final class NewsFixtures {

    static final Instant PUBLISHED = Instant.parse("2025-03-09T06:00:00Z");

    private static final String[][] STORIES = {
        {"harbour-courier", "The Harbour Courier", "Suspect in port bombing extradited from Portugal",
            "A man suspected of planting the bomb that damaged the container terminal last spring was extradited"
                + " from Portugal on Sunday. Police said he was arrested in Lisbon after a joint investigation"
                + " and will appear before a judge on Monday. Prosecutors accuse him of links to a militant cell."},
        {"harbour-courier", "The Harbour Courier", "Dock workers vote to strike over pay",
            "Dock workers at the northern port voted overwhelmingly to strike after talks on wages collapsed."
                + " The union said members had lost patience with an offer that fell far below inflation."
                + " The port authority warned that the walkout would disrupt shipping for weeks."},
        {"city-ledger", "The City Ledger", "Central bank holds interest rates steady",
            "The central bank kept its main interest rate unchanged on Thursday, citing easing inflation and"
                + " a resilient labour market. Economists had expected the pause. The governor said future"
                + " decisions would depend on wage growth and energy prices."},
        {"city-ledger", "The City Ledger", "Shares rally as tech earnings beat forecasts",
            "Stock markets rose sharply after several technology companies reported profits well above"
                + " analysts' forecasts. Investors welcomed strong demand for cloud services and the index closed"
                + " at a record high, its best week since January."},
        {"valley-times", "Valley Times", "Flood waters recede after record rainfall",
            "Residents began returning home as flood waters receded across the valley following record"
                + " rainfall. Emergency services rescued dozens of people over the weekend. The storm damaged"
                + " roads and bridges, and officials estimate repairs will take months."},
        {"valley-times", "Valley Times", "Hospital opens new cancer treatment centre",
            "The regional hospital opened a new cancer treatment centre on Tuesday, bringing radiotherapy"
                + " closer to thousands of patients. Doctors said waiting times should fall and patients would"
                + " no longer need to travel to the capital for care."},
        {"valley-times", "Valley Times", "Local team wins national football championship",
            "The town celebrated late into the night after its football team won the national championship"
                + " with a dramatic goal in extra time. The coach praised the players for a wonderful season and"
                + " thanked the fans for their support."},
        {"capital-post", "The Capital Post", "Parliament passes budget after long debate",
            "Parliament approved the government's budget late on Wednesday after a marathon debate."
                + " The opposition voted against, criticising cuts to public transport. The finance minister said"
                + " the plan would reduce the deficit while protecting schools and hospitals."},
        {"capital-post", "The Capital Post", "Election campaign opens with televised debate",
            "The election campaign formally opened with a televised debate between the main party leaders."
                + " Candidates clashed over taxes, housing and immigration. Polls suggest a close race, and"
                + " voters will go to the polls in six weeks."},
        {"capital-post", "The Capital Post", "Minister resigns over procurement scandal",
            "The transport minister resigned on Friday after reports that contracts worth millions were"
                + " awarded without a tender. Police have opened an investigation into alleged corruption."
                + " The prime minister said the government would cooperate fully."},
        {"world-wire", "World Wire", "Ceasefire talks resume as fighting continues",
            "Negotiators returned to the table for ceasefire talks even as fighting continued along the"
                + " border. Shelling killed at least twelve civilians overnight, the United Nations said,"
                + " and aid agencies warned of a worsening humanitarian crisis."},
        {"world-wire", "World Wire", "Militant leader arrested in dawn raid",
            "Security forces arrested the leader of a militant group in a dawn raid on Saturday, officials"
                + " said. Weapons and explosives were seized. The group has claimed several bombing attacks"
                + " in the past year. Prosecutors are seeking his extradition."},
        {"world-wire", "World Wire", "Earthquake shakes coastal towns, no deaths reported",
            "A strong earthquake shook coastal towns early on Monday, cracking walls and cutting power to"
                + " thousands of homes. No deaths were reported. Geologists said aftershocks were likely in the"
                + " coming days and urged residents to stay alert."},
        {"science-daily", "Science Daily", "Researchers find new antibiotic in soil bacteria",
            "Scientists have discovered a new antibiotic produced by soil bacteria that kills drug-resistant"
                + " infections in mice. The researchers said the discovery was promising, although clinical"
                + " trials in humans are still years away."},
        {"science-daily", "Science Daily", "Space telescope captures images of distant galaxy",
            "A space telescope has captured detailed images of one of the most distant galaxies ever observed."
                + " Astronomers said the light left the galaxy more than thirteen billion years ago, offering a"
                + " rare view of the early universe."},
        {"green-report", "The Green Report", "City unveils plan to cut carbon emissions by half",
            "The city council unveiled a plan to cut carbon emissions by half within a decade, expanding bus"
                + " lanes, planting trees and retrofitting public buildings. Environmental groups welcomed the"
                + " plan but said funding remained uncertain."},
        {"green-report", "The Green Report", "Drought threatens harvest as reservoirs run low",
            "Farmers warned that this year's harvest is at risk as a prolonged drought left reservoirs at"
                + " their lowest level in decades. The agriculture ministry announced emergency aid and"
                + " restrictions on water use."},
        {"arts-review", "Arts Review", "Museum reopens with major exhibition of modern art",
            "The national museum reopened after a two-year renovation with a major exhibition of modern art."
                + " Visitors queued around the block to see paintings and sculptures loaned from galleries"
                + " across Europe. Critics called the show a triumph."},
        {"city-ledger", "The City Ledger", "Carmaker cuts jobs as sales slump",
            "A major carmaker announced it will cut four thousand jobs after a sharp fall in sales. Unions"
                + " condemned the decision and threatened strikes. The company blamed weak demand and rising"
                + " costs, and said it would close one factory."},
        {"harbour-courier", "The Harbour Courier", "Police arrest two after bombing threat at ferry terminal",
            "Police arrested two men after a bombing threat forced the evacuation of the ferry terminal on"
                + " Wednesday evening. No explosives were found. Investigators are examining whether the"
                + " suspects have links to a militant network."},
    };

    private NewsFixtures() {}

    /** Twenty enriched articles, each with a distinct id; {@code enrichedAt} is fixed so reruns are equal. */
    static List<EnrichedArticle> enrichedArticles() {
        ArticleEnricher enricher = ArticleEnricher.createDefault();
        List<EnrichedArticle> out = new ArrayList<>();
        for (int i = 0; i < STORIES.length; i++) {
            String[] s = STORIES[i];
            String canonical = "https://" + s[0] + ".example/news/2025/03/" + slug(s[2]);
            Instant published = PUBLISHED.plus(Duration.ofMinutes(37L * i));
            Article article = Article.newBuilder()
                    .setId(articleId(canonical))
                    .setUrl(canonical + "?utm_source=feed")
                    .setCanonicalUrl(canonical)
                    .setSourceId(s[0])
                    .setTitle(s[2])
                    .setAuthors(i % 3 == 0 ? List.of("Ana Ruiz", "Tom O'Neil") : List.of("Staff reporter"))
                    // Every fifth article has no date, as happens with real pages: the column is optional.
                    .setPublishedAt(i % 5 == 4 ? null : published)
                    .setBody(s[3])
                    .setSource(s[1])
                    .setSourceKeywords(List.of())
                    .setLanguage("en")
                    .setFetchedAt(published.plus(Duration.ofMinutes(5)))
                    .setFieldSources(Map.of("title", "json-ld", "body", "main-text"))
                    .build();
            EnrichedArticle enriched = enricher.enrich(article, published.plus(Duration.ofMinutes(6)));
            enriched.setStoryId(article.getId());
            out.add(enriched);
        }
        return out;
    }

    /** The alerts two realistic rules raise on {@code articles} (several, from different sources). */
    static List<KeywordAlert> alerts(List<EnrichedArticle> articles) {
        try (AlertMatcher matcher = new AlertMatcher()) {
            matcher.upsert(rule("militant-extradition", "Militant arrests and extraditions",
                    "(arrest* OR extradit*) AND (militant OR bombing)", Severity.HIGH));
            matcher.upsert(rule("labour-unrest", "Strikes and job cuts", "strike* OR \"cut jobs\" OR walkout",
                    Severity.MEDIUM));
            List<KeywordAlert> alerts = new ArrayList<>();
            for (EnrichedArticle a : articles) {
                alerts.addAll(matcher.match(a, a.getEnrichedAt().plusSeconds(1)));
            }
            return alerts;
        } catch (InvalidRuleException e) {
            throw new IllegalStateException("fixture rule is invalid", e);
        }
    }

    private static AlertRule rule(String id, String name, String query, Severity severity) {
        return AlertRule.newBuilder()
                .setId(id)
                .setName(name)
                .setQuery(query)
                .setOwner("news-desk")
                .setSeverity(severity)
                .setEnabled(true)
                .setVersion(1)
                .setCategories(List.of())
                .setLanguages(List.of())
                .setSources(List.of())
                .setMinAbsSentiment(null)
                .build();
    }

    /** Like the producer's ids: the first 32 hex digits of SHA-256 of the canonical URL. */
    private static String articleId(String canonicalUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
