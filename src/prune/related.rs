//! Related-links lists: runs of headline-like lines whose topic is not the article's.
//!
//! A related-links list is recognised by its text, not by where it sits or what markup
//! it has: a run of lines that are not prose (short, no sentence shape), most of whose
//! words the article's own paragraphs never use. A run introduced by a lead-in ("Read
//! also", or any short line ending with a colon) needs less evidence. The article's own
//! lists survive because their items share the article's vocabulary.

use super::{Ctx, Rule};
use crate::block::{Block, Kind, Marker, Reason, Verdict};

/// Removes related-links lists.
pub struct RelatedLinks;

/// A line whose content words are less than this share in the article's vocabulary is
/// off-topic. Set on injected-dev (injected headlines mostly score below 0.4, the
/// article's own list items and headings above 0.6).
pub(crate) const OFF_TOPIC: f32 = 0.5;
/// Lines longer than this are never part of a headline list.
const MAX_WORDS: u32 = 40;
/// A label line ending with a colon that introduces a list has at most this many words.
const LABEL_MAX_WORDS: u32 = 6;
/// HTML: a list whose items are mostly links (this share of their text) is a link list.
const LINK_LIST_DENSITY: f32 = 0.7;

fn candidate(b: &Block) -> bool {
    b.kept()
        && b.kind != Kind::Quote
        && !b.is_prose()
        && b.features.words >= 1
        && b.features.words <= MAX_WORDS
        && b.features.sentences <= 2
}

fn off_topic(b: &Block) -> bool {
    b.features.overlap < OFF_TOPIC
}

impl Rule for RelatedLinks {
    fn name(&self) -> &'static str {
        "related-links"
    }
    fn doc(&self) -> &'static str {
        "runs of headline-like lines whose topic is not the article's, with their lead-in"
    }
    fn apply(&self, blocks: &mut [Block], ctx: &Ctx<'_>) {
        if !ctx.topic.is_informative() {
            return;
        }
        let n = blocks.len();
        let mut i = 0;
        let mut introduced = false;
        while i < n {
            match blocks[i].verdict {
                Verdict::Drop(Reason::LeadIn) => {
                    introduced = true;
                    i += 1;
                    continue;
                }
                Verdict::Drop(_) => {
                    i += 1;
                    continue;
                }
                Verdict::Keep => {}
            }
            if !candidate(&blocks[i]) {
                introduced = false;
                i += 1;
                continue;
            }
            let mut run = vec![i];
            let mut j = i + 1;
            while j < n {
                match blocks[j].verdict {
                    Verdict::Drop(Reason::LeadIn) => break,
                    Verdict::Drop(_) => {}
                    // a list's items share their marker: an unmarked line after marked
                    // items (a heading after a bulleted list) starts something else
                    Verdict::Keep
                        if candidate(&blocks[j])
                            && !(blocks[j].marker == Marker::None
                                && blocks[run[run.len() - 1]].marker != Marker::None)
                            && !other_widget(&blocks[run[run.len() - 1]], &blocks[j]) =>
                    {
                        run.push(j)
                    }
                    Verdict::Keep => break,
                }
                j += 1;
            }
            decide(blocks, &run, introduced, ctx.html);
            introduced = false;
            i = j;
        }
    }
}

/// HTML: two list items of different lists (or tables) belong to different widgets, so
/// the article's own list and a related-links list after it are judged apart.
fn other_widget(a: &Block, b: &Block) -> bool {
    let (ca, cb) = (a.hints.container, b.hints.container);
    ca != 0 && cb != 0 && ca != cb
}

/// Decides one run of candidate lines.
fn decide(blocks: &mut [Block], run: &[usize], introduced: bool, html: bool) {
    // a short label ending with a colon before the items introduces them
    let first = &blocks[run[0]];
    let labelled = run.len() >= 2
        && first.features.ends_colon
        && first.features.words <= LABEL_MAX_WORDS
        && first.marker == Marker::None;
    let items = if labelled { &run[1..] } else { run };
    let off = items.iter().filter(|&&k| off_topic(&blocks[k])).count();
    let links = items
        .iter()
        .filter(|&&k| {
            blocks[k]
                .link_density
                .is_some_and(|d| d >= LINK_LIST_DENSITY)
        })
        .count();
    // HTML: a related-links list is made of links; a run of plain lines (a table, a
    // list of facts) is the article's own, whatever its vocabulary
    if html && links * 2 < items.len() {
        return;
    }
    let drop_run = if introduced {
        true
    } else if items.len() >= 2 {
        2 * off >= items.len() + usize::from(labelled && off == 0)
            || (links * 2 > items.len() && 3 * off >= items.len())
    } else {
        // a single bulleted headline between paragraphs
        let b = &blocks[items[0]];
        b.marker != Marker::None && off == 1 && !b.features.ends_sentence
    };
    if !drop_run {
        return;
    }
    if labelled {
        blocks[run[0]].drop_for(Reason::LeadIn);
    }
    for &k in items {
        blocks[k].drop_for(Reason::RelatedLinks);
    }
}
