//! Joins the mentions of one article into persons: a surname or a titled short form
//! joins the fullest name that ends with it.

use super::mentions::Mention;
use crate::clipping::Person;

/// Joins the mentions of one article into persons: a surname or a titled short form
/// joins the fullest name that ends with it.
///
/// Work is done per distinct written form, not per pair of mentions, so a transcript that
/// names one person ten thousand times costs ten thousand steps, not a hundred million.
pub(super) fn join_mentions(
    mentions: Vec<Mention>,
    passages: usize,
    is_first_name: &dyn Fn(&str) -> bool,
) -> (Vec<Person>, Vec<Vec<usize>>) {
    let forms = distinct_forms(&mentions);
    // A form is full when no longer form of the same last word contains it.
    let mut full: Vec<bool> = forms
        .forms
        .iter()
        .map(|words| {
            forms.by_last[words.last().map_or("", String::as_str)]
                .iter()
                .all(|&other| !is_short_form(words, &forms.forms[other]))
        })
        .collect();
    let opening = opening_word_forms(&forms, &full, is_first_name);
    for (form, target) in opening.iter().enumerate() {
        if target.is_some() {
            full[form] = false;
        }
    }
    // One group per full form, in order of its first mention.
    let mut group_of_form: Vec<Option<usize>> = vec![None; forms.forms.len()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, &form) in forms.of_mention.iter().enumerate() {
        if full[form] {
            let g = *group_of_form[form].get_or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(i);
        }
    }
    // Short forms, in reading order: with two people of one surname, a bare surname is
    // the one last named before it.
    let full_members: Vec<Vec<usize>> = groups.clone();
    let mut last_short: Vec<Option<usize>> = vec![None; groups.len()];
    for (i, &form) in forms.of_mention.iter().enumerate() {
        if full[form] {
            continue;
        }
        let words = &forms.forms[form];
        let candidates = forms.by_last[words.last().map_or("", String::as_str)]
            .iter()
            .filter(|&&other| full[other] && is_short_form(words, &forms.forms[other]))
            .chain(&opening[form])
            .filter_map(|&other| group_of_form[other]);
        let last_named_before = |g: usize| {
            let members = &full_members[g];
            let before = members.partition_point(|&m| m < i);
            let last_full = before.checked_sub(1).map(|k| members[k]);
            last_full.max(last_short[g])
        };
        if let Some(g) = candidates.max_by_key(|&g| (last_named_before(g), g)) {
            groups[g].push(i);
            last_short[g] = Some(i);
        }
    }
    groups.sort_by_key(|group| group.iter().min().copied());
    let mut by_passage = vec![Vec::new(); passages];
    let persons = groups
        .iter()
        .enumerate()
        .map(|(index, group)| {
            for &i in group {
                if let Some(p) = mentions[i].passage
                    && by_passage[p].last() != Some(&index)
                    && !by_passage[p].contains(&index)
                {
                    by_passage[p].push(index);
                }
            }
            person_of(&mentions, group)
        })
        .collect();
    (persons, by_passage)
}

/// For each one-word form that ends no longer name, the one full name it opens, if just
/// one does: "Xi" after "Xi Jinping", "Kim" after "Kim Jong Un" (surnames written first).
/// A known first name alone ("Rachel") is left alone: it is as often another person, and
/// so is a word that opens two names.
fn opening_word_forms(
    forms: &Forms,
    full: &[bool],
    is_first_name: &dyn Fn(&str) -> bool,
) -> Vec<Option<usize>> {
    let mut by_first: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (form, words) in forms.forms.iter().enumerate() {
        if words.len() > 1 && full[form] {
            by_first.entry(words[0].as_str()).or_default().push(form);
        }
    }
    forms
        .forms
        .iter()
        .map(|words| {
            let [word] = words.as_slice() else {
                return None;
            };
            match by_first.get(word.as_str())?.as_slice() {
                [only] if forms.by_last[word.as_str()].len() == 1 && !is_first_name(word) => {
                    Some(*only)
                }
                _ => None,
            }
        })
        .collect()
}

/// The distinct word forms of an article's mentions, and which form each mention has.
struct Forms {
    forms: Vec<Vec<String>>,
    of_mention: Vec<usize>,
    /// Forms by their last word.
    by_last: std::collections::HashMap<String, Vec<usize>>,
}

fn distinct_forms(mentions: &[Mention]) -> Forms {
    let mut index: std::collections::HashMap<&[String], usize> = Default::default();
    let mut forms = Vec::new();
    let mut by_last: std::collections::HashMap<String, Vec<usize>> = Default::default();
    let of_mention = mentions
        .iter()
        .map(|m| {
            *index.entry(m.words.as_slice()).or_insert_with(|| {
                forms.push(m.words.clone());
                let last = m.words.last().cloned().unwrap_or_default();
                by_last.entry(last).or_default().push(forms.len() - 1);
                forms.len() - 1
            })
        })
        .collect();
    Forms {
        forms,
        of_mention,
        by_last,
    }
}

/// One person from the mentions of a group: the fullest name, the other forms as
/// aliases, and every role given.
fn person_of(mentions: &[Mention], group: &[usize]) -> Person {
    let fullest = &mentions[group[0]];
    let mut aliases: Vec<String> = Vec::new();
    let mut roles: Vec<String> = Vec::new();
    let mut seen_aliases: std::collections::HashSet<&str> = Default::default();
    for &i in group {
        let m = &mentions[i];
        for alias in std::iter::once(&m.name).chain(&m.titled) {
            if *alias != fullest.name && seen_aliases.insert(alias.as_str()) {
                aliases.push(alias.clone());
            }
        }
        for role in &m.roles {
            if !roles.iter().any(|r| r.eq_ignore_ascii_case(role)) {
                roles.push(role.clone());
            }
        }
    }
    // A bare title says less than a role phrase holding it: "mayor of Portland" over
    // "mayor".
    let all = roles.clone();
    roles.retain(|r| {
        !all.iter()
            .any(|s| s != r && s.to_lowercase().contains(&r.to_lowercase()))
    });
    Person {
        name: fullest.name.clone(),
        aliases,
        roles,
        mentions: group.len(),
    }
}

/// True when `short` names the same person as `full` in fewer words: its last word is
/// `full`'s last word and its other words appear in `full` ("Orrick", "William Orrick"
/// for "William H. Orrick").
fn is_short_form(short: &[String], full: &[String]) -> bool {
    short.len() < full.len()
        && short.last() == full.last()
        && short[..short.len() - 1].iter().all(|w| full.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn short_forms() {
        let full = words("william h orrick");
        assert!(is_short_form(&words("orrick"), &full));
        assert!(is_short_form(&words("william orrick"), &full));
        assert!(!is_short_form(&words("william"), &full));
        assert!(!is_short_form(&words("ann orrick"), &full));
    }
}
