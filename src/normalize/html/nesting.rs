//! How deeply a page's elements nest, measured before parsing: the HTML parser's work
//! grows with the square of the depth, so hostile pages are refused up front.

/// Real pages nest a few dozen levels deep, rarely a few hundred. Parsing grows with the
/// square of the depth (a page of 100,000 nested elements takes the HTML parser half a
/// minute), so a page nested deeper than this is refused as broken or hostile.
pub const MAX_NESTING: usize = 2000;

/// Elements that never hold other elements, or close themselves when the next one opens
/// (unclosed `<p>` and `<li>` are common): they do not add to the depth.
const NON_NESTING: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
    b"source", b"track", b"wbr", b"p", b"li", b"option", b"td", b"tr", b"th", b"dt", b"dd",
    b"param", b"keygen", b"frame",
];

/// Elements whose content is text, not markup: a `<` inside them (`i<n` in a script)
/// opens nothing.
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"noembed",
    b"noframes",
    b"plaintext",
];

/// How deeply the elements of `html` nest, measured by a tag scanner that reads tags the
/// way the HTML parser does (comments, raw-text elements and quoted attribute values are
/// skipped), in one pass and without building a tree.
pub fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(offset) = memchr_lt(&bytes[i..]) {
        let start = i + offset + 1;
        let rest = &bytes[start..];
        if rest.starts_with(b"!--") {
            i = find_from(bytes, start + 3, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        if rest.starts_with(b"!") || rest.starts_with(b"?") {
            i = find_from(bytes, start, b">").map_or(bytes.len(), |end| end + 1);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = name_start;
            continue;
        }
        let name = bytes[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = end_of_tag(bytes, name_start + name_len);
        let self_closing = tag_end >= 2 && bytes.get(tag_end - 1) == Some(&b'/');
        i = (tag_end + 1).min(bytes.len());
        if NON_NESTING.contains(&name.as_slice()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        if RAW_TEXT.contains(&name.as_slice()) {
            i = raw_text_end(bytes, i, &name);
            continue;
        }
        if !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// Position of `needle` in `bytes` at or after `from`.
fn find_from(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|at| from + at)
}

/// Position of the `>` that ends a tag whose name ends at `from`, skipping quoted
/// attribute values; the end of the text when the tag never closes.
fn end_of_tag(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (k, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return k,
            _ => {}
        }
    }
    bytes.len()
}

/// Where the text of a raw-text element that started at `from` ends: after its closing
/// tag, compared without case.
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut k = from;
    while let Some(offset) = bytes
        .get(k..)
        .and_then(|rest| rest.windows(2).position(|w| w == b"</"))
    {
        let at = k + offset + 2;
        let candidate = bytes.get(at..at + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name)) {
            return end_of_tag(bytes, at + name.len()) + 1;
        }
        k = at;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_measured_without_parsing() {
        let cases = [
            ("<html><body><div><p>a<p>b</div></body></html>", 3),
            ("<img src=x><br>text", 0),
            // A script's comparisons and a style's selectors open no elements.
            (
                "<div><script>for(i=0;i<n;i++){if(a<b){x='<div>'}}</script></div>",
                1,
            ),
            ("<div><SCRIPT type=x>a<b</Script ><span>t</span></div>", 2),
            ("<div><style>a<b{}</style><!-- <div><div> --></div>", 1),
            (r#"<div title="<div><div>"><br/><span/></div>"#, 1),
            ("<div><![CDATA[<div>]]><?php echo '<div>' ?></div>", 1),
            ("a < b and c<3 and <-- arrows", 0),
        ];
        for (html, depth) in cases {
            assert_eq!(nesting_depth(html), depth, "{html}");
        }
        assert_eq!(nesting_depth(&"<div>".repeat(5000)), 5000);
        // Unclosed raw text, comments and tags run to the end without panicking.
        for html in ["<script>x<y", "<!-- x", "<div a='x", "<", "</", "<é"] {
            assert!(nesting_depth(html) <= 1, "{html}");
        }
    }
}
