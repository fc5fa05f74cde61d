//! Lexicon phrases compiled once into lookup tables, and the line normalisation that
//! matching uses: lowercase, punctuation and symbols trimmed, inner punctuation dropped,
//! spaces collapsed.

use crate::features::{hash_lower, mix_lower, FNV_OFFSET};
use crate::features::HashMapU64;
use crate::lexicon::LANGUAGES;
use std::sync::LazyLock;

/// Lines of scripts without spaces longer than this are not searched for phrases.
const UNSPACED_MAX_CHARS: usize = 16;

/// What a phrase of the lexicon is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    LeadIn,
    Boilerplate,
}

pub(crate) struct Phrases {
    /// hash of normalised phrase → class
    whole: HashMapU64<Class>,
    /// hashes of credit prefixes (normalised, colon dropped), with their word counts
    credits: HashMapU64<()>,
    /// abbreviations (lowercase, inner periods kept)
    pub(crate) abbreviations: HashMapU64<()>,
    /// the longest phrase, in words
    max_words: usize,
    /// phrases of scripts written without spaces (normalised), with their class
    unspaced: Vec<(String, Class)>,
}

pub(crate) static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let mut whole = HashMapU64::default();
    let mut credits = HashMapU64::default();
    let mut abbreviations = HashMapU64::default();
    let mut max_words = 1;
    let mut unspaced = Vec::new();
    let mut buf = String::new();
    for lang in LANGUAGES {
        for p in lang.boilerplate {
            normalise(p, &mut buf);
            max_words = max_words.max(buf.split(' ').count());
            whole.entry(hash_lower(&buf)).or_insert(Class::Boilerplate);
            if buf.chars().any(crate::features::is_cjk) && buf.chars().count() >= 2 {
                unspaced.push((buf.clone(), Class::Boilerplate));
            }
        }
        // lead-ins win over boilerplate when a phrase is in both lists
        for p in lang.lead_ins {
            normalise(p, &mut buf);
            max_words = max_words.max(buf.split(' ').count());
            whole.insert(hash_lower(&buf), Class::LeadIn);
        }
        for p in lang.credit_prefixes {
            normalise(p, &mut buf);
            credits.insert(hash_lower(&buf), ());
        }
        for a in lang.abbreviations {
            abbreviations.insert(hash_lower(a.trim_end_matches('.')), ());
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
    /// The class of a whole line, if the whole line is a lexicon phrase.
    pub(crate) fn whole_line(&self, normalised: &str) -> Option<Class> {
        if normalised.is_empty() || normalised.split(' ').count() > self.max_words {
            return None;
        }
        self.whole.get(&hash_lower(normalised)).copied()
    }

    /// The class of the longest phrase the normalised line starts with, and the number of
    /// words it covers.
    pub(crate) fn prefix(&self, normalised: &str) -> Option<(Class, usize)> {
        // the hash of each prefix is the running hash at the space that ends it
        let mut best = None;
        let mut words = 0;
        let mut h = FNV_OFFSET;
        for c in normalised.chars() {
            if c == ' ' {
                words += 1;
                if let Some(&class) = self.whole.get(&h) {
                    best = Some((class, words));
                }
                if words >= self.max_words {
                    return best;
                }
            }
            h = mix_lower(h, c);
        }
        if let Some(&class) = self.whole.get(&h) {
            best = Some((class, words + 1));
        }
        best
    }

    /// For short lines of scripts written without spaces (Chinese, Japanese, Thai): the
    /// class of a phrase the line contains ("この記事をシェアする" holds "シェア").
    pub(crate) fn unspaced(&self, normalised: &str) -> Option<Class> {
        if normalised.chars().count() > UNSPACED_MAX_CHARS
            || !normalised.chars().any(crate::features::is_cjk)
        {
            return None;
        }
        self.unspaced
            .iter()
            .find(|(p, _)| normalised.contains(p.as_str()))
            .map(|&(_, c)| c)
    }

    /// Whether the normalised line starts with a credit prefix ("photo", "foto", "crédit
    /// photo"…) of up to three words.
    pub(crate) fn starts_with_credit(&self, normalised: &str) -> bool {
        let mut words = 0;
        let mut h = FNV_OFFSET;
        for c in normalised.chars() {
            if c == ' ' {
                words += 1;
                if self.credits.contains_key(&h) {
                    return true;
                }
                if words >= 3 {
                    return false;
                }
            }
            h = mix_lower(h, c);
        }
        false
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

    #[test]
    fn finds_phrases() {
        let mut s = String::new();
        normalise("Lire aussi :", &mut s);
        assert_eq!(PHRASES.whole_line(&s), Some(Class::LeadIn));
        normalise("Read also: Some headline here", &mut s);
        assert_eq!(PHRASES.prefix(&s).map(|p| p.0), Some(Class::LeadIn));
        normalise("ADVERTISEMENT", &mut s);
        assert_eq!(PHRASES.whole_line(&s), Some(Class::Boilerplate));
    }
}
