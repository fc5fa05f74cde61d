//! Scores unclutter on a benchmark folder with the metrics of
//! `../shared/datasets/README.md`, and gates CI on pinned floors.
//!
//! ```text
//! cargo run --release --example evaluate -- ../shared/datasets/scrapinghub [--mode html|text]
//!     [--keep-headings] [--per-page] [--misses] [--leaks] [--worst N] [--min-shingle-f1 X] [--min-word-f1 X]
//!     [--min-word-recall X] [--min-clean X] [--max-leak X] [--min-article-f1 X]
//!     [--disable-rule NAME|all]...
//! ```
//!
//! The set's layout is recognised: `ground-truth.json` (scrapinghub), `truth.json`
//! (injected-dev), `dev/ground-truth/` (wcxb-dev). `--mode text` reads the set's
//! full-page text dumps instead of its HTML. `--misses` prints every `with` snippet a page's
//! output does not contain (`miss`, id, page type, snippet with `\n` written out); a snippet
//! found once quotes are straightened, `&amp;` decoded and white space collapsed on both
//! sides is tagged `miss-norm` instead (the truth's normalisation, no extraction's loss). `--leaks`
//! prints every `without` snippet it does contain (`leak`, id, page type, snippet).
//! `--disable-rule NAME` (repeatable; `all` for every rule) scores the output without
//! that rule: with every rule off, the front door's own text, the ceiling of any
//! extraction that keeps the page's words as they are.

use flate2::read::GzDecoder;
use std::io::Write;

/// `println!` that ends the program quietly when stdout is closed (`| head`).
macro_rules! say {
    ($($arg:tt)*) => {
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    };
}
use regex::Regex;
use serde_json::Value;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use unclutter::{Cleaner, Input, Options};

struct Doc {
    id: String,
    input: PathBuf,
    truth: String,
    with: Vec<String>,
    without: Vec<String>,
    page_type: String,
}

fn read_input(path: &Path) -> std::io::Result<Vec<u8>> {
    let raw = std::fs::read(path)?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        GzDecoder::new(&raw[..]).read_to_end(&mut out)?;
        Ok(out)
    } else {
        Ok(raw)
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn load(set: &Path, text_mode: bool) -> Result<Vec<Doc>, String> {
    let json = |p: PathBuf| -> Result<Value, String> {
        let s = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        serde_json::from_str(&s).map_err(|e| format!("{}: {e}", p.display()))
    };
    let mut docs = Vec::new();
    if set.join("ground-truth.json").exists() {
        let truth = json(set.join("ground-truth.json"))?;
        for (id, v) in truth
            .as_object()
            .ok_or("ground-truth.json: not an object")?
        {
            let input = if text_mode {
                set.join("text").join(format!("{id}.txt"))
            } else {
                set.join("html").join(format!("{id}.html.gz"))
            };
            docs.push(Doc {
                id: id.clone(),
                input,
                truth: v["articleBody"].as_str().unwrap_or("").to_string(),
                with: vec![],
                without: vec![],
                page_type: "article".into(),
            });
        }
    } else if set.join("truth.json").exists() {
        let truth = json(set.join("truth.json"))?;
        for (id, v) in truth.as_object().ok_or("truth.json: not an object")? {
            docs.push(Doc {
                id: id.clone(),
                input: set.join("text").join(format!("{id}.txt")),
                truth: v["articleBody"].as_str().unwrap_or("").to_string(),
                with: strings(&v["with"]),
                without: strings(&v["without"]),
                page_type: v["page_type"].as_str().unwrap_or("article").to_string(),
            });
        }
    } else if set.join("dev/ground-truth").is_dir() {
        let dir = set.join("dev/ground-truth");
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        entries.sort();
        for p in entries {
            let v = json(p.clone())?;
            let id = p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            let gt = &v["ground_truth"];
            let input = if text_mode {
                set.join("dev/text").join(format!("{id}.txt"))
            } else {
                set.join("dev/html").join(format!("{id}.html.gz"))
            };
            docs.push(Doc {
                id,
                input,
                truth: gt["main_content"].as_str().unwrap_or("").to_string(),
                with: strings(&gt["with"]),
                without: strings(&gt["without"]),
                page_type: v["_internal"]["page_type"]["primary"]
                    .as_str()
                    .unwrap_or("unknown")
                    .to_string(),
            });
        }
    } else {
        return Err(format!(
            "{}: no ground-truth.json, truth.json or dev/ground-truth/ here",
            set.display()
        ));
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(docs)
}

/// `\w+` as Python's `re` reads it: general categories L* and N*, and `_`.
/// Lower-cased text with quotes straightened, `&amp;` decoded and white space collapsed.
fn loose(s: &str) -> String {
    let s = s.replace("&amp;", "&");
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => '"',
            c => c,
        }));
    }
    out
}

fn words<'a>(re: &'a Regex, s: &'a str) -> impl Iterator<Item = &'a str> {
    re.find_iter(s).map(|m| m.as_str())
}

/// (precision, recall) of shingles, `None` where the document is left out of the mean.
fn shingle_pr(re: &Regex, pred: &str, truth: &str) -> (Option<f64>, Option<f64>) {
    fn shingles(tokens: &[&str]) -> HashMap<Vec<String>, i64> {
        let mut m = HashMap::new();
        if tokens.is_empty() {
            return m;
        }
        if tokens.len() < 4 {
            *m.entry(tokens.iter().map(|s| s.to_string()).collect())
                .or_insert(0) += 1;
            return m;
        }
        for w in tokens.windows(4) {
            *m.entry(w.iter().map(|s| s.to_string()).collect())
                .or_insert(0) += 1;
        }
        m
    }
    let p: Vec<&str> = words(re, pred).collect();
    let t: Vec<&str> = words(re, truth).collect();
    let (ps, ts) = (shingles(&p), shingles(&t));
    let mut tp = 0i64;
    for (k, &c) in &ps {
        tp += c.min(*ts.get(k).unwrap_or(&0));
    }
    let fp = ps.values().sum::<i64>() - tp;
    let fn_ = ts.values().sum::<i64>() - tp;
    let precision = if tp + fp == 0 {
        None
    } else if fp == 0 && fn_ == 0 {
        Some(1.0)
    } else {
        Some(tp as f64 / (tp + fp) as f64)
    };
    let recall = if tp + fn_ == 0 {
        None
    } else if fp == 0 && fn_ == 0 {
        Some(1.0)
    } else {
        Some(tp as f64 / (tp + fn_) as f64)
    };
    (precision, recall)
}

/// Word-level (P, R, F1) on lower-cased `\w+` multisets.
fn word_prf(re: &Regex, pred: &str, truth: &str) -> (f64, f64, f64) {
    let count = |s: &str| {
        let mut m: HashMap<String, i64> = HashMap::new();
        for w in words(re, s) {
            *m.entry(w.to_lowercase()).or_insert(0) += 1;
        }
        m
    };
    let (p, t) = (count(pred), count(truth));
    let (np, nt) = (p.values().sum::<i64>(), t.values().sum::<i64>());
    if nt == 0 {
        let s = if np == 0 { 1.0 } else { 0.0 };
        return (s, s, s);
    }
    if np == 0 {
        return (0.0, 0.0, 0.0);
    }
    let overlap: i64 = p.iter().map(|(k, &c)| c.min(*t.get(k).unwrap_or(&0))).sum();
    let (pr, rc) = (overlap as f64 / np as f64, overlap as f64 / nt as f64);
    let f1 = if pr + rc == 0.0 {
        0.0
    } else {
        2.0 * pr * rc / (pr + rc)
    };
    (pr, rc, f1)
}

#[derive(Default)]
struct Acc {
    n: usize,
    sp: Vec<f64>,
    sr: Vec<f64>,
    exact: usize,
    wp: f64,
    wr: f64,
    wf: f64,
    with: Vec<f64>,
    leak: Vec<f64>,
    clean: Vec<bool>,
    ms: Vec<f64>,
    errors: usize,
}

impl Acc {
    fn shingle_f1(&self) -> (f64, f64, f64) {
        let mean = |v: &[f64]| {
            if v.is_empty() {
                0.0
            } else {
                v.iter().sum::<f64>() / v.len() as f64
            }
        };
        let (p, r) = (mean(&self.sp), mean(&self.sr));
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
    fn word(&self) -> (f64, f64, f64) {
        let n = self.n.max(1) as f64;
        (self.wp / n, self.wr / n, self.wf / n)
    }
    fn mean(v: &[f64]) -> Option<f64> {
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    }
    fn clean_share(&self) -> Option<f64> {
        (!self.clean.is_empty())
            .then(|| self.clean.iter().filter(|&&c| c).count() as f64 / self.clean.len() as f64)
    }
    fn line(&self, name: &str) -> String {
        let (sp, sr, sf) = self.shingle_f1();
        let (wp, wr, wf) = self.word();
        let mut ms = self.ms.clone();
        ms.sort_by(f64::total_cmp);
        let median = ms.get(ms.len() / 2).copied().unwrap_or(0.0);
        let mean_ms = ms.iter().sum::<f64>() / ms.len().max(1) as f64;
        let mut s = format!(
            "{name:<14} n={:<5} shingle P/R/F1 {sp:.3}/{sr:.3}/{sf:.3} exact {:.3} | word P/R/F1 {wp:.3}/{wr:.3}/{wf:.3}",
            self.n,
            self.exact as f64 / self.n.max(1) as f64
        );
        if let Some(w) = Self::mean(&self.with) {
            s += &format!(" | with {w:.3}");
        }
        if let Some(l) = Self::mean(&self.leak) {
            s += &format!(
                " | leak {l:.4} clean docs {:.3}",
                self.clean_share().unwrap_or(0.0)
            );
        }
        s += &format!(" | ms/page median {median:.3} mean {mean_ms:.3}");
        if self.errors > 0 {
            s += &format!(" | errors {}", self.errors);
        }
        s
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut set = None;
    let mut text_mode = false;
    let mut keep_headings = false;
    let mut per_page = false;
    let mut misses = false;
    let mut show_leaks = false;
    let mut worst = 0usize;
    let mut disabled: Vec<String> = Vec::new();
    let mut floors: Vec<(String, f64)> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "--mode" => {
                i += 1;
                text_mode = args.get(i).is_some_and(|m| m == "text");
            }
            "--keep-headings" => keep_headings = true,
            "--per-page" => per_page = true,
            "--misses" => misses = true,
            "--leaks" => show_leaks = true,
            "--disable-rule" => {
                i += 1;
                match args.get(i).map(String::as_str) {
                    Some("all") => {
                        disabled.extend(unclutter::rules().map(|(name, _)| name.to_string()))
                    }
                    Some(name) if unclutter::rules().any(|(n, _)| n == name) => {
                        disabled.push(name.to_string())
                    }
                    other => {
                        let known: Vec<_> = unclutter::rules().map(|(n, _)| n).collect();
                        eprintln!(
                            "--disable-rule needs one of all, {} (got {other:?})",
                            known.join(", ")
                        );
                        return ExitCode::from(2);
                    }
                }
            }
            "--worst" => {
                i += 1;
                worst = args.get(i).and_then(|s| s.parse().ok()).unwrap_or(10);
            }
            f if f.starts_with("--min-") || f.starts_with("--max-") => {
                i += 1;
                let Some(v) = args.get(i).and_then(|s| s.parse().ok()) else {
                    eprintln!("{f} needs a number");
                    return ExitCode::from(2);
                };
                floors.push((f.trim_start_matches("--").to_string(), v));
            }
            _ if set.is_none() => set = Some(PathBuf::from(a)),
            _ => {
                eprintln!("unknown argument {a}");
                return ExitCode::from(2);
            }
        }
        i += 1;
    }
    let Some(set) = set else {
        eprintln!("usage: evaluate SET_DIR [--mode html|text] [--keep-headings] [--per-page] [--misses] [--leaks] [--worst N] [--min-shingle-f1 X] [--min-word-f1 X] [--min-word-recall X] [--min-article-f1 X] [--min-clean X] [--max-leak X] [--disable-rule NAME|all]...");
        return ExitCode::from(2);
    };
    let docs = match load(&set, text_mode) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("evaluate: {e}");
            return ExitCode::from(2);
        }
    };
    let re = Regex::new(r"[\p{L}\p{N}_]+").expect("valid regex");
    let mode = if text_mode || set.join("truth.json").exists() {
        unclutter::Mode::Text
    } else {
        unclutter::Mode::Html
    };
    let options = disabled.iter().fold(
        Options::default()
            .with_keep_headings(keep_headings)
            .with_mode(mode),
        |o, name| o.without_rule(name),
    );
    let cleaner = Cleaner::new(options);
    let mut all = Acc::default();
    let mut by_type: HashMap<String, Acc> = HashMap::new();
    let mut scored: Vec<(f64, String)> = Vec::new();
    for d in &docs {
        let bytes = match read_input(&d.input) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("evaluate: {}: {e}", d.input.display());
                return ExitCode::from(2);
            }
        };
        let t0 = Instant::now();
        let res = cleaner.clean(Input::Bytes(&bytes));
        let ms = t0.elapsed().as_secs_f64() * 1e3;
        let (pred, err) = match res {
            Ok(a) => (a.text(), false),
            Err(_) => (String::new(), true),
        };
        let (sp, sr) = shingle_pr(&re, &pred, &d.truth);
        let (wp, wr, wf) = word_prf(&re, &pred, &d.truth);
        let exact = words(&re, &pred).eq(words(&re, &d.truth));
        let lp = pred.to_lowercase();
        let with = (!d.with.is_empty()).then(|| {
            d.with
                .iter()
                .filter(|s| lp.contains(&s.to_lowercase()))
                .count() as f64
                / d.with.len() as f64
        });
        let leaks = d
            .without
            .iter()
            .filter(|s| lp.contains(&s.to_lowercase()))
            .count();
        for acc in [&mut all, by_type.entry(d.page_type.clone()).or_default()] {
            acc.n += 1;
            if let Some(p) = sp {
                acc.sp.push(p);
            }
            if let Some(r) = sr {
                acc.sr.push(r);
            }
            acc.exact += usize::from(exact);
            acc.wp += wp;
            acc.wr += wr;
            acc.wf += wf;
            if let Some(w) = with {
                acc.with.push(w);
            }
            if !d.without.is_empty() {
                acc.leak.push(leaks as f64 / d.without.len() as f64);
                acc.clean.push(leaks == 0);
            }
            acc.ms.push(ms);
            acc.errors += usize::from(err);
        }
        if misses {
            let np = loose(&lp);
            for s in d.with.iter().filter(|s| !lp.contains(&s.to_lowercase())) {
                // A miss that only the truth's normalisation makes (curly quotes, white space,
                // entities) is tagged `miss-norm`: no extraction can find it.
                let tag = if np.contains(&loose(&s.to_lowercase())) {
                    "miss-norm"
                } else {
                    "miss"
                };
                say!(
                    "{tag}\t{}\t{}\t{}",
                    d.id,
                    d.page_type,
                    s.replace('\n', "\\n")
                );
            }
        }
        if show_leaks {
            for s in d.without.iter().filter(|s| lp.contains(&s.to_lowercase())) {
                say!(
                    "leak\t{}\t{}\t{}",
                    d.id,
                    d.page_type,
                    s.replace('\n', "\\n")
                );
            }
        }
        if per_page {
            say!(
                "{}\t{}\tword-f1 {wf:.3}\tP {wp:.3}\tR {wr:.3}\tleaks {leaks}\t{ms:.2} ms",
                d.id,
                d.page_type
            );
        }
        scored.push((wf, d.id.clone()));
    }
    say!(
        "{} ({} mode{})",
        set.display(),
        if mode == unclutter::Mode::Text {
            "text"
        } else {
            "html"
        },
        if keep_headings { ", headings kept" } else { "" }
    );
    if !disabled.is_empty() {
        say!("rules disabled: {}", disabled.join(", "));
    }
    say!("{}", all.line("all"));
    if by_type.len() > 1 {
        let mut types: Vec<_> = by_type.iter().collect();
        types.sort_by_key(|t| std::cmp::Reverse(t.1.n));
        for (t, acc) in types {
            say!("{}", acc.line(t));
        }
    }
    if worst > 0 {
        scored.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (f, id) in scored.iter().take(worst) {
            say!("worst\t{id}\t{f:.3}");
        }
    }
    let mut ok = true;
    for (name, floor) in &floors {
        let articles = by_type.get("article");
        let value = match name.as_str() {
            "min-shingle-f1" => all.shingle_f1().2,
            "min-word-f1" => all.word().2,
            "min-word-recall" => all.word().1,
            "min-article-f1" => articles.map_or(0.0, |a| a.word().2),
            "min-clean" => all.clean_share().unwrap_or(1.0),
            "max-leak" => Acc::mean(&all.leak).unwrap_or(0.0),
            "min-with" => Acc::mean(&all.with).unwrap_or(1.0),
            other => {
                eprintln!("unknown gate {other}");
                return ExitCode::from(2);
            }
        };
        let pass = if name.starts_with("min-") {
            value >= *floor
        } else {
            value <= *floor
        };
        say!(
            "gate {name} {floor}: {value:.4} {}",
            if pass { "ok" } else { "FAILED" }
        );
        ok &= pass;
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
