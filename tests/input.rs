//! Real-world input: saved pages, legacy charsets, page metadata, feeds, URLs on a
//! loopback server, the extraction cache. Every page and feed here is invented.

#![allow(clippy::unwrap_used)] // test helpers panic on setup failure by design

#[path = "support/http.rs"]
mod http;

use crosscheck::corpus::cache::Cache;
use crosscheck::corpus::{Article, Corpus, LoadOptions, load_paths};
use http::{Answer, Server};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tempfile::TempDir;

#[path = "support/files.rs"]
mod files;
use files::write;

fn load_with(paths: &[PathBuf], options: &LoadOptions) -> Corpus {
    load_paths(paths, options).unwrap()
}

fn load(paths: &[PathBuf]) -> Corpus {
    load_with(paths, &LoadOptions::default())
}

fn by_id<'a>(corpus: &'a Corpus, id: &str) -> &'a Article {
    corpus
        .articles
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no article {id} in {:?}", corpus.skipped))
}

const STORY: &str = "<p>Heavy rain swept across the valley on Tuesday night, flooding roads \
    and cutting power to thousands of homes along the river.</p>\
    <p>Emergency crews worked through the night to reach stranded drivers, and the county \
    opened two shelters for families forced from their houses.</p>\
    <p>Forecasters expect the river to crest on Thursday morning before the water slowly \
    recedes over the weekend, officials said at a briefing.</p>";

/// A news page with navigation, a share bar and a footer around `body`.
fn page(head: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head>{head}</head><body>\
         <header><a href=/>Valley Courier</a><nav><a href=/news>News</a> <a href=/sport>Sport</a>\
         <a href=/login>Sign in</a></nav></header>\
         <main><article><h1>River floods the valley</h1>\
         <div class=share><a href=#>Share</a><a href=#>Tweet</a></div>{body}</article>\
         <aside><h3>Most read</h3><ul><li><a href=/a>Council row</a></li><li><a href=/b>Cup final</a></li></ul></aside>\
         </main><footer>© 2026 Valley Courier Media. All rights reserved. <a href=/privacy>Privacy</a></footer>\
         </body></html>"
    )
}

#[test]
fn saved_pages_become_articles_with_their_metadata() {
    let dir = TempDir::new().unwrap();
    let head = r#"<meta charset="utf-8"><title>River floods the valley | Valley Courier</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"River floods the valley","datePublished":"2026-03-03T18:30:00-05:00",
        "author":[{"@type":"Person","name":"Anna Betts"},{"@type":"Person","name":"Marina Dunbar"}],
        "publisher":{"@type":"NewsMediaOrganization","name":"Valley Courier"}}</script>
        <link rel="canonical" href="https://valleycourier.example/news/river-floods">"#;
    write(dir.path(), "flood.html", page(head, STORY));
    let corpus = load(&[dir.path().to_path_buf()]);
    let a = by_id(&corpus, "flood");
    assert_eq!(a.meta.title, "River floods the valley");
    assert_eq!(a.meta.outlet, "Valley Courier");
    assert_eq!(a.meta.date.as_deref(), Some("2026-03-03"));
    assert_eq!(a.meta.authors, ["Anna Betts", "Marina Dunbar"]);
    assert_eq!(
        a.meta.url.as_deref(),
        Some("https://valleycourier.example/news/river-floods")
    );
    assert!(a.clean.starts_with("Heavy rain swept"), "{}", a.clean);
    assert!(
        a.clean
            .contains("homes along the river.\n\nEmergency crews")
    );
    for residue in [
        "Sign in",
        "Most read",
        "Share",
        "rights reserved",
        "Council row",
    ] {
        assert!(!a.clean.contains(residue), "{residue} in {}", a.clean);
    }
    // raw = clean + removals, for pages too.
    let kept: String = a
        .segments()
        .iter()
        .filter(|s| s.removed.is_none())
        .map(|s| s.text)
        .collect();
    assert_eq!(kept, a.clean);
}

#[test]
fn gzipped_and_archived_pages_and_browser_folders() {
    let dir = TempDir::new().unwrap();
    let html = page(
        "<title>River floods the valley - Valley Courier</title>",
        STORY,
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, html.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    write(dir.path(), "packed.html.gz", &gz);
    write(dir.path(), "cut.html.gz", &gz[..gz.len() / 2]);
    write(dir.path(), "saved.htm", &html);
    write(dir.path(), "saved_files/style.css", "p { color: red }");
    write(
        dir.path(),
        "saved_files/notes.txt",
        "A file the browser saved beside the page.",
    );
    let qp = html.replace('=', "=3D");
    write(
        dir.path(),
        "archive.mhtml",
        format!(
            "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://valleycourier.example/a\r\n\
             MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\
             \tboundary=\"----B\"\r\n\r\n------B\r\nContent-Type: text/html\r\n\
             Content-Transfer-Encoding: quoted-printable\r\n\r\n{qp}\r\n------B--\r\n"
        ),
    );
    write(
        dir.path(),
        "broken.mhtml",
        "this is not a MIME archive at all",
    );
    let corpus = load(&[dir.path().to_path_buf()]);
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["archive", "packed", "saved"]);
    for a in &corpus.articles {
        assert_eq!(a.meta.title, "River floods the valley", "{}", a.id);
        assert!(
            a.clean.starts_with("Heavy rain swept"),
            "{}: {}",
            a.id,
            a.clean
        );
    }
    assert_eq!(
        by_id(&corpus, "archive").meta.url.as_deref(),
        Some("https://valleycourier.example/a")
    );
    let skipped: Vec<(&str, &str)> = corpus
        .skipped
        .iter()
        .map(|s| (s.path.rsplit('/').next().unwrap(), s.reason.as_str()))
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert_eq!(skipped[0].0, "broken.mhtml");
    assert!(skipped[0].1.starts_with("not an MHTML archive"));
    assert_eq!(skipped[1].0, "cut.html.gz");
    assert!(
        skipped[1].1.starts_with("broken gzip data"),
        "{}",
        skipped[1].1
    );
    assert!(corpus.skipped.iter().all(|s| !s.reason.contains('\n')));
}

#[test]
fn pages_without_an_article_are_skipped_with_a_reason() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "wall.html",
        "<html><head><title>Subscribe</title></head><body><form><h2>Sign in to keep reading</h2>\
         <input name=email><button>Continue</button></form></body></html>",
    );
    let links: String = (0..30)
        .map(|i| {
            format!("<li><a href=/s/{i}>Story {i}: the council votes on the river plan</a></li>")
        })
        .collect::<Vec<_>>()
        .concat();
    write(
        dir.path(),
        "index.html",
        format!("<html><body><ul>{links}</ul></body></html>"),
    );
    write(dir.path(), "ok.html", page("", STORY));
    write(dir.path(), "zz-huge.html", page("", &STORY.repeat(30_000)));
    let corpus = load(&[dir.path().to_path_buf()]);
    assert_eq!(corpus.articles.len(), 1);
    let reasons: Vec<&str> = corpus.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "no article text found",
            "no article text found",
            "page too large (over 10 MB)"
        ]
    );
}

#[test]
fn legacy_charsets_declared_early_late_and_never() {
    let dir = TempDir::new().unwrap();
    let text = "<p>Le café de la gare a fermé ses portes après une décennie, déplorent les \
        habitués, qui évoquent « un lieu de rencontre irremplaçable » pour le quartier.</p>\
        <p>La mairie étudie déjà un projet de reprise, a précisé l’adjointe chargée du \
        commerce, sans donner de date pour une réouverture éventuelle.</p>";
    let latin = |s: &str| encoding_rs::WINDOWS_1252.encode(s).0.into_owned();
    let early = format!(
        "<html><head><meta charset=\"windows-1252\"><title>Café</title></head><body>{text}</body></html>"
    );
    let padding = "<!-- padding -->".repeat(200);
    let late = format!(
        "<html><head><title>Café</title>{padding}<meta http-equiv=\"Content-Type\" \
         content=\"text/html; charset=iso-8859-1\"></head><body>{text}</body></html>"
    );
    let never = format!("<html><head><title>Café</title></head><body>{text}</body></html>");
    write(dir.path(), "early.html", latin(&early));
    write(dir.path(), "late.html", latin(&late));
    write(dir.path(), "never.html", latin(&never));
    write(
        dir.path(),
        "plain.txt",
        latin("Le café a fermé. Les habitués déplorent la décision."),
    );
    let sjis = encoding_rs::SHIFT_JIS
        .encode("東京都の知事は記者会見で新しい計画を発表した。")
        .0;
    write(dir.path(), "tokyo.txt", &sjis);
    let corpus = load(&[dir.path().to_path_buf()]);
    for id in ["early", "late", "never"] {
        let a = by_id(&corpus, id);
        assert!(
            a.clean.contains("Le café de la gare a fermé"),
            "{id}: {}",
            a.clean
        );
        assert!(a.warnings.is_empty(), "{id}: {:?}", a.warnings);
    }
    assert!(
        by_id(&corpus, "plain")
            .clean
            .contains("Les habitués déplorent")
    );
    assert_eq!(
        by_id(&corpus, "tokyo").clean,
        "東京都の知事は記者会見で新しい計画を発表した。"
    );
}

#[test]
fn captions_quotes_and_line_breaks_in_pages() {
    let dir = TempDir::new().unwrap();
    let body = format!(
        "<figure><img src=flood.jpg><figcaption>A car in the water on Mill Street. \
         Sam Poe/The Canadian Press via AP</figcaption></figure>{STORY}\
         <p>The mayor called it <q>the worst flood in living memory</q> on Wednesday.</p>\
         <p>Shelters opened on Mill Street<br>and on Elm Avenue before midnight.<br>\
         Buses ran all night.</p>"
    );
    write(dir.path(), "flood.html", page("", &body));
    let corpus = load(&[dir.path().to_path_buf()]);
    let a = by_id(&corpus, "flood");
    assert!(!a.clean.contains("Canadian Press") && !a.clean.contains("A car in the water"));
    assert!(
        a.clean
            .contains("called it “the worst flood in living memory” on Wednesday.")
    );
    assert!(
        // A <br> inside a sentence is a space, after its end a line break.
        a.clean
            .contains("Mill Street and on Elm Avenue before midnight.\nBuses ran all night."),
        "{}",
        a.clean
    );
}

#[test]
fn outlets_read_like_outlets() {
    let dir = TempDir::new().unwrap();
    let body = "Officials met on Monday to discuss the flood plan, the mayor said.\n\
        The president wrote about it at https://truthsocial.com/@someone/posts/1 later.\n";
    write(dir.path(), "01_newsweek_ca_flood.txt", body);
    write(dir.path(), "notes.txt", body);
    write(
        dir.path(),
        "og.html",
        page(
            r#"<meta property="og:site_name" content="theguardian.com"><title>River floods the valley</title>"#,
            STORY,
        ),
    );
    let corpus = load(&[dir.path().to_path_buf()]);
    assert_eq!(
        by_id(&corpus, "01_newsweek_ca_flood").meta.outlet,
        "Newsweek"
    );
    assert_eq!(by_id(&corpus, "notes").meta.outlet, "notes");
    assert_eq!(by_id(&corpus, "og").meta.outlet, "The Guardian");
}

#[test]
fn manifest_wins_over_the_page() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "flood.html",
        page(
            r#"<meta property="og:title" content="Page title"><meta property="og:site_name" content="Page Site">"#,
            STORY,
        ),
    );
    write(
        dir.path(),
        "sources.toml",
        "[\"flood.html\"]\noutlet = \"Manifest Outlet\"\ntitle = \"Manifest title\"\n",
    );
    let corpus = load(&[dir.path().to_path_buf()]);
    let a = by_id(&corpus, "flood");
    assert_eq!(
        (a.meta.outlet.as_str(), a.meta.title.as_str()),
        ("Manifest Outlet", "Manifest title")
    );
}

const RSS_1252: &str = r#"<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Le Courrier</title>
<item><title>Le café ferme</title><link>LINK</link><pubDate>Tue, 03 Mar 2026 23:30:00 -0500</pubDate>
<dc:creator>Anne Lévêque</dc:creator>
<description>&lt;p&gt;Le café de la gare a fermé, déplorent les habitués.&lt;/p&gt;</description></item>
<item><title>Sans texte</title><link>LINK2</link><description></description></item>
</channel></rss>"#;

#[test]
fn feeds_become_one_article_per_item() {
    let dir = TempDir::new().unwrap();
    let rss = RSS_1252
        .replace("LINK2", "https://courrier.example/vide")
        .replace("LINK", "https://courrier.example/cafe");
    write(
        dir.path(),
        "courrier.rss",
        encoding_rs::WINDOWS_1252.encode(&rss).0,
    );
    write(
        dir.path(),
        "atom.xml",
        r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Courier</title>
        <entry><title type="html">River &lt;em&gt;floods&lt;/em&gt; the valley</title><id>1</id>
        <link href="https://valleycourier.example/flood"/><published>2026-03-03T20:00:00-08:00</published>
        <content type="html">&lt;p&gt;Heavy rain swept across the valley.&lt;/p&gt;</content></entry></feed>"#,
    );
    write(
        dir.path(),
        "night.json",
        r#"{"version":"https://jsonfeed.org/version/1.1","title":"Night Desk","items":[
        {"id":"a","url":"https://night.example/vote","title":"Late vote","summary":"Council voted at midnight.",
         "date_published":"2026-03-03T23:59:00+09:00"}]}"#,
    );
    write(dir.path(), "broken.rss", "<rss><channel><item><title>Cut");
    let corpus = load(&[dir.path().to_path_buf()]);
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["atom#1", "courrier#1", "night#1"]);
    let cafe = by_id(&corpus, "courrier#1");
    assert_eq!(cafe.meta.title, "Le café ferme");
    assert_eq!(cafe.meta.date.as_deref(), Some("2026-03-03"));
    assert_eq!(cafe.meta.authors, ["Anne Lévêque"]);
    assert_eq!(cafe.meta.outlet, "Le Courrier");
    assert_eq!(
        cafe.clean,
        "Le café de la gare a fermé, déplorent les habitués."
    );
    let atom = by_id(&corpus, "atom#1");
    assert_eq!(atom.meta.title, "River floods the valley");
    assert_eq!(atom.meta.date.as_deref(), Some("2026-03-03"));
    assert_eq!(
        by_id(&corpus, "night#1").clean,
        "Council voted at midnight."
    );
    let skipped: Vec<String> = corpus
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.path.rsplit('/').next().unwrap(), s.reason))
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(
        skipped[0].starts_with("broken.rss: not a readable feed"),
        "{skipped:?}"
    );
    assert_eq!(skipped[1], "courrier.rss#2: empty");
}

#[test]
fn extracted_text_is_cached_by_path_size_and_time() {
    let dir = TempDir::new().unwrap();
    let cache_dir = TempDir::new().unwrap();
    let options = LoadOptions {
        cache: Some(Cache::new(cache_dir.path())),
        ..LoadOptions::default()
    };
    let first = page("", &STORY.replace("Tuesday", "Mondays"));
    let second = page("", &STORY.replace("Tuesday", "Fridays"));
    assert_eq!(first.len(), second.len());
    let path = write(dir.path(), "flood.html", &first);
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    let text = |corpus: &Corpus| corpus.articles[0].clean.clone();
    assert!(text(&load_with(std::slice::from_ref(&path), &options)).contains("Mondays"));
    assert!(
        cache_dir
            .path()
            .join("extracted")
            .read_dir()
            .unwrap()
            .count()
            == 1
    );
    // Same path, size and time: the cached text is read, not the file.
    fs::write(&path, &second).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    assert!(text(&load_with(std::slice::from_ref(&path), &options)).contains("Mondays"));
    // A new modification time extracts again.
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(mtime + Duration::from_secs(5))
        .unwrap();
    assert!(text(&load_with(std::slice::from_ref(&path), &options)).contains("Fridays"));
    assert!(text(&load(&[path])).contains("Fridays"));
}

fn url_options(cache: &Path) -> LoadOptions {
    let mut options = LoadOptions {
        cache: Some(Cache::new(cache)),
        ..LoadOptions::default()
    };
    options.fetch.timeout = Duration::from_millis(1500);
    options.fetch.max_bytes = 64 * 1024;
    options.fetch.host_delay = Duration::ZERO;
    options
}

#[test]
fn urls_are_fetched_cached_and_failures_named() {
    let head = r#"<meta property="og:title" content="River floods the valley"><meta property="og:site_name" content="Valley Courier">"#;
    let story = page(head, STORY);
    let server = Server::start(vec![
        (
            "/story",
            Answer::ok("text/html; charset=utf-8", story.clone()),
        ),
        ("/moved", Answer::redirect("/story")),
        (
            "/slow",
            Answer::ok("text/html", story.clone()).slow(Duration::from_secs(4)),
        ),
        (
            "/photo.png",
            Answer::ok("image/png", b"\x89PNG\r\n".to_vec()),
        ),
        ("/huge", Answer::ok("text/html", "<p>x</p>".repeat(20_000))),
        (
            "/wall",
            Answer::ok(
                "text/html",
                "<html><body><form>Sign in</form></body></html>",
            ),
        ),
    ]);
    let cache = TempDir::new().unwrap();
    let options = url_options(cache.path());
    let urls: Vec<PathBuf> = [
        "/story",
        "/moved",
        "/missing",
        "/slow",
        "/photo.png",
        "/huge",
        "/wall",
    ]
    .iter()
    .map(|p| PathBuf::from(server.url(p)))
    .collect();
    let corpus = load_with(&urls, &options);
    assert_eq!(corpus.articles.len(), 2);
    for (a, path) in corpus.articles.iter().zip(["/story", "/moved"]) {
        assert_eq!(a.meta.title, "River floods the valley");
        assert_eq!(a.meta.outlet, "Valley Courier");
        assert_eq!(a.meta.url.as_deref(), Some(server.url(path).as_str()));
        assert!(
            a.source.starts_with(&cache.path().display().to_string()),
            "{}",
            a.source
        );
        assert!(a.clean.starts_with("Heavy rain swept"));
    }
    let skipped: Vec<(String, &str)> = corpus
        .skipped
        .iter()
        .map(|s| (s.path.replace(&server.base, ""), s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            ("/missing".to_string(), "HTTP 404 Not Found"),
            ("/slow".to_string(), "timed out after 1.5 s"),
            (
                "/photo.png".to_string(),
                "not HTML (content type image/png)"
            ),
            ("/huge".to_string(), "page larger than 64 KB"),
            // Named by its URL, not by its file in the cache.
            ("/wall".to_string(), "no article text found"),
        ]
    );
    // The next load reads the cache: no new requests for the pages it holds.
    let before = server.requests();
    let again = load_with(&urls[..2], &options);
    assert_eq!(again.articles.len(), 2);
    assert_eq!(server.requests(), before);
    let mut refresh = options.clone();
    refresh.fetch.refresh = true;
    load_with(&urls[..1], &refresh);
    assert_eq!(server.requests(), before + 1);
}

#[test]
fn feed_urls_and_item_pages() {
    let story = page(
        r#"<meta property="og:title" content="Le café ferme">"#,
        STORY,
    );
    let server = Server::start(vec![("/story", Answer::ok("text/html", story))]);
    let rss = RSS_1252
        .replace("LINK2", &server.url("/missing"))
        .replace("LINK", &server.url("/story"));
    let server_feed = Server::start(vec![(
        "/feed",
        Answer::ok(
            "application/rss+xml",
            encoding_rs::WINDOWS_1252.encode(&rss).0.into_owned(),
        ),
    )]);
    let cache = TempDir::new().unwrap();
    let mut options = url_options(cache.path());
    let feed = vec![PathBuf::from(server_feed.url("/feed"))];
    let corpus = load_with(&feed, &options);
    assert_eq!(
        corpus.articles[0].clean,
        "Le café de la gare a fermé, déplorent les habitués."
    );
    options.fetch_items = true;
    let cache = TempDir::new().unwrap();
    options.cache = Some(Cache::new(cache.path()));
    let corpus = load_with(&feed, &options);
    let item = &corpus.articles[0];
    assert!(item.clean.starts_with("Heavy rain swept"), "{}", item.clean);
    assert_eq!(item.meta.date.as_deref(), Some("2026-03-03"));
    assert_eq!(item.meta.title, "Le café ferme");
    // The text-less item's page is fetched too; it is missing, so the item stays
    // skipped as empty.
    let skipped: Vec<&str> = corpus.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(skipped, ["empty"]);
}
