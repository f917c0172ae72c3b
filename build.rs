//! Build script: `CROSSCHECK_VERSION`, the version `--version` prints, with the git
//! commit when built from a checkout of crosscheck's own repository, and the
//! binary's link mode.
//!
//! Without git, outside a checkout (a crate tarball, an export) or in someone
//! else's repository it is the package version alone; the build never fails for it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    println!("cargo:rerun-if-changed=build.rs");
    let full = match commit(&manifest) {
        Some(commit) => format!("{version} ({commit})"),
        None => version,
    };
    println!("cargo:rustc-env=CROSSCHECK_VERSION={full}");
    link_at_fixed_address();
}

/// Links the binary as a position-dependent executable on Linux. As a PIE its
/// loader applies ~38,000 relocations (vtables, the tables of `&str`) and copies
/// ~180 pages at every start, ~1 ms of a 4 ms `compare` of two small files; at a
/// fixed address the linker resolves them once. The libraries, heap and stack stay
/// randomised; the crate forbids `unsafe` code.
fn link_at_fixed_address() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

/// `abc1234 2026-12-01`: the checkout's commit and its date, if `manifest` is the
/// top of a git work tree; asks cargo to rerun when HEAD or the branch moves.
fn commit(manifest: &Path) -> Option<String> {
    let top = git(manifest, &["rev-parse", "--show-toplevel"])?;
    if !same_dir(Path::new(&top), manifest) {
        return None;
    }
    // A checkout changes HEAD; a commit moves the branch's loose ref, or creates
    // it when the branch is only in packed-refs (then watch the refs folder).
    for name in ["HEAD", "packed-refs"] {
        watch(manifest, name);
    }
    if let Some(branch) = git(manifest, &["symbolic-ref", "-q", "HEAD"])
        && !watch(manifest, &branch)
    {
        watch(manifest, "refs/heads");
    }
    git(
        manifest,
        &["log", "-1", "--format=%h %cs", "--abbrev=9", "HEAD"],
    )
}

/// Reruns the build script when the git file or folder `name` (a path git
/// resolves) changes; false if it does not exist.
fn watch(manifest: &Path, name: &str) -> bool {
    let path = git(
        manifest,
        &["rev-parse", "--path-format=absolute", "--git-path", name],
    );
    let Some(path) = path.filter(|p| Path::new(p).exists()) else {
        return false;
    };
    println!("cargo:rerun-if-changed={path}");
    true
}

/// The trimmed output of `git ARGS` in `dir`, if it ran and succeeded.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (out.status.success() && !text.is_empty()).then(|| text.to_string())
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
