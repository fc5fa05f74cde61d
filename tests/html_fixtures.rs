//! HTML fixtures: every `fixtures/html/<case>/input.html` (bytes in any encoding) must
//! clean, with the default options, to its `expected.txt` (both trimmed).

use std::path::Path;

#[test]
fn html_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/html");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .expect("fixtures/html exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("input.html").exists())
        .collect();
    cases.sort();
    assert!(cases.len() >= 12, "only {} HTML fixtures", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let input = std::fs::read(case.join("input.html")).expect("input.html");
        let expected = std::fs::read_to_string(case.join("expected.txt")).expect("expected.txt");
        let got = unclutter::clean_bytes(&input).unwrap_or_else(|e| format!("error: {e}"));
        if got.trim() != expected.trim() {
            failures.push(format!(
                "--- {}\nexpected:\n{}\ngot:\n{}\n",
                case.display(),
                expected.trim(),
                got.trim()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
