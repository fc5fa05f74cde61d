//! Related-links lists: runs of headline-like lines whose topic is not the article's.
//!
//! A related-links list is recognised by its text, not by where it sits or what markup
//! it has: a run of lines that are not prose (short, no sentence shape), most of whose
//! words the article's own paragraphs never use. A run introduced by a lead-in ("Read
//! also", or any short line ending with a colon) needs less evidence. The article's own
//! lists survive because their items share the article's vocabulary.

use super::{Ctx, Rule};
use crate::block::{Block, Kind, Marker, Reason, Verdict};
use crate::features::{
    content_hashes_any_lang, content_of, hash_words, stopword_in_no_language, HashMapU64,
};

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

#[inline(always)]
fn candidate(b: &Block, introduced: bool) -> bool {
    let f = &b.features;
    // short lines of a few sentences may be headlines that end with a period; after a
    // lead-in ("Trending now"), longer headline-shaped ones too
    let limit = if introduced && b.is_headline_shaped() {
        INTRODUCED_PROSE_WORDS
    } else {
        WEAK_PROSE_WORDS
    };
    let weak_prose = b.marker == Marker::None && f.sentences <= 3 && f.words < limit;
    b.kept()
        && b.kind != Kind::Quote
        && (!b.is_prose() || weak_prose)
        && f.words >= 1
        && f.words <= MAX_WORDS
        && f.sentences <= 3
}

/// Lines of up to three sentences shorter than this may belong to a headline list…
const WEAK_PROSE_WORDS: u32 = 20;
/// …and, right after a lead-in, shorter than this.
const INTRODUCED_PROSE_WORDS: u32 = 30;

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
        judge_runs(blocks, ctx, false);
    }
}

/// Text mode, headings not kept: judges the runs again once the `headings` rule has
/// dropped its lines, as a second pass over the output reads them, so that cleaning the
/// output again changes nothing. The first judgement read lines that go afterwards: a
/// run kept on their evidence (a recurring "Available from Amazon" among a product's
/// feature lines, a heading as the one headline among three short lines) is read again
/// without them, and two runs that a removed line held apart (a numbered item, a heading,
/// a lead-in between them) are read as one. The lines removed are absent here, not the
/// ends of runs, and no lead-in introduces a run; only more can go. Measured with the
/// rest of the change (2026-11-27, per-page means): injected-dev recall 0.96845 ->
/// 0.96807 (the deals roundup `e7d77f18` loses on the first pass the four feature lines
/// the second pass took; 0.996 with headings kept, leak 0, unchanged), scrapinghub dumps
/// 0.92116 -> 0.92122, wcxb-dev article dumps 0.90479 -> 0.90498 (leak 0.0593 ->
/// 0.0590); the wcxb-dev dumps whose output a second pass changes, 70 -> 21 of 1,488.
pub(crate) fn judge_survivors(blocks: &mut [Block], ctx: &Ctx<'_>) {
    judge_runs(blocks, ctx, true);
}

/// What the rule's first pass leaves for [`judge_survivors`] (one page's, in [`Ctx`]).
#[derive(Default)]
pub(crate) struct Judged {
    /// The page's tables of the first pass: which blocks are items of the article's own
    /// enumerations, the stopword share of its sentences, its recurring lines.
    own: Vec<bool>,
    stop_share: f32,
    recurring: HashMapU64<u32>,
    /// The runs the first pass judged without a lead-in before them and left whole (no
    /// line of them dropped), in the order of the page: each its length, then its lines.
    whole: Vec<usize>,
}

/// The rule's pass over the runs; `survivors`: read the dropped blocks as absent (see
/// [`judge_survivors`]).
///
/// The second pass reads no lead-in, so it judges runs only where the topic is
/// informative, and every one as [`decide`] judged a run after no lead-in. It reuses the
/// first pass's tables that read no verdict (the numbered sections: the enumerations, of
/// all blocks; the stopword share: all blocks' features; no rule between the two passes
/// changes a block's features, text or marker, only verdicts), and skips [`decide`] for a
/// run the first pass judged (after no lead-in) and left whole, holding the same lines,
/// when the recurring lines, counted again over the kept lines, are as they were:
/// `decide` reads nothing but the run's lines (kept in both passes, unchanged), those
/// tables, the options and the arena, so it would leave the run whole again.
fn judge_runs(blocks: &mut [Block], ctx: &Ctx<'_>, survivors: bool) {
    // a page the HTML front door read as a listing (little prose anywhere, no strong
    // article) is made of such runs: they are its content. Measured on wcxb-dev: all
    // 0.8300 -> 0.8305 (listings 0.594 -> 0.603), leak unchanged; on every page
    // without a strong article, leak 0.0285 -> 0.0293 (service pages' calls to action)
    if ctx.listing {
        return;
    }
    // without enough prose to know the topic, only lists after a lead-in go
    let informative = ctx.topic.is_informative();
    if survivors && !informative {
        // no lead-in here: no run would be judged
        return;
    }
    let mut judged = ctx.related.borrow_mut();
    let judged = &mut *judged;
    let recurring = recurring_lines(blocks, ctx);
    // the first pass's whole runs are of use when the recurring lines are as they were
    // (the first pass's tables are this page's: they cover its blocks)
    let second = survivors && judged.own.len() == blocks.len();
    let reuse = second && recurring == judged.recurring;
    if !second {
        judged.own = numbered_sections(blocks, ctx);
        judged.stop_share = sentence_stop_share(blocks);
    }
    judged.recurring = recurring;
    // the first pass's whole runs, taken for the second; the first pass fills them again
    let whole = std::mem::take(&mut judged.whole);
    let whole = if reuse { whole } else { Vec::new() };
    if !survivors {
        judged.whole.reserve(256);
    }
    // the next of the first pass's whole runs not before the run read
    let mut next_whole = 0;
    let n = blocks.len();
    let mut i = 0;
    let mut introduced = false;
    // (room for most runs: they are short)
    let mut run: Vec<usize> = Vec::with_capacity(64);
    let mut scratch = Scratch::default();
    // HTML: the first and the last paragraph of the article's prose, between which a grid
    // of teaser cards is wedged ([`card_stretches`])
    let body = |b: &&Block| b.kept() && b.is_prose() && b.features.words >= WEDGING_PROSE_WORDS;
    let prose_span = if ctx.html {
        blocks
            .iter()
            .position(|b| body(&b))
            .zip(blocks.iter().rposition(|b| body(&b)))
            .map(|(first, last)| Prose { first, last })
    } else {
        None
    };
    // whether the page's prose outweighs its grids, read when a grid is first found
    let mut outweighs = None;
    while i < n {
        match blocks[i].verdict {
            Verdict::Drop(Reason::LeadIn) if !survivors => {
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
        if !candidate(&blocks[i], introduced) {
            introduced = false;
            i += 1;
            continue;
        }
        run.clear();
        run.push(i);
        let mut j = i + 1;
        while j < n {
            match blocks[j].verdict {
                Verdict::Drop(Reason::LeadIn) if !survivors => break,
                Verdict::Drop(_) => {}
                // a list's items share their marker: an unmarked line after marked
                // items (a heading after a bulleted list), or marked items after
                // unmarked lines (a list after a heading) start something else; only
                // a label ending with a colon introduces a list of another shape; in
                // HTML, items of another list or table are another widget
                Verdict::Keep
                    if candidate(&blocks[j], introduced)
                        && same_list(blocks, &run, j)
                        && !other_widget(&blocks[run[run.len() - 1]], &blocks[j]) =>
                {
                    run.push(j)
                }
                Verdict::Keep => break,
            }
            j += 1;
        }
        if informative || introduced {
            let mut left_whole = false;
            if reuse {
                // the first pass's runs start in the page's order, as these do
                while whole.get(next_whole + 1).is_some_and(|&first| first < i) {
                    next_whole += 1 + whole[next_whole];
                }
                left_whole = whole
                    .get(next_whole + 1..next_whole + 1 + run.len())
                    .is_some_and(|same| whole[next_whole] == run.len() && same == run);
            }
            if !left_whole {
                // HTML: a grid of teaser cards is judged apart from the lines around it
                // in its run (a caption before it, a byline after it)
                let mut from = 0;
                let stretches = match prose_span {
                    Some(span) => card_stretches(blocks, &run, span),
                    None => Vec::new(),
                };
                if !stretches.is_empty()
                    && *outweighs.get_or_insert_with(|| prose_outweighs_cards(blocks))
                {
                    for (start, end) in stretches {
                        if start > from {
                            decide(
                                blocks,
                                &run[from..start],
                                introduced && from == 0,
                                judged,
                                &mut scratch,
                                ctx,
                            );
                        }
                        decide_cards(blocks, &run[start..end], introduced && start == 0, judged);
                        from = end;
                    }
                }
                if from < run.len() {
                    decide(
                        blocks,
                        &run[from..],
                        introduced && from == 0,
                        judged,
                        &mut scratch,
                        ctx,
                    );
                }
                if !survivors && !introduced && run.iter().all(|&k| blocks[k].kept()) {
                    judged.whole.push(run.len());
                    judged.whole.extend_from_slice(&run);
                }
            }
        }
        introduced = false;
        i = j;
    }
}

/// Whether line `j` continues the list `run`.
fn same_list(blocks: &[Block], run: &[usize], j: usize) -> bool {
    let last = &blocks[run[run.len() - 1]];
    let marked = |b: &Block| b.marker != Marker::None;
    let same_marker = match (last.marker, blocks[j].marker) {
        (Marker::Number(_), Marker::Number(_)) => true,
        (a, b) => a == b,
    };
    if same_marker {
        return true;
    }
    // a label that introduces the list
    run.len() == 1 && !marked(last) && last.features.ends_colon
}

/// A numbered sequence this long, spread over the article, is the article's own.
const SECTION_MIN_ITEMS: usize = 3;

/// For each block: whether it is a numbered item of the article's own enumeration (see
/// [`enumerations`]).
fn numbered_sections(blocks: &[Block], ctx: &Ctx<'_>) -> Vec<bool> {
    let mut own = vec![false; blocks.len()];
    for members in ctx.enumerations(blocks) {
        for &m in members {
            own[m] = true;
        }
    }
    own
}

/// Calls `found` with the members of each of the article's own enumerations (a listicle's
/// numbered sections, a roundup's numbered products): numbers that go on by one (up or
/// down) from item to item, with other blocks (the section's text, a link, a picture's
/// caption) between most two items, at least [`SECTION_MIN_ITEMS`] of them. A "Most
/// read" list is numbered too, but its items follow one another. Linear.
pub(crate) fn enumerations(blocks: &[Block], mut found: impl FnMut(&[usize])) {
    // the blocks that may hold a number of either sequence: a numbered item, or an
    // unmarked line starting with a digit (as `unspaced_number` and `counter` ask); the
    // sequences read them alone, as the others leave a sequence as it is (one pass over
    // the page instead of two)
    let numbered: Vec<usize> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| match b.marker {
            Marker::Number(_) => true,
            Marker::None => b.text.as_bytes().first().is_some_and(u8::is_ascii_digit),
            _ => false,
        })
        .map(|(i, _)| i)
        .collect();
    // list numbers and counter lines are read as two sequences: a rating's digits on lines
    // of their own do not break a listicle's numbered sections
    for counters in [false, true] {
        sequences(blocks, &numbered, counters, &mut found);
    }
}

/// The enumerations of [`enumerations`] among the list items' numbers, or among the
/// counter lines ([`counter`]), of the blocks `numbered` (in the page's order).
fn sequences(
    blocks: &[Block],
    numbered: &[usize],
    counters: bool,
    found: &mut impl FnMut(&[usize]),
) {
    // the sequence being read: its members, the last number, its direction (+1 / -1, 0
    // while it has one member)
    let mut members: Vec<usize> = Vec::new();
    let (mut last, mut step) = (0i64, 0i64);
    let mut close = |members: &mut Vec<usize>| {
        // most items apart: a listicle whose last sections are one line each is still
        // its own enumeration (all apart: wcxb-dev article dumps 0.890, most: 0.891)
        let apart = members.windows(2).filter(|w| w[1] > w[0] + 1).count();
        let spread = apart * 2 >= members.len().saturating_sub(1);
        if members.len() >= SECTION_MIN_ITEMS && spread {
            found(members);
        }
        members.clear();
    };
    for &i in numbered {
        let b = &blocks[i];
        let n = match (b.marker, counters) {
            (Marker::Number(n), false) => n,
            (Marker::None, false) => match unspaced_number(&b.text) {
                Some(n) => n,
                None => continue,
            },
            (Marker::None, true) => match counter(&b.text) {
                Some(n) => n,
                None => continue,
            },
            _ => continue,
        };
        let n = i64::from(n);
        let d = n - last;
        let goes_on = !members.is_empty() && (d == 1 || d == -1) && (step == 0 || d == step);
        if goes_on {
            step = d;
        } else {
            close(&mut members);
            step = 0;
        }
        members.push(i);
        last = n;
    }
    close(&mut members);
}

/// A section number written without a space before its title ("1.Kitchen", "2)Bäder"):
/// one to three digits, a full stop or a parenthesis, and a letter. "3.5" and "1.000" have
/// a digit there.
fn unspaced_number(text: &str) -> Option<u32> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let rest = text[digits..].strip_prefix(['.', ')'])?;
    rest.starts_with(char::is_alphabetic)
        .then(|| text[..digits].parse().ok())
        .flatten()
}

/// A slideshow's or a gallery's counter on a line of its own: a bare item number ("3"), or
/// the number and the item count ("3 of 15", "3 / 15", "3 von 15": a number, at most one
/// word, a number). Only lines of a few bytes starting with a digit are read.
fn counter(text: &str) -> Option<u32> {
    const MAX_BYTES: usize = 20;
    if text.len() > MAX_BYTES || !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 3 {
        return None;
    }
    let n = text[..digits].parse().ok()?;
    let rest = text[digits..].trim_start();
    if rest.is_empty() {
        return Some(n);
    }
    // "of 15", "/ 15", "/15": the last token a number, at most one other between
    let mut tokens = rest.split_whitespace();
    let last = tokens.next_back()?;
    let last = last
        .strip_prefix('/')
        .filter(|l| !l.is_empty())
        .unwrap_or(last);
    let middle = tokens.count();
    let whole = |t: &str| !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit());
    (middle <= 1 && whole(last) && (middle == 1 || rest.starts_with('/'))).then_some(n)
}

/// Lists this long are judged by their own coherence.
const COHERENT_MIN_ITEMS: usize = 3;
/// A list whose items share a content word with another item at least this often is
/// one subject's list. Set on injected-dev: random headlines stay well below.
const COHERENT_SHARE: f32 = 0.75;

/// A headline without its publisher or section suffix ("Title - Site", "Title | Opinion"):
/// suffixes repeat across the headlines of one site and are no sign of a common subject.
fn without_site(text: &str) -> &str {
    // most lines hold neither separator: one vector scan instead of two substring searches
    if memchr::memchr2(b'|', b'-', text.as_bytes()).is_none() {
        return text;
    }
    let mut t = text;
    while let Some(p) = t.rfind(" | ").or_else(|| t.rfind(" - ")) {
        if t[..p].split_whitespace().count() < 3 {
            break;
        }
        t = &t[..p];
    }
    t
}

/// The label a line starts with ("Q:", "Price:", "Аккаунт:"): at most three words
/// before a colon, as a hash of its lowercase words.
pub(crate) fn label(text: &str) -> Option<u64> {
    // the vector search (most lines hold no colon; `split_once` searches byte by byte)
    let colon = memchr::memchr(b':', text.as_bytes())?;
    let (head, rest) = (&text[..colon], &text[colon + 1..]);
    let words = head.split_whitespace().count();
    ((1..=LABEL_WORDS).contains(&words) && !rest.trim().is_empty() && !head.contains("http"))
        .then(|| hash_words(head))
}

/// A line's label has at most this many words.
const LABEL_WORDS: usize = 3;

/// The words an item brings to the coherence count: its content words (its site suffix
/// left out) and its label: lines that start alike ("Q: …", "A: …", "Size: …") are one
/// interview, one spec sheet, and no headline list. A word counts whatever the language
/// the page was guessed in: headlines in another language (English ones injected into an
/// Italian article) must not share their function words ("are", "and") as a subject
/// (measured on injected-dev with headings kept: leak 0.0043 -> 0.0000).
///
/// The words are read from the arena (the block's content words, [`content_of`], kept when
/// they are a stopword in no language) unless the site suffix is cut: the arena holds the
/// hashes of the tokens that are content words ([`crate::features::compute`]: no number,
/// no short word) and no stopword of the page's language, in the order of the text; those
/// that are a stopword in no language are the words, and the order, that
/// [`content_hashes_any_lang`] reads from the whole text (the same tokens, the same
/// hashes, the same test). The label is looked for only on a line holding a colon
/// (`features.colon`, which tells whether the text holds one).
fn item_words<'a>(b: &'a Block, arena: &'a [u64]) -> impl Iterator<Item = u64> + 'a {
    let text = b.text.as_str();
    let site_free = without_site(text);
    let (kept, cut) = if site_free.len() == text.len() {
        (content_of(b, arena), None)
    } else {
        (&[][..], Some(site_free))
    };
    kept.iter()
        .copied()
        .filter(|&h| stopword_in_no_language(h))
        .chain(cut.into_iter().flat_map(content_hashes_any_lang))
        .chain(b.features.colon.then(|| label(text)).flatten())
}

/// The vectors [`coherent`] fills, kept from one run to the next of a pass.
#[derive(Default)]
struct Scratch {
    words: Vec<(usize, u64)>,
    seen: Vec<(u64, u32, u32)>,
}

/// Whether the items of a list share their vocabulary.
fn coherent(blocks: &[Block], items: &[usize], arena: &[u64], scratch: &mut Scratch) -> bool {
    // each item's words, read once: (item, word)
    let words = &mut scratch.words;
    words.clear();
    words.reserve(
        items
            .iter()
            .map(|&k| blocks[k].features.words as usize + 1)
            .sum(),
    );
    for (n, &k) in items.iter().enumerate() {
        words.extend(item_words(&blocks[k], arena).map(|h| (n, h)));
    }
    // content word → (the word, last item it was seen in plus one, number of items that
    // use it): an open-addressing table with linear probing, at most half full, a count
    // of 0 marking an empty slot (a label's hash may be any number); each word's hash
    // is replaced by its slot once counted
    let bits = (words.len() * 2)
        .max(8)
        .next_power_of_two()
        .trailing_zeros();
    let last = (1usize << bits) - 1;
    let seen = &mut scratch.seen;
    seen.clear();
    seen.resize(last + 1, (0, 0, 0));
    for (n, h) in words.iter_mut() {
        let mut i = (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize & last;
        while seen[i].2 != 0 && seen[i].0 != *h {
            i = (i + 1) & last;
        }
        let e = &mut seen[i];
        e.0 = *h;
        // (items are fewer than a u32 counts: a run is at most a page's blocks)
        let item = *n as u32 + 1;
        if e.1 != item {
            e.1 = item;
            e.2 += 1;
        }
        *h = i as u64;
    }
    // the items with a word some other item uses too
    let (mut sharing, mut counted) = (0usize, usize::MAX);
    for &(n, slot) in words.iter() {
        if n != counted && seen[slot as usize].2 >= 2 {
            sharing += 1;
            counted = n;
        }
    }
    sharing as f32 >= COHERENT_SHARE * items.len() as f32
}

/// HTML: two list items of different lists (or tables) belong to different widgets, so
/// the article's own list and a related-links list after it are judged apart.
fn other_widget(a: &Block, b: &Block) -> bool {
    let (ca, cb) = (a.hints.container, b.hints.container);
    ca != 0 && cb != 0 && ca != cb
}

/// A sentence of the article's prose that stands among short lines: it ends with a full
/// stop (headlines do not: measured on injected-dev, 11 of 964 injected lines do), it is
/// not made of short fragments, and it reads like running text (function words, few
/// capitalised words) rather than like a title. `stop_share` is the least share of
/// stopwords ([`sentence_stop_share`]).
fn reads_as_sentence(b: &Block, stop_share: f32) -> bool {
    let f = &b.features;
    let t = without_closers(&b.text);
    let full_stop = t.ends_with(['.', '。', '!', '！']) && !t.ends_with("...");
    b.marker == Marker::None
        && full_stop
        && f.words >= SENTENCE_MIN_WORDS
        && f.sentences <= 2
        && enough_stopwords(f.stopwords, f.words, stop_share)
        && f.capitalised as f32 <= SENTENCE_MAX_CAPITALS * f.words as f32
}

/// A line ending with a colon that reads like running text (as [`reads_as_sentence`] asks
/// of a sentence among list lines), no lead-in phrase: the article announcing its list.
fn announces(b: &Block, stop_share: f32) -> bool {
    let f = &b.features;
    b.marker == Marker::None
        && f.ends_colon
        && f.words >= SENTENCE_MIN_WORDS
        && enough_stopwords(f.stopwords, f.words, stop_share)
        && f.capitalised as f32 <= SENTENCE_MAX_CAPITALS * f.words as f32
        && f.phrase.whole.is_none()
        && f.phrase.prefix.is_none()
}

/// `text` without the closing quotes and brackets that may follow its sentence end.
fn without_closers(text: &str) -> &str {
    text.trim_end_matches(|c: char| "\"'”’»)]".contains(c))
}

/// A sentence kept among list lines has at least this many words…
const SENTENCE_MIN_WORDS: u32 = 8;
/// …this share of stopwords (or less, see [`sentence_stop_share`])…
const SENTENCE_STOP_SHARE: f32 = 0.25;
/// …or this share of the stopword share of the page's own sentences, where that is lower…
const SENTENCE_STOP_OF_PROSE: f32 = 0.6;
/// …and at most this share of capitalised words.
const SENTENCE_MAX_CAPITALS: f32 = 0.34;

/// Whether `stop` stopwords of `words` make the share `share`; below the full share
/// (measured against the page, see [`sentence_stop_share`]) a fraction of a stopword is
/// not asked for.
fn enough_stopwords(stop: u32, words: u32, share: f32) -> bool {
    let need = share * words as f32;
    stop as f32
        >= if share < SENTENCE_STOP_SHARE {
            need.floor()
        } else {
            need
        }
}

/// The share of stopwords a sentence among list lines needs: [`SENTENCE_STOP_SHARE`], or,
/// where the page's own sentences (lines of [`SENTENCE_MIN_WORDS`] words or more ending
/// like a sentence) do not reach that share themselves, a share of theirs. Languages that write their function words as
/// clitics (Arabic "وقال", "للطاقة"; Hebrew) or as endings (Finnish, Turkish, Korean) show
/// a third as many free stopwords as English, and a language without a stoplist shows
/// none: there the article's own sentences are measured against the article.
fn sentence_stop_share(blocks: &[Block]) -> f32 {
    let (mut stop, mut words) = (0u32, 0u32);
    for b in blocks.iter().filter(|b| {
        b.marker == Marker::None
            && b.features.ends_sentence
            && b.features.words >= SENTENCE_MIN_WORDS
    }) {
        stop += b.features.stopwords;
        words += b.features.words;
    }
    let share = stop as f32 / words.max(1) as f32;
    if words == 0 || share >= SENTENCE_STOP_SHARE {
        // pages in English, French, German… (their sentences: 0.35-0.5)
        return SENTENCE_STOP_SHARE;
    }
    SENTENCE_STOP_OF_PROSE * share
}

/// A list's label whose words the article's prose uses at least this share of…
const OWN_LABEL_OVERLAP: f32 = 0.25;

/// …and it has at least this many content words ("More:" has none to tell).
const OWN_LABEL_CONTENT_WORDS: u32 = 2;

/// Whether a label ending with a colon is the article's own sentence introducing a list:
/// it names the article's subject and is no lead-in phrase of the lexicon.
pub(crate) fn own_label(b: &Block) -> bool {
    let p = &b.features.phrase;
    b.features.content_words >= OWN_LABEL_CONTENT_WORDS
        && b.features.overlap >= OWN_LABEL_OVERLAP
        && p.whole.is_none()
        && p.prefix.is_none()
        && p.unspaced.is_none()
}

/// After a lead-in, a coherent run of at least this many items is no related-links list.
const INTRODUCED_MAX_ITEMS: usize = 20;

/// A line the article shows this often is its own recurring line.
const RECURRING: u32 = 3;

/// Extracted article text (no page chrome, not HTML): how often each kept line's text
/// appears among the kept lines. Empty elsewhere: a full page repeats its furniture
/// ("Reply", "Share") in every widget.
fn recurring_lines(blocks: &[Block], ctx: &Ctx<'_>) -> HashMapU64<u32> {
    let mut counts: HashMapU64<u32> = HashMapU64::default();
    if ctx.html || ctx.page_chrome {
        return counts;
    }
    for b in blocks.iter().filter(|b| b.kept() && b.features.words > 0) {
        *counts.entry(b.features.text_hash).or_insert(0) += 1;
    }
    counts
}

/// How many of `items` are mostly links (HTML: [`LINK_LIST_DENSITY`] of their text).
fn link_items(blocks: &[Block], items: &[usize]) -> usize {
    items
        .iter()
        .filter(|&&k| {
            blocks[k]
                .link_density
                .is_some_and(|d| d >= LINK_LIST_DENSITY)
        })
        .count()
}

/// Whether lines `items` (not after a lead-in, not one subject's list) are a list of other
/// stories, by their number, their topic, their shape and their links.
fn list_of_other_stories(blocks: &[Block], items: &[usize]) -> bool {
    let headlines = items
        .iter()
        .filter(|&&k| off_topic(&blocks[k]) && blocks[k].is_headline_shaped())
        .count();
    let off = items.iter().filter(|&&k| off_topic(&blocks[k])).count();
    let links = link_items(blocks, items);
    match items.len() {
        0 => false,
        // a single bulleted headline between paragraphs
        1 => blocks[items[0]].marker != Marker::None && headlines == 1,
        // two lines: a headline-shaped line beside a line of the article's own (a
        // subtitle and its question, a caption and its credit, an interview's label) is
        // no list of other stories; both must be off-topic. Measured on injected-dev
        // (headings kept): every injected pair has both lines off-topic, and 24 article
        // lines went in pairs with one
        2 => (headlines >= 1 && off == 2) || (links == 2 && off >= 1),
        len => 2 * headlines >= len || (links * 2 > len && 3 * off >= len),
    }
}

/// HTML: a grid of cards has at least this many cards…
const MIN_CARDS: usize = 3;

/// HTML: the stretches of `run` (start, end) that are grids of teaser cards, each card a
/// line of links (a headline) and a line that is no link (its teaser sentence): a related
/// box wedged between the article's paragraphs. Read line by line, the teasers are
/// sentences of the article standing beside a list (they end with a full stop) and stay;
/// read as cards, a headline and its teaser are one topic. A stretch is
/// [`MIN_CARDS`] or more (headline link, teaser) pairs in a row ([`teaser_cards_from`]), with
/// the short label ending with a colon that opens the run, if one does, when the run
/// stands between the article's first and last paragraphs (the caller asks besides that
/// the article's prose outweighs the page's grids, [`prose_outweighs_cards`]). Linear.
fn card_stretches(blocks: &[Block], run: &[usize], prose: Prose) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    // wedged between the article's paragraphs: its own grid (a listing's, a guide's
    // steps) opens or closes the page's prose
    if run[0] < prose.first || run[run.len() - 1] > prose.last {
        return found;
    }
    let mut i = 0;
    while i + 1 < run.len() {
        let mut end = i;
        while end + 1 < run.len() && teaser_cards_from(blocks, &run[end..end + 2]) {
            end += 2;
        }
        if end - i >= 2 * MIN_CARDS {
            let b = &blocks[run[0]];
            let label = i == 1
                && b.features.ends_colon
                && b.features.words <= LABEL_MAX_WORDS
                && b.marker == Marker::None;
            found.push((if label { 0 } else { i }, end));
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

/// A paragraph of the article's prose, before and after a grid of teaser cards, has at
/// least this many words.
const WEDGING_PROSE_WORDS: u32 = 20;

/// …and the article's prose besides the page's grids has this many times their words.
const CARDS_PROSE_MASS: f32 = 2.0;

/// The article's prose, as [`card_stretches`] reads it: its first and last paragraphs of
/// [`WEDGING_PROSE_WORDS`] or more.
#[derive(Clone, Copy)]
struct Prose {
    first: usize,
    last: usize,
}

/// Whether the page's prose outside its grids of teaser cards (paragraphs of
/// [`WEDGING_PROSE_WORDS`] or more) has [`CARDS_PROSE_MASS`] times the words of those
/// grids ([`MIN_CARDS`] or more pairs of kept lines as [`teaser_cards_from`] reads them,
/// in a row): a blog's or a directory's cards, an introduction before them and longer
/// teasers among them, are the page; an article's related box is a small part of it.
/// Linear.
fn prose_outweighs_cards(blocks: &[Block]) -> bool {
    let kept: Vec<usize> = (0..blocks.len()).filter(|&k| blocks[k].kept()).collect();
    let body = |b: &Block| b.is_prose() && b.features.words >= WEDGING_PROSE_WORDS;
    let (mut cards, mut prose) = (0u32, 0u32);
    let mut i = 0;
    while i < kept.len() {
        let mut end = i;
        while end + 1 < kept.len() && teaser_cards_from(blocks, &kept[end..end + 2]) {
            end += 2;
        }
        if end - i >= 2 * MIN_CARDS {
            cards += kept[i..end]
                .iter()
                .map(|&k| blocks[k].features.words)
                .sum::<u32>();
            i = end;
        } else {
            let b = &blocks[kept[i]];
            if body(b) {
                prose += b.features.words;
            }
            i += 1;
        }
    }
    prose as f32 >= CARDS_PROSE_MASS * cards as f32
}

/// Whether `card` (two lines) is a headline link and its teaser.
fn teaser_cards_from(blocks: &[Block], card: &[usize]) -> bool {
    let (title, teaser) = (&blocks[card[0]], &blocks[card[1]]);
    title.link_density.is_some_and(|d| d >= LINK_LIST_DENSITY)
        && !title.features.ends_colon
        && teaser.link_density.is_some_and(|d| d < TEASER_MAX_LINKS)
        && teaser.features.ends_sentence
        && teaser.features.words >= TEASER_MIN_WORDS
}

/// (A headline does not end with a colon: a glossary's linked terms do.)
/// …and a teaser is a sentence of this many words or more (a team card's job title, a
/// product card's price are no teasers)…
const TEASER_MIN_WORDS: u32 = 6;

/// …and has less than this share of its text in links.
const TEASER_MAX_LINKS: f32 = 0.5;

/// A card (headline and teaser) whose content words are less than this share in the
/// article's vocabulary is another story's. Lower than [`OFF_TOPIC`] for one line: a
/// card says more words, and a service page's feature cards, on its subject, bring new
/// ones (measured on wcxb-dev: at 0.5, three service pages lost feature cards, most of
/// them at 0.35-0.7; most of the probe's related cards score 0.0-0.27, at 0.25 two of its
/// six grids stayed).
const CARD_OFF_TOPIC: f32 = 0.3;

/// Whether most of the cards `items` ([`card_stretches`]) are off the article's topic: a
/// card's content words, its headline's and its teaser's together, are less than
/// [`CARD_OFF_TOPIC`] in the article's vocabulary. A buying guide's product cards and a service
/// page's feature cards speak of the page's subject and stay.
fn other_stories_cards(blocks: &[Block], items: &[usize]) -> bool {
    let off = items
        .chunks_exact(2)
        .filter(|card| {
            let (mut hit, mut words) = (0.0f32, 0u32);
            for &k in *card {
                let f = &blocks[k].features;
                hit += f.overlap * f.content_words as f32;
                words += f.content_words;
            }
            words > 0 && hit < CARD_OFF_TOPIC * words as f32
        })
        .count();
    2 * off > items.len() / 2
}

/// HTML: decides a grid of teaser cards ([`card_stretches`]; its first line may be a label
/// introducing it): the cards of other stories go, with their label; the article's own
/// cards (on its topic) stay.
fn decide_cards(blocks: &mut [Block], run: &[usize], introduced: bool, judged: &Judged) {
    let labelled = run.len() % 2 == 1;
    let items = if labelled { &run[1..] } else { run };
    if !(introduced || other_stories_cards(blocks, items)) {
        return;
    }
    if labelled {
        blocks[run[0]].drop_for(Reason::LeadIn);
    }
    for &k in items.iter().filter(|&&k| !judged.own[k]) {
        blocks[k].drop_for(Reason::RelatedLinks);
    }
}

/// Decides one run of candidate lines.
fn decide(
    blocks: &mut [Block],
    run: &[usize],
    introduced: bool,
    judged: &Judged,
    scratch: &mut Scratch,
    ctx: &Ctx<'_>,
) {
    let (own, stop_share, recurring) = (&judged.own, judged.stop_share, &judged.recurring);
    // a short label ending with a colon before the items introduces them
    let first = &blocks[run[0]];
    let labelled = run.len() >= 2
        && first.features.ends_colon
        && first.features.words <= LABEL_MAX_WORDS
        && first.marker == Marker::None;
    let items = if labelled { &run[1..] } else { run };
    // a sentence of the article ending with a colon, longer than a label, announces the
    // list after it ("Here is what changed in my life:"): a list of other stories is
    // announced by a label or a lead-in, never by a sentence. Whether such a line stood
    // first in its run hung on the headings before it, which go (a second pass read it
    // with the list). Text only: in HTML a list is an element of its own
    if !ctx.html && !introduced && !labelled && run.len() >= 2 && announces(first, stop_share) {
        return;
    }
    // a run holding a line the article shows again and again (a product card's "Buy
    // now" or "Available from Amazon", an interview's recurring question) is one of the
    // article's own records: a list of other stories has no such line. Measured on
    // injected-dev (headings kept): 20 article lines of a deals roundup and an
    // interview kept, leak unchanged
    let recurs = |k: &usize| {
        recurring
            .get(&blocks[*k].features.text_hash)
            .is_some_and(|&c| c >= RECURRING)
    };
    if items.iter().any(recurs) {
        return;
    }
    // text: a run of short lines each holding a number is a table written as lines (a
    // deals roundup's prices, a schedule), the article's data, read as such by
    // `text::classify`: headlines of other stories seldom all hold a number, and a second
    // pass must not judge the rows apart once some of them are gone
    if !ctx.html
        && items.len() >= crate::text::TABLE_MIN_ROWS
        && items.iter().all(|&k| crate::text::row(&blocks[k]))
    {
        return;
    }
    let off = items.iter().filter(|&&k| off_topic(&blocks[k])).count();
    // a label that names the article's subject ("The plan includes several measures:")
    // introduces the article's own list, whose items may bring new words; "Trending:",
    // "More news:" name nothing of it. Then only a list of off-topic items goes
    if labelled && !introduced && own_label(first) && off < items.len() {
        return;
    }
    let links = link_items(blocks, items);
    // HTML: a related-links list is made of links; a run of plain lines (a table, a
    // list of facts) is the article's own, whatever its vocabulary
    if ctx.html && links * 2 < items.len() {
        return;
    }
    let drop_run = if introduced {
        // a lead-in introduces a few headlines; a long run of plain lines (not links)
        // whose items share their vocabulary is the article's own list going on after a
        // heading ("Don't miss" above a roundup's product sheets)
        items.len() < INTRODUCED_MAX_ITEMS
            || links * 2 > items.len()
            || !coherent(blocks, items, ctx.arena, scratch)
    } else if items.len() >= COHERENT_MIN_ITEMS && coherent(blocks, items, ctx.arena, scratch) {
        // the items talk about the same things: a table, a schedule, the article's own
        // list; headlines of other stories share no words
        false
    } else {
        // a sentence of the article or an item of its own enumeration stays whatever the
        // run's fate (see below): a run that holds one or two other lines is judged as
        // those lines, as a second pass, which reads them without the ones that went,
        // judges them. A longer run is judged on all its lines (setting its sentences
        // aside there would call the article's own feature lines around a sentence a
        // list of other stories: measured on injected-dev with headings kept)
        // (the first three such lines, without a vector: more than two means all)
        let mut listed = [0usize; 3];
        let mut count = 0;
        for &k in items {
            if !own[k] && !reads_as_sentence(&blocks[k], stop_share) {
                listed[count] = k;
                count += 1;
                if count == listed.len() {
                    break;
                }
            }
        }
        list_of_other_stories(blocks, if count <= 2 { &listed[..count] } else { items })
    };
    if !drop_run {
        return;
    }
    if labelled {
        blocks[run[0]].drop_for(Reason::LeadIn);
    }
    for &k in items {
        // a sentence of the article that happens to stand next to the list stays; after
        // a lead-in only one ending with a full stop (the headlines it introduces do not;
        // some end with "!")
        let b = &blocks[k];
        let full_stop = || without_closers(&b.text).ends_with(['.', '。']);
        if own[k] || (reads_as_sentence(b, stop_share) && (!introduced || full_stop())) {
            continue;
        }
        // text: a plain line (no bullet, no lead-in before the run) that speaks of the
        // article's subject is the article's own line beside the list (a subtitle, a
        // product's name, a line of its own list); a list's items carry their bullets.
        // Measured on injected-dev (headings kept): 4 article lines kept, no injected one
        let own_line = !ctx.html && !introduced && b.marker == Marker::None && !off_topic(b);
        if own_line {
            continue;
        }
        if off_topic(b) || b.is_headline_shaped() || b.marker != Marker::None {
            blocks[k].drop_for(Reason::RelatedLinks);
        }
    }
}
