//! Any text as HTML, with headings kept and not (two code paths through the rules).
#![no_main]
use libfuzzer_sys::fuzz_target;
use unclutter::{Cleaner, Input, Options};

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = unclutter::clean_html(s);
        let _ = Cleaner::new(Options::default().with_keep_headings(true)).clean(Input::Html(s));
    }
});
