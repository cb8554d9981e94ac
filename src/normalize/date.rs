//! Finds publication dates in strings: full dates in the written forms of the languages
//! news comes in (month names, "2019年4月4日", "2019년 4월 4일") and ISO, date lines near
//! the top or bottom of a clipping, and dates in file paths.

use super::text::longer_than;
use chrono::NaiveDate;
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// Month names and abbreviations, lower case, January first: English, German, French,
/// Spanish, Italian, Portuguese, Dutch, the Scandinavian languages, Polish and Russian
/// (the genitive forms dates use: "4 апреля 2019", "4 kwietnia 2019").
const MONTHS: [&str; 12] = [
    "january jan januar jänner janvier enero gennaio janeiro januari stycznia styczeń \
     январь января янв",
    "february feb febr februar février fevrier febrero febbraio fevereiro februari \
     lutego luty февраль февраля фев",
    "march mar märz maerz mär mars marzo março maart marts marca marzec март \
     марта",
    "april apr avril abril aprile kwietnia kwiecień апрель апреля апр",
    "may mai mayo maggio maio mei maj maja май мая",
    "june jun juni juin junio giugno junho czerwca czerwiec июнь июня",
    "july jul juli juillet julio luglio julho lipca lipiec июль июля",
    "august aug août aout agosto augustus augusti sierpnia sierpień август августа \
     авг",
    "september sept sep septembre septiembre setiembre settembre setembro września \
     wrzesień сентябрь сентября сен",
    "october oct oktober okt octobre octubre ottobre outubro października październik \
     октябрь октября окт",
    "november nov novembre noviembre novembro listopada listopad ноябрь ноября ноя",
    "december dec dezember dez décembre decembre diciembre dicembre dezembro desember \
     grudnia grudzień декабрь декабря дек",
];

/// The number of a month named in one of the languages of [`MONTHS`] (`Mar.`, `März`,
/// `апреля`).
pub fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_lowercase();
    (1..)
        .zip(MONTHS)
        .find(|(_, names)| names.split(' ').any(|name| name == word))
        .map(|(n, _)| n)
}

fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().flat_map(|names| names.split(' ')).collect();
    // Longest first, so "march" wins over "mar".
    names.sort_by_key(|name| std::cmp::Reverse(name.chars().count()));
    names.join("|")
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([0-9]{4})([-/.])([0-9]{1,2})([-/.])([0-9]{1,2})(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?\b").unwrap()
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b([0-9]{{1,2}})(?:st|nd|rd|th|er)?\.?(?:\s+|-)(?:of\s+|de\s+)?({})\b\.?,?(?:\s+|-)(?:del?\s+)?([0-9]{{4}})\b",
        month_alternation()
    ))
    .unwrap()
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({})\b\.?\s+([0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+([0-9]{{4}})\b",
        month_alternation()
    ))
    .unwrap()
});
/// "2019年4月4日" (Chinese, Japanese) and "2019년 4월 4일" (Korean).
static EAST_ASIAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{4})\s*[年년]\s*([0-9]{1,2})\s*[月월]\s*([0-9]{1,2})\s*[日일]").unwrap()
});
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([0-9]{1,2})([/.])([0-9]{1,2})([/.])([0-9]{4})\b").unwrap());

/// Dates before the first printed newspapers (1605) are misreadings, not publication
/// dates.
const EARLIEST_YEAR: i32 = 1605;
/// Years after this are misreadings too; whether a date is in the future is decided by
/// the caller, which knows today's date.
const LATEST_YEAR: i32 = 2200;

fn make_date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

fn num<T: std::str::FromStr>(caps: &regex::Captures, i: usize) -> Option<T> {
    caps.get(i)?.as_str().parse().ok()
}

/// The first code point of each run of ten decimal digits, zero to nine, in the scripts
/// news is written in (Arabic-Indic, Persian, Devanagari and the other Indic scripts,
/// Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian, full-width).
const DIGIT_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xAA50, 0xABF0, 0xFF10,
];

/// The value of a decimal digit of any script in [`DIGIT_ZEROS`], or of an ASCII digit.
pub fn digit_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return c.to_digit(10);
    }
    let code = c as u32;
    DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))
        .map(|&zero| code - zero)
}

/// `text` with every decimal digit written as an ASCII digit, so that "٢٠٢٥-٠٣-٠٣" and
/// "２０２５年" read as dates. Borrowed when there is nothing to fold.
pub fn fold_digits(text: &str) -> Cow<'_, str> {
    let foreign = |c: char| !c.is_ascii() && digit_value(c).is_some();
    if !text.chars().any(foreign) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match digit_value(c) {
                Some(d) if !c.is_ascii() => char::from(b'0' + d as u8),
                _ => c,
            })
            .collect(),
    )
}

/// Every full date in `text`, in order of position, with its byte range. Digits of other
/// scripts count; ranges are into `text` with its digits folded to ASCII
/// ([`fold_digits`]), the same as `text` when its digits are ASCII.
pub fn find_dates(text: &str) -> Vec<(Range<usize>, NaiveDate)> {
    find_dates_in(text, false)
}

/// Like [`find_dates`]; `slash_day_first` reads "02/10/2020" as 2 October, as British and
/// continental European pages write it.
pub fn find_dates_in(text: &str, slash_day_first: bool) -> Vec<(Range<usize>, NaiveDate)> {
    let folded = fold_digits(text);
    let text = folded.as_ref();
    let mut found: Vec<(Range<usize>, NaiveDate)> = Vec::new();
    if !has_year_digits(text) {
        return found;
    }
    found.extend(ISO.captures_iter(text).filter_map(|caps| iso_date(&caps)));
    // Only the spans are searched for: the groups of these two patterns (a hundred and
    // fifty month names, any case) cost tens of thousands of instructions a line to
    // capture, while the span's three parts are easy to pick out by hand.
    for pattern in [&*DAY_MONTH_YEAR, &*MONTH_DAY_YEAR] {
        found.extend(pattern.find_iter(text).filter_map(|m| {
            let date = named_month_date(m.as_str())?;
            Some((m.range(), date))
        }));
    }
    found.extend(EAST_ASIAN.captures_iter(text).filter_map(|caps| {
        let date = make_date(num(&caps, 1)?, num(&caps, 2)?, num(&caps, 3)?)?;
        Some((caps.get(0)?.range(), date))
    }));
    found.extend(
        NUMERIC
            .captures_iter(text)
            .filter_map(|caps| numeric_date(&caps, slash_day_first)),
    );
    found.sort_by_key(|(range, _)| (range.start, std::cmp::Reverse(range.end)));
    // Drop matches that overlap an earlier, longer one.
    let mut kept: Vec<(Range<usize>, NaiveDate)> = Vec::new();
    for (range, date) in found {
        if kept.last().is_none_or(|(last, _)| range.start >= last.end) {
            kept.push((range, date));
        }
    }
    kept
}

/// True when `text` holds four ASCII digits in a row: every date form read here writes
/// its year so, and most lines have none, which spares them the five searches.
fn has_year_digits(text: &str) -> bool {
    text.as_bytes()
        .split(|b| !b.is_ascii_digit())
        .any(|run| run.len() >= 4)
}

/// "2025-03-03", "2025/03/03", "2025.03.03" (one separator throughout).
fn iso_date(caps: &regex::Captures) -> Option<(Range<usize>, NaiveDate)> {
    if caps.get(2)?.as_str() != caps.get(4)?.as_str() {
        return None;
    }
    let date = make_date(num(caps, 1)?, num(caps, 3)?, num(caps, 5)?)?;
    Some((caps.get(0)?.range(), date))
}

/// The date a match of [`DAY_MONTH_YEAR`] or [`MONTH_DAY_YEAR`] writes ("3rd of March
/// 2025", "4 de abril de 2019", "Mar. 3, 2025"): its first number is the day, its last
/// the year, and its first word that names a month the month ("of", "de", "rd" do not).
fn named_month_date(span: &str) -> Option<NaiveDate> {
    let mut numbers = span
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty());
    let (day, year) = (numbers.next()?, numbers.next_back()?);
    let month = span
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .find_map(month_number)?;
    make_date(year.parse().ok()?, month, day.parse().ok()?)
}

/// "3/4/2025" or "3.4.2025": dots mean day-first everywhere; slashes are month-first
/// unless the first part cannot be a month or the page is written day-first.
fn numeric_date(
    caps: &regex::Captures,
    slash_day_first: bool,
) -> Option<(Range<usize>, NaiveDate)> {
    let separator = caps.get(2)?.as_str();
    if separator != caps.get(4)?.as_str() {
        return None;
    }
    let (a, b, year): (u32, u32, i32) = (num(caps, 1)?, num(caps, 3)?, num(caps, 5)?);
    let (day, month) = if separator == "." || a > 12 || (slash_day_first && b <= 12) {
        (a, b)
    } else {
        (b, a)
    };
    Some((caps.get(0)?.range(), make_date(year, month, day)?))
}

/// The first full date written anywhere in `text`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    find_dates(text).first().map(|(_, date)| *date)
}

/// A line that states when a clipping was published or updated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    /// The date stated.
    pub date: NaiveDate,
    /// True when the line only gives an update or modification date.
    pub updated: bool,
    /// Author named in a byline on the same line ("By Jane Doe | March 3, 2025").
    pub author: Option<String>,
}

/// Words that may stand next to a date on a date line without making it a sentence, a
/// line per language.
const DATE_LINE_WORDS: &[&str] = &[
    "published publish updated update last first posted modified on at date dated \
     publication time am pm a m p monday mon tuesday tue tues wednesday wed thursday thu \
     thur thurs friday fri saturday sat sunday sun",
    "gmt utc bst est edt cst cdt mst mdt pst pdt cet cest et pt ct z ist aest h",
    "veröffentlicht aktualisiert erschienen stand datum vom am um uhr montag dienstag \
     mittwoch donnerstag freitag samstag sonntag",
    "publié publiée mis mise à jour modifié le lundi mardi mercredi jeudi vendredi samedi \
     dimanche",
    "publicado publicada actualizado actualizada fecha el de del a las lunes martes \
     miércoles jueves viernes sábado domingo",
    "pubblicato aggiornato il alle ore",
    "atualizado em às",
    "gepubliceerd bijgewerkt op om",
    "опубликовано обновлено в г",
];

/// True for a word a date line may hold besides its date.
fn is_date_line_word(word: &str) -> bool {
    let word = word.to_lowercase();
    DATE_LINE_WORDS
        .iter()
        .any(|line| line.split_whitespace().any(|w| w == word))
}

/// Word starts that mark a date as an update, in the languages of [`DATE_LINE_WORDS`].
const UPDATED_WORDS: &[&str] = &[
    "updat",
    "modif",
    "aktualisiert",
    "mis à jour",
    "mise à jour",
    "actualiza",
    "aggiornat",
    "atualiza",
    "bijgewerkt",
    "обновл",
];
/// Word starts that mark a date as the publication date.
const PUBLISHED_WORDS: &[&str] = &[
    "publish",
    "posted",
    "veröffentlicht",
    "erschienen",
    "publié",
    "publica",
    "pubblicat",
    "gepubliceerd",
    "опубликов",
];

static LINE_SEPARATORS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:\||·|•|\s[-–—]\s)\s*").unwrap());
static BYLINE_SEGMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^by\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})$").unwrap()
});

/// Recognizes a line whose only content is a publication or update date, with optional
/// words like "Published", a weekday, a time and zone, and a "By …" byline segment.
pub fn date_line(line: &str) -> Option<DateLine> {
    // Folding digits keeps every character's place, so the length is read before it.
    let line = line.trim();
    if line.is_empty() || longer_than(line, 120) {
        return None;
    }
    let folded = fold_digits(line);
    let line = folded.as_ref();
    if !has_year_digits(line) {
        return None;
    }
    let mut author = None;
    let mut rest = String::new();
    for segment in LINE_SEPARATORS.split(line) {
        match BYLINE_SEGMENT.captures(segment.trim()) {
            Some(caps) if author.is_none() => author = Some(caps[1].to_string()),
            _ => {
                rest.push_str(segment);
                rest.push_str(" , ");
            }
        }
    }
    let dates = find_dates(&rest);
    if dates.is_empty() {
        return None;
    }
    let mut leftover = String::new();
    let mut last = 0;
    let mut chosen: Option<(NaiveDate, bool)> = None;
    for (range, date) in &dates {
        let before = rest.get(last..range.start).unwrap_or_default();
        leftover.push_str(before);
        leftover.push(' ');
        let lower = before.to_lowercase();
        let updated = UPDATED_WORDS.iter().any(|w| lower.contains(w));
        let published = PUBLISHED_WORDS.iter().any(|w| lower.contains(w));
        match chosen {
            None => chosen = Some((*date, updated && !published)),
            Some((_, true)) if !updated => chosen = Some((*date, false)),
            _ => {}
        }
        last = range.end;
    }
    leftover.push_str(rest.get(last..).unwrap_or_default());
    let only_furniture = leftover
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .all(|word| {
            // "10h32": the French way to write a time.
            word.chars().all(|c| c.is_ascii_digit() || c == 'h') || is_date_line_word(word)
        });
    if !only_furniture {
        return None;
    }
    let (date, updated) = chosen?;
    Some(DateLine {
        date,
        updated,
        author,
    })
}

/// A line that cites where and when a clipping was published, as researchers note it
/// above or below a story they copy: "The Guardian, 18 June 1987, p. 4", "From The
/// Ledger, June 18, 1987", "June 18, 1987 | The Ledger", "Le Monde, 18 juin 1987".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The date cited.
    pub date: NaiveDate,
    /// The publication named, without its place ("The Guardian (London)" → "The
    /// Guardian").
    pub publication: String,
}

/// Citation lines longer than this are sentences.
const MAX_CITATION_CHARS: usize = 150;
/// Words a publication's name may have.
const MAX_PUBLICATION_WORDS: usize = 6;

/// Words that lead into the publication's name on a citation line.
const CITATION_OPENERS: &[&str] = &[
    "originally published in",
    "first published in",
    "published in",
    "reprinted from",
    "source:",
    "quelle:",
    "source :",
    "erschienen in",
    "paru dans",
    "publicado en",
    "pubblicato su",
    "from",
    "aus",
];

/// What may follow a citation's date: a page or section ("p. 4", "pg. A12", "S. 3",
/// "Seite 3", "section B").
static PAGE_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,;.:)]*(?:(?:p|pp|pg|page|s|seite|sec|section)\.?\s*[a-z]?[0-9]{1,4}[a-z]?(?:\s*-\s*[0-9]{1,4})?)?[\s,;.:)]*$").unwrap()
});

/// The citation a line makes, or `None` when it is something else (a date line
/// without a publication, a sentence, a headline).
pub fn citation_line(line: &str) -> Option<Citation> {
    let line = line.trim();
    if longer_than(line, MAX_CITATION_CHARS) {
        return None;
    }
    let folded = fold_digits(line);
    let line = folded.as_ref();
    // A citation opens with the publication's capital or the date: lines of a story
    // that open in lower case are passed over before the dates are looked for.
    let opens = line
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase());
    if !opens || !has_year_digits(line) {
        return None;
    }
    let dates = find_dates(line);
    let [(range, date)] = dates.as_slice() else {
        return None;
    };
    let (before, after) = (line.get(..range.start)?, line.get(range.end..)?);
    let date_first = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(is_date_line_word);
    // The name and the date are set apart by a mark or "on" ("The Ledger, June 18",
    // "June 18 | The Ledger"); "Record March 31, 1987" in a table is no citation.
    const MARKS: &[char] = &[',', ';', '|', '·', '•', ':', '—', '–', '-', '(', ')'];
    let publication = if date_first {
        after.trim_start().starts_with(MARKS).then_some(())?;
        publication_name(after)?
    } else if PAGE_REFERENCE.is_match(after) {
        let before = before.trim_end();
        (before.ends_with(MARKS) || before.to_lowercase().ends_with(" on")).then_some(())?;
        publication_name(before)?
    } else {
        return None;
    };
    Some(Citation {
        date: *date,
        publication,
    })
}

/// The publication's name in what stands beside a citation's date: separators, a
/// weekday, "on" and an opening phrase ("From", "Originally published in") taken away,
/// and a place in brackets; a few words, each capitalised or a short joining word.
fn publication_name(text: &str) -> Option<String> {
    let separators = |c: char| ",;|·•:—–-".contains(c) || c.is_whitespace();
    let mut name = text.trim_matches(separators);
    loop {
        let before = name;
        let lower = name.to_lowercase();
        // "From The Ledger", not "Fromage Weekly".
        let opens = |o: &&&str| {
            lower.starts_with(**o)
                && lower.len() == name.len()
                && (o.ends_with(':') || lower.get(o.len()..).is_some_and(|r| r.starts_with(' ')))
        };
        if let Some(opener) = CITATION_OPENERS.iter().find(opens) {
            name = name.get(opener.len()..)?.trim_matches(separators);
        }
        if let Some((head, last)) = name.rsplit_once(' ')
            && (last.eq_ignore_ascii_case("on") || is_date_line_word(last.trim_matches(separators)))
        {
            name = head.trim_matches(separators);
        }
        if name.ends_with(')')
            && let Some((head, _)) = name.rsplit_once('(')
        {
            name = head.trim_matches(separators);
        }
        if name == before {
            break;
        }
    }
    let named =
        reads_as_a_name(name, MAX_PUBLICATION_WORDS) && !name.chars().any(|c| c.is_ascii_digit());
    named.then(|| name.to_string())
}

/// True for a few words (`max_words` at most) that read as a name: the first
/// capitalised, each capitalised, "&" or a short joining word ("of", "am", "de").
/// Scripts without capitals ("東京") count as capitalised.
fn reads_as_a_name(text: &str, max_words: usize) -> bool {
    let capital = |c: char| c.is_alphabetic() && !c.is_lowercase();
    let joiner = |w: &str| w.chars().count() <= 3 && w.chars().all(char::is_lowercase);
    let mut words = text.split_whitespace().peekable();
    words.peek().is_some_and(|first| first.starts_with(capital))
        && text.split_whitespace().count() <= max_words
        && words.all(|w| w.starts_with(capital) || joiner(w) || w == "&")
}

/// What ends a dateline and starts the story: a dash between spaces, or two hyphens.
const DATELINE_ENDS: &[&str] = &[" - ", " – ", " — ", " -- ", " —", "— "];
/// How far into a paragraph its dateline may end, in bytes.
const DATELINE_BYTES: usize = 100;
/// Words a dateline's place may have ("NEW YORK", "São Paulo", "Frankfurt am Main").
const DATELINE_PLACE_WORDS: usize = 5;

/// The date of a dateline that opens a story ("NEW YORK, June 18, 1987 - …", "June 18,
/// 1987 — …", "PARIS, 18 juin 1987 (AFP) - …"): the one date a story copied without its
/// page's header may still carry. A date inside the first sentence ("The market crashed
/// on October 19, 1987 - …") is not a dateline: only a place may stand before the date.
pub fn dateline_date(paragraph: &str) -> Option<NaiveDate> {
    let head = super::text::head(paragraph, DATELINE_BYTES);
    let end = DATELINE_ENDS.iter().filter_map(|s| head.find(s)).min()?;
    let (opening, _) = head.split_at_checked(end)?;
    let mut opening = opening.trim();
    // "(AFP)", "(Reuters)": the agency between the date and the dash.
    if opening.ends_with(')')
        && let Some((before, _)) = opening.rsplit_once('(')
    {
        opening = before.trim_end();
    }
    let folded = fold_digits(opening);
    let dates = find_dates(&folded);
    let [(range, date)] = dates.as_slice() else {
        return None;
    };
    let after = folded.get(range.end..)?;
    let before = folded.get(..range.start)?;
    let place = before.trim_end().trim_end_matches([',', '，', '、']).trim();
    let only_date = after.trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace());
    (only_date.is_empty() && (place.is_empty() || is_dateline_place(place))).then_some(*date)
}

/// Prepositions and articles that open a sentence with a date ("On June 18, 1987 - a
/// Thursday - …"), where a dateline has its place.
const OPENING_WORDS: &[&str] = &[
    "on", "in", "at", "by", "since", "from", "until", "before", "after", "the", "as", "am", "im",
    "seit", "vom", "bis", "le", "la", "les", "depuis", "dès", "en", "el", "desde", "il", "dal",
    "op", "sinds", "в", "с",
];

/// True for the place (and weekday) before a dateline's date: a few words, each
/// capitalised or a short joining word ("am", "de", "sur").
fn is_dateline_place(text: &str) -> bool {
    let opening_word = text
        .split_whitespace()
        .next()
        .is_some_and(|w| OPENING_WORDS.contains(&w.to_lowercase().as_str()));
    !opening_word && reads_as_a_name(text, DATELINE_PLACE_WORDS)
}

static PATH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:18|19|20)[0-9]{2})(?:-([0-9]{2})-([0-9]{2})|_([0-9]{2})_([0-9]{2})|/([0-9]{2})/([0-9]{2})|\.([0-9]{2})\.([0-9]{2})|([0-9]{2})([0-9]{2}))")
        .unwrap()
});

/// A date written in a file path: `2025-04-29`, `2025_04_29`, `20250429` or folders
/// `2025/04/29`. The match nearest the file name wins.
pub fn date_from_path(path: &str) -> Option<NaiveDate> {
    let path = fold_digits(path).replace('\\', "/");
    let bytes = path.as_bytes();
    let mut best = None;
    let mut start = 0;
    while let Some(caps) = PATH_DATE.captures_at(&path, start) {
        let Some(m) = caps.get(0) else { break };
        start = m.start() + 1;
        let digit_before = m.start() > 0 && bytes[m.start() - 1].is_ascii_digit();
        let digit_after = bytes.get(m.end()).is_some_and(|b| b.is_ascii_digit());
        if digit_before || digit_after {
            continue;
        }
        let month_day = (2..=10)
            .step_by(2)
            .find_map(|i| Some((num::<u32>(&caps, i)?, num::<u32>(&caps, i + 1)?)));
        let date = num::<i32>(&caps, 1)
            .zip(month_day)
            .and_then(|(year, (month, day))| make_date(year, month, day));
        if let Some(date) = date {
            best = Some(date);
            start = m.end();
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Arabic-Indic, full-width and Devanagari forms of 2025-03-03; each once took a
    /// whole ingest down (`\d` matched them, `parse` refused them).
    const FOREIGN_DIGITS: [&str; 3] = ["٢٠٢٥-٠٣-٠٣", "２０２５-０３-０３", "२०२५-०३-०३"];

    #[test]
    fn dates_with_month_names_are_picked_out_of_their_spans() {
        let cases = [
            ("on the 3rd of March 2025, said", Some(ymd(2025, 3, 3))),
            ("el 4 de abril de 2019 en", Some(ymd(2019, 4, 4))),
            ("le 1er janvier 2020", Some(ymd(2020, 1, 1))),
            ("Mar. 3, 2025 at noon", Some(ymd(2025, 3, 3))),
            ("September 21st, 1987", Some(ymd(1987, 9, 21))),
            ("4. März 2019", Some(ymd(2019, 3, 4))),
            ("опубликовано 3 марта 2025 г.", Some(ymd(2025, 3, 3))),
            ("14 AUGUST 1996", Some(ymd(1996, 8, 14))),
            ("31 February 2025", None),
            ("3 Marchand 2025", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text), expected, "{text}");
        }
    }

    #[test]
    fn digits_of_other_scripts_are_read_as_dates() {
        let march3 = Some(ymd(2025, 3, 3));
        for iso in FOREIGN_DIGITS {
            assert_eq!(
                date_line(&format!("Published: {iso}")).map(|d| d.date),
                march3,
                "{iso}"
            );
            assert_eq!(parse_date(&format!("le {iso} à Paris")), march3, "{iso}");
            assert_eq!(
                date_from_path(&format!("archive/{iso}-story.txt")),
                march3,
                "{iso}"
            );
        }
        assert_eq!(fold_digits("٣ مارس ٢٠٢٥"), "3 مارس 2025");
        assert!(matches!(fold_digits("plain 2025"), Cow::Borrowed(_)));
        // Digits outside the table are left alone, never a panic.
        assert_eq!(parse_date("𝟐𝟎𝟐𝟓-𝟎𝟑-𝟎𝟑"), None);
    }

    #[test]
    fn citation_lines_give_a_date_and_a_publication() {
        let june18 = NaiveDate::from_ymd_opt(1987, 6, 18).unwrap();
        let cases = [
            ("The Guardian, 18 June 1987, p. 4", Some("The Guardian")),
            (
                "Source: The Guardian (London), June 18, 1987",
                Some("The Guardian"),
            ),
            ("New York Times, 6/18/1987", Some("New York Times")),
            ("Le Monde, 18 juin 1987", Some("Le Monde")),
            (
                "Süddeutsche Zeitung, 18. Juni 1987, S. 3",
                Some("Süddeutsche Zeitung"),
            ),
            ("From The Ledger, June 18, 1987", Some("The Ledger")),
            ("June 18, 1987 | The Ledger", Some("The Ledger")),
            ("Thursday, June 18, 1987 — The Ledger", Some("The Ledger")),
            ("The Ledger — 18-Jun-1987", Some("The Ledger")),
            (
                "Originally published in The Ledger on June 18, 1987.",
                Some("The Ledger"),
            ),
            (
                "The Ledger (London, England), Thursday, June 18, 1987; pg. 4",
                Some("The Ledger"),
            ),
            // Not citations: a table row, a sentence, a date alone, two dates.
            ("Record June 18, 1987", None),
            ("The board met, June 18, 1987, and voted.", None),
            ("the harbour board, June 18, 1987", None),
            ("June 18, 1987", None),
            ("The Ledger, June 18, 1987 and June 19, 1987", None),
            ("Fromage Weekly 4, June 18, 1987", None),
        ];
        for (line, expected) in cases {
            let got = citation_line(line);
            assert_eq!(
                got.as_ref().map(|c| c.publication.as_str()),
                expected,
                "{line}"
            );
            if let Some(citation) = got {
                assert_eq!(citation.date, june18, "{line}");
            }
        }
    }

    #[test]
    fn datelines_opening_a_story_give_its_date() {
        let june18 = NaiveDate::from_ymd_opt(1987, 6, 18);
        let cases = [
            ("NEW YORK, June 18, 1987 - The harbour board met.", june18),
            ("June 18, 1987 — The harbour board met.", june18),
            (
                "PARIS, 18 juin 1987 (AFP) - Le conseil s'est réuni.",
                june18,
            ),
            ("Frankfurt am Main, 18. Juni 1987 – Der Rat tagte.", june18),
            (
                "WASHINGTON, Thursday, June 18, 1987 -- The board met.",
                june18,
            ),
            (
                "SÃO PAULO, 18 de junho de 1987 - O conselho reuniu-se.",
                june18,
            ),
            ("東京、1987年6月18日 - 会議が開かれた。", june18),
            // A date inside the first sentence, or none before the dash: no dateline.
            (
                "The market crashed on October 19, 1987 - and traders remember.",
                None,
            ),
            ("LONDON, March 3 (Reuters) - The bank held rates.", None),
            ("On June 18, 1987 - a Thursday - the board met.", None),
            (
                "NEW YORK - The board met on June 18, 1987, its chair said.",
                None,
            ),
            ("NEW YORK, June 18, 1987, the board met - and voted.", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(dateline_date(text), expected, "{text}");
        }
    }

    #[test]
    fn date_lines_in_every_common_form() {
        let march3 = ymd(2025, 3, 3);
        let cases = [
            "Published: 3 March 2025",
            "March 3, 2025",
            "Mar. 3, 2025",
            "Tue 3 Mar 2025 10.32 GMT",
            "Updated 10:32 AM EST, Tue March 3, 2025",
            "3 March 2025 | 10:32",
            "2025-03-03",
            "Posted on March 3, 2025 at 10:32",
            "First published on Tue 3 Mar 2025 10.32 GMT",
            "By Jane Doe | March 3, 2025",
            "Monday, March 3rd, 2025",
            "3rd of March 2025",
            "Date: 2025-03-03T10:32:00Z",
            "Published 03/03/2025",
            "Published 3.3.2025 um 10:32 Uhr",
            "Tuesday 3 March 2025 · 10.32 GMT",
            "Veröffentlicht am 3. März 2025 um 10:32 Uhr",
            "Publié le 3 mars 2025 à 10h32",
            "Publicado el 3 de marzo de 2025",
            "Pubblicato il 3 marzo 2025 alle ore 10:32",
            "Gepubliceerd op 3 maart 2025",
            "Опубликовано 3 марта 2025 г.",
            "Aktualisiert am 9. März 2025 · Veröffentlicht am 3. März 2025",
        ];
        for line in cases {
            let found = date_line(line);
            assert_eq!(found.map(|d| d.date), Some(march3), "{line}");
        }
    }

    #[test]
    fn dates_written_in_other_languages() {
        let april4 = Some(ymd(2019, 4, 4));
        let cases = [
            "2019年4月4日",
            "２０１９年０４月０４日 10:00",
            "2019년 4월 4일",
            "4. April 2019",
            "4 avril 2019",
            "le 4 avril 2019 à 10h",
            "4 de abril de 2019",
            "4 de abril del 2019",
            "4 aprile 2019",
            "4 de abril de 2019 às 10h",
            "4 april 2019",
            "4 апреля 2019 г.",
            "4 kwietnia 2019",
            "4 april 2019 kl. 10.00",
            "April 4, 2019",
        ];
        for text in cases {
            assert_eq!(parse_date(text), april4, "{text}");
        }
        let other_months = [
            ("12 maart 2020", ymd(2020, 3, 12)),
            ("1 maggio 2018", ymd(2018, 5, 1)),
            ("30 de setembro de 2021", ymd(2021, 9, 30)),
            ("7 декабря 2015", ymd(2015, 12, 7)),
            ("18 June 1987", ymd(1987, 6, 18)),
            ("2 July 1855", ymd(1855, 7, 2)),
        ];
        for (text, date) in other_months {
            assert_eq!(parse_date(text), Some(date), "{text}");
        }
    }

    #[test]
    fn sentences_with_dates_are_not_date_lines() {
        let cases = [
            "The market crashed on October 19, 1987, wiping out billions.",
            "LONDON, March 3 (Reuters) - Shares fell.",
            "Officials met on 3 March 2025 to discuss the budget",
            "March 2025",
            "Advert",
            "",
        ];
        for line in cases {
            assert_eq!(date_line(line), None, "{line}");
        }
    }

    #[test]
    fn date_line_reports_updates_and_bylines() {
        let updated = date_line("Updated 10:32 AM EST, Tue March 3, 2025").unwrap();
        assert!(updated.updated);
        let both = date_line("Published 2 March 2025, updated 3 March 2025").unwrap();
        assert_eq!((both.date, both.updated), (ymd(2025, 3, 2), false));
        let byline = date_line("By Jane Doe | March 3, 2025").unwrap();
        assert_eq!(byline.author.as_deref(), Some("Jane Doe"));
        assert!(!byline.updated);
    }

    #[test]
    fn parses_dates_inside_text() {
        let cases = [
            ("on 29 April 2025 the judge", Some(ymd(2025, 4, 29))),
            ("April 29, 2025", Some(ymd(2025, 4, 29))),
            ("Sept. 9, 2024", Some(ymd(2024, 9, 9))),
            ("31/12/2024", Some(ymd(2024, 12, 31))),
            ("12/31/2024", Some(ymd(2024, 12, 31))),
            ("29. April 2025", Some(ymd(2025, 4, 29))),
            ("le 3 mars 2025", Some(ymd(2025, 3, 3))),
            ("3 de marzo de 2025", Some(ymd(2025, 3, 3))),
            ("2025-02-30", None),
            ("1066-10-14", None),
            ("in 3, 2025", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text), expected, "{text}");
        }
    }

    #[test]
    fn dates_in_paths() {
        let cases = [
            ("archive/2025-04-29-orrick.txt", Some(ymd(2025, 4, 29))),
            ("archive/20250429_orrick.txt", Some(ymd(2025, 4, 29))),
            ("archive/2025/04/29/orrick.txt", Some(ymd(2025, 4, 29))),
            ("archive/2024/01/01/2025_04_29.txt", Some(ymd(2025, 4, 29))),
            ("archive/2025/sanctuary.txt", None),
            ("archive/story-120250429.txt", None),
            ("archive/2025-13-01.txt", None),
        ];
        for (path, expected) in cases {
            assert_eq!(date_from_path(path), expected, "{path}");
        }
    }
}
