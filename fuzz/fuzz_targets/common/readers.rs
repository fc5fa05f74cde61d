//! Shared by the `warc_reader` and `jsonl_reader` targets: runs the CLI's own record reader
//! (`input::Records`, from `src/bin/unclutter/input.rs`, included with `#[path]` by each
//! target) over bytes held in memory, and checks what the CLI promises of every item.
//!
//! Only the open differs from the CLI: `Records::with_opener` is handed the fuzzer's bytes
//! instead of a file or standard input. The bytes come in reads of at most `step` bytes, the
//! way a pipe or a slow network stream delivers them, so lines and headers that straddle
//! reads are exercised too.

use crate::input::{Item, Opener, Payload, Raw, ReadConfig, Records, Sources};
use flate2::{write::GzEncoder, Compression};
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::sync::Arc;

/// The page limit (`--max-bytes`) the targets read with: small, so the too-large paths are
/// reached by small inputs.
pub const MAX_BYTES: usize = 1000;

/// A `Read` that hands out at most `step` bytes per call.
struct Chunked {
    data: Arc<[u8]>,
    pos: usize,
    step: usize,
}

impl Read for Chunked {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = buf.len().min(self.step).min(self.data.len() - self.pos);
        buf[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }

    // Without this, `BufReader` zeroes its whole 256 KiB buffer before the first read, which
    // was most of the time of an execution (nightly only, as the fuzz crate is).
    fn read_buf(&mut self, mut cursor: io::BorrowedCursor<'_>) -> io::Result<()> {
        let n = cursor
            .capacity()
            .min(self.step)
            .min(self.data.len() - self.pos);
        cursor.append(&self.data[self.pos..self.pos + n]);
        self.pos += n;
        Ok(())
    }
}

/// Every item the CLI's reader yields for one input named `path` (`-` for standard input)
/// holding `bytes`, read `step` bytes at a time; `--jsonl` when `force_jsonl`. Fails when
/// there are more than `max_items` items (the reader must move forward on every item) or
/// when the reader yields more after its end.
pub fn read_all(
    path: &str,
    force_jsonl: bool,
    bytes: Arc<[u8]>,
    step: usize,
    max_items: usize,
) -> Vec<Item> {
    let cfg = ReadConfig {
        max_bytes: MAX_BYTES,
        id_field: "id".into(),
        html_field: "html".into(),
        text_field: "text".into(),
        url_field: "url".into(),
        skip_existing_in: None,
    };
    let opener: Opener = Box::new(move |_| {
        let raw: Raw = Box::new(Chunked {
            data: bytes.clone(),
            pos: 0,
            step: step.max(1),
        });
        Ok(raw)
    });
    let sources = Sources::new(vec![PathBuf::from(path)], force_jsonl);
    let mut records = Records::with_opener(sources, cfg, opener);
    let mut items = Vec::new();
    for item in records.by_ref() {
        // a compressed payload is inflated by the CLI's worker, as here
        let item = match item {
            Item::Record(r) => Item::Record(r.inflated()),
            skipped => skipped,
        };
        items.push(item);
        assert!(
            items.len() <= max_items,
            "more than {max_items} items: the reader does not move on"
        );
    }
    assert!(records.next().is_none(), "an item after the end");
    items
}

/// What the CLI promises of each item of a JSONL or WARC stream: a record with an id, or a
/// skip; a page that is kept is within the limit, and its size is its length.
pub fn check(items: &[Item]) {
    for item in items {
        let Item::Record(r) = item else { continue };
        assert!(!r.id.is_empty(), "a record without an id");
        assert!(r.stem.is_none() && r.stream, "a stream record: {r:?}");
        match &r.payload {
            Ok(Payload::Bytes { data, .. }) => {
                assert!(data.len() <= MAX_BYTES, "a page over the limit kept");
                assert_eq!(r.size, data.len() as u64);
            }
            Ok(Payload::Str { text, .. }) => {
                assert!(text.len() <= MAX_BYTES, "a page over the limit kept");
                assert_eq!(r.size, text.len() as u64);
            }
            Ok(Payload::Gzip { .. }) => panic!("a payload left compressed"),
            Err(why) => assert!(!why.is_empty(), "an error without a reason"),
        }
    }
}

/// The items as text to compare runs by, with the input's name in ids made of it (the ids of
/// records that have none of their own: `NAME:LINE`, `NAME#RECORD`, `NAME: stream error`)
/// replaced by `@`, and the gzip wording of stream errors
/// made plain.
pub fn summaries(items: &[Item], name: &str) -> Vec<String> {
    items
        .iter()
        .map(|item| match item {
            Item::Skipped => "skipped".to_string(),
            Item::Record(r) => {
                let id = match r.id.strip_prefix(name) {
                    Some(rest) if is_position(rest) => format!("@{rest}"),
                    _ => r.id.clone(),
                };
                let payload = match &r.payload {
                    Ok(Payload::Bytes { data, hint, mode }) => {
                        format!("bytes {mode:?} {hint:?} {data:?}")
                    }
                    Ok(Payload::Str { text, mode }) => format!("str {mode:?} {text:?}"),
                    Ok(Payload::Gzip { .. }) => "gzip".to_string(),
                    Err(why) => format!("error {}", why.replace("reading gzip: ", "reading: ")),
                };
                format!(
                    "{id} url={:?} stem={:?} size={} stream={} {payload}",
                    r.url, r.stem, r.size, r.stream
                )
            }
        })
        .collect()
}

/// Whether `rest` is what follows the input's name in an id the reader makes up.
fn is_position(rest: &str) -> bool {
    let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    rest == ": stream error"
        || rest.strip_prefix(':').is_some_and(number)
        || rest.strip_prefix('#').is_some_and(number)
}

/// `data` gzipped, a new gzip member starting at each of `starts` (Common Crawl ships one
/// member per record).
pub fn gzip_members(data: &[u8], starts: &[usize]) -> Vec<u8> {
    let mut cuts: Vec<usize> = starts.iter().copied().filter(|&i| i > 0).collect();
    cuts.push(data.len());
    let mut out = Vec::new();
    let mut from = 0;
    for to in cuts {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(&data[from..to]).unwrap();
        out.extend(e.finish().unwrap());
        from = to;
    }
    out
}

/// The offsets of the lines of `data` that start with `prefix`.
pub fn line_starts(data: &[u8], prefix: &[u8]) -> Vec<usize> {
    (0..data.len())
        .filter(|&i| (i == 0 || data[i - 1] == b'\n') && data[i..].starts_with(prefix))
        .collect()
}

/// The most bytes `data` can decompress to as a (multi-member) gzip file: DEFLATE expands
/// at most 1032 times (258 bytes from 2 bits), and each member of at least 20 bytes adds
/// nothing more than its own expansion.
pub fn gunzipped_max(data: &[u8]) -> usize {
    data.len().saturating_mul(1032)
}

/// How many reads of a fuzz input hand out per call: 1 to 13 bytes, from the input's
/// length (so every length tries another split).
pub fn step_for(data: &[u8]) -> usize {
    1 + data.len() % 13
}
