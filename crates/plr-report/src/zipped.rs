//! A zip archive of exports, read entry by entry (issue #27): each `.json`
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
//! is taken from where the archive is (a [`Source`]: bytes in memory, as the dashboard has a
//! chosen file, or a file on disk read only where needed, as `plr` reads a zip, so a zip of a
//! year takes no more memory than its directory), inflated by zlib-rs straight into a buffer of
//! its declared size (one decompressor reused for every entry; with [`Archive::read_into`], one
//! buffer too) and checked against its CRC-32.

use std::fmt;
use std::io::{self, Cursor, Read, Seek, SeekFrom};
use std::sync::Arc;

use zip::result::ZipError;
use zip::{CompressionMethod, ZipArchive};
use zlib_rs::{Inflate as Inflater, InflateFlush, Status};

use plr_core::limits::MAX_FILE_BYTES;

/// The most entries an archive may hold (every entry counts, `.json` or not).
pub const MAX_ENTRIES: usize = 100_000;

/// The largest zip file the dashboard reads into memory and `plr` reads (1 GiB).
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
    /// A zip file over [`MAX_ZIP_BYTES`] (its size in bytes), refused unread.
    TooLarge(u64),
    /// A zip file that could not be opened or read (the system's reason).
    Unreadable(String),
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
            ArchiveError::TooLarge(size) => f.write_str(&zip_too_large(*size)),
            ArchiveError::Unreadable(why) => write!(f, "cannot read file: {why}"),
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

/// Where an archive's bytes are, for [`Archive`]: bytes in memory (`Cursor<&[u8]>`), or a
/// [`ZipFile`] on disk. Cloned for each thread that reads entries.
pub trait Source: Read + Seek + Clone {
    /// The archive's size in bytes.
    fn size(&self) -> u64;

    /// The `length` bytes at `start`: borrowed from memory, or read into `scratch`; `None` when
    /// they are not all there (the archive is cut short, or could not be read).
    fn bytes_at<'s>(
        &'s mut self,
        start: u64,
        length: u64,
        scratch: &'s mut Vec<u8>,
    ) -> Option<&'s [u8]>;
}

impl Source for Cursor<&[u8]> {
    fn size(&self) -> u64 {
        self.get_ref().len() as u64
    }

    fn bytes_at<'s>(&'s mut self, start: u64, length: u64, _: &'s mut Vec<u8>) -> Option<&'s [u8]> {
        let start = usize::try_from(start).ok()?;
        let end = start.checked_add(usize::try_from(length).ok()?)?;
        self.get_ref().get(start..end)
    }
}

/// A zip file on disk as a [`Source`]: read where asked (positioned reads, so every thread's
/// copy shares the one open file), never whole. Small reads (the directory's records, each
/// entry's local header) come from a window of [`ZipFile::WINDOW`] bytes read at once.
#[derive(Debug, Clone)]
pub struct ZipFile {
    file: Arc<std::fs::File>,
    size: u64,
    position: u64,
    /// The bytes last read ahead, and where in the file they start.
    window: Vec<u8>,
    window_start: u64,
}

impl ZipFile {
    /// How many bytes a small read reads ahead.
    pub const WINDOW: usize = 8 * 1024;

    /// The zip file at `path`, opened for reading; refused over [`MAX_ZIP_BYTES`].
    pub fn open(path: &std::path::Path) -> Result<ZipFile, ArchiveError> {
        let unreadable = |e: io::Error| ArchiveError::Unreadable(e.to_string());
        let file = std::fs::File::open(path).map_err(unreadable)?;
        let size = file.metadata().map_err(unreadable)?.len();
        if size > MAX_ZIP_BYTES {
            return Err(ArchiveError::TooLarge(size));
        }
        Ok(ZipFile {
            file: Arc::new(file),
            size,
            position: 0,
            window: Vec::new(),
            window_start: 0,
        })
    }

    /// Fills `buffer` from `start` (short only at the end of the file).
    fn read_at(&self, buffer: &mut [u8], start: u64) -> io::Result<usize> {
        let mut done = 0;
        while done < buffer.len() {
            match positioned_read(&self.file, &mut buffer[done..], start + done as u64) {
                Ok(0) => break,
                Ok(n) => done += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(done)
    }
}

#[cfg(unix)]
fn positioned_read(file: &std::fs::File, buffer: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buffer, at)
}

#[cfg(windows)]
fn positioned_read(file: &std::fs::File, buffer: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buffer, at)
}

#[cfg(not(any(unix, windows)))]
fn positioned_read(_: &std::fs::File, _: &mut [u8], _: u64) -> io::Result<usize> {
    Err(io::ErrorKind::Unsupported.into())
}

impl Read for ZipFile {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let window_end = self.window_start + self.window.len() as u64;
        if !(self.window_start..window_end).contains(&self.position) {
            // A large read is not copied through the window.
            if buffer.len() >= Self::WINDOW {
                let n = self.read_at(buffer, self.position)?;
                self.position += n as u64;
                return Ok(n);
            }
            let mut window = std::mem::take(&mut self.window);
            window.resize(Self::WINDOW, 0);
            let n = self.read_at(&mut window, self.position)?;
            window.truncate(n);
            self.window = window;
            self.window_start = self.position;
            if n == 0 {
                return Ok(0);
            }
        }
        let from = (self.position - self.window_start) as usize;
        let n = buffer.len().min(self.window.len() - from);
        buffer[..n].copy_from_slice(&self.window[from..from + n]);
        self.position += n as u64;
        Ok(n)
    }
}

impl Seek for ZipFile {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let position = match to {
            SeekFrom::Start(at) => Some(at),
            SeekFrom::End(by) => self.size.checked_add_signed(by),
            SeekFrom::Current(by) => self.position.checked_add_signed(by),
        };
        self.position = position.ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, "a seek before the start")
        })?;
        Ok(self.position)
    }
}

impl Source for ZipFile {
    fn size(&self) -> u64 {
        self.size
    }

    fn bytes_at<'s>(
        &'s mut self,
        start: u64,
        length: u64,
        scratch: &'s mut Vec<u8>,
    ) -> Option<&'s [u8]> {
        let end = start.checked_add(length)?;
        if end > self.size {
            return None;
        }
        let window_end = self.window_start + self.window.len() as u64;
        if start >= self.window_start && end <= window_end {
            let from = (start - self.window_start) as usize;
            return Some(&self.window[from..from + length as usize]);
        }
        scratch.clear();
        scratch.resize(usize::try_from(length).ok()?, 0);
        let n = self.read_at(scratch, start).ok()?;
        (n == scratch.len()).then_some(&scratch[..])
    }
}

/// An archive opened over a [`Source`] (bytes in memory by default), listing its `.json`
/// entries in name order. Cheap to clone (its directory is shared), so that each thread can read
/// entries of its own.
pub struct Archive<S: Source> {
    name: Arc<str>,
    source: S,
    zip: ZipArchive<S>,
    /// Reused for every deflated entry (set up anew each time); made at the first.
    inflater: Option<Inflater>,
    /// An entry's compressed bytes, when read from a file.
    scratch: Vec<u8>,
    /// The `.json` entries: (index in the zip, path inside it), in name order.
    json: Arc<[(usize, String)]>,
    limits: Limits,
}

impl<S: Source> Clone for Archive<S> {
    fn clone(&self) -> Self {
        Archive {
            name: self.name.clone(),
            source: self.source.clone(),
            zip: self.zip.clone(),
            inflater: None,
            scratch: Vec::new(),
            json: self.json.clone(),
            limits: self.limits,
        }
    }
}

impl<S: Source> fmt::Debug for Archive<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Archive")
            .field("name", &self.name)
            .field("json_entries", &self.json.len())
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl<'a> Archive<Cursor<&'a [u8]>> {
    /// Opens the archive `name` (as shown: its path or file name) over `bytes`, within the
    /// default [`Limits`].
    pub fn open(name: &str, bytes: &'a [u8]) -> Result<Self, ArchiveError> {
        Archive::open_within(name, bytes, Limits::default())
    }

    /// [`Archive::open`] within `limits`.
    pub fn open_within(name: &str, bytes: &'a [u8], limits: Limits) -> Result<Self, ArchiveError> {
        Archive::over(name, Cursor::new(bytes), limits)
    }
}

impl Archive<ZipFile> {
    /// Opens the zip file at `path` (named `name`), within the default [`Limits`]: read where
    /// needed, never whole; refused over [`MAX_ZIP_BYTES`] unread.
    pub fn open_file(name: &str, path: &std::path::Path) -> Result<Self, ArchiveError> {
        Archive::over(name, ZipFile::open(path)?, Limits::default())
    }
}

impl<S: Source> Archive<S> {
    /// Opens the archive `name` in `source` within `limits`.
    pub fn over(name: &str, mut source: S, limits: Limits) -> Result<Archive<S>, ArchiveError> {
        // The count the archive declares, checked before its directory is read into memory.
        if let Some(count) = declared_entries(&mut source) {
            if count > limits.entries as u64 {
                return Err(ArchiveError::TooManyEntries(count, limits.entries));
            }
        }
        let zip =
            ZipArchive::new(source.clone()).map_err(|e| ArchiveError::NotAZip(zip_error(&e)))?;
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
            source,
            zip,
            inflater: None,
            scratch: Vec::new(),
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
    pub fn entries(mut self) -> impl Iterator<Item = Entry> {
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
        let data = self
            .source
            .bytes_at(start, length, &mut self.scratch)
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
fn declared_entries(source: &mut impl Source) -> Option<u64> {
    const END: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
    const LOCATOR: [u8; 4] = [0x50, 0x4b, 0x06, 0x07];
    const END64: [u8; 4] = [0x50, 0x4b, 0x06, 0x06];
    let u16_at =
        |bytes: &[u8], at: usize| Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?));
    let u64_at =
        |bytes: &[u8], at: usize| Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?));
    // The end record is the last 22 bytes but for a comment of up to 65,535 bytes; a zip64
    // archive's locator is the 20 bytes before it.
    let size = source.size();
    let tail_start = size.saturating_sub(22 + u64::from(u16::MAX) + 20);
    let mut scratch = Vec::new();
    let tail = source
        .bytes_at(tail_start, size - tail_start, &mut scratch)?
        .to_vec();
    let last = tail.len().checked_sub(22)?;
    let end = (0..=last).rev().find(|&at| tail[at..at + 4] == END)?;
    let count = u16_at(&tail, end + 10)?;
    if count != u16::MAX {
        return Some(u64::from(count));
    }
    let locator = end.checked_sub(20)?;
    if tail.get(locator..locator + 4)? != LOCATOR {
        return Some(u64::from(count));
    }
    let end64 = u64_at(&tail, locator + 8)?;
    let record = source.bytes_at(end64, 40, &mut scratch)?;
    if record.get(..4)? != END64 {
        return None;
    }
    u64_at(record, 32)
}

#[cfg(test)]
mod tests;
