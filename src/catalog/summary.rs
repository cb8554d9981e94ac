//! The archive's counts and its people, computed once per commit and kept beside it, so
//! that `stats`, `topics`, `persons` and `--person` read one small file instead of the
//! whole manifest: at 10,000 clippings decoding every record summary and gathering the
//! people took 130 ms before a `--person` search could start.

use super::people::{Candidate, People, resolve_among, resolve_filters_with};
use super::{PersonSummary, Stats, TopicCount};
use crate::index::{ClippingIndex, Manifest};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The first bytes of a summary.
const MAGIC: &[u8; 8] = b"MGSUMRY\n";
/// Version of the layout; another one is ignored and the counts computed afresh.
const VERSION: u32 = 1;

/// What `stats` and `topics` print, less what the index itself says (its passage count
/// and size).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Counts over the records.
    pub stats: Stats,
    /// Every topic, most articles first.
    pub topics: Vec<TopicCount>,
}

impl Summary {
    /// Counts what `manifest` describes.
    pub fn of(manifest: &Manifest) -> Summary {
        let (stats, topics) = super::census(manifest, None);
        Summary { stats, topics }
    }

    /// The summary kept with the index's last commit, or counted from its manifest when
    /// there is none (an index written before summaries were kept).
    pub fn read(index: &ClippingIndex) -> crate::Result<Summary> {
        let bytes = index.summary_bytes()?;
        if let Some((summary, _)) = bytes.as_deref().and_then(decode) {
            return Ok(summary);
        }
        Ok(Summary::of(&index.manifest()?))
    }

    /// The people kept with the index's last commit, or gathered from its manifest.
    pub fn people(index: &ClippingIndex) -> crate::Result<People> {
        let bytes = index.summary_bytes()?;
        let kept = bytes
            .as_deref()
            .and_then(decode)
            .and_then(|(_, mut rest)| rest.people());
        match kept {
            Some(people) => Ok(People::from_sorted(people)),
            None => Ok(People::of(&index.manifest()?)),
        }
    }

    /// Fills in which people each person filter means, from the people kept with the
    /// index's last commit, read where they lie (or gathered from its manifest); returns
    /// what the user should be told.
    pub fn resolve_filters(
        index: &ClippingIndex,
        filters: &mut crate::query::Filters,
    ) -> crate::Result<Vec<String>> {
        if filters.persons.is_empty() {
            return Ok(Vec::new());
        }
        let bytes = index.summary_bytes()?;
        let kept = bytes
            .as_deref()
            .and_then(decode)
            .and_then(|(_, mut rest)| rest.candidates());
        Ok(match kept {
            Some(people) => resolve_filters_with(filters, |asked| {
                resolve_among(people.iter().cloned(), asked)
            }),
            None => People::of(&index.manifest()?).resolve_filters(filters),
        })
    }

    /// Everything kept with a commit of `manifest`: its summary and its people.
    pub fn encode_catalog(manifest: &Manifest) -> Vec<u8> {
        let mut tally = super::PeopleTally::default();
        let (stats, topics) = super::census(manifest, Some(&mut tally));
        let mut out = Summary { stats, topics }.encode();
        encode_people(&mut out, &tally.finish());
        out
    }

    /// The summary as bytes (the start of what a commit keeps).
    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(256 + 48 * self.topics.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        let s = &self.stats;
        number(&mut out, s.articles as u64);
        number(&mut out, s.persons as u64);
        number(&mut out, s.topics as u64);
        date(&mut out, s.first_date);
        date(&mut out, s.last_date);
        counts(&mut out, &s.by_format);
        counts(&mut out, &s.by_date_source);
        number(&mut out, self.topics.len() as u64);
        for t in &self.topics {
            text(&mut out, &t.topic);
            number(&mut out, t.articles as u64);
            date(&mut out, Some(t.first_date));
            date(&mut out, Some(t.last_date));
        }
        out
    }
}

/// The people section of [`Summary::encode_catalog`]'s output.
fn encode_people(out: &mut Vec<u8>, people: &People) {
    let list: Vec<&(String, PersonSummary)> = people.entries().collect();
    number(out, list.len() as u64);
    for (key, p) in list {
        text(out, key);
        text(out, &p.name);
        texts(out, &p.aliases);
        texts(out, &p.roles);
        number(out, p.articles as u64);
        number(out, p.mentions as u64);
        date(out, Some(p.first_date));
        date(out, Some(p.last_date));
        texts(out, &p.keys);
    }
}

/// Reads the summary at the start of [`Summary::encode_catalog`]'s output, and gives
/// what follows it; `None` for anything else.
fn decode(bytes: &[u8]) -> Option<(Summary, Input<'_>)> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (version, rest) = rest.split_at_checked(4)?;
    if u32::from_le_bytes(version.try_into().ok()?) != VERSION {
        return None;
    }
    let mut input = Input(rest);
    let articles = input.number()? as usize;
    let persons = input.number()? as usize;
    let topic_count = input.number()? as usize;
    let first_date = input.date()?;
    let last_date = input.date()?;
    let by_format = input.counts()?;
    let by_date_source = input.counts()?;
    let mut topics = Vec::new();
    for _ in 0..input.number()? {
        topics.push(TopicCount {
            topic: input.text()?,
            articles: input.number()? as usize,
            first_date: input.date()??,
            last_date: input.date()??,
        });
    }
    let summary = Summary {
        stats: Stats {
            articles,
            passages: 0,
            persons,
            topics: topic_count,
            first_date,
            last_date,
            by_format,
            by_date_source,
            index_bytes: 0,
        },
        topics,
    };
    Some((summary, input))
}

fn number(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn text(out: &mut Vec<u8>, text: &str) {
    number(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

/// A date as days from the common era plus one; 0 for none.
fn date(out: &mut Vec<u8>, date: Option<NaiveDate>) {
    use chrono::Datelike;
    number(
        out,
        date.map_or(0, |d| u64::try_from(d.num_days_from_ce()).unwrap_or(0) + 1),
    );
}

fn texts(out: &mut Vec<u8>, texts: &[String]) {
    number(out, texts.len() as u64);
    for t in texts {
        text(out, t);
    }
}

fn counts(out: &mut Vec<u8>, counts: &BTreeMap<String, usize>) {
    number(out, counts.len() as u64);
    for (name, n) in counts {
        text(out, name);
        number(out, *n as u64);
    }
}

#[derive(Clone, Copy)]
struct Input<'a>(&'a [u8]);

/// Texts of a summary read where they lie, one at a time (checked when first read).
#[derive(Clone)]
pub(super) struct Texts<'a> {
    left: u64,
    input: Input<'a>,
}

impl<'a> Iterator for Texts<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.left = self.left.checked_sub(1)?;
        self.input.text_in_place()
    }
}

impl<'a> Input<'a> {
    fn text_in_place(&mut self) -> Option<&'a str> {
        let len = usize::try_from(self.number()?).ok()?;
        let (bytes, rest) = self.0.split_at_checked(len)?;
        self.0 = rest;
        std::str::from_utf8(bytes).ok()
    }

    /// A list of texts, checked, to be read again from where it lies.
    fn texts_in_place(&mut self) -> Option<Texts<'a>> {
        let left = self.number()?;
        let start = *self;
        for _ in 0..left {
            self.text_in_place()?;
        }
        Some(Texts { left, input: start })
    }

    /// The people section, to its end, read where it lies: nothing is copied, where
    /// owned people make some hundred thousand strings at 100,000 clippings.
    fn people_in_place(&mut self) -> Option<Vec<KeptPerson<'a>>> {
        let mut people = Vec::new();
        for _ in 0..self.number()? {
            people.push(KeptPerson {
                key: self.text_in_place()?,
                name: self.text_in_place()?,
                aliases: self.texts_in_place()?,
                roles: self.texts_in_place()?,
                articles: self.number()? as usize,
                mentions: self.number()? as usize,
                first_date: self.date()??,
                last_date: self.date()??,
                keys: self.texts_in_place()?,
            });
        }
        self.0.is_empty().then_some(people)
    }

    /// The people section as what resolving a name reads.
    fn candidates(&mut self) -> Option<Vec<Candidate<'a, Texts<'a>>>> {
        let people = self.people_in_place()?;
        Some(
            people
                .into_iter()
                .map(|p| Candidate {
                    key: p.key,
                    name: p.name,
                    aliases: p.aliases,
                    keys: p.keys,
                })
                .collect(),
        )
    }

    /// The people section, to its end, owned.
    fn people(&mut self) -> Option<Vec<(String, PersonSummary)>> {
        let own = |texts: Texts| texts.map(str::to_string).collect();
        let people = self.people_in_place()?;
        Some(
            people
                .into_iter()
                .map(|p| {
                    let person = PersonSummary {
                        name: p.name.to_string(),
                        aliases: own(p.aliases),
                        roles: own(p.roles),
                        articles: p.articles,
                        mentions: p.mentions,
                        first_date: p.first_date,
                        last_date: p.last_date,
                        keys: own(p.keys),
                    };
                    (p.key.to_string(), person)
                })
                .collect(),
        )
    }
}

/// One person of the people section, read where it lies.
struct KeptPerson<'a> {
    key: &'a str,
    name: &'a str,
    aliases: Texts<'a>,
    roles: Texts<'a>,
    articles: usize,
    mentions: usize,
    first_date: NaiveDate,
    last_date: NaiveDate,
    keys: Texts<'a>,
}

impl Input<'_> {
    fn number(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.0.split_first()?;
            self.0 = rest;
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn text(&mut self) -> Option<String> {
        let len = usize::try_from(self.number()?).ok()?;
        let (bytes, rest) = self.0.split_at_checked(len)?;
        self.0 = rest;
        String::from_utf8(bytes.to_vec()).ok()
    }

    fn date(&mut self) -> Option<Option<NaiveDate>> {
        match self.number()? {
            0 => Some(None),
            days => Some(Some(NaiveDate::from_num_days_from_ce_opt(
                i32::try_from(days - 1).ok()?,
            )?)),
        }
    }

    fn counts(&mut self) -> Option<BTreeMap<String, usize>> {
        (0..self.number()?)
            .map(|_| Some((self.text()?, self.number()? as usize)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_reads_back_as_written_and_damage_is_refused() {
        let day = |d| NaiveDate::from_ymd_opt(2025, 4, d).unwrap();
        let summary = Summary {
            stats: Stats {
                articles: 3,
                passages: 0,
                persons: 2,
                topics: 1,
                first_date: Some(day(1)),
                last_date: Some(day(29)),
                by_format: BTreeMap::from([("html".to_string(), 2), ("text".to_string(), 1)]),
                by_date_source: BTreeMap::from([("metadata".to_string(), 3)]),
                index_bytes: 0,
            },
            topics: vec![TopicCount {
                topic: "Sanctuary cities".into(),
                articles: 3,
                first_date: day(1),
                last_date: day(29),
            }],
        };
        let bytes = summary.encode();
        let read = |bytes: &[u8]| decode(bytes).map(|(s, _)| s);
        assert_eq!(read(&bytes), Some(summary.clone()));
        assert_eq!(read(&bytes[..bytes.len() - 1]), None);
        let mut other = bytes.clone();
        other[8] = 9;
        assert_eq!(read(&other), None);
        let empty = Summary::of(&Manifest::default());
        assert_eq!(read(&empty.encode()), Some(empty));
    }

    #[test]
    fn names_resolve_alike_from_the_kept_bytes_and_from_the_people() {
        let day = NaiveDate::from_ymd_opt(1987, 6, 18).unwrap();
        let person = |key: &str, name: &str, aliases: &[&str], keys: &[&str]| {
            let own = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
            (
                key.to_string(),
                PersonSummary {
                    name: name.into(),
                    aliases: own(aliases),
                    roles: vec!["judge".into()],
                    articles: 2,
                    mentions: 3,
                    first_date: day,
                    last_date: day,
                    keys: own(keys),
                },
            )
        };
        let people = People::from_sorted(vec![
            person(
                "william orrick",
                "William Orrick",
                &["Judge Orrick", "W. ORRICK"],
                &["william orrick", "orrick"],
            ),
            person(
                "emile zola",
                "Émile Zola",
                &["Zola"],
                &["emile zola", "zola"],
            ),
            person("maria delgado", "María Delgado", &[], &["maria delgado"]),
            person(
                "jose delgado",
                "José Delgado",
                &["Pepe Delgado"],
                &["jose delgado"],
            ),
            person("xi jinping", "Xi Jinping", &["Xi"], &["xi jinping"]),
        ]);
        let mut bytes = Summary::of(&Manifest::default()).encode();
        encode_people(&mut bytes, &people);
        let (_, mut rest) = decode(&bytes).unwrap();
        let kept = rest.candidates().unwrap();
        assert_eq!(kept.len(), 5);
        for asked in [
            "Orrick",
            "judge william orrick",
            "W. Orrick",
            "Zola",
            "EMILE ZOLA",
            "Delgado",
            "Pepe Delgado",
            "maría delgado",
            "Xi",
            "Nobody",
            "",
        ] {
            let from_bytes = resolve_among(kept.iter().cloned(), asked);
            assert_eq!(from_bytes, people.resolve(asked), "{asked:?}");
        }
        assert!(!people.resolve("Delgado").keys.is_empty());
        // Read owned, the section gives the people back as they were.
        let (_, mut again) = decode(&bytes).unwrap();
        let owned = again.people().unwrap();
        assert!(owned.iter().eq(people.entries()));
        // A damaged people section is refused, not half read.
        let (_, mut cut) = decode(&bytes[..bytes.len() - 2]).unwrap();
        assert!(cut.candidates().is_none());
    }
}
