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

/// clean_text, 2026-11-27 (session 5): a `\r` inside a line between two Chinese characters
/// was taken for a source line break, which joins Chinese text without a space, so "点击这鸇"
/// and "接受全" came out as one word. Only `\n` is a line break there now.
#[test]
fn carriage_return_between_chinese_characters_separates_words() {
    let input = String::from_utf8(vec![
        108, 117, 101, 108, 230, 179, 168, 229, 134, 140, 215, 177, 100, 108, 117, 33, 32, 108,
        108, 117, 117, 100, 108, 117, 100, 110, 111, 108, 230, 179, 168, 229, 134, 140, 2, 0, 0,
        108, 117, 100, 33, 39, 108, 100, 108, 117, 1, 64, 100, 108, 117, 110, 111, 100, 108, 33,
        32, 108, 108, 229, 135, 187, 230, 170, 164, 229, 164, 132, 100, 108, 110, 111, 100, 108,
        108, 33, 32, 108, 111, 100, 108, 110, 111, 51, 100, 108, 117, 100, 110, 33, 32, 108, 33,
        108, 117, 108, 33, 108, 100, 32, 230, 179, 168, 229, 134, 140, 10, 42, 229, 133, 168, 63,
        231, 130, 185, 229, 135, 187, 232, 191, 153, 233, 184, 135, 13, 230, 142, 165, 229, 143,
        151, 229, 133, 168, 2, 0, 0, 108, 117, 100, 33, 108, 33, 32, 108, 229, 134, 140, 2, 39,
        108, 37, 227, 131, 161, 227, 131, 139, 227, 131, 165, 227, 131, 188, 108, 102, 10, 102, 10,
        111, 10, 42, 102, 10, 102, 10, 111, 111, 10, 42, 102, 10, 102, 10, 102, 10, 10, 108, 33,
    ])
    .unwrap();
    assert_words_from_input(&input);
}
