//! Lexicon phrases compiled once into lookup tables, and the line normalisation that
//! matching uses: lowercase, punctuation and symbols trimmed, inner punctuation dropped,
//! spaces collapsed.

use crate::features::HashMapU64;
use crate::features::{combine, hash_lower, hash_words, tokens, FNV_OFFSET};
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
    /// word-sequence hash of a phrase → class
    whole: HashMapU64<Class>,
    /// word-sequence hashes of credit prefixes
    credits: HashMapU64<()>,
    /// abbreviations (hash of the lowercase form, inner periods dropped)
    pub(crate) abbreviations: HashMapU64<()>,
    /// the longest phrase, in words
    max_words: usize,
    /// phrases of scripts written without spaces (normalised), with their class
    unspaced: Vec<(String, Class)>,
}

/// What the lexicon says of one block's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct PhraseMatch {
    /// The whole text is a phrase of this class.
    pub whole: Option<Class>,
    /// The text starts with a phrase of this class covering this many words (the longest).
    pub prefix: Option<(Class, u8)>,
    /// The text starts with a credit prefix ("Photo:", "Foto:").
    pub credit: bool,
    /// The whole text is the label of an interface control ("Add to cart", "Reply with
    /// quote"); never said of a line that only starts with one.
    pub control: bool,
    /// A short text of a script without spaces contains a phrase of this class.
    pub unspaced: Option<Class>,
}

/// Feeds a block's word hashes one by one and says which phrases they form.
pub(crate) struct Matcher<'a> {
    phrases: &'a Phrases,
    hash: u64,
    words: usize,
    /// the word count at which the words so far last formed a control label
    control_at: usize,
    found: PhraseMatch,
}

impl Matcher<'_> {
    /// The next word of the text.
    #[inline]
    pub fn push(&mut self, word: u64) {
        self.words += 1;
        if self.words > self.phrases.max_words {
            return;
        }
        self.hash = combine(self.hash, word);
        match self.phrases.whole.get(&self.hash) {
            Some(&Class::Control) => self.control_at = self.words,
            Some(&class) => self.found.prefix = Some((class, self.words as u8)),
            None => {}
        }
        if self.words <= CREDIT_MAX_WORDS && self.phrases.credits.contains_key(&self.hash) {
            self.found.credit = true;
        }
    }

    /// The verdict once every word was pushed; `text` is only read for scripts without
    /// spaces.
    pub fn finish(mut self, text: &str, cjk: bool) -> PhraseMatch {
        if let Some((class, covered)) = self.found.prefix {
            if covered as usize == self.words {
                self.found.whole = Some(class);
            }
        }
        self.found.control = self.words > 0 && self.control_at == self.words;
        if cjk {
            self.found.unspaced = self.phrases.unspaced(text);
        }
        self.found
    }
}

/// A credit prefix has at most this many words.
const CREDIT_MAX_WORDS: usize = 3;

pub(crate) static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let mut whole = HashMapU64::default();
    let mut credits = HashMapU64::default();
    let mut abbreviations = HashMapU64::default();
    let mut max_words = 1;
    let mut unspaced = Vec::new();
    let mut buf = String::new();
    for lang in LANGUAGES {
        for p in lang.boilerplate {
            max_words = max_words.max(tokens(p).count());
            whole.entry(hash_words(p)).or_insert(Class::Boilerplate);
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
    Phrases {
        whole,
        credits,
        abbreviations,
        max_words,
        unspaced,
    }
});

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
        self.unspaced
            .iter()
            .find(|(p, _)| normalised.contains(p.as_str()))
            .map(|&(_, c)| c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn finds_phrases() {
        assert_eq!(matched("Lire aussi :").whole, Some(Class::LeadIn));
        assert_eq!(
            matched("Read also: Some headline here").prefix.map(|p| p.0),
            Some(Class::LeadIn)
        );
        assert_eq!(matched("ADVERTISEMENT").whole, Some(Class::Boilerplate));
        assert_eq!(matched("Don’t miss").whole, Some(Class::LeadIn));
        assert!(matched("Photo: Jane Doe / Reuters").credit);
    }

    #[test]
    fn controls_match_whole_lines_only() {
        assert!(matched("Add to cart").control);
        assert!(matched("- Reply with quote").control);
        assert!(matched("In den Warenkorb").control);
        assert!(matched("Click to expand...").control);
        assert!(!matched("Add to cart the eggs last, or they break").control);
        assert!(!matched("Sort by date").control);
        assert_eq!(matched("Add to cart").whole, None);
    }
}
