//! The publication date a page states: markup first (JSON-LD, meta tags, microdata,
//! `<time>`), then its address, script data, and only then its visible text.

use super::authors::{in_comments, is_comments};
use super::markup::{Markup, ancestors, class_names_one_of};
use crate::normalize::date::{find_dates_in, fold_digits, month_number};
use crate::normalize::text::collapse_spaces as collapse;
use chrono::NaiveDate;
use dom_query::Document;

impl Markup {
    /// True unless the page is in American English: everywhere else "02/10/2020" is the
    /// 2nd of October. A page in another language writes the day first whatever region
    /// its tags name (blog software often leaves `og:locale` at "en_US"); an English page
    /// goes by the region of `og:locale` or of its language tag ("en_GB", "en-AU": day
    /// first; "en_US": month first); a bare "en", or no language at all, counts as
    /// American.
    pub(super) fn day_first(&self) -> bool {
        let tags: Vec<&str> = self
            .meta_values(&["og:locale"])
            .chain(self.lang.as_deref())
            .collect();
        let other_language = tags.iter().any(|tag| {
            let language = tag.split(['-', '_']).next().unwrap_or_default();
            !language.is_empty() && !language.eq_ignore_ascii_case("en")
        });
        other_language
            || tags
                .iter()
                .find_map(|tag| tag_region(tag))
                .is_some_and(|region| region != "us")
    }

    /// The publication date, from the most to the least reliable place a page states it.
    /// `visible` reads the date the page shows its readers, asked only when JSON-LD and
    /// meta tags disagree.
    pub(super) fn date(
        &self,
        url: Option<&str>,
        plausible: &dyn Fn(&NaiveDate) -> bool,
        visible: &dyn Fn() -> Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        let from_url = url.and_then(url_date).filter(|d| plausible(d));
        let referees = std::cell::OnceCell::new();
        let read = |v: &str| {
            let month_first = machine_date_in(v, false)?;
            // Only a slashed date reads two ways; the rest are parsed once.
            if !v.contains('/') {
                return Some(month_first);
            }
            match machine_date_in(v, true) {
                Some(day_first) if day_first != month_first => {
                    let referees =
                        referees.get_or_init(|| self.unambiguous_dates(from_url, visible));
                    Some(nearer_reading(month_first, day_first, referees))
                }
                _ => Some(month_first),
            }
        };
        let ld = self.ld_strings("datePublished");
        let meta: Vec<String> = self
            .meta_values(PUBLISHED_META)
            .map(str::to_string)
            .collect();
        let mut stated: Vec<String> = Vec::new();
        if let Some(preferred) = self.settle(&ld, &meta, &read, from_url, visible) {
            stated.push(preferred);
        }
        stated.extend(ld);
        stated.extend(meta);
        stated.extend(self.ld_strings("dateCreated"));
        stated.extend(self.times.iter().cloned());
        let candidates: Vec<(NaiveDate, &str)> = stated
            .iter()
            .filter_map(|v| Some((read(v)?, v.as_str())))
            .filter(|(d, _)| plausible(d))
            .collect();
        if let Some(&(date, value)) = candidates.first() {
            if let Some(shown) = self.shown_before_unspecified(value, date, visible) {
                return Some(shown);
            }
            if !is_utc(value) {
                return Some(date);
            }
            // A UTC time is often the next or previous day where the page was written:
            // the same instant at the offset the page's other times carry, or the date
            // in its address, is the local date.
            let near = |d: &NaiveDate| (*d - date).num_days().abs() == 1;
            let local = candidates
                .iter()
                .find_map(|(_, other)| local_offset(other))
                .and_then(|offset| at_offset(value, offset))
                .or(from_url.filter(near))
                .or_else(|| {
                    // "Z", "GMT" and "UTC" are what newsroom systems writing UTC put down;
                    // blog software set to UTC writes "+00:00" beside the same time it
                    // shows its readers.
                    if !value.trim().ends_with(['Z', 'T', 'C']) {
                        return None;
                    }
                    let offset = regional_offset(&self.regions(url), date)?;
                    at_offset(value, offset)
                });
            return Some(local.unwrap_or(date));
        }
        from_url
    }

    /// The date the page shows its readers, when the markup's date comes only from a meta
    /// tag that does not say what it dates (`date`, `dc.date`) and the page shows a date
    /// a few days earlier: such tags often carry the day the page was last built or
    /// edited, while what the page shows by its headline is the publication.
    fn shown_before_unspecified(
        &self,
        value: &str,
        date: NaiveDate,
        visible: &dyn Fn() -> Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        let unspecified = self.meta_values(UNSPECIFIED_META).any(|v| v == value)
            && !self.ld_strings("datePublished").iter().any(|v| v == value)
            && !self
                .meta
                .iter()
                .any(|(name, v)| v == value && !UNSPECIFIED_META.contains(&name.as_str()));
        if !unspecified {
            return None;
        }
        visible().filter(|shown| (1..=MAX_BUILD_LAG_DAYS).contains(&(date - *shown).num_days()))
    }

    /// The date of a page that states no other, in its markup or its text: the time
    /// of a story beside it, or the last date the markup says it was modified.
    pub(super) fn last_resort_date(
        &self,
        plausible: &dyn Fn(&NaiveDate) -> bool,
    ) -> Option<NaiveDate> {
        self.times_beside
            .iter()
            .cloned()
            .chain(self.ld_strings("dateModified"))
            .chain(self.meta_values(MODIFIED_META).map(str::to_string))
            .filter_map(|v| machine_date_in(&v, false))
            .find(|d| plausible(d))
    }

    /// Every date the page states that reads the same day first and month first: its
    /// address, its markup's dates (modified ones too) and its visible date.
    fn unambiguous_dates(
        &self,
        from_url: Option<NaiveDate>,
        visible: &dyn Fn() -> Option<NaiveDate>,
    ) -> Vec<NaiveDate> {
        let markup: Vec<String> = ["datePublished", "dateCreated", "dateModified"]
            .into_iter()
            .flat_map(|key| self.ld_strings(key))
            .chain(self.meta_values(PUBLISHED_META).map(str::to_string))
            .chain(self.meta_values(MODIFIED_META).map(str::to_string))
            .chain(self.times.iter().cloned())
            .collect();
        let unambiguous = markup.iter().filter_map(|v| {
            let date = machine_date_in(v, false)?;
            (!v.contains('/') || machine_date_in(v, true) == Some(date)).then_some(date)
        });
        from_url
            .into_iter()
            .chain(unambiguous)
            .chain(visible())
            .collect()
    }

    /// When JSON-LD and the meta tags state publication dates more than a day apart (a
    /// template filling one with the date of a later edit), the one the page's address
    /// or visible date agrees with; JSON-LD when neither settles it.
    fn settle(
        &self,
        ld: &[String],
        meta: &[String],
        read: &dyn Fn(&str) -> Option<NaiveDate>,
        from_url: Option<NaiveDate>,
        visible: &dyn Fn() -> Option<NaiveDate>,
    ) -> Option<String> {
        let first = |values: &[String]| values.iter().find_map(|v| Some((read(v)?, v.clone())));
        let ((ld_date, ld_value), (meta_date, meta_value)) = (first(ld)?, first(meta)?);
        if (ld_date - meta_date).num_days().abs() <= 1 {
            return None;
        }
        let agrees = |referee: NaiveDate, date: NaiveDate| (referee - date).num_days().abs() <= 1;
        let referee = from_url.or_else(visible)?;
        if agrees(referee, meta_date) && !agrees(referee, ld_date) {
            Some(meta_value)
        } else {
            Some(ld_value)
        }
    }

    /// A date written in the page's text: one a label calls the publication date
    /// ("Published", "Erstellt am:", "Datum:") where the markup's class names speak of
    /// dates or bylines, then anywhere in the page; failing that, the first date where the
    /// class names speak of dates, then anywhere. Only read for pages whose markup states
    /// no date, so most pages never pay for it.
    pub(super) fn text_date(
        &self,
        document: &Document,
        plausible: &dyn Fn(&NaiveDate) -> bool,
    ) -> Option<NaiveDate> {
        let hinted = self.hinted_dates(document);
        // Scripts hold dates of their own (builds, caches), readers' comments the days
        // after, navigation bars the day the page was built; Readability drops them too.
        document.select("script, style").remove();
        document.select("nav").remove();
        for node in document.select("[class], [id]").nodes() {
            if is_comments(node) || in_navigation(node) {
                node.remove_from_parent();
            }
        }
        let page_text = document
            .select("body")
            .nodes()
            .first()
            .map(|body| collapse(&spaced_text(body)))
            .unwrap_or_default();
        let page = labelled_dates(&page_text, self.day_first());
        first_labelled(&hinted, plausible)
            .or_else(|| first_labelled(&page, plausible))
            .or_else(|| first_published(&hinted, plausible))
            .or_else(|| first_published(&page, plausible))
            .or_else(|| self.description_date(plausible))
    }

    /// A full date the page's description states ("… (Notizia del 14 Gennaio 2020)"), for
    /// a page whose text shows none in full: better than the file's time.
    fn description_date(&self, plausible: &dyn Fn(&NaiveDate) -> bool) -> Option<NaiveDate> {
        self.meta_values(&["description", "og:description", "twitter:description"])
            .find_map(|text| first_published(&labelled_dates(text, self.day_first()), plausible))
    }

    /// The date shown where the markup's class names speak of dates or bylines: one a
    /// label calls the publication date first.
    pub(super) fn hinted_date(
        &self,
        document: &Document,
        plausible: &dyn Fn(&NaiveDate) -> bool,
    ) -> Option<NaiveDate> {
        let dates = self.hinted_dates(document);
        first_labelled(&dates, plausible).or_else(|| first_published(&dates, plausible))
    }

    /// The dates in the texts of elements whose class names speak of dates or bylines,
    /// each text's in [`labelled_dates`] order.
    fn hinted_dates(&self, document: &Document) -> Vec<(NaiveDate, Label)> {
        date_texts(document)
            .iter()
            .flat_map(|t| {
                let mut dates = labelled_dates(t, self.day_first());
                dates.extend(short_year_date(t).map(|d| (d, Label::None)));
                dates
            })
            .collect()
    }
}

/// What the words before a date in a text call it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    /// The publication date ("Published 3 May", "Erstellt am: 30.01.2022").
    Published,
    /// Nothing.
    None,
    /// The date of a change ("Updated 9 May").
    Updated,
}

/// The first plausible date of `dates` that a label calls the publication date.
fn first_labelled(
    dates: &[(NaiveDate, Label)],
    plausible: &dyn Fn(&NaiveDate) -> bool,
) -> Option<NaiveDate> {
    dates
        .iter()
        .find(|(d, label)| *label == Label::Published && plausible(d))
        .map(|(d, _)| *d)
}

/// The first plausible date of `dates` that is not a change's ("Published 3 May ·
/// Updated 9 May", "Aktualisiert am 9. Mai, erschienen am 3. Mai"), else the first
/// plausible change's.
fn first_published(
    dates: &[(NaiveDate, Label)],
    plausible: &dyn Fn(&NaiveDate) -> bool,
) -> Option<NaiveDate> {
    let pick = |updated: bool| {
        dates
            .iter()
            .find(|(d, label)| (*label == Label::Updated) == updated && plausible(d))
            .map(|(d, _)| *d)
    };
    pick(false).or_else(|| pick(true))
}

/// Words that say the date after them is when a story was published, matched at the
/// start of a word ("date:" is not "update:").
const PUBLISHED_WORDS: &[&str] = &[
    "published",
    "posted on",
    "veröffentlicht",
    "erschienen am",
    "erstellt am",
    "publiziert",
    "datum:",
    "date:",
    "publié le",
    "publicado",
    "publicada",
    "pubblicato",
    "pubblicata",
    "gepubliceerd",
    "publicerad",
    "opublikowano",
    "опубликовано",
];

/// Words that say the date after them is when a story was changed, not published.
const UPDATE_WORDS: &[&str] = &[
    "updated",
    "update",
    "last modified",
    "modified",
    "aktualisiert",
    "geändert",
    "mis à jour",
    "modifié",
    "actualizado",
    "actualización",
    "aggiornato",
    "atualizado",
    "bijgewerkt",
    "обновлено",
    "zaktualizowano",
];

/// The dates in `text` in the order they stand, each with what the thirty bytes before it
/// call it.
fn labelled_dates(text: &str, day_first: bool) -> Vec<(NaiveDate, Label)> {
    let folded = fold_digits(text);
    let lower = folded.to_lowercase();
    let same_length = lower.len() == folded.len();
    find_dates_in(&folded, day_first)
        .into_iter()
        .map(|(range, date)| {
            let before = if same_length {
                crate::normalize::text::tail(lower.get(..range.start).unwrap_or_default(), 30)
            } else {
                ""
            };
            let label = if UPDATE_WORDS.iter().any(|w| before.contains(w)) {
                Label::Updated
            } else if PUBLISHED_WORDS.iter().any(|w| starts_a_word(before, w)) {
                Label::Published
            } else {
                Label::None
            };
            (date, label)
        })
        .collect()
}

/// True when `word` stands in `text` where a word starts.
fn starts_a_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        text.get(..at)
            .and_then(|head| head.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A publication date in the data a script-built page carries in its HTML
/// (`"publishedAt":"2025-04-29T…"` in a state object), for pages whose markup states none.
pub(super) fn script_date(html: &str) -> Option<NaiveDate> {
    static FIELD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r#"(?i)["']?(?:datePublished|date_published|publishedAt|published_at|publishDate|publish_date|pubDate|firstPublished|first_published_at|createdAt|created_at|dateCreated)["']?\s*[:=]\s*["']([0-9]{4})(?:-|\\?/)([0-9]{2})(?:-|\\?/)([0-9]{2})"#,
        )
        .unwrap()
    });
    let html = fold_digits(html);
    let caps = FIELD.captures(&html)?;
    NaiveDate::from_ymd_opt(
        caps[1].parse().ok()?,
        caps[2].parse().ok()?,
        caps[3].parse().ok()?,
    )
}

/// A day-first date with a two-digit year ("28.01.22"), as German and Swiss sites
/// print it next to a headline. Only read where the markup says a date is. Years 69 to
/// 99 are the 1900s ("03.03.98"), the rest the 2000s, as POSIX reads `%y`.
fn short_year_date(text: &str) -> Option<NaiveDate> {
    static SHORT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?:^|[^0-9.])([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{2})(?:[^0-9.]|$)")
            .unwrap()
    });
    let text = fold_digits(text);
    let caps = SHORT.captures(&text)?;
    let short = caps[3].parse::<i32>().ok()?;
    let year = if short >= 69 {
        1900 + short
    } else {
        2000 + short
    };
    NaiveDate::from_ymd_opt(year, caps[2].parse().ok()?, caps[1].parse().ok()?)
}

/// Standard offsets from UTC, in minutes, of the countries whose clocks mostly show one
/// time (where a newsroom's day is), by ISO country code; European ones also keep the
/// EU's summer time.
const COUNTRY_OFFSETS: &[(&str, i32)] = &[
    ("ar", -180),
    ("br", -180),
    ("uy", -180),
    ("cl", -240),
    ("py", -180),
    ("bo", -240),
    ("pe", -300),
    ("co", -300),
    ("ec", -300),
    ("ve", -240),
    ("mx", -360),
    ("cu", -300),
    ("gb", 0),
    ("uk", 0),
    ("ie", 0),
    ("pt", 0),
    ("is", 0),
    ("de", 60),
    ("at", 60),
    ("ch", 60),
    ("fr", 60),
    ("it", 60),
    ("es", 60),
    ("nl", 60),
    ("be", 60),
    ("lu", 60),
    ("pl", 60),
    ("cz", 60),
    ("sk", 60),
    ("hu", 60),
    ("si", 60),
    ("hr", 60),
    ("rs", 60),
    ("ba", 60),
    ("dk", 60),
    ("no", 60),
    ("se", 60),
    ("mt", 60),
    ("li", 60),
    ("fi", 120),
    ("ee", 120),
    ("lv", 120),
    ("lt", 120),
    ("gr", 120),
    ("ro", 120),
    ("bg", 120),
    ("ua", 120),
    ("cy", 120),
    ("tr", 180),
    ("il", 120),
    ("eg", 120),
    ("za", 120),
    ("ng", 60),
    ("ke", 180),
    ("sa", 180),
    ("ae", 240),
    ("ir", 210),
    ("pk", 300),
    ("in", 330),
    ("bd", 360),
    ("th", 420),
    ("vn", 420),
    ("cn", 480),
    ("hk", 480),
    ("tw", 480),
    ("sg", 480),
    ("my", 480),
    ("ph", 480),
    ("jp", 540),
    ("kr", 540),
    ("nz", 720),
];

/// Countries in the table above that keep the EU's summer time.
const EU_SUMMER_TIME: &[&str] = &[
    "gb", "uk", "ie", "pt", "de", "at", "ch", "fr", "it", "es", "nl", "be", "lu", "pl", "cz", "sk",
    "hu", "si", "hr", "rs", "ba", "dk", "no", "se", "mt", "li", "fi", "ee", "lv", "lt", "gr", "ro",
    "bg", "ua", "cy",
];

impl Markup {
    /// The countries a page says it is from, most specific first: the region of its
    /// `og:locale` and `<html lang>` ("pt_BR", "es-AR"), then its address's country
    /// domain (".com.ar", ".de").
    fn regions(&self, url: Option<&str>) -> Vec<String> {
        let mut out: Vec<String> = self
            .meta_values(&["og:locale"])
            .filter_map(tag_region)
            .collect();
        out.extend(self.lang.as_deref().and_then(tag_region));
        let domain = url
            .and_then(crate::normalize::text::host_of)
            .and_then(|host| host.rsplit('.').next().map(str::to_string))
            .filter(|tld| tld.len() == 2);
        out.extend(domain);
        out
    }
}

/// The region of a language tag, lower case ("pt_BR", "en-GB" → "br", "gb").
fn tag_region(tag: &str) -> Option<String> {
    let (_, region) = tag.split_once(['-', '_'])?;
    (region.len() == 2).then(|| region.to_lowercase())
}

/// The offset of the first of `regions` with one clock, on `day`.
fn regional_offset(regions: &[String], day: NaiveDate) -> Option<chrono::FixedOffset> {
    let (region, minutes) = regions.iter().find_map(|r| {
        COUNTRY_OFFSETS
            .iter()
            .find(|(code, _)| code == r)
            .map(|(code, minutes)| (*code, *minutes))
    })?;
    let summer = EU_SUMMER_TIME.contains(&region) && in_eu_summer_time(day);
    chrono::FixedOffset::east_opt((minutes + if summer { 60 } else { 0 }) * 60)
}

/// True from the last Sunday of March to the day before the last Sunday of October.
fn in_eu_summer_time(day: NaiveDate) -> bool {
    use chrono::Datelike;
    let last_sunday = |month: u32| {
        let end = NaiveDate::from_ymd_opt(day.year(), month, 31)?;
        let back = end.weekday().num_days_from_sunday();
        end.checked_sub_days(chrono::Days::new(back.into()))
    };
    match (last_sunday(3), last_sunday(10)) {
        (Some(start), Some(end)) => day >= start && day < end,
        _ => false,
    }
}

/// The offset from UTC of a timestamp written in local time ("…T11:00:53+01:00").
fn local_offset(value: &str) -> Option<chrono::FixedOffset> {
    let time = chrono::DateTime::parse_from_rfc3339(value.trim()).ok()?;
    let offset = *time.offset();
    (offset.local_minus_utc() != 0).then_some(offset)
}

/// The date a UTC timestamp falls on at `offset`.
fn at_offset(value: &str, offset: chrono::FixedOffset) -> Option<NaiveDate> {
    let value = value.trim().replace("+0000", "+00:00");
    let time = chrono::DateTime::parse_from_rfc3339(&value)
        .ok()
        .or_else(|| chrono::DateTime::parse_from_rfc2822(&value).ok())?;
    Some(time.with_timezone(&offset).date_naive())
}

/// True when a machine date carries a UTC time rather than the writer's local one.
fn is_utc(value: &str) -> bool {
    let value = value.trim();
    value.len() > 10
        && (value.ends_with('Z')
            || value.ends_with("+00:00")
            || value.ends_with("+0000")
            || value.ends_with("GMT")
            || value.ends_with("UTC"))
}

/// Meta names that state the original publication date, most specific first.
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "date",
    "dc.date",
    "dcterms.date",
    "created",
    "article:created",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    "shareaholic:article_published_time",
    "og:pubdate",
    "date_published",
    "datecreated",
    "release_date",
];

/// Meta names of [`PUBLISHED_META`] that do not say which date they hold.
const UNSPECIFIED_META: &[&str] = &["date", "dc.date", "dcterms.date", "created"];

/// How many days after the date a page shows an unspecified meta date may be and still
/// be taken for the page's building or editing rather than another story's date.
const MAX_BUILD_LAG_DAYS: i64 = 3;

/// Meta names of modification dates: a last resort, the original is preferred.
const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
];

/// `datetime` values of `<time>` elements, those marked as the publication date first;
/// apart, those beside the article (a sidebar's or a related story's).
pub(super) fn publication_times(document: &Document) -> (Vec<String>, Vec<String>) {
    let mut marked = Vec::new();
    let mut other = Vec::new();
    let mut beside = Vec::new();
    for node in document
        .select("time, abbr.published, [data-utime]")
        .nodes()
    {
        // Readers' comments carry times of their own, days after the article, and a
        // navigation bar the day the page was built.
        if in_comments(node) || in_navigation(node) {
            continue;
        }
        let value = node
            .attr("datetime")
            .or_else(|| node.attr("title"))
            .map(|v| v.to_string())
            .or_else(|| {
                let utime = node.attr("data-utime")?;
                let secs: i64 = utime.trim().parse().ok()?;
                chrono::DateTime::from_timestamp(secs, 0).map(|t| t.to_rfc3339())
            })
            .unwrap_or_else(|| node.text().to_string());
        let hints = format!(
            "{} {} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("itemprop").unwrap_or_default(),
            if node.has_attr("pubdate") {
                "pubdate"
            } else {
                ""
            }
        )
        .to_lowercase();
        let updated = hints.contains("updated") || hints.contains("modified");
        if beside_the_article(node) {
            beside.push(value);
        } else if hints.contains("pub") || hints.contains("entry-date") || hints.contains("created")
        {
            marked.push(value);
        } else if !updated {
            other.push(value);
        }
    }
    marked.extend(other);
    (marked, beside)
}

/// Words of class names and ids that mark other stories beside the article.
const BESIDE_WORDS: &[&str] = &[
    "related",
    "sidebar",
    "teaser",
    "teasers",
    "recommended",
    "recommendations",
    "popular",
    "trending",
    "more",
    "widget",
];

/// True when `node` stands in an `<aside>` or in a box of other stories ("related",
/// "sidebar", "teaser"), whose times are those stories'.
fn beside_the_article(node: &dom_query::NodeRef) -> bool {
    ancestors(node, 12)
        .any(|n| n.node_name().as_deref() == Some("aside") || class_names_one_of(&n, BESIDE_WORDS))
}

/// True when `node` stands in a navigation bar: inside a `<nav>`, or within three levels
/// of an element whose class or id names one ("navtop", "navbar", "menu"). Only that
/// near, because pages wrap their whole content in "navigation-overlay-wrapper" and the
/// like.
fn in_navigation(node: &dom_query::NodeRef) -> bool {
    const NAVIGATION_WORDS: &[&str] = &["nav", "navtop", "navbar", "topbar", "menu", "navigation"];
    ancestors(node, 12).any(|n| n.node_name().as_deref() == Some("nav"))
        || ancestors(node, 3).any(|n| class_names_one_of(&n, NAVIGATION_WORDS))
}

/// The text of an element with a space between the texts of its parts, so that cells
/// and list items do not run together ("<li>Datum: 26. Januar 2022</li><li>Ausgabejahr"
/// would read "2022Ausgabejahr", which is no year).
fn spaced_text(node: &dom_query::NodeRef) -> String {
    let mut text = String::new();
    for piece in node.descendants_it().filter(|n| n.is_text()) {
        text.push_str(&piece.text());
        text.push(' ');
    }
    text
}

/// Short texts of elements whose class or id says they hold the date or byline.
fn date_texts(document: &Document) -> Vec<String> {
    const HINTS: &[&str] = &[
        "date", "datum", "time", "publish", "posted", "byline", "fecha", "meta", "author",
    ];
    let mut out = Vec::new();
    for node in document.select("[class], [id], [data-testid]").nodes() {
        let names = format!(
            "{} {} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("id").unwrap_or_default(),
            node.attr("data-testid").unwrap_or_default()
        )
        .to_lowercase();
        // Readers' comments carry the days after the story, a navigation bar the day
        // the page was built.
        if !HINTS.iter().any(|h| names.contains(h))
            || names.contains("update")
            || in_comments(node)
            || in_navigation(node)
        {
            continue;
        }
        let text = collapse(&spaced_text(node));
        if !text.is_empty() && text.len() <= 200 {
            out.push(text);
        }
        if out.len() >= 200 {
            break;
        }
    }
    out
}

/// A date from a machine-readable value: ISO 8601 or RFC 2822 first, then any written
/// date.
pub fn machine_date(value: &str) -> Option<NaiveDate> {
    machine_date_in(value, false)
}

/// Like [`machine_date`], reading a slashed date such as "10/05/2022" day first when
/// `slash_day_first` says the page's region writes it so.
pub(super) fn machine_date_in(value: &str, slash_day_first: bool) -> Option<NaiveDate> {
    let folded = fold_digits(value);
    let value = folded.trim();
    if let Some(head) = value.get(..10)
        && let Ok(date) = NaiveDate::parse_from_str(head, "%Y-%m-%d")
    {
        return Some(date);
    }
    if let Ok(time) = chrono::DateTime::parse_from_rfc2822(value) {
        return Some(time.date_naive());
    }
    if value.len() == 8
        && value.bytes().all(|b| b.is_ascii_digit())
        && let Ok(date) = NaiveDate::parse_from_str(value, "%Y%m%d")
    {
        return Some(date);
    }
    find_dates_in(value, slash_day_first)
        .first()
        .map(|(_, d)| *d)
}

/// Which reading of a slashed date like "10/05/2022" to take: the one nearer to a date
/// the page states without ambiguity, within a month; month first when none settles it,
/// as machine-written values in markup mostly are, whatever the page's language (the
/// same software writes "11/01/2023" for 1 November on a German page).
fn nearer_reading(
    month_first: NaiveDate,
    day_first: NaiveDate,
    referees: &[NaiveDate],
) -> NaiveDate {
    let distance = |date: NaiveDate| {
        referees
            .iter()
            .map(|referee| (*referee - date).num_days().abs())
            .min()
            .unwrap_or(i64::MAX)
    };
    if distance(day_first) < distance(month_first).min(31) {
        day_first
    } else {
        month_first
    }
}

/// A date in a page address: `/2025/04/29/`, `/2025-04-29`, `20250429`, `/2025/apr/29/`.
pub fn url_date(url: &str) -> Option<NaiveDate> {
    static URL_DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?:^|[/_-])((?:19|20)[0-9]{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12][0-9]|3[01])(?:[/_.-]|$)",
        )
        .unwrap()
    });
    // "/2020/oct/02/": folders with the month's name, whole or cut short.
    static URL_NAMED_MONTH: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"/((?:19|20)[0-9]{2})/([A-Za-z]{3,9})/(0?[1-9]|[12][0-9]|3[01])(?:/|$)")
            .unwrap()
    });
    let url = fold_digits(url);
    let path = url.split_once("://").map_or(url.as_ref(), |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    if let Some(caps) = URL_DATE.captures(path) {
        return NaiveDate::from_ymd_opt(
            caps[1].parse().ok()?,
            caps[2].parse().ok()?,
            caps[3].parse().ok()?,
        );
    }
    let caps = URL_NAMED_MONTH.captures(path)?;
    NaiveDate::from_ymd_opt(
        caps[1].parse().ok()?,
        month_number(&caps[2])?,
        caps[3].parse().ok()?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_digit_years_pivot_at_69() {
        let cases = [
            ("28.01.22", Some("2022-01-28")),
            ("Stand: 3.3.98", Some("1998-03-03")),
            ("01.07.68 10:00", Some("2068-07-01")),
            ("01.07.69", Some("1969-07-01")),
            ("31.02.20", None),
        ];
        for (text, expected) in cases {
            assert_eq!(
                short_year_date(text).map(|d| d.to_string()).as_deref(),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn url_dates() {
        let cases = [
            ("https://x.com/2025/04/29/orrick-ruling", Some("2025-04-29")),
            ("https://x.com/news/2025-04-29-orrick", Some("2025-04-29")),
            ("https://x.com/a/20250429/story.html", Some("2025-04-29")),
            ("https://x.com/2025/04/story", None),
            ("https://x.com/item/12345678901", None),
            ("https://x.com/a?date=2025/04/29", None),
            (
                "https://x.com/education/2020/oct/02/halls-too-full",
                Some("2020-10-02"),
            ),
            (
                "https://x.com/world/1987/June/18/summit",
                Some("1987-06-18"),
            ),
            ("https://x.com/2020/sept/02/story", Some("2020-09-02")),
            ("https://x.com/2020/foo/02/story", None),
        ];
        for (url, expected) in cases {
            assert_eq!(
                url_date(url).map(|d| d.to_string()).as_deref(),
                expected,
                "{url}"
            );
        }
    }

    #[test]
    fn labels_are_read_where_a_word_starts() {
        let cases = [
            (
                "Published 3 May 2021 · Updated 9 May 2021",
                vec![
                    ("2021-05-03", Label::Published),
                    ("2021-05-09", Label::Updated),
                ],
            ),
            (
                "Last update: 9 May 2021",
                vec![("2021-05-09", Label::Updated)],
            ),
            (
                "Änderungsdatum: 9.5.2021",
                vec![("2021-05-09", Label::None)],
            ),
            ("Datum: 9.5.2021", vec![("2021-05-09", Label::Published)]),
            ("republished 9 May 2021", vec![("2021-05-09", Label::None)]),
            ("9 May 2021", vec![("2021-05-09", Label::None)]),
        ];
        for (text, expected) in cases {
            let got: Vec<(String, Label)> = labelled_dates(text, true)
                .into_iter()
                .map(|(d, l)| (d.to_string(), l))
                .collect();
            let expected: Vec<(String, Label)> = expected
                .into_iter()
                .map(|(d, l)| (d.to_string(), l))
                .collect();
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn dates_in_script_data() {
        let cases = [
            (
                r#"<script>window.__STATE__={"publishedAt":"2025-04-29T10:00:00Z"}</script>"#,
                Some("2025-04-29"),
            ),
            (
                r#"{"publish_date":"2020\/02\/24","x":1}"#,
                Some("2020-02-24"),
            ),
            (r#"{"updatedAt":"2025-04-29T10:00:00Z"}"#, None),
        ];
        for (html, expected) in cases {
            assert_eq!(
                script_date(html).map(|d| d.to_string()).as_deref(),
                expected,
                "{html}"
            );
        }
    }

    #[test]
    fn machine_dates() {
        let cases = [
            ("2025-04-29T10:30:00+02:00", Some("2025-04-29")),
            ("Tue, 29 Apr 2025 10:30:00 GMT", Some("2025-04-29")),
            ("20250429", Some("2025-04-29")),
            ("29 April 2025", Some("2025-04-29")),
            ("٢٠٢٥-٠٤-٢٩T10:30:00Z", Some("2025-04-29")),
            ("２０２５-０４-２９", Some("2025-04-29")),
            ("२०२५-०४-२९", Some("2025-04-29")),
            ("soon", None),
        ];
        for (value, expected) in cases {
            assert_eq!(
                machine_date(value).map(|d| d.to_string()).as_deref(),
                expected,
                "{value}"
            );
        }
    }
}
