//! Match keys shared between the tokens that have them.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A word's match key (see [`super::normalize::match_key`]), read as a `&str`.
///
/// The tokens of one text spelled alike share one allocation
/// ([`super::tokenize_with`]), so a text is cut with one allocation per distinct
/// spelling, not per word, and a clone only counts a reference.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key(Arc<str>);

impl Key {
    /// The key as a string slice.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Where the key's characters are stored: two keys alive at one address are
    /// one shared key (equal keys may also lie at different addresses).
    #[must_use]
    pub fn address(&self) -> usize {
        self.0.as_ptr().addr()
    }
}

impl Deref for Key {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Key {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Key {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Key {
    fn from(key: &str) -> Self {
        Self(Arc::from(key))
    }
}

impl PartialEq<str> for Key {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Key {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Key {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

/// Written as the string is (`Debug` quotes it like a `String`).
impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_one_address_and_keys_read_as_strings() {
        let (a, b) = (Key::from("levee"), Key::from("river"));
        let c = a.clone();
        assert_eq!(a.address(), c.address());
        assert_ne!(a.address(), b.address());
        assert_eq!(a, "levee");
        assert_eq!(format!("{a:?} {b}"), "\"levee\" river");
        assert_eq!(
            a,
            Key::from("levee"),
            "equal by content, whatever the address"
        );
    }
}
