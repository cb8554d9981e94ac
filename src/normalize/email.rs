//! Reads e-mails and mailboxes: subject, date and sender of each message, and its text
//! without the furniture newsletters wrap around it.

use super::Body;
use super::html::machine_date;
use crate::clipping::{DateSource, Stated, StatedDate};
use mail_parser::{Message, MessageParser, MimeHeaders, PartType};
use regex::RegexSet;
use std::sync::LazyLock;

/// One message, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    /// Subject as title, `Date` as date, sender's display name as source.
    pub fields: Stated,
    /// The message text: the plain-text part (furniture removed), else the HTML part.
    pub body: Body,
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

/// Why a message cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Nothing in the bytes parses as headers.
    #[error("not an e-mail message (no headers found)")]
    NoHeaders,
    /// Headers, but none of those a message has.
    #[error("not an e-mail message (no Subject, Date or From header)")]
    NotAMessage,
    /// No part holds text.
    #[error("e-mail without a text or HTML part, at any depth")]
    NoText,
}

/// Forwarded messages inside forwarded messages are followed this deep.
const MAX_NESTED_MESSAGES: usize = 8;

/// Reads one message.
pub fn read(bytes: &[u8]) -> Result<Mail, EmailError> {
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or(EmailError::NoHeaders)?;
    if message.subject().is_none() && message.date().is_none() && message.from().is_none() {
        return Err(EmailError::NotAMessage);
    }
    let (body, holder) = find_body(&message, 0).ok_or(EmailError::NoText)?;
    // A message that only wraps a forwarded one (a digest, "Fwd:" with nothing added)
    // takes its date and sender from the message it forwards, when that states them.
    let mut fields = header_fields(holder);
    let outer = header_fields(&message);
    fields.title = outer.title.or(fields.title);
    if fields.date.is_none() {
        fields.date = outer.date;
    }
    if fields.source.is_none() {
        fields.source = outer.source;
    }
    Ok(Mail { fields, body })
}

/// A covering note shorter than this ("FYI, see below") gives way to a forwarded message.
const COVERING_NOTE_CHARS: usize = 200;

/// The text of a message and the message that holds it: its plain-text body, else its
/// HTML body, else the first text or HTML part anywhere inside it, in nested multiparts
/// and in forwarded messages (`message/rfc822`, digests). A short covering note gives
/// way to the message it forwards.
fn find_body<'m>(message: &'m Message<'m>, depth: usize) -> Option<(Body, &'m Message<'m>)> {
    let own = own_body(message).map(|body| (body, message));
    let note_only = match &own {
        Some((Body::Text(text), _)) => text.trim().chars().count() < COVERING_NOTE_CHARS,
        Some((Body::Html(_), _)) => false,
        None => true,
    };
    if !note_only {
        return own;
    }
    let forwarded = message.parts.iter().find_map(|part| match &part.body {
        PartType::Message(inner) if depth < MAX_NESTED_MESSAGES => find_body(inner, depth + 1),
        _ => None,
    });
    forwarded.or(own).or_else(|| any_text_part(message))
}

/// The message's own text body, or else its HTML body.
fn own_body(message: &Message) -> Option<Body> {
    let plain = message
        .text_part(0)
        .filter(|part| matches!(part.body, PartType::Text(_)))
        .and_then(|_| message.body_text(0))
        .filter(|text| !text.trim().is_empty());
    if let Some(text) = plain {
        return Some(Body::Text(strip_furniture(&text)));
    }
    message
        .body_html(0)
        .filter(|h| !h.trim().is_empty())
        .map(|html| Body::Html(html.into_owned()))
}

/// The first plain-text part anywhere in the message, else its first HTML part, for
/// messages whose structure hides them from the usual body lookup.
fn any_text_part<'m>(message: &'m Message<'m>) -> Option<(Body, &'m Message<'m>)> {
    let mut html = None;
    for part in &message.parts {
        let subtype = part
            .content_type()
            .and_then(|t| t.subtype())
            .map(str::to_ascii_lowercase);
        match &part.body {
            PartType::Text(text)
                if !text.trim().is_empty() && subtype.as_deref().is_none_or(|s| s == "plain") =>
            {
                return Some((Body::Text(strip_furniture(text)), message));
            }
            PartType::Html(text) if html.is_none() && !text.trim().is_empty() => {
                html = Some(text.to_string());
            }
            _ => {}
        }
    }
    html.map(|html| (Body::Html(html), message))
}

/// Subject, date and sender of one message.
fn header_fields(message: &Message) -> Stated {
    let source = message
        .from()
        .and_then(|from| from.first())
        .and_then(|addr| {
            addr.name()
                .map(str::to_string)
                .or_else(|| addr.address().map(str::to_string))
        });
    Stated {
        title: message
            .subject()
            .map(clean_subject)
            .filter(|s| !s.is_empty()),
        date: message
            .date()
            .and_then(|d| machine_date(&d.to_rfc3339()))
            .map(|date| StatedDate {
                date,
                source: DateSource::Metadata,
            }),
        source: source.map(|s| s.trim().trim_matches('"').to_string()),
        ..Stated::default()
    }
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
        assert_eq!(mail.fields.date.unwrap().date.to_string(), "2025-04-29");
        assert_eq!(mail.fields.source.as_deref(), Some("The Ledger"));
        assert_eq!(
            mail.body,
            Body::Text("The council met — and voted.".to_string())
        );
    }

    #[test]
    fn text_is_found_deep_in_multiparts_and_forwarded_messages() {
        let deep = b"From: Desk <desk@ledger.example>\r\nSubject: Deep\r\nDate: Tue, 29 Apr 2025 07:00:00 +0000\r\n\
            Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n\
            Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\n\
            Content-Type: multipart/related; boundary=c\r\n\r\n--c\r\n\
            Content-Type: text/plain; charset=utf-8\r\n\r\nThe harbour reopened at dawn.\r\n--c--\r\n--b--\r\n--a--\r\n";
        let mail = read(deep).unwrap();
        assert_eq!(
            mail.body,
            Body::Text("The harbour reopened at dawn.".to_string())
        );
        let forwarded = b"From: Me <me@example.com>\r\nSubject: Fwd: Morning brief\r\nDate: Fri, 2 May 2025 09:00:00 +0000\r\n\
            Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nFYI\r\n--x\r\n\
            Content-Type: message/rfc822\r\n\r\nFrom: The Ledger <news@ledger.example>\r\nSubject: Morning brief\r\n\
            Date: Tue, 29 Apr 2025 07:00:00 +0000\r\nContent-Type: text/plain\r\n\r\nThe council voted to reopen the harbour road.\r\n--x--\r\n";
        let mail = read(forwarded).unwrap();
        assert_eq!(
            mail.body,
            Body::Text("The council voted to reopen the harbour road.".to_string())
        );
        assert_eq!(mail.fields.title.as_deref(), Some("Morning brief"));
        assert_eq!(mail.fields.date.unwrap().date.to_string(), "2025-04-29");
        assert_eq!(mail.fields.source.as_deref(), Some("The Ledger"));
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
