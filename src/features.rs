//! Tokens, language guess, per-block features and the article's vocabulary.
//!
//! Everything here is linear in the input and allocation-light: tokens are never
//! materialised as strings; a token is identified by a 64-bit hash of its lowercase form.

use crate::block::{Block, Kind};
use crate::lexicon::{Language, LANGUAGES};
use std::cell::Cell;
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

/// Chinese and Japanese characters (Han, kana).
#[inline(always)]
pub(crate) fn is_han_or_kana(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Ext A
        | 0x4E00..=0x9FFF // CJK Unified
        | 0xF900..=0xFAFF // CJK Compatibility
        | 0x20000..=0x2FA1F)
}

/// Characters written without spaces between words: each one counts as a token.
#[inline]
pub(crate) fn is_cjk(c: char) -> bool {
    is_han_or_kana(c)
        || matches!(c as u32,
            0x0E00..=0x0E7F // Thai
            | 0x0E80..=0x0EFF // Lao
            | 0x1000..=0x109F // Myanmar
            | 0x1780..=0x17FF // Khmer
        )
}

/// Letters of the alphabets written without spaces between words (Thai, Lao, Myanmar,
/// Khmer): a letter of an alphabet of some seventy carries no topic by itself, and every
/// line of such a page would share all its letters with the article. Each of these
/// letters stays one token, but its hash is that of the [`GRAM_CHARS`] letters of the run
/// from it (or the run's last ones): overlapping character n-grams, which carry a
/// syllable or two, stand in for the words the text does not mark (an idea of n-gram
/// indexing for unsegmented scripts, as search engines do for Thai). A line's length in
/// words counts [`LETTERS_PER_WORD`] of them to a word (a letter is less than a Han
/// character, a morpheme).
#[inline]
fn is_unspaced_alphabet(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF)
}

/// The letters of the n-grams that stand for words of [`is_unspaced_alphabet`] scripts.
/// Measured on the probe pages of Thai, Lao, Khmer and Myanmar (46 injected lines, text
/// mode, headings kept; recall 1.000 with each): 2 letters left 35 lines, 3 left 24, 4
/// and 5 left 20; by default each left the 5 wedged keywords only.
const GRAM_CHARS: usize = 4;

/// The letters of those scripts that count one word in a line's length (a Thai word is
/// some five code points, vowel signs and tone marks included; a Han character counts
/// one word, a Chinese word is about two): "ราคาทองวันนี้ปรับขึ้น", six words of 21 letters,
/// counts 7, as "今日金价上涨" counts 6.
const LETTERS_PER_WORD: u32 = 3;

/// Characters written without spaces that make one word, when a line's length is read in
/// words: "国际新闻" is one menu item of four tokens, "写真：会見する文部科学大臣" a credit
/// line of a few words, not of a dozen.
pub(crate) const CHARS_PER_WORD: u32 = 4;

/// The length in words of a line of `tokens` tokens, where characters written without
/// spaces (each its own token) count [`CHARS_PER_WORD`] to a word. A walk over the
/// characters: callers ask only for lines short enough to matter.
pub(crate) fn spaced_words(text: &str, tokens: u32) -> u32 {
    if text.is_ascii() {
        return tokens;
    }
    // the letters of the alphabets written without spaces are counted in `tokens` already
    let unspaced = text.chars().filter(|&c| is_han_or_kana(c)).count() as u32;
    tokens.saturating_sub(unspaced) + unspaced.div_ceil(CHARS_PER_WORD)
}

/// Combining marks inside words that the Unicode tables do not count as alphabetic (the
/// vowel signs are): the virama and nukta of the Indic scripts from Devanagari to Sinhala
/// ("क्या", and in NFC "पढ़ें", "পড়ুন", whose nukta letters decompose), Vedic tone
/// marks, Hebrew cantillation, Quranic marks. Without them a word with a conjunct or a
/// nukta splits in two ("क्या" → "क", "या"). The list is the Unicode 14 nonspacing marks
/// (Mn) of U+0591–U+0DFF that `char::is_alphabetic` leaves out.
fn is_inner_mark(c: char) -> bool {
    matches!(c as u32,
        0x0591..=0x05AF                            // Hebrew cantillation
        | 0x0658 | 0x06DF..=0x06E0 | 0x06EA..=0x06EC // Arabic marks
        | 0x093C | 0x094D | 0x0951..=0x0954        // Devanagari nukta, virama, Vedic
        | 0x09BC | 0x09CD | 0x09FE                 // Bengali
        | 0x0A3C | 0x0A4D                          // Gurmukhi
        | 0x0ABC | 0x0ACD | 0x0AFD..=0x0AFF        // Gujarati
        | 0x0B3C | 0x0B4D | 0x0B55                 // Oriya
        | 0x0BCD                                   // Tamil
        | 0x0C3C | 0x0C4D                          // Telugu
        | 0x0CBC | 0x0CCD                          // Kannada
        | 0x0D3B..=0x0D3C | 0x0D4D                 // Malayalam
        | 0x0DCA // Sinhala
    )
}

/// A word character outside ASCII, from the Unicode tables (slow: see [`class`]).
fn is_word_char_slow(c: char) -> bool {
    // common punctuation: quotes, dashes, bullets are not words
    !matches!(c as u32, 0x2000..=0x206F | 0xA0 | 0x3000..=0x3003 | 0x3008..=0x301F | 0xFF01..=0xFF0F)
        && (is_cjk(c) || c.is_alphanumeric() || is_inner_mark(c))
}

/// Class bits of a character: a word character, written without spaces (CJK), numeric,
/// uppercase, its own lowercase form (one char, itself: the hash needs no case mapping).
const WORD: u8 = 1;
const CJK: u8 = 2;
const NUMERIC: u8 = 4;
const UPPER: u8 = 8;
const OWN_LOWER: u8 = 16;
/// A letter of an alphabet written without spaces ([`is_unspaced_alphabet`]).
const GRAM: u8 = 32;

fn class_slow(c: char) -> u8 {
    let mut k = 0;
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() || c == '_' {
            k |= WORD;
        }
    } else if is_word_char_slow(c) {
        k |= WORD;
    }
    if is_cjk(c) {
        k |= CJK;
    }
    if is_unspaced_alphabet(c) {
        k |= GRAM;
    }
    if c.is_numeric() {
        k |= NUMERIC;
    }
    if c.is_uppercase() {
        k |= UPPER;
    }
    let mut lower = c.to_lowercase();
    if lower.next() == Some(c) && lower.next().is_none() && nfc_nukta(c).is_none() {
        k |= OWN_LOWER;
    }
    k
}

/// The NFC form of a Devanagari or Bengali nukta letter that NFC decomposes (a composition
/// exclusion: "ढ़" U+095D is "ढ" + nukta in NFC), so that a page typed with the precomposed
/// letter hashes as the lexicon's NFC entries do ("पढ़ें", "পড়ুন").
#[inline]
fn nfc_nukta(c: char) -> Option<[char; 2]> {
    let base = match c as u32 {
        0x0958..=0x095F => ['क', 'ख', 'ग', 'ज', 'ड', 'ढ', 'फ', 'य'][c as usize - 0x0958],
        0x09DC => 'ড',
        0x09DD => 'ঢ',
        0x09DF => 'য',
        _ => return None,
    };
    let nukta = if (c as u32) < 0x0980 {
        '\u{093C}'
    } else {
        '\u{09BC}'
    };
    Some([base, nukta])
}

/// The classes of the Basic Multilingual Plane, one byte per code point (64 KiB, built once):
/// the standard library's Unicode lookups are binary searches, and the tokenizer asks about
/// every character of text outside ASCII.
static BMP_CLASS: LazyLock<Box<[u8; BMP]>> = LazyLock::new(|| {
    let mut table = Box::new([0u8; BMP]);
    for (cp, k) in (0u32..).zip(table.iter_mut()) {
        *k = char::from_u32(cp).map_or(0, class_slow);
    }
    table
});

/// The code points of the Basic Multilingual Plane.
const BMP: usize = 0x1_0000;

/// The class bits of `c` ([`WORD`], [`CJK`], [`NUMERIC`], [`UPPER`], [`OWN_LOWER`]).
#[inline]
fn class(c: char) -> u8 {
    match BMP_CLASS.get(c as usize) {
        Some(&k) => k,
        None => class_slow(c),
    }
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
    /// What the text before the token (since the previous one) holds, as byte class
    /// bits ([`Token::gap_mark`]; `B_COLON`: an ASCII colon; `B_TERMINAL` for a terminal
    /// mark outside ASCII too).
    pub gap: u8,
}

impl Token {
    /// The text before the token holds a terminal mark (`.`, `!`, `?`, or one outside
    /// ASCII such as `。`): it may hold a sentence end (a gap without one holds none, see
    /// `sentence_ends_in_gap`).
    #[inline(always)]
    pub fn gap_mark(&self) -> bool {
        self.gap & B_TERMINAL != 0
    }
}

pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
pub(crate) const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The multiplier of [`ByteHash`]'s chunk mixing (the 64-bit finaliser constant of
/// MurmurHash3).
const CHUNK_MUL: u64 = 0xff51_afd7_ed55_8ccd;

/// Mixes one chunk of eight bytes (little-endian, zero-padded) into a token hash.
#[inline(always)]
fn mix_chunk(h: u64, chunk: u64) -> u64 {
    (h ^ chunk).wrapping_mul(CHUNK_MUL)
}

/// The last step of a token hash: the multiplications carry every byte into the high
/// bits only; folding them down lets maps that index by the low bits spread the words.
#[inline(always)]
fn fold(h: u64) -> u64 {
    h ^ (h >> 32)
}

/// A word's hash: the UTF-8 bytes of its lowercase form, eight at a time (the tokenizer's
/// fast path hashes an ASCII word's chunks straight from the text: a whole word in one
/// multiplication, no loop over its bytes), folded ([`fold`]). This is the streaming form,
/// a byte at a time, for words outside ASCII and for the lexicon.
#[derive(Clone, Copy)]
struct ByteHash {
    h: u64,
    chunk: u64,
    len: u32,
}

impl ByteHash {
    #[inline]
    fn new() -> ByteHash {
        ByteHash {
            h: FNV_OFFSET,
            chunk: 0,
            len: 0,
        }
    }

    #[inline(always)]
    fn byte(&mut self, b: u8) {
        self.chunk |= u64::from(b) << (8 * self.len);
        self.len += 1;
        if self.len == 8 {
            self.h = mix_chunk(self.h, self.chunk);
            self.chunk = 0;
            self.len = 0;
        }
    }

    #[inline]
    fn char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.byte(b);
        }
    }

    /// Adds the lowercase form of `c`, whose class bits are `kind`: most chars outside
    /// ASCII are their own lowercase form (lowercase letters, CJK), and the case tables
    /// are not searched.
    #[inline(always)]
    fn lower(&mut self, c: char, kind: u8) {
        if c.is_ascii() {
            self.byte(c.to_ascii_lowercase() as u8);
        } else if kind & OWN_LOWER != 0 {
            self.char(c);
        } else {
            self.lower_rare(c);
        }
    }

    /// Adds the lowercase form of a char outside ASCII that is not its own (an uppercase
    /// letter; a precomposed nukta letter, added as the two chars NFC decomposes it to):
    /// kept out of the tokenizer's loop, since most text outside ASCII is lowercase.
    #[inline(never)]
    fn lower_rare(&mut self, c: char) {
        if let Some(nfc) = nfc_nukta(c) {
            nfc.into_iter().for_each(|l| self.char(l));
        } else {
            c.to_lowercase().for_each(|l| self.char(l));
        }
    }

    #[inline]
    fn finish(self) -> u64 {
        let h = if self.len > 0 {
            mix_chunk(self.h, self.chunk)
        } else {
            self.h
        };
        fold(h) & !1
    }
}

/// Hash of a string's lowercase form, as tokens are hashed.
pub(crate) fn hash_lower(s: &str) -> u64 {
    let mut h = ByteHash::new();
    for c in s.chars() {
        h.lower(c, class(c));
    }
    h.finish()
}

/// One bit per byte lane: the lowest, the highest.
const LANES_LO: u64 = 0x0101_0101_0101_0101;
const LANES_HI: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` that is an ASCII word byte (letter, digit, `_`), of
/// each uppercase letter and of each digit: eight bytes classified at once (SWAR range
/// tests: a byte below 0x80 plus at most 0x80 never carries into the next lane).
#[inline(always)]
fn ascii_classes(w: u64) -> (u64, u64, u64) {
    let ascii = !w & LANES_HI;
    let y = w & !LANES_HI;
    // the high bit of each byte of `y` at least `lo`
    let at_least = |lo: u64| (y + (0x80 - lo) * LANES_LO) & LANES_HI;
    let digit = at_least(0x30) & !at_least(0x3A);
    let upper = at_least(0x41) & !at_least(0x5B);
    let lower = at_least(0x61) & !at_least(0x7B);
    let underscore = !((y ^ (0x5F * LANES_LO)) + 0x7F * LANES_LO) & LANES_HI;
    let word = (digit | upper | lower | underscore) & ascii;
    (word, upper & ascii, digit & ascii)
}

/// The eight bytes of `bytes` from `i`, little-endian, zero past the end (a zero byte is
/// no word byte).
#[inline(always)]
fn chunk_at(bytes: &[u8], i: usize) -> u64 {
    let rest = bytes.get(i..).unwrap_or(&[]);
    match rest.first_chunk::<8>() {
        Some(&c) => u64::from_le_bytes(c),
        None => {
            let mut c = [0u8; 8];
            c[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(c)
        }
    }
}

/// Iterates over the word tokens of `text`.
pub(crate) fn tokens(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        pos: 0,
        run: (0, 0),
        grams: 0,
    }
}

pub(crate) struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    /// The byte range of the last run of letters of an alphabet written without spaces
    /// that [`Tokens::gram_hash`] found: the run is scanned once, at its first letter.
    run: (usize, usize),
    /// The letters of such alphabets read so far: [`LETTERS_PER_WORD`] of them count one word
    /// in a line's length (counted here, off the path of the other tokens).
    grams: u32,
}

/// Class bits of a byte, for the tokenizer's scans a byte at a time (between words, and in
/// words outside ASCII): a word character, a digit, an uppercase letter, a byte outside
/// ASCII (the slow path decodes the character), a mark that may end a sentence.
/// `B_WORD`, `B_DIGIT` and `B_UPPER` are the char classes' bits ([`WORD`], [`NUMERIC`],
/// [`UPPER`]): an ASCII word byte's class is its table entry, masked.
const B_WORD: u8 = WORD;
const B_DIGIT: u8 = NUMERIC;
const B_UPPER: u8 = UPPER;
const B_NON_ASCII: u8 = 0x10;
const B_TERMINAL: u8 = 0x20;
const B_COLON: u8 = 0x40;
const _: () = assert!(
    (B_WORD | B_DIGIT | B_UPPER) & (B_NON_ASCII | B_TERMINAL | B_COLON) == 0
        && B_NON_ASCII != B_TERMINAL
        && (B_NON_ASCII | B_TERMINAL) & B_COLON == 0
);
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        let class = if c >= 0x80 {
            B_NON_ASCII
        } else if c.is_ascii_digit() {
            B_WORD | B_DIGIT
        } else if c.is_ascii_uppercase() {
            B_WORD | B_UPPER
        } else if c.is_ascii_lowercase() || c == b'_' {
            B_WORD
        } else if matches!(c, b'.' | b'!' | b'?') {
            B_TERMINAL
        } else if c == b':' {
            B_COLON
        } else {
            0
        };
        t[b] = class;
        b += 1;
    }
    t
};

/// The length and class bits of the char at byte `i` of `b` (a char boundary, outside
/// ASCII): [`Tokens::wide_char_at`] without the char, for the scans that only classify.
/// A char of two or three bytes is in the BMP: its class is read from `bmp` (the
/// [`BMP_CLASS`] table, looked up once by the caller) without a test of the code point.
#[inline(always)]
fn wide_class_at(b: &[u8], i: usize, bmp: &[u8; BMP]) -> (usize, u8) {
    let more = |k: usize| u32::from(b.get(i + k).copied().unwrap_or(0x80) & 0x3F);
    let lead = u32::from(b.get(i).copied().unwrap_or(0));
    if lead < 0xE0 {
        (2, bmp[((lead & 0x1F) << 6 | more(1)) as usize])
    } else if lead < 0xF0 {
        (
            3,
            bmp[((lead & 0x0F) << 12 | more(1) << 6 | more(2)) as usize & (BMP - 1)],
        )
    } else {
        let cp = (lead & 0x07) << 18 | more(1) << 12 | more(2) << 6 | more(3);
        (4, class(char::from_u32(cp).unwrap_or(' ')))
    }
}

impl Tokens<'_> {
    /// The char at byte `i` (a char boundary, outside ASCII), its length and class bits.
    #[inline(always)]
    fn wide_char_at(&self, i: usize) -> (char, usize, u8) {
        // decoded by hand: the text is valid UTF-8 and `i` starts a multi-byte char, so
        // the lead byte gives the length (cheaper than a `chars()` iterator on a slice)
        let b = self.text.as_bytes();
        let more = |k: usize| u32::from(b.get(i + k).copied().unwrap_or(0x80) & 0x3F);
        let lead = u32::from(b[i]);
        let (cp, len) = if lead < 0xE0 {
            ((lead & 0x1F) << 6 | more(1), 2)
        } else if lead < 0xF0 {
            ((lead & 0x0F) << 12 | more(1) << 6 | more(2), 3)
        } else {
            (
                (lead & 0x07) << 18 | more(1) << 12 | more(2) << 6 | more(3),
                4,
            )
        };
        let c = char::from_u32(cp).unwrap_or(' ');
        (c, len, class(c))
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;
    // inlined into its loops: the token stays in registers
    #[inline(always)]
    fn next(&mut self) -> Option<Token> {
        let bytes = self.text.as_bytes();
        let len = bytes.len();
        // skip to the first word char; note whether the gap holds a possible sentence end
        let mut i = self.pos;
        let mut gap = 0u8;
        let (start, first_class, ascii) = loop {
            let Some(&b) = bytes.get(i) else {
                self.pos = len;
                return None;
            };
            let k = BYTE_CLASS[b as usize];
            if k & B_WORD != 0 {
                break (i, k & (WORD | NUMERIC | UPPER), true);
            }
            if k & B_NON_ASCII == 0 {
                gap |= k;
                i += 1;
                continue;
            }
            let (c, l, kind) = self.wide_char_at(i);
            if kind & WORD != 0 {
                if kind & CJK != 0 {
                    // one token per char
                    let hash = if kind & GRAM != 0 {
                        self.gram_hash(i)
                    } else {
                        let mut h = ByteHash::new();
                        h.lower(c, kind);
                        h.finish()
                    };
                    self.pos = i + l;
                    return Some(Token {
                        start: i,
                        end: i + l,
                        hash,
                        chars: 1,
                        upper_initial: false,
                        numeric: false,
                        cjk: true,
                        gap,
                    });
                }
                break (i, kind, false);
            }
            // most chars outside ASCII between words (quotes, dashes, spaces) end no
            // sentence: only a terminal mark sends the gap to `sentence_ends_in_gap`
            gap |= if is_terminal(c) { B_TERMINAL } else { 0 };
            i += l;
        };
        if ascii {
            // fast path: an ASCII word, eight bytes at a time; most words end within the
            // first chunk, without a loop over their bytes (whose exit a branch predictor
            // misses once per word)
            let mut h = FNV_OFFSET;
            let mut end = start;
            let mut numeric = true;
            loop {
                let w = chunk_at(bytes, end);
                let (word, upper, digit) = ascii_classes(w);
                let stop = !word & LANES_HI;
                let lowered = w | upper >> 2;
                if stop == 0 {
                    h = mix_chunk(h, lowered);
                    numeric &= digit == LANES_HI;
                    end += 8;
                    continue;
                }
                let n = stop.trailing_zeros() / 8;
                if w >> (8 * n) & 0x80 != 0 {
                    // a char outside ASCII: the word may go on ("café")
                    let (_, _, kind) = self.wide_char_at(end + n as usize);
                    if kind & (WORD | CJK) == WORD {
                        let (from, numeric) = (end, numeric);
                        return Some(self.slow_word(start, (from, h, numeric), first_class, gap));
                    }
                }
                if n > 0 {
                    let keep = (1u64 << (8 * n)) - 1;
                    h = mix_chunk(h, lowered & keep);
                    numeric &= digit & keep == LANES_HI & keep;
                    end += n as usize;
                }
                break;
            }
            self.pos = end;
            // the lowest bit is always clear: [`compute`] uses it as a flag
            return Some(Token {
                start,
                end,
                hash: fold(h) & !1,
                chars: (end - start) as u32,
                upper_initial: first_class & UPPER != 0,
                numeric,
                cjk: false,
                gap,
            });
        }
        Some(self.slow_word(start, (start, FNV_OFFSET, true), first_class, gap))
    }
}

impl Tokens<'_> {
    /// The hash of the letter at byte `i` of an alphabet written without spaces ([`GRAM`]):
    /// the hash of the [`GRAM_CHARS`] letters of its run from it, or, near the run's end,
    /// of the run's last ones (the whole run when it is shorter), so that no letter at the
    /// end of a run is hashed alone. These letters are all of three bytes in UTF-8 (U+0E00
    /// to U+17FF), so the n-gram is a byte range, its ends found without decoding; the
    /// run's end is found once, at its first letter.
    #[inline(never)]
    fn gram_hash(&mut self, i: usize) -> u64 {
        const GRAM_BYTES: usize = 3 * GRAM_CHARS;
        let b = self.text.as_bytes();
        self.grams += 1;
        if i >= self.run.1 {
            let bmp: &[u8; BMP] = &BMP_CLASS;
            let mut end = i + 3;
            // a three-byte char (a lead byte 0xE_ starts one) of the alphabets
            while b.get(end).is_some_and(|&x| x & 0xF0 == 0xE0)
                && wide_class_at(b, end, bmp).1 & GRAM != 0
            {
                end += 3;
            }
            self.run = (i, end);
        }
        let (run_start, run_end) = self.run;
        let end = (i + GRAM_BYTES).min(run_end);
        let start = end.saturating_sub(GRAM_BYTES).max(run_start);
        // no ASCII in the range: the hash of its bytes as they are, as `hash_lower` has it
        // (a whole n-gram, most of them: its first eight bytes, then the last four)
        const _: () = assert!(GRAM_BYTES == 12);
        match b.get(start..end) {
            Some(&[b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11]) => {
                let h = mix_chunk(
                    FNV_OFFSET,
                    u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]),
                );
                let last = u32::from_le_bytes([b8, b9, b10, b11]);
                fold(mix_chunk(h, u64::from(last))) & !1
            }
            _ => hash_ascii_lowered(FNV_OFFSET, b, start, end),
        }
    }

    /// A word holding chars outside ASCII, from its first char at `start` (a word char,
    /// not CJK), a char at a time. The fast path may have read its first chunks already:
    /// `from` (eight bytes' multiple past `start`), the hash of the chunks before it and
    /// whether they were all digits.
    #[inline(never)]
    fn slow_word(
        &mut self,
        start: usize,
        (from, h, mut numeric): (usize, u64, bool),
        first_class: u8,
        gap: u8,
    ) -> Token {
        let bytes = self.text.as_bytes();
        let bmp: &[u8; BMP] = &BMP_CLASS;
        let mut end = from;
        let mut chars = (from - start) as u32;
        // some char outside ASCII changes in lowercase (most are their own lowercase form)
        let mut cased = false;
        while let Some(&b) = bytes.get(end) {
            let k = BYTE_CLASS[b as usize];
            if k & B_WORD != 0 {
                numeric &= k & B_DIGIT != 0;
                end += 1;
            } else if k & B_NON_ASCII == 0 {
                break;
            } else {
                let (l, kind) = wide_class_at(bytes, end, bmp);
                if kind & (WORD | CJK) != WORD {
                    break;
                }
                numeric &= kind & NUMERIC != 0;
                cased |= kind & OWN_LOWER == 0;
                end += l;
            }
            chars += 1;
        }
        self.pos = end;
        let hash = if cased {
            let mut h = ByteHash {
                h,
                ..ByteHash::new()
            };
            let mut i = from;
            while i < end {
                let b = bytes[i];
                if b < 0x80 {
                    h.byte(b.to_ascii_lowercase());
                    i += 1;
                    continue;
                }
                let (c, l, kind) = self.wide_char_at(i);
                if kind & OWN_LOWER != 0 {
                    bytes[i..i + l].iter().for_each(|&b| h.byte(b));
                } else {
                    h.lower_rare(c);
                }
                i += l;
            }
            h.finish()
        } else {
            // the lowercase form is the text with its ASCII capitals lowered
            hash_ascii_lowered(h, bytes, from, end)
        };
        Token {
            start,
            end,
            hash,
            chars,
            upper_initial: first_class & UPPER != 0,
            numeric,
            cjk: false,
            gap,
        }
    }
}

/// The hash ([`ByteHash`]) of `bytes[start..end]` with its ASCII capitals lowered, going
/// on from `h` (the hash of the chunks before `start`): the hash of the lowercase form of
/// text whose other chars are their own lowercase form.
fn hash_ascii_lowered(mut h: u64, bytes: &[u8], start: usize, end: usize) -> u64 {
    let word = bytes.get(start..end).unwrap_or(&[]);
    let lowered = |w: u64| w | ascii_classes(w).1 >> 2;
    let mut chunks = word.chunks_exact(8);
    for c in &mut chunks {
        h = mix_chunk(
            h,
            lowered(u64::from_le_bytes(c.try_into().unwrap_or([0; 8]))),
        );
    }
    let rest = chunks.remainder().len();
    if rest > 0 {
        // the last bytes, zero-padded (the text goes on past the word in most cases)
        let keep = (1u64 << (8 * rest)) - 1;
        h = mix_chunk(h, lowered(chunk_at(bytes, end - rest)) & keep);
    }
    fold(h) & !1
}

/// A bit per hash bucket, set for the buckets some key of a table falls into: most lookups
/// of words a table does not hold end here, without touching the table, whose slots are
/// spread over far more memory than the cache holds.
pub(crate) struct Filter(Box<[u64; FILTER_WORDS]>);

/// 2^18 bits (32 KiB): the stoplists' 3,242 words set 1.2 % of them (4.8 % at 2^16
/// bits), so a word no stoplist holds goes on to probe the table about once in eighty
/// lookups instead of once in twenty. Measured on the scrapinghub text dumps
/// (`profile_text --reps 30`, nine alternating runs, medians): 8 KiB → 32 KiB took 1.2–1.5 %
/// off the wall-clock time, with fewer simulated mispredicts (callgrind 1.126 M → 1.117 M)
/// though more simulated first-level misses (the filter is read at random); 4 KiB was
/// 2.5 % slower, 64 KiB no faster than 32.
const FILTER_BITS: u32 = 18;
/// The filter's 64-bit words: an array of known length, so a probe has no bounds test.
const FILTER_WORDS: usize = (1 << FILTER_BITS) / 64;

impl Filter {
    pub(crate) fn new(keys: impl Iterator<Item = u64>) -> Filter {
        let mut bits = Box::new([0u64; FILTER_WORDS]);
        for k in keys {
            let i = Filter::bucket(k);
            bits[i >> 6] |= 1 << (i & 63);
        }
        Filter(bits)
    }

    #[inline]
    fn bucket(hash: u64) -> usize {
        // another multiplier than the tables' slot hashing: the two are independent
        (hash.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> (64 - FILTER_BITS)) as usize
    }

    /// False when the table holds no key `hash`; true when it may.
    #[inline]
    pub(crate) fn may_hold(&self, hash: u64) -> bool {
        let i = Filter::bucket(hash);
        self.0[i >> 6] >> (i & 63) & 1 != 0
    }
}

/// Stopword hash → bit set of the languages that list it: an open-addressing table with
/// linear probing, keyed by the (always even) hash; an odd key marks an empty slot. Most
/// lookups end at the first slot, cheaper than a general hash map's group probe, and every
/// token of a page is looked up: the key and its languages share a slot (one cache line
/// per lookup), and a [`Filter`] answers for most words that are no stopword.
///
/// A slot holds the number of its word's language set ([`StopSet`]), not the set: the
/// stoplists' 3,239 words fall into about 200 distinct sets, so [`compute`] counts a page's
/// stopwords per set (one increment per token) and turns the counts into languages once.
pub(crate) struct StopTable {
    /// A slot is one `u64` (the table 64 KiB, half what (key, set) pairs take, and one
    /// probe one cache line): the key's bits outside [`SET_BITS`] and, in those bits, the
    /// number of its word's [`StopSet`]; an empty slot is [`EMPTY_SLOT`]
    slots: Box<[u64]>,
    /// [`StopSet`] → the bit set of its languages; set 0 is the empty one (no stopword)
    sets: Box<[u64]>,
    filter: Filter,
    shift: u32,
}

/// The number of a distinct set of languages in [`StopTable`] (0: no stoplist holds the
/// word). One byte: the 33 stoplists make 195 distinct sets; a test pins the lexicon
/// below 256 (`StopTable::new` would refuse more), and a byte indexes the per-page tables
/// of [`compute`] without a bounds test.
pub(crate) type StopSet = u8;

/// The number of [`StopSet`] values: the size of the per-page tables indexed by one.
const STOP_SETS: usize = 1 << StopSet::BITS;

const EMPTY_SLOT: u64 = 1;

/// The bits of a [`StopTable`] slot that hold its word's [`StopSet`] (above bit 0, which
/// tells a held key, always even, from an empty slot); the key is compared on the other
/// 55 bits of the hash.
const SET_BITS: u64 = (STOP_SETS as u64 - 1) << 1;

/// A table slot for `hash`, Fibonacci hashing: the multiply spreads the token hash over
/// the top bits, `64 - shift` of which number the slot.
#[inline]
fn fibonacci_slot(hash: u64, shift: u32) -> usize {
    (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

impl StopTable {
    fn new(words: impl Iterator<Item = (u64, u64)>) -> StopTable {
        let words: Vec<(u64, u64)> = words.collect();
        // at most four fifths full: 8192 slots (64 KiB) for the 3,923 entries of the 33
        // stoplists (3,242 distinct words), so the table stays in the second-level cache;
        // the filter turns most misses away before they probe, and a hit's probe stays
        // within a cache line or two
        let bits = (words.len().max(1) * 5 / 4)
            .next_power_of_two()
            .trailing_zeros();
        let size = 1usize << bits;
        let shift = 64 - bits;
        // built as (key, languages) pairs first
        // one more slot, always empty, after the probed ones: see `set`
        let mut pairs = vec![(EMPTY_SLOT, 0u64); size + 1];
        // each word's languages first, gathered from every list that holds it
        for &(hash, mask) in &words {
            debug_assert!(hash & 1 == 0);
            let mut i = fibonacci_slot(hash, shift);
            while pairs[i].0 != EMPTY_SLOT && pairs[i].0 != hash {
                i = (i + 1) & (size - 1);
            }
            pairs[i].0 = hash;
            pairs[i].1 |= mask;
        }
        // then the distinct sets numbered (in the order of their bits, so the numbering
        // does not depend on the table's layout) and each key given its set's number
        let mut sets: Vec<u64> = pairs.iter().map(|s| s.1).collect();
        sets.push(0);
        sets.sort_unstable();
        sets.dedup();
        assert!(
            sets.len() <= STOP_SETS,
            "{} distinct stopword language sets, more than a StopSet numbers",
            sets.len()
        );
        let slots: Box<[u64]> = pairs
            .iter()
            .map(|&(hash, languages)| {
                if hash == EMPTY_SLOT {
                    return EMPTY_SLOT;
                }
                let set = sets.binary_search(&languages).unwrap_or(0) as u64;
                hash & !SET_BITS | set << 1
            })
            .collect();
        // the stopwords' keys stay apart without the bits the set numbers take
        let mut keys: Vec<u64> = pairs
            .iter()
            .filter(|p| p.0 != EMPTY_SLOT)
            .map(|p| p.0 & !SET_BITS)
            .collect();
        let held = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(
            keys.len(),
            held,
            "two stopwords share a key without its set bits"
        );
        StopTable {
            slots,
            sets: sets.into_boxed_slice(),
            filter: Filter::new(words.iter().map(|w| w.0)),
            shift,
        }
    }

    #[inline]
    fn slot(&self, hash: u64) -> usize {
        fibonacci_slot(hash, self.shift)
    }

    /// The languages whose stoplists hold `hash` (0: none).
    #[inline]
    pub(crate) fn get(&self, hash: u64) -> u64 {
        self.languages(self.set(hash))
    }

    /// The languages of a set (bit `i`: `LANGUAGES[i]`).
    #[inline]
    fn languages(&self, set: StopSet) -> u64 {
        self.sets.get(usize::from(set)).copied().unwrap_or(0)
    }

    /// The number of distinct language sets, the empty one included.
    fn set_count(&self) -> usize {
        self.sets.len()
    }

    /// The set of languages whose stoplists hold `hash` (0: none).
    #[inline]
    pub(crate) fn set(&self, hash: u64) -> StopSet {
        // Without a branch on whether the word is a stopword (that cannot be predicted):
        // a word the filter turns away starts at the empty slot after the table, and the
        // probe ends at the word's slot or at an empty one, whose mask is 0. Only a word
        // kept from its first slot by another one probes on.
        let size = self.slots.len() - 1;
        let maybe = usize::from(self.filter.may_hold(hash)).wrapping_neg();
        let mut i = self.slot(hash) & maybe | size & !maybe;
        loop {
            let k = self.slots[i];
            // one branch on both ends of the probe (a compiler would split
            // `(k == hash) | (k == EMPTY_SLOT)` in two and branch first on the
            // unpredictable one): a key is even, so `k ^ EMPTY_SLOT` is odd for a held
            // key (invertible modulo 2^64) and zero for an empty slot, and the product is
            // zero exactly at the probe's end (the set bits left out of the comparison)
            if ((k ^ hash) & !SET_BITS).wrapping_mul(k ^ EMPTY_SLOT) == 0 {
                // the set number in the key's set bits (0 in an empty slot)
                return (k >> 1) as StopSet;
            }
            i = (i + 1) & (size - 1);
        }
    }
}

/// Stopword hash → bit set of the languages that list it.
static STOPWORDS: LazyLock<StopTable> = LazyLock::new(|| {
    StopTable::new(LANGUAGES.iter().enumerate().take(64).flat_map(|(i, lang)| {
        lang.stopwords
            .iter()
            .map(move |w| (hash_lower(w), 1u64 << i))
    }))
});

/// Forces the construction of the lexicon tables (so the first call pays no extra).
pub(crate) fn warm_up() {
    LazyLock::force(&STOPWORDS);
    LazyLock::force(&BMP_CLASS);
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
    /// Whether the word (by hash) is a stopword of this language (never when the
    /// language is unknown).
    pub(crate) fn has_stopword(&self, hash: u64) -> bool {
        STOPWORDS.get(hash) & self.bit() != 0
    }
}

/// Tokens of the longer blocks looked at to guess the language.
const LANG_SAMPLE_TOKENS: usize = 2000;
/// Fewer stopword hits than this: the language stays unknown.
const LANG_MIN_HITS: u32 = 3;
/// Blocks at least this long (bytes) are read first to guess the language: navigation
/// says little about it.
const LANG_LONG_BLOCK: usize = 80;

/// Adds to `hits` the languages of each stopword set ([`StopSet`]) as often as the page's
/// tokens used the set (`uses[set]`): the languages are counted once per set, not once
/// per token.
fn count_stopwords(hits: &mut [u32; 64], uses: &[u32], table: &StopTable) {
    for (set, &n) in uses.iter().enumerate().skip(1) {
        if n == 0 {
            continue;
        }
        let mut languages = StopSet::try_from(set).map_or(0, |set| table.languages(set));
        while languages != 0 {
            hits[languages.trailing_zeros() as usize] += n;
            languages &= languages - 1;
        }
    }
}

fn best_language(hits: &[u32; 64]) -> Lang {
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

/// Fills [`Block::features`] (all but `overlap`) and guesses the page's language, with
/// one tokenization of each block. Returns the language and the arena of content-word
/// hashes that the blocks' `content` ranges point into (so later passes never tokenize
/// again).
pub(crate) fn compute(blocks: &mut [Block]) -> (Lang, Vec<u64>) {
    let phrases = &*crate::prune::phrases::PHRASES;
    // pass 1, per token: hash (low bit = may be a content word) and the set of stoplists
    // holding it ([`StopSet`]): one lookup per token, the sets kept for pass 2. Two
    // arrays, not one of pairs: pass 2 compacts the content words into the hashes' array
    // in place (it becomes the arena) and frees the sets, so a large page does not hold
    // a third array of 8 bytes per token (at 8 MB of HTML, 9 MB more, in fresh pages
    // every call: blocks of that size are mapped and unmapped by the allocator)
    let capacity = blocks.iter().map(|b| b.text.len() / 5).sum();
    let mut hashes: Vec<u64> = Vec::with_capacity(capacity);
    let mut sets: Vec<StopSet> = Vec::with_capacity(capacity);
    let stopwords = &*STOPWORDS;
    // tokens per stopword set, of the long blocks sampled and of the other blocks: the
    // languages are counted from them once the page is read
    let mut sampled_uses = [0u32; STOP_SETS];
    let mut other_uses = [0u32; STOP_SETS];
    let mut sampled = 0usize;
    for b in blocks.iter_mut() {
        let in_sample = b.text.len() >= LANG_LONG_BLOCK && sampled < LANG_SAMPLE_TOKENS;
        let uses = if in_sample {
            &mut sampled_uses
        } else {
            &mut other_uses
        };
        let first = hashes.len();
        let mut words_hash = FNV_OFFSET;
        let mut matcher = phrases.matcher();
        let (mut words, mut capitalised, mut numbers, mut sentences) = (0u32, 0u32, 0u32, 0u32);
        let mut cjk = false;
        // the previous token is a lone capital (an initial: "J. Smith")
        let mut initial = false;
        let mut prev_end = 0;
        // the class bits of every gap between two tokens: an ASCII colon there (the tail
        // after the last token is looked at below) is what `related::label` and the
        // region's record shapes start with
        let mut gaps = 0u8;
        let mut read = tokens(&b.text);
        for t in &mut read {
            // sentence ends live in the gaps between tokens
            if t.gap_mark() {
                sentences += sentence_ends_in_gap(&b.text[prev_end..t.start], initial, t.cjk);
            }
            initial = t.chars == 1 && t.upper_initial;
            prev_end = t.end;
            gaps |= t.gap;
            words += 1;
            words_hash = combine(words_hash, t.hash);
            cjk |= t.cjk;
            capitalised += u32::from(t.upper_initial);
            numbers += u32::from(t.numeric);
            hashes.push(t.hash | u64::from(is_content(&t)));
            let set = stopwords.set(t.hash);
            sets.push(set);
            // every token, the many in no stoplist too (set 0): a branch on the set
            // would be mispredicted on most stopwords
            uses[usize::from(set)] += 1;
        }
        if in_sample {
            sampled += words as usize;
        }
        matcher.read_line(hashes[first..].iter().map(|&e| e & !1), words as usize);
        let tokens = words;
        // the letters of an alphabet written without spaces count [`LETTERS_PER_WORD`] to a
        // word
        if read.grams > 0 {
            words = words - read.grams + read.grams.div_ceil(LETTERS_PER_WORD);
        }
        let tail = &b.text[prev_end..];
        // a tail of one byte (most lines end on a word or on one mark) holds no sentence
        // end of its own: an end needs a mark and a space after it, or a CJK char next
        if tail.len() > 1 {
            sentences += sentence_ends_in_gap(tail, initial, false);
        }
        let colon = gaps & B_COLON != 0 || tail.as_bytes().contains(&b':');
        let ends_sentence = ends_like_sentence(&b.text);
        b.features = crate::block::Features {
            overlap: -1.0,
            content_start: first as u32,
            // the block's tokens until pass 2 counts its content words
            content_words: tokens,
            words,
            capitalised,
            numbers,
            sentences: sentences + u32::from(ends_sentence),
            ends_sentence,
            ends_colon: ends_with_colon(&b.text),
            text_hash: words_hash,
            phrase: matcher.finish(&b.text, cjk),
            colon,
            ..Default::default()
        };
    }
    if sampled < LANG_SAMPLE_TOKENS {
        // short pages: the short blocks too (every long block is in the sample, which
        // never filled up, so the count is the whole page's)
        for (n, &other) in sampled_uses.iter_mut().zip(&other_uses) {
            *n += other;
        }
    }
    let mut hits = [0u32; 64];
    count_stopwords(&mut hits, &sampled_uses, stopwords);
    let lang = best_language(&hits);
    // pass 2: stopwords of that language; the arena holds the content words only
    let bit = lang.bit();
    // per stopword set: whether it holds the language
    let mut in_lang = [false; STOP_SETS];
    for (set, stop) in in_lang.iter_mut().enumerate().take(stopwords.set_count()) {
        *stop = StopSet::try_from(set).is_ok_and(|set| stopwords.languages(set) & bit != 0);
    }
    // the arena is written over the hashes, never ahead of the token read (one word kept
    // at most per token read)
    let mut kept = 0usize;
    // the hashes as cells: the arena is written behind the read, in the same array
    let arena = Cell::from_mut(&mut hashes[..]).as_slice_of_cells();
    for b in blocks.iter_mut() {
        let start = b.features.content_start as usize;
        let end = start + b.features.content_words as usize;
        b.features.content_start = kept as u32;
        let mut stop = 0u32;
        // without a branch per token (whether a word is a stopword or a content word
        // cannot be predicted): every hash is written, and the arena keeps it or not.
        // Zipped slices: no bounds test per token but the write's
        let read = arena.get(start..end).unwrap_or(&[]);
        let read_sets = sets.get(start..end).unwrap_or(&[]);
        for (e, &set) in read.iter().zip(read_sets) {
            let e = e.get();
            let stopword = in_lang[usize::from(set)];
            let content = e & 1 == 1 && !stopword;
            stop += u32::from(stopword);
            arena[kept].set(e & !1);
            kept += usize::from(content);
        }
        b.features.stopwords = stop;
        b.features.content_words = kept as u32 - b.features.content_start;
    }
    drop(sets);
    hashes.truncate(kept);
    (lang, hashes)
}

/// Continues a hash of a word sequence with the next word's hash.
#[inline]
pub(crate) fn combine(h: u64, word: u64) -> u64 {
    (h ^ word).wrapping_mul(FNV_PRIME).rotate_left(5)
}

/// Hash of the word sequence of `s` (lowercase; punctuation and spacing ignored).
pub(crate) fn hash_words(s: &str) -> u64 {
    tokens(s).fold(FNV_OFFSET, |h, t| combine(h, t.hash))
}

#[inline]
fn is_content(t: &Token) -> bool {
    !t.numeric && (t.cjk || t.chars >= 3)
}

/// Hashes of the content words of `text` (no numbers, no short words) that are no stopword
/// in any language of the lexicon: what lines may share as a subject whatever language
/// they are written in (headlines of another language than the page's share their own
/// function words).
pub(crate) fn content_hashes_any_lang(text: &str) -> impl Iterator<Item = u64> + '_ {
    tokens(text)
        .filter(|t| is_content(t) && STOPWORDS.get(t.hash) == 0)
        .map(|t| t.hash)
}

/// Whether a word (by hash) is a stopword in no language of the lexicon: the filter of
/// [`content_hashes_any_lang`], for a word already hashed (a block's content words in
/// the arena, [`content_of`]).
#[inline]
pub(crate) fn stopword_in_no_language(hash: u64) -> bool {
    // set 0 is the empty language set (`StopTable::new` numbers the sets in order)
    STOPWORDS.set(hash) == 0
}

/// Closing characters that may follow a sentence end.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '«' | ')' | ']' | '」' | '』' | '）' | '›' | '*'
    )
}

#[inline]
fn is_terminal(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '.' | '!' | '?');
    }
    matches!(
        c,
        '.' | '!' | '?' | '。' | '！' | '？' | '…' | '।' | '؟' | '۔' | '።' | '‼' | '⁉'
    )
}

/// Whether the text ends like a sentence, and how many sentence ends it holds.
#[cfg(test)]
pub(crate) fn sentence_shape(text: &str) -> (bool, u32) {
    let mut ends = 0;
    let mut initial = false;
    let mut prev_end = 0;
    for t in tokens(text) {
        ends += sentence_ends_in_gap(&text[prev_end..t.start], initial, t.cjk);
        initial = t.chars == 1 && t.upper_initial;
        prev_end = t.end;
    }
    ends += sentence_ends_in_gap(&text[prev_end..], initial, false);
    let end = ends_like_sentence(text);
    (end, ends + u32::from(end))
}

/// Sentence ends in the text between two tokens: a terminal mark followed by a space, or
/// by a CJK character (`next_cjk`: the next token is one). A period right after a lone
/// capital (`after_initial`: the token before the gap is one) is an initial ("J. Smith", "M. Ford"), not an end.
#[inline]
fn sentence_ends_in_gap(gap: &str, after_initial: bool, next_cjk: bool) -> u32 {
    if gap.is_empty() {
        return 0;
    }
    let mut ends = 0;
    let mut pending = false;
    for (i, c) in gap.char_indices() {
        if is_terminal(c) {
            let initial = i == 0 && c == '.' && after_initial;
            pending = !initial;
        } else if pending {
            if c.is_whitespace() || is_cjk(c) {
                ends += 1;
            }
            pending = false;
        }
    }
    if pending && next_cjk {
        ends += 1;
    }
    ends
}

/// Whether the text ends with a colon (`:` or `：`), trailing whitespace aside. (Kept out
/// of line: inlined, it costs [`compute`]'s token loop registers.)
#[inline(never)]
fn ends_with_colon(text: &str) -> bool {
    trimmed_ends_with(text, b':', '：')
}

/// Whether the text, trailing whitespace aside, ends with `ascii` or `wide` (its
/// fullwidth form): `text.trim_end().ends_with([ascii, wide])`. Most lines end on an ASCII
/// char that is no whitespace: its byte answers, without decoding a char backwards.
#[inline]
pub(crate) fn trimmed_ends_with(text: &str, ascii: u8, wide: char) -> bool {
    match text.as_bytes().last() {
        Some(&c) if c.is_ascii() && !char::from(c).is_whitespace() => c == ascii,
        _ => text.trim_end().ends_with([char::from(ascii), wide]),
    }
}

/// Whether the text ends like a sentence (a terminal mark, maybe followed by closing
/// quotes or brackets).
fn ends_like_sentence(text: &str) -> bool {
    // most lines end on a letter, a digit or a full stop: no need to decode chars backwards
    match text.as_bytes().last() {
        Some(b'.' | b'!' | b'?') => return true,
        Some(b) if b.is_ascii_alphanumeric() => return false,
        _ => {}
    }
    let trimmed = text.trim_end().trim_end_matches(is_closer);
    trimmed.chars().next_back().is_some_and(is_terminal)
}

/// Word hash → value: an open-addressing table with linear probing, key and value side by
/// side, at most half full (it doubles past that). Keys are word hashes, always even; an
/// odd key marks an empty slot, whose value stays `V::default()`. Cheaper than a general
/// hash map for the vocabularies, which every kept block's words are looked up in: a
/// lookup probes one or two slots and no branch depends on whether the word is there.
pub(crate) struct WordMap<V> {
    slots: Vec<(u64, V)>,
    len: usize,
    shift: u32,
}

/// Word hash → count.
pub(crate) type CountMap = WordMap<u32>;

impl<V: Copy + Default> WordMap<V> {
    /// A map for about `n` distinct words.
    pub(crate) fn with_capacity(n: usize) -> WordMap<V> {
        let bits = (n * 2).max(16).next_power_of_two().trailing_zeros();
        WordMap {
            slots: vec![(EMPTY_SLOT, V::default()); 1 << bits],
            len: 0,
            shift: 64 - bits,
        }
    }

    #[inline]
    fn slot(&self, hash: u64) -> usize {
        (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The value of `hash` (inserted as `V::default()` when new) and whether it is new.
    #[inline(always)]
    pub(crate) fn entry(&mut self, hash: u64) -> (&mut V, bool) {
        debug_assert!(hash & 1 == 0);
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        self.entry_reserved(hash)
    }

    /// Room for `n` more words: the next `n` calls of [`WordMap::entry_reserved`] need no
    /// test of the size.
    pub(crate) fn reserve(&mut self, n: usize) {
        while (self.len + n) * 2 > self.slots.len() {
            self.grow();
        }
    }

    /// [`WordMap::entry`] without the test of the size: [`WordMap::reserve`] made room.
    #[inline(always)]
    pub(crate) fn entry_reserved(&mut self, hash: u64) -> (&mut V, bool) {
        debug_assert!(hash & 1 == 0);
        debug_assert!((self.len + 1) * 2 <= self.slots.len());
        let i = self.free_slot(hash);
        // whether the word is new cannot be predicted: no branch on it
        let new = self.slots[i].0 == EMPTY_SLOT;
        self.len += usize::from(new);
        self.slots[i].0 = hash;
        (&mut self.slots[i].1, new)
    }

    /// Twice the slots, the words moved over.
    #[cold]
    fn grow(&mut self) {
        let old = std::mem::replace(self, WordMap::with_capacity(self.slots.len()));
        for (k, v) in old.slots {
            if k != EMPTY_SLOT {
                let i = self.free_slot(k);
                self.slots[i] = (k, v);
                self.len += 1;
            }
        }
    }

    /// The slot holding `hash`, or the empty slot where it goes.
    #[inline]
    fn free_slot(&self, hash: u64) -> usize {
        let last = self.slots.len() - 1;
        let mut i = self.slot(hash);
        loop {
            let k = self.slots[i].0;
            // one test for both ends of the probe (found, or not there): whether a word
            // is in the map cannot be predicted, a collision mostly can. Written as one
            // product, which a compiler does not split into two branches as it would
            // `(k == hash) | (k == EMPTY_SLOT)`: a held key is even, so `k ^ EMPTY_SLOT`
            // is odd (invertible modulo 2^64) and the product is zero only when
            // `k == hash`; an empty slot zeroes the second factor.
            if (k ^ hash).wrapping_mul(k ^ EMPTY_SLOT) == 0 {
                return i;
            }
            i = (i + 1) & last;
        }
    }

    /// The value of `hash`: `V::default()` when the map does not hold it.
    #[inline]
    pub(crate) fn value(&self, hash: u64) -> V {
        self.slots[self.free_slot(hash)].1
    }
}

impl CountMap {
    /// Counts one more `hash`.
    #[inline(always)]
    pub(crate) fn add(&mut self, hash: u64) {
        *self.entry(hash).0 += 1;
    }

    /// How often `hash` was counted.
    #[inline]
    pub(crate) fn get(&self, hash: u64) -> u32 {
        self.value(hash)
    }
}

#[cfg(test)]
impl<V: Copy + Default> WordMap<V> {
    /// The number of distinct words held.
    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

/// The initial size of [`Topic`]'s table, in distinct words.
const VOCABULARY_GUESS: usize = 4096;

/// The article's vocabulary: content-word hashes of the prose blocks still kept.
pub(crate) struct Topic {
    /// word → (its count, [`ONE_BLOCK`] data: the first block using it, plus one, or
    /// [`MANY_BLOCKS`])
    counts: WordMap<(u32, u32)>,
    /// How many of its words are a stopword in no language, counted up to
    /// [`INFORMATIVE_WORDS`] (see [`Topic::is_informative`]).
    plain_words: u32,
    built: bool,
}

/// A vocabulary of at least this many words (a stopword in no language) tells a topic.
const INFORMATIVE_WORDS: u32 = 20;

/// [`Topic`]'s mark of a word two or more blocks use.
const MANY_BLOCKS: u32 = u32::MAX;

impl Topic {
    /// A vocabulary not built yet.
    pub fn empty() -> Topic {
        Topic {
            counts: WordMap::with_capacity(0),
            plain_words: 0,
            built: false,
        }
    }

    /// Whether the vocabulary was built.
    pub fn is_built(&self) -> bool {
        self.built
    }

    /// Builds the vocabulary from kept prose blocks.
    pub fn from_blocks(blocks: &[Block], arena: &[u64]) -> Topic {
        let words: usize = blocks
            .iter()
            .filter(|b| feeds(b))
            .map(|b| b.features.content_words as usize)
            .sum();
        // sized for the distinct words, which grow much slower than the words (a long
        // page repeats its vocabulary): a table sized to every word was 8 MB on a 4 MB
        // page, written once and then probed at random out of the caches. Small pages
        // (up to `VOCABULARY_GUESS` content words) get the same table as before; larger
        // ones start there and double as they need
        let mut counts: WordMap<(u32, u32)> = WordMap::with_capacity(words.min(VOCABULARY_GUESS));
        let mut plain_words = 0;
        // counts one use of `h` by block `own`; whether the word is new
        #[inline(always)]
        fn count(counts: &mut WordMap<(u32, u32)>, h: u64, own: u32) -> bool {
            let (e, new) = counts.entry_reserved(h);
            e.0 += 1;
            // the first block using the word, or the mark of several (a select)
            e.1 = if e.1 == 0 || e.1 == own {
                own
            } else {
                MANY_BLOCKS
            };
            new
        }
        for (j, b) in blocks.iter().enumerate().filter(|(_, b)| feeds(b)) {
            let own = j as u32 + 1;
            let content = content_of(b, arena);
            counts.reserve(content.len());
            let mut rest = content;
            // the new words counted up to what `is_informative` asks (a lookup per new
            // word), then the words without that test (a loop of its own: the counting
            // loop keeps its values in registers)
            while plain_words < INFORMATIVE_WORDS {
                let Some((&h, tail)) = rest.split_first() else {
                    break;
                };
                rest = tail;
                if count(&mut counts, h, own) && stopword_in_no_language(h) {
                    plain_words += 1;
                }
            }
            Topic::count_rest(&mut counts, rest, own);
        }
        Topic {
            counts,
            plain_words,
            built: true,
        }
    }

    /// Counts the uses of `words` by block `own` as `count` in `from_blocks` does, the
    /// table's room made ([`WordMap::reserve`]): the probe of [`WordMap::free_slot`] and
    /// the update of [`WordMap::entry_reserved`], written over the table's slots held in
    /// locals, so that the loop keeps them in registers (through the map, it reloads them
    /// for every word).
    fn count_rest(counts: &mut WordMap<(u32, u32)>, words: &[u64], own: u32) {
        let shift = counts.shift;
        let slots = &mut counts.slots[..];
        let last = slots.len() - 1;
        let mut added = 0;
        for &h in words {
            let mut i = (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize & last;
            loop {
                let k = slots[i].0;
                // (found or empty, in one test: see `WordMap::free_slot`)
                if (k ^ h).wrapping_mul(k ^ EMPTY_SLOT) == 0 {
                    break;
                }
                i = (i + 1) & last;
            }
            let (k, e) = &mut slots[i];
            added += usize::from(*k == EMPTY_SLOT);
            *k = h;
            e.0 += 1;
            // the first block using the word, or the mark of several (a select)
            e.1 = if e.1 == 0 || e.1 == own {
                own
            } else {
                MANY_BLOCKS
            };
        }
        counts.len += added;
    }

    /// Whether the vocabulary holds enough text to judge topics: words that are a stopword
    /// in no language are counted, so that the answer does not hang on the language
    /// guess (a page of few stopwords is guessed in a language or in none depending on a
    /// line the rules remove, and its words "the" and "into" are content words in none).
    pub fn is_informative(&self) -> bool {
        self.plain_words >= INFORMATIVE_WORDS
    }

    /// How often the word (by hash) appears in the article's prose.
    pub fn count(&self, hash: u64) -> u32 {
        self.counts.value(hash).0
    }

    /// Fills `features.overlap` for every block. A block's own words do not count as
    /// evidence for it: for a prose block (which fed the vocabulary), a word overlaps only
    /// when the rest of the article uses it too, that is when another block fed it (noted
    /// while the vocabulary was built: no count of the block's own words here).
    pub fn annotate(&self, blocks: &mut [Block], arena: &[u64]) {
        // `WordMap::value` over the table's slots held in locals (as in `count_rest`)
        let shift = self.counts.shift;
        let slots = &self.counts.slots[..];
        let last = slots.len() - 1;
        let value = |h: u64| {
            let mut i = (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize & last;
            loop {
                let (k, v) = slots[i];
                if (k ^ h).wrapping_mul(k ^ EMPTY_SLOT) == 0 {
                    return v;
                }
                i = (i + 1) & last;
            }
        };
        // the rules never read the overlap of dropped blocks
        for b in blocks.iter_mut().filter(|b| b.kept()) {
            let contributed = feeds(b);
            if contributed && b.features.words > OWN_WORDS_LIMIT {
                b.features.overlap = 1.0;
                continue;
            }
            let content = content_of(b, arena);
            let hit = if contributed {
                content
                    .iter()
                    .filter(|&&h| value(h).1 == MANY_BLOCKS)
                    .count()
            } else {
                content.iter().filter(|&&h| value(h).0 > 0).count()
            };
            b.features.overlap = if content.is_empty() {
                1.0
            } else {
                hit as f32 / content.len() as f32
            };
        }
    }
}

/// Whether a block feeds the article's vocabulary: kept prose, no heading.
#[inline]
fn feeds(b: &Block) -> bool {
    b.kept() && b.is_prose() && b.kind != Kind::Heading
}

/// The content-word hashes of a block, from the arena [`compute`] filled.
pub(crate) fn content_of<'a>(b: &Block, arena: &'a [u64]) -> &'a [u64] {
    let start = b.features.content_start as usize;
    let end = start + b.features.content_words as usize;
    arena.get(start..end).unwrap_or(&[])
}

/// Prose blocks longer than this are the article's body: their overlap is 1 without
/// counting.
const OWN_WORDS_LIMIT: u32 = 60;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_table_agrees_with_the_unicode_lookups() {
        for cp in (0..0x11_0000u32).step_by(7).chain(0..0x3000) {
            if let Some(c) = char::from_u32(cp) {
                assert_eq!(class(c), class_slow(c), "{cp:#x}");
                if !c.is_ascii() {
                    assert_eq!(class(c) & WORD != 0, is_word_char_slow(c), "{cp:#x}");
                }
            }
        }
    }

    #[test]
    fn tokens_split_words_and_cjk() {
        let t: Vec<_> = tokens("Hello, wörld! 東京で 42")
            .map(|t| &"Hello, wörld! 東京で 42"[t.start..t.end])
            .collect();
        assert_eq!(t, ["Hello", "wörld", "東", "京", "で", "42"]);
    }

    #[test]
    fn unspaced_alphabets_hash_their_letters_as_ngrams() {
        let hashes = |s: &str| tokens(s).map(|t| t.hash).collect::<Vec<_>>();
        // one token per letter, each hashed as the four letters from it, or the run's
        // last four near its end: "ราคาทอง" is ราคา, าคาท, คาทอ, าทอง, then าทอง thrice
        let text = "ราคาทอง ทอง";
        let t: Vec<_> = tokens(text).collect();
        assert_eq!(t.len(), 10);
        assert!(t.iter().all(|t| t.cjk && t.chars == 1));
        let h = hashes(text);
        assert_eq!(h[0], hash_lower("ราคา"));
        assert_eq!(h[1], hash_lower("าคาท"));
        assert_eq!(h[3], hash_lower("าทอง"));
        assert_eq!(h[4..7], [h[3]; 3]);
        // a run shorter than four letters is hashed whole
        assert_eq!(h[7..], [hash_lower("ทอง"); 3]);
        assert_eq!(hashes("ทอ"), [hash_lower("ทอ"); 2]);
        // the same letters in other words hash alike, so lines share their syllables
        assert_eq!(hashes("ราคาข้าว")[0], h[0]);
        // Lao, Khmer, Myanmar too; Han and kana stay one character a token
        for s in ["ລາຄາ", "តម្លៃ", "ဈေးနှုန်း"] {
            let mut read = tokens(s);
            let t: Vec<_> = (&mut read).collect();
            assert_eq!(read.grams as usize, t.len(), "{s}");
            assert_eq!(t[0].hash, hash_lower(&s[..12]), "{s}");
        }
        let mut read = tokens("東京で");
        assert!(read.all(|t| t.cjk));
        assert_eq!(read.grams, 0);
        assert_eq!(hashes("東京"), [hash_lower("東"), hash_lower("京")]);
    }

    #[test]
    fn unspaced_alphabets_count_three_letters_to_a_word() {
        let mut blocks = vec![
            Block::new("ราคาทองวันนี้ปรับขึ้น".into(), Kind::Paragraph),
            Block::new("ราคา gold 東京".into(), Kind::Paragraph),
        ];
        let (_, arena) = compute(&mut blocks);
        // 21 letters: 7 words; "ราคา" 2, "gold" 1, "東京" 2
        assert_eq!(blocks[0].features.words, 7);
        assert_eq!(blocks[1].features.words, 5);
        // every letter is a content word of the arena still
        assert_eq!(blocks[0].features.content_words, 21);
        assert_eq!(blocks[1].features.content_start, 21);
        assert_eq!(arena.len(), 21 + 4 + 1 + 2);
        assert_eq!(spaced_words(&blocks[1].text, blocks[1].features.words), 4);
    }

    #[test]
    fn indic_words_keep_their_virama_and_nukta() {
        // NFC: "पढ़ें" holds ढ + nukta, "পড়ুন" ড + nukta; "क्या", "সম্পর্কিত" a virama
        let text = "यह भी पढ़ें: क्या प्रधानमंत्री। আরও পড়ুন সম্পর্কিত";
        let t: Vec<_> = tokens(text).map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            t,
            [
                "यह",
                "भी",
                "पढ़ें",
                "क्या",
                "प्रधानमंत्री",
                "আরও",
                "পড়ুন",
                "সম্পর্কিত"
            ]
        );
        // the precomposed nukta letters (not NFC) hash as their NFC form
        assert_eq!(hash_lower("\u{95D}"), hash_lower("\u{922}\u{93C}"));
        assert_eq!(hash_lower("\u{9DF}"), hash_lower("\u{9AF}\u{9BC}"));
        let precomposed = "\u{92A}\u{95D}\u{947}\u{902}";
        let t: Vec<_> = tokens(precomposed).collect();
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].hash, hash_lower("\u{92A}\u{922}\u{93C}\u{947}\u{902}"));
        // a word starting with one, and a capital before one (the slow path's two cases)
        let t: Vec<_> = tokens("\u{95D}\u{947} Ä\u{95D}").collect();
        assert_eq!(t[0].hash, hash_lower("\u{922}\u{93C}\u{947}"));
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn token_fields_agree_with_their_text() {
        let text = "Ünïcode 123 a1 ÀB_c. «Ça» 42½ x…y 東京 Привет, МИР! 1.5 ok?";
        let mut prev_end = 0;
        for t in tokens(text) {
            let s = &text[t.start..t.end];
            assert_eq!(t.chars as usize, s.chars().count(), "{s}");
            assert_eq!(t.hash, hash_lower(s), "{s}");
            assert_eq!(t.numeric, !t.cjk && s.chars().all(char::is_numeric), "{s}");
            let gap = &text[prev_end..t.start];
            let marked = gap.chars().any(is_terminal);
            assert_eq!(t.gap_mark(), marked, "{gap:?}");
            assert_eq!(t.gap & B_COLON != 0, gap.contains(':'), "{gap:?}");
            prev_end = t.end;
        }
    }

    #[test]
    fn ends_with_colon_as_the_trimmed_text_does() {
        for text in [
            "Price:",
            "Price: ",
            "Price：",
            "Price：\u{3000}",
            "a:\u{b}",
            "a:\u{85}",
            "a",
            "",
            ":",
            " ",
            "x :\t",
            "Ünï:",
            "東京",
        ] {
            assert_eq!(
                ends_with_colon(text),
                text.trim_end().ends_with([':', '：']),
                "{text:?}"
            );
            let q = text.replace(':', "?").replace('：', "？");
            assert_eq!(
                trimmed_ends_with(&q, b'?', '？'),
                q.trim_end().ends_with(['?', '？']),
                "{q:?}"
            );
        }
    }

    #[test]
    fn the_colon_flag_is_whether_the_text_holds_one() {
        for text in [
            "Price: 12 euros",
            "Q:",
            "at 6:34 am",
            "no colon here",
            "：fullwidth only",
            ":",
            "東京:大阪",
            "Ünï: x",
            "tail colon :",
            "",
        ] {
            let mut blocks = vec![Block::new(text.to_string(), Kind::Paragraph)];
            compute(&mut blocks);
            assert_eq!(blocks[0].features.colon, text.contains(':'), "{text:?}");
        }
    }

    #[test]
    fn wide_class_at_agrees_with_the_char_lookup() {
        let bmp: &[u8; BMP] = &BMP_CLASS;
        for cp in (0x80..0x11_0000u32).step_by(3).chain(0x80..0x800) {
            if let Some(c) = char::from_u32(cp) {
                let s = format!("{c}x");
                assert_eq!(
                    wide_class_at(s.as_bytes(), 0, bmp),
                    (c.len_utf8(), class(c)),
                    "{cp:#x}"
                );
            }
        }
    }

    #[test]
    fn ascii_classes_agree_with_the_byte_table() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                // the byte in one lane, its neighbours all word bytes or all not
                for fill in [b'a', b' ', 0xC3, b'Z'] {
                    let mut w = [fill; 8];
                    w[lane] = b;
                    let (word, upper, digit) = ascii_classes(u64::from_le_bytes(w));
                    let bit = |m: u64| m >> (8 * lane + 7) & 1 == 1;
                    let k = BYTE_CLASS[b as usize];
                    assert_eq!(bit(word), k & B_WORD != 0, "{b:#x}");
                    assert_eq!(bit(upper), k & B_UPPER != 0, "{b:#x}");
                    assert_eq!(bit(digit), k & B_DIGIT != 0, "{b:#x}");
                }
            }
        }
    }

    #[test]
    fn fast_and_slow_tokens_hash_alike() {
        // words across the eight-byte chunks, ASCII going on outside it and back, capitals
        // in and outside ASCII, digits, CJK, punctuation between
        let parts = [
            "a", "Bc", "DEFG", "hijklmn", "0", "42", "_", "é", "É", "ß", "İ", "Ж", "ж", "東", "½",
            " ", ", ", ". ", "’", "-", "\u{a0}", "ǅ", "ΣΑΣ", "x1",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut r = seed;
            let mut text = String::new();
            for _ in 0..(seed % 12) {
                text.push_str(parts[(r % parts.len() as u64) as usize]);
                r = r.rotate_right(7) ^ (r >> 5);
            }
            for t in tokens(&text) {
                let s = &text[t.start..t.end];
                assert_eq!(t.hash, hash_lower(s), "{s:?} in {text:?}");
                assert_eq!(t.chars as usize, s.chars().count(), "{s:?}");
                assert_eq!(
                    t.numeric,
                    !t.cjk && s.chars().all(char::is_numeric),
                    "{s:?}"
                );
                let first = s.chars().next().unwrap();
                assert_eq!(t.upper_initial, !t.cjk && first.is_uppercase(), "{s:?}");
            }
        }
        // the lowercase form decides, however the word is written
        assert_eq!(hash_lower("STRASSE"), hash_lower("strasse"));
        assert_eq!(hash_lower("ÉTÉ"), hash_lower("été"));
        assert_ne!(hash_lower("abcdefgh"), hash_lower("abcdefghi"));
    }

    #[test]
    fn stop_table_finds_every_stopword_and_nothing_else() {
        let mut want: HashMapU64<u64> = HashMapU64::default();
        for (i, lang) in LANGUAGES.iter().enumerate().take(64) {
            for w in lang.stopwords {
                *want.entry(hash_lower(w)).or_insert(0) |= 1 << i;
            }
        }
        for (&h, &mask) in &want {
            assert_eq!(STOPWORDS.get(h), mask);
        }
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let h = x & !1;
            assert_eq!(STOPWORDS.get(h), want.get(&h).copied().unwrap_or(0));
        }
    }

    #[test]
    fn count_map_counts_as_a_hash_map_does() {
        let mut ours = CountMap::with_capacity(0);
        let mut std: HashMapU64<u32> = HashMapU64::default();
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..5000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // few distinct words, counted many times, and growth past every size
            let h = (x % 700).wrapping_mul(0x9E37_79B9_7F4A_7C15) & !1;
            ours.add(h);
            *std.entry(h).or_insert(0) += 1;
        }
        assert_eq!(ours.len(), std.len());
        for (&h, &n) in &std {
            assert_eq!(ours.get(h), n);
        }
        assert_eq!(ours.get(2), 0);
        // room reserved a batch at a time, then filled without the size test
        let mut reserved = CountMap::with_capacity(0);
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..50 {
            reserved.reserve(100);
            for _ in 0..100 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let h = (x % 700).wrapping_mul(0x9E37_79B9_7F4A_7C15) & !1;
                *reserved.entry_reserved(h).0 += 1;
            }
        }
        assert_eq!(reserved.len(), std.len());
        for (&h, &n) in &std {
            assert_eq!(reserved.get(h), n);
        }
    }

    #[test]
    fn stopwords_are_counted_per_language() {
        let table = &*STOPWORDS;
        assert!(table.set_count() > 1);
        assert_eq!(table.languages(0), 0);
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        let sets: Vec<StopSet> = (0..1000)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                // long runs of one set too
                if i < 600 {
                    1
                } else {
                    (x % table.set_count() as u64) as StopSet
                }
            })
            .collect();
        assert!(table.set_count() <= STOP_SETS);
        let mut uses = [0u32; STOP_SETS];
        sets.iter().for_each(|&s| uses[usize::from(s)] += 1);
        let mut hits = [0u32; 64];
        count_stopwords(&mut hits, &uses, table);
        for (lang, &n) in hits.iter().enumerate() {
            let want = sets
                .iter()
                .filter(|&&s| table.languages(s) >> lang & 1 != 0)
                .count();
            assert_eq!(n as usize, want, "{lang}");
        }
        // every set is distinct, and numbered in a table the stopwords agree with
        let mut distinct = table.sets.to_vec();
        distinct.dedup();
        assert_eq!(distinct.len(), table.set_count());
        assert_eq!(
            table.get(hash_lower("the")),
            table.languages(table.set(hash_lower("the")))
        );
        assert_ne!(table.get(hash_lower("the")), 0);
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
        assert_eq!(sentence_shape("John M. Ford’s books, but how?").1, 1);
    }
}
