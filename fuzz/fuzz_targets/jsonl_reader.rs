//! Any bytes through the CLI's JSON-lines reading, as the CLI reads them: a `.jsonl` file, a
//! `.jsonl.gz` file (the bytes gzipped in several members, and the fuzzer's bytes taken as
//! gzip themselves), and standard input with `--jsonl`. The reader must not panic, must
//! yield one record (a page or an error) for every line that is not blank, keep no page
//! over the limit, and read the same records whatever the read sizes and the compression.
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

use input::Item;
use libfuzzer_sys::fuzz_target;
use readers::{check, gunzipped_max, gzip_members, read_all, step_for, summaries};
use std::sync::Arc;

const JSONL: &str = "/nonexistent-unclutter-fuzz/in.jsonl";
const JSONL_GZ: &str = "/nonexistent-unclutter-fuzz/in.jsonl.gz";

fuzz_target!(|data: &[u8]| {
    let step = step_for(data);
    let bytes: Arc<[u8]> = data.into();
    let bound = data.len() + 1;

    let plain = read_all(JSONL, false, bytes.clone(), usize::MAX, bound);
    check(&plain);
    // one record per line that is not blank, in order, each named by its line number
    // when it has no id of its own
    let lines: Vec<usize> = data
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(plain.len(), lines.len(), "one record per line");
    for (item, line) in plain.iter().zip(&lines) {
        let Item::Record(r) = item else {
            panic!("a JSON line skipped")
        };
        if let Some(pos) = r.id.strip_prefix(JSONL) {
            assert_eq!(pos, format!(":{line}"), "the line number");
        }
    }
    let expected = summaries(&plain, JSONL);

    let chunked = read_all(JSONL, false, bytes.clone(), step, bound);
    assert_eq!(
        summaries(&chunked, JSONL),
        expected,
        "read {step} bytes at a time"
    );

    // members cut anywhere, even inside a line
    let cuts: Vec<usize> = (0..data.len()).step_by(step * 7).collect();
    let gz: Arc<[u8]> = gzip_members(data, &cuts).into();
    let from_gz = read_all(JSONL_GZ, false, gz, step, bound);
    assert_eq!(summaries(&from_gz, JSONL_GZ), expected, "gzipped");

    let raw_gz = read_all(
        JSONL_GZ,
        false,
        bytes.clone(),
        step,
        gunzipped_max(data) + 2,
    );
    check(&raw_gz);

    // `--jsonl`: standard input, and a file of any name, are JSON lines
    let stdin = read_all("-", true, bytes.clone(), step, bound);
    assert_eq!(summaries(&stdin, "-"), expected, "stdin with --jsonl");
    let html = "/nonexistent-unclutter-fuzz/in.html";
    let forced = read_all(html, true, bytes, step, bound);
    assert_eq!(
        summaries(&forced, html),
        expected,
        "a .html file with --jsonl"
    );
});
