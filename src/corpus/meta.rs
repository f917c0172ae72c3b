//! Article metadata: manifest > front matter/fields > inference from the text > file stem.
