//! Inputs: which files to read (folders walked in sorted order), and the records read from
//! them one at a time (a whole file, a JSON line, a WARC response record).
//!
//! Nothing here holds more than one record: files are read whole but capped at the size
//! limit (decompressed bytes are capped too, so a gzip bomb stops at the limit), JSONL and
//! WARC files are streamed. A gzipped page file and a gzip-encoded WARC payload are handed
//! on compressed ([`Payload::Gzip`]) and inflated by the worker that cleans them (see
//! [`Payload::inflate`]), so decompression runs in parallel rather than in the one reader
//! thread.

use crate::warc;
use anyhow::{bail, Context};
use flate2::read::MultiGzDecoder;
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use unclutter::Mode;

/// What a source holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One page (HTML or text), read whole.
    Doc(Mode),
    /// JSON lines, one record per line.
    Jsonl,
    /// WARC records.
    Warc,
}

/// One input file (or standard input).
#[derive(Debug, Clone)]
pub struct Source {
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    /// How the input is named in messages and ids.
    pub name: String,
    pub kind: Kind,
    pub gz: bool,
    /// The output file's path below `--out`, without the `.txt` (sub-folders of a walked
    /// folder kept).
    pub stem: PathBuf,
}

impl Source {
    /// Whether the source is read record by record (and so written as JSON lines).
    pub fn is_stream(&self) -> bool {
        matches!(self.kind, Kind::Jsonl | Kind::Warc)
    }
}

/// Settings the readers need.
#[derive(Debug, Clone)]
pub struct ReadConfig {
    pub max_bytes: usize,
    pub id_field: String,
    pub html_field: String,
    pub text_field: String,
    pub url_field: String,
    /// With `--out` and `--skip-existing`: the output folder to look in.
    pub skip_existing_in: Option<PathBuf>,
}

impl Source {
    fn stdin(force_jsonl: bool) -> Source {
        Source {
            path: None,
            name: "-".into(),
            kind: if force_jsonl {
                Kind::Jsonl
            } else {
                Kind::Doc(Mode::Auto)
            },
            gz: false,
            stem: PathBuf::from("stdin"),
        }
    }
}

/// Checks the command line's inputs (none means standard input). Fails (the run cannot
/// proceed) when an input path or a folder named on the command line cannot be read.
/// Also returns whether any input is a folder.
pub fn check(inputs: &[PathBuf]) -> anyhow::Result<(Vec<PathBuf>, bool)> {
    if inputs.is_empty() {
        return Ok((vec![PathBuf::from("-")], false));
    }
    let mut walked = false;
    for input in inputs.iter().filter(|i| i.as_os_str() != "-") {
        let meta = std::fs::metadata(input)
            .with_context(|| format!("cannot read input {}", input.display()))?;
        if meta.is_dir() {
            walked = true;
            std::fs::read_dir(input)
                .with_context(|| format!("cannot read folder {}", input.display()))?;
        }
    }
    Ok((inputs.to_vec(), walked))
}

/// The sources of the command line, found as they are needed: folders are walked depth
/// first, each folder's entries in sorted order, so memory follows the largest folder,
/// never the whole tree. Symlinked folders are not followed.
pub struct Sources {
    inputs: std::vec::IntoIter<PathBuf>,
    force_jsonl: bool,
    /// Folders being walked: the root of the walk and the folder's entries still to visit
    /// (`true` for a sub-folder).
    stack: Vec<(PathBuf, std::vec::IntoIter<(PathBuf, bool)>)>,
}

impl Sources {
    pub fn new(inputs: Vec<PathBuf>, force_jsonl: bool) -> Self {
        Sources {
            inputs: inputs.into_iter(),
            force_jsonl,
            stack: Vec::new(),
        }
    }
}

fn list(dir: &Path) -> io::Result<std::vec::IntoIter<(PathBuf, bool)>> {
    let mut entries = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        let path = e.path();
        let ft = e.file_type()?;
        if ft.is_dir() {
            entries.push((path, true));
        } else if ft.is_file() || (ft.is_symlink() && path.is_file()) {
            entries.push((path, false));
        }
    }
    entries.sort();
    Ok(entries.into_iter())
}

impl Iterator for Sources {
    /// A source, or `(name, why)` for a folder that cannot be listed.
    type Item = Result<Source, (String, String)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some((root, entries)) = self.stack.last_mut() {
                let Some((path, is_dir)) = entries.next() else {
                    self.stack.pop();
                    continue;
                };
                if is_dir {
                    let root = root.clone();
                    match list(&path) {
                        Ok(entries) => self.stack.push((root, entries)),
                        Err(e) => {
                            let why = format!("cannot read folder: {e}");
                            return Some(Err((path.display().to_string(), why)));
                        }
                    }
                    continue;
                }
                let name = file_name(&path);
                let (Some(kind), gz, stem) = classify(&name, self.force_jsonl) else {
                    continue;
                };
                let rel = path
                    .parent()
                    .and_then(|p| p.strip_prefix(&*root).ok())
                    .unwrap_or(Path::new(""));
                return Some(Ok(Source {
                    name: path.display().to_string(),
                    stem: rel.join(stem),
                    path: Some(path),
                    kind,
                    gz,
                }));
            }
            let input = self.inputs.next()?;
            if input.as_os_str() == "-" {
                return Some(Ok(Source::stdin(self.force_jsonl)));
            }
            if input.is_dir() {
                match list(&input) {
                    Ok(entries) => self.stack.push((input, entries)),
                    Err(e) => {
                        let why = format!("cannot read folder: {e}");
                        return Some(Err((input.display().to_string(), why)));
                    }
                }
                continue;
            }
            let (kind, gz, stem) = classify(&file_name(&input), self.force_jsonl);
            return Some(Ok(Source {
                name: input.display().to_string(),
                path: Some(input),
                kind: kind.unwrap_or(Kind::Doc(Mode::Auto)),
                gz,
                stem: PathBuf::from(stem),
            }));
        }
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Kind, gzip and stem from a file name; kind `None` for names a folder walk ignores.
fn classify(name: &str, force_jsonl: bool) -> (Option<Kind>, bool, String) {
    let lower = name.to_ascii_lowercase();
    let (base, gz) = match lower.strip_suffix(".gz") {
        Some(b) => (b, true),
        None => (lower.as_str(), false),
    };
    let (ext_kind, ext_len) = [
        (".html", Some(Kind::Doc(Mode::Html))),
        (".htm", Some(Kind::Doc(Mode::Html))),
        (".xhtml", Some(Kind::Doc(Mode::Html))),
        (".txt", Some(Kind::Doc(Mode::Text))),
        (".jsonl", Some(Kind::Jsonl)),
        (".ndjson", Some(Kind::Jsonl)),
        (".warc", Some(Kind::Warc)),
    ]
    .iter()
    .find(|(ext, _)| base.ends_with(ext))
    .map_or((None, 0), |(ext, k)| (*k, ext.len()));
    let kind = if force_jsonl && ext_kind.is_some() {
        Some(Kind::Jsonl)
    } else {
        ext_kind
    };
    // the stem keeps the original case
    let stem_len = base.len() - ext_len;
    let stem = if ext_len > 0 || gz {
        name[..stem_len].to_string()
    } else {
        name.to_string()
    };
    (kind, gz, stem)
}

/// The text of one record, before decoding.
#[derive(Debug)]
pub enum Payload {
    /// Raw bytes in some encoding, with a charset hint from outside.
    Bytes {
        data: Vec<u8>,
        hint: Option<String>,
        mode: Mode,
    },
    /// Text already decoded (a JSON string field).
    Str { text: String, mode: Mode },
    /// Gzip-compressed bytes, inflated by the worker: `limit` caps the inflated size.
    Gzip {
        data: Vec<u8>,
        hint: Option<String>,
        mode: Mode,
        limit: u64,
        /// What the error of a bad stream says it was reading.
        what: &'static str,
    },
}

impl Payload {
    /// Inflates a [`Payload::Gzip`] into [`Payload::Bytes`], capped at its limit (so a gzip
    /// bomb stops there); other payloads are returned as they are. Also returns the bytes of
    /// page the payload now holds, when that changed.
    pub fn inflate(self) -> Result<(Payload, Option<u64>), String> {
        let Payload::Gzip {
            data,
            hint,
            mode,
            limit,
            what,
        } = self
        else {
            return Ok((self, None));
        };
        let mut out = Vec::with_capacity(data.len().saturating_mul(4).min(limit as usize + 1));
        MultiGzDecoder::new(&data[..])
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("{what}: {e}"))?;
        if out.len() as u64 > limit {
            return Err(too_large(limit, None));
        }
        let size = out.len() as u64;
        Ok((
            Payload::Bytes {
                data: out,
                hint,
                mode,
            },
            Some(size),
        ))
    }
}

/// One record to clean.
#[derive(Debug)]
pub struct Record {
    pub id: String,
    pub url: Option<String>,
    /// The `--out` name of a page read from a file (`None` for JSONL and WARC records).
    pub stem: Option<PathBuf>,
    /// The page, or why it could not be read.
    pub payload: Result<Payload, String>,
    /// Bytes of page read (after decompression).
    pub size: u64,
    /// Read from a JSONL or WARC stream (so written as a JSON line).
    pub stream: bool,
}

impl Record {
    /// The record with a compressed payload inflated ([`Payload::inflate`]) and its size
    /// updated: the workers' first step, so decompression runs in parallel.
    pub fn inflated(mut self) -> Record {
        let size = &mut self.size;
        self.payload = self.payload.and_then(|p| {
            let (p, inflated) = p.inflate()?;
            *size = inflated.unwrap_or(*size);
            Ok(p)
        });
        self
    }
}

/// What the reader yields.
#[derive(Debug)]
pub enum Item {
    Record(Record),
    /// A record or file not cleaned on purpose: a non-response or non-HTML WARC record, or
    /// an output that exists with `--skip-existing`.
    Skipped,
}

type Stream = Box<dyn BufRead + Send>;

/// The error of a page over the limit (`size` when known).
fn too_large(limit: u64, size: Option<u64>) -> String {
    match size {
        Some(s) => {
            format!("too large: {s} bytes over the limit of {limit} bytes (raise --max-bytes)")
        }
        None => format!("too large: more than the limit of {limit} bytes (raise --max-bytes)"),
    }
}

/// Slack over the page limit for a compressed file: gzip can grow incompressible bytes a
/// little, so a page at the limit may take slightly more compressed.
const GZIP_SLACK: u64 = 64 * 1024;

/// A source's raw (still compressed) bytes.
pub type Raw = Box<dyn Read + Send>;

/// Opens a source's raw bytes. The CLI opens the file, or standard input for `-`
/// ([`open_file`]); the fuzz targets (`fuzz/fuzz_targets/{warc,jsonl}_reader.rs`, which
/// include this file with `#[path]`) hand over the bytes they are fed, so everything after
/// the open is what the CLI runs.
pub type Opener = Box<dyn Fn(&Source) -> io::Result<Raw> + Send>;

/// The CLI's [`Opener`]: the file, or standard input.
pub fn open_file(src: &Source) -> io::Result<Raw> {
    Ok(match &src.path {
        Some(p) => Box::new(File::open(p)?),
        None => Box::new(io::stdin()),
    })
}

enum Open {
    Jsonl {
        r: Stream,
        line: u64,
    },
    /// `n`: records read so far.
    Warc {
        r: warc::Reader<Stream>,
        n: u64,
    },
}

/// Reads the records of all sources, in order.
pub struct Records {
    sources: Sources,
    cfg: ReadConfig,
    opener: Opener,
    /// The source being read.
    cur: Source,
    open: Option<Open>,
}

impl Records {
    /// Reads the files (and standard input) the sources name.
    pub fn new(sources: Sources, cfg: ReadConfig) -> Self {
        Self::with_opener(sources, cfg, Box::new(open_file))
    }

    /// Reads the sources' bytes from `opener`.
    pub fn with_opener(sources: Sources, cfg: ReadConfig, opener: Opener) -> Self {
        Records {
            sources,
            cfg,
            opener,
            cur: Source::stdin(false),
            open: None,
        }
    }

    /// The `--out` name of the current source's records (none for JSONL and WARC).
    fn stem(&self) -> Option<PathBuf> {
        (!self.cur.is_stream()).then(|| self.cur.stem.clone())
    }

    fn error(&self, id: String, why: String) -> Item {
        Item::Record(Record {
            id,
            url: None,
            stem: self.stem(),
            payload: Err(why),
            size: 0,
            stream: false,
        })
    }

    fn too_large(&self, size: Option<u64>) -> String {
        too_large(self.cfg.max_bytes as u64, size)
    }

    fn open_stream(&self, src: &Source) -> io::Result<Stream> {
        let raw = (self.opener)(src)?;
        Ok(if src.gz {
            Box::new(BufReader::with_capacity(
                256 * 1024,
                MultiGzDecoder::new(BufReader::with_capacity(256 * 1024, raw)),
            ))
        } else {
            Box::new(BufReader::with_capacity(256 * 1024, raw))
        })
    }

    /// Reads a whole page, capped at the limit.
    fn read_doc(&self, mode: Mode) -> Item {
        let src = &self.cur;
        let id = src.name.clone();
        if let Some(p) = &src.path {
            if !src.gz {
                if let Ok(m) = std::fs::metadata(p) {
                    if m.len() > self.cfg.max_bytes as u64 {
                        return self.error(id, self.too_large(Some(m.len())));
                    }
                }
            }
        }
        if src.gz && src.path.is_some() {
            return self.read_gz_file(mode);
        }
        let stream = match self.open_stream(src) {
            Ok(s) => s,
            Err(e) => return self.error(id, format!("cannot open: {e}")),
        };
        self.read_doc_from(mode, stream, src.gz)
    }

    /// Reads a gzipped page file as it is, for a worker to inflate.
    fn read_gz_file(&self, mode: Mode) -> Item {
        let id = self.cur.name.clone();
        let limit = self.cfg.max_bytes as u64;
        let mut data = Vec::new();
        let read = (self.opener)(&self.cur)
            .map_err(|e| format!("cannot open: {e}"))
            .and_then(|f| {
                f.take(limit + GZIP_SLACK + 1)
                    .read_to_end(&mut data)
                    .map_err(|e| format!("reading gzip: {e}"))
            });
        if let Err(why) = read {
            return self.error(id, why);
        }
        if data.len() as u64 > limit + GZIP_SLACK {
            return self.error(id, self.too_large(None));
        }
        // the compressed size until a worker inflates it: what the batch holds meanwhile
        let size = data.len() as u64;
        self.page(
            id,
            size,
            Payload::Gzip {
                data,
                hint: None,
                mode,
                limit,
                what: "reading gzip",
            },
        )
    }

    /// The record of a whole page read from the current source.
    fn page(&self, id: String, size: u64, payload: Payload) -> Item {
        Item::Record(Record {
            id,
            url: None,
            stem: self.stem(),
            payload: Ok(payload),
            size,
            stream: false,
        })
    }

    /// Reads a whole page from a stream, capped at the limit.
    fn read_doc_from(&self, mode: Mode, mut stream: Stream, gz: bool) -> Item {
        let id = self.cur.name.clone();
        let mut data = Vec::new();
        let limit = self.cfg.max_bytes as u64;
        if let Err(e) = (&mut stream).take(limit + 1).read_to_end(&mut data) {
            let what = if gz { "reading gzip" } else { "reading" };
            return self.error(id, format!("{what}: {e}"));
        }
        if data.len() as u64 > limit {
            return self.error(id, self.too_large(None));
        }
        let size = data.len() as u64;
        self.page(
            id,
            size,
            Payload::Bytes {
                data,
                hint: None,
                mode,
            },
        )
    }

    fn next_jsonl(&mut self) -> io::Result<Option<Item>> {
        let max_line = self
            .cfg
            .max_bytes
            .saturating_mul(2)
            .saturating_add(64 * 1024);
        let Some(Open::Jsonl { r, line }) = &mut self.open else {
            return Ok(None);
        };
        loop {
            let Some((bytes, cut)) = warc::read_line(r, max_line)? else {
                return Ok(None);
            };
            *line += 1;
            let lineno = *line;
            let pos = format!("{}:{}", self.cur.name, lineno);
            if cut {
                return Ok(Some(self.error(pos, self.too_large(None))));
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Ok(Some(self.json_record(pos, &bytes)));
        }
    }

    fn json_record(&self, pos: String, bytes: &[u8]) -> Item {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let parsed = de
            .deserialize_any(Wanted(&self.cfg))
            .and_then(|fields| de.end().map(|()| fields));
        let fields = match parsed {
            Ok(Some(f)) => f,
            Ok(None) => return self.error(pos, "JSON line is not an object".into()),
            Err(e) => return self.error(pos, format!("malformed JSON line: {e}")),
        };
        let id = match fields.id {
            // an empty id is no id, as in a WARC record
            Some(Field::Str(s)) if !s.is_empty() => s,
            Some(Field::Num(n)) => n,
            _ => pos,
        };
        let url = match fields.url {
            Some(Field::Str(s)) => Some(s),
            _ => None,
        };
        let string = |f: Option<Field>| match f {
            Some(Field::Str(s)) => Some(s),
            _ => None,
        };
        let (text, mode) = if let Some(h) = string(fields.html) {
            (h, Mode::Html)
        } else if let Some(t) = string(fields.text) {
            (t, Mode::Text)
        } else {
            let why = format!(
                "no string field {:?} or {:?}",
                self.cfg.html_field, self.cfg.text_field
            );
            return Item::Record(Record {
                id,
                url,
                stem: self.stem(),
                payload: Err(why),
                size: 0,
                stream: false,
            });
        };
        let size = text.len() as u64;
        let payload = if text.len() > self.cfg.max_bytes {
            Err(self.too_large(Some(size)))
        } else {
            Ok(Payload::Str { text, mode })
        };
        Item::Record(Record {
            id,
            url,
            stem: self.stem(),
            payload,
            size,
            stream: false,
        })
    }

    fn next_warc(&mut self) -> io::Result<Option<Item>> {
        let Some(Open::Warc { r, n }) = &mut self.open else {
            return Ok(None);
        };
        let want = |h: &warc::Headers| {
            h.get("WARC-Type")
                .is_some_and(|t| t.eq_ignore_ascii_case("response"))
        };
        let Some(rec) = r.next_record(want)? else {
            return Ok(None);
        };
        *n += 1;
        // where a record is in its file, for ids of records that have none
        let pos = format!("{}#{}", self.cur.name, n);
        let rec = match rec {
            Ok(r) => r,
            Err(why) => {
                let why = format!("malformed WARC record: {why}");
                return Ok(Some(self.error(pos, why)));
            }
        };
        let id = rec
            .headers
            .get("WARC-Record-ID")
            .map(|s| s.trim_matches(['<', '>']).trim())
            .filter(|s| !s.is_empty())
            // an empty id is no id (found by the `warc_reader` fuzz target)
            .map_or(pos, str::to_string);
        let url = rec.headers.get("WARC-Target-URI").map(str::to_string);
        let payload = match rec.body {
            warc::Body::Skipped => return Ok(Some(Item::Skipped)),
            warc::Body::TooLarge(n) => Err(self.too_large(Some(n))),
            warc::Body::Read(content) => match self.http_payload(&content) {
                Ok(Some(p)) => Ok(p),
                Ok(None) => return Ok(Some(Item::Skipped)),
                Err(e) => Err(e),
            },
        };
        let size = match &payload {
            Ok(Payload::Bytes { data, .. } | Payload::Gzip { data, .. }) => data.len() as u64,
            _ => 0,
        };
        Ok(Some(Item::Record(Record {
            id,
            url,
            stem: self.stem(),
            payload,
            size,
            stream: false,
        })))
    }

    /// The HTML payload of a response record; `None` when it is not HTML or the status is
    /// not a success (2xx).
    fn http_payload(&self, content: &[u8]) -> Result<Option<Payload>, String> {
        let http = warc::parse_http(content)
            .ok_or("malformed HTTP response in WARC record (no status line or headers)")?;
        // redirects, "not modified" and error statuses carry no article of their own
        if http.status.is_some_and(|s| !(200..300).contains(&s)) {
            return Ok(None);
        }
        match http.mime() {
            Some(m) if m.contains("html") => {}
            Some(_) => return Ok(None),
            // no Content-Type: let the content decide
            None => {}
        }
        let mut data = http.body.to_vec();
        let te = http.headers.get("Transfer-Encoding").unwrap_or("");
        if te.to_ascii_lowercase().contains("chunked") {
            data = warc::dechunk(&data).ok_or("malformed chunked transfer encoding")?;
        }
        match http
            .headers
            .get("Content-Encoding")
            .map(|s| s.trim().to_ascii_lowercase())
            .as_deref()
        {
            None | Some("") | Some("identity") => {}
            Some("gzip") | Some("x-gzip") => {
                return Ok(Some(Payload::Gzip {
                    data,
                    hint: http.charset(),
                    mode: Mode::Html,
                    limit: self.cfg.max_bytes as u64,
                    what: "reading gzip payload",
                }));
            }
            Some(other) => return Err(format!("unsupported Content-Encoding {other:?}")),
        }
        if data.len() > self.cfg.max_bytes {
            return Err(self.too_large(Some(data.len() as u64)));
        }
        Ok(Some(Payload::Bytes {
            data,
            hint: http.charset(),
            mode: Mode::Html,
        }))
    }
}

impl Iterator for Records {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(open) = &self.open {
                let res = match open {
                    Open::Jsonl { .. } => self.next_jsonl(),
                    Open::Warc { .. } => self.next_warc(),
                };
                match res {
                    Ok(Some(item)) => return Some(streamed(item)),
                    Ok(None) => self.open = None,
                    Err(e) => {
                        self.open = None;
                        let src = &self.cur;
                        let what = if src.gz { "reading gzip" } else { "reading" };
                        let id = format!("{}: stream error", src.name);
                        return Some(streamed(self.error(id, format!("{what}: {e}"))));
                    }
                }
            }
            let src = match self.sources.next()? {
                Ok(src) => src,
                Err((name, why)) => {
                    self.cur = Source::stdin(false);
                    return Some(self.error(name, why));
                }
            };
            self.cur = src.clone();
            if let (Some(dir), Kind::Doc(_)) = (&self.cfg.skip_existing_in, src.kind) {
                if out_path(dir, &src.stem).exists() {
                    return Some(Item::Skipped);
                }
            }
            match src.kind {
                Kind::Doc(mode) => {
                    // standard input may hold a WARC
                    if src.path.is_none() {
                        match self.sniff_stdin() {
                            Ok((Ok(open), gz)) => {
                                // read as a WARC file: its records are stream records,
                                // with no `--out` name
                                self.cur.kind = Kind::Warc;
                                self.cur.gz = gz;
                                self.open = Some(open);
                                continue;
                            }
                            Ok((Err(stream), gz)) => {
                                return Some(self.read_doc_from(mode, stream, gz))
                            }
                            Err(e) => return Some(self.error("-".into(), format!("reading: {e}"))),
                        }
                    }
                    return Some(self.read_doc(mode));
                }
                Kind::Jsonl | Kind::Warc => match self.open_stream(&src) {
                    Ok(r) => {
                        let open = if src.kind == Kind::Jsonl {
                            Open::Jsonl { r, line: 0 }
                        } else {
                            Open::Warc {
                                r: warc::Reader::new(r, self.warc_limit()),
                                n: 0,
                            }
                        };
                        self.open = Some(open);
                    }
                    Err(e) => {
                        return Some(self.error(src.name.clone(), format!("cannot open: {e}")))
                    }
                },
            }
        }
    }
}

impl Records {
    /// The largest WARC record content kept: the page limit plus room for HTTP headers.
    fn warc_limit(&self) -> u64 {
        self.cfg.max_bytes as u64 + 256 * 1024
    }

    /// Standard input holding a WARC (plain or gzipped) is read as one; anything else is a
    /// page. Looks at the first bytes only: two for the gzip magic, then five (decompressed)
    /// for `WARC/`.
    /// Also says whether standard input is gzipped.
    fn sniff_stdin(&self) -> io::Result<(Result<Open, Stream>, bool)> {
        let raw = (self.opener)(&self.cur)?;
        let (head, raw) = peek(raw, 2)?;
        let gz = head == [0x1f, 0x8b];
        let raw: Raw = if gz {
            Box::new(MultiGzDecoder::new(BufReader::with_capacity(
                256 * 1024,
                raw,
            )))
        } else {
            raw
        };
        let (head, raw) = peek(raw, 5)?;
        let r: Stream = Box::new(BufReader::with_capacity(256 * 1024, raw));
        if head != b"WARC/" {
            return Ok((Err(r), gz));
        }
        let open = Open::Warc {
            r: warc::Reader::new(r, self.warc_limit()),
            n: 0,
        };
        Ok((Ok(open), gz))
    }
}

/// The first `n` bytes of `r` (fewer when it ends sooner), however many reads they take,
/// and a reader that gives them back followed by the rest. A pipe or a network stream may
/// bring a single byte per read: looking only at what the first read brings (as this did
/// before) took a WARC on standard input, or a gzipped one, for a page (found by the
/// `warc_reader` fuzz target).
fn peek(mut r: Raw, n: usize) -> io::Result<(Vec<u8>, Raw)> {
    let mut head = Vec::with_capacity(n);
    (&mut r).take(n as u64).read_to_end(&mut head)?;
    Ok((head.clone(), Box::new(io::Cursor::new(head).chain(r))))
}

/// A JSON line's fields the reader uses (`--id-field`, `--url-field`, `--html-field`,
/// `--text-field`); the last one wins when a name repeats, as in a JSON object.
#[derive(Default)]
struct Fields {
    id: Option<Field>,
    url: Option<Field>,
    html: Option<Field>,
    text: Option<Field>,
}

/// A field's value as far as the reader cares: a string, a number (as JSON writes it), or
/// anything else (not kept).
#[derive(Clone)]
enum Field {
    Str(String),
    Num(String),
    Other,
}

/// Reads a JSON line keeping only the wanted fields: every other value is skipped as it is
/// parsed (`IgnoredAny`), so a line costs its wanted strings, never a tree of values (a
/// `serde_json::Value` of a 16 MB line of `0,0,0,...` took 286 MB). `None` for a JSON value
/// that is not an object.
struct Wanted<'a>(&'a ReadConfig);

impl<'de> Visitor<'de> for Wanted<'_> {
    type Value = Option<Fields>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let cfg = self.0;
        let mut out = Fields::default();
        while let Some(key) = map.next_key::<String>()? {
            let mut slots = [
                (&cfg.id_field, &mut out.id),
                (&cfg.url_field, &mut out.url),
                (&cfg.html_field, &mut out.html),
                (&cfg.text_field, &mut out.text),
            ];
            let mut hits = slots.iter().filter(|(n, _)| **n == key).count();
            if hits == 0 {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let mut value = Some(map.next_value::<Field>()?);
            // more than one hit only when two options name the same field; the page itself
            // is moved, not copied
            for (name, slot) in &mut slots {
                if **name == key {
                    hits -= 1;
                    **slot = if hits == 0 {
                        value.take()
                    } else {
                        value.clone()
                    };
                }
            }
        }
        Ok(Some(out))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FieldVisitor)
    }
}

struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = Field;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_str<E>(self, s: &str) -> Result<Field, E> {
        Ok(Field::Str(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Field, E> {
        Ok(Field::Str(s))
    }
    // numbers written as `serde_json` writes them (an id of `7` is "7", of `1e3` "1000.0")
    fn visit_i64<E>(self, n: i64) -> Result<Field, E> {
        Ok(Field::Num(serde_json::Number::from(n).to_string()))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Field, E> {
        Ok(Field::Num(serde_json::Number::from(n).to_string()))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Field, E> {
        Ok(serde_json::Number::from_f64(n).map_or(Field::Other, |n| Field::Num(n.to_string())))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Field, E> {
        Ok(Field::Other)
    }
    fn visit_unit<E>(self) -> Result<Field, E> {
        Ok(Field::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Field, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Field::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Field, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Field::Other)
    }
}

fn streamed(mut item: Item) -> Item {
    if let Item::Record(r) = &mut item {
        r.stream = true;
    }
    item
}

/// `DIR/<stem>.txt`.
pub fn out_path(dir: &Path, stem: &Path) -> PathBuf {
    let mut name = stem.as_os_str().to_owned();
    name.push(".txt");
    dir.join(name)
}

/// Fails when an output folder cannot be created.
pub fn ensure_dir(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create output folder {}", dir.display()))?;
    if !dir.is_dir() {
        bail!("{} is not a folder", dir.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_kinds() {
        let c = |n| classify(n, false);
        assert_eq!(
            c("a.html.gz"),
            (Some(Kind::Doc(Mode::Html)), true, "a".into())
        );
        assert_eq!(c("B.HTM"), (Some(Kind::Doc(Mode::Html)), false, "B".into()));
        assert_eq!(
            c("x.y.txt"),
            (Some(Kind::Doc(Mode::Text)), false, "x.y".into())
        );
        assert_eq!(c("cc.warc.gz"), (Some(Kind::Warc), true, "cc".into()));
        assert_eq!(c("r.jsonl"), (Some(Kind::Jsonl), false, "r".into()));
        assert_eq!(c("notes.md"), (None, false, "notes.md".into()));
        assert_eq!(classify("a.html", true).0, Some(Kind::Jsonl));
    }
}

#[cfg(test)]
mod walk_tests {
    use super::*;

    #[test]
    fn folders_are_walked_in_sorted_order_with_stems_below_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/c")).unwrap();
        for f in [
            "z.html",
            "a.txt.gz",
            "b/c/x.htm",
            "b/y.warc.gz",
            "skip.md",
            "b0.html",
        ] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let found: Vec<_> = Sources::new(vec![root.to_path_buf()], false)
            .map(|s| s.unwrap())
            .map(|s| (s.stem.display().to_string(), s.kind, s.gz))
            .collect();
        let stems: Vec<_> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(stems, ["a", "b/c/x", "b/y", "b0", "z"]);
        assert_eq!(found[0].1, Kind::Doc(Mode::Text));
        assert!(found[0].2);
        assert_eq!(found[2].1, Kind::Warc);
    }
}

#[cfg(test)]
mod stdin_tests {
    use super::*;
    use flate2::{write::GzEncoder, Compression};
    use std::io::Write;

    /// Hands out one byte per read, as a pipe fed by a slow writer may.
    struct OneByte(io::Cursor<Vec<u8>>);

    impl Read for OneByte {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(1);
            self.0.read(&mut buf[..n])
        }
    }

    fn read_stdin(bytes: Vec<u8>) -> Vec<Item> {
        read_input(bytes, false)
    }

    /// Standard input holding `bytes`, read as JSON lines with `--jsonl`.
    fn read_input(bytes: Vec<u8>, jsonl: bool) -> Vec<Item> {
        let cfg = ReadConfig {
            max_bytes: 1 << 20,
            id_field: "id".into(),
            html_field: "html".into(),
            text_field: "text".into(),
            url_field: "url".into(),
            skip_existing_in: None,
        };
        let opener: Opener = Box::new(move |src: &Source| {
            assert!(src.path.is_none());
            let raw: Raw = Box::new(OneByte(io::Cursor::new(bytes.clone())));
            Ok(raw)
        });
        Records::with_opener(Sources::new(vec!["-".into()], jsonl), cfg, opener).collect()
    }

    const WARC: &[u8] = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
        Content-Length: 53\r\n\r\n\
        HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>hi</p>\r\n\r\n";

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// Found by the `warc_reader` fuzz target: the sniff looked only at what the first read
    /// brought, so a WARC (or a gzip file) arriving a byte at a time was taken for a page;
    /// and WARC records on standard input carried the page's `--out` name.
    #[test]
    fn a_warc_on_stdin_is_sniffed_whatever_the_read_sizes() {
        for (bytes, gzipped) in [(WARC.to_vec(), false), (gz(WARC), true)] {
            let items = read_stdin(bytes);
            assert_eq!(items.len(), 1, "gzip: {gzipped}: {items:?}");
            let Item::Record(r) = &items[0] else {
                panic!("{items:?}")
            };
            assert_eq!(r.id, "urn:uuid:1");
            assert!(r.stream && r.stem.is_none(), "{r:?}");
            let Ok(Payload::Bytes { data, .. }) = &r.payload else {
                panic!("{r:?}")
            };
            assert_eq!(data, b"<p>hi</p>");
        }
    }

    /// Found by the `warc_reader` fuzz target: a record with an empty `WARC-Record-ID` had
    /// an empty id; it is named by its place in the file, as a record without one.
    #[test]
    fn an_empty_warc_record_id_is_no_id() {
        for empty in ["", "<>", " < > "] {
            let warc = String::from_utf8_lossy(WARC).replace("<urn:uuid:1>", empty);
            let items = read_stdin(warc.into_bytes());
            let Item::Record(r) = &items[0] else {
                panic!("{items:?}")
            };
            assert_eq!(r.id, "-#1", "WARC-Record-ID: {empty:?}");
        }
    }

    #[test]
    fn a_page_on_stdin_is_one_record_whatever_the_read_sizes() {
        for (bytes, gzipped) in [(b"WA".to_vec(), false), (gz(b"<p>WARC/</p>"), true)] {
            let items = read_stdin(bytes);
            assert_eq!(items.len(), 1, "gzip: {gzipped}: {items:?}");
            let Item::Record(r) = &items[0] else {
                panic!("{items:?}")
            };
            assert!(!r.stream && r.stem.is_some(), "{r:?}");
            assert!(matches!(r.payload, Ok(Payload::Bytes { .. })), "{r:?}");
        }
    }

    /// The JSON-lines reader keeps only the fields it uses (it used to build a
    /// `serde_json::Value` of the whole line: 286 MB for a 16 MB line of `[0,0,0,...]`), and
    /// reads them as before: the last of a repeated name, numeric ids as JSON writes them,
    /// a field of another type as missing.
    #[test]
    fn json_lines_keep_only_the_wanted_fields() {
        let lines = concat!(
            r#"{"pad": [0, [1, {"html": "no"}], {"x": null}], "id": 1e3, "html": "<p>a</p>"}"#,
            "\n",
            r#"{"id": -7, "html": 5, "text": "t", "url": "u", "text": "last"}"#,
            "\n",
            r#"{"id": true, "url": 1, "html": "<p>\u00e9\ud83d\ude00</p>"}"#,
            "\n{\"id\": \"\", \"text\": \"t\"}",
            "\n[1, 2]\n\"str\"\n{\"html\": \"a\"} x\n{\"html\"\n{}\n",
        );
        let items = read_input(lines.as_bytes().to_vec(), true);
        let got: Vec<String> = items
            .iter()
            .map(|i| match i {
                Item::Record(r) => match &r.payload {
                    Ok(Payload::Str { text, mode }) => {
                        format!("{} {:?} {mode:?} {text}", r.id, r.url)
                    }
                    Ok(p) => panic!("{p:?}"),
                    Err(e) => format!("{} error: {}", r.id, e.split(':').next().unwrap()),
                },
                Item::Skipped => panic!("skipped"),
            })
            .collect();
        assert_eq!(
            got,
            [
                "1000.0 None Html <p>a</p>",
                "-7 Some(\"u\") Text last",
                "-:3 None Html <p>\u{e9}\u{1f600}</p>",
                "-:4 None Text t",
                "-:5 error: JSON line is not an object",
                "-:6 error: JSON line is not an object",
                "-:7 error: malformed JSON line",
                "-:8 error: malformed JSON line",
                "-:9 error: no string field \"html\" or \"text\"",
            ]
        );
    }
}
