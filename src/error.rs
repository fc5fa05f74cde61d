//! The one error type of the library.

use std::fmt;

/// Why an input could not be cleaned at all.
///
/// A page that holds no article (a listing, a cookie wall, an error page) is
/// **not** an error: it yields an [`Article`](crate::Article) whose
/// [`is_article`](crate::Article::is_article) says so. Errors are for input that
/// cannot be processed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input is empty or holds only whitespace.
    Empty,
    /// The input is larger than [`Options::max_input_bytes`](crate::Options::max_input_bytes).
    TooLarge {
        /// The limit in force, in bytes.
        limit: usize,
        /// The size of the input, in bytes.
        size: usize,
    },
    /// The bytes could not be decoded to text (for example, binary data).
    Decode(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty => f.write_str("empty input: there is no text to clean"),
            Error::TooLarge { limit, size } => write!(
                f,
                "input too large: {size} bytes over the limit of {limit} bytes \
                 (raise Options::max_input_bytes to accept it)"
            ),
            Error::Decode(why) => write!(f, "cannot decode input: {why}"),
        }
    }
}

impl std::error::Error for Error {}
