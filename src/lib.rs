//! # unclutter
//!
//! Turns a scraped news page — raw HTML, or text already scraped from it — into the
//! article's own text and nothing else: no navigation, share buttons, cookie or newsletter
//! prompts, no injected "related links" lists, no stray headings, no keyword fragments
//! wedged between sentences. It works in any language; where words matter (lead-ins like
//! "Read also", ad labels) the lexicon covers the 33 languages listed in [`lexicon`].
//!
//! ```
//! let page = "\
//! Le conseil municipal a voté mardi le budget de l'année prochaine, après trois heures de débat et plusieurs amendements.
//! Lire aussi :
//! - Ballon d'Or 2024 : l'UEFA répond sèchement au Real Madrid
//! - Graine de nigelle : quels sont ses bienfaits pour la peau ?
//! Le budget prévoit une hausse des dépenses d'investissement, notamment pour les écoles et la voirie de la ville.";
//! let text = unclutter::clean_text(page).unwrap();
//! assert!(text.starts_with("Le conseil municipal"));
//! assert!(!text.contains("Ballon"));
//! assert_eq!(text.matches("\n\n").count(), 1); // two paragraphs
//! ```
//!
//! For many pages, build one [`Cleaner`] and reuse it (it is `Send + Sync`):
//!
//! ```
//! use unclutter::{Cleaner, Input, Options, Reason};
//! let cleaner = Cleaner::new(Options::default().with_keep_headings(true));
//! let article = cleaner.clean(Input::Text("ADVERTISEMENT\nThe river rose by two metres overnight, and the town's mayor ordered the evacuation of the lower streets before dawn.")).unwrap();
//! assert!(article.text().starts_with("The river rose"));
//! assert_eq!(article.removed()[0].reason, Reason::Boilerplate);
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod block;
mod decode;
mod depth;
mod error;
mod features;
mod html;
pub mod lexicon;
mod options;
mod prune;
mod render;
mod text;

pub use block::{Block, Features, Hints, Kind, Marker, Reason, Verdict};
pub use error::Error;
pub use options::{Mode, Options};
pub use prune::Rule;

use render::Format;

/// The prune rules, in the order they run: `(name, description)`. Any name can be given
/// to [`Options::without_rule`].
pub fn rules() -> impl Iterator<Item = (&'static str, &'static str)> {
    prune::RULES.iter().map(|r| (r.name(), r.doc()))
}

/// An input to clean.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Input<'a> {
    /// Text or HTML: the [`Options::mode`] decides, and `Auto` looks at the text.
    Str(&'a str),
    /// A raw HTML page.
    Html(&'a str),
    /// Text already scraped from a page, one block per line.
    Text(&'a str),
    /// Bytes in any encoding (BOM, `<meta charset>`, or a statistical guess), text or HTML.
    Bytes(&'a [u8]),
}

/// A block that was removed, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    /// The text removed.
    pub text: String,
    /// Why.
    pub reason: Reason,
    /// Index of the block in [`Article::blocks`].
    pub block: usize,
}

/// The result of cleaning one page.
#[derive(Debug, Clone)]
pub struct Article {
    blocks: Vec<Block>,
    /// Built from the blocks on the first call of [`Article::removed`]: most callers never
    /// ask, and it copies the text of every dropped block.
    removed: std::sync::OnceLock<Vec<Removed>>,
    title: Option<String>,
    lang: Option<&'static str>,
    mode: Mode,
    truncated: bool,
    confidence: f32,
}

/// Below this confidence a page is judged "not an article". Set on wcxb-dev (HTML): at 0.7,
/// 98 % of the article pages pass and 31 % of the other types (listings, products,
/// collections, forums, services, documentation) are turned away; 95 % of the scrapinghub
/// news pages pass.
pub const ARTICLE_THRESHOLD: f32 = 0.7;

impl Article {
    /// The article as plain text: paragraphs separated by one blank line.
    pub fn text(&self) -> String {
        render::render(&self.blocks, Format::Plain, self.mode == Mode::Text)
    }
    /// The article as markdown (headings as `##` when kept, quotes as `>`).
    pub fn markdown(&self) -> String {
        render::render(&self.blocks, Format::Markdown, self.mode == Mode::Text)
    }
    /// Every block read from the input, kept or not, with its verdict.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }
    /// Every removed block and cut fragment, in input order, with the reason.
    pub fn removed(&self) -> &[Removed] {
        self.removed.get_or_init(|| collect_removed(&self.blocks))
    }
    /// The page's title, where one was found.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
    /// The language guessed from stopwords (ISO 639-1), where one fits.
    pub fn lang(&self) -> Option<&'static str> {
        self.lang
    }
    /// How the input was read ([`Mode::Html`] or [`Mode::Text`]).
    pub fn mode(&self) -> Mode {
        self.mode
    }
    /// Whether a limit of [`Options`] cut the input short.
    pub fn truncated(&self) -> bool {
        self.truncated
    }
    /// How sure the cleaner is that the page holds an article (0–1): high for a page with
    /// several paragraphs of prose, low for listings, cookie walls and error pages.
    pub fn confidence(&self) -> f32 {
        self.confidence
    }
    /// Whether the page looks like an article ([`confidence`](Self::confidence) ≥
    /// [`ARTICLE_THRESHOLD`]). Data teams drop or re-route the rest.
    pub fn is_article(&self) -> bool {
        self.confidence >= ARTICLE_THRESHOLD
    }
}

/// A reusable cleaner: holds the options; the compiled tables are shared statics built
/// on first use. `Send + Sync`: share one across threads.
#[derive(Debug, Clone, Default)]
pub struct Cleaner {
    options: Options,
}

impl Cleaner {
    /// A cleaner with these options.
    pub fn new(options: Options) -> Self {
        features::warm_up();
        Cleaner { options }
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Cleans one input.
    pub fn clean(&self, input: Input<'_>) -> Result<Article, Error> {
        let size = match input {
            Input::Str(s) | Input::Html(s) | Input::Text(s) => s.len(),
            Input::Bytes(b) => b.len(),
        };
        if size > self.options.max_input_bytes {
            return Err(Error::TooLarge {
                limit: self.options.max_input_bytes,
                size,
            });
        }
        match input {
            Input::Html(s) => self.clean_str(s, Mode::Html),
            Input::Text(s) => self.clean_str(s, Mode::Text),
            Input::Str(s) => self.clean_str(s, self.options.mode),
            Input::Bytes(b) => {
                let s = decode::decode(b, None)?;
                self.clean_str(&s, self.options.mode)
            }
        }
    }

    fn clean_str(&self, s: &str, mode: Mode) -> Result<Article, Error> {
        if s.trim().is_empty() {
            return Err(Error::Empty);
        }
        let mode = match mode {
            Mode::Auto if looks_like_html(s) => Mode::Html,
            Mode::Auto => Mode::Text,
            m => m,
        };
        let o = &self.options;
        let (mut blocks, truncated, mut title, lang, arena, listing) = if mode == Mode::Html {
            // the HTML front door computes the features itself (its region finder reads them)
            let page = html::parse(depth::limit(s), o);
            (
                page.blocks,
                page.truncated,
                page.title,
                page.lang,
                page.arena,
                page.listing,
            )
        } else {
            let (mut b, t) = text::blocks(s, o.max_blocks);
            let (lang, arena) = features::compute(&mut b);
            (b, t, None, lang, arena, false)
        };
        if mode == Mode::Text {
            text::classify(&mut blocks);
        }
        prune::run(&mut blocks, &arena, o, lang, mode == Mode::Html, listing);
        if mode == Mode::Html && !o.disabled_rules.iter().any(|d| d == "region") {
            drop_furniture_only(&mut blocks);
        }
        if title.is_none() {
            title = text_title(&blocks);
        }
        let confidence = confidence(&blocks);
        Ok(Article {
            blocks,
            removed: std::sync::OnceLock::new(),
            title,
            lang: lang.language().map(|l| l.code),
            mode,
            truncated,
            confidence,
        })
    }
}

/// Whether text looks like HTML markup rather than scraped text.
fn looks_like_html(s: &str) -> bool {
    let head = s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let probe = &head[..head.len().min(head.floor_char_boundary_compat(2048))];
    if !probe.starts_with('<') {
        return false;
    }
    let lower = probe.to_ascii_lowercase();
    [
        "<html",
        "<!doctype",
        "<head",
        "<body",
        "<div",
        "<p>",
        "<p ",
        "<article",
        "<meta",
        "<!--",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

trait FloorCharBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}
impl FloorCharBoundary for str {
    fn floor_char_boundary_compat(&self, i: usize) -> usize {
        if i >= self.len() {
            return self.len();
        }
        let mut i = i;
        while !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

/// The title in text mode: the last heading before the first kept paragraph.
fn text_title(blocks: &[Block]) -> Option<String> {
    let first = blocks.iter().position(|b| b.kept())?;
    blocks[..first]
        .iter()
        .rev()
        .take(8)
        .find(|b| b.kind == Kind::Heading && b.features.words >= 3)
        .map(|b| b.text.clone())
}

fn collect_removed(blocks: &[Block]) -> Vec<Removed> {
    let mut out = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if let Verdict::Drop(reason) = b.verdict {
            out.push(Removed {
                text: b.text.clone(),
                reason,
                block: i,
            });
        }
        for c in &b.cuts {
            out.push(Removed {
                text: c.clone(),
                reason: Reason::WedgedFragment,
                block: i,
            });
        }
    }
    out
}

/// Most words a page's kept text may hold and still be judged furniture only. Without
/// this bound, two wcxb-dev pages whose real content sits in footer-named boxes (a
/// listing, a collection) came out empty.
const FURNITURE_WORDS: u32 = 200;

/// A page whose content is drawn by script holds only its furniture: when every kept
/// block other than a heading sits both in page chrome (`<footer>`, `<nav>`, `<aside>`,
/// `<header>`, a form) and in a box named for boilerplate (newsletter, cookie, footer…),
/// and there is little of it, the region finder chose furniture for want of content. The
/// page then has no article: every block is dropped as outside the content (an empty
/// [`Article`] with confidence 0, not an error: the input had text, none of it an
/// article's). Either hint alone is too weak: a form or a `<header>` wraps the whole
/// content of some shops and forums, and their boxes carry boilerplate-looking names.
fn drop_furniture_only(blocks: &mut [Block]) {
    let (mut words, mut body) = (0u32, 0u32);
    for b in blocks.iter().filter(|b| b.kept()) {
        words += b.features.words;
        if b.kind == Kind::Heading {
            continue;
        }
        if !(b.hints.chrome && b.hints.boilerplate_class) {
            return;
        }
        body += 1;
    }
    if body == 0 || words > FURNITURE_WORDS {
        return;
    }
    for b in blocks.iter_mut().filter(|b| b.kept()) {
        b.verdict = Verdict::Drop(Reason::OutsideContent);
    }
}

/// Words of kept prose at which confidence from length saturates.
const CONFIDENT_WORDS: f32 = 250.0;

/// How sure we are the page holds an article: kept prose words (saturating) times the
/// share of the page's prose that the article holds (a listing spreads its prose over
/// many places).
fn confidence(blocks: &[Block]) -> f32 {
    let (mut kept_prose, mut kept_paras, mut all_prose) = (0u32, 0u32, 0u32);
    let (mut kept_words, mut kept_link_words) = (0f32, 0f32);
    for b in blocks {
        let w = b.features.words;
        if b.kept() {
            kept_words += w as f32;
            kept_link_words += w as f32 * b.link_density.unwrap_or(0.0);
        }
        if b.is_prose() {
            all_prose += w;
            if b.kept() {
                kept_prose += w;
                kept_paras += 1;
            }
        }
    }
    if kept_prose == 0 {
        return 0.0;
    }
    let length = (kept_prose as f32 / CONFIDENT_WORDS).min(1.0);
    let paras = (kept_paras as f32 / 3.0).min(1.0);
    let share = kept_prose as f32 / all_prose.max(1) as f32;
    // a listing keeps many short items and links; an article keeps running prose
    let prose_ratio = kept_prose as f32 / kept_words.max(1.0);
    let links = kept_link_words / kept_words.max(1.0);
    (length * 0.35 + paras * 0.15 + share * 0.2 + prose_ratio * 0.2 + (1.0 - links) * 0.1)
        .clamp(0.0, 1.0)
}

/// Cleans a raw HTML page with the default options; returns the article's text.
pub fn clean_html(html: &str) -> Result<String, Error> {
    Cleaner::default()
        .clean(Input::Html(html))
        .map(|a| a.text())
}

/// Cleans already-scraped text (one block per line) with the default options.
pub fn clean_text(text: &str) -> Result<String, Error> {
    Cleaner::default()
        .clean(Input::Text(text))
        .map(|a| a.text())
}

/// Cleans bytes in any encoding, HTML or text (detected), with the default options.
pub fn clean_bytes(bytes: &[u8]) -> Result<String, Error> {
    Cleaner::default()
        .clean(Input::Bytes(bytes))
        .map(|a| a.text())
}

/// Decodes bytes to text the way [`clean_bytes`] does (BOM, then `hint` — an HTTP
/// charset label — then `<meta charset>`, then UTF-8, then a statistical guess).
pub fn decode_bytes(bytes: &[u8], hint: Option<&str>) -> Result<String, Error> {
    decode::decode(bytes, hint).map(|c| c.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaner_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Cleaner>();
        check::<Article>();
    }

    #[test]
    fn errors() {
        assert_eq!(clean_text("  \n "), Err(Error::Empty));
        let c = Cleaner::new(Options::default().with_max_input_bytes(4));
        assert!(matches!(
            c.clean(Input::Text("hello world")),
            Err(Error::TooLarge { limit: 4, .. })
        ));
        assert!(clean_bytes(b"\xff\xfe\xfd invalid utf-8 \xc3").is_ok());
    }

    #[test]
    fn detects_html() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(!looks_like_html("Just text <b>bold</b>"));
    }
}
