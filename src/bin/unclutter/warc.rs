//! A small streaming WARC reader: one record at a time, memory bounded by the largest
//! record body it is asked to keep (bodies it does not want, or that are over the limit,
//! are skipped by streaming them to nowhere).
//!
//! Common Crawl ships `.warc.gz` files as one gzip member per record; wrap the file in
//! `flate2::read::MultiGzDecoder`, which reads the members as one stream, and the records
//! come out in order. The format is ISO 28500 (WARC 1.0 / 1.1): a `WARC/1.x` version line,
//! `Name: value` header lines, a blank line, `Content-Length` bytes of content, then
//! `\r\n\r\n`.

use std::io::{self, BufRead, Read};

/// The longest header line accepted; longer lines are cut (and the record is malformed
/// when it is a header line).
const MAX_LINE: usize = 64 * 1024;
/// The most header lines one record may have.
const MAX_HEADERS: usize = 1024;
/// The most bytes of header lines one record may have (real records have a few hundred):
/// without it, 1,024 lines of 64 KiB of invalid UTF-8 held ~200 MB as strings.
const MAX_HEADER_BYTES: usize = 1 << 20;

/// The named headers of a WARC record (or of an HTTP message), in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Headers(pub Vec<(String, String)>);

impl Headers {
    /// The first value of a header, by case-insensitive name.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What became of a record's content.
#[derive(Debug, PartialEq)]
pub enum Body {
    /// The content, read in full.
    Read(Vec<u8>),
    /// The caller did not want it; it was skipped.
    Skipped,
    /// `Content-Length` was over the limit; it was skipped.
    TooLarge(u64),
}

/// One WARC record.
#[derive(Debug, PartialEq)]
pub struct Record {
    /// The WARC headers (`WARC-Type`, `WARC-Record-ID`, `WARC-Target-URI`, ...).
    pub headers: Headers,
    /// The content block.
    pub body: Body,
}

/// Reads WARC records from a buffered stream.
pub struct Reader<R> {
    inner: R,
    /// A line already read that starts the next record (after a resync).
    pending: Option<Vec<u8>>,
    max_body: u64,
}

impl<R: BufRead> Reader<R> {
    /// A reader that keeps record bodies of at most `max_body` bytes.
    pub fn new(inner: R, max_body: u64) -> Self {
        Reader {
            inner,
            pending: None,
            max_body,
        }
    }

    /// The next record: `Ok(None)` at the end, `Ok(Some(Err(why)))` for a malformed record
    /// (the reader has moved on to the next `WARC/` line, so reading can go on), `Err` when
    /// the stream itself fails (a truncated gzip, a record cut short by the end of file),
    /// after which the stream should be given up.
    ///
    /// `want` sees the headers and says whether to keep the body.
    pub fn next_record(
        &mut self,
        want: impl FnOnce(&Headers) -> bool,
    ) -> io::Result<Option<Result<Record, String>>> {
        // the version line, after any blank lines between records
        let first = loop {
            let line = match self.pending.take() {
                Some(l) => l,
                None => match read_line(&mut self.inner, MAX_LINE)? {
                    None => return Ok(None),
                    Some((l, _)) => l,
                },
            };
            if !trim_eol(&line).is_empty() {
                break line;
            }
        };
        if !first.starts_with(b"WARC/") {
            return self.resync("expected a WARC/1.x version line".into());
        }
        let mut headers = Vec::new();
        let mut header_bytes = 0;
        loop {
            let Some((line, cut)) = read_line(&mut self.inner, MAX_LINE)? else {
                return Err(eof("the WARC headers"));
            };
            let line = trim_eol(&line);
            if line.is_empty() {
                break;
            }
            header_bytes += line.len();
            if cut || headers.len() >= MAX_HEADERS || header_bytes > MAX_HEADER_BYTES {
                return self.resync("WARC headers too long".into());
            }
            if line.starts_with(b"WARC/") {
                self.pending = Some(line.to_vec());
                return Ok(Some(Err("WARC record without content".into())));
            }
            match parse_header(line) {
                Some(h) => headers.push(h),
                None => return self.resync("a WARC header line without ':'".into()),
            }
        }
        let headers = Headers(headers);
        let Some(len) = headers
            .get("Content-Length")
            .and_then(|v| v.trim().parse::<u64>().ok())
        else {
            return self.resync("missing or invalid Content-Length".into());
        };
        let body = if !want(&headers) {
            self.skip(len)?;
            Body::Skipped
        } else if len > self.max_body {
            self.skip(len)?;
            Body::TooLarge(len)
        } else {
            let mut buf = Vec::with_capacity(len as usize);
            (&mut self.inner).take(len).read_to_end(&mut buf)?;
            if (buf.len() as u64) < len {
                return Err(eof("a WARC record's content"));
            }
            Body::Read(buf)
        };
        Ok(Some(Ok(Record { headers, body })))
    }

    fn skip(&mut self, len: u64) -> io::Result<()> {
        let n = io::copy(&mut (&mut self.inner).take(len), &mut io::sink())?;
        if n < len {
            return Err(eof("a WARC record's content"));
        }
        Ok(())
    }

    /// Skips to the next line that starts with `WARC/` and reports the malformed record.
    fn resync(&mut self, why: String) -> io::Result<Option<Result<Record, String>>> {
        while let Some((line, _)) = read_line(&mut self.inner, MAX_LINE)? {
            if line.starts_with(b"WARC/") {
                self.pending = Some(line);
                break;
            }
        }
        Ok(Some(Err(why)))
    }
}

fn eof(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::UnexpectedEof,
        format!("the stream ends inside {what} (truncated file?)"),
    )
}

/// Reads one line (up to and including `\n`), keeping at most `max` bytes of it; the rest
/// of an over-long line is read and dropped. Returns the line and whether it was cut, or
/// `None` at the end of the stream.
pub fn read_line(r: &mut impl BufRead, max: usize) -> io::Result<Option<(Vec<u8>, bool)>> {
    let mut line = Vec::new();
    let mut cut = false;
    let mut any = false;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..=i], true),
            None => (buf, false),
        };
        let room = max.saturating_sub(line.len());
        if chunk.len() > room {
            cut = true;
        }
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let n = chunk.len();
        r.consume(n);
        if done {
            break;
        }
    }
    Ok(any.then_some((line, cut)))
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn parse_header(line: &[u8]) -> Option<(String, String)> {
    let colon = line.iter().position(|&b| b == b':')?;
    let name = String::from_utf8_lossy(&line[..colon]).trim().to_string();
    let value = String::from_utf8_lossy(&line[colon + 1..])
        .trim()
        .to_string();
    (!name.is_empty()).then_some((name, value))
}

/// An HTTP response split into its parts.
#[derive(Debug)]
pub struct HttpResponse<'a> {
    /// The status code, when the status line has one.
    pub status: Option<u16>,
    /// The response headers.
    pub headers: Headers,
    /// The payload (after the blank line).
    pub body: &'a [u8],
}

impl HttpResponse<'_> {
    /// The media type of `Content-Type`, lower-cased, without parameters.
    pub fn mime(&self) -> Option<String> {
        let ct = self.headers.get("Content-Type")?;
        Some(ct.split(';').next()?.trim().to_ascii_lowercase())
    }
    /// The `charset` parameter of `Content-Type`.
    pub fn charset(&self) -> Option<String> {
        let ct = self.headers.get("Content-Type")?;
        ct.split(';').skip(1).find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| v.trim().trim_matches(['"', '\'']).to_string())
        })
    }
}

/// Splits the content of a WARC `response` record into HTTP status, headers and payload.
/// `None` when there is no blank line ending the headers.
pub fn parse_http(content: &[u8]) -> Option<HttpResponse<'_>> {
    let (head_end, body_start) = match find(content, b"\r\n\r\n") {
        Some(i) => (i, i + 4),
        None => {
            let i = find(content, b"\n\n")?;
            (i, i + 2)
        }
    };
    let head = &content[..head_end];
    let mut lines = head.split(|&b| b == b'\n').map(trim_eol);
    let status_line = lines.next()?;
    if !status_line.starts_with(b"HTTP/") {
        return None;
    }
    let status = std::str::from_utf8(status_line)
        .ok()
        .and_then(|s| s.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok());
    let headers = Headers(lines.filter_map(parse_header).collect());
    Some(HttpResponse {
        status,
        headers,
        body: &content[body_start..],
    })
}

/// Undoes `Transfer-Encoding: chunked` (Common Crawl renames the header and stores the
/// payload decoded, but other crawlers keep it). `None` when the chunks are malformed.
pub fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let eol = find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..eol]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body.strip_prefix(b"\r\n").unwrap_or(body);
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Write};

    fn record(kind: &str, id: &str, content: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
             WARC-Target-URI: https://example.com/{id}\r\nContent-Length: {}\r\n\r\n",
            content.len()
        )
        .into_bytes();
        r.extend_from_slice(content);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn read_all(data: &[u8], max: u64) -> Vec<Result<Record, String>> {
        let mut r = Reader::new(BufReader::new(data), max);
        let mut out = Vec::new();
        while let Some(rec) = r
            .next_record(|h| h.get("WARC-Type") == Some("response"))
            .unwrap()
        {
            out.push(rec);
        }
        out
    }

    const HTTP: &[u8] =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<p>caf\xe9</p>";

    #[test]
    fn reads_records_in_order_and_skips_unwanted() {
        let mut data = record("warcinfo", "0", b"software: test\r\n");
        data.extend(record("request", "1", b"GET / HTTP/1.1\r\n\r\n"));
        data.extend(record("response", "2", HTTP));
        let recs = read_all(&data, 1 << 20);
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[0].as_ref().unwrap().body, Body::Skipped);
        let r = recs[2].as_ref().unwrap();
        assert_eq!(
            r.headers.get("warc-target-uri"),
            Some("https://example.com/2")
        );
        let Body::Read(content) = &r.body else {
            panic!("{:?}", r.body)
        };
        let http = parse_http(content).unwrap();
        assert_eq!(http.status, Some(200));
        assert_eq!(http.mime().as_deref(), Some("text/html"));
        assert_eq!(http.charset().as_deref(), Some("ISO-8859-1"));
        assert_eq!(http.body, b"<p>caf\xe9</p>");
    }

    #[test]
    fn too_large_bodies_are_skipped_and_reading_goes_on() {
        let mut data = record("response", "1", &[b'x'; 100]);
        data.extend(record("response", "2", HTTP));
        let recs = read_all(&data, 90);
        assert_eq!(recs[0].as_ref().unwrap().body, Body::TooLarge(100));
        assert!(matches!(recs[1].as_ref().unwrap().body, Body::Read(_)));
    }

    #[test]
    fn malformed_records_are_reported_and_skipped() {
        let mut data = b"garbage line\r\nmore garbage\r\n".to_vec();
        data.extend(record("response", "1", HTTP));
        // no Content-Length
        data.extend(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n<p>lost</p>\r\n\r\n");
        data.extend(record("response", "2", HTTP));
        let recs = read_all(&data, 1 << 20);
        assert_eq!(recs.len(), 4, "{recs:?}");
        assert!(recs[0].is_err());
        assert!(recs[1].is_ok());
        assert!(recs[2].as_ref().unwrap_err().contains("Content-Length"));
        assert_eq!(
            recs[3].as_ref().unwrap().headers.get("WARC-Record-ID"),
            Some("<urn:uuid:2>")
        );
    }

    #[test]
    fn truncated_content_is_an_io_error() {
        let data = record("response", "1", HTTP);
        let cut = &data[..data.len() - 10];
        let mut r = Reader::new(BufReader::new(cut), 1 << 20);
        assert!(r.next_record(|_| true).is_err());
        let mut r = Reader::new(BufReader::new(cut), 1 << 20);
        assert!(r.next_record(|_| false).is_err());
    }

    #[test]
    fn per_record_gzip_members_read_as_one_stream() {
        use flate2::{read::MultiGzDecoder, write::GzEncoder, Compression};
        let mut gz = Vec::new();
        for i in 0..3 {
            let mut e = GzEncoder::new(Vec::new(), Compression::fast());
            e.write_all(&record("response", &i.to_string(), HTTP))
                .unwrap();
            gz.extend(e.finish().unwrap());
        }
        let mut r = Reader::new(BufReader::new(MultiGzDecoder::new(&gz[..])), 1 << 20);
        let mut n = 0;
        while let Some(rec) = r.next_record(|_| true).unwrap() {
            assert!(matches!(rec.unwrap().body, Body::Read(_)));
            n += 1;
        }
        assert_eq!(n, 3);
    }

    #[test]
    fn header_bytes_are_capped() {
        let mut data = b"WARC/1.0\r\nWARC-Type: response\r\n".to_vec();
        for i in 0..40 {
            data.extend(format!("X-{i}: ").as_bytes());
            data.extend([0xff; 30_000]);
            data.extend(b"\r\n");
        }
        data.extend(b"Content-Length: 0\r\n\r\n\r\n\r\n");
        data.extend(record("response", "2", HTTP));
        let recs = read_all(&data, 1 << 20);
        assert_eq!(recs.len(), 2, "{recs:?}");
        assert!(recs[0].as_ref().unwrap_err().contains("too long"));
        assert!(recs[1].is_ok());
    }

    #[test]
    fn long_lines_are_cut() {
        let data = [b'a'; 100];
        let mut r = BufReader::with_capacity(16, &data[..]);
        let (line, cut) = read_line(&mut r, 10).unwrap().unwrap();
        assert_eq!(line.len(), 10);
        assert!(cut);
        assert!(read_line(&mut r, 10).unwrap().is_none());
    }

    #[test]
    fn chunked_payloads_are_decoded() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n").unwrap(),
            b"hello world"
        );
        assert!(dechunk(b"zz\r\nhello").is_none());
    }

    #[test]
    fn http_without_blank_line_is_none() {
        assert!(parse_http(b"HTTP/1.1 200 OK\r\nContent-Type: text/html").is_none());
        assert!(parse_http(b"<html>no headers\r\n\r\n</html>").is_none());
    }
}
