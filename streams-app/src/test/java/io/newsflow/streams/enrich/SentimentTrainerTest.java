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
}
