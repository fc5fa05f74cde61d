//! The text front door: text already scraped from a page, one block per line.
//!
//! Each non-empty line becomes a [`Block`]. A leading bullet or number becomes the block's
//! [`Marker`] and makes it a list item; a short line that does not end like a sentence is
//! read as a heading once the features are known ([`classify`]).
//!
//! Markdown input (a text holding an inline link) is read as its markup by [`markdown`]:
//! headings, link text and its density, no images, emphasis or addresses.

use crate::block::{Block, Kind, Marker};

pub(crate) mod markdown;

/// Characters that start a bulleted line when followed by a space.
const SPACED_BULLETS: &[char] = &['-', '*', '+', '>', '–', '—', '~'];
/// Characters that start a bulleted line with or without a following space.
const SYMBOL_BULLETS: &[char] = &[
    '•', '·', '»', '›', '►', '▶', '▸', '▹', '→', '⇒', '➜', '➤', '➔', '▪', '▫', '■', '□', '◦', '○',
    '●', '◆', '◇', '♦', '✓', '✔', '☞', '⁃', '‣', '∙', '⦿', '◾', '◽', '★', '☆', '|',
];

fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF)
}

/// Splits a line into its marker and its text.
pub(crate) fn read_marker(line: &str) -> (Marker, &str) {
    let mut chars = line.char_indices();
    let Some((_, first)) = chars.next() else {
        return (Marker::None, line);
    };
    if first.is_ascii_alphabetic() {
        // most lines: no bullet, no number, and no need to search the bullet lists
        return (Marker::None, line);
    }
    let after_first = &line[first.len_utf8()..];
    // the only ASCII symbol bullet is `|`: an ASCII first char ("- ", a quote, a digit)
    // is not looked for in the list
    let symbol = if first.is_ascii() {
        first == '|'
    } else {
        // a circled or dingbat digit (❶, ②) is a number that counts as a word (Unicode
        // category No): it stays in the text, as a written number does
        (SYMBOL_BULLETS.contains(&first) || is_emoji(first)) && !first.is_alphanumeric()
    };
    if symbol {
        // a run of the same symbol (»» or ►►) counts once
        let rest = after_first.trim_start_matches(first).trim_start();
        if !rest.is_empty() {
            return (Marker::Bullet(first), rest);
        }
    }
    if SPACED_BULLETS.contains(&first) && after_first.starts_with([' ', '\t', '\u{a0}']) {
        let rest = after_first.trim_start();
        if !rest.is_empty() {
            return (Marker::Bullet(first), rest);
        }
    }
    if first.is_ascii_digit() {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        if digits <= 3 {
            let rest = &line[digits..];
            if let Some(r) = rest.strip_prefix(['.', ')']) {
                if r.starts_with(' ') {
                    let n = line[..digits].parse().unwrap_or(0);
                    let r = r.trim_start();
                    if !r.is_empty() {
                        return (Marker::Number(n), r);
                    }
                }
            }
        }
    }
    (Marker::None, line)
}

/// Collapses runs of whitespace (zero-width spaces included) to one space, and trims.
pub(crate) fn normalise_space(s: &str, out: &mut String) {
    out.clear();
    if is_clean(s.as_bytes()) {
        if out.capacity() < s.len() {
            // an exact allocation and a copy, without the growth path of `push_str`
            *out = s.to_owned();
        } else {
            out.push_str(s);
        }
        return;
    }
    normalise_unclean(s, out);
}

/// [`normalise_space`] for a line [`is_clean`] turned away, written to the empty `out`.
fn normalise_unclean(s: &str, out: &mut String) {
    let mut pending = false;
    // the run of white space holds a line break (a segment break, in CSS's words): a `\n`
    // only, which text mode never passes here (it splits lines there) and into which
    // html5ever turns every `\r` of HTML; a `\r` inside a line of text stays a space
    // (fuzzing found "这\r接" joined into one word)
    let mut segment_break = false;
    let mut prev = ' ';
    for c in s.chars() {
        // zero-width spaces separate words too (fuzzing found "A閉\u{200b}ll" read as one)
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            pending = !out.is_empty();
            segment_break |= c == '\n';
        } else {
            // a line break between two East Asian wide characters is no space: Chinese and
            // Japanese put none between words, so HTML source wrapped inside a sentence
            // would otherwise gain one (CSS Text 3, "segment break transformation rules")
            if pending && !(segment_break && is_wide_east_asian(prev) && is_wide_east_asian(c)) {
                out.push(' ');
            }
            pending = false;
            segment_break = false;
            prev = c;
            out.push(c);
        }
    }
}

/// East Asian wide and fullwidth characters, Hangul excepted (Korean puts spaces between
/// words): CJK ideographs, kana, CJK punctuation and fullwidth forms.
fn is_wide_east_asian(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x303E     // CJK radicals, Kangxi, CJK symbols and punctuation
        | 0x3041..=0x33FF   // kana, Bopomofo, CJK compatibility
        | 0x3400..=0x4DBF   // CJK extension A
        | 0x4E00..=0x9FFF   // CJK unified ideographs
        | 0xF900..=0xFAFF   // CJK compatibility ideographs
        | 0xFE30..=0xFE4F   // CJK compatibility forms
        | 0xFF01..=0xFF60   // fullwidth forms
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD // CJK extensions B and beyond
    )
}

/// Bytes that may start whitespace needing work: ASCII whitespace but the plain space, and
/// the lead bytes of the multi-byte spaces (U+0085/U+00A0, U+1680, U+2000–U+205F, U+3000,
/// U+FEFF).
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let special = [
        b'\t', b'\r', b'\n', 0x0b, 0x0c, 0xC2, 0xE1, 0xE2, 0xE3, 0xEF,
    ];
    let mut i = 0;
    while i < special.len() {
        t[special[i] as usize] = true;
        i += 1;
    }
    t
};

/// Whether a line needs no normalising: no leading, trailing or doubled space, no other
/// whitespace, no zero-width space. A scan eight bytes at a time (the word-at-a-time
/// zero-byte test of Mycroft, as in "Bit Twiddling Hacks", finds the spaces and the
/// control bytes); outside ASCII only the lead bytes of multi-byte chars are looked at one
/// by one, so most lines are copied as they are.
#[inline(always)]
fn is_clean(b: &[u8]) -> bool {
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let n = b.len();
    if n < 8 {
        if n >= 4 {
            // a short line ("Home", "Sports"): its first four bytes and its last four
            // (overlapping) in one word, every pair of neighbours in it. A clean word
            // answers; anything else (the join of the two halves may look like a doubled
            // space) goes to the test a byte at a time
            let half =
                |i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
            let x = half(0) | half(n - 4) << 32;
            let spaces = zero_bytes(x ^ (0x20 * LO));
            if spaces & (spaces >> 8) | (x.wrapping_sub(0x20 * LO) | x) & HI == 0 {
                return true;
            }
        }
        return clean_bytes(b, 0, n);
    }
    // the space lane of the byte before the chunk (see `clean_chunk`)
    let mut carry = 0u64;
    let mut i = 0;
    // sixteen bytes a step, both chunks' tests gathered into one branch; a step that
    // flags anything runs `clean_chunk` on its two halves, as an eight-byte step would
    while i + 16 <= n {
        let x0 = load8(b, i);
        let x1 = load8(b, i + 8);
        let s0 = zero_bytes(x0 ^ (0x20 * LO));
        let s1 = zero_bytes(x1 ^ (0x20 * LO));
        let doubled = s0 & (s0 >> 8 | carry) | s1 & (s1 >> 8 | s0 >> 56);
        let odd = (x0.wrapping_sub(0x20 * LO) | x0 | x1.wrapping_sub(0x20 * LO) | x1) & HI;
        if doubled | odd == 0 {
            carry = s1 >> 56;
        } else if !clean_chunk(b, i, x0, &mut carry) || !clean_chunk(b, i + 8, x1, &mut carry) {
            return false;
        }
        i += 16;
    }
    if i + 8 <= n {
        if !clean_chunk(b, i, load8(b, i), &mut carry) {
            return false;
        }
        i += 8;
    }
    let rest = n - i;
    if rest > 0 {
        // a line's tail: its last eight bytes, shifted down past the ones already seen,
        // the top filled up with letters (no loop over the tail's bytes, whose length a
        // branch predictor cannot know)
        let seen = 8 * (8 - rest) as u32;
        let last = u64::from_le_bytes(b[b.len() - 8..].try_into().unwrap_or([0; 8]));
        let x = last >> seen | (u64::from(b'a') * LO) << (64 - seen);
        return clean_chunk(b, i, x, &mut carry);
    }
    true
}

/// The eight bytes of `b` from `i` on, as one little-endian word.
#[inline(always)]
fn load8(b: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or([0; 8]))
}

/// One lane per byte: the lowest bits, the highest bits.
const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is zero.
#[inline(always)]
fn zero_bytes(x: u64) -> u64 {
    !(((x & !HI) + !HI) | x) & HI
}

/// [`is_clean`]'s test of the eight bytes `x` of the line from `i` on; `carry` holds the
/// high bit of the lowest lane when the byte before them is a space, and gets the same
/// for the chunk's last byte. Most chunks (printable ASCII, no doubled space) take one
/// branch: the doubled spaces and the bytes needing a closer look are gathered in one word
/// first.
#[inline(always)]
fn clean_chunk(b: &[u8], i: usize, x: u64, carry: &mut u64) -> bool {
    let spaces = zero_bytes(x ^ (0x20 * LO));
    // a space whose next byte is one (the lane above, or this chunk's first for the
    // byte before it)
    let doubled = spaces & (spaces >> 8 | *carry);
    *carry = spaces >> 56;
    // a byte below 0x20 borrows into its top bit, a byte from 0x80 has it set (a borrow
    // may flag a clean byte too: it only sends the chunk to the full test below)
    let odd = (x.wrapping_sub(0x20 * LO) | x) & HI;
    if doubled | odd == 0 {
        return true;
    }
    if doubled != 0 {
        return false;
    }
    // bytes below 0x20: their top three bits are clear
    if zero_bytes(x & (0xE0 * LO)) != 0 {
        return clean_bytes(b, i, b.len().min(i + 8));
    }
    // lead bytes of multi-byte chars: the top two bits set
    let mut lead = x & (x << 1) & HI;
    while lead != 0 {
        let at = i + (lead.trailing_zeros() / 8) as usize;
        if SPECIAL[b[at] as usize] && wide_space_at(b, at) {
            return false;
        }
        lead &= lead - 1;
    }
    true
}

/// [`is_clean`]'s test for the bytes from `from` to `to`, one at a time (a space or a
/// multi-byte space may look at the bytes after `to`).
fn clean_bytes(b: &[u8], from: usize, to: usize) -> bool {
    for i in from..to {
        let c = b[i];
        if c == b' ' {
            if b.get(i + 1) == Some(&b' ') {
                return false;
            }
        } else if SPECIAL[c as usize] && wide_space_at(b, i) {
            return false;
        }
    }
    true
}

/// Whether the [`SPECIAL`] byte at `i` starts whitespace needing work (a control byte that
/// is whitespace, or a multi-byte space).
#[inline]
fn wide_space_at(b: &[u8], i: usize) -> bool {
    let (n1, n2) = (b.get(i + 1).copied(), b.get(i + 2).copied());
    match b[i] {
        0xC2 => matches!(n1, Some(0x85 | 0xA0)),
        0xE1 => n1 == Some(0x9A) && n2 == Some(0x80),
        0xE2 => matches!(
            (n1, n2),
            (Some(0x80), Some(0x80..=0x8B | 0xA8 | 0xA9 | 0xAF)) | (Some(0x81), Some(0x9F))
        ),
        0xE3 => n1 == Some(0x80) && n2 == Some(0x80),
        0xEF => n1 == Some(0xBB) && n2 == Some(0xBF),
        _ => true,
    }
}

/// Reads scraped text into blocks, one per non-empty line, at most `max_blocks`. A
/// hard-wrapped paragraph (a line cut off inside a sentence, the next line going on in
/// lowercase) is joined back into one block.
/// Returns the blocks and whether the limit cut the input short.
pub fn blocks(text: &str, max_blocks: usize) -> (Vec<Block>, bool) {
    // markdown's syntax is read only where the text shows it (see `markdown`)
    if markdown::is_markdown(text) {
        return markdown_blocks(text, max_blocks);
    }
    // one block per line at most: the vector is never moved to grow
    let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
    let mut out: Vec<Block> = Vec::with_capacity(lines.min(max_blocks));
    let mut buf = String::new();
    // whether the previous non-empty line was an unmarked line (blank lines do not count:
    // many scrapers put one after every line)
    let mut open = false;
    for line in lines_of(text) {
        // most lines need no normalising: they are read where they stand, and the block's
        // text is one exact copy of its part of the line (a bulleted line's text is not
        // first copied whole into a buffer)
        let line = normalised(line, &mut buf);
        if line.is_empty() {
            continue;
        }
        // a line starting with an ASCII letter carries no marker (`read_marker`'s first
        // test), answered here without the call: most lines
        let (marker, rest) = if line.as_bytes()[0].is_ascii_alphabetic() {
            (Marker::None, line)
        } else {
            read_marker(line)
        };
        if open && marker == Marker::None && continues(line) {
            if let Some(prev) = out.last_mut().filter(|p| breaks_off(&p.text)) {
                prev.text.push(' ');
                prev.text.push_str(line);
                continue;
            }
        }
        open = marker == Marker::None;
        if out.len() >= max_blocks {
            return (out, true);
        }
        let (kind, text) = match marker {
            Marker::None => (Kind::Paragraph, line.to_owned()),
            // a number stays in the text as written ("01.", "2)"): it is the author's
            Marker::Number(_) => (Kind::ListItem, line.to_owned()),
            Marker::Bullet(_) => (Kind::ListItem, rest.to_owned()),
        };
        let mut b = Block::new(text, kind);
        b.marker = marker;
        out.push(b);
    }
    (out, false)
}

/// `line` as the text front doors read it: as it stands when it is clean (most lines: the
/// block's text is then one exact copy of its part of the line), else normalised into
/// `buf`.
#[inline(always)]
fn normalised<'a>(line: &'a str, buf: &'a mut String) -> &'a str {
    if is_clean(line.as_bytes()) {
        return line;
    }
    buf.clear();
    normalise_unclean(line, buf);
    buf.as_str()
}

/// [`blocks`] for a markdown text: a paragraph is its lines up to a blank line or a
/// line that starts another block (a heading, a list item, a rule), as markdown reads
/// them, so a link or a sentence wrapped by the converter (html2text wraps at 78
/// columns) is read whole (but a line starting in uppercase after a sentence end starts
/// a block). Where the text puts no blank lines between its blocks (one block per line,
/// as page dumps do) each line is a block, joined as plain text joins them (a line cut
/// off inside a sentence, the next going on in lowercase): wcxb-dev 4523, a dump without
/// a blank line holding a few links, lost 0.15 of its word F1 with its lines joined
/// whenever the first did not end a sentence. Linear: each line is copied once into the
/// paragraph it belongs to.
fn markdown_blocks(text: &str, max_blocks: usize) -> (Vec<Block>, bool) {
    let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
    // blank lines between blocks: at least one per this many lines
    let blank_lines = lines_of(text).filter(|l| l.trim().is_empty()).count();
    let paragraphs = blank_lines * MD_LINES_PER_BLANK >= lines;
    let mut out: Vec<Block> = Vec::with_capacity(lines.min(max_blocks));
    let mut buf = String::new();
    let mut md_buf = String::new();
    // the lines of the paragraph or list item being read, raw
    let mut pending = String::new();
    // whether the previous non-empty line was an unmarked paragraph's
    let mut open = false;
    // whether a blank line (or a line that is no block) came since the last block line
    let mut gap = true;
    for line in lines_of(text) {
        let line = normalised(line, &mut buf);
        if line.is_empty() {
            gap = true;
            continue;
        }
        if out.is_empty() && pending.is_empty() && jina_header(line) {
            continue;
        }
        let kind = markdown::line(line);
        if let markdown::Line::Text(t) = kind {
            if paragraphs
                && !gap
                && !pending.is_empty()
                && read_marker(t).0 == Marker::None
                && (continues(t) || !ends_block(&pending))
            {
                pending.push(' ');
                pending.push_str(t);
                continue;
            }
            // a quotation's lines (`> `) are one paragraph of it, as markdown reads them
            if !gap && pending.starts_with("> ") && t.starts_with("> ") {
                pending.push_str(&t[1..]);
                continue;
            }
        }
        let was_gap = std::mem::replace(&mut gap, false);
        if !pending.is_empty() && flush(&mut pending, &mut out, &mut open, &mut md_buf, max_blocks)
        {
            return (out, true);
        }
        match kind {
            markdown::Line::Text(t) => pending.push_str(t),
            markdown::Line::Heading(..) | markdown::Line::Row(_) => {
                if flush_line(line, &mut out, &mut open, &mut md_buf, max_blocks) {
                    return (out, true);
                }
                gap = true;
            }
            markdown::Line::Underline(level) => {
                // the paragraph right above is a heading of that level
                if let Some(prev) = out
                    .last_mut()
                    .filter(|p| !was_gap && p.kind == Kind::Paragraph && p.marker == Marker::None)
                {
                    prev.kind = Kind::Heading;
                    prev.level = level;
                    open = false;
                }
                gap = true;
            }
            markdown::Line::Skip => gap = true,
        }
    }
    if !pending.is_empty() && flush(&mut pending, &mut out, &mut open, &mut md_buf, max_blocks) {
        return (out, true);
    }
    (out, false)
}

/// A markdown text whose blank lines are at least one per this many lines separates its
/// blocks by blank lines (converters write one between blocks; html2text's wrapped
/// paragraphs run to a few lines): its other line breaks are inside a paragraph.
const MD_LINES_PER_BLANK: usize = 8;

/// Whether a paragraph's text ends like a block: a sentence end or a colon (a line
/// starting in uppercase after it starts a block of its own in a text without blank
/// lines between them).
fn ends_block(text: &str) -> bool {
    text.ends_with(['.', '!', '?', ':', '…', '。', '！', '？', '"', '”', '»'])
}

/// Reads the lines gathered in `pending` as one block (see [`flush_line`]) and empties it.
/// Returns whether the block limit was reached.
fn flush(
    pending: &mut String,
    out: &mut Vec<Block>,
    open: &mut bool,
    buf: &mut String,
    max_blocks: usize,
) -> bool {
    let full = flush_line(pending, out, open, buf, max_blocks);
    pending.clear();
    full
}

/// Reads one markdown block's text (`markdown_block`) and adds it to `out`, joined to the
/// paragraph before it when plain text would join them (a line cut off inside a
/// sentence, the next going on in lowercase, only blank lines between). Returns whether
/// the block limit was reached.
fn flush_line(
    text: &str,
    out: &mut Vec<Block>,
    open: &mut bool,
    buf: &mut String,
    max_blocks: usize,
) -> bool {
    let MdLine::Block(b) = markdown_block(text, buf) else {
        return false;
    };
    if b.kind == Kind::Paragraph && *open && continues(&b.text) {
        if let Some(prev) = out.last_mut().filter(|p| breaks_off(&p.text)) {
            join_link_density(prev, &b);
            prev.text.push(' ');
            prev.text.push_str(&b.text);
            return false;
        }
    }
    *open = b.kind == Kind::Paragraph && b.marker == Marker::None;
    if out.len() >= max_blocks {
        return true;
    }
    out.push(b);
    false
}

/// A line of the header Jina Reader writes above a page's markdown ("Title: …", "URL
/// Source: …", "Published Time: …", "Markdown Content:"): the page's metadata, not its
/// text. Looked for only before the first block.
fn jina_header(line: &str) -> bool {
    [
        "Title: ",
        "URL Source: ",
        "Published Time: ",
        "Markdown Content:",
    ]
    .iter()
    .any(|p| line.starts_with(p))
}

/// One non-empty line of a markdown text, read.
enum MdLine {
    /// No text (a rule, a table's separator row, a reference definition, an image).
    Skip,
    /// A block, its link density known.
    Block(Block),
}

/// Reads one normalised line of a markdown text into a block: an ATX heading is a heading
/// of its level, a bullet or a number makes a list item as in plain text, and the inline
/// syntax is read (`markdown::inline`): the text is the line's words, the link text's
/// share of it the block's link density. `buf` is scratch.
fn markdown_block(line: &str, buf: &mut String) -> MdLine {
    let (kind, level, marker, rest) = match markdown::line(line) {
        // (an underline never reaches here: `markdown_blocks` reads it)
        markdown::Line::Skip | markdown::Line::Underline(_) => return MdLine::Skip,
        markdown::Line::Heading(level, text) => (Kind::Heading, level, Marker::None, text),
        // a row's cells, separated by a space, a block of kind `Other` as HTML's table
        // row: its pipes are no breadcrumb, and a row without numbers is no heading
        // (wcxb-dev 4258's comparison table: word recall 0.975 -> 0.954 read as headings)
        markdown::Line::Row(cells) => {
            buf.clear();
            let links = markdown::inline(cells, buf);
            let mut text = String::with_capacity(buf.len());
            normalise_unclean(&buf.replace('|', " "), &mut text);
            if text.is_empty() {
                return MdLine::Skip;
            }
            let mut b = Block::new(text, Kind::Other);
            b.link_density = Some(links.min(b.text.len()) as f32 / b.text.len() as f32);
            return MdLine::Block(b);
        }
        markdown::Line::Text(text) => {
            let (marker, rest) = read_marker(text);
            let kind = match marker {
                // a `> ` line is a quotation, as HTML's `<blockquote>` (never a list of
                // other stories: `related-links` leaves quotes alone)
                Marker::Bullet('>') => {
                    let rest = rest.trim_start_matches(['>', ' ']);
                    return markdown_text(rest, Kind::Quote, 0, Marker::None, buf);
                }
                Marker::None => Kind::Paragraph,
                _ => Kind::ListItem,
            };
            // a number stays in the text as written
            let rest = if matches!(marker, Marker::Number(_)) {
                text
            } else {
                rest
            };
            (kind, 0, marker, rest)
        }
    };
    markdown_text(rest, kind, level, marker, buf)
}

/// The block of a markdown line's text `rest` once its block syntax is read (see
/// [`markdown_block`]).
fn markdown_text(rest: &str, kind: Kind, level: u8, marker: Marker, buf: &mut String) -> MdLine {
    buf.clear();
    let mut links = markdown::inline(rest, buf);
    let mut text = String::with_capacity(buf.len());
    if is_clean(buf.as_bytes()) {
        text.push_str(buf);
    } else {
        // an image gone from between two words leaves two spaces; the link bytes are
        // counted again on the normalised text only roughly: they never exceed it
        normalise_unclean(buf, &mut text);
        links = links.min(text.len());
    }
    // a list item or a number whose text was all an image ("* ![](x.png)", "1. ![](…)")
    let words = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')');
    if text.is_empty() || words.is_empty() {
        return MdLine::Skip;
    }
    let mut b = Block::new(text, kind);
    b.level = level;
    b.marker = marker;
    b.link_density = Some(links as f32 / b.text.len() as f32);
    MdLine::Block(b)
}

/// Sets `prev`'s link density to that of `prev` and `next` written as one block.
fn join_link_density(prev: &mut Block, next: &Block) {
    let (a, b) = (prev.text.len() as f32, next.text.len() as f32);
    let links = prev.link_density.unwrap_or(0.0) * a + next.link_density.unwrap_or(0.0) * b;
    prev.link_density = Some(links / (a + b + 1.0));
}

/// Whether [`blocks`] joins `line` to the block `prev` read before it (a hard-wrapped
/// paragraph: `prev` breaks off, `line` goes on in lowercase, unmarked), when they stand
/// one after the other with only blank lines between.
pub(crate) fn joins(prev: &str, line: &str) -> bool {
    // `continues` first: most lines start in uppercase, and `breaks_off` counts the words
    // of the whole paragraph. A line starting with a lowercase letter carries no marker,
    // but the test stays, in case a bullet is ever made of one
    continues(line) && read_marker(line).0 == Marker::None && breaks_off(prev)
}

/// The lines of `text`, as [`str::lines`] splits them (at `\n` or `\r\n`; a last line
/// ending without one), found with `memchr`'s vector search.
fn lines_of(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let line = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => {
                let line = &rest[..i];
                rest = &rest[i + 1..];
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => std::mem::take(&mut rest),
        };
        Some(line)
    })
}

/// A line that hard wrapping cut off inside a sentence: long enough to be part of a
/// paragraph (menus and labels are shorter) and ending on a word or a comma, not on a
/// sentence end or a colon.
fn breaks_off(text: &str) -> bool {
    let Some(last) = text.chars().next_back() else {
        return false;
    };
    (last.is_alphanumeric() || last == ',')
        && text.len() >= WRAPPED_MIN_BYTES
        && text.bytes().filter(|&b| b == b' ').count() + 1 >= WRAPPED_MIN_WORDS
        && !ends_on_address(text)
}

/// Whether a line ends on a web address ("… campaign. pic.twitter.com/3BDnrvkoms", an
/// embedded post's link): the end of what it quotes, not a sentence cut off by wrapping,
/// so the lowercase line after it (the next post's text) stays a block of its own.
fn ends_on_address(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or(text);
    last.contains('/') && last.contains('.')
}

/// A line that goes on with a sentence begun above: it starts with a lowercase word of
/// two letters or more (a lone `o` or `x` starts a list item in some text dumps), and is
/// no web address on a line of its own ("www.example.com" under a paragraph).
fn continues(line: &str) -> bool {
    let mut chars = line.chars();
    chars.next().is_some_and(char::is_lowercase)
        && chars.next().is_some_and(char::is_alphabetic)
        && !bare_url(line)
}

/// A hard-wrapped line has at least this many words…
const WRAPPED_MIN_WORDS: usize = 6;
/// …and this many bytes.
const WRAPPED_MIN_BYTES: usize = 30;

/// Most words a line may have to be read as a heading.
/// Set on injected-dev: the article's own section headings there have at most 16 words.
const HEADING_MAX_WORDS: u32 = 20;

/// Once features are known: unmarked lines shaped like headings become [`Kind::Heading`].
/// Consecutive lines each holding a number, at least this many of them, are a table's rows…
pub(crate) const TABLE_MIN_ROWS: usize = 3;
/// …when each has at most this many words.
const TABLE_ROW_MAX_WORDS: u32 = 25;

/// For each block: whether it is a row of a table written as lines (tour dates, a
/// schedule, standings, results): one of at least [`TABLE_MIN_ROWS`] consecutive short
/// paragraph lines each holding a number. Rows are the text's data, not its headings
/// (in HTML they are `<tr>` lines, never headings). Measured: injected-dev default recall
/// 0.951 -> 0.965, wcxb-dev article dumps 0.888 -> 0.889. Linear.
fn table_rows(blocks: &[Block]) -> Vec<bool> {
    let mut rows = vec![false; blocks.len()];
    // every block, in order (no list of their indices)
    mark_rows(blocks, blocks.len(), |n| n, &mut rows);
    rows
}

/// A line that may be a row of a table written as lines (see [`table_rows`]).
pub(crate) fn row(b: &Block) -> bool {
    matches!(b.kind, Kind::Paragraph | Kind::Heading)
        && b.marker == crate::block::Marker::None
        && b.features.numbers >= 1
        && (1..=TABLE_ROW_MAX_WORDS).contains(&b.features.words)
}

/// Marks in `rows` the members of an order of `len` blocks (`at(n)`: the index of its
/// `n`th, increasing) that stand in a run of at least [`TABLE_MIN_ROWS`] consecutive
/// [`row`] lines of the order. Linear.
fn mark_rows(blocks: &[Block], len: usize, at: impl Fn(usize) -> usize, rows: &mut [bool]) {
    let mut start = 0;
    for n in 0..=len {
        if n < len && row(&blocks[at(n)]) {
            continue;
        }
        if n - start >= TABLE_MIN_ROWS {
            for m in start..n {
                rows[at(m)] = true;
            }
        }
        start = n + 1;
    }
}

/// A line ending with a colon with at least this many words…
const INTRO_MIN_WORDS: u32 = 6;
/// …and this share of stopwords introduces a list: it is not a heading. Measured (4–8
/// words, 0.2–0.4 share: all within 0.001): injected-dev recall with headings kept 0.985 ->
/// 0.986, wcxb-dev article dumps word F1 0.885 -> 0.887.
const INTRO_STOP_RATIO: f32 = 0.3;

pub(crate) fn classify(blocks: &mut [Block]) {
    let rows = table_rows(blocks);
    for (b, row) in blocks.iter_mut().zip(rows) {
        if b.kind != Kind::Paragraph || row {
            continue;
        }
        if heading_shaped(b) {
            b.kind = Kind::Heading;
        }
    }
}

/// Whether an unmarked line reads as a heading: a lone short question, or a short line
/// without a sentence end (but a colon line reading like language, which introduces what
/// follows).
fn heading_shaped(b: &Block) -> bool {
    let f = &b.features;
    // (a bare web address, never a heading, is looked for last: in the few lines shaped
    // like one)
    // a lone short question line is a heading ("Que faire ?", SEO headings)
    let question = f.sentences <= 1
        && f.words <= HEADING_MAX_WORDS
        && crate::features::trimmed_ends_with(&b.text, b'?', '？')
        && !b.is_prose();
    if question {
        return !bare_url(&b.text);
    }
    // a line ending with a colon that reads like language (function words) is a
    // sentence introducing what follows ("Here are the key reasons, including:"), not
    // a heading; a label ("Features:", "Ingredients:") has none
    let intro = f.ends_colon
        && f.words >= INTRO_MIN_WORDS
        && f.stopwords as f32 >= INTRO_STOP_RATIO * f.words as f32;
    f.words >= 1
        && !intro
        && f.words <= HEADING_MAX_WORDS
        && !f.ends_sentence
        && f.sentences == 0
        // a char is at least one byte: most lines need no count
        && (b.text.len() <= 200 || b.text.chars().count() <= 200)
        && !bare_url(&b.text)
}

/// A line that is one web address and nothing else ("http://amzn.to/2hWw372", a shop
/// link under each product of a roundup): the text's own, never a title. Measured on the
/// scrapinghub dumps: 29 of their 42 such lines are in the articles' text.
fn bare_url(text: &str) -> bool {
    let lower = |p: &str| {
        text.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    (lower("http://") || lower("https://") || lower("www."))
        && text.len() > 8
        && !text.contains(char::is_whitespace)
}

/// Once the rules before the headings have judged the lines: a line [`classify`] read as a
/// table's row that no longer stands among [`TABLE_MIN_ROWS`] kept rows (the others were
/// dates, a share bar's counts, another story's headlines, and went) is read again for
/// its own shape, as cleaning the output a second time would read it: a heading when
/// shaped like one. Linear.
pub(crate) fn reclassify_lone_rows(blocks: &mut [Block]) {
    let kept: Vec<usize> = (0..blocks.len()).filter(|&i| blocks[i].kept()).collect();
    let mut rows = vec![false; blocks.len()];
    mark_rows(blocks, kept.len(), |n| kept[n], &mut rows);
    for &i in &kept {
        let b = &mut blocks[i];
        if b.kind == Kind::Paragraph && row(b) && !rows[i] && heading_shaped(b) {
            b.kind = Kind::Heading;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_break_between_east_asian_wide_characters_is_no_space() {
        let mut out = String::new();
        normalise_space("共同承担。他说\n  施工期间", &mut out);
        assert_eq!(out, "共同承担。他说施工期间");
        normalise_space("東京の\r\n天気", &mut out);
        assert_eq!(out, "東京の天気");
        normalise_space("点击这\r接受", &mut out);
        assert_eq!(out, "点击这 接受");
        // a space typed between them stays; so does a break next to Latin or Hangul
        normalise_space("他说 施工", &mut out);
        assert_eq!(out, "他说 施工");
        normalise_space("iPhone\n发布", &mut out);
        assert_eq!(out, "iPhone 发布");
        normalise_space("서울의\n날씨", &mut out);
        assert_eq!(out, "서울의 날씨");
    }

    #[test]
    fn markers() {
        assert_eq!(read_marker("- item"), (Marker::Bullet('-'), "item"));
        assert_eq!(read_marker("•item"), (Marker::Bullet('•'), "item"));
        assert_eq!(read_marker("►► two"), (Marker::Bullet('►'), "two"));
        assert_eq!(read_marker("12. twelve"), (Marker::Number(12), "twelve"));
        assert_eq!(
            read_marker("2019 was a year"),
            (Marker::None, "2019 was a year")
        );
        assert_eq!(read_marker("-5 degrees"), (Marker::None, "-5 degrees"));
        assert_eq!(read_marker("📌 Pinned"), (Marker::Bullet('📌'), "Pinned"));
        assert_eq!(read_marker("|item"), (Marker::Bullet('|'), "item"));
        // a dingbat digit is a word of the text, not a bullet (a proptest-found case)
        assert_eq!(read_marker("❶À"), (Marker::None, "❶À"));
        assert_eq!(read_marker("② two"), (Marker::None, "② two"));
        // read_marker's shortcut for ASCII first chars
        assert!(SYMBOL_BULLETS.iter().all(|&c| !c.is_ascii() || c == '|'));
    }

    #[test]
    fn spaces_are_normalised() {
        let mut out = String::new();
        for (input, want) in [
            ("a b", "a b"),
            ("  a   b ", "a b"),
            ("a\u{a0}b\u{2003}c", "a b c"),
            ("a\u{200b}b", "a b"),
            ("l’été — oui", "l’été — oui"),
            ("\n  a\tb\r\n\x0cc  ", "a b c"),
            ("a\x0bb \x1c", "a b \x1c"),
        ] {
            normalise_space(input, &mut out);
            assert_eq!(out, want);
        }
        // ASCII control characters: the whitespace of `char::is_whitespace` only
        let bits = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1f", "a", "bc"];
        for a in bits {
            for b in bits {
                for c in bits {
                    let s = [a, b, c, b, a].concat();
                    let mut want = String::new();
                    for w in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
                        if !want.is_empty() {
                            want.push(' ');
                        }
                        want.push_str(w);
                    }
                    normalise_space(&s, &mut out);
                    assert_eq!(out, want, "{s:?}");
                }
            }
        }
    }

    #[test]
    fn word_scan_agrees_with_the_byte_scan() {
        let alphabet = [
            " ", "  ", "a", "bc", "def", "\t", "é", "\u{a0}", "\u{200b}", "\u{2003}", "x.",
            "\u{1}", "東", "a", "b ", "c", "d ",
        ];
        for s in [
            "abcdefg  hij",
            "abcdefgh  ij",
            "abcdefghijklmno  p",
            "abcdefg hijklmn",
            "abcdefg  éabcdefgh",
            "abcdefg  \tbcdefgh",
        ] {
            assert_eq!(is_clean(s.as_bytes()), !s.contains("  "), "{s:?}");
        }
        // a small deterministic generator: every mix of lengths and neighbours
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let mut s = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 40) as usize;
            let mut r = seed;
            for _ in 0..n {
                s.push_str(alphabet[(r % alphabet.len() as u64) as usize]);
                r = r.rotate_right(5) ^ (r >> 3);
            }
            let b = s.as_bytes();
            let bytewise =
                b.first() != Some(&b' ') && b.last() != Some(&b' ') && clean_bytes(b, 0, b.len());
            assert_eq!(is_clean(b), bytewise, "{s:?}");
        }
    }

    #[test]
    fn lines_split_as_str_lines_splits_them() {
        for text in [
            "",
            "a",
            "a\n",
            "a\r\nb",
            "\n\nb\r",
            "a\rb\n\r\n",
            "x\ny\r\n",
        ] {
            let ours: Vec<&str> = lines_of(text).collect();
            let std: Vec<&str> = text.lines().collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn lines_become_blocks() {
        let (b, cut) = blocks("  One  line \n\n- two\n", 10);
        assert!(!cut);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].text, "One line");
        assert_eq!(b[1].kind, Kind::ListItem);
        let (b, cut) = blocks("a\nb\nc", 2);
        assert!(cut);
        assert_eq!(b.len(), 2);
    }

    #[test]
    fn markdown_is_read_as_markup() {
        let texts = |t: &str| -> Vec<(Kind, u8, String, f32)> {
            blocks(t, 100)
                .0
                .into_iter()
                .map(|b| (b.kind, b.level, b.text, b.link_density.unwrap_or(-1.0)))
                .collect()
        };
        // a wrapped paragraph and a link wrapped inside its title are read whole; a
        // setext title, an image and a rule are no text of their own
        let got = texts(
            "Title of the page\n=================\n\n![a photo](https://x.org/p.jpg)\n\n\
             The study was published by researchers at the\nSwiss institute in [Zurich](https://x.org/z\n\
             \"Zurich\") on Thursday.\n\n---\n\n* [Other story](https://x.org/o)\n",
        );
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!((got[0].0, got[0].1), (Kind::Heading, 1));
        assert_eq!(
            got[1].2,
            "The study was published by researchers at the Swiss institute in Zurich on Thursday."
        );
        assert!(got[1].3 > 0.0 && got[1].3 < 0.1);
        assert_eq!(
            (got[2].0, got[2].2.as_str(), got[2].3),
            (Kind::ListItem, "Other story", 1.0)
        );
        // without blank lines between blocks, a line after a sentence end starts a block
        // of its own, as in plain text
        let got = texts("## A heading\nOne sentence [here](https://x.org/h).\nAnother one.\n");
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            (got[0].0, got[0].1, got[0].2.as_str()),
            (Kind::Heading, 2, "A heading")
        );
        // a quotation's lines are one quote block, without their `>`
        let got = texts("Intro with a [link](https://x.org/i).\n\n> One line.\n> Two.\n");
        assert_eq!(
            (got[1].0, got[1].2.as_str()),
            (Kind::Quote, "One line. Two.")
        );
        // plain text keeps its brackets and marks no link density
        let got = texts("He said [sic] (see above).\n# not a heading in plain text\n");
        assert_eq!(got[0].2, "He said [sic] (see above).");
        assert_eq!((got[1].0, got[1].3), (Kind::Paragraph, -1.0));
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let text = "The council voted on Tuesday to extend the\ntram line into the new district.\n\
                    A list label that ends without a stop\n- but a list item is a break\n\
                    Gardens and flowers of the season list\no Roses\n- tulips in bloom";
        let (b, _) = blocks(text, 100);
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The council voted on Tuesday to extend the tram line into the new district.",
                "A list label that ends without a stop",
                "but a list item is a break",
                "Gardens and flowers of the season list",
                "o Roses",
                "tulips in bloom",
            ]
        );
        // a line ending on a web address is cut off inside no sentence
        let (b, _) = blocks(
            "It seems the other campaigns are just as bad. pic.twitter.com/3BDnrvkoms
on. meth. dot. com.
",
            100,
        );
        assert_eq!(b.len(), 2);
        // a web address on a line of its own goes on with no sentence
        let (b, _) = blocks(
            "Tickets for the show are sold at the theatre and on its site
www.theatre.example
",
            100,
        );
        assert_eq!(b.len(), 2);
    }
}
