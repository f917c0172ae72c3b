//! Text engine basics: words with byte spans and match keys, sentences, normalization.

pub mod key;
pub mod normalize;
pub mod sentences;
pub mod spelling;
pub mod table;
pub mod tokenize;
pub mod vocabulary;

pub use key::Key;
pub use normalize::{MatchOptions, fuzzy_eq, is_stop_word};
pub use sentences::{Sentence, sentences};
pub use table::{KeyId, KeyTable};
pub use tokenize::{Token, tokenize, tokenize_keyed, tokenize_with, word_spans};
pub use vocabulary::{FuzzyCache, TableIds, Vocabulary};
