//! Who a quote is credited to: speakers compared by surname, and the credits of a group.

use super::carriage::Occurrence;
use serde::Serialize;

/// A speaker and the articles crediting the quote to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Credit {
    /// The fullest form of the name the articles give.
    pub speaker: String,
    /// Indices of the articles naming this speaker.
    pub articles: Vec<usize>,
}

/// A speaker's surname, lower-cased: the last word of the name, without possessive,
/// so titles and first names ("Defense Secretary Pete", "Mr.") do not count.
fn surname(speaker: &str) -> Option<String> {
    const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];
    speaker
        .split_whitespace()
        .map(|w| {
            w.trim_end_matches(['’', '\''])
                .trim_end_matches("’s")
                .trim_end_matches("'s")
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .rfind(|w| !w.is_empty() && !SUFFIXES.contains(&w.as_str()))
}

/// Whether two speakers may be one: same surname, or either unknown.
pub(super) fn same_speaker(a: Option<&str>, b: Option<&str>) -> bool {
    match (a.and_then(surname), b.and_then(surname)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// The speakers the quoted occurrences name, one per surname, most articles first.
pub(super) fn credits(occurrences: &[Occurrence]) -> Vec<Credit> {
    let mut by_surname: Vec<(String, Credit)> = Vec::new();
    for o in occurrences.iter().filter(|o| o.quoted) {
        let Some(name) = o.speaker.as_deref() else {
            continue;
        };
        let Some(key) = surname(name) else { continue };
        match by_surname.iter_mut().find(|(k, _)| *k == key) {
            Some((_, credit)) => {
                credit.articles.push(o.article);
                if name.len() > credit.speaker.len() {
                    credit.speaker = name.to_string();
                }
            }
            None => by_surname.push((
                key,
                Credit {
                    speaker: name.to_string(),
                    articles: vec![o.article],
                },
            )),
        }
    }
    let mut out: Vec<Credit> = by_surname.into_iter().map(|(_, c)| c).collect();
    out.sort_by_key(|c| std::cmp::Reverse(c.articles.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_ignore_titles_and_possessives() {
        assert_eq!(
            surname("Defense Secretary Pete Hegseth").as_deref(),
            Some("hegseth")
        );
        assert_eq!(surname("Mr. Hegseth").as_deref(), Some("hegseth"));
        assert_eq!(surname("Martin Luther King Jr.").as_deref(), Some("king"));
        assert!(same_speaker(Some("Ms. Marlow"), Some("Ines Marlow")));
        assert!(same_speaker(None, Some("Okafor")));
        assert!(!same_speaker(Some("Marlow"), Some("Okafor")));
        // A role no name was found for is not a name: "the secretary" is not Healey.
        assert!(!same_speaker(Some("the secretary"), Some("Healey")));
    }
}
