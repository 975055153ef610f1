package io.newsflow.streams.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A tiny labelled corpus made up for the trainable category model's tests: each article mixes words of
 * its topic with words every topic shares, so a learner has to find the topic words.
 */
final class CategoryTrainingSet {

    static final String SPORT = "medtop:15000000";
    static final String ECONOMY = "medtop:04000000";
    static final String WEATHER = "medtop:17000000";

    private static final Map<String, List<String>> TOPIC_WORDS = Map.of(
            SPORT, List.of("striker", "goal", "match", "coach", "league", "cup", "referee", "stadium", "players",
                    "scored", "champions", "season"),
            ECONOMY, List.of("inflation", "shares", "profits", "investors", "bank", "rates", "economy", "market",
                    "prices", "growth", "earnings", "recession"),
            WEATHER, List.of("rain", "storm", "forecast", "temperatures", "snow", "wind", "sunshine", "frost",
                    "showers", "cloud", "gales", "humidity"));
    private static final List<String> SHARED = List.of("said", "monday", "city", "report", "week", "people",
            "first", "local", "news", "year", "early", "team", "record", "high", "expected");

    private CategoryTrainingSet() {
    }

    /** {@code perTopic} articles of each topic, labelled with the topic's IPTC code. */
    static List<CategoryExample> make(int perTopic, long seed) {
        Random random = new Random(seed);
        List<CategoryExample> rows = new ArrayList<>();
        for (int i = 0; i < perTopic; i++) {
            for (String code : List.of(SPORT, ECONOMY, WEATHER)) {
                List<String> words = new ArrayList<>();
                for (int w = 0; w < 30; w++) {
                    List<String> from = random.nextDouble() < 0.6 ? TOPIC_WORDS.get(code) : SHARED;
                    words.add(from.get(random.nextInt(from.size())));
                }
                rows.add(new CategoryExample(words.get(0) + " " + words.get(1), String.join(" ", words), code));
            }
        }
        return rows;
    }
}
