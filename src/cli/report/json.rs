//! The JSON of reports, as `serde_json::to_writer_pretty` lays it out (two spaces a
//! level), but each line's comma, break and indent written at once: `serde_json`
//! writes the indent two spaces at a time.

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// A comma, a line break and the indent of the deepest lines written at once (the
/// indent of deeper lines is written in pieces).
const COMMA_BREAK: &[u8] = b",\n                                                                                                                                ";

/// Writes `value` as pretty JSON into `writer`, byte for byte what
/// `serde_json::to_writer_pretty` writes.
///
/// # Errors
/// When `value` cannot be serialized or `writer` fails.
pub fn to_writer_pretty<W: Write, T: Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(writer, Pretty::default());
    value.serialize(&mut serializer)
}

/// `serde_json`'s `PrettyFormatter` with an indent of two spaces.
#[derive(Debug, Default)]
struct Pretty {
    /// Nesting depth.
    level: usize,
    /// Whether the array or object being written holds a value.
    has_value: bool,
}

impl Pretty {
    /// Ends the line (after a comma unless `first`) and indents the next one.
    fn next_line<W: ?Sized + Write>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        let from = usize::from(first);
        let end = 2 + 2 * self.level;
        if let Some(bytes) = COMMA_BREAK.get(from..end) {
            return writer.write_all(bytes);
        }
        writer.write_all(COMMA_BREAK.get(from..2).unwrap_or_default())?;
        for _ in 0..self.level {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }

    /// Opens an array or object with `mark`.
    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, mark: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(mark)
    }

    /// Closes an array or object with `mark`, on a line of its own if it holds a value.
    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, mark: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.next_line(writer, true)?;
        }
        writer.write_all(mark)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next_line(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next_line(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    /// `value` nested `depth` times in arrays and objects, in turn.
    fn nested(depth: usize, value: Value) -> Value {
        (0..depth).fold(value, |v, d| {
            if d % 2 == 0 {
                json!([v, 1, [], {}])
            } else {
                json!({"a": v, "b": "x\n\"y\"", "c": {}, "d": [null, true]})
            }
        })
    }

    #[test]
    fn pretty_json_is_serde_jsons() {
        for depth in [0, 1, 2, 5, 62, 63, 64, 65, 70, 100] {
            let value = nested(
                depth,
                json!({"start": 3, "text": "é “quoted”", "list": [1.5, -2]}),
            );
            let mut ours = Vec::new();
            to_writer_pretty(&mut ours, &value).unwrap_or_default();
            let theirs = serde_json::to_vec_pretty(&value).unwrap_or_default();
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs),
                "depth {depth}"
            );
        }
    }
}
