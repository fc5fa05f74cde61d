//! Boilerplate lines: advertisement labels, interface controls, share / follow / subscribe / newsletter /
//! cookie prompts, reading-time and date lines, photo credits, breadcrumbs.
//!
//! Two kinds of evidence: the lexicon (whole-line phrases in many languages, and credit
//! prefixes) for what only words can tell, and line shape for the rest (a short line made
//! mostly of numbers is a date, time or counter; short parts joined by `›`, `>` or `|` are
//! a breadcrumb).

use super::phrases::Class;
use super::{Ctx, Rule};
use crate::block::{Block, Kind, Marker, Reason};
use crate::features::{content_of, tokens};

/// Removes boilerplate lines.
pub struct Boilerplate;

/// Lines longer than this are never boilerplate (a long prompt is the longest kind).
const MAX_WORDS: usize = 40;
/// Lines longer than this are only boilerplate when they start with a long prompt phrase.
const SHORT_LINE_WORDS: usize = 14;
/// A credit line ("Photo: …") has at most this many words (as many as any short line).
const CREDIT_MAX_WORDS: u32 = SHORT_LINE_WORDS as u32;
/// A line that starts with a multi-word boilerplate phrase may carry this many more words
/// ("Share this article on Facebook").
const PREFIX_SLACK: usize = 4;
/// A line that starts with a one-word boilerplate phrase may carry this many more words.
const SHORT_PREFIX_SLACK: usize = 2;
/// A line that starts with a boilerplate phrase of this many words is a prompt even when
/// it reads as a sentence ("We use cookies to…", "Subscribe to our newsletter to…")…
const PROMPT_MIN_PHRASE: usize = 3;

/// HTML: a follow or share prompt (its links all to social networks) has at most this
/// many words.
const FOLLOW_MAX_WORDS: u32 = 20;
/// …and at most this share of its text in links: the prompt's own words ask ("Síguenos
/// en", "Подписывайтесь на наш"); a line that is only a link is a channel's or a
/// profile's name (a list of resources, a byline).
const FOLLOW_MAX_LINKS: f32 = 0.5;

impl Rule for Boilerplate {
    fn name(&self) -> &'static str {
        "boilerplate"
    }
    fn doc(&self) -> &'static str {
        "advertisement labels, share/follow/subscribe/cookie prompts, dates, credits, breadcrumbs"
    }
    fn needs_topic(&self) -> bool {
        false
    }
    fn apply(&self, blocks: &mut [Block], ctx: &Ctx<'_>) {
        // extracted article text (no page chrome around it) and HTML: lines that are
        // boilerplate only by their numbers wait for the article's vocabulary (a spec
        // list's "Class size: 352", a ranking's "4. Milwaukee, WI 68.6" stay; a date or a
        // counter naming nothing the prose names goes). In a page dump they stay
        // boilerplate: the text region rule weighs them as such (a spec sheet kept as
        // plain short lines would split the article). In HTML the vocabulary is the
        // region's prose (the front door's region is applied before the rules). Measured
        // on wcxb-dev: all 0.8275 -> 0.8283, headings kept 0.8471 -> 0.8480, leak
        // 0.0287 -> 0.0285;
        // scrapinghub 0.965 -> 0.966 (0.971 -> 0.972 headings kept).
        let defer = ctx.html || !ctx.page_chrome;
        let dump = !ctx.html && ctx.page_chrome;
        let mut numeric: Vec<usize> = Vec::new();
        for (i, b) in blocks.iter_mut().enumerate().filter(|(_, b)| b.kept()) {
            if b.features.words == 0 {
                if !b.text.is_empty() {
                    // only symbols or punctuation: nothing an article says
                    b.drop_for(Reason::Boilerplate);
                }
                continue;
            }
            // a page dump's copyright notice ("© 2025 Kroll, LLC. All rights reserved.
            // Kroll is not affiliated with…"): the sign and a year say it in every
            // language, however long the legal line after them runs. Not in extracted
            // article text, whose wire stories end on their agency's notice.
            if dump && b.features.words as usize <= MAX_WORDS && is_copyright(&b.text) {
                b.drop_for(Reason::Boilerplate);
                continue;
            }
            // HTML: a short block whose links all point to social networks' profiles or
            // share pages is a follow or share prompt, whatever its language
            if ctx.html
                && b.hints.social_links
                && b.features.words <= FOLLOW_MAX_WORDS
                && b.link_density.is_some_and(|d| d <= FOLLOW_MAX_LINKS)
            {
                b.drop_for(Reason::Boilerplate);
                continue;
            }
            match evidence(b) {
                // in HTML a heading element ("3. Groningen") and a table row ("2019 12,5
                // 14,1") are structure the page gave its text, not a date or a counter
                // line; measured on wcxb-dev: all 0.8283 -> 0.8287, headings kept
                // 0.8480 -> 0.8491, leak unchanged. A bare price is a shop card's line
                // (all 0.8287 -> 0.8300, collections 0.585 -> 0.599, leak unchanged).
                Some(Evidence::Numbers)
                    if ctx.html
                        && (matches!(b.kind, Kind::Heading | Kind::Other) || is_price(b)) => {}
                Some(Evidence::Numbers) if defer => numeric.push(i),
                Some(_) => b.drop_for(Reason::Boilerplate),
                None => {}
            }
        }
        judge_numbers(blocks, &mut numeric, ctx);
    }
}

/// Text mode, once the other rules have run: the lines boilerplate only by their numbers
/// that stayed are judged again against the prose that stayed, as a second pass over the
/// output reads them (a price line stood after a paragraph that the related-links rule
/// then removed, and is no longer between the article's paragraphs).
///
/// In a page dump (text showing page chrome) the rule dropped every line boilerplate by
/// its numbers when it ran ([`Boilerplate`]'s `apply` defers none there): it read every
/// kept line with words, and a line kept now was kept then, with the same text and
/// features (the rules in between change verdicts and overlaps only; `wedged`, which cuts
/// text, runs later). No such line is left to judge.
pub(crate) fn judge_survivors(blocks: &mut [Block], ctx: &Ctx<'_>) {
    if !ctx.html && ctx.page_chrome {
        return;
    }
    let mut numeric: Vec<usize> = (0..blocks.len())
        .filter(|&i| {
            let b = &blocks[i];
            b.kept() && b.features.words > 0 && evidence(b) == Some(Evidence::Numbers)
        })
        .collect();
    judge_numbers(blocks, &mut numeric, ctx);
}

/// A subscription prompt's line holds at most this share of words the article uses
/// elsewhere, unless it stands outside the article's prose (before its first paragraph
/// or after its last). Measured on wcxb-dev article dumps: the article's own lines that
/// name a newsletter or subscribing ("We recommend subscribing for two years…") overlap
/// 0.44–0.94, the prompts mostly 0–0.3.
const PROMPT_MAX_OVERLAP: f32 = 0.5;

/// Text dumps, once the other rules have chosen the article: the lines that ask the
/// reader to subscribe ("Thanks for reading! Subscribe for free…", "Don't miss anything.
/// Get all the latest posts delivered straight to your inbox.", "Social media is great,
/// but our bi-weekly newsletter…") read as sentences, name the site and share few words
/// with the article, so neither the lexicon's line phrases nor the region's span take
/// them. A line of at most [`MAX_WORDS`] words naming a subscription word of the lexicon
/// (`Language::subscription_words`: "newsletter", "subscribe", "inbox", "Newsletter",
/// "abonnez", "suscríbete"…) goes when it stands outside the article's other prose or
/// shares little of its vocabulary ([`PROMPT_MAX_OVERLAP`]), unless the page names the
/// words in two places apart (a run of adjacent lines is one place; a long paragraph is
/// one): then the article itself speaks of newsletters (a post on growing one, an app
/// sold by subscription), and its lines stay. Linear: one pass over the kept blocks'
/// content words, one over the candidates.
#[inline(never)]
pub(crate) fn judge_prompts(blocks: &mut [Block], ctx: &Ctx<'_>) {
    let words = super::phrases::subscription_words();
    let names = |b: &Block| content_of(b, ctx.arena).iter().any(|&h| words.holds(h));
    // a list item naming an inbox is an item of the article's enumeration or a menu's
    let short = |b: &Block| b.features.words as usize <= MAX_WORDS && b.kind != Kind::ListItem;
    // no short line names one (most pages): no prompt, and the long paragraphs, which
    // hold most of the page's words, are not read
    if !blocks.iter().any(|b| b.kept() && short(b) && names(b)) {
        return;
    }
    let mut prompts: Vec<usize> = Vec::new();
    let (mut places, mut in_run) = (0usize, false);
    for (i, b) in blocks.iter().enumerate().filter(|(_, b)| b.kept()) {
        let named = names(b);
        if named && short(b) {
            prompts.push(i);
            places += usize::from(!in_run);
        } else if named && b.is_prose() {
            // a long paragraph of the article's speaking of it
            places += 1;
        }
        in_run = named && short(b);
    }
    if prompts.is_empty() || places > 1 {
        return;
    }
    // the other prose's span (`prompts` is sorted: a binary search tells a prompt)
    let other_prose =
        |i: &usize| blocks[*i].kept() && blocks[*i].is_prose() && prompts.binary_search(i).is_err();
    let first = (0..blocks.len()).find(other_prose);
    let last = (0..blocks.len()).rev().find(other_prose);
    for &i in &prompts {
        let outside = match (first, last) {
            (Some(first), Some(last)) => i < first || i > last,
            _ => true,
        };
        if outside || blocks[i].features.overlap < PROMPT_MAX_OVERLAP {
            blocks[i].drop_for(Reason::Boilerplate);
        }
    }
}

/// Drops the lines `numeric` (boilerplate only by their numbers) that are not the
/// article's own.
fn judge_numbers(blocks: &mut [Block], numeric: &mut Vec<usize>, ctx: &Ctx<'_>) {
    if numeric.is_empty() {
        return;
    }
    // extracted article text: between its first and last paragraph of prose, a
    // short line of numbers is the article's own (a product's price, a ticket's
    // price list, a score, an embedded post's date line, a recurring line of a meal
    // plan); a date or a reading time stands before the first paragraph or after the
    // last. Measured on injected-dev (headings kept): 34 article lines kept, no
    // injected one (the injected boilerplate lines are all the lexicon's)
    if !ctx.html {
        let prose = |b: &Block| b.kept() && b.kind == Kind::Paragraph && b.is_prose();
        let first = blocks.iter().position(prose);
        let last = blocks.iter().rposition(prose);
        if let (Some(first), Some(last)) = (first, last) {
            numeric.retain(|&i| i < first || i > last);
        }
    }
    // the article's vocabulary before any rule has chosen the article
    let uses = super::prose_uses(blocks, numeric, ctx.arena);
    for &i in numeric.iter() {
        let own = content_of(&blocks[i], ctx.arena);
        if !own.iter().any(|&h| uses.get(h) > 0) {
            blocks[i].drop_for(Reason::Boilerplate);
        }
    }
}

/// What makes a line boilerplate.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// Its words: the lexicon, a breadcrumb's separators.
    Words,
    /// Its numbers: a short line mostly made of them (a date, a counter).
    Numbers,
}

/// Why a line is boilerplate, if it is.
#[inline(always)]
fn evidence(b: &Block) -> Option<Evidence> {
    let f = &b.features;
    let (words, ends_sentence) = (f.words as usize, f.ends_sentence);
    if words > MAX_WORDS {
        return None;
    }
    // an interface control alone on its line: "Add to cart", "Reply with quote"
    if f.phrase.control() {
        return Some(Evidence::Words);
    }
    match f.phrase.whole {
        Some(Class::Boilerplate) => return Some(Evidence::Words),
        Some(Class::LeadIn) => return None,
        Some(Class::Control) | None => {}
    }
    if let Some((Class::Boilerplate, covered)) = f.phrase.prefix {
        let covered = covered as usize;
        // "Share this article on Facebook", "Share on WhatsApp"
        let slack = if covered >= 2 {
            PREFIX_SLACK
        } else {
            SHORT_PREFIX_SLACK
        };
        if words <= covered + slack && !ends_sentence {
            return Some(Evidence::Words);
        }
        // a prompt that goes on as a sentence: "We use cookies to give you…"
        if covered >= PROMPT_MIN_PHRASE {
            return Some(Evidence::Words);
        }
    }
    if f.phrase.unspaced == Some(Class::Boilerplate) {
        return Some(Evidence::Words);
    }
    // a credit line's length in words: a caption written without spaces counts its
    // characters by the word ("写真：会見する文部科学大臣（27日、東京都千代田区）")
    if f.phrase.credit() && crate::features::spaced_words(&b.text, f.words) <= CREDIT_MAX_WORDS {
        return Some(Evidence::Words);
    }
    if words > SHORT_LINE_WORDS {
        return None;
    }
    // a list item's own number written in the text ("3. Plan meals", text mode) is not a
    // number the line is made of (an HTML list's number is not in the text)
    let own_number = match b.marker {
        Marker::Number(n) => {
            let digits = b.text.bytes().take_while(u8::is_ascii_digit).count();
            b.text[digits..].starts_with(['.', ')']) && b.text[..digits].parse() == Ok(n)
        }
        _ => false,
    };
    let (words, numbers) = if own_number {
        (f.words.saturating_sub(1), f.numbers.saturating_sub(1))
    } else {
        (f.words, f.numbers)
    };
    if is_breadcrumb(&b.text, ends_sentence) {
        Some(Evidence::Words)
    } else {
        is_numeric_line(words, numbers, ends_sentence).then_some(Evidence::Numbers)
    }
}

/// A bare price: numbers and a currency sign, no word ("$ 99+", "1.299,00 €", "¥3,980").
/// Measured on wcxb-dev: with a word beside it ("GBP: $110.82", "Sale price $99.99")
/// the line is a currency converter's or a promotion's as often as a card's price
/// (product pages 0.617 -> 0.613, leak 0.0285 -> 0.0287).
fn is_price(b: &Block) -> bool {
    b.features.numbers == b.features.words && b.text.chars().any(is_currency_sign)
}

/// Unicode general category Sc (currency symbols).
fn is_currency_sign(c: char) -> bool {
    matches!(
        c,
        '$' | '\u{A2}'..='\u{A5}'
            | '\u{58F}'
            | '\u{60B}'
            | '\u{7FE}'..='\u{7FF}'
            | '\u{9F2}'..='\u{9F3}'
            | '\u{9FB}'
            | '\u{AF1}'
            | '\u{BF9}'
            | '\u{E3F}'
            | '\u{17DB}'
            | '\u{20A0}'..='\u{20C0}'
            | '\u{A838}'
            | '\u{FDFC}'
            | '\u{FE69}'
            | '\u{FF04}'
            | '\u{FFE0}'..='\u{FFE1}'
            | '\u{FFE5}'..='\u{FFE6}'
            | '\u{11FDD}'..='\u{11FE0}'
            | '\u{1E2FF}'
            | '\u{1ECB0}'
    )
}

/// A short line mostly made of numbers: a date, a time, a counter ("1.2K shares").
fn is_numeric_line(words: u32, numbers: u32, ends_sentence: bool) -> bool {
    if words > 6 || ends_sentence {
        return false;
    }
    numbers >= 1 && numbers * 3 >= words
}

/// Whether `b` holds one of the bytes `>`, `/`, `|`, 0xC2, 0xE2: eight bytes at a time, each
/// test the word-at-a-time zero-byte test of Mycroft ("Bit Twiddling Hacks"). The bytes
/// after the last whole chunk are read as one more word too (the text's last eight bytes,
/// shifted down past the ones already seen; a short text's bytes in overlapping loads):
/// no loop over them, whose length a branch predictor cannot know.
#[inline(always)]
fn has_separator_byte(b: &[u8]) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // nonzero when some byte of `x` is zero
    let has_zero = |x: u64| x.wrapping_sub(LO) & !x & HI;
    // (a zero byte, shifted in or padding, is no separator; 0xC2 and 0xE2 differ in bit
    // 0x20 only, and they are the only bytes that read 0xE2 with it set)
    let found = |x: u64| {
        has_zero(x ^ (u64::from(b'>') * LO))
            | has_zero(x ^ (u64::from(b'/') * LO))
            | has_zero(x ^ (u64::from(b'|') * LO))
            | has_zero((x | (0x20 * LO)) ^ (0xE2 * LO))
            != 0
    };
    let n = b.len();
    let u32_at = |i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
    if n < 8 {
        let x = if n >= 4 {
            // the first four bytes and the last four (overlapping)
            u32_at(0) | u32_at(n - 4) << 32
        } else if n > 0 {
            u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16
        } else {
            0
        };
        return found(x);
    }
    let mut chunks = b.chunks_exact(8);
    for chunk in &mut chunks {
        if found(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]))) {
            return true;
        }
    }
    let rest = chunks.remainder().len();
    if rest == 0 {
        return false;
    }
    let last = u64::from_le_bytes(b[n - 8..].try_into().unwrap_or([0; 8]));
    found(last >> (8 * (8 - rest)))
}

/// The separators of a breadcrumb.
const SEPS: [char; 8] = ['›', '»', '>', '/', '|', '·', '→', '•'];

/// A copyright notice: the line opens with `©` or `(c)` (after an optional "Copyright",
/// before an optional one) and a year from 1900 to 2099 ("© 2025 FreightWaves, Inc.",
/// "Copyright © 2023 PSA…", "(c) Copyright 1990-1994"). A year is what sets the notice
/// apart from a photo credit ("© A.M. Best Company — used by permission").
#[inline]
fn is_copyright(text: &str) -> bool {
    // most lines start otherwise: one byte tells (`©` is 0xC2 0xA9 in UTF-8)
    if !matches!(text.as_bytes().first(), Some(b'\xC2' | b'(' | b'c' | b'C')) {
        return false;
    }
    is_copyright_notice(text)
}

/// [`is_copyright`] for a line starting with the right byte.
#[inline(never)]
fn is_copyright_notice(text: &str) -> bool {
    fn skip_word<'a>(t: &'a str, word: &str) -> &'a str {
        match t.get(..word.len()) {
            Some(head) if head.eq_ignore_ascii_case(word) => t[word.len()..].trim_start(),
            _ => t,
        }
    }
    let t = skip_word(text, "copyright");
    let t = if let Some(rest) = t.strip_prefix('©') {
        rest
    } else if let Some(rest) = t.get(..3).filter(|h| h.eq_ignore_ascii_case("(c)")) {
        &t[rest.len()..]
    } else {
        return false;
    };
    let t = skip_word(t.trim_start(), "copyright").as_bytes();
    t.len() >= 4
        && matches!(&t[..2], b"19" | b"20")
        && t[2].is_ascii_digit()
        && t[3].is_ascii_digit()
        && t.get(4).is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// Short parts joined by two or more separators: `Home › World › Africa`.
#[inline]
fn is_breadcrumb(text: &str, ends_sentence: bool) -> bool {
    if ends_sentence {
        return false;
    }
    // a byte scan first: the separators are `>`, `/`, `|` and chars whose UTF-8 starts
    // with 0xC2 or 0xE2; most lines hold none (the rest is read out of line)
    has_separator_byte(text.as_bytes()) && separated_parts(text)
}

/// [`is_breadcrumb`] for a line holding a separator's byte: two or more words (of
/// `split_whitespace`) made of separators only, the parts between separators short.
#[inline(never)]
fn separated_parts(text: &str) -> bool {
    let is_sep = |c: char| matches!(c, '›' | '»' | '>' | '/' | '|' | '·' | '→' | '•');
    // the words made of separators only, counted in one pass over the chars: a word is a
    // run of chars that are no white space, as `split_whitespace` cuts them
    // (white space among ASCII chars is what `char::is_whitespace` calls so there: tab
    // to carriage return, and the space)
    let (mut seps, mut in_word, mut only_seps) = (0usize, false, true);
    for c in text.chars() {
        let white = if c.is_ascii() {
            c == ' ' || ('\t'..='\r').contains(&c)
        } else {
            c.is_whitespace()
        };
        if white {
            seps += usize::from(in_word && only_seps);
            in_word = false;
            only_seps = true;
        } else {
            in_word = true;
            only_seps = only_seps && is_sep(c);
        }
    }
    seps += usize::from(in_word && only_seps);
    seps >= 2 && text.split(SEPS).all(|p| tokens(p).count() <= 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bp(s: &str) -> bool {
        let mut blocks = vec![Block::new(s.to_string(), crate::block::Kind::Paragraph)];
        crate::features::compute(&mut blocks);
        evidence(&blocks[0]).is_some()
    }

    #[test]
    fn copyright_notices_need_the_sign_and_a_year() {
        for yes in [
            "© 2025 FreightWaves, Inc. All Rights Reserved.",
            "Copyright © 2023 PSA Financial Advisors, Inc.",
            "(c) Copyright 1990-1994, Hewlett-Packard Company.",
            "©2007-2016 Wine-Tastings-Guide.com",
        ] {
            assert!(is_copyright(yes), "{yes}");
        }
        for no in [
            "© A.M. Best Company, Inc. — used by permission",
            "Copyright 2019 Hawaii News Now. All rights reserved.",
            "© 20250 units",
            "©",
            "(c",
            "Copyright",
        ] {
            assert!(!is_copyright(no), "{no}");
        }
    }

    #[test]
    fn separator_bytes_found_at_every_length_and_place() {
        for n in 0..20 {
            for at in 0..n.max(1) {
                for sep in [b'>', b'/', b'|', 0xC2, 0xE2] {
                    let mut line = vec![b'a'; n];
                    if n > 0 {
                        line[at] = sep;
                    }
                    assert_eq!(has_separator_byte(&line), n > 0, "{n} {at} {sep}");
                }
            }
            assert!(!has_separator_byte(&vec![b'a'; n]));
        }
    }

    #[test]
    fn separator_words_counted_as_split_whitespace_cuts_them() {
        let slow = |text: &str| {
            let seps = text
                .split_whitespace()
                .filter(|w| w.chars().all(|c| SEPS.contains(&c)))
                .count();
            seps >= 2 && text.split(SEPS).all(|p| tokens(p).count() <= 4)
        };
        for text in [
            "Home › World › Africa",
            "Home ›› World\u{a0}›\u{a0}Africa",
            " › › ",
            "›",
            "a/b / c / d",
            "News | Sport|Weather | Travel",
            "It’s 5 > 3 — and 2 / 4 → x",
            "Home\u{2003}•\u{3000}World •Africa",
            "» · →",
            "A › B › C D E F G › H",
            "a\x0b/\x0c|\x1c>\x1c b",
            "x\u{85}»\u{85}y\u{2028}·\u{202f}z",
            "\t|\r\n/\n",
        ] {
            assert_eq!(separated_parts(text), slow(text), "{text:?}");
        }
    }

    #[test]
    fn lexicon_lines() {
        assert!(bp("ADVERTISEMENT"));
        assert!(bp("Share this article"));
        assert!(bp("Compartilhe esta notícia"));
        assert!(!bp("Share prices fell sharply on Monday after the report."));
        assert!(bp("We may earn commission from links on this page, but we only recommend products we back."));
        assert!(bp("Was this article helpful?"));
        assert!(!bp(
            "We may earn a small profit this year, the chairman said in his letter."
        ));
    }

    #[test]
    fn controls_and_signatures() {
        assert!(bp("Add to cart"));
        assert!(bp("Ajouter au panier"));
        assert!(bp("Antworten"));
        assert!(!bp("Antworten auf diese Fragen gibt es bis heute nicht."));
        assert!(bp("Sent from my iPhone using Tapatalk"));
        assert!(bp("Enviado desde mi Pixel 7"));
        assert!(bp("Subscribe to get the latest posts sent to your email."));
    }

    #[test]
    fn prices() {
        let price = |s: &str| {
            let mut blocks = vec![Block::new(s.to_string(), crate::block::Kind::Paragraph)];
            crate::features::compute(&mut blocks);
            is_price(&blocks[0])
        };
        assert!(price("$99+"));
        assert!(price("1.299,00 €"));
        assert!(price("¥3,980"));
        assert!(price("₹ 2,499"));
        assert!(!price("GBP: $110.82"));
        assert!(!price("12.03.2025"));
    }

    #[test]
    fn shapes() {
        assert!(bp("November 20, 2019"));
        assert!(bp("5 min read"));
        assert!(bp("Home › World › Africa"));
        assert!(bp("Home • World • Africa"));
        assert!(bp("Home / World / Africa"));
        assert!(!bp("Home World Africa"));
        assert!(!bp("2018 Boys State Swim Results"));
        assert!(!bp("The vote was 52 to 48."));
    }
}
