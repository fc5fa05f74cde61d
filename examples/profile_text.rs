//! A small driver for profiling text mode: runs `Cleaner::clean` (text mode) over every
//! `*.txt` file of one folder, once to warm up and then `--reps N` times (default 1), and prints a checksum of the
//! output lengths so nothing is optimised away. Meant for
//!
//! ```text
//! valgrind --tool=callgrind --branch-sim=yes --toggle-collect='*measured_pass*' \
//!   target/release/examples/profile_text ../shared/datasets/scrapinghub/text
//! ```
//!
//! where instruction counts and simulated mispredicts compare across versions on a shared
//! machine (wall-clock does not).

use std::path::PathBuf;
use unclutter::{Cleaner, Input, Mode, Options};

fn main() {
    let mut dir = None;
    let mut reps = 1usize;
    let mut options = Options::default().with_mode(Mode::Text);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--reps" => reps = args.next().and_then(|n| n.parse().ok()).unwrap_or(1),
            "--keep-headings" => options.keep_headings = true,
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: profile_text [--reps N] [--keep-headings] DIR");
        std::process::exit(2);
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("readable folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    let cleaner = Cleaner::new(options);
    // One pass first so the one-time work (lexicons, regexes built on first use) is done
    // before `measured_pass`; `--toggle-collect=*measured_pass*` counts only the latter.
    let sum = warm_pass(&cleaner, &texts).wrapping_add(measured_pass(&cleaner, &texts, reps));
    println!("{} files, {} output bytes", texts.len(), sum);
}

fn pass(cleaner: &Cleaner, texts: &[String]) -> usize {
    let mut sum = 0usize;
    for t in texts {
        if let Ok(a) = cleaner.clean(Input::Text(t)) {
            sum = sum.wrapping_add(a.text().len());
        }
    }
    sum
}

#[inline(never)]
fn warm_pass(cleaner: &Cleaner, texts: &[String]) -> usize {
    pass(cleaner, texts)
}

/// Not the same body as `warm_pass` (identical functions may be folded into one symbol).
#[inline(never)]
fn measured_pass(cleaner: &Cleaner, texts: &[String], reps: usize) -> usize {
    (0..reps).fold(0usize, |sum, _| sum.wrapping_add(pass(cleaner, texts)))
}
