//! The intermediate form both front doors produce: a flat list of blocks.

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// Running text.
    Paragraph,
    /// A heading: an HTML `<h1>`–`<h6>`, or a heading-shaped line in text mode.
    Heading,
    /// An item of a list (bulleted or numbered).
    ListItem,
    /// A quotation (`<blockquote>`).
    Quote,
    /// A figure or image caption.
    Caption,
    /// A preformatted block or a table row.
    Other,
}

/// The marker a list item carried in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// No marker.
    None,
    /// A bullet (`-`, `•`, `*`, `»`, `►`, an emoji…), with its character.
    Bullet(char),
    /// A number (`1.`, `2)`).
    Number(u32),
}

/// Why a block was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// Outside the article's region of the page (navigation, footer, sidebar, comments).
    OutsideContent,
    /// A list of headlines of other articles ("related links").
    RelatedLinks,
    /// A lead-in to other content ("Read also", "Related articles:").
    LeadIn,
    /// A heading: dropped because headings are not kept (the default).
    Heading,
    /// A heading that is not the article's own (off-topic, keyword-stuffed, a label).
    StrayHeading,
    /// Advertisement labels, share/follow/subscribe/cookie prompts, bylines, credits.
    Boilerplate,
    /// The same text already appeared earlier.
    Duplicate,
    /// A part of the page that is hidden, a form, a script or similar.
    Hidden,
    /// A keyword fragment wedged between two sentences (cut from inside a kept block).
    WedgedFragment,
    /// The block limit ([`Options::max_blocks`](crate::Options::max_blocks)) was reached.
    Limit,
}

impl Reason {
    /// A short stable name, used by `--explain` and JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::OutsideContent => "outside-content",
            Reason::RelatedLinks => "related-links",
            Reason::LeadIn => "lead-in",
            Reason::Heading => "heading",
            Reason::StrayHeading => "stray-heading",
            Reason::Boilerplate => "boilerplate",
            Reason::Duplicate => "duplicate",
            Reason::Hidden => "hidden",
            Reason::WedgedFragment => "wedged-fragment",
            Reason::Limit => "limit",
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a block stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The block is part of the article.
    Keep,
    /// The block was removed, for this reason.
    Drop(Reason),
}

/// Evidence the HTML front door found about a block. All `false` / `0` in text mode.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Hints {
    /// Inside `<article>`, `<main>`, `itemprop=articleBody` or the JSON-LD `articleBody` region.
    pub in_article: bool,
    /// Inside the region the HTML front door chose as the article's content, and not in
    /// one of its holes (page furniture, forms, small boilerplate-named boxes, captions,
    /// short link-made lines inside it); the `region` rule drops every other block.
    pub in_region: bool,
    /// An ancestor's class or id names boilerplate (share, related, newsletter, cookie…),
    /// and that ancestor is not a wrapper of most of the page.
    pub boilerplate_class: bool,
    /// An ancestor is `<nav>`, `<footer>`, `<aside>`, `<header>` or a form.
    pub chrome: bool,
    /// Identifier of the nearest list / container element: consecutive blocks that share
    /// it come from one widget (a related-links `<ul>`, a teaser grid). 0 when unknown.
    pub container: u32,
    /// The block has links and every one points to a social network's profile, channel or
    /// share page (HTML; not a post it cites): a follow or share prompt when short.
    pub social_links: bool,
}

/// One paragraph, heading, list item or line of the input, with the features the prune
/// rules read.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The text, whitespace normalised, without a bullet (a number stays, as written). In
    /// HTML mode a `<br>` or the end of a `<pre>` line may leave a `\n` inside it.
    pub text: String,
    /// What the block is.
    pub kind: Kind,
    /// Heading level (1–6) when known, else 0.
    pub level: u8,
    /// The list marker the block carried.
    pub marker: Marker,
    /// Share of the text that sits inside links (HTML mode); `None` when unknown (text mode).
    pub link_density: Option<f32>,
    /// Evidence from the DOM.
    pub hints: Hints,
    /// Whether the block stays, and if not, why.
    pub verdict: Verdict,
    /// Computed features (filled by the pipeline before the rules run).
    pub features: Features,
    /// Fragments removed from inside the text (keyword fragments wedged between sentences).
    pub cuts: Vec<String>,
}

/// Features of a block's text, computed once.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Features {
    /// Number of word tokens (each CJK character counts as one).
    pub words: u32,
    /// Number of those tokens that are stopwords of the page's language.
    pub stopwords: u32,
    /// Tokens starting with an uppercase letter.
    pub capitalised: u32,
    /// The text ends like a sentence (`.`, `!`, `?`, `。`, `…`, possibly followed by a
    /// closing quote or bracket).
    pub ends_sentence: bool,
    /// The text ends with a colon.
    pub ends_colon: bool,
    /// Number of sentence ends inside the text.
    pub sentences: u32,
    /// Share of the block's content words found in the article's vocabulary (0–1); set by
    /// the topic pass, `-1` before.
    pub overlap: f32,
    /// Number of content words (used for `overlap`).
    pub content_words: u32,
    /// Number of tokens made only of digits.
    pub numbers: u32,
    /// Start of the block's content words in the document's hash arena.
    pub(crate) content_start: u32,
    /// Hash of the block's word sequence (lowercase, punctuation ignored).
    pub text_hash: u64,
    /// What the lexicon says of the block's text.
    pub(crate) phrase: crate::prune::phrases::PhraseMatch,
    /// The text holds an ASCII colon (found by the tokenizer, which reads every byte
    /// between words anyway): most lines hold none, and the label and record-shape tests
    /// need one.
    pub(crate) colon: bool,
}

// A block is moved into its page's vector once per line: within 128 bytes a compiler
// moves it with a few vector stores, past that with a call to `memcpy`.
const _: () = assert!(std::mem::size_of::<Block>() <= 128);

impl Block {
    /// Shaped like the headline of an article: 4–22 words, its first letter not
    /// lowercase, not ending with a period, few numbers, not all capitals (a label), no
    /// handle or address. Measured on injected-dev: 92% of the injected headlines and 37%
    /// of the article's own short off-topic lines (table rows, schedules, labels) have
    /// this shape.
    pub fn is_headline_shaped(&self) -> bool {
        let f = &self.features;
        if !(4..=22).contains(&f.words) {
            return false;
        }
        let t = self.text.trim_end();
        if t.ends_with('.') && !t.ends_with("...") {
            return false;
        }
        if t.contains('@') || t.contains("http") || t.contains("www.") {
            return false;
        }
        let first_letter = t.chars().find(|c| c.is_alphabetic());
        if first_letter.is_some_and(char::is_lowercase) {
            return false;
        }
        if !t.chars().any(char::is_lowercase) && t.chars().any(char::is_uppercase) {
            return false;
        }
        f.numbers * 4 <= f.words
    }

    /// A new block of the given kind, kept, with no hints and no features.
    pub fn new(text: String, kind: Kind) -> Self {
        Block {
            text,
            kind,
            level: 0,
            marker: Marker::None,
            link_density: None,
            hints: Hints::default(),
            verdict: Verdict::Keep,
            features: Features::default(),
            cuts: Vec::new(),
        }
    }

    /// Whether the block is still kept.
    pub fn kept(&self) -> bool {
        self.verdict == Verdict::Keep
    }

    /// Drops the block for `reason` unless it is already dropped.
    pub fn drop_for(&mut self, reason: Reason) {
        if self.verdict == Verdict::Keep {
            self.verdict = Verdict::Drop(reason);
        }
    }

    /// Reads like running prose: long enough, ends like a sentence or is long, and (where the
    /// language is known) carries function words. Thresholds set on injected-dev and the
    /// scrapinghub text dumps (see BENCHMARKS.md).
    #[inline]
    pub fn is_prose(&self) -> bool {
        let f = &self.features;
        if self.link_density.is_some_and(|d| d > 0.5) {
            return false;
        }
        if self.marker != Marker::None {
            // list items: headlines often end with "?" or "!"; only long items are prose
            return f.words >= 25;
        }
        let shaped = (f.words >= 12 && (f.ends_sentence || f.words >= 25))
            || (f.words >= 6 && f.sentences >= 2);
        // a lone question line reads like a headline ("Is X the new Y?"); the text is only
        // read when the counts alone would make prose (the rules ask this of every block)
        shaped && !(f.words < 20 && f.sentences <= 1 && self.text.trim_end().ends_with(['?', '？']))
    }
}
