//! One regression test for each finding of the bad-input battery and the fuzzer
//! (`fixtures/reliability/`, numbered as the findings are): data never corrupted,
//! files never damaged, no hang, no crash, bounded memory, clear errors.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::repo;

fn input(name: &str) -> PathBuf {
    repo(&format!("fixtures/reliability/{name}"))
}

fn seed() -> PathBuf {
    repo("fixtures/ke-hoach-dong-dang-2024.json")
}

fn vanban(args: &[&str]) -> Output {
    vanban_in(args, None)
}

/// Runs the binary, killing it (and failing) after 60 s: a hang is a failure.
fn vanban_in(args: &[&str], dir: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vanban"));
    cmd.args(args)
        .env_remove("VANBAN_FONT_DIR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let mut child = cmd.spawn().unwrap();
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("vanban {args:?} ran over 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The run failed, and its message says `what`.
fn assert_refused(o: &Output, what: &str) {
    assert!(
        !o.status.success() && err(o).contains(what),
        "expected a refusal saying «{what}»: {}",
        err(o)
    );
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Every string of a JSON value with its path.
fn strings(v: &serde_json::Value, at: &str, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::String(s) => out.push((at.to_string(), s.clone())),
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                strings(x, &format!("{at}[{i}]"), out);
            }
        }
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                strings(x, &format!("{at}.{k}"), out);
            }
        }
        _ => {}
    }
}

fn changed_strings(before: &Path, after: &Path) -> Vec<(String, String, String)> {
    let read = |f: &Path| -> Vec<(String, String)> {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        let mut out = Vec::new();
        strings(&v, "", &mut out);
        out
    };
    let (a, b) = (read(before), read(after));
    let b: std::collections::HashMap<_, _> = b.into_iter().collect();
    a.into_iter()
        .filter_map(|(k, v)| match b.get(&k) {
            Some(w) if *w != v => Some((k, v, w.clone())),
            None => Some((k, v, String::new())),
            _ => None,
        })
        .collect()
}

// 1. One legacy word does not make the whole document legacy.
#[test]
fn f01_one_legacy_word_changes_only_that_word() {
    let dir = tempfile::tempdir().unwrap();
    for (name, path, after) in [
        (
            "legacy-vni-word-planted.json",
            ".recipients.items[8]",
            "Ghi chú",
        ),
        (
            "legacy-tcvn3-line-planted.json",
            ".recipients.items[8]",
            "Kế hoạch phát triển kinh tế xã hội",
        ),
    ] {
        let out = dir.path().join("o.json");
        let o = vanban(&["check", p(&input(name)), "--fix", "-o", p(&out)]);
        assert_eq!(o.status.code(), Some(1), "{}", err(&o));
        let changed = changed_strings(&input(name), &out);
        assert_eq!(changed.len(), 1, "{name}: {changed:?}");
        assert_eq!(changed[0].0, path);
        assert_eq!(changed[0].2, after);
    }
}

// 2. A Unicode line in a TCVN3 document keeps its words.
#[test]
fn f02_unicode_line_in_a_tcvn3_document_is_kept() {
    let text = std::fs::read_to_string(input("legacy-tcvn3-doc-with-unicode-line.txt")).unwrap();
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let at = lines
        .iter()
        .position(|l| l.contains("nhân dân thành phố Hà Nội"))
        .expect("the Unicode line");
    let fixed = vanban::check::fix_lines(&lines, false);
    assert_eq!(fixed[at], lines[at]);
    // Even when the user says the document is legacy throughout.
    assert_eq!(vanban::check::fix_lines(&lines, true)[at], lines[at]);
    // The legacy lines around it are converted.
    assert!(fixed.iter().any(|l| l.contains("Thực hiện Kế hoạch")));
}

// 3. A line break in a cell is a paragraph break, not a control character.
#[test]
fn f03_fix_keeps_line_breaks() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["cell-newline.json", "text-tabs_nl.json"] {
        let out = dir.path().join("o.json");
        let o = vanban(&["check", p(&input(name)), "--fix", "-o", p(&out)]);
        assert!(!err(&o).contains("CONTROL"), "{name}: {}", err(&o));
        let o = String::from_utf8_lossy(&vanban(&["check", p(&input(name))]).stdout).to_string();
        assert!(!o.contains("CONTROL"), "{name}: {o}");
        for (path, before, after) in changed_strings(&input(name), &out) {
            assert_eq!(
                before.matches(['\n', '\r', '\u{85}', '\u{2028}']).count(),
                after.matches('\n').count(),
                "{name} {path}: «{before}» → «{after}»"
            );
        }
    }
}

// 4. Invalid UTF-8: check refuses it as render does.
#[test]
fn f04_invalid_utf8_is_refused_by_check_too() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("o.json");
    let o = vanban(&["check", p(&input("badutf8.json")), "--fix", "-o", p(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("not UTF-8") && err(&o).contains("line "),
        "{}",
        err(&o)
    );
    assert!(!out.exists());
    let o = vanban(&[
        "render",
        p(&input("badutf8.json")),
        "-o",
        p(&dir.path().join("x.docx")),
    ]);
    assert_refused(&o, "not UTF-8");
}

// 5. The input is never overwritten by the output.
#[test]
fn f05_output_that_is_the_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("d.txt");
    std::fs::copy(repo("fixtures/ke-hoach-dong-dang-2024.txt"), &doc).unwrap();
    let before = std::fs::read(&doc).unwrap();
    let o = vanban(&["import", p(&doc), "-o", p(&doc)]);
    assert_refused(&o, "is the input");
    let o = vanban(&["check", p(&doc), "--fix", "-o", p(&doc)]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert_eq!(std::fs::read(&doc).unwrap(), before);
}

// 6. A link planted under a predictable temporary name is not followed.
#[cfg(unix)]
#[test]
fn f06_planted_symlinks_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let precious = dir.path().join("precious.txt");
    std::fs::write(&precious, "precious").unwrap();
    // Links under every name the old scheme could pick, for the next few pids.
    let out = dir.path().join("out.docx");
    for pid in 0..64 {
        let _ =
            std::os::unix::fs::symlink(&precious, dir.path().join(format!(".out.docx.{pid}.tmp")));
    }
    let o = vanban(&["render", p(&seed()), "-o", p(&out)]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "precious");
    assert!(
        !std::fs::symlink_metadata(&out)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

// 7. A font that cannot draw is refused, not embedded as blank pages.
#[test]
fn f07_truncated_fonts_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.pdf");
    let o = vanban(&[
        "render",
        p(&seed()),
        "-o",
        p(&out),
        "--font-dir",
        p(&input("fd-trunc5")),
    ]);
    assert!(!o.status.success());
    assert!(err(&o).contains("damaged or cut short"), "{}", err(&o));
    assert!(!out.exists());
}

// 8. Malformed document.xml: an error naming the part and the position, at once.
#[test]
fn f08_malformed_docx_never_hangs() {
    for name in [
        "hang-eof-in-text.docx",
        "hang-eof-in-tc.docx",
        "hang2-mismatch.docx",
        "hang2-unbound.docx",
        "fuzz-timeout-536a233c124c.docx",
        "fuzz-timeout-c5c0113db6dc.docx",
    ] {
        let started = Instant::now();
        let bytes = std::fs::read(input(name)).unwrap();
        let e = vanban::import::docx::lines(&bytes).unwrap_err().to_string();
        assert!(started.elapsed() < Duration::from_secs(5), "{name}");
        assert!(e.contains("word/document.xml"), "{name}: {e}");
        let o = vanban(&["check", p(&input(name))]);
        assert_eq!(o.status.code(), Some(2), "{name}");
    }
    let e = vanban::import::docx::lines(&std::fs::read(input("hang2-mismatch.docx")).unwrap())
        .unwrap_err()
        .to_string();
    assert!(e.contains("line 1, column 108"), "{e}");
}

// 9. An empty document, or one whose closing block comes first: exit 2, no panic.
#[test]
fn f09_check_of_empty_or_disordered_text_is_an_error() {
    for name in ["empty.txt", "check-closing-before-title.txt"] {
        let o = vanban(&["check", p(&input(name))]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", err(&o));
        assert!(!err(&o).contains("panicked"), "{}", err(&o));
    }
    let none: [String; 0] = [];
    assert!(vanban::check::check_lines(&none, &Default::default()).is_err());
}

// 10. Tables nested 1000 deep: refused at the limit, no stack overflow.
#[test]
fn f10_deeply_nested_tables_are_refused() {
    let o = vanban(&["import", p(&input("docx-nested-tables-1000.docx"))]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(
        err(&o).contains("nests tables more than 32 deep"),
        "{}",
        err(&o)
    );
}

// 11. Recursive templates: refused before rendering.
#[test]
fn f11_recursive_templates_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for t in ["tpl-include-self", "tpl-macro-recursive"] {
        let o = vanban(&[
            "render",
            p(&seed()),
            "-o",
            p(&dir.path().join("x.docx")),
            "--templates",
            p(&input(t)),
        ]);
        assert_eq!(o.status.code(), Some(1), "{t}");
        assert!(err(&o).contains("may not recurse"), "{t}: {}", err(&o));
    }
}

// 12. Zip bombs: refused by the size or the paragraph limit.
#[test]
fn f12_docx_bombs_are_refused() {
    let bytes = std::fs::read(input("docx-bomb-200m-paras.docx")).unwrap();
    let e = vanban::import::docx::lines(&bytes).unwrap_err().to_string();
    assert!(e.contains("over the limit"), "{e}");
    let bytes = std::fs::read(input("docx-bomb-20m-paras.docx")).unwrap();
    let e = vanban::import::docx::lines(&bytes).unwrap_err().to_string();
    assert!(e.contains("paragraphs, over the limit"), "{e}");
    // The limits are the library's to set.
    let small = vanban::import::docx::Limits {
        part_bytes: 1000,
        ..Default::default()
    };
    let ours = vanban::Renderer::new()
        .unwrap()
        .docx(&common::seed_plan())
        .unwrap();
    assert!(vanban::import::docx::lines(&ours).is_ok());
    assert!(vanban::import::docx::lines_with(&ours, &small).is_err());
}

// 13. A runaway template loop: a clear error, not all the memory.
#[test]
fn f13_runaway_template_loop_is_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let o = vanban(&[
        "render",
        p(&seed()),
        "-o",
        p(&dir.path().join("x.docx")),
        "--templates",
        p(&input("tpl-loop")),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("over the limit"), "{}", err(&o));
}

// 14. A very long word is laid out in linear time (the layout, not the process).
#[test]
fn f14_long_word_layout_is_linear() {
    let r = vanban::Renderer::new().unwrap();
    let time = |n: usize| {
        let mut plan = common::seed_plan();
        plan.sections[0].content = vec![vanban::model::Block::Paragraph(
            "x".repeat(n).as_str().into(),
        )];
        let started = Instant::now();
        let pages = r.pages(&plan).unwrap();
        assert!(pages.text_lines().len() > n / 100);
        started.elapsed()
    };
    let small = time(25_000);
    let large = time(200_000);
    // Eight times the text: quadratic would be 64 times the time.
    assert!(large < small * 24, "25k: {small:?}, 200k: {large:?}");
}

// 15. A closed pipe ends the program quietly.
#[test]
fn f15_closed_pipe_is_quiet() {
    for args in [
        vec!["import", "fixtures/reliability/txt-50k-lines.txt"],
        vec!["check", "fixtures/reliability/txt-50k-lines.txt"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(&args)
            .current_dir(repo(""))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        assert!(!err(&o).contains("panicked"), "{args:?}: {}", err(&o));
        assert_ne!(o.status.code(), Some(101), "{args:?}");
    }
}

// 16. With several outputs, nothing is replaced unless every one is written.
#[test]
fn f16_all_outputs_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.docx");
    std::fs::write(&a, "OLD").unwrap();
    let o = vanban(&[
        "render",
        p(&seed()),
        "-o",
        p(&a),
        "-o",
        "/nonexistent/b.pdf",
    ]);
    assert!(!o.status.success());
    assert_eq!(std::fs::read_to_string(&a).unwrap(), "OLD");
}

// 17. Replacing an output keeps its permissions and a symlink; hard links are refused.
#[cfg(unix)]
#[test]
fn f17_replacing_keeps_metadata() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.docx");
    assert!(
        vanban(&["render", p(&seed()), "-o", p(&out)])
            .status
            .success()
    );
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert!(
        vanban(&["render", p(&seed()), "-o", p(&out)])
            .status
            .success()
    );
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // A symlinked output is written through: the link stays, its target is new.
    let target = dir.path().join("real.docx");
    std::fs::write(&target, "OLD").unwrap();
    let link = dir.path().join("link.docx");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert!(
        vanban(&["render", p(&seed()), "-o", p(&link)])
            .status
            .success()
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(&std::fs::read(&target).unwrap()[..2], b"PK");
    // A file with another hard link is refused, both names keep the old bytes.
    let other = dir.path().join("other.docx");
    std::fs::hard_link(&target, &other).unwrap();
    let o = vanban(&["render", p(&seed()), "-o", p(&target)]);
    assert_refused(&o, "hard links");
}

// 18. 29 February only in leap years; no invalid date reaches the PDF/A metadata.
#[test]
fn f18_february_29_only_in_leap_years() {
    let json = std::fs::read_to_string(input("date-29-2-2023.json")).unwrap();
    let e = vanban::input::plan_from_json(&json, None)
        .unwrap_err()
        .to_string();
    assert!(e.contains("day 29 is not between 1 and 28"), "{e}");
    let leap = json.replace("2023", "2024");
    assert!(vanban::input::plan_from_json(&leap, None).is_ok());
}

// 19. Sections deeper than the limit: an error at the JSON path.
#[test]
fn f19_deep_sections_fail_at_their_path() {
    let json = std::fs::read_to_string(input("deep-sections-10.json")).unwrap();
    let e = vanban::input::plan_from_json(&json, None)
        .unwrap_err()
        .to_string();
    assert!(e.contains("nest at most 9 deep"), "{e}");
    assert!(e.contains("line "), "{e}");
    let o = vanban(&["check", p(&input("deep-sections-10.json"))]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
}

// 20. Control characters and non-characters: refused with their JSON path.
#[test]
fn f20_control_characters_are_refused_with_their_path() {
    for name in ["text-uffff.json", "text-ctrl.json"] {
        let json = std::fs::read_to_string(input(name)).unwrap();
        let e = vanban::input::plan_from_json(&json, None)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("at `") && e.contains("does not print"),
            "{name}: {e}"
        );
        let report = vanban::check::check_json(&json, &Default::default()).unwrap();
        assert!(
            report.findings.iter().any(|f| f.rule == "CONTROL"),
            "{name}"
        );
        let (plan, _) = vanban::check::fix_json(&json).unwrap();
        assert!(
            vanban::Renderer::new().unwrap().docx(&plan).is_ok(),
            "{name}"
        );
    }
}

// 21. check's positions are the input's own lines and columns.
#[test]
fn f21_check_positions_are_real() {
    let o = vanban(&["check", p(&input("table-colspan-0.json"))]);
    let e = err(&o);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(!e.contains("line 1, column"), "{e}");
    let json = std::fs::read_to_string(seed()).unwrap();
    let with_tab = json.replace("\"Phòng Nội vụ\"", "\"Phòng  Nội vụ\"");
    let report = vanban::check::check_json(&with_tab, &Default::default()).unwrap();
    let f = report.findings.iter().find(|f| f.rule == "SPACES").unwrap();
    let line = with_tab[..with_tab.find("Phòng  Nội").unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert_eq!(f.line, Some(line));
}

// 22. Duplicate keys: refused by check as by render.
#[test]
fn f22_duplicate_keys_are_refused_by_both() {
    let dir = tempfile::tempdir().unwrap();
    let o = vanban(&["check", p(&input("dupkey-summary.json"))]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("duplicate field"), "{}", err(&o));
    let o = vanban(&[
        "render",
        p(&input("dupkey-summary.json")),
        "-o",
        p(&dir.path().join("x.docx")),
    ]);
    assert_refused(&o, "duplicate field");
}

// 23. A byte-order mark is accepted by both.
#[test]
fn f23_bom_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let o = vanban(&[
        "render",
        p(&input("bom.json")),
        "-o",
        p(&dir.path().join("x.docx")),
    ]);
    assert!(o.status.success(), "{}", err(&o));
    let o = vanban(&["check", p(&input("bom.json"))]);
    assert_ne!(o.status.code(), Some(2), "{}", err(&o));
}

// 24. A DOCX without its optional parts reads; a broken one names the problem.
#[test]
fn f24_docx_without_optional_parts_reads() {
    let o = vanban(&["import", p(&input("docx-no-styles.docx"))]);
    assert!(o.status.success(), "{}", err(&o));
    let e = vanban::import::docx::lines(b"PK\x03\x04garbage")
        .unwrap_err()
        .to_string();
    assert!(e.contains("not a DOCX"), "{e}");
}

// 25. Old Mac line ends and UTF-16 files read as text, the same in import and check.
#[test]
fn f25_cr_only_and_utf16_text_read() {
    let o = vanban(&["import", p(&input("txt-cr-only.txt"))]);
    assert!(o.status.success(), "{}", err(&o));
    let a = vanban(&["import", p(&input("txt-utf16le-bom.txt"))]);
    let b = vanban(&["check", p(&input("txt-utf16le-bom.txt"))]);
    assert!(a.status.success(), "{}", err(&a));
    assert_ne!(b.status.code(), Some(2), "{}", err(&b));
}

// 26. A DOCX the reader chokes on gives one error line, no backtrace.
#[test]
fn f26_no_backtrace_for_bad_docx() {
    for name in ["hang2-badwidth.docx", "fuzz-crash-4219b2f3cc7656.docx"] {
        let o = vanban(&["import", p(&input(name))]);
        assert!(!err(&o).contains("panicked"), "{name}: {}", err(&o));
        assert_eq!(err(&o).lines().count(), 1, "{name}: {}", err(&o));
    }
}

// 27. Imported table columns narrower than a word: see
// `imported_table_columns_hold_their_longest_words` in tests/import.rs (corpus 03,
// 05, 06, and the tables of 15 and 29), and the parity tests of those tables.

// 28. Whitespace-only summaries and the number 0 are refused; a long year is clear.
#[test]
fn f28_small_gaps() {
    let json = std::fs::read_to_string(input("text-whitespace_only.json")).unwrap();
    assert!(vanban::input::plan_from_json(&json, None).is_err());
    let json = std::fs::read_to_string(input("zero-number.json")).unwrap();
    let e = vanban::input::plan_from_json(&json, None)
        .unwrap_err()
        .to_string();
    assert!(e.contains("header.number"), "{e}");
    let seed = std::fs::read_to_string(seed()).unwrap();
    let e = vanban::input::plan_from_json(&seed.replace("2024", "99999"), None)
        .unwrap_err()
        .to_string();
    assert!(e.contains("year 99999 is not four digits"), "{e}");
}

// Found by the fuzzer: an import kept control characters, so the JSON it wrote was
// refused by `render`. The import drops them and says where.
#[test]
fn fuzz_import_writes_json_that_reads_back() {
    let import = vanban::import::import_file(&input("fuzz-import-control-char.txt")).unwrap();
    assert!(
        import
            .report()
            .contains("line 41: removed characters that do not print: U+0010 ×")
    );
    vanban::input::plan_from_json(&import.plan.to_json(), None).unwrap();
}

// Found by the fuzzer: a `| … |` row with more cells than the header made an
// invalid table. The extra cells join the last column; every word is kept.
#[test]
fn fuzz_import_row_wider_than_its_table() {
    let path = input("fuzz-import-row-too-wide.txt");
    let import = vanban::import::import_file(&path).unwrap();
    let plan = vanban::input::plan_from_json(&import.plan.to_json(), None).unwrap();
    let docx = vanban::Renderer::new().unwrap().docx(&plan).unwrap();
    let text = common::docx_text(&docx);
    let source = std::fs::read_to_string(&path).unwrap();
    let row = source.lines().find(|l| l.starts_with("| 2. |")).unwrap();
    for cell in row.split('|').map(str::trim).filter(|c| c.len() > 3) {
        let word = cell.split_whitespace().last().unwrap();
        assert!(text.contains(word), "«{word}» lost");
    }
}

// Found by the fuzzer: a text whose date line was broken imported with the year 0,
// and the JSON it wrote was refused. Such a text is an error that says what is
// missing; a date that does not exist is not read as one.
#[test]
fn fuzz_import_reads_no_impossible_date() {
    let e = vanban::import::import_file(&input("fuzz-import-year-0.txt")).unwrap_err();
    assert!(e.to_string().contains("no place-and-date line"), "{e}");
    let text = "Số: 0/KH-UBND\nHà Nội, ngày 31 tháng 4 năm 2024\nKẾ HOẠCH\nThử\nNơi nhận:\n- Lưu: VT.\nNguyễn Văn A\n";
    if let Ok(import) = vanban::import::import_text(text) {
        vanban::input::plan_from_json(&import.plan.to_json(), None).unwrap();
    }
}
