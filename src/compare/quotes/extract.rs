//! Finding quotation marks and the spans they enclose.
//!
//! Handles curly, straight, low-9 and guillemet marks, nesting (single inside
//! double), apostrophes that look like closing single marks, quotes left open at
//! paragraph end and quotes continued over several paragraphs.

use super::scan::positions;
use std::ops::Range;

/// Which pair of marks opened a quote, and so which mark closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// `“…”`, `„…“`, `"…"`.
    Double,
    /// `‘…’`, `‚…‘`, `'…'`.
    Single,
    /// `«…»`.
    Guillemet,
    /// `‹…›`.
    SingleGuillemet,
}

impl Family {
    /// Double-level quotes may stay open to paragraph end; single ones may be apostrophes.
    fn is_outer(self) -> bool {
        matches!(self, Family::Double | Family::Guillemet)
    }
}

/// A mark waiting for its partner.
#[derive(Debug, Clone, Copy)]
struct Open {
    family: Family,
    /// Byte just after the opening mark.
    content_start: usize,
    /// Opened with a straight mark (`"` or `'`), so closed by the same straight mark.
    straight: bool,
    /// Opened with a low mark (`„`, `‚`), which `“`/`‘` may close.
    low: bool,
    /// The first visible character of its paragraph.
    opens_paragraph: bool,
}

/// A quote span as found, before speakers are attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct RawQuote {
    pub span: Range<usize>,
    pub closed: bool,
    pub depth: usize,
    /// Marked with single marks, which may really be apostrophes.
    pub single: bool,
}

/// Shortest content (in characters) of a single-marked quote without spaces:
/// shorter ones are elisions such as `’n’`.
const MIN_SINGLE_QUOTE_CHARS: usize = 3;

/// Finds quote spans in `text`, in order of their opening marks.
pub(super) fn quote_spans(text: &str) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let lines = paragraph_lines(text);
    let mut stack: Vec<Open> = Vec::new();
    let mut skip_reopen_at: Option<usize> = None;
    for (index, line) in lines.iter().enumerate() {
        let content = &text[line.clone()];
        for (offset, c) in marks(content) {
            let byte = line.start + offset;
            if skip_reopen_at == Some(byte) {
                skip_reopen_at = None;
                continue;
            }
            let at = Around {
                line: content,
                offset,
                base: line.start,
                c,
            };
            handle_mark(&at, &mut stack, &mut out);
        }
        // Convention: a paragraph left open whose successor opens with a mark continues
        // the quote (a single-marked one only when it opened its paragraph).
        let reopening = lines.get(index + 1).and_then(|next| {
            let open = stack.first()?;
            let (at, c) = first_visible(text, next.clone())?;
            let continues = if open.family.is_outer() {
                opens_outer(c)
            } else {
                open.family == Family::Single && open.opens_paragraph && matches!(c, '‘' | '\'')
            };
            continues.then_some((at, c))
        });
        if let Some((reopen_at, _)) = reopening {
            skip_reopen_at = Some(reopen_at);
            stack.truncate(1);
            continue;
        }
        close_at_paragraph_end(text, line.end, &mut stack, &mut out);
    }
    out.retain_mut(|q| keep_trimmed(text, q));
    out.sort_by_key(|q| (q.span.start, q.depth));
    out
}

/// Trims spaces inside the marks; drops quotes without a word and elisions like `’n’`.
fn keep_trimmed(text: &str, quote: &mut RawQuote) -> bool {
    let Some(content) = text.get(quote.span.clone()) else {
        return false;
    };
    let lead = content.len() - content.trim_start().len();
    let trimmed = content.trim();
    quote.span = quote.span.start + lead..quote.span.start + lead + trimmed.len();
    let has_word = trimmed.chars().any(char::is_alphanumeric);
    let elision = !trimmed.contains(char::is_whitespace)
        && trimmed.chars().count() < MIN_SINGLE_QUOTE_CHARS
        && quote.single;
    has_word && !elision
}

/// The quotation marks [`handle_mark`] reacts to.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '„' | '‟' | '”' | '"' | '«' | '»' | '‹' | '›' | '‘' | '‚' | '’' | '\''
    )
}

/// The quotation marks of `line` with their byte offsets. Only bytes that can start a
/// mark are decoded: ASCII `"` and `'`, and the lead bytes of `«`/`»` and of the
/// U+2018–U+203A marks.
fn marks(line: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    positions(line.as_bytes(), [b'"', b'\'', 0xC2, 0xE2]).filter_map(|offset| {
        let c = line.get(offset..)?.chars().next()?;
        is_mark(c).then_some((offset, c))
    })
}

/// A quotation mark and the paragraph line around it.
struct Around<'a> {
    /// The paragraph's text.
    line: &'a str,
    /// Byte of the mark in `line`.
    offset: usize,
    /// Byte of `line` in the whole text.
    base: usize,
    /// The mark.
    c: char,
}

impl Around<'_> {
    fn before(&self) -> &str {
        &self.line[..self.offset]
    }

    fn after(&self) -> &str {
        &self.line[self.offset + self.c.len_utf8()..]
    }

    fn prev(&self) -> Option<char> {
        self.before().chars().next_back()
    }

    fn next(&self) -> Option<char> {
        self.after().chars().next()
    }

    /// Byte of the mark in the whole text.
    fn byte(&self) -> usize {
        self.base + self.offset
    }

    /// Byte just after the mark in the whole text.
    fn content_start(&self) -> usize {
        self.byte() + self.c.len_utf8()
    }
}

/// Reacts to one character: opens, closes or ignores a quotation mark.
fn handle_mark(at: &Around<'_>, stack: &mut Vec<Open>, out: &mut Vec<RawQuote>) {
    let (c, byte, prev, next) = (at.c, at.byte(), at.prev(), at.next());
    let inside_word =
        prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
    let open = |family, straight| Open {
        family,
        content_start: at.content_start(),
        straight,
        low: matches!(c, '„' | '‚'),
        opens_paragraph: at.before().trim().is_empty(),
    };
    let curly = |family| find_open(stack, family, false);
    match c {
        '“' | '„' | '‟' => match curly(Family::Double) {
            Some(pos) if c == '“' && stack.get(pos).is_some_and(|o| o.low) => {
                close(stack, pos, byte, out);
            }
            // A stray doubled opening mark (`“an “unrealistic`) is ignored.
            Some(_) => {}
            None => stack.push(open(Family::Double, false)),
        },
        '”' => {
            if let Some(pos) =
                curly(Family::Double).or_else(|| find_open(stack, Family::Double, true))
            {
                close(stack, pos, byte, out);
            }
        }
        '"' => {
            if let Some(pos) = find_open(stack, Family::Double, true) {
                close(stack, pos, byte, out);
            } else if can_open(prev, next) {
                stack.push(open(Family::Double, true));
            } else if let Some(pos) = curly(Family::Double) {
                close(stack, pos, byte, out);
            }
        }
        '«' => stack.push(open(Family::Guillemet, false)),
        '»' => {
            if let Some(pos) = curly(Family::Guillemet) {
                close(stack, pos, byte, out);
            }
        }
        '‹' => stack.push(open(Family::SingleGuillemet, false)),
        '›' => {
            if let Some(pos) = curly(Family::SingleGuillemet) {
                close(stack, pos, byte, out);
            }
        }
        '‘' | '‚' if !inside_word => match curly(Family::Single) {
            Some(pos) if c == '‘' && stack.get(pos).is_some_and(|o| o.low) => {
                close(stack, pos, byte, out);
            }
            // Single marks do not nest in single marks: a second opening one is stray.
            None if !is_elision(at.after()) => stack.push(open(Family::Single, false)),
            _ => {}
        },
        '’' if !inside_word && prev.is_some_and(|p| !p.is_whitespace()) => {
            if let Some(pos) = curly(Family::Single)
                && !is_apostrophe(at)
            {
                close(stack, pos, byte, out);
            }
        }
        '\'' if !inside_word => {
            if let Some(pos) = find_open(stack, Family::Single, true) {
                if prev.is_some_and(|p| !p.is_whitespace()) && !is_apostrophe(at) {
                    close(stack, pos, byte, out);
                }
            } else if can_open(prev, next) && !is_elision(at.after()) {
                stack.push(open(Family::Single, true));
            }
        }
        _ => {}
    }
}

/// Words that lose their first letters to an apostrophe (`’em`, `’til`, rock `’n’` roll).
const ELISIONS: &[&str] = &[
    "bout", "cause", "em", "n", "nuff", "round", "til", "tis", "twas",
];

/// Whether a single mark followed by `after` starts an elision rather than a quote:
/// a clipped year or decade (`’90s`, `'94,`) or a clipped word (`’em`, `'n'`).
fn is_elision(after: &str) -> bool {
    let digits = after.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let following = after[digits..].chars().next();
        return digits == 2 && following.is_none_or(|c| !c.is_whitespace());
    }
    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    let following = after[word.len()..].chars().next();
    ELISIONS.contains(&word.as_str()) && following.is_none_or(|c| !c.is_alphanumeric())
}

/// Whether a single closing-shaped mark inside an open single quote is an apostrophe:
/// the end of an elision (rock `'n'` roll), a plural possessive going on with the
/// sentence (the workers’ money) when a later mark can still close the quote, or a
/// possessive just before the real closing mark (`not the sponsors’,’`).
fn is_apostrophe(at: &Around<'_>) -> bool {
    let before = at.before();
    let letters: usize = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    let clipped = &before[before.len() - letters..];
    let opener = before[..before.len() - letters].chars().next_back();
    if opener.is_some_and(|o| o == at.c || (at.c == '’' && o == '‘'))
        && ELISIONS.contains(&clipped.to_lowercase().as_str())
    {
        return true;
    }
    let after = at.after();
    let same_mark_next = |rest: &str| {
        rest.trim_start_matches([',', '.', ';', ':', '!', '?'])
            .starts_with(at.c)
    };
    if after.starts_with([',', '.', ';', ':', '!', '?']) && same_mark_next(after) {
        return true;
    }
    let possessive = clipped.ends_with(['s', 'S'])
        && after.starts_with(' ')
        && after.trim_start().starts_with(char::is_lowercase);
    possessive && later_closing_mark(after, at.c)
}

/// Whether `rest` holds a mark `c` after a non-space that is not inside a word.
fn later_closing_mark(rest: &str, c: char) -> bool {
    let mut prev: Option<char> = None;
    let mut chars = rest.chars().peekable();
    while let Some(x) = chars.next() {
        if x == c
            && prev.is_some_and(|p| !p.is_whitespace())
            && chars.peek().is_none_or(|n| !n.is_alphanumeric())
        {
            return true;
        }
        prev = Some(x);
    }
    false
}

/// A straight mark opens when it follows a space or an opening bracket and precedes a word.
fn can_open(prev: Option<char>, next: Option<char>) -> bool {
    let before_ok = prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '“' | '‘' | '"' | '\'')
    });
    let after_ok = next.is_some_and(|n| !n.is_whitespace());
    before_ok && after_ok
}

/// Index of the innermost open quote of `family` (straight or not), if any.
fn find_open(stack: &[Open], family: Family, straight: bool) -> Option<usize> {
    stack
        .iter()
        .rposition(|o| o.family == family && o.straight == straight)
}

/// Closes the quote at `pos` at byte `end`; inner quotes still open are dropped.
fn close(stack: &mut Vec<Open>, pos: usize, end: usize, out: &mut Vec<RawQuote>) {
    let Some(open) = stack.get(pos).copied() else {
        return;
    };
    stack.truncate(pos);
    out.push(RawQuote {
        span: open.content_start..end,
        closed: true,
        depth: pos,
        single: !open.family.is_outer(),
    });
}

/// Closes outer quotes left open at the end of a paragraph; open single marks were apostrophes.
fn close_at_paragraph_end(text: &str, end: usize, stack: &mut Vec<Open>, out: &mut Vec<RawQuote>) {
    let trimmed_end = text[..end].trim_end().len();
    while let Some(open) = stack.pop() {
        if open.family.is_outer() {
            out.push(RawQuote {
                span: open.content_start..trimmed_end.max(open.content_start),
                closed: false,
                depth: stack.len(),
                single: false,
            });
        }
    }
}

/// Whether `c` opens a double-level quote.
fn opens_outer(c: char) -> bool {
    matches!(c, '“' | '"' | '„' | '«')
}

/// The first non-space character of `range` and its byte.
fn first_visible(text: &str, range: Range<usize>) -> Option<(usize, char)> {
    text[range.clone()]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map(|(b, c)| (b + range.start, c))
}

/// Byte ranges of the paragraphs of `text`: its non-blank lines, without the line
/// break, a line joined to the one before when it runs on from it (hard-wrapped text:
/// see [`runs_on`]).
fn paragraph_lines(text: &str) -> Vec<Range<usize>> {
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let mut joins_previous = false;
    while start < text.len() {
        // Find breaks by byte: a char pattern would decode every character.
        let end = positions(&text.as_bytes()[start..], [b'\n', b'\r'])
            .next()
            .map_or(text.len(), |k| {
                let crlf = text.as_bytes().get(start + k..start + k + 2) == Some(b"\r\n");
                start + k + 1 + usize::from(crlf)
            });
        let line = &text[start..end];
        let content_end = start + line.trim_end_matches(['\n', '\r']).len();
        if line.trim().is_empty() {
            joins_previous = false;
        } else {
            match lines.last_mut() {
                Some(previous) if joins_previous && runs_on(line) => previous.end = content_end,
                _ => lines.push(start..content_end),
            }
            joins_previous = line.ends_with('\n');
        }
        start = end;
    }
    lines
}

/// Whether a line right below another (no blank line between) continues its
/// sentence, as hard-wrapped text does: it opens with a lower-case letter.
pub(super) fn runs_on(line: &str) -> bool {
    line.trim_start_matches([' ', '\t'])
        .starts_with(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, closed, depth) of each quote.
    fn found(text: &str) -> Vec<(&str, bool, usize)> {
        quote_spans(text)
            .into_iter()
            .map(|q| (&text[q.span], q.closed, q.depth))
            .collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        found(text).into_iter().map(|(t, _, _)| t).collect()
    }

    #[test]
    fn curly_straight_and_guillemet_marks() {
        assert_eq!(
            texts("“One two,” he said. \"Three four\" and «cinq six» and „sieben acht“."),
            ["One two,", "Three four", "cinq six", "sieben acht"]
        );
    }

    #[test]
    fn apostrophes_are_not_single_quotes() {
        let text = "Ukraine’s army, the ’90s, rock ’n’ roll and the dogs’ bowls; rock 'n' roll.";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn single_quotes_nest_inside_double_quotes() {
        assert_eq!(
            found("“They called it ‘a Ukraine’s mistake’ at once,” she said."),
            [
                ("They called it ‘a Ukraine’s mistake’ at once,", true, 0),
                ("a Ukraine’s mistake", true, 1)
            ]
        );
    }

    #[test]
    fn a_quote_left_open_closes_at_paragraph_end() {
        assert_eq!(
            found("He said “we will not leave.\nNext paragraph “closed” here."),
            [("we will not leave.", false, 0), ("closed", true, 0)]
        );
    }

    #[test]
    fn a_quote_wrapped_across_a_line_break_stays_one() {
        let text =
            "said the mayor. “Safety comes first, even when it\nis inconvenient.”\nNext line.";
        assert_eq!(
            found(text),
            [(
                "Safety comes first, even when it\nis inconvenient.",
                true,
                0
            )]
        );
        // A line opening in upper case is a new paragraph: the quote left open closes.
        assert_eq!(
            found("He said “we will not\nLeave it there.”"),
            [("we will not", false, 0)]
        );
    }

    #[test]
    fn a_quote_continues_into_a_paragraph_that_reopens_it() {
        let text = "“First part of it.\n\n“Second part,” he said.";
        assert_eq!(
            found(text),
            [("First part of it.\n\n“Second part,", true, 0)]
        );
    }

    #[test]
    fn a_stray_doubled_opening_mark_is_ignored() {
        assert_eq!(
            texts("it was “an “unrealistic objective,” he said."),
            ["an “unrealistic objective,"]
        );
    }

    #[test]
    fn spans_exclude_marks_and_surrounding_spaces() {
        assert_eq!(
            texts("« bonjour tout le monde »"),
            ["bonjour tout le monde"]
        );
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_finds_every_mark(line in "([a“„‟”\"«»‹›‘‚’'—–…é ]|\\PC){0,40}") {
            let slow: Vec<(usize, char)> =
                line.char_indices().filter(|&(_, c)| is_mark(c)).collect();
            proptest::prop_assert_eq!(marks(&line).collect::<Vec<_>>(), slow);
        }

        #[test]
        fn lines_split_at_every_break(text in "([a \t\n\r“é]|\\PC){0,40}") {
            let mut slow = Vec::new();
            let mut start = 0;
            for line in text.split_inclusive(['\n', '\r']) {
                if !line.trim().is_empty() {
                    slow.push(start..start + line.trim_end_matches(['\n', '\r']).len());
                }
                start += line.len();
            }
            // A line right below another that runs on from it joins it.
            let mut joined: Vec<Range<usize>> = Vec::new();
            for line in slow {
                match joined.last_mut() {
                    Some(previous)
                        if matches!(&text[previous.end..line.start], "\n" | "\r\n")
                            && runs_on(&text[line.clone()]) =>
                    {
                        previous.end = line.end;
                    }
                    _ => joined.push(line),
                }
            }
            proptest::prop_assert_eq!(paragraph_lines(&text), joined);
        }
    }

    #[test]
    fn possessive_apostrophes_inside_single_quotes_do_not_close_them() {
        assert_eq!(
            texts("‘It is the workers’ money and the workers’ jobs,’ said Pryce."),
            ["It is the workers’ money and the workers’ jobs,"]
        );
        assert_eq!(
            texts("'It's the fans' festival, not the sponsors',' he added."),
            ["It's the fans' festival, not the sponsors',"]
        );
    }

    #[test]
    fn straight_single_marks_skip_elisions_and_clipped_years() {
        assert_eq!(
            texts("'People said rock 'n' roll was dead in '94,' he said. 'They were wrong.'"),
            [
                "People said rock 'n' roll was dead in '94,",
                "They were wrong."
            ]
        );
        assert!(found("Sales were the best since the '90s and rock 'n' roll is back.").is_empty());
    }

    #[test]
    fn a_single_quote_opening_its_paragraph_continues_into_one_that_reopens_it() {
        let text = "‘The school is closed.\n\n‘Lessons move to the hall,’ she wrote.";
        assert_eq!(
            found(text),
            [(
                "The school is closed.\n\n‘Lessons move to the hall,",
                true,
                0
            )]
        );
        // One opened inside its paragraph is an apostrophe left over, not a quote.
        assert!(
            found("The dogs’ bowls ‘are empty.\n\n‘Really,’ she said.")
                .iter()
                .all(|(t, _, _)| !t.contains('\n'))
        );
    }

    #[test]
    fn marks_without_words_are_not_quotes() {
        assert!(found("“ ” and \"\" and “—”").is_empty());
    }
}
