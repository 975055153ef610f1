package io.newsflow.streams.enrich;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import opennlp.tools.doccat.FeatureGenerator;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * OpenNLP feature generator of {@link TrainedCategoryModel}: from the analysed tokens of an article,
 * the distinct words that are not English stop words ({@code w=word}, Lucene's English stop set) and the
 * distinct pairs of such words that follow each other once stop words are left out
 * ({@code b=first_second}). Each feature counts once per article, however often it occurs, so long
 * articles do not outweigh short ones.
 *
 * <p>Public with a no-argument constructor only because OpenNLP stores feature generators in the model
 * by class name and re-creates them on load; not meant to be used directly. Stateless and thread-safe.
 */
public final class CategoryFeatureGenerator implements FeatureGenerator {

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        Set<String> features = new LinkedHashSet<>();
        String previous = null;
        for (String token : tokens) {
            if (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(token)) {
                continue;
            }
            features.add("w=" + token);
            if (previous != null) {
                features.add("b=" + previous + "_" + token);
            }
            previous = token;
        }
        return features;
    }
}
