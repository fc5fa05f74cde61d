//! The synthetic page of the `scaling` benchmark, shared with `examples/synthetic.rs`.

/// A synthetic news page of about `bytes` bytes: navigation, then article sections with
/// paragraphs, a related-links list and a share bar, repeated; the same shape at every
/// size, so time per MB shows whether the work is linear.
pub fn synthetic_page(bytes: usize) -> String {
    let mut page = String::from(
        "<html><head><title>Synthetic</title></head><body><nav><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li></ul></nav><article>",
    );
    let mut i = 0;
    while page.len() < bytes {
        page.push_str(&format!(
            "<h2>Section {i} of the report</h2><p>The council met on Tuesday to debate the \
             budget for section {i}, and several members asked for more time to read the \
             figures before the vote, which was moved to next week.</p><p>Residents who \
             attended the meeting said the plan would raise local taxes, while the mayor \
             argued that the new tram line would pay for itself within ten years.</p>\
             <ul class=related><li><a href=/a{i}>Celebrity chef opens a floating restaurant</a></li>\
             <li><a href=/b{i}>Five gadgets that will change how you sleep</a></li></ul>\
             <div class=share><a href=#>Share</a> <a href=#>Tweet</a></div>"
        ));
        i += 1;
    }
    page.push_str("</article><footer>© Synthetic Daily</footer></body></html>");
    page
}
