use super::*;
use crate::corpus::cache::Cache;

/// A page with an article in it, `words` long.
fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>\
         <p>{body}</p><p>{body}</p><p>{body}</p></article></body></html>"
    )
}

const BODY: &str = "The harbour board voted on Tuesday to close the old ferry pier for repairs, \
                    and the mayor said the work would take most of the summer season.";

struct Folder {
    dir: tempfile::TempDir,
    files: Files,
}

impl Folder {
    fn new(load: LoadOptions) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let files = Files::new(
            Roots::new(&[dir.path().to_path_buf()]),
            Vec::new(),
            load,
            Written::default(),
        );
        Self { dir, files }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Events at `paths`, then every read due up to `later` from now.
    fn changes(&mut self, paths: &[PathBuf], later: Duration) -> Vec<Change> {
        let now = Instant::now();
        let mut changes = self.files.saw(paths, now);
        changes.extend(self.files.read_due(now + later));
        changes
    }
}

fn summary(changes: &[Change]) -> Vec<String> {
    changes
        .iter()
        .map(|change| match change {
            Change::Read {
                path,
                articles,
                skipped,
            } => format!(
                "read {} ({} articles, {} skipped)",
                Path::new(path).file_name().unwrap().to_string_lossy(),
                articles.len(),
                skipped.len()
            ),
            Change::Removed { path } => format!(
                "removed {}",
                Path::new(path).file_name().unwrap().to_string_lossy()
            ),
            Change::Trouble(line) => format!("trouble {line}"),
        })
        .collect()
}

#[test]
fn a_new_file_is_read_and_named_as_loading_names_it() {
    let mut folder = Folder::new(LoadOptions::default());
    let path = folder.write("sub/ferry.md", &format!("# Pier closes\n\n{BODY}\n"));
    let changes = folder.changes(std::slice::from_ref(&path), Duration::ZERO);
    assert_eq!(summary(&changes), ["read ferry.md (1 articles, 0 skipped)"]);
    let Change::Read {
        path: name,
        articles,
        ..
    } = &changes[0]
    else {
        panic!("a read");
    };
    assert_eq!(Path::new(name), path);
    assert_eq!(
        articles[0].source, *name,
        "the app matches articles by source"
    );
}

#[test]
fn a_page_still_being_written_is_read_again_not_reported() {
    let mut folder = Folder::new(LoadOptions::default());
    let path = folder.write("pier.html", "<!doctype html><html><head><title>Pier");
    let first = folder.changes(std::slice::from_ref(&path), Duration::ZERO);
    assert!(
        first.is_empty(),
        "a partial page is not reported: {first:?}"
    );
    assert!(
        folder
            .files
            .pending
            .contains_key(&path.display().to_string())
    );
    std::fs::write(&path, page("Pier closes", BODY)).unwrap();
    let later = folder
        .files
        .read_due(Instant::now() + Duration::from_mins(1));
    assert_eq!(summary(&later), ["read pier.html (1 articles, 0 skipped)"]);
    assert!(folder.files.pending.is_empty());
}

#[test]
fn a_page_that_stays_broken_is_reported_after_a_few_reads() {
    let mut folder = Folder::new(LoadOptions::default());
    let path = folder.write(
        "wall.html",
        "<!doctype html><html><body><p>Log in</p></body></html>",
    );
    let mut changes = folder.changes(&[path], Duration::ZERO);
    let mut reads = 1;
    while changes.is_empty() && reads < 2 * ATTEMPTS {
        // Each read looks further ahead than the last one's wait.
        let later = Duration::from_hours(1) * reads;
        changes = folder.files.read_due(Instant::now() + later);
        reads += 1;
    }
    assert_eq!(reads, ATTEMPTS, "read {ATTEMPTS} times before reporting");
    assert_eq!(
        summary(&changes),
        ["read wall.html (0 articles, 1 skipped)"]
    );
}

#[test]
fn only_known_files_are_reported_removed() {
    let mut folder = Folder::new(LoadOptions::default());
    let kept = folder.write("a.txt", BODY);
    let gone = folder.write("b.txt", BODY);
    folder.changes(&[kept.clone(), gone.clone()], Duration::ZERO);
    std::fs::remove_file(&gone).unwrap();
    let never = folder.path("never.txt");
    let changes = folder.changes(&[gone, never], Duration::ZERO);
    assert_eq!(summary(&changes), ["removed b.txt"]);
}

#[test]
fn a_removed_folder_removes_every_file_under_it() {
    let mut folder = Folder::new(LoadOptions::default());
    let a = folder.write("week/a.txt", BODY);
    let b = folder.write("week/b.txt", BODY);
    folder.changes(&[a, b], Duration::ZERO);
    std::fs::remove_dir_all(folder.path("week")).unwrap();
    let changes = folder.changes(&[folder.path("week")], Duration::ZERO);
    assert_eq!(summary(&changes), ["removed a.txt", "removed b.txt"]);
}

#[test]
fn a_folder_moved_in_is_read_whole() {
    let mut folder = Folder::new(LoadOptions::default());
    folder.write("drop/a.txt", BODY);
    folder.write("drop/deeper/b.md", BODY);
    folder.write("drop/.hidden.txt", BODY);
    let changes = folder.changes(&[folder.path("drop")], Duration::ZERO);
    assert_eq!(
        summary(&changes),
        [
            "read a.txt (1 articles, 0 skipped)",
            "read b.md (1 articles, 0 skipped)"
        ]
    );
}

#[test]
fn hidden_unknown_and_own_files_are_passed_over() {
    let mut folder = Folder::new(LoadOptions::default());
    let cache = Cache::new(folder.path("cache"));
    folder.files.load.cache = Some(cache);
    let hidden = folder.write(".draft.txt", BODY);
    let swap = folder.write("notes.txt.swp", BODY);
    let cached = folder.write("cache/page.txt", BODY);
    let export = folder.write("export.txt", BODY);
    folder.files.written.insert(&export);
    let changes = folder.changes(&[hidden, swap, cached, export], Duration::ZERO);
    assert!(changes.is_empty(), "{changes:?}");
}

#[test]
fn new_metadata_reads_the_files_beside_it_again() {
    let mut folder = Folder::new(LoadOptions::default());
    let a = folder.write("a.txt", BODY);
    folder.changes(&[a], Duration::ZERO);
    let manifest = folder.write("sources.toml", "[\"a.txt\"]\noutlet = \"Harbour Herald\"\n");
    let changes = folder.changes(&[manifest], Duration::ZERO);
    let Some(Change::Read { articles, .. }) = changes.first() else {
        panic!("a.txt read again: {changes:?}");
    };
    assert_eq!(articles[0].meta.outlet, "Harbour Herald");
}

#[test]
fn a_named_file_is_watched_alone() {
    let dir = tempfile::tempdir().unwrap();
    let named = dir.path().join("one.txt");
    std::fs::write(&named, BODY).unwrap();
    let other = dir.path().join("other.txt");
    std::fs::write(&other, BODY).unwrap();
    let roots = Roots::new(std::slice::from_ref(&named));
    assert_eq!(roots.watched(), [(dir.path().to_path_buf(), false)]);
    assert_eq!(roots.files_at(&other), Vec::<PathBuf>::new());
    assert_eq!(roots.files_at(&named), [named]);
}

#[test]
fn a_record_source_names_its_file() {
    assert_eq!(file_of("feeds/a.jsonl#3"), "feeds/a.jsonl");
    assert_eq!(file_of("notes#draft.txt"), "notes#draft.txt");
    assert_eq!(file_of("plain.txt"), "plain.txt");
}

#[test]
fn a_file_only_opened_is_not_read_again_and_a_written_one_is() {
    let mut folder = Folder::new(LoadOptions::default());
    let path = folder.write("ferry.md", &format!("# Pier closes\n\n{BODY}\n"));
    // Loading read it; its open comes back as an event.
    folder.files.known.insert(&path.display().to_string());
    let opened = folder.changes(std::slice::from_ref(&path), Duration::ZERO);
    assert!(opened.is_empty(), "{opened:?}");
    folder.write("ferry.md", &format!("# Pier closes for good\n\n{BODY}\n"));
    let written = folder.changes(std::slice::from_ref(&path), Duration::ZERO);
    assert_eq!(summary(&written), ["read ferry.md (1 articles, 0 skipped)"]);
    // The watch's own read opened it again: nothing more to read.
    let again = folder.changes(std::slice::from_ref(&path), Duration::ZERO);
    assert!(again.is_empty(), "{again:?}");
}
