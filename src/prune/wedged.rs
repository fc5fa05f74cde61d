//! Keyword fragments wedged between two sentences inside a paragraph:
//! "…de la sécurité. à Ouagadougou Les deux parties…" loses "à Ouagadougou".
//!
//! The shape: a sentence ends, then a short run of words starting with a lowercase letter
//! (which no sentence does), then a capitalised word that starts the next sentence. The
//! fragment must name something the article talks about (a capitalised word or a word
//! the article's prose repeats): SEO tools wedge the page's keywords.
//!
//! A fragment may also start with a capital letter, as a sentence does ("…пик. Казань
//! новости В ближайшие два года…"): then the word after it must be a function word of the
//! page's language written with a capital, which only a sentence's start does (see
//! `sentence_starts`).
//!
//! Chinese and Japanese have no letter case but need no spaces either, so there the shape
//! is the spaces: after a sentence end (`。`, `！`, `？`), two to five short words each
//! followed by a space ("…を発表した。東京 防災 計画 また、…"), in a paragraph that uses
//! no other space between two such characters, one word at least made of characters the
//! article's prose uses elsewhere. One spaced word alone is not enough (a Japanese name is often
//! written "山田 太郎").

use super::phrases::PHRASES;
use super::{Ctx, Rule};
use crate::block::{Block, Kind};
use crate::features::{
    hash_lower, is_han_or_kana as unspaced, stopword_in_no_language, tokens, Token,
};
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
            if b.kind == Kind::Heading || b.features.sentences < 2 {
                continue;
            }
            let mut cuts: Vec<(usize, usize)> = Vec::new();
            if may_wedge_unspaced(&b.text) {
                unspaced_fragments(&b.text, ctx, &mut cuts);
            }
            // a capitalised fragment and the next sentence's capitalised first word count
            // as one sentence with two capitals: more capitals than sentences
            let capitalised = (ctx.lang.index.is_some()
                && b.features.capitalised > b.features.sentences)
                .then_some(ctx);
            let lowercase = sentence_starts(&b.text, capitalised, &mut cuts);
            let mut from = 0;
            while let Some(c) = lowercase
                .then(|| WEDGE.captures_at(&b.text, from))
                .flatten()
            {
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
            cuts.sort_unstable();
            let mut text = String::with_capacity(b.text.len());
            let mut last = 0;
            for &(s, e) in &cuts {
                // the shapes never overlap (a Latin fragment holds no `。`, a spaced
                // run no lowercase letter); a cut that would is skipped, not sliced
                if s < last {
                    continue;
                }
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
#[cfg(test)]
fn may_wedge(text: &str) -> bool {
    sentence_starts(text, None, &mut Vec::new())
}

/// Most words in a wedged fragment that starts with a capital letter.
const MAX_CAPITALISED_FRAGMENT_WORDS: usize = 4;
/// Most candidates per paragraph whose next sentence's first word is looked up in the
/// whole paragraph (each look-up reads it all).
const MAX_LOWERCASE_CHECKS: usize = 4;

/// One scan of a paragraph's sentence starts (a `.`, `!` or `?`, white space, a letter):
/// whether one starts with a lowercase letter (where [`WEDGE`] may match: the regex then
/// runs), and, given the context, pushes onto `cuts` every fragment wedged after a
/// sentence end that starts with a capital letter, as a sentence does ("…в часы пик.
/// Казань новости В ближайшие два года…", "…fényképeket. Lánchíd felújítás A
/// járókelők…"): what tells it from the sentence's own
/// first words is the word after it, a function word of the page's language written with
/// a capital (it opens the next sentence; inside a sentence it is written in lowercase,
/// and this paragraph writes it so as often: not "I"), followed by a lowercase word (not
/// a name: "Los Angeles"). The fragment itself holds two to four words, none a function
/// word in any language, one at least in lowercase (not a run of names), and nothing but
/// spaces between them.
fn sentence_starts(text: &str, ctx: Option<&Ctx<'_>>, cuts: &mut Vec<(usize, usize)>) -> bool {
    let (mut lowercase, mut checks) = (false, 0);
    for i in memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()) {
        let rest = &text[i + 1..];
        let next = rest.trim_start();
        let Some(first) = next.chars().next().filter(|_| next.len() < rest.len()) else {
            continue;
        };
        if first.is_lowercase() {
            lowercase = true;
            if ctx.is_none() {
                return true;
            }
            continue;
        }
        let Some(ctx) = ctx.filter(|_| first.is_uppercase() && checks < MAX_LOWERCASE_CHECKS)
        else {
            continue;
        };
        let Some((end, opener)) = capitalised_fragment(next, ctx) else {
            continue;
        };
        // a sentence's last word before it, not an initial or an abbreviation ("J. Smith",
        // "Dr."); and the word opening the next sentence written in lowercase as often,
        // read in at most a few places per paragraph (a wedge is rare; the paragraph is
        // not read again for every sentence)
        let mut from = i.saturating_sub(64);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let Some(last) = tokens(&text[from..i]).last() else {
            continue;
        };
        if last.chars < 2
            || last.numeric
            || from + last.end != i
            || PHRASES.abbreviations.contains_key(&last.hash)
        {
            continue;
        }
        checks += 1;
        if written_lowercase(text, &next[opener]) {
            let start = text.len() - next.len();
            cuts.push((start, start + end));
        }
    }
    lowercase
}

/// Where the capitalised fragment at the start of `rest` ends (the byte offset of the next
/// sentence's first word) and that word's byte range, if `rest` starts with one (see
/// [`sentence_starts`], which checks how the paragraph writes that word).
fn capitalised_fragment(rest: &str, ctx: &Ctx<'_>) -> Option<(usize, std::ops::Range<usize>)> {
    let mut toks = tokens(rest).take(MAX_CAPITALISED_FRAGMENT_WORDS + 2);
    let plain = |t: &Token| !t.numeric && !t.cjk && stopword_in_no_language(t.hash);
    let spaced = |a: &Token, b: &Token| rest[a.end..b.start].chars().all(char::is_whitespace);
    let first = toks.next()?;
    if first.start != 0 || !first.upper_initial || !plain(&first) {
        return None;
    }
    let (mut prev, mut t) = (first, toks.next()?);
    let mut lowercase = false;
    for words in 1..=MAX_CAPITALISED_FRAGMENT_WORDS {
        if !spaced(&prev, &t) {
            return None;
        }
        // the word after the opener is read only for a capitalised function word (which
        // is no plain word either way: no fragment goes on past it)
        if words >= 2 && lowercase && t.upper_initial && ctx.lang.has_stopword(t.hash) {
            let after = toks.next()?;
            return (!after.upper_initial && !after.numeric && spaced(&t, &after))
                .then_some((t.start, t.start..t.end));
        }
        if !plain(&t) {
            return None;
        }
        lowercase |= !t.upper_initial;
        // a fragment ends on the opener: the last word's next one is not read
        if words == MAX_CAPITALISED_FRAGMENT_WORDS {
            return None;
        }
        (prev, t) = (t, toks.next()?);
    }
    None
}

/// Whether `paragraph` writes `word` (a capitalised word) in lowercase, as a whole word, at
/// least as often as capitalised: a function word that only a sentence's start
/// capitalises ("в", "a"), not "I" (a review’s one "i" among its "I"s).
fn written_lowercase(paragraph: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    if lower == word {
        return false;
    }
    let whole_words = |w: &str| {
        paragraph
            .match_indices(w)
            .filter(|&(at, m)| {
                let before = paragraph[..at].chars().next_back();
                let after = paragraph[at + m.len()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric())
                    && after.is_none_or(|c| !c.is_alphanumeric())
            })
            .count()
    };
    whole_words(&lower) >= whole_words(word)
}

/// Whether `text` holds a full-width sentence end (`。` E3 80 82, `！` EF BC 81, `？` EF
/// BC 9F): a memchr scan that spares text in other scripts the character walk.
fn may_wedge_unspaced(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(0xE3, 0xEF, b).any(|i| {
        matches!(
            b.get(i..i + 3),
            Some([0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81 | 0x9F])
        )
    })
}

/// Most words in a wedged run of unspaced-script keywords.
const MAX_UNSPACED_WORDS: usize = 5;
/// Most characters in one such keyword.
const MAX_UNSPACED_WORD_CHARS: usize = 8;

/// Pushes onto `cuts` every run of spaced keywords wedged after a sentence end in
/// Chinese or Japanese text (see the module doc): the byte range from the end of the
/// sentence mark to the first character of the next sentence.
fn unspaced_fragments(text: &str, ctx: &Ctx<'_>, cuts: &mut Vec<(usize, usize)>) {
    // spaces between two unspaced-script characters anywhere in the paragraph; every
    // wedged word accounts for one, and the paragraph may have no other
    let mut spaced_pairs = 0usize;
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace()
            && prev.is_some_and(unspaced)
            && chars.peek().copied().is_some_and(unspaced)
        {
            spaced_pairs += 1;
        }
        prev = Some(c);
    }
    if spaced_pairs < 2 {
        return;
    }
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        if !matches!(c, '。' | '！' | '？') {
            continue;
        }
        let start = i + c.len_utf8();
        if let Some((end, words)) = spaced_run(&text[start..], ctx) {
            found.push((start, start + end, words));
        }
    }
    if found.iter().map(|f| f.2).sum::<usize>() == spaced_pairs {
        cuts.extend(found.iter().map(|&(s, e, _)| (s, e)));
    }
}

/// Where a run of 2..=[`MAX_UNSPACED_WORDS`] spaced keywords at the start of `rest` ends
/// (the byte offset of the next sentence's first character) and how many words it has.
/// Each word is 1..=[`MAX_UNSPACED_WORD_CHARS`] Han or kana characters and one of them at
/// least is the article's (each of its characters used twice in the prose: here and
/// elsewhere); one white-space character follows each word; the next sentence starts
/// with such a character and is not spaced.
fn spaced_run(rest: &str, ctx: &Ctx<'_>) -> Option<(usize, usize)> {
    let mut it = rest.char_indices().peekable();
    // an optional space right after the sentence mark
    if it.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
        it.next();
    }
    let (mut words, mut known_words) = (0, 0);
    loop {
        let &(word_start, _) = it.peek()?;
        let mut len = 0;
        let mut known = true;
        while let Some(&(_, c)) = it.peek() {
            if !unspaced(c) {
                break;
            }
            let mut buf = [0u8; 4];
            known &= ctx.topic.count(hash_lower(c.encode_utf8(&mut buf))) >= 2;
            len += 1;
            it.next();
        }
        let next = it.peek().map(|&(_, c)| c);
        if len == 0 {
            return None;
        }
        if next.is_some_and(char::is_whitespace) {
            if len > MAX_UNSPACED_WORD_CHARS || words == MAX_UNSPACED_WORDS {
                return None;
            }
            words += 1;
            known_words += usize::from(known);
            it.next();
            continue;
        }
        // the next sentence: it starts here, with at least two characters of its own
        return (words >= 2 && known_words > 0 && len >= 2).then_some((word_start, words));
    }
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
