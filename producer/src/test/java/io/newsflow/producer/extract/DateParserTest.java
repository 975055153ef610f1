package io.newsflow.producer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DateParserTest {

    private static final Instant MARCH_9 = Instant.parse("2025-03-09T00:00:00Z");

    @Test
    void isoDateIsMidnightUtc() {
        assertThat(DateParser.parse("2025-03-09")).contains(MARCH_9);
    }

    @Test
    void isoDateTimeWithOffsetIsConvertedToUtc() {
        assertThat(DateParser.parse("2025-03-09T10:00:00+05:00")).contains(Instant.parse("2025-03-09T05:00:00Z"));
    }

    @Test
    void isoDateTimeWithZuluSuffix() {
        assertThat(DateParser.parse("2025-03-09T10:00:00Z")).contains(Instant.parse("2025-03-09T10:00:00Z"));
    }

    @Test
    void isoDateTimeWithCompactOffsetAndFraction() {
        assertThat(DateParser.parse("2025-03-09T10:00:00.250+0530"))
                .contains(Instant.parse("2025-03-09T04:30:00.250Z"));
    }

    @Test
    void isoDateTimeWithoutOffsetIsReadAsUtc() {
        assertThat(DateParser.parse("2025-03-09 10:15")).contains(Instant.parse("2025-03-09T10:15:00Z"));
    }

    @Test
    void monthNameBeforeDay() {
        assertThat(DateParser.parse("March 9, 2025")).contains(MARCH_9);
    }

    @Test
    void dayBeforeMonthName() {
        assertThat(DateParser.parse("9 March 2025")).contains(MARCH_9);
    }

    @Test
    void abbreviatedMonthWithFullStop() {
        assertThat(DateParser.parse("Mar. 9, 2025")).contains(MARCH_9);
    }

    @Test
    void weekdayAndOrdinalSuffix() {
        assertThat(DateParser.parse("Sunday, 9th March 2025")).contains(MARCH_9);
    }

    @Test
    void rfc1123() {
        assertThat(DateParser.parse("Sun, 09 Mar 2025 10:00:00 GMT")).contains(Instant.parse("2025-03-09T10:00:00Z"));
    }

    @Test
    void yearFirstWithSlashes() {
        assertThat(DateParser.parse("2025/03/09")).contains(MARCH_9);
    }

    @Test
    void twelveHourClockWithUtc() {
        assertThat(DateParser.parse("March 9, 2025 at 3:15 pm UTC")).contains(Instant.parse("2025-03-09T15:15:00Z"));
    }

    @Test
    void timeInAnAmbiguousZoneKeepsOnlyTheDate() {
        assertThat(DateParser.parse("March 9, 2025 10:30 EST")).contains(MARCH_9);
    }

    @Test
    void trailingFullStopIsIgnored() {
        assertThat(DateParser.parse("2025-03-09.")).contains(MARCH_9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"09/03/2025", "9/3/2025", "03-09-2025"})
    void numericDayAndMonthAreRejectedAsAmbiguous(String text) {
        assertThat(DateParser.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/03/2025", "03/31/2025"})
    void slashedDateIsReadWhenOnePartCannotBeAMonth(String text) {
        assertThat(DateParser.parse(text)).contains(Instant.parse("2025-03-31T00:00:00Z"));
    }

    @Test
    void dottedDateIsDayFirst() {
        assertThat(DateParser.parse("09.03.2025")).contains(MARCH_9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"By Ann Lee, March 9, 2025 · 3 min read", "Posted by ann on Sunday March 9, 2025 @08:00PM",
            "Updated: 9 March 2025", "Ann Lee 09.03.2025 · 6 min read"})
    void findsADateInsideALine(String line) {
        assertThat(DateParser.find(line).map(d -> d.toLocalDate().toString())).contains("2025-03-09");
    }

    @ParameterizedTest
    @ValueSource(strings = {"The 2025 budget", "Top 10 phones of 2025", "Call 555 0100 200", "March madness"})
    void findsNoDateWhereThereIsNone(String line) {
        assertThat(DateParser.find(line)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "2025-13-01", "Smarch 9, 2025", "yesterday", "By Jane Doe"})
    void invalidDatesAreRejected(String text) {
        assertThat(DateParser.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingInputIsEmpty(String text) {
        assertThat(DateParser.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9 mars 2025", "9. März 2025", "9 de marzo de 2025", "09-mar-2025", "9 maart 2025",
            "9 marzo 2025", "9 de março de 2025"})
    void monthNamesInOtherLanguages(String text) {
        assertThat(DateParser.parse(text)).contains(MARCH_9);
    }

    @Test
    void dashedDayAbbreviatedMonthAndYear() {
        assertThat(DateParser.parse("04-ago-2021")).contains(Instant.parse("2021-08-04T00:00:00Z"));
        assertThat(DateParser.parse("04-Aug-2021")).contains(Instant.parse("2021-08-04T00:00:00Z"));
    }

    @Test
    void yearMonthNameDayAsInCitations() {
        assertThat(DateParser.parse("2025 Mar 9")).contains(MARCH_9);
    }

    @Test
    void yearFirstWithDots() {
        assertThat(DateParser.parse("2025.03.09")).contains(MARCH_9);
    }

    @Test
    void numericDateFollowedByAClockTimeKeepsTheDay() {
        assertThat(DateParser.parse("31/03/2025 09:21:40")).contains(Instant.parse("2025-03-31T00:00:00Z"));
        assertThat(DateParser.parse("09.03.2025, 10:15")).contains(MARCH_9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"By: Ann Lee on 09-mar-2025 5:11:10", "Essay - Published: 2025.03.09 |",
            "Cureus. 2025 Mar 9;15(1):e33475", "Publié le 9 mars 2025"})
    void findsOtherShapesInsideALine(String line) {
        assertThat(DateParser.find(line).map(d -> d.toLocalDate().toString())).contains("2025-03-09");
    }
}
