//! Helpers shared by the integration tests.
#![allow(dead_code)]

#[cfg(feature = "serve")]
pub mod server;

use std::io::Read;
use std::path::PathBuf;

/// A path under the repository root.
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The seed plan as a model.
pub fn seed_plan() -> vanban::Plan {
    vanban::input::plan_from_file(&repo("fixtures/ke-hoach-dong-dang-2024.json")).unwrap()
}

/// The seed plan's source text, one paragraph a line (blank lines dropped,
/// the markdown bold markers of the signature removed).
pub fn seed_paragraphs() -> Vec<String> {
    std::fs::read_to_string(repo("fixtures/ke-hoach-dong-dang-2024.txt"))
        .unwrap()
        .lines()
        .map(|l| fold(&l.replace("**", "")))
        .filter(|l| !l.is_empty())
        .collect()
}

/// Collapses every run of whitespace to one space and trims.
pub fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts that each needle occurs in `hay`, in order, without overlap.
pub fn assert_in_order(hay: &str, needles: &[String]) {
    let mut at = 0;
    for n in needles {
        match hay[at..].find(n.as_str()) {
            Some(i) => at += i + n.len(),
            None => panic!(
                "not found after byte {at}: {n:?}\n(already found before it: {:?})",
                &hay[at.saturating_sub(120)..at]
            ),
        }
    }
}

/// One part of a DOCX archive as text.
pub fn docx_part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// Breaks WordprocessingML before each paragraph, table, row and cell so a
/// snapshot can be read and diffed.
pub fn pretty_xml(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() + xml.len() / 10);
    let breaks = [
        "<w:p>",
        "<w:p ",
        "<w:tbl>",
        "<w:tr>",
        "<w:tr ",
        "<w:tc>",
        "<w:sectPr",
        "</w:tbl>",
        "</w:body>",
    ];
    let mut i = 0;
    while i < xml.len() {
        if i > 0 && breaks.iter().any(|b| xml[i..].starts_with(b)) {
            out.push('\n');
        }
        let c = xml[i..].chars().next().unwrap();
        out.push(c);
        i += c.len_utf8();
    }
    out.push('\n');
    out
}

/// The text of every paragraph of a DOCX (tables row by row, cell by cell), folded.
pub fn docx_text(docx: &[u8]) -> String {
    let d = docx_rs::read_docx(docx).unwrap();
    let v: serde_json::Value = serde_json::from_str(&d.json()).unwrap();
    let mut out = Vec::new();
    collect_text(&v["document"]["children"], &mut out);
    fold(&out.join(" "))
}

fn collect_text(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Array(items) => items.iter().for_each(|i| collect_text(i, out)),
        serde_json::Value::Object(m) => {
            if m.get("type").and_then(|t| t.as_str()) == Some("paragraph") {
                let mut s = String::new();
                para_text(&m["data"], &mut s);
                out.push(s);
            } else {
                m.values().for_each(|i| collect_text(i, out));
            }
        }
        _ => {}
    }
}

fn para_text(v: &serde_json::Value, s: &mut String) {
    match v {
        serde_json::Value::Array(items) => items.iter().for_each(|i| para_text(i, s)),
        serde_json::Value::Object(m) => {
            if m.get("type").and_then(|t| t.as_str()) == Some("text") {
                s.push_str(m["data"]["text"].as_str().unwrap_or(""));
            } else if let Some(c) = m.get("children") {
                para_text(c, s);
            } else if let Some(d) = m.get("data") {
                para_text(d, s);
            }
        }
        _ => {}
    }
}

/// Whether an external program runs. When it does not and `VANBAN_REQUIRE_TOOLS` is
/// set (CI sets it after installing them), the test fails instead of being skipped.
pub fn have_tool(program: &str, test: &str) -> bool {
    let ok = std::process::Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success() || !o.stderr.is_empty() || !o.stdout.is_empty());
    if !ok {
        if std::env::var_os("VANBAN_REQUIRE_TOOLS").is_some() {
            panic!(
                "{test}: `{program}` is required (VANBAN_REQUIRE_TOOLS is set) but does not run"
            );
        }
        eprintln!(
            "SKIPPED {test}: `{program}` is not installed (Debian: poppler-utils, libreoffice-writer-nogui)"
        );
    }
    ok
}

/// `pdftotext -layout` of a PDF file, NFC, one entry per page.
pub fn pdftotext_pages(pdf: &std::path::Path) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext failed");
    let text: String = String::from_utf8(out.stdout).unwrap().nfc().collect();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    while pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// A scratch directory unique to this process and `name`.
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vanban-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A plan of about `copies` times the seed's body: for long-document tests.
pub fn long_plan(copies: usize) -> vanban::Plan {
    let mut plan = seed_plan();
    let body = plan.sections.clone();
    for _ in 1..copies {
        plan.sections.extend(body.iter().cloned());
    }
    plan
}

/// A corpus document with tables, as a plan: the plans 03, 05 and 06 as imported;
/// for the Quyết định 15 and the Công điện 29, which the plan importer does not
/// read, their tables in an appendix of the seed plan.
pub fn corpus_table_plan(n: &str) -> vanban::Plan {
    let dir = repo("fixtures/corpus");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{n}_"))
        })
        .unwrap();
    if ["03", "05", "06"].contains(&n) {
        return vanban::import::import_file(&path).unwrap().plan;
    }
    let seed = std::fs::read_to_string(repo("fixtures/ke-hoach-dong-dang-2024.txt")).unwrap();
    let rows: Vec<String> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with('|'))
        .map(str::to_string)
        .collect();
    let text = format!(
        "{seed}\nPhụ lục\nBẢNG CỦA VĂN BẢN {n}\n{}\n",
        rows.join("\n")
    );
    let import = vanban::import::import_text(&text).unwrap();
    assert_eq!(import.plan.appendices.len(), 1, "{n}");
    import.plan
}
