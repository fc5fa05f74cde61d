//! Pathological inputs: the work must stay linear in the input and nothing may recurse
//! over the DOM (ammonia's `repeat(60_000)`, comrak's quadratic fuzz target). Bounds are
//! generous (debug builds, shared CI machines); the linearity checks compare the best of
//! five runs at two sizes, so a quadratic pass shows as a ratio near 16, a linear one near
//! 4 (measured up to 10 on a loaded machine, where the instruction counts grow 3.7×: cache
//! misses, not work).

use std::time::{Duration, Instant};
use unclutter::{clean_html, Cleaner, Input, Options};

/// The best of five timings of `f` (a loaded machine stalls a run of a few milliseconds
/// often enough that three were once not enough: 2026-11-27, load 4.7 on 2 cores).
fn best_of_5(mut f: impl FnMut()) -> Duration {
    (0..5)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// `make(n)` and `make(4n)` must take at most `MAX_RATIO` times as long (linear: about 4).
fn assert_linear(what: &str, n: usize, make: impl Fn(usize) -> String, run: impl Fn(&str)) {
    const MAX_RATIO: f64 = 12.0;
    // one timing at a time: the test harness runs tests in parallel, and two timings
    // sharing a core measure each other
    static TIMING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = TIMING.lock().unwrap_or_else(|e| e.into_inner());
    let (small, large) = (make(n), make(4 * n));
    let measure = || {
        let ts = best_of_5(|| run(&small));
        let tl = best_of_5(|| run(&large));
        (ts, tl, tl.as_secs_f64() / ts.as_secs_f64().max(1e-6))
    };
    // a shared machine can stall one run: a quadratic pass fails three times in a row
    // (with 2026-11-27's code, idle: 7-8 for one huge line and for 8,000 equal lines, whose
    // instruction counts grow 2.8×: caches and page faults, not work)
    let (mut ts, mut tl, mut ratio) = measure();
    for _ in 0..2 {
        if ratio < MAX_RATIO {
            break;
        }
        (ts, tl, ratio) = measure();
    }
    eprintln!("{what}: {n} → {ts:?}, {} → {tl:?}, ratio {ratio:.1}", 4 * n);
    assert!(
        ratio < MAX_RATIO,
        "{what}: 4× the input took {ratio:.1}× the time ({ts:?} → {tl:?}): not linear"
    );
}

fn text(s: &str) {
    let _ = Cleaner::new(Options::default()).clean(Input::Text(s));
}

fn keep_headings(s: &str) {
    let _ = Cleaner::new(Options::default().with_keep_headings(true)).clean(Input::Text(s));
}

const PARA: &str = "The council voted on Tuesday to extend the tram line into the new district, and residents said the cost would be shared by the state.";

#[test]
fn text_many_headline_lines_is_linear() {
    assert_linear(
        "headline lines",
        2_000,
        |n| {
            (0..n)
                .map(|i| format!("Celebrity chef number {i} opens a floating restaurant\n"))
                .collect()
        },
        text,
    );
}

#[test]
fn text_headings_between_paragraphs_is_linear_with_keep_headings() {
    assert_linear(
        "headings and paragraphs",
        1_000,
        |n| {
            (0..n)
                .map(|i| format!("Section {i} of the tram report\nHeading {i}\n{PARA}\n"))
                .collect()
        },
        keep_headings,
    );
}

#[test]
fn text_long_bulleted_list_is_linear() {
    assert_linear(
        "bulleted list",
        2_000,
        |n| {
            (0..n)
                .map(|i| format!("- Item {i} of the list\n"))
                .collect()
        },
        text,
    );
}

#[test]
fn text_one_huge_line_is_linear() {
    // 8,000 copies: a run of about 7 ms (release), long enough that a stall does not decide
    assert_linear("one line", 8_000, |n| PARA.repeat(n), text);
}

#[test]
fn text_many_wedge_shapes_in_one_paragraph_is_linear() {
    assert_linear(
        "wedge shapes",
        1_000,
        |n| {
            let mut s = String::from(PARA);
            s.push(' ');
            s.push_str(&"The tram runs late. in Paris Then the mayor spoke. ".repeat(n));
            s.push('\n');
            s.push_str(PARA);
            s
        },
        text,
    );
}

#[test]
fn text_repeated_paragraphs_are_linear() {
    assert_linear("duplicates", 2_000, |n| format!("{PARA}\n").repeat(n), text);
}

#[test]
fn html_deep_nesting_does_not_overflow_the_stack() {
    // recursion over 5,000 levels would overflow a 2 MiB test thread's stack in debug
    for tag in ["div", "blockquote", "li", "span"] {
        let html = format!(
            "<html><body>{}<p>{PARA}</p></body></html>",
            format!("<{tag}>").repeat(5_000)
        );
        let out = clean_html(&html).unwrap_or_default();
        assert!(
            out.contains("tram line"),
            "<{tag}> × 5000: article lost: {out:?}"
        );
    }
}

#[test]
fn html_unclosed_formatting_tags_finish() {
    let html = format!(
        "<html><body><p>{PARA}{}</p></body></html>",
        "<b><i>".repeat(5_000)
    );
    let t = Instant::now();
    let _ = clean_html(&html);
    assert!(
        t.elapsed() < Duration::from_secs(30),
        "took {:?}",
        t.elapsed()
    );
}

/// html5ever's tree builder checks the stack of open elements for every start tag, so a
/// page of nested `<div>`s costs time quadratic in its depth. `scraper::Html::parse_document`
/// alone, release, best of 3: 10,000 levels 0.34 s, 20,000 1.2 s, 40,000 5.0 s, 80,000
/// 15.4 s (a 480 KB page). `src/depth.rs` limits the nesting before the tree builder sees
/// the page, which keeps the whole extraction linear.
#[test]
fn html_deep_nesting_is_linear() {
    assert_linear(
        "nested divs",
        8_000,
        |n| {
            format!(
                "<html><body>{}<p>{PARA}</p></body></html>",
                "<div>".repeat(n)
            )
        },
        |s| {
            let _ = clean_html(s);
        },
    );
}

#[test]
fn html_unclosed_svgs_and_scripts_are_linear() {
    // each `<svg>` asks for its closing tag; unclosed ones must not each read the rest
    assert_linear(
        "unclosed svgs",
        4_000,
        |n| {
            format!(
                "<html><body><p>{PARA}</p>{}<script>{}</body></html>",
                "<svg><svg><g>".repeat(n),
                "</svg>".repeat(n)
            )
        },
        |s| {
            let _ = clean_html(s);
        },
    );
}
