//! Markdown read as the page's markup: text scraped by Jina Reader, Firecrawl, crawl4ai,
//! html2text or trafilatura's markdown output.
//!
//! A text is read as markdown when it shows markdown's own syntax ([`is_markdown`]: an
//! inline link or image, `](` and an address); then, per line ([`line`]): an ATX
//! heading (`## Title`) is a heading of its level, a setext underline (`===`, `---` right
//! under a line) makes the line above one, a horizontal rule, a table's separator row and
//! a reference definition (`[1]: https://…`) are no text, a table's row is a line of its
//! cells separated by spaces (as the HTML front door writes a row), and inside a line
//! ([`inline`]) a link `[text](url)`, `[text][ref]` or `<https://…>` keeps its text, which
//! counts as link text (the block's link density, as in HTML mode), an image `![alt](src)`
//! is no text (nor is a linked image `[![alt](src)](href)`), emphasis (`**`, `_`, `~~`) and
//! backslash escapes are no words. The output is the article's plain text (what the HTML
//! front door gives for the same page); `--format markdown` renders the blocks, not the
//! input's links and images. The syntax followed is CommonMark's, loosely: what a
//! converter writes, not every corner of the specification. Plain text is never read this
//! way, so "[sic]", "(see above)" and code in a plain dump stay as they are.

/// Whether `text` is written in markdown: it holds an inline link or image, `](`
/// followed by a destination that reads as an address (`(url)`, `(url "title")`: no
/// space in the url, a `/`, `.`, `#` or `:` in it; code's `a[i](x)` is none). Headings
/// alone are no evidence: a plain dump of a documentation page shows its code's `# …`
/// comments (wcxb-dev 0666: Python's itertools page read as markdown lost 60 % of its
/// text), and `**` or `_` are common in plain text. One `memchr` pass over the text for
/// `]`, rare in plain text.
pub(crate) fn is_markdown(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b']', b).any(|i| {
        b.get(i + 1) == Some(&b'(')
            && destination(&b[i + 1..])
                .is_some_and(|n| b[i + 2..i + n].iter().any(|c| b"/.#:".contains(c)))
    })
}

/// The level of an ATX heading line (`#` to `######`, then a space or the line's end).
fn atx_level(line: &str) -> Option<u8> {
    let b = line.as_bytes();
    let n = b.iter().take(7).take_while(|&&c| c == b'#').count();
    if (1..=6).contains(&n) && matches!(b.get(n), None | Some(b' ' | b'\t' | b'\n' | b'\r')) {
        Some(n as u8)
    } else {
        None
    }
}

/// What one markdown line is, before its inline syntax is read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line<'a> {
    /// An ATX heading of this level, with its text.
    Heading(u8, &'a str),
    /// A setext underline (`===`: level 1, `---`: level 2): the line above is a heading
    /// when it stands right above it.
    Underline(u8),
    /// No text: a horizontal rule, a table's separator row, a reference definition.
    Skip,
    /// A table's row (`| cell | cell |`), with the text between its outer pipes.
    Row(&'a str),
    /// Anything else.
    Text(&'a str),
}

/// Reads one line (whitespace already normalised, not empty) of a markdown text.
pub(crate) fn line(line: &str) -> Line<'_> {
    let b = line.as_bytes();
    match b[0] {
        b'#' => {
            if let Some(level) = atx_level(line) {
                let text = line[level as usize..].trim_start();
                // a closing run of `#` after a space is no text ("## Title ##")
                let t = text.trim_end_matches('#');
                let text = if t.len() < text.len() && (t.is_empty() || t.ends_with(' ')) {
                    t.trim_end()
                } else {
                    text
                };
                return Line::Heading(level, text);
            }
        }
        b'=' if b.iter().all(|&c| c == b'=') => return Line::Underline(1),
        b'-' | b'*' | b'_' => {
            let c = b[0];
            if b.iter().all(|&x| x == c || x == b' ') && b.iter().filter(|&&x| x == c).count() >= 3
            {
                // `---` right under a line underlines it; `***`, `___`, `- - -` are rules
                return if c == b'-' && !b.contains(&b' ') {
                    Line::Underline(2)
                } else {
                    Line::Skip
                };
            }
        }
        b'|' | b':' if separator_row(b) => return Line::Skip,
        b'|' if b.len() >= 3 && b[b.len() - 1] == b'|' => {
            return Line::Row(line[1..line.len() - 1].trim());
        }
        b'[' if reference_definition(line) => return Line::Skip,
        _ => {}
    }
    Line::Text(line)
}

/// A table's separator row: `|---|:---:|`, only pipes, dashes, colons and spaces, with a
/// dash and a pipe.
fn separator_row(b: &[u8]) -> bool {
    b.iter().all(|c| matches!(c, b'|' | b'-' | b':' | b' '))
        && b.contains(&b'-')
        && b.contains(&b'|')
}

/// A reference definition: `[label]: destination`.
fn reference_definition(line: &str) -> bool {
    let Some(close) = line.find("]:") else {
        return false;
    };
    close > 1 && !line[1..close].contains(['[', ']']) && {
        let dest = line[close + 2..].trim_start();
        !dest.is_empty() && !dest.contains(' ') || dest.contains(" \"")
    }
}

/// Most `[` a line may hold open at once: deeper ones are read as written (a linked
/// image needs two; the bound keeps the work on a line of brackets linear).
const MAX_OPEN: usize = 8;

/// An open `[` (or `![`) in [`inline`]: where its text starts in the output, and whether
/// it opens an image.
#[derive(Clone, Copy)]
struct Open {
    at: usize,
    image: bool,
}

/// Writes `s` to `out` with its inline markdown read: link text kept without the link's
/// syntax, images dropped, emphasis and escapes removed. Returns the bytes of `out` that
/// are link text. Linear: one pass, a bounded stack of open brackets, each link's text
/// moved once to drop its `[`.
pub(crate) fn inline(s: &str, out: &mut String) -> usize {
    let b = s.as_bytes();
    let mut open: Vec<Open> = Vec::new();
    // per delimiter (`*`, `_`, `~`): its last position on the line, and how many of its
    // openers were removed and not closed yet
    let last = [b'*', b'_', b'~'].map(|d| memchr::memrchr(d, b));
    let mut opened = [0usize; 3];
    let mut link_bytes = 0usize;
    let mut i = 0;
    // the text between specials is copied in one go
    let mut copied = 0;
    while i < b.len() {
        let c = b[i];
        if !matches!(
            c,
            b'\\' | b'`' | b'!' | b'[' | b']' | b'<' | b'*' | b'_' | b'~'
        ) {
            i += 1;
            continue;
        }
        out.push_str(&s[copied..i]);
        match c {
            b'\\' if b.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                out.push(b[i + 1] as char);
                i += 2;
            }
            b'`' => {
                // a code span: its text as written, without the backticks
                let run = b[i..].iter().take_while(|&&x| x == b'`').count();
                let fence = &s[i..i + run];
                match window(&s[i + run..]).find(fence) {
                    Some(end) => {
                        out.push_str(&s[i + run..i + run + end]);
                        i += run + end + run;
                    }
                    None => {
                        out.push_str(fence);
                        i += run;
                    }
                }
            }
            b'!' if b.get(i + 1) == Some(&b'[') && open.len() < MAX_OPEN => {
                open.push(Open {
                    at: out.len(),
                    image: true,
                });
                out.push_str("![");
                i += 2;
            }
            b'[' if open.len() < MAX_OPEN => {
                open.push(Open {
                    at: out.len(),
                    image: false,
                });
                out.push('[');
                i += 1;
            }
            b']' => {
                let dest = destination(&b[i + 1..]);
                match (open.pop(), dest) {
                    (Some(o), Some(len)) => {
                        if o.image {
                            // an image is no text: its alt goes with it
                            out.truncate(o.at);
                        } else {
                            // the link's text stays, without its `[`
                            out.remove(o.at);
                            link_bytes += out.len() - o.at;
                        }
                        i += 1 + len;
                    }
                    (_, _) => {
                        out.push(']');
                        i += 1;
                    }
                }
            }
            b'<' => match autolink(&s[i..]) {
                Some(url) => {
                    out.push_str(url);
                    link_bytes += url.len();
                    i += url.len() + 2;
                }
                None => {
                    out.push('<');
                    i += 1;
                }
            },
            b'*' | b'_' | b'~' => {
                let run = b[i..].iter().take_while(|&&x| x == c).count();
                let before = s[..i].chars().next_back();
                let after = s[i + run..].chars().next();
                // a delimiter pairs with another of its kind: one closes the last one
                // removed, or opens when the same byte comes later on the line ("5*
                // hotels" and a lone "*х100" stay). Converters write "**Label: **Text",
                // whose closer is shaped like an opener: the runs alternate
                let k = usize::from(c == b'_') + 2 * usize::from(c == b'~');
                let closes = opened[k] > 0;
                let opens = !closes
                    && !after.is_none_or(char::is_whitespace)
                    && last[k].is_some_and(|l| l >= i + run);
                if (closes || opens) && emphasis(c, run, before, after) {
                    if closes {
                        opened[k] -= 1;
                    } else {
                        opened[k] += 1;
                    }
                } else {
                    out.push_str(&s[i..i + run]);
                }
                i += run;
            }
            _ => {
                out.push(c as char);
                i += 1;
            }
        }
        copied = i;
    }
    out.push_str(&s[copied..]);
    link_bytes
}

/// The length of a link's destination right after its `]`: `(url)` or `(url "title")`
/// (balanced parentheses inside the url), `[ref]` or `[]`. `None` when none follows.
fn destination(b: &[u8]) -> Option<usize> {
    match b.first()? {
        b'(' => {
            let mut depth = 0usize;
            let mut space = false;
            for (k, &c) in b.iter().take(MAX_SCAN).enumerate() {
                match c {
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(k + 1);
                        }
                    }
                    // a url or a title holds no `]` (it ends the scan of "[a](b[c](d…")
                    b']' => return None,
                    // a url holds no space; after one only a title may follow
                    b' ' if !space => {
                        space = true;
                        if !matches!(b.get(k + 1), Some(b'"' | b'\'' | b'(')) {
                            return None;
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        b'[' => {
            let end = memchr::memchr(b']', b)?;
            (!b[1..end].contains(&b'[')).then_some(end + 1)
        }
        _ => None,
    }
}

/// The furthest a link's destination, an autolink or a code span is looked for after its
/// start (bytes): what a converter writes is far shorter, and the bound keeps a line of
/// unclosed `](`, `<` or backticks linear.
const MAX_SCAN: usize = 2048;

/// The first [`MAX_SCAN`] bytes of `s` (fewer, to end on a char boundary).
fn window(s: &str) -> &str {
    let mut end = s.len().min(MAX_SCAN);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The address of an autolink `<https://…>` / `<mailto:…>` at the start of `s`.
fn autolink(s: &str) -> Option<&str> {
    // an address holds no space nor `<`: the first of the three ends the look
    let end = 1 + s[1..].find([' ', '<', '>'])?.min(MAX_SCAN);
    if s.as_bytes().get(end) != Some(&b'>') {
        return None;
    }
    let url = &s[1..end];
    let scheme = ["http://", "https://", "mailto:", "ftp://"]
        .iter()
        .any(|p| {
            url.get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
        });
    (scheme && !url.contains([' ', '<'])).then_some(url)
}

/// Whether a run of `c` (`*`, `_`, `~`) between `before` and `after` delimits emphasis (or
/// a strikethrough), after CommonMark's flanking rules: it touches a word on one side and
/// is not inside a word (`snake_case`, `2*3`). A `~` counts in pairs only.
fn emphasis(c: u8, run: usize, before: Option<char>, after: Option<char>) -> bool {
    if c == b'~' && run != 2 {
        return false;
    }
    let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
    let word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
    let left = !space(after);
    let right = !space(before);
    (left || right) && !(word(before) && word(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> (String, usize) {
        let mut out = String::new();
        let n = inline(s, &mut out);
        (out, n)
    }

    #[test]
    fn links_keep_their_text() {
        assert_eq!(
            read("[Ballon d’Or 2024](https://example.bf/18)"),
            ("Ballon d’Or 2024".into(), "Ballon d’Or 2024".len())
        );
        assert_eq!(
            read("See [the report](https://x.org/a_(b) \"Title\") now"),
            ("See the report now".into(), 10)
        );
        assert_eq!(read("a [ref link][1] b").0, "a ref link b");
        assert_eq!(read("<https://x.org/a>").0, "https://x.org/a");
        assert_eq!(read("[Home](/) [News](/news)"), ("Home News".into(), 8));
    }

    #[test]
    fn images_are_no_text() {
        assert_eq!(read("![Photo: a tram](https://cdn/x.jpg)").0, "");
        assert_eq!(
            read("[![Photo](https://cdn/x.jpg)](https://x/p)"),
            ("".into(), 0)
        );
        assert_eq!(read("A ![](i.png) b").0, "A  b");
    }

    #[test]
    fn emphasis_and_escapes_are_no_words() {
        assert_eq!(read("**Read more:**").0, "Read more:");
        assert_eq!(
            read("the _decision_ was *final*").0,
            "the decision was final"
        );
        assert_eq!(
            read("snake_case and 2*3*4 and a * b").0,
            "snake_case and 2*3*4 and a * b"
        );
        assert_eq!(
            read(r"1\. not a list, \_x\_ and \[y\]").0,
            "1. not a list, _x_ and [y]"
        );
        assert_eq!(read("~~old~~ new, ~5 km").0, "old new, ~5 km");
        // an unpaired delimiter stays
        assert_eq!(
            read("5* hotels from *x100 codes").0,
            "5* hotels from *x100 codes"
        );
        assert_eq!(read("**bold** and 5* hotels").0, "bold and 5* hotels");
        assert_eq!(
            read("1. **Usability: **Tools are useless").0,
            "1. Usability: Tools are useless"
        );
        assert_eq!(read("run `a[i](x)` here").0, "run a[i](x) here");
    }

    #[test]
    fn brackets_in_prose_stay() {
        for s in [
            "He said [sic] it was fine (see above).",
            "[sic] (see above)",
            "an array a[i] and a call f(x)",
            "unclosed [ bracket ] and ](",
            "[[[[[[[[[[[[x](y)",
            "<not a link> and <b>",
        ] {
            let want = if s.starts_with("[[[[") {
                "[[[[[[[[[[[x"
            } else {
                s
            };
            assert_eq!(read(s).0, want, "{s}");
        }
    }

    #[test]
    fn unclosed_syntax_costs_a_bounded_look_ahead() {
        // each of these would scan to the line's end from every opener without the bound
        for unit in ["[](a", "<", "`` `", "[x](y "] {
            let line = unit.repeat(200_000);
            let mut out = String::new();
            inline(&line, &mut out);
            assert!(out.len() <= line.len());
            let _ = is_markdown(&line);
        }
    }

    #[test]
    fn lines() {
        assert_eq!(line("## Title ##"), Line::Heading(2, "Title"));
        assert_eq!(line("# C# tips"), Line::Heading(1, "C# tips"));
        assert_eq!(line("#hashtag"), Line::Text("#hashtag"));
        assert_eq!(line("#"), Line::Heading(1, ""));
        assert_eq!(line("===="), Line::Underline(1));
        assert_eq!(line("---"), Line::Underline(2));
        assert_eq!(line("* * *"), Line::Skip);
        assert_eq!(line("|---|:---:|"), Line::Skip);
        assert_eq!(line("| 2019 | 41.2 |"), Line::Row("2019 | 41.2"));
        assert_eq!(line("| a lone bar"), Line::Text("| a lone bar"));
        assert_eq!(line("[1]: https://x.org/a"), Line::Skip);
        assert_eq!(line("[1]: is a note"), Line::Text("[1]: is a note"));
        assert_eq!(line("- item"), Line::Text("- item"));
        assert_eq!(line("-- signed"), Line::Text("-- signed"));
    }

    #[test]
    fn markdown_is_told_from_plain_text() {
        assert!(is_markdown("Intro\n\n* [A](https://a.b/c)\n"));
        assert!(is_markdown("![](https://a.b/c.png)"));
        // code comments are no headings; a bracket before a parenthesis in prose is no link
        assert!(!is_markdown(
            "# Title\n\ntext\n\n# accumulate([1,2,3]) 1 3 6\n\nmore"
        ));
        assert!(!is_markdown(
            "He said [sic] (see above). Works: [Smith](chapters 1-5, notes)"
        ));
        assert!(!is_markdown("Plain text, a[i](x), C# and F#, f()[0]()."));
    }
}
