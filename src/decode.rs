//! Bytes → UTF-8 text: a byte-order mark, then a `<meta charset>` (or `http-equiv`)
//! declaration in the first 4 KiB, then valid UTF-8, then a statistical guess
//! (`chardetng`). Invalid sequences become U+FFFD; decoding never fails on text, only on
//! input that is clearly binary.

use crate::error::Error;
use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

/// How many bytes are searched for a `<meta charset>` declaration.
const META_SCAN: usize = 4096;
/// Inputs with more than this share of NUL and control bytes in their first 8 KiB are binary.
const BINARY_SHARE: f32 = 0.10;

/// Decodes `bytes` to text. `hint` is a charset label from outside (an HTTP
/// `Content-Type`), tried after a BOM and before the page's own declaration.
pub fn decode<'a>(bytes: &'a [u8], hint: Option<&str>) -> Result<Cow<'a, str>, Error> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(text);
    }
    if looks_binary(bytes) {
        return Err(Error::Decode(
            "the input looks binary (many NUL or control bytes), not text or HTML".into(),
        ));
    }
    let declared = hint
        .and_then(|h| Encoding::for_label(h.trim().as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(META_SCAN)]));
    if let Some(enc) = declared {
        // a page that declares a legacy charset but is valid UTF-8 is UTF-8 (a common
        // mislabel); UTF-16 labels in <meta> are always wrong (HTML spec)
        let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            UTF_8
        } else {
            enc
        };
        if enc != UTF_8 && std::str::from_utf8(bytes).is_ok() && !bytes.is_ascii() {
            return Ok(Cow::Borrowed(
                std::str::from_utf8(bytes).unwrap_or_default(),
            ));
        }
        let (text, _, _) = enc.decode(bytes);
        return Ok(text);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(s));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let enc = detector.guess(None, true);
    let (text, _, _) = enc.decode(bytes);
    Ok(text)
}

fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return false;
    }
    // a branch-free sum the compiler vectorises
    let bad: usize = head
        .iter()
        .map(|&b| usize::from(b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)))
        .sum();
    bad as f32 / head.len() as f32 > BINARY_SHARE
}

/// Finds `charset=…` inside a `<meta` tag of the prefix (case-insensitive, bytes only).
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    // most text and many pages have no `<meta` at all: spare them the lowercase copy
    let has_meta = memchr::memchr_iter(b'<', head).any(|i| {
        head.get(i + 1..i + 5)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"meta"))
    });
    if !has_meta {
        return None;
    }
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let mut rest = &tag[c + 7..];
            rest = trim_start(rest);
            if let Some(r) = rest.strip_prefix(b"=") {
                let r = trim_start(r);
                let r = r
                    .strip_prefix(b"\"")
                    .or_else(|| r.strip_prefix(b"'"))
                    .unwrap_or(r);
                let len = r
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(r.len());
                if let Some(enc) = Encoding::for_label(&r[..len]) {
                    return Some(enc);
                }
            }
        }
        from = end;
    }
    None
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// Position of `needle` in `hay` (bytes).
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_is_read() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>m\xf6\xf6se</body>";
        assert!(decode(page, None).unwrap().contains("mööse"));
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">caf\xe9";
        assert!(decode(page, None).unwrap().contains("café"));
    }

    #[test]
    fn utf8_and_guess() {
        assert_eq!(decode("héllo".as_bytes(), None).unwrap(), "héllo");
        // undeclared windows-1252
        let t = decode(
            b"Le caf\xe9 est tr\xe8s bon, merci beaucoup pour le d\xeener.",
            None,
        )
        .unwrap();
        assert!(t.contains("café"), "{t}");
    }

    #[test]
    fn meta_prefilter_is_case_blind() {
        assert_eq!(
            meta_charset(b"<p>x</p><META Charset=\"windows-1252\">"),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(meta_charset(b"plain text, no tags"), None);
        assert_eq!(meta_charset(b"a < b <met"), None);
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode(&[0u8, 1, 2, 3, 0, 0, 0, 5, 6][..], None).is_err());
    }
}
