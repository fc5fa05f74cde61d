//! Any text as scraped text; the output's words must come from the input, and cleaning is
//! idempotent on its own output's words.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        if let Ok(out) = unclutter::clean_text(s) {
            // every output word is an input word
            let input: std::collections::HashSet<&str> = s
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            for w in out.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                assert!(input.contains(w), "output word {w:?} not in the input");
            }
        }
    }
});
