//! Finding and reading export files: directories are walked (walkdir) for `*.json`, a file
//! over the 5 MB limit is refused without being read whole, and a named `.zip` is read whole
//! (up to 1 GiB) for its entries to be read like files found in a directory
//! ([`plr_report::zipped`]).

use std::cell::RefCell;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use plr_core::import::{import, ImportError, Imported, MAX_FILE_BYTES};
use plr_core::problem::Problem;
use plr_report::zipped::{is_zip_name, Archive, ZipFile};
use walkdir::WalkDir;

/// Why a file was not imported.
pub enum LoadError {
    /// Not a PLR export at all (`format` missing or different).
    NotAPlr(ImportError),
    /// Unreadable, too large, or a PLR export with problems.
    Problems(Vec<Problem>),
}

/// Reads at most `limit` bytes of a file, refusing a larger one without reading it whole.
pub fn read_limited(path: &Path, limit: usize) -> Result<Vec<u8>, Problem> {
    let mut bytes = Vec::new();
    read_limited_into(path, limit, &mut bytes)?;
    Ok(bytes)
}

/// [`read_limited`] into `bytes` (cleared first), so that a batch can reuse one buffer per
/// thread rather than allocate one per file.
fn read_limited_into(path: &Path, limit: usize, bytes: &mut Vec<u8>) -> Result<(), Problem> {
    bytes.clear();
    let cannot_read = |e: std::io::Error| Problem::new("$", format!("cannot read: {e}"));
    let file = File::open(path).map_err(cannot_read)?;
    let limit = limit as u64;
    let too_large = |size: u64| {
        Problem::new(
            "$",
            format!(
                "the file is {size} bytes, larger than the {} MB limit",
                limit / 1_000_000
            ),
        )
    };
    if let Ok(meta) = file.metadata() {
        if meta.is_dir() {
            return Err(Problem::new("$", "is a directory, not a file"));
        }
        if meta.len() > limit {
            return Err(too_large(meta.len()));
        }
        // One read for the whole file, and one to see its end.
        bytes.reserve(meta.len() as usize + 1);
    }
    // The file may have grown since, or be a special file: never read past the limit.
    file.take(limit + 1)
        .read_to_end(bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > limit {
        return Err(Problem::new(
            "$",
            format!("the file is larger than the {} MB limit", limit / 1_000_000),
        ));
    }
    Ok(())
}

/// Reads and imports one export, into this thread's reused buffer.
pub fn load(path: &Path) -> Result<Imported, LoadError> {
    thread_local! {
        static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    BUFFER.with_borrow_mut(|bytes| {
        read_limited_into(path, MAX_FILE_BYTES, bytes).map_err(|p| LoadError::Problems(vec![p]))?;
        let imported = load_bytes(bytes);
        // A rare large file's buffer is not kept for the rest of the batch.
        if bytes.capacity() > 1 << 20 {
            *bytes = Vec::new();
        }
        imported
    })
}

/// Imports an export's bytes (a zip's entry, or a file's).
pub fn load_bytes(bytes: &[u8]) -> Result<Imported, LoadError> {
    import(bytes).map_err(|e| match e {
        ImportError::NotAPlr => LoadError::NotAPlr(e),
        other => LoadError::Problems(other.problems()),
    })
}

/// Opens a zip file of exports, to be read entry by entry where they lie in the file (never
/// read whole, so a zip of a year takes no more memory than its directory); refused over
/// [`plr_report::zipped::MAX_ZIP_BYTES`], as the dashboard refuses it. The problem as a sentence.
pub fn open_zip(path: &Path) -> Result<Archive<ZipFile>, String> {
    Archive::open_file(&path.to_string_lossy(), path).map_err(|e| e.to_string())
}

/// A file to read, and whether it was found by searching a directory (such files are
/// skipped, not failed, when they are not PLR exports).
pub struct Found {
    /// The file.
    pub path: PathBuf,
    /// Found in a directory rather than named.
    pub in_directory: bool,
}

impl Found {
    /// Whether it is a zip of exports to read entry by entry: a file named on the command
    /// line ending `.zip` (a walk of a directory reads only `*.json`).
    pub fn is_zip(&self) -> bool {
        !self.in_directory && is_zip_name(&self.path.to_string_lossy())
    }
}

/// The files named: files as they are, directories walked recursively for `*.json` in name
/// order (symbolic links are not followed, so a loop cannot hang us). Directories that cannot
/// be read are reported in `errors` as (directory, why).
pub fn files_under(paths: &[PathBuf], errors: &mut Vec<(String, String)>) -> Vec<Found> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(Found {
                path: path.clone(),
                in_directory: false,
            });
            continue;
        }
        let first = files.len();
        for entry in WalkDir::new(path) {
            match entry {
                Ok(entry) => {
                    // The name's bytes, not `Path::extension` (which parses the whole path);
                    // a name that is only ".json" has no extension.
                    let name = entry.file_name().as_encoded_bytes();
                    let is_json = name.len() > 5 && name.ends_with(b".json");
                    // A link to a file counts; a link to a directory is not followed.
                    let kind = entry.file_type();
                    let file = kind.is_file() || (kind.is_symlink() && !entry.path().is_dir());
                    if file && is_json {
                        files.push(Found {
                            path: entry.into_path(),
                            in_directory: true,
                        });
                    }
                }
                Err(e) => {
                    let dir = e.path().unwrap_or(path).display().to_string();
                    let why = e
                        .io_error()
                        .map_or_else(|| e.to_string(), |io| io.to_string());
                    errors.push((dir, why));
                }
            }
        }
        // Name order, as a walk sorted directory by directory would give, sorted once here:
        // walkdir's own sort takes each name apart from its path at every comparison, about
        // a twentieth of a batch's work.
        files[first..].sort_unstable_by(|a, b| name_order(&a.path, &b.path));
    }
    files
}

/// Paths in name order, directory by directory: their bytes compared with the separator
/// before every other byte, so that `a/x` comes before `a-b/x` (as `a` before `a-b`).
fn name_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    let key = |byte: &u8| {
        if *byte == std::path::MAIN_SEPARATOR as u8 {
            0
        } else {
            *byte
        }
    };
    let (a, b) = (
        a.as_os_str().as_encoded_bytes(),
        b.as_os_str().as_encoded_bytes(),
    );
    a.iter().map(key).cmp(b.iter().map(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_sort_in_name_order_directory_by_directory() {
        let mut paths: Vec<PathBuf> = ["d/ab.json", "d/a-b/x.json", "d/a/y.json", "d/a/b/z.json"]
            .iter()
            .map(PathBuf::from)
            .collect();
        paths.sort_by(|a, b| name_order(a, b));
        let sorted: Vec<&str> = paths.iter().filter_map(|p| p.to_str()).collect();
        assert_eq!(
            sorted,
            ["d/a/b/z.json", "d/a/y.json", "d/a-b/x.json", "d/ab.json"]
        );
    }
}
