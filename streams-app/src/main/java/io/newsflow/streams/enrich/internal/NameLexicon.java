package io.newsflow.streams.enrich.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The word lists behind the entity rules: capitalised words that are not names (bundled
 * {@code entity-stopwords.txt}), given names ({@code entity-given-names.txt}), demonyms
 * ({@code entity-demonyms.txt}), and the small closed sets of titles, organisation words and name
 * particles, kept here in code because the rules depend on exactly these words.
 *
 * <p>Immutable; thread-safe.
 */
public final class NameLexicon {

    /** Words before a person's name; several may stand together ("Prime Minister", "Field Marshal"). */
    private static final Set<String> TITLES = Set.of("President", "President-elect", "Vice", "Prime", "Minister",
            "Deputy", "Foreign", "Defence", "Defense", "Finance", "Interior", "Home", "Chancellor", "Secretary",
            "Secretary-General", "Senator", "Sen", "Representative", "Rep", "Congressman", "Congresswoman",
            "Governor", "Gov", "General", "Gen", "Lieutenant", "Lt", "Colonel", "Col", "Major", "Maj", "Captain",
            "Capt", "Admiral", "Adm", "Commander", "Sergeant", "Sgt", "Field", "Marshal", "Brigadier", "Mr", "Mrs",
            "Ms", "Miss", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady", "King", "Queen", "Prince",
            "Princess", "Crown", "Pope", "Sheikh", "Sheikha", "Emir", "Sultan", "Ayatollah", "Imam", "Mullah",
            "Maulana", "Rev", "Reverend", "Bishop", "Archbishop", "Cardinal", "Rabbi", "Judge", "Justice", "Chief",
            "Mayor", "Ambassador", "Envoy", "Commissioner", "Chairman", "Chairwoman", "Chairperson",
            "Speaker", "Premier", "Attorney", "Inspector", "Director", "Supreme", "Leader", "Opposition", "MP", "MEP",
            "MNA", "MPA", "Sheriff", "Coach", "Manager", "Striker", "Midfielder", "Defender", "Goalkeeper",
            "Skipper");

    /**
     * Titles that only qualify the title after them: "Defense Minister X" is a title, but in "Mutual
     * Defense Assistance" no name follows "Defense".
     */
    private static final Set<String> TITLE_MODIFIERS = Set.of("Vice", "Prime", "Deputy", "Foreign", "Defence",
            "Defense", "Finance", "Interior", "Home", "Crown", "Field", "Supreme", "Opposition", "Chief", "Attorney");

    /** A capitalised run ending in one of these (or "X of ...") names an organisation. */
    private static final Set<String> ORGANIZATION_WORDS = Set.of("Inc", "Ltd", "Corp", "Corporation", "Co", "LLC",
            "PLC", "plc", "AG", "GmbH", "Group", "Holdings", "Bank", "Bancorp", "University", "College",
            "Institute", "Academy", "School", "Party", "Ministry", "Department", "Agency", "Council", "Association",
            "Organisation", "Organization", "Commission", "Committee", "Authority", "Federation", "Foundation",
            "Union", "Army", "Navy", "Police", "Court", "Assembly", "Parliament", "Bureau", "Office", "Board",
            "Fund", "Trust", "Society", "Alliance", "Front", "Movement", "League", "Brigade", "Brigades", "Corps",
            "Command", "Forces", "Force", "Guard", "Guards", "Airlines", "Airways", "Motors", "Technologies",
            "Industries", "Pharmaceuticals", "Network", "Company", "Club", "Church", "Institution", "Service",
            "Services", "Exchange", "Secretariat", "Tribunal", "Hospital", "Clinic", "Enterprises", "Laboratories",
            "Studios");

    /** Lower-case words that may join the capitalised words of one name: "Bank of England", "bin Salman". */
    private static final Set<String> CONNECTORS = Set.of("of", "for", "on", "de", "da", "di", "du", "del", "der",
            "den", "van", "von", "bin", "ibn", "al", "el", "la", "le");

    /** Connectors that occur inside people's names (not "of", "for", "on"). */
    private static final Set<String> NAME_PARTICLES = Set.of("de", "da", "di", "du", "del", "der", "den", "van",
            "von", "bin", "ibn", "al", "el", "la", "le");

    /** "Biden administration", "Sharif government": the word before is a leader's name. */
    private static final Set<String> GOVERNMENT_WORDS = Set.of("administration", "government", "presidency",
            "regime", "cabinet");

    private final Set<String> startStop = new HashSet<>();
    private final Set<String> never = new HashSet<>();
    private final Set<String> givenNames = new HashSet<>();
    private final Set<String> demonyms = new HashSet<>();

    private NameLexicon() {
    }

    /** Loads the bundled lists. */
    public static NameLexicon loadDefault() {
        NameLexicon lexicon = new NameLexicon();
        for (String line : Resources.contentLines("entity-stopwords.txt")) {
            int colon = line.indexOf(':');
            String kind = line.substring(0, colon).strip();
            Set<String> target = switch (kind) {
                case "start" -> lexicon.startStop;
                case "never" -> lexicon.never;
                default -> throw new IllegalStateException("entity-stopwords.txt: unknown kind '" + kind + "'");
            };
            target.addAll(words(line.substring(colon + 1)));
        }
        for (String line : Resources.contentLines("entity-given-names.txt")) {
            lexicon.givenNames.addAll(words(line));
        }
        for (String line : Resources.contentLines("entity-demonyms.txt")) {
            for (String word : words(line)) {
                lexicon.demonyms.add(word);
                lexicon.demonyms.add(word.endsWith("s") ? word : word + "s");
            }
        }
        return lexicon;
    }

    private static List<String> words(String line) {
        return List.of(line.strip().split("\\s+"));
    }

    /**
     * Whether a capitalised word is not a name here: always (months, pronouns) or because it starts a
     * sentence and is a common word. Acronyms are exempt from the sentence-start list ("US" is not "us").
     */
    public boolean isCommonWord(EntityToken token) {
        String lower = token.text().toLowerCase(Locale.ROOT);
        if (never.contains(lower)) {
            return true;
        }
        return token.sentenceStart() && !token.allCaps() && startStop.contains(lower);
    }

    /** A common word wherever it stands, for rules that must not fire on "Federal government". */
    public boolean isCommonWordAnywhere(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return never.contains(lower) || startStop.contains(lower);
    }

    public boolean isGivenName(String word) {
        return givenNames.contains(word);
    }

    public boolean isDemonym(String word) {
        return demonyms.contains(word);
    }

    public boolean isTitle(String word) {
        return TITLES.contains(word);
    }

    /** A title that can stand right before a name ("Minister", not "Prime"). */
    public boolean isHeadTitle(String word) {
        return TITLES.contains(word) && !TITLE_MODIFIERS.contains(word);
    }

    public boolean isOrganizationWord(String word) {
        return ORGANIZATION_WORDS.contains(word);
    }

    public boolean isConnector(String word) {
        return CONNECTORS.contains(word);
    }

    public boolean isNameParticle(String word) {
        return NAME_PARTICLES.contains(word);
    }

    public boolean isGovernmentWord(String word) {
        return GOVERNMENT_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }
}
