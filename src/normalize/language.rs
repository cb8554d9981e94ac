//! Which language a clipping is written in, guessed from its commonest short words.
//!
//! Person finding leans on capital letters the way English writes them; German writes
//! every noun so, and French or Spanish open names and places with capitalised articles.
//! Only a guess strong enough to tell those apart is made: a text with few of these words
//! (a results table, a headline) is taken for English, as before.

use crate::fasthash::{IntMap, lowercase_hash};
use crate::words::Words;
use std::sync::LazyLock;

/// The languages told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// English, or too little text to tell.
    English,
    /// German.
    German,
    /// French.
    French,
    /// Spanish.
    Spanish,
    /// Italian.
    Italian,
    /// Portuguese.
    Portuguese,
    /// Dutch.
    Dutch,
    /// Polish.
    Polish,
    /// Swedish, Danish or Norwegian.
    Scandinavian,
    /// Russian, Ukrainian or another language written in Cyrillic.
    Cyrillic,
    /// Hungarian.
    Hungarian,
    /// Turkish.
    Turkish,
    /// Romanian.
    Romanian,
    /// Indonesian or Malay.
    Indonesian,
    /// Vietnamese.
    Vietnamese,
}

impl Language {
    /// True for the languages where person finding asks a name for a given name or a
    /// title it knows. False for English, and for the languages that capitalise like it
    /// and whose given names it does not know (Cyrillic, Hungarian, Turkish, Vietnamese),
    /// which are read the English way with a caution of their own. Romanian and
    /// Indonesian capitalise the names of places and bodies word by word around small
    /// words ("Ministerul Sănătății", "Kamar Mandi"), which the English reading takes
    /// for persons.
    pub fn has_name_rules(self) -> bool {
        !matches!(
            self,
            Language::English
                | Language::Cyrillic
                | Language::Hungarian
                | Language::Turkish
                | Language::Vietnamese
        )
    }
}

/// Words common in running text of each language and rare in the others' (words two
/// languages share, such as "de", "la", "en" or "die", are left out of both).
const FUNCTION_WORDS: &[(Language, &[&str])] = &[
    (
        Language::English,
        &[
            "the", "and", "of", "to", "is", "that", "for", "with", "was", "on", "said", "it",
            "from", "have", "has", "are", "were", "this", "which", "would", "will", "not", "but",
            "they", "their", "been", "after",
        ],
    ),
    (
        Language::German,
        &[
            "der", "und", "das", "nicht", "ist", "den", "mit", "sich", "dem", "auch", "ein",
            "eine", "auf", "für", "zu", "im", "wird", "werden", "sind", "wie", "noch", "nach",
            "bei", "einer", "aus", "wurde", "oder", "sie", "wir", "ich",
        ],
    ),
    (
        Language::French,
        &[
            "le", "les", "et", "des", "est", "une", "dans", "pour", "qui", "sur", "pas", "au",
            "du", "avec", "sont", "ce", "cette", "mais", "ont", "été", "aux", "leur", "il", "elle",
        ],
    ),
    (
        Language::Spanish,
        &[
            "el", "los", "las", "y", "del", "por", "una", "con", "para", "es", "su", "al", "como",
            "más", "fue", "sus", "pero", "este", "esta", "entre", "sobre", "también",
        ],
    ),
    (
        Language::Italian,
        &[
            "il", "di", "che", "della", "per", "gli", "non", "sono", "è", "alla", "nel", "delle",
            "dei", "anche", "più", "questo", "ha", "nella", "degli", "come",
        ],
    ),
    (
        Language::Portuguese,
        &[
            "os", "da", "do", "em", "uma", "não", "são", "dos", "das", "mais", "com", "pelo",
            "pela", "ao", "foi", "também", "seu", "sua", "como",
        ],
    ),
    (
        Language::Dutch,
        &[
            "het", "een", "van", "niet", "dat", "op", "te", "voor", "zijn", "aan", "ook", "wordt",
            "werd", "bij", "naar", "heeft", "maar", "deze", "dit",
        ],
    ),
    (
        Language::Polish,
        &[
            "i", "w", "na", "z", "się", "że", "do", "nie", "jest", "od", "po", "dla", "oraz",
            "jak", "przez", "który", "która", "przy", "są", "tym",
        ],
    ),
    (
        Language::Scandinavian,
        &[
            "och", "att", "det", "som", "är", "på", "för", "med", "og", "er", "til", "af", "ikke",
            "inte", "var", "har", "av", "kan", "om",
        ],
    ),
    (
        Language::Cyrillic,
        &[
            "и", "в", "не", "на", "что", "с", "по", "это", "как", "из", "за", "от", "для", "но",
            "он", "его", "та", "що", "від", "як", "і", "у", "до",
        ],
    ),
    (
        Language::Hungarian,
        &[
            "és", "az", "hogy", "egy", "már", "csak", "volt", "vagy", "még", "pedig", "ezt",
            "kell", "lesz", "után", "szerint", "nagyon", "amely",
        ],
    ),
    (
        Language::Turkish,
        &[
            "ve", "bir", "bu", "için", "ile", "olarak", "çok", "daha", "gibi", "olan", "değil",
            "kadar", "sonra", "ancak", "olduğu", "göre", "ise",
        ],
    ),
    (
        Language::Romanian,
        &[
            "și", "în", "că", "pe", "din", "mai", "nu", "sau", "pentru", "sunt", "fost", "către",
            "acest", "această", "după", "prin",
        ],
    ),
    (
        Language::Indonesian,
        &[
            "yang", "ini", "itu", "dengan", "untuk", "dari", "tidak", "akan", "pada", "juga",
            "karena", "adalah", "oleh", "dalam", "bahwa", "sudah", "telah", "mereka",
        ],
    ),
    (
        Language::Vietnamese,
        &[
            "của", "và", "các", "có", "được", "cho", "là", "với", "những", "không", "này", "đã",
            "trong", "một", "người", "khi", "cũng", "để", "theo", "nhiều",
        ],
    ),
];

/// True when `word` (in lower case) is a function word of a language other than English
/// ("les", "das", "el"): such a word opens phrases, not names.
pub fn is_foreign_function_word(word: &str) -> bool {
    // Bit 0 is English's.
    LANGUAGES_OF
        .get(&lowercase_hash(word))
        .is_some_and(|&languages| languages & !1 != 0)
}

/// Words read at most: the opening of a text tells its language.
const MAX_WORDS: usize = 500;
/// Function words another language needs before a text is taken for it.
const MIN_HITS: usize = 4;
/// The lead in function words after which reading stops: most texts are told apart
/// within their first hundred words.
const DECISIVE_LEAD: usize = 12;

/// Each function word's hash in lower case ([`lowercase_hash`]) with the languages it
/// belongs to, one bit per entry of [`FUNCTION_WORDS`]: one look-up per word read.
static LANGUAGES_OF: LazyLock<IntMap<u64, u16>> = LazyLock::new(|| {
    let mut map: IntMap<u64, u16> = IntMap::default();
    for (n, (_, words)) in FUNCTION_WORDS.iter().enumerate() {
        for word in *words {
            *map.entry(lowercase_hash(word)).or_default() |= 1 << n;
        }
    }
    map
});

/// The language `texts` (a clipping's title and passages) are written in: another
/// language only when its function words are at least four and more than twice
/// English's.
pub fn guess<'a>(texts: impl IntoIterator<Item = &'a str>) -> Language {
    let words = texts.into_iter().flat_map(|text| {
        Words::of(text).map(|w| lowercase_hash(text.get(w.start..w.end).unwrap_or_default()))
    });
    guess_from_hashes(words)
}

/// The language a language tag names ("de", "pt-BR", "nb_NO"), among those told apart.
pub fn from_tag(tag: &str) -> Option<Language> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    let language = match primary.as_str() {
        "en" => Language::English,
        "de" => Language::German,
        "fr" => Language::French,
        "es" => Language::Spanish,
        "it" => Language::Italian,
        "pt" => Language::Portuguese,
        "nl" => Language::Dutch,
        "pl" => Language::Polish,
        "sv" | "da" | "no" | "nb" | "nn" => Language::Scandinavian,
        "ru" | "uk" | "be" | "bg" | "mk" => Language::Cyrillic,
        "hu" => Language::Hungarian,
        "tr" => Language::Turkish,
        "ro" => Language::Romanian,
        "id" | "ms" => Language::Indonesian,
        "vi" => Language::Vietnamese,
        _ => return None,
    };
    Some(language)
}

/// [`guess_from_hashes`], with the language the file declares: taken when the text is
/// too short to tell, so that a short page of a German site is not read as English, while
/// an English story on a site whose template says "de" is still English.
pub fn guess_declared(
    words: impl IntoIterator<Item = u64>,
    declared: Option<Language>,
) -> Language {
    let (guessed, decided) = guess_counted(words);
    match declared {
        Some(declared) if !decided => declared,
        _ => guessed,
    }
}

/// [`guess`] from the text's words already hashed in lower case ([`lowercase_hash`]), as
/// person finding has them.
pub fn guess_from_hashes(words: impl IntoIterator<Item = u64>) -> Language {
    guess_counted(words).0
}

/// The guess, and whether the text held enough function words to make it: at least
/// [`MIN_HITS`] of the winning language's.
fn guess_counted(words: impl IntoIterator<Item = u64>) -> (Language, bool) {
    let mut hits = [0usize; FUNCTION_WORDS.len()];
    for (read, word) in words.into_iter().enumerate() {
        if read == MAX_WORDS || (read % 50 == 0 && leader(&hits).1) {
            break;
        }
        if let Some(&languages) = LANGUAGES_OF.get(&word) {
            for (n, count) in hits.iter_mut().enumerate() {
                *count += usize::from(languages & (1 << n) != 0);
            }
        }
    }
    let index = leader(&hits).0;
    (FUNCTION_WORDS[index].0, hits[index] >= MIN_HITS)
}

/// The index (into [`FUNCTION_WORDS`]) of the language the counts point to, and whether
/// it leads by so much that more text would not change it.
fn leader(hits: &[usize; FUNCTION_WORDS.len()]) -> (usize, bool) {
    let english = hits[0];
    let (best, most) = hits
        .iter()
        .enumerate()
        .skip(1)
        .max_by_key(|&(n, &h)| (h, std::cmp::Reverse(n)))
        .map_or((0, 0), |(n, &h)| (n, h));
    if most >= MIN_HITS && most > 2 * english {
        (best, most > 2 * english + DECISIVE_LEAD)
    } else {
        (0, english > 2 * most + DECISIVE_LEAD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_told_by_its_commonest_words() {
        let cases = [
            (
                "The council said on Tuesday that the new bridge would open in May, \
                 after two years of work and a dispute with the builders.",
                Language::English,
            ),
            (
                "Der Stadtrat hat am Dienstag beschlossen, dass die neue Brücke im Mai \
                 eröffnet wird. Nach zwei Jahren Bauzeit ist das Projekt fast fertig.",
                Language::German,
            ),
            (
                "Le conseil municipal a annoncé mardi que le nouveau pont sera ouvert en \
                 mai, après deux ans de travaux et un litige avec les entreprises.",
                Language::French,
            ),
            (
                "El ayuntamiento anunció el martes que el nuevo puente se abrirá en mayo, \
                 tras dos años de obras y un conflicto con los constructores.",
                Language::Spanish,
            ),
            (
                "Il consiglio comunale ha annunciato martedì che il nuovo ponte sarà \
                 aperto a maggio, dopo due anni di lavori e una disputa con le imprese.",
                Language::Italian,
            ),
            (
                "A câmara municipal anunciou na terça-feira que a nova ponte será aberta \
                 em maio, depois de dois anos de obras e uma disputa com os construtores.",
                Language::Portuguese,
            ),
            (
                "De gemeenteraad heeft dinsdag besloten dat de nieuwe brug in mei wordt \
                 geopend. Na twee jaar bouwen is het project bijna klaar voor gebruik.",
                Language::Dutch,
            ),
            (
                "Rada miasta ogłosiła we wtorek, że nowy most zostanie otwarty w maju, \
                 po dwóch latach budowy i sporze z wykonawcą. Jest to duża inwestycja.",
                Language::Polish,
            ),
            (
                "Kommunen meddelade på tisdagen att den nya bron öppnar i maj, efter två \
                 års arbete och en tvist med byggarna som har pågått länge.",
                Language::Scandinavian,
            ),
            (
                "Городской совет во вторник объявил, что новый мост откроют в мае, \
                 после двух лет работ и спора с подрядчиком. Это для города важно.",
                Language::Cyrillic,
            ),
            (
                "A városi tanács kedden bejelentette, hogy az új hidat májusban adják át, \
                 két év munka után, és még csak most zárult le a vita az építőkkel.",
                Language::Hungarian,
            ),
            (
                "Belediye meclisi salı günü yeni köprünün mayısta açılacağını duyurdu. Bu \
                 proje için iki yıl çalışıldı ve müteahhitle bir anlaşmazlık daha çözüldü.",
                Language::Turkish,
            ),
            (
                "Consiliul local a anunțat marți că noul pod va fi deschis în mai, după \
                 doi ani de lucrări și o dispută cu constructorii pentru costuri.",
                Language::Romanian,
            ),
            (
                "Dewan kota mengumumkan pada hari Selasa bahwa jembatan yang baru akan \
                 dibuka bulan Mei, setelah dua tahun pekerjaan dengan kontraktor itu.",
                Language::Indonesian,
            ),
            (
                "Hội đồng thành phố cho biết cây cầu mới sẽ được mở vào tháng Năm, sau \
                 hai năm thi công và một tranh chấp với các nhà thầu.",
                Language::Vietnamese,
            ),
            // Too little to tell, or a table: left to English, as before.
            (
                "Ajax 3 PSV 1\nFeyenoord 0 Twente 2\nVitesse 1 Utrecht 1",
                Language::English,
            ),
            ("Der Spiegel", Language::English),
            ("", Language::English),
            // An English story quoting a German name and phrase stays English.
            (
                "The minister said that the plan, known in Berlin as Der Plan für die \
                 Zukunft, was not a change of course and that it would be put to a vote.",
                Language::English,
            ),
        ];
        for (text, language) in cases {
            assert_eq!(guess([text]), language, "{text}");
        }
    }

    #[test]
    fn a_declared_language_counts_when_the_text_is_too_short_to_tell() {
        for (tag, language) in [
            ("de", Some(Language::German)),
            ("pt-BR", Some(Language::Portuguese)),
            ("nb_NO", Some(Language::Scandinavian)),
            (" RU ", Some(Language::Cyrillic)),
            ("en-GB", Some(Language::English)),
            ("ja", None),
            ("", None),
        ] {
            assert_eq!(from_tag(tag), language, "{tag:?}");
        }
        let hashes = |text: &str| {
            Words::of(text)
                .map(|w| lowercase_hash(text.get(w.start..w.end).unwrap_or_default()))
                .collect::<Vec<_>>()
        };
        let short = hashes("Irland Roadtrip – Julias Lesewelt");
        assert_eq!(
            guess_declared(short.clone(), Some(Language::German)),
            Language::German
        );
        assert_eq!(guess_declared(short, None), Language::English);
        // A story the text shows is English stays English on a site declared German,
        // and a German text stays German on a site declared English.
        let english = hashes(
            "The council said that the bridge would open in May and that the work was done.",
        );
        assert_eq!(
            guess_declared(english, Some(Language::German)),
            Language::English
        );
        let german = hashes(
            "Der Stadtrat hat beschlossen, dass die Brücke im Mai eröffnet wird und nicht \
             später, sagte die Sprecherin der Stadt auf eine Anfrage.",
        );
        assert_eq!(
            guess_declared(german, Some(Language::English)),
            Language::German
        );
    }

    #[test]
    fn function_words_of_other_languages_are_told_from_english_ones() {
        for word in ["les", "das", "el", "się", "och", "für"] {
            assert!(is_foreign_function_word(word), "{word}");
        }
        for word in ["the", "said", "scholz", ""] {
            assert!(!is_foreign_function_word(word), "{word}");
        }
    }

    #[test]
    fn function_words_are_known_in_any_case_and_script() {
        for word in ["Och", "SIĘ", "Más", "Nicht", "FÜR", "été", "The"] {
            assert!(LANGUAGES_OF.contains_key(&lowercase_hash(word)), "{word}");
        }
        for word in ["Ajax", "thee", "Bundestag"] {
            assert!(!LANGUAGES_OF.contains_key(&lowercase_hash(word)), "{word}");
        }
    }

    #[test]
    fn title_and_passages_are_read_together_up_to_a_limit() {
        let german = "und der das ist nicht mit ";
        assert_eq!(guess(["Ein Titel", german]), Language::German);
        // Two thousand words that are no language's first: the German after them is
        // not read.
        let filler = "Ajax ".repeat(MAX_WORDS);
        assert_eq!(guess([filler.as_str(), german]), Language::English);
        let shorter = "Ajax ".repeat(MAX_WORDS - 6);
        assert_eq!(guess([shorter.as_str(), german]), Language::German);
    }
}
