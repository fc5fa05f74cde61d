//! What an element's `class` and `id` say about it.
//!
//! A class or id value is split into words at spaces, `-`, `_`, digits and lowercase →
//! uppercase steps (`relatedPosts` → `related`, `posts`), and each word, and each pair of
//! adjacent words joined (`read`+`more` → `readmore`), is looked up in two small tables:
//! words that name boilerplate and words that name the article's content. This is the
//! class-weight idea of Readability (Arc90), with two differences: the match is on whole
//! words rather than substrings (so `shadow` is not `ad`, `loader` is not `load`), and the
//! words only *weigh*; deleting is decided elsewhere with a size guard, because class
//! names delete real content when trusted blindly (USERS.md #12). Words that page
//! builders put on every box (`widget`, `panel`, `block`) are left out for that reason.

use crate::features::HashMapU64;
use std::sync::LazyLock;

/// Words of class / id names that name boilerplate, in several languages.
const BOILERPLATE: &[&str] = &[
    // sharing, social
    "share",
    "sharing",
    "sharebar",
    "social",
    "socials",
    "sociallinks",
    "partager",
    "partage",
    "teilen",
    "compartir",
    "condividi",
    "compartilhar",
    "compartilhe",
    "udostepnij",
    // related, recommended, more stories
    "related",
    "relatedposts",
    "relacionados",
    "relacionadas",
    "recommended",
    "recommendations",
    "recommendation",
    "recirculation",
    "recirc",
    "moreStories",
    "morestories",
    "readmore",
    "alsoread",
    "readalso",
    "mustread",
    "mostread",
    "mostpopular",
    "trending",
    "popular",
    "outbrain",
    "taboola",
    "lireaussi",
    "alire",
    "empfehlungen",
    "empfehlung",
    "leggianche",
    "leiatambem",
    "vejatambem",
    "leetambien",
    "zobacztez",
    "czytajtakze",
    "kanren",
    "osusume",
    // newsletters, subscriptions, paywalls
    "newsletter",
    "newsletters",
    "subscribe",
    "subscription",
    "signup",
    "paywall",
    "abonnement",
    "abonnieren",
    "suscripcion",
    "suscribete",
    "iscriviti",
    "assine",
    // cookies, consent, popups
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "cmp",
    "popup",
    "modal",
    "overlay",
    // ads
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "adslot",
    "adunit",
    "adsense",
    "dfp",
    "gpt",
    "sponsor",
    "sponsored",
    "promo",
    "promotion",
    "promoted",
    "werbung",
    "anzeige",
    "publicite",
    "pub",
    "publicidad",
    "pubblicita",
    "publicidade",
    "reklama",
    "koukoku",
    // comments
    "comment",
    "comments",
    "commentaires",
    "commentaire",
    "kommentare",
    "kommentar",
    "comentarios",
    "comentario",
    "commenti",
    "komentarze",
    "disqus",
    "replies",
    // page furniture
    "footer",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "tagcloud",
    "taglist",
    "keywords",
    "authorbio",
    "authorbox",
    "bio",
    "byline",
    "meta",
    "postmeta",
    "entrymeta",
    "toolbar",
    "menu",
    "navbar",
    "nav",
    "navigation",
    "pagination",
    "pager",
    "skip",
    "srOnly",
    "sronly",
    "visuallyhidden",
    "screenreader",
    "rating",
    "masthead",
    "topbar",
    "rss",
    // Adobe Edge Delivery's `section-metadata` block: a table of a section's settings
    // (style names, a template id) that its script reads and removes, never shown
    "sectionmetadata",
];

/// Words that name boilerplate on most pages but not on all: a sidebar's `widget` boxes
/// are furniture, but page builders (Elementor's `elementor-widget-container`) put the
/// same word on every box of the page, the article's too. Themes do the same with
/// `banner` (Flatsome lays every section of a landing page out as `<div class="banner">`,
/// text included), which elsewhere names a cookie strip or an advertisement. The walk
/// settles them per page (`settle_weak_boilerplate` in the module above). Measured on
/// wcxb-dev (`banner` moved here from [`BOILERPLATE`]): service pages 0.742 -> 0.749 word
/// F1, leak unchanged; dropping the word altogether gave 0.752 but leak 0.0297 -> 0.0305.
const WEAK_BOILERPLATE: &[&str] = &["widget", "widgets", "banner"];
const IS_WEAK_BP: u16 = 32;

/// Words of class / id names that name the article's content.
const CONTENT: &[&str] = &[
    "article",
    "articlebody",
    "articletext",
    "articlecontent",
    "content",
    "entry",
    "entrycontent",
    "post",
    "postbody",
    "postcontent",
    "story",
    "storybody",
    "storytext",
    "body",
    "text",
    "main",
    "maincontent",
    "blog",
    "hentry",
    "prose",
    "richtext",
    "artikel",
    "contenu",
    "contenido",
    "contenuto",
    "conteudo",
    "tresc",
    "honbun",
    "zhengwen",
];

/// What a class / id value says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Verdict {
    /// A word names boilerplate.
    pub boilerplate: bool,
    /// A word names content.
    pub content: bool,
    /// A word names a comment section.
    pub comments: bool,
    /// A word names an image caption or credit.
    pub caption: bool,
    /// A word names boilerplate outside the article only ([`WEAK_BOILERPLATE`]).
    pub weak_boilerplate: bool,
    /// A word names a panel that a control opens ([`PANELS`]).
    pub panel: bool,
    /// A word names a carousel's slide ([`SLIDES`]).
    pub slide: bool,
}

/// Words naming image captions and credits: the text inside is a caption (USERS.md #5),
/// whatever element holds it (`<div class="caption">`, `<p class="wp-caption-text">`).
const CAPTIONS: &[&str] = &[
    "caption",
    "captions",
    "figcaption",
    "captiontext",
    "imagecaption",
    "photocaption",
    "credit",
    "credits",
    "imagecredit",
    "photocredit",
];
const IS_CAPTION: u16 = 16;

/// Words naming comment sections: always holes inside an article's region.
const COMMENTS: &[&str] = &[
    "comment",
    "comments",
    "commentaires",
    "kommentare",
    "comentarios",
    "commenti",
    "komentarze",
    "disqus",
    "replies",
    "respond",
];
const IS_COMMENTS: u16 = 8;

const IS_BP: u16 = 1;
const IS_CONTENT: u16 = 2;
const IS_QUALIFIER: u16 = 4;

/// FNV-1a of the ASCII-lowercased bytes.
fn hash_word(word: &[u8]) -> u64 {
    extend_hash(0xcbf2_9ce4_8422_2325, word)
}

/// The FNV-1a hash `h` carried on over `more`: `hash_word(a + b)` is
/// `extend_hash(hash_word(a), b)`.
fn extend_hash(mut h: u64, more: &[u8]) -> u64 {
    for &b in more {
        h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Word hash → `IS_*` bits; built once.
static WORDS: LazyLock<HashMapU64<u16>> = LazyLock::new(|| {
    let mut m = HashMapU64::default();
    for (list, bit) in [
        (BOILERPLATE, IS_BP),
        (CONTENT, IS_CONTENT),
        (QUALIFIERS, IS_QUALIFIER),
        (COMMENTS, IS_COMMENTS),
        (CAPTIONS, IS_CAPTION),
        (WEAK_BOILERPLATE, IS_WEAK_BP),
        (EMBEDS, IS_EMBED),
        (HEROES, IS_HERO),
        (PANELS, IS_PANEL),
        (SLIDES, IS_SLIDE),
    ] {
        for w in list {
            *m.entry(hash_word(w.as_bytes())).or_insert(0) |= bit;
        }
    }
    m
});

fn bits(hash: u64) -> u16 {
    WORDS.get(&hash).copied().unwrap_or(0)
}

fn apply(b: u16, v: &mut Verdict) {
    v.boilerplate |= b & IS_BP != 0;
    v.content |= b & IS_CONTENT != 0;
    v.comments |= b & IS_COMMENTS != 0;
    v.caption |= b & IS_CAPTION != 0;
    v.weak_boilerplate |= b & IS_WEAK_BP != 0;
    v.panel |= b & IS_PANEL != 0;
    v.slide |= b & IS_SLIDE != 0;
}

/// A name with this many digits is generated (`w-node-b5343ad4-…`), and its letter runs
/// are noise (`ad` in a hex string).
const GENERATED_DIGITS: usize = 4;

/// A part of a name (between separators) made of this many runs of letters and of digits
/// in turn is a generated hash: `4d9ad2` in a CSS-in-JS class `css-4d9ad2` (three digits,
/// under [`GENERATED_DIGITS`]) says `ad` by chance; a name's words carry at most a number
/// or two (`cmp2`, `ad300`, `top10list`, `h2o`).
const HASH_RUNS: u32 = 4;

/// Whether a part of `name` reads as a generated hash ([`HASH_RUNS`]). One pass.
fn hashed(name: &str) -> bool {
    // (runs of the current part, whether the last byte was a digit)
    let (mut runs, mut digit) = (0u32, false);
    for b in name.bytes() {
        if !b.is_ascii_alphanumeric() {
            runs = 0;
            continue;
        }
        let d = b.is_ascii_digit();
        if runs == 0 || d != digit {
            runs += 1;
            if runs >= HASH_RUNS {
                return true;
            }
        }
        digit = d;
    }
    false
}

impl Verdict {
    /// Adds what another value says (reading two values one after the other into the same
    /// verdict is the same as reading each into its own and joining them).
    pub(crate) fn join(&mut self, o: Verdict) {
        self.boilerplate |= o.boilerplate;
        self.content |= o.content;
        self.comments |= o.comments;
        self.caption |= o.caption;
        self.weak_boilerplate |= o.weak_boilerplate;
        self.panel |= o.panel;
        self.slide |= o.slide;
    }
}

/// Reads a class or id attribute value into `v`. No allocation for words up to 32 bytes.
pub(crate) fn read(value: &str, v: &mut Verdict) {
    for name in value.split_ascii_whitespace() {
        if name.len() > 64
            || name.bytes().filter(u8::is_ascii_digit).count() >= GENERATED_DIGITS
            || hashed(name)
        {
            continue; // generated hashes, UUIDs, base64: they say nothing
        }
        // Drupal writes a content entity's type, view mode and publishing state as
        // modifiers of `node` (`node--promoted` to the front page, `node--sticky`,
        // `node--type-recipe`): they describe the entity the box holds, not what the box
        // is for, and `node--promoted` is the article itself, not a promotion
        if name.starts_with("node--") {
            continue;
        }
        // a utility class with a variant or an arbitrary value (Tailwind's
        // `lg:first:has-[>[data-slot=banner]]:pt-0`, `pt-[calc(var(--banner-height))]`)
        // styles the box on a condition: the words inside name other elements or CSS
        // variables, never this box (a component's class holds neither `:` nor `[`).
        // Measured on wcxb-dev: service with 0.678 -> 0.681 / 0.742 -> 0.744 (headings
        // kept), all 0.847 both (+0.63 summed over the pages); three pages changed, none
        // worse (a landing page whose every section said `banner` in a variant 0.14 -> 0.69)
        if name.contains([':', '[']) {
            continue;
        }
        read_name(name, v);
    }
}

fn read_name(name: &str, v: &mut Verdict) {
    // split at separators, digits, and camelCase steps: (start, end) byte ranges
    let bytes = name.as_bytes();
    let mut words: [(usize, usize); 8] = [(0, 0); 8];
    let mut n = 0;
    let mut start = None::<usize>;
    for (i, &b) in bytes.iter().enumerate() {
        let letter = b.is_ascii_alphabetic() || b >= 0x80;
        let camel_step =
            i > 0 && b.is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase() && start.is_some();
        if camel_step {
            if let Some(s) = start.take() {
                if n < words.len() {
                    words[n] = (s, i);
                    n += 1;
                }
            }
        }
        if letter {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            if n < words.len() {
                words[n] = (s, i);
                n += 1;
            }
        }
    }
    if let Some(s) = start {
        if n < words.len() {
            words[n] = (s, bytes.len());
            n += 1;
        }
    }
    // each word hashed and looked up once; a pair's hash carries on from its first word's
    let mut hashes = [0u64; 8];
    let mut said = [0u16; 8];
    for k in 0..n {
        hashes[k] = hash_word(&bytes[words[k].0..words[k].1]);
        said[k] = bits(hashes[k]);
    }
    let said = &said[..n];
    // a name that also says content or qualifies the word ("content-with-sidebar",
    // "has-comments", "no-ads") names no boilerplate
    let qualified = said
        .iter()
        .any(|b| b & (IS_QUALIFIER | IS_CONTENT | IS_EMBED) != 0);
    // a caption is a caption in any box ("caption-text", "entry-caption"), unless qualified
    let negated = said.iter().any(|b| b & IS_QUALIFIER != 0);
    let before = v.boilerplate;
    let before_weak = v.weak_boilerplate;
    let before_comments = v.comments;
    let before_caption = v.caption;
    // a component library's namespace before the component's name ("cmp-container") is
    // not the word it spells alone
    let namespaced = n > 1
        && NAMESPACES
            .iter()
            .any(|w| bytes[words[0].0..words[0].1].eq_ignore_ascii_case(w.as_bytes()));
    for k in 0..n {
        if k > 0 || !namespaced {
            apply(said[k], v);
        }
        if k + 1 < n {
            // the two words joined ("readmore" from "read-more"), up to 32 bytes
            let (s, e) = words[k];
            let (s2, e2) = words[k + 1];
            if (e - s) + (e2 - s2) <= 32 {
                apply(bits(extend_hash(hashes[k], &bytes[s2..e2])), v);
            }
        }
    }
    if qualified {
        v.boilerplate = before;
        v.weak_boilerplate = before_weak;
        v.comments = before_comments;
    }
    if said.iter().any(|b| b & IS_HERO != 0) {
        v.weak_boilerplate = before_weak;
    }
    if negated {
        v.caption = before_caption;
    }
}

/// Words naming embedded content (a quoted tweet or post in `social-media-embed`): the
/// embed is part of the article, so a boilerplate word in the same name (`social`) names
/// where it comes from, not furniture. Measured on scrapinghub: 0.969 -> 0.970 shingle F1
/// with headings kept; wcxb-dev unchanged.
const EMBEDS: &[&str] = &["embed", "embedded"];
const IS_EMBED: u16 = 64;

/// Words naming a landing page's lead section (`hero-banner`, `pageHeroBanner`): the
/// page's own title and opening text, so the weak boilerplate word in the same name
/// (`banner`) names its layout, not an advertisement or a cookie strip. Only the weak
/// words are lifted (`hero-share` still names a share bar). Measured on wcxb-dev: service
/// pages' word F1 0.769 -> 0.771 (two consultancies' hero sections), articles 0.944
/// unchanged (two pages lose 0.001 and 0.005), leak unchanged.
const HEROES: &[&str] = &["hero"];
const IS_HERO: u16 = 128;

/// Words naming a panel that a control opens and closes: an FAQ's answer, an accordion's
/// or a tab's panel, a "read more" expander (`faq__answer`, `tab-pane`, `chakra-collapse`,
/// `a-expander-content`). Such a panel closed by its `style` (`display:none`) is read, as
/// a closed `<details>` is; any other element hidden by its `style` stays out. Measured on
/// wcxb-dev: word F1 0.8427 -> 0.8434 (0132 +0.50, 0607 +0.32, 4026 +0.24, 2890 +0.22,
/// 0627 +0.18; 0615 -0.33, whose truth leaves out the product's collapsed specifications),
/// leak unchanged.
const PANELS: &[&str] = &[
    "answer",
    "faq",
    "accordion",
    "collapse",
    "collapsible",
    "expander",
    "tabpane",
    "tabpanel",
];
const IS_PANEL: u16 = 256;

/// Words naming a carousel's slide (`swiper-slide`, `bp-Carousel__cell`): a slide the
/// carousel is not showing yet is marked `aria-hidden="true"`, but a reader reaches it with
/// the carousel's arrows, so it is read; any other `aria-hidden` box stays out. Measured
/// on wcxb-dev: word F1 0.8434 -> 0.8438 (1572 +0.49, 0693 +0.12; 0589 -0.05 and three
/// shops' carousels of other items -0.01), leak unchanged.
const SLIDES: &[&str] = &["slide", "carousel"];
const IS_SLIDE: u16 = 512;

/// Prefixes that component libraries put before every component's name: Adobe Experience
/// Manager's core components are `cmp-container`, `cmp-text`, `cmp-accordion`, ..., while
/// `cmp` alone or after another word (`qc-cmp2-container`) names a consent manager.
const NAMESPACES: &[&str] = &["cmp"];

/// Words that qualify a boilerplate word rather than name the element after it.
const QUALIFIERS: &[&str] = &[
    "has", "with", "no", "without", "show", "hide", "enable", "enabled", "disable", "disabled",
    "allow",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Verdict {
        let mut v = Verdict::default();
        read(s, &mut v);
        v
    }

    #[test]
    fn reading_two_values_is_joining_their_verdicts() {
        let values = [
            "share-bar",
            "has-comments no-ads",
            "comment-list",
            "wp-caption-text",
            "entry-content",
            "no-caption",
            "article__body",
            "x",
        ];
        for a in values {
            for b in values {
                let mut both = Verdict::default();
                read(a, &mut both);
                read(b, &mut both);
                let mut joined = v(a);
                joined.join(v(b));
                assert_eq!(both, joined, "{a} + {b}");
            }
        }
    }

    #[test]
    fn pair_hashes_carry_on() {
        assert_eq!(
            extend_hash(hash_word(b"Read"), b"More"),
            hash_word(b"readmore")
        );
    }

    #[test]
    fn a_component_namespace_is_not_a_consent_manager() {
        assert!(!v("cmp-container").boilerplate);
        assert!(!v("cmp-text").boilerplate);
        assert!(v("cmp-experiencefragment cmp-share").boilerplate);
        assert!(v("qc-cmp2-container").boilerplate);
        assert!(v("cmp").boilerplate);
    }

    #[test]
    fn words_not_substrings() {
        assert!(v("share-bar").boilerplate);
        assert!(v("relatedPosts").boilerplate);
        assert!(v("read-more-links").boilerplate);
        assert!(v("ad-slot-3").boilerplate);
        assert!(v("author_bio").boilerplate);
        assert!(v("bloc-lire-aussi").boilerplate);
        assert!(!v("shadow loader headline").boilerplate);
        assert!(!v("article__body").boilerplate);
        assert!(v("article__body").content);
        assert!(v("entry-content").content);
        assert!(!v("content-with-sidebar-wrp").boilerplate);
        assert!(!v("has-comments no-ads").boilerplate);
        assert!(!v("social-media-embed").boilerplate);
        assert!(v("social-links").boilerplate);
        assert!(v("comment-list").comments);
        assert!(!v("w-node-b5343ad4-d1b4-c331-818c").boilerplate);
        // a CSS-in-JS hash with few digits: its `ad` is chance
        assert!(!v("css-4d9ad2").boilerplate);
        assert!(!v("sc-a1d2bc3").boilerplate);
        assert!(v("ad300").boilerplate);
        assert!(!v("comment-count has-comments").boilerplate || v("comment-count").comments);
        assert!(v("caption-full").caption);
        assert!(v("wp-caption-text").caption);
        assert!(!v("hide-caption").caption);
        assert!(!v("captionless").caption);
    }

    #[test]
    fn utility_classes_with_variants_or_arbitrary_values_name_nothing() {
        assert!(!v("lg:first:has-[>[data-slot=banner]]:pt-0").weak_boilerplate);
        assert!(!v("pt-[calc(var(--banner-min-height))]").weak_boilerplate);
        assert!(!v("hover:share-x").boilerplate);
        assert!(v("share-bar").boilerplate);
    }

    #[test]
    fn a_hero_banner_is_no_boilerplate_but_a_hero_share_bar_is() {
        assert!(v("banner").weak_boilerplate);
        assert!(!v("o-pageHeroBanner").weak_boilerplate);
        assert!(!v("hero-banner").weak_boilerplate);
        assert!(v("hero-share").boilerplate);
        assert!(v("node node--promoted").boilerplate == v("node").boilerplate);
        assert!(v("promoted-stories").boilerplate);
    }

    #[test]
    fn a_section_metadata_block_is_boilerplate_but_a_section_is_not() {
        assert!(v("section-metadata").boilerplate);
        assert!(v("sectionMetadata").boilerplate);
        assert!(!v("section").boilerplate);
        assert!(!v("metadata").boilerplate);
    }

    #[test]
    fn panels_that_a_control_opens_are_named() {
        assert!(v("faq__answer").panel);
        assert!(v("tab-pane").panel);
        assert!(v("chakra-collapse").panel);
        assert!(v("a-expander-content a-expander-extend-content").panel);
        assert!(!v("tab-list").panel);
        assert!(!v("answered-count").panel);
    }

    #[test]
    fn carousel_slides_are_named() {
        assert!(v("swiper-slide").slide);
        assert!(v("bp-Carousel__cell").slide);
        assert!(!v("slideshow-caption").slide);
        assert!(!v("sr-only").slide);
    }
}
