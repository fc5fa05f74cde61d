//! Any bytes through the CLI's WARC reading, as the CLI reads them: a `.warc` file, a
//! `.warc.gz` file (the bytes gzipped one member per record, as Common Crawl ships them,
//! and the fuzzer's bytes taken as gzip themselves), and standard input (sniffed: gzip or
//! not, WARC or a page). The reader must not panic, must yield a record or an error for
//! every record and move forward on each, keep no page over the limit, and read the same
//! records whatever the read sizes and the compression. Also drives `warc::Reader` alone
//! with a small body limit and a 1..13-byte buffer.
#![no_main]
// `Read::read_buf` for the reads the targets hand out (see common/readers.rs)
#![feature(read_buf, core_io_borrowed_buf)]

#[allow(dead_code)]
#[path = "../../src/bin/unclutter/input.rs"]
mod input;
#[allow(dead_code)]
#[path = "common/readers.rs"]
mod readers;
#[allow(dead_code)]
#[path = "../../src/bin/unclutter/warc.rs"]
mod warc;

use input::{Item, Payload};
use libfuzzer_sys::fuzz_target;
use readers::{check, gunzipped_max, gzip_members, line_starts, read_all, step_for, summaries};
use std::io::BufReader;
use std::sync::Arc;

const WARC: &str = "/nonexistent-unclutter-fuzz/in.warc";
const WARC_GZ: &str = "/nonexistent-unclutter-fuzz/in.warc.gz";

fuzz_target!(|data: &[u8]| {
    let step = step_for(data);
    let bytes: Arc<[u8]> = data.into();
    // every item consumes at least one line, and a stream error ends the file
    let bound = data.len() + 1;

    let plain = read_all(WARC, false, bytes.clone(), usize::MAX, bound);
    check(&plain);
    let expected = summaries(&plain, WARC);

    let chunked = read_all(WARC, false, bytes.clone(), step, bound);
    assert_eq!(
        summaries(&chunked, WARC),
        expected,
        "read {step} bytes at a time"
    );

    let gz: Arc<[u8]> = gzip_members(data, &line_starts(data, b"WARC/")).into();
    let from_gz = read_all(WARC_GZ, false, gz.clone(), step, bound);
    assert_eq!(summaries(&from_gz, WARC_GZ), expected, "gzipped");

    let unzipped = gunzipped_max(data);
    let raw_gz = read_all(WARC_GZ, false, bytes.clone(), step, unzipped + 2);
    check(&raw_gz);

    // standard input: a WARC (plain or gzipped) is read as one, anything else is one page
    for (stdin, gzipped) in [(bytes.clone(), false), (gz, true)] {
        let items = read_all("-", false, stdin, step, bound.max(unzipped + 2));
        if data.starts_with(b"WARC/") {
            assert_eq!(
                summaries(&items, "-"),
                expected,
                "WARC on stdin (gzip: {gzipped})"
            );
            continue;
        }
        if !gzipped && data.starts_with(&[0x1f, 0x8b]) {
            // the fuzzer's own gzip: whatever it holds
            continue;
        }
        assert_eq!(items.len(), 1, "a page on stdin is one record");
        let Item::Record(r) = &items[0] else {
            panic!("a page skipped")
        };
        match &r.payload {
            Ok(Payload::Bytes { data: page, .. }) => assert_eq!(&page[..], data),
            Ok(p) => panic!("{p:?}"),
            Err(why) => assert!(data.len() > readers::MAX_BYTES, "{why}"),
        }
    }

    direct(data, step);
});

/// `warc::Reader` alone, with a body limit of a third of the input and bodies wanted by
/// turns, through a tiny buffer and a large one: the same records, none kept over the limit.
fn direct(data: &[u8], cap: usize) {
    let max_body = (data.len() / 3) as u64;
    let run = |cap: usize| {
        let mut r = warc::Reader::new(BufReader::with_capacity(cap, data), max_body);
        let mut out = Vec::new();
        let mut n = 0;
        loop {
            n += 1;
            match r.next_record(|h| n % 2 == 0 || h.get("WARC-Type") == Some("response")) {
                Ok(None) => break,
                Ok(Some(Ok(rec))) => {
                    match &rec.body {
                        warc::Body::Read(b) => assert!(b.len() as u64 <= max_body),
                        warc::Body::TooLarge(len) => assert!(*len > max_body),
                        warc::Body::Skipped => {}
                    }
                    out.push(format!("{rec:?}"));
                }
                Ok(Some(Err(why))) => out.push(format!("malformed: {why}")),
                Err(e) => {
                    out.push(format!("stream error: {e}"));
                    break;
                }
            }
            assert!(
                out.len() <= data.len() + 1,
                "the WARC reader does not move on"
            );
        }
        out
    };
    assert_eq!(run(cap), run(8192), "WARC reader with a {cap}-byte buffer");
}
