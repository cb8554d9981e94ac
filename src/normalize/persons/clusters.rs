//! Word clusters learnt from unlabelled news text: words used in like contexts share a
//! cluster, so the tagger knows a surname it never saw in training by the company it keeps.
//!
//! Learning (used by the training command, never at ingest) counts each word's left and
//! right neighbours, weighs the counts by positive pointwise mutual information, and groups
//! the words by spherical k-means; the fine clusters are grouped again into coarser ones,
//! which gives the tagger a hierarchy like the bit-string prefixes of Brown clusters.

use super::tagger::lowercase_into;
use super::tagger::word_key;
use super::tokens::tokenize;
use crate::fasthash::IntMap;
use std::io::{self, Read, Write};

/// Cluster levels, coarse to fine.
pub const LEVELS: usize = 3;

/// Number of clusters at each level.
const SIZES: [usize; LEVELS] = [32, 128, 600];

/// The cluster number that stands for "not a known word".
pub const UNKNOWN: u16 = u16::MAX;

/// Words (by [`word_key`] of their lower-case form) and their cluster at each level.
#[derive(Debug, Default, Clone)]
pub struct Clusters {
    map: IntMap<u64, [u16; LEVELS]>,
}

impl Clusters {
    /// The clusters of the word with key `key`, or [`UNKNOWN`] at every level.
    pub fn of(&self, key: u64) -> [u16; LEVELS] {
        self.map.get(&key).copied().unwrap_or([UNKNOWN; LEVELS])
    }

    /// Number of words with clusters.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when no word has a cluster.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub(super) fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut keys: Vec<&u64> = self.map.keys().collect();
        keys.sort();
        out.write_all(&(keys.len() as u64).to_le_bytes())?;
        for key in keys {
            out.write_all(&key.to_le_bytes())?;
            for level in self.map[key] {
                out.write_all(&level.to_le_bytes())?;
            }
        }
        Ok(())
    }

    pub(super) fn read(input: &mut &[u8]) -> io::Result<Clusters> {
        let mut count = [0u8; 8];
        input.read_exact(&mut count)?;
        let count = u64::from_le_bytes(count) as usize;
        let mut map = IntMap::default();
        map.reserve(count.min(1 << 20));
        for _ in 0..count {
            let mut key = [0u8; 8];
            input.read_exact(&mut key)?;
            let mut levels = [0u16; LEVELS];
            for level in &mut levels {
                let mut bytes = [0u8; 2];
                input.read_exact(&mut bytes)?;
                *level = u16::from_le_bytes(bytes);
            }
            map.insert(u64::from_le_bytes(key), levels);
        }
        Ok(Clusters { map })
    }
}

/// Words seen fewer times than this get no cluster: their contexts say too little.
const MIN_COUNT: u32 = 4;

/// Neighbours are counted among this many most frequent words; rarer ones by their shape.
const CONTEXT_WORDS: usize = 1200;

const KMEANS_ROUNDS: usize = 12;

/// Learns clusters from `texts` (paragraphs of running text).
pub fn learn(texts: &[String]) -> Clusters {
    let corpus = Corpus::read(texts);
    let vectors = corpus.context_vectors();
    let dims = corpus.dims();
    let fine = kmeans(&vectors, dims, SIZES[LEVELS - 1]);
    // Coarser levels group the fine clusters' centroids, so the levels nest.
    let centroids: Vec<Sparse> = fine.centroids.iter().map(|c| dense_to_sparse(c)).collect();
    let mut levels: Vec<Vec<u16>> = Vec::new();
    for &size in &SIZES[..LEVELS - 1] {
        let grouped = kmeans(&centroids, dims, size);
        levels.push(grouped.assignment);
    }
    let mut map = IntMap::default();
    for (word, &cluster) in corpus.vocabulary.iter().zip(&fine.assignment) {
        let mut ids = [0u16; LEVELS];
        for (id, level) in ids.iter_mut().zip(&levels) {
            *id = level[cluster as usize];
        }
        ids[LEVELS - 1] = cluster;
        map.insert(*word, ids);
    }
    Clusters { map }
}

/// A sparse vector: (dimension, value) pairs sorted by dimension.
type Sparse = Vec<(u32, f32)>;

/// The unlabelled text as word ids, with the vocabulary and the context words.
struct Corpus {
    /// Keys of the clustered words, by id.
    vocabulary: Vec<u64>,
    /// Each paragraph's tokens: a word id, or a context class for words not clustered.
    paragraphs: Vec<Vec<Slot>>,
    /// How many leading vocabulary ids are context words.
    context_words: usize,
}

#[derive(Clone, Copy)]
struct Slot {
    /// Id in the vocabulary, when the word has one.
    word: Option<u32>,
    /// The context dimension this token stands for as a neighbour.
    context: u32,
}

/// Context classes for neighbours outside the context words.
const CLASS_CAPITALISED: u32 = 0;
const CLASS_LOWER: u32 = 1;
const CLASS_NUMBER: u32 = 2;
const CLASS_PUNCTUATION: u32 = 3;
const CLASS_EDGE: u32 = 4;
const CLASSES: u32 = 5;

impl Corpus {
    fn read(texts: &[String]) -> Corpus {
        let mut counts: IntMap<u64, u32> = IntMap::default();
        let mut lower = String::new();
        let mut tokenized: Vec<Vec<(u64, u32)>> = Vec::with_capacity(texts.len());
        for text in texts {
            let tokens = tokenize(text);
            let mut row = Vec::with_capacity(tokens.len());
            for token in &tokens {
                let key = word_key(lowercase_into(&token.text, &mut lower));
                *counts.entry(key).or_default() += 1;
                row.push((key, class_of(&token.text)));
            }
            tokenized.push(row);
        }
        let mut vocabulary: Vec<(u64, u32)> = counts
            .into_iter()
            .filter(|&(_, n)| n >= MIN_COUNT)
            .collect();
        // Most frequent first (ties by key, for a reproducible order).
        vocabulary.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let ids: IntMap<u64, u32> = vocabulary
            .iter()
            .enumerate()
            .map(|(id, &(key, _))| (key, id as u32))
            .collect();
        let context_words = CONTEXT_WORDS.min(vocabulary.len());
        let paragraphs = tokenized
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|(key, class)| {
                        let word = ids.get(&key).copied();
                        let context = match word {
                            Some(id) if (id as usize) < context_words => CLASSES + id,
                            _ => class,
                        };
                        Slot { word, context }
                    })
                    .collect()
            })
            .collect();
        Corpus {
            vocabulary: vocabulary.into_iter().map(|(key, _)| key).collect(),
            paragraphs,
            context_words,
        }
    }

    /// Dimensions of a context vector: left and right neighbours, each a context word
    /// or a class.
    fn dims(&self) -> usize {
        2 * (CLASSES as usize + self.context_words)
    }

    /// One PPMI-weighted, unit-length vector of neighbour counts per vocabulary word.
    fn context_vectors(&self) -> Vec<Sparse> {
        let half = CLASSES + self.context_words as u32;
        let mut counts: Vec<IntMap<u32, f32>> = vec![IntMap::default(); self.vocabulary.len()];
        for row in &self.paragraphs {
            for (i, slot) in row.iter().enumerate() {
                let Some(word) = slot.word else { continue };
                let left = if i == 0 {
                    CLASS_EDGE
                } else {
                    row[i - 1].context
                };
                let right = row.get(i + 1).map_or(CLASS_EDGE, |s| s.context);
                let entry = &mut counts[word as usize];
                *entry.entry(left).or_default() += 1.0;
                *entry.entry(half + right).or_default() += 1.0;
            }
        }
        let mut context_totals = vec![0f64; self.dims()];
        let mut word_totals = vec![0f64; counts.len()];
        for (w, row) in counts.iter().enumerate() {
            for (&dim, &n) in row {
                context_totals[dim as usize] += n as f64;
                word_totals[w] += n as f64;
            }
        }
        let total: f64 = word_totals.iter().sum();
        counts
            .into_iter()
            .enumerate()
            .map(|(w, row)| {
                let mut vector: Sparse = row
                    .into_iter()
                    .filter_map(|(dim, n)| {
                        let pmi = (n as f64 * total
                            / (word_totals[w] * context_totals[dim as usize]))
                            .ln();
                        (pmi > 0.0).then_some((dim, pmi as f32))
                    })
                    .collect();
                vector.sort_by_key(|&(dim, _)| dim);
                normalize(&mut vector);
                vector
            })
            .collect()
    }
}

fn class_of(token: &str) -> u32 {
    let first = token.chars().next().unwrap_or(' ');
    if first.is_uppercase() {
        CLASS_CAPITALISED
    } else if first.is_lowercase() {
        CLASS_LOWER
    } else if first.is_numeric() {
        CLASS_NUMBER
    } else {
        CLASS_PUNCTUATION
    }
}

fn normalize(vector: &mut Sparse) {
    let norm = vector.iter().map(|&(_, v)| v * v).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, v) in vector.iter_mut() {
            *v /= norm;
        }
    }
}

fn dense_to_sparse(dense: &[f32]) -> Sparse {
    dense
        .iter()
        .enumerate()
        .filter(|&(_, &v)| v != 0.0)
        .map(|(dim, &v)| (dim as u32, v))
        .collect()
}

struct Grouping {
    /// The cluster of each vector.
    assignment: Vec<u16>,
    /// Unit-length centroids, dense.
    centroids: Vec<Vec<f32>>,
}

/// Spherical k-means over unit vectors, seeded with evenly spaced vectors (the input is
/// ordered by frequency, so seeds come from every frequency band); the assignment step
/// runs on every core.
fn kmeans(vectors: &[Sparse], dims: usize, k: usize) -> Grouping {
    // A small vocabulary gets fewer clusters: a cluster should hold several words.
    let k = k.min(vectors.len() / 8).max(1);
    let mut centroids: Vec<Vec<f32>> = (0..k)
        .map(|c| {
            let mut dense = vec![0f32; dims];
            for &(dim, v) in &vectors[c * vectors.len() / k] {
                dense[dim as usize] = v;
            }
            dense
        })
        .collect();
    let mut assignment = vec![0u16; vectors.len()];
    for _ in 0..KMEANS_ROUNDS {
        assign(vectors, &centroids, &mut assignment);
        let mut sums = vec![vec![0f32; dims]; k];
        for (vector, &c) in vectors.iter().zip(&assignment) {
            for &(dim, v) in vector {
                sums[c as usize][dim as usize] += v;
            }
        }
        for (c, sum) in sums.into_iter().enumerate() {
            let norm = sum.iter().map(|v| v * v).sum::<f32>().sqrt();
            // A cluster left empty keeps its old centroid.
            if norm > 0.0 {
                centroids[c] = sum.into_iter().map(|v| v / norm).collect();
            }
        }
    }
    Grouping {
        assignment,
        centroids,
    }
}

fn assign(vectors: &[Sparse], centroids: &[Vec<f32>], assignment: &mut [u16]) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = vectors.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        for (vectors, out) in vectors.chunks(chunk).zip(assignment.chunks_mut(chunk)) {
            scope.spawn(move || {
                for (vector, slot) in vectors.iter().zip(out) {
                    *slot = nearest(vector, centroids);
                }
            });
        }
    });
}

fn nearest(vector: &Sparse, centroids: &[Vec<f32>]) -> u16 {
    let mut best = (0usize, f32::MIN);
    for (c, centroid) in centroids.iter().enumerate() {
        let similarity: f32 = vector
            .iter()
            .map(|&(dim, v)| v * centroid[dim as usize])
            .sum();
        if similarity > best.1 {
            best = (c, similarity);
        }
    }
    best.0 as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_like_contexts_share_a_cluster() {
        // Surnames after "Mr" and before "said"; towns after "in" and before "on".
        let mut texts = Vec::new();
        for round in 0..30 {
            for name in ["Okafor", "Lindqvist", "Moreau", "Tanaka"] {
                texts.push(format!("Mr {name} said the plan would work ."));
            }
            for town in ["Tromsø", "Arequipa", "Kraków", "Nagpur"] {
                texts.push(format!(
                    "Flooding in {town} on day {round} closed schools ."
                ));
            }
        }
        let clusters = learn(&texts);
        let key = |w: &str| word_key(&w.to_lowercase());
        let fine = |w: &str| clusters.of(key(w))[LEVELS - 1];
        assert_eq!(fine("Okafor"), fine("Tanaka"));
        assert_eq!(fine("Kraków"), fine("Nagpur"));
        assert_ne!(fine("Okafor"), fine("Kraków"));
        assert_eq!(clusters.of(key("Zyx")), [UNKNOWN; LEVELS]);
    }

    #[test]
    fn clusters_survive_writing_and_reading() {
        let texts: Vec<String> = (0..10)
            .map(|_| "Ms Ardern met Mr Scholz in Berlin .".to_string())
            .collect();
        let clusters = learn(&texts);
        let mut bytes = Vec::new();
        clusters.write(&mut bytes).unwrap();
        let read = Clusters::read(&mut bytes.as_slice()).unwrap();
        assert_eq!(read.len(), clusters.len());
        let key = word_key("scholz");
        assert_eq!(read.of(key), clusters.of(key));
    }
}
