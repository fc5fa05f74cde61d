//! Lexicon phrases compiled once into lookup tables, and the line normalisation that
//! matching uses: lowercase, punctuation and symbols trimmed, inner punctuation dropped,
//! spaces collapsed.

use crate::features::{combine, hash_lower, hash_words, tokens, FNV_OFFSET};
use crate::features::{Filter, HashMapU64};
use crate::lexicon::LANGUAGES;
use std::sync::LazyLock;

/// Lines of scripts without spaces longer than this are not searched for phrases.
const UNSPACED_MAX_CHARS: usize = 16;

/// What a phrase of the lexicon is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    LeadIn,
    Boilerplate,
    /// an interface control's label: only ever a whole line (never a `prefix`)
    Control,
}

pub(crate) struct Phrases {
    /// word-sequence hash of a phrase, a credit prefix, or the first words of one → what
    /// it is ([`SeqTable`])
    table: SeqTable,
    /// abbreviations (hash of the lowercase form, inner periods dropped)
    pub(crate) abbreviations: HashMapU64<()>,
    /// the longest phrase, in words
    max_words: usize,
    /// phrases of scripts written without spaces (normalised), with their class
    unspaced: Vec<(String, Class)>,
    /// the indices in `unspaced` of the phrases starting with each char, ascending
    unspaced_by_first: std::collections::HashMap<char, Vec<usize>>,
}

/// Flags of a word sequence in [`SeqTable`]: the class of the phrase it is (two bits),
/// whether it is a credit prefix, whether a longer phrase or credit prefix starts with it.
const SEQ_CLASS: u8 = 3;
const SEQ_LEAD_IN: u8 = 1;
const SEQ_BOILERPLATE: u8 = 2;
const SEQ_CONTROL: u8 = 3;
const SEQ_CREDIT: u8 = 4;
const SEQ_GOES_ON: u8 = 8;

/// Word-sequence hash → flags (never 0 for a stored sequence; 0 marks an empty slot): an
/// open-addressing table with linear probing, key and flags side by side. Every prefix of
/// every phrase is stored, so a matcher stops looking as soon as its words so far begin no
/// phrase: most lines cost one lookup, not one per word up to the longest phrase. A
/// [`Filter`] answers for most sequences the table does not hold.
struct SeqTable {
    slots: Box<[(u64, u8)]>,
    filter: Filter,
    shift: u32,
}

impl SeqTable {
    fn new(entries: &HashMapU64<u8>) -> SeqTable {
        // at most half full: probes stay short
        let bits = (entries.len().max(1) * 2)
            .next_power_of_two()
            .trailing_zeros();
        let size = 1usize << bits;
        let mut table = SeqTable {
            slots: vec![(0, 0); size].into_boxed_slice(),
            filter: Filter::new(entries.keys().copied()),
            shift: 64 - bits,
        };
        for (&hash, &flags) in entries {
            debug_assert!(flags != 0);
            let mut i = table.slot(hash);
            while table.slots[i].1 != 0 {
                i = (i + 1) & (size - 1);
            }
            table.slots[i] = (hash, flags);
        }
        table
    }

    #[inline]
    fn slot(&self, hash: u64) -> usize {
        (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The flags of the sequence (0: no phrase is or starts with it).
    #[inline]
    fn get(&self, hash: u64) -> u8 {
        if !self.filter.may_hold(hash) {
            return 0;
        }
        let last = self.slots.len() - 1;
        let mut i = self.slot(hash);
        loop {
            let (k, flags) = self.slots[i];
            if flags == 0 || k == hash {
                return flags;
            }
            i = (i + 1) & last;
        }
    }
}

/// What the lexicon says of one block's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct PhraseMatch {
    /// The whole text is a phrase of this class.
    pub whole: Option<Class>,
    /// The text starts with a phrase of this class covering this many words (the longest).
    pub prefix: Option<(Class, u8)>,
    /// [`PhraseMatch::credit`] and [`PhraseMatch::control`], one bit each: one byte less
    /// than two `bool`s keeps a [`crate::block::Block`] within 128 bytes, which a compiler
    /// moves with a few vector stores instead of a call to `memcpy` (a block is moved
    /// into its page's vector once per line)
    flags: u8,
    /// A short text of a script without spaces contains a phrase of this class.
    pub unspaced: Option<Class>,
}

/// [`PhraseMatch`]'s flags.
const MATCH_CREDIT: u8 = 1;
const MATCH_CONTROL: u8 = 2;

impl PhraseMatch {
    /// The text starts with a credit prefix ("Photo:", "Foto:").
    pub fn credit(&self) -> bool {
        self.flags & MATCH_CREDIT != 0
    }

    /// The whole text is the label of an interface control ("Add to cart", "Reply with
    /// quote"); never said of a line that only starts with one.
    pub fn control(&self) -> bool {
        self.flags & MATCH_CONTROL != 0
    }
}

/// Feeds a block's word hashes one by one and says which phrases they form.
pub(crate) struct Matcher<'a> {
    phrases: &'a Phrases,
    hash: u64,
    words: usize,
    /// words beyond this count are not looked up (the longest phrase, or 0 once the words
    /// so far begin no phrase)
    limit: usize,
    /// the word count at which the words so far last formed a control label
    control_at: usize,
    found: PhraseMatch,
}

impl Matcher<'_> {
    /// The next word of the text.
    #[inline]
    pub fn push(&mut self, word: u64) {
        self.words += 1;
        if self.words > self.limit {
            return;
        }
        self.hash = combine(self.hash, word);
        let flags = self.phrases.table.get(self.hash);
        match flags & SEQ_CLASS {
            0 => {}
            SEQ_CONTROL => self.control_at = self.words,
            SEQ_LEAD_IN => self.found.prefix = Some((Class::LeadIn, self.words as u8)),
            _ => self.found.prefix = Some((Class::Boilerplate, self.words as u8)),
        }
        if flags & SEQ_CREDIT != 0 && self.words <= CREDIT_MAX_WORDS {
            self.found.flags |= MATCH_CREDIT;
        }
        if flags & SEQ_GOES_ON == 0 {
            // no phrase starts with these words: none can match further on
            self.limit = 0;
        }
    }

    /// Reads a line's words, `total` of them, from the first (their hashes): only as many
    /// as may begin a phrase are looked up. The same as pushing every word, without a test
    /// per word of the line (whether the next word is still looked up changes within a
    /// line, which a branch predictor misses once a line).
    #[inline]
    pub fn read_line(&mut self, mut hashes: impl Iterator<Item = u64>, total: usize) {
        while self.words < self.limit.min(total) {
            let Some(h) = hashes.next() else { break };
            self.push(h);
        }
        // `push` skips the words past the limit, counting them
        self.words = total;
    }

    /// The verdict once every word was pushed; `text` is only read for scripts without
    /// spaces.
    #[inline]
    pub fn finish(mut self, text: &str, cjk: bool) -> PhraseMatch {
        if let Some((class, covered)) = self.found.prefix {
            if covered as usize == self.words {
                self.found.whole = Some(class);
            }
        }
        if self.words > 0 && self.control_at == self.words {
            self.found.flags |= MATCH_CONTROL;
        }
        if cjk {
            self.found.unspaced = self.phrases.unspaced(text);
        }
        self.found
    }
}

/// A credit prefix has at most this many words (a prefix written without spaces, one
/// word per character: "イメージ写真").
const CREDIT_MAX_WORDS: usize = 6;

pub(crate) static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let mut whole: HashMapU64<Class> = HashMapU64::default();
    let mut credits: HashMapU64<()> = HashMapU64::default();
    let mut abbreviations = HashMapU64::default();
    let mut max_words = 1;
    let mut unspaced = Vec::new();
    let mut buf = String::new();
    for lang in LANGUAGES {
        for p in lang.boilerplate {
            max_words = max_words.max(tokens(p).count());
            whole.entry(hash_words(p)).or_insert(Class::Boilerplate);
            // normalising drops and lowercases chars, never adds a CJK one: a phrase
            // without one is not normalised (most of them: the building costs less)
            if !p.chars().any(crate::features::is_cjk) {
                continue;
            }
            normalise(p, &mut buf);
            if buf.chars().any(crate::features::is_cjk) && buf.chars().count() >= 2 {
                unspaced.push((buf.clone(), Class::Boilerplate));
            }
        }
        // lead-ins win over boilerplate when a phrase is in both lists
        for p in lang.lead_ins {
            max_words = max_words.max(tokens(p).count());
            whole.insert(hash_words(p), Class::LeadIn);
        }
        for p in lang.credit_prefixes {
            // a prefix written without spaces is one word per character ("责任编辑：")
            max_words = max_words.max(tokens(p).count());
            credits.insert(hash_words(p), ());
        }
        for a in lang.abbreviations {
            abbreviations.insert(hash_lower(&a.replace('.', "")), ());
        }
    }
    // a control that is also a boilerplate phrase or a lead-in stays one (a prefix too)
    for lang in LANGUAGES {
        for p in lang.controls {
            max_words = max_words.max(tokens(p).count());
            whole.entry(hash_words(p)).or_insert(Class::Control);
        }
    }
    // the lookup table: each phrase and credit prefix, and the first words of each
    let mut flags: HashMapU64<u8> = HashMapU64::default();
    for (&hash, &class) in &whole {
        *flags.entry(hash).or_insert(0) |= match class {
            Class::LeadIn => SEQ_LEAD_IN,
            Class::Boilerplate => SEQ_BOILERPLATE,
            Class::Control => SEQ_CONTROL,
        };
    }
    for &hash in credits.keys() {
        *flags.entry(hash).or_insert(0) |= SEQ_CREDIT;
    }
    for lang in LANGUAGES {
        let phrases = lang
            .boilerplate
            .iter()
            .chain(lang.lead_ins)
            .chain(lang.controls);
        for p in phrases.chain(lang.credit_prefixes) {
            let words: Vec<u64> = tokens(p).map(|t| t.hash).collect();
            let mut hash = FNV_OFFSET;
            for &w in words.iter().take(words.len().saturating_sub(1)) {
                hash = combine(hash, w);
                *flags.entry(hash).or_insert(0) |= SEQ_GOES_ON;
            }
        }
    }
    let mut unspaced_by_first: std::collections::HashMap<char, Vec<usize>> = Default::default();
    for (i, (p, _)) in unspaced.iter().enumerate() {
        if let Some(c) = p.chars().next() {
            unspaced_by_first.entry(c).or_default().push(i);
        }
    }
    Phrases {
        table: SeqTable::new(&flags),
        unspaced_by_first,
        abbreviations,
        max_words,
        unspaced,
    }
});

/// Every language's subscription words (`Language::subscription_words`), one word each
/// as the tokenizer hashes it: a 4,096-bit filter (about 130 words set 3 % of it) in front
/// of their sorted hashes, so that most words of a page, no subscription word, are told
/// by one bit (a binary search for each cost 2.8 % of the text mode's instructions on the
/// scrapinghub dumps).
pub(crate) struct SubscriptionWords {
    bits: [u64; SUBSCRIPTION_FILTER_WORDS],
    sorted: Vec<u64>,
}

const SUBSCRIPTION_FILTER_BITS: u32 = 12;
const SUBSCRIPTION_FILTER_WORDS: usize = (1 << SUBSCRIPTION_FILTER_BITS) / 64;

impl SubscriptionWords {
    #[inline]
    fn bucket(hash: u64) -> usize {
        (hash.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> (64 - SUBSCRIPTION_FILTER_BITS)) as usize
    }
}

static SUBSCRIPTION_WORDS: LazyLock<SubscriptionWords> = LazyLock::new(|| {
    let mut sorted: Vec<u64> = LANGUAGES
        .iter()
        .flat_map(|lang| lang.subscription_words)
        .flat_map(|w| tokens(w).map(|t| t.hash))
        .collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut bits = [0u64; SUBSCRIPTION_FILTER_WORDS];
    for &h in &sorted {
        let i = SubscriptionWords::bucket(h);
        bits[i >> 6] |= 1 << (i & 63);
    }
    SubscriptionWords { bits, sorted }
});

/// The lexicon's subscription words (built on first use).
pub(crate) fn subscription_words() -> &'static SubscriptionWords {
    &SUBSCRIPTION_WORDS
}

impl SubscriptionWords {
    /// Whether a word (by hash) names subscribing in a language of the lexicon
    /// ("newsletter", "subscribe", "abonnez", "nieuwsbrief").
    #[inline]
    pub(crate) fn holds(&self, hash: u64) -> bool {
        let i = SubscriptionWords::bucket(hash);
        self.bits[i >> 6] >> (i & 63) & 1 != 0 && self.sorted.binary_search(&hash).is_ok()
    }
}

/// Lowercases, drops punctuation and symbols (apostrophes inside words stay), collapses
/// whitespace. `"Related Articles :"` → `"related articles"`.
pub(crate) fn normalise(s: &str, out: &mut String) {
    out.clear();
    let mut pending = false;
    let mut prev_alnum = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_alphanumeric() {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c.to_ascii_lowercase());
            prev_alnum = true;
            continue;
        }
        let keep = c.is_alphanumeric()
            || (matches!(c, '\'' | '’')
                && prev_alnum
                && chars.peek().is_some_and(|n| n.is_alphanumeric()));
        if keep {
            if pending {
                out.push(' ');
                pending = false;
            }
            if c == '’' {
                out.push('\'');
            } else {
                out.extend(c.to_lowercase());
            }
        } else if !out.is_empty() {
            pending = true;
        }
        prev_alnum = c.is_alphanumeric();
    }
}

impl Phrases {
    /// A matcher for one text.
    pub(crate) fn matcher(&self) -> Matcher<'_> {
        Matcher {
            phrases: self,
            hash: FNV_OFFSET,
            words: 0,
            limit: self.max_words,
            control_at: 0,
            found: PhraseMatch::default(),
        }
    }

    /// For short lines of scripts written without spaces (Chinese, Japanese, Thai): the
    /// class of a phrase the line contains ("この記事をシェアする" holds "シェア").
    pub(crate) fn unspaced(&self, text: &str) -> Option<Class> {
        if text.chars().count() > UNSPACED_MAX_CHARS || self.unspaced.is_empty() {
            return None;
        }
        let mut normalised = String::new();
        normalise(text, &mut normalised);
        // the first phrase of the list found anywhere in the line: at each char, only the
        // phrases starting with it are tried
        let mut first: Option<usize> = None;
        for (at, c) in normalised.char_indices() {
            let Some(ids) = self.unspaced_by_first.get(&c) else {
                continue;
            };
            for &id in ids.iter().take_while(|&&id| first.is_none_or(|f| id < f)) {
                if normalised[at..].starts_with(self.unspaced[id].0.as_str()) {
                    first = Some(id);
                    break;
                }
            }
        }
        first.map(|id| self.unspaced[id].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_credit_prefix_fits_the_credit_length() {
        for lang in LANGUAGES {
            for p in lang.credit_prefixes {
                assert!(tokens(p).count() <= CREDIT_MAX_WORDS, "{p:?}");
            }
        }
    }

    #[test]
    fn normalises() {
        let mut s = String::new();
        normalise("  Related Articles : ", &mut s);
        assert_eq!(s, "related articles");
        normalise("» Don’t miss!", &mut s);
        assert_eq!(s, "don't miss");
    }

    fn matched(text: &str) -> PhraseMatch {
        let mut m = PHRASES.matcher();
        let mut cjk = false;
        for t in tokens(text) {
            m.push(t.hash);
            cjk |= t.cjk;
        }
        m.finish(text, cjk)
    }

    #[test]
    fn reading_a_line_is_pushing_its_words() {
        for text in [
            "Lire aussi :",
            "Read more",
            "Read more about the new stadium plans",
            "Share this article on Facebook",
            "Photo: Jane Doe / Reuters",
            "Advertisement",
            "The council voted on Tuesday.",
            "",
            "この記事をシェアする",
        ] {
            let hashes: Vec<u64> = tokens(text).map(|t| t.hash).collect();
            let cjk = tokens(text).any(|t| t.cjk);
            let mut m = PHRASES.matcher();
            m.read_line(hashes.iter().copied(), hashes.len());
            assert_eq!(m.finish(text, cjk), matched(text), "{text}");
        }
    }

    #[test]
    fn finds_phrases() {
        assert_eq!(matched("Lire aussi :").whole, Some(Class::LeadIn));
        assert_eq!(
            matched("Read also: Some headline here").prefix.map(|p| p.0),
            Some(Class::LeadIn)
        );
        assert_eq!(matched("ADVERTISEMENT").whole, Some(Class::Boilerplate));
        assert_eq!(matched("Don’t miss").whole, Some(Class::LeadIn));
        assert!(matched("Photo: Jane Doe / Reuters").credit());
    }

    #[test]
    fn unspaced_finds_the_first_phrase_of_the_list() {
        let p = &*PHRASES;
        let naive = |text: &str| {
            let mut n = String::new();
            normalise(text, &mut n);
            p.unspaced
                .iter()
                .find(|(q, _)| n.contains(q.as_str()))
                .map(|&(_, c)| c)
        };
        assert!(!p.unspaced.is_empty());
        for (q, _) in &p.unspaced {
            for text in [
                q.clone(),
                format!("記事{q}"),
                format!("{q}を"),
                format!("一{q}二"),
            ] {
                if text.chars().count() <= UNSPACED_MAX_CHARS {
                    assert_eq!(p.unspaced(&text), naive(&text), "{text}");
                }
            }
        }
        assert_eq!(p.unspaced("東京で会議"), naive("東京で会議"));
    }

    #[test]
    fn finds_phrases_of_scripts_with_marks_and_joiners() {
        // Devanagari: a nukta letter, typed decomposed (NFC) or precomposed
        assert_eq!(
            matched("यह भी पढ़ें: नया बजट").prefix,
            Some((Class::LeadIn, 3))
        );
        assert_eq!(matched("ये भी प\u{95D}ें").whole, Some(Class::LeadIn));
        // Bengali: a virama and a nukta letter
        assert_eq!(matched("সম্পর্কিত খবর").whole, Some(Class::LeadIn));
        assert_eq!(matched("আরও পড়ুন").whole, Some(Class::LeadIn));
        // Persian: a zero-width non-joiner or a space between the parts of a word
        assert_eq!(matched("تازه\u{200C}ترین اخبار").whole, Some(Class::LeadIn));
        assert_eq!(matched("تازه ترین اخبار").whole, Some(Class::LeadIn));
        assert_eq!(
            matched("کد خبر: ۴۵۶۱۲").prefix,
            Some((Class::Boilerplate, 2))
        );
        // Hebrew, right to left
        assert_eq!(matched("קראו גם:").whole, Some(Class::LeadIn));
        assert_eq!(matched("פרסומת").whole, Some(Class::Boilerplate));
        // Bulgarian: a hyphenated word is two
        assert_eq!(matched("Най-четени").whole, Some(Class::LeadIn));
    }

    #[test]
    fn controls_match_whole_lines_only() {
        assert!(matched("Add to cart").control());
        assert!(matched("- Reply with quote").control());
        assert!(matched("In den Warenkorb").control());
        assert!(matched("Click to expand...").control());
        assert!(!matched("Add to cart the eggs last, or they break").control());
        assert!(!matched("Sort by date").control());
        assert_eq!(matched("Add to cart").whole, None);
    }
}
