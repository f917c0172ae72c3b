//! The binary on real-world input: warnings on stderr, `show`, URLs through the
//! cache folder, `cache dir|clear`. Pages are invented; URLs are served on 127.0.0.1.

#![allow(clippy::unwrap_used)] // test helpers panic on setup failure by design

#[path = "support/http.rs"]
#[allow(dead_code)] // the slow answer is for the library's timeout test
mod http;

use http::{Answer, Server};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};
use tempfile::TempDir;

/// Runs the binary with its cache in `cache`.
fn crosscheck(cache: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("CROSSCHECK_CACHE", cache)
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Storm closes schools across the region | The Daily Planet</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Storm closes schools across the region",
"datePublished":"2026-01-05T19:40:00-06:00","author":[{"name":"Kim Lo"},{"name":"Sam Poe"}],
"publisher":{"name":"The Daily Planet"}}</script></head>
<body><a href=#c>Skip to content</a><nav><a href=/>Home</a> <a href=/weather>Weather</a></nav>
<article><h1>Storm closes schools across the region</h1>
<p>🎙️ Voice is AI-generated. Inconsistencies may occur.</p>
<p>Heavy snow closed schools across the region on Monday, and officials urged drivers to stay
home as plows struggled to keep highways open.</p>
<p>The governor said the state would open warming centres in every county, and that power crews
from three neighbouring states were on their way.</p>
<p>World News</p><p>United States</p><p>Weather</p></article></body></html>"#;

#[test]
fn warnings_go_to_stderr_with_json_too() {
    let dir = TempDir::new().unwrap();
    let cache = TempDir::new().unwrap();
    std::fs::write(dir.path().join("a.html"), PAGE).unwrap();
    std::fs::write(dir.path().join("blob.txt"), b"\x00\x01\x02binary").unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let folder = dir.path().to_str().unwrap();
    for args in [
        vec!["list", folder, "--json"],
        vec!["list", folder],
        vec!["quotes", folder, "--json"],
    ] {
        let out = crosscheck(cache.path(), &args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 2, "{args:?}: {err}");
        assert!(
            lines[0].starts_with("crosscheck: warning: ")
                && lines[0].ends_with("blob.txt: binary file (contains NUL bytes)")
        );
        assert!(lines[1].ends_with("empty.txt: empty"), "{err}");
    }
    let v: Value =
        serde_json::from_slice(&crosscheck(cache.path(), &["list", folder, "--json"]).stdout)
            .unwrap();
    assert_eq!(v["skipped"].as_array().unwrap().len(), 2);
    assert_eq!(
        v["articles"][0]["authors"],
        serde_json::json!(["Kim Lo", "Sam Poe"])
    );
}

#[test]
fn show_snapshots_of_a_saved_page() {
    let dir = TempDir::new().unwrap();
    let cache = TempDir::new().unwrap();
    let page = dir.path().join("storm.html");
    std::fs::write(&page, PAGE).unwrap();
    let folder = dir.path().to_str().unwrap();
    let redact = |out: &Output| {
        assert!(out.status.success(), "{}", stderr(out));
        stdout(out).replace(folder, "[dir]")
    };
    let page = page.to_str().unwrap();
    insta::assert_snapshot!(
        "show_plain",
        redact(&crosscheck(cache.path(), &["show", page]))
    );
    insta::assert_snapshot!(
        "show_json",
        redact(&crosscheck(cache.path(), &["show", page, "--json"]))
    );
}

#[test]
fn show_prints_text_raw_source_and_json() {
    let dir = TempDir::new().unwrap();
    let cache = TempDir::new().unwrap();
    let page = dir.path().join("storm.html");
    std::fs::write(&page, PAGE).unwrap();
    let page = page.to_str().unwrap();
    let out = crosscheck(cache.path(), &["show", page]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Storm closes schools across the region\nThe Daily Planet · 2026-01-05 · Kim Lo, Sam Poe\n"), "{text}");
    assert!(
        text.contains("Heavy snow closed schools")
            && !text.contains("AI-generated")
            && !text.contains("World News")
    );
    let raw = stdout(&crosscheck(cache.path(), &["show", page, "--raw"]));
    assert!(raw.contains("AI-generated") && raw.contains("World News"));
    let source = stdout(&crosscheck(cache.path(), &["show", page, "--source"]));
    assert!(source.starts_with("<!DOCTYPE html>") && source.contains("application/ld+json"));
    let v: Value =
        serde_json::from_slice(&crosscheck(cache.path(), &["show", page, "--json"]).stdout)
            .unwrap();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "authors", "date", "id", "outlet", "removed", "source", "text", "title", "url"
        ]
    );
    assert_eq!(v["id"], "storm");
    let removed: Vec<&str> = v["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .filter(|r| *r != "whitespace")
        .collect();
    assert_eq!(removed, ["notice", "tags", "tags", "tags"]);
    // raw = clean + removals, through the JSON.
    let raw = stdout(&crosscheck(
        cache.path(),
        &["show", page, "--json", "--raw"],
    ));
    let raw: Value = serde_json::from_str(&raw).unwrap();
    let mut rebuilt = v["text"].as_str().unwrap().to_string();
    for r in v["removed"].as_array().unwrap() {
        rebuilt.insert_str(
            usize::try_from(r["start"].as_u64().unwrap()).unwrap(),
            r["text"].as_str().unwrap(),
        );
    }
    assert_eq!(rebuilt, raw["text"].as_str().unwrap());
    // An article of the sample by index, and a reference that names nothing.
    assert!(stdout(&crosscheck(cache.path(), &["show", "1"])).contains("Hegseth"));
    let out = crosscheck(cache.path(), &["show", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("crosscheck: no article 'nope'"));
}

#[test]
fn urls_load_through_the_cache_folder() {
    let server = Server::start(vec![
        ("/storm", Answer::ok("text/html; charset=utf-8", PAGE)),
        ("/old-storm", Answer::redirect("/storm")),
    ]);
    let cache = TempDir::new().unwrap();
    let (storm, moved, missing) = (
        server.url("/storm"),
        server.url("/old-storm"),
        server.url("/gone"),
    );
    let out = crosscheck(cache.path(), &["list", &storm, &moved, &missing, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!("crosscheck: warning: {missing}: HTTP 404 Not Found\n")
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    for a in articles {
        assert_eq!(a["outlet"], "The Daily Planet");
        let source = a["source"].as_str().unwrap();
        assert!(
            source.starts_with(cache.path().join("pages").to_str().unwrap()),
            "{source}"
        );
    }
    assert_eq!(articles[0]["url"], storm.as_str());
    // `show URL` reads the cached page: no new request.
    let before = server.requests();
    let out = crosscheck(cache.path(), &["show", &storm]);
    assert!(
        stdout(&out).contains("Heavy snow closed schools"),
        "{}",
        stderr(&out)
    );
    assert_eq!(server.requests(), before);
    crosscheck(cache.path(), &["show", &storm, "--refresh"]);
    assert_eq!(server.requests(), before + 1);
    // `cache dir` and `cache clear`; --cache-dir wins over the environment.
    assert_eq!(
        stdout(&crosscheck(cache.path(), &["cache", "dir"])).trim(),
        cache.path().to_str().unwrap()
    );
    let other = TempDir::new().unwrap();
    let other_dir = other.path().to_str().unwrap();
    assert_eq!(
        stdout(&crosscheck(
            cache.path(),
            &["cache", "dir", "--cache-dir", other_dir]
        ))
        .trim(),
        other_dir
    );
    let cleared = stdout(&crosscheck(cache.path(), &["cache", "clear"]));
    assert!(cleared.starts_with("removed 4 files ("), "{cleared}");
    assert!(!cache.path().join("pages").exists());
}

#[test]
fn nothing_loadable_from_urls_is_one_line_and_exit_two() {
    let server = Server::start(vec![(
        "/pic",
        Answer::ok("image/jpeg", b"\xFF\xD8\xFF".to_vec()),
    )]);
    let cache = TempDir::new().unwrap();
    let pic = server.url("/pic");
    let out = crosscheck(cache.path(), &["list", &pic]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{pic}: not HTML (content type image/jpeg)")),
        "{err}"
    );
    assert!(
        err.lines()
            .last()
            .unwrap()
            .starts_with("crosscheck: no articles could be loaded")
    );
}
