package io.newsflow.streams.enrich.internal;

import io.newsflow.schema.EntityType;
import io.newsflow.streams.enrich.internal.NameUnit.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Finds the names in tokenised text and reports them to {@link Mentions}.
 *
 * <ol>
 *   <li>Listed names (the {@link Gazetteer}) are matched first, longest first; inside a hyphenated word
 *       ("Pak-US", "non-Nato") each listed part counts.</li>
 *   <li>The remaining capitalised words (minus common words at a sentence start) form runs of words
 *       written next to each other, possibly joined by "of", "bin", "von"...; a listed name is one unit
 *       of a run.</li>
 *   <li>A run ending in an organisation word, or with one before "of"/"for"/"on" ("Pakistan Army",
 *       "University of Oxford"), is one organisation.</li>
 *   <li>Otherwise, left to right: listed names; titles followed by names ("President Trump");
 *       a given name followed by more names ("Masood Khan"); a name before "administration" or
 *       "government" ("Biden Administration"). What is left goes to {@link UnclaimedWords}.</li>
 * </ol>
 *
 * <p>Immutable; thread-safe.
 */
public final class NameRules {

    /** A person's name rarely has more words than this, particles aside ("Mohammad Ali Jinnah"). */
    static final int MAX_NAME_WORDS = 4;
    private static final Set<String> ORGANIZATION_LINKS = Set.of("of", "for", "on");

    private final Gazetteer gazetteer;
    private final NameLexicon lexicon;
    private final UnclaimedWords unclaimed;

    public NameRules(Gazetteer gazetteer, NameLexicon lexicon) {
        this.gazetteer = gazetteer;
        this.lexicon = lexicon;
        this.unclaimed = new UnclaimedWords(lexicon);
    }

    /** Reports only listed places and organisations: for text in languages the other rules do not fit. */
    public void findListed(List<EntityToken> tokens, Mentions out) {
        for (NameUnit unit : units(tokens, out)) {
            if (unit.kind() == Kind.LISTED) {
                out.add(unit.entry().type(), unit.entry().name(), tokens.get(unit.from()).start());
            }
        }
    }

    /** Reports every name found. */
    public void find(String text, List<EntityToken> tokens, Mentions out) {
        List<NameUnit> units = units(tokens, out);
        boolean[] listed = new boolean[tokens.size()];
        for (NameUnit unit : units) {
            if (unit.kind() == Kind.LISTED) {
                Arrays.fill(listed, unit.from(), unit.to(), true);
            }
        }
        RunContext context = new RunContext(text, tokens, listed, out);
        int i = 0;
        while (i < units.size()) {
            if (!units.get(i).nameLike()) {
                i++;
                continue;
            }
            List<NameUnit> run = new ArrayList<>(List.of(units.get(i)));
            int j = i + 1;
            while (j < units.size()) {
                NameUnit next = units.get(j);
                NameUnit last = run.get(run.size() - 1);
                if (next.nameLike() && adjacent(tokens, last, next)) {
                    run.add(next);
                    j++;
                } else if ((next.kind() == Kind.CONNECTOR || isAnd(next, tokens) && insideOrganizationName(run, tokens))
                        && j + 1 < units.size() && units.get(j + 1).nameLike()
                        && adjacent(tokens, last, next) && adjacent(tokens, next, units.get(j + 1))) {
                    run.add(next);
                    run.add(units.get(j + 1));
                    j += 2;
                } else {
                    break;
                }
            }
            analyse(run, context);
            i = j;
        }
    }

    private List<NameUnit> units(List<EntityToken> tokens, Mentions out) {
        List<NameUnit> units = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            EntityToken token = tokens.get(i);
            Gazetteer.Match match = gazetteer.longestAt(tokens, i);
            if (match != null) {
                units.add(new NameUnit(i, i + match.length(), Kind.LISTED, match.entry()));
                i += match.length();
                continue;
            }
            Kind kind;
            if (listedParts(token, out)) {
                kind = Kind.BREAK;
            } else if (lexicon.isCommonWord(token)) {
                kind = Kind.BREAK;
            } else if (token.capitalised() || lexicon.isOrganizationWord(token.text())) {
                kind = Kind.WORD;
            } else if (lexicon.isConnector(token.text())) {
                kind = Kind.CONNECTOR;
            } else {
                kind = Kind.BREAK;
            }
            units.add(new NameUnit(i, i + 1, kind, null));
            i++;
        }
        return units;
    }

    /** "Pak-US", "non-Nato", "US-China": reports each listed part; true when there was one. */
    private boolean listedParts(EntityToken token, Mentions out) {
        if (token.text().indexOf('-') < 0) {
            return false;
        }
        boolean found = false;
        int partStart = 0;
        for (String part : token.text().split("-")) {
            boolean capitalised = !part.isEmpty() && Character.isUpperCase(part.charAt(0));
            Gazetteer.Entry entry = capitalised ? gazetteer.get(part) : null;
            if (entry != null) {
                out.add(entry.type(), entry.name(), token.start() + partStart);
                found = true;
            }
            partStart += part.length() + 1;
        }
        return found;
    }

    private static boolean isAnd(NameUnit unit, List<EntityToken> tokens) {
        return unit.kind() == Kind.BREAK && tokens.get(unit.from()).text().equals("and");
    }

    /**
     * The run so far is "organisation word + of/for/on + ...", so an "and" continues it: "Department for
     * Work and Pensions", "Ministry of Science and Technology". Elsewhere "and" separates two names.
     */
    private boolean insideOrganizationName(List<NameUnit> run, List<EntityToken> tokens) {
        for (int k = 0; k + 1 < run.size(); k++) {
            if (run.get(k).kind() == Kind.WORD && lexicon.isOrganizationWord(tokens.get(run.get(k).from()).text())
                    && ORGANIZATION_LINKS.contains(tokens.get(run.get(k + 1).from()).text())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Written next to each other, and no name end in between ("Pakistan's Foreign Office" is two names),
     * except a plural possessive before an organisation word ("General Workers' Union").
     */
    private boolean adjacent(List<EntityToken> tokens, NameUnit left, NameUnit right) {
        EntityToken last = tokens.get(left.to() - 1);
        EntityToken next = tokens.get(right.from());
        if (!next.joined()) {
            return false;
        }
        return !last.endsName() || last.text().endsWith("s") && last.rawEnd() - last.end() == 1
                && lexicon.isOrganizationWord(next.text());
    }

    private void analyse(List<NameUnit> run, RunContext cx) {
        if (isOrganization(run, cx)) {
            int start = cx.first(run.get(0)).start();
            int end = cx.tokens().get(run.get(run.size() - 1).to() - 1).end();
            cx.out().add(EntityType.ORGANIZATION, cx.text().substring(start, end).replaceAll("\\s+", " "), start);
            return;
        }
        List<NameUnit> segment = new ArrayList<>();
        int k = 0;
        while (k < run.size()) {
            NameUnit unit = run.get(k);
            if (unit.kind() != Kind.WORD) {
                unclaimed.flush(segment, null, cx);
                if (unit.kind() == Kind.LISTED) {
                    cx.out().add(unit.entry().type(), unit.entry().name(), cx.first(unit).start());
                }
                k++;
                continue;
            }
            String word = cx.word(unit);
            if (lexicon.isTitle(word)) {
                int names = k;
                while (names < run.size() && run.get(names).kind() == Kind.WORD
                        && lexicon.isTitle(cx.word(run.get(names)))) {
                    names++;
                }
                if (lexicon.isHeadTitle(cx.word(run.get(names - 1)))) {
                    unclaimed.flush(segment, null, cx);
                    k = names + personName(run, names, false, cx);
                } else {
                    // "Mutual Defense Assistance": words that look like a title but head no name.
                    segment.addAll(run.subList(k, names));
                    k = names;
                }
                continue;
            }
            if (lexicon.isGivenName(word)) {
                int used = personName(run, k, true, cx);
                if (used > 0) {
                    unclaimed.flush(segment, null, cx);
                    k += used;
                    continue;
                }
            }
            segment.add(unit);
            k++;
        }
        int after = run.get(run.size() - 1).to();
        unclaimed.flush(segment, after < cx.tokens().size() ? cx.tokens().get(after) : null, cx);
    }

    /** A run with an organisation word last, or before "of"/"for"/"on", and another word. */
    private boolean isOrganization(List<NameUnit> run, RunContext cx) {
        long names = run.stream().filter(NameUnit::nameLike).count();
        if (names < 2) {
            return false;
        }
        for (int k = 1; k < run.size(); k++) {
            NameUnit unit = run.get(k);
            if (unit.kind() == Kind.WORD && lexicon.isOrganizationWord(cx.word(unit))
                    && (k == run.size() - 1 || ORGANIZATION_LINKS.contains(cx.word(run.get(k + 1))))) {
                return true;
            }
        }
        NameUnit first = run.get(0);
        return first.kind() == Kind.WORD && lexicon.isOrganizationWord(cx.word(first))
                && run.size() > 2 && ORGANIZATION_LINKS.contains(cx.word(run.get(1)));
    }

    /**
     * Reads a person's name starting at {@code run[from]} and reports it.
     *
     * @param needsTwo a given name alone is not enough ("Mark" may be a verb); after a title one word is
     * @return how many units the name used; 0 when there was no name
     */
    private int personName(List<NameUnit> run, int from, boolean needsTwo, RunContext cx) {
        List<String> words = new ArrayList<>();
        int k = from;
        while (k < run.size() && words.size() < MAX_NAME_WORDS) {
            NameUnit unit = run.get(k);
            if (isNameWord(unit, cx)) {
                words.add(cx.word(unit));
                k++;
            } else if (unit.kind() == Kind.CONNECTOR && !words.isEmpty() && lexicon.isNameParticle(cx.word(unit))
                    && k + 1 < run.size() && isNameWord(run.get(k + 1), cx)) {
                words.add(cx.word(unit));
                k++;
            } else if (needsTwo && words.size() == 1 && k == run.size() - 1 && unit.kind() == Kind.LISTED
                    && unit.entry().type() == EntityType.PLACE && unit.to() - unit.from() == 1) {
                // "Michael Jordan", "George Washington": a one-word place as the surname ends the run.
                words.add(cx.word(unit));
                k++;
            } else {
                break;
            }
        }
        while (!words.isEmpty() && words.get(words.size() - 1).length() == 1) {
            // "Mr P": an initial alone does not name anyone.
            words.remove(words.size() - 1);
        }
        if (words.isEmpty() || needsTwo && words.size() < 2) {
            return 0;
        }
        cx.out().person(words, cx.first(run.get(from)).start());
        return k - from;
    }

    private boolean isNameWord(NameUnit unit, RunContext cx) {
        if (unit.kind() != Kind.WORD) {
            return false;
        }
        String word = cx.word(unit);
        return cx.first(unit).capitalised() && !lexicon.isTitle(word) && !lexicon.isOrganizationWord(word)
                && !lexicon.isDemonym(word) && !lexicon.isGovernmentWord(word) && !lexicon.isCommonWordAnywhere(word);
    }
}
