//! Any text as scraped text; the output's words must come from the input, and cleaning is
//! idempotent on its own output's words. A text read as markdown loses its inline markup
//! (code spans, emphasis, escapes), which joins what it split ("u`luu`" reads "uluu", as a
//! markdown renderer shows it): a word not among the input's must then stand in the input
//! with those marks deleted.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        if let Ok(out) = unclutter::clean_text(s) {
            // every output word is an input word
            let words = |t: &str| -> std::collections::HashSet<String> {
                t.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned)
                    .collect()
            };
            let input = words(s);
            let unmarked = s.replace(['`', '*', '_', '~', '\\'], "");
            for w in out.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                assert!(
                    input.contains(w) || unmarked.contains(w),
                    "output word {w:?} not in the input"
                );
            }
        }
    }
});
