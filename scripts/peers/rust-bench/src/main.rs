//! peers-bench TOOL HTML_DIR OUT_DIR
//!
//! TOOL is `unclutter`, `dom_smoothie` (default Config, `text_content`) or
//! `dom_smoothie-formatted` (`TextMode::Formatted`). Reads every `*.html.gz` of
//! HTML_DIR, gunzips it in memory, then times the extraction call alone, one page at a
//! time on the calling thread, and writes `OUT_DIR/TOOL.json` (`{id: text}`) and
//! `OUT_DIR/TOOL.times.json` (`{id: ms}`).

use flate2::read::GzDecoder;
use serde_json::{Map, Value};
use std::io::Read;
use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 3 {
        eprintln!(
            "usage: peers-bench unclutter|dom_smoothie|dom_smoothie-formatted HTML_DIR OUT_DIR"
        );
        std::process::exit(2);
    }
    let (tool, dir, out) = (&args[0], Path::new(&args[1]), Path::new(&args[2]));
    let mut pages: Vec<(String, String)> = Vec::new();
    for e in std::fs::read_dir(dir).expect("read HTML_DIR") {
        let p = e.expect("dir entry").path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let Some(id) = name.strip_suffix(".html.gz") else {
            continue;
        };
        let raw = std::fs::read(&p).expect("read page");
        let mut bytes = Vec::new();
        GzDecoder::new(&raw[..])
            .read_to_end(&mut bytes)
            .expect("gunzip");
        pages.push((id.to_string(), String::from_utf8_lossy(&bytes).into_owned()));
    }
    pages.sort();
    let cleaner =
        unclutter::Cleaner::new(unclutter::Options::default().with_mode(unclutter::Mode::Html));
    let text_mode = if tool == "dom_smoothie-formatted" {
        dom_smoothie::TextMode::Formatted
    } else {
        dom_smoothie::TextMode::Raw
    };
    let (mut texts, mut times) = (Map::new(), Map::new());
    let mut errors = 0;
    for (id, html) in &pages {
        let t0 = Instant::now();
        let text: Option<String> = match tool.as_str() {
            "unclutter" => cleaner
                .clean(unclutter::Input::Html(html))
                .ok()
                .map(|a| a.text()),
            "dom_smoothie" | "dom_smoothie-formatted" => {
                let cfg = dom_smoothie::Config {
                    text_mode,
                    ..Default::default()
                };
                dom_smoothie::Readability::new(html.as_str(), None, Some(cfg))
                    .and_then(|mut r| r.parse())
                    .ok()
                    .map(|a| a.text_content.to_string())
            }
            other => {
                eprintln!("peers-bench: unknown tool {other}");
                std::process::exit(2);
            }
        };
        let ms = t0.elapsed().as_secs_f64() * 1e3;
        if text.is_none() {
            errors += 1;
        }
        texts.insert(id.clone(), Value::from(text.unwrap_or_default()));
        times.insert(id.clone(), Value::from(ms));
    }
    std::fs::create_dir_all(out).expect("create OUT_DIR");
    let write = |name: String, m: Map<String, Value>| {
        std::fs::write(
            out.join(name),
            serde_json::to_string(&Value::Object(m)).unwrap(),
        )
        .expect("write output");
    };
    write(format!("{tool}.json"), texts);
    write(format!("{tool}.times.json"), times);
    eprintln!(
        "peers-bench: {tool}: {} pages, {errors} errors",
        pages.len()
    );
}
