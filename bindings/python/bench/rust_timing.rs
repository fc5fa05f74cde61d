//! Times `Cleaner::clean(Input::Bytes)` + `Article::text()` over every file of a folder of
//! plain (not gzipped) pages, `reps` passes, and prints the best pass in seconds: the Rust
//! side of `bench/bench.py`.
//!
//! ```text
//! cargo run --release --example rust_timing -- DIR [REPS] [html|text|auto]
//! ```

use std::time::Instant;
use unclutter::{Cleaner, Input, Mode, Options};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: rust_timing DIR [REPS] [MODE]");
    let reps: usize = args.next().map(|s| s.parse().unwrap()).unwrap_or(5);
    let mode: Mode = args
        .next()
        .map(|s| s.parse().unwrap())
        .unwrap_or(Mode::Html);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let pages: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let cleaner = Cleaner::new(Options::default().with_mode(mode));
    let mut best = f64::INFINITY;
    let mut chars = 0usize;
    for _ in 0..reps {
        let t = Instant::now();
        chars = 0;
        for p in &pages {
            if let Ok(a) = cleaner.clean(Input::Bytes(p)) {
                chars += a.text().len();
            }
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("{best:.6} {} {chars}", pages.len());
}
