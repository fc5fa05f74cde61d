//! The command-line tool, end to end: every input kind, every kind of bad record, exit
//! codes, resuming, `--explain` and JSON output. Inputs (HTML, JSONL, WARC) are built here.

use assert_cmd::Command;
use flate2::{write::GzEncoder, Compression};
use serde_json::Value;
use std::io::Write;
use std::path::Path;

fn page(topic: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>The {topic} story</title></head><body>\n\
         <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>\
         <li><a href=\"/sport\">Sport</a></li></ul></nav>\n\
         <article><h1>The {topic} story</h1>\n\
         <p>The river rose by two metres overnight near {topic}, and the mayor ordered the \
         evacuation of the lower streets before dawn.</p>\n\
         <p>Emergency crews worked through the night to move families from the flooded \
         houses near the old bridge to the school gym.</p>\n\
         <p>Forecasters expect the water to fall slowly over the next three days, although \
         more rain is due on Thursday afternoon.</p>\n\
         </article>\n<footer><p>Copyright 2026 The Daily Example. All rights reserved.</p>\
         </footer>\n</body></html>\n"
    )
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn bin() -> Command {
    let mut c = Command::cargo_bin("unclutter").unwrap();
    c.arg("--quiet");
    c
}

/// A bin without `--quiet`, to read the summary.
fn bin_loud() -> Command {
    Command::cargo_bin("unclutter").unwrap()
}

fn json_lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn stdout(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn warc_record(kind: &str, id: &str, uri: &str, content: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n\
         Content-Length: {}\r\n\r\n",
        content.len()
    )
    .into_bytes();
    r.extend_from_slice(content);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, ctype: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nX-Crawler-Content-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r
}

/// A WARC as Common Crawl ships it: warcinfo, then request/response/metadata triples;
/// some responses are not HTML or not 200. Returns the records (one per entry) and how
/// many are HTML pages.
fn crawl_records() -> (Vec<Vec<u8>>, usize) {
    let latin1: Vec<u8> = page("Z\u{fc}rich")
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    let recs = vec![
        warc_record("warcinfo", "0", "", b"software: test\r\n"),
        warc_record(
            "request",
            "1",
            "https://a.example/1",
            b"GET /1 HTTP/1.1\r\n\r\n",
        ),
        warc_record(
            "response",
            "2",
            "https://a.example/1",
            &http(
                "200 OK",
                "text/html; charset=utf-8",
                page("Lyon").as_bytes(),
            ),
        ),
        warc_record(
            "metadata",
            "3",
            "https://a.example/1",
            b"fetchTimeMs: 12\r\n",
        ),
        warc_record(
            "response",
            "4",
            "https://a.example/logo.png",
            &http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n\0\0"),
        ),
        warc_record(
            "response",
            "5",
            "https://a.example/old",
            &http("301 Moved Permanently", "text/html", b""),
        ),
        warc_record(
            "response",
            "6",
            "https://b.example/2",
            &http("200 OK", "text/html; charset=ISO-8859-1", &latin1),
        ),
    ];
    (recs, 2)
}

fn warc_gz(records: &[Vec<u8>]) -> Vec<u8> {
    records.iter().flat_map(|r| gz(r)).collect()
}

#[test]
fn one_file_prints_its_article() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.html");
    std::fs::write(&p, page("Lyon")).unwrap();
    let out = stdout(bin().arg(&p));
    assert!(out.starts_with("The river rose"), "{out}");
    assert!(out.contains("\n\nEmergency crews"));
    assert!(!out.contains("Copyright"));
    assert!(!out.contains("==>"));
}

#[test]
fn stdin_and_gz() {
    let out = stdout(bin().arg("-").write_stdin(page("Lyon")));
    assert!(out.contains("The river rose"), "{out}");
    // gzip on standard input is recognised too
    let out = stdout(bin().write_stdin(gz(page("Lyon").as_bytes())));
    assert!(out.contains("The river rose"), "{out}");
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.html.gz");
    std::fs::write(&p, gz(page("Lyon").as_bytes())).unwrap();
    let out = stdout(bin().arg(&p));
    assert!(out.contains("The river rose"), "{out}");
}

#[test]
fn text_mode_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(
        &p,
        "ADVERTISEMENT\nThe river rose by two metres overnight, and the town's mayor \
         ordered the evacuation of the lower streets before dawn.\n",
    )
    .unwrap();
    let out = stdout(bin().arg(&p));
    assert_eq!(
        out.trim(),
        "The river rose by two metres overnight, and the town's mayor ordered the \
         evacuation of the lower streets before dawn."
    );
}

#[test]
fn folder_to_out_dir_and_skip_existing() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir_all(inp.join("sub")).unwrap();
    std::fs::write(inp.join("b.html"), page("Lyon")).unwrap();
    std::fs::write(inp.join("a.html.gz"), gz(page("Nice").as_bytes())).unwrap();
    std::fs::write(inp.join("sub/c.htm"), page("Metz")).unwrap();
    std::fs::write(inp.join("notes.md"), "not a page").unwrap();
    let out = dir.path().join("out");
    let run = bin_loud()
        .arg("--out")
        .arg(&out)
        .arg(&inp)
        .output()
        .unwrap();
    assert!(run.status.success());
    assert!(run.stdout.is_empty());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("3 records read: 3 cleaned"), "{err}");
    let a = std::fs::read_to_string(out.join("a.txt")).unwrap();
    assert!(a.contains("near Nice"), "{a}");
    assert!(out.join("b.txt").exists());
    assert!(out.join("sub/c.txt").exists());
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 3); // a.txt, b.txt, sub

    // resume: existing outputs are left alone and counted as skipped
    std::fs::write(out.join("a.txt"), "KEEP").unwrap();
    std::fs::remove_file(out.join("b.txt")).unwrap();
    let run = bin_loud()
        .args(["--skip-existing", "--out"])
        .arg(&out)
        .arg(&inp)
        .output()
        .unwrap();
    assert!(run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("1 cleaned, 0 empty, 0 failed, 2 skipped"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(out.join("a.txt")).unwrap(), "KEEP");
    assert!(out.join("b.txt").exists());
    // without it, everything is redone
    bin().arg("--out").arg(&out).arg(&inp).assert().success();
    assert_ne!(std::fs::read_to_string(out.join("a.txt")).unwrap(), "KEEP");
}

#[test]
fn folder_to_stdout_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.html"), page("Lyon")).unwrap();
    std::fs::write(dir.path().join("a.html"), page("Nice")).unwrap();
    let out = stdout(bin().arg(dir.path()));
    let a = out.find("a.html <==").unwrap();
    let b = out.find("b.html <==").unwrap();
    assert!(a < b, "{out}");
    assert!(out[a..b].contains("near Nice"));
}

#[test]
fn format_json_for_files_and_explain() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.html");
    std::fs::write(&p, page("Lyon")).unwrap();
    let out = bin()
        .args(["--format", "json", "--explain"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 1);
    let r = &lines[0];
    assert_eq!(r["id"], p.display().to_string());
    assert!(r["text"].as_str().unwrap().starts_with("The river rose"));
    assert!(r["error"].is_null());
    assert_eq!(r["title"], "The Lyon story");
    assert_eq!(r["lang"], "en");
    assert!(r["is_article"].is_boolean());
    assert!(r["confidence"].as_f64().unwrap() > 0.0);
    let removed = r["removed"].as_array().unwrap();
    assert!(removed
        .iter()
        .any(|x| x["reason"] == "heading" && x["text"] == "The Lyon story"));

    // text mode: the removed blocks go to standard error
    let out = bin().arg("--explain").arg(&p).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("[heading] The Lyon story"), "{err}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("[heading]"));
}

#[test]
fn markdown_keep_headings_and_rules() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(
        &p,
        "ADVERTISEMENT\nThe river rose by two metres overnight, and the town's mayor \
         ordered the evacuation of the lower streets before dawn.\n",
    )
    .unwrap();
    let rules = stdout(bin().arg("--list-rules"));
    assert!(rules.lines().any(|l| l.starts_with("boilerplate\t")));
    let explain = |rules: &[&str]| {
        let mut c = bin();
        c.arg("--explain");
        for r in rules {
            c.args(["--disable-rule", r]);
        }
        String::from_utf8(c.arg(&p).output().unwrap().stderr).unwrap()
    };
    assert!(explain(&[]).contains("[boilerplate] ADVERTISEMENT"));
    let err = explain(&["boilerplate", "region"]);
    assert!(!err.contains("[boilerplate]"), "{err}");
    assert!(!err.contains("[outside-content]"), "{err}");
    bin()
        .args(["--disable-rule", "no-such-rule"])
        .arg(&p)
        .assert()
        .code(2);
    let out = stdout(
        bin()
            .args(["--format", "markdown", "--keep-headings"])
            .arg(&p),
    );
    assert!(out.starts_with("The river rose"), "{out}");
}

#[test]
fn jsonl_records_and_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("pages.jsonl");
    let mut data = String::new();
    let rec = |id: Value, field: &str, body: String| {
        serde_json::json!({"id": id, "url": "https://a.example/", field: body}).to_string()
    };
    data += &rec("one".into(), "html", page("Lyon"));
    data += "\n";
    data += &rec(2.into(), "text", "ADVERTISEMENT\nThe river rose by two metres overnight, and the town's mayor ordered the evacuation of the lower streets before dawn.".into());
    data += "\n\n"; // blank lines are not records
    data += "{\"id\": \"broken\", \"html\": \"<p>unterminated\n";
    data += &serde_json::json!({"id": "nofield", "body": "x"}).to_string();
    data += "\n[1, 2]\n";
    data += &rec("big".into(), "html", "<p>x</p>".repeat(200));
    data += "\n";
    std::fs::write(&p, &data).unwrap();
    let out = bin_loud()
        .args(["--max-bytes", "1500"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines = json_lines(&out.stdout);
    // records in = outputs + errors
    assert_eq!(lines.len(), 6, "{lines:?}");
    assert_eq!(lines[0]["id"], "one");
    assert_eq!(lines[0]["url"], "https://a.example/");
    assert!(lines[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("The river rose"));
    assert_eq!(lines[1]["id"], "2");
    assert!(lines[1]["text"]
        .as_str()
        .unwrap()
        .starts_with("The river rose"));
    let pos = format!("{}:4", p.display());
    assert_eq!(lines[2]["id"], pos);
    assert!(lines[2]["error"]
        .as_str()
        .unwrap()
        .contains("malformed JSON"));
    assert!(lines[2]["text"].is_null());
    assert_eq!(lines[3]["id"], "nofield");
    assert!(lines[3]["error"].as_str().unwrap().contains("html"));
    assert!(lines[4]["error"]
        .as_str()
        .unwrap()
        .contains("not an object"));
    assert_eq!(lines[5]["id"], "big");
    assert!(lines[5]["error"].as_str().unwrap().contains("too large"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("6 records read: 2 cleaned, 0 empty, 4 failed, 0 skipped"),
        "{err}"
    );

    // custom field names, JSONL from standard input
    let data = serde_json::json!({"key": "k1", "body": page("Metz"), "link": "u"}).to_string();
    let out = bin()
        .args([
            "--jsonl",
            "--id-field",
            "key",
            "--html-field",
            "body",
            "--url-field",
            "link",
            "-",
        ])
        .write_stdin(data)
        .output()
        .unwrap();
    let lines = json_lines(&out.stdout);
    assert_eq!(lines[0]["id"], "k1");
    assert_eq!(lines[0]["url"], "u");
    assert!(lines[0]["text"].as_str().unwrap().contains("near Metz"));
}

#[test]
fn warc_gz_as_common_crawl_ships_it() {
    let dir = tempfile::tempdir().unwrap();
    let (recs, pages) = crawl_records();
    let p = dir.path().join("crawl.warc.gz");
    std::fs::write(&p, warc_gz(&recs)).unwrap();
    let out = bin_loud().arg(&p).output().unwrap();
    assert!(out.status.success());
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), pages, "{lines:?}");
    assert_eq!(lines[0]["id"], "urn:uuid:2");
    assert_eq!(lines[0]["url"], "https://a.example/1");
    assert!(lines[0]["text"].as_str().unwrap().contains("near Lyon"));
    // the charset of Content-Type decodes the page
    assert!(lines[1]["text"].as_str().unwrap().contains("near Zürich"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("7 records read: 2 cleaned, 0 empty, 0 failed, 5 skipped"),
        "{err}"
    );

    // the same uncompressed, written to --output
    let p = dir.path().join("crawl.warc");
    std::fs::write(&p, recs.concat()).unwrap();
    let o = dir.path().join("out.jsonl");
    bin().arg("--output").arg(&o).arg(&p).assert().success();
    let lines = json_lines(&std::fs::read(&o).unwrap());
    assert_eq!(lines.len(), pages);

    // and from standard input
    let out = bin().write_stdin(warc_gz(&recs)).output().unwrap();
    assert_eq!(json_lines(&out.stdout).len(), pages);
}

#[test]
fn malformed_and_truncated_warc_records() {
    let dir = tempfile::tempdir().unwrap();
    let (mut recs, pages) = crawl_records();
    // a record without Content-Length, and one with garbage in place of a header
    recs.insert(
        3,
        b"WARC/1.0\r\nWARC-Type: response\r\n\r\nlost content\r\n\r\n".to_vec(),
    );
    recs.insert(5, b"this is not a WARC record\r\n\r\n".to_vec());
    let p = dir.path().join("bad.warc.gz");
    std::fs::write(&p, warc_gz(&recs)).unwrap();
    let out = bin().arg(&p).output().unwrap();
    assert!(out.status.success());
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), pages + 2, "{lines:?}");
    let errors: Vec<_> = lines.iter().filter(|l| !l["error"].is_null()).collect();
    assert_eq!(errors.len(), 2);
    assert!(errors[0]["error"]
        .as_str()
        .unwrap()
        .contains("Content-Length"));
    assert!(lines.last().unwrap()["text"]
        .as_str()
        .unwrap()
        .contains("near Zürich"));

    // a truncated file: the records before the cut, then one error
    let (recs, _) = crawl_records();
    let full = warc_gz(&recs);
    let p = dir.path().join("cut.warc.gz");
    std::fs::write(&p, &full[..full.len() - 200]).unwrap();
    let out = bin().arg(&p).output().unwrap();
    assert!(out.status.success());
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0]["text"].as_str().unwrap().contains("near Lyon"));
    assert!(lines[1]["error"].as_str().unwrap().contains("gzip"));
}

/// Every bad-record kind in one folder: each yields one error, the batch goes on.
fn bad_folder(dir: &Path) {
    std::fs::write(dir.join("1-good.html"), page("Lyon")).unwrap();
    std::fs::write(
        dir.join("2-binary.html"),
        b"\0\x01\x02\x03garbage\0\0\0\0\x05\x06",
    )
    .unwrap();
    std::fs::write(dir.join("3-large.html"), page("Nice").repeat(20)).unwrap();
    let full = gz(page("Metz").as_bytes());
    std::fs::write(dir.join("4-cut.html.gz"), &full[..full.len() / 2]).unwrap();
    // a gzip bomb: 64 MiB of spaces in about 64 KiB
    let mut e = GzEncoder::new(Vec::new(), Compression::best());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..64 {
        e.write_all(&chunk).unwrap();
    }
    std::fs::write(dir.join("5-bomb.html.gz"), e.finish().unwrap()).unwrap();
    std::fs::write(dir.join("6-empty.html"), "   \n").unwrap();
}

#[test]
fn bad_records_never_stop_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    bad_folder(dir.path());
    let out = bin_loud()
        .args(["--format", "json", "--max-bytes", "10000"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 6, "{lines:?}");
    let err = |i: usize| lines[i]["error"].as_str().unwrap_or("").to_string();
    assert!(lines[0]["error"].is_null());
    assert!(err(1).contains("binary"), "{}", err(1));
    assert!(err(2).contains("too large"), "{}", err(2));
    assert!(err(3).contains("gzip"), "{}", err(3));
    assert!(err(4).contains("too large"), "{}", err(4));
    assert!(lines[5]["error"].is_null());
    assert_eq!(lines[5]["text"], "");
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(
        summary.contains("6 records read: 1 cleaned, 1 empty, 4 failed, 0 skipped"),
        "{summary}"
    );

    // --fail-on-error turns record errors into exit status 1
    bin()
        .args([
            "--format",
            "json",
            "--max-bytes",
            "10000",
            "--fail-on-error",
        ])
        .arg(dir.path())
        .assert()
        .code(1);

    // --errors FILE: outputs + errors = records
    let errors = tempfile::NamedTempFile::new().unwrap();
    let outdir = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["--max-bytes", "10000", "--out"])
        .arg(outdir.path())
        .arg("--errors")
        .arg(errors.path())
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let errs = json_lines(&std::fs::read(errors.path()).unwrap());
    assert_eq!(errs.len(), 4);
    let files = std::fs::read_dir(outdir.path()).unwrap().count();
    assert_eq!(files, 2); // 1-good.txt and the empty 6-empty.txt
    assert!(outdir.path().join("6-empty.txt").exists());

    // without --errors and in text mode, one line per error on standard error
    let out = bin()
        .args(["--max-bytes", "10000", "--out"])
        .arg(outdir.path())
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 4, "{stderr}");
    assert!(stderr.lines().all(|l| l.starts_with("unclutter: ")));
}

#[test]
fn run_level_failures_exit_2() {
    bin().arg("/no/such/input.html").assert().code(2);
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.html");
    std::fs::write(&p, page("Lyon")).unwrap();
    bin()
        .args(["--format", "json", "--output", "/no/such/dir/out.jsonl"])
        .arg(&p)
        .assert()
        .code(2);
    bin().args(["--mode", "pdf"]).arg(&p).assert().code(2);
    bin().arg("--skip-existing").arg(&p).assert().code(2);
    bin()
        .args(["--format", "json", "--out"])
        .arg(dir.path())
        .arg(&p)
        .assert()
        .code(2);
}

#[test]
fn warc_payload_encodings_and_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let html = page("Lyon");
    // chunked transfer encoding and gzip content encoding kept as crawled
    let zipped = gz(html.as_bytes());
    let mut chunked = format!("{:x}\r\n", zipped.len()).into_bytes();
    chunked.extend_from_slice(&zipped);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    let mut resp = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\
        Content-Encoding: gzip\r\n\r\n"
        .to_vec();
    resp.extend_from_slice(&chunked);
    let big = http("200 OK", "text/html", page("Nice").repeat(10).as_bytes());
    let recs = [
        warc_record("response", "1", "https://a.example/1", &resp),
        warc_record("response", "2", "https://a.example/2", &big),
        warc_record(
            "response",
            "3",
            "https://a.example/3",
            &http("200 OK", "text/html", html.as_bytes()),
        ),
    ];
    let p = dir.path().join("enc.warc.gz");
    std::fs::write(&p, warc_gz(&recs)).unwrap();
    let out = bin()
        .args(["--max-bytes", "5000"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines[0]["text"].as_str().unwrap().contains("near Lyon"),
        "{lines:?}"
    );
    assert!(lines[1]["error"].as_str().unwrap().contains("too large"));
    assert_eq!(lines[1]["url"], "https://a.example/2");
    assert!(lines[2]["text"].as_str().unwrap().contains("near Lyon"));
}

#[test]
fn jobs_do_not_change_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let mut recs = Vec::new();
    for i in 0..300 {
        recs.push(warc_record(
            "response",
            &i.to_string(),
            &format!("https://a.example/{i}"),
            &http("200 OK", "text/html", page(&format!("town {i}")).as_bytes()),
        ));
    }
    let p = dir.path().join("many.warc.gz");
    std::fs::write(&p, warc_gz(&recs)).unwrap();
    let one = stdout(bin().args(["--jobs", "1"]).arg(&p));
    let four = stdout(bin().args(["--jobs", "4"]).arg(&p));
    assert_eq!(one, four);
    let lines = json_lines(one.as_bytes());
    assert_eq!(lines.len(), 300);
    assert_eq!(lines[299]["id"], "urn:uuid:299");
}

#[test]
fn mode_override_and_gzipped_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    // an .html name holding scraped text: --mode text reads it as text
    let p = dir.path().join("scraped.html");
    std::fs::write(
        &p,
        "ADVERTISEMENT\nThe river rose by two metres overnight, and the town's mayor \
         ordered the evacuation of the lower streets before dawn.\n",
    )
    .unwrap();
    let out = stdout(bin().args(["--mode", "text"]).arg(&p));
    assert!(out.starts_with("The river rose"), "{out}");

    let rec = serde_json::json!({"id": "g1", "html": page("Metz")}).to_string();
    let p = dir.path().join("pages.jsonl.gz");
    std::fs::write(&p, gz(format!("{rec}\n{rec}\n").as_bytes())).unwrap();
    let out = bin().arg(&p).output().unwrap();
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    assert!(lines[1]["text"].as_str().unwrap().contains("near Metz"));
}
