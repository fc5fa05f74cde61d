//! A guard in front of the HTML parser: html5ever's tree builder checks the stack of open
//! elements on many tags, so its work grows with the square of the nesting depth (measured:
//! 10,000 nested `<div>`s 0.34 s, 40,000 5.0 s, 80,000 15.4 s). No real page nests deeper
//! than a few hundred elements. This pass scans the tags once; when the depth goes past
//! [`MAX_DEPTH`], the opening tags beyond it (and the closing tags that match them) are
//! left out of a copy of the page, so the parser's stack stays bounded and the whole
//! extraction stays linear. Pages within the limit are passed through untouched (no copy).

use crate::decode::find;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Deepest nesting passed to the parser.
pub(crate) const MAX_DEPTH: usize = 256;

/// Elements that never hold children (no closing tag to wait for).
fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"option"
            | b"td"
            | b"tr"
            | b"th"
            | b"dt"
            | b"dd"
    )
}

/// Elements whose content is raw text: their tags inside are not tags.
fn is_raw(name: &[u8]) -> bool {
    matches!(
        name,
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"noscript"
    )
}

/// One tag found in the page.
struct Tag {
    start: usize,
    end: usize,
    closing: bool,
    self_closing: bool,
    name: [u8; 16],
    name_len: usize,
}

impl Tag {
    fn name(&self) -> &[u8] {
        &self.name[..self.name_len]
    }
}

/// The next tag at or after `from`, skipping comments and doctypes.
fn next_tag(b: &[u8], mut from: usize) -> Option<Tag> {
    loop {
        let lt = from + memchr(b'<', &b[from..])?;
        let rest = &b[lt..];
        if rest.starts_with(b"<!--") {
            let end = find(&rest[4..], b"-->").map_or(b.len(), |e| lt + 4 + e + 3);
            from = end;
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            // `<!doctype`, `<?xml`, a lone `<`: not an element
            from = lt + 1;
            continue;
        }
        let end = memchr(b'>', &b[name_start..]).map_or(b.len(), |e| name_start + e + 1);
        let mut name = [0u8; 16];
        let n = name_len.min(16);
        for (d, s) in name.iter_mut().zip(&b[name_start..name_start + n]) {
            *d = s.to_ascii_lowercase();
        }
        let self_closing = end >= 2 && b[end - 2] == b'/';
        return Some(Tag {
            start: lt,
            end,
            closing,
            self_closing,
            name,
            name_len: n,
        });
    }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(needle, hay)
}

/// The page with its nesting limited to [`MAX_DEPTH`]; borrowed when already within it.
pub(crate) fn limit(html: &str) -> Cow<'_, str> {
    limit_to(html, MAX_DEPTH)
}

fn limit_to(html: &str, max: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    // first pass: is the limit ever passed? (most pages: no, and no copy is made)
    if !exceeds(b, max) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    // depth at which tags are being dropped: their closing tags are dropped too
    let mut dropped = 0usize;
    let mut pos = 0;
    for t in structural_tags(b) {
        let skip = if t.closing {
            if dropped > 0 {
                dropped -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= max {
            dropped += 1;
            true
        } else {
            depth += 1;
            false
        };
        if skip {
            out.push_str(&html[pos..t.start]);
            pos = t.end.min(html.len());
        }
    }
    out.push_str(&html[pos..]);
    Cow::Owned(out)
}

/// The tags that open or close an element with children, in order: void elements and
/// self-closing tags are left out, and the content of raw-text elements (`<script>`,
/// `<style>`…) is skipped, since tags inside it are text.
fn structural_tags(b: &[u8]) -> impl Iterator<Item = Tag> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let t = next_tag(b, from)?;
        from = t.end.max(t.start + 1);
        if is_raw(t.name()) && !t.closing {
            from = find_ci(&b[t.end..], t.name())
                .map_or(b.len(), |e| t.end + e)
                .max(from);
            continue;
        }
        if t.self_closing || is_void(t.name()) {
            continue;
        }
        return Some(t);
    })
}

/// `</name` (case-insensitive) in `hay`.
fn find_ci(hay: &[u8], name: &[u8]) -> Option<usize> {
    static CLOSE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"</"));
    let mut i = 0;
    while let Some(p) = CLOSE.find(&hay[i..]) {
        let at = i + p;
        let n = &hay[at + 2..];
        if n.len() >= name.len() && n[..name.len()].eq_ignore_ascii_case(name) {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

fn exceeds(b: &[u8], max: usize) -> bool {
    let mut depth = 0usize;
    for t in structural_tags(b) {
        if t.closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > max {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_pass_untouched() {
        let page = "<html><body><div><p>Text<br>more</p><!-- <div><div> --></div></body></html>";
        assert!(matches!(limit_to(page, 4), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_pages_are_flattened() {
        let page = format!(
            "{}<p>deep text</p>{}",
            "<div>".repeat(50),
            "</div>".repeat(50)
        );
        let out = limit_to(&page, 10);
        assert_eq!(out.matches("<div>").count(), 10);
        assert_eq!(out.matches("</div>").count(), 10);
        assert!(out.contains("<p>deep text</p>"));
    }

    #[test]
    fn raw_text_is_not_read_as_tags() {
        let page = format!("<script>{}</script><div>x</div>", "<div>".repeat(50));
        assert!(matches!(limit_to(&page, 10), Cow::Borrowed(_)));
    }
}
