package io.newsflow.streams.enrich;

/** Hand-written articles for the story tests: an original, a syndicated rewrite and an unrelated piece. */
final class StoryTexts {

    static final String TITLE = "Dock workers strike halts container traffic at Port Haven";

    static final String[] PARAGRAPHS = {
        "Container traffic at Port Haven came to a standstill on Tuesday after more than two thousand dock "
                + "workers walked off the job in a dispute over automation, shift patterns and pay, leaving "
                + "dozens of ships waiting at anchor outside the breakwater.",
        "The strike was called by the Harbour Workers Union after talks with the port authority broke down "
                + "late on Monday night. Union leaders said the authority had refused to guarantee jobs once "
                + "the new automated cranes enter service next spring.",
        "Port officials said the cranes were needed to keep the harbour competitive with larger rivals "
                + "along the coast and that no permanent employee would be dismissed. They accused the union "
                + "of ignoring a written offer that included retraining for every crane operator.",
        "Shipping companies began diverting vessels to neighbouring terminals within hours. One logistics "
                + "manager said the delays would add at least four days to deliveries of fresh produce and "
                + "car parts, and warned that warehouse space inland was already running short.",
        "Local businesses that depend on the port also felt the effect. Truck drivers queued for most of "
                + "the morning before being sent away, and several cafes near the main gate closed early "
                + "because their usual customers had gone home.",
        "The regional government urged both sides to return to the table and offered to appoint an "
                + "independent mediator. A spokesperson said ministers were monitoring the situation closely "
                + "but had no plans to intervene directly in what remained a private dispute.",
        "Economists estimate that each day of lost operations costs the regional economy several million "
                + "in trade, with knock-on effects for exporters who rely on fixed sailing schedules to meet "
                + "contracts abroad.",
        "The union said the walkout would continue until Friday at least. A further ballot on extending "
                + "the action is planned for next week, and organisers expect members at two smaller terminals "
                + "to join the protest if no agreement is reached.",
    };

    static final String BODY = String.join("\n\n", PARAGRAPHS);

    /** Another outlet's copy: its own headline, a rewritten sixth paragraph, the rest as sent by the wire. */
    static final String SYNDICATED_TITLE = "Port Haven paralysed as dockers walk out over robot cranes";

    static String syndicatedBody() {
        String[] copy = PARAGRAPHS.clone();
        copy[5] = "Regional ministers called for calm on Tuesday evening and said they were ready to pay for an "
                + "outside mediator, although they stressed that the dispute was a matter for the port and its "
                + "workforce and that they would not take sides.";
        return String.join("\n\n", copy);
    }

    static final String OTHER_TITLE = "City library reopens after two-year renovation";

    static final String OTHER_BODY = "The central library reopened its doors on Saturday after a renovation "
            + "that took two years and cost far more than first planned. Visitors queued around the block to "
            + "see the restored reading room, whose glass ceiling had been hidden under plaster since the "
            + "nineteen fifties.\n\nThe new building adds a children's wing, a makerspace with 3D printers and "
            + "longer opening hours on weekdays. Librarians said membership applications had tripled in the "
            + "week before the opening.\n\nCritics on the council had questioned the budget, but the mayor "
            + "said the library was already the most visited public building in the city and would pay for "
            + "itself in education and community life.";

    private StoryTexts() {
    }
}
