//! Options of a [`Cleaner`](crate::Cleaner).

/// How to read the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Mode {
    /// Decide from the input: markup that looks like HTML is read as HTML, the rest as text.
    #[default]
    Auto,
    /// A raw HTML page.
    Html,
    /// Text already scraped from a page: one block (paragraph, heading, list item) per line.
    Text,
}

impl std::str::FromStr for Mode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(Mode::Auto),
            "html" | "htm" => Ok(Mode::Html),
            "text" | "txt" => Ok(Mode::Text),
            other => Err(format!(
                "unknown mode {other:?} (expected auto, html or text)"
            )),
        }
    }
}

/// Everything a [`Cleaner`](crate::Cleaner) can be told. Start from
/// `Options::default()` and change what you need, with the fields or the
/// `with_*` setters:
///
/// ```
/// let options = unclutter::Options::default().with_keep_headings(true);
/// assert!(options.keep_headings);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Options {
    /// How to read the input. Default: [`Mode::Auto`].
    pub mode: Mode,
    /// Keep the article's own on-topic section headings. Off-topic, keyword-stuffed and
    /// lead-in headings are dropped either way. Default: `false` (no headings in the output).
    pub keep_headings: bool,
    /// Inputs larger than this many bytes are refused with
    /// [`Error::TooLarge`](crate::Error::TooLarge). Default: 32 MiB.
    pub max_input_bytes: usize,
    /// At most this many blocks are read from one input; the rest is ignored
    /// (and the article is marked truncated). Default: 200,000.
    pub max_blocks: usize,
    /// At most this many HTML nodes are parsed from one page. Default: 2,000,000.
    pub max_nodes: usize,
    /// Names of prune rules to switch off (see [`rules`](crate::rules)). Default: none.
    pub disabled_rules: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            mode: Mode::Auto,
            keep_headings: false,
            max_input_bytes: 32 << 20,
            max_blocks: 200_000,
            max_nodes: 2_000_000,
            disabled_rules: Vec::new(),
        }
    }
}

impl Options {
    /// Sets [`Options::mode`].
    pub fn with_mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }
    /// Sets [`Options::keep_headings`].
    pub fn with_keep_headings(mut self, keep: bool) -> Self {
        self.keep_headings = keep;
        self
    }
    /// Sets [`Options::max_input_bytes`].
    pub fn with_max_input_bytes(mut self, limit: usize) -> Self {
        self.max_input_bytes = limit;
        self
    }
    /// Sets [`Options::max_blocks`].
    pub fn with_max_blocks(mut self, limit: usize) -> Self {
        self.max_blocks = limit;
        self
    }
    /// Sets [`Options::max_nodes`].
    pub fn with_max_nodes(mut self, limit: usize) -> Self {
        self.max_nodes = limit;
        self
    }
    /// Switches off the prune rule of that name.
    pub fn without_rule(mut self, name: &str) -> Self {
        self.disabled_rules.push(name.to_string());
        self
    }
}
