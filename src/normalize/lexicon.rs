//! Word lists shared by more than one reader: the particles inside personal names and
//! the news agencies that stand in bylines and datelines in place of a writer. One list
//! each, so that the byline reader and the name tagger never disagree.

/// Lower-case particles inside names: "Joost van der Westhuizen", "Aravinda de Silva",
/// "Mohammed bin Salman".
pub const NAME_PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "del", "della", "di", "da", "dos", "du", "von", "zu", "la", "le",
    "bin", "ibn", "al", "el", "ben", "ter", "ten",
];

/// Arabic articles written joined to the name that follows ("al-Hariri", "el-Sisi",
/// "ash-Sharif"), assimilated forms included.
const JOINED_ARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ul", "ur",
];

/// True for one of [`JOINED_ARTICLES`] ("al", "el"), in lower case.
pub fn is_joined_article(word: &str) -> bool {
    JOINED_ARTICLES.contains(&word)
}

/// True for a surname written with a joined Arabic article in lower case ("al-Hariri",
/// "el-Sisi"): part of a name though it opens with a small letter.
#[inline]
pub fn is_article_surname(word: &str) -> bool {
    // Asked of every word in lower case by the person finder: an article is two or three
    // letters, so the hyphen (or the first byte of U+2010) stands third or fourth, which
    // turns nearly every word away in two comparisons.
    let bytes = word.as_bytes();
    let hyphen = |at: usize| matches!(bytes.get(at), Some(b'-' | 0xE2));
    if bytes.len() < 4 || !(hyphen(2) || hyphen(3)) {
        return false;
    }
    let Some((article, rest)) = word.split_once(['-', '‐']) else {
        return false;
    };
    is_joined_article(article)
        && rest.chars().next().is_some_and(char::is_uppercase)
        && rest.chars().skip(1).any(char::is_lowercase)
}

/// News agencies, as they are written in bylines and datelines.
pub const NEWS_AGENCIES: &[&str] = &[
    "Reuters",
    "Reuter",
    "AP",
    "AFP",
    "Associated Press",
    "Agence France-Presse",
    "Bloomberg",
    "PA",
    "PA Media",
    "Press Association",
    "UPI",
    "dpa",
    "Xinhua",
    "EFE",
    "ANSA",
    "Kyodo",
    "Yonhap",
    "TASS",
    "AAP",
    "Canadian Press",
    "Anadolu",
    "APA",
    "Keystone-SDA",
    "SDA",
    "KNA",
    "epd",
    "Kathpress",
    "ANP",
    "Belga",
    "Ritzau",
    "NTB",
    "STT",
    "PAP",
    "ČTK",
    "MTI",
    "Europa Press",
    "Lusa",
    "Adnkronos",
    "PTI",
    "IANS",
    "Jiji",
    "Jiji Press",
    "Interfax",
    "RIA Novosti",
    "Ukrinform",
    "Bernama",
    "Antara",
    "IRNA",
];

/// True when `word` is a name particle.
pub fn is_name_particle(word: &str) -> bool {
    // Asked of every lower-case word by the person tagger: the length turns most away.
    word.len() <= 5 && NAME_PARTICLES.contains(&word)
}

/// The agency `text` names, as the list writes it, case aside.
pub fn news_agency(text: &str) -> Option<&'static str> {
    NEWS_AGENCIES
        .iter()
        .find(|a| a.eq_ignore_ascii_case(text.trim()))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_particle_passes_the_length_check() {
        for particle in NAME_PARTICLES {
            assert!(is_name_particle(particle), "{particle}");
        }
        assert!(!is_name_particle("vanderbilt"));
        assert!(!is_name_particle("Van"));
    }

    #[test]
    fn surnames_with_a_joined_article_are_told_from_other_words() {
        let cases = [
            ("al-Hariri", true),
            ("el-Sisi", true),
            ("ash-Sharif", true),
            ("al‐Thani", true),
            ("al-Ḥakim", true),
            ("Al-Hariri", false),
            ("al-", false),
            ("al-hariri", false),
            ("al-AQAP", false),
            ("well-Known", false),
            ("anti-Semitic", false),
            ("al", false),
        ];
        for (word, expected) in cases {
            assert_eq!(is_article_surname(word), expected, "{word}");
        }
    }
}
