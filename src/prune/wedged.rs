//! Keyword fragments wedged between two sentences inside a paragraph:
//! "…de la sécurité. à Ouagadougou Les deux parties…" loses "à Ouagadougou".
//!
//! The shape: a sentence ends, then a short run of words starting with a lowercase letter
//! (which no sentence does), then a capitalised word that starts the next sentence. The
//! fragment must name something the article talks about (a capitalised word or a word
//! the article's prose repeats): SEO tools wedge the page's keywords. Scripts without
//! letter case never match, so the rule cannot misfire there.

use super::phrases::PHRASES;
use super::{Ctx, Rule};
use crate::block::{Block, Kind};
use crate::features::{hash_lower, tokens};
use regex::Regex;
use std::sync::LazyLock;

/// Cuts keyword fragments wedged between sentences.
pub struct Wedged;

/// A wedged fragment has at most this many words.
const MAX_FRAGMENT_WORDS: usize = 5;

/// a sentence end followed by a word starting with a lowercase letter (not after a
/// closing quote: `.” said Smith` is an attribution)
static WEDGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{L}{2,})(?:[.!?]|[\s\u{a0}\u{202f}][!?])\s+\p{Ll}").expect("valid regex")
});

impl Rule for Wedged {
    fn name(&self) -> &'static str {
        "wedged"
    }
    fn doc(&self) -> &'static str {
        "keyword fragments wedged between two sentences inside a paragraph"
    }
    fn apply(&self, blocks: &mut [Block], ctx: &Ctx<'_>) {
        for b in blocks.iter_mut().filter(|b| b.kept()) {
            if b.kind == Kind::Heading || b.features.sentences < 2 || !may_wedge(&b.text) {
                continue;
            }
            let mut cuts: Vec<(usize, usize)> = Vec::new();
            let mut from = 0;
            while let Some(c) = WEDGE.captures_at(&b.text, from) {
                let (Some(whole), Some(word)) = (c.get(0), c.get(1)) else {
                    break;
                };
                from = whole.end();
                if PHRASES
                    .abbreviations
                    .contains_key(&hash_lower(word.as_str()))
                {
                    continue;
                }
                let frag_start = whole.end()
                    - b.text[..whole.end()]
                        .chars()
                        .next_back()
                        .map_or(0, char::len_utf8);
                if let Some(end) = keyword_fragment(&b.text[frag_start..], ctx) {
                    cuts.push((frag_start, frag_start + end));
                    from = frag_start + end;
                }
            }
            if cuts.is_empty() {
                continue;
            }
            let mut text = String::with_capacity(b.text.len());
            let mut last = 0;
            for &(s, e) in &cuts {
                b.cuts.push(b.text[s..e].trim_end().to_string());
                text.push_str(&b.text[last..s]);
                last = e;
            }
            text.push_str(&b.text[last..]);
            b.text = text;
        }
    }
}

/// Whether [`WEDGE`] may match in `text`: a `.`, `!` or `?` followed by white space, then
/// a lowercase letter (`char::is_lowercase` holds every `\p{Ll}`, `trim_start` strips the
/// same white space as `\s`). A memchr scan that spares most paragraphs the regex.
fn may_wedge(text: &str) -> bool {
    memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()).any(|i| {
        let rest = &text[i + 1..];
        let next = rest.trim_start();
        next.len() < rest.len() && next.chars().next().is_some_and(char::is_lowercase)
    })
}

/// Where the wedged fragment at the start of `rest` ends (byte offset of the next
/// sentence's first word), if `rest` starts with one: up to [`MAX_FRAGMENT_WORDS`] words
/// without punctuation, the last a name or a word the article repeats, the next one
/// capitalised. The shortest such fragment wins.
fn keyword_fragment(rest: &str, ctx: &Ctx<'_>) -> Option<usize> {
    let toks: Vec<_> = tokens(rest).take(MAX_FRAGMENT_WORDS + 2).collect();
    for i in 1..toks.len().min(MAX_FRAGMENT_WORDS + 1) {
        // only spaces between the words of a fragment
        if !rest[toks[i - 1].end..toks[i].start]
            .chars()
            .all(char::is_whitespace)
        {
            return None;
        }
        let (prev, t) = (toks[i - 1], toks[i]);
        let keyword = prev.upper_initial || (prev.chars >= 4 && ctx.topic.count(prev.hash) >= 3);
        // the next sentence starts with a capitalised word followed by a lowercase one
        // ("Les deux"), not with a name inside the fragment ("Finistère Les")
        let starts_sentence = t.upper_initial && toks.get(i + 1).is_none_or(|n| !n.upper_initial);
        if keyword && starts_sentence {
            return Some(t.start);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefilter_passes_every_match() {
        for text in [
            "de la sécurité. à Ouagadougou Les deux",
            "It rained!  then it stopped.",
            "Vraiment ?\u{a0}oui",
            "Done.\u{2003}élan",
            "Ends here. Then More. And \"quoted.\" no",
            "A plain sentence. Another one.",
            "Nothing to see",
        ] {
            if WEDGE.is_match(text) {
                assert!(may_wedge(text), "{text:?}");
            }
        }
        assert!(!may_wedge("A plain sentence. Another one."));
        assert!(may_wedge("de la sécurité. à Ouagadougou Les deux"));
    }
}
