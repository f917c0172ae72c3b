//! Loading: formats, metadata precedence, encodings, odd files and the bundled sample.

#![allow(clippy::unwrap_used)] // test helpers panic on setup failure by design

use crosscheck::Error;
use crosscheck::corpus::{Article, Corpus, LoadOptions, RemovalReason, load_paths, stream_paths};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

#[path = "support/files.rs"]
mod files;
use files::write;

fn load(paths: &[&Path]) -> Corpus {
    let paths: Vec<PathBuf> = paths.iter().map(|p| p.to_path_buf()).collect();
    load_paths(&paths, &LoadOptions::default()).unwrap()
}

fn ids(corpus: &Corpus) -> Vec<&str> {
    corpus.articles.iter().map(|a| a.id.as_str()).collect()
}

fn by_id<'a>(corpus: &'a Corpus, id: &str) -> &'a Article {
    corpus.articles.iter().find(|a| a.id == id).unwrap()
}

const BODY: &str = "Officials met on Monday to discuss the plan.\nThey agreed to meet again.\n";

#[test]
fn folder_formats_and_ignored_extensions() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.txt", BODY);
    write(
        dir.path(),
        "b.md",
        format!(
            "---\ntitle: \"Blog: Title\"\nsource: Blog Daily\ndate: 2024-05-01\nurl: https://blog.example/x\n---\n{BODY}"
        ),
    );
    write(
        dir.path(),
        "c.markdown",
        format!(
            "+++\ntitle = \"Toml Title\"\noutlet = \"Toml Times\"\ndate = 2024-05-02\n+++\n{BODY}"
        ),
    );
    write(
        dir.path(),
        "d.json",
        format!(r#"{{"text": {BODY:?}, "title": "One", "outlet": "Json News"}}"#),
    );
    write(
        dir.path(),
        "e.json",
        format!(
            r#"[{{"body": {BODY:?}, "id": "first"}}, {{"content": {BODY:?}}}, {{"title": "no text"}}]"#
        ),
    );
    write(
        dir.path(),
        "f.jsonl",
        format!(
            "{{\"text\": {BODY:?}, \"source\": \"Lines\"}}\n\n{{broken\n{{\"text\": {BODY:?}, \"id\": 42}}\n"
        ),
    );
    write(dir.path(), "g.csv", BODY);
    write(dir.path(), "h.TXT", BODY);
    let corpus = load(&[dir.path()]);
    assert_eq!(
        ids(&corpus),
        ["a", "b", "c", "d", "first", "e#2", "f#1", "42", "h"]
    );
    let b = by_id(&corpus, "b");
    assert_eq!(
        (b.meta.title.as_str(), b.meta.outlet.as_str()),
        ("Blog: Title", "Blog Daily")
    );
    assert_eq!(
        (b.meta.date.as_deref(), b.meta.url.as_deref()),
        (Some("2024-05-01"), Some("https://blog.example/x"))
    );
    assert_eq!(b.raw, BODY, "front matter is not part of raw");
    let c = by_id(&corpus, "c");
    assert_eq!(
        (
            c.meta.title.as_str(),
            c.meta.outlet.as_str(),
            c.meta.date.as_deref()
        ),
        ("Toml Title", "Toml Times", Some("2024-05-02"))
    );
    assert_eq!(by_id(&corpus, "d").meta.outlet, "Json News");
    assert_eq!(by_id(&corpus, "f#1").meta.outlet, "Lines");
    assert_eq!(
        by_id(&corpus, "f#1").source,
        format!("{}#1", dir.path().join("f.jsonl").display())
    );
    let skipped: Vec<(String, &str)> = corpus
        .skipped
        .iter()
        .map(|s| {
            (
                s.path.replace(&dir.path().display().to_string(), ""),
                s.reason.as_str(),
            )
        })
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(skipped[0].0.ends_with("e.json#3") && skipped[0].1.contains("no \"text\""));
    assert!(
        skipped[1].0.ends_with("f.jsonl#3") && skipped[1].1.starts_with("line 3: invalid JSON")
    );
}

#[test]
fn explicit_file_loads_whatever_its_extension() {
    let dir = TempDir::new().unwrap();
    let page = write(dir.path(), "page.log", BODY);
    let corpus = load(&[&page]);
    assert_eq!(ids(&corpus), ["page"]);
    assert_eq!(corpus.articles[0].clean, BODY);
}

#[test]
fn bad_json_file_is_skipped_with_reason() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "bad.json", "{ nope");
    write(dir.path(), "ok.txt", BODY);
    let corpus = load(&[dir.path()]);
    assert_eq!(ids(&corpus), ["ok"]);
    assert!(corpus.skipped[0].reason.starts_with("invalid JSON"));
}

#[test]
fn metadata_precedence_manifest_fields_inference_stem() {
    let dir = TempDir::new().unwrap();
    let appeal = "A Message from The Inferred Post:\nPlease donate today.\n";
    let text = format!("{BODY}More reporting follows here.\nAnd here.\n{appeal}");
    write(
        dir.path(),
        "manifest.md",
        format!("---\noutlet: Front Matter\n---\n{text}"),
    );
    write(
        dir.path(),
        "fields.md",
        format!("---\noutlet: Front Matter\n---\n{text}"),
    );
    write(dir.path(), "inferred.txt", &text);
    write(dir.path(), "stem.txt", BODY);
    write(
        dir.path(),
        "sources.toml",
        "[\"manifest.md\"]\noutlet = \"Manifest\"\ntitle = \"Manifest Title\"\ndate = 2024-01-02\n",
    );
    let corpus = load(&[dir.path()]);
    let outlet = |id| by_id(&corpus, id).meta.outlet.as_str();
    assert_eq!(outlet("manifest"), "Manifest");
    assert_eq!(outlet("fields"), "Front Matter");
    assert_eq!(outlet("inferred"), "The Inferred Post");
    assert_eq!(outlet("stem"), "stem");
    let m = by_id(&corpus, "manifest");
    assert_eq!(
        (m.meta.title.as_str(), m.meta.date.as_deref()),
        ("Manifest Title", Some("2024-01-02"))
    );
    assert_eq!(
        by_id(&corpus, "stem").meta.title,
        "Officials met on Monday to discuss the plan."
    );
    assert!(!by_id(&corpus, "inferred").clean.contains("donate"));
}

#[test]
fn bad_manifest_is_reported_and_files_still_load() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "a.txt", BODY);
    write(dir.path(), "sources.toml", "[[[ nope");
    let corpus = load(&[dir.path()]);
    assert_eq!(ids(&corpus), ["a"]);
    assert!(corpus.skipped[0].path.ends_with("sources.toml"));
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let bom: [u8; 2] = if big_endian {
        [0xFE, 0xFF]
    } else {
        [0xFF, 0xFE]
    };
    let units = text.encode_utf16().flat_map(|u| {
        if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        }
    });
    bom.into_iter().chain(units).collect()
}

#[test]
fn encodings_and_line_ends() {
    let dir = TempDir::new().unwrap();
    let text = "Café owners met on Monday.\r\nThey agreed.\rThen left.\n";
    let want = "Café owners met on Monday.\nThey agreed.\nThen left.\n";
    write(
        dir.path(),
        "bom.txt",
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    );
    write(dir.path(), "le.txt", utf16(text, false));
    write(dir.path(), "be.txt", utf16(text, true));
    write(dir.path(), "latin.txt", b"Caf\xE9 owners met on Monday.\n");
    write(
        dir.path(),
        "lossy.html",
        b"<meta charset=utf-8><p>Caf\xE9 owners met on Monday to talk about the rent, \
          which has doubled in a year, and agreed to write to the council together next week.</p>",
    );
    let corpus = load(&[dir.path()]);
    for id in ["bom", "le", "be"] {
        let a = by_id(&corpus, id);
        assert_eq!((a.raw.as_str(), a.warnings.len()), (want, 0), "{id}");
    }
    // Undeclared legacy bytes are detected; declared UTF-8 that is not is lossy.
    let latin = by_id(&corpus, "latin");
    assert_eq!(
        (latin.raw.as_str(), latin.warnings.len()),
        ("Café owners met on Monday.\n", 0)
    );
    let lossy = by_id(&corpus, "lossy");
    assert!(
        lossy.raw.starts_with("Caf\u{FFFD} owners met on Monday"),
        "{}",
        lossy.raw
    );
    assert_eq!(lossy.warnings, ["invalid UTF-8 replaced with U+FFFD"]);
}

#[test]
fn odd_files_are_skipped_with_reasons() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(dir.path(), "empty.txt", "");
    write(dir.path(), "blank.txt", " \n\t\r\n");
    write(dir.path(), "boiler.txt", "Updated:\n0:00\nShare\n");
    write(dir.path(), "ok.txt", BODY);
    let corpus = load(&[dir.path()]);
    assert_eq!(ids(&corpus), ["ok"]);
    let reasons: Vec<&str> = corpus.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(reasons.len(), 4);
    assert!(reasons[0].starts_with("binary"));
    assert!(reasons[1].contains("whitespace"));
    assert!(reasons[2].contains("nothing left after cleaning"));
    assert_eq!(reasons[3], "empty");
}

#[test]
fn control_characters_stay_as_data() {
    let dir = TempDir::new().unwrap();
    let text = "Text with \x1b[2J an escape and \u{202e} bidi.\n";
    let path = write(dir.path(), "esc.txt", text);
    assert_eq!(load(&[&path]).articles[0].clean, text);
}

#[test]
fn hidden_entries_skipped_and_nested_folders_sorted() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "b/z.txt", BODY);
    write(dir.path(), "a/deep/er/y.txt", BODY);
    write(dir.path(), "c.txt", BODY);
    write(dir.path(), ".hidden.txt", BODY);
    write(dir.path(), ".git/x.txt", BODY);
    let corpus = load(&[dir.path()]);
    assert_eq!(ids(&corpus), ["y", "z", "c"]);
    assert!(corpus.skipped.is_empty());
}

#[test]
fn repeated_ids_become_unique() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "one/story.txt", BODY);
    write(dir.path(), "two/story.txt", BODY);
    assert_eq!(ids(&load(&[dir.path()])), ["story", "story~2"]);
}

#[test]
fn missing_path_is_a_read_error_and_nothing_loadable_is_no_articles() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("nope");
    let err = load_paths(&[missing], &LoadOptions::default()).unwrap_err();
    assert!(matches!(err, Error::Read { .. }), "{err}");
    write(dir.path(), "empty.txt", "");
    let err = load_paths(&[dir.path().to_path_buf()], &LoadOptions::default()).unwrap_err();
    assert!(matches!(err, Error::NoArticles(_)), "{err}");
    assert!(err.to_string().contains(&dir.path().display().to_string()));
}

#[test]
fn large_files_load() {
    let dir = TempDir::new().unwrap();
    let paragraph =
        "The committee met again on Tuesday and the talks went on for hours. ".repeat(20);
    let big = format!("{paragraph}\n\n").repeat(20 * 1024 * 1024 / (paragraph.len() + 2));
    write(dir.path(), "big.txt", &big);
    write(dir.path(), "line.txt", "word ".repeat(200_000));
    let corpus = load(&[dir.path()]);
    assert_eq!(ids(&corpus), ["big", "line"]);
    assert!(corpus.articles[0].raw.len() >= 20 * 1024 * 1024 - paragraph.len() - 2);
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::ffi::OsStrExt;

    #[test]
    fn symlink_loop_survives() {
        let dir = TempDir::new().unwrap();
        write(dir.path(), "sub/a.txt", BODY);
        std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("broken.txt")).unwrap();
        let corpus = load(&[dir.path()]);
        assert_eq!(ids(&corpus), ["a"]);
        assert_eq!(
            corpus.skipped.len(),
            1,
            "the broken link: {:?}",
            corpus.skipped
        );
        assert!(corpus.skipped[0].path.ends_with("broken.txt"));
    }

    /// A file that lists as a regular file but fails to read, whoever runs the
    /// test (permissions would not stop root, and CI runs as root): a link to
    /// this process's memory file, whose first page is never mapped.
    #[cfg(target_os = "linux")]
    #[test]
    fn unreadable_file_is_skipped() {
        let dir = TempDir::new().unwrap();
        std::os::unix::fs::symlink("/proc/self/mem", dir.path().join("memory.txt")).unwrap();
        write(dir.path(), "ok.txt", BODY);
        let corpus = load(&[dir.path()]);
        assert_eq!(ids(&corpus), ["ok"]);
        assert_eq!(corpus.skipped.len(), 1, "{:?}", corpus.skipped);
        assert!(corpus.skipped[0].path.ends_with("memory.txt"));
        assert!(
            corpus.skipped[0].reason.starts_with("cannot read"),
            "{}",
            corpus.skipped[0].reason
        );
    }

    #[test]
    fn non_utf8_file_name() {
        let dir = TempDir::new().unwrap();
        let name = std::ffi::OsStr::from_bytes(b"caf\xE9.txt");
        fs::write(dir.path().join(name), BODY).unwrap();
        let corpus = load(&[dir.path()]);
        assert_eq!(ids(&corpus), ["caf\u{FFFD}"]);
    }
}

// ---- The bundled sample -------------------------------------------------------

fn sample() -> Corpus {
    load_paths(&[], &LoadOptions::default()).unwrap()
}

#[test]
fn sample_metadata_comes_from_the_manifest() {
    let corpus = sample();
    let outlets: Vec<&str> = corpus
        .articles
        .iter()
        .map(|a| a.meta.outlet.as_str())
        .collect();
    assert_eq!(
        outlets,
        [
            "Antiwar.com",
            "Bloomberg",
            "The Epoch Times",
            "The Moscow Times",
            "Associated Press"
        ]
    );
    assert!(
        corpus
            .articles
            .iter()
            .all(|a| a.meta.date.as_deref() == Some("2025-02-12"))
    );
    assert_eq!(
        corpus.articles[1].meta.title,
        "Hegseth Says NATO Membership Not Realistic For Ukraine"
    );
    assert!(
        corpus
            .articles
            .iter()
            .all(|a| a.source.starts_with("sample:"))
    );
}

#[test]
fn sample_is_cleaned() {
    for a in sample().articles {
        assert!(!a.clean.contains("!["), "{}", a.id);
        assert!(!a.clean.contains("Remind me later"), "{}", a.id);
        assert!(!a.clean.contains("\n\n\n"), "{}", a.id);
        for line in a.clean.lines() {
            assert!(
                !matches!(line.trim(), "0:00" | "Updated:"),
                "{}: {line}",
                a.id
            );
        }
        let kept: String = a
            .segments()
            .iter()
            .filter(|s| s.removed.is_none())
            .map(|s| s.text)
            .collect();
        assert_eq!(kept, a.clean);
        let all: String = a.segments().iter().map(|s| s.text).collect();
        assert_eq!(all, a.raw);
    }
    let corpus = sample();
    let ap = corpus
        .articles
        .iter()
        .find(|a| a.meta.outlet == "Associated Press")
        .unwrap();
    assert!(ap.clean.starts_with("BRUSSELS"));
    assert!(
        ap.removals
            .iter()
            .any(|r| r.reason == RemovalReason::Metadata)
    );
    assert!(!ap.clean.contains("contributed to this report"));
}

#[test]
fn sample_outlets_are_inferred_without_the_manifest() {
    let dir = TempDir::new().unwrap();
    let sample_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    for entry in fs::read_dir(sample_dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let corpus = load(&[dir.path()]);
    let outlets: Vec<&str> = corpus
        .articles
        .iter()
        .map(|a| a.meta.outlet.as_str())
        .collect();
    for want in ["Bloomberg", "Associated Press", "The Moscow Times"] {
        assert!(outlets.contains(&want), "{want} not in {outlets:?}");
    }
    assert!(
        corpus
            .articles
            .iter()
            .all(|a| a.meta.date.as_deref() == Some("2025-02-12") || a.meta.date.is_none())
    );
    assert_eq!(
        corpus.articles[1].meta.title,
        "Hegseth Says NATO Membership Not Realistic For Ukraine"
    );
}

#[test]
fn many_files_and_deep_folders() {
    let dir = TempDir::new().unwrap();
    for i in 0..10_000 {
        fs::write(dir.path().join(format!("{i:05}.txt")), BODY).unwrap();
    }
    let mut deep = dir.path().join("z");
    for level in 0..100 {
        deep.push(format!("d{level}"));
    }
    write(&deep, "bottom.txt", BODY);
    let corpus = load(&[dir.path()]);
    assert_eq!(corpus.articles.len(), 10_001);
    assert_eq!(corpus.articles[0].id, "00000");
    assert_eq!(corpus.articles[10_000].id, "bottom");
}

// ---- Invented fixture articles (tests/fixtures/articles) ----------------------

#[test]
fn fixture_articles_in_several_styles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let corpus = load(&[&dir]);
    assert!(corpus.skipped.is_empty(), "{:?}", corpus.skipped);
    assert_eq!(
        ids(&corpus),
        ["blog", "newsletter", "tv-clip", "records#2", "wire"]
    );
    let meta: Vec<(&str, Option<&str>)> = corpus
        .articles
        .iter()
        .map(|a| (a.meta.outlet.as_str(), a.meta.date.as_deref()))
        .collect();
    assert_eq!(
        meta,
        [
            ("River Watch Blog", Some("2026-03-10")),
            ("The Valley Ledger", Some("2026-03-10")),
            ("Channel 9", Some("2026-03-10")),
            // A link inside the text never names the outlet.
            ("records#2", None),
            ("Reuters", Some("2026-03-10")),
        ]
    );
    let newsletter = by_id(&corpus, "newsletter");
    assert_eq!(
        newsletter.meta.title,
        "Norland and Estmark Strike Riverton Water Deal"
    );
    assert!(newsletter.clean.starts_with("The two neighbours"));
    assert!(newsletter.clean.ends_with("in the dry season.\n"));
    let blog = by_id(&corpus, "blog");
    assert!(blog.clean.starts_with("Norland and Estmark signed"));
    assert!(blog.clean.ends_with("the worst of them.’\n"));
    let clip = by_id(&corpus, "tv-clip");
    assert!(clip.clean.starts_with("The water deal was signed"));
    let wire = by_id(&corpus, "wire");
    assert!(wire.clean.starts_with("VELDA (Reuters) - Officials"));
    assert!(wire.clean.ends_with("the worst of them.\"\n"));
    for a in &corpus.articles {
        for gone in [
            "Subscribe",
            "Remind me",
            "By Mara",
            "Photo:",
            "0:00",
            "Reporting by",
            "Listen",
        ] {
            assert!(!a.clean.contains(gone), "{}: {gone}", a.id);
        }
    }
}

#[test]
fn explicit_manifest_is_metadata_not_an_article() {
    let dir = TempDir::new().unwrap();
    let manifest = write(dir.path(), "sources.toml", "[\"a.txt\"]\noutlet = \"X\"\n");
    let a = write(dir.path(), "a.txt", BODY);
    assert_eq!(ids(&load(&[&manifest, &a])), ["a"]);
    assert_eq!(load(&[&a]).articles[0].meta.outlet, "X");
    let err = load_paths(&[manifest], &LoadOptions::default()).unwrap_err();
    assert!(matches!(err, Error::NoArticles(_)));
}

/// What cleaning removed from each article, one line per removal (whitespace omitted).
fn removal_report(corpus: &Corpus) -> String {
    let mut out = String::new();
    for a in &corpus.articles {
        let date = a.meta.date.as_deref().unwrap_or("-");
        let _ = writeln!(
            out,
            "{} | {} | {} | {date}",
            a.id, a.meta.outlet, a.meta.title
        );
        for s in a.segments() {
            match s.removed {
                Some(RemovalReason::Whitespace) | None => {}
                Some(reason) => {
                    let text: String = s.text.chars().take(70).collect();
                    let _ = writeln!(out, "  - {}: {text:?}", reason.label());
                }
            }
        }
    }
    out
}

#[test]
fn sample_removals_snapshot() {
    insta::assert_snapshot!(removal_report(&sample()));
}

#[test]
fn fixture_removals_snapshot() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    insta::assert_snapshot!(removal_report(&load(&[&dir])));
}

#[cfg(unix)]
#[test]
fn explicit_device_is_skipped_not_read() {
    let dir = TempDir::new().unwrap();
    let a = write(dir.path(), "a.txt", BODY);
    let corpus = load(&[Path::new("/dev/null"), &a]);
    assert_eq!(ids(&corpus), ["a"]);
    assert_eq!(corpus.skipped[0].reason, "not a regular file");
}

#[test]
fn streamed_articles_arrive_in_order_with_the_ids_load_paths_gives() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "a/report.txt",
        format!("Council vote\n\n{BODY}"),
    );
    write(
        dir.path(),
        "b/report.txt",
        format!("Council vote again\n\n{BODY}"),
    );
    write(dir.path(), "c/notes.txt", format!("Notes\n\n{BODY}"));
    write(dir.path(), "c/empty.txt", "");
    let paths = vec![dir.path().to_path_buf()];
    let whole = load_paths(&paths, &LoadOptions::default()).unwrap();
    let mut streamed = Vec::new();
    let skipped = stream_paths(&paths, &LoadOptions::default(), &mut |a| streamed.push(a)).unwrap();
    assert_eq!(ids(&whole), ["report", "report~2", "notes"]);
    let streamed_ids: Vec<&str> = streamed.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(streamed_ids, ids(&whole));
    assert_eq!(
        streamed.iter().map(|a| &a.clean).collect::<Vec<_>>(),
        whole.articles.iter().map(|a| &a.clean).collect::<Vec<_>>()
    );
    assert_eq!(skipped.len(), whole.skipped.len());
    assert!(!skipped.is_empty(), "the empty file is skipped");
    let none = stream_paths(
        &[dir.path().join("c/empty.txt")],
        &LoadOptions::default(),
        &mut |_| {},
    );
    assert!(matches!(none, Err(Error::NoArticles(_))), "{none:?}");
}
