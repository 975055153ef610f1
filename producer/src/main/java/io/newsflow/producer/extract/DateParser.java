package io.newsflow.producer.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the publication dates news pages carry into an {@link Instant}: ISO-8601 with or without a
 * time and offset ({@code 2025-03-09}, {@code 2025-03-09T10:00:00+05:00}), English month names
 * ({@code March 9, 2025}, {@code 9 March 2025}, {@code Mar. 9, 2025}), {@code 2025/03/09} and RFC 1123
 * ({@code Sun, 09 Mar 2025 10:00:00 GMT}).
 *
 * <p>A date without a time is 00:00 UTC, as the Article schema asks. A time without a zone is read as
 * UTC; a time with a zone abbreviation other than UTC/GMT is dropped (abbreviations such as "EST" or
 * "IST" are ambiguous), leaving the date. Numeric dates with slashes are read only when one part cannot
 * be a month ({@code 31/12/2025}, {@code 12/31/2025}): {@code 09/03/2025} reads differently in the US and
 * elsewhere, and a wrong date is worse than none. Dotted numeric dates ({@code 09.03.2025}) are day
 * first, as everywhere that writes them. {@link #find} picks a date out of a longer line ("By Ann Lee,
 * March 9, 2025 · 3 min read"). Stateless and thread-safe.
 */
public final class DateParser {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
                    + "(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
                    + "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT)?)?");
    private static final Pattern YEAR_SLASH = Pattern.compile("(\\d{4})([/.])(\\d{1,2})\\2(\\d{1,2})");
    // A clock time after a numeric date ("13/11/2025 09:21:40"): allowed, but only the day is kept.
    private static final String NUMERIC_TIME = "(?:[T,]?\\s*\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[ap]\\.?m\\.?)?)?";
    private static final String WEEKDAY = "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?";
    private static final String TIME = "(?:,?\\s+(?:at\\s+)?(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?"
            + "\\s*([ap]\\.?m\\.?)?\\s*([a-z]{1,5}|[+-]\\d{2}:?\\d{2})?)?";
    private static final Pattern MONTH_FIRST = Pattern.compile(
            WEEKDAY + "(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + TIME,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    // "9 March 2025", "9th of March", "17. März 2025", "4 de agosto de 2021", "04-ago-2021".
    private static final Pattern DAY_FIRST = Pattern.compile(
            WEEKDAY + "(\\d{1,2})(?:st|nd|rd|th|\\.)?(?:\\s+(?:of\\s+|de\\s+)?|-)(\\p{L}+)\\.?(?:,?\\s+(?:de\\s+)?|-)(\\d{4})"
                    + TIME, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    // "2023 Jan 7" (PubMed's citation dates).
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("(\\d{4})\\s+(\\p{L}+)\\.?\\s+(\\d{1,2})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})" + NUMERIC_TIME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})" + NUMERIC_TIME,
            Pattern.CASE_INSENSITIVE);
    // For find(): where a date may start inside a line. Each candidate is then parsed as a whole.
    private static final Pattern FIND = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:\\d{4}-\\d{1,2}-\\d{1,2}(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?"
                    + "\\s*(?:Z|[+-]\\d{2}(?::?\\d{2})?)?)?"
                    + "|\\d{4}/\\d{1,2}/\\d{1,2}|\\d{4}\\.\\d{1,2}\\.\\d{1,2}|\\d{1,2}[./]\\d{1,2}[./]\\d{4}"
                    + "|\\p{L}{3,10}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"
                    + "|\\d{1,2}(?:st|nd|rd|th|\\.)?(?:\\s+(?:of\\s+|de\\s+)?|-)\\p{L}{3,10}\\.?(?:,?\\s+(?:de\\s+)?|-)\\d{4}"
                    + "|\\d{4}\\s+\\p{L}{3,9}\\.?\\s+\\d{1,2})(?![\\p{L}\\p{N}])",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern RFC_1123_SHAPE = Pattern.compile(
            "(?:[a-z]{3},\\s*)?\\d{1,2} [a-z]{3} \\d{4} \\d{2}:\\d{2}.*", Pattern.CASE_INSENSITIVE);

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1), Map.entry("feb", 2), Map.entry("february", 2),
            Map.entry("mar", 3), Map.entry("march", 3), Map.entry("apr", 4), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("june", 6), Map.entry("jul", 7),
            Map.entry("july", 7), Map.entry("aug", 8), Map.entry("august", 8), Map.entry("sep", 9),
            Map.entry("sept", 9), Map.entry("september", 9), Map.entry("oct", 10), Map.entry("october", 10),
            Map.entry("nov", 11), Map.entry("november", 11), Map.entry("dec", 12), Map.entry("december", 12),
            // French, German, Spanish, Italian, Portuguese and Dutch names and their usual abbreviations
            // (those spelled as in English are above).
            Map.entry("janvier", 1), Map.entry("janv", 1), Map.entry("février", 2), Map.entry("fevrier", 2),
            Map.entry("févr", 2), Map.entry("fév", 2), Map.entry("mars", 3), Map.entry("avril", 4),
            Map.entry("avr", 4), Map.entry("mai", 5), Map.entry("juin", 6), Map.entry("juillet", 7),
            Map.entry("juil", 7), Map.entry("août", 8), Map.entry("aout", 8), Map.entry("septembre", 9),
            Map.entry("octobre", 10), Map.entry("novembre", 11), Map.entry("décembre", 12), Map.entry("déc", 12),
            Map.entry("januar", 1), Map.entry("jänner", 1), Map.entry("februar", 2), Map.entry("märz", 3),
            Map.entry("mär", 3), Map.entry("juni", 6), Map.entry("juli", 7), Map.entry("oktober", 10),
            Map.entry("okt", 10), Map.entry("dezember", 12), Map.entry("dez", 12),
            Map.entry("enero", 1), Map.entry("ene", 1), Map.entry("febrero", 2), Map.entry("marzo", 3),
            Map.entry("abril", 4), Map.entry("abr", 4), Map.entry("mayo", 5), Map.entry("junio", 6),
            Map.entry("julio", 7), Map.entry("agosto", 8), Map.entry("ago", 8), Map.entry("septiembre", 9),
            Map.entry("setiembre", 9), Map.entry("octubre", 10), Map.entry("noviembre", 11),
            Map.entry("diciembre", 12), Map.entry("dic", 12),
            Map.entry("gennaio", 1), Map.entry("febbraio", 2), Map.entry("aprile", 4),
            Map.entry("maggio", 5), Map.entry("giugno", 6), Map.entry("giu", 6),
            Map.entry("luglio", 7), Map.entry("lug", 7), Map.entry("settembre", 9), Map.entry("ottobre", 10),
            Map.entry("ott", 10), Map.entry("dicembre", 12),
            Map.entry("janeiro", 1), Map.entry("fevereiro", 2), Map.entry("fev", 2), Map.entry("março", 3),
            Map.entry("maio", 5), Map.entry("junho", 6), Map.entry("julho", 7), Map.entry("setembro", 9),
            Map.entry("outubro", 10), Map.entry("novembro", 11), Map.entry("dezembro", 12),
            Map.entry("januari", 1), Map.entry("februari", 2), Map.entry("maart", 3), Map.entry("mei", 5),
            Map.entry("augustus", 8));

    private DateParser() {
    }

    /** Parses {@code text} (surrounding whitespace and one trailing full stop allowed); empty when unknown. */
    public static Optional<Instant> parse(String text) {
        return parseWithOffset(text).map(OffsetDateTime::toInstant);
    }

    /**
     * As {@link #parse}, but keeps the offset the page wrote, so that the calendar day as published can
     * be read ({@code 2025-03-09T23:30-05:00} is 9 March locally, 10 March in UTC).
     */
    public static Optional<OffsetDateTime> parseWithOffset(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip().replace('\u00a0', ' ');
        if (s.endsWith(".") && !s.toLowerCase(Locale.ROOT).endsWith("m.")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.isEmpty() || s.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parseStrict(s));
        } catch (DateTimeException | ArithmeticException e) {
            // Out-of-range fields (month 13, 31 February) mean this is not a date we can trust.
            return Optional.empty();
        }
    }

    private static OffsetDateTime parseStrict(String s) {
        Matcher m = ISO.matcher(s);
        if (m.matches()) {
            return fromIso(m);
        }
        m = YEAR_SLASH.matcher(s);
        if (m.matches()) {
            return date(m.group(1), m.group(3), m.group(4)).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        m = YEAR_MONTH_DAY.matcher(s);
        if (m.matches() && MONTHS.containsKey(m.group(2).toLowerCase(Locale.ROOT))) {
            return LocalDate.of(Integer.parseInt(m.group(1)), month(m.group(2)), Integer.parseInt(m.group(3)))
                    .atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        m = DOTTED.matcher(s);
        if (m.matches()) {
            return date(m.group(3), m.group(2), m.group(1)).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        m = SLASHED.matcher(s);
        if (m.matches()) {
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(2));
            if (first > 12 && second <= 12) {
                return date(m.group(3), m.group(2), m.group(1)).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            if (second > 12 && first <= 12) {
                return date(m.group(3), m.group(1), m.group(2)).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            return null;
        }
        if (RFC_1123_SHAPE.matcher(s).matches()) {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime();
        }
        m = MONTH_FIRST.matcher(s);
        if (m.matches() && MONTHS.containsKey(m.group(1).toLowerCase(Locale.ROOT))) {
            return withTime(LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(1)),
                    Integer.parseInt(m.group(2))), m, 4);
        }
        m = DAY_FIRST.matcher(s);
        if (m.matches() && MONTHS.containsKey(m.group(2).toLowerCase(Locale.ROOT))) {
            return withTime(LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(2)),
                    Integer.parseInt(m.group(1))), m, 4);
        }
        return null;
    }

    /**
     * The first date written somewhere in {@code text} (at most a few hundred characters), as
     * {@link #parseWithOffset} reads it; empty when there is none.
     */
    public static Optional<OffsetDateTime> find(String text) {
        if (text == null || text.length() > 400) {
            return Optional.empty();
        }
        Matcher m = FIND.matcher(text);
        while (m.find()) {
            Optional<OffsetDateTime> date = parseWithOffset(m.group());
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    private static OffsetDateTime fromIso(Matcher m) {
        LocalDate date = date(m.group(1), m.group(2), m.group(3));
        if (m.group(4) == null) {
            return date.atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        int nanos = 0;
        if (m.group(7) != null) {
            nanos = Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
        }
        LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
        return date.atTime(time).atOffset(offset(m.group(8)));
    }

    /** Applies the optional time groups starting at {@code first} (hour, minute, second, am/pm, zone). */
    private static OffsetDateTime withTime(LocalDate date, Matcher m, int first) {
        String hour = m.group(first);
        String zone = m.group(first + 4);
        if (hour == null || (zone != null && !isKnownZone(zone))) {
            return date.atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        int h = Integer.parseInt(hour);
        String meridiem = m.group(first + 3);
        if (meridiem != null) {
            boolean pm = Character.toLowerCase(meridiem.charAt(0)) == 'p';
            h = (h % 12) + (pm ? 12 : 0);
        }
        int seconds = m.group(first + 2) == null ? 0 : Integer.parseInt(m.group(first + 2));
        LocalTime time = LocalTime.of(h, Integer.parseInt(m.group(first + 1)), seconds);
        return date.atTime(time).atOffset(offset(zone));
    }

    private static boolean isKnownZone(String zone) {
        return zone.matches("(?i)z|utc|gmt|[+-]\\d{2}:?\\d{2}");
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equalsIgnoreCase("z") || zone.equalsIgnoreCase("utc")
                || zone.equalsIgnoreCase("gmt")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.replace(":", "");
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static LocalDate date(String year, String month, String day) {
        return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    }

    private static int month(String name) {
        return MONTHS.get(name.toLowerCase(Locale.ROOT));
    }
}
