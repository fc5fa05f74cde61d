//! Any bytes through the decoding front door (BOM, meta charset, guess), both modes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = unclutter::clean_bytes(data);
});
