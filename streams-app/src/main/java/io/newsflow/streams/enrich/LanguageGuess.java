package io.newsflow.streams.enrich;

/**
 * A detected language.
 *
 * @param code       ISO 639-1 code, or {@link #UNDETERMINED} ("und")
 * @param confidence share of the stop-word evidence that points to {@code code}, in [0, 1]; 0 for "und"
 */
public record LanguageGuess(String code, double confidence) {

    /** ISO 639-2 code for "undetermined". */
    public static final String UNDETERMINED = "und";

    /** The guess for text too short or too unusual to tell. */
    public static final LanguageGuess UNKNOWN = new LanguageGuess(UNDETERMINED, 0.0);

    public LanguageGuess {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank");
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
    }

    /** True when a language was determined. */
    public boolean isDetermined() {
        return !UNDETERMINED.equals(code);
    }
}
