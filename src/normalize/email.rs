//! Reads e-mails and mailboxes: subject, date and sender of each message, and its text
//! without the furniture newsletters wrap around it.

use super::frontmatter::FrontMatter;
use super::html::machine_date;
use mail_parser::{MessageParser, PartType};
use regex::RegexSet;
use std::sync::LazyLock;

/// One message, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    /// Subject as title, `Date` as date, sender's display name as source.
    pub fields: FrontMatter,
    /// The message text: the plain-text part, else the HTML part.
    pub body: MailBody,
}

/// The part of a message that holds its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailBody {
    /// A text/plain part, furniture removed.
    Text(String),
    /// A text/html part, for the HTML extractor.
    Html(String),
}

/// Splits a file into messages: one for an `.eml`, each `From ` block of a mailbox.
/// Positions are 1-based and given only for mailboxes.
pub fn messages(bytes: &[u8], mailbox: bool) -> Vec<(Option<usize>, Vec<u8>)> {
    let is_mbox = mailbox || bytes.starts_with(b"From ");
    if !is_mbox {
        return vec![(None, bytes.to_vec())];
    }
    let reader = std::io::Cursor::new(bytes);
    mail_parser::mailbox::mbox::MessageIterator::new(reader)
        .filter_map(Result::ok)
        .enumerate()
        .map(|(i, message)| (Some(i + 1), message.unwrap_contents()))
        .collect()
}

/// Reads one message.
pub fn read(bytes: &[u8]) -> Result<Mail, String> {
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or("not an e-mail message (no headers found)")?;
    if message.subject().is_none() && message.date().is_none() && message.from().is_none() {
        return Err("not an e-mail message (no Subject, Date or From header)".to_string());
    }
    let plain = message
        .text_part(0)
        .filter(|part| matches!(part.body, PartType::Text(_)))
        .and_then(|_| message.body_text(0));
    let body = match plain {
        Some(text) if !text.trim().is_empty() => MailBody::Text(strip_furniture(&text)),
        _ => match message.body_html(0) {
            Some(html) => MailBody::Html(html.into_owned()),
            None => return Err("e-mail without a text or HTML body".to_string()),
        },
    };
    let source = message
        .from()
        .and_then(|from| from.first())
        .and_then(|addr| {
            addr.name()
                .map(str::to_string)
                .or_else(|| addr.address().map(str::to_string))
        });
    let fields = FrontMatter {
        title: message
            .subject()
            .map(clean_subject)
            .filter(|s| !s.is_empty()),
        date: message.date().and_then(|d| machine_date(&d.to_rfc3339())),
        source: source.map(|s| s.trim().trim_matches('"').to_string()),
        ..FrontMatter::default()
    };
    Ok(Mail { fields, body })
}

/// Removes the "Fwd:" and "Re:" a subject picks up on its way.
fn clean_subject(subject: &str) -> String {
    let mut s = subject.trim();
    loop {
        let lower = s.to_ascii_lowercase();
        let rest = ["fwd:", "fw:", "re:", "[ext]"]
            .iter()
            .find(|p| lower.starts_with(*p))
            .and_then(|p| s.get(p.len()..));
        match rest {
            Some(rest) => s = rest.trim_start(),
            None => return s.to_string(),
        }
    }
}

/// Lines of newsletter furniture: browser links, unsubscribe and preference lines,
/// "you are receiving this" notices, postal footers.
static FURNITURE: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(
        [
            r"view (this|it|the|our)? ?(e-?mail|message|newsletter)? ?(in|on) (your|a|the) (web )?browser",
            r"having trouble (viewing|reading) this",
            r"\bunsubscribe\b",
            r"(update|manage|change) (your )?(e-?mail |subscription |communication )?(preferences|settings|subscription)",
            r"you('re| are) receiving this\b",
            r"you received this (e-?mail|message|newsletter)?\s?because",
            r"this (e-?mail|message|newsletter) was sent to\b",
            r"^(forward|share) (this|it) (e-?mail |newsletter )?(to|with) a friend",
            r"^add us to your address book",
            r"^our mailing address is",
            r"^\[image: [^\]]*\]$",
            r"^(privacy policy|terms of use|contact us)(\s*[|·•]\s*(privacy policy|terms of use|contact us|unsubscribe))*$",
        ]
        .iter()
        .map(|p| format!("(?i){p}")),
    )
    .expect("furniture patterns are valid")
});

static FORWARD_MARKER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)^(-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:?|-{2,}\s*original message\s*-{2,})$")
        .unwrap()
});

static FORWARD_HEADER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)^(from|sent|date|subject|to|cc|reply-to):\s").unwrap()
});

/// Furniture lines can be long ("You are receiving this because you signed up at …"),
/// but not article-long.
const MAX_FURNITURE_CHARS: usize = 300;

/// Removes newsletter furniture and forwarding headers from a message's text.
pub fn strip_furniture(text: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let mut in_forward_headers = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if FORWARD_MARKER.is_match(trimmed) {
            in_forward_headers = true;
            continue;
        }
        if in_forward_headers {
            if trimmed.is_empty() {
                in_forward_headers = false;
            } else if FORWARD_HEADER.is_match(trimmed) {
                continue;
            } else {
                in_forward_headers = false;
            }
        }
        if trimmed.chars().count() <= MAX_FURNITURE_CHARS && FURNITURE.is_match(trimmed) {
            continue;
        }
        out.push(line);
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines_are_removed() {
        let text = "View this email in your browser\n\nThe council met on Tuesday.\n\n\
            ---------- Forwarded message ---------\nFrom: Ledger <news@ledger.example>\n\
            Date: Tue, 29 Apr 2025\nSubject: Morning brief\nTo: me@example.com\n\n\
            The vote passed.\n\nYou are receiving this because you signed up at ledger.example.\n\
            Unsubscribe | Update your preferences\n";
        let cleaned = strip_furniture(text);
        assert!(cleaned.contains("The council met on Tuesday."));
        assert!(cleaned.contains("The vote passed."));
        for furniture in [
            "browser",
            "Forwarded",
            "From:",
            "Subject:",
            "receiving",
            "Unsubscribe",
        ] {
            assert!(
                !cleaned.contains(furniture),
                "{furniture} left in {cleaned}"
            );
        }
    }

    #[test]
    fn subjects_lose_forwarding_prefixes() {
        assert_eq!(clean_subject("Fwd: RE: Morning brief"), "Morning brief");
        assert_eq!(clean_subject("Morning brief"), "Morning brief");
    }

    #[test]
    fn a_message_is_read_with_its_headers() {
        let eml = b"From: \"The Ledger\" <news@ledger.example>\r\nSubject: Morning brief\r\n\
            Date: Tue, 29 Apr 2025 07:00:00 -0700\r\nContent-Type: text/plain; charset=utf-8\r\n\
            Content-Transfer-Encoding: quoted-printable\r\n\r\nThe council met =E2=80=94 and voted.\r\n";
        let mail = read(eml).unwrap();
        assert_eq!(mail.fields.title.as_deref(), Some("Morning brief"));
        assert_eq!(mail.fields.date.unwrap().to_string(), "2025-04-29");
        assert_eq!(mail.fields.source.as_deref(), Some("The Ledger"));
        assert_eq!(
            mail.body,
            MailBody::Text("The council met — and voted.".to_string())
        );
    }

    #[test]
    fn mailboxes_split_into_messages() {
        let mbox = b"From a@x Tue Apr 29 07:00:00 2025\nSubject: One\n\nFirst.\n\nFrom b@x Wed Apr 30 07:00:00 2025\nSubject: Two\n\nSecond.\n";
        let found = messages(mbox, true);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].0, Some(2));
        assert_eq!(
            read(&found[1].1).unwrap().fields.title.as_deref(),
            Some("Two")
        );
        assert!(read(b"just some words").is_err());
    }
}
