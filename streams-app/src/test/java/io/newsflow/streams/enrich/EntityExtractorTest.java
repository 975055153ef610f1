package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.schema.Entity;
import io.newsflow.schema.EntityType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {

    private static final EntityExtractor EXTRACTOR = EntityExtractor.loadDefault();
    private static final String SEED = "000_87a4bc5f0af12f59.txt";

    private static Optional<Entity> find(List<Entity> entities, String text) {
        return entities.stream().filter(e -> e.getText().equals(text)).findFirst();
    }

    private static List<String> texts(List<Entity> entities) {
        return entities.stream().map(Entity::getText).collect(Collectors.toList());
    }

    @Test
    void seedArticleYieldsItsPlacesOrganisationsAndPeople() throws IOException {
        List<Entity> entities = EXTRACTOR.extract("Keep investing in the relationship", seedArticle());

        assertThat(entities).extracting(Entity::getText, Entity::getType).contains(
                tuple("Pakistan", EntityType.PLACE),
                tuple("United States", EntityType.PLACE),
                tuple("Afghanistan", EntityType.PLACE),
                tuple("ISIS-K", EntityType.ORGANIZATION),
                tuple("Trump", EntityType.PERSON),
                tuple("Biden", EntityType.PERSON),
                tuple("Fulbright", EntityType.ORGANIZATION),
                tuple("QUAD", EntityType.ORGANIZATION));
        // Pakistan and the United States (US, U.S., Pak-US) are what the article is about.
        assertThat(entities.subList(0, 2)).extracting(Entity::getText)
                .containsExactlyInAnyOrder("Pakistan", "United States");
        assertThat(find(entities, "Trump").orElseThrow().getCount()).isGreaterThanOrEqualTo(3);
        // Demonyms are not places, and "Mutual Defense Assistance" is not a person.
        assertThat(texts(entities))
                .doesNotContain("American", "Americans", "Pakistani", "Afghans", "Soviet", "Assistance");
    }

    /** The seed corpus lives beside the project: ../shared/seed from the repository root. */
    private static String seedArticle() throws IOException {
        Path relative = Path.of("..", "..", "shared", "seed", SEED);
        Path absolute = Path.of("/work/shared/seed", SEED);
        Path path = Files.isRegularFile(relative) ? relative : absolute;
        assertThat(path)
                .withFailMessage("seed article missing: looked for %s and %s",
                        relative.toAbsolutePath().normalize(), absolute)
                .isRegularFile();
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    @Test
    void titleAndLaterSurnameCountForTheFullName() {
        List<Entity> entities = EXTRACTOR.extract("Donald Trump visits Kabul",
                "President Trump arrived on Monday. Officials said Trump would meet Taliban envoys. "
                        + "Mr. Trump's visit was not announced.");

        Entity trump = find(entities, "Donald Trump").orElseThrow();
        assertThat(trump.getType()).isEqualTo(EntityType.PERSON);
        assertThat(trump.getCount()).isEqualTo(4);
        assertThat(trump.getFirstOffset()).isZero();
        assertThat(texts(entities)).doesNotContain("Trump", "Monday", "Officials");
        assertThat(find(entities, "Kabul").orElseThrow().getType()).isEqualTo(EntityType.PLACE);
        assertThat(find(entities, "Taliban").orElseThrow().getType()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void shortFormsMapToTheCountryAndDemonymsAreNotPlaces() {
        List<Entity> entities = EXTRACTOR.extract(null,
                "The US and the U.S.A. are one country; America is another name for it. American troops left. "
                        + "Britain and the UK are the same too, and British diplomats agreed.");

        assertThat(entities).extracting(Entity::getText, Entity::getType, Entity::getCount).containsExactly(
                tuple("United States", EntityType.PLACE, 3),
                tuple("United Kingdom", EntityType.PLACE, 2));
    }

    @Test
    void offsetsPointIntoTitleBlankLineBody() {
        String title = "Talks in Geneva";
        String body = "Delegates from Iran met in Geneva.";
        List<Entity> entities = EXTRACTOR.extract(title, body);
        String text = title + "\n\n" + body;

        for (Entity entity : entities) {
            assertThat(text.substring(entity.getFirstOffset())).startsWith(entity.getText());
        }
        assertThat(find(entities, "Iran").orElseThrow().getFirstOffset()).isEqualTo(text.indexOf("Iran"));
        assertThat(find(entities, "Geneva").orElseThrow().getCount()).isEqualTo(2);
    }

    @Test
    void organisationsComeFromTheListSuffixesAndRecurringAcronyms() {
        List<Entity> entities = EXTRACTOR.extract("Port deal",
                "The Harbour Shipping Group signed with the University of Lagos and a non-Nato partner. "
                        + "The deal was approved by the KMTA, whose chairman said the KMTA would expand. "
                        + "The ZXQ was mentioned only once.");

        assertThat(entities).extracting(Entity::getText, Entity::getType).contains(
                tuple("Harbour Shipping Group", EntityType.ORGANIZATION),
                tuple("University of Lagos", EntityType.ORGANIZATION),
                tuple("NATO", EntityType.ORGANIZATION),
                tuple("KMTA", EntityType.ORGANIZATION));
        assertThat(find(entities, "KMTA").orElseThrow().getCount()).isEqualTo(2);
        assertThat(texts(entities)).doesNotContain("ZXQ", "Lagos");
    }

    @Test
    void peopleComeFromTitlesGivenNamesAndAdministrations() {
        List<Entity> entities = EXTRACTOR.extract("",
                "Prime Minister Shehbaz Sharif spoke after Foreign Minister Ishaq Dar. Later, Sharif thanked "
                        + "Masood Khan, and critics of the Biden administration were quiet. Dr. Ayesha Rahman agreed.");

        assertThat(entities).extracting(Entity::getText, Entity::getType).contains(
                tuple("Shehbaz Sharif", EntityType.PERSON),
                tuple("Ishaq Dar", EntityType.PERSON),
                tuple("Masood Khan", EntityType.PERSON),
                tuple("Biden", EntityType.PERSON),
                tuple("Ayesha Rahman", EntityType.PERSON));
        assertThat(find(entities, "Shehbaz Sharif").orElseThrow().getCount()).isEqualTo(2);
    }

    @Test
    void sentenceInitialCommonWordsAreNotNames() {
        List<Entity> entities = EXTRACTOR.extract("Markets",
                "Since January prices rose. Earlier this week they fell. However, Analysts Said nothing. "
                        + "These Figures were unchanged.");

        assertThat(entities).isEmpty();
    }

    @Test
    void entitiesAreSortedByCountAndCapped() {
        String body = IntStream.range(0, 60).mapToObj(i -> "Mr Name" + (char) ('A' + i % 26) + (char) ('a' + i / 26)
                + " spoke.").collect(Collectors.joining(" ")) + " Paris, Paris and Paris.";
        List<Entity> entities = EXTRACTOR.extract("Names", body);

        assertThat(entities).hasSize(EntityExtractor.MAX_ENTITIES);
        assertThat(entities.get(0).getText()).isEqualTo("Paris");
        assertThat(entities.get(0).getCount()).isEqualTo(3);
    }

    @Test
    void listedOnlyModeFindsKnownNamesInOtherLanguages() {
        List<Entity> entities = EXTRACTOR.extractListed("Die Wahl in Berlin",
                "Die Regierung in Deutschland und die NATO sprachen am Montag über die Lage in Pakistan.");

        assertThat(entities).extracting(Entity::getText).containsExactlyInAnyOrder("Berlin", "NATO", "Pakistan");
    }

    @Test
    void emptyInputHasNoEntities() {
        assertThat(EXTRACTOR.extract(null, null)).isEmpty();
        assertThat(EXTRACTOR.extract("", "")).isEmpty();
    }
}
