//! Inputs the fuzzers (`fuzz/`) found, kept as regression tests. Each names the target
//! that found it and what went wrong.

use std::collections::HashSet;

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Every word of the text-mode output is a word of the input.
fn assert_words_from_input(input: &str) {
    if let Ok(out) = unclutter::clean_text(input) {
        let known: HashSet<&str> = words(input).collect();
        for w in words(&out) {
            assert!(
                known.contains(w),
                "output word {w:?} is not in the input {input:?}"
            );
        }
    }
}

/// clean_text, 2026-11-27: a zero-width space between two words was dropped without a
/// space, so "A閉" and "ll" came out as the new word "A閉ll".
#[test]
fn zero_width_space_separates_words() {
    let input = String::from_utf8(vec![
        121, 4, 108, 10, 124, 61, 23, 1, 65, 233, 150, 137, 226, 128, 139, 108, 108, 1, 65, 233,
        150, 137, 226, 128, 139, 23, 33, 0,
    ])
    .unwrap();
    assert_words_from_input(&input);
}
