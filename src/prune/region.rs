//! The article's region of the page.
//!
//! HTML mode: the front door has already chosen the region ([`Hints::in_region`]); blocks
//! outside it go.
//!
//! Text mode (a full-page dump): every line gets a score, positive for prose (by its
//! length, weighted by its stopword density, the jusText idea) and negative for the
//! short lines navigation, footers and link lists are made of; the region is the span
//! with the highest total (a maximum-sum subarray, one linear pass). Short runs of clutter
//! inside the article cost less than the paragraphs around them bring, so the region
//! bridges injected lists; long runs of navigation do not pay.
//!
//! [`Hints::in_region`]: crate::block::Hints::in_region

use super::{Ctx, Rule};
use crate::block::{Block, Reason};

/// Keeps only the article's region.
pub struct Region;

/// Cost of one line that is not prose. Set on the scrapinghub and wcxb-dev text dumps.
const LINE_PENALTY: f32 = 3.0;
/// Extra cost per word of a line that is not prose.
const WORD_PENALTY: f32 = 0.15;
/// A prose block's gain is capped at this many words.
const MAX_GAIN: f32 = 80.0;
/// Stopword share at which prose counts in full.
const FULL_STOP_RATIO: f32 = 0.25;

fn score(b: &Block, lang_known: bool) -> f32 {
    let f = &b.features;
    if b.is_prose() {
        let gain = (f.words as f32).min(MAX_GAIN);
        let quality = if lang_known && f.words > 0 {
            (f.stopwords as f32 / f.words as f32 / FULL_STOP_RATIO).clamp(0.2, 1.0)
        } else {
            1.0
        };
        gain * quality
    } else if !b.kept() {
        // already recognised as boilerplate: clutter, but only weak evidence against
        // the region (ad labels sit inside articles)
        -1.0
    } else {
        -(LINE_PENALTY + WORD_PENALTY * f.words as f32)
    }
}

/// HTML: drops every block outside the region the front door chose (when it chose one).
pub(crate) fn apply_html(blocks: &mut [Block]) {
    if blocks.iter().any(|b| b.hints.in_region) {
        for b in blocks.iter_mut().filter(|b| !b.hints.in_region) {
            b.drop_for(Reason::OutsideContent);
        }
    }
}

impl Rule for Region {
    fn name(&self) -> &'static str {
        "region"
    }
    fn doc(&self) -> &'static str {
        "everything outside the article's region (navigation, footers, sidebars, comments)"
    }
    fn changes_topic(&self) -> bool {
        true
    }
    fn apply(&self, blocks: &mut [Block], ctx: &Ctx<'_>) {
        if ctx.html {
            apply_html(blocks);
            return;
        }
        let lang_known = ctx.lang.index.is_some();
        // Kadane: best-sum contiguous span
        let (mut best, mut best_span) = (f32::MIN, (0, 0));
        let (mut run, mut start) = (0.0f32, 0usize);
        for (i, b) in blocks.iter().enumerate() {
            let s = score(b, lang_known);
            if run <= 0.0 {
                run = s;
                start = i;
            } else {
                run += s;
            }
            if run > best {
                best = run;
                best_span = (start, i + 1);
            }
        }
        if best <= 0.0 {
            // no prose at all: nothing to choose, keep what the other rules leave
            return;
        }
        let (lo, hi) = best_span;
        for (i, b) in blocks.iter_mut().enumerate() {
            if i < lo || i >= hi {
                b.drop_for(Reason::OutsideContent);
            }
        }
    }
}
