//! The HTML front door (first form): parse, linearise block elements into blocks.

use crate::block::{Block, Kind};
use crate::options::Options;
use crate::text::normalise_space;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// A parsed page: its blocks and what else it told.
pub(crate) struct Page {
    pub blocks: Vec<Block>,
    pub title: Option<String>,
    pub truncated: bool,
}

fn skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "iframe"
            | "head"
            | "form"
            | "nav"
            | "footer"
            | "aside"
            | "button"
            | "select"
            | "textarea"
    )
}

fn block_kind(name: &str) -> Option<Kind> {
    Some(match name {
        "p" | "div" | "section" | "article" | "main" | "body" | "td" | "th" | "dd" | "dt"
        | "header" | "table" | "tr" | "ul" | "ol" | "figure" => Kind::Paragraph,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
        "li" => Kind::ListItem,
        "blockquote" => Kind::Quote,
        "figcaption" => Kind::Caption,
        "pre" => Kind::Other,
        _ => return None,
    })
}

pub(crate) fn parse(html: &str, options: &Options) -> Page {
    let doc = Html::parse_document(html);
    let mut blocks = Vec::new();
    let mut buf = String::new();
    let mut norm = String::new();
    let mut kinds: Vec<(Kind, u8)> = vec![(Kind::Paragraph, 0)];
    let mut skip_depth = 0usize;
    let mut truncated = false;
    let flush = |buf: &mut String, norm: &mut String, kind: (Kind, u8), blocks: &mut Vec<Block>| {
        normalise_space(buf, norm);
        buf.clear();
        if !norm.is_empty() {
            let mut b = Block::new(norm.clone(), kind.0);
            b.level = kind.1;
            blocks.push(b);
        }
    };
    for edge in doc.root_element().traverse() {
        if blocks.len() >= options.max_blocks {
            truncated = true;
            break;
        }
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if skip_depth > 0 || skipped(name) {
                        skip_depth += 1;
                        continue;
                    }
                    if name == "br" {
                        buf.push('\n');
                    }
                    if let Some(k) = block_kind(name) {
                        let top = *kinds.last().unwrap_or(&(Kind::Paragraph, 0));
                        flush(&mut buf, &mut norm, top, &mut blocks);
                        let level = name
                            .strip_prefix('h')
                            .and_then(|l| l.parse().ok())
                            .unwrap_or(0);
                        kinds.push((k, level));
                    }
                }
                Node::Text(t) if skip_depth == 0 => buf.push_str(t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    if block_kind(e.name()).is_some() {
                        let top = kinds.pop().unwrap_or((Kind::Paragraph, 0));
                        flush(&mut buf, &mut norm, top, &mut blocks);
                    }
                }
            }
        }
    }
    let title = scraper::Selector::parse("title")
        .ok()
        .and_then(|s| doc.select(&s).next().map(|t| t.text().collect::<String>()))
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    Page {
        blocks,
        title,
        truncated,
    }
}
