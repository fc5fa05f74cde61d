//! Adversarial inputs generated in code: each must end with output or a clear
//! `unclutter::Error` — never a panic, a stack overflow or a hang. (The time each takes is
//! a benchmark's business; here the suite only has to finish.)

use unclutter::{clean_bytes, clean_html, clean_text, Cleaner, Error, Input, Options};

fn html(s: &str) -> String {
    Cleaner::default()
        .clean(Input::Html(s))
        .map(|a| a.text())
        .unwrap_or_default()
}

#[test]
fn hundred_thousand_nested_divs() {
    let page = format!(
        "<html><body>{}<p>The deepest paragraph of the page still reads like an article sentence.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let _ = html(&page);
}

#[test]
fn a_million_sibling_list_items() {
    let mut page = String::from("<html><body><ul>");
    for i in 0..1_000_000 {
        page.push_str("<li>item ");
        page.push_str(&i.to_string());
        page.push_str("</li>");
    }
    page.push_str("</ul></body></html>");
    let article = Cleaner::default().clean(Input::Html(&page)).unwrap();
    // the block limit stops the reading, and says so
    assert!(article.truncated());
}

#[test]
fn fifty_megabytes_on_one_line_is_refused() {
    let line = "word ".repeat(10 << 20);
    assert!(matches!(clean_text(&line), Err(Error::TooLarge { .. })));
}

#[test]
fn eight_megabytes_on_one_line_is_cleaned() {
    let line = "The river rose again overnight, and the town stayed awake. ".repeat(140_000);
    let out = clean_text(&line).unwrap();
    assert!(!out.is_empty());
}

#[test]
fn ten_megabyte_attribute() {
    let page = format!(
        "<html><body><div data-x=\"{}\"><p>The council met on Tuesday evening to vote on the budget for the coming year.</p></div></body></html>",
        "a".repeat(10 << 20)
    );
    let out = html(&page);
    assert!(!out.contains("aaaa"));
}

#[test]
fn unclosed_and_misnested_tags() {
    let page = "<html><body><div><p><b><i>Bold and <u>under</b> still</i> going<p>next</div></span></table><td>cell<tr><h2>Heading</h3><article><p>Text that reads like a sentence of an article, long enough to count.";
    let _ = html(page);
    let _ = html(&"<b><i><u><s>".repeat(20_000));
    let _ = html(&"</div></p></span>".repeat(20_000));
}

#[test]
fn nul_bytes() {
    let _ = clean_text("Some text\0 with NUL\0 bytes in it, long enough to be a paragraph.");
    let _ = clean_html("<p>NUL\0 inside\0 a paragraph</p>");
    // many NULs: binary, a decode error through the bytes door
    assert!(matches!(clean_bytes(&[0u8; 10_000]), Err(Error::Decode(_))));
}

#[test]
fn invalid_utf8_and_mislabelled_charsets() {
    let mut bytes = b"<html><head><meta charset=\"utf-8\"></head><body><p>Caf\xe9 cr\xe8me \xff\xfe and more text here.</p>".to_vec();
    bytes.extend_from_slice(&[0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]);
    let _ = clean_bytes(&bytes);
    // declared Shift_JIS, actually UTF-8
    let page = "<meta charset=\"shift_jis\"><p>東京で会議が開かれた。参加者は多かった。</p>";
    let out = clean_bytes(page.as_bytes()).unwrap_or_default();
    assert!(out.is_empty() || out.contains("東京"));
    // declared windows-1252, actually UTF-16 bytes
    let utf16: Vec<u8> = "<p>hello world</p>"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let _ = clean_bytes(&utf16);
}

#[test]
fn a_page_of_only_links() {
    let mut page = String::from("<html><body>");
    for i in 0..5_000 {
        page.push_str(&format!(
            "<a href=\"/story/{i}\">Story number {i} about something</a> "
        ));
    }
    page.push_str("</body></html>");
    let article = Cleaner::default().clean(Input::Html(&page)).unwrap();
    assert!(!article.is_article());
}

#[test]
fn a_page_with_no_text() {
    let article = Cleaner::default()
        .clean(Input::Html(
            "<html><head><title></title></head><body><div></div><img src=x></body></html>",
        ))
        .unwrap();
    assert_eq!(article.text(), "");
    assert!(!article.is_article());
    assert_eq!(clean_html(""), Err(Error::Empty));
    assert_eq!(clean_text(" \n\t "), Err(Error::Empty));
}

#[test]
fn hundred_thousand_line_breaks() {
    let page = format!(
        "<html><body><p>Start of the article text, a sentence.{}End.</p></body></html>",
        "<br>".repeat(100_000)
    );
    let _ = html(&page);
    let _ = clean_text(&"\n".repeat(100_000));
}

#[test]
fn binary_garbage() {
    // a deterministic pseudo-random byte soup
    let mut x: u32 = 0x1234_5678;
    let bytes: Vec<u8> = (0..1 << 20)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect();
    match clean_bytes(&bytes) {
        Ok(_) | Err(Error::Decode(_)) | Err(Error::Empty) => {}
        Err(e) => panic!("unexpected error {e}"),
    }
}

#[test]
fn limits_are_options() {
    let c = Cleaner::new(Options::default().with_max_input_bytes(1024));
    assert!(matches!(
        c.clean(Input::Text(&"a ".repeat(1000))),
        Err(Error::TooLarge {
            limit: 1024,
            size: 2000
        })
    ));
    let c = Cleaner::new(Options::default().with_max_blocks(10));
    let a = c.clean(Input::Text(&"line of text\n".repeat(100))).unwrap();
    assert!(a.truncated());
}
