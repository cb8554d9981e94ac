//! The side table kept with each commit: which files are indexed, their size, time and
//! content hash (so unchanged files are skipped), and a summary of their records (what
//! `stats`, `topics` and `persons` count).
//!
//! On disk it is its own versioned binary format, read and written here field by field:
//! parsing megabytes of JSON made every read command slow at archive scale, and a
//! derived format would change whenever the record type does.

use crate::clipping::{Clipping, DateSource, Format, Person};
use crate::error::{Error, Result};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The first bytes of a manifest file.
const MAGIC: &[u8; 8] = b"MGMANIF\n";
/// Version of the layout written: each file's records as one length-prefixed block, so
/// they can be left unread, and a checksum at the end, since they are checked only when
/// read.
const VERSION: u32 = 2;
/// The first layout (records inline, no checksum): still read, never written.
const VERSION_INLINE: u32 = 1;

/// A summary of one indexed record, enough for `stats` and `topics` without the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordSummary {
    /// Article id.
    pub id: String,
    /// Publication date.
    pub date: NaiveDate,
    /// Where the date came from.
    pub date_source: DateSource,
    /// Input format.
    pub format: Format,
    /// Topics as written.
    pub topics: Vec<String>,
    /// Number of passages.
    pub passages: usize,
    /// Persons named, with their aliases and roles.
    pub persons: Vec<Person>,
}

impl RecordSummary {
    /// Summarizes `clipping`.
    pub fn new(clipping: &Clipping) -> Self {
        RecordSummary {
            id: clipping.id.clone(),
            date: clipping.date,
            date_source: clipping.date_source,
            format: clipping.format,
            topics: clipping.topics.clone(),
            passages: clipping.passages.len(),
            persons: clipping.persons.clone(),
        }
    }
}

/// What the index holds for one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    /// Path as given or found when it was indexed.
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub modified_ns: u128,
    /// Content hash (xxh3-128).
    pub hash: u128,
    /// Records read from the file.
    pub records: Records,
}

/// A file's record summaries, decoded only when asked for: a re-ingest looks at every
/// file's size, time and hash, and at the records of only the files that changed.
#[derive(Debug, Clone, Default)]
pub struct Records {
    /// The manifest's bytes and where this file's records lie in them, until decoded.
    encoded: Option<(Arc<[u8]>, Range<usize>)>,
    decoded: OnceLock<Vec<RecordSummary>>,
}

impl Records {
    /// The summaries. A block that cannot be read gives none; the manifest's checksum
    /// was verified when it was loaded, so that takes a bug, not a damaged file.
    pub fn get(&self) -> &[RecordSummary] {
        self.decoded.get_or_init(|| {
            self.encoded
                .as_ref()
                .and_then(|(bytes, range)| decode_records(bytes.get(range.clone())?))
                .unwrap_or_default()
        })
    }

    /// The summaries kept as their encoded block only: a whole ingest's worth of decoded
    /// summaries (names, aliases, roles, topics as separate strings) takes several times
    /// the memory of the block.
    pub fn packed(records: &[RecordSummary]) -> Records {
        let mut block = Encoder(Vec::new());
        block.records(records);
        let len = block.0.len();
        Records {
            encoded: Some((Arc::from(block.0), 0..len)),
            decoded: OnceLock::new(),
        }
    }

    /// Calls `f` with the summaries. A block not yet decoded is decoded for this call
    /// alone and not kept, so that a pass over every file holds one file's at a time.
    pub fn with<T>(&self, f: impl FnOnce(&[RecordSummary]) -> T) -> T {
        match (self.decoded.get(), &self.encoded) {
            (None, Some((bytes, range))) => {
                let records = bytes
                    .get(range.clone())
                    .and_then(decode_records)
                    .unwrap_or_default();
                f(&records)
            }
            _ => f(self.get()),
        }
    }

    /// The block as written, when the summaries were never decoded (written back as is).
    fn undecoded(&self) -> Option<&[u8]> {
        match (&self.encoded, self.decoded.get()) {
            (Some((bytes, range)), None) => bytes.get(range.clone()),
            _ => None,
        }
    }
}

impl From<Vec<RecordSummary>> for Records {
    fn from(records: Vec<RecordSummary>) -> Self {
        Records {
            encoded: None,
            decoded: OnceLock::from(records),
        }
    }
}

impl PartialEq for Records {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for Records {}

/// Every indexed file, by canonical path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    /// Files by canonical path.
    pub files: BTreeMap<String, FileEntry>,
    /// The number the next article added gets: numbers are handed out in order and never
    /// reused, so they pack small in the index and stay unique.
    pub next_article: u64,
}

impl Manifest {
    /// A new article number.
    pub fn take_article_number(&mut self) -> u64 {
        self.next_article += 1;
        self.next_article
    }
}

impl Manifest {
    /// Calls `f` with every record summary in file order, decoding as it goes and
    /// keeping nothing decoded: for passes over the whole archive.
    pub fn for_each_record(&self, mut f: impl FnMut(&RecordSummary)) {
        for entry in self.files.values() {
            entry
                .records
                .with(|records| records.iter().for_each(&mut f));
        }
    }

    /// Every record summary, in file order (each file's decoded once and kept).
    pub fn records(&self) -> impl Iterator<Item = &RecordSummary> {
        self.files
            .values()
            .flat_map(|entry| entry.records.get().iter())
    }
}

/// The manifest file for commit generation `generation`.
pub fn manifest_path(dir: &Path, generation: u64) -> PathBuf {
    dir.join(format!("manifest-{generation}.bin"))
}

/// Reads the manifest of `generation`; generation 0 is the empty manifest of a new index.
pub fn load(dir: &Path, generation: u64) -> Result<Manifest> {
    let path = manifest_path(dir, generation);
    if generation == 0 && !path.exists() {
        return Ok(Manifest::default());
    }
    let bytes = read_shared(&path).map_err(|e| Error::io(&path, e))?;
    decode_shared(bytes).ok_or_else(|| Error::Damaged(format!("{} is damaged", path.display())))
}

/// The file's bytes in one shared buffer, read in place: reading into a vector and
/// sharing a copy of it held the manifest twice (hundreds of megabytes at a million
/// files) while it was decoded.
fn read_shared(path: &Path) -> std::io::Result<Arc<[u8]>> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let len = usize::try_from(file.metadata()?.len()).unwrap_or(usize::MAX);
    let mut bytes: Arc<[u8]> = std::iter::repeat_n(0u8, len).collect();
    let buffer = Arc::get_mut(&mut bytes).expect("a new buffer has one owner");
    file.read_exact(buffer)?;
    // A manifest is written whole before its commit and never appended to, so a file
    // that grew since its size was read is damaged, and its checksum will say so.
    Ok(bytes)
}

/// Writes the manifest of `generation` durably, before the commit that refers to it.
pub fn save(dir: &Path, generation: u64, manifest: &Manifest) -> Result<()> {
    let path = manifest_path(dir, generation);
    let write = || -> std::io::Result<()> {
        use std::io::Write;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&path)?);
        write_manifest(manifest, &mut out)?;
        out.flush()?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()
    };
    write().map_err(|e| Error::io(&path, e))
}

/// The summary file kept with commit generation `generation`.
fn summary_path(dir: &Path, generation: u64) -> PathBuf {
    dir.join(format!("summary-{generation}.bin"))
}

/// Writes the summary bytes of `generation` durably, before the commit that refers to it.
pub fn save_summary(dir: &Path, generation: u64, bytes: &[u8]) -> Result<()> {
    let path = summary_path(dir, generation);
    let write = || -> std::io::Result<()> {
        use std::io::Write;
        let mut file = std::fs::File::create(&path)?;
        file.write_all(bytes)?;
        file.sync_all()
    };
    write().map_err(|e| Error::io(&path, e))
}

/// The summary bytes of `generation`, when there are any.
pub fn load_summary(dir: &Path, generation: u64) -> Result<Option<Vec<u8>>> {
    let path = summary_path(dir, generation);
    match std::fs::read(&path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(&path, e)),
    }
}

/// Removes manifests and summaries of generations other than `keep`, once `keep` is
/// committed.
pub fn remove_others(dir: &Path, keep: u64) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let generation = name
            .strip_prefix("manifest-")
            .or_else(|| name.strip_prefix("summary-"))
            .and_then(|rest| rest.split_once('.'))
            .and_then(|(n, _)| n.parse::<u64>().ok());
        if generation.is_some_and(|g| g != keep) {
            // A leftover manifest only wastes space; failing to remove it is harmless.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The manifest as bytes: the magic, the version, then every file with its records as
/// one length-prefixed block, numbers as LEB128 varints and strings length-prefixed,
/// then an xxh3 checksum of all that.
pub fn encode(manifest: &Manifest) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * manifest.files.len() + 64);
    write_manifest(manifest, &mut out).expect("writing to memory cannot fail");
    out
}

/// [`encode`] written out file by file, the checksum computed as it goes: building a
/// million files' manifest in memory first cost hundreds of megabytes at every commit.
fn write_manifest(manifest: &Manifest, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut checksum = xxhash_rust::xxh3::Xxh3Default::new();
    let mut put = |bytes: &[u8]| {
        checksum.update(bytes);
        out.write_all(bytes)
    };
    let mut piece = Encoder(Vec::new());
    piece.0.extend_from_slice(MAGIC);
    piece.0.extend_from_slice(&VERSION.to_le_bytes());
    piece.number(manifest.next_article);
    piece.number(manifest.files.len() as u64);
    put(&piece.0)?;
    let mut block = Encoder(Vec::new());
    for (key, file) in &manifest.files {
        piece.0.clear();
        piece.text(key);
        piece.text(&file.path);
        piece.number(file.size);
        piece.0.extend_from_slice(&file.modified_ns.to_le_bytes());
        piece.0.extend_from_slice(&file.hash.to_le_bytes());
        let bytes = match file.records.undecoded() {
            Some(bytes) => bytes,
            None => {
                block.0.clear();
                block.records(file.records.get());
                &block.0
            }
        };
        piece.number(bytes.len() as u64);
        put(&piece.0)?;
        put(bytes)?;
    }
    let sum = checksum.digest();
    out.write_all(&sum.to_le_bytes())
}

/// Reads [`encode`]'s output (or the first layout's); `None` for anything else.
pub fn decode(bytes: &[u8]) -> Option<Manifest> {
    decode_shared(Arc::from(bytes))
}

/// [`decode`] of bytes already shared: each file's records keep a reference to them.
fn decode_shared(bytes: Arc<[u8]>) -> Option<Manifest> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (version, _) = rest.split_at_checked(4)?;
    match u32::from_le_bytes(version.try_into().ok()?) {
        VERSION => decode_blocks(&bytes),
        VERSION_INLINE => decode_inline(&rest[4..]),
        _ => None,
    }
}

fn decode_blocks(shared: &Arc<[u8]>) -> Option<Manifest> {
    let body_len = shared.len().checked_sub(8)?;
    let (body, checksum) = shared.split_at_checked(body_len)?;
    if xxhash_rust::xxh3::xxh3_64(body).to_le_bytes() != checksum {
        return None;
    }
    let start = MAGIC.len() + 4;
    decode_files(Decoder(shared.get(start..body_len)?), |input| {
        let len = usize::try_from(input.number()?).ok()?;
        let at = body_len - input.0.len();
        input.0 = input.0.get(len..)?;
        Some(Records {
            encoded: Some((Arc::clone(shared), at..at + len)),
            decoded: OnceLock::new(),
        })
    })
}

fn decode_inline(rest: &[u8]) -> Option<Manifest> {
    decode_files(Decoder(rest), |input| input.records().map(Records::from))
}

/// The article counter and every file, each file's records read by `records` (a block
/// left for later, or records inline).
fn decode_files<'a>(
    mut input: Decoder<'a>,
    mut records: impl FnMut(&mut Decoder<'a>) -> Option<Records>,
) -> Option<Manifest> {
    let next_article = input.number()?;
    let mut files = BTreeMap::new();
    for _ in 0..input.number()? {
        let key = input.text()?;
        let entry = FileEntry {
            path: input.text()?,
            size: input.number()?,
            modified_ns: input.u128()?,
            hash: input.u128()?,
            records: records(&mut input)?,
        };
        files.insert(key, entry);
    }
    input.0.is_empty().then_some(Manifest {
        files,
        next_article,
    })
}

/// One file's block of records.
fn decode_records(block: &[u8]) -> Option<Vec<RecordSummary>> {
    let mut input = Decoder(block);
    let records = input.records()?;
    input.0.is_empty().then_some(records)
}

struct Encoder(Vec<u8>);

impl Encoder {
    fn number(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }

    fn text(&mut self, text: &str) {
        self.number(text.len() as u64);
        self.0.extend_from_slice(text.as_bytes());
    }

    fn texts(&mut self, texts: &[String]) {
        self.number(texts.len() as u64);
        for text in texts {
            self.text(text);
        }
    }

    fn records(&mut self, records: &[RecordSummary]) {
        self.number(records.len() as u64);
        for record in records {
            self.record(record);
        }
    }

    fn record(&mut self, record: &RecordSummary) {
        self.text(&record.id);
        self.number(u64::try_from(record.date.num_days_from_ce()).unwrap_or(0));
        self.0.push(date_source_code(record.date_source));
        self.0.push(format_code(record.format));
        self.texts(&record.topics);
        self.number(record.passages as u64);
        self.number(record.persons.len() as u64);
        for person in &record.persons {
            self.text(&person.name);
            self.texts(&person.aliases);
            self.texts(&person.roles);
            self.number(person.mentions as u64);
        }
    }
}

struct Decoder<'a>(&'a [u8]);

impl Decoder<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    fn number(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn u128(&mut self) -> Option<u128> {
        let (bytes, rest) = self.0.split_at_checked(16)?;
        self.0 = rest;
        Some(u128::from_le_bytes(bytes.try_into().ok()?))
    }

    fn text(&mut self) -> Option<String> {
        let len = usize::try_from(self.number()?).ok()?;
        let (bytes, rest) = self.0.split_at_checked(len)?;
        self.0 = rest;
        String::from_utf8(bytes.to_vec()).ok()
    }

    fn texts(&mut self) -> Option<Vec<String>> {
        (0..self.number()?).map(|_| self.text()).collect()
    }

    fn records(&mut self) -> Option<Vec<RecordSummary>> {
        (0..self.number()?).map(|_| self.record()).collect()
    }

    fn record(&mut self) -> Option<RecordSummary> {
        let id = self.text()?;
        let days = i32::try_from(self.number()?).ok()?;
        let date = NaiveDate::from_num_days_from_ce_opt(days)?;
        let date_source = date_source_of(self.byte()?)?;
        let format = format_of(self.byte()?)?;
        let topics = self.texts()?;
        let passages = usize::try_from(self.number()?).ok()?;
        let persons = (0..self.number()?)
            .map(|_| {
                Some(Person {
                    name: self.text()?,
                    aliases: self.texts()?,
                    roles: self.texts()?,
                    mentions: usize::try_from(self.number()?).ok()?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(RecordSummary {
            id,
            date,
            date_source,
            format,
            topics,
            passages,
            persons,
        })
    }
}

/// Codes of the date sources on disk; fixed, whatever order the enum has.
const DATE_SOURCES: [(DateSource, u8); 4] = [
    (DateSource::Metadata, 0),
    (DateSource::Text, 1),
    (DateSource::Filename, 2),
    (DateSource::Mtime, 3),
];

fn date_source_code(source: DateSource) -> u8 {
    DATE_SOURCES
        .iter()
        .find(|(s, _)| *s == source)
        .map_or(3, |&(_, code)| code)
}

fn date_source_of(code: u8) -> Option<DateSource> {
    DATE_SOURCES
        .iter()
        .find(|(_, c)| *c == code)
        .map(|&(s, _)| s)
}

/// Formats are stored by name: the list grows with every reader.
fn format_code(format: Format) -> u8 {
    Format::ALL
        .iter()
        .position(|f| *f == format)
        .map_or(0, |i| i as u8)
}

fn format_of(code: u8) -> Option<Format> {
    Format::ALL.get(usize::from(code)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Manifest {
        let record = RecordSummary {
            id: "0123456789abcdef".to_string(),
            date: NaiveDate::from_ymd_opt(1987, 10, 19).unwrap(),
            date_source: DateSource::Text,
            format: Format::Html,
            topics: vec!["Markets".to_string(), "Économie".to_string()],
            passages: 12,
            persons: vec![Person {
                name: "William Orrick".to_string(),
                aliases: vec!["Orrick".to_string(), "Judge William Orrick".to_string()],
                roles: vec!["judge".to_string()],
                mentions: 3,
            }],
        };
        let mut files = BTreeMap::new();
        files.insert(
            "/archive/a.html".to_string(),
            FileEntry {
                path: "archive/a.html".to_string(),
                size: 123_456,
                modified_ns: 1_745_884_800_123_456_789,
                hash: u128::MAX - 7,
                records: vec![record.clone(), record].into(),
            },
        );
        Manifest {
            files,
            next_article: 41,
        }
    }

    #[test]
    fn packed_records_are_read_without_being_kept_decoded() {
        let manifest = sample();
        let records = manifest
            .files
            .values()
            .next()
            .unwrap()
            .records
            .get()
            .to_vec();
        let packed = Records::packed(&records);
        assert_eq!(packed.with(|r| r.to_vec()), records);
        // `with` left the block as it was: it is written back without being re-encoded.
        assert!(packed.undecoded().is_some());
        let mut seen = Vec::new();
        let mut packed_manifest = manifest.clone();
        packed_manifest.files.values_mut().next().unwrap().records = packed;
        packed_manifest.for_each_record(|r| seen.push(r.persons[0].name.clone()));
        assert_eq!(seen, ["William Orrick", "William Orrick"]);
        assert_eq!(encode(&packed_manifest), encode(&manifest));
        assert_eq!(decode(&encode(&packed_manifest)), Some(manifest));
    }

    #[test]
    fn manifests_round_trip_and_damage_is_refused() {
        let manifest = sample();
        let bytes = encode(&manifest);
        assert_eq!(decode(&bytes), Some(manifest));
        assert_eq!(
            decode(&encode(&Manifest::default())),
            Some(Manifest::default())
        );
        // Every truncation, a wrong version and trailing bytes are refused, not misread.
        for cut in 0..bytes.len() {
            assert_eq!(decode(&bytes[..cut]), None, "cut at {cut}");
        }
        let mut other_version = bytes.clone();
        other_version[8] = 9;
        assert_eq!(decode(&other_version), None);
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer), None);
        // A changed byte inside a file's block of records is caught when the manifest is
        // loaded, though the block itself is read only later.
        let mut flipped = bytes.clone();
        let inside = bytes.len() - 20;
        flipped[inside] ^= 0x10;
        assert_eq!(decode(&flipped), None);
    }

    #[test]
    fn a_saved_manifest_loads_from_its_file_and_a_damaged_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut manifest = sample();
        // Three files whose records differ, so that each must be read from its own place.
        let first = manifest.files.values().next().unwrap().clone();
        for (n, name) in ["b", "c"].into_iter().enumerate() {
            let mut records = first.records.get().to_vec();
            records.truncate(n + 1);
            records[0].passages = 100 + n;
            records[0].topics.push(format!("Topic {name}"));
            let entry = FileEntry {
                records: records.into(),
                ..first.clone()
            };
            manifest
                .files
                .insert(format!("/archive/{name}.html"), entry);
        }
        save(dir.path(), 3, &manifest).unwrap();
        let loaded = load(dir.path(), 3).unwrap();
        assert_eq!(loaded, manifest);
        // Every file's records come from their own place in the shared bytes.
        for (key, entry) in &manifest.files {
            assert_eq!(
                loaded.files[key].records.get(),
                entry.records.get(),
                "{key}"
            );
        }
        let path = manifest_path(dir.path(), 3);
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 1]).unwrap();
        assert!(matches!(load(dir.path(), 3), Err(Error::Damaged(_))));
        std::fs::write(&path, &bytes[..14]).unwrap();
        assert!(matches!(load(dir.path(), 3), Err(Error::Damaged(_))));
    }

    #[test]
    fn records_left_unread_are_written_back_as_they_were() {
        let bytes = encode(&sample());
        let loaded = decode(&bytes).unwrap();
        let entry = loaded.files.values().next().unwrap();
        assert!(entry.records.undecoded().is_some());
        assert_eq!(encode(&loaded), bytes);
        assert_eq!(entry.records.get()[0].persons[0].name, "William Orrick");
        assert!(entry.records.undecoded().is_none());
        assert_eq!(encode(&loaded), bytes);
    }

    #[test]
    fn the_first_layout_is_still_read() {
        let manifest = sample();
        let mut old = Encoder(Vec::new());
        old.0.extend_from_slice(MAGIC);
        old.0.extend_from_slice(&VERSION_INLINE.to_le_bytes());
        old.number(manifest.next_article);
        old.number(manifest.files.len() as u64);
        for (key, file) in &manifest.files {
            old.text(key);
            old.text(&file.path);
            old.number(file.size);
            old.0.extend_from_slice(&file.modified_ns.to_le_bytes());
            old.0.extend_from_slice(&file.hash.to_le_bytes());
            old.records(file.records.get());
        }
        assert_eq!(decode(&old.0), Some(manifest));
    }
}
