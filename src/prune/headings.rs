//! Headings standing between paragraphs.
//!
//! By default no heading is kept (the title and section headings are not article text in
//! the output contract). With [`Options::keep_headings`](crate::Options::keep_headings),
//! the article's own section headings stay and stray ones still go: off-topic headings
//! (little overlap with the article's vocabulary), keyword-stuffed ones standing alone (two
//! titles joined by `/` or `|`, or a word repeated), orphans (nothing but another heading follows), and
//! the title zone before the first paragraph. The headline and stuffing tests are for
//! text mode, where a heading is a guess from a line's shape: in HTML a heading is an
//! element inside the region the front door chose (a product card's name, a section of a
//! service page), and another article's headline there comes as a link the
//! `related-links` rule and the region judge.

use super::related::label;
use super::{Ctx, Rule};
use crate::block::{Block, Kind, Reason, Verdict};
use crate::features::{content_of, tokens, HashMapU64};

/// Removes headings (all by default; stray ones with `keep_headings`).
pub struct Headings;

/// Headings among the first this many blocks, before the first paragraph, are titles.
const TITLE_ZONE: usize = 2;
/// A section heading has at most this many words.
const MAX_WORDS: u32 = 16;
/// A heading the page shows this often is its own.
const REPEATED: u32 = 3;
/// An off-topic headline-shaped heading this long is another article's title.
const FOREIGN_MIN_WORDS: u32 = 7;
/// A heading standing alone is off-topic when less than this share of its content words
/// are in the article's vocabulary (one word in five).
const LONE_OFF_TOPIC: f32 = 0.2;
/// A headline-shaped heading with no other beside it is another article's title only
/// below this share (it shares no word with the article).
const ALONE_OFF_TOPIC: f32 = 0.1;

impl Rule for Headings {
    fn name(&self) -> &'static str {
        "headings"
    }
    fn doc(&self) -> &'static str {
        "headings: all by default; off-topic, keyword-stuffed, orphan ones when headings are kept"
    }
    fn apply(&self, blocks: &mut [Block], ctx: &Ctx<'_>) {
        if !ctx.html {
            crate::text::reclassify_lone_rows(blocks);
        }
        let keep = ctx.options.keep_headings;
        let first_prose = blocks
            .iter()
            .position(|b| b.kept() && b.is_prose() && b.kind != Kind::Heading);
        // a heading the page repeats (the same question put to each interviewee, a
        // recurring label) is the article's structure, not an injected title
        let mut repeats: HashMapU64<u32> = HashMapU64::default();
        if keep {
            for b in blocks.iter().filter(|b| b.kind == Kind::Heading) {
                *repeats.entry(b.features.text_hash).or_insert(0) += 1;
            }
        }
        // text mode only: there a heading is a guess from a line's shape, and a list item
        // looks the same; in HTML a heading is an element of its own
        let runs = if keep && !ctx.html {
            in_runs(blocks, ctx.arena)
        } else {
            Vec::new()
        };
        let n = blocks.len();
        // the headlines that may be another article's (see `suspect`), and whether each
        // stands beside another one: read before the rule marks any
        let suspects: Vec<bool> = if keep && !ctx.html {
            (0..n)
                .map(|i| suspect(&blocks[i], ctx, &repeats, runs.get(i) == Some(&true)))
                .collect()
        } else {
            Vec::new()
        };
        let beside_suspect = beside(blocks, &suspects);
        let last_prose = if keep && !ctx.html {
            blocks
                .iter()
                .rposition(|b| b.kept() && b.is_prose() && b.kind != Kind::Heading)
        } else {
            None
        };
        for i in 0..n {
            if !blocks[i].kept() || blocks[i].kind != Kind::Heading {
                continue;
            }
            if !keep {
                if !introduces_own_list(blocks, i) {
                    blocks[i].drop_for(Reason::Heading);
                }
                continue;
            }
            let b = &blocks[i];
            // text without page chrome is the article and nothing else: there its first
            // line is a title only when shaped like one; a dateline ("BAAR, SWITZERLAND"),
            // a byline, a section label or a line in capitals is the article's own
            // (measured on injected-dev with headings kept: the title zone removed 15
            // article lines and no injected one, 11 of them not headline-shaped)
            let extracted = !ctx.html && !ctx.page_chrome;
            // the title zone: a heading among the first blocks, before any paragraph
            let before_text = first_prose.is_some_and(|p| i < p)
                && i < TITLE_ZONE
                && (!extracted || b.is_headline_shaped());
            // nothing kept after it: a page's trailing heading (a footer's, a closed
            // widget's). Text without page chrome is the article and nothing else, and its
            // last line is the article's own (a credit, a signature, a closing note):
            // measured on injected-dev with headings kept, 26 article lines and no injected
            // one went as orphans
            let orphan = !extracted && !blocks[i + 1..].iter().any(|b| b.kept());
            // a list of lines is judged off-topic as a whole (the related-links rule, at
            // its `OFF_TOPIC`); a line standing alone gives less evidence and must share almost
            // none of the article's words: a subtitle, a question put to the reader or a
            // product's feature line uses one or two (measured on injected-dev with
            // headings kept: the injected lines this rule removes score below 0.15, 14
            // article lines it removed at 0.5 score 0.2 to 0.47)
            let off_topic = ctx.topic.is_informative() && b.features.overlap < LONE_OFF_TOPIC;
            let in_run = runs.get(i).copied().unwrap_or(false);
            // two such headlines in a row are a list of other stories left inside a run
            // of the article's lines; one alone goes only when it shares no word at all
            // with the article (a standfirst or a product's feature line uses one:
            // measured on injected-dev with headings kept, 8 article lines kept; the three
            // injected headlines this test removes stand in a row)
            let foreign = suspects.get(i) == Some(&true)
                && (b.features.overlap < ALONE_OFF_TOPIC || beside_suspect[i]);
            // a list's item may name a word twice ("Arena di Verona, Verona", a schedule's
            // venue and town); stuffing is a lone heading's trick. Neither test reads an
            // HTML heading: measured on wcxb-dev with headings kept, all 0.845 -> 0.847,
            // `with` 0.755 -> 0.763 (listings 0.646 -> 0.660, their card titles), scrapinghub
            // unchanged (0.971)
            let shaped_stray = !ctx.html && (foreign || (!in_run && stuffed(&b.text)));
            let stray = before_text
                || (!ctx.html && off_topic && labels_removed_list(blocks, i))
                || (last_prose.is_some_and(|p| i > p) && tag_list(&b.text))
                || orphan
                || (b.features.words > MAX_WORDS && off_topic)
                || shaped_stray;
            if stray {
                let reason = if before_text {
                    Reason::Heading
                } else {
                    Reason::StrayHeading
                };
                blocks[i].drop_for(reason);
            }
        }
    }
}

/// A tag list has at least this many items…
const TAG_LIST_MIN_ITEMS: usize = 3;
/// …each of at most this many words, after a label of at most [`TAG_LABEL_WORDS`].
const TAG_ITEM_WORDS: usize = 3;
const TAG_LABEL_WORDS: usize = 2;

/// Whether a line is a list of tags or keywords: a short label, a colon, then three or
/// more short items separated by commas (any script's: `,` `،` `、` `，`) and no sentence
/// end ("Теги: форум, Казань, цифровизация", "Etichete: transport, București, STB",
/// "برچسب‌ها: تهران، محیط زیست، درختکاری"). Its words are the article's, so no overlap
/// test tells it; the caller asks it to stand after the article's last paragraph (an
/// article's own "Path B: Bosnia, Slovakia, Ireland" stands among its paragraphs).
fn tag_list(text: &str) -> bool {
    let Some((label, items)) = text.split_once([':', '：']) else {
        return false;
    };
    let words = |t: &str| tokens(t).count();
    let label_words = words(label);
    if label_words == 0 || label_words > TAG_LABEL_WORDS {
        return false;
    }
    let mut n = 0;
    for item in items.split([',', '،', '、', '，']) {
        let w = words(item);
        if w == 0 || w > TAG_ITEM_WORDS || item.trim_end().ends_with(['.', '!', '?', '。']) {
            return false;
        }
        n += 1;
    }
    n >= TAG_LIST_MIN_ITEMS
}

/// Most words of a label over a list of other stories ("Related news", "Habari Zaidi").
const LIST_LABEL_WORDS: u32 = 4;

/// Whether heading `i` is the label of a list the related-links rule removed: a short line
/// without a sentence end directly followed by two or more of the removed list's lines
/// ("İlgili Haberler" over "► …" headlines: a bulleted list after an unmarked line is judged
/// without it). Its section holds nothing once the list is gone. The caller asks it off-topic
/// too: an injected list often stands right under one of the article's own headings
/// (measured on injected-dev with headings kept: two such headings, "KAZAKHSTAN WINS
/// AGAIN", went without that test).
fn labels_removed_list(blocks: &[Block], i: usize) -> bool {
    let b = &blocks[i];
    if b.features.words > LIST_LABEL_WORDS || b.features.ends_sentence {
        return false;
    }
    let removed = blocks[i + 1..]
        .iter()
        .take_while(|n| n.verdict == Verdict::Drop(Reason::RelatedLinks))
        .count();
    removed >= 2
}

/// Whether heading `i` is the article's own line introducing the list that follows it
/// ("The plan includes several measures:" before its bulleted measures): a label that
/// names the article's subject (see [`super::related::own_label`]), whose next kept block
/// is a list item. Such a line is no heading, and the list is read with it: without it, a
/// second pass would judge the list alone.
fn introduces_own_list(blocks: &[Block], i: usize) -> bool {
    let b = &blocks[i];
    b.features.ends_colon
        && super::related::own_label(b)
        && blocks[i + 1..]
            .iter()
            .find(|n| n.kept())
            .is_some_and(|n| n.marker != crate::block::Marker::None)
}

/// Whether `b` may be another article's headline: a kept heading shaped like a
/// headline, long enough, off-topic (below [`LONE_OFF_TOPIC`]), neither repeated by the
/// page nor an item among lines of its own kind (`in_run`, see [`in_runs`]): an
/// article's own section headings are short and often use words its paragraphs do not;
/// a line among lines of its own kind (a schedule, a list of benefits, a table without
/// numbers) is an item of a list the related-links rule has judged as a whole.
fn suspect(b: &Block, ctx: &Ctx<'_>, repeats: &HashMapU64<u32>, in_run: bool) -> bool {
    b.kept()
        && b.kind == Kind::Heading
        && ctx.topic.is_informative()
        && b.features.overlap < LONE_OFF_TOPIC
        && repeats.get(&b.features.text_hash).copied().unwrap_or(0) < REPEATED
        && !in_run
        && b.features.words >= FOREIGN_MIN_WORDS
        && b.is_headline_shaped()
}

/// For each block: whether the kept block before or after it is marked in `marks`.
/// Empty when `marks` is. Linear.
fn beside(blocks: &[Block], marks: &[bool]) -> Vec<bool> {
    let mut out = vec![false; marks.len()];
    if marks.is_empty() {
        return out;
    }
    let kept: Vec<usize> = (0..blocks.len()).filter(|&i| blocks[i].kept()).collect();
    for w in kept.windows(2) {
        if marks[w[0]] {
            out[w[1]] = true;
        }
        if marks[w[1]] {
            out[w[0]] = true;
        }
    }
    out
}

/// For each block: whether it is a heading whose nearest kept neighbour before or after
/// is a heading with the same marker sharing a content word with it (two lines of one
/// schedule, table or list), or both starting with a label ("Q: …", "A: …"), or one of
/// [`LIST_RUN`] or more headings in a row after a line ending with a colon (the list that
/// line introduces). One pass over the blocks as they stand before the rule marks any.
fn in_runs(blocks: &[Block], arena: &[u64]) -> Vec<bool> {
    let like = |a: &Block, b: &Block| {
        a.kind == Kind::Heading
            && b.kind == Kind::Heading
            && a.marker == b.marker
            && ((label(&a.text).is_some() && label(&b.text).is_some()) || {
                let mine = content_of(a, arena);
                content_of(b, arena).iter().any(|h| mine.contains(h))
            })
    };
    let mut out = vec![false; blocks.len()];
    let mut prev: Option<usize> = None;
    // the current list: kept headings with one marker after a kept line ending with a
    // colon ("Dare to Play 3:", "You will learn:"); its first member and length
    let (mut run_start, mut run_len) = (0usize, 0usize);
    let kept: Vec<usize> = (0..blocks.len()).filter(|&i| blocks[i].kept()).collect();
    for (n, &i) in kept.iter().enumerate() {
        let b = &blocks[i];
        if let Some(p) = prev {
            if like(b, &blocks[p]) {
                out[i] = true;
                out[p] = true;
            }
        }
        let heading = b.kind == Kind::Heading && !b.features.ends_colon;
        if heading && run_len > 0 && prev.is_some_and(|p| blocks[p].marker == b.marker) {
            run_len += 1;
        } else if heading && prev.is_some_and(|p| blocks[p].features.ends_colon) {
            run_start = n;
            run_len = 1;
        } else {
            run_len = 0;
        }
        // the run's first members once it is long enough, then each new one: linear
        if run_len == LIST_RUN {
            for &k in &kept[run_start..=n] {
                out[k] = true;
            }
        } else if run_len > LIST_RUN {
            out[i] = true;
        }
        prev = Some(i);
    }
    out
}

/// This many headings in a row after a line ending with a colon (that the related-links
/// rule kept as a whole) are the list the line introduces.
const LIST_RUN: usize = 3;

/// Two titles joined by a separator, or keywords said again and again: a word three
/// times, or two words twice each ("Best shoes 2024 best shoes cheap SHOES"). One word
/// said twice is language ("Quick access to Siri by saying \"Hey Siri\"", "Step by step",
/// "Automatically on, automatically connected"): measured on injected-dev with headings
/// kept, the one-repeat test removed 12 article lines and one injected line (that the
/// off-topic test removes as well).
fn stuffed(text: &str) -> bool {
    if text.contains(" / ") || text.contains(" | ") || text.contains(" // ") {
        return true;
    }
    // (word, times said): a heading has a few words, a linear search is enough
    let mut seen: Vec<(u64, u32)> = Vec::new();
    let mut repeated = 0;
    for t in tokens(text).filter(|t| t.chars >= 4 && !t.numeric) {
        match seen.iter_mut().find(|(h, _)| *h == t.hash) {
            Some((_, n)) => {
                *n += 1;
                if *n == 2 {
                    repeated += 1;
                }
                if *n >= 3 || repeated >= 2 {
                    return true;
                }
            }
            None => seen.push((t.hash, 1)),
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stuffing() {
        assert!(stuffed(
            "Relations bilatérales a Ouagadougou / Des engagements"
        ));
        assert!(stuffed("Best shoes 2024 best shoes cheap SHOES"));
        assert!(!stuffed("Une réunion de travail constructive"));
        // one word said twice is language
        assert!(!stuffed("Schritt für Schritt zum eigenen Balkongarten"));
        assert!(stuffed("Balkon Garten Balkon Pflanzen Garten"));
    }
}
