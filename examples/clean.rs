//! Prints the clean article of one page.
//!
//! ```text
//! cargo run --example clean -- page.html        # or page.txt, or page.html.gz
//! cargo run --example clean -- --keep-headings --explain page.txt
//! ```

use std::io::Read;
use std::process::ExitCode;
use unclutter::{Cleaner, Input, Mode, Options};

fn main() -> ExitCode {
    let mut options = Options::default();
    let mut explain = false;
    let mut path = None;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--keep-headings" => options.keep_headings = true,
            "--explain" => explain = true,
            "--html" => options.mode = Mode::Html,
            "--text" => options.mode = Mode::Text,
            _ => path = Some(a),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: clean [--keep-headings] [--explain] [--html|--text] FILE");
        return ExitCode::from(2);
    };
    let mut bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("clean: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    if path.ends_with(".gz") {
        let mut out = Vec::new();
        if let Err(e) = flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut out) {
            eprintln!("clean: {path}: {e}");
            return ExitCode::from(2);
        }
        bytes = out;
    }
    // the file name decides the mode when the options do not
    let name = path.trim_end_matches(".gz");
    if options.mode == Mode::Auto {
        if name.ends_with(".txt") {
            options.mode = Mode::Text;
        } else if name.ends_with(".html") || name.ends_with(".htm") {
            options.mode = Mode::Html;
        }
    }
    match Cleaner::new(options).clean(Input::Bytes(&bytes)) {
        Ok(article) => {
            println!("{}", article.text());
            if explain {
                for r in article.removed() {
                    let f = &article.blocks()[r.block].features;
                    eprintln!(
                        "[{}] (overlap {:.2}, words {}) {}",
                        r.reason, f.overlap, f.words, r.text
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("clean: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
