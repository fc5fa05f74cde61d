//! Blocks → output: plain text, markdown.
//!
//! Plain text: one paragraph per line group, groups separated by one blank line; the
//! items of one list form one group, one item per line, each with a `- ` (or `N. `)
//! marker. A block's own line breaks (HTML's `<br>`, a `<pre>`'s lines) are `\n` inside
//! its text and stay. Markdown: the same, headings as `## `, quotes as `> `.

use crate::block::{Block, Kind, Marker};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Plain,
    Markdown,
}

/// `text_input`: the blocks were read from text (see [`render`]'s plain text).
///
/// Plain text read from text: a kept line that the text front door would join to the
/// kept line before it, were they written one after the other (a line cut off inside a
/// sentence, the next going on in lowercase), is written on the same line, as cleaning
/// the output again would read it: in the input a removed line stood between them
/// ("…the transport committee\nAdvertisement\nmet again on Tuesday").
pub(crate) fn render(blocks: &[Block], format: Format, text_input: bool) -> String {
    let mut out = String::with_capacity(blocks.iter().map(|b| b.text.len() + 2).sum());
    let mut prev_list = false;
    let rejoin = text_input && format == Format::Plain;
    // the text of the paragraph written last (with the lines joined to it): `out`'s tail
    let mut para_start = 0;
    for b in blocks.iter().filter(|b| b.kept() && !b.text.is_empty()) {
        let list = b.kind == Kind::ListItem;
        if rejoin
            && !list
            && !prev_list
            && !out.is_empty()
            && crate::text::joins(&out[para_start..], &b.text)
        {
            out.push(' ');
            out.push_str(&b.text);
            continue;
        }
        if !out.is_empty() {
            out.push_str(if list && prev_list { "\n" } else { "\n\n" });
        }
        para_start = out.len();
        match (b.kind, format) {
            (Kind::Heading, Format::Markdown) => {
                let level = b.level.clamp(2, 6) as usize;
                out.extend(std::iter::repeat_n('#', level));
                out.push(' ');
            }
            (Kind::Quote, Format::Markdown) => out.push_str("> "),
            _ => {}
        }
        // text mode keeps an item's number inside its text, as written; HTML's ordered
        // lists carry it in the marker only
        if list {
            match b.marker {
                Marker::Number(n) if !b.text.starts_with(|c: char| c.is_ascii_digit()) => {
                    out.push_str(&n.to_string());
                    out.push_str(". ");
                }
                Marker::Number(_) => {}
                _ => out.push_str("- "),
            }
        }
        // a block's own line breaks (HTML's `<br>`, a `<pre>`'s lines) stay in plain text;
        // in markdown a quote's lines each carry `> `, an item's further lines are indented
        // to stay in the item, and a heading is one line
        match (b.kind, format) {
            (Kind::Quote, Format::Markdown) => push_lines(&mut out, &b.text, "\n> "),
            (Kind::ListItem, Format::Markdown) => push_lines(&mut out, &b.text, "\n  "),
            (Kind::Heading, Format::Markdown) => push_lines(&mut out, &b.text, " "),
            _ => out.push_str(&b.text),
        }
        prev_list = list;
    }
    out
}

/// Appends `text` with each of its line breaks replaced by `sep`.
fn push_lines(out: &mut String, text: &str, sep: &str) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(line);
    }
}
