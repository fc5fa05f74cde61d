//! Python bindings of `unclutter` (the `unclutter._unclutter` extension module).
//!
//! Everything here wraps the library's public API: `Cleaner`, `Options`, `Input`,
//! `Article`, `Error`. The GIL is released while Rust cleans, and `clean_many` cleans a
//! batch on several threads, results in input order.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::OnceLock;
use std::time::Duration;

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};

create_exception!(
    unclutter,
    UnclutterError,
    PyException,
    "Base class of every error raised by unclutter: the input could not be cleaned at all."
);
create_exception!(
    unclutter,
    EmptyInputError,
    UnclutterError,
    "The input is empty or holds only whitespace."
);
create_exception!(
    unclutter,
    TooLargeError,
    UnclutterError,
    "The input is larger than `max_input_bytes`; `.limit` and `.size` are in bytes."
);
create_exception!(
    unclutter,
    DecodeError,
    UnclutterError,
    "The bytes could not be decoded to text (binary data, or a str with lone surrogates)."
);

/// Why one input yielded no article: the library's error, or a panic inside it (a bug,
/// reported as the base `UnclutterError` rather than taking the interpreter down).
enum Failure {
    Lib(unclutter::Error),
    Panic(String),
}

/// Turns a failure into the matching Python exception, with the Rust message.
fn to_py_err(py: Python<'_>, f: &Failure) -> PyErr {
    let e = match f {
        Failure::Lib(e) => e,
        Failure::Panic(why) => {
            return UnclutterError::new_err(format!(
                "internal error in unclutter (a bug, please report it with the input): {why}"
            ))
        }
    };
    let msg = e.to_string();
    match e {
        unclutter::Error::Empty => EmptyInputError::new_err(msg),
        unclutter::Error::TooLarge { limit, size } => {
            let err = TooLargeError::new_err(msg);
            let v = err.value(py);
            let _ = v.setattr("limit", *limit);
            let _ = v.setattr("size", *size);
            err
        }
        unclutter::Error::Decode(_) => DecodeError::new_err(msg),
        _ => UnclutterError::new_err(msg),
    }
}

/// An input taken out of Python, owned so that the GIL can be released while Rust works.
enum Owned {
    Str(String),
    Bytes(Vec<u8>),
    /// `None` in a batch: cleaned as an empty input.
    Missing,
}

impl Owned {
    fn extract(x: &Bound<'_, PyAny>, allow_none: bool) -> PyResult<Owned> {
        if let Ok(s) = x.downcast::<PyString>() {
            return Ok(match s.extract::<String>() {
                Ok(s) => Owned::Str(s),
                // lone surrogates: not valid UTF-8; replaced rather than refused
                Err(_) => {
                    let b = s.call_method1("encode", ("utf-8", "replace"))?;
                    let b = b.downcast::<PyBytes>()?;
                    Owned::Str(String::from_utf8_lossy(b.as_bytes()).into_owned())
                }
            });
        }
        if let Ok(b) = x.downcast::<PyBytes>() {
            return Ok(Owned::Bytes(b.as_bytes().to_vec()));
        }
        if let Ok(b) = x.downcast::<PyByteArray>() {
            return Ok(Owned::Bytes(b.to_vec()));
        }
        if allow_none && x.is_none() {
            return Ok(Owned::Missing);
        }
        if x.is_instance_of::<pyo3::types::PyMemoryView>() {
            let b = x.call_method0("tobytes")?;
            return Ok(Owned::Bytes(b.downcast::<PyBytes>()?.as_bytes().to_vec()));
        }
        Err(PyTypeError::new_err(format!(
            "unclutter expects str or bytes, got {}",
            x.get_type().name()?
        )))
    }

    /// Its size in bytes (the scheduling weight in `clean_many`).
    fn len(&self) -> usize {
        match self {
            Owned::Str(s) => s.len(),
            Owned::Bytes(b) => b.len(),
            Owned::Missing => 0,
        }
    }

    /// Cleans the input; a panic in the library becomes [`Failure::Panic`].
    fn clean(&self, cleaner: &unclutter::Cleaner) -> Outcome {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match self {
            Owned::Str(s) => cleaner.clean(unclutter::Input::Str(s)),
            Owned::Bytes(b) => cleaner.clean(unclutter::Input::Bytes(b)),
            Owned::Missing => Err(unclutter::Error::Empty),
        }));
        match r {
            Ok(r) => r.map_err(Failure::Lib),
            Err(p) => Err(Failure::Panic(
                p.downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".into()),
            )),
        }
    }
}

fn parse_mode(mode: &str) -> PyResult<unclutter::Mode> {
    mode.parse::<unclutter::Mode>()
        .map_err(PyValueError::new_err)
}

#[allow(clippy::too_many_arguments)]
fn build_options(
    mode: &str,
    keep_headings: bool,
    max_input_bytes: Option<usize>,
    max_blocks: Option<usize>,
    max_nodes: Option<usize>,
    disabled_rules: Option<Vec<String>>,
) -> PyResult<unclutter::Options> {
    let mut o = unclutter::Options::default()
        .with_mode(parse_mode(mode)?)
        .with_keep_headings(keep_headings);
    if let Some(n) = max_input_bytes {
        o = o.with_max_input_bytes(n);
    }
    if let Some(n) = max_blocks {
        o = o.with_max_blocks(n);
    }
    if let Some(n) = max_nodes {
        o = o.with_max_nodes(n);
    }
    for name in disabled_rules.unwrap_or_default() {
        if !unclutter::rules().any(|(r, _)| r == name) {
            let known: Vec<&str> = unclutter::rules().map(|(r, _)| r).collect();
            return Err(PyValueError::new_err(format!(
                "unknown rule {name:?} (rules: {})",
                known.join(", ")
            )));
        }
        o = o.without_rule(&name);
    }
    Ok(o)
}

fn mode_name(m: unclutter::Mode) -> &'static str {
    match m {
        unclutter::Mode::Html => "html",
        unclutter::Mode::Text => "text",
        _ => "auto",
    }
}

/// The result of cleaning one page.
///
/// Attributes: ``text`` (plain text, paragraphs separated by one blank line), ``markdown``,
/// ``title`` and ``lang`` (``None`` when unknown), ``confidence`` (0–1, how sure the cleaner
/// is that the page holds an article), ``is_article`` (``confidence >= 0.5``), ``removed``
/// (a list of ``(reason, text)`` tuples, in input order), ``mode`` (``"html"`` or
/// ``"text"``: how the input was read) and ``truncated`` (a limit cut the input short).
#[pyclass(module = "unclutter", frozen, name = "Article")]
pub struct Article {
    inner: unclutter::Article,
    text: OnceLock<String>,
    markdown: OnceLock<String>,
}

impl Article {
    fn new(inner: unclutter::Article) -> Self {
        Article {
            inner,
            text: OnceLock::new(),
            markdown: OnceLock::new(),
        }
    }
}

#[pymethods]
impl Article {
    /// The article as plain text: paragraphs separated by one blank line.
    #[getter]
    fn text(&self) -> &str {
        self.text.get_or_init(|| self.inner.text())
    }
    /// The article as markdown (headings as ``##`` when kept, quotes as ``>``).
    #[getter]
    fn markdown(&self) -> &str {
        self.markdown.get_or_init(|| self.inner.markdown())
    }
    /// The page's title, or ``None``.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.title()
    }
    /// The language guessed from stopwords (ISO 639-1 code), or ``None``.
    #[getter]
    fn lang(&self) -> Option<&'static str> {
        self.inner.lang()
    }
    /// How sure the cleaner is that the page holds an article, from 0 to 1.
    #[getter]
    fn confidence(&self) -> f32 {
        self.inner.confidence()
    }
    /// Whether the page looks like an article (``confidence >= 0.5``).
    #[getter]
    fn is_article(&self) -> bool {
        self.inner.is_article()
    }
    /// Every removed block and cut fragment as ``(reason, text)``, in input order.
    #[getter]
    fn removed(&self) -> Vec<(&'static str, String)> {
        self.inner
            .removed()
            .iter()
            .map(|r| (r.reason.as_str(), r.text.clone()))
            .collect()
    }
    /// How the input was read: ``"html"`` or ``"text"``.
    #[getter]
    fn mode(&self) -> &'static str {
        mode_name(self.inner.mode())
    }
    /// Whether ``max_blocks`` or ``max_nodes`` cut the input short.
    #[getter]
    fn truncated(&self) -> bool {
        self.inner.truncated()
    }
    fn __str__(&self) -> &str {
        self.text()
    }
    fn __repr__(&self) -> String {
        let t = self.text();
        let head: String = t.chars().take(40).collect();
        format!(
            "<Article title={:?} lang={:?} confidence={:.2} chars={} text={:?}{}>",
            self.inner.title(),
            self.inner.lang(),
            self.inner.confidence(),
            t.chars().count(),
            head,
            if t.chars().count() > 40 { "…" } else { "" }
        )
    }
}

/// A reusable cleaner. Build one and reuse it: it is thread-safe, and ``clean`` releases
/// the GIL while it works.
///
/// Options (all keyword-only): ``mode`` (``"auto"``, ``"html"`` or ``"text"``; auto reads
/// markup that looks like HTML as HTML), ``keep_headings`` (keep the article's own on-topic
/// headings), ``max_input_bytes`` (larger inputs raise ``TooLargeError``; default 32 MiB),
/// ``max_blocks`` and ``max_nodes`` (reading stops there and the article is marked
/// truncated), ``disabled_rules`` (names from ``unclutter.rules()`` to switch off).
#[pyclass(module = "unclutter", frozen, name = "Cleaner")]
pub struct Cleaner {
    inner: unclutter::Cleaner,
}

#[pymethods]
impl Cleaner {
    #[new]
    #[pyo3(signature = (*, mode="auto", keep_headings=false, max_input_bytes=None, max_blocks=None, max_nodes=None, disabled_rules=None))]
    fn new(
        mode: &str,
        keep_headings: bool,
        max_input_bytes: Option<usize>,
        max_blocks: Option<usize>,
        max_nodes: Option<usize>,
        disabled_rules: Option<Vec<String>>,
    ) -> PyResult<Self> {
        let o = build_options(
            mode,
            keep_headings,
            max_input_bytes,
            max_blocks,
            max_nodes,
            disabled_rules,
        )?;
        Ok(Cleaner {
            inner: unclutter::Cleaner::new(o),
        })
    }

    /// Cleans one page (``str`` or ``bytes`` in any encoding) and returns an ``Article``.
    /// Raises ``EmptyInputError``, ``TooLargeError`` or ``DecodeError`` (all subclasses of
    /// ``UnclutterError``) for input that cannot be cleaned, ``TypeError`` for other types.
    fn clean(&self, py: Python<'_>, page: &Bound<'_, PyAny>) -> PyResult<Article> {
        let input = Owned::extract(page, false)?;
        let cleaner = &self.inner;
        let r = py.allow_threads(|| input.clean(cleaner));
        r.map(Article::new).map_err(|e| to_py_err(py, &e))
    }

    /// Cleans many pages on ``jobs`` threads (default: all cores) and returns a list in
    /// input order. Each entry is an ``Article``, or, for a page that could not be cleaned,
    /// the exception object (an ``UnclutterError`` subclass) instead of raising: check with
    /// ``isinstance(r, unclutter.UnclutterError)``. ``None`` items yield ``EmptyInputError``
    /// entries. Items that are neither str, bytes nor None raise ``TypeError`` for the call.
    #[pyo3(signature = (pages, jobs=None))]
    fn clean_many(
        &self,
        py: Python<'_>,
        pages: &Bound<'_, PyAny>,
        jobs: Option<usize>,
    ) -> PyResult<Vec<PyObject>> {
        clean_many_impl(py, &self.inner, pages, jobs)
    }

    /// The options in force, as a dict.
    #[getter]
    fn options(&self, py: Python<'_>) -> PyResult<PyObject> {
        let o = self.inner.options();
        let d = pyo3::types::PyDict::new(py);
        d.set_item("mode", mode_name(o.mode))?;
        d.set_item("keep_headings", o.keep_headings)?;
        d.set_item("max_input_bytes", o.max_input_bytes)?;
        d.set_item("max_blocks", o.max_blocks)?;
        d.set_item("max_nodes", o.max_nodes)?;
        d.set_item("disabled_rules", o.disabled_rules.clone())?;
        Ok(d.into_any().unbind())
    }

    /// Pickling (multiprocessing, Spark, datatrove executors) rebuilds the cleaner from its
    /// options.
    fn __getnewargs_ex__(&self, py: Python<'_>) -> PyResult<(PyObject, PyObject)> {
        let args = pyo3::types::PyTuple::empty(py).into_any().unbind();
        Ok((args, self.options(py)?))
    }

    fn __repr__(&self) -> String {
        let o = self.inner.options();
        format!(
            "Cleaner(mode={:?}, keep_headings={}, max_input_bytes={}, max_blocks={}, max_nodes={}, disabled_rules={:?})",
            mode_name(o.mode),
            if o.keep_headings { "True" } else { "False" },
            o.max_input_bytes,
            o.max_blocks,
            o.max_nodes,
            o.disabled_rules
        )
    }
}

fn clean_many_impl(
    py: Python<'_>,
    cleaner: &unclutter::Cleaner,
    pages: &Bound<'_, PyAny>,
    jobs: Option<usize>,
) -> PyResult<Vec<PyObject>> {
    let mut inputs = Vec::new();
    for x in pages.try_iter()? {
        inputs.push(Owned::extract(&x?, true)?);
    }
    let jobs = jobs
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        })
        .clamp(1, MAX_JOBS)
        .min(inputs.len().max(1));
    // Ctrl-C while the batch runs: the waiting thread takes the GIL now and then to look
    // for a pending signal; the workers then stop after their current page.
    let pending: std::sync::Mutex<Option<PyErr>> = std::sync::Mutex::new(None);
    let interrupted = || {
        Python::with_gil(|py| match py.check_signals() {
            Ok(()) => false,
            Err(e) => {
                *pending.lock().unwrap_or_else(|p| p.into_inner()) = Some(e);
                true
            }
        })
    };
    let results = py.allow_threads(|| run_parallel(cleaner, &inputs, jobs, interrupted));
    drop(inputs);
    if let Some(e) = pending.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(e);
    }
    results
        .into_iter()
        .map(|r| match r {
            Ok(a) => Ok(Py::new(py, Article::new(a))?.into_any()),
            Err(e) => Ok(to_py_err(py, &e).into_value(py).into_any()),
        })
        .collect()
}

/// At most this many threads for one `clean_many` call, whatever `jobs` says.
const MAX_JOBS: usize = 256;

type Outcome = Result<unclutter::Article, Failure>;

/// Cleans `inputs` on `jobs` scoped threads, each taking the next page (largest first) from
/// a shared counter; results go back to their input positions. The calling thread waits, asking
/// `interrupted` every 100 ms; when it says so the workers stop taking pages (the pages
/// left get [`Failure::Panic`] entries, which the caller never shows: it raises).
fn run_parallel(
    cleaner: &unclutter::Cleaner,
    inputs: &[Owned],
    jobs: usize,
    interrupted: impl Fn() -> bool,
) -> Vec<Outcome> {
    // largest first, so that no big page starts last and leaves the other threads idle
    let mut order: Vec<usize> = (0..inputs.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(inputs[i].len()));
    let order = &order;
    let next = AtomicUsize::new(0);
    let cancel = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<()>();
    let mut parts: Vec<Vec<(usize, Outcome)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..jobs)
            .map(|_| {
                let tx = tx.clone();
                let (next, cancel) = (&next, &cancel);
                s.spawn(move || {
                    let mut done = Vec::new();
                    while !cancel.load(Ordering::Relaxed) {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&i) = order.get(k) else {
                            break;
                        };
                        done.push((i, inputs[i].clean(cleaner)));
                    }
                    let _ = tx.send(());
                    done
                })
            })
            .collect();
        drop(tx);
        let mut finished = 0;
        while finished < jobs {
            match rx.recv_timeout(Duration::from_millis(100)) {
                Ok(()) => finished += 1,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if !cancel.load(Ordering::Relaxed) && interrupted() {
                        cancel.store(true, Ordering::Relaxed);
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut out: Vec<Option<Outcome>> = (0..inputs.len()).map(|_| None).collect();
    for part in parts.drain(..) {
        for (i, r) in part {
            out[i] = Some(r);
        }
    }
    out.into_iter()
        .map(|r| r.unwrap_or_else(|| Err(Failure::Panic("not cleaned: interrupted".into()))))
        .collect()
}

fn clean_with(
    py: Python<'_>,
    page: &Bound<'_, PyAny>,
    options: unclutter::Options,
) -> PyResult<String> {
    let input = Owned::extract(page, false)?;
    let r = py.allow_threads(|| {
        let cleaner = unclutter::Cleaner::new(options);
        input.clean(&cleaner).map(|a| a.text())
    });
    r.map_err(|e| to_py_err(py, &e))
}

/// Cleans a raw HTML page (``str``, or ``bytes`` in any encoding) and returns the
/// article's text. Options as for ``Cleaner`` (``mode`` is ``"html"``).
#[pyfunction]
#[pyo3(signature = (html, *, keep_headings=false, max_input_bytes=None, max_blocks=None, max_nodes=None, disabled_rules=None))]
fn clean_html(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    keep_headings: bool,
    max_input_bytes: Option<usize>,
    max_blocks: Option<usize>,
    max_nodes: Option<usize>,
    disabled_rules: Option<Vec<String>>,
) -> PyResult<String> {
    let o = build_options(
        "html",
        keep_headings,
        max_input_bytes,
        max_blocks,
        max_nodes,
        disabled_rules,
    )?;
    clean_with(py, html, o)
}

/// Cleans text already scraped from a page (one block per line; ``str`` or ``bytes``)
/// and returns the article's text. Options as for ``Cleaner`` (``mode`` is ``"text"``).
#[pyfunction]
#[pyo3(signature = (text, *, keep_headings=false, max_input_bytes=None, max_blocks=None, max_nodes=None, disabled_rules=None))]
fn clean_text(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    keep_headings: bool,
    max_input_bytes: Option<usize>,
    max_blocks: Option<usize>,
    max_nodes: Option<usize>,
    disabled_rules: Option<Vec<String>>,
) -> PyResult<String> {
    let o = build_options(
        "text",
        keep_headings,
        max_input_bytes,
        max_blocks,
        max_nodes,
        disabled_rules,
    )?;
    clean_with(py, text, o)
}

/// Cleans bytes in any encoding (BOM, ``<meta charset>``, or a statistical guess), HTML
/// or text (detected unless ``mode`` says), and returns the article's text.
#[pyfunction]
#[pyo3(signature = (data, *, mode="auto", keep_headings=false, max_input_bytes=None, max_blocks=None, max_nodes=None, disabled_rules=None))]
#[allow(clippy::too_many_arguments)]
fn clean_bytes(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    mode: &str,
    keep_headings: bool,
    max_input_bytes: Option<usize>,
    max_blocks: Option<usize>,
    max_nodes: Option<usize>,
    disabled_rules: Option<Vec<String>>,
) -> PyResult<String> {
    let o = build_options(
        mode,
        keep_headings,
        max_input_bytes,
        max_blocks,
        max_nodes,
        disabled_rules,
    )?;
    clean_with(py, data, o)
}

/// Cleans many pages in parallel in Rust; see ``Cleaner.clean_many``. Options as for
/// ``Cleaner``.
#[pyfunction]
#[pyo3(signature = (pages, jobs=None, *, mode="auto", keep_headings=false, max_input_bytes=None, max_blocks=None, max_nodes=None, disabled_rules=None))]
#[allow(clippy::too_many_arguments)]
fn clean_many(
    py: Python<'_>,
    pages: &Bound<'_, PyAny>,
    jobs: Option<usize>,
    mode: &str,
    keep_headings: bool,
    max_input_bytes: Option<usize>,
    max_blocks: Option<usize>,
    max_nodes: Option<usize>,
    disabled_rules: Option<Vec<String>>,
) -> PyResult<Vec<PyObject>> {
    let o = build_options(
        mode,
        keep_headings,
        max_input_bytes,
        max_blocks,
        max_nodes,
        disabled_rules,
    )?;
    let cleaner = unclutter::Cleaner::new(o);
    clean_many_impl(py, &cleaner, pages, jobs)
}

/// Decodes bytes to text the way ``clean_bytes`` does: BOM, then ``hint`` (an HTTP
/// charset label), then ``<meta charset>``, then UTF-8, then a statistical guess.
/// Raises ``DecodeError`` for binary data.
#[pyfunction]
#[pyo3(signature = (data, hint=None))]
fn decode_bytes(py: Python<'_>, data: &[u8], hint: Option<&str>) -> PyResult<String> {
    unclutter::decode_bytes(data, hint).map_err(|e| to_py_err(py, &Failure::Lib(e)))
}

/// The prune rules in the order they run, as ``(name, description)`` tuples; any name can
/// go in ``disabled_rules``.
#[pyfunction]
fn rules() -> Vec<(&'static str, &'static str)> {
    unclutter::rules().collect()
}

/// The Rust core of the ``unclutter`` package.
#[pymodule]
fn _unclutter(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("UnclutterError", py.get_type::<UnclutterError>())?;
    m.add("EmptyInputError", py.get_type::<EmptyInputError>())?;
    m.add("TooLargeError", py.get_type::<TooLargeError>())?;
    m.add("DecodeError", py.get_type::<DecodeError>())?;
    m.add("ARTICLE_THRESHOLD", unclutter::ARTICLE_THRESHOLD)?;
    m.add_class::<Article>()?;
    m.add_class::<Cleaner>()?;
    m.add_function(wrap_pyfunction!(clean_html, m)?)?;
    m.add_function(wrap_pyfunction!(clean_text, m)?)?;
    m.add_function(wrap_pyfunction!(clean_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(clean_many, m)?)?;
    m.add_function(wrap_pyfunction!(decode_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    Ok(())
}
