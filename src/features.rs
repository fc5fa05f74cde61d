//! Tokens, language guess, per-block features and the article's vocabulary.
//!
//! Everything here is linear in the input and allocation-light: tokens are never
//! materialised as strings; a token is identified by a 64-bit hash of its lowercase form.

use crate::block::{Block, Kind};
use crate::lexicon::{Language, LANGUAGES};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub(crate) struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}
pub(crate) type HashMapU64<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Characters written without spaces between words: each one counts as a token.
#[inline]
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Ext A
        | 0x4E00..=0x9FFF // CJK Unified
        | 0xF900..=0xFAFF // CJK Compatibility
        | 0x20000..=0x2FA1F
        | 0x0E00..=0x0E7F // Thai
        | 0x0E80..=0x0EFF // Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
    )
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    // General Punctuation (curly quotes, dashes, ellipsis): common in prose, never a
    // word char; skip the Unicode table lookup
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return false;
    }
    c.is_alphanumeric()
}

/// One token: byte range and hash of its lowercase form.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub hash: u64,
    /// Number of chars.
    pub chars: u32,
    pub upper_initial: bool,
    pub numeric: bool,
    pub cjk: bool,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[inline]
fn mix(h: u64, c: char) -> u64 {
    (h ^ c as u64).wrapping_mul(FNV_PRIME)
}

/// Hash of a string's lowercase form, as tokens are hashed.
pub(crate) fn hash_lower(s: &str) -> u64 {
    let mut h = FNV_OFFSET;
    for c in s.chars() {
        if c.is_ascii() {
            h = mix(h, c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                h = mix(h, l);
            }
        }
    }
    h
}

/// Iterates over the word tokens of `text`.
pub(crate) fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

pub(crate) struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Tokens<'_> {
    type Item = Token;
    fn next(&mut self) -> Option<Token> {
        let rest = &self.text[self.pos..];
        let mut iter = rest.char_indices();
        // skip to the first word char
        let (off, first) = loop {
            let (i, c) = iter.next()?;
            if is_word_char(c) {
                break (i, c);
            }
        };
        let start = self.pos + off;
        let mut h = FNV_OFFSET;
        let push = |h: u64, c: char| -> u64 {
            if c.is_ascii() {
                mix(h, c.to_ascii_lowercase())
            } else {
                c.to_lowercase().fold(h, mix)
            }
        };
        h = push(h, first);
        let upper_initial = first.is_uppercase();
        let mut numeric = first.is_numeric();
        if is_cjk(first) {
            let end = start + first.len_utf8();
            self.pos = end;
            return Some(Token {
                start,
                end,
                hash: h,
                chars: 1,
                upper_initial: false,
                numeric: false,
                cjk: true,
            });
        }
        let mut end = start + first.len_utf8();
        let mut chars = 1;
        for (i, c) in iter {
            // an apostrophe or hyphen between letters stays inside the token (don't, l'homme
            // splits at the apostrophe though: l' is a stopword in French)
            if is_word_char(c) && !is_cjk(c) {
                h = push(h, c);
                numeric &= c.is_numeric();
                chars += 1;
                end = self.pos + i + c.len_utf8();
            } else {
                break;
            }
        }
        self.pos = end;
        Some(Token {
            start,
            end,
            hash: h,
            chars,
            upper_initial,
            numeric,
            cjk: false,
        })
    }
}

/// Stopword hash → bit set of the languages that list it.
static STOPWORDS: LazyLock<HashMapU64<u64>> = LazyLock::new(|| {
    let mut map: HashMapU64<u64> = HashMapU64::default();
    for (i, lang) in LANGUAGES.iter().enumerate().take(64) {
        for w in lang.stopwords {
            *map.entry(hash_lower(w)).or_default() |= 1u64 << i;
        }
    }
    map
});

/// Forces the construction of the lexicon tables (so the first call pays no extra).
pub(crate) fn warm_up() {
    LazyLock::force(&STOPWORDS);
}

/// The language of the page, as far as stopwords tell.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lang {
    /// Index in [`LANGUAGES`], or `None` when no stoplist fits.
    pub index: Option<usize>,
}

impl Lang {
    pub fn language(&self) -> Option<&'static Language> {
        self.index.map(|i| LANGUAGES[i])
    }
    fn bit(&self) -> u64 {
        self.index.map_or(0, |i| 1u64 << i)
    }
}

/// Tokens looked at to guess the language.
const LANG_SAMPLE_TOKENS: usize = 4000;
/// Fewer stopword hits than this: the language stays unknown.
const LANG_MIN_HITS: u32 = 3;

/// Guesses the language from the stopwords of the longer blocks.
pub(crate) fn guess_language(blocks: &[Block]) -> Lang {
    let mut hits = [0u32; 64];
    let mut seen = 0usize;
    // longer blocks first: navigation says little about the language
    for pass in 0..2 {
        for b in blocks {
            let long = b.text.len() >= 80;
            if (pass == 0) != long {
                continue;
            }
            for t in tokens(&b.text) {
                seen += 1;
                if let Some(&mask) = STOPWORDS.get(&t.hash) {
                    let mut m = mask;
                    while m != 0 {
                        let i = m.trailing_zeros() as usize;
                        hits[i] += 1;
                        m &= m - 1;
                    }
                }
                if seen >= LANG_SAMPLE_TOKENS {
                    break;
                }
            }
            if seen >= LANG_SAMPLE_TOKENS {
                break;
            }
        }
    }
    let (best, &n) = hits
        .iter()
        .enumerate()
        .take(LANGUAGES.len())
        .max_by_key(|&(i, n)| (*n, std::cmp::Reverse(i)))
        .unwrap_or((0, &0));
    Lang {
        index: (n >= LANG_MIN_HITS).then_some(best),
    }
}

/// Fills [`Block::features`] (all but `overlap`).
pub(crate) fn compute(blocks: &mut [Block], lang: Lang) {
    let bit = lang.bit();
    for b in blocks.iter_mut() {
        let mut f = crate::block::Features {
            overlap: -1.0,
            ..Default::default()
        };
        for t in tokens(&b.text) {
            f.words += 1;
            if t.upper_initial {
                f.capitalised += 1;
            }
            let stop = bit != 0 && STOPWORDS.get(&t.hash).is_some_and(|m| m & bit != 0);
            if stop {
                f.stopwords += 1;
            } else if is_content(&t) {
                f.content_words += 1;
            }
        }
        let (ends, sentences) = sentence_shape(&b.text);
        f.ends_sentence = ends;
        f.sentences = sentences;
        f.ends_colon = b.text.trim_end().ends_with([':', '：']);
        b.features = f;
    }
}

#[inline]
fn is_content(t: &Token) -> bool {
    !t.numeric && (t.cjk || t.chars >= 3)
}

/// Closing characters that may follow a sentence end.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '«' | ')' | ']' | '」' | '』' | '）' | '›' | '*'
    )
}

fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '。' | '！' | '？' | '…' | '।' | '؟' | '۔' | '።' | '‼' | '⁉'
    )
}

/// Whether the text ends like a sentence, and how many sentence ends it holds.
pub(crate) fn sentence_shape(text: &str) -> (bool, u32) {
    let mut ends = 0u32;
    let mut prev_terminal = false;
    let mut prev_char = ' ';
    for c in text.chars() {
        if is_terminal(c) {
            // a period between two digits or letters is not a sentence end (3.5, e.g)
            prev_terminal = true;
        } else if prev_terminal {
            if c.is_whitespace() || is_cjk(c) {
                ends += 1;
            }
            prev_terminal = false;
        }
        prev_char = c;
    }
    let _ = prev_char;
    let trimmed = text.trim_end().trim_end_matches(is_closer);
    let ends_sentence = trimmed.chars().next_back().is_some_and(is_terminal);
    if ends_sentence {
        ends += 1;
    }
    (ends_sentence, ends)
}

/// The article's vocabulary: content-word hashes of the prose blocks still kept.
pub(crate) struct Topic {
    counts: HashMapU64<u32>,
}

impl Topic {
    /// Builds the vocabulary from kept prose blocks.
    pub fn from_blocks(blocks: &[Block], lang: Lang) -> Topic {
        let bit = lang.bit();
        let mut counts = HashMapU64::default();
        for b in blocks
            .iter()
            .filter(|b| b.kept() && b.is_prose() && b.kind != Kind::Heading)
        {
            for t in tokens(&b.text) {
                if !is_content(&t) {
                    continue;
                }
                if bit != 0 && STOPWORDS.get(&t.hash).is_some_and(|m| m & bit != 0) {
                    continue;
                }
                *counts.entry(t.hash).or_insert(0) += 1;
            }
        }
        Topic { counts }
    }

    /// Whether the vocabulary holds enough text to judge topics.
    pub fn is_informative(&self) -> bool {
        self.counts.len() >= 20
    }

    /// How often the word (by hash) appears in the article's prose.
    pub fn count(&self, hash: u64) -> u32 {
        self.counts.get(&hash).copied().unwrap_or(0)
    }

    /// Share of the content words of `text` that the article's prose uses (0–1); 1.0 when
    /// the text has no content words.
    pub fn overlap(&self, text: &str, lang: Lang) -> f32 {
        let bit = lang.bit();
        let (mut n, mut hit) = (0u32, 0u32);
        for t in tokens(text) {
            if !is_content(&t) {
                continue;
            }
            if bit != 0 && STOPWORDS.get(&t.hash).is_some_and(|m| m & bit != 0) {
                continue;
            }
            n += 1;
            if self.counts.contains_key(&t.hash) {
                hit += 1;
            }
        }
        if n == 0 {
            1.0
        } else {
            hit as f32 / n as f32
        }
    }

    /// Fills `features.overlap` for every kept block that is not prose (prose gets 1.0);
    /// the rules never read it on dropped blocks.
    pub fn annotate(&self, blocks: &mut [Block], lang: Lang) {
        for b in blocks.iter_mut().filter(|b| b.kept()) {
            b.features.overlap = if b.is_prose() && b.kind != Kind::Heading {
                1.0
            } else {
                self.overlap(&b.text, lang)
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_words_and_cjk() {
        let t: Vec<_> = tokens("Hello, wörld! 東京で 42")
            .map(|t| &"Hello, wörld! 東京で 42"[t.start..t.end])
            .collect();
        assert_eq!(t, ["Hello", "wörld", "東", "京", "で", "42"]);
    }

    #[test]
    fn hash_is_case_blind() {
        let a = tokens("Élan").next().unwrap().hash;
        assert_eq!(a, hash_lower("élan"));
        assert_eq!(a, hash_lower("ÉLAN"));
    }

    #[test]
    fn sentence_shape_reads_ends() {
        assert_eq!(sentence_shape("He said so. Then left.”"), (true, 2));
        assert!(!sentence_shape("A headline without end").0);
        assert!(sentence_shape("東京で会議が開かれた。").0);
    }
}
