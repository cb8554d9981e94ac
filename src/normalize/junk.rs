//! Recognizes the debris that saved web pages leave in text: adverts, image-link
//! remains, share and subscribe prompts, cookie notices, navigation and "Read more" links.

use regex::Regex;
use regex::bytes::RegexSet;
use std::sync::LazyLock;

/// Whole-line patterns (case-insensitive) for lines that are never article text; each opens
/// with `^` and a word, so an ordinary line is given up after its first letters.
const JUNK_LINES: &[&str] = &[
    // adverts and promotions
    r"^(advert|advertisement|adverts|ad|sponsored|sponsored content|promoted|promoted content|paid content|paid post|partner content)$",
    r"^(story|article) continues (below|after)( the)? (advert|advertisement|ad)",
    r"^continue reading (below|the main story|after)",
    r"^advertisement\s*(-|–|—|:)",
    // image debris and captions credits
    r"^!?\[[^\]]*\]\([^)]*\)$",
    r"^(image|photo|picture|photograph|video|graphic|illustration)( source| caption| credit)?s?\s*[:,]",
    r"^(image|photo|picture) (source|caption|credit)",
    r"^(getty images|reuters|ap photo|afp|pa media|shutterstock|alamy|epa)(/[\w .]+)?$",
    r"^\(?(photo|image|picture) by\b",
    r"^(credit|source): ?(getty|reuters|ap|afp|pa|shutterstock|alamy|epa)\b",
    // sharing, following, subscribing
    r"^(share|share this|share this (article|story|page|post)|share on \w+|share via \w+|tweet|email|e-mail|copy link|copy link to clipboard|print|save|save article|gift article|link copied)$",
    r"^(share|follow us|follow) on (facebook|twitter|x|instagram|linkedin|whatsapp|threads|bluesky|tiktok)",
    r"^(facebook|twitter|whatsapp|linkedin|pinterest|reddit|email|messenger)(([\s,|/]|·|•)+(facebook|twitter|whatsapp|linkedin|pinterest|reddit|email|messenger|copy link))+$",
    r"^(follow|like) us\b",
    r"^(subscribe|sign up|signup|register|join)\b.{0,80}(newsletter|updates|inbox|alerts|today|free|now|here)\W*$",
    r"^(get|receive) (our|the) .{0,40}newsletter",
    r"^(newsletter|newsletters)( sign-?up)?$",
    r"^(already a subscriber|subscribe now|become a (member|subscriber))",
    r"^click here\b",
    // links to other stories
    r"^(read more|read next|more on this story|related|related stories|related articles|related content|see also|also read|most read|most popular|recommended|recommended stories|trending|you may also like|more stories|more from [\w ]{1,30}|watch|listen|watch now|listen now)(\s*([:>|-]|»|–|—).{0,150})?$",
    r"^(read|watch|listen to) (the )?(full|more|original)\b.{0,80}$",
    // cookie notices (more below, in COOKIE_LINES)
    r"^by (continuing|using) (to (use|browse) )?(this|our) (web)?site",
    r"^(accept|reject|manage|allow) (all )?cookies",
    r"^(cookie settings|cookie policy|manage preferences|privacy settings)$",
    // navigation
    r"^(skip to|jump to) (main )?(content|navigation|search|footer)",
    r"^(home|menu|search|log ?in|sign ?in|log ?out|sign ?out|back to top|top of page|next|previous|close|open|more|less|show more|load more)$",
    r"^home\s*([>/|]|»|›)",
    // comments and page furniture
    r"^(comments|[0-9]+ comments|view comments|show comments|leave a comment|join the conversation|add your comment)$",
    r"^(©|\(c\)|copyright\b)",
    r"^all rights reserved",
];

/// The end of an image address (`….jpg)`, `….png?w=800`): matched against the line's last
/// word alone, which holds any match since the pattern has no space.
const IMAGE_END: &str = r"\.(jpe?g|png|gif|webp|svg|avif)(\?\S*)?\)?$";

/// Cookie notices that may match anywhere in a line: searched only in lines that hold the
/// word "cookie".
const COOKIE_LINES: &[&str] = &[
    r"\b(we|this (web)?site|our (web)?site|this page) uses? cookies\b",
    r"^.{0,60}\bcookie (policy|settings|preferences|notice|consent)\b.{0,60}$",
];

/// Single-line patterns for a copyright line, from which a publisher can be read.
static COPYRIGHT_OWNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:[0-9]{4}(?:\s*[-–]\s*[0-9]{4})?)?\s*([^.|]{2,60}?)\.?(?:\s+all rights reserved\.?)?$").unwrap()
});

/// Matched on bytes, with ASCII classes and case: the patterns' words are English, and
/// Unicode `.`, `\w` and case folding under bounded repeats (`.{0,150}`) make the lazy
/// DFA so large that it is rebuilt over and over (a twentieth of ingest time once).
///
/// The three groups are searched apart: in one set with the patterns that may match
/// anywhere, every line was scanned to its end, and two reading threads shared (and
/// fought over) one large DFA cache.
struct JunkPatterns {
    opening: RegexSet,
    image_end: regex::bytes::Regex,
    cookies: RegexSet,
}

static JUNK: LazyLock<JunkPatterns> = LazyLock::new(|| {
    let ascii = |p: &&str| format!("(?i-u){p}");
    JunkPatterns {
        opening: RegexSet::new(JUNK_LINES.iter().map(ascii)).unwrap(),
        image_end: regex::bytes::Regex::new(&ascii(&IMAGE_END)).unwrap(),
        cookies: RegexSet::new(COOKIE_LINES.iter().map(ascii)).unwrap(),
    }
});

impl JunkPatterns {
    fn is_match(&self, line: &[u8]) -> bool {
        let last_word = line
            .rsplit(u8::is_ascii_whitespace)
            .next()
            .unwrap_or_default();
        self.opening.is_match(line)
            || self.image_end.is_match(last_word)
            || (holds_cookie(line) && self.cookies.is_match(line))
    }
}

/// True when `line` holds "cookie" in any case.
fn holds_cookie(line: &[u8]) -> bool {
    (0..line.len().saturating_sub(5))
        .any(|at| line[at] | 0x20 == b'c' && line[at..at + 6].eq_ignore_ascii_case(b"cookie"))
}

/// Lines longer than this are article text even when they mention a junk word: debris
/// is short.
const MAX_JUNK_CHARS: usize = 200;

/// True when `line` is debris rather than article text.
pub fn is_junk(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() {
        return false;
    }
    if !line.chars().any(char::is_alphanumeric) {
        return true;
    }
    line.chars().count() <= MAX_JUNK_CHARS && JUNK.is_match(line.as_bytes())
}

/// The owner named in a copyright line ("© 2025 Daily Ledger Ltd" → "Daily Ledger Ltd").
pub fn copyright_owner(line: &str) -> Option<String> {
    let caps = COPYRIGHT_OWNER.captures(line.trim())?;
    let owner = caps.get(1)?.as_str().trim();
    (!owner.is_empty()).then(|| owner.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junk_lines_are_recognized() {
        let junk = [
            "Advert",
            "ADVERTISEMENT",
            "Advertisement - scroll to continue",
            "Story continues below advertisement",
            ".jpg)",
            "https://cdn.example.com/images/2025/04/judge.jpg)",
            "Bild: Rathaus am Markt https://cdn.example.com/rathaus.JPEG?w=800&q=75",
            "![](https://example.com/a.png)",
            "Image: Getty Images",
            "Image source, Reuters",
            "Photo by Jane Roe/Daily Ledger",
            "Getty Images",
            "Share",
            "Share this article",
            "Share on Facebook",
            "Facebook Twitter WhatsApp Email",
            "Follow us on Instagram",
            "Sign up for our free morning newsletter",
            "Subscribe to our newsletter",
            "Read more: Judge blocks funding freeze",
            "READ MORE",
            "Related stories",
            "We use cookies to improve your experience. By continuing you agree to our policy.",
            "Accept all cookies",
            "Notre site utilise des COOKIES : this site uses cookies for statistics",
            "Read our Cookie Policy",
            "Skip to main content",
            "Home > News > US",
            "Menu",
            "© 2025 Daily Ledger Ltd. All rights reserved.",
            "* * *",
            "---",
        ];
        for line in junk {
            assert!(is_junk(line), "should be junk: {line}");
        }
    }

    #[test]
    fn article_text_is_kept() {
        let text = [
            "The advert campaign cost the council £2m, officials said.",
            "Share prices fell sharply on Tuesday after the ruling.",
            "He urged readers to subscribe to the idea that cities could refuse.",
            "What is a sanctuary city?",
            "Home secretary Yvette Cooper said the plan would go ahead.",
            "Related: a judge in California ruled the same way last year, and the decision was upheld on appeal by a wider panel of judges who found the order unlawful in every respect.",
            "Email records obtained by the paper show the mayor was warned in January.",
            "Photographs of the flood were shared widely on Tuesday, the agency said, as the water rose.",
            "Related charges were filed against two other officials on Friday.",
            "Watch officials said the river would crest by nightfall.",
            "The bakery sold cookies to improve its finances, the owner said.",
            "The photo.jpg file name was printed under every picture in the 1998 edition.",
            "A court in Luxembourg ruled on Tuesday that the regulator's cookie policy for news sites breached the directive, and asked the national courts to apply its reading from next spring onward.",
        ];
        for line in text {
            assert!(!is_junk(line), "should be kept: {line}");
        }
    }

    #[test]
    fn opening_patterns_open_with_a_word() {
        // The opening set gives up on a line early only while every pattern is anchored
        // to a word; one that may match anywhere belongs with the cookie or image checks.
        for pattern in JUNK_LINES {
            assert!(
                pattern.starts_with('^') && !pattern.starts_with("^."),
                "{pattern}"
            );
        }
    }

    #[test]
    fn copyright_lines_name_their_owner() {
        assert_eq!(
            copyright_owner("© 2025 Daily Ledger Ltd. All rights reserved.").as_deref(),
            Some("Daily Ledger Ltd")
        );
        assert_eq!(
            copyright_owner("Copyright 2019-2025 Harbour Times").as_deref(),
            Some("Harbour Times")
        );
        assert_eq!(copyright_owner("The copyright case"), None);
    }
}
