//! Choosing the article's region among the page's block-level elements.
//!
//! Signals, each named after where the idea comes from:
//!
//! - **Paragraph scores propagated to ancestors** (Readability, Arc90): every paragraph
//!   long enough to be prose scores by its length and its commas; the score goes to its
//!   parent in full, to its grandparent by half, and to farther ancestors by a third of
//!   their distance. An element's final score is that sum plus a weight for its tag and
//!   class/id names, times one minus its link density.
//! - **Stopword density** (jusText, Pomikálek): where the page's language is known, a
//!   paragraph scores in proportion to its share of function words (navigation and
//!   headline lists have few).
//! - **Markup and metadata**: `<article>`, `<main>`, `itemprop="articleBody"` weigh in;
//!   JSON-LD `articleBody` marks the paragraphs it contains (they score triple), and when
//!   the chosen element holds less than half of those paragraphs, the element that holds
//!   them all is taken instead — the metadata checks the choice, never replaces it.
//! - **Shared ancestor of the best candidates** (Readability): when three of the five
//!   best candidates sit in one ancestor of the winner, the ancestor is the article.
//!   An ancestor of the winner that is itself among them, scoring nearly as well with
//!   three times its text and few links, is the article too (the winner was a small
//!   `content`-named box inside it, lifted by its class weight).
//! - **Repeated records**: when other elements carrying the winner's `class` value hold
//!   prose scoring a tenth of the winner's (a thread's replies beside its first post, the
//!   answers to a question, a service page's sections), the winner is one record of the
//!   page's content and the region is their common ancestor. Teaser cards repeat their
//!   class as well, but their summaries score too little beside an article to count.
//! - **Sibling gathering** (Readability): siblings of the chosen element that score
//!   well, or read as prose, join it, so an article split by an inserted advertisement or
//!   related-links box is not cut at the first insertion (USERS.md B#8). A heading
//!   between two gathered siblings joins too, and so does a later sibling that is a
//!   section of the article (≥ 500 characters, few links, mostly prose paragraphs, with
//!   its own headings and lists).
//!
//! - **Page shape**: a page that is not one article spreads its content over sections.
//!   The winner climbs to an ancestor that adds plenty of clean text (not links, not
//!   furniture); a winner holding little of the page's clean text gives way to its
//!   smallest ancestor holding most of it (and climbs on from there while ancestors add
//!   plenty of clean text: that ancestor can be one group of the page's sections; off an
//!   article page, a winner holding a bit more does the same when an ancestor below the
//!   body holds most of it and adds prose); a page with little prose and no strong article (a listing) takes the element
//!   holding most of its text outside furniture.
//!
//! Inside the region, page furniture (`<nav>`, `<aside>`, `<footer>`, `<header>`),
//! forms, captions, short link-made lines, paragraphs made of one written-out web
//! address, comment sections (but not on a page declaring itself a discussion, schema.org
//! `DiscussionForumPosting` or `QAPage`: there the replies are the content), and small
//! subtrees whose class/id names boilerplate (share
//! bars, related boxes, under [`BP_MAX_SHARE`] of the region's text) are holes: their
//! blocks are not `in_region`, and the shared `region` rule drops them. On a page with one
//! strong article, so are short boxes whose class/id names a caption or credit
//! (`<div class="caption-full">` under a gallery's slide) and paragraphs of any length
//! that are all link (headlines of other articles, tag clouds); on product and listing
//! pages those are the content. So is the text beside a picture that credits it, on any
//! page (a caption and its "Foto: …" in `<span>`s next to an `<img>`, in the next row of
//! the picture's table: see [`image_boxes`]; off an article page not when the box repeats,
//! as a listing's cards do), and an author's bio in the box of the author's photo after
//! the article's last paragraph. Off an article page, a list made only of short links (a
//! menu outside `<nav>`) is a hole too. When the class-named holes would empty the region, the
//! class names were wrong and are ignored; when the link lines and menus still take most
//! of it, they are the content (a grid of cards titled by their links). Off an article
//! page, a link line opening one of several cards of one class, followed there by text
//! that is no link (a price, a summary), is that card's title and stays; so does a
//! `<header>` inside `<main>` holding prose (a landing page's hero), which is a section's
//! opening, not the page's banner.

use super::{BlockDom, ARTICLE, FORM, FURNITURE, HEADER, IMAGE, MAIN, PARA};
use super::{Node, Walk, BODY, BP_CLASS, COMMENTS_CLASS, CONTENT_CLASS, ITEMPROP_BODY, NONE};
use crate::block::{Block, Kind};
use crate::features::Lang;

/// Paragraphs shorter than this (visible characters) do not score. Readability's 25.
const MIN_PARA_CHARS: u32 = 25;
/// Paragraphs with more of their text in links than this do not score.
const MAX_PARA_LINK_DENSITY: f32 = 0.5;
/// Stopword share at which a paragraph scores in full (jusText's "high" threshold is 0.32).
const FULL_STOPWORDS: f32 = 0.3;
/// Ancestors a paragraph's score reaches (Readability: 5).
const ANCESTOR_LEVELS: usize = 5;
/// Class weight (Readability: 25).
const CLASS_WEIGHT: f32 = 25.0;
/// A subtree whose class/id names boilerplate is a hole in the region when it holds less
/// than this share of the region's text. Set on scrapinghub and wcxb-dev.
const BP_MAX_SHARE: f32 = 0.3;
/// Candidates inside page furniture or small boilerplate-named subtrees score this much.
const INSIDE_CLUTTER: f32 = 0.3;
/// A boilerplate-named subtree counts as clutter when it holds less than this share of
/// the page's text (a `<body class="has-sidebar">` says nothing).
const BP_PAGE_SHARE: f32 = 0.8;
/// JSON-LD bodies shorter than this (chars) are not used.
const MIN_LD_BODY: usize = 200;
/// Broadening: the ancestor must add at least this share of new clean text...
const BROADEN_MIN_NEW: f32 = 0.3;
/// ...and that much of what it adds must be clean (not links, not clutter).
const BROADEN_CLEAN: f32 = 0.6;
/// ...or this much off an article page (best score under [`LISTING_MAX_SCORE`]). Measured
/// on wcxb-dev, from with 0.737 / 0.784 (default / headings kept): 0.5 gave 0.737 / 0.784
/// (one collection page +0.42), 0.4 0.738 / 0.785 (two service pages more; leak 0.0295 ->
/// 0.0297 default, one more on a forum page).
const BROADEN_CLEAN_SECTIONS: f32 = 0.4;
/// Off an article page, a wrapper adding at most this share of the element's characters
/// is looked through when broadening. Measured on wcxb-dev (headings kept): 0.05 and 0.1
/// both gave with 0.780 -> 0.782, leak 0.0406 -> 0.0421; 0.1 cost an arXiv abstract 0.26
/// (its sidebar came along), 0.2 a forum thread and a manual page as well; on every
/// page, articles too, scrapinghub fell 0.966 -> 0.962.
const THIN_SHARE: f32 = 0.05;
/// Below this share of the body's clean text, the best element is not the page's content.
const WHOLE_PAGE_SHARE: f32 = 0.4;
/// Off an article page, below this share the best element is one of the page's sections
/// when the smallest ancestor holding [`WHOLE_PAGE_CLIMB_SHARE`] is not the body and what
/// that ancestor adds is at least [`NEAR_PROSE`] prose (scoring paragraphs' characters
/// over the clean characters it adds). Measured on wcxb-dev (headings kept), from with
/// 0.782: 0.5 without the prose test 0.783; 0.6 without it 0.784 but an arXiv abstract lost
/// its page (articles 0.9584 -> 0.9581), with it (0.5) 0.784 and articles unchanged (0.3
/// let the arXiv page climb again); climbing to the body as well cost a collection page
/// four leaks.
const SECTION_PAGE_SHARE: f32 = 0.6;
const NEAR_PROSE: f32 = 0.5;
/// ...and then the region is the smallest ancestor of the best element holding this share
/// of the body's clean text. Measured on wcxb-dev (all pages, leak): the body 0.824,
/// 0.0335 (without the menu holes); 0.6 0.824, 0.0292; 0.8 0.825, 0.0316 (without).
const WHOLE_PAGE_CLIMB_SHARE: f32 = 0.6;
/// Holes may take at most this share of the region's text away.
const MIN_KEPT_SHARE: f32 = 0.3;
/// Elements with fewer visible characters get no tag / class weight.
const MIN_WEIGHTED_CHARS: u32 = 200;
/// Figure captions and credits are not article text (USERS.md #5). Set on scrapinghub
/// and wcxb-dev, whose truths leave them out.
const DROP_CAPTIONS: bool = true;
/// A subtree whose class/id names a caption or credit holds a caption when it is this
/// small (visible characters); a bigger one is a wrapper (`<body class="theme-caption-two">`).
const MAX_CAPTION_CHARS: u32 = 500;
/// ...and its line reads as a caption (a sentence about the picture), not as a card's
/// label (design systems name their small type `caption-s`).
const MIN_CAPTION_WORDS: u32 = 6;
/// A short paragraph mostly made of links ("Tags: …", "Filed under …", "Read more") is
/// navigation, not text.
const LINK_LINE_DENSITY: f32 = 0.5;
const LINK_LINE_WORDS: u32 = 16;
/// Off an article page, a link line is a card's title (not a hole) when at least this many
/// cards of one class open so ([`card_titles`])...
const MIN_CARD_TITLES: u32 = 3;
/// ...and this share of their titles differ (a link on every card is a label). Measured on
/// wcxb-dev, from with 0.738 / 0.785 (default / headings kept), all 0.846 / 0.866, leak
/// 0.0297: no link-line holes off article pages gave with 0.744 / 0.790 but leak 0.0410
/// (calls to action, menus of paragraphs); the card shape alone 0.740 / 0.787, leak 0.0305
/// (a lone "Schedule a demo" box, a subreddit's "Want to join?"); repeated cards (3)
/// 0.740 / 0.787, leak 0.0300 (course cards opened by their category's link); distinct
/// titles too 0.740 / 0.787, leak 0.0297, all 0.847 / 0.867; outside boilerplate-named
/// boxes (a related box's teasers) the same (23 pages changed: a grid of desk accessories
/// 0.15 -> 0.91, of watches 0.69 -> 0.89; the worst a listing whose truth leaves its
/// product names out, 0.80 -> 0.75), scrapinghub unchanged.
const MIN_DISTINCT_TITLES: f32 = 0.8;

/// The link lines that are cards' titles: a product's or a course's name in a grid whose
/// titles are links. Such a line opens its card (the innermost element holding another
/// block besides it) and the card's next block is text that is not a link (a price, a
/// summary); the cards repeat their class (their parent, when they have none) and their
/// titles differ. (The caller passes only link lines outside boilerplate-named boxes but
/// a page's cards: a related box's teasers are no titles.) A call to action closes its box or stands alone, a menu's entries are
/// all links, a category label repeats.
fn card_titles(
    nodes: &[Node],
    blocks: &[Block],
    dom: &[BlockDom],
    link_line: &dyn Fn(usize) -> bool,
) -> Vec<bool> {
    let mut titles = vec![false; blocks.len()];
    // each title's card, keyed by its class (by its parent when it has none)
    let mut cards: Vec<(usize, u64)> = Vec::new();
    for (i, t) in titles.iter_mut().enumerate() {
        if !link_line(i) {
            continue;
        }
        // the innermost element holding another block besides this one; each element
        // holding only this block is climbed by this block alone (linear over the page)
        let mut c = dom[i].owner;
        while c != NONE && nodes[c as usize].end_block <= nodes[c as usize].first_block + 1 {
            c = nodes[c as usize].parent;
        }
        if c == NONE || nodes[c as usize].first_block as usize != i {
            continue;
        }
        let next = i + 1;
        *t = next < nodes[c as usize].end_block as usize
            && !link_line(next)
            && matches!(blocks[next].kind, Kind::Paragraph | Kind::ListItem)
            && blocks[next].link_density.unwrap_or(0.0) < LINK_LINE_DENSITY;
        if *t {
            let n = &nodes[c as usize];
            let key = if n.class_hash != 0 {
                n.class_hash
            } else {
                u64::from(n.parent) | 1 << 40
            };
            cards.push((i, key));
        }
    }
    // a card repeats: a lone box opened by a link is a call to action or a toggle; and
    // its titles differ: a link repeated on several cards is a label (a category, "Learn
    // more")
    let mut count: crate::features::HashMapU64<(u32, u32)> = Default::default();
    let mut seen: crate::features::HashMapU64<()> = Default::default();
    for &(i, k) in &cards {
        let e = count.entry(k).or_default();
        e.0 += 1;
        let text = blocks[i].features.text_hash ^ k.rotate_left(17);
        if seen.insert(text, ()).is_none() {
            e.1 += 1;
        }
    }
    for &(i, k) in &cards {
        let (n, distinct) = count[&k];
        titles[i] = n >= MIN_CARD_TITLES && distinct as f32 >= MIN_DISTINCT_TITLES * n as f32;
    }
    titles
}

/// On a page with one strong article, a paragraph of any length that is all link is a
/// headline, a tag cloud or a teaser pointing elsewhere, not the article's prose.
const LINKED_PARAGRAPH_DENSITY: f32 = 0.9;
/// A page whose paragraphs hold less than this share of its text outside furniture is a
/// listing.
const LISTING_PROSE_SHARE: f32 = 0.2;
/// ...unless one element scores this much (a real article with a big teaser section).
const LISTING_MAX_SCORE: f32 = 40.0;
/// Descending into a listing's content: the child must hold this share of the text.
const DESCEND_SHARE: f32 = 0.6;
/// Comment sections stay holes while the region keeps this many characters besides.
const MIN_KEPT_CHARS: u32 = 150;
/// A sibling holding at least this many characters, mostly in prose paragraphs, is a
/// section of the article even when headings and lists come with it.
const SECTION_MIN_CHARS: u32 = 500;
const SECTION_PROSE_SHARE: f32 = 0.6;
/// An ancestor among the best candidates with this share of the winner's score...
const ANCESTOR_SCORE_SHARE: f32 = 0.75;
/// ...and this many times its text is taken instead...
const ANCESTOR_CHARS_RATIO: u32 = 3;
/// ...unless it is mostly links (a page's headline lists around a short article).
/// Measured on wcxb-dev: articles with headings kept 0.949 -> 0.950, all 0.826 -> 0.827.
const ANCESTOR_MAX_LINK_DENSITY: f32 = 0.3;
/// On an article page, this many headings before the first paragraph of the region are
/// its title zone (the shared `headings` rule's `TITLE_ZONE`).
const TITLE_ZONE: usize = 2;
/// Repeated records: another element with the winner's class counts as a record when its
/// paragraphs score this share of the winner's (a reply of a few lines beside a long first
/// post; a teaser's one-line summary beside an article does not). Measured on wcxb-dev:
/// 0.1 and 0.3 gave all pages 0.817 / 0.816, forums 0.764 / 0.758.
const RECORD_MIN_SHARE: f32 = 0.1;
/// ...and the winner must have this many such records beside it.
const MIN_RECORDS: u32 = 2;
/// Off an article page, a list of at least [`MENU_MIN_ITEMS`] items, each at most
/// [`MENU_ITEM_WORDS`] words and at least [`MENU_LINK_DENSITY`] link, is a menu: a hole.
/// (On an article page the `related-links` rule judges such lists by topic.) Measured on
/// wcxb-dev: leak 0.0292 -> 0.0287 (listings 0.0245 -> 0.0192), word F1 unchanged; five
/// words instead of three lost 0.001 F1 with the change of the next commit.
const MENU_ITEM_WORDS: u32 = 3;
const MENU_MIN_ITEMS: u32 = 3;
const MENU_LINK_DENSITY: f32 = 0.9;
/// Off an article page, this many boilerplate-named boxes of one class, each holding a
/// heading and prose, are cards of the page's content (`promo` tiles of a service page's
/// offer), not holes. Measured on wcxb-dev (headings kept): all 0.857, service 0.801 ->
/// 0.802, collection 0.668 -> 0.670, three pages better, none worse; counting boxes with
/// prose but no heading gained 0.83 summed but lost 0.5 of it on product pages (Steam's
/// review filter flyouts, each with a line of explanation).
const MIN_BP_CARDS: u32 = 3;
/// ...a card being one of the innermost boilerplate-named boxes around a block: a card's
/// title and text often sit in boxes of their own inside it (`promo__title`,
/// `promo__desc` in `promo`), and the tile around it carries its own modifier classes.
/// Measured on wcxb-dev (headings kept): sum +0.31 over reading the innermost box only
/// (4891 0.74 -> 0.94, 4351 0.38 -> 0.49, 3064 -0.007).
const CARD_LEVELS: usize = 3;
/// Readability's sibling threshold: this share of the winner's score, at least 10.
const SIBLING_SHARE: f32 = 0.2;

fn tag_weight(n: &Node) -> f32 {
    let mut w = 0.0;
    if n.flags & ITEMPROP_BODY != 0 {
        w += 2.0 * CLASS_WEIGHT;
    }
    if n.flags & ARTICLE != 0 {
        w += if n.flags & MAIN != 0 { 5.0 } else { 10.0 };
    }
    if n.flags & BP_CLASS != 0 {
        w -= CLASS_WEIGHT;
    }
    if n.flags & CONTENT_CLASS != 0 {
        w += CLASS_WEIGHT;
    }
    w
}

/// A paragraph that is one web address and nothing else, written out rather than linked:
/// the page's own address printed for sharing or printing, not a sentence of the article.
fn bare_url(text: &str) -> bool {
    (text.starts_with("https://") || text.starts_with("http://"))
        && !text.contains(char::is_whitespace)
}

/// The article's element when it is one record of a repeated structure (a forum thread's
/// posts, a question's answers, a listing's entries, a service page's sections): elements
/// carrying the same `class` value as the winner, outside it and outside clutter, each
/// holding prose that scores at least [`RECORD_MIN_SHARE`] of the winner's own paragraph
/// score. With [`MIN_RECORDS`] of them, the region is the smallest element holding the
/// winner and all of them. One pass over the nodes (a record's subtree is skipped); the
/// common ancestor only climbs.
///
/// Teaser cards repeat their class too, but their one-line summaries score little beside
/// an article's paragraphs, so they do not count as records of it.
fn repeated_records(nodes: &[Node], top: u32, clutter: &dyn Fn(&[Node], usize) -> bool) -> u32 {
    let t = &nodes[top as usize];
    if t.class_hash == 0 {
        return top;
    }
    let min_score = RECORD_MIN_SHARE * t.score;
    let mut records = 0;
    let mut lca = top;
    let mut i = 0usize;
    while i < nodes.len() {
        let n = &nodes[i];
        if i as u32 == top {
            i = n.end as usize + 1;
            continue;
        }
        if n.class_hash == t.class_hash
            && !contains(nodes, i as u32, top)
            && n.score > 0.0
            && n.score >= min_score
            && !clutter(nodes, i)
        {
            records += 1;
            while lca != NONE && !contains(nodes, lca, i as u32) {
                lca = nodes[lca as usize].parent;
            }
            i = n.end as usize + 1;
            continue;
        }
        i += 1;
    }
    if records >= MIN_RECORDS && lca != NONE {
        lca
    } else {
        top
    }
}

/// Recounts each node's clutter characters (and the link characters among them): the
/// subtrees of furniture, headers, forms and boilerplate-named boxes under `bp_limit`
/// characters. Once the page's size is known, a boilerplate-named box holding `bp_limit`
/// characters or more is a wrapper (`<div class="page has-sidebar">`), not clutter, as the
/// region's `clutter` test already reads it; the walk, which counts bottom-up, cannot know
/// that yet (the widget settling passes `f32::INFINITY`). Reverse preorder: children
/// come before their parent.
pub(super) fn recount_clutter(nodes: &mut [Node], bp_limit: f32) {
    for n in nodes.iter_mut() {
        n.clutter_chars = 0;
        n.clutter_links = 0;
    }
    for i in (0..nodes.len()).rev() {
        let n = &mut nodes[i];
        let bp = n.flags & BP_CLASS != 0 && (n.chars as f32) < bp_limit;
        if bp || n.flags & (FURNITURE | HEADER | FORM) != 0 {
            n.clutter_chars = n.chars;
            n.clutter_links = n.link_chars;
        }
        let (p, c, l) = (n.parent, n.clutter_chars, n.clutter_links);
        if let Some(p) = nodes.get_mut(p as usize) {
            p.clutter_chars += c;
            p.clutter_links += l;
        }
    }
}

/// A form's box, per block (`NONE` for none): the ancestors of a `<form>` holding little
/// text besides it are one prompt with it (a newsletter box's heading and pitch line above
/// its e-mail field, a comment form's "Leave a reply"). At most [`FORM_BOX_LEVELS`] levels
/// up, while the text outside the form stays under [`FORM_BOX_OUTSIDE_CHARS`], never into
/// the body, `<main>`, `<article>` or `itemprop=articleBody`. Only the blocks outside the
/// form get it (the form's own have their `form`). Off an article page, only a box
/// between two paragraphs of prose. Each form climbs a bounded number of
/// levels, and a block takes the box of the first form reaching it.
fn form_boxes(
    nodes: &[Node],
    dom: &[super::BlockDom],
    blocks: &[crate::block::Block],
    article_page: bool,
) -> Vec<u32> {
    let mut boxes = vec![NONE; dom.len()];
    let stop = BODY | MAIN | ARTICLE | ITEMPROP_BODY | FORM;
    for (f, n) in nodes.iter().enumerate() {
        if n.flags & FORM == 0 {
            continue;
        }
        let mut top = NONE;
        let mut p = n.parent;
        for _ in 0..FORM_BOX_LEVELS {
            let Some(pn) = nodes.get(p as usize) else {
                break;
            };
            if pn.flags & stop != 0 || pn.chars.saturating_sub(n.chars) > FORM_BOX_OUTSIDE_CHARS {
                break;
            }
            top = p;
            p = pn.parent;
        }
        if top == NONE {
            continue;
        }
        let t = &nodes[top as usize];
        let (first, end) = (t.first_block as usize, t.end_block as usize);
        // off a page with one strong article (a short story scores too little to be
        // one), only a box wedged between paragraphs of prose (one of the
        // [`FORM_BOX_NEAR`] blocks on each side: an embedded post's date line may stand
        // between): a product card's "add to cart" form and a shop's "notify me" box
        // stand among other cards
        let prose = |b: &crate::block::Block| {
            matches!(b.kind, Kind::Paragraph | Kind::Quote) && b.is_prose()
        };
        let before = blocks[first.saturating_sub(FORM_BOX_NEAR)..first]
            .iter()
            .any(prose);
        let after = blocks
            .get(end..(end + FORM_BOX_NEAR).min(blocks.len()))
            .is_some_and(|s| s.iter().any(prose));
        if !(article_page || (before && after)) {
            continue;
        }
        for i in first..end {
            let d = &dom[i];
            if d.form == NONE && boxes[i] == NONE && !contains(nodes, f as u32, d.owner) {
                boxes[i] = top;
            }
        }
    }
    boxes
}

/// A labelled box, per block (`NONE` for none): an element whose first block is a heading
/// the lexicon reads as a whole boilerplate or lead-in line ("Comments", "Most read",
/// "Read also", "Newsletter") holds what the label names, as a box of the page: the
/// comments under "Comentários", the headlines under "Mais lidas". The box is the highest
/// of the heading's [`LABEL_BOX_LEVELS`] nearest ancestors that it opens, never the body,
/// `<main>`, `<article>` or `itemprop=articleBody`; the heading alone is no box. Each
/// heading climbs a bounded number of levels, and a block takes the first box reaching it.
/// Off an article page, only a box right after prose ([`FORM_BOX_NEAR`] blocks).
fn label_boxes(
    nodes: &[Node],
    dom: &[super::BlockDom],
    blocks: &[crate::block::Block],
    article_page: bool,
) -> Vec<u32> {
    use crate::prune::phrases::Class;
    let mut boxes = vec![NONE; dom.len()];
    let stop = BODY | MAIN | ARTICLE | ITEMPROP_BODY;
    for (i, b) in blocks.iter().enumerate() {
        if b.kind != Kind::Heading
            || !matches!(
                b.features.phrase.whole,
                Some(Class::Boilerplate | Class::LeadIn)
            )
        {
            continue;
        }
        let mut top = NONE;
        let mut p = nodes.get(dom[i].owner as usize).map_or(NONE, |n| n.parent);
        for _ in 0..LABEL_BOX_LEVELS {
            let Some(pn) = nodes.get(p as usize) else {
                break;
            };
            if pn.flags & stop != 0 || pn.first_block as usize != i {
                break;
            }
            top = p;
            p = pn.parent;
        }
        if top == NONE {
            continue;
        }
        let t = &nodes[top as usize];
        // off a page with one strong article, only a box right after prose (a product
        // page's "Recommended" heads its system requirements, after other specs)
        let after_prose = blocks[i.saturating_sub(FORM_BOX_NEAR)..i]
            .iter()
            .any(|b| matches!(b.kind, Kind::Paragraph | Kind::Quote) && b.is_prose());
        if t.end_block as usize <= i + 1 || !(article_page || after_prose) {
            continue;
        }
        for x in &mut boxes[t.first_block as usize..t.end_block as usize] {
            if *x == NONE {
                *x = top;
            }
        }
    }
    boxes
}

/// [`label_boxes`]: how far up a labelled box reaches.
const LABEL_BOX_LEVELS: usize = 3;

/// [`form_boxes`]: how far up a form's box reaches.
const FORM_BOX_LEVELS: usize = 3;
/// [`form_boxes`]: how many blocks on each side of a box may hold the prose around it.
const FORM_BOX_NEAR: usize = 2;
/// [`form_boxes`]: visible characters besides the form its box may hold (a heading and a
/// pitch line; a paragraph of the article is longer).
const FORM_BOX_OUTSIDE_CHARS: u32 = 160;

/// An image box, per block (`NONE` for none): the smallest element holding a picture
/// and some text, when that text is a line or two beside the picture (a caption and its
/// credit in `<span>`s or a `<p>` next to an `<img>`, a caption in the next row of the
/// picture's table) that credits it ([`credits`]), and not a paragraph a picture sits in,
/// a heading or a list. Such a line describes the picture, as a `<figcaption>` does, which
/// the truths leave out (scrapinghub: none of 118 figcaptions of four words or more, none
/// of 68 lines written right after an `<img>`). From each picture's box, at most
/// [`IMAGE_BOX_LEVELS`] levels up through boxes with no text, never into the body,
/// `<main>`, `<article>` or `itemprop=articleBody`. Measured on wcxb-dev (headings kept),
/// every such box of at most 250 characters that does not repeat, without the credit
/// test: leak 0.0425 -> 0.0421 but with 0.788 -> 0.787 and 96 pages changed (a story's
/// sections opening with a picture, short forum posts, a service page's logos beside
/// their claims, an article's opening beside its picture); with it four pages change (one article gains 0.022, one
/// whose truth keeps its lead picture's caption loses 0.002); without the test of
/// repeating boxes, a listing crediting its cards' pictures lost 0.019.
///
/// The box of an author's photo is one too when its text is an author's bio: one
/// sentence (after a name line, if any) opening with a word the page writes at the start
/// of a short line (the byline, the box's own name line), in a box of its own after the
/// article's last paragraph (prose among the [`BIO_NEAR`] blocks before it, none among as
/// many after it). Neither the scrapinghub truths (the eight stories ending "X is a
/// reporter for …") nor wcxb-dev's keep such a bio. Measured on wcxb-dev (headings kept):
/// without the name test, nine pages changed, short lines beside icons that the truth
/// keeps among them (a training plan's "Nutrition tips …", 0.973 -> 0.966); with it one
/// (a shop's badge explanation, 0.433 -> 0.435).
fn image_boxes(nodes: &[Node], blocks: &[Block], article_page: bool) -> Vec<u32> {
    let mut boxes = vec![NONE; blocks.len()];
    let stop = BODY | MAIN | ARTICLE | ITEMPROP_BODY | PARA;
    // (box, first block, end block), and how many boxes share each class
    let mut found: Vec<(u32, usize, usize)> = Vec::new();
    let mut classes: crate::features::HashMapU64<u32> = Default::default();
    for (i, n) in nodes.iter().enumerate() {
        if n.flags & IMAGE == 0 {
            continue;
        }
        let mut a = i as u32;
        for _ in 0..IMAGE_BOX_LEVELS {
            match nodes.get(a as usize) {
                Some(x) if x.chars == 0 => a = x.parent,
                _ => break,
            }
        }
        let Some(t) = nodes.get(a as usize) else {
            continue;
        };
        let (first, end) = (t.first_block as usize, t.end_block as usize);
        if t.chars == 0
            || t.flags & stop != 0
            || t.chars > MAX_IMAGE_BOX_CHARS
            || end - first > MAX_IMAGE_BOX_BLOCKS
            || found.last().is_some_and(|f| f.0 == a)
            || blocks[first..end]
                .iter()
                .any(|b| matches!(b.kind, Kind::Heading | Kind::ListItem))
        {
            continue;
        }
        *classes.entry(box_key(t)).or_insert(0) += 1;
        found.push((a, first, end));
    }
    // the first words of short lines (a byline's name, a bio box's name line), read once
    // when a box may be a bio
    let mut names: Option<crate::features::HashMapU64<()>> = None;
    // prose of the article (a comment's reply line is shorter)
    let prose = |b: &Block| {
        b.kind == Kind::Paragraph && b.is_prose() && b.features.words >= BIO_PROSE_WORDS
    };
    for (a, first, end) in found {
        let t = &nodes[a as usize];
        // off a page with one strong article, only a box of its own (a listing's cards
        // repeat their class, or without one their parent, and may credit their pictures)
        let repeats = classes.get(&box_key(t)).is_some_and(|&c| c > 1);
        if !article_page && repeats {
            continue;
        }
        // a line of the box credits the picture, or the box is an author's bio: one
        // sentence opening with a name the page writes on a short line (the byline, the
        // box's own name line), after the article's last paragraph
        let credited = blocks[first..end].iter().any(|b| credits(&b.text));
        let last = &blocks[end - 1];
        let bio = || {
            !repeats
                && t.chars <= MAX_BIO_CHARS
                && t.link_density() < MAX_PARA_LINK_DENSITY
                && last.features.words > NAME_LINE_WORDS as u32
                && last.features.ends_sentence
                && blocks[first..end].iter().all(|b| b.features.sentences <= 1)
                && blocks[first.saturating_sub(BIO_NEAR)..first]
                    .iter()
                    .any(prose)
                && !blocks[end..(end + BIO_NEAR).min(blocks.len())]
                    .iter()
                    .any(prose)
        };
        if !credited {
            if !bio() {
                continue;
            }
            let names = names.get_or_insert_with(|| name_words(blocks));
            if !name_word(&last.text).is_some_and(|h| names.contains_key(&h)) {
                continue;
            }
        }
        for x in &mut boxes[first..end] {
            if *x == NONE {
                *x = a;
            }
        }
    }
    boxes
}

/// Whether a line beside a picture credits it: it holds `©`, or one of its sentences
/// starts with a credit prefix of the lexicon ("Foto: EFE", "사진=부산시 제공"), as in the
/// text front door's credit lines (there only at a line's start; here a caption and its
/// credit are often one line, two `<span>`s).
fn credits(text: &str) -> bool {
    use crate::prune::phrases::PHRASES;
    text.contains('©')
        || text
            .split_inclusive(['.', '!', '?', '|', '।', '。'])
            .any(|s| {
                let mut m = PHRASES.matcher();
                let mut cjk = false;
                for t in crate::features::tokens(s) {
                    m.push(t.hash);
                    cjk |= t.cjk;
                }
                m.finish(s, cjk).credit()
            })
}

/// [`image_boxes`]: what tells a box's siblings of one kind: its class, else its parent.
fn box_key(n: &Node) -> u64 {
    if n.class_hash != 0 {
        n.class_hash
    } else {
        (1 << 63) | u64::from(n.parent)
    }
}

/// [`image_boxes`]: the first word of a line when it may be a name (no number, a
/// stopword in no language).
fn name_word(text: &str) -> Option<u64> {
    crate::features::tokens(text)
        .next()
        .filter(|t| !t.numeric && crate::features::stopword_in_no_language(t.hash))
        .map(|t| t.hash)
}

/// [`image_boxes`]: the first words of the page's short lines, [`NAME_LINE_WORDS`] words
/// at most besides numbers (a byline's date and time).
fn name_words(blocks: &[Block]) -> crate::features::HashMapU64<()> {
    let mut names: crate::features::HashMapU64<()> = Default::default();
    for b in blocks {
        let words = crate::features::tokens(&b.text)
            .filter(|t| !t.numeric)
            .take(NAME_LINE_WORDS + 1)
            .count();
        if words <= NAME_LINE_WORDS {
            if let Some(h) = name_word(&b.text) {
                names.insert(h, ());
            }
        }
    }
    names
}

/// [`image_boxes`]: a bio box holds at most this many visible characters...
const MAX_BIO_CHARS: u32 = 250;
/// ...its name line at most this many words, its sentence more.
const NAME_LINE_WORDS: usize = 4;
/// [`image_boxes`]: a bio box has prose of the article among this many blocks before it
/// and none among as many after it...
const BIO_NEAR: usize = 6;
/// ...prose being a paragraph of at least this many words.
const BIO_PROSE_WORDS: u32 = 15;

/// [`image_boxes`]: how far up from a picture's box the text beside it is looked for.
const IMAGE_BOX_LEVELS: usize = 4;
/// [`image_boxes`]: at most this many visible characters...
const MAX_IMAGE_BOX_CHARS: u32 = 500;
/// ...in at most this many blocks (a name and a sentence; a caption and its credit).
const MAX_IMAGE_BOX_BLOCKS: usize = 2;

fn contains(nodes: &[Node], anc: u32, n: u32) -> bool {
    anc != NONE && n != NONE && anc <= n && n <= nodes[anc as usize].end
}

/// Chooses the region and fills the blocks' hints.
pub(crate) fn choose(w: &mut Walk, lang: Lang) {
    if w.nodes.is_empty() || w.blocks.is_empty() {
        return;
    }
    let nodes = &mut w.nodes;
    let page_chars = nodes[0].chars.max(1) as f32;
    recount_clutter(nodes, BP_PAGE_SHARE * page_chars);

    // JSON-LD articleBody: which blocks it contains
    let mut matched = vec![false; w.blocks.len()];
    let use_ld = w.ld_body.len() >= MIN_LD_BODY;
    if use_ld {
        for (i, b) in w.blocks.iter().enumerate() {
            if b.text.len() >= 40
                && b.text.len() <= w.ld_body.len()
                && b.link_density.unwrap_or(0.0) < MAX_PARA_LINK_DENSITY
                && w.ld_body.contains(b.text.as_str())
            {
                matched[i] = true;
            }
        }
    }

    // paragraph scores, propagated to ancestors (Readability)
    let lang_known = lang.index.is_some();
    let mut prose_chars = 0.0f32;
    // per node, the characters of the paragraphs that score below it
    let mut node_prose = vec![0.0f32; nodes.len()];
    for (i, b) in w.blocks.iter().enumerate() {
        let d = &w.dom[i];
        let ld = b.link_density.unwrap_or(0.0);
        if b.kind == Kind::Heading || d.chars < MIN_PARA_CHARS || ld > MAX_PARA_LINK_DENSITY {
            continue;
        }
        let commas = b
            .text
            .chars()
            .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
            .count() as f32;
        prose_chars += d.chars as f32 * (1.0 - ld);
        if let Some(p) = node_prose.get_mut(d.owner as usize) {
            *p += d.chars as f32 * (1.0 - ld);
        }
        let mut s = 1.0 + commas + (d.chars as f32 / 100.0).min(3.0);
        if lang_known && b.features.words > 0 {
            // jusText: prose is made of function words
            let share = b.features.stopwords as f32 / b.features.words as f32;
            s *= (share / FULL_STOPWORDS).clamp(0.3, 1.0);
        }
        s *= 1.0 - ld;
        if matched[i] {
            s *= 3.0;
        }
        if b.kind == Kind::ListItem {
            s *= 0.5;
        }
        let mut anc = nodes.get(d.owner as usize).map_or(NONE, |n| n.parent);
        for level in 0..ANCESTOR_LEVELS {
            let Some(n) = nodes.get_mut(anc as usize) else {
                break;
            };
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            n.score += s / div;
            anc = n.parent;
        }
    }

    // reverse preorder: children before their parent
    for i in (0..nodes.len()).rev() {
        let p = nodes[i].parent as usize;
        if p < nodes.len() {
            node_prose[p] += node_prose[i];
        }
    }
    let clutter = |nodes: &[Node], i: usize| -> bool {
        let n = &nodes[i];
        let bp = n.bp_anc;
        (bp != NONE
            && bp as usize != i
            && (nodes[bp as usize].chars as f32) < BP_PAGE_SHARE * page_chars)
            || n.furniture_anc != NONE
    };
    let final_score = |nodes: &[Node], i: usize| -> f32 {
        let n = &nodes[i];
        if n.score <= 0.0 {
            return 0.0;
        }
        // the tag and class weight only counts for elements with text enough to be the
        // article (a tiny "entry-meta" box must not win on its name)
        let weight = if n.chars >= MIN_WEIGHTED_CHARS {
            tag_weight(n)
        } else {
            0.0
        };
        let mut s = (n.score + weight) * (1.0 - n.link_density());
        if clutter(nodes, i) {
            s *= INSIDE_CLUTTER;
        }
        s
    };

    // the best five candidates
    let mut top5: [(f32, u32); 5] = [(0.0, NONE); 5];
    for i in 0..nodes.len() {
        let s = final_score(nodes, i);
        if s > top5[4].0 {
            top5[4] = (s, i as u32);
            top5.sort_by(|a, b| b.0.total_cmp(&a.0));
        }
    }
    let body = nodes.iter().position(|n| n.flags & BODY != 0).unwrap_or(0) as u32;
    let mut top = if top5[0].1 == NONE { body } else { top5[0].1 };
    let top_score = top5[0].0;

    // Readability: three of the best candidates in one ancestor → the ancestor
    if top != body {
        let alts: Vec<u32> = top5[1..]
            .iter()
            .filter(|(s, i)| {
                *i != NONE
                    && *s >= 0.75 * top_score
                    && !contains(nodes, *i, top)
                    && !contains(nodes, top, *i)
            })
            .map(|x| x.1)
            .collect();
        if alts.len() >= 2 {
            let mut anc = nodes[top as usize].parent;
            while anc != NONE && anc != body {
                let inside = alts.iter().filter(|&&a| contains(nodes, anc, a)).count();
                if inside + 1 >= 3 {
                    top = anc;
                    break;
                }
                anc = nodes[anc as usize].parent;
            }
        }
    }

    // An ancestor of the winner among the best candidates, scoring nearly as well and
    // holding much more text, is the article: the winner won on its class name alone (a
    // small `content`-named box inside the article's container).
    if top != body {
        let top_chars = nodes[top as usize].chars;
        if let Some(&(_, anc)) = top5[1..].iter().find(|(s, i)| {
            *i != NONE
                && *s >= ANCESTOR_SCORE_SHARE * top_score
                && contains(nodes, *i, top)
                && nodes[*i as usize].chars >= ANCESTOR_CHARS_RATIO * top_chars
                && nodes[*i as usize].link_density() < ANCESTOR_MAX_LINK_DENSITY
        }) {
            top = anc;
        }
    }

    // JSON-LD check: the region must hold most of the paragraphs the metadata names
    if use_ld {
        let (mut all, mut inside) = (0u32, 0u32);
        let mut lca = NONE;
        for (i, &m) in matched.iter().enumerate() {
            if !m {
                continue;
            }
            let owner = w.dom[i].owner;
            let Some(owner_node) = nodes.get(owner as usize) else {
                continue; // text flushed outside any element (a limit cut the page)
            };
            all += w.dom[i].chars;
            if contains(nodes, top, owner) {
                inside += w.dom[i].chars;
            }
            if lca == NONE {
                lca = owner_node.parent;
            }
            while lca != NONE && !contains(nodes, lca, owner) {
                lca = nodes[lca as usize].parent;
            }
        }
        if all > 0 && inside * 2 < all && lca != NONE {
            top = lca;
        }
    }

    // A forum thread's posts, a question's answers, a listing's entries: the winner is one
    // record among several carrying its class, and the region holds them all.
    if top != body {
        top = repeated_records(nodes, top, &clutter);
    }

    // climb while the parent adds no text (wrappers)
    while let Some(p) = nodes.get(nodes[top as usize].parent as usize) {
        if p.chars > nodes[top as usize].chars {
            break;
        }
        top = nodes[top as usize].parent;
    }

    // Broaden: pages that are not one article (landing, product, listing pages) spread
    // their content over sibling sections. Climb while an ancestor adds plenty of text
    // that is neither links nor clutter (furniture, boilerplate-named boxes).
    // clean text: neither clutter nor links (the links inside clutter are counted once: a
    // page whose menus sit in `<nav>` had no clean text left at all)
    let good = |n: &Node| {
        let links = n.link_chars.saturating_sub(n.clutter_links);
        n.chars.saturating_sub(n.clutter_chars + links) as f32
    };
    // off an article page, the sections beside the element come with their buttons and
    // linked cards
    let clean_share = if top_score < LISTING_MAX_SCORE {
        BROADEN_CLEAN_SECTIONS
    } else {
        BROADEN_CLEAN
    };
    let broadens = |cur: &Node, p: &Node| {
        let extra = p.chars.saturating_sub(cur.chars) as f32;
        let extra_good = (good(p) - good(cur)).max(0.0);
        good(cur) > 0.0
            && extra_good >= BROADEN_MIN_NEW * good(cur)
            && extra_good >= clean_share * extra
    };
    let broaden = |mut top: u32| -> u32 {
        loop {
            let cur = &nodes[top as usize];
            let Some(p) = nodes.get(cur.parent as usize) else {
                break;
            };
            if broadens(cur, p) {
                top = cur.parent;
                continue;
            }
            // A section under its title: wrappers that add one heading before the element and
            // nothing else are looked through, and the test is the first ancestor that adds
            // other text (a service page's testimonials under "what our clients say", a
            // manual's options under "OPTIONS"). Looking through every thin wrapper cost (as
            // measured before this rule) wcxb-dev leak 0.0285 -> 0.0315, scrapinghub 0.962.
            // Off an article page, a wrapper adding next to nothing ([`THIN_SHARE`]: a "terms
            // apply" line, a button) is looked through as well: the element is one of the
            // page's sections, and the test is the ancestor that holds the others.
            let (mut inner, mut a) = (cur, p);
            let mut titles = 0;
            loop {
                let thin = top_score < LISTING_MAX_SCORE
                    && a.chars.saturating_sub(cur.chars) as f32 <= THIN_SHARE * cur.chars as f32;
                let titled = inner.end_block == a.end_block && {
                    let before = &w.blocks[a.first_block as usize..inner.first_block as usize];
                    titles += before.len();
                    titles <= 1 && before.iter().all(|b| b.kind == Kind::Heading)
                };
                if !(thin || titled) {
                    break;
                }
                let Some(g) = nodes.get(a.parent as usize) else {
                    break;
                };
                (inner, a) = (a, g);
            }
            if broadens(cur, a) {
                top = inner.parent;
                continue;
            }
            break;
        }
        top
    };
    top = broaden(top);

    // A page whose best element holds a small share of the page's clean text is not one
    // article (a landing page, a product page, a listing): take the whole body, minus
    // furniture and boilerplate boxes.
    // The whole-page test reads the clean text; on a page with one strong article it keeps
    // the stricter measure that subtracts every link (those in menus twice): with the
    // clean text a news page's long teaser sections outweighed its article (scrapinghub
    // 0.965 -> 0.962 shingle F1, three pages losing half their precision).
    let strict = |n: &Node| n.chars.saturating_sub(n.clutter_chars + n.link_chars) as f32;
    let fallback_measure = |n: &Node| {
        if top_score >= LISTING_MAX_SCORE {
            strict(n)
        } else {
            good(n)
        }
    };
    let solid = |n: &Node| n.chars.saturating_sub(n.clutter_chars) as f32;
    if prose_chars < LISTING_PROSE_SHARE * solid(&nodes[body as usize])
        && top_score < LISTING_MAX_SCORE
    {
        // little prose anywhere: a listing, a catalogue, a link directory. Its content is
        // where most of the text outside furniture is: descend from the body into the
        // child that holds most of it, while one does.
        w.listing = true;
        let mut cur = body;
        loop {
            let n = &nodes[cur as usize];
            let (mut best, mut best_solid) = (NONE, 0.0f32);
            let mut k = cur + 1;
            while k <= n.end {
                let c = &nodes[k as usize];
                if solid(c) > best_solid {
                    (best, best_solid) = (k, solid(c));
                }
                k = c.end + 1;
            }
            if best != NONE && best_solid >= DESCEND_SHARE * solid(n) {
                cur = best;
            } else {
                break;
            }
        }
        top = cur;
    } else {
        let (here, page) = (
            fallback_measure(&nodes[top as usize]),
            fallback_measure(&nodes[body as usize]),
        );
        let below = here < WHOLE_PAGE_SHARE * page;
        // off an article page, a best element holding not much more than that is one
        // section of several as well, as long as they sit together below the body and the
        // others hold prose too (not an abstract's sidebar of tools and links)
        let near = top_score < LISTING_MAX_SCORE && here < SECTION_PAGE_SHARE * page;
        if below || near {
            // the content is spread over the page: the smallest ancestor holding most of
            // its clean text (not the body, whose top bar and contact strip come along)
            let want = WHOLE_PAGE_CLIMB_SHARE * good(&nodes[body as usize]);
            let mut t = top;
            while t != body && good(&nodes[t as usize]) < want {
                let p = nodes[t as usize].parent;
                t = if p == NONE { body } else { p };
            }
            // ...and from there on, as far as the ancestors add plenty of clean text (the
            // smallest ancestor past the share can be one section of several)
            let added_good = good(&nodes[t as usize]) - good(&nodes[top as usize]);
            let added_prose = node_prose[t as usize] - node_prose[top as usize];
            if below || (t != body && added_prose >= NEAR_PROSE * added_good) {
                top = broaden(t);
            }
        }
    }

    // Readability: gather siblings
    let mut roots: Vec<u32> = vec![top];
    let parent = nodes[top as usize].parent;
    if parent != NONE && top != body {
        let top_final = final_score(nodes, top as usize).max(top_score);
        let threshold = (SIBLING_SHARE * top_final).max(10.0);
        let top_class = nodes[top as usize].class_hash;
        let mut kids: Vec<(u32, bool, bool)> = Vec::new(); // (node, included, heading-only)
        let mut k = parent + 1;
        let pend = nodes[parent as usize].end;
        while k <= pend {
            let n = &nodes[k as usize];
            let blocks = &w.blocks[n.first_block as usize..n.end_block as usize];
            let headings = !blocks.is_empty() && blocks.iter().all(|b| b.kind == Kind::Heading);
            let include = if k == top {
                true
            } else if clutter(nodes, k as usize)
                || n.flags & (BP_CLASS | FURNITURE) != 0
                || (n.flags & COMMENTS_CLASS != 0 && !w.discussion)
            {
                false
            } else {
                let mut s = final_score(nodes, k as usize);
                if top_class != 0 && n.class_hash == top_class {
                    s += SIBLING_SHARE * top_final;
                }
                let ld = n.link_density();
                let prose = !blocks.is_empty()
                    && blocks
                        .iter()
                        .all(|b| matches!(b.kind, Kind::Paragraph | Kind::Quote));
                // a section of the article: its own headings and lists, but mostly prose
                let first = n.first_block as usize;
                let prose_share = w.dom[first..n.end_block as usize]
                    .iter()
                    .zip(blocks)
                    .filter(|(_, b)| matches!(b.kind, Kind::Paragraph | Kind::Quote))
                    .map(|(d, b)| d.chars as f32 * (1.0 - b.link_density.unwrap_or(0.0)))
                    .sum::<f32>()
                    / n.chars.max(1) as f32;
                let section = k > top
                    && n.chars > SECTION_MIN_CHARS
                    && ld < 0.25
                    && prose_share >= SECTION_PROSE_SHARE;
                s >= threshold
                    || section
                    || (prose && n.chars > 80 && ld < 0.25)
                    || (prose
                        && n.chars > 0
                        && ld == 0.0
                        && blocks.last().is_some_and(|b| b.features.ends_sentence))
            };
            kids.push((k, include, headings));
            k = n.end + 1;
        }
        for j in 0..kids.len() {
            let (node, inc, heads) = kids[j];
            let between =
                heads && !inc && kids[..j].iter().any(|x| x.1) && kids[j + 1..].iter().any(|x| x.1);
            if (inc || between) && node != top {
                roots.push(node);
            }
        }
        roots.sort_unstable();
    }
    // a page with one strong article: its caption-named boxes hold picture captions (on
    // product and listing pages, design systems name their small type and cards so)
    let article_page = top_score >= LISTING_MAX_SCORE;
    let region_chars: u32 = roots.iter().map(|&r| nodes[r as usize].chars).sum();
    let region_chars = region_chars.max(1) as f32;
    // Off an article page, a list made of nothing but short links is a menu (a service
    // page's mega-menu outside `<nav>`, a shop's sort and view options): per list, its
    // items and its short all-link items.
    let mut list_items: crate::features::HashMapU64<(u32, u32)> = Default::default();
    if !article_page {
        for (i, b) in w.blocks.iter().enumerate() {
            let c = w.dom[i].container;
            if b.kind != Kind::ListItem || c == NONE {
                continue;
            }
            let e = list_items.entry(u64::from(c)).or_insert((0, 0));
            e.0 += 1;
            if b.link_density.unwrap_or(0.0) >= MENU_LINK_DENSITY
                && b.features.words <= MENU_ITEM_WORDS
            {
                e.1 += 1;
            }
        }
    }

    // Off an article page, boilerplate-named boxes that repeat (one class on several boxes,
    // each holding a heading and prose) are the page's cards: AEM's `cmp-promo` tiles of a service
    // page's offer.
    let mut bp_cards: crate::features::HashMapU64<u32> = Default::default();
    if !article_page {
        // per innermost boilerplate-named box: 1 = a heading, 2 = prose
        let mut shape: crate::features::HashMapU64<u8> = Default::default();
        for (b, d) in w.blocks.iter().zip(&w.dom) {
            if d.bp == NONE {
                continue;
            }
            let bit = match b.kind {
                Kind::Heading => 1,
                Kind::Paragraph | Kind::Quote | Kind::ListItem
                    if d.chars >= MIN_PARA_CHARS
                        && b.link_density.unwrap_or(0.0) <= MAX_PARA_LINK_DENSITY =>
                {
                    2
                }
                _ => 0,
            };
            let mut bp = d.bp;
            for _ in 0..CARD_LEVELS {
                *shape.entry(u64::from(bp)).or_default() |= bit;
                let p = nodes[bp as usize].parent;
                bp = if p == NONE {
                    NONE
                } else {
                    nodes[p as usize].bp_anc
                };
                if bp == NONE {
                    break;
                }
            }
        }
        for (&bp, &s) in &shape {
            if s == 3 && nodes[bp as usize].class_hash != 0 {
                *bp_cards.entry(nodes[bp as usize].class_hash).or_default() += 1;
            }
        }
    }
    let card = |bp: u32| {
        let mut bp = bp;
        for _ in 0..CARD_LEVELS {
            if bp == NONE {
                return false;
            }
            let n = &nodes[bp as usize];
            if bp_cards
                .get(&n.class_hash)
                .is_some_and(|&c| c >= MIN_BP_CARDS)
            {
                return true;
            }
            bp = if n.parent == NONE {
                NONE
            } else {
                nodes[n.parent as usize].bp_anc
            };
        }
        false
    };

    // a form's box is a prompt (a newsletter sign-up box between the article's
    // paragraphs); on product and listing pages a card holding an "add to cart" form is
    // the content (see `form_boxes`)
    let form_box = form_boxes(nodes, &w.dom, &w.blocks, article_page);
    let label_box = label_boxes(nodes, &w.dom, &w.blocks, article_page);
    let image_box = image_boxes(nodes, &w.blocks, article_page);

    // Off an article page, a `<header>` inside `<main>` holding a line of
    // prose is a section's opening (a landing page's hero: its promise and a sentence
    // saying it), not the page's banner. Measured on wcxb-dev, from with 0.740 / 0.787
    // (default / headings kept), leak 0.0297: every `<header>` off an article page gave
    // 0.741 / 0.789, leak 0.0300 (a shop's top bar inside a page-wide region); inside
    // `<main>` or `<article>` leak 0.0299, but product pages with headings kept leaked
    // 0.0788 -> 0.0898 (a phone maker's section headers); holding prose too 0.741 / 0.788,
    // leak 0.0297 (headings kept 0.0425 -> 0.0427), but scrapinghub with headings kept
    // 0.972 -> 0.971 (two stories' headers in `<article>`: standfirst, byline); in `<main>`
    // only the same on wcxb-dev (service 0.681 -> 0.689 / 0.744 -> 0.755, all 0.847 ->
    // 0.848 / 0.867 -> 0.868; 12 pages changed, a video tool's landing page 0.34 -> 0.68,
    // the worst a collection 0.81 -> 0.74) and scrapinghub unchanged.
    let mut section_headers: crate::features::HashMapU64<bool> = Default::default();
    if !article_page {
        // the header's nearest `<main>` or `<article>`: `<main>` (an `<article>`'s header
        // holds a story's headline, standfirst and byline)
        let in_main = |h: u32| {
            let mut a = nodes[h as usize].parent;
            while a != NONE && nodes[a as usize].flags & ARTICLE == 0 {
                a = nodes[a as usize].parent;
            }
            a != NONE && nodes[a as usize].flags & MAIN != 0
        };
        for (b, d) in w.blocks.iter().zip(&w.dom) {
            if d.chrome != NONE
                && d.article
                && nodes[d.chrome as usize].flags & (FURNITURE | HEADER) == HEADER
                && matches!(b.kind, Kind::Paragraph | Kind::Quote)
                && d.chars >= MIN_PARA_CHARS
                && b.link_density.unwrap_or(0.0) <= MAX_PARA_LINK_DENSITY
            {
                // each header climbs once
                section_headers
                    .entry(u64::from(d.chrome))
                    .or_insert_with(|| in_main(d.chrome));
            }
        }
    }
    let short_link_line = |i: usize| {
        let b = &w.blocks[i];
        let d = &w.dom[i];
        (d.bp == NONE || card(d.bp))
            && b.kind == Kind::Paragraph
            && b.link_density.unwrap_or(0.0) >= LINK_LINE_DENSITY
            && b.features.words <= LINK_LINE_WORDS
    };
    let card_title = if article_page {
        Vec::new()
    } else {
        card_titles(nodes, &w.blocks, &w.dom, &short_link_line)
    };

    // hints, holes; when the boilerplate-named holes would empty the region, its class
    // names were wrong (a whole page named "widget"): ignore them. Comment sections stay
    // holes as long as the article keeps some text of its own. When the link lines and
    // menus still take most of the region's text, they are its content (a grid of cards
    // whose titles are links, a directory): without them no block was in the region at
    // all, and the `region` rule kept the whole page. Measured on wcxb-dev: leak 0.0293 ->
    // 0.0287, all 0.827 -> 0.828 (three pages changed: two listings of linked cards
    // gained 0.11 and 0.54, a collection lost 0.03).
    for (attempt, (use_bp, use_comments, use_links)) in [
        (true, true, true),
        (false, true, true),
        (false, false, true),
        (false, false, false),
    ]
    .into_iter()
    .enumerate()
    {
        let mut kept = 0u32;
        for (i, b) in w.blocks.iter_mut().enumerate() {
            let d = w.dom[i];
            let root = roots.iter().copied().find(|&r| contains(nodes, r, d.owner));
            let bp_small =
                d.bp != NONE && (nodes[d.bp as usize].chars as f32) < BP_PAGE_SHARE * page_chars;
            b.hints.in_article = d.article || matched[i];
            b.hints.boilerplate_class = bp_small;
            b.hints.chrome = d.chrome != NONE || d.form != NONE;
            b.hints.container = if d.container == NONE {
                0
            } else {
                d.container + 1
            };
            b.hints.in_region = match root {
                None => false,
                Some(r) => {
                    let ld = b.link_density.unwrap_or(0.0);
                    let link_line = b.kind == Kind::Paragraph
                        && ((ld >= LINK_LINE_DENSITY
                            && b.features.words <= LINK_LINE_WORDS
                            && !card_title.get(i).copied().unwrap_or(false))
                            || (article_page && ld >= LINKED_PARAGRAPH_DENSITY));
                    let caption = b.kind == Kind::Caption
                        || (article_page
                            && d.caption != NONE
                            && b.features.words >= MIN_CAPTION_WORDS
                            && nodes[d.caption as usize].chars <= MAX_CAPTION_CHARS);
                    let menu = b.kind == Kind::ListItem
                        && d.container != NONE
                        && list_items
                            .get(&u64::from(d.container))
                            .is_some_and(|&(n, l)| n >= MENU_MIN_ITEMS && l == n);
                    // a caption crediting a picture, beside it (see `image_boxes`)
                    let image_line = image_box.get(i).is_some_and(|&f| {
                        f != NONE
                            && f > r
                            && (nodes[f as usize].chars as f32) < BP_MAX_SHARE * region_chars
                    });
                    let hole = (DROP_CAPTIONS && (caption || image_line))
                        || (use_links && (menu || link_line))
                        || (b.kind == Kind::Paragraph && bare_url(&b.text))
                        || (d.chrome != NONE
                            && d.chrome > r
                            && nodes[d.chrome as usize].flags & (FURNITURE | HEADER) != 0
                            && !section_headers
                                .get(&u64::from(d.chrome))
                                .copied()
                                .unwrap_or(false))
                        || (d.form != NONE
                            && d.form > r
                            && nodes[d.form as usize].flags & FORM != 0
                            && (nodes[d.form as usize].chars as f32) < BP_MAX_SHARE * region_chars)
                        || form_box.get(i).is_some_and(|&f| {
                            f != NONE
                                && f > r
                                && (nodes[f as usize].chars as f32) < BP_MAX_SHARE * region_chars
                        })
                        || (use_bp
                            && label_box.get(i).is_some_and(|&f| {
                                f != NONE
                                    && f > r
                                    && (nodes[f as usize].chars as f32)
                                        < BP_MAX_SHARE * region_chars
                            }))
                        || (use_comments && !w.discussion && d.comments != NONE && d.comments > r)
                        || (use_bp
                            && d.bp != NONE
                            && !card(d.bp)
                            && d.bp > r
                            && (nodes[d.bp as usize].chars as f32) < BP_MAX_SHARE * region_chars);
                    !hole
                }
            };
            if b.hints.in_region {
                kept += d.chars;
            }
        }
        let enough = match attempt {
            0 => kept as f32 >= MIN_KEPT_SHARE * region_chars,
            1 => kept as f32 >= MIN_KEPT_SHARE * region_chars || kept >= MIN_KEPT_CHARS,
            2 => kept as f32 >= MIN_KEPT_SHARE * region_chars,
            _ => true,
        };
        if enough {
            break;
        }
    }

    // A page with one strong article: the headings before its first paragraph are its
    // title and kicker (the shared `headings` rule only sees the first blocks of the whole
    // page, most of them outside the region). On product, service and listing pages the
    // title names the content and stays.
    if article_page {
        for (seen, b) in w
            .blocks
            .iter_mut()
            .filter(|b| b.hints.in_region)
            .enumerate()
        {
            if b.kind != Kind::Heading {
                break;
            }
            if seen < TITLE_ZONE {
                b.hints.in_region = false;
            }
        }
    }
}
