//! Multilingual word lists used to recognise clutter in scraped news pages.
//!
//! For every language the lexicon holds six lists: frequent function words
//! (to tell running prose from navigation), lead-in phrases that introduce
//! links to other articles ("read also", "lire aussi", "関連記事"),
//! whole-line boilerplate (advertisement labels, share / follow / subscribe
//! prompts, cookie banners, reading prompts), labels of interface controls
//! that only ever match a whole line ("add to cart", "reply with quote"),
//! prefixes of photo caption and credit lines, and abbreviations that end with
//! a period inside a sentence.
//!
//! All lists are the unclutter project's own writing.
//!
//! Languages covered, by ISO 639-1 code:
//!
//! | code | language          | code | language   |
//! |------|-------------------|------|------------|
//! | `en` | English           | `el` | Greek      |
//! | `fr` | French            | `id` | Indonesian |
//! | `de` | German            | `vi` | Vietnamese |
//! | `es` | Spanish           | `ar` | Arabic     |
//! | `it` | Italian           | `zh` | Chinese    |
//! | `pt` | Portuguese        | `ja` | Japanese   |
//! | `nl` | Dutch             | `ko` | Korean     |
//! | `pl` | Polish            | `hi` | Hindi      |
//! | `ru` | Russian           | `bn` | Bengali    |
//! | `uk` | Ukrainian         | `he` | Hebrew     |
//! | `cs` | Czech             | `fa` | Persian    |
//! | `sv` | Swedish           | `ca` | Catalan    |
//! | `da` | Danish            | `hr` | Croatian   |
//! | `no` | Norwegian Bokmål  | `bg` | Bulgarian  |
//! | `fi` | Finnish           | `sk` | Slovak     |
//! | `tr` | Turkish           |      |            |
//! | `ro` | Romanian          |      |            |
//! | `hu` | Hungarian         |      |            |
//!
//! The Croatian lists also serve Serbian and Bosnian written in the Latin script.
//!
//! Entries are lowercase and in Unicode NFC; callers should lowercase and
//! NFC-normalise the text they compare against them. In NFC the Devanagari and Bengali
//! nukta letters (ड़, য়) are a base letter followed by the nukta sign.
//!
//! The languages are told apart by their stopwords alone: [`LANGUAGES`] keeps its order
//! (a tie goes to the language listed first), and the stoplists of languages that share a
//! script and short words (Russian, Ukrainian and Bulgarian; Czech and Slovak; Arabic and
//! Persian; Spanish and Catalan) each list the shared words frequent in that language, so
//! a page counts more of its own language's stopwords than of its neighbour's.

pub mod ar;
pub mod bg;
pub mod bn;
pub mod ca;
pub mod cs;
pub mod da;
pub mod de;
pub mod el;
pub mod en;
pub mod es;
pub mod fa;
pub mod fi;
pub mod fr;
pub mod he;
pub mod hi;
pub mod hr;
pub mod hu;
pub mod id;
pub mod it;
pub mod ja;
pub mod ko;
pub mod nl;
pub mod no;
pub mod pl;
pub mod pt;
pub mod ro;
pub mod ru;
pub mod sk;
pub mod sv;
pub mod tr;
pub mod uk;
pub mod vi;
pub mod zh;

/// Word lists of one language. All entries lowercase, Unicode NFC, no trailing punctuation.
#[derive(Debug)]
pub struct Language {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// Language name in English.
    pub name: &'static str,
    /// 60-150 of the most frequent function words (articles, pronouns,
    /// prepositions, conjunctions, auxiliaries). For Chinese and Japanese:
    /// single-character and two-character particles and function words.
    pub stopwords: &'static [&'static str],
    /// Lead-in phrases that introduce links to other articles ("read also",
    /// "related articles", "most read", ...). 15-40 per language.
    pub lead_ins: &'static [&'static str],
    /// Whole-line boilerplate phrases: advertisement labels, share / follow
    /// prompts, subscribe and newsletter prompts, cookie prompts, reading
    /// prompts and page furniture ("menu", "back to top", ...). 30-80 per
    /// language.
    pub boilerplate: &'static [&'static str],
    /// Labels of interface controls that a page shows alone on a line: shop and forum
    /// buttons, call-to-action and listing controls ("add to cart", "reply with quote",
    /// "sort by", "contact us"). Only a whole line matches, never a line that starts with
    /// one. 10-60 per language.
    pub controls: &'static [&'static str],
    /// Prefixes of caption and credit lines ("photo:", "getty images",
    /// "reuters/", ...), with the trailing colon where one is typical.
    /// 3-15 per language.
    pub credit_prefixes: &'static [&'static str],
    /// Abbreviations that end with a period inside a sentence and may be
    /// followed by a lowercase word ("etc", "z.b", "p. ex"), written without
    /// the final period. 5-25 per language.
    pub abbreviations: &'static [&'static str],
    /// Single words that name subscribing to a site's letters or posts ("newsletter",
    /// "subscribe", "inbox"), in the forms a prompt uses, each one word as the tokenizer
    /// reads it: a prompt line asks the reader to sign up whatever else it says. Empty
    /// for Chinese and Japanese, written without spaces (every character is a token).
    /// 0-12 per language.
    pub subscription_words: &'static [&'static str],
}

impl Language {
    /// All seven lists of this language, each with its field name.
    pub fn lists(&self) -> [(&'static str, &'static [&'static str]); 7] {
        [
            ("stopwords", self.stopwords),
            ("lead_ins", self.lead_ins),
            ("boilerplate", self.boilerplate),
            ("controls", self.controls),
            ("credit_prefixes", self.credit_prefixes),
            ("abbreviations", self.abbreviations),
            ("subscription_words", self.subscription_words),
        ]
    }
}

/// Every language the lexicon covers. The languages added last come last: the order
/// breaks ties in the language guess, and a page of an earlier language keeps its guess.
pub static LANGUAGES: &[&Language] = &[
    &en::LANGUAGE,
    &fr::LANGUAGE,
    &de::LANGUAGE,
    &es::LANGUAGE,
    &it::LANGUAGE,
    &pt::LANGUAGE,
    &nl::LANGUAGE,
    &pl::LANGUAGE,
    &ru::LANGUAGE,
    &uk::LANGUAGE,
    &cs::LANGUAGE,
    &sv::LANGUAGE,
    &da::LANGUAGE,
    &no::LANGUAGE,
    &fi::LANGUAGE,
    &tr::LANGUAGE,
    &ro::LANGUAGE,
    &hu::LANGUAGE,
    &el::LANGUAGE,
    &id::LANGUAGE,
    &vi::LANGUAGE,
    &ar::LANGUAGE,
    &zh::LANGUAGE,
    &ja::LANGUAGE,
    &ko::LANGUAGE,
    &hi::LANGUAGE,
    &bn::LANGUAGE,
    &he::LANGUAGE,
    &fa::LANGUAGE,
    &ca::LANGUAGE,
    &hr::LANGUAGE,
    &bg::LANGUAGE,
    &sk::LANGUAGE,
];

/// The word lists of the language with ISO 639-1 code `code`
/// (case-insensitive), if the lexicon covers it.
pub fn by_code(code: &str) -> Option<&'static Language> {
    LANGUAGES
        .iter()
        .copied()
        .find(|lang| lang.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn covers_at_least_33_languages() {
        assert!(LANGUAGES.len() >= 33, "only {} languages", LANGUAGES.len());
        // the language guess keeps one bit per language in a u64
        assert!(LANGUAGES.len() <= 64, "{} languages", LANGUAGES.len());
    }

    #[test]
    fn codes_are_unique_iso_639_1() {
        let mut seen = HashSet::new();
        for lang in LANGUAGES {
            assert!(
                lang.code.len() == 2 && lang.code.bytes().all(|b| b.is_ascii_lowercase()),
                "bad code {:?}",
                lang.code
            );
            assert!(seen.insert(lang.code), "duplicate code {:?}", lang.code);
            assert!(!lang.name.is_empty(), "{}: empty name", lang.code);
        }
    }

    #[test]
    fn by_code_finds_every_language() {
        for lang in LANGUAGES {
            assert!(std::ptr::eq(by_code(lang.code).unwrap(), *lang));
            assert!(std::ptr::eq(
                by_code(&lang.code.to_uppercase()).unwrap(),
                *lang
            ));
        }
        assert!(by_code("xx").is_none());
    }

    #[test]
    fn entries_are_clean() {
        for lang in LANGUAGES {
            for (field, list) in lang.lists() {
                // (Chinese and Japanese have no subscription word: they write no spaces)
                let may_be_empty =
                    field == "subscription_words" && matches!(lang.code, "zh" | "ja");
                assert!(
                    may_be_empty || !list.is_empty(),
                    "{}.{}: empty list",
                    lang.code,
                    field
                );
                let mut seen = HashSet::new();
                for &entry in list {
                    let at = format!("{}.{}: {:?}", lang.code, field, entry);
                    assert!(!entry.is_empty(), "{at}: empty entry");
                    assert_eq!(entry, entry.trim(), "{at}: not trimmed");
                    assert!(!entry.contains("  "), "{at}: double space");
                    assert_eq!(entry, entry.to_lowercase(), "{at}: not lowercase");
                    assert!(seen.insert(entry), "{at}: duplicate");
                }
            }
        }
    }

    /// What NFC can be checked for without the normalisation tables: no combining accent
    /// (U+0300–U+036F) where the letters of the covered languages have a precomposed
    /// form, no letter NFC decomposes (the Devanagari and Bengali nukta letters, Hebrew
    /// presentation forms), no compatibility ligature.
    #[test]
    fn entries_have_no_char_nfc_rewrites() {
        for lang in LANGUAGES {
            for (field, list) in lang.lists() {
                for &entry in list {
                    let bad = entry.chars().find(|&c| {
                        matches!(c as u32,
                            0x0300..=0x036F
                            | 0x0958..=0x095F
                            | 0x09DC..=0x09DD
                            | 0x09DF
                            | 0xFB00..=0xFB4F)
                    });
                    assert!(
                        bad.is_none(),
                        "{}.{}: {:?} holds {:?}, not NFC",
                        lang.code,
                        field,
                        entry,
                        bad
                    );
                }
            }
        }
    }

    #[test]
    fn phrases_have_no_trailing_colon_or_period() {
        for lang in LANGUAGES {
            for (field, list) in [
                ("lead_ins", lang.lead_ins),
                ("boilerplate", lang.boilerplate),
                ("controls", lang.controls),
                ("stopwords", lang.stopwords),
                ("abbreviations", lang.abbreviations),
            ] {
                for &entry in list {
                    assert!(
                        !entry.ends_with([':', '：', '.', '。']),
                        "{}.{}: {:?} ends with punctuation",
                        lang.code,
                        field,
                        entry
                    );
                }
            }
        }
    }

    #[test]
    fn list_sizes_are_in_range() {
        for lang in LANGUAGES {
            let words = if matches!(lang.code, "zh" | "ja") {
                (0, 0)
            } else {
                (2, 12)
            };
            let ranges = [
                (60, 150),
                (15, 40),
                (30, 100),
                (10, 60),
                (3, 15),
                (5, 25),
                words,
            ];
            for ((field, list), (min, max)) in lang.lists().into_iter().zip(ranges) {
                assert!(
                    (min..=max).contains(&list.len()),
                    "{}.{}: {} entries, expected {}-{}",
                    lang.code,
                    field,
                    list.len(),
                    min,
                    max
                );
            }
        }
    }

    #[test]
    fn subscription_words_are_one_word_each() {
        for lang in LANGUAGES {
            for &w in lang.subscription_words {
                let n = crate::features::tokens(w).count();
                assert_eq!(n, 1, "{}.subscription_words: {w:?} is {n} words", lang.code);
            }
        }
    }

    #[test]
    fn cjk_stopwords_are_short() {
        for code in ["zh", "ja"] {
            for &word in by_code(code).unwrap().stopwords {
                assert!(word.chars().count() <= 2, "{code}: {word:?} too long");
            }
        }
    }
}
