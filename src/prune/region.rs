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
//! bridges injected lists; long runs of navigation do not pay. The best span before that
//! one joins the candidates when it scores at least half as well: a short article comes
//! before the cookie notice or legal footer that may outweigh it. The span is then split at
//! long runs of non-prose lines (a share bar, a "Read next" block) and only the article's
//! part and the parts that go on with its vocabulary stay: teasers and comment threads
//! after the article may outweigh the runs before them. A comment thread that follows the
//! article without such a run is cut where its repeated timestamp lines begin, and a list
//! of prose teasers announced by a lead-in, each under the same repeated line (a share
//! bar), where the lead-in stands.
//!
//! Text that shows no page chrome (fewer than two menus: runs of very short lines, or
//! none of them at an edge of the article's prose) is an article already extracted from
//! its page: nothing is cut as outside the region.
//!
//! [`Hints::in_region`]: crate::block::Hints::in_region

use super::{Ctx, Rule};
use crate::block::{Block, Kind, Marker, Reason, Verdict};
use crate::features::{content_of, CountMap, HashMapU64, WordMap, CHARS_PER_WORD};

/// Keeps only the article's region.
pub struct Region;

/// Cost of one line that is not prose. Set on the scrapinghub and wcxb-dev text dumps.
const LINE_PENALTY: f32 = 10.0;
/// Extra cost per word of a line that is not prose.
const WORD_PENALTY: f32 = 0.15;
/// A prose block's gain is capped at this many words.
const MAX_GAIN: f32 = 40.0;
/// Stopword share at which prose counts in full.
const FULL_STOP_RATIO: f32 = 0.25;

#[inline]
fn score(b: &Block, lang_known: bool) -> f32 {
    let f = &b.features;
    if b.is_prose() || stated_item(b) {
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
        -5.0
    } else if f.ends_sentence
        && f.words >= SHORT_SENTENCE_WORDS
        && !b.text.trim_end().ends_with(['?', '!', '？', '！'])
    {
        -SENTENCE_LIKE_PENALTY
    } else if lang_known
        && f.words >= SENTENCE_LIKE_WORDS
        && f.stopwords as f32 >= SENTENCE_LIKE_STOP_RATIO * f.words as f32
    {
        // a short line that reads like language (function words): the article's own
        // structure (steps, list items, short paragraphs) more than a menu
        -SENTENCE_LIKE_PENALTY
    } else {
        -(LINE_PENALTY + WORD_PENALTY * f.words as f32)
    }
}

/// A kept list item of at least [`SHORT_SENTENCE_WORDS`] words that ends on a full stop
/// (not a question or an exclamation) is one of the article's own statements, a tip, a
/// fact, a "Term: explanation." line of a guide: it gains as prose of its length does.
/// Menus, link lists and related headlines are list items too, but none of them ends its
/// items with a full stop. Measured: wcxb-dev article dumps word F1 0.8982 -> 0.9013 (a
/// guide's long lists of such items no longer end the region: 25 pages gain 0.05-0.57,
/// two lose 0.41 and 0.59 where the stronger article moves the best-before-best choice),
/// leak 0.0566 -> 0.0582; scrapinghub dumps 0.9201 -> 0.9202; injected-dev unchanged.
#[inline]
fn stated_item(b: &Block) -> bool {
    let f = &b.features;
    b.kept()
        && b.marker != Marker::None
        && f.ends_sentence
        && f.words >= SHORT_SENTENCE_WORDS
        && !b.text.trim_end().ends_with(['?', '!', '？', '！'])
}

/// A short line of at least this many words that ends on a full stop (not a question or an
/// exclamation: headlines and teasers end so) states something: the article's own short
/// sentences (a guide's tips, a list of facts), where menus and labels end on no stop. It
/// costs what a sentence-like line costs whatever its stopwords. Measured: wcxb-dev article
/// dumps word F1 0.8974 -> 0.8982, leak 0.0561 -> 0.0566 (three words: 0.8981, leak 0.0570),
/// scrapinghub dumps unchanged.
const SHORT_SENTENCE_WORDS: u32 = 5;
/// A short line with this many words…
const SENTENCE_LIKE_WORDS: u32 = 4;
/// …and this share of stopwords reads like language, not like a menu.
const SENTENCE_LIKE_STOP_RATIO: f32 = 0.2;
/// What such a line costs.
const SENTENCE_LIKE_PENALTY: f32 = 2.0;

/// Most words of a menu line ("Home", "Print Edition", "Share this").
const CHROME_MAX_WORDS: u32 = 3;

/// A line with more tokens than this is never a menu item.
const MENU_MAX_TOKENS: u32 = 4 * CHARS_PER_WORD;

/// A menu item's length: at most [`CHROME_MAX_WORDS`] words, where characters written
/// without spaces (each its own token: "サービスのご案内", "国际新闻") count
/// [`CHARS_PER_WORD`] to a word. Only short lines are read char by char.
fn menu_short(b: &Block) -> bool {
    let words = b.features.words;
    if words <= CHROME_MAX_WORDS {
        return true;
    }
    if words > MENU_MAX_TOKENS {
        return false;
    }
    crate::features::spaced_words(&b.text, words) <= CHROME_MAX_WORDS
}

/// Runs of this many very short lines are menus.
const MENU_RUN: usize = 3;
/// A page dump has at least this many menus; extracted article text has none or one
/// (measured: 168 of 181 scrapinghub dumps, 2 of 173 injected-dev articles).
const MENUS_FOR_CHROME: usize = 2;
/// A paragraph of at least this many words is the article's own text (the prose gain cap).
const PARAGRAPH_WORDS: u32 = MAX_GAIN as u32;

/// Whether the text is a full-page dump (navigation menus present) rather than an
/// article already extracted from its page.
///
/// A page wraps its article in chrome: at least one menu stands at an edge of the
/// article, before its first long paragraph or after its last one, or with less than
/// [`EDGE_SHARE`] of the prose words on one side. Runs of short lines found only among
/// the article's paragraphs are its own lists (a product roundup's spec lines, a
/// schedule), not a page around it. A run before any prose (the page's top) counts one
/// menu per [`MENU_RUN`] lines: a long navigation list opening the page is chrome by
/// itself, where a long run after the article may be its schedule or table (measured:
/// counting every long run so cost injected-dev recall 0.986 -> 0.983; the top runs only:
/// unchanged, scrapinghub dumps 0.916 -> 0.917, wcxb-dev article dumps 0.887 -> 0.888,
/// leak 0.0556 -> 0.0536). Two linear passes.
pub(crate) fn has_page_chrome(blocks: &[Block]) -> bool {
    // per block: its words if prose, else 0 (each block judged once, not in every pass)
    let prose_words: Vec<u32> = blocks
        .iter()
        .map(|b| if b.is_prose() { b.features.words } else { 0 })
        .collect();
    let total: u32 = prose_words.iter().sum();
    let edge = EDGE_SHARE * total as f32;
    let paragraph = |&w: &u32| w >= PARAGRAPH_WORDS;
    let first = prose_words.iter().position(paragraph);
    let last = prose_words.iter().rposition(paragraph);
    let (mut menus, mut at_edge, mut run) = (0, false, 0);
    let (mut before, mut before_run) = (0u32, 0u32);
    for (i, b) in blocks.iter().enumerate() {
        if menu_short(b) && !b.features.ends_sentence {
            if run == 0 {
                before_run = before;
            }
            run += 1;
            if run == MENU_RUN || (run % MENU_RUN == 0 && before_run == 0) {
                menus += 1;
                at_edge |= (before_run as f32) <= edge
                    || ((total - before) as f32) <= edge
                    || first.is_none_or(|f| i < f)
                    || last.is_none_or(|l| i > l);
                if menus >= MENUS_FOR_CHROME && at_edge {
                    return true;
                }
            }
        } else {
            run = 0;
        }
        before += prose_words[i];
    }
    false
}

/// A menu within this share of the prose words of an end of the text stands at its edge.
const EDGE_SHARE: f32 = 0.1;

/// A non-prose line of at least [`SENTENCE_LIKE_WORDS`] words, shown once on the page, at
/// least this share of whose content words the page's prose uses in
/// [`TOPICAL_MIN_BLOCKS`] paragraphs or more, speaks of the article's subject…
const TOPICAL_SHARE: f32 = 0.34;
/// …(a word used in this many prose blocks is one of the page's subjects)…
const TOPICAL_MIN_BLOCKS: u32 = 2;
/// …and costs what a sentence-like line costs ([`SENTENCE_LIKE_PENALTY`]): the article's own
/// lists, spec lines and section titles no longer split it. Measured (set constants):
/// wcxb-dev article dumps word F1 0.858 -> 0.868, scrapinghub dumps 0.902 unchanged.
/// Menus (one to three words, or repeated: "Company Town" above every teaser) keep their
/// full cost.
fn scores(blocks: &[Block], lang_known: bool, ctx: &Ctx<'_>) -> Vec<f32> {
    let arena = ctx.arena;
    let mut scores: Vec<f32> = blocks.iter().map(|b| score(b, lang_known)).collect();
    // labels first: an enumeration's discount must not hide the lines that repeat them
    repeated_labels(blocks, &mut scores);
    section_labels(blocks, &mut scores);
    own_enumerations(blocks, &mut scores, ctx);
    announced_lists(blocks, lang_known, &mut scores);
    // the lines that could be discounted: kept, long enough, costing more than a sentence
    let candidate = |i: usize| {
        let b = &blocks[i];
        scores[i] < -SENTENCE_LIKE_PENALTY
            && b.kept()
            && b.features.words >= SENTENCE_LIKE_WORDS
            && !content_of(b, arena).is_empty()
    };
    let candidates: Vec<usize> = (0..blocks.len()).filter(|&i| candidate(i)).collect();
    if candidates.is_empty() {
        return scores;
    }
    // how often the page shows each candidate line (a sorted list: few lines, no map)
    let mut shown: Vec<u64> = candidates
        .iter()
        .map(|&i| blocks[i].features.text_hash)
        .collect();
    shown.sort_unstable();
    let once = |h: u64| {
        let p = shown.partition_point(|&x| x < h);
        shown.get(p + 1) != Some(&h)
    };
    // content word of a candidate -> prose blocks using it (a candidate is no prose block,
    // so none of them counts itself)
    let vocab = super::prose_uses(blocks, &candidates, arena);
    for i in candidates {
        let b = &blocks[i];
        let own = content_of(b, arena);
        let hits = own
            .iter()
            .filter(|&&h| vocab.get(h) >= TOPICAL_MIN_BLOCKS)
            .count();
        if once(b.features.text_hash) && hits as f32 >= TOPICAL_SHARE * own.len() as f32 {
            scores[i] = -SENTENCE_LIKE_PENALTY;
        }
    }
    scores
}

/// The article's own enumerations (numbered items going on by one with other blocks between
/// every two: a roundup's products, a listicle's sections; see
/// [`super::related::enumerations`]) are its content, whatever their lines look like: each
/// item gains as a prose line of its length, and the lines between two items (a link, a
/// price, a caption) cost at most what a sentence-like line costs. A "Most read" sidebar is
/// numbered too, but its items follow one another.
fn own_enumerations(blocks: &[Block], scores: &mut [f32], ctx: &Ctx<'_>) {
    for members in ctx.enumerations(blocks) {
        let (first, last) = (members[0], members[members.len() - 1]);
        // the last item's lines up to its text: within the widest gap between two items
        let gap = members.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
        let end = (last + 1..blocks.len().min(last + gap))
            .find(|&j| blocks[j].kept() && blocks[j].is_prose())
            .unwrap_or(last);
        for s in &mut scores[first..end] {
            *s = s.max(-SENTENCE_LIKE_PENALTY);
        }
        for &m in members {
            if blocks[m].kept() {
                scores[m] = scores[m].max((blocks[m].features.words as f32).min(MAX_GAIN));
            }
        }
    }
}

/// A line announcing a list (ending with a colon, at least this many words, reading like
/// language: "Here is what changed since the last report:")…
const LIST_INTRO_WORDS: u32 = 3;

/// …heads the article's own list: the list items right after it (bulleted or numbered)
/// cost at most what a sentence-like line costs, whatever their shape (a changelog's short
/// entries, a guide's terms). A menu is not announced by a sentence, and a "Read also"
/// line is a lead-in, already dropped. Linear. Measured: wcxb-dev article dumps word F1
/// 0.9013 -> 0.9034 (14 pages gain 0.01-0.39, three lose 0.003-0.049: a site's "Learn more
/// in our series:" list after the article), leak unchanged; scrapinghub dumps unchanged
/// (four words: 0.9029, six: 0.9027).
fn announced_lists(blocks: &[Block], lang_known: bool, scores: &mut [f32]) {
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        let f = &b.features;
        let intro = b.kept()
            && f.words >= LIST_INTRO_WORDS
            // (the text's end as the features read it: no rule before this one rewrites
            // a block's text, `wedged` comes later)
            && f.ends_colon
            && (!lang_known || f.stopwords as f32 >= SENTENCE_LIKE_STOP_RATIO * f.words as f32);
        i += 1;
        if !intro {
            continue;
        }
        while i < blocks.len() && blocks[i].marker != Marker::None {
            if blocks[i].kept() {
                scores[i] = scores[i].max(-SENTENCE_LIKE_PENALTY);
            }
            i += 1;
        }
    }
}

/// A label shown on at least this many lines of the page…
const LABEL_MIN_LINES: usize = 2;

/// …heads the article's own key-value lines ("Light: medium, indirect", "Water: weekly",
/// "Precio: 12 euros" in every section of a guide, a spec sheet): such a line costs what a
/// sentence-like line costs. Menus carry no "label: value" lines; a footer's one
/// "Telephone: …" line is shown once. Measured: wcxb-dev article dumps 0.891 -> 0.893,
/// leak 0.0543 -> 0.0552, scrapinghub dumps unchanged (a label on any one line: 0.894 but
/// scrapinghub 0.919, leak 0.0560).
fn repeated_labels(blocks: &[Block], scores: &mut [f32]) {
    let labels: Vec<Option<u64>> = blocks
        .iter()
        .zip(scores.iter())
        .map(|(b, &s)| {
            // a label needs a colon (the tokenizer noted whether the line holds one): most
            // lines stop at that first test
            (b.features.colon && s < -SENTENCE_LIKE_PENALTY && b.kept() && !b.is_prose())
                .then(|| super::related::label(&b.text))
                .flatten()
        })
        .collect();
    let mut counts: HashMapU64<usize> = HashMapU64::default();
    for &l in labels.iter().flatten() {
        *counts.entry(l).or_insert(0) += 1;
    }
    if !counts.values().any(|&n| n >= LABEL_MIN_LINES) {
        // no label repeated (most pages): no line to read again
        return;
    }
    for (s, l) in scores.iter_mut().zip(&labels) {
        if l.is_some_and(|l| counts.get(&l).is_some_and(|&n| n >= LABEL_MIN_LINES)) {
            *s = -SENTENCE_LIKE_PENALTY;
        }
    }
}

/// A short line shown at least [`SECTION_LABEL_MIN`] times on the page with prose between
/// every two showings ("Features", "Pros", "Cons" in every product of a roundup) labels
/// the article's sections: it costs what a sentence-like line costs, and so do the list
/// items right under it (the pros and cons themselves, short lines without function
/// words that cost like menu items otherwise). Measured (the items): wcxb-dev article
/// dumps word F1 0.9034 -> 0.9038 (four pages gain 0.01-0.19, none lose), scrapinghub
/// dumps and leak unchanged.
fn section_labels(blocks: &[Block], scores: &mut [f32]) {
    // per line: how often the page shows its text
    let shown = shown_counts(blocks);
    if !shown.iter().any(|&n| n >= SECTION_LABEL_MIN as u32) {
        // no line shown often enough to be a label (most pages)
        return;
    }
    // a menu repeated on the page comes with its other items, a label with its own section
    let unique_next = |i: usize| shown.get(i + 1) == Some(&1);
    // per candidate label: (showings, prose blocks seen when last shown, every gap had
    // prose and a line shown once after it); only lines the page shows often enough can
    // be labels, which leaves most lines out of the map
    let mut seen: HashMapU64<(usize, usize, bool)> = HashMapU64::default();
    let mut prose = 0usize;
    for (i, (b, &s)) in blocks.iter().zip(scores.iter()).enumerate() {
        if b.kept() && b.is_prose() {
            prose += 1;
        } else if shown[i] >= SECTION_LABEL_MIN as u32
            && s < -SENTENCE_LIKE_PENALTY
            && b.kept()
            && b.marker == Marker::None
            && b.features.numbers == 0
        {
            let e = seen.entry(b.features.text_hash).or_insert((0, prose, true));
            if e.0 > 0 {
                e.2 &= prose > e.1;
            }
            e.2 &= unique_next(i);
            e.0 += 1;
            e.1 = prose;
        }
    }
    if seen.is_empty() {
        return;
    }
    let mut items = false;
    for (i, (b, s)) in blocks.iter().zip(scores.iter_mut()).enumerate() {
        if shown[i] >= SECTION_LABEL_MIN as u32
            && *s < -SENTENCE_LIKE_PENALTY
            && b.kept()
            && seen
                .get(&b.features.text_hash)
                .is_some_and(|&(n, _, apart)| n >= SECTION_LABEL_MIN && apart)
        {
            *s = -SENTENCE_LIKE_PENALTY;
            items = true;
        } else if items && b.marker != Marker::None {
            if b.kept() {
                *s = s.max(-SENTENCE_LIKE_PENALTY);
            }
        } else {
            items = false;
        }
    }
}

/// For each block: how many blocks of the page show its text (its word-sequence hash).
/// One open-addressing table sized for every block up front (never grown), whose slots
/// hold the first block showing a text (its index plus one; 0: an empty slot, and the hash
/// is read from that block): four bytes a slot to clear instead of a map's key and value,
/// and each block notes the first block of its text, so the counts are read back without a
/// second lookup. Cheaper than a general map's insertions, one per line of the page.
fn shown_counts(blocks: &[Block]) -> Vec<u32> {
    let bits = (blocks.len() * 2)
        .max(16)
        .next_power_of_two()
        .trailing_zeros();
    let mask = (1usize << bits) - 1;
    let mut slots: Vec<u32> = vec![0; 1 << bits];
    // per block: the first block showing its text; per first block: the count
    let mut first: Vec<u32> = Vec::with_capacity(blocks.len());
    let mut counts: Vec<u32> = vec![0; blocks.len()];
    for (n, b) in blocks.iter().enumerate() {
        let h = b.features.text_hash;
        // Fibonacci hashing, as the word maps do
        let mut i = (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize;
        while slots[i] != 0 && blocks[slots[i] as usize - 1].features.text_hash != h {
            i = (i + 1) & mask;
        }
        // a new text's slot takes this block (a select, not a branch: whether a line is
        // new cannot be predicted)
        let f = if slots[i] == 0 {
            n as u32
        } else {
            slots[i] - 1
        };
        slots[i] = f + 1;
        counts[f as usize] += 1;
        first.push(f);
    }
    first.iter().map(|&f| counts[f as usize]).collect()
}

/// A section label is shown at least this many times.
const SECTION_LABEL_MIN: usize = 3;

/// HTML: drops every block outside the region the front door chose (when it chose one).
/// A short line of a markdown text made mostly of links ("[Home](/) [News](/news)", "Share
/// on [Facebook](…) [X](…)", a footer's links) is navigation, as the HTML front door
/// reads a short paragraph of links (the same thresholds): not the article's text. Not a
/// list item (a list of links is judged by `related-links`, as in HTML) nor a heading the
/// markup wrote as one (`## …`, level set). Only markdown text knows its link density.
fn drop_link_lines(blocks: &mut [Block]) {
    for b in blocks.iter_mut() {
        let line = b.kind == Kind::Paragraph || (b.kind == Kind::Heading && b.level == 0);
        if line
            && b.marker == Marker::None
            && b.link_density.is_some_and(|d| d >= MD_LINK_LINE_DENSITY)
            && b.features.words <= MD_LINK_LINE_WORDS
        {
            b.drop_for(Reason::OutsideContent);
        }
    }
}

/// A short markdown line with this share of link text…
const MD_LINK_LINE_DENSITY: f32 = 0.5;
/// …and at most this many words is a line of links (HTML's `LINK_LINE_*`).
const MD_LINK_LINE_WORDS: u32 = 16;

pub(crate) fn apply_html(blocks: &mut [Block]) {
    if blocks.iter().any(|b| b.hints.in_region) {
        for b in blocks.iter_mut().filter(|b| !b.hints.in_region) {
            b.drop_for(Reason::OutsideContent);
        }
    }
}

/// The article's key words: the content words its region's prose repeats most.
const KEYWORDS: usize = 10;
/// A key word is used at least this often in the region's prose.
const KEYWORD_MIN_COUNT: u32 = 2;
/// With fewer key words than this the topic is too thin to judge.
const MIN_KEYWORDS: usize = 3;

/// Trims the region's tail: prose after the article's last paragraph that names none of
/// the article's key words (another story's teaser, a promotion, an unrelated comment).
fn trim_tail(blocks: &[Block], (lo, mut hi): (usize, usize), arena: &[u64]) -> (usize, usize) {
    let prose = |b: &Block| b.kept() && b.is_prose();
    // per word: its count and the position of its first occurrence, which breaks ties
    // between equally frequent words (independent of the hash function)
    let words = content_words(&blocks[lo..hi]);
    let mut counts: WordMap<(u32, u32)> = WordMap::with_capacity(words);
    // the words counted [`KEYWORD_MIN_COUNT`] times, each once, as they get there
    // (written at the end of the list and kept or not: no branch on it)
    let mut repeated: Vec<u64> = vec![0; words + 1];
    let (mut pos, mut n) = (0u32, 0usize);
    for b in blocks[lo..hi].iter().filter(|b| prose(b)) {
        for &h in content_of(b, arena) {
            // (sized for every word of the span: no test of its size per word)
            let (e, new) = counts.entry_reserved(h);
            e.0 += 1;
            // a new word's slot holds (0, 0): its first position is or-ed in, without a
            // branch on whether it is new (a compiler turns a select into one)
            e.1 |= pos & u32::from(new).wrapping_neg();
            repeated[n] = h;
            n += usize::from(e.0 == KEYWORD_MIN_COUNT);
            pos += 1;
        }
    }
    // (the list's order does not matter: the sort below is total, first positions being
    // distinct)
    let mut top: Vec<(u32, u32, u64)> = repeated[..n]
        .iter()
        .map(|&h| {
            let (c, first) = counts.value(h);
            (c, first, h)
        })
        .collect();
    if top.len() < MIN_KEYWORDS {
        return (lo, hi);
    }
    // most frequent first; among equals, the earliest: the first KEYWORDS picked out in
    // linear time, then only they sorted (the order is total, so the same list as a
    // full sort's head)
    let order = |a: &(u32, u32, u64), b: &(u32, u32, u64)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
    if top.len() > KEYWORDS {
        top.select_nth_unstable_by(KEYWORDS - 1, order);
        top.truncate(KEYWORDS);
    }
    top.sort_unstable_by(order);
    let names_key_word = |b: &Block| {
        content_of(b, arena)
            .iter()
            .any(|h| top.iter().any(|&(_, _, k)| k == *h))
    };
    while let Some(j) = (lo..hi).rev().find(|&j| prose(&blocks[j])) {
        if j == lo || names_key_word(&blocks[j]) {
            break;
        }
        hi = j;
    }
    (lo, hi)
}

/// A run of non-prose lines inside the span that costs this much (six menu lines, a share
/// bar with a "Read next" label) separates two parts of the page.
const BREAK: f32 = 60.0;
/// The article is the first part scoring at least this share of the best part's score
/// (teasers, comment threads, cookie notices and legal footers come after it and may
/// outweigh a short article); the best span before the page's best one joins the
/// candidates when it scores this share of it. Measured (the second use): scrapinghub
/// dumps word F1 0.909 -> 0.913, wcxb-dev article dumps 0.876 -> 0.885 (0.4: 0.911 /
/// 0.886; 0.7: 0.913 / 0.881).
const CORE_SHARE: f32 = 0.5;
/// A neighbouring part joins the article when at least this share of its prose's
/// content words are already in the article's.
const MIN_COHERENCE: f32 = 0.1;

/// Splits the chosen span at strong breaks ([`BREAK`]), takes the first part that scores
/// nearly as well as the best one as the article's core, and adds the neighbouring parts
/// outward as long as their prose shares the vocabulary gathered so far: teasers, comment
/// threads and author blurbs after a share bar or a "Read next" list pay their way in
/// Kadane's sum but speak of other things. Linear: each part's words are read at most
/// three times.
/// Measured (set constants): scrapinghub dumps word F1 0.885 → 0.892, wcxb-dev article
/// dumps 0.854 → 0.855.
fn core_segments(
    blocks: &[Block],
    scores: &[f32],
    (lo, hi): (usize, usize),
    arena: &[u64],
) -> (usize, usize) {
    // segments: (start, end, score)
    let mut segs: Vec<(usize, usize, f32)> = Vec::new();
    let (mut seg_start, mut seg_sum) = (lo, 0.0f32);
    let (mut gap_start, mut gap_sum) = (lo, 0.0f32);
    for (i, &s) in scores.iter().enumerate().take(hi).skip(lo) {
        if s > 0.0 {
            if gap_sum <= -BREAK && gap_start > seg_start {
                segs.push((seg_start, gap_start, seg_sum));
                seg_start = i;
                seg_sum = 0.0;
            } else {
                seg_sum += gap_sum;
            }
            seg_sum += s;
            gap_sum = 0.0;
            gap_start = i + 1;
        } else {
            gap_sum += s;
        }
    }
    segs.push((seg_start, hi, seg_sum));
    if segs.len() < 2 {
        return (lo, hi);
    }
    let top = segs.iter().map(|s| s.2).fold(f32::MIN, f32::max);
    let core = segs
        .iter()
        .position(|s| s.2 >= CORE_SHARE * top)
        .unwrap_or(0);
    let mut vocab = CountMap::with_capacity(content_words(&blocks[lo..hi]));
    let prose = |b: &Block| b.kept() && b.is_prose();
    let add = |vocab: &mut CountMap, (a, z, _): (usize, usize, f32)| {
        for b in blocks[a..z].iter().filter(|b| prose(b)) {
            for &h in content_of(b, arena) {
                vocab.add(h);
            }
        }
    };
    let coherence = |vocab: &CountMap, (a, z, _): (usize, usize, f32)| {
        let (mut n, mut hit) = (0u32, 0u32);
        for b in blocks[a..z].iter().filter(|b| prose(b)) {
            for &h in content_of(b, arena) {
                n += 1;
                hit += u32::from(vocab.get(h) > 0);
            }
        }
        if n == 0 {
            1.0
        } else {
            hit as f32 / n as f32
        }
    };
    add(&mut vocab, segs[core]);
    let (mut first, mut last) = (core, core);
    // outward, after the core first (where the article goes on), then before it; each
    // part is judged once
    while last + 1 < segs.len() && coherence(&vocab, segs[last + 1]) >= MIN_COHERENCE {
        last += 1;
        add(&mut vocab, segs[last]);
    }
    while first > 0 && coherence(&vocab, segs[first - 1]) >= MIN_COHERENCE {
        first -= 1;
        add(&mut vocab, segs[first]);
    }
    (segs[first].0, segs[last].1)
}

/// The content words of the blocks, the most distinct words a vocabulary of them holds:
/// its map is sized once instead of growing step by step.
fn content_words(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| b.features.content_words as usize)
        .sum()
}

/// A record header line (a comment's date, "2 days ago at 07:52") has at most this many
/// words…
const RECORD_MAX_WORDS: u32 = 8;
/// …and at least this many runs of digits (a date, a clock time).
const RECORD_MIN_DIGIT_RUNS: u32 = 3;
/// The same header shape this many times, each before prose, is a thread of records.
const RECORD_MIN_REPEATS: usize = 3;
/// The article's prose before the thread has at least this many words.
const RECORD_MIN_ARTICLE_WORDS: u32 = 50;
/// A thread's header group is at most this many short lines (user name, date, counter).
const RECORD_HEADER_LINES: usize = 3;

/// The shape of a short line: a word with letters in it becomes `a` (a user name, a month,
/// "ago"), in the other words runs of digits become `0` and other characters stay; hashed
/// (FNV-1a). `None` unless the line is short, not prose, not a list item, and reads as a
/// timestamp: a clock time (one or two digits, a colon, two digits) among
/// [`RECORD_MIN_DIGIT_RUNS`] runs of digits. "November 19, 2019 at 6:34 am", "2 days ago at
/// 07:52 am", "alison100 3 May 2025 09:21" and "19.11.2019 um 14:32" keep their shape from
/// comment to comment. Product specifications and prices in a roundup repeat their shapes
/// too but carry no clock time.
#[inline]
fn record_shape(b: &Block) -> Option<u64> {
    // no colon, no clock time: most lines stop here, at one well-predicted branch, before
    // the shape is built (the tokenizer noted whether the line holds one), and without a
    // call (the shape's builder saves and restores a dozen registers)
    if !b.features.colon {
        return None;
    }
    shape_of(b)
}

/// [`record_shape`] of a line holding a colon.
fn shape_of(b: &Block) -> Option<u64> {
    let f = &b.features;
    if f.words == 0 || f.words > RECORD_MAX_WORDS || b.marker != Marker::None || b.is_prose() {
        return None;
    }
    // a clock time needs a colon with a digit before it and two after it: most colon
    // lines ("Photo: Reuters", "Tags: …") have none, and are not hashed
    let t = b.text.as_bytes();
    let digit = |i: usize| t.get(i).is_some_and(u8::is_ascii_digit);
    let clock_like = |i: usize| i > 0 && digit(i - 1) && digit(i + 1) && digit(i + 2);
    if !memchr::memchr_iter(b':', t).any(clock_like) {
        return None;
    }
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let mut mix = |c: char| h = (h ^ c as u64).wrapping_mul(0x100_0000_01b3);
    let (mut digit_runs, mut clock) = (0u32, false);
    for word in b.text.split_whitespace() {
        mix(' ');
        let lettered = word.chars().any(char::is_alphabetic);
        if lettered {
            mix('a');
        }
        // clock-time recogniser: length of the current digit run, of the run before a colon
        let (mut run_len, mut hours_len) = (0u32, 0u32);
        for c in word.chars().chain([' ']) {
            if c.is_ascii_digit() {
                if run_len == 0 {
                    digit_runs += 1;
                    if !lettered {
                        mix('0');
                    }
                }
                run_len += 1;
                continue;
            }
            clock |= (1..=2).contains(&hours_len) && run_len == 2;
            hours_len = if c == ':' { run_len } else { 0 };
            run_len = 0;
            if !lettered && c != ' ' {
                mix(c);
            }
        }
    }
    (clock && digit_runs >= RECORD_MIN_DIGIT_RUNS).then_some(h)
}

/// Cuts a thread of records off the span's end: comments (or reader reviews) repeat a
/// header of the same shape (a date line, [`record_shape`]) before each post, and the posts
/// talk of the article's subject, so vocabulary does not tell them apart. The span ends
/// before the header group of the first repeat that has the article's prose before it and
/// [`RECORD_MIN_REPEATS`] repeats from there on, each followed by prose. Linear.
fn cut_records(blocks: &[Block], (lo, hi): (usize, usize)) -> (usize, usize) {
    // the whole page: a forum's first post may sit above the span, the thread's end below
    let shapes: Vec<Option<u64>> = blocks.iter().map(record_shape).collect();
    let before_prose = |i: usize| {
        blocks[i + 1..blocks.len().min(i + 3)]
            .iter()
            .any(|n| n.is_prose())
    };
    let mut counts: HashMapU64<usize> = HashMapU64::default();
    for (i, h) in shapes.iter().enumerate() {
        if let Some(h) = h.filter(|_| before_prose(i)) {
            *counts.entry(h).or_insert(0) += 1;
        }
    }
    let Some((&shape, &n)) = counts.iter().max_by_key(|(&h, &c)| (c, h)) else {
        return (lo, hi);
    };
    if n < RECORD_MIN_REPEATS {
        return (lo, hi);
    }
    let mut words = 0u32;
    for (i, b) in blocks[..hi].iter().enumerate() {
        if shapes[i] == Some(shape) {
            if words < RECORD_MIN_ARTICLE_WORDS {
                // the records start the content: a forum thread, the posts are the content
                break;
            }
            let mut cut = i;
            while cut > i.saturating_sub(RECORD_HEADER_LINES).max(lo) && !blocks[cut - 1].is_prose()
            {
                cut -= 1;
            }
            return (lo, cut);
        }
        if i >= lo && b.is_prose() {
            words += b.features.words;
        }
    }
    (lo, hi)
}

/// Teasers after a lead-in: at least this many prose items…
const TEASER_MIN_ITEMS: usize = 3;
/// …each after the same separator line (a share bar repeated under every teaser), looked
/// for within this many blocks of the lead-in…
const TEASER_WINDOW: usize = 60;
/// …whose prose has less than this share of its content words in the article's prose
/// before the lead-in.
const TEASER_MAX_SHARED: f32 = 0.3;

/// Ends the span at a lead-in ("You may also like") followed by a list of prose teasers,
/// each item introduced by the same non-prose line (the share bar or label every teaser
/// card repeats). A lead-in inside an article ("Read also") is followed by a headline or
/// two and the article's next paragraph, not by such a repeated pattern, and an ad label
/// repeated between the article's own paragraphs comes with prose on the article's
/// subject. Each lead-in's scan is bounded by [`TEASER_WINDOW`] blocks.
fn cut_announced_teasers(blocks: &[Block], (lo, hi): (usize, usize), arena: &[u64]) -> usize {
    // the content words of the prose before the lead-in, read up to `read`
    let (mut vocab, mut read): (HashMapU64<()>, usize) = (HashMapU64::default(), lo);
    for k in lo..hi {
        if blocks[k].verdict != Verdict::Drop(Reason::LeadIn) {
            continue;
        }
        let end = hi.min(k + 1 + TEASER_WINDOW);
        // the separator: the first non-prose line after the lead-in
        let Some(sep) = (k + 1..end).find(|&j| !blocks[j].is_prose()) else {
            continue;
        };
        if (k + 1..sep).any(|j| blocks[j].is_prose()) {
            continue;
        }
        let hash = blocks[sep].features.text_hash;
        // items: a separator occurrence followed by prose before the next occurrence
        let (mut items, mut open, mut prose) = (0, true, false);
        for b in &blocks[sep + 1..end] {
            if b.features.text_hash == hash {
                items += usize::from(open && prose);
                open = true;
                prose = false;
            } else if b.is_prose() {
                prose = true;
            }
        }
        items += usize::from(open && prose);
        if items < TEASER_MIN_ITEMS {
            continue;
        }
        // an ad label repeated between the article's own paragraphs has the same shape:
        // teasers speak of other things than the prose before the lead-in
        // (the vocabulary grows with each lead-in tested, so every block is added once)
        for b in blocks[read..k].iter().filter(|b| b.kept() && b.is_prose()) {
            for &h in content_of(b, arena) {
                vocab.insert(h, ());
            }
        }
        read = k;
        let (mut n, mut hit) = (0u32, 0u32);
        for b in blocks[sep + 1..end].iter().filter(|b| b.is_prose()) {
            for h in content_of(b, arena) {
                n += 1;
                hit += u32::from(vocab.contains_key(h));
            }
        }
        if (hit as f32) < TEASER_MAX_SHARED * n as f32 {
            return k;
        }
    }
    hi
}

/// A table after the article: at least this many rows…
const TABLE_MIN_ROWS: usize = 5;
/// …of at most this many words, each with a number in it, at the same place.
const TABLE_ROW_MAX_WORDS: u32 = 25;

/// Where a table row holds its first number: the index of its first word with a digit
/// ("June 9 – Tampa, FL" and "Aug. 14 – Denver, CO" at 1, "1 Kyle Busch 5040" at 0).
/// `None` unless the block is a short kept line with a number.
fn row_shape(b: &Block) -> Option<usize> {
    if !b.kept()
        || b.features.numbers == 0
        || !(1..=TABLE_ROW_MAX_WORDS).contains(&b.features.words)
    {
        return None;
    }
    b.text
        .split_whitespace()
        .position(|w| w.bytes().any(|c| c.is_ascii_digit()))
}

/// Extends the article's end over the table that closes it: a run of at least
/// [`TABLE_MIN_ROWS`] short lines holding a number at the same place (tour dates, a
/// schedule, standings, results), right after the article's last block or after one
/// title line. Rows cost like menu lines in the region's sum and trail the article, so no
/// span reaches them; menus carry no numbers, and headlines that happen to hold one
/// ("Top 10 …", "… 5 million …") hold it anywhere. Linear.
fn extend_table(blocks: &[Block], hi: usize) -> usize {
    let rows = |start: usize| {
        let Some(shape) = blocks.get(start).and_then(row_shape) else {
            return 0;
        };
        blocks[start..]
            .iter()
            .take_while(|b| row_shape(b) == Some(shape))
            .count()
    };
    // one title line ("Tour dates 2020:") may stand between the article and its table
    for start in [hi, hi + 1] {
        let n = rows(start);
        if n >= TABLE_MIN_ROWS {
            return start + n;
        }
        if blocks.get(hi).is_none_or(Block::is_prose) {
            break;
        }
    }
    hi
}

/// The best-sum contiguous span of `scores` (Kadane): its sum and its bounds.
fn kadane(scores: &[f32]) -> (f32, (usize, usize)) {
    let (mut best, mut best_span) = (f32::MIN, (0, 0));
    let (mut run, mut start) = (0.0f32, 0usize);
    for (i, &s) in scores.iter().enumerate() {
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
    (best, best_span)
}

impl Rule for Region {
    fn name(&self) -> &'static str {
        "region"
    }
    fn doc(&self) -> &'static str {
        "everything outside the article's region (navigation, footers, sidebars, comments)"
    }
    fn needs_topic(&self) -> bool {
        false
    }
    fn apply(&self, blocks: &mut [Block], ctx: &Ctx<'_>) {
        if ctx.html {
            apply_html(blocks);
            return;
        }
        drop_link_lines(blocks);
        if !ctx.page_chrome {
            // already-extracted text: there is no page around the article to cut away
            return;
        }
        let lang_known = ctx.lang.index.is_some();
        let scores = scores(blocks, lang_known, ctx);
        let (best, mut best_span) = kadane(&scores);
        if best <= 0.0 {
            // no prose at all: nothing to choose, keep what the other rules leave
            return;
        }
        // the article comes first: the best span before the best one joins the candidates
        // when it scores at least half as well (core_segments then takes the first strong
        // part); one more linear pass
        let (earlier, earlier_span) = kadane(&scores[..best_span.0]);
        if earlier >= CORE_SHARE * best {
            best_span.0 = earlier_span.0;
        }
        let span = core_segments(blocks, &scores, best_span, ctx.arena);
        let span = cut_records(blocks, span);
        let (lo, hi) = trim_tail(blocks, span, ctx.arena);
        let hi = cut_announced_teasers(blocks, (lo, hi), ctx.arena);
        let hi = extend_table(blocks, hi);
        for (i, b) in blocks.iter_mut().enumerate() {
            if i < lo || i >= hi {
                b.drop_for(Reason::OutsideContent);
            }
        }
    }
}
