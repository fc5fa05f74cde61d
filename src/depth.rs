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
//! - **Unread attributes.** Of the bytes left, most sit inside tags, in attributes nothing
//!   reads (`href`, `src`, `srcset`, `data-*`…). A second scan, exact where the first is
//!   approximate ([`strip_attrs`]), leaves them out too, keeping those the walk or the
//!   tree builder reads, so the parser builds the same tree with fewer attributes.
//!
//! Pages with nothing to leave out are passed through untouched (no copy).

use crate::decode::find;
use html5ever::tendril::StrTendril;
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

/// The page with its nesting limited to [`MAX_DEPTH`], the bodies of its scripts (but
/// JSON-LD), styles and closed drawings left out, and the attributes nothing reads
/// ([`strip_attrs`]), in the parser's own input buffer: [`strip_attrs`] writes into it
/// (through [`TendrilOut`]), and html5ever reads it without copying the page again (its
/// text nodes point into it). Building a `String` first and handing it over cost one more
/// copy of the page and, on a large page, as many fresh pages of memory.
pub(crate) fn limit(html: &str) -> StrTendril {
    let limited = limit_to(html, MAX_DEPTH);
    let mut out = TendrilOut {
        tendril: StrTendril::new(),
        staged: String::new(),
    };
    if !strip_attrs(&limited, &mut out) {
        return StrTendril::from_slice(&limited);
    }
    out.tendril.push_slice(&out.staged);
    out.tendril
}

/// The parser's input buffer, written through a small staging string: a tendril's push
/// is a call and a few checks, and a rewritten tag is written in small pieces (the text
/// before it, each kept attribute, the `>`).
struct TendrilOut {
    tendril: StrTendril,
    staged: String,
}

/// What [`TendrilOut`] gathers before it pushes onto the tendril.
const STAGE_BYTES: usize = 4096;

/// Where [`strip_attrs`] writes the page: a `String`, or the parser's buffer.
pub(crate) trait Out {
    fn reserve(&mut self, bytes: usize);
    fn push_str(&mut self, s: &str);
}

#[cfg(test)]
impl Out for String {
    fn reserve(&mut self, bytes: usize) {
        String::reserve(self, bytes);
    }
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }
}

impl Out for TendrilOut {
    fn reserve(&mut self, bytes: usize) {
        // a tendril holds at most `u32::MAX` bytes (it panics past that, as it would
        // when html5ever copied the page into one)
        self.tendril
            .reserve(u32::try_from(bytes).unwrap_or(u32::MAX));
        self.staged.reserve(STAGE_BYTES);
    }
    fn push_str(&mut self, s: &str) {
        if self.staged.len() + s.len() > STAGE_BYTES {
            self.tendril.push_slice(&self.staged);
            self.staged.clear();
        }
        if s.len() > STAGE_BYTES {
            self.tendril.push_slice(s);
        } else {
            self.staged.push_str(s);
        }
    }
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

/// Whether `c` is whitespace to html5ever's tokenizer (a carriage return becomes a line
/// feed before tokenizing).
fn is_ws(c: u8) -> bool {
    CLASS[c as usize] & WS != 0
}

// Byte classes of the tag scanner, one table lookup per byte.
/// Whitespace.
const WS: u8 = 1;
/// Ends an attribute name: whitespace, `/`, `>`, `=`.
const NAME_END: u8 = 2;
/// Ends an unquoted value: whitespace, `>`.
const VALUE_END: u8 = 4;
/// Ends a tag name: whitespace, `/`, `>`.
const TAG_NAME_END: u8 = 8;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let ws = [b'\t', b'\n', 0x0c, b'\r', b' '];
    let mut i = 0;
    while i < ws.len() {
        t[ws[i] as usize] = WS | NAME_END | VALUE_END | TAG_NAME_END;
        i += 1;
    }
    t[b'/' as usize] = NAME_END | TAG_NAME_END;
    t[b'>' as usize] = NAME_END | VALUE_END | TAG_NAME_END;
    t[b'=' as usize] = NAME_END;
    t
};

/// The first index from `i` whose byte is of class `class`, or the end of `b`.
fn until(b: &[u8], mut i: usize, class: u8) -> usize {
    while i < b.len() && CLASS[b[i] as usize] & class == 0 {
        i += 1;
    }
    i
}

/// The first index from `i` whose byte is not whitespace, or the end of `b`.
fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && CLASS[b[i] as usize] & WS != 0 {
        i += 1;
    }
    i
}

/// One attribute of a tag: `start..end` is its whole text (name, `=`, value and quotes),
/// `name` and `value` the byte ranges of its name and (unquoted) value.
#[derive(Debug, Clone, Copy)]
struct Attr {
    start: usize,
    end: usize,
    name: (usize, usize),
    value: (usize, usize),
}

/// Reads the attributes of a tag whose name ends at `i`, state by state as the tokenizer of
/// the HTML standard (and html5ever) does: quoted values run to their closing quote
/// whatever they hold (`>` too), unquoted ones to whitespace or `>`; a `/` not followed by
/// `>` and a `=` that starts a name are read as the standard says. Calls `each` per
/// attribute; returns the index just past the tag's `>` and whether the tag is
/// self-closing, or `None` when the page ends inside the tag (the tokenizer drops such a
/// tag). Linear: every byte is looked at once or twice.
fn scan_attrs(b: &[u8], mut i: usize, mut each: impl FnMut(Attr)) -> Option<(usize, bool)> {
    loop {
        // before attribute name
        i = skip_ws(b, i);
        match *b.get(i)? {
            b'>' => return Some((i + 1, false)),
            b'/' => {
                // self-closing start tag state: anything but `>` is read again as the
                // start of an attribute
                if *b.get(i + 1)? == b'>' {
                    return Some((i + 2, true));
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        // attribute name: its first character may be `=`
        let start = i;
        i = until(b, i + 1, NAME_END);
        let name = (start, i);
        // after attribute name
        let mut j = skip_ws(b, i);
        if b.get(j) != Some(&b'=') {
            each(Attr {
                start,
                end: i,
                name,
                value: (i, i),
            });
            i = j;
            continue;
        }
        // before attribute value
        j = skip_ws(b, j + 1);
        match *b.get(j)? {
            q @ (b'"' | b'\'') => {
                let close = j + 1 + memchr(q, &b[j + 1..])?;
                each(Attr {
                    start,
                    end: close + 1,
                    name,
                    value: (j + 1, close),
                });
                // after the value: the loop's whitespace, `/`, `>` or (with no space
                // between) the next attribute's name are what the standard reads there
                i = close + 1;
            }
            b'>' => {
                each(Attr {
                    start,
                    end: j,
                    name,
                    value: (j, j),
                });
                return Some((j + 1, false));
            }
            _ => {
                let k = until(b, j, VALUE_END);
                each(Attr {
                    start,
                    end: k,
                    name,
                    value: (j, k),
                });
                i = k;
            }
        }
    }
}

/// Whether the walk ([`crate::html`]) or html5ever's tree builder reads attribute `attr`
/// (lowercase) with value `value` on an element named `tag` (lowercase; `None` when longer
/// than the scanner keeps). What the walk reads: `class` (on blocks and `<span>`), `id`,
/// `hidden`, `aria-hidden`, `aria-labelledby`, `aria-modal`, `role`, `style` (for `display` / `visibility`), `itemprop`, `itemtype`; `property`,
/// `name` and `content` on `<meta>`; `type` on `<script>`. What the tree builder reads:
/// `type` on `<input>` (a hidden input stays inside a table), `color` / `face` / `size` on
/// `<font>`, `encoding` on `<annotation-xml>`, `shadowrootmode` on `<template>`.
fn keep_attr(tag: Option<&[u8]>, attr: &[u8], value: &[u8]) -> bool {
    match attr {
        b"id" | b"hidden" | b"aria-hidden" | b"aria-labelledby" | b"aria-controls"
        | b"aria-modal" | b"role" | b"itemprop" | b"itemtype" => true,
        b"class" => {
            tag.is_none_or(|t| std::str::from_utf8(t).map_or(true, crate::html::reads_class))
        }
        // a value with a character reference is kept whatever it says
        b"style" => {
            value.contains(&b'&')
                || value.windows(7).any(|w| w.eq_ignore_ascii_case(b"display"))
                || value
                    .windows(10)
                    .any(|w| w.eq_ignore_ascii_case(b"visibility"))
        }
        b"property" | b"name" | b"content" => tag == Some(b"meta"),
        b"type" => matches!(tag, Some(b"script" | b"input")),
        b"color" | b"face" | b"size" => tag == Some(b"font"),
        b"encoding" => tag == Some(b"annotation-xml"),
        // a link to a social network's profile or share page (a follow prompt)
        b"href" => tag == Some(b"a") && crate::html::social_link(value),
        b"shadowrootmode" => tag == Some(b"template"),
        _ => false,
    }
}

/// The end of the comment whose text starts at `rest` (just after `<!--`): the standard's
/// comment states end it at `>` or `->` right away, else at the first `-->` or `--!>`.
fn comment_end(rest: &[u8]) -> Option<usize> {
    if rest.starts_with(b">") {
        return Some(1);
    }
    if rest.starts_with(b"->") {
        return Some(2);
    }
    static DASHES: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"--"));
    let mut i = 0;
    while let Some(p) = DASHES.find(&rest[i..]) {
        let at = i + p + 2;
        match rest.get(at) {
            Some(b'>') => return Some(at + 1),
            Some(b'!') if rest.get(at + 1) == Some(&b'>') => return Some(at + 2),
            // `--->`: the run of dashes goes on
            _ => i = at - 1,
        }
    }
    None
}

/// Where the raw text of a `name` element (`<title>`, `<script>`…) whose body starts at
/// `from` ends: at `</name` followed by whitespace, `/` or `>` (the standard's "appropriate
/// end tag").
fn raw_end(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    loop {
        let at = i + find_ci(&b[i..], name)?;
        match b.get(at + 2 + name.len()) {
            Some(&c) if is_ws(c) || c == b'/' || c == b'>' => return Some(at),
            _ => i = at + 2,
        }
    }
}

/// Tags with more attributes than this are left as they are (the list of a tag's
/// attributes stays small whatever the page).
const MAX_ATTRS: usize = 256;

/// The page without the attributes that nothing reads ([`keep_attr`]): `href`, `src`,
/// `srcset`, `data-*`, `alt`, `title`, event handlers… are 70 % of the bytes inside tags,
/// which html5ever would tokenize character by character and store for nothing. Writes
/// the page into `out` (empty) when something goes, and says whether it did (`out` is left
/// untouched when nothing goes).
///
/// The scan follows the tokenizer of the HTML standard where it matters: comments, bogus
/// comments and doctypes, raw text (`<script>`, `<style>`, `<title>`, `<textarea>`…, up to
/// the appropriate end tag), and attribute values (a `>` inside quotes does not end a
/// tag), so a tag is only rewritten where the parser reads it as one, and the rewritten tag
/// has the same name, the same kept attributes in the same order (the first of duplicates
/// still wins) and the same self-closing flag. Where the tree builder would switch the
/// tokenizer in a way the scan does not follow, the rest of the page is left as it is: an
/// `<svg>` or `<math>` that does not close right away (foreign content, `<![CDATA[`), raw-text
/// tags inside a `<select>` (ignored there), `<plaintext>`, `<frameset>`, a kept script
/// body with `<!--` (the escaped script states). One thing in the tree can change: the
/// active formatting elements keep at most three equal ones ("Noah's Ark"), so misnested
/// `<b>`s that differed only by a dropped attribute may be reopened fewer times; the walk
/// reads the same elements and attributes either way.
pub(crate) fn strip_attrs(html: &str, out: &mut impl Out) -> bool {
    let b = html.as_bytes();
    let mut copied = 0;
    let mut attrs: Vec<(Attr, bool)> = Vec::new();
    let mut in_select = false;
    let mut pos = 0;
    while let Some(p) = memchr(b'<', &b[pos..]) {
        let lt = pos + p;
        let Some(&c) = b.get(lt + 1) else { break };
        if c == b'!' && b[lt..].starts_with(b"<!--") {
            let Some(e) = comment_end(&b[lt + 4..]) else {
                break;
            };
            pos = lt + 4 + e;
            continue;
        }
        if c == b'!' || c == b'?' || (c == b'/' && b.get(lt + 2).is_some_and(|&c| c != b'>')) {
            let closing_tag = c == b'/' && b[lt + 2].is_ascii_alphabetic();
            if !closing_tag {
                // doctype or bogus comment: to the first `>`
                let Some(e) = memchr(b'>', &b[lt + 2..]) else {
                    break;
                };
                pos = lt + 2 + e + 1;
                continue;
            }
            // an end tag: its attributes (ignored) are read like a start tag's
            let name_end = tag_name_end(b, lt + 2);
            let Some((end, _)) = scan_attrs(b, name_end, |_| {}) else {
                break;
            };
            if b[lt + 2..name_end].eq_ignore_ascii_case(b"select") {
                in_select = false;
            }
            pos = end;
            continue;
        }
        if c == b'/' {
            // `</>`: nothing; `</` at the end: text
            pos = lt + 2;
            continue;
        }
        if !c.is_ascii_alphabetic() {
            pos = lt + 1;
            continue;
        }
        // a start tag
        let name_end = tag_name_end(b, lt + 1);
        let mut lower = [0u8; 16];
        let raw_name = &b[lt + 1..name_end];
        let name = (raw_name.len() <= lower.len()).then(|| {
            let l = &mut lower[..raw_name.len()];
            l.copy_from_slice(raw_name);
            l.make_ascii_lowercase();
            &*l
        });
        attrs.clear();
        let mut crowded = false;
        let Some((end, self_closing)) = scan_attrs(b, name_end, |a| {
            if attrs.len() == MAX_ATTRS {
                crowded = true;
                return;
            }
            let n = &b[a.name.0..a.name.1];
            let mut lower = [0u8; 16];
            let keep = n.len() <= lower.len() && {
                let l = &mut lower[..n.len()];
                l.copy_from_slice(n);
                l.make_ascii_lowercase();
                keep_attr(name, l, &b[a.value.0..a.value.1])
            };
            attrs.push((a, keep));
        }) else {
            break;
        };
        if !crowded && !attrs.iter().all(|&(_, keep)| keep) {
            if copied == 0 {
                // the first tag rewritten (a rewritten tag ends past 0)
                out.reserve(html.len());
            }
            out.push_str(&html[copied..name_end]);
            for (a, _) in attrs.iter().filter(|(_, keep)| *keep) {
                out.push_str(" ");
                out.push_str(&html[a.start..a.end]);
            }
            // a space before `/>`: after an unquoted value the slash would join it
            out.push_str(if self_closing { " />" } else { ">" });
            copied = end;
        }
        pos = end;
        let name = name.unwrap_or(b"");
        match name {
            b"svg" | b"math" if !self_closing => {
                // foreign content: stop unless it closes right away (a drawing whose body
                // `limit` left out)
                let close = b
                    .get(end..end + 2 + name.len())
                    .is_some_and(|t| t.starts_with(b"</") && t[2..].eq_ignore_ascii_case(name))
                    && b.get(end + 2 + name.len())
                        .is_some_and(|&c| is_ws(c) || c == b'/' || c == b'>');
                if !close {
                    break;
                }
            }
            b"title" | b"style" | b"xmp" | b"iframe" | b"noembed" | b"noframes" if in_select => {
                break
            }
            b"title" | b"textarea" | b"style" | b"xmp" | b"iframe" | b"noembed" | b"noframes"
            | b"script" => {
                let Some(e) = raw_end(b, end, name) else {
                    break;
                };
                if name == b"script" && find(&b[end..e], b"<!--").is_some() {
                    break;
                }
                pos = e;
            }
            b"plaintext" | b"frameset" => break,
            b"select" => in_select = true,
            _ => {}
        }
    }
    if copied == 0 {
        return false;
    }
    out.push_str(&html[copied..]);
    true
}

/// The end of the tag name that starts at `i`: whitespace, `/`, `>` or the end of the page.
fn tag_name_end(b: &[u8], i: usize) -> usize {
    until(b, i, TAG_NAME_END)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`super::strip_attrs`] into a `String`; borrowed when nothing goes.
    fn strip_attrs(html: &str) -> Cow<'_, str> {
        let mut out = String::new();
        if super::strip_attrs(html, &mut out) {
            Cow::Owned(out)
        } else {
            Cow::Borrowed(html)
        }
    }

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

    /// The attributes `scan_attrs` reads from `tag` (name=value pairs, as written) and
    /// where the tag ends.
    type Pairs = Vec<(String, String)>;

    fn attrs_of(tag: &str) -> (Pairs, Option<(usize, bool)>) {
        let b = tag.as_bytes();
        let mut got = Vec::new();
        let end = scan_attrs(b, tag_name_end(b, 1), |a| {
            got.push((
                tag[a.name.0..a.name.1].to_string(),
                tag[a.value.0..a.value.1].to_string(),
            ))
        });
        (got, end)
    }

    fn pairs(p: &[(&str, &str)]) -> Pairs {
        p.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn attribute_scanner_reads_quotes_and_bare_names() {
        let t = r#"<a href="x>y" title='it"s' data-n=3 hidden CLASS = "c d">after"#;
        let (got, end) = attrs_of(t);
        assert_eq!(
            got,
            pairs(&[
                ("href", "x>y"),
                ("title", "it\"s"),
                ("data-n", "3"),
                ("hidden", ""),
                ("CLASS", "c d")
            ])
        );
        assert_eq!(end, Some((t.find(">after").unwrap() + 1, false)));
        // no space between attributes, `=` starting a name, a slash inside the tag
        let (got, end) = attrs_of(r#"<p a="1"b='2' =x c/d e=f/>"#);
        assert_eq!(
            got,
            pairs(&[
                ("a", "1"),
                ("b", "2"),
                ("=x", ""),
                ("c", ""),
                ("d", ""),
                ("e", "f/")
            ])
        );
        assert_eq!(end.map(|e| e.1), Some(false), "`f/>` is a value, not `/>`");
        assert_eq!(attrs_of("<br/>").1, Some((5, true)));
        assert_eq!(attrs_of("<img a=b />").1, Some((11, true)));
        // a missing value, entities kept as written
        let (got, _) = attrs_of("<p a= >x<p b=&amp;&lt;>");
        assert_eq!(got, pairs(&[("a", "")]));
        let (got, _) = attrs_of("<p b=&amp;&lt;c >");
        assert_eq!(got, pairs(&[("b", "&amp;&lt;c")]));
    }

    #[test]
    fn attribute_scanner_stops_at_the_end_of_the_page() {
        for t in [
            "<a href=\"x",
            "<a href='x",
            "<a href=x",
            "<a href",
            "<a href=",
            "<a /",
            "<a",
        ] {
            assert_eq!(attrs_of(t).1, None, "{t}");
        }
    }

    #[test]
    fn the_parsers_buffer_holds_the_stripped_page() {
        // small pieces (staged), long runs of text (pushed past the stage), both at once
        let long = "x".repeat(3 * STAGE_BYTES);
        let page = format!(
            "<p a=1>{}</p>{long}<a href=y class=z>t</a>{}<script>s</script>",
            "<b title=t>w</b>".repeat(2000),
            "<i id=q data-x=1>v</i>".repeat(300)
        );
        assert_eq!(&*limit(&page), &*strip_attrs(&limit_to(&page, MAX_DEPTH)));
        // nothing to strip: the page as it is
        assert_eq!(&*limit("<p>x</p>"), "<p>x</p>");
    }

    #[test]
    fn unread_attributes_go() {
        let page = r#"<DIV Class="story" data-x='a>b' id=main onclick="f('>')"><a href="/x" class=l>link</a>
            <img src=a.jpg srcset="a 1x, b 2x" alt="An image"/><span class=caption title=t>c</span>
            <p style="color:red">a</p><p style="DISPLAY: none" hidden aria-hidden=true itemprop=articleBody>b</p>
            <meta property="og:title" content="T"><meta name=x content=y charset=utf-8>
            <input type=hidden name=q value=v><font color=red title=x>f</font></DIV>"#;
        assert_eq!(
            strip_attrs(page),
            r#"<DIV Class="story" id=main><a>link</a>
            <img /><span class=caption>c</span>
            <p>a</p><p style="DISPLAY: none" hidden aria-hidden=true itemprop=articleBody>b</p>
            <meta property="og:title" content="T"><meta name=x content=y>
            <input type=hidden><font color=red>f</font></DIV>"#
        );
        // an unquoted kept value before a self-closing slash gets a space
        assert_eq!(strip_attrs("<hr class=x alt='y'/>"), "<hr class=x />");
        // schema.org microdata types name a discussion page (the walk reads them)
        assert_eq!(
            strip_attrs(r#"<div itemscope itemtype="https://schema.org/QAPage" lang=de>q</div>"#),
            r#"<div itemtype="https://schema.org/QAPage">q</div>"#
        );
        // ARIA roles and modals hide or name furniture (the walk reads them)
        assert_eq!(
            strip_attrs(r#"<div role=dialog aria-modal="true" aria-label="x">m</div>"#),
            r#"<div role=dialog aria-modal="true">m</div>"#
        );
        // nothing to drop: no copy
        let page = "<div class=a id=b><p>x</p></div>";
        assert!(matches!(strip_attrs(page), Cow::Borrowed(_)));
    }

    #[test]
    fn only_real_tags_are_rewritten() {
        for page in [
            // comments, including the short and the `--!>` forms
            "<!-- <a href=x> --><!--><a href=y>",
            "<!---><a href=y>",
            "<!-- --!><a href=y>",
            "<!-- ---><a href=y>",
            // bogus comments end at the first `>`, quotes or not
            "<!x <a title='>'> <a href=y>",
            "<?php <a title='>'> ?>",
            "</3 <a title='>'> <a href=y>",
            // raw text up to its own end tag only
            "<title><a href=x></titles></title><a href=y>",
            "<textarea><a href=x></textarea ><a href=y>",
            "<script type=application/ld+json>{\"a\":\"<a href=x>\"}</script><a href=y>",
        ] {
            let out = strip_attrs(page);
            assert_eq!(
                out.matches("href=x").count(),
                page.matches("href=x").count()
            );
            assert!(!out.contains("href=y"), "{page} -> {out}");
        }
        // an end tag's attributes are read, so a quoted `>` does not end it
        assert_eq!(
            strip_attrs("</div title='>'><a href=y>"),
            "</div title='>'><a>"
        );
    }

    #[test]
    fn scan_stops_where_the_tokenizer_is_not_followed() {
        for page in [
            "<svg><a href=x></a></svg><a href=y>",
            "<math><mi href=x></mi></math><a href=y>",
            "<select><style><a href=x></style><a href=y>",
            "<plaintext><a href=x>",
            "<script><!--<script></script>--></script><a href=y>",
            "<p title='unterminated><a href=y>",
        ] {
            assert_eq!(strip_attrs(page), page, "{page}");
        }
        // a tag with too many attributes stays as it is; the scan goes on
        let crowded = format!("<p{}>", " a".repeat(MAX_ATTRS + 1));
        assert_eq!(
            strip_attrs(&format!("{crowded}<a href=y>")),
            format!("{crowded}<a>")
        );
        // a drawing whose body went closes right away: the scan goes on
        assert_eq!(
            strip_attrs("<svg viewBox='0 0 1 1' aria-label=x></svg><a href=y>"),
            "<svg></svg><a>"
        );
    }

    #[test]
    fn malformed_tags_never_panic() {
        let bits = [
            "<",
            ">",
            "/",
            "=",
            "\"",
            "'",
            " ",
            "a",
            "<!",
            "<!--",
            "-->",
            "</",
            "<a ",
            "href",
            "é",
            "\0",
            "<svg>",
            "</svg>",
            "<script>",
            "</script>",
            "<select>",
            "\r",
        ];
        // every string of up to four pieces
        let mut n = 0;
        for a in bits {
            for b in bits {
                for c in bits {
                    for d in bits {
                        let page = [a, b, c, d].concat();
                        let out = strip_attrs(&page);
                        assert!(out.len() <= page.len() + 2);
                        n += 1;
                    }
                }
            }
        }
        assert!(n > 0);
    }

    /// The tree html5ever builds, one line per node, with the attributes `keep_attr` keeps
    /// (sorted, since scraper keeps them in no set order) but styles that do not hide. The
    /// stripped page may keep more than that where the scan stopped.
    fn tree(html: &str) -> String {
        use html5ever::tendril::TendrilSink;
        use scraper::node::Node;
        let opts = html5ever::ParseOpts {
            tree_builder: html5ever::tree_builder::TreeBuilderOpts {
                scripting_enabled: false,
                ..Default::default()
            },
            ..Default::default()
        };
        let doc = html5ever::driver::parse_document(
            scraper::HtmlTreeSink::new(scraper::Html::new_document()),
            opts,
        )
        .one(html);
        let mut out = String::new();
        for edge in doc.tree.root().traverse() {
            let ego_tree::iter::Edge::Open(node) = edge else {
                out.push_str(")\n");
                continue;
            };
            match node.value() {
                Node::Element(e) => {
                    // a style counts for whether it hides the element (the walk reads
                    // nothing else in it; `strip_attrs` keeps some that do not hide)
                    let mut attrs: Vec<(String, String)> = e
                        .attrs()
                        .filter(|(k, v)| {
                            keep_attr(Some(e.name().as_bytes()), k.as_bytes(), v.as_bytes())
                        })
                        .filter(|(k, v)| *k != "style" || crate::html::style_hides(v))
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect();
                    attrs.sort();
                    out.push_str(&format!("<{:?} {} {attrs:?}", e.name.ns, e.name()));
                }
                Node::Text(t) => out.push_str(&format!("{:?}", &**t)),
                Node::Comment(c) => out.push_str(&format!("#{:?}", &**c)),
                other => out.push_str(&format!("{other:?}")),
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn stripped_pages_parse_to_the_same_tree() {
        for page in [
            "<html lang=en><head><title a=b>T &amp; <b>x</b></title><meta charset=utf-8>\
             <meta property=og:title content='A \"t\"'></head><body class=b onload=f()>\
             <table data-x=1><input type=hidden name=a><input type=text name=b><tr><td colspan=2>c\
             </table><div class='a b' data-y=\"x>y\" hidden>h</div><p style=\"color:red\" id=p>\
             <a href=\"/a?b=1&amp;c=2\" rel=nofollow>l</a><img src=x alt='>' /><br clear=all>\
             <textarea name=t><a href=x></textarea><font color=red size=2>f</font>\
             <svg viewBox='0 0 1 1' class=icon></svg><template shadowrootmode=open><p>s</p>\
             </template><div a=1 a=2 class=x class=y>dup</div><p =x y='1'z=2>odd</p></body>",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x>y\"><p a='>'>x</p>",
            "<div title=\"<!--\">a</div><p>b</p><!-- c --><div>d</div>",
            "<ul><li data-a=1>one<li data-b=2>two</ul><select name=s><option value=1>o</select>",
            "<p><b class=x data-n=1>a<b class=x data-n=2>b<b class=x data-n=3>c</p>d",
        ] {
            let stripped = strip_attrs(page);
            assert!(matches!(stripped, Cow::Owned(_)), "{page}");
            assert_eq!(tree(page), tree(&stripped), "{page}");
        }
    }

    /// Every benchmark page (scrapinghub, wcxb-dev) parses to the same tree (its read
    /// attributes) after the attributes go:
    /// `cargo test --release --lib -- --ignored same_trees_on_the_datasets`.
    #[test]
    #[ignore = "reads ../shared/datasets; slow in debug builds"]
    fn same_trees_on_the_datasets() {
        use std::io::Read;
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets");
        let mut n = 0;
        let mut bytes = (0, 0, 0);
        let dirs = [
            data.join("scrapinghub/html"),
            data.join("wcxb-dev/dev/html"),
        ];
        for e in dirs.iter().flat_map(|d| std::fs::read_dir(d).unwrap()) {
            let p = e.unwrap().path();
            let mut raw = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(&p).unwrap())
                .read_to_end(&mut raw)
                .unwrap();
            let page = crate::decode_bytes(&raw, None).unwrap();
            let limited = limit_to(&page, MAX_DEPTH);
            let stripped = strip_attrs(&limited);
            let (a, b) = (tree(&limited), tree(&stripped));
            if let Some((x, y)) = a.lines().zip(b.lines()).find(|(x, y)| x != y) {
                panic!("{}:\n{x}\n{y}", p.display());
            }
            assert_eq!(a.len(), b.len(), "{}", p.display());
            n += 1;
            bytes.0 += page.len();
            bytes.1 += limited.len();
            bytes.2 += stripped.len();
        }
        eprintln!(
            "{n} pages: {} bytes, {} after limit_to, {} after strip_attrs",
            bytes.0, bytes.1, bytes.2
        );
        assert!(n > 1000);
    }
}
