//! Presets of ignored differences that `i` cycles through.

use crate::text::MatchOptions;

/// The presets: the options the reader started with, then the common variants.
#[must_use]
pub fn presets(start: MatchOptions) -> Vec<MatchOptions> {
    let all = MatchOptions::default();
    let mut out = vec![start];
    for preset in [
        all,
        MatchOptions {
            ignore_case: false,
            ..all
        },
        MatchOptions {
            ignore_punctuation: false,
            ..all
        },
        MatchOptions {
            ignore_quote_style: false,
            ..all
        },
        MatchOptions {
            ignore_spelling: false,
            ..all
        },
        MatchOptions::STRICT,
    ] {
        if !out.contains(&preset) {
            out.push(preset);
        }
    }
    out
}

/// The names of the differences a preset ignores, in a fixed order.
fn ignored(options: MatchOptions) -> Vec<&'static str> {
    [
        (options.ignore_case, "case"),
        (options.ignore_punctuation, "punct"),
        (options.ignore_quote_style, "quotes"),
        (options.numbers_as_digits, "5=five"),
        (options.ignore_spelling, "spelling"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|&(_, name)| name)
    .collect()
}

/// Short description of what a preset ignores: `ignoring case, punct, quotes, 5=five`.
#[must_use]
pub fn describe(options: &MatchOptions) -> String {
    let parts = ignored(*options);
    if parts.is_empty() {
        "strict: every difference counts".to_string()
    } else {
        format!("ignoring {}", parts.join(","))
    }
}

/// The shortest form, for the status line: `ign:all` (the default), `ign:case,punct`,
/// or `strict`.
#[must_use]
pub fn short(options: &MatchOptions) -> String {
    let parts = ignored(*options);
    if parts.is_empty() {
        "strict".to_string()
    } else if *options == MatchOptions::default() {
        "ign:all".to_string()
    } else {
        format!("ign:{}", parts.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_start_with_the_given_options_and_have_no_duplicates() {
        let p = presets(MatchOptions::STRICT);
        assert_eq!(p[0], MatchOptions::STRICT);
        assert_eq!(p.iter().filter(|o| **o == MatchOptions::STRICT).count(), 1);
        assert_eq!(p.len(), 6);
        assert_eq!(
            describe(&MatchOptions::STRICT),
            "strict: every difference counts"
        );
        assert_eq!(short(&MatchOptions::STRICT), "strict");
        assert_eq!(short(&MatchOptions::default()), "ign:all");
        let case = MatchOptions {
            ignore_case: false,
            ..MatchOptions::default()
        };
        assert_eq!(short(&case), "ign:punct,quotes,5=five,spelling");
        assert_eq!(
            describe(&MatchOptions::default()),
            "ignoring case,punct,quotes,5=five,spelling"
        );
    }
}
