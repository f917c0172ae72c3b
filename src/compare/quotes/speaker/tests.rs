//! The speaker rules on invented sentences.

use super::*;
use crate::text::{sentences, tokenize};

fn speaker_of(text: &str, quoted: &str) -> Option<String> {
    let start = text.find(quoted).unwrap_or(0);
    let span = start..start + quoted.len();
    let (tokens, sentences) = (tokenize(text), sentences(text));
    speakers(text, &tokens, &sentences, std::slice::from_ref(&span))
        .pop()
        .flatten()
}

#[test]
fn reads_the_speaker_after_or_before_the_quote() {
    assert_eq!(
        speaker_of("“We will win,” Marlow said.", "We will win,").as_deref(),
        Some("Marlow")
    );
    assert_eq!(
        speaker_of("“We will win,” said Ines Marlow.", "We will win,").as_deref(),
        Some("Ines Marlow")
    );
    assert_eq!(
        speaker_of(
            "Marlow also said that it “will not last.”",
            "will not last."
        )
        .as_deref(),
        Some("Marlow")
    );
}

#[test]
fn the_subject_is_read_past_what_they_are_of_and_appositions() {
    let cases = [
        (
            "Petra Hoff of the IG Metall union vowed that “not one job will go.”",
            "Petra Hoff",
        ),
        (
            "Werner Lindqvist, chief executive of Elbwerk, said the cuts were „painful“.",
            "Werner Lindqvist",
        ),
        (
            "Helen Achebe, who leads the union's team, said the offer was “a serious step.”",
            "Helen Achebe",
        ),
    ];
    for (text, speaker) in cases {
        let quote = text.split(['“', '„']).nth(1).unwrap_or("");
        let quote = quote.trim_end_matches(['”', '“', '.']);
        assert_eq!(speaker_of(text, quote).as_deref(), Some(speaker), "{text}");
    }
    // An aside is not an apposition: Poland is not the speaker of the next quote.
    let text = "Ada Kern spoke first. Poland, in fact, has pledged more. “We agree,” she said.";
    assert_eq!(speaker_of(text, "We agree,").as_deref(), Some("Ada Kern"));
}

#[test]
fn an_organisation_and_a_title_after_the_verb_precede_the_name() {
    let text = "“We know,” said Northline managing director Carl Jansen.";
    assert_eq!(speaker_of(text, "We know,").as_deref(), Some("Carl Jansen"));
    let text = "“We know,” said Carl Jansen of Northline.";
    assert_eq!(speaker_of(text, "We know,").as_deref(), Some("Carl Jansen"));
}

#[test]
fn a_full_stop_inside_the_marks_ends_the_sentence_for_the_speaker_after() {
    let text = "He called the cuts “painful.” Petra Hoff of the union vowed to fight.";
    assert_eq!(speaker_of(text, "painful."), None);
}

#[test]
fn a_name_after_the_verb_stops_at_the_paragraph_end() {
    assert_eq!(
        speaker_of("“Go,” said Mayor Dana Whitcomb.\n\nDrivers waited.", "Go,").as_deref(),
        Some("Dana Whitcomb")
    );
}

#[test]
fn strips_titles_and_honorifics() {
    let text = "“The harbour is open,” Port Authority Director General Ana Silva told reporters.";
    assert_eq!(
        speaker_of(text, "The harbour is open,").as_deref(),
        Some("Ana Silva")
    );
    let text = "Engineer Ines Marlow warned that the dam “cannot be patched.”";
    assert_eq!(
        speaker_of(text, "cannot be patched.").as_deref(),
        Some("Ines Marlow")
    );
    assert_eq!(
        speaker_of("“Go,” said Mr. Okafor.", "Go,").as_deref(),
        Some("Okafor")
    );
}

#[test]
fn resolves_pronouns_to_the_last_named_speaker() {
    let text = "Mayor Okafor said the bridge was safe. Later, “we reopen Monday,” she said.";
    assert_eq!(
        speaker_of(text, "we reopen Monday,").as_deref(),
        Some("Okafor")
    );
}

#[test]
fn according_to_names_the_source() {
    let text = "“Talks failed,” according to Reuters.";
    assert_eq!(
        speaker_of(text, "Talks failed,").as_deref(),
        Some("Reuters")
    );
}

#[test]
fn a_verb_of_characterisation_names_its_subject() {
    let text = "Opposition leader Marta Kowal described the plan as “a gift to the rich.”";
    assert_eq!(
        speaker_of(text, "a gift to the rich.").as_deref(),
        Some("Marta Kowal")
    );
    let text = "The mayor called the vote “a turning point for us.” Critics disagreed.";
    assert_eq!(
        speaker_of(text, "a turning point for us.").as_deref(),
        Some("the mayor")
    );
}

#[test]
fn a_role_speaks_for_the_last_person_named_with_it() {
    let text = "Coach Mira Halvorsen stayed calm. “We will learn,” the coach added.";
    assert_eq!(
        speaker_of(text, "We will learn,").as_deref(),
        Some("Mira Halvorsen")
    );
    let text = "“We looked at every option,” said a company spokeswoman.";
    assert_eq!(
        speaker_of(text, "We looked at every option,").as_deref(),
        Some("a company spokeswoman")
    );
}

#[test]
fn a_participle_takes_the_subject_and_an_apposition_gives_the_name() {
    let text = "Mira Halvorsen dismissed the reports, saying on Friday: “I am staying.”";
    assert_eq!(
        speaker_of(text, "I am staying.").as_deref(),
        Some("Mira Halvorsen")
    );
    let text = "“It is free raw material,” said its president, Gwen Abara.";
    assert_eq!(
        speaker_of(text, "It is free raw material,").as_deref(),
        Some("Gwen Abara")
    );
}

#[test]
fn a_colon_ending_the_paragraph_before_names_the_quote_opening_the_next() {
    let text = "Chief executive Rahul Mehta said:\n\n“This was not a cyberattack.”";
    assert_eq!(
        speaker_of(text, "This was not a cyberattack.").as_deref(),
        Some("Rahul Mehta")
    );
}

#[test]
fn said_x_names_the_quote_next_to_it_only() {
    let text =
        "The vote was “a turning point.” Critics disagreed. “We had no time,” said Reyes. “None.”";
    let (tokens, sentences) = (tokenize(text), sentences(text));
    let spans: Vec<Range<usize>> = ["a turning point.", "We had no time,", "None."]
        .iter()
        .map(|q| {
            let start = text.find(q).unwrap_or(0);
            start..start + q.len()
        })
        .collect();
    let found = speakers(text, &tokens, &sentences, &spans);
    assert_eq!(
        found,
        [None, Some("Reyes".to_string()), Some("Reyes".to_string())]
    );
}

#[test]
fn no_speaker_without_attribution() {
    assert_eq!(
        speaker_of("The word “robust” appears twice.", "robust"),
        None
    );
}

#[test]
fn a_speaker_on_the_wrapped_line_after_the_quote_is_read() {
    let text = "“We cannot keep patching a bridge built for horse carts,”\nsaid Mayor Elena Ruiz.";
    assert_eq!(
        speaker_of(
            text,
            "We cannot keep patching a bridge built for horse carts,"
        )
        .as_deref(),
        Some("Elena Ruiz")
    );
    // Past a paragraph break the next line names nobody's quote.
    let text =
        "“We cannot keep patching a bridge built for horse carts,”\n\nsaid Mayor Elena Ruiz.";
    assert_eq!(
        speaker_of(
            text,
            "We cannot keep patching a bridge built for horse carts,"
        ),
        None
    );
}
