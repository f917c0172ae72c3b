//! The full-screen terminal reader.
