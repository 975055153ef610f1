package io.newsflow.producer.extract;

/** Cleans a headline taken from {@code <title>} or og:title. */
final class Titles {

    private static final String[] SEPARATORS = {" | ", " - ", " – ", " — ", " :: ", " · ", " • "};

    private Titles() {
    }

    /**
     * Strips a trailing " | Site Name" (or " - ", " — "...) when the suffix is the site's name, or when
     * what precedes it is exactly the page's {@code <h1>}: titles carry the site name for search results
     * and browser tabs, but it is not part of the headline.
     */
    static Sourced<String> withoutSiteSuffix(Sourced<String> title, Sourced<String> siteName, String h1) {
        if (title == null) {
            return null;
        }
        String text = title.value();
        for (String separator : SEPARATORS) {
            int at = text.lastIndexOf(separator);
            if (at <= 0) {
                continue;
            }
            String head = text.substring(0, at).strip();
            String suffix = text.substring(at + separator.length()).strip();
            boolean suffixIsSite = siteName != null && suffix.equalsIgnoreCase(siteName.value().strip());
            if (suffixIsSite || head.equals(h1)) {
                return new Sourced<>(head, title.source());
            }
        }
        return title;
    }
}
