//! One analysis per text: tantivy asks an analyzer for every field apart, so an article's
//! body would be analysed three times (its stems, its exact words, and its passages, which
//! are pieces of it). Each thread keeps the words of the last text it stemmed, and the
//! exact words of that same text and the stems of its pieces are replayed from them.

use super::stem::StemMemory;
use super::words::{Step, WordStream, WordTokenizer};
use std::cell::Cell;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Texts longer than this are analysed afresh for each field instead of kept: keeping
/// costs about six times the text (its words' places, exact forms and stems), which a
/// clipping of many megabytes should not add to an ingest's peak.
const LARGEST_KEPT_BYTES: usize = 4 << 20;

#[cfg(test)]
thread_local! {
    /// Replays made by this thread, for tests to see that they happen.
    static REPLAYS: Cell<usize> = const { Cell::new(0) };
}

thread_local! {
    /// The thread's stems and last analysis. A stream takes them out while it runs and
    /// puts them back when dropped; a stream started meanwhile finds them empty and
    /// analyses as if nothing were kept.
    static MEMORY: Cell<Memory> = Cell::new(Memory::default());
}

#[derive(Default)]
struct Memory {
    stems: StemMemory,
    last: Analysis,
}

/// The thread's memory, taken out for one stream and put back when it is dropped.
struct Held(Memory);

impl Held {
    fn take() -> Held {
        Held(MEMORY.take())
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        let memory = std::mem::take(&mut self.0);
        // A thread being torn down has no memory left to keep it in.
        let _ = MEMORY.try_with(|kept| kept.set(memory));
    }
}

/// One word of the kept text.
#[derive(Debug, Clone, Copy)]
struct Entry {
    from: u32,
    to: u32,
    /// Where its exact form ends in [`Analysis::exact`] (it starts where the previous
    /// word's ends).
    exact_end: u32,
    /// Where its stem ends in [`Analysis::stems`].
    stem_end: u32,
    /// False for a word too long to be a token: it only takes a position.
    token: bool,
}

/// The words of the last text stemmed, with their exact forms and stems.
#[derive(Default)]
struct Analysis {
    text: String,
    /// True once every word of `text` is kept: a stream dropped half-way keeps nothing.
    complete: bool,
    words: Vec<Entry>,
    exact: String,
    stems: String,
    /// Where the next piece is looked for: pieces come in order, one separator apart.
    next: usize,
}

/// The words of a piece of the kept text.
#[derive(Debug, Clone, Copy)]
struct Piece {
    start: usize,
    first: usize,
    end_word: usize,
}

impl Analysis {
    /// Starts keeping `text`; false (and nothing kept) when it is too long to keep.
    fn start(&mut self, text: &str) -> bool {
        if self.words.capacity() > LARGEST_KEPT_BYTES / 8 {
            // Buffers grown for a long text go back before the next one.
            *self = Analysis::default();
        }
        self.text.clear();
        self.words.clear();
        self.exact.clear();
        self.stems.clear();
        self.complete = false;
        self.next = 0;
        if text.len() > LARGEST_KEPT_BYTES {
            return false;
        }
        self.text.push_str(text);
        true
    }

    /// Keeps one word: its place and stem, its exact form having been added to
    /// `exact` (both are empty for an overlong word).
    fn push(&mut self, token: &Token, stem: &str, is_token: bool) {
        self.stems.push_str(stem);
        // Offsets fit: `start` refused texts longer than `LARGEST_KEPT_BYTES`.
        self.words.push(Entry {
            from: token.offset_from as u32,
            to: token.offset_to as u32,
            exact_end: self.exact.len() as u32,
            stem_end: self.stems.len() as u32,
            token: is_token,
        });
    }

    fn exact_of(&self, i: usize) -> &str {
        let start = i
            .checked_sub(1)
            .map_or(0, |p| self.words[p].exact_end as usize);
        self.exact
            .get(start..self.words[i].exact_end as usize)
            .unwrap_or_default()
    }

    fn stem_of(&self, i: usize) -> &str {
        let start = i
            .checked_sub(1)
            .map_or(0, |p| self.words[p].stem_end as usize);
        self.stems
            .get(start..self.words[i].stem_end as usize)
            .unwrap_or_default()
    }

    /// Whether `text` is the whole kept text.
    fn is_whole(&self, text: &str) -> bool {
        self.complete && self.text == text
    }

    /// The words of `piece` when it stands in the kept text where the next piece is
    /// expected, with no word running across either of its ends: then its own analysis
    /// would give exactly those words.
    /// Once found, the next piece is looked for after it and its one-byte separator.
    fn take_piece(&mut self, piece: &str) -> Option<Piece> {
        if !self.complete {
            return None;
        }
        let start = self.next;
        let end = start.checked_add(piece.len())?;
        if self.text.get(start..end)? != piece {
            return None;
        }
        let first = self.words.partition_point(|w| (w.from as usize) < start);
        let end_word = self.words.partition_point(|w| (w.from as usize) < end);
        let runs_in = first > 0 && self.words[first - 1].to as usize > start;
        let runs_out = end_word > first && self.words[end_word - 1].to as usize > end;
        if runs_in || runs_out {
            return None;
        }
        self.next = end + 1;
        Some(Piece {
            start,
            first,
            end_word,
        })
    }
}

/// Which of a kept word's forms a replay gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Exact,
    Stem,
}

/// Tokens replayed from a kept analysis: words `at..end_word`, positions counted from
/// `first`, offsets from `start`.
struct Replay {
    memory: Held,
    form: Form,
    start: usize,
    first: usize,
    at: usize,
    end_word: usize,
}

impl Replay {
    fn new(memory: Held, form: Form, start: usize, first: usize, end_word: usize) -> Replay {
        #[cfg(test)]
        REPLAYS.set(REPLAYS.get() + 1);
        Replay {
            memory,
            form,
            start,
            first,
            at: first,
            end_word,
        }
    }

    fn advance(&mut self, token: &mut Token) -> bool {
        let last = &self.memory.0.last;
        while self.at < self.end_word {
            let i = self.at;
            self.at += 1;
            let word = last.words[i];
            if !word.token {
                continue;
            }
            token.text.clear();
            token.text.push_str(match self.form {
                Form::Exact => last.exact_of(i),
                Form::Stem => last.stem_of(i),
            });
            token.position = i - self.first;
            token.offset_from = word.from as usize - self.start;
            token.offset_to = word.to as usize - self.start;
            return true;
        }
        token.text.clear();
        false
    }
}

/// The analyzer of article text and titles: words, lower case, accents folded, English
/// stems. It keeps the words of what it analyses, and replays a piece of that text.
#[derive(Clone, Default)]
pub struct NewsTokenizer {
    words: WordTokenizer,
    token: Token,
}

impl Tokenizer for NewsTokenizer {
    type TokenStream<'a> = AnalysisStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> AnalysisStream<'a> {
        let mut memory = Held::take();
        if let Some(piece) = memory.0.last.take_piece(text) {
            self.token.reset();
            let replay = Replay::new(memory, Form::Stem, piece.start, piece.first, piece.end_word);
            return AnalysisStream(Stream::Replay(replay, &mut self.token));
        }
        let keeping = memory.0.last.start(text);
        AnalysisStream(Stream::Analyse {
            words: self.words.token_stream(text),
            memory,
            keeping,
        })
    }
}

/// The token stream of both analyzers.
pub struct AnalysisStream<'a>(Stream<'a>);

enum Stream<'a> {
    /// Analysing a text; its words are kept when `keeping`.
    Analyse {
        words: WordStream<'a>,
        memory: Held,
        keeping: bool,
    },
    /// Replaying words kept before.
    Replay(Replay, &'a mut Token),
    /// Analysing a text that is not kept (names).
    Plain(WordStream<'a>),
}

/// The next stemmed word of a text being analysed, keeping each word when `keeping`.
fn analyse_next(words: &mut WordStream<'_>, memory: &mut Memory, keeping: bool) -> bool {
    loop {
        match words.step() {
            Step::End => {
                memory.last.complete = keeping;
                words.token_mut().text.clear();
                return false;
            }
            Step::Overlong => {
                if keeping {
                    memory.last.push(words.token(), "", false);
                }
            }
            Step::Word => {
                let token = words.token_mut();
                if keeping {
                    memory.last.exact.push_str(&token.text);
                }
                memory.stems.stem(&mut token.text);
                if keeping {
                    memory.last.push(token, &token.text, true);
                }
                return true;
            }
        }
    }
}

impl TokenStream for AnalysisStream<'_> {
    fn advance(&mut self) -> bool {
        match &mut self.0 {
            Stream::Analyse {
                words,
                memory,
                keeping,
            } => analyse_next(words, &mut memory.0, *keeping),
            Stream::Replay(replay, token) => replay.advance(token),
            Stream::Plain(words) => words.advance(),
        }
    }

    fn token(&self) -> &Token {
        match &self.0 {
            Stream::Analyse { words, .. } | Stream::Plain(words) => words.token(),
            Stream::Replay(_, token) => token,
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        match &mut self.0 {
            Stream::Analyse { words, .. } | Stream::Plain(words) => words.token_mut(),
            Stream::Replay(_, token) => token,
        }
    }
}

/// The analyzer of names and exact words: words, lower case, accents folded, no stems.
/// The exact words of the text the news analyzer kept last are replayed.
#[derive(Clone, Default)]
pub struct NameTokenizer {
    words: WordTokenizer,
    token: Token,
}

impl Tokenizer for NameTokenizer {
    type TokenStream<'a> = AnalysisStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> AnalysisStream<'a> {
        let memory = Held::take();
        if !memory.0.last.is_whole(text) {
            drop(memory);
            return AnalysisStream(Stream::Plain(self.words.token_stream(text)));
        }
        self.token.reset();
        let end_word = memory.0.last.words.len();
        let replay = Replay::new(memory, Form::Exact, 0, 0, end_word);
        AnalysisStream(Stream::Replay(replay, &mut self.token))
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::tests::tokens;
    use super::*;
    use tantivy::tokenizer::{
        AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
        TextAnalyzer,
    };

    /// tantivy's own filters chained: what both analyzers must give, kept or not.
    fn reference(stems: bool) -> TextAnalyzer {
        let words = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter);
        if stems {
            words.filter(Stemmer::new(Language::English)).build()
        } else {
            words.build()
        }
    }

    /// Asserts that `analyzer` gives `text` the tokens of tantivy's own filters chained,
    /// with English stems or without.
    fn same_as_fresh(analyzer: &mut TextAnalyzer, stems: bool, text: &str) {
        assert_eq!(
            tokens(analyzer, text),
            tokens(&mut reference(stems), text),
            "{:?}",
            text.chars().take(80).collect::<String>()
        );
    }

    fn replays() -> usize {
        REPLAYS.get()
    }

    /// Articles as passages, with overlong words at passage edges, other scripts, digits
    /// and punctuation against the separator.
    fn articles() -> Vec<Vec<String>> {
        let long = "x".repeat(45);
        vec![
            vec!["Councils closed the roads.".into()],
            vec![
                "The central bank's rates rose; cities' happiest runners ran.".into(),
                format!("{long} opened this passage, and it ends with {long}"),
                "Zürich: 12 Millionen für den Hafen – Straße, ÆRØ".into(),
                "東京都 2019年4月4日 서울 Ελληνικά ΚΕΙΜΕΝΑ Русский".into(),
                "(quoted) \"last\" passage — 3.5% up".into(),
            ],
            vec!["one".into(), "two".into(), "three words here".into()],
        ]
    }

    #[test]
    fn replayed_exact_words_and_passages_are_those_of_a_fresh_analysis() {
        let mut news = TextAnalyzer::from(NewsTokenizer::default());
        let mut name = TextAnalyzer::from(NameTokenizer::default());
        for passages in articles() {
            let body = passages.join("\n");
            let before = replays();
            same_as_fresh(&mut news, true, &body);
            same_as_fresh(&mut name, false, &body);
            for passage in &passages {
                same_as_fresh(&mut news, true, passage);
            }
            assert_eq!(replays() - before, passages.len() + 1, "{body:?}");
        }
    }

    #[test]
    fn a_piece_with_a_word_cut_at_either_end_is_analysed_afresh() {
        let mut news = TextAnalyzer::from(NewsTokenizer::default());
        for (body, piece) in [
            ("bankrates rose", "bank"),
            ("rates rose sharply", "rates rose sharp"),
            ("Straße gesperrt", "Stra"),
        ] {
            tokens(&mut news, body);
            let before = replays();
            same_as_fresh(&mut news, true, piece);
            assert_eq!(replays(), before, "{piece:?} of {body:?}");
        }
    }

    #[test]
    fn pieces_out_of_order_are_analysed_afresh_and_kept_instead() {
        let mut news = TextAnalyzer::from(NewsTokenizer::default());
        let mut name = TextAnalyzer::from(NameTokenizer::default());
        tokens(&mut news, "first passage\nsecond passage");
        let before = replays();
        // The second passage before the first: not where the next piece is expected.
        same_as_fresh(&mut news, true, "second passage");
        assert_eq!(replays(), before);
        // It is now the kept text; the old body is not.
        same_as_fresh(&mut name, false, "first passage\nsecond passage");
        assert_eq!(replays(), before);
        tokens(&mut name, "second passage");
        assert_eq!(replays(), before + 1);
    }

    #[test]
    fn a_text_too_long_to_keep_is_analysed_for_every_field() {
        let mut news = TextAnalyzer::from(NewsTokenizer::default());
        let mut name = TextAnalyzer::from(NameTokenizer::default());
        let passage = "Councils closed the roads in Zürich.";
        let body = vec![passage; LARGEST_KEPT_BYTES / passage.len() + 1].join("\n");
        let before = replays();
        same_as_fresh(&mut news, true, &body);
        same_as_fresh(&mut name, false, &body);
        same_as_fresh(&mut news, true, passage);
        assert_eq!(replays(), before);
        // The short text analysed last is kept.
        tokens(&mut name, passage);
        assert_eq!(replays(), before + 1);
    }

    #[test]
    fn a_stream_dropped_half_way_keeps_nothing() {
        let mut news = TextAnalyzer::from(NewsTokenizer::default());
        let mut name = TextAnalyzer::from(NameTokenizer::default());
        let body = "Councils closed the roads again";
        {
            let mut stream = news.token_stream(body);
            assert!(stream.advance() && stream.advance());
        }
        let before = replays();
        same_as_fresh(&mut name, false, body);
        same_as_fresh(&mut news, true, "Councils");
        assert_eq!(replays(), before);
    }

    #[test]
    fn a_stream_started_while_another_runs_analyses_without_the_memory() {
        let mut news = TextAnalyzer::from(NewsTokenizer::default());
        let mut other = TextAnalyzer::from(NewsTokenizer::default());
        let mut name = TextAnalyzer::from(NameTokenizer::default());
        tokens(&mut news, "kept text");
        let mut outer = news.token_stream("outer runners");
        assert!(outer.advance());
        same_as_fresh(&mut other, true, "inner cities");
        assert!(outer.advance());
        assert_eq!(outer.token().text, "runner");
        assert!(!outer.advance());
        drop(outer);
        let before = replays();
        tokens(&mut name, "outer runners");
        assert_eq!(replays(), before + 1);
    }
}
