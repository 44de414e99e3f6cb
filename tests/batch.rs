//! `vanban batch`: a Giấy mời for each of 300 delegates, rows with planted
//! faults reported while the others render, the same bytes on every run.

mod common;

use std::io::Read;
use std::process::Command;

use common::*;
use vanban::batch::{DirSink, Format, Options, Rows, Sink, ZipSink, csv_rows, read_rows, run};

fn base() -> String {
    std::fs::read_to_string(repo("fixtures/batch/giay-moi-hop-ccn.json")).unwrap()
}

fn zip_names(path: &std::path::Path) -> Vec<String> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..z.len())
        .map(|k| z.by_index(k).unwrap().name().to_string())
        .collect()
}

fn zip_file(path: &std::path::Path, name: &str) -> Vec<u8> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = Vec::new();
    z.by_name(name).unwrap().read_to_end(&mut out).unwrap();
    out
}

#[test]
fn three_hundred_invitations_to_a_zip_the_same_bytes_each_time() {
    let rows = read_rows(&repo("fixtures/batch/dai-bieu-300.csv")).unwrap();
    assert_eq!(rows.rows.len(), 300);
    assert_eq!(
        rows.headers[0], "Họ và tên",
        "the BOM is not part of the header"
    );
    let dir = scratch_dir("batch_300");
    let r = vanban::Renderer::new().unwrap();
    let mut zips = Vec::new();
    for k in 0..2 {
        let path = dir.join(format!("out-{k}.zip"));
        let mut sink = ZipSink::new(&path).unwrap();
        let s = run(&r, &base(), &rows, &Options::default(), &mut sink).unwrap();
        Box::new(sink).finish().unwrap();
        assert_eq!((s.rows, s.entries.len(), s.failed.len()), (300, 300, 0));
        zips.push(std::fs::read(&path).unwrap());
    }
    assert_eq!(zips[0], zips[1], "the output depends on thread timing");
    let path = dir.join("out-0.zip");
    let names = zip_names(&path);
    assert_eq!(names.len(), 302);
    assert_eq!(names[0], "002-giay-moi-100.pdf");
    assert_eq!(names[299], "301-giay-moi-399.pdf");
    assert_eq!(&names[300..], ["manifest.json", "errors.csv"]);
    // Each invitation names its delegate; the manifest says what each file is.
    let manifest: serde_json::Value =
        serde_json::from_slice(&zip_file(&path, "manifest.json")).unwrap();
    assert_eq!(manifest[0]["type"], "giay-moi");
    assert_eq!(manifest[0]["number"], 100);
    assert_eq!(manifest[0]["pages"], 2);
    let pdf = zip_file(&path, "002-giay-moi-100.pdf");
    use sha2::Digest;
    let hex: String = sha2::Sha256::digest(&pdf)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(manifest[0]["sha256"], hex);
    if have_tool("pdftotext", "batch_300") {
        let file = dir.join("one.pdf");
        std::fs::write(&file, &pdf).unwrap();
        let text = fold(&pdftotext_pages(&file).join("\n"));
        let first = &rows.rows[0];
        assert!(
            text.contains(&format!("Kính gửi: {}, {}", first[0], first[1])),
            "{text}"
        );
        assert!(text.contains("Số: 100/GM-UBND"), "{text}");
    }
}

#[test]
fn bad_rows_are_reported_and_the_others_render() {
    let dir = scratch_dir("batch_faults");
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["batch"])
        .arg(repo("fixtures/batch/giay-moi-hop-ccn.json"))
        .arg(repo("fixtures/batch/dai-bieu-loi.csv"))
        .arg("-o")
        .arg(dir.join("out"))
        .args(["--format", "pdf,docx"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "row 3, column «/header/number», at /header/number: «mười ba» is not a whole number"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("row 4, at /header/date: day 31"),
        "{stderr}"
    );
    assert!(
        stderr.contains("row 5, at /addressees/0") && stderr.contains("U+0007"),
        "{stderr}"
    );
    assert!(stderr.contains("1 of 4 rows rendered, 2 files"), "{stderr}");
    let errors = std::fs::read_to_string(dir.join("out/errors.csv")).unwrap();
    let errors = csv_rows(errors.as_bytes()).unwrap();
    assert_eq!(errors.headers, ["row", "column", "pointer", "message"]);
    assert_eq!(
        errors
            .rows
            .iter()
            .map(|r| r[0].as_str())
            .collect::<Vec<_>>(),
        ["3", "4", "5"]
    );
    assert!(dir.join("out/002-giay-moi-12.pdf").exists());
    assert!(dir.join("out/002-giay-moi-12.docx").exists());
}

#[test]
fn a_placeholder_without_its_column_stops_before_anything_is_written() {
    let dir = scratch_dir("batch_placeholder");
    let base = dir.join("base.json");
    std::fs::write(&base, base_with("{{ Họ và tên }}, {{ Đơn vị }}")).unwrap();
    let zip = dir.join("out.zip");
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .arg("batch")
        .arg(&base)
        .arg(repo("fixtures/batch/dai-bieu-300.csv"))
        .arg("-o")
        .arg(&zip)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("addressees[0]") && stderr.contains("«{{ Đơn vị }}» names no column"),
        "{stderr}"
    );
    assert!(!zip.exists());
    assert!(
        std::fs::read_dir(&dir).unwrap().count() == 1,
        "a temporary file was left"
    );
}

fn base_with(addressee: &str) -> String {
    let mut v: serde_json::Value = serde_json::from_str(&base()).unwrap();
    v["addressees"] = serde_json::json!([addressee]);
    v.to_string()
}

#[test]
fn json_rows_names_collisions_and_check_only() {
    let rows = vanban::batch::json_rows(
        r#"[{"Họ và tên": "Đồng chí A", "Chức vụ": "Giám đốc", "/header/number": 7},
            {"Họ và tên": "Đồng chí A", "Chức vụ": "Phó Giám đốc", "/header/number": null}]"#
            .as_bytes(),
    )
    .unwrap();
    let r = vanban::Renderer::new().unwrap();
    let dir = scratch_dir("batch_names");
    let mut sink = DirSink::new(&dir).unwrap();
    let opts = Options {
        formats: vec![Format::Docx],
        name: Some("{{ Họ và tên }}/{{ row }}?".into()),
        ..Options::default()
    };
    let s = run(&r, &base(), &rows, &opts, &mut sink).unwrap();
    let files: Vec<&str> = s.entries.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(files, ["Đồng chí A-2.docx", "Đồng chí A-3.docx"]);
    assert_eq!(
        s.entries[1].number, None,
        "an empty number is a draft's blank"
    );
    // Same names from the pattern: numbered.
    let opts = Options {
        name: Some("{{ Họ và tên }}".into()),
        ..opts
    };
    let s = run(
        &r,
        &base(),
        &rows,
        &opts,
        &mut DirSink::new(&dir.join("b")).unwrap(),
    )
    .unwrap();
    let files: Vec<&str> = s.entries.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(files, ["Đồng chí A.docx", "Đồng chí A-2.docx"]);
    // Check only: every row validated, nothing written.
    let empty = dir.join("c");
    let mut sink = DirSink::new(&empty).unwrap();
    let s = run(
        &r,
        &base(),
        &rows,
        &Options {
            check_only: true,
            ..Options::default()
        },
        &mut sink,
    )
    .unwrap();
    assert_eq!((s.entries.len(), s.failed.len()), (0, 0));
    assert_eq!(std::fs::read_dir(&empty).unwrap().count(), 0);
    // A row table must name its columns once each.
    assert!(csv_rows("a,a\n1,2\n".as_bytes()).is_err());
    // UTF-16 with its BOM, tab-separated, as Excel's «Unicode Text» saves it.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Họ và tên\tx\nA\t1\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    assert_eq!(csv_rows(&utf16).unwrap().headers, ["Họ và tên", "x"]);
    let _ = Rows::default();
}

/// The same 300 rows from a workbook (numbers as the sheet shows them), and a
/// CSV that an old Excel saved in Windows-1258, its tone marks composed.
#[test]
fn rows_from_a_workbook_and_from_windows_1258() {
    let csv = read_rows(&repo("fixtures/batch/dai-bieu-300.csv")).unwrap();
    let xlsx = read_rows(&repo("fixtures/batch/dai-bieu-300.xlsx")).unwrap();
    assert_eq!(xlsx, csv);
    let old = read_rows(&repo("fixtures/batch/dai-bieu-windows-1258.csv")).unwrap();
    assert_eq!(old.headers, ["Họ và tên", "Chức vụ", "/header/number"]);
    assert_eq!(old.rows[0][0], "Đồng chí Nguyễn Văn Việt");
    assert!(unicode_normalization::is_nfc(&old.rows[1][1]));
    assert_eq!(vanban::batch::serial_date(46189.0), "16/06/2026");
}

/// A Quyết định khen thưởng for each of 80 people, named by its number and the
/// person (a pointer column's cell serves in the name too).
#[test]
fn a_decision_for_each_person() {
    let rows = read_rows(&repo("fixtures/batch/khen-thuong-80.csv")).unwrap();
    let base = std::fs::read_to_string(repo("fixtures/batch/quyet-dinh-khen-thuong.json")).unwrap();
    let dir = scratch_dir("batch_khen_thuong");
    let opts = Options {
        name: Some("{{ /header/number }}-QĐ-{{ Họ và tên }}".into()),
        ..Options::default()
    };
    let r = vanban::Renderer::new().unwrap();
    let s = run(&r, &base, &rows, &opts, &mut DirSink::new(&dir).unwrap()).unwrap();
    assert_eq!((s.entries.len(), s.failed.len()), (80, 0));
    let first = &s.entries[0];
    assert_eq!(first.file, format!("201-QĐ-{}.pdf", rows.rows[0][0]));
    assert_eq!((first.doc_type, first.number), ("quyet-dinh", Some(201)));
    assert!(dir.join(&first.file).exists());
}

#[test]
fn one_merged_pdf_for_printing_each_document_numbered_on_its_own() {
    if !have_tool("pdftotext", "merged_pdf") {
        return;
    }
    let dir = scratch_dir("batch_merged");
    let merged = dir.join("in-tat-ca.pdf");
    // The faults file: rows 3 to 5 fail, row 2 renders; then the 300 delegates.
    for (rows, docs) in [("dai-bieu-loi.csv", 1usize), ("dai-bieu-300.csv", 300)] {
        let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(["batch"])
            .arg(repo("fixtures/batch/giay-moi-hop-ccn.json"))
            .arg(repo(&format!("fixtures/batch/{rows}")))
            .arg("-o")
            .arg(dir.join(format!("{rows}.zip")))
            .arg("--merged-pdf")
            .arg(&merged)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.code() == Some(if docs == 1 { 1 } else { 0 }),
            "{stderr}"
        );
        let pages = pdftotext_pages(&merged);
        // Each Giấy mời has two pages, and the merged file holds them in row order.
        assert_eq!(pages.len(), 2 * docs, "{stderr}");
        assert!(
            stderr.contains(&format!("{} pages merged into", 2 * docs)),
            "{stderr}"
        );
        if docs == 300 {
            for (k, number) in [(0, 100), (1, 101), (299, 399)] {
                let first = &pages[2 * k];
                assert!(first.contains(&format!("Số: {number}/GM-UBND")), "{first}");
                // Page 1 carries no number; the second page of every document is «2».
                assert_eq!(pages[2 * k + 1].split_whitespace().next(), Some("2"));
            }
            let zip = std::fs::metadata(dir.join(format!("{rows}.zip")))
                .unwrap()
                .len();
            let pdf = std::fs::metadata(&merged).unwrap().len();
            // One copy of each font for the whole print run.
            assert!(pdf * 4 < zip, "merged {pdf} bytes, the rows' files {zip}");
        }
    }
    // `--merged-pdf` alone: no directory or ZIP is needed.
    let alone = dir.join("alone.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["batch"])
        .arg(repo("fixtures/batch/quyet-dinh-khen-thuong.json"))
        .arg(repo("fixtures/batch/khen-thuong-80.csv"))
        .arg("--merged-pdf")
        .arg(&alone)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("80 of 80 rows rendered, 0 files"));
    assert!(pdftotext_pages(&alone).len() >= 80);
}
