package io.newsflow.producer.fuzz;

import java.util.Random;

/**
 * Random pages made of the pieces extraction reacts to (JSON-LD, meta tags, bylines, dates, headings,
 * chrome class names, hidden elements, tables, unclosed and misnested tags), for a quick deterministic
 * fuzz in the normal test run.
 */
final class TagSoup {

    private static final String[] TAGS = {"div", "p", "span", "article", "main", "section", "aside", "nav",
            "header", "footer", "h1", "h2", "h3", "ul", "li", "a", "table", "tr", "td", "blockquote", "br", "time",
            "figure", "figcaption", "form", "amp-img", "amp-sidebar", "pre", "b", "i"};
    private static final String[] ATTRIBUTES = {"", " class=\"article-body\"", " class=\"sidebar\"",
            " class=\"share-bar\"", " class=\"byline\"", " class=\"author\"", " itemprop=\"author\"",
            " itemprop=\"articleBody\"", " hidden", " style=\"display:none\"", " aria-hidden=\"true\"",
            " rel=\"author\"", " href=\"/x\"", " datetime=\"2025-03-09T10:00:00+01:00\"", " id=\"comments\"",
            " class=\"[&_a]:underline hidden md:block\"", " role=\"navigation\""};
    private static final String[] TEXTS = {"The council voted on Tuesday to build the harbour tram line.",
            "By Ann Lee and Bo Park", "Published 9 March 2025", "Written by", "Updated: 31/12/2025",
            "Related articles", "12 comments:", "Subscribe to continue reading",
            "Lena Dorsey, “Old shipyard reopens,” Meridian Review. 2024-11-18.", "Keywords: a , b , c",
            "Call +1 555 0100 200", "desk@news.example", "", "&amp; &lt;p&gt; &#0; \u0000 \ud800", "¿Qué? 東京 שלום",
            "March 9, 2025 · 3 min read", "1/2/3/4/5/6/7/8/9/0"};
    private static final String[] HEAD = {"<title>Tram line | The Post</title>",
            "<meta property=\"og:title\" content=\"Tram line vote\">",
            "<meta property=\"article:published_time\" content=\"2025-03-09T10:00:00Z\">",
            "<meta name=\"author\" content=\"ann_lee\">", "<link rel=\"canonical\" href=\"/\">",
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"T\",\"author\":"
                    + "[{\"@id\":\"#a\"},{\"@type\":\"Organization\",\"name\":\"Org\"}],\"isAccessibleForFree\":"
                    + "\"False\",\"hasPart\":[{\"isAccessibleForFree\":false},3,null]}</script>",
            "<script type=\"application/ld+json\">{\"@graph\":[{\"@id\":\"#a\",\"name\":\"A\"},</script>",
            "<meta name=\"twitter:label1\" content=\"Written by\"><meta name=\"twitter:data1\" content=\"x\">",
            "<meta name=\"DC.date.issued\" content=\"2025-02-30\">", "<html lang=\"zz-ZZZ\">"};

    private TagSoup() {
    }

    static String generate(Random random) {
        StringBuilder html = new StringBuilder(random.nextBoolean() ? "<!DOCTYPE html><html><head>" : "");
        for (int i = random.nextInt(4); i > 0; i--) {
            html.append(HEAD[random.nextInt(HEAD.length)]);
        }
        html.append(random.nextInt(5) == 0 ? "" : "</head><body>");
        int depth = 0;
        for (int i = random.nextInt(300); i > 0; i--) {
            int move = random.nextInt(10);
            if (move < 4) {
                html.append('<').append(TAGS[random.nextInt(TAGS.length)])
                        .append(ATTRIBUTES[random.nextInt(ATTRIBUTES.length)]).append('>');
                depth++;
            } else if (move < 7) {
                html.append(TEXTS[random.nextInt(TEXTS.length)]).append(' ');
            } else if (move < 9 && depth > 0) {
                // Misnested on purpose: close any tag, not the one last opened.
                html.append("</").append(TAGS[random.nextInt(TAGS.length)]).append('>');
                depth--;
            } else {
                html.append(HEAD[random.nextInt(HEAD.length)]);
            }
        }
        return html.toString();
    }
}
