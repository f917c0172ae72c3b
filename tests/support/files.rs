//! Writing test files.

use std::fs;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `dir/name`, creating folders on the way; returns the path.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create test folder");
    }
    fs::write(&path, bytes).expect("write test file");
    path
}
