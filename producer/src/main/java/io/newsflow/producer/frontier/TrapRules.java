package io.newsflow.producer.frontier;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spider-trap rules: URLs that sites generate without end and that a crawler must not follow. A URL is a
 * trap when
 * <ul>
 *   <li>it is longer than {@value #MAX_LENGTH} characters;</li>
 *   <li>one path segment occurs {@value #MAX_REPEATS} times or more ({@code /a/b/a/b/a/b/}: relative links that
 *       resolve deeper at every hop);</li>
 *   <li>it looks like a calendar page: a {@code calendar}/{@code cal}/{@code events} segment or query key
 *       together with a date segment or value ({@code 2031}, {@code 2031-05}), or any such date more than one
 *       year ahead (calendars link to next month forever); dated article paths such as
 *       {@code /2025/03/10/slug} are not traps;</li>
 *   <li>it carries a session id ({@code jsessionid}, {@code phpsessid}, {@code sid}, {@code sessionid}, ...), in
 *       the query or as a {@code ;jsessionid=} path parameter: every visit mints new URLs for the same pages.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class TrapRules {

    /** Longest URL accepted. */
    public static final int MAX_LENGTH = 1024;
    /** A path segment occurring this many times makes a trap. */
    public static final int MAX_REPEATS = 3;

    private static final Set<String> SESSION_KEYS = Set.of("jsessionid", "phpsessid", "sid", "sessionid",
            "session_id", "sessid", "aspsessionid", "cfid", "cftoken", "zenid", "oscsid", "s_id");
    private static final Set<String> CALENDAR_WORDS = Set.of("calendar", "cal", "kalender", "calendrier", "events",
            "event-calendar", "agenda");
    /** A path segment or query value that is a date: {@code 2031}, {@code 2031-05}, {@code 2031_05_17}. */
    private static final Pattern DATE = Pattern.compile("(1[89][0-9]{2}|2[0-9]{3})(?:[-_][0-9]{1,2}(?:[-_][0-9]{1,2})?)?");

    private final Clock clock;

    /** Rules whose "years ahead" are counted from {@code clock}'s current year. */
    public TrapRules(Clock clock) {
        this.clock = clock;
    }

    /** Why {@code url} is a trap, or null when it is not. */
    public String check(String url) {
        if (url.length() > MAX_LENGTH) {
            return "URL longer than " + MAX_LENGTH + " characters (" + url.length() + ")";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return null; // not for the trap rules to judge; the fetcher reports unusable URLs
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String lowerPath = path.toLowerCase(Locale.ROOT);
        if (lowerPath.contains(";jsessionid=") || lowerPath.contains(";sid=")) {
            return "session id in the path";
        }
        Map<String, Integer> segments = new HashMap<>();
        List<String> dateCandidates = new ArrayList<>();
        boolean calendarWord = false;
        for (String segment : lowerPath.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            int count = segments.merge(segment, 1, Integer::sum);
            if (count >= MAX_REPEATS) {
                return "path segment '" + segment + "' repeats " + count + " times";
            }
            calendarWord |= CALENDAR_WORDS.contains(segment);
            dateCandidates.add(segment);
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            String key = kv[0].toLowerCase(Locale.ROOT);
            if (SESSION_KEYS.contains(key) || key.startsWith("aspsessionid")) {
                return "session id parameter '" + key + "'";
            }
            calendarWord |= CALENDAR_WORDS.contains(key);
            if (kv.length == 2) {
                dateCandidates.add(kv[1]);
            }
        }
        int thisYear = clock.instant().atZone(ZoneOffset.UTC).getYear();
        for (String candidate : dateCandidates) {
            Matcher date = DATE.matcher(candidate);
            if (!date.matches()) {
                continue;
            }
            if (calendarWord) {
                return "calendar page (" + candidate + ")";
            }
            if (Integer.parseInt(date.group(1)) > thisYear + 1) {
                return "date " + candidate + " is more than a year ahead: a generated calendar page";
            }
        }
        return null;
    }
}
