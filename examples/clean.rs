//! Prints the clean article of one page.
//!
//! ```text
//! cargo run --example clean -- page.html        # or page.txt, or page.html.gz
//! cargo run --example clean -- --keep-headings --explain page.txt
//! cargo run --example clean -- --blocks page.html   # every block: verdict, hints, text
//! ```

use std::io::Read;
use std::io::Write;
use std::process::ExitCode;
use unclutter::{Cleaner, Input, Mode, Options};

fn main() -> ExitCode {
    let mut options = Options::default();
    let mut explain = false;
    let mut dump = false;
    let mut path = None;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--keep-headings" => options.keep_headings = true,
            "--explain" => explain = true,
            "--blocks" => dump = true,
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
            // a closed pipe (`| head`) ends the output quietly: writes report it as an
            // error, where `println!` would panic
            let mut out = std::io::stdout().lock();
            if dump {
                for b in article.blocks() {
                    let h = &b.hints;
                    let v = match b.verdict {
                        unclutter::Verdict::Keep => "KEEP".to_string(),
                        unclutter::Verdict::Drop(r) => r.to_string(),
                    };
                    let line = writeln!(
                        out,
                        "{v:<16} {}{}{}{} c{:<5} ld{:.2} {:?}{} | {}",
                        if h.in_region { 'R' } else { '.' },
                        if h.in_article { 'A' } else { '.' },
                        if h.boilerplate_class { 'B' } else { '.' },
                        if h.chrome { 'C' } else { '.' },
                        h.container,
                        b.link_density.unwrap_or(0.0),
                        b.kind,
                        b.level,
                        b.text.chars().take(110).collect::<String>()
                    );
                    if line.is_err() {
                        break;
                    }
                }
                return ExitCode::SUCCESS;
            }
            // nothing to do when the reader has gone
            let _ = writeln!(out, "{}", article.text());
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
