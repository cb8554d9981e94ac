//! Training the name tagger: CoNLL-2003 read into examples, word lists learnt from the
//! training data, and averaged-perceptron training. Used by `examples/train_persons.rs`;
//! nothing here runs at ingest.

use super::clusters::Clusters;
use super::evidence::Evidence;
use super::tagger::*;
use super::tokens::Token;
use crate::fasthash::IntMap;

/// Reads CoNLL-2003 data (`token POS chunk NER` lines, blank lines between sentences,
/// `-DOCSTART-` between documents) into training examples.
pub fn read_conll(text: &str) -> Vec<Example> {
    let mut examples = Vec::new();
    let mut document = 0;
    let mut tokens: Vec<Token<'static>> = Vec::new();
    let mut tags: Vec<usize> = Vec::new();
    let mut flush = |tokens: &mut Vec<Token<'static>>, tags: &mut Vec<usize>, document: usize| {
        if !tokens.is_empty() {
            examples.push(Example {
                tokens: std::mem::take(tokens),
                tags: std::mem::take(tags),
                document,
            });
        }
    };
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.is_empty() {
            flush(&mut tokens, &mut tags, document);
            continue;
        }
        if fields[0] == "-DOCSTART-" {
            flush(&mut tokens, &mut tags, document);
            document += 1;
            continue;
        }
        let label = fields.last().copied().unwrap_or("O");
        let tag = match label {
            "B-PER" => B_PER,
            "I-PER" => I_PER,
            "O" => O,
            l if l.starts_with("B-") => B_ENT,
            _ => I_ENT,
        };
        tokens.push(Token {
            text: fields[0].to_string().into(),
            start: 0,
            end: 0,
        });
        tags.push(tag);
    }
    flush(&mut tokens, &mut tags, document);
    // CoNLL's I- tags at the start of a name (IOB1) become B- tags.
    for example in &mut examples {
        for i in 0..example.tags.len() {
            let prev = if i > 0 { example.tags[i - 1] } else { O };
            example.tags[i] = match (example.tags[i], prev) {
                (I_PER, p) if p != B_PER && p != I_PER => B_PER,
                (I_ENT, p) if p != B_ENT && p != I_ENT => B_ENT,
                (t, _) => t,
            };
        }
    }
    examples
}

/// One training sentence: tokens and their gold tags.
#[derive(Debug, Clone)]
pub struct Example {
    /// The tokens.
    pub tokens: Vec<Token<'static>>,
    /// Gold tags, one per token.
    pub tags: Vec<usize>,
    /// The document the sentence belongs to (lexicons are built across documents).
    pub document: usize,
}

/// Builds the lexicon from examples.
pub fn lexicon(examples: &[&Example]) -> Lexicon {
    let mut counts: IntMap<u64, [u32; 4]> = IntMap::default();
    for example in examples {
        for (i, token) in example.tokens.iter().enumerate() {
            let key = word_key(&token.text.to_lowercase());
            let entry = counts.entry(key).or_default();
            match example.tags[i] {
                B_PER => {
                    entry[0] += 1;
                    entry[1] += 1;
                }
                I_PER => entry[1] += 1,
                B_ENT | I_ENT => entry[2] += 1,
                _ => {}
            }
            let lower_mid = i > 0 && token.text.chars().next().is_some_and(char::is_lowercase);
            if lower_mid {
                entry[3] += 1;
            }
        }
    }
    let mut lexicon = Lexicon::default();
    for (key, [first, person, entity, common]) in counts {
        if first >= 2 && first * 2 > entity {
            lexicon.first_names.insert(key);
        }
        if person >= 2 && person > entity {
            lexicon.person_words.insert(key);
        }
        if entity >= 2 && entity > person {
            lexicon.entity_words.insert(key);
        }
        if common >= 3 {
            lexicon.common_words.insert(key);
        }
    }
    lexicon
}

/// Trains a model: lexicon features are learnt on lexicons built from the other half of
/// the documents, so that the model does not learn to trust them more than it should on
/// names it has never seen.
pub fn train(examples: &[Example], epochs: usize, clusters: Clusters) -> Model {
    let halves: [Vec<&Example>; 2] = [
        examples.iter().filter(|e| e.document % 2 == 0).collect(),
        examples.iter().filter(|e| e.document % 2 == 1).collect(),
    ];
    let held_out = [lexicon(&halves[1]), lexicon(&halves[0])];
    let mut trainer = Trainer::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut buffer = Vec::with_capacity(64);
    let keys: Vec<Vec<u64>> = examples.iter().map(|e| sentence_keys(&e.tokens)).collect();
    let evidence = document_evidence(examples, &keys, &held_out);
    for _ in 0..epochs {
        // A fixed-seed shuffle: each epoch sees the sentences in a new order.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &n in &order {
            let example = &examples[n];
            let lexicon = &held_out[example.document % 2];
            let context = Context::new(
                &example.tokens,
                &keys[n],
                &clusters,
                &evidence[&example.document],
            );
            let mut tags = vec![O; example.tokens.len()];
            let mut lower = String::new();
            for i in 0..example.tokens.len() {
                let (prev, prev2) = previous(&tags, i);
                if !should_score(&example.tokens, i, prev)
                    || plain_sentence_opener(&example.tokens, &keys[n], lexicon, i)
                {
                    continue;
                }
                let lower = lowercase_into(&example.tokens[i].text, &mut lower);
                features(&context, lexicon, i, lower, prev, prev2, &mut buffer);
                let guess = valid_best(&trainer.scores(&buffer), prev);
                let gold = example.tags[i];
                trainer.update(&buffer, gold, guess);
                // Learn from the model's own history, as it will tag at run time.
                tags[i] = guess;
            }
        }
    }
    let mut model = trainer.averaged();
    let all: Vec<&Example> = examples.iter().collect();
    model.lexicon = lexicon(&all);
    model.clusters = clusters;
    model.id = fresh_model_id();
    model
}

/// Each document's evidence, gathered with the lexicon its sentences train with.
fn document_evidence(
    examples: &[Example],
    keys: &[Vec<u64>],
    lexicons: &[Lexicon; 2],
) -> IntMap<usize, Evidence> {
    let mut documents: IntMap<usize, Vec<usize>> = IntMap::default();
    for (n, example) in examples.iter().enumerate() {
        documents.entry(example.document).or_default().push(n);
    }
    documents
        .into_iter()
        .map(|(document, members)| {
            let sentences: Vec<&[Token<'static>]> = members
                .iter()
                .map(|&n| examples[n].tokens.as_slice())
                .collect();
            let keys: Vec<Vec<u64>> = members.iter().map(|&n| keys[n].clone()).collect();
            let evidence = Evidence::gather(&sentences, &keys, &lexicons[document % 2]);
            (document, evidence)
        })
        .collect()
}

/// Perceptron weights with the running sums that averaging needs.
#[derive(Default)]
struct Trainer {
    weights: IntMap<u64, [f32; TAGS]>,
    totals: IntMap<u64, [f64; TAGS]>,
    stamps: IntMap<u64, [u64; TAGS]>,
    step: u64,
}

impl Trainer {
    fn scores(&self, features: &[u64]) -> [f32; TAGS] {
        sum_weights(&self.weights, features)
    }

    fn update(&mut self, features: &[u64], gold: usize, guess: usize) {
        self.step += 1;
        if gold == guess {
            return;
        }
        for &f in features {
            for (tag, delta) in [(gold, 1.0f32), (guess, -1.0)] {
                let w = self.weights.entry(f).or_default();
                let total = self.totals.entry(f).or_default();
                let stamp = self.stamps.entry(f).or_default();
                total[tag] += (self.step - stamp[tag]) as f64 * w[tag] as f64;
                stamp[tag] = self.step;
                w[tag] += delta;
            }
        }
    }

    fn averaged(self) -> Model {
        let mut weights = IntMap::default();
        for (f, w) in &self.weights {
            let total = &self.totals[f];
            let stamp = &self.stamps[f];
            let mut avg = [0.0f32; TAGS];
            for t in 0..TAGS {
                let sum = total[t] + (self.step - stamp[t]) as f64 * w[t] as f64;
                avg[t] = (sum / self.step as f64) as f32;
            }
            // Features whose weights average out to almost nothing only cost space.
            if avg.iter().any(|a| a.abs() > 1e-3) {
                weights.insert(*f, avg);
            }
        }
        Model {
            weights,
            lexicon: Lexicon::default(),
            clusters: Clusters::default(),
            id: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conll_tags_are_read_as_begin_and_inside() {
        let text = "-DOCSTART- -X- -X- O\n\nJudge NNP B-NP O\nWilliam NNP I-NP I-PER\nOrrick NNP I-NP I-PER\nof IN B-PP O\nCalifornia NNP B-NP I-LOC\n\n";
        let examples = read_conll(text);
        assert_eq!(examples.len(), 1);
        assert_eq!(examples[0].tags, [O, B_PER, I_PER, O, B_ENT]);
    }
}
