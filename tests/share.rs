//! Shareable reports (issue M): `compare --html/--markdown`, `-o`/`--force`, and
//! loading that passes over the reports crosscheck wrote.

use serde_json::Value;
use std::path::Path;

#[path = "support/binary.rs"]
mod binary;
use binary::{crosscheck, stdout};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/share");

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

/// A report with the version (which names the commit) redacted.
fn redacted(report: &str) -> String {
    report.replace(crosscheck::cli::VERSION, "[version]")
}

fn pair_report(format: &str, right: &str) -> String {
    stdout(&[
        "compare",
        &fixture("harbour_gazette.md"),
        &fixture(right),
        format,
    ])
}

/// The names of the elements a page opens (`<a …>` → `a`).
fn tags(page: &str) -> Vec<String> {
    page.split('<')
        .skip(1)
        .filter(|t| !t.starts_with('/'))
        .map(|t| {
            t.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .collect()
}

#[test]
fn html_pair_snapshot() {
    insta::assert_snapshot!(redacted(&pair_report("--html", "coast_wire.md")));
}

#[test]
fn markdown_pair_snapshot() {
    insta::assert_snapshot!(redacted(&pair_report("--markdown", "coast_wire.md")));
}

#[test]
fn html_is_self_contained_with_a_generator_tag_and_both_schemes() {
    let page = pair_report("--html", "coast_wire.md");
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains(&format!(
        "<meta name=\"generator\" content=\"crosscheck {}\">",
        crosscheck::cli::VERSION
    )));
    assert!(page.contains("prefers-color-scheme:dark"));
    assert!(page.contains("@media print"));
    assert!(
        page.contains("default-src 'none'"),
        "a policy that forbids scripts"
    );
    for outside in ["<script", "<link", "@import", "url(", "src="] {
        assert!(
            !page.contains(outside),
            "nothing loaded from elsewhere: {outside}"
        );
    }
    for shown in [
        "Harbour Gazette",
        "Coast Wire",
        "Harbour council backs £12m flood wall",
        "2026-03-03",
        "href=\"https://wire.example/2026/flood-wall\"",
    ] {
        assert!(page.contains(shown), "shows {shown}");
    }
}

#[test]
fn quote_numbers_match_the_json_and_link_each_side_to_its_partner() {
    let json: Value = serde_json::from_str(&pair_report("--json", "coast_wire.md")).expect("JSON");
    let numbers: Vec<u64> = json["shared_quotes"]
        .as_array()
        .expect("shared quotes")
        .iter()
        .map(|q| q["number"].as_u64().expect("number"))
        .collect();
    assert!(
        numbers.len() >= 2,
        "the fixtures share two quotes: {numbers:?}"
    );
    let page = pair_report("--html", "coast_wire.md");
    for n in &numbers {
        assert!(
            page.contains(&format!("id=\"l{n}\" href=\"#r{n}\"")),
            "left [{n}] links right"
        );
        assert!(
            page.contains(&format!("id=\"r{n}\" href=\"#l{n}\"")),
            "right [{n}] links left"
        );
    }
    let extra = numbers.len() + 1;
    assert!(
        !page.contains(&format!("id=\"l{extra}\"")),
        "no marker beyond the list"
    );
    let markdown = pair_report("--markdown", "coast_wire.md");
    for n in &numbers {
        assert!(
            markdown.contains(&format!("**\\[{n}\\]**")),
            "markdown lists [{n}]"
        );
    }
}

#[test]
fn near_differences_are_emphasised() {
    let page = pair_report("--html", "coast_wire.md");
    assert!(
        page.contains("class=\"near"),
        "Harbour/Harbor is a near word"
    );
    assert!(page.contains("class=\"near em\"") || page.contains("em\">"));
    let markdown = pair_report("--markdown", "coast_wire.md");
    assert!(
        markdown.contains("*→*"),
        "left→right for a word written differently"
    );
}

#[test]
fn hostile_article_text_stays_text_in_html() {
    let page = pair_report("--html", "hostile.md");
    let allowed = [
        "!doctype",
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "h1",
        "h2",
        "p",
        "section",
        "ol",
        "ul",
        "li",
        "span",
        "a",
        "blockquote",
        "cite",
        "b",
        "q",
        "br",
        "time",
        "main",
        "article",
        "div",
        "footer",
    ];
    for tag in tags(&page) {
        assert!(allowed.contains(&tag.as_str()), "an article opened <{tag}>");
    }
    assert!(!page.to_ascii_lowercase().contains("<script"));
    assert!(!page.contains("href=\"javascript"), "no javascript: link");
    assert!(
        page.contains("&lt;script&gt;alert(5)&lt;/script&gt;"),
        "shown as text"
    );
    assert!(
        page.contains("&lt;img src=x onerror=alert(1)&gt;Wire"),
        "outlet shown as text"
    );
    assert!(
        !page.contains('\u{202E}'),
        "a bidi override is made visible"
    );
}

#[test]
fn hostile_article_text_stays_text_in_markdown() {
    let markdown = pair_report("--markdown", "hostile.md");
    let body = markdown.split_once('\n').expect("lines").1;
    assert!(!body.contains('<'), "no HTML passes: {body}");
    assert!(
        !body.replace("\\]", "").contains("](javascript"),
        "no javascript: link"
    );
    assert!(!body.contains("!["), "no image");
    assert!(
        !body.lines().any(|l| l.starts_with("# Not")),
        "no heading from an article"
    );
    assert!(body.contains("\\*not emphasis\\*") && body.contains("\\`not code\\`"));
}

#[test]
fn output_file_is_written_once_and_replaced_only_with_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("report.html");
    let file = file.to_str().expect("utf-8 path");
    let args = |extra: &[&'static str]| {
        let mut args = vec![
            "compare".to_string(),
            fixture("harbour_gazette.md"),
            fixture("coast_wire.md"),
            "--html".into(),
            "-o".into(),
            file.to_string(),
        ];
        args.extend(extra.iter().map(ToString::to_string));
        args
    };
    let run = |args: Vec<String>| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        crosscheck(&args)
    };
    let first = run(args(&[]));
    assert!(first.status.success());
    assert!(first.stdout.is_empty(), "the report goes to the file only");
    std::fs::write(file, "keep me").expect("write");
    let again = run(args(&[]));
    assert_eq!(again.status.code(), Some(2));
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("exists") && err.contains("--force"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert_eq!(std::fs::read_to_string(file).expect("read"), "keep me");
    assert!(run(args(&["--force"])).status.success());
    assert!(
        std::fs::read_to_string(file)
            .expect("read")
            .starts_with("<!doctype html>")
    );
}

#[test]
fn output_needs_a_report_format() {
    let out = crosscheck(&["compare", "1", "2", "-o", "x.html"]);
    assert_eq!(out.status.code(), Some(2));
    let out = crosscheck(&["compare", "1", "2", "--html", "--markdown"]);
    assert_eq!(out.status.code(), Some(2));
    let out = crosscheck(&["compare", "1", "2", "--html", "--json"]);
    assert_eq!(out.status.code(), Some(2));
}

fn copy(from: &str, to: &Path) {
    std::fs::copy(fixture(from), to).expect("copy");
}

#[test]
fn reports_saved_beside_the_articles_are_not_articles() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy("harbour_gazette.md", &dir.path().join("a.md"));
    copy("coast_wire.md", &dir.path().join("b.md"));
    for (format, name) in [("--html", "report.html"), ("--markdown", "report.md")] {
        let out = crosscheck(&[
            "compare",
            &fixture("harbour_gazette.md"),
            &fixture("coast_wire.md"),
            format,
            "-o",
            dir.path().join(name).to_str().expect("utf-8"),
        ]);
        assert!(out.status.success());
    }
    let list: Value = serde_json::from_str(&stdout(&[
        "list",
        dir.path().to_str().expect("utf-8"),
        "--json",
    ]))
    .expect("JSON");
    let ids: Vec<&str> = list["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| a["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, ["a", "b"]);
    assert!(
        list["skipped"].as_array().expect("skipped").is_empty(),
        "passed over quietly"
    );
    // Named on its own, a report is a skipped file with its reason.
    let out = crosscheck(&[
        "list",
        dir.path().join("report.html").to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("a report crosscheck wrote"));
}

fn fixtures_with_hostile() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["harbour_gazette.md", "coast_wire.md", "hostile.md"] {
        copy(name, &dir.path().join(name));
    }
    dir
}

#[test]
fn quotes_markdown_snapshot() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy("harbour_gazette.md", &dir.path().join("a.md"));
    copy("coast_wire.md", &dir.path().join("b.md"));
    let report = stdout(&["quotes", dir.path().to_str().expect("utf-8"), "--markdown"]);
    insta::assert_snapshot!(redacted(&report));
}

#[test]
fn corpus_reports_cite_outlets_and_keep_article_text_inert() {
    let dir = fixtures_with_hostile();
    let path = dir.path().to_str().expect("utf-8");
    for command in ["quotes", "facts", "stories"] {
        let page = stdout(&[command, path, "--html"]);
        assert!(page.contains("<meta name=\"generator\" content=\"crosscheck"));
        assert!(
            page.contains("Coast Wire") && page.contains("Harbour Gazette"),
            "{command}"
        );
        assert!(!page.to_ascii_lowercase().contains("<script"), "{command}");
        assert!(!page.contains("<img"), "{command}");
        assert!(!page.contains("href=\"javascript"), "{command}");
        let markdown = stdout(&[command, path, "--markdown"]);
        let body = markdown.split_once('\n').expect("lines").1;
        assert!(!body.contains('<'), "{command}: no HTML passes");
    }
    let quotes = stdout(&["quotes", path, "--html"]);
    assert!(quotes.contains("We cannot wait for the sixth storm to reach our doors"));
    let facts = stdout(&["facts", path, "--markdown"]);
    assert!(
        facts.contains("**three**") && facts.contains("**four**"),
        "{facts}"
    );
}

#[test]
fn stories_reports_list_each_story_its_articles_and_shared_quotes() {
    let dir = fixtures_with_hostile();
    let path = dir.path().to_str().expect("utf-8");
    let markdown = redacted(&stdout(&["stories", path, "--markdown"]));
    insta::assert_snapshot!("stories_markdown", markdown);
    let page = redacted(&stdout(&["stories", path, "--html"]));
    insta::assert_snapshot!("stories_html", page);
    assert!(page.contains("Content-Security-Policy") && page.contains("prefers-color-scheme:dark"));
    assert!(
        page.contains("&lt;img src=x onerror=alert(1)&gt;Wire"),
        "a hostile outlet is text"
    );
    // The harbour pair shares its quotes; the story says how many.
    let json: Value = serde_json::from_str(&stdout(&["stories", path, "--json"])).expect("json");
    let stories = json["stories"].as_array().expect("stories");
    let harbour = stories
        .iter()
        .find(|s| s["articles"].as_array().is_some_and(|a| a.len() >= 2))
        .expect("a story of two articles");
    let number = harbour["number"].as_u64().expect("number");
    let heading = markdown
        .lines()
        .find(|l| l.starts_with(&format!("## \\[{number}\\]")))
        .expect("its heading");
    assert!(!heading.contains(" 0 shared quotes"), "{heading}");
    assert!(heading.contains("shared quote"), "{heading}");
}
