//! A zip archive of exports, held in memory, read entry by entry (issue #27): each `.json`
//! entry at any folder depth, named `archive.zip/folder/file.json`, as its bytes or a problem
//! in words. Both `plr` and the dashboard read a zip through this, so both refuse the same
//! things the same way:
//!
//! - more than [`MAX_ENTRIES`] entries: the whole archive, before its directory is read;
//! - an entry over the import's [`MAX_FILE_BYTES`] once unpacked, whether its header says so
//!   or it only turns out so (a zip bomb): that entry, read no further than the limit;
//! - a damaged entry (a checksum that does not match, a method other than stored or deflated,
//!   an entry cut short): that entry, the others still read;
//! - bytes that are not a zip at all: the archive, with one problem.
//!
//! Directories, macOS's `__MACOSX/` folder and entries not named `*.json` are left out, as a
//! walk of a folder leaves them out.
//!
//! The `zip` crate reads the archive's directory and each entry's local header; an entry's data
//! is taken from memory, inflated by zlib-rs straight into a buffer of its declared size (one
//! decompressor reused for every entry; with [`Archive::read_into`], one buffer too) and checked
//! against its CRC-32.

use std::fmt;
use std::io::Cursor;
use std::sync::Arc;

use zip::result::ZipError;
use zip::{CompressionMethod, ZipArchive};
use zlib_rs::{Inflate as Inflater, InflateFlush, Status};

use plr_core::limits::MAX_FILE_BYTES;

/// The most entries an archive may hold (every entry counts, `.json` or not).
pub const MAX_ENTRIES: usize = 100_000;

/// The largest zip file the dashboard reads into memory and `plr` reads whole (1 GiB).
pub const MAX_ZIP_BYTES: u64 = 1 << 30;

/// Whether a file name (or path) is a zip archive's, by its ending (`.zip`, any case).
pub fn is_zip_name(name: &str) -> bool {
    name.len() > 4 && name.is_char_boundary(name.len() - 4) && {
        let (_, end) = name.split_at(name.len() - 4);
        end.eq_ignore_ascii_case(".zip")
    }
}

/// The text for a zip file over [`MAX_ZIP_BYTES`], given its size in bytes.
pub fn zip_too_large(size: u64) -> String {
    format!(
        "the zip is {size} bytes, larger than the {} GB a zip may be; split it into smaller zips",
        MAX_ZIP_BYTES >> 30
    )
}

/// Why a whole archive was refused (each entry's own problems are in [`Entry::bytes`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveError {
    /// The bytes are not a zip archive that can be read (with the reader's reason).
    NotAZip(String),
    /// More entries than allowed (the count, the limit).
    TooManyEntries(u64, usize),
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArchiveError::NotAZip(why) => write!(f, "not a zip archive that can be read ({why})"),
            ArchiveError::TooManyEntries(count, limit) => write!(
                f,
                "the zip holds {} entries, more than the {} a zip may hold; nothing in it was read: split it into smaller zips",
                grouped(*count),
                grouped(*limit as u64)
            ),
        }
    }
}

impl std::error::Error for ArchiveError {}

/// `100,000`: a count with its thousands separated by commas (the dashboard writes its counts so).
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// One `.json` entry read from an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The archive's name, a `/`, then the entry's path inside it: `exports.zip/July/a.json`.
    pub name: String,
    /// Its unpacked bytes, or why they could not be had (a sentence for the file as a whole).
    pub bytes: Result<Vec<u8>, String>,
}

/// The limits an archive is read within (the defaults are [`MAX_ENTRIES`] and
/// [`MAX_FILE_BYTES`]; tests pass small ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The most entries the archive may hold.
    pub entries: usize,
    /// The most bytes an entry may unpack to.
    pub entry_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            entries: MAX_ENTRIES,
            entry_bytes: MAX_FILE_BYTES,
        }
    }
}

/// An archive opened over bytes in memory, listing its `.json` entries in name order. Cheap
/// to clone (its directory is shared), so that each thread can read entries of its own.
pub struct Archive<'a> {
    name: Arc<str>,
    bytes: &'a [u8],
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// Reused for every deflated entry (set up anew each time); made at the first.
    inflater: Option<Inflater>,
    /// The `.json` entries: (index in the zip, path inside it), in name order.
    json: Arc<[(usize, String)]>,
    limits: Limits,
}

impl Clone for Archive<'_> {
    fn clone(&self) -> Self {
        Archive {
            name: self.name.clone(),
            bytes: self.bytes,
            zip: self.zip.clone(),
            inflater: None,
            json: self.json.clone(),
            limits: self.limits,
        }
    }
}

impl fmt::Debug for Archive<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Archive")
            .field("name", &self.name)
            .field("json_entries", &self.json.len())
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl<'a> Archive<'a> {
    /// Opens the archive `name` (as shown: its path or file name) over `bytes`, within the
    /// default [`Limits`].
    pub fn open(name: &str, bytes: &'a [u8]) -> Result<Archive<'a>, ArchiveError> {
        Archive::open_within(name, bytes, Limits::default())
    }

    /// [`Archive::open`] within `limits`.
    pub fn open_within(
        name: &str,
        bytes: &'a [u8],
        limits: Limits,
    ) -> Result<Archive<'a>, ArchiveError> {
        // The count the archive declares, checked before its directory is read into memory.
        if let Some(count) = declared_entries(bytes) {
            if count > limits.entries as u64 {
                return Err(ArchiveError::TooManyEntries(count, limits.entries));
            }
        }
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| ArchiveError::NotAZip(zip_error(&e)))?;
        if zip.len() > limits.entries {
            return Err(ArchiveError::TooManyEntries(
                zip.len() as u64,
                limits.entries,
            ));
        }
        let mut json: Vec<(usize, String)> = (0..zip.len())
            .filter_map(|i| Some((i, zip.name_for_index(i)?)))
            .filter(|(_, path)| is_json_entry(path))
            .map(|(i, path)| (i, path.to_string()))
            .collect();
        json.sort_by(|a, b| name_order(&a.1, &b.1));
        Ok(Archive {
            name: name.trim_end_matches('/').into(),
            bytes,
            zip,
            inflater: None,
            json: json.into(),
            limits,
        })
    }

    /// How many `.json` entries it has.
    pub fn len(&self) -> usize {
        self.json.len()
    }

    /// Whether it has no `.json` entry.
    pub fn is_empty(&self) -> bool {
        self.json.is_empty()
    }

    /// The name of the `i`th `.json` entry (`archive.zip/folder/file.json`).
    ///
    /// # Panics
    /// If `i` is not below [`Archive::len`].
    pub fn name_of(&self, i: usize) -> String {
        format!("{}/{}", self.name, self.json[i].1)
    }

    /// Reads the `i`th `.json` entry (in name order), never unpacking more than the limit.
    ///
    /// # Panics
    /// If `i` is not below [`Archive::len`].
    pub fn entry(&mut self, i: usize) -> Entry {
        let name = self.name_of(i);
        let mut bytes = Vec::new();
        let bytes = self.read_into(i, &mut bytes).map(|()| bytes);
        Entry { name, bytes }
    }

    /// [`Archive::entry`]'s bytes, into `bytes` (what it held replaced, its memory reused), or
    /// why they could not be had: a batch reads every entry into one buffer per thread rather
    /// than allocate and clear a new one for each. On a problem `bytes` holds nothing to use.
    ///
    /// # Panics
    /// If `i` is not below [`Archive::len`].
    pub fn read_into(&mut self, i: usize, bytes: &mut Vec<u8>) -> Result<(), String> {
        let result = self.read(self.json[i].0, bytes);
        if result.is_err() {
            bytes.clear();
        }
        result
    }

    /// Every `.json` entry in name order, each read when asked for.
    pub fn entries(mut self) -> impl Iterator<Item = Entry> + 'a {
        (0..self.len()).map(move |i| self.entry(i))
    }

    /// The entry's bytes into `out`: its directory record and local header read by the zip
    /// crate, its data taken from memory, inflated straight into `out` grown to its declared
    /// size (never past the limit) and checked against its CRC-32.
    fn read(&mut self, index: usize, out: &mut Vec<u8>) -> Result<(), String> {
        let limit = self.limits.entry_bytes;
        let (method, size, crc, start, length, encrypted) = {
            let file = self
                .zip
                .by_index_raw(index)
                .map_err(|e| damaged(&zip_error(&e)))?;
            (
                file.compression(),
                file.size(),
                file.crc32(),
                file.data_start(),
                file.compressed_size(),
                file.encrypted(),
            )
        };
        if encrypted {
            return Err(damaged(&zip_error(&ZipError::UnsupportedArchive(
                ZipError::PASSWORD_REQUIRED,
            ))));
        }
        if size > limit as u64 {
            return Err(format!(
                "the file is {size} bytes once unpacked, larger than the {} MB limit",
                limit / 1_000_000
            ));
        }
        let data = usize::try_from(start)
            .ok()
            .zip(usize::try_from(length).ok())
            .and_then(|(start, length)| self.bytes.get(start..start.checked_add(length)?))
            .ok_or_else(|| damaged("it is cut short"))?;
        let too_large = || {
            format!(
                "the file is larger than the {} MB limit once unpacked",
                limit / 1_000_000
            )
        };
        match method {
            CompressionMethod::Stored if data.len() > limit => return Err(too_large()),
            CompressionMethod::Stored => {
                out.clear();
                out.extend_from_slice(data);
            }
            CompressionMethod::Deflated => {
                let inflater = self.inflater.get_or_insert_with(|| Inflater::new(false, 15));
                inflate(inflater, data, size as usize, limit, out).map_err(|e| match e {
                    Inflate::TooLarge => too_large(),
                    Inflate::Damaged(why) => damaged(why),
                })?
            }
            other => {
                return Err(damaged(&format!(
                    "its compression method ({other}) is not one read here; only stored and deflated entries are read"
                )))
            }
        }
        if crc32fast::hash(out) != crc {
            return Err(damaged(
                "it is damaged: its checksum does not match its content",
            ));
        }
        Ok(())
    }
}

/// Why an entry could not be inflated.
enum Inflate {
    /// It unpacks to more than the limit.
    TooLarge,
    /// Its compressed data is not valid deflate, in words.
    Damaged(&'static str),
}

/// Inflates raw deflate `data` that says it unpacks to `size` bytes into `out`: over what it
/// held, grown to that size and one byte more if shorter (to see a longer output; only the
/// growth is zeroed), to the limit and one byte more only if the header lied; never past it.
/// `out` is cut to the bytes unpacked.
fn inflate(
    inflater: &mut Inflater,
    data: &[u8],
    size: usize,
    limit: usize,
    out: &mut Vec<u8>,
) -> Result<(), Inflate> {
    inflater.reset(false);
    let wanted = size.min(limit) + 1;
    if out.len() < wanted {
        out.resize(wanted, 0);
    }
    // A longer buffer from an earlier entry is used whole, but never past the limit.
    out.truncate(limit + 1);
    loop {
        let before = (inflater.total_in() as usize, inflater.total_out() as usize);
        let status = inflater.decompress(
            &data[before.0..],
            &mut out[before.1..],
            InflateFlush::Finish,
        );
        let (read, written) = (inflater.total_in() as usize, inflater.total_out() as usize);
        match status {
            Ok(Status::StreamEnd) if written > limit => return Err(Inflate::TooLarge),
            Ok(Status::StreamEnd) => {
                out.truncate(written);
                return Ok(());
            }
            Ok(_) if written == out.len() && out.len() <= limit => out.resize(limit + 1, 0),
            Ok(_) if written == out.len() => return Err(Inflate::TooLarge),
            // All of it read, or no progress made, and no end of the stream.
            Ok(_) if read == data.len() || (read, written) == before => {
                return Err(Inflate::Damaged("it is cut short"))
            }
            Ok(_) => {}
            Err(_) => {
                return Err(Inflate::Damaged(
                    "it is damaged: its compressed data is not valid",
                ))
            }
        }
    }
}

/// The problem of an entry that could not be unpacked.
fn damaged(why: &str) -> String {
    format!("cannot be unpacked from the zip: {why}")
}

/// The zip reader's error in words.
fn zip_error(e: &ZipError) -> String {
    match e {
        ZipError::Io(io) => io_error(io),
        ZipError::InvalidArchive(why) => format!("it is damaged: {}", why.to_lowercase()),
        ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED) => {
            "it is encrypted, and only unencrypted entries are read".into()
        }
        ZipError::UnsupportedArchive(why) => format!(
            "{}; only stored and deflated entries are read",
            why.to_lowercase()
        ),
        other => other.to_string(),
    }
}

/// An error met while unpacking, in words.
fn io_error(e: &std::io::Error) -> String {
    let text = e.to_string();
    if text.contains("checksum") {
        "it is damaged: its checksum does not match its content".into()
    } else if e.kind() == std::io::ErrorKind::UnexpectedEof {
        "it is cut short".into()
    } else {
        format!("it is damaged: {}", text.to_lowercase())
    }
}

/// Whether an entry is one to read: a `*.json` file, not in a `__MACOSX` folder and not a
/// dot-file (macOS's `._` copies).
fn is_json_entry(path: &str) -> bool {
    if path.ends_with('/') || path.split('/').any(|part| part == "__MACOSX") {
        return false;
    }
    let file = path.rsplit('/').next().unwrap_or(path);
    file.len() > 5 && file.ends_with(".json") && !file.starts_with("._")
}

/// Paths in name order, folder by folder (`a/x` before `a-b/x`), as `plr` walks a folder.
fn name_order(a: &str, b: &str) -> std::cmp::Ordering {
    let key = |byte: &u8| if *byte == b'/' { 0 } else { *byte };
    a.as_bytes()
        .iter()
        .map(key)
        .cmp(b.as_bytes().iter().map(key))
}

/// The number of entries the end of the archive declares, if it can be found (a zip64
/// archive's too); `None` leaves the reader to judge the bytes.
fn declared_entries(bytes: &[u8]) -> Option<u64> {
    const END: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
    const LOCATOR: [u8; 4] = [0x50, 0x4b, 0x06, 0x07];
    const END64: [u8; 4] = [0x50, 0x4b, 0x06, 0x06];
    let u16_at = |at: usize| Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?));
    let u64_at = |at: usize| Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?));
    let last = bytes.len().checked_sub(22)?;
    // The end record is the last 22 bytes but for a comment of up to 65,535 bytes.
    let end = (last.saturating_sub(u16::MAX as usize)..=last)
        .rev()
        .find(|&at| bytes[at..at + 4] == END)?;
    let count = u16_at(end + 10)?;
    if count != u16::MAX {
        return Some(u64::from(count));
    }
    let locator = end.checked_sub(20)?;
    if bytes.get(locator..locator + 4)? != LOCATOR {
        return Some(u64::from(count));
    }
    let end64 = usize::try_from(u64_at(locator + 8)?).ok()?;
    if bytes.get(end64..end64 + 4)? != END64 {
        return None;
    }
    u64_at(end64 + 32)
}

#[cfg(test)]
mod tests;
