//! A guard in front of the HTML parser, in one scan of the page's tags:
//!
//! - **Nesting.** html5ever's tree builder checks the stack of open elements on many tags,
//!   so its work grows with the square of the nesting depth (measured: 10,000 nested
//!   `<div>`s 0.34 s, 40,000 5.0 s, 80,000 15.4 s). No real page nests deeper than a few
//!   hundred elements. When the depth goes past [`MAX_DEPTH`], the opening tags beyond it
//!   (and the closing tags that match them) are left out of a copy of the page, so the
//!   parser's stack stays bounded and the whole extraction stays linear.
//! - **Script and style bodies.** Half the bytes of a news page are the bodies of
//!   `<script>` and `<style>` elements (53% on the scrapinghub pages), which the parser
//!   would tokenize character by character only for the walk to skip them. Their bodies
//!   are left out of the copy (the tags stay, so the tree is the same); JSON-LD scripts
//!   (`type="application/ld+json"`) are kept, since the region finder reads them.
//!
//! Pages with nothing to leave out are passed through untouched (no copy).

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

/// The page with its nesting limited to [`MAX_DEPTH`] and the bodies of its scripts (but
/// JSON-LD) and styles left out; borrowed when there is nothing to leave out.
pub(crate) fn limit(html: &str) -> Cow<'_, str> {
    limit_to(html, MAX_DEPTH)
}

fn limit_to(html: &str, max: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    // first pass: is the limit ever passed, and which raw bodies go? (most pages: no copy
    // for the depth; the bodies are byte ranges)
    let (deep, bodies) = scan(b, max);
    if deep {
        let stripped = cut(html, &bodies);
        return Cow::Owned(flatten(&stripped, max));
    }
    if bodies.is_empty() {
        return Cow::Borrowed(html);
    }
    Cow::Owned(cut(html, &bodies))
}

/// `html` without the byte ranges `cut` (sorted, disjoint, on char boundaries: they start
/// after a `>` and end before a `<`).
fn cut(html: &str, cut: &[(usize, usize)]) -> String {
    let removed: usize = cut.iter().map(|(s, e)| e - s).sum();
    let mut out = String::with_capacity(html.len() - removed);
    let mut pos = 0;
    for &(s, e) in cut {
        out.push_str(&html[pos..s]);
        pos = e;
    }
    out.push_str(&html[pos..]);
    out
}

/// The page with the opening tags deeper than `max`, and their closing tags, left out.
fn flatten(html: &str, max: usize) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    // depth at which tags are being dropped: their closing tags are dropped too
    let mut dropped = 0usize;
    let mut pos = 0;
    for t in structural_tags(b, |_, _| {}) {
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
    out
}

/// The tags that open or close an element with children, in order: void elements and
/// self-closing tags are left out, and the content of raw-text elements (`<script>`,
/// `<style>`…) is skipped, since tags inside it are text. `raw(tag, body_end)` is called
/// for each raw-text element skipped.
fn structural_tags<'a>(
    b: &'a [u8],
    mut raw: impl FnMut(&Tag, usize) + 'a,
) -> impl Iterator<Item = Tag> + 'a {
    let mut from = 0;
    let mut svgs = true;
    std::iter::from_fn(move || loop {
        let t = next_tag(b, from)?;
        from = t.end.max(t.start + 1);
        // an `<svg>` is skipped like raw text only when its closing tag is there: unclosed,
        // the parser ends it at the next HTML tag, not at the end of the page. The first
        // unclosed one ends the skipping: each search that fails reads the rest of the page,
        // and one such search keeps the scan linear
        let svg_end = (svgs && t.name() == b"svg" && !t.self_closing && !t.closing)
            .then(|| svg_close(&b[t.end..]))
            .flatten();
        svgs &= svg_end.is_some() || t.name() != b"svg" || t.self_closing || t.closing;
        if (is_raw(t.name()) || svg_end.is_some()) && !t.closing {
            let close = svg_end.or_else(|| find_ci(&b[t.end..], t.name()));
            let body_end = close.map_or(b.len(), |e| t.end + e).max(from);
            raw(&t, body_end);
            // past the closing tag too: it closes a raw element, not a structural one
            from = memchr(b'>', &b[body_end..]).map_or(b.len(), |e| body_end + e + 1);
            continue;
        }
        if t.self_closing || is_void(t.name()) {
            continue;
        }
        return Some(t);
    })
}

/// Whether the raw-text element (or `<svg>`) opened by `t` has a body the walk never
/// reads: scripts (but JSON-LD), styles and inline SVG drawings.
fn unread_body(b: &[u8], t: &Tag) -> bool {
    match t.name() {
        b"style" | b"svg" => true,
        b"script" => {
            let tag = &b[t.start..t.end.min(b.len())];
            !tag.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"))
        }
        _ => false,
    }
}

/// The `</svg` that closes an `<svg>` whose body is `hay`, with nested `<svg>`s counted.
fn svg_close(hay: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut from = 0;
    while let Some(t) = next_tag(hay, from) {
        from = t.end.max(t.start + 1);
        if t.name() != b"svg" || t.self_closing {
            continue;
        }
        if !t.closing {
            depth += 1;
        } else if depth == 0 {
            return Some(t.start);
        } else {
            depth -= 1;
        }
    }
    None
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

/// Whether the nesting passes `max`, and the byte ranges of the script and style bodies
/// to leave out.
fn scan(b: &[u8], max: usize) -> (bool, Vec<(usize, usize)>) {
    let mut bodies = Vec::new();
    let mut depth = 0usize;
    let mut deep = false;
    for t in structural_tags(b, |t, end| {
        // an unclosed body runs to the end of the page: the parser would read it as text
        // of the element, which the walk skips too
        if end > t.end && t.end <= b.len() && unread_body(b, t) {
            bodies.push((t.end, end));
        }
    }) {
        if t.closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deep |= depth > max;
        }
    }
    (deep, bodies)
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
        let page = format!("<textarea>{}</textarea><div>x</div>", "<div>".repeat(50));
        assert!(matches!(limit_to(&page, 10), Cow::Borrowed(_)));
        let page = format!("<script>{}</script><div>x</div>", "<div>".repeat(50));
        assert_eq!(limit_to(&page, 10), "<script></script><div>x</div>");
    }

    #[test]
    fn script_and_style_bodies_go_but_json_ld_stays() {
        let page = "<head><STYLE>p{}</style><script type='application/ld+json'>{\"a\":1}</script>\
                    <script src=x></script><script>if (a<b) {}</SCRIPT ></head><p>é</p><script>open";
        assert_eq!(
            limit_to(page, 10),
            "<head><STYLE></style><script type='application/ld+json'>{\"a\":1}</script>\
             <script src=x></script><script></SCRIPT ></head><p>é</p><script>"
        );
    }

    #[test]
    fn svg_bodies_go_with_nested_drawings() {
        let page = "<p>a</p><svg viewBox='0 0 1 1'><path d='M0'/><svg><text>x</text></svg>\
                    <g/></SVG><svg/><p>b</p>";
        assert_eq!(
            limit_to(page, 10),
            "<p>a</p><svg viewBox='0 0 1 1'></SVG><svg/><p>b</p>"
        );
    }

    #[test]
    fn unclosed_svgs_stay() {
        let page = "<svg><p>a</p><svg><path/></svg>";
        assert_eq!(limit_to(page, 10), page);
    }

    #[test]
    fn deep_pages_with_scripts_are_flattened_and_stripped() {
        let page = format!(
            "{}<script>x</script><p>deep text</p>{}",
            "<div>".repeat(50),
            "</div>".repeat(50)
        );
        let out = limit_to(&page, 10);
        assert_eq!(out.matches("<div>").count(), 10);
        assert!(out.contains("<script></script><p>deep text</p>"));
    }
}
