package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.streams.enrich.internal.SentenceSplitter;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void splitsAfterTerminalPunctuationBeforeCapital() {
        assertThat(SentenceSplitter.split("It rained. Roads flooded! Was anyone hurt? No."))
                .containsExactly("It rained.", "Roads flooded!", "Was anyone hurt?", "No.");
    }

    @Test
    void keepsAbbreviationsAndInitialsInsideTheSentence() {
        assertThat(SentenceSplitter.split("Mr. Jones met U.S. officials on Dec. 19 in St. Louis. They agreed."))
                .containsExactly("Mr. Jones met U.S. officials on Dec. 19 in St. Louis.", "They agreed.");
    }

    @Test
    void doesNotSplitBeforeLowerCaseOrInsideNumbers() {
        assertThat(SentenceSplitter.split("Profits rose 2.5% to $1.1bn. e.g. this stays.")).hasSize(1);
    }

    @Test
    void lineBreaksAlwaysEndASentence() {
        assertThat(SentenceSplitter.split("Headline without a stop\n\nFirst paragraph.\nSecond"))
                .containsExactly("Headline without a stop", "First paragraph.", "Second");
    }

    @Test
    void closingQuoteStaysWithItsSentence() {
        assertThat(SentenceSplitter.split("\"We won.\" The crowd cheered."))
                .containsExactly("\"We won.\"", "The crowd cheered.");
    }
}
