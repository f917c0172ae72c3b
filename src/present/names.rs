//! Short outlet names for narrow places (map labels): distinct, and readable where
//! they can be.

use super::text::{cut, display, width};
use std::collections::HashMap;

/// Short, distinct labels for `outlets`, each at most `max` columns: the name
/// without a leading "The" when it fits, else its first word (its initials when
/// that word is too long and there are more), then the initials where labels
/// collide, and where they still collide the label cut to make room for `#` and
/// the outlet's 1-based position.
#[must_use]
pub fn short_names(outlets: &[&str], max: usize) -> Vec<String> {
    let words: Vec<Vec<String>> = outlets.iter().map(|o| outlet_words(o)).collect();
    let first: Vec<String> = words
        .iter()
        .map(|w| {
            let whole = w.join(" ");
            match w.as_slice() {
                _ if width(&whole) <= max => whole,
                [one, _, ..] if width(one) > max => initials(w),
                _ => w.first().cloned().unwrap_or_default(),
            }
        })
        .collect();
    let first_collides = collisions(&first);
    let second: Vec<String> = first
        .into_iter()
        .zip(first_collides)
        .zip(&words)
        .map(|((name, collides), w)| if collides { initials(w) } else { name })
        .collect();
    let second_collides = collisions(&second);
    second
        .iter()
        .zip(second_collides)
        .enumerate()
        .map(|(i, (name, collides))| {
            if collides {
                let number = format!("#{}", i + 1);
                let room = max.saturating_sub(width(&number));
                format!("{}{number}", cut(name, room))
            } else {
                cut(name, max)
            }
        })
        .collect()
}

/// The words of an outlet name, shown, trimmed of punctuation, a leading "The" dropped.
fn outlet_words(outlet: &str) -> Vec<String> {
    let mut words: Vec<String> = display(outlet)
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 1 && words[0].eq_ignore_ascii_case("the") {
        words.remove(0);
    }
    words
}

/// The upper-cased first letters of `words`.
fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// For each name, whether it is empty or another name is the same.
fn collisions(names: &[String]) -> Vec<bool> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for name in names {
        *counts.entry(name).or_default() += 1;
    }
    names
        .iter()
        .map(|n| n.is_empty() || counts.get(n.as_str()).is_some_and(|&c| c > 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_distinct_and_narrow() {
        let names = short_names(
            &[
                "The Guardian",
                "Radio Free Europe",
                "Radio Liberty",
                "Reuters",
                "Reuters",
                "Süddeutsche Zeitung",
                "",
                "Bloomberg",
                "Antiwar.com",
            ],
            8,
        );
        assert_eq!(
            names,
            [
                "Guardian", "RFE", "RL", "R#4", "R#5", "SZ", "#7", "Bloomber", "Antiwar."
            ]
        );
    }

    #[test]
    fn whole_names_and_first_words_when_they_fit() {
        let names = short_names(
            &[
                "The Epoch Times",
                "The Moscow Times",
                "Associated Press",
                "AP News",
            ],
            6,
        );
        assert_eq!(names, ["Epoch", "Moscow", "AP", "AN"]);
    }

    #[test]
    fn names_are_shown_inert_and_cut_by_columns() {
        assert_eq!(short_names(&["\u{1b}[31mRed"], 20), ["31mRed"]);
        assert_eq!(short_names(&["日本経済新聞"], 5), ["日本"]);
    }
}
