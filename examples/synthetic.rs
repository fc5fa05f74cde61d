//! The synthetic page of `benches/clean.rs` (`scaling`), for profiling one size alone.
//!
//! ```text
//! cargo run --release --example synthetic -- write 8 /tmp/syn8.html   # an 8 MB page
//! cargo run --release --example synthetic -- write 32760k /tmp/syn32.html   # in KiB: the
//!                                   # largest accepted page (the limit is 32 MiB)
//! cargo run --release --example synthetic -- clean 8 2                # clean it twice
//! ```
//!
//! `clean MB N` builds the page in memory and cleans it `N` times in HTML mode: under
//! `valgrind --tool=cachegrind`, the difference between `N = 2` and `N = 1` (`cg_diff`)
//! is one steady-state clean, the allocator already warm, as in the benchmark's loop.

use std::hint::black_box;
use std::process::ExitCode;
use unclutter::{Cleaner, Input, Options};

/// The same shape as `synthetic_page` in `benches/clean.rs`.
fn synthetic_page(bytes: usize) -> String {
    let mut page = String::from(
        "<html><head><title>Synthetic</title></head><body><nav><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li></ul></nav><article>",
    );
    let mut i = 0;
    while page.len() < bytes {
        page.push_str(&format!(
            "<h2>Section {i} of the report</h2><p>The council met on Tuesday to debate the \
             budget for section {i}, and several members asked for more time to read the \
             figures before the vote, which was moved to next week.</p><p>Residents who \
             attended the meeting said the plan would raise local taxes, while the mayor \
             argued that the new tram line would pay for itself within ten years.</p>\
             <ul class=related><li><a href=/a{i}>Celebrity chef opens a floating restaurant</a></li>\
             <li><a href=/b{i}>Five gadgets that will change how you sleep</a></li></ul>\
             <div class=share><a href=#>Share</a> <a href=#>Tweet</a></div>"
        ));
        i += 1;
    }
    page.push_str("</article><footer>© Synthetic Daily</footer></body></html>");
    page
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // MiB, or KiB with a `k`
    let mb = |s: &str| match s.strip_suffix('k') {
        Some(k) => k.parse::<usize>().ok().map(|k| k << 10),
        None => s.parse::<usize>().ok().map(|m| m << 20),
    };
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["write", size, path] => {
            let Some(bytes) = mb(size) else {
                return usage();
            };
            if let Err(e) = std::fs::write(path, synthetic_page(bytes)) {
                eprintln!("synthetic: {path}: {e}");
                return ExitCode::from(2);
            }
        }
        ["clean", size, n] => {
            let (Some(bytes), Ok(n)) = (mb(size), n.parse::<usize>()) else {
                return usage();
            };
            let page = synthetic_page(bytes);
            let cleaner = Cleaner::new(Options::default());
            for _ in 0..n {
                let _ = black_box(cleaner.clean(Input::Html(black_box(&page))));
            }
        }
        _ => return usage(),
    }
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("usage: synthetic write MB FILE | synthetic clean MB N");
    ExitCode::from(2)
}
