//! `vanban serve`'s API against a server on a free local port: each endpoint's
//! answers, its errors as problems, its limits.
#![cfg(feature = "serve")]

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use common::server::{Running, start};
use common::*;
use vanban::serve::Config;

fn server() -> Running {
    start(Config::default())
}

/// An answer: status, headers (names in lower case), body.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }

    /// Asserts a problem+json answer of `status`, and gives it.
    fn problem(&self, status: u16) -> serde_json::Value {
        assert_eq!(
            self.status,
            status,
            "{}",
            String::from_utf8_lossy(&self.body)
        );
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json")
        );
        let p = self.json();
        assert_eq!(p["status"], status);
        for k in ["type", "title", "title_vi", "detail", "detail_vi"] {
            assert!(p[k].as_str().is_some_and(|s| !s.is_empty()), "{k}: {p}");
        }
        p
    }
}

/// One HTTP/1.1 request on its own connection.
fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Answer {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    // A server may answer (413) before it has read all of a large body.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no answer: {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..end]).to_string();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Answer {
        status,
        headers,
        body: raw[end + 4..].to_vec(),
    }
}

fn post(addr: SocketAddr, path: &str, body: &[u8]) -> Answer {
    request(addr, "POST", path, &[], body)
}

fn get(addr: SocketAddr, path: &str) -> Answer {
    request(addr, "GET", path, &[], b"")
}

fn seed_json() -> Vec<u8> {
    std::fs::read(repo("fixtures/ke-hoach-dong-dang-2024.json")).unwrap()
}

#[test]
fn render_answers_the_pdf_or_the_docx_named_for_the_document() {
    let s = server();
    let pdf = post(s.addr, "/v1/render?format=pdf", &seed_json());
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    assert_eq!(
        pdf.header("content-disposition"),
        Some("attachment; filename=\"ke-hoach-KH-UBND.pdf\"")
    );
    assert!(pdf.body.starts_with(b"%PDF-"));
    // The same bytes as the library's.
    let lib = vanban::Renderer::new()
        .unwrap()
        .pdf(&seed_plan(), &Default::default())
        .unwrap();
    assert_eq!(pdf.body, lib);

    let docx = request(
        s.addr,
        "POST",
        "/v1/render",
        &[("Accept", vanban::serve::DOCX)],
        &seed_json(),
    );
    assert_eq!(docx.status, 200);
    assert_eq!(docx.header("content-type"), Some(vanban::serve::DOCX));
    assert!(docx.body.starts_with(b"PK\x03\x04"));

    // A numbered document's name carries its number.
    let mut v: serde_json::Value = serde_json::from_slice(&seed_json()).unwrap();
    v["header"]["number"] = 5.into();
    let named = post(s.addr, "/v1/render?format=docx", v.to_string().as_bytes());
    assert_eq!(
        named.header("content-disposition"),
        Some("attachment; filename=\"ke-hoach-05-KH-UBND.docx\"")
    );

    let archival = post(s.addr, "/v1/render?pdf_a=true", &seed_json());
    assert_eq!(archival.status, 200);
    assert!(String::from_utf8_lossy(&archival.body).contains("pdfaid"));

    request(
        s.addr,
        "POST",
        "/v1/render",
        &[("Accept", "text/html")],
        &seed_json(),
    )
    .problem(406);
    post(s.addr, "/v1/render?format=odt", &seed_json()).problem(400);
}

#[test]
fn a_bad_document_is_a_problem_that_says_where() {
    let s = server();
    let p = post(s.addr, "/v1/render", b"{\n  \"header\": {\"issuer\": 3}\n}").problem(422);
    assert_eq!(p["pointer"], "/header/issuer");
    assert_eq!(p["line"], 2);
    assert!(p["column"].as_u64().is_some());
    assert!(
        p["detail_vi"]
            .as_str()
            .unwrap()
            .starts_with("văn bản JSON không hợp lệ")
    );
    // Not JSON at all, not UTF-8, empty.
    post(s.addr, "/v1/render", b"not json").problem(422);
    post(s.addr, "/v1/render", b"\xff\xfe{").problem(422);
    post(s.addr, "/v1/render", b"").problem(422);
    // A value the model refuses.
    let mut v: serde_json::Value = serde_json::from_slice(&seed_json()).unwrap();
    v["header"]["date"]["month"] = 13.into();
    let p = post(s.addr, "/v1/render", v.to_string().as_bytes()).problem(422);
    assert!(
        p["pointer"].as_str().unwrap().starts_with("/header/date"),
        "{p}"
    );
}

#[test]
fn limits_and_unknown_routes_are_problems_too() {
    let s = start(Config {
        body_limit: 64 * 1024,
        ..Config::default()
    });
    let big = vec![b' '; 200 * 1024];
    let p = post(s.addr, "/v1/render", &big).problem(413);
    assert!(p["detail"].as_str().unwrap().contains("65536"));
    get(s.addr, "/v2/render").problem(404);
    request(s.addr, "DELETE", "/v1/types", &[], b"").problem(405);
    get(s.addr, "/v1/new/khong-co").problem(404);
}

#[test]
fn check_answers_findings_in_the_language_asked_for() {
    let s = server();
    let doc = std::fs::read(repo("fixtures/giay-moi-hop-ccn-lao-cai-2026.json")).unwrap();
    let vi = post(s.addr, "/v1/check", &doc);
    assert_eq!(vi.status, 200);
    let vi = vi.json();
    assert_eq!(vi["errors"], 1);
    let f = &vi["findings"][0];
    assert_eq!(f["rule"], "R32");
    assert_eq!(f["pointer"], "/recipients/items/0");
    assert!(f["line"].as_u64().is_some() && f["column"].as_u64().is_some());
    assert_eq!(f["message"], f["message_vi"]);
    let en = request(
        s.addr,
        "POST",
        "/v1/check",
        &[("Accept-Language", "en-US,en;q=0.8")],
        &doc,
    )
    .json();
    assert_eq!(
        en["findings"][0]["message"],
        en["findings"][0]["message_en"]
    );
    let en = post(s.addr, "/v1/check?lang=en", &doc).json();
    assert_eq!(
        en["findings"][0]["message"],
        en["findings"][0]["message_en"]
    );
    let clean = post(s.addr, "/v1/check", &seed_json()).json();
    assert_eq!(clean["errors"], 0);
    post(s.addr, "/v1/check", b"[1, 2").problem(422);
}

#[test]
fn import_reads_a_docx_or_a_text_raw_or_from_a_form() {
    let s = server();
    let docx = vanban::Renderer::new().unwrap().docx(&seed_plan()).unwrap();
    let a = post(s.addr, "/v1/import", &docx);
    assert_eq!(a.status, 200, "{}", String::from_utf8_lossy(&a.body));
    let v = a.json();
    assert_eq!(v["document"]["header"]["place"], "Đồng Đăng");
    assert!(v["report"].as_str().unwrap().contains("type: Kế hoạch"));

    let text = std::fs::read(repo(
        "fixtures/corpus/32_kehoach_tieuban-ubbc-xa-phobang_tuyentruyen-baucu.txt",
    ))
    .unwrap();
    let mut form = Vec::new();
    form.extend_from_slice(b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kh.txt\"\r\nContent-Type: text/plain\r\n\r\n");
    form.extend_from_slice(&text);
    form.extend_from_slice(b"\r\n--XyZ--\r\n");
    let b = request(
        s.addr,
        "POST",
        "/v1/import",
        &[("Content-Type", "multipart/form-data; boundary=XyZ")],
        &form,
    );
    assert_eq!(b.status, 200, "{}", String::from_utf8_lossy(&b.body));
    let v = b.json();
    assert_eq!(v["document"]["header"]["number"], 1);
    assert_eq!(v["footnotes"].as_array().unwrap().len(), 2);
    // What comes back renders.
    let again = post(s.addr, "/v1/render", v["document"].to_string().as_bytes());
    assert_eq!(again.status, 200);

    post(s.addr, "/v1/import", b"PK\x03\x04 not a zip").problem(422);
    request(
        s.addr,
        "POST",
        "/v1/import",
        &[("Content-Type", "multipart/form-data; boundary=XyZ")],
        b"--XyZ--\r\n",
    )
    .problem(400);
}

#[test]
fn types_schema_new_health_and_metrics() {
    let s = server();
    let types = get(s.addr, "/v1/types").json();
    let kh = types
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["type"] == "ke-hoach")
        .unwrap();
    assert_eq!(kh["abbreviation"], "KH");
    assert_eq!(kh["laid_out"], true);
    let schema = get(s.addr, "/v1/schema");
    assert_eq!(
        schema.header("content-type"),
        Some("application/schema+json")
    );
    assert!(schema.json()["$defs"].is_object());
    let new = get(s.addr, "/v1/new/cong-van");
    assert_eq!(new.status, 200);
    // The example renders as it is.
    assert_eq!(post(s.addr, "/v1/render", &new.body).status, 200);
    let health = get(s.addr, "/healthz").json();
    assert_eq!(health["status"], "ok");
    let metrics = String::from_utf8(get(s.addr, "/metrics").body).unwrap();
    assert!(
        metrics.contains("vanban_renders_total{type=\"cong-van\",format=\"pdf\"} 1"),
        "{metrics}"
    );
    assert!(metrics.contains("vanban_requests_total{route=\"/v1/new/{type}\",status=\"200\"} 1"));
    assert!(metrics.contains("vanban_queue_depth 0"));
}

/// One worker and no queue: of requests sent at once, those that find the
/// worker busy are answered 429 with Retry-After at once; none waits, none fails
/// otherwise.
#[test]
fn a_burst_beyond_the_queue_is_answered_429() {
    let s = start(Config {
        workers: 1,
        queue: 0,
        ..Config::default()
    });
    let long = long_plan(20).to_json().into_bytes();
    let addr = s.addr;
    let answers: Vec<Answer> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..12)
            .map(|_| scope.spawn(|| post(addr, "/v1/render", &long)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let ok = answers.iter().filter(|a| a.status == 200).count();
    let busy: Vec<&Answer> = answers.iter().filter(|a| a.status == 429).collect();
    assert_eq!(ok + busy.len(), answers.len());
    assert!(ok >= 1 && !busy.is_empty(), "{ok} ok, {} busy", busy.len());
    for b in busy {
        b.problem(429);
        assert_eq!(b.header("retry-after"), Some("1"));
    }
    let m = String::from_utf8(get(addr, "/metrics").body).unwrap();
    assert!(m.contains("vanban_errors_total{status=\"429\"}"), "{m}");
}

/// A stop lets the request in flight finish.
#[test]
fn shutdown_finishes_the_requests_in_flight() {
    let mut s = server();
    let addr = s.addr;
    let long = long_plan(40).to_json().into_bytes();
    let in_flight = std::thread::spawn(move || post(addr, "/v1/render", &long));
    // Stop once the render is being answered (this request is the other one).
    let started = std::time::Instant::now();
    while !String::from_utf8(get(addr, "/metrics").body)
        .unwrap()
        .contains("vanban_requests_in_flight 2")
    {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the render never started"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    let _ = s.stop.take().unwrap().send(());
    let a = in_flight.join().unwrap();
    assert_eq!(a.status, 200);
    assert!(a.body.starts_with(b"%PDF-"));
    s.thread.take().unwrap().join().unwrap();
    assert!(TcpStream::connect(addr).is_err());
}

/// `/openapi.json` describes what the server does: every answer below, good
/// or bad, has its status and its media type listed for its path and method,
/// and the JSON answers carry the fields their schema requires.
#[test]
fn the_server_answers_as_its_openapi_description_says() {
    let s = server();
    let api = get(s.addr, "/openapi.json").json();
    assert_eq!(api["openapi"], "3.1.0");
    assert!(api["components"]["schemas"]["Document"]["properties"]["header"].is_object());
    let seed = seed_json();
    let docx = vanban::Renderer::new().unwrap().docx(&seed_plan()).unwrap();
    let html = [("Accept", "text/html")];
    // Method, path, the path as the description names it, headers, body.
    type Case<'a> = (
        &'a str,
        &'a str,
        &'a str,
        &'a [(&'a str, &'a str)],
        &'a [u8],
    );
    let cases: Vec<Case> = vec![
        ("POST", "/v1/render?format=pdf", "/v1/render", &[], &seed),
        (
            "POST",
            "/v1/render?format=docx&pdf_a=false",
            "/v1/render",
            &[],
            &seed,
        ),
        ("POST", "/v1/render", "/v1/render", &html, &seed),
        ("POST", "/v1/render?format=rtf", "/v1/render", &[], &seed),
        ("POST", "/v1/render", "/v1/render", &[], b"{\"header\": 1}"),
        (
            "POST",
            "/v1/check?lang=en&final=true",
            "/v1/check",
            &[],
            &seed,
        ),
        ("POST", "/v1/check", "/v1/check", &[], b"[]"),
        ("POST", "/v1/import", "/v1/import", &[], &docx),
        ("POST", "/v1/import", "/v1/import", &[], b"not a document"),
        ("GET", "/v1/types", "/v1/types", &[], b""),
        ("GET", "/v1/schema", "/v1/schema", &[], b""),
        ("GET", "/v1/new/cong-van", "/v1/new/{type}", &[], b""),
        ("GET", "/v1/new/khong-co", "/v1/new/{type}", &[], b""),
        ("GET", "/healthz", "/healthz", &[], b""),
        ("GET", "/metrics", "/metrics", &[], b""),
        ("GET", "/openapi.json", "/openapi.json", &[], b""),
        ("GET", "/", "/", &[], b""),
        ("DELETE", "/v1/types", "/v1/types", &[], b""),
    ];
    let mut statuses = Vec::new();
    for (method, path, template, headers, body) in cases {
        let a = request(s.addr, method, path, headers, body);
        // A 405's method is not the path's own: it is listed on the path's operations.
        let ops = &api["paths"][template];
        assert!(ops.is_object(), "{template} is not described");
        let op = ops
            .get(method.to_ascii_lowercase())
            .or_else(|| ops.as_object().unwrap().values().next())
            .unwrap();
        let described = &op["responses"][a.status.to_string()];
        assert!(
            described.is_object(),
            "{method} {path} answered {}, which {template} does not list",
            a.status
        );
        let mime = a
            .header("content-type")
            .unwrap_or("")
            .split(';')
            .next()
            .unwrap()
            .trim();
        if let Some(content) = described.get("content") {
            assert!(
                content.get(mime).is_some(),
                "{method} {path}: {mime} is not among {content}"
            );
            if mime.ends_with("json") && !a.body.is_empty() {
                let v = a.json();
                let schema = &content[mime]["schema"];
                let schema = match schema.get("$ref").and_then(|r| r.as_str()) {
                    Some(r) => &api["components"]["schemas"][r.rsplit('/').next().unwrap()],
                    None => schema,
                };
                for key in schema["required"].as_array().into_iter().flatten() {
                    assert!(
                        v.get(key.as_str().unwrap()).is_some(),
                        "{method} {path}: no `{key}` in the answer"
                    );
                }
            }
        }
        statuses.push(a.status);
    }
    assert_eq!(
        statuses,
        [
            200, 200, 406, 400, 422, 200, 422, 200, 422, 200, 200, 200, 404, 200, 200, 200, 200,
            405
        ]
    );
}
