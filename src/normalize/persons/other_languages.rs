//! Names in clippings not written in English, where a capital letter says little: German
//! writes every noun so ("Koalition", "Haushaltslage"), French and Spanish open many
//! phrases with a capitalised article ("El Gobierno", "Le"). The tagger learnt English
//! capitals, so there a name needs more: a given name opening it, or a title before it.

use super::mentions::Mention;
use super::tagger::{self, Model};
use super::tokens::Token;
use crate::clipping::folded_key;
use crate::fasthash::IntSet;
use crate::normalize::lexicon::is_name_particle;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// A name span judged for a clipping in another language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Judged {
    /// The span, less the words before its given name ("Trainerin Heike Keller") and
    /// anything after a lower-case word that is not a name's particle.
    pub span: Range<usize>,
    /// True when it opens with a given name and has a surname, or follows a title; a
    /// name that is not stands only as another name's short form ("Scholz").
    pub confirmed: bool,
    /// The role a title before the name gives ("Finanzminister Christian Lindner").
    pub role: Option<String>,
}

/// Judges a name span the tagger found in a clipping not in English; `None` when nothing
/// of it is left.
pub(super) fn judge(model: &Model, tokens: &[Token], span: Range<usize>) -> Option<Judged> {
    let end = end_of_name(tokens, span.clone());
    let span = span.start..end;
    if span.is_empty() || names_an_institution(&tokens[end - 1].text) {
        return None;
    }
    let given = (span.start..span.end).find(|&i| is_given_name(model, &tokens[i].text));
    if let Some(given) = given
        && span.end - given >= 2
    {
        // Words the tagger ran into the name before its given name ("Trainerin Heike
        // Keller", "Bloggers Moritz Meyer") are left out; a title among them is a role.
        let role = (span.start..given)
            .rev()
            .chain(span.start.checked_sub(1))
            .find_map(|i| role_of(&tokens[i].text));
        return Some(Judged {
            span: given..span.end,
            confirmed: true,
            role,
        });
    }
    // A title before the name, or opening the span ("Bundeskanzler Scholz"); a title
    // followed by a lower-case word is a role's name ("Ministro de Salud"), not a person's.
    let mut start = span.start;
    while start < span.end && is_title(&tokens[start].text) {
        start += 1;
    }
    if start == span.end || !tagger::may_be_name(&tokens[start].text) {
        return None;
    }
    let titled = start > span.start || follows_title(tokens, span.start);
    let role = titled
        .then(|| {
            (span.start..start)
                .rev()
                .chain(span.start.checked_sub(1))
                .find_map(|i| role_of(&tokens[i].text))
        })
        .flatten();
    Some(Judged {
        span: start..span.end,
        confirmed: titled,
        role,
    })
}

/// True for a compound that names a place or an institution after a person, the way
/// German writes them ("Robert Koch-Institut", "Konrad-Adenauer-Stiftung",
/// "Willy-Brandt-Platz"): its last part after a hyphen is such a noun.
fn names_an_institution(word: &str) -> bool {
    word.rsplit_once('-').is_some_and(|(_, last)| {
        let last = folded_key(last);
        INSTITUTION_NOUNS
            .split_whitespace()
            .any(|noun| noun == last)
    })
}

/// Nouns that end the names of places and institutions called after people, folded.
const INSTITUTION_NOUNS: &str = "
    institut stiftung preis strasse straße platz allee weg ring schule gymnasium
    universitat hochschule haus zentrum klinik klinikum krankenhaus gesellschaft museum
    stadion halle brucke kaserne gedachtnis denkmal gedenkstatte bibliothek archiv
";

/// The role a title gives, as written ("Finanzminister", "ministre"); none for an
/// honorific ("Frau", "M.") or a word that is no title.
fn role_of(word: &str) -> Option<String> {
    let key = folded_key(word.trim_end_matches('.'));
    let honorific = super::lexicon::HONORIFICS.contains(&key.as_str()) || is_other_honorific(&key);
    ((is_title(word) || is_small_title(word)) && !honorific)
        .then(|| word.trim_end_matches('.').to_string())
}

/// The one-word names judged only as short forms of one of `names` ("Scholz" beside
/// "Olaf Scholz", "Núñez" beside "Alberto Núñez Feijóo"): a word of a longer name other
/// than its given name and its particles ("Le" beside "Bruno Le Maire" is not). The rest
/// are dropped.
pub(super) fn short_forms_of(names: &[Mention], short_forms: Vec<Mention>) -> Vec<Mention> {
    let words: HashSet<&str> = names
        .iter()
        .filter(|m| m.words.len() > 1)
        .flat_map(|m| m.words.iter().skip(1).map(String::as_str))
        .filter(|word| !is_name_particle(word))
        .collect();
    short_forms
        .into_iter()
        .filter(|m| matches!(m.words.as_slice(), [word] if words.contains(word.as_str())))
        .collect()
}

/// Names that are another name in the genitive, alone or run into the noun it governs
/// ("Pierre Gaslys Formkurve" beside "Pierre Gasly", as German and Dutch write it): the
/// person is named already.
pub(super) fn without_genitives(mentions: Vec<Mention>) -> Vec<Mention> {
    let names: HashSet<String> = mentions.iter().map(|m| m.words.join(" ")).collect();
    let genitive_of_a_name = |m: &Mention| {
        (2..=m.words.len()).any(|k| {
            let Some(owner) = m.words[k - 1].strip_suffix('s') else {
                return false;
            };
            let mut name = m.words[..k - 1].join(" ");
            name.push(' ');
            name.push_str(owner);
            names.contains(&name)
        })
    };
    mentions
        .into_iter()
        .filter(|m| !genitive_of_a_name(m))
        .collect()
}

/// A line's name spans as one name where the tagger cut it ("Le" and "Pen" side by
/// side), each with the given name the tagger left before it ("Marine Le Pen").
pub(super) fn joined_spans(
    model: &Model,
    tokens: &[Token],
    spans: Vec<Range<usize>>,
) -> Vec<Range<usize>> {
    let mut joined: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for mut span in spans {
        if let Some(before) = span.start.checked_sub(1)
            && joined.last().is_none_or(|last| last.end <= before)
            && is_given_name(model, &tokens[before].text)
        {
            span.start = before;
        }
        match joined.last_mut() {
            Some(last) if last.end == span.start => last.end = span.end,
            _ => joined.push(span),
        }
    }
    with_names_after_titles(tokens, joined)
}

/// The spans with a name the tagger passed over after a title ("el presidente Sánchez",
/// "Parteichef Merz"): up to three capitalised words that are not function words, when
/// no span holds them already.
fn with_names_after_titles(tokens: &[Token], spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut covered = vec![false; tokens.len()];
    for span in &spans {
        covered[span.clone()].iter_mut().for_each(|c| *c = true);
    }
    let mut added = Vec::new();
    let mut i = 0;
    while i + 1 < tokens.len() {
        let word = &tokens[i].text;
        if !(is_title(word) || is_small_title(word)) || covered[i + 1] {
            i += 1;
            continue;
        }
        // A party's or a body's letters ("diputada PS Emilia Nuyado") are no name.
        let acronym = |w: &str| !w.chars().any(char::is_lowercase);
        let name_word = |t: &Token| {
            tagger::may_be_name(&t.text)
                && !acronym(&t.text)
                && !is_capitalised_function_word(&t.text)
                && !is_title(&t.text)
                && crate::normalize::date::month_number(&t.text).is_none()
        };
        let end = (i + 1..tokens.len().min(i + 4))
            .take_while(|&k| !covered[k] && name_word(&tokens[k]))
            .last()
            .map(|k| k + 1);
        if let Some(end) = end {
            added.push(i + 1..end);
            i = end;
        } else {
            i += 1;
        }
    }
    if added.is_empty() {
        return spans;
    }
    let mut all: Vec<Range<usize>> = spans.into_iter().chain(added).collect();
    all.sort_by_key(|span| span.start);
    // A given name found after a title runs on into the surname the tagger did take
    // ("Bundespräsident Frank-Walter" and "Steinmeier").
    let mut joined: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for span in all {
        match joined.last_mut() {
            Some(last) if last.end == span.start => last.end = span.end,
            _ => joined.push(span),
        }
    }
    joined
}

/// True when the span opens with a given name and goes on.
pub(super) fn opens_with_given_name(model: &Model, tokens: &[Token], span: &Range<usize>) -> bool {
    span.len() >= 2 && is_given_name(model, &tokens[span.start].text)
}

/// Where a name ends: before a month ("Birgit Recktenwald Feb"), a function word of
/// another language, or the first lower-case word that is not a particle of a name ("von
/// der Leyen", "de la Fuente", "van den Berg"). "der", "den" and "dem" are such only after "von" or "van", as elsewhere they
/// are articles ("Jeanne Ruland den Löwen"); "von" and "van" only after a given name, as
/// after a surname they say where the person is from ("Jacqueline Rioba von World
/// Vision").
fn end_of_name(tokens: &[Token], span: Range<usize>) -> usize {
    let mut previous: Option<&str> = None;
    for i in span.clone() {
        let word = tokens[i].text.as_ref();
        // A month, or a capitalised pronoun or article ("Richard Gere Sie", "Sie" being
        // the polite "you"), ends a name.
        if i > span.start
            && (crate::normalize::date::month_number(word).is_some()
                || is_capitalised_function_word(word))
        {
            return i;
        }
        let lower = word.chars().next().is_some_and(char::is_lowercase);
        if lower {
            let particle = match word {
                "der" | "den" | "dem" => matches!(previous, Some("von" | "van")),
                "von" | "van" => i == span.start + 1,
                _ => OPENING_PARTICLES.contains(&word),
            };
            if !particle || i + 1 == span.end {
                return i;
            }
            previous = Some(word);
        } else {
            previous = None;
        }
    }
    span.end
}

/// True for a capitalised function word of another language that is no particle of a
/// name ("Sie", "Und"; not "Le" of "Le Pen" nor "Von").
fn is_capitalised_function_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    tagger::may_be_name(word)
        && crate::normalize::language::is_foreign_function_word(&lower)
        && !is_name_particle(&lower)
}

/// Particles that open a surname in lower case. Those that are also everyday words in
/// these languages before a capital ("zu", "la", "le", "el", "al", "y": "Elon Musk zu
/// Gerüchten") are left out: they end the name.
const OPENING_PARTICLES: &[&str] = &[
    "van", "von", "de", "del", "della", "di", "da", "dos", "das", "du", "bin", "ibn", "ben", "ter",
    "ten",
];

/// True for a given name: one the tagger's training knew as a first name, or one of
/// [`GIVEN_NAMES`]; accents aside ("María", "François").
pub(super) fn is_given_name(model: &Model, word: &str) -> bool {
    // An initial is no evidence: "z. B. Autoreparaturen", "S. 12".
    if !tagger::may_be_name(word) || word.trim_end_matches('.').chars().nth(1).is_none() {
        return false;
    }
    let folded = folded_key(word);
    // "Les" is a given name in English and an article in French.
    if crate::normalize::language::is_foreign_function_word(&word.to_lowercase()) {
        return false;
    }
    model.is_first_name(&word.to_lowercase())
        || model.is_first_name(&folded)
        || GIVEN.contains(&crate::fasthash::lowercase_hash(&folded))
}

static GIVEN: LazyLock<IntSet<u64>> = LazyLock::new(|| {
    GIVEN_NAMES
        .split_whitespace()
        .map(|name| crate::fasthash::lowercase_hash(&folded_key(name)))
        .collect()
});

/// True when the word before `start` is a title or honorific.
fn follows_title(tokens: &[Token], start: usize) -> bool {
    start.checked_sub(1).is_some_and(|before| {
        let word = &tokens[before].text;
        is_title(word) || is_small_title(word)
    })
}

/// A title or honorific written in small letters, as French, Spanish, Italian and
/// Portuguese write them before a name ("le ministre Bruno Le Maire", "el presidente
/// Sánchez", "señora Díaz"); short ones ("m", "sr", "pan") are ordinary words so written.
fn is_small_title(word: &str) -> bool {
    if !word.chars().next().is_some_and(char::is_lowercase) || word.chars().count() < 4 {
        return false;
    }
    let key = folded_key(word);
    is_other_title(&key) || is_other_honorific(&key)
}

/// A title in English, a title or honorific in another language, or a German compound
/// ending in a role ("Finanzminister", "Bundespräsidentin", "Parteichef").
fn is_title(word: &str) -> bool {
    if !tagger::may_be_name(word) {
        return false;
    }
    let key = folded_key(word.trim_end_matches('.'));
    // English honorifics are left out: in these languages they open the names of shows
    // and contests more often than people's ("Miss Saigon").
    super::lexicon::TITLES.iter().any(|(t, _)| *t == key)
        || is_other_title(&key)
        || is_other_honorific(&key)
        || ROLE_ENDINGS
            .split_whitespace()
            .any(|ending| key.len() > ending.len() + 2 && key.ends_with(ending))
}

/// True for one of [`TITLES`], folded; a set, as every capitalised word of a clipping in
/// another language is asked.
fn is_other_title(key: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| TITLES.split_whitespace().collect());
    SET.contains(key)
}

/// True for one of [`HONORIFICS`], folded.
fn is_other_honorific(key: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| HONORIFICS.split_whitespace().collect());
    SET.contains(key)
}

/// Titles of other languages, folded: each gives its holder a role.
const TITLES: &str = "
    kanzler kanzlerin bundeskanzler bundeskanzlerin minister ministerin prasident
    prasidentin burgermeister burgermeisterin pfarrer pfarrerin trainer trainerin kardinal
    papst konig konigin furst graf grafin landrat landratin senator senatorin abgeordnete
    abgeordneter vorsitzende vorsitzender sprecher sprecherin direktor direktorin
    professorin autorin autor kommissar kommissarin president presidente ministre maire
    depute deputee senateur senatrice maitre abbe presidenta ministro ministra alcalde
    alcaldesa diputado diputada senadora dott dottoressa onorevole papa rei rainha rey
    reina regina deputado deputada prefeito prefeita sindaco burgemeester premier
    statsminister prezydent posel poslanka ksiadz
";

/// Honorifics of other languages, folded: they confirm a name and give no role.
const HONORIFICS: &str = "
    herr frau m mme mlle monsieur madame mademoiselle sr sra srta senor senora don dona sig
    sigra signor signora dhr mevr mevrouw heer pan pani
";

/// Endings of German compound roles.
const ROLE_ENDINGS: &str = "
    minister ministerin prasident prasidentin kanzler kanzlerin chef chefin sprecher
    sprecherin vorsitzende vorsitzender direktor direktorin trainer trainerin meister
    meisterin sekretar sekretarin
";

/// Given names common in the languages told apart and in news of the last decades that
/// the 1996 training data does not hold often enough, folded. Names that are also
/// common words, places or brands in these languages ("Mercedes", "Victoria", "Florence",
/// "Hope", "Mark") are left out.
const GIVEN_NAMES: &str = "
    paolo moritz leif henrique pietro lorenzo alessio davide giacomo riccardo tommaso lukas
    finn maximilian niklas elias emil theo mateo sofia valeria lucas sophie lea hannah emily
    laura nina clara charlotte camille chloe juliette jules mathieu julien romain maxime
    baptiste alvaro raul victor pau xavi arnau oleg andriy mykola taras iryna tatiana
    anastasia
    andrea angela anja anke annalena annegret antje armin barbara bärbel beate bernd birgit
    boris brigitte carsten christa christiane christina claudia cem dagmar detlef dieter
    dirk doris dorothee elke erika ernst franziska frauke friedrich gabriele gerhard gerda
    gregor gudrun hannelore hans-jurgen heike heiko helga helmut hendrik hilde hildegard
    horst hubertus ilse ines ingrid jens jorg julia jurgen karin karl-heinz katarina katja
    katrin kerstin kevin klaus kristina lars lena luisa manuela margot marion markus
    martina matthias monika nadine norbert olaf ole petra ralf reinhard renate ricarda rolf
    sabine sahra sandra saskia sebastian sigmar silke simone sonja stefanie susanne svenja
    tanja thorsten tobias torsten ulrich ulrike ursula ute uwe volker waltraud wiebke
    winfried
    agnes amelie anne-marie arnaud aurelie benoit bernadette cecile celine christophe
    claire clement corinne edouard elisabeth elise emilie eric fabien fabienne francois
    francoise frederic gerald gerard guillaume helene herve isabelle jacqueline jean
    jean-claude jean-luc jean-marie jean-pierre jeanne jerome josiane laurent lionel manon
    marie marine martine mathilde michele monique nathalie olivier pascal pascale rachida
    remi segolene sylvie thierry valerie veronique xavier yannick yves
    adriana alejandro alfonso ana andres beatriz camila carla carmen catalina cayetana
    claudio concepcion cristina diego eduardo elena enrique esperanza esteban federico
    felipe fernanda fernando francisco gonzalo guadalupe guillermo gustavo ignacio irene
    isabel javier jesus joaquin jorge josefa juan julio leticia lucia luis manuel margarita
    maria mariano marta miguel monica nicolas nuria pablo patricia pilar raquel ricardo
    rocio santiago sergio silvia soledad teresa ximena yolanda
    alessandra alessandro alessia antonella beppe chiara daniela elisabetta emma enrico
    federica francesca gianluca gianni giorgia giorgio giovanna giulia giuseppe lorenza
    luca luigi marco massimo matteo maurizio nicola paola roberta roberto silvio simona
    stefania valentina vittorio
    antonio augusto caio conceicao dilma fabio graca joao jose luiz marcelo rafaela rodrigo
    sebastiao tereza vinicius
    annemarie bart dirk-jan els geert hanneke henk joost kees lieke maarten mette pieter
    sanne sigrid sven wopke annie astrid bjorn erna gunnar helle jonas magdalena mats sanna
    stefan ulf
    agata agnieszka andrzej anna beata bozena dorota elzbieta ewa grzegorz jadwiga jaroslaw
    joanna katarzyna krzysztof lech malgorzata marek mateusz pawel piotr radoslaw rafal
    szymon tomasz wojciech zbigniew andrej milos petr viktor zuzana
    alexei aleksandr dmitry olena oleksandr petro sergei vladimir volodymyr yulia yuri
    ahmet ayse emine fatma kemal mehmet mustafa recep serkan ahmed ali fatima hassan khaled
    mohammed muhammad omar youssef benjamin yair naftali narendra rahul rishi kamala
    jacinda keir justin shinzo fumio cyril jacob uhuru abiy bola muhammadu
    alexandria kristi liz nikki theresa beto ron pete tulsi joe elon
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::persons::tokens::tokenize;

    fn judged(model: &Model, text: &str, span: Range<usize>) -> Option<(String, bool)> {
        let tokens = tokenize(text);
        judge(model, &tokens, span).map(|j| {
            let words: Vec<&str> = tokens[j.span].iter().map(|t| t.text.as_ref()).collect();
            (words.join(" "), j.confirmed)
        })
    }

    /// The persons found in a clipping of one title and these passages, with their roles.
    fn names_and_roles(title: &str, passages: &[&str]) -> Vec<(String, Vec<String>)> {
        let passages: Vec<String> = passages.iter().map(|p| p.to_string()).collect();
        let (persons, _) = crate::normalize::persons::find_persons(title, &passages);
        persons.into_iter().map(|p| (p.name, p.roles)).collect()
    }

    fn names_found(title: &str, text: &str) -> Vec<String> {
        let passages: Vec<&str> = text.split("\n\n").collect();
        names_and_roles(title, &passages)
            .into_iter()
            .map(|(name, _)| name)
            .collect()
    }

    #[test]
    fn clippings_in_other_languages_name_people_and_not_nouns() {
        let cases: [(&str, &str, &[&str]); 4] = [
            (
                "Regierung plant neue Schuldenbremse",
                "Berlin – Bundeskanzler Olaf Scholz hat am Dienstag im Bundestag eine Reform \
                 der Schuldenbremse angekündigt. Die Opposition reagierte mit scharfer Kritik. \
                 Friedrich Merz, Vorsitzender der CDU, sprach von einem Wortbruch.\n\n\
                 Finanzminister Christian Lindner sagte, die Haushaltslage sei ernst. Nach \
                 Angaben des Statistischen Bundesamtes stieg die Inflation im Februar.\n\n\
                 Am Mittwoch will die Koalition beraten. Scholz betonte, die Bürger könnten \
                 sich auf die Regierung verlassen.",
                &["Olaf Scholz", "Friedrich Merz", "Christian Lindner"],
            ),
            (
                "Le gouvernement annonce une réforme",
                "Paris – Le Premier ministre Gabriel Attal a présenté mardi un projet de \
                 réforme. Marine Le Pen, présidente du groupe Rassemblement national, a \
                 dénoncé un passage en force.\n\n\
                 Selon le ministre de l'Économie Bruno Le Maire, la situation reste \
                 préoccupante. Les syndicats appellent à manifester jeudi à Lyon.\n\n\
                 Attal a promis un dialogue avec les partenaires sociaux.",
                &["Gabriel Attal", "Marine Le Pen", "Bruno Le Maire"],
            ),
            (
                "El Gobierno aprueba el nuevo presupuesto",
                "Madrid – El presidente del Gobierno, Pedro Sánchez, defendió este martes en \
                 el Congreso de los Diputados el proyecto. Alberto Núñez Feijóo, líder del \
                 Partido Popular, acusó al Ejecutivo de improvisar.\n\n\
                 Según el Banco de España, la economía crecerá un 2 por ciento. Sánchez \
                 viajará el jueves a Bruselas para reunirse con Ursula von der Leyen.",
                &[
                    "Pedro Sánchez",
                    "Alberto Núñez Feijóo",
                    "Ursula von der Leyen",
                ],
            ),
            (
                "Ein starkes Wochenende für das Team",
                "Pierre Gasly wurde am Sonntag Fünfter. Pierre Gaslys Formkurve zeigt nach \
                 oben, sagte Teamchef Franz Tost nach dem Rennen. Die Mannschaft war mit der \
                 Strategie zufrieden und will beim nächsten Lauf wieder punkten.",
                &["Pierre Gasly", "Franz Tost"],
            ),
        ];
        for (title, text, expected) in cases {
            let mut found = names_found(title, text);
            found.sort();
            let mut expected: Vec<String> = expected.iter().map(|n| n.to_string()).collect();
            expected.sort();
            assert_eq!(found, expected, "{title}");
        }
    }

    #[test]
    fn in_languages_without_name_rules_a_word_alone_is_no_name() {
        // Russian and Vietnamese capitalise like English: full names are read the English
        // way, but words opening sentences are not persons.
        let russian = names_found(
            "Сборная проиграла в Киеве",
            "Думаю, что это был тяжёлый матч. Лукаш Подольски сказал после игры, что \
             команда не готова. Но тренер Йоахим Лёв не согласился с ним.\n\n\
             Пришла пора перемен, и это понимают все в сборной. Ранее Подольски играл за \
             Кёльн и Арсенал, а теперь он выступает в Японии за клуб из Кобе.",
        );
        assert!(russian.iter().all(|name| name.contains(' ')), "{russian:?}");
        assert!(
            russian.contains(&"Лукаш Подольски".to_string()),
            "{russian:?}"
        );
        let vietnamese = names_found(
            "Quốc hội thông qua luật thuế mới",
            "Theo ông Nguyễn Văn Thắng, luật mới sẽ có hiệu lực từ tháng Bảy. Cùng với đó, \
             các doanh nghiệp được giảm thuế trong một năm. Tuy vậy, nhiều người vẫn lo \
             ngại về chi phí. Ủy ban cho biết sẽ có hướng dẫn chi tiết.",
        );
        assert!(
            vietnamese.iter().all(|name| name.contains(' ')),
            "{vietnamese:?}"
        );
    }

    #[test]
    fn a_title_in_small_letters_gives_its_role() {
        let roles = |title: &str, text: &str| names_and_roles(title, &[text]);
        assert_eq!(
            roles(
                "Presupuesto",
                "Madrid – El presidente Pedro Sánchez defendió este martes el proyecto en el \
                 Congreso, y la oposición acusó al Ejecutivo de improvisar con las cuentas."
            ),
            [("Pedro Sánchez".to_string(), vec!["presidente".to_string()])]
        );
        assert_eq!(
            roles(
                "Budget",
                "Selon le ministre Bruno Le Maire, la situation des comptes publics reste \
                 préoccupante pour les mois qui viennent et les syndicats sont inquiets."
            ),
            [("Bruno Le Maire".to_string(), vec!["ministre".to_string()])]
        );
        for word in ["pan", "sr", "m", "Ministre", "ministerio"] {
            assert!(!is_small_title(word), "{word}");
        }
    }

    #[test]
    fn a_name_the_tagger_passed_over_after_a_title_is_found() {
        let names = |title: &str, text: &str| names_and_roles(title, &[text]);
        assert_eq!(
            names(
                "Presupuesto",
                "Madrid – El presidente Sánchez defendió este martes el proyecto en el \
                 Congreso, y la oposición acusó al Ejecutivo de improvisar con las cuentas."
            ),
            [("Sánchez".to_string(), vec!["presidente".to_string()])]
        );
        assert_eq!(
            names(
                "Musical",
                "Am Abend wurde das Musical Miss Saigon im Theater gezeigt, und die Kritiker \
                 waren mit der Aufführung und den Sängern sehr zufrieden."
            ),
            []
        );
    }

    #[test]
    fn a_title_in_another_language_gives_a_role_and_an_honorific_none() {
        let roles = names_and_roles(
            "Haushalt",
            &[
                "Finanzminister Christian Lindner sagte am Dienstag, die Lage sei ernst und \
                 die Regierung werde noch in dieser Woche über den Haushalt beraten.",
                "Auch Frau Annalena Baerbock war bei der Sitzung, die nach zwei Stunden mit \
                 einer Erklärung der Koalition endete.",
            ],
        );
        assert_eq!(
            roles,
            [
                (
                    "Christian Lindner".to_string(),
                    vec!["Finanzminister".to_string()]
                ),
                ("Annalena Baerbock".to_string(), vec![]),
            ]
        );
    }

    #[test]
    fn a_name_in_another_language_needs_a_given_name_or_a_title() {
        let Some(model) = crate::normalize::persons::model() else {
            panic!("the built-in model is missing");
        };
        // A text, the span the tagger found, and what is left of it and whether confirmed.
        type Case = (&'static str, Range<usize>, Option<(&'static str, bool)>);
        let cases: [Case; 20] = [
            (
                "laut Friedrich Merz heute",
                1..3,
                Some(("Friedrich Merz", true)),
            ),
            (
                "Trainerin Heike Keller sagte",
                0..3,
                Some(("Heike Keller", true)),
            ),
            ("Bundeskanzler Scholz sagte", 0..2, Some(("Scholz", true))),
            (
                "sagte Finanzminister Lindner",
                1..3,
                Some(("Lindner", true)),
            ),
            (
                "Finanzminister Lindner sagte",
                1..2,
                Some(("Lindner", true)),
            ),
            (
                "mit Ursula von der Leyen in",
                1..5,
                Some(("Ursula von der Leyen", true)),
            ),
            (
                "Jeanne Ruland den Löwen",
                0..4,
                Some(("Jeanne Ruland", true)),
            ),
            ("Elon Musk zu Gerüchten", 0..4, Some(("Elon Musk", true))),
            (
                "Jacqueline Rioba von World Vision",
                0..5,
                Some(("Jacqueline Rioba", true)),
            ),
            (
                "Alexander von Preen sagte",
                0..3,
                Some(("Alexander von Preen", true)),
            ),
            (
                "Birgit Recktenwald Feb 2019",
                0..3,
                Some(("Birgit Recktenwald", true)),
            ),
            ("mit Richard Gere Sie", 1..4, Some(("Richard Gere", true))),
            ("das Robert Koch-Institut meldet", 1..3, None),
            ("el Ministro de Salud dijo", 1..4, None),
            (
                "etwa B. Autoreparaturen",
                1..3,
                Some(("B. Autoreparaturen", false)),
            ),
            (
                "Die Gewerkschaften begrüßten",
                0..2,
                Some(("Die Gewerkschaften", false)),
            ),
            (
                "die Haushaltslage sei",
                1..2,
                Some(("Haushaltslage", false)),
            ),
            ("Según el Banco de España", 0..5, Some(("Según", false))),
            (
                "ministre María Jesús Montero",
                1..4,
                Some(("María Jesús Montero", true)),
            ),
            ("del Gobierno", 0..2, None),
        ];
        for (text, span, expected) in cases {
            let expected = expected.map(|(name, confirmed)| (name.to_string(), confirmed));
            assert_eq!(judged(model, text, span), expected, "{text}");
        }
    }

    #[test]
    fn titles_and_given_names_are_read_accents_and_case_aside() {
        for title in [
            "Frau",
            "Bundespräsidentin",
            "Mme",
            "M.",
            "Señora",
            "Außenminister",
        ] {
            assert!(is_title(title), "{title}");
        }
        for word in ["Koalition", "Opposition", "frau", "Ministerium", "Chef"] {
            assert!(!is_title(word), "{word}");
        }
        let Some(model) = crate::normalize::persons::model() else {
            panic!("the built-in model is missing");
        };
        for name in ["María", "FRANÇOIS", "Ségolène", "Olaf", "Volodymyr"] {
            assert!(is_given_name(model, name), "{name}");
        }
        for word in [
            "Koalition",
            "Mittwoch",
            "maría",
            "Gobierno",
            "B.",
            "J",
            "Les",
        ] {
            assert!(!is_given_name(model, word), "{word}");
        }
    }
}
