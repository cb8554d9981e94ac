//! The people of the archive, gathered from the manifest: under which forms and roles
//! each is named, in how many articles and when, and which people a typed name means.

use crate::clipping::folded_key;
use crate::index::{Manifest, RecordSummary};
use crate::normalize::persons::strip_titles;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// One person across the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonSummary {
    /// The fullest name, as most often written.
    pub name: String,
    /// Other forms the person is named by.
    pub aliases: Vec<String>,
    /// Roles given to the person, most frequent first.
    pub roles: Vec<String>,
    /// Articles naming the person.
    pub articles: usize,
    /// Mentions across those articles.
    pub mentions: usize,
    /// Earliest article date.
    pub first_date: NaiveDate,
    /// Latest article date.
    pub last_date: NaiveDate,
    /// Folded names the person is indexed under: the full name, and a bare surname
    /// that only this person carries.
    pub keys: Vec<String>,
}

/// One person in detail: `persons NAME`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonProfile {
    /// The person.
    pub person: PersonSummary,
    /// People most often named in the same articles, with the number of shared articles.
    pub named_with: Vec<NamedWith>,
    /// Articles per month, `YYYY-MM`, oldest first.
    pub months: Vec<MonthCount>,
}

/// A person named alongside another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedWith {
    /// Their name.
    pub name: String,
    /// Articles naming both.
    pub articles: usize,
}

/// Articles in one month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    /// Articles that month.
    pub articles: usize,
}

/// What a typed name matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// Folded full names of the matching people.
    pub keys: Vec<String>,
    /// Display names of the matching people.
    pub names: Vec<String>,
    /// Every form the matching people are written in.
    pub forms: Vec<String>,
    /// True when a bare surname matched several different full names.
    pub ambiguous: bool,
}

struct Gathered {
    keys: Vec<String>,
    names: HashMap<String, usize>,
    aliases: Vec<String>,
    seen_aliases: std::collections::HashSet<String>,
    roles: HashMap<String, usize>,
    articles: usize,
    mentions: usize,
    first_date: NaiveDate,
    last_date: NaiveDate,
}

/// The people of an archive, by folded full name, most named first.
pub struct People {
    people: Vec<(String, PersonSummary)>,
}

impl People {
    /// Gathers the people named in every record of `manifest`.
    pub fn of(manifest: &Manifest) -> People {
        let mut people = PeopleTally::default();
        manifest.for_each_record(|record| people.add(record));
        people.finish()
    }

    /// People already gathered and sorted, as [`People::entries`] gave them.
    pub(super) fn from_sorted(people: Vec<(String, PersonSummary)>) -> People {
        People { people }
    }

    /// Every person with the folded name they are gathered under, most named first.
    pub(super) fn entries(&self) -> impl Iterator<Item = &(String, PersonSummary)> {
        self.people.iter()
    }

    /// Every person, most named first.
    pub fn list(&self) -> impl Iterator<Item = &PersonSummary> {
        self.people.iter().map(|(_, p)| p)
    }

    /// Fills in which people each person filter means; returns what the user should be
    /// told: a name that means nobody, or several people.
    pub fn resolve_filters(&self, filters: &mut crate::query::Filters) -> Vec<String> {
        resolve_filters_with(filters, |asked| self.resolve(asked))
    }

    /// Which people `asked` means.
    pub fn resolve(&self, asked: &str) -> Resolution {
        resolve(&self.people, asked)
    }

    /// The profiles of the people `name` means (several for an ambiguous surname).
    pub fn profiles(&self, manifest: &Manifest, name: &str) -> Vec<PersonProfile> {
        let resolution = self.resolve(name);
        self.people
            .iter()
            .filter(|(key, _)| resolution.keys.contains(key))
            .map(|(_, person)| profile(manifest, person.clone()))
            .collect()
    }
}

/// Every person of every record under the folded full name.
/// The people of an archive, gathered one record at a time.
#[derive(Default)]
pub(super) struct PeopleTally {
    people: BTreeMap<String, Gathered>,
}

impl PeopleTally {
    pub(super) fn add(&mut self, record: &RecordSummary) {
        for person in &record.persons {
            let key = folded_key(&person.name);
            let entry = self
                .people
                .entry(key.clone())
                .or_insert_with(|| Gathered::new(key, record.date));
            *entry.names.entry(person.name.clone()).or_default() += 1;
            entry.add_aliases(person.aliases.iter().cloned());
            for role in &person.roles {
                *entry.roles.entry(role.clone()).or_default() += 1;
            }
            entry.articles += 1;
            entry.mentions += person.mentions;
            entry.first_date = entry.first_date.min(record.date);
            entry.last_date = entry.last_date.max(record.date);
        }
    }

    /// Bare surnames joined to the full name they stand for, most named first.
    pub(super) fn finish(mut self) -> People {
        merge_bare_surnames(&mut self.people);
        let mut people: Vec<(String, PersonSummary)> = self
            .people
            .into_iter()
            .map(|(key, g)| (key, g.summary()))
            .collect();
        people.sort_by(|a, b| {
            b.1.articles
                .cmp(&a.1.articles)
                .then_with(|| a.1.name.cmp(&b.1.name))
        });
        People { people }
    }
}

impl Gathered {
    fn new(key: String, date: NaiveDate) -> Gathered {
        Gathered {
            keys: vec![key],
            names: HashMap::new(),
            aliases: Vec::new(),
            seen_aliases: std::collections::HashSet::new(),
            roles: HashMap::new(),
            articles: 0,
            mentions: 0,
            first_date: date,
            last_date: date,
        }
    }

    fn add_aliases(&mut self, aliases: impl IntoIterator<Item = String>) {
        for alias in aliases {
            if self.seen_aliases.insert(alias.clone()) {
                self.aliases.push(alias);
            }
        }
    }

    /// The person as listed: the name written most often, the other forms as aliases,
    /// roles most frequent first.
    fn summary(self) -> PersonSummary {
        let name = most_frequent(&self.names);
        let mut aliases: Vec<String> = self
            .names
            .keys()
            .filter(|n| **n != name)
            .cloned()
            .chain(self.aliases.into_iter().filter(|a| *a != name))
            .collect();
        aliases.sort();
        aliases.dedup();
        let mut roles: Vec<(String, usize)> = self.roles.into_iter().collect();
        roles.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        PersonSummary {
            name,
            aliases,
            roles: roles.into_iter().map(|(r, _)| r).collect(),
            articles: self.articles,
            mentions: self.mentions,
            first_date: self.first_date,
            last_date: self.last_date,
            keys: self.keys,
        }
    }
}

/// An article that only says "Trump" names the archive's one Donald Trump: a one-word
/// person joins the only full name ending in that word. With two such full names
/// (two Wilsons), the bare surname stays on its own.
fn merge_bare_surnames(people: &mut BTreeMap<String, Gathered>) {
    let mut full_names_by_last: HashMap<String, Vec<String>> = HashMap::new();
    for key in people.keys() {
        if let Some((_, last)) = key.rsplit_once(' ') {
            full_names_by_last
                .entry(last.to_string())
                .or_default()
                .push(key.clone());
        }
    }
    let bare: Vec<String> = people
        .keys()
        .filter(|k| !k.contains(' '))
        .cloned()
        .collect();
    for word in bare {
        let Some([owner]) = full_names_by_last.get(&word).map(Vec::as_slice) else {
            continue;
        };
        let Some(gone) = people.remove(&word) else {
            continue;
        };
        let Some(entry) = people.get_mut(owner) else {
            continue;
        };
        entry.add_aliases(gone.names.into_keys());
        entry.add_aliases(gone.aliases);
        for (role, n) in gone.roles {
            *entry.roles.entry(role).or_default() += n;
        }
        entry.keys.extend(gone.keys);
        entry.articles += gone.articles;
        entry.mentions += gone.mentions;
        entry.first_date = entry.first_date.min(gone.first_date);
        entry.last_date = entry.last_date.max(gone.last_date);
    }
}

fn most_frequent(counts: &HashMap<String, usize>) -> String {
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(name, _)| name.clone())
        .unwrap_or_default()
}

/// Fills in which people each person filter means, by `resolve`; returns what the user
/// should be told: a name that means nobody, or several people.
pub(super) fn resolve_filters_with(
    filters: &mut crate::query::Filters,
    resolve: impl Fn(&str) -> Resolution,
) -> Vec<String> {
    let mut notes = Vec::new();
    for filter in &mut filters.persons {
        let resolution = resolve(&filter.asked);
        if resolution.keys.is_empty() {
            notes.push(format!(
                "no person named {:?} in the archive (`morgue persons` lists them)",
                filter.asked
            ));
        } else if resolution.ambiguous {
            notes.push(format!(
                "{:?} names {} people: {}; searching all of them (give a full name to pick one)",
                filter.asked,
                resolution.names.len(),
                resolution.names.join(", ")
            ));
        }
        filter.keys = resolution.keys;
        filter.forms = resolution.forms;
    }
    notes
}

/// What resolving a name reads of one person, borrowed from wherever the people are kept
/// (gathered, or still encoded in the commit's summary).
#[derive(Clone)]
pub(super) struct Candidate<'a, T> {
    pub(super) key: &'a str,
    pub(super) name: &'a str,
    pub(super) aliases: T,
    pub(super) keys: T,
}

/// The people `asked` can mean: the full name, an alias, or a surname (or first name)
/// of one or several people; case and accents do not matter.
fn resolve(people: &[(String, PersonSummary)], asked: &str) -> Resolution {
    let as_str: fn(&String) -> &str = String::as_str;
    resolve_among(
        people.iter().map(|(key, person)| Candidate {
            key,
            name: &person.name,
            aliases: person.aliases.iter().map(as_str),
            keys: person.keys.iter().map(as_str),
        }),
        asked,
    )
}

/// [`resolve`] over any list of candidates.
pub(super) fn resolve_among<'a, T>(
    people: impl IntoIterator<Item = Candidate<'a, T>>,
    asked: &str,
) -> Resolution
where
    T: Iterator<Item = &'a str> + Clone,
{
    let words = strip_titles(&folded_key(asked));
    let wanted = words.join(" ");
    let matches = |person: &Candidate<'a, T>| {
        let key = person.key;
        if key == wanted {
            return true;
        }
        let alias_match = person.aliases.clone().any(|a| {
            may_end_with(a, words.last().map(String::as_str))
                && strip_titles(&folded_key(a)).join(" ") == wanted
        });
        if alias_match {
            return true;
        }
        let key_words: Vec<&str> = key.split(' ').collect();
        let same = |key_word: Option<&&str>, word: &str| {
            key_word.is_some_and(|k| without_article(k) == without_article(word))
        };
        match words.as_slice() {
            [] => false,
            [one] => same(key_words.last(), one) || same(key_words.first(), one),
            [rest @ .., last] => {
                same(key_words.last(), last) && rest.iter().all(|w| key_words.contains(&w.as_str()))
            }
        }
    };
    let found: Vec<Candidate<'a, T>> = people.into_iter().filter(|p| matches(p)).collect();
    let full_names = found.iter().filter(|p| p.key.contains(' ')).count();
    let exact = found.iter().any(|p| p.key == wanted);
    let mut forms: Vec<String> = Vec::new();
    for person in &found {
        forms.push(person.name.to_string());
        forms.extend(person.aliases.clone().map(str::to_string));
    }
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.dedup();
    Resolution {
        keys: found
            .iter()
            .flat_map(|p| p.keys.clone().map(str::to_string))
            .collect(),
        names: found.iter().map(|p| p.name.to_string()).collect(),
        forms,
        ambiguous: !exact && full_names > 1,
    }
}

/// A folded surname without the Arabic article joined to it: "al-hariri" and "hariri"
/// are asked for alike.
fn without_article(word: &str) -> &str {
    match word.split_once('-') {
        Some((article, rest))
            if !rest.is_empty() && crate::normalize::lexicon::is_joined_article(article) =>
        {
            rest
        }
        _ => word,
    }
}

/// False when `alias`, folded and stripped of titles, cannot end with the word `last`;
/// an ASCII alias is told without folding it, which every person's aliases would cost
/// on every query naming a person.
fn may_end_with(alias: &str, last: Option<&str>) -> bool {
    match last {
        Some(last) if alias.is_ascii() => alias
            .split_whitespace()
            .next_back()
            .is_some_and(|word| word.trim_end_matches('.').eq_ignore_ascii_case(last)),
        _ => true,
    }
}

fn profile(manifest: &Manifest, person: PersonSummary) -> PersonProfile {
    let own = |name: &str| person.keys.contains(&folded_key(name));
    let mut together: HashMap<String, (String, usize)> = HashMap::new();
    let mut months: BTreeMap<String, usize> = BTreeMap::new();
    manifest.for_each_record(|record| {
        if !record.persons.iter().any(|p| own(&p.name)) {
            return;
        }
        *months
            .entry(record.date.format("%Y-%m").to_string())
            .or_default() += 1;
        for other in &record.persons {
            let other_key = folded_key(&other.name);
            if !own(&other.name) {
                together
                    .entry(other_key)
                    .or_insert_with(|| (other.name.clone(), 0))
                    .1 += 1;
            }
        }
    });
    let mut named_with: Vec<NamedWith> = together
        .into_values()
        .map(|(name, articles)| NamedWith { name, articles })
        .collect();
    named_with.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.name.cmp(&b.name))
    });
    named_with.truncate(10);
    PersonProfile {
        person,
        named_with,
        months: months
            .into_iter()
            .map(|(month, articles)| MonthCount { month, articles })
            .collect(),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn an_alias_is_passed_over_only_when_folding_it_could_not_match() {
        let aliases = [
            "Judge William Orrick",
            "W. ORRICK",
            "Mr. Orrick.",
            "orrick",
            "Judge",
            "Orrick Jr.",
            "  ",
            "",
            "Émile Zola",
            "Dr. Zola",
            "ZOLA",
        ];
        let asked = [
            "Orrick",
            "william orrick",
            "Judge",
            "Zola",
            "Emile Zola",
            "Jr",
            "",
        ];
        for alias in aliases {
            for asked in asked {
                let words = strip_titles(&folded_key(asked));
                let matches = strip_titles(&folded_key(alias)).join(" ") == words.join(" ");
                let may = may_end_with(alias, words.last().map(String::as_str));
                assert!(may || !matches, "{alias:?} for {asked:?}");
                // For ASCII aliases the quick answer is the exact one about the last word.
                if alias.is_ascii() && !words.is_empty() {
                    let stripped = strip_titles(&folded_key(alias));
                    assert_eq!(
                        may,
                        stripped.last() == words.last(),
                        "{alias:?} for {asked:?}"
                    );
                }
            }
        }
    }
    use super::*;

    fn person(name: &str, aliases: &[&str]) -> (String, PersonSummary) {
        let date = NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
        (
            folded_key(name),
            PersonSummary {
                name: name.to_string(),
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                roles: Vec::new(),
                articles: 1,
                mentions: 1,
                first_date: date,
                last_date: date,
                keys: vec![folded_key(name)],
            },
        )
    }

    #[test]
    fn names_resolve_by_full_name_surname_alias_and_accents() {
        let people = vec![
            person("William Orrick", &["Judge William Orrick", "Orrick"]),
            person("Keith Wilson", &["Wilson"]),
            person("Ann Wilson", &[]),
            person("Pedro Sánchez", &[]),
            person("Saad al-Hariri", &["Al-Hariri"]),
            person("Abdel Fattah el-Sisi", &[]),
        ];
        let keys = |asked: &str| resolve(&people, asked).keys;
        // A joined Arabic article may be written or left out.
        for asked in [
            "Hariri",
            "al-Hariri",
            "Saad Hariri",
            "el-Hariri",
            "Saad al-Hariri",
        ] {
            assert_eq!(keys(asked), ["saad al-hariri"], "{asked}");
        }
        assert_eq!(keys("Sisi"), ["abdel fattah el-sisi"]);
        assert!(keys("al-").is_empty());
        assert_eq!(keys("orrick"), ["william orrick"]);
        assert_eq!(keys("William ORRICK"), ["william orrick"]);
        assert_eq!(keys("Judge Orrick"), ["william orrick"]);
        assert_eq!(keys("pedro sanchez"), ["pedro sanchez"]);
        assert_eq!(keys("Sanchez"), ["pedro sanchez"]);
        let wilson = resolve(&people, "Wilson");
        assert_eq!(wilson.keys.len(), 2);
        assert!(wilson.ambiguous);
        assert!(!resolve(&people, "Keith Wilson").ambiguous);
        assert!(keys("Nobody").is_empty());
    }
}
