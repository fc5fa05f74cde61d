//! The command line.

use clap::{Parser, ValueEnum};
use std::path::PathBuf;

/// Turns scraped news pages into clean article text.
///
/// INPUT is a file, a folder (walked recursively, in sorted order) or `-` for standard
/// input (the default when no INPUT is given). Files: .html, .htm, .txt and their .gz;
/// .jsonl / .ndjson (or any input with --jsonl); .warc and .warc.gz.
///
/// One input prints its article to standard output; --out DIR writes DIR/<stem>.txt per
/// file; JSONL and WARC inputs (and --format json) write one JSON line per record:
/// {"id", "url", "text", "error", "title", "lang", "is_article", "confidence"}.
///
/// Exit status: 0 when the batch ran to the end (even if some records failed; they are
/// reported), 1 with --fail-on-error when a record failed, 2 when the run could not
/// proceed (bad arguments, unreadable input path, unwritable output).
#[derive(Debug, Parser)]
#[command(name = "unclutter", version, about, long_about)]
pub struct Args {
    /// Files, folders, or `-` for standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Write one DIR/<stem>.txt per input file (sub-folders of a walked folder are kept).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Write the output (text or JSON lines) to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Write per-record errors as JSON lines to FILE (default: in the JSON output's
    /// "error" field, or one line each on standard error).
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// How to read pages: by extension then content (auto), or force HTML or text.
    #[arg(long, value_enum, default_value_t = ModeArg::Auto)]
    pub mode: ModeArg,

    /// Keep the article's own section headings.
    #[arg(long)]
    pub keep_headings: bool,

    /// List every removed block with its reason (on standard error, or a "removed" array
    /// in JSON).
    #[arg(long)]
    pub explain: bool,

    /// Print the prune rules (name and description) and exit.
    #[arg(long)]
    pub list_rules: bool,

    /// Switch off a prune rule (see --list-rules); repeatable.
    #[arg(long, value_name = "NAME")]
    pub disable_rule: Vec<String>,

    /// Refuse pages (or records) larger than N bytes, after decompression.
    #[arg(long, value_name = "N", default_value_t = 32 << 20)]
    pub max_bytes: usize,

    /// Read every input as JSON lines, one record per line.
    #[arg(long)]
    pub jsonl: bool,

    /// JSONL: the field holding the record's id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,

    /// JSONL: the field holding the page's HTML.
    #[arg(long, value_name = "NAME", default_value = "html")]
    pub html_field: String,

    /// JSONL: the field holding the page's scraped text (used when there is no HTML).
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,

    /// JSONL: the field holding the page's URL.
    #[arg(long, value_name = "NAME", default_value = "url")]
    pub url_field: String,

    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,

    /// With --out: skip inputs whose output file already exists (resume a run).
    #[arg(long)]
    pub skip_existing: bool,

    /// Exit with status 1 when any record failed.
    #[arg(long)]
    pub fail_on_error: bool,

    /// No progress bar, no summary.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Plain text: paragraphs separated by a blank line.
    Text,
    /// Markdown (kept headings as `##`).
    Markdown,
    /// One JSON object per line.
    Json,
}

/// How to read pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    /// By file extension, then by content.
    Auto,
    /// Raw HTML.
    Html,
    /// Already-scraped text, one block per line.
    Text,
}
