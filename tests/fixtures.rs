//! Fixture tests, discovered from the tree (libtest-mimic, `harness = false`).
//!
//! ```text
//! fixtures/<mode>/<case>/input.{txt,html} + expected.txt [+ options]
//! fixtures/known-divergent/<reason>/<case>/...      (reported as ignored)
//! ```
//!
//! `mode` is `text` or `html`; the input file's extension decides how it is read. Each case
//! becomes one named test (`text::<case>`, `known-divergent::<reason>::<case>`), so
//! `cargo test --test fixtures -- related-` runs a subset. Known-divergent cases are the ones
//! the rules knowingly get wrong: they are counted as ignored and run with `-- --ignored`.
//!
//! The optional `options` file holds `key = value` lines (`#` starts a comment):
//! `keep_headings = true|false`, `mode = text|html|auto`, `disable_rule = <name>`.
//!
//! The optional `removed` file pins *why* text goes, so a fixture tests one rule and not
//! whichever rule happens to catch the line first: each line `<reason>: <text>` says that a
//! block (or a cut fragment) with exactly that text must be in `Article::removed()` with
//! that reason (`Reason::as_str`). Lines not listed are not checked.
//!
//! `UPDATE_EXPECTED=1 cargo test --test fixtures` rewrites `expected.txt` from the output.
//! Review the diff before committing: an expected file is the ideal, not the current output.
//! It never touches known-divergent cases (they hold the ideal the rules do not reach yet)
//! nor the shared seed (canonical, owned outside this crate).
//!
//! One more case, `seed::ouagadougou-audience`, reads the canonical seed from
//! `../shared/seeds/` and fails when that folder is missing (CI has it).

use libtest_mimic::{Arguments, Failed, Trial};
use std::fs;
use std::path::{Path, PathBuf};
use unclutter::{Cleaner, Input, Mode, Options};

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures = root.join("fixtures");
    let mut trials = Vec::new();

    for mode in ["text", "html"] {
        for case in subdirs(&fixtures.join(mode)) {
            let name = format!("{mode}::{}", file_name(&case));
            trials.push(Trial::test(name, move || run_case(&case, true)).with_kind(mode));
        }
    }
    for reason in subdirs(&fixtures.join("known-divergent")) {
        for case in subdirs(&reason) {
            let name = format!(
                "known-divergent::{}::{}",
                file_name(&reason),
                file_name(&case)
            );
            trials.push(
                Trial::test(name, move || run_case(&case, false))
                    .with_kind("known-divergent")
                    .with_ignored_flag(true),
            );
        }
    }
    trials.push(Trial::test("seed::ouagadougou-audience", move || {
        run_seed(root)
    }));

    libtest_mimic::run(&args, trials).exit();
}

/// The sub-folders of `dir`, sorted; none when `dir` does not exist.
fn subdirs(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Options read from a case's `options` file.
fn read_options(path: &Path) -> Result<Options, Failed> {
    let mut options = Options::default();
    let Ok(text) = fs::read_to_string(path) else {
        return Ok(options);
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(format!("{}:{}: expected `key = value`", path.display(), n + 1).into());
        };
        let (key, value) = (key.trim(), value.trim().trim_matches('"'));
        let bad = |what: &str| -> Failed {
            format!("{}:{}: {what}: {line:?}", path.display(), n + 1).into()
        };
        match key {
            "keep_headings" => {
                options.keep_headings = value.parse().map_err(|_| bad("not a bool"))?;
            }
            "mode" => options.mode = value.parse().map_err(|_| bad("unknown mode"))?,
            "disable_rule" => options = options.without_rule(value),
            _ => return Err(bad("unknown option")),
        }
    }
    Ok(options)
}

/// `updatable`: whether `UPDATE_EXPECTED=1` may rewrite the case's expected output.
fn run_case(case: &Path, updatable: bool) -> Result<(), Failed> {
    let (input, mode) = if case.join("input.txt").is_file() {
        (case.join("input.txt"), Mode::Text)
    } else if case.join("input.html").is_file() {
        (case.join("input.html"), Mode::Html)
    } else {
        return Err(format!("{}: no input.txt or input.html", case.display()).into());
    };
    let mut options = read_options(&case.join("options"))?;
    if options.mode == Mode::Auto {
        options.mode = mode;
    }
    check(
        &input,
        &case.join("expected.txt"),
        &case.join("removed"),
        options,
        updatable,
    )
}

fn run_seed(root: &Path) -> Result<(), Failed> {
    let seeds = root.join("../shared/seeds");
    let input = seeds.join("ouagadougou-audience.txt");
    if !input.is_file() {
        return Err(format!(
            "the canonical seed is missing: {} does not exist.\n\
             This test needs the shared folder next to the crate (../shared, present in CI); \
             check it out or mount it there.",
            input.display()
        )
        .into());
    }
    let expected = seeds.join("ouagadougou-audience.expected.txt");
    // the seed is pinned with the default options; only the front door is fixed
    check(
        &input,
        &expected,
        &seeds.join("no-removed-file"),
        Options::default().with_mode(Mode::Text),
        false,
    )
}

/// Cleans `input` and compares with `expected` (trailing whitespace trimmed on both sides),
/// then checks the reasons pinned in `removed_path` (when it exists). With
/// `UPDATE_EXPECTED=1` and `updatable`, writes the output as the new expected file instead.
fn check(
    input: &Path,
    expected_path: &Path,
    removed_path: &Path,
    options: Options,
    updatable: bool,
) -> Result<(), Failed> {
    let bytes = fs::read(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    let (got, removed) = match Cleaner::new(options).clean(Input::Bytes(&bytes)) {
        Ok(article) => {
            let removed: Vec<(String, String)> = article
                .removed()
                .iter()
                .map(|r| (r.reason.as_str().to_string(), r.text.clone()))
                .collect();
            (article.text(), removed)
        }
        Err(unclutter::Error::Empty) => (String::new(), Vec::new()),
        Err(e) => return Err(format!("{}: clean failed: {e}", input.display()).into()),
    };
    let got = got.trim_end();

    if updatable && std::env::var_os("UPDATE_EXPECTED").is_some_and(|v| v == "1") {
        fs::write(expected_path, format!("{got}\n"))
            .map_err(|e| format!("cannot write {}: {e}", expected_path.display()))?;
        return Ok(());
    }
    let expected = fs::read_to_string(expected_path)
        .map_err(|e| format!("cannot read {}: {e}", expected_path.display()))?;
    let expected = expected.trim_end();
    if got != expected {
        return Err(report(input, expected, got).into());
    }
    check_removed(input, removed_path, &removed)
}

/// Checks that every `<reason>: <text>` line of `path` names a removed block or fragment.
fn check_removed(input: &Path, path: &Path, removed: &[(String, String)]) -> Result<(), Failed> {
    let Ok(pins) = fs::read_to_string(path) else {
        return Ok(());
    };
    let mut missing = Vec::new();
    for (n, line) in pins.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let Some((reason, text)) = line.split_once(": ") else {
            return Err(
                format!("{}:{}: expected `<reason>: <text>`", path.display(), n + 1).into(),
            );
        };
        let (reason, text) = (reason.trim(), text.trim());
        if !removed.iter().any(|(r, t)| r == reason && t == text) {
            missing.push(format!("{reason}: {text}"));
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    let mut s = format!(
        "input: {}\nthe text is right, but not for the pinned reasons ({})\n",
        input.display(),
        path.display()
    );
    s.push_str(&format!("{RULE}\npinned, not found:\n{RULE}\n"));
    for m in &missing {
        s.push_str(&format!("{m}\n"));
    }
    s.push_str(&format!("{RULE}\nremoved (reason: text):\n{RULE}\n"));
    for (r, t) in removed {
        s.push_str(&format!("{r}: {t}\n"));
    }
    s.push_str(RULE);
    Err(s.into())
}

const RULE: &str = "──────────────────────────────────────────────────────────────────────────────";

fn report(input: &Path, expected: &str, got: &str) -> String {
    let mut s = String::new();
    s.push_str(&format!("input: {}\n", input.display()));
    s.push_str(&format!("{RULE}\nexpected:\n{RULE}\n{expected}\n"));
    s.push_str(&format!("{RULE}\ngot:\n{RULE}\n{got}\n"));
    s.push_str(&format!("{RULE}\ndiff (- expected, + got):\n{RULE}\n"));
    s.push_str(&line_diff(expected, got));
    s.push_str(RULE);
    s
}

/// A line diff from the longest common subsequence: ` ` common, `-` only expected, `+` only got.
fn line_diff(expected: &str, got: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = got.lines().collect();
    let (n, m) = (a.len(), b.len());
    // lcs[i][j] = LCS length of a[i..] and b[j..]
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.push_str(&format!("  {}\n", a[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&format!("+ {}\n", b[j]));
            j += 1;
        } else {
            out.push_str(&format!("- {}\n", a[i]));
            i += 1;
        }
    }
    out
}
