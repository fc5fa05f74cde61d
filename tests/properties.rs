//! Invariants of the cleaner, checked on generated inputs (proptest):
//!
//! - it never panics, on any string or bytes, through any front door;
//! - in text mode it only removes: the output's words are a subsequence of the input's
//!   words (a word is a run of alphanumeric characters);
//! - it is idempotent on clean text: cleaning its own output changes nothing, for
//!   generated article-like pages and for every fixture's expected output.
//!
//! Case counts are kept small so the whole file runs in a few seconds in debug builds.

use proptest::prelude::*;
use std::path::Path;
use unclutter::{clean_bytes, clean_html, clean_text, Cleaner, Error, Input, Mode, Options};

/// Words: runs of alphanumeric characters.
fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `sub` is a subsequence of `all`.
fn is_subsequence(sub: &[&str], all: &[&str]) -> bool {
    let mut it = all.iter();
    sub.iter().all(|w| it.any(|a| a == w))
}

/// Output of `clean_text`, with "nothing left" as the empty string.
fn text_or_empty(s: &str) -> String {
    match clean_text(s) {
        Ok(t) => t,
        Err(Error::Empty) => String::new(),
        Err(e) => panic!("clean_text failed on {s:?}: {e}"),
    }
}

// ---------------------------------------------------------------- generators

const ARTICLE_WORDS: &[&str] = &[
    "the",
    "council",
    "voted",
    "on",
    "Tuesday",
    "to",
    "extend",
    "tram",
    "line",
    "into",
    "new",
    "district",
    "and",
    "residents",
    "said",
    "that",
    "cost",
    "would",
    "be",
    "shared",
    "by",
    "state",
    "city",
    "of",
    "a",
    "plan",
    "budget",
    "million",
    "euros",
    "works",
    "begin",
    "in",
    "spring",
    "station",
    "passengers",
    "every",
    "day",
    "mayor",
    "opposition",
    "criticised",
    "delays",
    "for",
    "years",
    "with",
    "transport",
    "committee",
    "report",
    "published",
];
const OTHER_WORDS: &[&str] = &[
    "Celebrity",
    "recipe",
    "football",
    "derby",
    "winter",
    "fashion",
    "gadgets",
    "horoscope",
    "transfer",
    "beach",
    "holiday",
    "pop",
    "star",
    "tour",
    "cancelled",
    "secret",
    "tricks",
    "lottery",
    "jackpot",
    "royal",
    "wedding",
    "diet",
    "sleep",
    "phone",
    "review",
    "best",
];
const CLUTTER_LINES: &[&str] = &[
    "Advertisement",
    "ADVERTISEMENT",
    "Share this article",
    "Read also:",
    "Related articles",
    "Lire aussi :",
    "5 min read",
    "March 14, 2025",
    "Home › News › Local",
    "Photo: Agency",
    "Subscribe to our newsletter",
    "©",
    "Most popular",
];

fn sentence(pool: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(pool), 5..18).prop_map(|ws| {
        let mut s = ws.join(" ");
        if let Some(f) = s.get(..1) {
            let up = f.to_uppercase();
            s.replace_range(..1, &up);
        }
        s.push('.');
        s
    })
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(ARTICLE_WORDS), 1..5).prop_map(|s| s.join(" "))
}

fn headline() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(OTHER_WORDS), 3..10).prop_map(|ws| ws.join(" "))
}

/// One line as a scraper saves it: mostly prose, some clutter of every common shape.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => paragraph(),
        2 => headline(),
        2 => headline().prop_map(|h| format!("- {h}")),
        1 => (1u32..12, headline()).prop_map(|(n, h)| format!("{n}. {h}")),
        1 => headline().prop_map(|h| format!("• {h}")),
        2 => prop::sample::select(CLUTTER_LINES).prop_map(str::to_string),
        1 => prop::collection::vec(prop::sample::select(ARTICLE_WORDS), 2..7)
            .prop_map(|ws| ws.join(" ")),
        1 => "\\PC{0,60}",
    ]
}

/// An article-like page: lines joined by newlines, blank lines here and there.
fn page() -> impl Strategy<Value = String> {
    prop::collection::vec((line(), prop::bool::weighted(0.3)), 1..16).prop_map(|ls| {
        let mut out = String::new();
        for (l, blank) in ls {
            out.push_str(&l);
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out
    })
}

/// Tag soup: nested, unclosed and stray tags with attributes, text and entities.
fn html_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "<(div|p|article|main|nav|ul|li|h[1-6]|a|span|footer|aside|script|table|td|br)( (class|id)=\"[a-z -]{0,12}\")?>",
        "</(div|p|article|main|nav|ul|li|h[1-6]|a|span|footer|aside|script|table|td)>",
        paragraph(),
        headline(),
        "[a-zA-Z&;#<> .,]{0,20}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|ps| ps.concat())
}

// ---------------------------------------------------------------- properties

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_on_strings(s in "\\PC{0,400}") {
        let _ = clean_text(&s);
        let _ = clean_html(&s);
        let _ = clean_bytes(s.as_bytes());
    }

    #[test]
    fn never_panics_on_bytes(b in prop::collection::vec(any::<u8>(), 0..1500)) {
        let _ = clean_bytes(&b);
        let s = String::from_utf8_lossy(&b);
        let _ = clean_text(&s);
        let _ = clean_html(&s);
    }

    #[test]
    fn never_panics_on_pages(p in page(), h in html_soup()) {
        let _ = clean_text(&p);
        let _ = clean_html(&p);
        let _ = clean_html(&h);
        let _ = clean_bytes(h.as_bytes());
        let with_keep = Cleaner::new(Options::default().with_keep_headings(true));
        let _ = with_keep.clean(Input::Text(&p));
        let _ = with_keep.clean(Input::Html(&h));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn text_output_words_are_a_subsequence_of_input_words(p in page()) {
        let out = text_or_empty(&p);
        prop_assert!(
            is_subsequence(&words(&out), &words(&p)),
            "output words are not a subsequence of the input's\ninput:\n{p}\noutput:\n{out}"
        );
    }

    #[test]
    fn text_output_words_are_a_subsequence_for_any_string(s in "(\\PC{0,80}\n){0,8}") {
        let out = text_or_empty(&s);
        prop_assert!(
            is_subsequence(&words(&out), &words(&s)),
            "output words are not a subsequence of the input's\ninput:\n{s:?}\noutput:\n{out:?}"
        );
    }

    /// Cleaning the output again changes nothing. Run at 50,000 cases with
    /// `PROPTEST_CASES=50000` (2026-11-27: seeds 1-40 and a 500,000-case run pass); the
    /// pages it found before are pinned in `second_pass_regressions` below.
    #[test]
    fn idempotent_on_clean_text(p in page()) {
        // an empty output is cleaned to an empty one too (no `prop_assume!`: at 50,000
        // cases its rejections exceed proptest's limit)
        let once = text_or_empty(&p);
        let twice = text_or_empty(&once);
        prop_assert_eq!(&twice, &once, "cleaning the output again changed it; input:\n{}", p);
    }
}

// ---------------------------------------------------------------- fixtures

/// Options of a fixture (`options` file: `keep_headings = true`), as tests/fixtures.rs reads them.
fn fixture_options(case: &Path) -> Options {
    let mut o = Options::default().with_mode(Mode::Text);
    if let Ok(text) = std::fs::read_to_string(case.join("options")) {
        for line in text.lines() {
            if let Some((k, v)) = line.split_once('=') {
                match k.trim() {
                    "keep_headings" => o.keep_headings = v.trim() == "true",
                    "disable_rule" => o = o.without_rule(v.trim()),
                    _ => {}
                }
            }
        }
    }
    o
}

/// Every expected output of `fixtures/text/` (and the seed's) is clean already: cleaning it
/// with the fixture's options gives it back unchanged.
#[test]
fn idempotent_on_fixture_expected_outputs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases: Vec<(String, String, Options)> = Vec::new();
    if let Ok(rd) = std::fs::read_dir(root.join("fixtures/text")) {
        for e in rd.filter_map(Result::ok) {
            let case = e.path();
            // a markdown page's output is plain text without the markup that told its
            // table's header row from a heading (as an HTML page's output is): read again
            // as plain text it is another input
            if case.to_string_lossy().contains("-markdown-table") {
                continue;
            }
            if let Ok(expected) = std::fs::read_to_string(case.join("expected.txt")) {
                cases.push((case.display().to_string(), expected, fixture_options(&case)));
            }
        }
    }
    let seed = root.join("../shared/seeds/ouagadougou-audience.expected.txt");
    if let Ok(expected) = std::fs::read_to_string(&seed) {
        cases.push((seed.display().to_string(), expected, Options::default()));
    }
    assert!(
        !cases.is_empty(),
        "no fixtures found under {}",
        root.display()
    );
    let mut failures = Vec::new();
    for (name, expected, options) in cases {
        let expected = expected.trim_end();
        let got = Cleaner::new(options)
            .clean(Input::Text(expected))
            .map(|a| a.text())
            .unwrap_or_default();
        if got.trim_end() != expected {
            failures.push(format!(
                "{name}\n--- expected (input)\n{expected}\n--- got\n{got}\n"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} expected output(s) changed when cleaned again:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Cleaning real scraped text twice gives what cleaning it once gave (the scrapinghub and
/// injected-dev text dumps of `../shared/datasets`, skipped when absent).
///
/// Cleaning real scraped text twice gives what cleaning it once gave (the scrapinghub and
/// injected-dev text dumps of `../shared/datasets`, skipped when absent): all 354 since
/// 2026-11-27 (injected-dev `e7d77f18…`, a deals roundup, lost four feature lines on the
/// second pass: see `related::judge_survivors`).
#[test]
fn idempotent_on_dataset_text_dumps() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets");
    let mut failures = Vec::new();
    let mut checked = 0;
    for set in ["scrapinghub/text", "injected-dev/text"] {
        let Ok(rd) = std::fs::read_dir(root.join(set)) else {
            eprintln!("{}: not found, skipped", root.join(set).display());
            continue;
        };
        let mut paths: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for p in paths
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        {
            let Ok(bytes) = std::fs::read(p) else {
                continue;
            };
            let input = String::from_utf8_lossy(&bytes);
            let once = text_or_empty(&input);
            if once.is_empty() {
                continue;
            }
            let twice = text_or_empty(&once);
            checked += 1;
            if twice != once {
                let (a, b) = (words(&once).len(), words(&twice).len());
                failures.push(format!("{} ({a} words once, {b} twice)", p.display()));
            }
        }
    }
    eprintln!("{checked} dumps checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} dumps changed when cleaned again:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A numbered item keeps its number as written ("01." stays "01."), so the output holds no
/// word the input never had (once a known divergence: the number was rendered as "1.").
#[test]
fn numbered_marker_keeps_the_input_digits() {
    let page = "The council voted on Tuesday to extend the tram line into the new district, and residents said the cost would be shared by the state.
01. The council plan for the tram line into the new district
02. The council budget for the tram line and the station
The mayor said works on the tram line would begin in spring, and the opposition criticised the delays of recent years.
";
    let out = text_or_empty(page);
    assert!(
        is_subsequence(&words(&out), &words(page)),
        "output words are not a subsequence of the input's:\n{out}"
    );
}

/// A dingbat digit (`❶`, Unicode category No) is a word of the metric's `\w`: it was read
/// as a bullet and the line came out as "- À" (found by proptest).
#[test]
fn dingbat_digit_is_kept_as_a_word() {
    let page = "❶À\n";
    let out = text_or_empty(page);
    assert!(
        is_subsequence(&words(&out), &words(page)),
        "output words are not a subsequence of the input's:\n{out}"
    );
}

/// The smallest page proptest found on which cleaning is not idempotent: the first pass
/// keeps the two middle lines, the second drops them (once the one-letter line `ቘ` is gone,
/// `related-links` saw a different run). Once a known divergence, now a regression test.
#[test]
fn idempotent_after_a_symbol_line_is_dropped() {
    let page = "The the the the council. Shared years million the station the the.
\u{1258}
The the the the said.
- Celebrity Celebrity Celebrity
Line passengers mayor new cost state said tram city every into. Voted euros extend said said residents transport.
";
    let once = text_or_empty(page);
    assert_eq!(text_or_empty(&once), once);
}

/// Every `fixtures/text/` case gives the same article when its input is saved differently:
/// CRLF line endings, a UTF-8 byte-order mark, a blank line after every line (many
/// scrapers separate blocks that way), trailing spaces and tabs (lol-html's idea of running
/// every case under variants of its encoding).
#[test]
fn fixtures_are_invariant_under_line_endings_bom_and_blank_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/text");
    let mut failures = Vec::new();
    let mut cases = 0;
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.sort();
    for case in dirs {
        let Ok(input) = std::fs::read_to_string(case.join("input.txt")) else {
            continue;
        };
        cases += 1;
        let cleaner = Cleaner::new(fixture_options(&case));
        let clean = |bytes: &[u8]| {
            cleaner
                .clean(Input::Bytes(bytes))
                .map(|a| a.text())
                .unwrap_or_default()
        };
        let reference = clean(input.as_bytes());
        let variants: [(&str, Vec<u8>); 4] = [
            ("crlf", input.replace('\n', "\r\n").into_bytes()),
            ("bom", [&b"\xEF\xBB\xBF"[..], input.as_bytes()].concat()),
            ("blank lines", input.replace('\n', "\n\n").into_bytes()),
            (
                "trailing spaces",
                input.replace('\n', " \t \n").into_bytes(),
            ),
        ];
        // in markdown a blank line ends a paragraph: a converter's wrapped lines with
        // blank lines between them are paragraphs of their own
        let markdown = case.to_string_lossy().contains("-markdown-");
        for (name, bytes) in variants {
            if markdown && name == "blank lines" {
                continue;
            }
            let got = clean(&bytes);
            if got != reference {
                failures.push(format!(
                    "{} ({name}):\n--- plain\n{reference}\n--- {name}\n{got}\n",
                    case.display()
                ));
            }
        }
    }
    assert!(cases > 0, "no fixtures under {}", root.display());
    assert!(
        failures.is_empty(),
        "{} variant(s) changed the output:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every `fixtures/text/` case gives the same article when its input comes in a legacy
/// encoding with no label at all (windows-1252, windows-1251, Shift_JIS, ISO-8859-2: whichever
/// can encode the whole input), as pages saved by old scrapers do; the statistical guess
/// must find it.
#[test]
fn fixtures_are_invariant_under_legacy_encodings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/text");
    let encodings = [
        encoding_rs::WINDOWS_1252,
        encoding_rs::WINDOWS_1251,
        encoding_rs::SHIFT_JIS,
        encoding_rs::ISO_8859_2,
    ];
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.sort();
    for case in dirs {
        let Ok(input) = std::fs::read_to_string(case.join("input.txt")) else {
            continue;
        };
        if input.is_ascii() {
            continue;
        }
        let Some((enc, bytes)) = encodings.iter().find_map(|e| {
            let (bytes, _, unmappable) = e.encode(&input);
            (!unmappable).then(|| (e.name(), bytes.into_owned()))
        }) else {
            continue;
        };
        checked += 1;
        let cleaner = Cleaner::new(fixture_options(&case));
        let clean = |bytes: &[u8]| {
            cleaner
                .clean(Input::Bytes(bytes))
                .map(|a| a.text())
                .unwrap_or_default()
        };
        let reference = clean(input.as_bytes());
        let got = clean(&bytes);
        if got != reference {
            failures.push(format!(
                "{} ({enc}):\n--- utf-8\n{reference}\n--- {enc}\n{got}\n",
                case.display()
            ));
        }
    }
    eprintln!("{checked} fixtures checked in a legacy encoding");
    assert!(
        failures.is_empty(),
        "{} fixture(s) changed in a legacy encoding:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Pages the idempotence property found (proptest, 2026-11-27; the first one before that
/// day, the third one on a draft of the change that fixed the others), each cleaned
/// differently the second time: the output cleaned again is the output.
#[test]
fn second_pass_regressions() {
    let pages = [
        // a heading and two short off-topic lines in one kept run; the heading goes, and
        // the second pass read the other two as a pair of other stories
        "Plan spring the the the. Extend transport committee million new the.\nA \u{10597} a.\u{e01}\nSaid city begin euros shared Tuesday budget council works the cost station.\nthe the\n",
        // the language guessed on the stopwords of a line the rules remove ("to our"), and
        // the vocabulary too small to judge topics in that language only
        "Subscribe to our newsletter\nDistrict voted council transport shared extend the residents spring budget. Begin committee Tuesday tram into cost line new said million.\n- Celebrity Celebrity Celebrity Celebrity\n",
        // a line of symbols ending with a colon, first in its run only once the headings
        // before it are gone, then read as the label of the list after it
        "Line euros new mayor begin. Voted spring that council works residents extend district. Transport state city tram budget said into.\nA!\u{17e0}\u{3a3}[\u{b9}[A[a:\u{a4b}:\nextend the\nCelebrity Celebrity Celebrity\n- Celebrity Celebrity Celebrity\n",
        // two lines the text front door joins (a line cut off, the next in lowercase), held
        // apart by an "Advertisement" line that goes
        "the the extend council the extend\naA\u{ea5}A A 0 a \u{1171d}\u{a1}\u{a51}\u{fe54}\u{10980} \u{1e100}\u{ea5}a \u{3a3}\u{a1}\u{108f4} a\nAdvertisement\nrecipe Celebrity Celebrity Celebrity Celebrity Celebrity Celebrity\nrecipe Celebrity Celebrity Celebrity Celebrity Celebrity Celebrity Celebrity\nthe the the the the the\n",
        // two short lines held apart by a numbered headline that goes, a pair of other
        // stories once read together
        "A?\u{e3f}a{A\n1. Celebrity Celebrity Celebrity\na\u{3a3}a.\nThe the the the shared the the extend station. Works begin Tuesday tram council budget.\nPassengers line new mayor district. Residents state million on to the opposition spring into city.\n",
        // a line of numbers kept between the first and the last paragraph, the first of
        // which the related-links rule then removed: the line no longer stood between two
        "Extend extend extend transport new plan shared into that budget extend million.\n\u{128a}\u{3a3}\u{1ee42}\u{1f300}\u{11600} a \u{1b150}\n\u{1fa80}0\u{2440}\nTo tram council that that voted euros works. Mayor begin spring on state Tuesday into that committee residents line.\n",
    ];
    for p in pages {
        let once = text_or_empty(p);
        let twice = text_or_empty(&once);
        assert_eq!(
            twice, once,
            "cleaning the output again changed it; input:\n{p}"
        );
    }
}
