//! `unclutter`: the command-line tool. See `unclutter --help`.
//!
//! Reading, cleaning and writing form a pipeline with bounded memory: a reader thread
//! reads records into batches (at most `jobs × 64` records and `jobs × 16 MiB` of page
//! bytes), the batches are inflated (gzipped pages), decoded and cleaned in parallel with
//! rayon, and the main thread writes the results in input order. At most two batches are in
//! flight (one being read, one being cleaned and written), so memory follows the batch
//! size, never the corpus size.

#![forbid(unsafe_code)]

#[path = "unclutter/args.rs"]
mod args;
#[path = "unclutter/input.rs"]
mod input;
#[path = "unclutter/output.rs"]
mod output;
#[path = "unclutter/warc.rs"]
mod warc;

use anyhow::Context;
use args::{Args, Format, ModeArg};
use clap::Parser;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use input::{Item, Payload, ReadConfig, Record, Records, Sources};
use output::{Cleaned, Outcome, Writer};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;
use unclutter::{Cleaner, Error, Input, Mode, Options};

/// Records per batch and per worker.
const RECORDS_PER_JOB: usize = 64;
/// Page bytes per batch and per worker.
const BYTES_PER_JOB: u64 = 16 << 20;

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "unclutter: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Counts for the summary.
#[derive(Debug, Default)]
struct Counts {
    read: u64,
    cleaned: u64,
    empty: u64,
    failed: u64,
    skipped: u64,
    bytes: u64,
}

fn run(args: &Args) -> anyhow::Result<ExitCode> {
    if args.list_rules {
        let mut out = std::io::stdout().lock();
        for (name, doc) in unclutter::rules() {
            writeln!(out, "{name}\t{doc}")?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let known: Vec<&str> = unclutter::rules().map(|(n, _)| n).collect();
    let mut options = Options::default()
        .with_keep_headings(args.keep_headings)
        // the CLI enforces --max-bytes on the raw bytes itself; decoding a legacy charset
        // can grow a page up to three times in UTF-8, which must not refuse it again
        .with_max_input_bytes(args.max_bytes.saturating_mul(3));
    for name in &args.disable_rule {
        if !known.contains(&name.as_str()) {
            anyhow::bail!(
                "unknown rule {name:?} for --disable-rule (known: {})",
                known.join(", ")
            );
        }
        options = options.without_rule(name);
    }
    if args.skip_existing && args.out.is_none() {
        anyhow::bail!("--skip-existing needs --out DIR");
    }
    if args.out.is_some() && args.format == Format::Json {
        anyhow::bail!("--out writes text files; for JSON lines use --output FILE");
    }
    let cleaner = Cleaner::new(options);
    let cfg = ReadConfig {
        max_bytes: args.max_bytes,
        id_field: args.id_field.clone(),
        html_field: args.html_field.clone(),
        text_field: args.text_field.clone(),
        url_field: args.url_field.clone(),
        skip_existing_in: args.out.clone().filter(|_| args.skip_existing),
    };
    let (inputs, walked) = input::check(&args.inputs)?;
    if let Some(dir) = &args.out {
        input::ensure_dir(dir)?;
    }
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .context("cannot start worker threads")?;

    let many = inputs.len() > 1 || walked;
    let mut writer = Writer::new(args, args.format == Format::Json, many)?;
    let progress = progress_bar(args, || count_pages(&inputs, args.jsonl));
    let records = Records::new(Sources::new(inputs, args.jsonl), cfg);
    let start = Instant::now();
    let mut counts = Counts::default();
    // a rendezvous channel: the reader fills the next batch while this one is cleaned, and
    // waits; two batches in flight at most
    let (tx, rx) = mpsc::sync_channel::<Vec<Item>>(0);
    let max_records = jobs * RECORDS_PER_JOB;
    let max_bytes = jobs as u64 * BYTES_PER_JOB;

    let result = std::thread::scope(|s| -> anyhow::Result<()> {
        s.spawn(move || {
            let mut records = records;
            loop {
                let mut batch = Vec::new();
                let mut bytes = 0;
                for item in records.by_ref() {
                    if let Item::Record(r) = &item {
                        bytes += r.size;
                    }
                    batch.push(item);
                    if batch.len() >= max_records || bytes >= max_bytes {
                        break;
                    }
                }
                if batch.is_empty() || tx.send(batch).is_err() {
                    break;
                }
            }
        });
        for batch in rx {
            let outcomes: Vec<Option<Outcome>> = pool.install(|| {
                batch
                    .into_par_iter()
                    .map(|item| match item {
                        Item::Record(r) => Some(clean(&cleaner, args, r)),
                        Item::Skipped => None,
                    })
                    .collect()
            });
            for o in outcomes {
                counts.read += 1;
                let Some(o) = o else {
                    counts.skipped += 1;
                    progress.inc(1);
                    continue;
                };
                counts.bytes += o.size;
                match &o.result {
                    Ok(c) if c.text.is_empty() => counts.empty += 1,
                    Ok(_) => counts.cleaned += 1,
                    Err(_) => counts.failed += 1,
                }
                writer.write(&o)?;
                progress.inc(1);
            }
            progress.set_message(rate(&counts, start));
        }
        writer.finish()
    });
    progress.finish_and_clear();
    result?;
    if !args.quiet {
        eprintln!("unclutter: {}", summary(&counts, start));
    }
    if args.fail_on_error && counts.failed > 0 {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The number of pages when every source is a page (not JSONL or WARC), found by a walk
/// that keeps nothing.
fn count_pages(inputs: &[std::path::PathBuf], jsonl: bool) -> Option<u64> {
    let mut n = 0;
    for s in Sources::new(inputs.to_vec(), jsonl) {
        match s {
            Ok(s) if s.is_stream() => return None,
            _ => n += 1,
        }
    }
    Some(n)
}

fn progress_bar(args: &Args, total: impl FnOnce() -> Option<u64>) -> ProgressBar {
    if args.quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (bar, template) = match total() {
        Some(n) => (
            ProgressBar::new(n),
            "{bar:30} {pos}/{len} records  {msg}  [{elapsed_precise}, ETA {eta}]",
        ),
        None => (
            ProgressBar::new_spinner(),
            "{spinner} {pos} records  {msg}  [{elapsed_precise}]",
        ),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    bar
}

fn rate(c: &Counts, start: Instant) -> String {
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let mb = c.bytes as f64 / 1e6;
    format!(
        "{mb:.1} MB, {:.1} pages/s, {:.1} MB/s",
        (c.read - c.skipped) as f64 / secs,
        mb / secs
    )
}

fn summary(c: &Counts, start: Instant) -> String {
    let secs = start.elapsed().as_secs_f64();
    format!(
        "{} records read: {} cleaned, {} empty, {} failed, {} skipped; {:.2} s, {}",
        c.read,
        c.cleaned,
        c.empty,
        c.failed,
        c.skipped,
        secs,
        rate(c, start)
    )
}

/// Cleans one record. Never fails: errors become the outcome's error.
fn clean(cleaner: &Cleaner, args: &Args, r: Record) -> Outcome {
    // a compressed page is inflated here, in the worker, not in the reader thread
    let Record {
        id,
        url,
        stem,
        payload,
        size,
        stream,
    } = r.inflated();
    // a bug in the cleaner must cost one record, not the batch
    let result = payload.and_then(|p| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            clean_payload(cleaner, args, p)
        }))
        .unwrap_or_else(|_| Err("internal error: the cleaner panicked on this record".into()))
    });
    Outcome {
        id,
        url,
        stem,
        result,
        size,
        stream,
    }
}

fn clean_payload(cleaner: &Cleaner, args: &Args, p: Payload) -> Result<Cleaned, String> {
    let forced = match args.mode {
        ModeArg::Auto => None,
        ModeArg::Html => Some(Mode::Html),
        ModeArg::Text => Some(Mode::Text),
    };
    let (text, mode) = match p {
        Payload::Bytes { data, hint, mode } => {
            let text =
                unclutter::decode_bytes(&data, hint.as_deref()).map_err(|e| e.to_string())?;
            (text, mode)
        }
        Payload::Str { text, mode } => (text, mode),
        Payload::Gzip { .. } => return Err("internal error: a payload was not inflated".into()),
    };
    let input = match forced.unwrap_or(mode) {
        Mode::Html => Input::Html(&text),
        Mode::Text => Input::Text(&text),
        _ => Input::Str(&text),
    };
    match cleaner.clean(input) {
        Ok(a) => Ok(Cleaned {
            text: match args.format {
                Format::Markdown => a.markdown(),
                _ => a.text(),
            },
            title: a.title().map(str::to_string),
            lang: a.lang(),
            is_article: a.is_article(),
            confidence: a.confidence(),
            removed: args.explain.then(|| {
                a.removed()
                    .iter()
                    .map(|r| (r.reason.as_str(), r.text.clone()))
                    .collect()
            }),
        }),
        // whitespace only: nothing to clean, not a failure
        Err(Error::Empty) => Ok(Cleaned::default()),
        Err(e) => Err(e.to_string()),
    }
}
