//! The HTML front door: parse a page, linearise it into [`Block`]s carrying DOM evidence,
//! and choose the region that holds the article.
//!
//! # One walk, then the region
//!
//! 1. `html5ever` (through `scraper`) builds the DOM; one iterative walk over it (an
//!    explicit stack, never recursion: html5ever builds trees as deep as the input says)
//!    emits the blocks and a flat arena of the *block-level* elements (`Node`: parent,
//!    subtree end, visible characters, characters inside links, class/id verdict). Text
//!    of `<script>`, `<style>`, `<noscript>`, `<template>`, `<svg>`, `<iframe>`, form
//!    controls and hidden elements (`hidden`, `aria-hidden="true"`,
//!    `style="display:none"` / `visibility:hidden`) and modal windows (`role="dialog"`,
//!    `aria-modal="true"`: a policy, a cart or a search box laid over the page) never
//!    enters a block. The exceptions are an accordion's or a tab's closed panel (an FAQ
//!    answer), which a reader opens like a closed `<details>`: an element hidden only by
//!    the `hidden` attribute or `style="display:none"` that a control names
//!    (`aria-labelledby`, or its id in an earlier control's `aria-controls`) or that says
//!    it is a tab's panel (`role="tabpanel"`); one hidden by `display:none` whose class or
//!    id names such a panel (`faq__answer`, `tab-pane`, `collapse`); and one hidden by
//!    `aria-hidden="true"` whose id an earlier `aria-controls` names or whose class names
//!    a carousel's slide (`swiper-slide`: the slides not shown yet).
//!    When that walk finds almost no visible text (an application shell: React streaming
//!    into `<div hidden>`, Discourse serving crawlers in `<noscript>`), the page is walked
//!    again reading `<noscript>` and hidden elements. The parse runs with scripting off
//!    so `<noscript>` content is markup. React's `<div hidden id="S:n">` segments are
//!    read in any case; a `<header>` or `<form>` holding a page's worth of text is a
//!    wrapper, not furniture.
//! 2. A line repeating the page's title (`og:title`, `<title>`) becomes a level-1
//!    heading; a long statement set in `<h2>`–`<h6>` becomes a paragraph.
//! 3. [`region`] scores the blocks, propagates the scores to the ancestors, picks the
//!    article's element, gathers its siblings, and fills [`Hints`](crate::block::Hints).
//!
//! # Blocks
//!
//! One block per paragraph, heading (with its level), list item, blockquote, caption
//! (`<figcaption>`, `<caption>`, anything inside `<figure>`; a `<span>` whose class names a
//! caption is a box of its own, for the region's caption rule), `<pre>` and table row: the
//! cells of a row join into one block (separated by a space) when each cell is one block;
//! a layout table's cells, which hold paragraphs, stay apart. Text directly inside a
//! `<div>` or `<td>` is a paragraph of its own. Line breaks: a single `<br>` is a line break
//! (`\n`) inside the block's text (an address, a verse, a spec list written `- a<br>- b`
//! stays one block, which the prune rules judge as one, and reads as the page shows it),
//! except in a heading, directly in a table cell (a row's cells are one line) and before a line
//! going on in lowercase (a sentence wrapped by hand), where it is a space;
//! two `<br>` in a row (nothing but whitespace between) end the paragraph, since many
//! pages write their paragraphs as `text<br><br>text`. A `<pre>` keeps its lines the same
//! way (code, logs, terminal sessions; white space inside a line still collapses, and
//! empty lines are dropped). Everything else collapses to single spaces, as a browser
//! shows it.
//!
//! `Block::link_density` is the share of the block's visible (non-space) characters that
//! sit inside `<a>`.

mod classes;
mod jsonld;
mod region;
#[cfg(test)]
mod tests;

use crate::block::{Block, Kind, Marker};
use crate::features::Lang;
use crate::options::Options;
use crate::text::normalise_space;
use ego_tree::iter::Edge;
use html5ever::driver::ParseOpts;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::TreeBuilderOpts;
use scraper::{Html, HtmlTreeSink, Node as DomNode};

/// A parsed page: its blocks and what else it told.
pub(crate) struct Page {
    pub blocks: Vec<Block>,
    pub title: Option<String>,
    pub truncated: bool,
    /// The page's language; the blocks' features are already computed for it.
    pub lang: Lang,
    /// The content-word arena the blocks' features point into.
    pub arena: Vec<u64>,
    /// The page is a listing (see [`Walk::listing`]).
    pub listing: bool,
}

/// "No such element".
pub(crate) const NONE: u32 = u32::MAX;

// Tag flags.
const SKIP: u32 = 1;
const BLOCK: u32 = 1 << 1;
/// `<nav>`, `<aside>`, `<footer>`: page furniture.
pub(crate) const FURNITURE: u32 = 1 << 2;
pub(crate) const HEADER: u32 = 1 << 3;
pub(crate) const FORM: u32 = 1 << 4;
const LIST: u32 = 1 << 5;
pub(crate) const ARTICLE: u32 = 1 << 6;
const LINK: u32 = 1 << 7;
const CELL: u32 = 1 << 8;
const BR: u32 = 1 << 9;
const TABLE: u32 = 1 << 10;
pub(crate) const MAIN: u32 = 1 << 11;
// Node flags beyond the tag's.
/// class / id names boilerplate.
pub(crate) const BP_CLASS: u32 = 1 << 12;
/// class / id names content.
pub(crate) const CONTENT_CLASS: u32 = 1 << 13;
/// `itemprop="articleBody"`.
pub(crate) const ITEMPROP_BODY: u32 = 1 << 14;
/// `<body>`.
pub(crate) const BODY: u32 = 1 << 15;
/// class / id names a comment section.
pub(crate) const COMMENTS_CLASS: u32 = 1 << 16;
/// class / id names boilerplate with a weak word only (`widget`): settled after the walk
/// by the share of the page those boxes hold ([`settle_weak_boilerplate`]).
const WEAK_BP_CLASS: u32 = 1 << 17;
/// The element holds a picture directly (`<img>`, `<picture>`, `<amp-img>`, `<video>`
/// among its inline content): read by [`region`]'s image boxes.
pub(crate) const IMAGE: u32 = 1 << 18;
/// `<p>`: a picture inside a paragraph's text is part of the paragraph.
pub(crate) const PARA: u32 = 1 << 19;

/// What kind of block an element makes of the text inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    Plain,
    Heading(u8),
    Item,
    Quote,
    Caption,
    Pre,
    Row,
}

/// Whether the walk reads the `class` attribute of an element named `name` (lowercase): on
/// blocks, and on `<span>` (a caption). [`crate::depth::strip_attrs`] drops it elsewhere.
pub(crate) fn reads_class(name: &str) -> bool {
    tag_info(name).0 & BLOCK != 0 || name == "span"
}

fn tag_info(name: &str) -> (u32, Option<BlockKind>) {
    use BlockKind::*;
    match name {
        "script" | "style" | "noscript" | "template" | "svg" | "iframe" | "head" | "button"
        | "select" | "textarea" | "input" | "option" | "canvas" | "video" | "audio" | "object"
        | "embed" | "dialog" | "math" | "map" | "datalist" => (SKIP, None),
        "p" => (BLOCK | PARA, None),
        "div" | "section" | "center" | "address" | "dd" | "dt" | "dl" | "details" | "summary"
        | "fieldset" | "hgroup" | "html" | "hr" | "legend" | "search" => (BLOCK, None),
        // everything in a figure is its caption or credit
        "figure" => (BLOCK, Some(Caption)),
        "body" => (BLOCK | BODY, None),
        "article" => (BLOCK | ARTICLE, None),
        "main" => (BLOCK | ARTICLE | MAIN, None),
        "nav" | "aside" | "footer" => (BLOCK | FURNITURE, None),
        "header" => (BLOCK | HEADER, None),
        "form" => (BLOCK | FORM, None),
        "ul" | "ol" | "menu" => (BLOCK | LIST, None),
        "table" => (BLOCK | TABLE, None),
        "tbody" | "thead" | "tfoot" => (BLOCK, None),
        "li" => (BLOCK, Some(Item)),
        "tr" => (BLOCK, Some(Row)),
        "td" | "th" => (BLOCK | CELL, None),
        "blockquote" => (BLOCK, Some(Quote)),
        "figcaption" | "caption" => (BLOCK, Some(Caption)),
        "pre" => (BLOCK, Some(Pre)),
        "h1" => (BLOCK, Some(Heading(1))),
        "h2" => (BLOCK, Some(Heading(2))),
        "h3" => (BLOCK, Some(Heading(3))),
        "h4" => (BLOCK, Some(Heading(4))),
        "h5" => (BLOCK, Some(Heading(5))),
        "h6" => (BLOCK, Some(Heading(6))),
        "a" => (LINK, None),
        "br" => (BR, None),
        // custom elements wrap components: treat them as boxes
        n if n.contains('-') => (BLOCK, None),
        _ => (0, None),
    }
}

/// A `<header>` or `<form>` with more visible characters than this is a page wrapper.
const WRAPPER_CHARS: u32 = 2500;

/// A block-level element of the page.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub parent: u32,
    /// Index of the last node of the subtree (inclusive).
    pub end: u32,
    /// Visible non-space characters in the subtree.
    pub chars: u32,
    /// Of those, inside links.
    pub link_chars: u32,
    /// Tag and class flags.
    pub flags: u32,
    /// Hash of the `class` attribute (0 when none).
    pub class_hash: u64,
    /// The blocks of the subtree: `first_block..end_block`.
    pub first_block: u32,
    pub end_block: u32,
    /// Innermost ancestor-or-self whose class/id names boilerplate.
    pub bp_anc: u32,
    /// Innermost ancestor-or-self that is `<nav>`, `<aside>` or `<footer>`.
    pub furniture_anc: u32,
    /// Score from the paragraphs below (Readability's content score).
    pub score: f32,
    /// Visible characters inside furniture, header, form or boilerplate-named subtrees.
    pub clutter_chars: u32,
    /// Of those, inside links (counted by the region, which knows the page's size).
    pub clutter_links: u32,
}

impl Node {
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// DOM context of a block, parallel to the blocks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BlockDom {
    /// The innermost block-level element holding the text.
    pub owner: u32,
    /// Innermost `<nav>`/`<aside>`/`<footer>`/`<header>` ancestor.
    pub chrome: u32,
    /// Innermost `<form>` ancestor.
    pub form: u32,
    /// Innermost ancestor whose class/id names boilerplate.
    pub bp: u32,
    /// Innermost ancestor whose class/id names a comment section.
    pub comments: u32,
    /// Innermost ancestor whose class/id names a caption or credit.
    pub caption: u32,
    /// Nearest list / table.
    pub container: u32,
    /// Inside `<article>`, `<main>` or `itemprop=articleBody`.
    pub article: bool,
    /// Visible non-space characters.
    pub chars: u32,
}

/// Context inherited down the tree.
#[derive(Debug, Clone, Copy)]
struct Ctx {
    block: u32,
    comments: u32,
    caption: u32,
    chrome: u32,
    form: u32,
    bp: u32,
    furniture: u32,
    container: u32,
    article: bool,
    link: bool,
    /// Inside a link to a social network ([`social_link`]).
    social: bool,
    kind: BlockKind,
    ordered: bool,
}

struct Frame {
    /// The node this element made, or `NONE` for an inline element.
    node: u32,
    flags: u32,
    ctx: Ctx,
}

/// What the walk produces.
pub(crate) struct Walk {
    pub nodes: Vec<Node>,
    pub blocks: Vec<Block>,
    pub dom: Vec<BlockDom>,
    pub truncated: bool,
    pub og_title: Option<String>,
    pub title: Option<String>,
    /// JSON-LD `articleBody`, whitespace-normalised (empty when none).
    pub ld_body: String,
    /// The page declares itself a discussion (schema.org `DiscussionForumPosting` or
    /// `QAPage`, in JSON-LD or microdata): its replies are its content.
    pub discussion: bool,
    /// The region chooser read the page as a listing (little prose anywhere, no strong
    /// article: a catalogue, a link directory); set by [`region::choose`].
    pub listing: bool,
}

/// Whether a schema.org type name (a JSON-LD script or an `itemtype` value) names a
/// discussion thread: a forum topic or a question with its answers.
fn names_discussion(s: &str) -> bool {
    s.contains("DiscussionForumPosting") || s.contains("QAPage")
}

/// Whether a `role` value makes the element a modal window laid over the page (ARIA
/// `dialog`, `alertdialog`): what it shows is not the page's content. Measured on
/// wcxb-dev: word F1 0.824 -> 0.826 (listings 0.568 -> 0.586, leak 0.0292 -> 0.0297); a
/// privacy policy in a modal was the region of a shoe's product page. Marking the modals
/// as boilerplate boxes instead of hiding them gained nothing (F1 0.823).
fn names_dialog(role: &str) -> bool {
    role.eq_ignore_ascii_case("dialog") || role.eq_ignore_ascii_case("alertdialog")
}

/// The page-furniture flag an ARIA landmark `role` gives a box, as its element would:
/// `navigation` is a `<nav>`, `contentinfo` a `<footer>` (menus and footers built of
/// `<div>`s). Measured on wcxb-dev: leak 0.0297 -> 0.0293 (collections 0.0314 -> 0.0271),
/// word F1 unchanged; `banner` as `<header>` cost forums 0.001 and `complementary` as
/// `<aside>` changed nothing, so they are left out.
fn landmark_flags(role: &str) -> u32 {
    if role.eq_ignore_ascii_case("navigation") || role.eq_ignore_ascii_case("contentinfo") {
        FURNITURE
    } else {
        0
    }
}

/// Whether a `style` attribute hides the element.
pub(crate) fn style_hides(style: &str) -> bool {
    style.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else {
            return false;
        };
        let (prop, value) = (prop.trim(), value.trim());
        (prop.eq_ignore_ascii_case("display") && starts_with_ci(value, "none"))
            || (prop.eq_ignore_ascii_case("visibility") && starts_with_ci(value, "hidden"))
    })
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn visible_chars(s: &str) -> u32 {
    if s.is_ascii() {
        // the ASCII characters `char::is_whitespace` counts
        return s
            .bytes()
            .filter(|b| !matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' '))
            .count() as u32;
    }
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}')
        .count() as u32
}

struct Builder {
    nodes: Vec<Node>,
    blocks: Vec<Block>,
    dom: Vec<BlockDom>,
    buf: String,
    norm: String,
    /// The block's lines before the last line break (`<br>`, a `<pre>` line), normalised,
    /// separated by `\n`.
    lines: String,
    /// The break after `lines` is a `<pre>` line's end.
    hard_break: bool,
    buf_chars: u32,
    buf_link: u32,
    /// Of `buf_link`, inside links to social networks.
    buf_social: u32,
    last_br: bool,
    /// `(list node, items so far)` of the open `<ol>` / `<ul>`.
    lists: Vec<(u32, u32)>,
    max_blocks: usize,
    truncated: bool,
    /// Some node carries [`WEAK_BP_CLASS`].
    weak: bool,
}

impl Builder {
    /// Ends a line inside the block. `hard`: a `<pre>` line, which always ends; a `<br>`
    /// ends one only when the next line does not go on in lowercase (a sentence wrapped by
    /// hand, `features,<br> catering to`, is one line, as the text front door joins such
    /// lines too) and never in a heading. The text so far is normalised and kept; a run of
    /// breaks is one.
    fn line_break(&mut self, hard: bool) {
        normalise_space(&self.buf, &mut self.norm);
        self.buf.clear();
        Self::push_line(&mut self.lines, &self.norm, self.hard_break);
        if !self.norm.is_empty() {
            self.hard_break = false;
        }
        self.hard_break |= hard;
    }

    /// Appends a normalised line to `lines` after the break before it.
    fn push_line(lines: &mut String, line: &str, hard: bool) {
        if line.is_empty() {
            return;
        }
        if !lines.is_empty() {
            let goes_on = line.chars().next().is_some_and(char::is_lowercase);
            lines.push(if hard || !goes_on { '\n' } else { ' ' });
        }
        lines.push_str(line);
    }

    fn flush(&mut self, ctx: &Ctx) {
        self.last_br = false;
        if self.buf_chars == 0 {
            self.buf.clear();
            self.lines.clear();
            self.hard_break = false;
            return;
        }
        normalise_space(&self.buf, &mut self.norm);
        self.buf.clear();
        if !self.lines.is_empty() {
            Self::push_line(&mut self.lines, &self.norm, self.hard_break);
            std::mem::swap(&mut self.lines, &mut self.norm);
            self.lines.clear();
        }
        self.hard_break = false;
        let (chars, link, social) = (self.buf_chars, self.buf_link, self.buf_social);
        self.buf_chars = 0;
        self.buf_link = 0;
        self.buf_social = 0;
        if self.norm.is_empty() {
            return;
        }
        if self.blocks.len() >= self.max_blocks {
            self.truncated = true;
            return;
        }
        let (kind, level, marker) = match ctx.kind {
            BlockKind::Plain => (Kind::Paragraph, 0, Marker::None),
            BlockKind::Heading(l) => (Kind::Heading, l, Marker::None),
            BlockKind::Item => {
                let n = self
                    .lists
                    .last()
                    .filter(|l| l.0 == ctx.container)
                    .map_or(0, |l| l.1);
                let marker = if ctx.ordered {
                    Marker::Number(n.max(1))
                } else {
                    Marker::Bullet('-')
                };
                (Kind::ListItem, 0, marker)
            }
            BlockKind::Quote => (Kind::Quote, 0, Marker::None),
            BlockKind::Caption => (Kind::Caption, 0, Marker::None),
            BlockKind::Pre | BlockKind::Row => (Kind::Other, 0, Marker::None),
        };
        let mut b = Block::new(self.norm.clone(), kind);
        b.level = level;
        b.marker = marker;
        b.link_density = Some(if chars == 0 {
            0.0
        } else {
            link as f32 / chars as f32
        });
        b.hints.social_links = link > 0 && social == link;
        self.blocks.push(b);
        self.dom.push(BlockDom {
            owner: ctx.block,
            chrome: ctx.chrome,
            form: ctx.form,
            bp: ctx.bp,
            comments: ctx.comments,
            caption: ctx.caption,
            container: ctx.container,
            article: ctx.article,
            chars,
        });
    }

    /// Flushes the text of a closing table cell. A cell whose only block is this one
    /// joins the previous cell of its row when that one was a one-block cell too: a data
    /// table's row is one block, a layout table's cells (paragraphs inside) stay apart.
    fn flush_cell(&mut self, ctx: &Ctx) {
        let before = self.blocks.len();
        let cell = ctx.block as usize;
        let single = self
            .nodes
            .get(cell)
            .is_some_and(|n| n.first_block as usize == before);
        self.flush(ctx);
        if !single || self.blocks.len() != before + 1 || before == 0 {
            return;
        }
        let prev = before - 1;
        let prev_owner = self.dom[prev].owner as usize;
        let (Some(pn), Some(cn)) = (self.nodes.get(prev_owner), self.nodes.get(cell)) else {
            return;
        };
        let joinable = pn.flags & CELL != 0
            && pn.parent == cn.parent
            && pn.first_block as usize == prev
            && pn.end_block as usize == before;
        if !joinable {
            return;
        }
        let Some(last) = self.blocks.pop() else {
            return;
        };
        let last_dom = self.dom.pop().unwrap_or(self.dom[prev]);
        let (b, d) = (&mut self.blocks[prev], &mut self.dom[prev]);
        let links = b.link_density.unwrap_or(0.0) * d.chars as f32
            + last.link_density.unwrap_or(0.0) * last_dom.chars as f32;
        b.text.push(' ');
        b.text.push_str(&last.text);
        d.chars += last_dom.chars;
        b.link_density = Some(if d.chars == 0 {
            0.0
        } else {
            links / d.chars as f32
        });
        b.kind = Kind::Other;
        b.marker = Marker::None;
    }

    fn close_node(&mut self, idx: u32) {
        let last = self.nodes.len() as u32 - 1;
        let end_block = self.blocks.len() as u32;
        let Some(n) = self.nodes.get_mut(idx as usize) else {
            return;
        };
        n.end = last;
        n.end_block = end_block;
        // a `<header>` or `<form>` wrapping a whole page's worth of text is a wrapper
        // (some sites put the article in `<header>`, ASP.NET pages put everything in a form)
        if n.flags & (HEADER | FORM) != 0 && n.chars > WRAPPER_CHARS {
            n.flags &= !(HEADER | FORM);
        }
        if n.flags & (FURNITURE | HEADER | FORM | BP_CLASS) != 0 {
            n.clutter_chars = n.chars;
        }
        let (parent, chars, link, clutter) = (n.parent, n.chars, n.link_chars, n.clutter_chars);
        if let Some(p) = self.nodes.get_mut(parent as usize) {
            p.chars += chars;
            p.link_chars += link;
            p.clutter_chars += clutter;
        }
    }
}

/// Walks the DOM once: blocks, block-level nodes, title candidates, JSON-LD body.
///
/// `lenient`: read `<noscript>` and hidden elements too (the fallback for pages whose
/// visible text is empty until scripts run).
pub(crate) fn walk(doc: &Html, options: &Options, lenient: bool) -> Walk {
    // sized from the tree, so that a large page's arrays are not copied as they double
    // (on the scrapinghub and wcxb-dev pages: 0.10 blocks and 0.21 block-level elements per
    // tree node on average, at most 0.30 and 0.66)
    let tree_nodes = doc.tree.nodes().len();
    let (node_cap, block_cap) = (
        (tree_nodes / 2).clamp(1024, options.max_nodes.max(1024)),
        (tree_nodes / 3).clamp(256, options.max_blocks.max(256)),
    );
    let mut b = Builder {
        nodes: Vec::with_capacity(node_cap),
        blocks: Vec::with_capacity(block_cap),
        dom: Vec::with_capacity(block_cap),
        buf: String::with_capacity(1024),
        norm: String::with_capacity(1024),
        lines: String::new(),
        hard_break: false,
        buf_chars: 0,
        buf_link: 0,
        buf_social: 0,
        last_br: false,
        lists: Vec::new(),
        max_blocks: options.max_blocks,
        truncated: false,
        weak: false,
    };
    let root_ctx = Ctx {
        block: NONE,
        comments: NONE,
        caption: NONE,
        chrome: NONE,
        form: NONE,
        bp: NONE,
        furniture: NONE,
        container: NONE,
        article: false,
        link: false,
        social: false,
        kind: BlockKind::Plain,
        ordered: false,
    };
    let mut stack: Vec<Frame> = Vec::with_capacity(64);
    let mut skip_depth = 0usize;
    let mut seen = 0usize;
    let mut class_verdicts: crate::features::HashMapU64<classes::Verdict> = Default::default();
    // ids that a control names in `aria-controls` (hashed): the panels an accordion's or a
    // tab's button opens
    let mut controlled: crate::features::HashMapU64<()> = Default::default();
    let mut og_title = None;
    let mut title = None;
    let mut ld_body = String::new();
    let mut discussion = false;
    let mut truncated = false;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                seen += 1;
                if seen > options.max_nodes {
                    truncated = true;
                    break;
                }
                match node.value() {
                    DomNode::Element(e) => {
                        let name = e.name();
                        let (mut flags, kind) = tag_info(name);
                        // metadata, read even where text is skipped
                        match name {
                            "meta"
                                if og_title.is_none()
                                    && e.attr("property").or_else(|| e.attr("name"))
                                        == Some("og:title") =>
                            {
                                og_title = e.attr("content").map(|c| {
                                    let mut s = String::new();
                                    normalise_space(c, &mut s);
                                    s
                                });
                            }
                            "title" if title.is_none() => {
                                let mut raw = String::new();
                                for c in node.children() {
                                    if let DomNode::Text(t) = c.value() {
                                        raw.push_str(t);
                                    }
                                }
                                let mut s = String::new();
                                normalise_space(&raw, &mut s);
                                title = Some(s);
                            }
                            "script" if e.attr("type").is_some_and(|t| t.contains("ld+json")) => {
                                for c in node.children() {
                                    if let DomNode::Text(t) = c.value() {
                                        jsonld::article_body(t, &mut ld_body);
                                        discussion |= names_discussion(t);
                                    }
                                }
                            }
                            _ => {}
                        }
                        if skip_depth > 0 {
                            skip_depth += 1;
                            continue;
                        }
                        // a picture marks the innermost box holding it (a `<video>` is
                        // skipped below, but shows a picture too)
                        if matches!(name, "img" | "picture" | "amp-img" | "video") {
                            if let Some(n) = stack
                                .last()
                                .and_then(|f| b.nodes.get_mut(f.ctx.block as usize))
                            {
                                n.flags |= IMAGE;
                            }
                        }
                        // attributes: one pass (an attribute read here must be kept by
                        // `depth::keep_attr`, which drops the others before parsing)
                        let mut verdict = classes::Verdict::default();
                        let mut hidden = false;
                        // the bare `hidden` attribute, and whether a control names the
                        // element (`aria-labelledby`): an accordion's or a tab's panel
                        let mut hidden_attr = false;
                        let mut labelled = false;
                        // `aria-hidden="true"`, and whether a control opens the element
                        // (`aria-controls` naming its id, earlier on the page)
                        let mut aria_hidden = false;
                        let mut panel = false;
                        // hidden by its `style` (`display:none`)
                        let mut style_hidden = false;
                        let mut class_hash = 0;
                        let mut itemprop_body = false;
                        let mut react_segment = false;
                        let mut role_flags = 0u32;
                        for (k, v) in e.attrs() {
                            match k {
                                "class" => {
                                    class_hash = fnv(v);
                                    // a `<span class="caption">` under a picture is a
                                    // box of its own (the caption rule judges it)
                                    if flags & BLOCK != 0 {
                                        // a page repeats its class values on many
                                        // elements: each is read once
                                        let said = *class_verdicts
                                            .entry(class_hash)
                                            .or_insert_with(|| {
                                                let mut said = classes::Verdict::default();
                                                classes::read(v, &mut said);
                                                said
                                            });
                                        verdict.join(said);
                                    } else if flags == 0 && name == "span" && v.contains("aption") {
                                        classes::read(v, &mut verdict);
                                        if verdict.caption && !verdict.boilerplate {
                                            flags = BLOCK;
                                        }
                                    }
                                }
                                "id" => {
                                    // React streaming parks server-rendered content in
                                    // `<div hidden id="S:0">` until scripts move it in
                                    react_segment = v.starts_with("S:");
                                    panel = !controlled.is_empty()
                                        && controlled.contains_key(&fnv(v.trim()));
                                    if flags & BLOCK != 0 {
                                        classes::read(v, &mut verdict);
                                    }
                                }
                                "hidden" => hidden_attr = true,
                                "aria-labelledby" => labelled = true,
                                "aria-controls" => {
                                    for id in v.split_ascii_whitespace() {
                                        controlled.insert(fnv(id), ());
                                    }
                                }
                                "aria-hidden" => aria_hidden = v.eq_ignore_ascii_case("true"),
                                // a modal window (ARIA's `dialog` role, `aria-modal`):
                                // a policy, a cart, a search box or a newsletter
                                // prompt laid over the page, like `<dialog>`
                                "role" => {
                                    hidden |= names_dialog(v);
                                    // a tab's panel, which its tab opens
                                    labelled |= v.eq_ignore_ascii_case("tabpanel");
                                    role_flags = landmark_flags(v);
                                }
                                "aria-modal" => hidden |= v.eq_ignore_ascii_case("true"),
                                "style" => style_hidden = style_hides(v),
                                "itemprop" => itemprop_body |= v.contains("articleBody"),
                                "itemtype" => discussion |= names_discussion(v),
                                _ => {}
                            }
                        }
                        // a panel that a control on the page opens (an FAQ answer, a
                        // tab) is text a reader can read, as in a closed `<details>`
                        // (`hidden` or `display:none` and named by a control, or hidden
                        // from screen readers only until its control opens it:
                        // `aria-hidden` on a panel that an earlier `aria-controls` names)
                        // (or hidden by its `style` and named a panel by its class: an FAQ
                        // answer, a tab pane, a collapsed section)
                        hidden |= (hidden_attr && !(labelled || panel))
                            || (style_hidden && !(labelled || panel || verdict.panel))
                            // a carousel's slide not shown yet
                            || (aria_hidden && !(panel || verdict.slide));
                        if react_segment {
                            hidden = false;
                        }
                        if lenient && name == "noscript" {
                            flags = BLOCK;
                            hidden = false;
                        }
                        // a landmark role on a box (not on `<main>`, `<article>` or
                        // furniture already)
                        if flags & BLOCK != 0 && flags & (ARTICLE | FURNITURE | HEADER) == 0 {
                            flags |= role_flags;
                        }
                        if flags & SKIP != 0 || (hidden && !lenient) {
                            skip_depth = 1;
                            continue;
                        }
                        let parent_ctx = stack.last().map_or(root_ctx, |f| f.ctx);
                        let mut ctx = parent_ctx;
                        if flags & LINK != 0 {
                            ctx.link = true;
                            ctx.social = e.attr("href").is_some_and(|h| social_link(h.as_bytes()));
                        }
                        if flags & BR != 0 {
                            if b.last_br {
                                b.flush(&parent_ctx);
                            } else {
                                let in_cell = b
                                    .nodes
                                    .get(parent_ctx.block as usize)
                                    .is_some_and(|n| n.flags & CELL != 0);
                                if in_cell || matches!(parent_ctx.kind, BlockKind::Heading(_)) {
                                    b.buf.push(' ');
                                } else {
                                    b.line_break(false);
                                }
                                b.last_br = true;
                            }
                        }
                        let mut idx = NONE;
                        if flags & BLOCK != 0 {
                            b.flush(&parent_ctx);
                            idx = b.nodes.len() as u32;
                            if verdict.boilerplate {
                                flags |= BP_CLASS;
                            } else if verdict.weak_boilerplate {
                                flags |= BP_CLASS | WEAK_BP_CLASS;
                                b.weak = true;
                            }
                            if verdict.content {
                                flags |= CONTENT_CLASS;
                            }
                            if verdict.comments {
                                flags |= COMMENTS_CLASS;
                            }
                            if itemprop_body {
                                flags |= ITEMPROP_BODY;
                            }
                            ctx.block = idx;
                            if flags & BP_CLASS != 0 {
                                ctx.bp = idx;
                            }
                            if flags & COMMENTS_CLASS != 0 {
                                ctx.comments = idx;
                            }
                            if flags & (FURNITURE | HEADER) != 0 {
                                ctx.chrome = idx;
                            }
                            if flags & FURNITURE != 0 {
                                ctx.furniture = idx;
                            }
                            if flags & FORM != 0 {
                                ctx.form = idx;
                            }
                            if flags & (ARTICLE | ITEMPROP_BODY) != 0 {
                                ctx.article = true;
                            }
                            if flags & (LIST | TABLE) != 0 {
                                ctx.container = idx;
                            }
                            if flags & LIST != 0 {
                                ctx.ordered = name == "ol";
                                b.lists.push((idx, 0));
                            }
                            if ctx.kind == BlockKind::Row {
                                // boxes inside a cell (layout tables) are paragraphs
                                ctx.kind = BlockKind::Plain;
                            }
                            if verdict.caption {
                                ctx.caption = idx;
                            }
                            if let Some(k) = kind {
                                ctx.kind = k;
                                if k == BlockKind::Item {
                                    if let Some(l) =
                                        b.lists.last_mut().filter(|l| l.0 == ctx.container)
                                    {
                                        l.1 += 1;
                                    }
                                }
                            }
                            b.nodes.push(Node {
                                parent: parent_ctx.block,
                                end: idx,
                                chars: 0,
                                link_chars: 0,
                                flags,
                                class_hash,
                                first_block: b.blocks.len() as u32,
                                end_block: b.blocks.len() as u32,
                                bp_anc: ctx.bp,
                                furniture_anc: ctx.furniture,
                                score: 0.0,
                                clutter_chars: 0,
                                clutter_links: 0,
                            });
                        }
                        stack.push(Frame {
                            node: idx,
                            flags,
                            ctx,
                        });
                    }
                    DomNode::Text(t) if skip_depth == 0 => {
                        let n = visible_chars(t);
                        let ctx = stack.last().map_or(root_ctx, |f| f.ctx);
                        if ctx.kind == BlockKind::Pre {
                            // preformatted text keeps its lines (code, a log, a poem)
                            let mut lines = t.split('\n');
                            if let Some(first) = lines.next() {
                                b.buf.push_str(first);
                            }
                            for line in lines {
                                b.line_break(true);
                                b.buf.push_str(line);
                            }
                        } else {
                            b.buf.push_str(t);
                        }
                        if n == 0 {
                            continue;
                        }
                        b.last_br = false;
                        b.buf_chars += n;
                        if ctx.link {
                            b.buf_link += n;
                            if ctx.social {
                                b.buf_social += n;
                            }
                        }
                        if let Some(node) = b.nodes.get_mut(ctx.block as usize) {
                            node.chars += n;
                            if ctx.link {
                                node.link_chars += n;
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if !node.value().is_element() {
                    continue;
                }
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                let Some(frame) = stack.pop() else { continue };
                if frame.flags & BLOCK != 0 {
                    if frame.flags & CELL != 0 {
                        b.flush_cell(&frame.ctx);
                    } else {
                        b.flush(&frame.ctx);
                    }
                    if frame.flags & LIST != 0 {
                        b.lists.pop();
                    }
                    b.close_node(frame.node);
                }
            }
        }
    }
    // a limit stopped the walk: close what is open
    while let Some(frame) = stack.pop() {
        if frame.flags & BLOCK != 0 {
            b.flush(&frame.ctx);
            b.close_node(frame.node);
        }
    }
    b.flush(&root_ctx);
    if b.weak {
        settle_weak_boilerplate(&mut b.nodes, &mut b.dom);
    }
    if discussion {
        // a thread's replies sit in boxes named "comments": on a page declaring itself a
        // discussion they are its content, not boilerplate
        unflag_boilerplate(&mut b.nodes, &mut b.dom, COMMENTS_CLASS);
    }
    Walk {
        nodes: b.nodes,
        blocks: b.blocks,
        dom: b.dom,
        truncated: truncated || b.truncated,
        og_title: og_title.filter(|t| !t.is_empty()),
        title: title.filter(|t| !t.is_empty()),
        ld_body,
        discussion,
        listing: false,
    }
}

/// A box named with a weak boilerplate word only (`widget`, `banner`) is boilerplate on
/// most pages (a sidebar's widgets, a cookie banner), but page builders and themes put the
/// word on every box of the page (Elementor's `elementor-widget-container`, Flatsome's
/// `banner` sections hold the page's paragraphs too). When the outermost such boxes hold
/// most of the page's text, the word is the builder's and names nothing: the boxes are
/// unflagged. Measured on wcxb-dev: treating every
/// `widget` box as boilerplate cut Elementor pages' articles to one section.
///
/// Unflagging is [`unflag_boilerplate`].
fn settle_weak_boilerplate(nodes: &mut [Node], dom: &mut [BlockDom]) {
    let Some(page) = nodes.first().map(|n| n.chars) else {
        return;
    };
    let (mut weak_chars, mut i) = (0u32, 0usize);
    while i < nodes.len() {
        if nodes[i].flags & WEAK_BP_CLASS != 0 {
            weak_chars += nodes[i].chars;
            i = nodes[i].end as usize + 1; // outermost only
        } else {
            i += 1;
        }
    }
    if (weak_chars as f32) < WEAK_BP_PAGE_SHARE * page as f32 {
        return;
    }
    unflag_boilerplate(nodes, dom, WEAK_BP_CLASS);
}

/// Takes the boilerplate flag off the nodes carrying `which`, and re-points the
/// boilerplate ancestor of the nodes and blocks below and recounts the clutter characters:
/// linear passes over the nodes (preorder: ancestors come first; in reverse, children
/// come first).
fn unflag_boilerplate(nodes: &mut [Node], dom: &mut [BlockDom], which: u32) {
    for n in nodes.iter_mut() {
        if n.flags & which != 0 {
            n.flags &= !BP_CLASS;
        }
    }
    let bp_of = |nodes: &[Node], i: u32| -> u32 {
        // innermost boilerplate ancestor-or-self of `i`, given that of its ancestors
        let n = &nodes[i as usize];
        if n.flags & BP_CLASS != 0 {
            i
        } else if n.parent == NONE {
            NONE
        } else {
            nodes[n.parent as usize].bp_anc
        }
    };
    for i in 0..nodes.len() {
        let a = nodes[i].bp_anc;
        if a != NONE && nodes[a as usize].flags & BP_CLASS == 0 {
            nodes[i].bp_anc = if a as usize == i {
                bp_of(nodes, a)
            } else {
                nodes[a as usize].bp_anc
            };
        }
    }
    for d in dom.iter_mut() {
        if d.bp != NONE && nodes[d.bp as usize].flags & BP_CLASS == 0 {
            d.bp = nodes[d.bp as usize].bp_anc;
        }
    }
    // every boilerplate-named box is clutter here; the region finder recounts once the
    // page's size tells wrappers apart
    region::recount_clutter(nodes, f32::INFINITY);
}

/// `widget` boxes holding this share of the page's text are a page builder's boxes.
const WEAK_BP_PAGE_SHARE: f32 = 0.5;

/// A line that repeats the page's title (`og:title`, `<title>`) is the headline, whatever
/// its markup (`<b>`, `<div class="title">`): it becomes a level-1 heading.
fn mark_title_lines(w: &mut Walk) {
    const MIN_TITLE_BYTES: usize = 12;
    const MAX_TITLE_BYTES: usize = 300;
    for b in w.blocks.iter_mut() {
        if b.kind != Kind::Paragraph
            || b.text.len() < MIN_TITLE_BYTES
            || b.text.len() > MAX_TITLE_BYTES
        {
            continue;
        }
        let t = b.text.as_str();
        if w.og_title.as_deref() == Some(t) || w.title.as_deref().is_some_and(|x| x.contains(t)) {
            b.kind = Kind::Heading;
            b.level = 1;
        }
    }
}

/// Pages that set whole paragraphs in `<h2>`–`<h6>` for their look: a "heading" that is a
/// long statement ending with a full stop is a paragraph.
fn demote_prose_headings(blocks: &mut [Block]) {
    const STATEMENT_WORDS: u32 = 14;
    const ANY_WORDS: u32 = 30;
    for b in blocks
        .iter_mut()
        .filter(|b| b.kind == Kind::Heading && b.level > 1)
    {
        let f = &b.features;
        let statement = f.words >= STATEMENT_WORDS
            && f.ends_sentence
            && b.text.trim_end().ends_with(['.', '!', '。', '…']);
        if statement || f.words >= ANY_WORDS {
            b.kind = Kind::Paragraph;
            b.level = 0;
        }
    }
}

/// Below this many visible characters in blocks, the page is read again leniently.
const MIN_VISIBLE_CHARS: u32 = 500;

/// Forms that repeat, [`MIN_REPEATED_FORMS`] or more sharing one `class` value and each
/// holding a paragraph of prose, are records of the page, not forms to fill: old Reddit renders every
/// comment's text inside the form that edits it, shops every product card inside its
/// "add to cart" form. Their `<form>` flag is dropped (a form is clutter to the region and
/// a hole inside it); their control labels are the `boilerplate` rule's.
fn unflag_repeated_forms(w: &mut Walk) {
    // the forms holding a paragraph of prose (a search box or a sort menu holds none)
    let mut prose: crate::features::HashMapU64<()> = Default::default();
    for (b, d) in w.blocks.iter().zip(&w.dom) {
        if d.form != NONE
            && matches!(b.kind, Kind::Paragraph | Kind::Quote | Kind::ListItem)
            && d.chars >= THREAD_MIN_PARA
            && b.link_density.unwrap_or(0.0) <= 0.5
        {
            prose.insert(u64::from(d.form), ());
        }
    }
    let mut count: crate::features::HashMapU64<u32> = Default::default();
    for &f in prose.keys() {
        let n = &w.nodes[f as usize];
        if n.flags & FORM != 0 && n.class_hash != 0 {
            *count.entry(n.class_hash).or_default() += 1;
        }
    }
    let repeated = |i: u32, n: &Node| {
        n.flags & FORM != 0
            && n.class_hash != 0
            && prose.contains_key(&u64::from(i))
            && count
                .get(&n.class_hash)
                .is_some_and(|&c| c >= MIN_REPEATED_FORMS)
    };
    if !count.values().any(|&c| c >= MIN_REPEATED_FORMS) {
        return;
    }
    for d in w.dom.iter_mut() {
        if d.form != NONE && repeated(d.form, &w.nodes[d.form as usize]) {
            d.form = NONE;
        }
    }
    for (i, n) in w.nodes.iter_mut().enumerate() {
        if repeated(i as u32, n) {
            n.flags &= !FORM;
        }
    }
}

/// [`unflag_repeated_forms`]: this many forms of one class are records.
const MIN_REPEATED_FORMS: u32 = 3;

/// A page whose comment-named boxes hold nearly all of its prose, with no article of its
/// own before them, is a discussion thread that does not declare itself one (old
/// Reddit's `commentarea` under a link post's title): the "comments" are the content.
/// Prose here is what the region scores (paragraphs, quotes and list items of
/// [`THREAD_MIN_PARA`] characters or more, mostly not links, outside
/// `<nav>`/`<aside>`/`<footer>`/`<header>`), counted by its characters outside links.
///
/// A first post or a short story before the comment box is an article of its own: on
/// wcxb-dev and scrapinghub the truths of such pages disagree (a vBulletin thread and
/// Slashdot keep the replies; a woodworking forum's question, a blog's "open thread" and
/// a short blog post keep only the post), so only a page with next to no prose before
/// its comments is read as a thread. Measured on wcxb-dev (headings kept): a lead of up
/// to 1000 characters gained 0526 and 0570 (+0.59, +0.41) but lost 4316 (-0.89), 4449
/// (-0.54) and a scrapinghub article (0.94 -> 0.06).
fn replies_hold_the_prose(w: &Walk) -> bool {
    let (mut inside, mut before, mut after) = (0f32, 0f32, 0f32);
    let mut seen = false;
    for (b, d) in w.blocks.iter().zip(&w.dom) {
        let ld = b.link_density.unwrap_or(0.0);
        let in_comments = d.comments != NONE;
        seen |= in_comments;
        if !matches!(b.kind, Kind::Paragraph | Kind::Quote | Kind::ListItem)
            || d.chars < THREAD_MIN_PARA
            || ld > 0.5
            || d.chrome != NONE
        {
            continue;
        }
        let c = d.chars as f32 * (1.0 - ld);
        if in_comments {
            inside += c;
        } else if !seen {
            before += c;
        } else {
            after += c;
        }
    }
    inside >= THREAD_MIN_CHARS
        && before < THREAD_MAX_LEAD_CHARS
        && inside >= THREAD_SHARE_RATIO * (before + after)
}

/// [`replies_hold_the_prose`]: paragraphs shorter than this do not count (the region's
/// `MIN_PARA_CHARS`)...
const THREAD_MIN_PARA: u32 = 25;
/// ...the comment boxes must hold this much prose...
const THREAD_MIN_CHARS: f32 = 1000.0;
/// ...this many times the prose outside them...
const THREAD_SHARE_RATIO: f32 = 5.0;
/// ...and the prose before them (a link post's title, a story's summary) stays under this.
const THREAD_MAX_LEAD_CHARS: f32 = 200.0;

fn visible(w: &Walk) -> u32 {
    w.dom.iter().map(|d| d.chars).sum()
}

/// Parses a page into blocks with their hints, the article's region marked.
///
/// Takes the page as the parser's input buffer ([`crate::depth::limit`] writes it), which
/// html5ever reads without a copy; a `&str` is copied into one.
pub(crate) fn parse(html: impl Into<StrTendril>, options: &Options) -> Page {
    let html: StrTendril = html.into();
    // scripting off: `<noscript>` content is parsed as markup (what a browser without
    // scripts shows), so the lenient fallback can read it
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    // the tree sized up front: about one node per `<` (an element per start tag, a text
    // per end tag); growing it by doubling copied every node a few times. Capped at the
    // walk's node limit: a page of bare `<`s makes no nodes (and the capacity it reserves
    // beyond what the parser fills is never touched)
    let mut doc = Html::new_document();
    let nodes = (memchr::memchr_iter(b'<', html.as_bytes()).count() + 16).min(options.max_nodes);
    doc.tree = ego_tree::Tree::with_capacity(scraper::Node::Document, nodes);
    let doc = html5ever::driver::parse_document(HtmlTreeSink::new(doc), opts).one(html);
    let mut w = walk(&doc, options, false);
    if visible(&w) < MIN_VISIBLE_CHARS {
        // an application shell (React streaming into `<div hidden>`, Discourse serving
        // crawlers in `<noscript>`): read what it hides
        let lenient = walk(&doc, options, true);
        if visible(&lenient) >= MIN_VISIBLE_CHARS && visible(&lenient) > 2 * visible(&w) {
            w = lenient;
        }
    }
    // the tree freed from its last node back: the walk just read it front to back, so its
    // last nodes are the ones still in the caches (dropped front to back, a tree larger
    // than the cache missed on every node a second time)
    for node in doc.tree.into_iter().rev() {
        drop(node);
    }
    mark_title_lines(&mut w);
    let (lang, arena) = crate::features::compute(&mut w.blocks);
    demote_prose_headings(&mut w.blocks);
    unflag_repeated_forms(&mut w);
    if !w.discussion && replies_hold_the_prose(&w) {
        w.discussion = true;
        unflag_boilerplate(&mut w.nodes, &mut w.dom, COMMENTS_CLASS);
    }
    region::choose(&mut w, lang);
    let title = w.og_title.take().or_else(|| {
        w.blocks
            .iter()
            .find(|b| b.kind == Kind::Heading && b.level == 1)
            .map(|b| b.text.clone())
            .or(w.title.take())
    });
    Page {
        blocks: w.blocks,
        title,
        truncated: w.truncated,
        lang,
        arena,
        listing: w.listing,
    }
}

/// Social networks' hosts (without `www.`, `m.` and other subdomains): a link to one of
/// them that is no post (a profile, a channel, a group, a share page) asks the reader to
/// follow or share, in any language ("Síguenos en WhatsApp", "Подписывайтесь на наш
/// Telegram").
const SOCIAL_HOSTS: &[&[u8]] = &[
    b"whatsapp.com",
    b"wa.me",
    b"t.me",
    b"telegram.me",
    b"instagram.com",
    b"facebook.com",
    b"fb.com",
    b"x.com",
    b"twitter.com",
    b"tiktok.com",
    b"youtube.com",
    b"line.me",
    b"vk.com",
    b"ok.ru",
    b"pinterest.com",
    b"threads.net",
    b"bsky.app",
    b"snapchat.com",
    b"viber.com",
    b"zalo.me",
    b"kakao.com",
    b"weibo.com",
];

/// Path segments that name one post (a tweet, a video, a photo): an article cites it,
/// it asks nothing of the reader.
const POST_SEGMENTS: &[&[u8]] = &[
    b"status",
    b"statuses",
    b"watch",
    b"shorts",
    b"p",
    b"reel",
    b"reels",
    b"video",
    b"videos",
    b"posts",
    b"photo",
    b"photos",
    b"embed",
    b"live",
    b"events",
    b"s",
];

/// Whether `href` points to a social network's profile, channel, group or share page
/// (an absolute or scheme-relative address on one of [`SOCIAL_HOSTS`] or a subdomain of
/// one, with at most two path segments, none of them naming a post).
pub(crate) fn social_link(href: &[u8]) -> bool {
    let h = href.trim_ascii();
    let rest = [&b"https://"[..], b"http://", b"//"].iter().find_map(|p| {
        (h.len() >= p.len() && h[..p.len()].eq_ignore_ascii_case(p)).then(|| &h[p.len()..])
    });
    let Some(rest) = rest else {
        return false;
    };
    let end = rest
        .iter()
        .position(|&c| matches!(c, b'/' | b'?' | b'#' | b':'))
        .unwrap_or(rest.len());
    let host = &rest[..end];
    let on = SOCIAL_HOSTS.iter().any(|s| {
        host.len() >= s.len()
            && host[host.len() - s.len()..].eq_ignore_ascii_case(s)
            && (host.len() == s.len() || host[host.len() - s.len() - 1] == b'.')
    });
    if !on {
        return false;
    }
    let path = &rest[end..];
    let path = &path[..path
        .iter()
        .position(|&c| matches!(c, b'?' | b'#'))
        .unwrap_or(path.len())];
    let mut segments = 0;
    for seg in path.split(|&c| c == b'/').filter(|s| !s.is_empty()) {
        segments += 1;
        if segments > 2 || POST_SEGMENTS.iter().any(|p| seg.eq_ignore_ascii_case(p)) {
            return false;
        }
    }
    true
}
