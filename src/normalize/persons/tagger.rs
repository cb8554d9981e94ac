//! Tags the tokens of a text as parts of person names (or of other names) with a greedy
//! averaged perceptron over hashed sparse features; also trains that model.

use super::clusters::{self, Clusters};
use super::evidence::{self, Evidence, Facts};
use super::tokens::Token;
use crate::normalize::lexicon::is_name_particle;

use crate::fasthash::{IntMap, IntSet, lowercase_hash};

use std::cell::RefCell;
use std::io::{self, Read, Write};
use std::sync::atomic::{AtomicU64, Ordering};

/// Tags: outside, person (begin / inside), other named entity (begin / inside).
pub const TAGS: usize = 5;

/// Not part of a name.
pub const O: usize = 0;

/// First token of a person's name.
pub const B_PER: usize = 1;

/// Later token of a person's name.
pub const I_PER: usize = 2;

/// First token of another name (an organisation, place, event …).
pub const B_ENT: usize = 3;

/// Later token of another name.
pub const I_ENT: usize = 4;

const MAGIC: &[u8; 8] = b"MGPER02\n";

/// Word lists learnt from training data that feature functions consult.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    /// Words that begin a person's name ("william").
    pub first_names: IntSet<u64>,
    /// Words seen inside persons' names.
    pub person_words: IntSet<u64>,
    /// Words seen inside other names ("house", "jersey").
    pub entity_words: IntSet<u64>,
    /// Words seen written in lower case mid-sentence: ordinary words.
    pub common_words: IntSet<u64>,
}

/// A trained model: weights per feature and tag, and the lexicon its features use.
#[derive(Debug, Default, Clone)]
pub struct Model {
    pub(super) weights: IntMap<u64, [f32; TAGS]>,
    pub(super) lexicon: Lexicon,
    pub(super) clusters: Clusters,
    /// Which finished model this is, for [`WordMemory`]; 0 for one still being built,
    /// which is tagged without the memory.
    pub(super) id: u64,
}

/// A new [`Model::id`], never 0.
pub(super) fn fresh_model_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// What a word form's own features add to each tag's score, and what the lexicon says of
/// it: remembered per thread, because the same capitalised words ("The", "Reuters",
/// "Clinton") are scored over and over, and each costs some twenty hashes and look-ups.
struct WordMemory {
    model: u64,
    words: IntMap<u64, Remembered>,
}

#[derive(Clone, Copy)]
struct Remembered {
    /// The running sum of the weights after the word's own features, which come first in
    /// [`features`]: going on from it gives the very same floating-point sum.
    scores: [f32; TAGS],
    flags: Flags,
}

/// Word forms remembered per thread before the memory starts over (about 2 MB).
const WORD_MEMORY_LIMIT: usize = 1 << 16;

impl WordMemory {
    /// Readies the memory for the model `id`: another model's words, or a full memory,
    /// are forgotten.
    fn serve(&mut self, id: u64) {
        if self.model != id || self.words.len() >= WORD_MEMORY_LIMIT {
            self.model = id;
            self.words.clear();
        }
    }
}

thread_local! {
    static WORD_MEMORY: RefCell<WordMemory> = RefCell::new(WordMemory {
        model: 0,
        words: IntMap::default(),
    });
}

/// Hashes a word form for the lexicon and features.
pub fn word_key(word: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(word.as_bytes())
}

fn feature(template: u64, value: u64) -> u64 {
    // A cheap, well-mixed combination of two 64-bit values.
    (template.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ value).wrapping_mul(0xBF58_476D_1CE4_E5B9)
        ^ (value >> 29)
}

fn text_feature(template: u64, text: &str) -> u64 {
    feature(template, xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

/// True when a token may be (part of) a name and is worth scoring; every other token is
/// tagged O without looking at the model, which keeps tagging fast.
pub fn may_be_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when token `i` is scored: a capitalised word, or a particle inside a name.
pub(super) fn should_score(tokens: &[Token<'_>], i: usize, prev: usize) -> bool {
    let word = &tokens[i].text;
    if may_be_name(word) {
        return true;
    }
    (prev == B_PER || prev == I_PER)
        && is_name_particle(word)
        && tokens
            .get(i + 1)
            .is_some_and(|next| may_be_name(&next.text) || is_name_particle(&next.text))
}

/// Hashes standing for the words before the first and after the last token.
const START: u64 = 0x5354_4152_5400_0001;

const END: u64 = 0x454E_4400_0000_0002;

/// True when token `i` of `tokens` (whose word keys are `words`) is an ordinary word
/// opening a sentence and followed by a lower-case word ("The company said"): tagged O
/// without scoring, in training as at run time.
pub(super) fn plain_sentence_opener(
    tokens: &[Token<'_>],
    words: &[u64],
    lexicon: &Lexicon,
    i: usize,
) -> bool {
    (i == 0 || follows_sentence_end(tokens, i))
        && lexicon.common_words.contains(&words[i])
        && tokens
            .get(i + 1)
            .is_some_and(|next| next.text.chars().next().is_some_and(char::is_lowercase))
}

fn follows_sentence_end(tokens: &[Token<'_>], i: usize) -> bool {
    i > 0 && ends_sentence(&tokens[i - 1].text)
}

/// Per-token facts computed once per text, as hashes: no string is built per token.
pub(super) struct Context<'a> {
    tokens: &'a [Token<'a>],
    /// Hash of each token's lower-case form (the lexicon's key too).
    words: &'a [u64],
    /// Hash of each token's shape.
    shapes: Vec<u64>,
    /// Each token's word clusters, coarse to fine.
    clusters: Vec<[u16; clusters::LEVELS]>,
    /// What the rest of the document says about each token's word.
    facts: Vec<Facts>,
    /// The text is mostly capitalised words (a headline): capitals say less there.
    title_case: bool,
}

impl<'a> Context<'a> {
    /// `words` holds the [`sentence_keys`] of `tokens`.
    pub(super) fn new(
        tokens: &'a [Token<'a>],
        words: &'a [u64],
        known: &Clusters,
        evidence: &Evidence,
    ) -> Context<'a> {
        // Only a possible name and its next neighbours are ever looked at (words two away
        // by their keys alone): just those get shapes, clusters and facts. One pass, which
        // also counts the capitalised words.
        let count = tokens.len();
        let mut shapes = vec![0; count];
        let mut clusters = vec![[clusters::UNKNOWN; clusters::LEVELS]; count];
        let mut facts = vec![0; count];
        let (mut alphabetic, mut capitalised) = (0, 0);
        // Tokens before this one have had their turn to be filled in.
        let mut filled = 0;
        for (i, token) in tokens.iter().enumerate() {
            let first = token.text.chars().next().unwrap_or(' ');
            let upper = first.is_uppercase();
            // Capitals and small letters are letters: only other first characters need
            // the whole word searched.
            if upper || first.is_lowercase() || token.text.chars().any(char::is_alphabetic) {
                alphabetic += 1;
                capitalised += usize::from(upper);
            }
            if upper || (first.is_lowercase() && is_name_particle(&token.text)) {
                let to = (i + 2).min(count);
                for near in filled.max(i.saturating_sub(1))..to {
                    let text = &tokens[near].text;
                    shapes[near] = shape_hash(text);
                    clusters[near] = known.of(words[near]);
                    facts[near] = evidence.of(words[near], text);
                }
                filled = to;
            }
        }
        let title_case = alphabetic >= 3 && capitalised * 10 >= alphabetic * 7;
        Context {
            tokens,
            words,
            shapes,
            clusters,
            facts,
            title_case,
        }
    }

    /// The clusters of token `i`; edges count as unknown words.
    fn clusters(&self, i: isize) -> [u16; clusters::LEVELS] {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.clusters.get(i))
            .copied()
            .unwrap_or([clusters::UNKNOWN; clusters::LEVELS])
    }

    fn word(&self, i: isize) -> u64 {
        if i < 0 {
            START
        } else {
            self.words.get(i as usize).copied().unwrap_or(END)
        }
    }

    fn shape(&self, i: isize) -> u64 {
        if i < 0 {
            START
        } else {
            self.shapes.get(i as usize).copied().unwrap_or(END)
        }
    }

    fn sentence_start(&self, i: usize) -> bool {
        follows_sentence_end(self.tokens, i)
    }
}

/// The [`word_key`] of each token's lower-case form: computed once per sentence, for the
/// document's evidence and the tagger alike.
pub(super) fn sentence_keys(tokens: &[Token<'_>]) -> Vec<u64> {
    // The same hash as `word_key` of the lower-case word.
    tokens.iter().map(|t| lowercase_hash(&t.text)).collect()
}

/// True when some token of the sentence may be (part of) a name.
pub(super) fn may_hold_names(tokens: &[Token<'_>]) -> bool {
    tokens.iter().any(|t| may_be_name(&t.text))
}

/// True for a token after which a new sentence (or quotation) starts.
pub fn ends_sentence(token: &str) -> bool {
    matches!(token, "." | "!" | "?" | ":" | "\"" | "“")
}

/// Lower-cases `text` into `buffer` (reused between calls) and returns it.
pub(super) fn lowercase_into<'b>(text: &str, buffer: &'b mut String) -> &'b str {
    buffer.clear();
    if text.is_ascii() {
        buffer.push_str(text);
        buffer.make_ascii_lowercase();
    } else {
        buffer.extend(text.chars().flat_map(char::to_lowercase));
    }
    buffer
}

/// The hash of a word's [`shape`]; ASCII words, nearly all of them, are hashed without
/// building the string.
fn shape_hash(word: &str) -> u64 {
    if word.is_ascii() {
        let mut bytes = [0u8; 6];
        let mut len = 0;
        for &b in word.as_bytes() {
            let s = match b {
                b'A'..=b'Z' => b'X',
                b'a'..=b'z' => b'x',
                b'0'..=b'9' => b'd',
                other => other,
            };
            if len == 0 || bytes[len - 1] != s {
                bytes[len] = s;
                len += 1;
                if len == bytes.len() {
                    break;
                }
            }
        }
        return xxhash_rust::xxh3::xxh3_64(&bytes[..len]);
    }
    xxhash_rust::xxh3::xxh3_64(shape(word).as_bytes())
}

/// The word's shape with runs collapsed: "Orrick" → "Xx", "U.S." → "X.X.", "47th" → "dx";
/// at most six bytes long.
fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars().map(shape_class) {
        if !out.ends_with(c) {
            out.push(c);
            if out.len() >= 6 {
                break;
            }
        }
    }
    out
}

fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_ascii_digit() {
        'd'
    } else {
        c
    }
}

/// The features of token `i`, given the tags before it. `lower` is the token in lower
/// case. Those of the word alone come first, then those of where it stands.
pub(super) fn features(
    context: &Context,
    lexicon: &Lexicon,
    i: usize,
    lower: &str,
    prev: usize,
    prev2: usize,
    out: &mut Vec<u64>,
) {
    out.clear();
    let flags = word_features(context, lexicon, i, lower, out);
    place_features(context, lexicon, i, prev, prev2, flags, out);
}

/// What the lexicon says of a word: first name, person word, entity word, common word.
type Flags = [bool; 4];

/// Pushes the features of token `i` that its own text decides (the word, its shape and
/// affixes, what the lexicon and the clusters say of it), and returns the lexicon's flags.
/// They are the same wherever the word stands, which lets [`WordMemory`] sum their weights
/// once per word form.
fn word_features(
    context: &Context,
    lexicon: &Lexicon,
    i: usize,
    lower: &str,
    out: &mut Vec<u64>,
) -> Flags {
    let at = i as isize;
    let key = context.word(at);
    let shape = context.shape(at);
    out.push(feature(0, 0)); // bias
    out.push(feature(1, key));
    out.push(feature(2, shape));
    push_affixes(lower, out);
    let flags = [
        lexicon.first_names.contains(&key),
        lexicon.person_words.contains(&key),
        lexicon.entity_words.contains(&key),
        lexicon.common_words.contains(&key),
    ];
    for (n, &flag) in flags.iter().enumerate() {
        if flag {
            out.push(feature(40 + n as u64, 1));
        }
    }
    if shouts(&context.tokens[i].text) {
        out.push(feature(72, u64::from(flags[3])));
    }
    for (level, &cluster) in context.clusters(at).iter().enumerate() {
        out.push(feature(80 + level as u64, u64::from(cluster)));
    }
    flags
}

/// True for a word of two or more characters without a lower-case letter ("NATO", "U.S.").
fn shouts(word: &str) -> bool {
    word.len() > 1 && word.chars().all(|c| !c.is_lowercase())
}

/// Prefixes of one to three letters and suffixes of one to four, shorter than the word;
/// found without allocating (this runs for every scored word form).
fn push_affixes(lower: &str, out: &mut Vec<u64>) {
    let ascii = lower.is_ascii();
    let chars = if ascii {
        lower.len()
    } else {
        lower.chars().count()
    };
    let byte_at = |n: usize| {
        if ascii {
            n
        } else {
            lower
                .char_indices()
                .nth(n)
                .map_or(lower.len(), |(at, _)| at)
        }
    };
    for n in 1..=3 {
        if chars > n {
            out.push(text_feature(
                3 + n as u64,
                lower.get(..byte_at(n)).unwrap_or_default(),
            ));
        }
    }
    for n in 1..=4 {
        if chars > n {
            out.push(text_feature(
                10 + n as u64,
                lower.get(byte_at(chars - n)..).unwrap_or_default(),
            ));
        }
    }
}

/// Pushes the features of token `i` that depend on its neighbours, the tags before it,
/// the document's evidence and the sentence; `flags` are the word's own.
fn place_features(
    context: &Context,
    lexicon: &Lexicon,
    i: usize,
    prev: usize,
    prev2: usize,
    flags: Flags,
    out: &mut Vec<u64>,
) {
    let at = i as isize;
    let key = context.word(at);
    let shape = context.shape(at);
    let (before, after) = (context.word(at - 1), context.word(at + 1));
    let (shape_before, shape_after) = (context.shape(at - 1), context.shape(at + 1));
    // The features every scored word has, in one extend: one capacity check, not fifteen.
    out.extend_from_slice(&[
        feature(20, before),
        feature(21, after),
        feature(22, context.word(at - 2)),
        feature(23, context.word(at + 2)),
        feature(28, feature(before, key)),
        feature(29, feature(key, after)),
        feature(24, shape_before),
        feature(25, shape_after),
        feature(26, feature(0, shape_before) ^ feature(1, shape)),
        feature(27, feature(0, shape) ^ feature(1, shape_after)),
        feature(30, prev as u64),
        feature(31, (prev * TAGS + prev2) as u64),
        feature(32, feature(prev as u64, shape)),
        feature(33, feature(prev as u64, key)),
        feature(35, u64::from(i == 0 || context.sentence_start(i))),
    ]);
    for (n, &flag) in flags.iter().enumerate() {
        if flag {
            out.push(feature(50 + n as u64, prev as u64));
        }
    }
    if lexicon.person_words.contains(&after) {
        out.push(feature(60, 1));
    }
    if lexicon.entity_words.contains(&after) {
        out.push(feature(61, 1));
    }
    if lexicon.first_names.contains(&before) {
        out.push(feature(62, 1));
    }
    if context.title_case {
        out.push(feature(70, shape));
        out.push(feature(71, u64::from(flags[3])));
    }
    let fine = clusters::LEVELS - 1;
    let (clusters_before, clusters_after) = (context.clusters(at - 1), context.clusters(at + 1));
    out.extend_from_slice(&[
        feature(
            85,
            feature(prev as u64, u64::from(context.clusters(at)[fine])),
        ),
        feature(86, u64::from(clusters_before[fine])),
        feature(87, u64::from(clusters_after[fine])),
        feature(88, u64::from(clusters_before[1])),
        feature(89, u64::from(clusters_after[1])),
    ]);
    let facts = context.facts[i];
    for bit in 0..evidence::FACTS {
        if facts & (1 << bit) != 0 {
            out.push(feature(100 + u64::from(bit), 1));
            out.push(feature(120 + u64::from(bit), prev as u64));
        }
    }
    out.push(feature(140, u64::from(facts)));
    let next_facts = context.facts.get(i + 1).copied().unwrap_or(0);
    out.push(feature(141, u64::from(next_facts)));
}

impl Model {
    /// Tags each token of a text standing alone.
    pub fn tag(&self, tokens: &[Token<'_>]) -> Vec<usize> {
        let (keys, evidence) = self.keys_and_evidence(tokens);
        self.tag_with(tokens, &keys, &evidence)
    }

    /// The word keys of a text standing alone, and what it says of its words.
    fn keys_and_evidence(&self, tokens: &[Token<'_>]) -> (Vec<u64>, Evidence) {
        let keys = sentence_keys(tokens);
        let evidence = Evidence::gather(&[tokens], std::slice::from_ref(&keys), &self.lexicon);
        (keys, evidence)
    }

    /// What the sentences of one document say about their words, and each sentence's
    /// word keys (empty for a sentence that cannot hold a name).
    pub(super) fn evidence(&self, sentences: &[&[Token<'_>]]) -> (Evidence, Vec<Vec<u64>>) {
        let keys: Vec<Vec<u64>> = sentences
            .iter()
            .map(|s| {
                if may_hold_names(s) {
                    sentence_keys(s)
                } else {
                    Vec::new()
                }
            })
            .collect();
        (Evidence::gather(sentences, &keys, &self.lexicon), keys)
    }

    /// Tags each token of one sentence of a document, given its word keys; tokens that
    /// cannot start or continue a name are tagged O unseen.
    pub(super) fn tag_with(
        &self,
        tokens: &[Token<'_>],
        keys: &[u64],
        evidence: &Evidence,
    ) -> Vec<usize> {
        let mut tags = vec![O; tokens.len()];
        if keys.len() != tokens.len() || !self.scores_some(tokens, keys) {
            return tags;
        }
        let context = Context::new(tokens, keys, &self.clusters, evidence);
        let mut buffer = Vec::with_capacity(64);
        let mut lower = String::new();
        WORD_MEMORY.with_borrow_mut(|memory| {
            memory.serve(self.id);
            for i in 0..tokens.len() {
                let (prev, prev2) = previous(&tags, i);
                if !should_score(tokens, i, prev)
                    || plain_sentence_opener(tokens, keys, &self.lexicon, i)
                {
                    continue;
                }
                let scores =
                    self.scores_at(memory, &context, i, (prev, prev2), &mut lower, &mut buffer);
                tags[i] = valid_best(&scores, prev);
            }
        });
        tags
    }

    /// True when some token of the sentence will be scored. Only a capitalised word that
    /// is not a plain sentence opener starts that: a particle is scored only after a
    /// person's name. Most lines that open with "The" or "He" and name no one are then
    /// tagged without building their context.
    fn scores_some(&self, tokens: &[Token<'_>], keys: &[u64]) -> bool {
        (0..tokens.len()).any(|i| {
            may_be_name(&tokens[i].text) && !plain_sentence_opener(tokens, keys, &self.lexicon, i)
        })
    }

    /// Each tag's score for token `i` after the tags `before` it (the last, then the one
    /// before): its own features' part from the memory, then the features of where it
    /// stands.
    fn scores_at(
        &self,
        memory: &mut WordMemory,
        context: &Context,
        i: usize,
        (prev, prev2): (usize, usize),
        lower: &mut String,
        buffer: &mut Vec<u64>,
    ) -> [f32; TAGS] {
        let own = self.word_part(memory, context, i, lower, buffer);
        buffer.clear();
        place_features(context, &self.lexicon, i, prev, prev2, own.flags, buffer);
        add_weights(&self.weights, buffer, own.scores)
    }

    /// The scores and flags of token `i`'s own features, from the memory when the word
    /// form was scored before (a model still being built is not remembered).
    fn word_part(
        &self,
        memory: &mut WordMemory,
        context: &Context,
        i: usize,
        lower: &mut String,
        buffer: &mut Vec<u64>,
    ) -> Remembered {
        let at = i as isize;
        // What the word features read: the lower-case word, its shape, its capitals.
        let form = feature(
            feature(context.word(at), context.shape(at)),
            u64::from(shouts(&context.tokens[i].text)),
        );
        if self.id != 0
            && let Some(&known) = memory.words.get(&form)
        {
            return known;
        }
        let lower = lowercase_into(&context.tokens[i].text, lower);
        buffer.clear();
        let flags = word_features(context, &self.lexicon, i, lower, buffer);
        let own = Remembered {
            scores: add_weights(&self.weights, buffer, [0.0; TAGS]),
            flags,
        };
        if self.id != 0 {
            memory.words.insert(form, own);
        }
        own
    }

    /// True when `word` is an ordinary word, seen in lower case mid-sentence in training.
    pub fn is_common_word(&self, word: &str) -> bool {
        self.lexicon
            .common_words
            .contains(&word_key(&word.to_lowercase()))
    }

    /// True when `word` (lower case) was part of other names (places, organisations)
    /// more often than of persons' in training, and never opened a person's name.
    pub fn is_entity_word(&self, word: &str) -> bool {
        let key = word_key(word);
        self.lexicon.entity_words.contains(&key)
            && !self.lexicon.person_words.contains(&key)
            && !self.lexicon.first_names.contains(&key)
    }

    /// True when `word` (folded) opened persons' names in training.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.lexicon.first_names.contains(&word_key(word))
    }

    /// Number of words with clusters.
    pub fn clustered_words(&self) -> usize {
        self.clusters.len()
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// True when the model has no weights.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Writes the model: weights quantised to 16 bits, then the lexicon.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(MAGIC)?;
        let max = self
            .weights
            .values()
            .flat_map(|w| w.iter())
            .fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        out.write_all(&scale.to_le_bytes())?;
        let mut keys: Vec<&u64> = self.weights.keys().collect();
        keys.sort();
        out.write_all(&(keys.len() as u64).to_le_bytes())?;
        for key in keys {
            out.write_all(&key.to_le_bytes())?;
            for w in &self.weights[key] {
                out.write_all(&((w / scale).round() as i16).to_le_bytes())?;
            }
        }
        for set in [
            &self.lexicon.first_names,
            &self.lexicon.person_words,
            &self.lexicon.entity_words,
            &self.lexicon.common_words,
        ] {
            let mut keys: Vec<&u64> = set.iter().collect();
            keys.sort();
            out.write_all(&(keys.len() as u64).to_le_bytes())?;
            for key in keys {
                out.write_all(&key.to_le_bytes())?;
            }
        }
        self.clusters.write(out)
    }

    /// Reads a model written by [`Model::write`].
    pub fn read(mut input: &[u8]) -> io::Result<Model> {
        let bad = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_string());
        let mut magic = [0u8; 8];
        input.read_exact(&mut magic)?;
        if &magic != MAGIC {
            return Err(bad("not a morgue person model"));
        }
        let scale = f32::from_le_bytes(take(&mut input)?);
        let count = u64::from_le_bytes(take(&mut input)?) as usize;
        let mut weights = IntMap::default();
        weights.reserve(count);
        for _ in 0..count {
            let key = u64::from_le_bytes(take(&mut input)?);
            let mut w = [0.0f32; TAGS];
            for slot in &mut w {
                *slot = i16::from_le_bytes(take(&mut input)?) as f32 * scale;
            }
            weights.insert(key, w);
        }
        let mut sets: Vec<IntSet<u64>> = Vec::new();
        for _ in 0..4 {
            let n = u64::from_le_bytes(take(&mut input)?) as usize;
            let mut set = IntSet::default();
            for _ in 0..n {
                set.insert(u64::from_le_bytes(take(&mut input)?));
            }
            sets.push(set);
        }
        let common_words = sets.pop().unwrap_or_default();
        let entity_words = sets.pop().unwrap_or_default();
        let person_words = sets.pop().unwrap_or_default();
        let first_names = sets.pop().unwrap_or_default();
        let clusters = Clusters::read(&mut input)?;
        Ok(Model {
            weights,
            id: fresh_model_id(),
            clusters,
            lexicon: Lexicon {
                first_names,
                person_words,
                entity_words,
                common_words,
            },
        })
    }
}

/// Each tag's score: the sum of the weights of the features present.
pub(super) fn sum_weights(weights: &IntMap<u64, [f32; TAGS]>, features: &[u64]) -> [f32; TAGS] {
    add_weights(weights, features, [0.0; TAGS])
}

/// `scores` with the weights of `features` added, in their order.
fn add_weights(
    weights: &IntMap<u64, [f32; TAGS]>,
    features: &[u64],
    mut scores: [f32; TAGS],
) -> [f32; TAGS] {
    for f in features {
        if let Some(w) = weights.get(f) {
            for (s, w) in scores.iter_mut().zip(w) {
                *s += w;
            }
        }
    }
    scores
}

fn take<const N: usize>(input: &mut &[u8]) -> io::Result<[u8; N]> {
    let mut bytes = [0u8; N];
    input.read_exact(&mut bytes)?;
    Ok(bytes)
}

pub(super) fn previous(tags: &[usize], i: usize) -> (usize, usize) {
    let prev = if i >= 1 { tags[i - 1] } else { O };
    let prev2 = if i >= 2 { tags[i - 2] } else { O };
    (prev, prev2)
}

/// The best tag that can follow `prev`: an "inside" tag only continues its own kind.
pub(super) fn valid_best(scores: &[f32; TAGS], prev: usize) -> usize {
    let allowed = |tag: usize| match tag {
        I_PER => matches!(prev, B_PER | I_PER),
        I_ENT => matches!(prev, B_ENT | I_ENT),
        _ => true,
    };
    (0..TAGS)
        .filter(|&t| allowed(t))
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
        .unwrap_or(O)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::persons::tokens::tokenize;
    use crate::normalize::persons::{model, read_conll, training};

    /// Tags and scores as the tagger did before it remembered words: every feature of
    /// every scored token looked up afresh.
    fn tag_plainly(model: &Model, tokens: &[Token<'_>]) -> (Vec<usize>, Vec<[f32; TAGS]>) {
        let (keys, evidence) = model.keys_and_evidence(tokens);
        let context = Context::new(tokens, &keys, &model.clusters, &evidence);
        let (mut tags, mut all_scores) = (vec![O; tokens.len()], Vec::new());
        let (mut buffer, mut lower) = (Vec::new(), String::new());
        for i in 0..tokens.len() {
            let (prev, prev2) = previous(&tags, i);
            if !should_score(tokens, i, prev)
                || plain_sentence_opener(tokens, &keys, &model.lexicon, i)
            {
                continue;
            }
            let lower = lowercase_into(&tokens[i].text, &mut lower);
            features(&context, &model.lexicon, i, lower, prev, prev2, &mut buffer);
            let scores = sum_weights(&model.weights, &buffer);
            tags[i] = valid_best(&scores, prev);
            all_scores.push(scores);
        }
        (tags, all_scores)
    }

    /// The scores of the tokens [`tag_plainly`] scores, the word part from the memory.
    fn scores_remembered(model: &Model, tokens: &[Token<'_>], tags: &[usize]) -> Vec<[f32; TAGS]> {
        let (keys, evidence) = model.keys_and_evidence(tokens);
        let context = Context::new(tokens, &keys, &model.clusters, &evidence);
        let (mut buffer, mut lower, mut all_scores) = (Vec::new(), String::new(), Vec::new());
        WORD_MEMORY.with_borrow_mut(|memory| {
            memory.serve(model.id);
            for i in 0..tokens.len() {
                let (prev, prev2) = previous(tags, i);
                if !should_score(tokens, i, prev)
                    || plain_sentence_opener(tokens, &keys, &model.lexicon, i)
                {
                    continue;
                }
                all_scores.push(model.scores_at(
                    memory,
                    &context,
                    i,
                    (prev, prev2),
                    &mut lower,
                    &mut buffer,
                ));
            }
        });
        all_scores
    }

    const SENTENCES: [&str; 9] = [
        "Judge William Orrick of San Francisco blocked the order , Orrick said on Tuesday .",
        "ORRICK BLOCKS ORDER ON SANCTUARY CITIES",
        "The mayor , London Breed , said Orrick and Breed spoke with Volodymyr Zelensky .",
        "Bundeskanzler Olaf Scholz traf Jacinda Ardern und Xi Jinping in Berlin .",
        "Ms. Ocasio-Cortez told The New York Times that Kamala Harris would run .",
        "Émile Zola , J. R. R. Tolkien and McDONALD'S met at St Peter's Square .",
        // The same words in other shapes: one memory entry each.
        "Mcdonald met McDonald , Deluca met DeLuca , and ZOLA met Zola .",
        // Only plain sentence openers: tagged without a context.
        "The company said it would sell its unit . It was , he said , the end .",
        "The chairman , de Villiers , said so .",
    ];

    #[test]
    fn remembered_words_give_bit_for_bit_the_scores_of_every_feature_looked_up() {
        let model = model().expect("the tests need the shipped model (the `persons` feature)");
        // Twice: the first round fills the memory, the second reads from it.
        for round in 0..2 {
            for sentence in SENTENCES {
                let tokens = tokenize(sentence);
                let (plain_tags, plain_scores) = tag_plainly(model, &tokens);
                let remembered = scores_remembered(model, &tokens, &plain_tags);
                assert_eq!(remembered.len(), plain_scores.len(), "{sentence}");
                for (a, b) in remembered.iter().zip(&plain_scores) {
                    assert_eq!(
                        a.map(f32::to_bits),
                        b.map(f32::to_bits),
                        "{sentence} ({round})"
                    );
                }
                assert_eq!(model.tag(&tokens), plain_tags, "{sentence} ({round})");
            }
        }
        assert!(WORD_MEMORY.with_borrow(|m| m.model == model.id && !m.words.is_empty()));
    }

    #[test]
    fn a_context_describes_possible_names_and_their_next_neighbours_only() {
        let model = model().expect("the tests need the shipped model (the `persons` feature)");
        let opens_name = |token: &Token| {
            let first = token.text.chars().next().unwrap_or(' ');
            first.is_uppercase() || (first.is_lowercase() && is_name_particle(&token.text))
        };
        for (sentence, title_case) in [
            ("the mayor , London Breed , said so in Ōsaka", false),
            ("Orrick", false),
            ("a b c de Villiers x y z", false),
            ("É a b c d e f", false),
            ("Orrick Blocks Sanctuary Order , 2025", true),
            ("", false),
        ] {
            let tokens = tokenize(sentence);
            let (keys, evidence) = model.keys_and_evidence(&tokens);
            let context = Context::new(&tokens, &keys, &model.clusters, &evidence);
            assert_eq!(context.title_case, title_case, "{sentence}");
            for (i, token) in tokens.iter().enumerate() {
                let last = tokens.len() - 1;
                let near =
                    (i.saturating_sub(1)..=(i + 1).min(last)).any(|j| opens_name(&tokens[j]));
                let (shape, facts) = if near {
                    (shape_hash(&token.text), evidence.of(keys[i], &token.text))
                } else {
                    (0, 0)
                };
                assert_eq!(context.shapes[i], shape, "{sentence}: {}", token.text);
                assert_eq!(context.facts[i], facts, "{sentence}: {}", token.text);
                let clusters = if near {
                    model.clusters.of(keys[i])
                } else {
                    [clusters::UNKNOWN; clusters::LEVELS]
                };
                assert_eq!(context.clusters[i], clusters, "{sentence}: {}", token.text);
            }
        }
    }

    #[test]
    fn a_sentence_is_scored_when_a_capitalised_word_is_more_than_a_plain_opener() {
        let model = model().expect("the tests need the shipped model (the `persons` feature)");
        for (sentence, scored) in [
            ("The company said it would sell its unit .", false),
            ("It was , he said . The end came .", false),
            ("the end of the line", false),
            ("The chairman , de Villiers , said so .", true),
            ("Orrick said so .", true),
            ("The Orrick ruling stands .", true),
            ("They said : The judge agreed .", false),
        ] {
            let tokens = tokenize(sentence);
            let keys = sentence_keys(&tokens);
            assert_eq!(model.scores_some(&tokens, &keys), scored, "{sentence}");
        }
    }

    #[test]
    fn one_models_remembered_words_are_not_used_by_another() {
        let conll = |name: &str, tag: &str| {
            format!(
                "-DOCSTART- -X- -X- O\n\nMr NNP B-NP O\n{name} NNP I-NP {tag}\nsaid VBD B-VP O\n\n"
            )
        };
        let train = |text: &str| {
            let examples = read_conll(text);
            training::train(&examples, 3, Clusters::default())
        };
        let person = train(&conll("Brook", "I-PER").repeat(5));
        let place = train(&conll("Brook", "I-LOC").repeat(5));
        assert_ne!(person.id, place.id);
        let tokens = tokenize("Mr Brook said");
        for model in [&person, &place, &person] {
            let (plain, _) = tag_plainly(model, &tokens);
            assert_eq!(model.tag(&tokens), plain);
        }
        assert_eq!(person.tag(&tokens)[1], B_PER);
        assert_eq!(place.tag(&tokens)[1], B_ENT);
    }

    #[test]
    fn word_keys_are_those_of_the_lower_case_word() {
        for word in [
            "Orrick",
            "U.S.",
            "",
            "x",
            "ÉCONOMIE",
            "Ocasio-Cortez",
            "Supercalifragilisticexpialidocious",
            "abcdefghijklmnopqrstuvwx",
        ] {
            let token = Token {
                text: word.into(),
                start: 0,
                end: word.len(),
            };
            assert_eq!(
                sentence_keys(&[token]),
                [word_key(&word.to_lowercase())],
                "{word}"
            );
        }
    }
}
