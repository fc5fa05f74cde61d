//! The clutter rules. Each rule is a unit struct in a file of its own implementing
//! [`Rule`]; [`RULES`] runs them in order over the blocks of a page. A rule only marks
//! blocks ([`Block::drop_for`]) or cuts fragments out of them; rendering happens later.

use crate::block::Block;
use crate::features::{content_of, Lang, Topic};
use crate::options::Options;

pub(crate) mod boilerplate;
mod duplicates;
mod headings;
mod leadin;
pub(crate) mod phrases;
mod region;
pub(crate) mod related;
mod wedged;

/// What a rule may read besides the blocks.
pub struct Ctx<'a> {
    pub(crate) options: &'a Options,
    pub(crate) lang: Lang,
    pub(crate) topic: Topic,
    /// Content-word hashes of all blocks (see [`crate::features::content_of`]).
    pub(crate) arena: &'a [u64],
    /// The blocks came from HTML (they carry DOM hints).
    pub(crate) html: bool,
    /// Text input that shows page chrome around the article (a full-page dump, not an
    /// extracted article: `region::has_page_chrome`); always `false` for HTML. Read by
    /// several rules, judged once (it depends only on the blocks' shapes, which no rule
    /// changes).
    pub(crate) page_chrome: bool,
    /// HTML the front door read as a listing (little prose anywhere, no strong article):
    /// its runs of headline-like lines are its content. `false` in text mode.
    pub(crate) listing: bool,
    /// The page's own enumerations ([`related::enumerations`]), found on first use: the
    /// region rule and the related-links rule both read them, and they depend only on the
    /// blocks' markers and texts, which no rule changes.
    enumerations: std::cell::OnceCell<Vec<Vec<usize>>>,
    /// What the related-links rule's first pass leaves for its second
    /// ([`related::judge_survivors`]).
    pub(crate) related: std::cell::RefCell<related::Judged>,
}

impl Ctx<'_> {
    /// The members of each of the page's own enumerations, in the order
    /// [`related::enumerations`] finds them.
    pub(crate) fn enumerations(&self, blocks: &[Block]) -> &[Vec<usize>] {
        self.enumerations.get_or_init(|| {
            let mut found = Vec::new();
            related::enumerations(blocks, |members| found.push(members.to_vec()));
            found
        })
    }
}

/// One clutter rule.
pub trait Rule: Sync {
    /// The rule's stable name (for `--explain`, `--disable-rule` and the docs).
    fn name(&self) -> &'static str;
    /// One line saying what the rule removes.
    fn doc(&self) -> &'static str;
    /// Marks the blocks this rule removes.
    fn apply(&self, blocks: &mut [Block], ctx: &Ctx<'_>);
    /// Whether the article's vocabulary must be rebuilt after this rule.
    fn changes_topic(&self) -> bool {
        false
    }
    /// Whether the rule reads the article's vocabulary (built before the first rule that
    /// does).
    fn needs_topic(&self) -> bool {
        true
    }
}

/// The rules, in the order they run.
pub static RULES: &[&dyn Rule] = &[
    &boilerplate::Boilerplate,
    &leadin::LeadIn,
    &region::Region,
    &related::RelatedLinks,
    &headings::Headings,
    &wedged::Wedged,
    &duplicates::Duplicates,
];

/// Runs every enabled rule over `blocks`.
pub(crate) fn run(
    blocks: &mut [Block],
    arena: &[u64],
    options: &Options,
    lang: Lang,
    html: bool,
    listing: bool,
) -> Topic {
    let disabled = |name: &str| options.disabled_rules.iter().any(|d| d == name);
    let region_on = !disabled("region");
    if html && region_on {
        // the HTML front door has chosen the region already: applying it first spares
        // the other rules (and the vocabulary) the page's furniture
        region::apply_html(blocks);
    }
    // the vocabulary is built once the region is known (the rules before it do not read it)
    let mut ctx = Ctx {
        options,
        lang,
        topic: Topic::empty(),
        arena,
        html,
        page_chrome: !html && region::has_page_chrome(blocks),
        listing: html && listing,
        enumerations: std::cell::OnceCell::new(),
        related: std::cell::RefCell::default(),
    };
    for rule in RULES {
        if disabled(rule.name()) {
            continue;
        }
        if rule.needs_topic() && !ctx.topic.is_built() {
            ctx.topic = Topic::from_blocks(blocks, arena);
            ctx.topic.annotate(blocks, arena);
        }
        rule.apply(blocks, &ctx);
        if rule.name() == "headings" && !html {
            // text, headings not kept: the runs as a second pass would read them, once
            // the headings are gone (see `related::judge_survivors`)
            if !options.keep_headings && !disabled("related-links") {
                related::judge_survivors(blocks, &ctx);
            }
            if !disabled("boilerplate") {
                boilerplate::judge_survivors(blocks, &ctx);
            }
            // a page dump's subscription prompts, judged against the chosen article
            if ctx.page_chrome && !disabled("boilerplate") {
                boilerplate::judge_prompts(blocks, &ctx);
            }
        }
        if rule.changes_topic() && ctx.topic.is_built() {
            ctx.topic = Topic::from_blocks(blocks, arena);
            ctx.topic.annotate(blocks, arena);
        }
    }
    if !ctx.topic.is_built() {
        ctx.topic = Topic::from_blocks(blocks, arena);
        ctx.topic.annotate(blocks, arena);
    }
    ctx.topic
}

/// For each content word of the `lines`: how many kept prose blocks of the page use it
/// (with the last one counted, so a block counts once). A small map of the lines' words,
/// looked up while the prose is read, instead of a map of the whole prose vocabulary,
/// filled: the lines are few. A line that is prose itself counts for its own words.
pub(crate) fn prose_uses(blocks: &[Block], lines: &[usize], arena: &[u64]) -> ProseUses {
    let size = lines
        .iter()
        .map(|&i| blocks[i].features.content_words as usize)
        .sum();
    let mut uses = ProseUses::with_capacity(size);
    for &i in lines {
        for &h in content_of(&blocks[i], arena) {
            uses.insert(h);
        }
    }
    for (i, b) in blocks.iter().enumerate() {
        if !(b.kept() && b.is_prose()) {
            continue;
        }
        for &h in content_of(b, arena) {
            uses.count(h, i as u32);
        }
    }
    uses
}

/// [`prose_uses`]' map: word hash → (blocks using it, last block counted), an
/// open-addressing table with linear probing like [`crate::features::WordMap`], plus one
/// slot after the probed ones that takes the counts of the words the map does not hold.
/// Most prose words are not the lines' words, and whether one is cannot be predicted: the
/// count goes to the word's slot or to that scratch slot, chosen without a branch.
pub(crate) struct ProseUses {
    slots: Vec<(u64, u32, u32)>,
    shift: u32,
}

/// An odd key marks an empty slot (word hashes are even).
const EMPTY_USE: u64 = 1;

impl ProseUses {
    fn with_capacity(n: usize) -> ProseUses {
        // at most an eighth full: most prose words are not held, and their probe ends at
        // the first slot, empty (half full, whether it is would be a coin toss)
        let bits = (n * 8).max(16).next_power_of_two().trailing_zeros();
        ProseUses {
            slots: vec![(EMPTY_USE, 0, u32::MAX); (1 << bits) + 1],
            shift: 64 - bits,
        }
    }

    /// The slot holding `hash`, or the empty slot where it goes.
    #[inline]
    fn slot(&self, hash: u64) -> usize {
        let last = self.slots.len() - 2;
        let mut i = (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        loop {
            let k = self.slots[i].0;
            // found or empty, in one test (see `WordMap::free_slot`)
            if (k ^ hash).wrapping_mul(k ^ EMPTY_USE) == 0 {
                return i;
            }
            i = (i + 1) & last;
        }
    }

    fn insert(&mut self, hash: u64) {
        let i = self.slot(hash);
        self.slots[i].0 = hash;
    }

    /// Counts block `block` for `hash` (once per block; nothing when the map does not
    /// hold the word).
    #[inline]
    fn count(&mut self, hash: u64, block: u32) {
        let i = self.slot(hash);
        let scratch = self.slots.len() - 1;
        let i = if self.slots[i].0 == hash { i } else { scratch };
        let e = &mut self.slots[i];
        e.1 += u32::from(e.2 != block);
        e.2 = block;
    }

    /// How many prose blocks use the word (0 for a word of none of the lines).
    pub(crate) fn get(&self, hash: u64) -> u32 {
        let i = self.slot(hash);
        if self.slots[i].0 == hash {
            self.slots[i].1
        } else {
            0
        }
    }
}
