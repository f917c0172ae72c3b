//! The vocabulary of attribution: verbs of speech, roles, titles and the small words
//! that stand between a speaker and the verb. Lists of match keys (lower case, no
//! apostrophes), read by the rules in `speaker.rs`.

/// Whether `word` is a word of attribution, which takes the speaker before it ("Hegseth
/// said") or after it ("said Healey"). A `match` on literals: the compiler compares
/// the few candidates of the word's length inline, far cheaper than a table search
/// (this runs for every token).
pub(super) fn is_speech_verb(word: &str) -> bool {
    // Every word below ends in d, e, g, s or y: one byte tells most words apart.
    if !matches!(
        word.as_bytes().last(),
        Some(b'd' | b'e' | b'g' | b's' | b'y')
    ) {
        return false;
    }
    matches!(
        word,
        "acknowledged"
            | "added"
            | "adds"
            | "admits"
            | "admitted"
            | "announced"
            | "argued"
            | "asked"
            | "called"
            | "cautioned"
            | "claimed"
            | "commented"
            | "conceded"
            | "confirmed"
            | "continued"
            | "countered"
            | "declared"
            | "described"
            | "dubbed"
            | "explained"
            | "insisted"
            | "labelled"
            | "labeled"
            | "noted"
            | "pledged"
            | "promised"
            | "recalled"
            | "remarked"
            | "replied"
            | "responded"
            | "said"
            | "say"
            | "says"
            | "stated"
            | "stressed"
            | "tells"
            | "termed"
            | "testified"
            | "told"
            | "tweeted"
            | "urged"
            | "vowed"
            | "warned"
            | "wrote"
    ) || is_participle(word)
}

/// Participles of attribution, whose speaker is the subject of the sentence ("Reyes
/// left, saying …") unless a name stands just before them ("with Grange telling …").
pub(super) fn is_participle(word: &str) -> bool {
    matches!(
        word,
        "adding"
            | "arguing"
            | "calling"
            | "declaring"
            | "describing"
            | "insisting"
            | "noting"
            | "saying"
            | "telling"
            | "urging"
            | "warning"
            | "writing"
    )
}

/// Lower-case nouns of office or role that can speak ("the mayor said", "said a
/// company spokeswoman"): a role speaks for the last person named with that title, or
/// as itself.
pub(super) const ROLES: &[&str] = &[
    "ambassador",
    "archbishop",
    "attorney",
    "biologist",
    "bishop",
    "captain",
    "chairman",
    "chairwoman",
    "chancellor",
    "coach",
    "commander",
    "commissioner",
    "councillor",
    "councilor",
    "detective",
    "director",
    "economist",
    "engineer",
    "envoy",
    "executive",
    "founder",
    "governor",
    "inspector",
    "judge",
    "justice",
    "lawyer",
    "leader",
    "manager",
    "mayor",
    "minister",
    "official",
    "pope",
    "president",
    "professor",
    "prosecutor",
    "scientist",
    "secretary",
    "senator",
    "sheriff",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "superintendent",
    "witness",
];

/// Lower-case words that may stand between a speaker and the verb ("Hegseth also said").
pub(super) const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "again",
    "also",
    "has",
    "had",
    "have",
    "later",
    "previously",
    "then",
    "further",
];

/// Lower-case words after a name that mark it as the subject of a sentence (besides
/// words ending in -ed): "Hegseth made", "Putin has", "Hegseth wouldn’t".
pub(super) const SUBJECT_VERBS: &[&str] = &[
    "can", "could", "did", "does", "gave", "had", "has", "is", "made", "met", "spoke", "took",
    "wants", "was", "went", "will", "wont", "would", "wouldnt",
];

/// Pronouns resolved to the last named person.
pub(super) const PRONOUNS: &[&str] = &["he", "she", "they"];

/// Titles, honorifics, nationalities and other capitalized words that are not part of a
/// speaker's name (match keys). "Secretary General Mark Rutte" gives "Mark Rutte".
pub(super) const NOT_NAME_WORDS: &[&str] = &[
    "admiral",
    "ambassador",
    "american",
    "archbishop",
    "attorney",
    "bishop",
    "british",
    "capt",
    "ceo",
    "cardinal",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "col",
    "commander",
    "commissioner",
    "constable",
    "councillor",
    "councilman",
    "councilor",
    "councilwoman",
    "dame",
    "defence",
    "defense",
    "deputy",
    "detective",
    "director",
    "dr",
    "envoy",
    "eu",
    "foreign",
    "french",
    "friday",
    "gen",
    "general",
    "german",
    "gov",
    "governor",
    "imam",
    "inspector",
    "judge",
    "justice",
    "king",
    "lord",
    "lt",
    "magistrate",
    "mayor",
    "minister",
    "monday",
    "mr",
    "mrs",
    "ms",
    "nato",
    "officer",
    "pope",
    "president",
    "prime",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "russian",
    "saturday",
    "secretary",
    "sen",
    "senator",
    "sgt",
    "sheriff",
    "sir",
    "speaker",
    "spokesman",
    "spokeswoman",
    "state",
    "sunday",
    "superintendent",
    "the",
    "thursday",
    "treasury",
    "tuesday",
    "uk",
    "ukrainian",
    "un",
    "us",
    "vice",
    "wednesday",
];
/// Words joining a role to what it is of ("a spokesman for …").
pub(super) const ROLE_OF: &[&str] = &["at", "for", "of"];
/// Words that open the noun phrase of a role ("the mayor", "its director").
pub(super) const DETERMINERS: &[&str] = &["a", "an", "her", "his", "its", "the", "their"];
/// Days named after "on" between a subject and its verb ("Reyes on Monday said").
pub(super) const WEEKDAYS: &[&str] = &[
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];
