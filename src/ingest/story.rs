//! Groups near-identical copies of one story (wire reprints, the same file saved twice):
//! MinHash signatures over word shingles, and a banded index to find copies quickly.

use crate::fasthash::lowercase_hash;
use crate::words::Words;

/// Number of values (bins) in a signature: enough that a reprint with a cut paragraph
/// or a few edited words (Jaccard 0.4–0.6) shares a band with its original almost always.
pub const SIGNATURE_LEN: usize = 128;
/// Words per shingle: long enough that two different reports of one event share few,
/// short enough that a brief still has some. Every record uses the same size, so any two
/// can be compared.
const SHINGLE_WORDS: usize = 3;
/// Rows per band: two signature values must agree for two records to be compared at all.
const BAND_ROWS: usize = 3;
/// Share of the smaller record's shingles found in the larger one above which two records
/// are one story: a copy with its last paragraph cut is still contained in the original.
pub const SAME_STORY: f64 = 0.9;
/// Least estimated Jaccard similarity for one story, so that a one-line brief is not
/// taken for a copy of every long report that quotes it.
const MIN_JACCARD: f64 = 0.3;
/// Below this many words of text, the title's words join the shingles: formulaic briefs
/// ("Qtly div 25 cts vs 25 cts prior") differ only by their headlines.
const SHORT_TEXT_WORDS: usize = 50;

/// Least share of title words two short texts must have in common to be one story.
const SHORT_TITLE_OVERLAP: f64 = 0.5;
/// Names and figures kept per record (the smallest hashes: a bottom-k sketch).
const ENTITY_SKETCH: usize = 32;
/// Title words kept per short record.
const MAX_TITLE_WORDS: usize = 32;
/// Records with fewer names than this are judged by their wording and figures alone.
const MIN_NAMES: usize = 3;
/// Least share of the smaller record's names the other must have.
const SAME_NAMES: f64 = 0.5;
/// Least share of the smaller record's figures the other must have: a reprint keeps its
/// figures; a report written from a template changes them.
const SAME_FIGURES: f64 = 0.8;
/// A reprint whose wording was edited (a cut paragraph and an added one, house style,
/// "says" for "said") shares less of its wording than a plain copy...
const EDITED_COPY: f64 = 0.6;
/// ...but keeps nearly all of its names and figures...
const EDITED_COPY_NAMES: f64 = 0.8;
/// ...and shares more of its wording with the original than two reports of one event
/// that quote the same list of names do.
const EDITED_COPY_JACCARD: f64 = 0.45;

/// A MinHash signature of a record's text, with the number of distinct shingles it
/// summarizes, sketches of its names and figures and, for short texts, the hashes of
/// its title words.
///
/// Only the low byte of each minimum is kept (b-bit MinHash): two different minimums
/// agree by chance once in 256, which the similarity estimate corrects for, and a
/// signature takes about 200 bytes on disk instead of a kilobyte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// The low byte of the least hash value in each bin.
    pub minimums: [u8; SIGNATURE_LEN],
    /// How many distinct shingles the text has.
    pub shingles: u32,
    /// Sorted hashes of the title's words; empty for texts long enough to speak for
    /// themselves.
    pub title_words: Vec<u16>,
    /// How many distinct names (capitalised words inside sentences) the text has.
    pub names: u16,
    /// The smallest hashes of its names, sorted.
    pub name_sketch: Vec<u16>,
    /// How many distinct figures (numbers, in digits or words) the text has.
    pub figures: u16,
    /// The smallest hashes of its figures, sorted.
    pub figure_sketch: Vec<u16>,
}

/// A 64-bit mixer (SplitMix64's finalizer): spreads nearby inputs over all bits.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d049bb133111eb);
    x ^ (x >> 31)
}

/// Seed of the shingles' hash, fixed so signatures stay comparable across runs.
const SEED_A: u64 = 0x6d6f_7267_7565_0001;

/// Hashes of the lower-cased words of `text`.
fn word_hashes(text: &str) -> impl Iterator<Item = u64> + '_ {
    Words::of(text).map(|w| lowercase_hash(text.get(w.start..w.end).unwrap_or_default()))
}

/// True for a number word ("twelve", "Million"); ASCII words are compared without
/// allocating, as this runs for every word.
fn is_number_word(word: &str) -> bool {
    if word.is_ascii() {
        is_ascii_number_word(word.as_bytes())
    } else {
        NUMBER_WORDS.contains(&word.to_lowercase().as_str())
    }
}

/// [`is_number_word`] of an ASCII word. Most words are ruled out by their length or first
/// letter; the rest are lowered on the stack and matched in one step rather than against
/// each number word in turn.
#[inline]
fn is_ascii_number_word(word: &[u8]) -> bool {
    let first = word.first().map(u8::to_ascii_lowercase);
    if !(3..=MAX_NUMBER_WORD).contains(&word.len())
        || !first.is_some_and(|f| NUMBER_WORD_INITIALS.contains(&f))
    {
        return false;
    }
    let mut lower = [0u8; MAX_NUMBER_WORD];
    let lower = &mut lower[..word.len()];
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"one"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"seven"
            | b"eight"
            | b"nine"
            | b"ten"
            | b"eleven"
            | b"twelve"
            | b"twenty"
            | b"thirty"
            | b"forty"
            | b"fifty"
            | b"hundred"
            | b"thousand"
            | b"million"
            | b"billion"
            | b"half"
            | b"quarter"
    )
}

/// The longest of [`NUMBER_WORDS`].
const MAX_NUMBER_WORD: usize = 8;

/// Hashes of the `size`-word shingles of a list of words (the words themselves when fewer).
fn shingles_of(words: &[u64], size: usize) -> Vec<u64> {
    if words.len() < size {
        return words.to_vec();
    }
    words
        .windows(size)
        .map(|window| {
            window
                .iter()
                .fold(0u64, |acc, &w| mix(acc.rotate_left(17) ^ w))
        })
        .collect()
}

/// Bits of a shingle's hash that choose its bin: one bin per signature value.
const BIN_BITS: u32 = SIGNATURE_LEN.trailing_zeros();
/// Marks a bin no shingle fell in; no hash value reaches it, as values keep
/// `64 - BIN_BITS` bits.
const EMPTY_BIN: u64 = u64::MAX;
/// Seed of the fixed sequence an empty bin follows to find a filled one.
const SEED_DONOR: u64 = 0x6d6f_7267_7565_0003;

/// The signature's values by one-permutation hashing: each shingle is hashed once, its
/// hash's top bits choose a bin and the rest is its value; each bin keeps its least
/// value. A bin no shingle fell in takes the value of the first filled bin in a fixed
/// pseudo-random sequence of its own (optimal densification), so two records agree in a
/// bin with a probability equal to the Jaccard similarity of their shingles, as with
/// one hash function per value, at one hash per shingle instead of 128.
fn one_permutation_minimums(shingles: &[u64]) -> [u64; SIGNATURE_LEN] {
    let mut bins = [EMPTY_BIN; SIGNATURE_LEN];
    for &shingle in shingles {
        let hash = mix(shingle ^ SEED_A);
        let bin = (hash >> (64 - BIN_BITS)) as usize;
        let value = hash & (EMPTY_BIN >> BIN_BITS);
        bins[bin] = bins[bin].min(value);
    }
    if shingles.is_empty() {
        return bins;
    }
    let filled = bins;
    for (bin, value) in bins.iter_mut().enumerate() {
        if *value == EMPTY_BIN {
            *value = filled[donor(&filled, bin)];
        }
    }
    bins
}

/// The filled bin an empty `bin` borrows from: the first filled one in a sequence that
/// depends only on `bin`, so that records with the same bins filled borrow alike. Some
/// bin is filled; after 4,096 tries (missed once in e^32 with one bin of 128 filled)
/// the next filled bin in order is taken, so the walk always ends.
fn donor(bins: &[u64; SIGNATURE_LEN], bin: usize) -> usize {
    const TRIES: u64 = 4096;
    (0..TRIES)
        .map(|attempt| {
            let hash = mix(SEED_DONOR ^ ((bin as u64) << 32 | attempt));
            (hash >> (64 - BIN_BITS)) as usize
        })
        .find(|&candidate| bins[candidate] != EMPTY_BIN)
        .unwrap_or_else(|| {
            (1..SIGNATURE_LEN)
                .map(|step| (bin + step) % SIGNATURE_LEN)
                .find(|&candidate| bins[candidate] != EMPTY_BIN)
                .unwrap_or(bin)
        })
}

/// The first letters of [`NUMBER_WORDS`].
const NUMBER_WORD_INITIALS: &[u8] = b"otfsenhmbq";

/// `raw` without the punctuation around it; most words have none, and are checked
/// byte-wise.
fn trimmed(raw: &str) -> &str {
    let bytes = raw.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(a), Some(b)) if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() => raw,
        _ => raw.trim_matches(|c: char| !c.is_alphanumeric()),
    }
}

/// Number words that state figures as digits do.
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion",
    "half", "quarter",
];

/// Hashes of a text's names (capitalised words that do not open a sentence) and of its
/// figures (words with a digit, and number words), each sorted without repeats.
fn names_and_figures(passages: &[String]) -> (Vec<u16>, Vec<u16>) {
    let (mut names, mut figures) = (Vec::new(), Vec::new());
    for passage in passages {
        // Most passages are ASCII: read them byte by byte, without decoding characters.
        if passage.is_ascii() {
            ascii_names_and_figures(passage, &mut names, &mut figures);
        } else {
            any_names_and_figures(passage, &mut names, &mut figures);
        }
    }
    for list in [&mut names, &mut figures] {
        list.sort_unstable();
        list.dedup();
    }
    (names, figures)
}

/// The top bits of a word's hash: what name and figure sketches keep.
fn short_hash(word: &str) -> u16 {
    (lowercase_hash(word) >> 48) as u16
}

/// Ends a sentence, for names: a word after it may be capitalised for that alone.
const SENTENCE_ENDS: [char; 4] = ['.', '!', '?', ':'];

/// [`names_and_figures`] of one passage in any script.
fn any_names_and_figures(passage: &str, names: &mut Vec<u16>, figures: &mut Vec<u16>) {
    let mut sentence_start = true;
    for raw in passage.split_whitespace() {
        let word = trimmed(raw);
        if word.bytes().any(|b| b.is_ascii_digit()) || is_number_word(word) {
            figures.push(short_hash(word));
        } else if !sentence_start && word.chars().next().is_some_and(char::is_uppercase) {
            names.push(short_hash(word));
        }
        if !word.is_empty() {
            sentence_start = raw.ends_with(SENTENCE_ENDS);
        }
    }
}

/// [`any_names_and_figures`] for an ASCII passage, the same answer read on bytes in one
/// pass over each word: the white space `split_whitespace` splits ASCII text at is tab,
/// line feed, vertical tab, form feed, carriage return and space.
fn ascii_names_and_figures(passage: &str, names: &mut Vec<u16>, figures: &mut Vec<u16>) {
    let bytes = passage.as_bytes();
    let is_space = |b: u8| b <= b' ' && (b == b' ' || (b'\t'..=b'\r').contains(&b));
    let mut sentence_start = true;
    let mut at = 0;
    while at < bytes.len() {
        if is_space(bytes[at]) {
            at += 1;
            continue;
        }
        // The word is the raw piece less the punctuation around it: from its first
        // letter or digit to its last.
        let (mut first, mut last, mut digit) = (None, 0, false);
        while at < bytes.len() && !is_space(bytes[at]) {
            let b = bytes[at];
            if b.is_ascii_alphanumeric() {
                first.get_or_insert(at);
                last = at;
                digit |= b.is_ascii_digit();
            }
            at += 1;
        }
        let Some(first) = first else {
            continue;
        };
        let word = passage.get(first..=last).unwrap_or_default();
        if digit || is_ascii_number_word(word.as_bytes()) {
            figures.push(short_hash(word));
        } else if !sentence_start && bytes[first].is_ascii_uppercase() {
            names.push(short_hash(word));
        }
        sentence_start = matches!(bytes[at - 1], b'.' | b'!' | b'?' | b':');
    }
}

/// Computes the signature of a record from its passages (and its title, when the text is
/// short).
pub fn signature(title: &str, passages: &[String]) -> Signature {
    let words: Vec<u64> = passages.iter().flat_map(|p| word_hashes(p)).collect();
    let short = words.len() < SHORT_TEXT_WORDS;
    let mut shingles = shingles_of(&words, SHINGLE_WORDS);
    let mut title_words: Vec<u16> = Vec::new();
    if short {
        title_words = word_hashes(title).map(|h| (h >> 48) as u16).collect();
        title_words.sort_unstable();
        title_words.dedup();
        title_words.truncate(MAX_TITLE_WORDS);
    }
    shingles.sort_unstable();
    shingles.dedup();
    let minimums = one_permutation_minimums(&shingles);
    let (names, figures) = names_and_figures(passages);
    let count = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    Signature {
        minimums: minimums.map(|m| m as u8),
        shingles: shingles.len() as u32,
        title_words,
        names: count(names.len()),
        name_sketch: names.into_iter().take(ENTITY_SKETCH).collect(),
        figures: count(figures.len()),
        figure_sketch: figures.into_iter().take(ENTITY_SKETCH).collect(),
    }
}

/// Estimated share of the smaller set found in the larger, from two bottom-k sketches
/// of sorted hashes and the two sets' sizes.
fn sketch_containment(a: &[u16], a_len: u16, b: &[u16], b_len: u16) -> f64 {
    // Small sets are kept whole: count exactly.
    if a.len() == a_len as usize && b.len() == b_len as usize {
        let smaller = a.len().min(b.len()).max(1);
        let both = a.iter().filter(|h| b.binary_search(h).is_ok()).count();
        return both as f64 / smaller as f64;
    }
    // The k smallest hashes of the union, and how many of them both sets hold.
    let k = a.len().min(b.len());
    if k == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut seen, mut both) = (0, 0, 0, 0);
    while seen < k && (i < a.len() || j < b.len()) {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                both += 1;
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => i += 1,
            (Some(_), None) => i += 1,
            _ => j += 1,
        }
        seen += 1;
    }
    let jaccard = both as f64 / seen as f64;
    let (a_len, b_len) = (f64::from(a_len), f64::from(b_len));
    (jaccard * (a_len + b_len) / (1.0 + jaccard) / a_len.min(b_len).max(1.0)).min(1.0)
}

/// Jaccard similarity of two sorted, distinct lists.
fn overlap(a: &[u16], b: &[u16]) -> f64 {
    let (mut i, mut j, mut same) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                same += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - same;
    if union == 0 {
        1.0
    } else {
        same as f64 / union as f64
    }
}

impl Signature {
    /// Estimated Jaccard similarity of the two records' shingle sets, corrected for the
    /// one-in-256 chance that two different minimums share their low byte.
    pub fn similarity(&self, other: &Signature) -> f64 {
        const CHANCE: f64 = 1.0 / 256.0;
        let same = self
            .minimums
            .iter()
            .zip(other.minimums.iter())
            .filter(|(a, b)| a == b)
            .count();
        let agreeing = same as f64 / SIGNATURE_LEN as f64;
        ((agreeing - CHANCE) / (1.0 - CHANCE)).clamp(0.0, 1.0)
    }

    /// Estimated share of the smaller record's shingles that the larger one also has.
    pub fn containment(&self, other: &Signature) -> f64 {
        let jaccard = self.similarity(other);
        let (a, b) = (f64::from(self.shingles), f64::from(other.shingles));
        let smaller = a.min(b).max(1.0);
        (jaccard * (a + b) / (1.0 + jaccard) / smaller).min(1.0)
    }

    /// Estimated share of the smaller record's names the other also has; `None` when
    /// either has too few to judge by.
    pub fn name_containment(&self, other: &Signature) -> Option<f64> {
        let enough = |s: &Signature| s.names as usize >= MIN_NAMES;
        (enough(self) && enough(other)).then(|| {
            sketch_containment(
                &self.name_sketch,
                self.names,
                &other.name_sketch,
                other.names,
            )
        })
    }

    /// Estimated share of the smaller record's figures the other also has; `None` when
    /// either states none.
    pub fn figure_containment(&self, other: &Signature) -> Option<f64> {
        (self.figures > 0 && other.figures > 0).then(|| {
            sketch_containment(
                &self.figure_sketch,
                self.figures,
                &other.figure_sketch,
                other.figures,
            )
        })
    }

    /// True when the two records are copies of one story: nearly all of the shorter
    /// one's wording is in the other, or most of it with nearly all of its names (an
    /// edited reprint). Records whose figures or names differ are never one story,
    /// however alike their wording: stories written from a template (weather, court
    /// lists, results, market reports) differ exactly there. Short texts (formulaic
    /// briefs) must also share most title words.
    pub fn same_story(&self, other: &Signature) -> bool {
        let titles_agree = self.title_words.is_empty()
            || other.title_words.is_empty()
            || overlap(&self.title_words, &other.title_words) >= SHORT_TITLE_OVERLAP;
        let jaccard = self.similarity(other);
        if !titles_agree || jaccard < MIN_JACCARD {
            return false;
        }
        let figures = self.figure_containment(other);
        let names = self.name_containment(other);
        if figures.is_some_and(|f| f < SAME_FIGURES) || names.is_some_and(|n| n < SAME_NAMES) {
            return false;
        }
        let wording = self.containment(other);
        let keeps_names_and_figures = (names.is_some() || figures.is_some())
            && names.is_none_or(|n| n >= EDITED_COPY_NAMES)
            && figures.is_none_or(|f| f >= EDITED_COPY_NAMES);
        wording >= SAME_STORY
            || (wording >= EDITED_COPY && jaccard >= EDITED_COPY_JACCARD && keeps_names_and_figures)
    }

    /// Bytes for the index: shingle count (`u32`), name and figure counts (`u16`),
    /// the three list lengths (a byte each), the minimums, then the name sketch, the
    /// figure sketch and the title words (`u16`s), all little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(12 + SIGNATURE_LEN + 2 * 64);
        out.extend_from_slice(&self.shingles.to_le_bytes());
        out.extend_from_slice(&self.names.to_le_bytes());
        out.extend_from_slice(&self.figures.to_le_bytes());
        for list in [&self.name_sketch, &self.figure_sketch, &self.title_words] {
            out.push(list.len() as u8);
        }
        out.extend_from_slice(&self.minimums);
        for list in [&self.name_sketch, &self.figure_sketch, &self.title_words] {
            out.extend(list.iter().flat_map(|h| h.to_le_bytes()));
        }
        out
    }

    /// Parses [`Signature::to_bytes`]'s output.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        let (head, rest) = bytes.split_at_checked(11)?;
        let shingles = u32::from_le_bytes(head.get(..4)?.try_into().ok()?);
        let names = u16::from_le_bytes(head.get(4..6)?.try_into().ok()?);
        let figures = u16::from_le_bytes(head.get(6..8)?.try_into().ok()?);
        let lengths: Vec<usize> = head.get(8..11)?.iter().map(|&n| usize::from(n)).collect();
        let (mins, mut rest) = rest.split_at_checked(SIGNATURE_LEN)?;
        let mut lists: Vec<Vec<u16>> = Vec::with_capacity(3);
        for len in lengths {
            let (list, after) = rest.split_at_checked(2 * len)?;
            lists.push(
                list.chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]]))
                    .collect(),
            );
            rest = after;
        }
        if !rest.is_empty() {
            return None;
        }
        let title_words = lists.pop()?;
        let figure_sketch = lists.pop()?;
        let name_sketch = lists.pop()?;
        Some(Signature {
            minimums: mins.try_into().ok()?,
            shingles,
            title_words,
            names,
            name_sketch,
            figures,
            figure_sketch,
        })
    }

    /// One key per band of rows, the band's number mixed in so that bands never meet.
    fn band_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.minimums
            .chunks_exact(BAND_ROWS)
            .enumerate()
            .map(|(band, rows)| {
                rows.iter()
                    .fold(band as u64, |acc, &v| mix(acc ^ u64::from(v)))
            })
    }
}

/// Signatures of the records seen so far, each with its story id, searchable by band.
///
/// Held compactly, because it grows with the archive: each record's band keys are packed
/// with its slot into one `u64` (eight bytes instead of a hash-map entry and a vector per
/// band, which made this index the largest share of an ingest's memory), in sorted runs
/// merged as they grow; signatures are kept as their stored bytes and decoded only when
/// a record is a candidate.
#[derive(Debug, Default)]
pub struct StoryIndex {
    /// Sorted runs of packed band entries, each at least eight times the size of the
    /// next newer one.
    runs: Vec<Run>,
    /// The latest entries, unsorted, until there are enough for a run of their own.
    fresh: Vec<u64>,
    /// Every signature's bytes, back to back.
    signatures: Vec<u8>,
    /// Where each slot's signature ends in `signatures`.
    ends: Vec<u64>,
    /// Each slot's story.
    stories: Vec<u64>,
}

/// Fresh entries kept unsorted: a few records' worth, scanned on every lookup.
const FRESH_ENTRIES: usize = 16 * SIGNATURE_LEN / BAND_ROWS;
/// How much larger each run of band keys is than the next newer one, at least.
const RUN_GROWTH: usize = 8;

/// A band key and a slot packed into one sortable value: the key's high 32 bits (two
/// different bands of different records agree by chance once in four billion, and a
/// candidate is checked in full anyway), then the slot.
fn packed(key: u64, slot: u32) -> u64 {
    (key & 0xFFFF_FFFF_0000_0000) | u64::from(slot)
}

fn key_part(entry: u64) -> u64 {
    entry & 0xFFFF_FFFF_0000_0000
}

/// Entries per bucket of a run's directory, about: a stretch this long is a few cache
/// lines.
const ENTRIES_PER_BUCKET: usize = 32;

/// A sorted run of packed band entries with a directory on the keys' top bits. Band keys
/// are hashes, so every bucket holds a few dozen entries, and a lookup reads the
/// directory and one short stretch instead of binary-searching megabytes (a cache miss
/// at every step: the largest cost of finding copies in a big archive).
#[derive(Debug)]
struct Run {
    entries: Vec<u64>,
    /// Where each bucket's entries start, and the end of the last.
    starts: Vec<u32>,
    /// An entry's bucket is its top `64 - shift` bits.
    shift: u32,
}

impl Run {
    fn new(entries: Vec<u64>) -> Run {
        let bits = (entries.len() / ENTRIES_PER_BUCKET).max(1).ilog2().min(24);
        let shift = 64 - bits;
        let mut starts = Vec::with_capacity((1 << bits) + 1);
        let mut at = 0;
        for b in 0..1usize << bits {
            while at < entries.len() && bucket_of(entries[at], shift) < b {
                at += 1;
            }
            starts.push(at as u32);
        }
        starts.push(entries.len() as u32);
        Run {
            entries,
            starts,
            shift,
        }
    }

    /// The slots of the entries with band key `key`.
    fn slots_with(&self, key: u64) -> impl Iterator<Item = u32> + '_ {
        let b = bucket_of(key, self.shift);
        let stretch = &self.entries[self.starts[b] as usize..self.starts[b + 1] as usize];
        let start = stretch.partition_point(|&entry| entry < key);
        stretch[start..]
            .iter()
            .take_while(move |&&entry| key_part(entry) == key)
            .map(|&entry| entry as u32)
    }
}

/// The directory bucket of an entry or key: its top `64 - shift` bits (none when the
/// directory has one bucket).
fn bucket_of(entry: u64, shift: u32) -> usize {
    entry.checked_shr(shift).unwrap_or(0) as usize
}

/// Merges two sorted runs into one.
fn merge_runs(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] <= b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

impl StoryIndex {
    /// An empty index.
    pub fn new() -> Self {
        StoryIndex::default()
    }

    /// An index of many records at once, each signature as its stored bytes with its
    /// story; bytes that are no signature are left out.
    pub fn load(records: impl IntoIterator<Item = (Vec<u8>, u64)>) -> Self {
        let mut index = StoryIndex::new();
        let mut entries = Vec::new();
        for (bytes, story) in records {
            let Some(signature) = Signature::from_bytes(&bytes) else {
                continue;
            };
            let slot = index.push_signature(&bytes, story);
            entries.extend(signature.band_keys().map(|key| packed(key, slot)));
        }
        entries.sort_unstable();
        if !entries.is_empty() {
            index.runs.push(Run::new(entries));
        }
        index
    }

    /// Number of records held.
    pub fn len(&self) -> usize {
        self.stories.len()
    }

    /// True when no record is held.
    pub fn is_empty(&self) -> bool {
        self.stories.is_empty()
    }

    /// Keeps a signature's bytes and its story; returns its slot.
    fn push_signature(&mut self, bytes: &[u8], story: u64) -> u32 {
        let slot = u32::try_from(self.stories.len()).expect("fewer than 2^32 records");
        self.signatures.extend_from_slice(bytes);
        self.ends.push(self.signatures.len() as u64);
        self.stories.push(story);
        slot
    }

    /// The signature and story of `slot`.
    fn entry(&self, slot: u32) -> Option<(Signature, u64)> {
        let slot = slot as usize;
        let start = if slot == 0 {
            0
        } else {
            self.ends[slot - 1] as usize
        };
        let end = self.ends[slot] as usize;
        let signature = Signature::from_bytes(&self.signatures[start..end])?;
        Some((signature, self.stories[slot]))
    }

    /// Adds a record's signature (and its [`Signature::to_bytes`]) under `story`.
    fn insert(&mut self, signature: &Signature, bytes: &[u8], story: u64) {
        let slot = self.push_signature(bytes, story);
        self.fresh
            .extend(signature.band_keys().map(|key| packed(key, slot)));
        if self.fresh.len() >= FRESH_ENTRIES {
            let mut run = std::mem::take(&mut self.fresh);
            run.sort_unstable();
            self.runs.push(Run::new(run));
            self.merge_small_runs();
        }
    }

    /// Merges the newest runs while one is at least an eighth of the size of the one
    /// before, so that there are only logarithmically many runs (base eight: every
    /// lookup searches each run, and a few more merges of sorted runs cost less than
    /// binary searches in three times as many).
    fn merge_small_runs(&mut self) {
        while let [.., before, last] = self.runs.as_slice() {
            if last.entries.len() * RUN_GROWTH < before.entries.len() {
                break;
            }
            let merged = Run::new(merge_runs(&before.entries, &last.entries));
            self.runs.truncate(self.runs.len() - 2);
            self.runs.push(merged);
        }
    }

    /// Slots of the records sharing at least one band with `signature`.
    fn candidates(&self, signature: &Signature) -> Vec<u32> {
        let mut keys: Vec<u64> = signature.band_keys().map(key_part).collect();
        keys.sort_unstable();
        keys.dedup();
        let mut candidates = Vec::new();
        for run in &self.runs {
            for &key in &keys {
                candidates.extend(run.slots_with(key));
            }
        }
        candidates.extend(
            self.fresh
                .iter()
                .filter(|&&entry| keys.binary_search(&key_part(entry)).is_ok())
                .map(|&entry| entry as u32),
        );
        candidates.sort_unstable();
        candidates.dedup();
        candidates
    }

    /// The story of the closest record that is a copy of this one, if any.
    pub fn find(&self, signature: &Signature) -> Option<u64> {
        self.candidates(signature)
            .into_iter()
            .filter_map(|slot| self.entry(slot))
            .filter(|(other, _)| other.same_story(signature))
            .map(|(other, story)| (other.similarity(signature), story))
            .fold(None, |best: Option<(f64, u64)>, candidate| match best {
                Some(b) if b.0 >= candidate.0 => Some(b),
                _ => Some(candidate),
            })
            .map(|(_, story)| story)
    }

    /// The story for a new record: that of its closest copy, else `own_id`; the record is
    /// then added so later copies find it. `bytes` is its [`Signature::to_bytes`], which
    /// the caller also stores in the index, so it is encoded once.
    pub fn assign(&mut self, signature: &Signature, bytes: &[u8], own_id: u64) -> u64 {
        let story = self.find(signature).unwrap_or(own_id);
        self.insert(signature, bytes, story);
        story
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passages(text: &str) -> Vec<String> {
        text.split('\n').map(str::to_string).collect()
    }

    fn sig(text: &str) -> Signature {
        signature("A headline", &passages(text))
    }

    fn assign(index: &mut StoryIndex, signature: Signature, own_id: u64) -> u64 {
        index.assign(&signature, &signature.to_bytes(), own_id)
    }

    const STORY: &str = "The central bank raised its main interest rate by a quarter point on Thursday, the third rise this year.\nThe governor said inflation was still too high and that further increases could not be ruled out.\nMarkets had expected the move after figures last week showed prices rising faster than forecast.\nThe decision was backed by seven of the nine members of the rate-setting committee.\nTwo members voted to keep rates unchanged, citing signs that the economy was slowing.";

    #[test]
    fn ascii_passages_give_the_names_and_figures_of_the_general_reading() {
        let fixed = [
            STORY,
            "",
            " ",
            "...",
            "Said Smith. Jones said: Brown went to \"Paris\" (France) with twelve, 3.5% and U.S.-made",
            "end?  Next!\tTab\x0bVertical\x0cFeed\rReturn\nLine -- Dash  'Quoted' Word's",
            "Twenty-one Million ONE hundred A a I ; : Nine. Ten! Eleven?",
            "(Reuters) - \"IBM,\" said J.P. Morgan & Co; O'Neill 1987-88 #tag @name",
        ];
        // Random texts from a small alphabet of letters, digits, punctuation and space.
        let alphabet = b"aAzZ09 .,!?:;()\"'-\t\n\x0b\x0c\rTtOoNnEe";
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let random: Vec<String> = (0..400)
            .map(|_| {
                (0..60)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        char::from(alphabet[(seed % alphabet.len() as u64) as usize])
                    })
                    .collect()
            })
            .collect();
        for text in fixed
            .iter()
            .copied()
            .chain(random.iter().map(String::as_str))
        {
            let (mut names, mut figures) = (Vec::new(), Vec::new());
            any_names_and_figures(text, &mut names, &mut figures);
            let (mut quick_names, mut quick_figures) = (Vec::new(), Vec::new());
            ascii_names_and_figures(text, &mut quick_names, &mut quick_figures);
            assert_eq!((quick_names, quick_figures), (names, figures), "{text:?}");
        }
        let (names, figures) = names_and_figures(&passages("Said Smith and twelve Jones 1987"));
        assert_eq!(names.len(), 2);
        assert_eq!(figures.len(), 2);
    }

    #[test]
    fn each_bin_keeps_its_least_value_and_an_empty_bin_borrows_a_filled_ones() {
        // Signatures are stored in the index: check against the plain definition.
        for text in [STORY, "Zürich: 12 Millionen für den Hafen", "a", ""] {
            let words: Vec<u64> = word_hashes(text).collect();
            let mut shingles = shingles_of(&words, SHINGLE_WORDS);
            shingles.sort_unstable();
            shingles.dedup();
            let mut least: Vec<Option<u64>> = vec![None; SIGNATURE_LEN];
            for &shingle in &shingles {
                let hash = mix(shingle ^ SEED_A);
                let bin = (hash >> 57) as usize;
                let value = hash & ((1 << 57) - 1);
                least[bin] = Some(least[bin].map_or(value, |v| v.min(value)));
            }
            let filled: Vec<u8> = least.iter().flatten().map(|&v| v as u8).collect();
            let found = signature("", &passages(text));
            for (bin, &byte) in found.minimums.iter().enumerate() {
                match least[bin] {
                    Some(value) => assert_eq!(byte, value as u8, "{text}: bin {bin}"),
                    None if shingles.is_empty() => assert_eq!(byte, 0xFF),
                    None => assert!(filled.contains(&byte), "{text}: bin {bin}"),
                }
            }
            assert_eq!(found.shingles as usize, shingles.len());
        }
    }

    /// A signature of a plain set of shingles.
    fn of_shingles(shingles: &[u64]) -> Signature {
        Signature {
            minimums: one_permutation_minimums(shingles).map(|m| m as u8),
            shingles: shingles.len() as u32,
            title_words: Vec::new(),
            names: 0,
            name_sketch: Vec::new(),
            figures: 0,
            figure_sketch: Vec::new(),
        }
    }

    #[test]
    fn estimated_similarity_follows_the_true_jaccard_for_small_and_large_texts() {
        // Two sets of `size` shingles with `common` in common, 40 different draws each.
        let draw = |seed: u64, size: u64, common: u64| {
            let shared = (0..common).map(|n| mix(seed << 32 | n));
            let own = |side: u64| (common..size).map(move |n| mix(seed << 32 | side << 24 | n));
            let a: Vec<u64> = shared.clone().chain(own(1)).collect();
            let b: Vec<u64> = shared.chain(own(2)).collect();
            of_shingles(&a).similarity(&of_shingles(&b))
        };
        for size in [6u64, 40, 300, 3_000] {
            for jaccard in [0.0, 0.3, 0.6, 0.9] {
                let common = (2.0 * size as f64 * jaccard / (1.0 + jaccard)).round() as u64;
                let truth = common as f64 / (2 * size - common) as f64;
                let mean = (0..40).map(|seed| draw(seed, size, common)).sum::<f64>() / 40.0;
                assert!(
                    (mean - truth).abs() < 0.05,
                    "{size} shingles, Jaccard {truth:.2}: estimated {mean:.3}"
                );
            }
        }
    }

    #[test]
    fn number_words_and_trimmed_words_are_found_as_the_plain_definitions_find_them() {
        let words = NUMBER_WORDS
            .iter()
            .map(|w| w.to_string())
            .chain(NUMBER_WORDS.iter().map(|w| w.to_uppercase()))
            .chain(
                [
                    "Twelve",
                    "",
                    "o",
                    "tenth",
                    "thousands",
                    "onE",
                    "Quarterly",
                    "zwölf",
                    "ÜBER",
                    "(eleven)",
                    "“Nine”",
                    "2.5%",
                    "—",
                    "half-year",
                    "x",
                ]
                .map(str::to_string),
            );
        for word in words {
            let plain = word.trim_matches(|c: char| !c.is_alphanumeric());
            assert_eq!(trimmed(&word), plain, "{word:?}");
            let number = NUMBER_WORDS.contains(&plain.to_lowercase().as_str());
            assert_eq!(is_number_word(plain), number, "{word:?}");
        }
    }

    #[test]
    fn copies_are_one_story_and_different_stories_are_not() {
        let original = sig(STORY);
        let trimmed: Vec<String> = passages(STORY).into_iter().take(4).collect();
        let reworded = STORY.replace("on Thursday", "on Thursday morning");
        let other = "The central bank raised its main interest rate on Thursday.\nShoppers in the capital said they were worried about mortgage payments going up again.\nOne estate agent said buyers had already started to pull out of sales this spring.\nA trade body called the rise a blow to small firms that borrow to pay suppliers.";
        assert_eq!(original.similarity(&sig(STORY)), 1.0);
        assert!(original.same_story(&signature("Another headline", &trimmed)));
        assert!(original.same_story(&sig(&reworded)));
        assert!(!original.same_story(&sig(other)));
        assert!(original.similarity(&sig(other)) < 0.2);
    }

    #[test]
    fn an_edited_reprint_is_one_story_and_a_template_report_is_not() {
        let original = sig(STORY);
        // House style and a cut last paragraph with a paragraph of its own added.
        let edited: Vec<String> = passages(STORY)
            .into_iter()
            .take(4)
            .map(|p| {
                p.replace("said", "says")
                    .replace("quarter point", "quarter of a point")
            })
            .chain(["Local estate agents said they expected a quiet spring.".to_string()])
            .collect();
        assert!(original.same_story(&signature("Rates up again", &edited)));
        // The same template for another town, other figures: not a reprint.
        let weather = |town: &str, high: u32, low: u32| {
            signature(
                &format!("Weather for {town}"),
                &[format!(
                    "{town} will see a cloudy morning with showers clearing by the afternoon, and highs of {high} degrees with lows of {low} degrees. Winds will come from the west at moderate speeds and ease overnight. The outlook for the weekend is dry and mild across the whole region, with the chance of fog in low-lying areas early on Saturday morning before it lifts."
                )],
            )
        };
        assert!(!weather("Harbourton", 12, 3).same_story(&weather("Lowfield", 14, 4)));
        assert!(weather("Harbourton", 12, 3).same_story(&weather("Harbourton", 12, 3)));
    }

    #[test]
    fn two_reports_that_quote_one_list_are_not_one_story() {
        let list = "The nominees for best film are The Harbour, Night Ferry, Salt Road, Low Tide and The Lighthouse Keeper.";
        let a = vec![
            "Film stars from across the country are preparing for tonight's awards in Harbourton."
                .to_string(),
            list.to_string(),
            "Organisers said tickets had sold out within an hour of going on sale last month."
                .to_string(),
        ];
        let b = vec![
            "The awards ceremony was a triumph for independent film makers, critics said on Sunday.".to_string(),
            list.to_string(),
            "Night Ferry won three prizes, including best director for Ana Ruiz.".to_string(),
        ];
        assert!(!signature("Stars gather", &a).same_story(&signature("Awards night", &b)));
    }

    #[test]
    fn short_briefs_differ_by_their_headlines() {
        let brief = passages("Qtly div 25 cts vs 25 cts prior\nPay April one\nRecord March 15");
        let a = signature("MERIDIAN BANCORP SETS REGULAR PAYOUT", &brief);
        let b = signature("HARBOUR MILLS SETS REGULAR PAYOUT", &brief);
        let a_again = signature("UPDATE - meridian bancorp sets regular payout", &brief[..2]);
        assert!(!a.same_story(&b));
        assert!(a.same_story(&a_again));
    }

    #[test]
    fn story_index_groups_copies_under_the_first_id() {
        let mut index = StoryIndex::new();
        assert_eq!(assign(&mut index, sig(STORY), 1), 1);
        let trimmed: Vec<String> = passages(STORY).into_iter().take(4).collect();
        assert_eq!(assign(&mut index, signature("Other", &trimmed), 2), 1);
        let unrelated =
            sig("An entirely unrelated report about a football match and its late winning goal.");
        assert_eq!(assign(&mut index, unrelated, 3), 3);
        assert_eq!(index.len(), 3);
    }

    #[test]
    fn loaded_and_added_records_are_both_found() {
        let trimmed: Vec<String> = passages(STORY).into_iter().take(4).collect();
        let unrelated =
            sig("An entirely unrelated report about a football match and its late winning goal.");
        let mut index = StoryIndex::load([(unrelated.to_bytes(), 7), (sig(STORY).to_bytes(), 9)]);
        assert_eq!(index.find(&signature("Other", &trimmed)), Some(9));
        let other =
            sig("A council meeting about parking charges ran late into the evening on Monday.");
        assert_eq!(assign(&mut index, other.clone(), 11), 11);
        assert_eq!(index.find(&other), Some(11));
        assert_eq!(index.find(&unrelated), Some(7));
    }

    #[test]
    fn a_run_finds_every_slot_of_a_key_in_any_bucket() {
        // Keys spread over the whole range, the first and last buckets included, a few
        // keys several times; runs small and large enough to have a directory.
        for count in [1usize, 5, 40, 5_000] {
            let keys: Vec<u64> = (0..count as u64)
                .map(|n| {
                    let key = match n {
                        0 => 0,
                        1 => u64::MAX,
                        _ => xxhash_rust::xxh3::xxh3_64(&(n / 3).to_le_bytes()),
                    };
                    key_part(key)
                })
                .collect();
            let mut entries: Vec<u64> = keys
                .iter()
                .enumerate()
                .map(|(slot, &key)| packed(key, slot as u32))
                .collect();
            entries.sort_unstable();
            let run = Run::new(entries);
            for (slot, &key) in keys.iter().enumerate() {
                let expected: Vec<u32> = (0..count as u32)
                    .filter(|&s| keys[s as usize] == key)
                    .collect();
                let mut found: Vec<u32> = run.slots_with(key).collect();
                found.sort_unstable();
                assert_eq!(found, expected, "count {count}, slot {slot}");
            }
            assert_eq!(run.slots_with(key_part(0x5555_5555_0000_0000)).count(), 0);
        }
    }

    #[test]
    fn copies_are_found_in_every_run_as_runs_merge() {
        // Enough distinct records to fill and merge many runs: each report's copy, added
        // long after it, must still find it, whichever run it has been merged into.
        let report = |n: usize| {
            format!(
                "Report number {n} from the harbour office said {n} ships were delayed.\nThe \
                 harbour master, speaking on day {n}, blamed fog over the estuary for the \
                 delays.\nPilots expected traffic to return to normal within {} hours.",
                n % 7 + 2
            )
        };
        let mut index = StoryIndex::new();
        for n in 0..200 {
            assert_eq!(
                assign(&mut index, sig(&report(n)), n as u64 + 1000),
                n as u64 + 1000
            );
        }
        assert!(
            !index.runs.is_empty() && index.runs.len() < 10 && !index.fresh.is_empty(),
            "{}",
            index.runs.len()
        );
        for n in [0, 17, 99, 150, 199] {
            assert_eq!(
                assign(&mut index, sig(&report(n)), 5000 + n as u64),
                n as u64 + 1000
            );
        }
        assert_eq!(index.len(), 205);
    }

    #[test]
    fn bytes_round_trip() {
        let s = sig(STORY);
        assert_eq!(Signature::from_bytes(&s.to_bytes()), Some(s));
        let short = signature("Short brief here", &passages("Only a few words."));
        assert_eq!(short.title_words.len(), 3);
        assert_eq!(Signature::from_bytes(&short.to_bytes()), Some(short));
        assert_eq!(Signature::from_bytes(b"zz"), None);
    }
}
