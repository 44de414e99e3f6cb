//! The `vanban` binary: rendering, help, and bad input that must not leave files behind.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::repo;

fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .env_remove("VANBAN_FONT_DIR")
        .output()
        .unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vanban-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn renders_the_seed_to_docx() {
    let dir = scratch("ok");
    let out = dir.join("seed.docx");
    let seed = repo("fixtures/ke-hoach-dong-dang-2024.json");
    let o = vanban(&[
        "render",
        seed.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&out).unwrap();
    assert_eq!(&bytes[..2], b"PK");
    // No temporary file is left beside the output.
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn help_explains_with_an_example() {
    for args in [&["--help"][..], &["render", "--help"][..]] {
        let o = vanban(args);
        assert!(o.status.success());
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(
            text.contains("vanban render fixtures/ke-hoach-dong-dang-2024.json -o"),
            "{text}"
        );
    }
}

/// Writes `json` as the input, keeps a good file at the output path, runs render,
/// and returns stderr after checking the exit code and that the good file survived.
fn bad_input(name: &str, json: &str) -> String {
    let dir = scratch(name);
    let input = dir.join("plan.json");
    std::fs::write(&input, json).unwrap();
    let out = dir.join("plan.docx");
    std::fs::write(&out, b"previous good file").unwrap();
    let fresh = dir.join("fresh.docx");
    for target in [&out, &fresh] {
        let o = vanban(&[
            "render",
            input.to_str().unwrap(),
            "-o",
            target.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    }
    assert_eq!(std::fs::read(&out).unwrap(), b"previous good file");
    assert!(!Path::new(&fresh).exists(), "no output may be written");
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "stray files: {names:?}");
    let o = vanban(&[
        "render",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    stderr(&o)
}

fn seed_json() -> String {
    std::fs::read_to_string(repo("fixtures/ke-hoach-dong-dang-2024.json")).unwrap()
}

#[test]
fn malformed_json() {
    let err = bad_input("malformed", "{\n  \"header\": {,\n}");
    assert!(err.contains("plan.json: line 2, column 14"), "{err}");
}

#[test]
fn missing_required_field() {
    let json = seed_json().replace("\"issuer_abbr\": \"UBND\",", "");
    let err = bad_input("missing", &json);
    assert!(err.contains("missing field `issuer_abbr`"), "{err}");
    assert!(err.contains("at `header`"), "{err}");
}

#[test]
fn unknown_field() {
    let json = seed_json().replacen("\"run_in\"", "\"runin\"", 1);
    let err = bad_input("unknown", &json);
    assert!(err.contains("unknown field `runin`"), "{err}");
    assert!(
        err.contains("at `sections[1].sections[2].sections[0].runin`"),
        "{err}"
    );
    assert!(err.contains(", column "), "{err}");
}

#[test]
fn wrong_type() {
    let json = seed_json().replace("\"month\": 3", "\"month\": \"ba\"");
    let err = bad_input("type", &json);
    assert!(err.contains("at `header.date.month`"), "{err}");
    assert!(err.contains("expected u8"), "{err}");
}

#[test]
fn missing_input_file() {
    let dir = scratch("noinput");
    let out = dir.join("x.docx");
    let o = vanban(&[
        "render",
        dir.join("nope.json").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nope.json"), "{}", stderr(&o));
    assert!(!out.exists());
}

#[test]
fn unknown_output_extension_is_refused() {
    let seed = repo("fixtures/ke-hoach-dong-dang-2024.json");
    let o = vanban(&["render", seed.to_str().unwrap(), "-o", "/tmp/x.odt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("extension"), "{}", stderr(&o));
}

#[test]
fn renders_the_seed_to_pdf_and_pdf_a() {
    let dir = scratch("pdf");
    let seed = repo("fixtures/ke-hoach-dong-dang-2024.json");
    for (name, extra) in [("seed.pdf", None), ("seed-a.pdf", Some("--pdf-a"))] {
        let out = dir.join(name);
        let mut args = vec![
            "render",
            seed.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ];
        args.extend(extra);
        let o = vanban(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
    }
}

#[test]
fn missing_glyph_fails_without_writing() {
    let dir = scratch("glyph");
    let json = seed_json().replace("\"summary\": \"Xây dựng", "\"summary\": \"漢字 Xây dựng");
    let input = dir.join("plan.json");
    std::fs::write(&input, json).unwrap();
    let out = dir.join("plan.pdf");
    let o = vanban(&[
        "render",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("U+6F22"), "{}", stderr(&o));
    assert!(!out.exists());
}

#[test]
fn font_dir_by_option_and_environment() {
    let dir = scratch("fontdir");
    let seed = repo("fixtures/ke-hoach-dong-dang-2024.json");
    let fonts = repo("assets/fonts");
    let a = dir.join("a.pdf");
    let o = vanban(&[
        "render",
        seed.to_str().unwrap(),
        "-o",
        a.to_str().unwrap(),
        "--font-dir",
        fonts.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The same faces as the built-in ones give the same file.
    let b = dir.join("b.pdf");
    let o = vanban(&["render", seed.to_str().unwrap(), "-o", b.to_str().unwrap()]);
    assert!(o.status.success());
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    // A directory without the faces is an error naming the files looked for.
    let c = dir.join("c.pdf");
    let o = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["render", seed.to_str().unwrap(), "-o", c.to_str().unwrap()])
        .env("VANBAN_FONT_DIR", dir.to_str().unwrap())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("times.ttf"), "{}", stderr(&o));
    assert!(!c.exists());
}

#[test]
fn import_writes_json_that_renders() {
    let dir = scratch("import");
    let json = dir.join("plan.json");
    let txt = repo("fixtures/corpus/01_kehoach_hanoi_festival173.txt");
    let o = vanban(&[
        "import",
        txt.to_str().unwrap(),
        "-o",
        json.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report = stderr(&o);
    assert!(report.contains("number: 173/KH-UBND"), "{report}");
    assert!(report.contains("signer: Vũ Đại Thắng"), "{report}");
    assert!(report.contains("unplaced lines: none"), "{report}");
    let pdf = dir.join("plan.pdf");
    let o = vanban(&[
        "render",
        json.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn import_refuses_what_is_not_a_plan() {
    let dir = scratch("import-no");
    let json = dir.join("plan.json");
    let txt = dir.join("hop-dong.txt");
    std::fs::write(
        &txt,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nHỢP ĐỒNG\n\
         Căn cứ Bộ luật Dân sự năm 2015;\nHôm nay, ngày 05 tháng 3 năm 2026, chúng tôi gồm:\n",
    )
    .unwrap();
    let o = vanban(&[
        "import",
        txt.to_str().unwrap(),
        "-o",
        json.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("HỢP ĐỒNG is not a document vanban reads"),
        "{}",
        stderr(&o)
    );
    assert!(!json.exists());
}

#[test]
fn schema_prints_the_model_schema() {
    let o = vanban(&["schema"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let schema: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(schema["title"], "Document");
    let types = schema["$defs"]["DocType"]["enum"].as_array().unwrap();
    assert_eq!(types.len(), vanban::model::DocType::all().count());
}
