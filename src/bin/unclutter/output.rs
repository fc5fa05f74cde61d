//! Where results go: text on standard output, one file per input under `--out`, or JSON
//! lines; errors in the JSON `error` field, in `--errors FILE`, or on standard error.
//! Every record read and not skipped yields exactly one output or one error entry.

use crate::args::Args;
use anyhow::Context;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// A cleaned page.
#[derive(Debug, Default)]
pub struct Cleaned {
    /// The article, rendered in the chosen format (empty: nothing kept).
    pub text: String,
    pub title: Option<String>,
    pub lang: Option<&'static str>,
    pub is_article: bool,
    pub confidence: f32,
    /// With `--explain`: `(reason, text)` of every removed block.
    pub removed: Option<Vec<(&'static str, String)>>,
}

/// The result of one record.
#[derive(Debug)]
pub struct Outcome {
    pub id: String,
    pub url: Option<String>,
    /// The `--out` name of a page read from a file.
    pub stem: Option<PathBuf>,
    pub result: Result<Cleaned, String>,
    /// Bytes of page read.
    pub size: u64,
    /// From a JSONL or WARC stream: always written as a JSON line.
    pub stream: bool,
}

/// Writes outcomes in the order given.
pub struct Writer {
    out: Box<dyn Write>,
    errors: Option<BufWriter<File>>,
    dir: Option<PathBuf>,
    json: bool,
    many: bool,
    explain: bool,
    first: bool,
}

impl Writer {
    /// Opens the outputs; fails when one cannot be written.
    pub fn new(args: &Args, json: bool, many: bool) -> anyhow::Result<Self> {
        let out: Box<dyn Write> = match &args.output {
            Some(p) => Box::new(BufWriter::new(
                File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
            )),
            None => Box::new(BufWriter::new(io::stdout().lock())),
        };
        let errors = match &args.errors {
            Some(p) => Some(BufWriter::new(
                File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
            )),
            None => None,
        };
        Ok(Writer {
            out,
            errors,
            dir: args.out.clone(),
            json,
            many,
            explain: args.explain,
            first: true,
        })
    }

    /// Writes one outcome.
    pub fn write(&mut self, o: &Outcome) -> anyhow::Result<()> {
        let to_dir = match (&self.dir, &o.stem) {
            (Some(dir), Some(stem)) if !o.stream => Some(crate::input::out_path(dir, stem)),
            _ => None,
        };
        let json = self.json || o.stream;
        match &o.result {
            Err(e) => {
                if let Some(ef) = &mut self.errors {
                    writeln!(ef, "{}", json_line(o, None, Some(e)))
                        .context("cannot write the errors file")?;
                } else if json && to_dir.is_none() {
                    writeln!(self.out, "{}", json_line(o, None, Some(e)))?;
                } else {
                    eprintln!("unclutter: {}: {e}", o.id);
                }
            }
            Ok(c) => {
                let in_json = json && to_dir.is_none();
                if self.explain && !in_json {
                    for (reason, text) in c.removed.iter().flatten() {
                        if self.many {
                            eprintln!("{}: [{reason}] {text}", o.id);
                        } else {
                            eprintln!("[{reason}] {text}");
                        }
                    }
                }
                if let Some(path) = to_dir {
                    write_atomic(&path, &c.text)?;
                } else if in_json {
                    writeln!(self.out, "{}", json_line(o, Some(c), None))?;
                } else {
                    if self.many {
                        if !self.first {
                            writeln!(self.out)?;
                        }
                        writeln!(self.out, "==> {} <==", o.id)?;
                    }
                    if !c.text.is_empty() {
                        writeln!(self.out, "{}", c.text)?;
                    }
                }
            }
        }
        self.first = false;
        Ok(())
    }

    /// Flushes everything.
    pub fn finish(&mut self) -> anyhow::Result<()> {
        self.out.flush()?;
        if let Some(e) = &mut self.errors {
            e.flush().context("cannot write the errors file")?;
        }
        Ok(())
    }
}

/// Writes `DIR/<stem>.txt` through a temporary file, so an interrupted run never leaves a
/// half-written output that `--skip-existing` would take for done.
fn write_atomic(path: &Path, text: &str) -> anyhow::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create folder {}", parent.display()))?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = PathBuf::from(tmp);
    let mut body = text.to_string();
    if !body.is_empty() {
        body.push('\n');
    }
    std::fs::write(&tmp, body).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn json_line(o: &Outcome, c: Option<&Cleaned>, error: Option<&str>) -> String {
    use serde_json::Value;
    let s = |v: &str| Value::String(v.to_string()).to_string();
    let opt = |v: Option<&str>| v.map_or("null".to_string(), s);
    let mut line = format!(
        "{{\"id\":{},\"url\":{},\"text\":{},\"error\":{}",
        s(&o.id),
        opt(o.url.as_deref()),
        opt(c.map(|c| c.text.as_str())),
        opt(error)
    );
    if let Some(c) = c {
        line.push_str(&format!(
            ",\"title\":{},\"lang\":{},\"is_article\":{},\"confidence\":{}",
            opt(c.title.as_deref()),
            opt(c.lang),
            c.is_article,
            (c.confidence * 1000.0).round() / 1000.0
        ));
        if let Some(removed) = &c.removed {
            let removed: Vec<Value> = removed
                .iter()
                .map(|(r, t)| serde_json::json!({"reason": r, "text": t}))
                .collect();
            line.push_str(&format!(",\"removed\":{}", Value::Array(removed)));
        }
    }
    line.push('}');
    line
}
