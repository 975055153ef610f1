package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.ml.model.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentTrainerTest {

    /** A small hand-written training set: clear-cut sentences, some with a target. */
    static final List<SentimentTrainer.Example> FIXTURE = fixture();

    private static List<SentimentTrainer.Example> fixture() {
        String[] positive = {"The rescue was a great success.", "Voters praised the excellent plan.",
            "The agreement brought welcome peace.", "Growth was strong and jobs improved.",
            "Fans cheered a brilliant victory.", "The hospital celebrated a wonderful recovery."};
        String[] negative = {"The attack killed dozens of people.", "Critics condemned the terrible failure.",
            "The crisis caused panic and fear.", "Floods destroyed homes and farms.",
            "The scandal brought shame and anger.", "Violence left many wounded."};
        String[] neutral = {"The committee meets on Tuesday.", "The report has twelve pages.",
            "The minister spoke in the capital.", "The train leaves at noon.",
            "The council published its agenda.", "The museum opens at nine."};
        List<SentimentTrainer.Example> examples = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String s : positive) {
                examples.add(new SentimentTrainer.Example(s, "positive", -1, -1));
            }
            for (String s : negative) {
                examples.add(new SentimentTrainer.Example(s, "negative", -1, -1));
            }
            for (String s : neutral) {
                examples.add(new SentimentTrainer.Example(s, "neutral", -1, -1));
            }
        }
        String both = "Smith praised the plan while Jones attacked it.";
        examples.add(new SentimentTrainer.Example(both, "positive", 0, 5));
        examples.add(new SentimentTrainer.Example(both, "negative", 29, 34));
        return examples;
    }

    @Test
    void readsTargetRowsAndSentenceRowsAndSkipsUnknownLabels(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("train.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"text\": \"Smith won easily.\", \"target\": \"Smith\", \"from\": 0, \"to\": 5, \"label\": \"positive\"}",
                "{\"text\": \"The vote is on Monday.\", \"label\": \"neutral\"}",
                "",
                "{\"text\": \"Unlabelled row.\", \"label\": \"mixed\"}",
                "{\"text\": \"\", \"label\": \"negative\"}"), StandardCharsets.UTF_8);
        List<SentimentTrainer.Example> rows = SentimentTrainer.readJsonl(file);
        assertThat(rows).containsExactly(
                new SentimentTrainer.Example("Smith won easily.", "positive", 0, 5),
                new SentimentTrainer.Example("The vote is on Monday.", "neutral", -1, -1));
    }

    @Test
    void targetOffsetsOutsideTheTextAreAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"text\": \"Short.\", \"from\": 2, \"to\": 40, \"label\": \"neutral\"}\n");
        assertThatThrownBy(() -> SentimentTrainer.readJsonl(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.jsonl:1");
    }

    @Test
    void sentenceEventsOnlyForSentencesWhoseTargetsAgree() {
        String split = "Smith praised the plan while Jones attacked it.";
        String agreed = "Smith and Jones both won.";
        List<Event> events = new SentimentTrainer().events(List.of(
                new SentimentTrainer.Example(split, "positive", 0, 5),
                new SentimentTrainer.Example(split, "negative", 29, 34),
                new SentimentTrainer.Example(agreed, "positive", 0, 5),
                new SentimentTrainer.Example(agreed, "positive", 10, 15)));
        // Four target events, one sentence event (the sentence whose targets agree).
        assertThat(events).hasSize(5);
        long withTarget = events.stream().filter(e -> List.of(e.getContext()).contains("tpos=first")).count();
        assertThat(withTarget).isEqualTo(2);
        assertThat(events.get(4).getOutcome()).isEqualTo("positive");
        assertThat(events.get(4).getContext()).noneMatch(name -> name.startsWith("tl=") || name.startsWith("tr="));
    }

    @Test
    void trainedModelLearnsTheFixtureAndSurvivesARoundTrip() throws IOException {
        SentimentTrainer trainer = new SentimentTrainer();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        trainer.train(FIXTURE, file);
        SentimentModel model = SentimentModel.read(new ByteArrayInputStream(file.toByteArray()),
                SentimentModelTest.FEATURES);
        SentimentModel.Prediction good = model.predict("Voters praised the excellent plan.", 0.0);
        SentimentModel.Prediction bad = model.predict("The attack killed dozens of people.", 0.0);
        assertThat(good.label()).isEqualTo("positive");
        assertThat(bad.label()).isEqualTo("negative");
        assertThat(good.negative() + good.neutral() + good.positive()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));

        // Training is deterministic: the same data gives the same file, hence the same version.
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        trainer.train(FIXTURE, again);
        assertThat(again.toByteArray()).isEqualTo(file.toByteArray());
        assertThat(model.version()).matches("maxent-[0-9a-f]{8}");
        assertThat(model.version()).isNotEqualTo(SentimentModel.loadDefault().version());
    }

    @Test
    void nothingToTrainOnIsAnError() {
        assertThatThrownBy(() -> new SentimentTrainer().train(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no labelled examples");
    }

    @Test
    void ratedTextsBecomeEventsInProportionToTheRaters() {
        String text = "The parade was a joyful success.";
        List<Event> events = new SentimentTrainer().events(List.of(
                new SentimentTrainer.Example(text, "positive", -1, -1, new double[] {0.25, 0.25, 0.5})));
        assertThat(events).hasSize(SentimentTrainer.RATED_COPIES);
        long positive = events.stream().filter(e -> e.getOutcome().equals("positive")).count();
        long negative = events.stream().filter(e -> e.getOutcome().equals("negative")).count();
        assertThat(positive).isEqualTo(Math.round(SentimentTrainer.RATED_COPIES * 0.5));
        assertThat(negative).isEqualTo(Math.round(SentimentTrainer.RATED_COPIES * 0.25));
        assertThat(events).allMatch(e -> List.of(e.getContext()).contains("w=joyful"));
    }

    @Test
    void ratedRowsAreReadAsRatedExamples(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rated.jsonl");
        Files.writeString(file, "{\"id\": \"vader-nyt-3_1\", \"text\": \"Good news.\", \"score\": 1.5, "
                + "\"label\": \"positive\", \"ratings\": [2, 1, 0, -1]}\n", StandardCharsets.UTF_8);
        List<SentimentTrainer.Example> rows = SentimentTrainer.readJsonl(file);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).ratingShares()).containsExactly(0.25, 0.25, 0.5);
        assertThat(rows.get(0).hasTarget()).isFalse();
    }

    @Test
    void rowsAreGroupedByArticleForFolds() {
        assertThat(SentimentTrainer.group(row("allsides_1000_401_25_Reality Leigh Winner_0_6", "A.")))
                .isEqualTo(SentimentTrainer.group(row("allsides_1000_401_3_’ Trump_30_45", "B.")));
        assertThat(SentimentTrainer.group(row("allsides_1000_401_3_x", "B.")))
                .isNotEqualTo(SentimentTrainer.group(row("allsides_1000_402_3_x", "B.")));
        assertThat(SentimentTrainer.group(row("vader-nyt-12_3", "C."))).isEqualTo(
                SentimentTrainer.group(row("vader-nyt-12_7", "D.")));
        assertThat(SentimentTrainer.group(row("vader-nyt-12_3", "C."))).isNotEqualTo(
                SentimentTrainer.group(row("vader-nyt-1_3", "C.")));
        // Without an id, the targets of one sentence stay together.
        assertThat(SentimentTrainer.group(row(null, "Same sentence."))).isEqualTo(
                SentimentTrainer.group(row(null, "Same sentence.")));
    }

    @Test
    void foldsKeepArticlesTogetherAndDependOnlyOnTheSeed() {
        List<SentimentEval.Row> rows = new ArrayList<>();
        for (int article = 0; article < 20; article++) {
            for (int sentence = 0; sentence < 3; sentence++) {
                rows.add(row("vader-nyt-" + article + "_" + sentence, "Text " + article + " " + sentence + "."));
            }
        }
        int[] folds = SentimentTrainer.folds(rows, 5, 7);
        for (int i = 0; i < rows.size(); i += 3) {
            assertThat(folds[i + 1]).isEqualTo(folds[i]);
            assertThat(folds[i + 2]).isEqualTo(folds[i]);
        }
        for (int fold = 0; fold < 5; fold++) {
            int f = fold;
            assertThat(java.util.Arrays.stream(folds).filter(x -> x == f).count()).isEqualTo(12);
        }
        assertThat(SentimentTrainer.folds(rows, 5, 7)).containsExactly(folds);
        assertThat(SentimentTrainer.folds(rows, 5, 8)).isNotEqualTo(folds);
    }

    @Test
    void crossValidationScoresEveryRowOutOfFold() throws IOException {
        List<SentimentEval.Row> labelled = new ArrayList<>();
        int i = 0;
        for (SentimentTrainer.Example e : FIXTURE) {
            labelled.add(new SentimentEval.Row(e.text(), Double.NaN, SentimentEvalTest.label(e.label()),
                    e.targetStart(), e.targetEnd(), "doc-" + (i++ % 9) + "_1", null));
        }
        List<SentimentEval.Row> rated = List.of(
                new SentimentEval.Row("A great and wonderful success.", 2.5, null, -1, -1, "r-1_1", new double[] {0, 0.2, 0.8}),
                new SentimentEval.Row("A terrible, deadly failure.", -3.0, null, -1, -1, "r-2_1", new double[] {0.9, 0.1, 0}),
                new SentimentEval.Row("The meeting is at noon.", 0.1, null, -1, -1, "r-3_1", new double[] {0, 1, 0}),
                new SentimentEval.Row("Brilliant victory for the team.", 2.0, null, -1, -1, "r-4_1", new double[] {0, 0.3, 0.7}));
        List<SentimentTrainer.FoldedResult> results =
                new SentimentTrainer().crossValidate(List.of(labelled, rated), 2, 1);
        assertThat(results).hasSize(2);
        assertThat(results.get(0).all().labelled()).isEqualTo(labelled.size());
        assertThat(results.get(0).all().macroF1()).isNotNull();
        assertThat(results.get(0).multiTarget().labelled()).isEqualTo(2);
        assertThat(results.get(1).all().scored()).isEqualTo(4);
        assertThat(results.get(1).all().pearsonR()).isNotNull();
        assertThat(results.get(1).multiTarget()).isNull();
        String json = SentimentTrainer.cvJson("rated.jsonl", 2, 1, results.get(1));
        assertThat(json).contains("\"dataset\":\"rated.jsonl\"", "out-of-fold, 2 folds by article, seed 1", "pearson_r");
        assertThatThrownBy(() -> new SentimentTrainer().crossValidate(List.of(rated), 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SentimentEval.Row row(String id, String text) {
        return new SentimentEval.Row(text, Double.NaN, null, -1, -1, id, null);
    }
}
