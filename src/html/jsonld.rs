//! The `articleBody` of a page's JSON-LD (schema.org `NewsArticle` / `Article`).
//!
//! Only the string value of the first `"articleBody"` key is read, with a small JSON
//! string decoder: no JSON parser, no allocation beyond the result. The body is evidence,
//! never output: publishers truncate it, fill it with another article's text, or leave
//! markup in it, so it is only used to find and check the region (see `region.rs`).

/// Appends the decoded, whitespace-normalised `articleBody` value found in `script` to
/// `out` (separated by a space when `out` is not empty). Returns whether one was found.
pub(crate) fn article_body(script: &str, out: &mut String) -> bool {
    let Some(pos) = script.find("\"articleBody\"") else {
        return false;
    };
    let rest = script[pos + 13..].trim_start();
    let Some(rest) = rest.strip_prefix(':') else {
        return false;
    };
    let rest = rest.trim_start();
    let Some(rest) = rest.strip_prefix('"') else {
        return false;
    };
    if !out.is_empty() {
        out.push(' ');
    }
    let mut pending_space = false;
    let mut push = |out: &mut String, c: char| {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    };
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return true,
            '\\' => match chars.next() {
                Some('n' | 'r' | 't' | 'f' | 'b') => push(out, ' '),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let Ok(mut code) = u32::from_str_radix(&hex, 16) else {
                        continue;
                    };
                    if (0xD800..0xDC00).contains(&code) {
                        // a surrogate pair: \uD83D\uDE00
                        let mut look = chars.clone();
                        if look.next() == Some('\\') && look.next() == Some('u') {
                            let low: String = look.by_ref().take(4).collect();
                            if let Ok(lo) = u32::from_str_radix(&low, 16) {
                                if (0xDC00..0xE000).contains(&lo) {
                                    code = 0x10000 + ((code - 0xD800) << 10) + (lo - 0xDC00);
                                    chars = look;
                                }
                            }
                        }
                    }
                    if let Some(ch) = char::from_u32(code) {
                        push(out, ch);
                    }
                }
                Some(other) => push(out, other),
                None => return true,
            },
            c => push(out, c),
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_body() {
        let mut out = String::new();
        let s = r#"{"@type":"NewsArticle","headline":"x","articleBody" : "Line one.\nLine \"two\" \u00e9t\u00e9 \ud83d\ude00.","author":"y"}"#;
        assert!(article_body(s, &mut out));
        assert_eq!(out, "Line one. Line \"two\" été 😀.");
        assert!(!article_body(r#"{"headline":"x"}"#, &mut out));
    }
}
