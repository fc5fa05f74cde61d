//! Unit tests of the HTML front door.

use super::*;
use crate::options::Options;

fn page(html: &str) -> Page {
    parse(html, &Options::default())
}

fn kept(p: &Page) -> Vec<&str> {
    p.blocks
        .iter()
        .filter(|b| b.hints.in_region)
        .map(|b| b.text.as_str())
        .collect()
}

#[test]
fn blocks_and_kinds() {
    let w = page("<html><body><h2>Title here</h2><p>One <a href=x>two</a></p><ul><li>a</li><li>b</li></ul><ol><li>x</li><li>y</li></ol><blockquote>q</blockquote><table><tr><td>c1</td><td>c2</td></tr></table><pre>code</pre></body></html>");
    let kinds: Vec<_> = w.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
    assert_eq!(
        kinds,
        vec![
            (Kind::Heading, "Title here"),
            (Kind::Paragraph, "One two"),
            (Kind::ListItem, "a"),
            (Kind::ListItem, "b"),
            (Kind::ListItem, "x"),
            (Kind::ListItem, "y"),
            (Kind::Quote, "q"),
            (Kind::Other, "c1 c2"),
            (Kind::Other, "code"),
        ]
    );
    assert_eq!(w.blocks[0].level, 2);
    assert_eq!(w.blocks[5].marker, Marker::Number(2));
    assert_eq!(w.blocks[2].marker, Marker::Bullet('-'));
    let ld = w.blocks[1].link_density.unwrap();
    assert!((ld - 3.0 / 6.0).abs() < 1e-6, "{ld}");
    assert_ne!(w.blocks[2].hints.container, 0);
    assert_eq!(w.blocks[2].hints.container, w.blocks[3].hints.container);
    assert_ne!(w.blocks[3].hints.container, w.blocks[4].hints.container);
}

#[test]
fn hidden_and_scripts_never_appear() {
    let w = page(&format!(
        "<body><p>Visible text. {PROSE}</p><p>{PROSE}</p><script>var x = 1;</script><style>p{{}}</style>\
         <noscript>Enable JS</noscript><template><p>tpl</p></template>\
         <div hidden>h1</div><div aria-hidden=\"true\">h2</div>\
         <div style=\"color:red; display : none\">h3</div><span style=\"visibility:hidden\">h4</span>\
         <button>Click</button><form><p>Form text</p></form></body>"
    ));
    let all: String = w
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("|");
    assert!(all.contains("Visible text."));
    for bad in [
        "var x", "p{}", "Enable", "tpl", "h1", "h2", "h3", "h4", "Click",
    ] {
        assert!(!all.contains(bad), "{bad} in {all}");
    }
    // forms are read, but never part of the region
    assert!(w
        .blocks
        .iter()
        .all(|b| b.text != "Form text" || !b.hints.in_region));
}

#[test]
fn double_br_splits_paragraphs() {
    let w = page("<body><div>First line<br>same paragraph<br><br>Second paragraph</div></body>");
    let t: Vec<_> = w.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(t, ["First line same paragraph", "Second paragraph"]);
}

const PROSE: &str = "The council met on Tuesday evening to vote on the budget, and the debate lasted for more than three hours, with several amendments proposed by the opposition.";

#[test]
fn region_is_the_article_and_gathers_siblings() {
    let html = format!(
        "<body><nav><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li></ul></nav>\
         <div class=content><div class=part><p>{PROSE}</p><p>{PROSE} One.</p></div>\
         <div class=\"related-box\"><ul><li><a href=a>Other story one</a></li><li><a href=b>Other story two</a></li></ul></div>\
         <div class=part><p>{PROSE} Two.</p><p>{PROSE} Three.</p></div>\
         <div class=\"share-bar\">Share on Facebook</div></div>\
         <footer><p>Copyright 2024, all rights reserved by the company and its many partners.</p></footer></body>"
    );
    let p = page(&html);
    let k = kept(&p);
    assert_eq!(k.len(), 4, "{k:?}");
    assert!(k[3].ends_with("Three."));
    let related = p
        .blocks
        .iter()
        .find(|b| b.text == "Other story one")
        .unwrap();
    assert!(related.hints.boilerplate_class);
    assert!(!related.hints.in_region);
}

#[test]
fn jsonld_body_checks_the_region() {
    let body = format!("{PROSE} Alpha. {PROSE} Beta.");
    let html = format!(
        "<head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"articleBody\":\"{body}\"}}</script></head>\
         <body><div id=a><p>{PROSE} Alpha.</p><p>{PROSE} Beta.</p></div>\
         <div id=b><p>{PROSE} Gamma, delta, epsilon, zeta, eta, theta, iota.</p><p>{PROSE} Kappa, lambda, mu, nu, xi.</p><p>{PROSE} Omicron, pi, rho.</p></div></body>"
    );
    let p = page(&html);
    for b in &p.blocks {
        if b.text.contains("Alpha") || b.text.contains("Beta") {
            assert!(b.hints.in_region && b.hints.in_article, "{}", b.text);
        }
    }
}

#[test]
fn title_prefers_og() {
    let p = page("<head><title>Site | Page</title><meta property=og:title content=\"The Page\"></head><body><h1>Heading</h1></body>");
    assert_eq!(p.title.as_deref(), Some("The Page"));
    let p = page("<head><title>Site | Page</title></head><body><h1>Heading</h1></body>");
    assert_eq!(p.title.as_deref(), Some("Heading"));
    let p = page("<head><title>Site | Page</title></head><body><p>x</p></body>");
    assert_eq!(p.title.as_deref(), Some("Site | Page"));
}

#[test]
fn limits_and_deep_trees() {
    // deep enough to overflow any recursive walk (html5ever itself is slow on deeper)
    let deep = "<div>".repeat(10_000) + "deep text" + &"</div>".repeat(10_000);
    let p = page(&deep);
    assert!(p.blocks.iter().any(|b| b.text == "deep text"));
    let p = parse(deep.as_str(), &Options::default().with_max_nodes(50));
    assert!(p.truncated);
    // limits never panic, whatever they cut (JSON-LD evidence included)
    let body = format!("{PROSE} {PROSE}");
    let ld = format!(
        "<head><script type=\"application/ld+json\">{{\"articleBody\":\"{body}\"}}</script></head><body><div><p>{PROSE}</p>text after {PROSE}"
    );
    for limit in [1, 3, 5, 8, 12, 20] {
        let _ = parse(ld.as_str(), &Options::default().with_max_nodes(limit));
        let _ = parse(ld.as_str(), &Options::default().with_max_blocks(limit));
    }
    let many = "<p>x</p>".repeat(100);
    let p = parse(many.as_str(), &Options::default().with_max_blocks(10));
    assert!(p.truncated);
    assert_eq!(p.blocks.len(), 10);
}

#[test]
fn visible_characters_of_ascii_and_not() {
    for s in ["a b\tc\n", "\x0b\x0c\r\x1f x", "é\u{a0}\u{200b}x", ""] {
        let want = s
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{200b}')
            .count() as u32;
        assert_eq!(visible_chars(s), want, "{s:?}");
    }
}

#[test]
fn style_parsing() {
    assert!(style_hides("display:none"));
    assert!(style_hides("color: red;DISPLAY : None !important"));
    assert!(style_hides("visibility: hidden"));
    assert!(!style_hides("display:block"));
}

#[test]
fn widget_boxes_settled_per_page() {
    let doc = |html: &str| {
        let d = Html::parse_document(html);
        walk(&d, &Options::default(), false)
    };
    let bp_of = |w: &Walk, text: &str| {
        let i = w.blocks.iter().position(|b| b.text.contains(text)).unwrap();
        w.dom[i].bp != NONE
    };
    // a sidebar's widget next to an article: boilerplate
    let w = doc(&format!(
        "<body><div class=story><p>{PROSE}</p><p>{PROSE} Two.</p><p>{PROSE} Three.</p></div>\
         <div class=\"widget widget_recent\"><p>Recent posts here</p></div></body>"
    ));
    assert!(bp_of(&w, "Recent posts"));
    assert!(!bp_of(&w, "Three."));
    assert!(w.nodes[0].clutter_chars > 0);
    // a page builder names every box `widget`: the word names nothing on this page
    let w = doc(&format!(
        "<body><div class=pb-widget><div class=pb-widget-container><p>{PROSE}</p></div></div>\
         <div class=pb-widget><div class=pb-widget-container><h2>A section</h2></div></div>\
         <div class=pb-widget><div class=pb-widget-container><ul><li>{PROSE} Item.</li></ul></div></div>\
         <div class=\"pb-widget share-bar\"><p>Share this</p></div></body>"
    ));
    assert!(!bp_of(&w, "A section"));
    assert!(!bp_of(&w, "Item."));
    // a strong word still counts
    assert!(bp_of(&w, "Share this"));
    let share = w
        .nodes
        .iter()
        .position(|n| n.flags & BP_CLASS != 0)
        .unwrap();
    assert_eq!(w.nodes[0].clutter_chars, w.nodes[share].chars);
}

#[test]
fn line_breaks_inside_blocks() {
    let w = page(
        "<body><h2>Zwei<br>Zeilen</h2><p>Marktplatz 4<br>\n12345 Musterstadt</p>\
         <p>ein Satz,<br> der weitergeht</p><p>a<br><br>b</p>\
         <table><tr><td>x<br>y</td><td>z</td></tr></table><pre>  eins\n\n zwei  drei\n</pre></body>",
    );
    let texts: Vec<_> = w.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "Zwei Zeilen",
            "Marktplatz 4\n12345 Musterstadt",
            "ein Satz, der weitergeht",
            "a",
            "b",
            "x y z",
            "eins\nzwei drei",
        ]
    );
    let mut blocks = vec![
        Block::new("Zitat eins\nZitat zwei".into(), Kind::Quote),
        Block::new("Punkt\nmehr".into(), Kind::ListItem),
    ];
    blocks[1].marker = Marker::Bullet('-');
    assert_eq!(
        crate::render::render(&blocks, crate::render::Format::Markdown, false),
        "> Zitat eins\n> Zitat zwei\n\n- Punkt\n  mehr"
    );
    assert_eq!(
        crate::render::render(&blocks, crate::render::Format::Plain, false),
        "Zitat eins\nZitat zwei\n\n- Punkt\nmehr"
    );
}

#[test]
fn social_links_are_profiles_channels_and_share_pages_not_posts() {
    use super::social_link;
    assert!(social_link(b"https://whatsapp.com/channel/0029Va"));
    assert!(social_link(b"https://t.me/diariodelsur"));
    assert!(social_link(b"//www.instagram.com/diario/"));
    assert!(social_link(b"https://m.facebook.com/sharer.php?u=x"));
    assert!(social_link(b"HTTPS://X.COM/diario"));
    assert!(!social_link(
        b"https://x.com/alcaldia/status/1820000000000000001"
    ));
    assert!(!social_link(b"https://www.youtube.com/watch?v=abc"));
    assert!(!social_link(b"https://www.instagram.com/p/Cx1/"));
    assert!(!social_link(b"https://notx.com/diario"));
    assert!(!social_link(b"/t/diario"));
    assert!(!social_link(b"https://example.com/x.com"));
}
