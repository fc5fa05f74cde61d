//! End-to-end benchmarks on real pages from `../shared/datasets/`.
//!
//! ```text
//! cargo bench --bench clean                                   # everything
//! cargo bench --bench clean -- text/                          # text mode only
//! cargo bench --bench clean -- --warm-up-time 1 --measurement-time 5
//! ```
//!
//! - `text/scrapinghub`, `text/injected-dev`: text mode over every `*.txt` dump of the set,
//!   one iteration = every file once; throughput in bytes (criterion prints MB/s).
//! - `html/unclutter`: HTML mode over every scrapinghub page (`*.html.gz`, decompressed and
//!   decoded to UTF-8 before timing); `html/parse-only`: `scraper::Html::parse_document` on
//!   the same pages, the floor the HTML front door builds on. Throughput in pages, so the
//!   two lines read as pages/s and their ratio is the cost of everything after parsing.
//!
//! When `../shared` is missing the benchmarks say so and skip.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::io::Read;
use std::path::{Path, PathBuf};
use unclutter::{Cleaner, Input, Mode, Options};

fn datasets() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "benches/clean: {} not found; skipping (the benchmarks need the shared datasets)",
            dir.display()
        );
        None
    }
}

/// Files of `dir` whose name ends with `suffix`, sorted.
fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(suffix))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn read_texts(dir: &Path) -> Vec<String> {
    files(dir, ".txt")
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect()
}

fn read_pages(dir: &Path) -> Vec<String> {
    files(dir, ".html.gz")
        .iter()
        .filter_map(|p| {
            let gz = std::fs::read(p).ok()?;
            let mut raw = Vec::new();
            flate2::read::GzDecoder::new(&gz[..])
                .read_to_end(&mut raw)
                .ok()?;
            unclutter::decode_bytes(&raw, None).ok()
        })
        .collect()
}

fn text_mode(c: &mut Criterion) {
    let Some(data) = datasets() else { return };
    let cleaner = Cleaner::new(Options::default().with_mode(Mode::Text));
    let mut group = c.benchmark_group("text");
    group.sample_size(20);
    for (name, dir) in [
        ("scrapinghub", data.join("scrapinghub/text")),
        ("injected-dev", data.join("injected-dev/text")),
    ] {
        let texts = read_texts(&dir);
        if texts.is_empty() {
            eprintln!(
                "benches/clean: no .txt files in {}; skipping",
                dir.display()
            );
            continue;
        }
        let bytes: usize = texts.iter().map(String::len).sum();
        eprintln!(
            "text/{name}: {} files, {:.2} MB",
            texts.len(),
            bytes as f64 / 1e6
        );
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                for t in &texts {
                    let _ = black_box(cleaner.clean(Input::Text(black_box(t))));
                }
            })
        });
    }
    group.finish();
}

fn html_mode(c: &mut Criterion) {
    let Some(data) = datasets() else { return };
    let dir = data.join("scrapinghub/html");
    let pages = read_pages(&dir);
    if pages.is_empty() {
        eprintln!(
            "benches/clean: no .html.gz pages in {}; skipping",
            dir.display()
        );
        return;
    }
    let bytes: usize = pages.iter().map(String::len).sum();
    eprintln!(
        "html: {} pages, {:.2} MB decompressed, median {} KB",
        pages.len(),
        bytes as f64 / 1e6,
        {
            let mut sizes: Vec<usize> = pages.iter().map(String::len).collect();
            sizes.sort_unstable();
            sizes[sizes.len() / 2] / 1000
        }
    );
    let cleaner = Cleaner::new(Options::default().with_mode(Mode::Html));
    let mut group = c.benchmark_group("html");
    group.sample_size(10);
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("unclutter", |b| {
        b.iter(|| {
            for p in &pages {
                let _ = black_box(cleaner.clean(Input::Html(black_box(p))));
            }
        })
    });
    group.bench_function("parse-only", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(scraper::Html::parse_document(black_box(p)));
            }
        })
    });
    group.finish();
}

#[path = "common/synthetic.rs"]
mod synthetic;
use synthetic::synthetic_page;

fn scaling(c: &mut Criterion) {
    let cleaner = Cleaner::new(Options::default());
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    for mb in [1usize, 2, 4, 8] {
        let page = synthetic_page(mb << 20);
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_function(format!("html-{mb}MB"), |b| {
            b.iter(|| black_box(cleaner.clean(Input::Html(black_box(&page)))))
        });
        // the same page as a text dump: one block per line
        let text: String = page
            .replace("</p>", "\n")
            .replace("</li>", "\n")
            .replace("</h2>", "\n")
            .split(['<', '>'])
            .enumerate()
            .filter(|(n, _)| n % 2 == 0)
            .map(|(_, s)| s)
            .collect();
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("text-{mb}MB"), |b| {
            b.iter(|| black_box(cleaner.clean(Input::Text(black_box(&text)))))
        });
    }
    group.finish();
}

criterion_group!(benches, text_mode, html_mode, scaling);
criterion_main!(benches);
