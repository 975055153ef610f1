package io.newsflow.streams.enrich.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@link NameRules} could not type: capitalised words left over in a run. A word before
 * "administration" or "government" is a leader ("Biden Administration"); two or more words mid-sentence
 * become an OTHER ("Abbey Gate"); a lone word is reported to {@link Mentions}, which may count it for a
 * person named in full elsewhere or keep it as an acronym.
 *
 * <p>Immutable; thread-safe.
 */
final class UnclaimedWords {

    private static final Set<String> ARTICLES = Set.of("the", "a", "an");

    private final NameLexicon lexicon;

    UnclaimedWords(NameLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Reports and clears the words no rule claimed; {@code next}: the word after them when they end the run. */
    void flush(List<NameUnit> segment, EntityToken next, RunContext cx) {
        if (!segment.isEmpty()) {
            report(segment, next, cx);
            segment.clear();
        }
    }

    private void report(List<NameUnit> segment, EntityToken next, RunContext cx) {
        EntityToken first = cx.first(segment.get(0));
        String lastWord = cx.word(segment.get(segment.size() - 1));
        if (segment.size() == 2 && lexicon.isGovernmentWord(lastWord) && canBeSurname(first)) {
            cx.out().person(List.of(first.text()), first.start());
        } else if (segment.size() == 1 && next != null && next.joined() && !next.capitalised()
                && lexicon.isGovernmentWord(next.text()) && canBeSurname(first)) {
            cx.out().person(List.of(first.text()), first.start());
        } else if (segment.size() == 1 || first.sentenceStart()) {
            // A sentence-initial pair ("Trump Thanks" in a headline) says nothing as a pair, but each
            // word may still be a surname seen elsewhere.
            for (NameUnit unit : segment) {
                single(unit, segment.size() == 1, cx);
            }
        } else {
            phrase(segment, cx);
        }
    }

    /** Two or more capitalised words mid-sentence that no rule could type: an OTHER, once trimmed. */
    private void phrase(List<NameUnit> segment, RunContext cx) {
        // "American IT", "Pakistani Americans": a leading demonym describes, it does not name.
        int from = 0;
        while (from < segment.size() && lexicon.isDemonym(cx.word(segment.get(from)))) {
            from++;
        }
        int to = segment.size();
        // "An Audience With ...": a Title Case phrase, not a name, at either end.
        while (from < to && lexicon.isCommonWordAnywhere(cx.word(segment.get(from)))) {
            from++;
        }
        while (to > from && lexicon.isCommonWordAnywhere(cx.word(segment.get(to - 1)))) {
            to--;
        }
        if (to > from && lexicon.isDemonym(cx.word(segment.get(to - 1)))) {
            // "South Korean banks": an adjective, not a name.
            return;
        }
        if (to - from == 1) {
            single(segment.get(from), true, cx);
        } else if (to - from > 1) {
            List<String> words = new ArrayList<>();
            for (NameUnit unit : segment.subList(from, to)) {
                words.add(cx.word(unit));
            }
            cx.out().other(words, cx.first(segment.get(from)).start());
        }
    }

    /** Reports a lone word; {@code mayBeLone}: false when it is only a part of a longer capitalised phrase. */
    private void single(NameUnit unit, boolean mayBeLone, RunContext cx) {
        String word = cx.word(unit);
        if (!lexicon.isDemonym(word) && !lexicon.isOrganizationWord(word) && !lexicon.isGovernmentWord(word)) {
            EntityToken token = cx.first(unit);
            // "the Dome" names a thing; a person is mentioned by surname without an article.
            boolean afterArticle = unit.from() > 0 && ARTICLES.contains(cx.tokens().get(unit.from() - 1).text());
            boolean lone = mayBeLone && !token.sentenceStart() && !afterArticle;
            cx.out().single(word, token.start(), lone, !shouting(unit.from(), cx));
        }
    }

    private boolean canBeSurname(EntityToken token) {
        String word = token.text();
        return token.capitalised() && !token.allCaps() && !lexicon.isDemonym(word)
                && !lexicon.isCommonWordAnywhere(word)
                && !lexicon.isOrganizationWord(word) && !lexicon.isTitle(word);
    }

    /** An all-caps word beside another unknown all-caps word is a shouted headline, not an acronym. */
    private static boolean shouting(int index, RunContext cx) {
        for (int n = index - 1; n <= index + 1; n += 2) {
            if (n >= 0 && n < cx.tokens().size() && !cx.listed()[n] && cx.tokens().get(n).allCaps()) {
                return true;
            }
        }
        return false;
    }
}
