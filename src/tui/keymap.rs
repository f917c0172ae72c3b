//! Keys as data: one table maps keys to actions; help and hints are generated from it.

use super::action::Action;
use crate::config::{self, Config, Problem};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;

/// A key with the modifiers that matter (Shift is folded into the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyBinding {
    /// The key.
    pub code: KeyCode,
    /// Control held.
    pub ctrl: bool,
}

impl KeyBinding {
    const fn key(code: KeyCode) -> Self {
        Self { code, ctrl: false }
    }

    const fn char(c: char) -> Self {
        Self::key(KeyCode::Char(c))
    }

    const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// Whether `event` presses this key.
    #[must_use]
    pub fn matches(&self, event: &KeyEvent) -> bool {
        event.code == self.code && event.modifiers.contains(KeyModifiers::CONTROL) == self.ctrl
    }

    /// How the key is written in help and hints (`j`, `↓`, `C-d`, `PgDn`).
    #[must_use]
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(c) if c != ' ' => c.to_string(),
            code => NAMED
                .iter()
                .find(|(_, named)| *named == code)
                .map_or_else(|| format!("{code:?}"), |(name, _)| (*name).to_string()),
        };
        if self.ctrl { format!("C-{name}") } else { name }
    }

    /// The key a config file names: a character (`x`, `?`), `C-` and one (`C-n`), or
    /// a key's name as help writes it (`Enter`, `PgDn`, `↓`; `Down` too).
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        let (ctrl, rest) = match name.strip_prefix("C-") {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, name),
        };
        let named = NAMED
            .iter()
            .chain(ALIASES)
            .find(|(n, _)| n.eq_ignore_ascii_case(rest));
        let mut chars = rest.chars();
        let code = match (named, chars.next(), chars.next()) {
            (Some(&(_, code)), _, _) => code,
            (None, Some(c), None) if c != ' ' && !c.is_control() => KeyCode::Char(c),
            _ => return None,
        };
        Some(Self { code, ctrl })
    }
}

/// The keys help writes by name.
const NAMED: &[(&str, KeyCode)] = &[
    ("Space", KeyCode::Char(' ')),
    ("↓", KeyCode::Down),
    ("↑", KeyCode::Up),
    ("←", KeyCode::Left),
    ("→", KeyCode::Right),
    ("PgDn", KeyCode::PageDown),
    ("PgUp", KeyCode::PageUp),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Tab", KeyCode::Tab),
    ("S-Tab", KeyCode::BackTab),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
];

/// Other names a config file may use for them.
const ALIASES: &[(&str, KeyCode)] = &[
    ("Down", KeyCode::Down),
    ("Up", KeyCode::Up),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PageDown", KeyCode::PageDown),
    ("PageUp", KeyCode::PageUp),
    ("Backtab", KeyCode::BackTab),
    ("Return", KeyCode::Enter),
    ("Escape", KeyCode::Esc),
];

/// One row of the keymap: a key, what it does, and how help describes it.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The key.
    pub key: KeyBinding,
    /// The action it triggers.
    pub action: Action,
    /// One-line description for the help popup.
    pub description: &'static str,
}

const fn bind(key: KeyBinding, action: Action, description: &'static str) -> Binding {
    Binding {
        key,
        action,
        description,
    }
}

/// The reader's keymap, in help order. Several keys may share an action.
#[must_use]
#[allow(clippy::too_many_lines, reason = "a table: one binding a line")]
pub fn keymap() -> Vec<Binding> {
    use KeyBinding as K;
    vec![
        bind(K::char('j'), Action::ScrollDown, "scroll down / next item"),
        bind(K::key(KeyCode::Down), Action::ScrollDown, ""),
        bind(K::char('k'), Action::ScrollUp, "scroll up / previous item"),
        bind(K::key(KeyCode::Up), Action::ScrollUp, ""),
        bind(K::key(KeyCode::PageDown), Action::PageDown, "page down"),
        bind(K::key(KeyCode::PageUp), Action::PageUp, "page up"),
        bind(K::ctrl('d'), Action::HalfPageDown, "half page down"),
        bind(K::ctrl('u'), Action::HalfPageUp, "half page up"),
        bind(K::char('g'), Action::Top, "go to top"),
        bind(K::key(KeyCode::Home), Action::Top, ""),
        bind(K::char('G'), Action::Bottom, "go to bottom"),
        bind(K::key(KeyCode::End), Action::Bottom, ""),
        bind(
            K::key(KeyCode::Tab),
            Action::FocusNext,
            "focus next: sidebar, left, right",
        ),
        bind(
            K::key(KeyCode::BackTab),
            Action::FocusPrev,
            "focus previous",
        ),
        bind(
            K::key(KeyCode::Enter),
            Action::Select,
            "show article (replaces the older pane)",
        ),
        bind(K::char(' '), Action::Select, ""),
        bind(K::char('s'), Action::Swap, "swap left and right"),
        bind(
            K::char('}'),
            Action::NextChange,
            "next change of the pair (both panes)",
        ),
        bind(K::char('{'), Action::PrevChange, "previous change"),
        bind(
            K::char(']'),
            Action::NextQuote,
            "next shared quote (both panes)",
        ),
        bind(K::char('['), Action::PrevQuote, "previous shared quote"),
        bind(
            K::char('Q'),
            Action::ToggleQuoteList,
            "list shared quotes (one article: its own)",
        ),
        bind(
            K::char('v'),
            Action::ReadArticle,
            "read the article alone (Esc: the pair)",
        ),
        bind(
            K::char('J'),
            Action::NextArticle,
            "one article: next article",
        ),
        bind(
            K::char('K'),
            Action::PrevArticle,
            "one article: previous article",
        ),
        bind(
            K::char('f'),
            Action::ToggleFacts,
            "disagreeing names and figures",
        ),
        bind(
            K::char('m'),
            Action::ToggleMatrix,
            "similarity map (Enter opens a pair)",
        ),
        bind(
            K::char('t'),
            Action::ToggleTracker,
            "quote tracker (Enter shows variants)",
        ),
        bind(
            K::char('p'),
            Action::OpenCarriers,
            "in tracker: open two carriers as the pair",
        ),
        bind(
            K::char('h'),
            Action::MoveLeft,
            "scroll left (wrap off); map: column left",
        ),
        bind(K::key(KeyCode::Left), Action::MoveLeft, ""),
        bind(
            K::char('l'),
            Action::MoveRight,
            "scroll right (wrap off); map: column right",
        ),
        bind(K::key(KeyCode::Right), Action::MoveRight, ""),
        bind(
            K::char('a'),
            Action::ToggleScope,
            "in a view: pair/story or story/all articles",
        ),
        bind(
            K::char('L'),
            Action::ToggleLock,
            "lock/unlock: counterparts on one row",
        ),
        bind(
            K::char('/'),
            Action::StartSearch,
            "search in focused pane; sidebar: filter",
        ),
        bind(K::char(':'), Action::JumpPrompt, "go to article number…"),
        bind(
            K::char('S'),
            Action::CycleOrder,
            "sort sidebar: list, date, outlet, similarity",
        ),
        bind(K::char('n'), Action::NextHit, "next search hit"),
        bind(K::char('N'), Action::PrevHit, "previous search hit"),
        bind(
            K::char('r'),
            Action::ToggleRaw,
            "raw text: show what cleaning removed",
        ),
        bind(
            K::char('i'),
            Action::CycleIgnore,
            "cycle ignored differences",
        ),
        bind(K::char('o'), Action::OpenUrl, "open source URL in browser"),
        bind(
            K::char('y'),
            Action::CopyQuote,
            "copy current quote + citation",
        ),
        bind(
            K::char('Y'),
            Action::CopyQuotePair,
            "copy both sides of the quote",
        ),
        bind(
            K::char('e'),
            Action::ExportReport,
            "write the pair's HTML report…",
        ),
        bind(K::char('w'), Action::ToggleWrap, "toggle line wrap"),
        bind(
            K::char('z'),
            Action::ToggleOnlyChanged,
            "only changes (both sides fold alike)",
        ),
        bind(K::char('b'), Action::ToggleSidebar, "hide/show sidebar"),
        bind(
            K::char('W'),
            Action::ToggleWarnings,
            "skipped files and warnings",
        ),
        bind(K::char('?'), Action::ToggleHelp, "this help"),
        bind(
            K::char('q'),
            Action::Quit,
            "close the popup or view; else quit",
        ),
        bind(
            K::key(KeyCode::Esc),
            Action::Back,
            "close the popup or view; clear the search",
        ),
        bind(K::ctrl('c'), Action::ForceQuit, "quit from anywhere"),
    ]
}

/// The action bound to `event`, if any.
#[must_use]
pub fn lookup(bindings: &[Binding], event: &KeyEvent) -> Option<Action> {
    bindings
        .iter()
        .find(|b| b.key.matches(event))
        .map(|b| b.action.clone())
}

/// All key labels bound to `action`, joined with `/` (`j/↓`).
#[must_use]
pub fn keys_for(bindings: &[Binding], action: &Action) -> String {
    bindings
        .iter()
        .filter(|b| &b.action == action)
        .map(|b| b.key.label())
        .collect::<Vec<_>>()
        .join("/")
}

/// The first key bound to `action`, for short hints.
#[must_use]
pub fn primary_key(bindings: &[Binding], action: &Action) -> String {
    bindings
        .iter()
        .find(|b| &b.action == action)
        .map(|b| b.key.label())
        .unwrap_or_default()
}

/// Help rows: every action once, with all its keys and its description.
#[must_use]
pub fn help_rows(bindings: &[Binding]) -> Vec<(String, &'static str)> {
    bindings
        .iter()
        .filter(|b| !b.description.is_empty())
        .map(|b| (keys_for(bindings, &b.action), b.description))
        .collect()
}

/// The name a config file gives `action`: its variant in kebab case (`next-quote`).
#[must_use]
pub fn action_name(action: &Action) -> String {
    let mut name = String::new();
    for c in format!("{action:?}").chars() {
        if c.is_uppercase() {
            if !name.is_empty() {
                name.push('-');
            }
            name.extend(c.to_lowercase());
        } else {
            name.push(c);
        }
    }
    name
}

/// The keymap with the config's key overrides applied in file order: each binds
/// its key to the named action (`none` unbinds the key); help shows the result.
///
/// # Errors
/// The first override naming a key or an action the keymap does not know.
pub fn configured(config: &Config) -> Result<Vec<Binding>, config::Error> {
    let defaults = keymap();
    let mut bindings = defaults.clone();
    let path = config.path.as_deref().unwrap_or(Path::new("config.toml"));
    for entry in &config.keys {
        let fail = |problem| config::Error::at_line(path, entry.line, problem);
        let key = KeyBinding::parse(&entry.key)
            .ok_or_else(|| fail(Problem::UnknownKey(entry.key.clone())))?;
        let action = if entry.action == "none" {
            None
        } else {
            let known = defaults
                .iter()
                .find(|b| action_name(&b.action) == entry.action);
            let known = known.ok_or_else(|| fail(Problem::UnknownAction(entry.action.clone())))?;
            Some(known.action.clone())
        };
        rebind(&mut bindings, &defaults, key, action);
    }
    Ok(bindings)
}

/// Binds `key` to `action` (none: to nothing). The action the key served keeps its
/// help line on another of its keys; the new key joins its action's row.
fn rebind(
    bindings: &mut Vec<Binding>,
    defaults: &[Binding],
    key: KeyBinding,
    action: Option<Action>,
) {
    if let Some(at) = bindings.iter().position(|b| b.key == key) {
        let old = bindings.remove(at);
        let mut rest = bindings.iter_mut().filter(|b| b.action == old.action);
        if let Some(first) = rest.next().filter(|b| b.description.is_empty()) {
            first.description = old.description;
        }
    }
    let Some(action) = action else { return };
    let described = bindings
        .iter()
        .any(|b| b.action == action && !b.description.is_empty());
    let description = if described {
        ""
    } else {
        defaults
            .iter()
            .find(|b| b.action == action && !b.description.is_empty())
            .map_or("", |b| b.description)
    };
    let at = bindings
        .iter()
        .rposition(|b| b.action == action)
        .map_or(bindings.len(), |i| i + 1);
    bindings.insert(at, bind(key, action, description));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_in_the_table_has_a_description() {
        let map = keymap();
        for b in &map {
            assert!(
                map.iter()
                    .any(|o| o.action == b.action && !o.description.is_empty()),
                "{:?} has no description",
                b.action
            );
        }
    }

    #[test]
    fn lookup_distinguishes_ctrl_and_case() {
        let map = keymap();
        let ctrl_d = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&map, &ctrl_d), Some(Action::HalfPageDown));
        let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&map, &shift_g), Some(Action::Bottom));
        let d = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::NONE);
        assert_eq!(lookup(&map, &d), None);
    }

    #[test]
    fn help_rows_merge_keys_of_one_action() {
        let rows = help_rows(&keymap());
        assert!(rows.contains(&("j/↓".to_string(), "scroll down / next item")));
        assert_eq!(
            rows.iter().filter(|r| r.1 == "quit from anywhere").count(),
            1
        );
    }

    fn overridden(keys: &[(&str, &str)]) -> Result<Vec<Binding>, String> {
        let config = Config {
            path: Some("/c/config.toml".into()),
            keys: keys
                .iter()
                .enumerate()
                .map(|(i, (key, action))| config::KeyOverride {
                    key: (*key).to_string(),
                    action: (*action).to_string(),
                    line: i + 2,
                })
                .collect(),
            ..Config::default()
        };
        configured(&config).map_err(|e| e.to_string())
    }

    #[test]
    fn every_label_parses_back_to_its_key() {
        for b in keymap() {
            assert_eq!(
                KeyBinding::parse(&b.key.label()),
                Some(b.key),
                "{}",
                b.key.label()
            );
        }
        assert_eq!(
            KeyBinding::parse("Down"),
            Some(KeyBinding::key(KeyCode::Down))
        );
        assert_eq!(KeyBinding::parse("C-n"), Some(KeyBinding::ctrl('n')));
        assert_eq!(KeyBinding::parse("C-"), None);
        assert_eq!(KeyBinding::parse("Hyper"), None);
    }

    #[test]
    fn an_override_binds_the_key_and_help_shows_it() {
        let map = overridden(&[("x", "swap"), ("s", "none")]).unwrap();
        let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(lookup(&map, &x), Some(Action::Swap));
        let s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE);
        assert_eq!(lookup(&map, &s), None);
        let rows = help_rows(&map);
        assert!(
            rows.contains(&("x".to_string(), "swap left and right")),
            "{rows:?}"
        );
    }

    #[test]
    fn taking_a_key_from_an_action_keeps_its_help_on_its_other_key() {
        let map = overridden(&[("j", "next-quote")]).unwrap();
        let rows = help_rows(&map);
        assert!(
            rows.contains(&("↓".to_string(), "scroll down / next item")),
            "{rows:?}"
        );
        assert!(
            rows.contains(&("]/j".to_string(), "next shared quote (both panes)")),
            "{rows:?}"
        );
    }

    #[test]
    fn an_unknown_key_or_action_names_the_file_line_and_name() {
        let error = overridden(&[("x", "swap"), ("Hyper-x", "swap")]).unwrap_err();
        assert_eq!(
            error,
            "/c/config.toml:3: unknown key 'Hyper-x' (write x, C-x, Enter, Esc, Tab, Space, PgDn, Up…)"
        );
        let error = overridden(&[("x", "teleport")]).unwrap_err();
        assert!(
            error.starts_with("/c/config.toml:2: unknown action 'teleport'"),
            "{error}"
        );
    }

    #[test]
    fn action_names_are_kebab_case() {
        assert_eq!(action_name(&Action::NextQuote), "next-quote");
        assert_eq!(action_name(&Action::Quit), "quit");
    }
}
