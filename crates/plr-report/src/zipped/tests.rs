use std::io::Write;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::*;

/// A zip of (path, bytes, method); a path ending `/` is a directory.
fn zip_of(entries: &[(&str, &[u8], CompressionMethod)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (path, bytes, method) in entries {
        let options = SimpleFileOptions::default().compression_method(*method);
        if path.ends_with('/') {
            zip.add_directory(*path, options).unwrap();
        } else {
            zip.start_file(*path, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
    }
    zip.finish().unwrap().into_inner()
}

const STORED: CompressionMethod = CompressionMethod::Stored;
const DEFLATED: CompressionMethod = CompressionMethod::Deflated;

fn read_all(name: &str, bytes: &[u8]) -> Vec<Entry> {
    Archive::open(name, bytes).unwrap().entries().collect()
}

#[test]
fn json_entries_at_any_depth_are_read_in_name_order_under_the_archive_name() {
    let bytes = zip_of(&[
        ("b.json", b"{\"b\":1}", DEFLATED),
        ("July/", b"", STORED),
        ("July/week 1/a.json", b"{\"a\":1}", STORED),
        ("July/notes.txt", b"not read", DEFLATED),
        ("__MACOSX/July/._a.json", b"\0\0", STORED),
        ("July/._c.json", b"\0\0", STORED),
        (".json", b"{}", STORED),
        ("a-b/c.json", &[b' '; 10_000], DEFLATED),
    ]);
    let entries = read_all("exports.zip", &bytes);
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "exports.zip/July/week 1/a.json",
            "exports.zip/a-b/c.json",
            "exports.zip/b.json",
        ]
    );
    assert_eq!(entries[0].bytes.as_deref(), Ok(&b"{\"a\":1}"[..]));
    assert_eq!(entries[1].bytes.as_ref().map(Vec::len), Ok(10_000));
    assert_eq!(entries[2].bytes.as_deref(), Ok(&b"{\"b\":1}"[..]));
}

#[test]
fn an_entry_over_the_limit_is_refused_by_name_and_the_rest_read() {
    let big = vec![b' '; MAX_FILE_BYTES + 1];
    let bytes = zip_of(&[
        ("big.json", &big, DEFLATED),
        ("small.json", b"{}", DEFLATED),
    ]);
    let entries = read_all("x.zip", &bytes);
    assert_eq!(entries[0].name, "x.zip/big.json");
    assert_eq!(
        entries[0].bytes,
        Err(format!(
            "the file is {} bytes once unpacked, larger than the 5 MB limit",
            MAX_FILE_BYTES + 1
        ))
    );
    assert_eq!(entries[1].bytes.as_deref(), Ok(&b"{}"[..]));
}

/// Flips 20 bytes from `offset` bytes after the first place `name` is written (its local
/// header's copy, so inside the entry's compressed data when `offset` passes the header).
fn damage(bytes: &mut [u8], name: &str, offset: usize) {
    let at = bytes
        .windows(name.len())
        .position(|w| w == name.as_bytes())
        .unwrap();
    for b in &mut bytes[at + offset..at + offset + 20] {
        *b ^= 0x5a;
    }
}

/// The offset of an entry's declared uncompressed size in its local header and in the
/// central directory, found by the entry's name (both headers are followed by it).
fn lie_about_sizes(bytes: &mut [u8], name: &str, size: u32) {
    let name = name.as_bytes();
    let mut at = 0;
    while let Some(found) = bytes[at..]
        .windows(name.len())
        .position(|w| w == name)
        .map(|p| p + at)
    {
        let local = bytes[found - 30..found - 26] == [0x50, 0x4b, 0x03, 0x04];
        let central = found >= 46 && bytes[found - 46..found - 42] == [0x50, 0x4b, 0x01, 0x02];
        if local {
            bytes[found - 8..found - 4].copy_from_slice(&size.to_le_bytes());
        } else if central {
            bytes[found - 22..found - 18].copy_from_slice(&size.to_le_bytes());
        }
        at = found + name.len();
    }
}

#[test]
fn a_zip_bomb_that_hides_its_size_is_stopped_at_the_limit() {
    // A megabyte of spaces that claims to unpack to 10 bytes; read within a 1,000-byte limit.
    let big = vec![b' '; 1_000_000];
    let mut bytes = zip_of(&[
        ("bomb.json", &big, DEFLATED),
        ("fine.json", b"{}", DEFLATED),
    ]);
    lie_about_sizes(&mut bytes, "bomb.json", 10);
    let limits = Limits {
        entries: 10,
        entry_bytes: 1_000,
    };
    let mut archive = Archive::open_within("bomb.zip", &bytes, limits).unwrap();
    assert_eq!(
        archive.entry(0).bytes,
        Err("the file is larger than the 0 MB limit once unpacked".into())
    );
    assert_eq!(archive.entry(1).bytes.as_deref(), Ok(&b"{}"[..]));
}

#[test]
fn a_damaged_entry_is_named_and_the_rest_still_read() {
    let text: Vec<u8> = (0..5_000u32)
        .flat_map(|i| format!("{{\"n\":{i}}}").into_bytes())
        .collect();
    let mut bytes = zip_of(&[
        ("a.json", b"{\"a\":1}", DEFLATED),
        ("broken.json", &text, DEFLATED),
        ("c.json", b"{\"c\":1}", STORED),
    ]);
    // Flip bytes in the middle of broken.json's compressed data.
    damage(&mut bytes, "broken.json", 200);
    let entries = read_all("x.zip", &bytes);
    assert_eq!(entries[0].bytes.as_deref(), Ok(&b"{\"a\":1}"[..]));
    assert_eq!(entries[1].name, "x.zip/broken.json");
    let why = entries[1].bytes.as_ref().unwrap_err();
    assert!(
        why.starts_with("cannot be unpacked from the zip: it is damaged"),
        "{why}"
    );
    assert_eq!(entries[2].bytes.as_deref(), Ok(&b"{\"c\":1}"[..]));
}

#[test]
fn a_stored_entry_with_a_wrong_checksum_is_named() {
    let mut bytes = zip_of(&[("a.json", b"{\"a\":1}", STORED)]);
    let at = bytes.windows(7).position(|w| w == b"{\"a\":1}").unwrap();
    bytes[at + 5] = b'2';
    let entries = read_all("x.zip", &bytes);
    assert_eq!(
        entries[0].bytes,
        Err("cannot be unpacked from the zip: it is damaged: its checksum does not match its content".into())
    );
}

#[test]
fn an_entry_in_a_method_not_read_is_named() {
    let mut bytes = zip_of(&[("a.json", b"{\"a\":1}", STORED), ("b.json", b"{}", STORED)]);
    // Method 12 (bzip2) in both of a.json's headers.
    let local = bytes
        .windows(4)
        .position(|w| w == [0x50, 0x4b, 0x03, 0x04])
        .unwrap();
    bytes[local + 8] = 12;
    let central = bytes
        .windows(4)
        .position(|w| w == [0x50, 0x4b, 0x01, 0x02])
        .unwrap();
    bytes[central + 10] = 12;
    let entries = read_all("x.zip", &bytes);
    let why = entries[0].bytes.as_ref().unwrap_err();
    assert!(
        why.starts_with("cannot be unpacked from the zip: "),
        "{why}"
    );
    assert!(
        why.ends_with("only stored and deflated entries are read"),
        "{why}"
    );
    assert_eq!(entries[1].bytes.as_deref(), Ok(&b"{}"[..]));
}

#[test]
fn more_entries_than_allowed_refuse_the_whole_zip() {
    let entries: Vec<(String, Vec<u8>)> = (0..6)
        .map(|i| (format!("{i}.json"), b"{}".to_vec()))
        .collect();
    let list: Vec<(&str, &[u8], CompressionMethod)> = entries
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice(), STORED))
        .collect();
    let bytes = zip_of(&list);
    let limits = Limits {
        entries: 5,
        entry_bytes: MAX_FILE_BYTES,
    };
    let error = Archive::open_within("x.zip", &bytes, limits).unwrap_err();
    assert_eq!(error, ArchiveError::TooManyEntries(6, 5));
    assert_eq!(
        error.to_string(),
        "the zip holds 6 entries, more than the 5 a zip may hold; nothing in it was read: split it into smaller zips"
    );
    let limits = Limits {
        entries: 6,
        ..limits
    };
    assert_eq!(
        Archive::open_within("x.zip", &bytes, limits).unwrap().len(),
        6
    );
    assert_eq!(
        ArchiveError::TooManyEntries(100_001, MAX_ENTRIES).to_string(),
        "the zip holds 100,001 entries, more than the 100,000 a zip may hold; nothing in it was read: split it into smaller zips"
    );
}

#[test]
fn bytes_that_are_not_a_zip_are_one_problem() {
    let error = Archive::open("x.zip", b"{\"format\": \"plr\"}").unwrap_err();
    assert!(matches!(error, ArchiveError::NotAZip(_)), "{error:?}");
    assert!(error
        .to_string()
        .starts_with("not a zip archive that can be read ("));
    assert!(Archive::open("x.zip", b"").is_err());
}

#[test]
fn the_declared_count_is_read_from_the_end_of_the_archive() {
    let bytes = zip_of(&[("a.json", b"{}", STORED), ("b/", b"", STORED)]);
    assert_eq!(declared_entries(&mut Cursor::new(&bytes[..])), Some(2));
    assert_eq!(declared_entries(&mut Cursor::new(&b"PK\x05\x06"[..])), None);
    let on_disk = OnDisk::new(&bytes);
    assert_eq!(
        declared_entries(&mut ZipFile::open(&on_disk.0).unwrap()),
        Some(2)
    );
}

#[test]
fn zip_names_are_told_by_their_ending() {
    assert!(is_zip_name("exports.zip"));
    assert!(is_zip_name("/tmp/July.ZIP"));
    assert!(!is_zip_name(".zip"));
    assert!(!is_zip_name("a.json"));
    assert!(!is_zip_name("é.zi"));
}

#[test]
fn an_entry_of_exactly_the_limit_is_read_and_one_byte_more_is_not() {
    let limits = Limits {
        entries: 10,
        entry_bytes: 1_000,
    };
    let bytes = zip_of(&[
        ("a.json", &[b'a'; 1_000], DEFLATED),
        ("b.json", &[b'b'; 1_000], STORED),
        ("c.json", &[b'c'; 1_001], DEFLATED),
    ]);
    let mut archive = Archive::open_within("x.zip", &bytes, limits).unwrap();
    assert_eq!(archive.entry(0).bytes, Ok(vec![b'a'; 1_000]));
    assert_eq!(archive.entry(1).bytes, Ok(vec![b'b'; 1_000]));
    assert!(archive.entry(2).bytes.unwrap_err().contains("larger than"));
    // A header that says less than the entry holds: read to its end all the same.
    let mut bytes = zip_of(&[("a.json", &[b'a'; 900], DEFLATED)]);
    lie_about_sizes(&mut bytes, "a.json", 10);
    let mut archive = Archive::open_within("x.zip", &bytes, limits).unwrap();
    assert_eq!(archive.entry(0).bytes, Ok(vec![b'a'; 900]));
}

#[test]
fn an_entry_cut_short_is_named() {
    let text = vec![b'x'; 50_000];
    let bytes = zip_of(&[("a.json", &text, DEFLATED)]);
    // Keep the local header and a little of the data, then a directory that says more.
    let cut = bytes.windows(6).position(|w| w == b"a.json").unwrap() + 10;
    let directory = bytes
        .windows(4)
        .position(|w| w == [0x50, 0x4b, 0x01, 0x02])
        .unwrap();
    let mut short = bytes[..cut].to_vec();
    let moved = directory - cut;
    let mut rest = bytes[directory..].to_vec();
    // The end record's directory offset, 16 bytes into it, moves back by what was cut.
    let end = rest.len() - 22;
    let offset = u32::from_le_bytes(rest[end + 16..end + 20].try_into().unwrap());
    rest[end + 16..end + 20].copy_from_slice(&(offset - moved as u32).to_le_bytes());
    short.extend(rest);
    let entries = Archive::open("x.zip", &short)
        .map(|a| a.entries().collect::<Vec<_>>())
        .unwrap();
    let why = entries[0].bytes.as_ref().unwrap_err();
    assert!(
        why.starts_with("cannot be unpacked from the zip: it is"),
        "{why}"
    );
}

#[test]
fn entries_read_into_one_reused_buffer_are_read_as_each_alone() {
    let text: Vec<u8> = (0..5_000u32)
        .flat_map(|i| format!("{{\"n\":{i}}}").into_bytes())
        .collect();
    let spaces = vec![b' '; 900];
    let mut bytes = zip_of(&[
        ("a-large.json", &text[..990], DEFLATED),
        ("b-small.json", b"{\"b\":1}", DEFLATED),
        ("c-stored.json", &text[..300], STORED),
        ("d-lies.json", &spaces, DEFLATED),
        ("e-bomb.json", &text, DEFLATED),
        ("f-broken.json", &text[..999], DEFLATED),
        ("g-last.json", b"{\"g\":1}", DEFLATED),
    ]);
    // d says it unpacks to 10 bytes (it is 900), e to 20 (it is far over the limit).
    lie_about_sizes(&mut bytes, "d-lies.json", 10);
    lie_about_sizes(&mut bytes, "e-bomb.json", 20);
    damage(&mut bytes, "f-broken.json", 100);
    let limits = Limits {
        entries: 10,
        entry_bytes: 1_000,
    };
    let mut archive = Archive::open_within("x.zip", &bytes, limits).unwrap();
    let alone: Vec<Result<Vec<u8>, String>> =
        (0..archive.len()).map(|i| archive.entry(i).bytes).collect();
    assert_eq!(alone[0].as_deref(), Ok(&text[..990]));
    assert_eq!(alone[3].as_deref(), Ok(&spaces[..]));
    assert!(alone[4].is_err() && alone[5].is_err());
    assert_eq!(alone[6].as_deref(), Ok(&b"{\"g\":1}"[..]));
    // In name order, backwards, and each after the largest: the same bytes or problem.
    let orders = [
        (0..7).collect::<Vec<usize>>(),
        (0..7).rev().collect(),
        (0..7).flat_map(|i| [0, i]).collect(),
        (0..7).flat_map(|i| [4, i]).collect(),
    ];
    for order in orders {
        let mut buffer = Vec::new();
        for i in order {
            let read = archive.read_into(i, &mut buffer).map(|()| buffer.clone());
            assert_eq!(read, alone[i], "entry {i}");
            if read.is_err() {
                assert!(buffer.is_empty());
            }
        }
    }
}

/// Bytes written to a file of their own, removed when dropped.
struct OnDisk(std::path::PathBuf);

impl OnDisk {
    fn new(bytes: &[u8]) -> OnDisk {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "plr-zipped-test-{}-{}.zip",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::write(&path, bytes).unwrap();
        OnDisk(path)
    }
}

impl Drop for OnDisk {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Every entry's name and bytes (or problem), read from memory and from a file on disk.
fn from_memory_and_disk(
    bytes: &[u8],
    limits: Limits,
) -> (
    Result<Vec<Entry>, ArchiveError>,
    Result<Vec<Entry>, ArchiveError>,
) {
    let memory = Archive::open_within("x.zip", bytes, limits).map(|a| a.entries().collect());
    let on_disk = OnDisk::new(bytes);
    let file = ZipFile::open(&on_disk.0).unwrap();
    let disk = Archive::over("x.zip", file, limits).map(|a| a.entries().collect());
    (memory, disk)
}

#[test]
fn a_zip_on_disk_reads_as_the_same_bytes_in_memory() {
    let text: Vec<u8> = (0..20_000u32)
        .flat_map(|i| format!("{{\"n\":{i}}}").into_bytes())
        .collect();
    let limits = Limits {
        entries: 1_000,
        entry_bytes: 100_000,
    };
    // Many entries, small and large (larger than the read-ahead window once compressed or
    // not), stored and deflated, in folders: every one the same from disk as from memory.
    let names: Vec<String> = (0..300)
        .map(|i| format!("m{}/e{i:03}.json", i % 7))
        .collect();
    let contents: Vec<Vec<u8>> = (0..300)
        .map(|i| text[..(i * 997) % text.len()].to_vec())
        .collect();
    let entries: Vec<(&str, &[u8], CompressionMethod)> = names
        .iter()
        .zip(&contents)
        .enumerate()
        .map(|(i, (name, content))| {
            let method = if i % 3 == 0 { STORED } else { DEFLATED };
            (name.as_str(), content.as_slice(), method)
        })
        .collect();
    let bytes = zip_of(&entries);
    let (memory, disk) = from_memory_and_disk(&bytes, limits);
    let memory = memory.unwrap();
    assert_eq!(memory.len(), 300);
    assert_eq!(
        memory.iter().filter(|e| e.bytes.is_ok()).count(),
        300 - contents.iter().filter(|c| c.len() > 100_000).count()
    );
    assert_eq!(disk.unwrap(), memory);

    // A bomb, a lie, damage, a cut, too many entries, not a zip: the same problems.
    let spaces = vec![b' '; 900];
    let mut hostile = zip_of(&[
        ("a.json", b"{\"a\":1}", DEFLATED),
        ("d-lies.json", &spaces, DEFLATED),
        ("e-bomb.json", &vec![b' '; 1_000_000], DEFLATED),
        ("f-broken.json", &text[..5_000], DEFLATED),
    ]);
    lie_about_sizes(&mut hostile, "d-lies.json", 10);
    lie_about_sizes(&mut hostile, "e-bomb.json", 20);
    damage(&mut hostile, "f-broken.json", 100);
    let (memory, disk) = from_memory_and_disk(&hostile, limits);
    let memory = memory.unwrap();
    assert!(memory[2].bytes.is_err() && memory[3].bytes.is_err());
    assert_eq!(disk.unwrap(), memory);
    let few = Limits {
        entries: 3,
        ..limits
    };
    let (memory, disk) = from_memory_and_disk(&hostile, few);
    assert_eq!(
        memory.as_ref().unwrap_err(),
        &ArchiveError::TooManyEntries(4, 3)
    );
    assert_eq!(disk.unwrap_err(), memory.unwrap_err());
    let (memory, disk) = from_memory_and_disk(&hostile[..hostile.len() / 2], limits);
    assert!(memory.is_err());
    assert_eq!(disk.unwrap_err(), memory.unwrap_err());
    let (memory, disk) = from_memory_and_disk(b"{\"format\": \"plr\"}", limits);
    assert!(memory.is_err());
    assert_eq!(disk.unwrap_err(), memory.unwrap_err());
}

#[test]
fn a_zip_file_that_cannot_be_opened_is_refused_saying_why() {
    let missing = std::env::temp_dir().join("plr-zipped-test-never-written.zip");
    let error = Archive::open_file("gone.zip", &missing).unwrap_err();
    assert!(
        error.to_string().starts_with("cannot read file: "),
        "{error}"
    );
}
