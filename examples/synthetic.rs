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

// the same page as the benchmark's
#[path = "../benches/common/synthetic.rs"]
mod synthetic;
use synthetic::synthetic_page;

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
