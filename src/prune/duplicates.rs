//! Repeated blocks: a block whose text (normalised) already appeared earlier in the
//! article goes (pages repeat teasers, pull quotes and mobile/desktop copies).
//! In an article already extracted (text without page chrome) only paragraphs that end
//! like a sentence are deduplicated: a plan's or recipe's long item lines repeat on purpose.

use super::{Ctx, Rule};
use crate::block::{Block, Reason};
use crate::features::HashMapU64;

/// Removes repeated blocks.
pub struct Duplicates;

/// Shorter blocks may repeat ("Yes.", a refrain, a step of a plan or a recipe repeated
/// for each day or variant); only longer ones are deduplicated. Measured in HTML mode:
/// 5 → 8 words raised scrapinghub shingle F1 0.963 → 0.964 (a meal plan's repeated steps
/// came back) and left wcxb-dev's word F1 unchanged (0.810 all, 0.937 articles).
const MIN_WORDS: u32 = 8;
/// In text mode only long paragraphs are deduplicated.
const TEXT_MIN_WORDS: u32 = 30;

impl Rule for Duplicates {
    fn name(&self) -> &'static str {
        "duplicates"
    }
    fn doc(&self) -> &'static str {
        "blocks whose text already appeared earlier"
    }
    fn apply(&self, blocks: &mut [Block], ctx: &Ctx<'_>) {
        // Scraped text repeats short blocks on purpose (a refrain, the same question put
        // to several people, a recurring label); markup repeats whole blocks on its own
        // (mobile and desktop copies, teasers of the article itself). Measured on
        // injected-dev: with the HTML threshold in text mode this rule removed 1,210
        // article words and no clutter.
        let min_words = if ctx.html { MIN_WORDS } else { TEXT_MIN_WORDS };
        let extracted = !ctx.html && !ctx.page_chrome;
        let mut seen: HashMapU64<()> = HashMapU64::default();
        for b in blocks.iter_mut().filter(|b| b.kept()) {
            if b.features.words < min_words {
                continue;
            }
            // in an extracted article a long line that does not end like a sentence is an
            // item of a list or plan (a recipe's line repeated for each day), not a copy;
            // a page dump repeats teasers and widgets of every shape
            if extracted && !b.features.ends_sentence {
                continue;
            }
            if seen.insert(b.features.text_hash, ()).is_some() {
                b.drop_for(Reason::Duplicate);
            }
        }
    }
}
