//! `vanban check`: every rule's pass and fail examples from the spec, legacy
//! encodings, the seed, the JSON report and the exit codes.

mod common;

use std::process::Command;

use common::*;
use vanban::check::{Lang, Options, Severity, check_json, check_lines};

fn lines(text: &[&str]) -> Vec<String> {
    text.iter().map(|s| s.to_string()).collect()
}

/// Rules found in `text` (a document fragment: header lines, or a body after a
/// `KẾ HOẠCH` / summary, or a closing after `Nơi nhận:`).
fn rules(text: &[&str]) -> Vec<(&'static str, Severity)> {
    check_lines(&lines(text), &Options::default())
        .unwrap()
        .findings
        .into_iter()
        .map(|f| (f.rule, f.severity))
        .collect()
}

fn header(line: &str) -> Vec<&'static str> {
    rules(&[line, "KẾ HOẠCH", "Về việc thử", "", "Nội dung./."])
        .into_iter()
        .map(|(r, _)| r)
        .collect()
}

fn body(body: &[&str]) -> Vec<(&'static str, Severity)> {
    let mut doc = vec!["KẾ HOẠCH", "Về việc thử", ""];
    doc.extend_from_slice(body);
    rules(&doc)
}

fn closing(items: &[&str]) -> Vec<&'static str> {
    let mut doc = vec!["KẾ HOẠCH", "Về việc thử", "", "Nội dung./.", "Nơi nhận:"];
    doc.extend_from_slice(items);
    rules(&doc).into_iter().map(|(r, _)| r).collect()
}

#[test]
fn r13_number_line() {
    assert!(header("Số: 05/KH-UBND").is_empty());
    assert!(header("Số: 62/KH-UBND").is_empty());
    assert!(
        header("Số:      /KH-UBND").is_empty(),
        "a draft's blank number is fine"
    );
    assert_eq!(header("Số: 5/KH-UBND"), ["R13"]);
    assert_eq!(header("Số 05/KH - UBND"), ["R13"]);
}

#[test]
fn r13_r17_final_copy_needs_number_and_day() {
    let doc = lines(&[
        "Số:      /KH-UBND",
        "Hà Nội, ngày      tháng 3 năm 2024",
        "KẾ HOẠCH",
        "Về việc thử",
        "",
        "Xong./.",
    ]);
    let draft = check_lines(&doc, &Options::default()).unwrap();
    assert_eq!(draft.errors(), 0);
    let fin = check_lines(&doc, &Options { final_copy: true }).unwrap();
    let r: Vec<_> = fin.findings.iter().map(|f| f.rule).collect();
    assert_eq!(r, ["R13", "R17"]);
}

#[test]
fn r14_type_abbreviation() {
    assert!(header("Số: 12/KH-UBND").is_empty());
    assert_eq!(header("Số: 12/QĐ-UBND"), ["R14"]);
}

#[test]
fn r17_date_line() {
    assert!(header("Hà Nội, ngày 05 tháng 01 năm 2020").is_empty());
    assert!(header("Tuyên Quang, ngày 28 tháng 4 năm 2021").is_empty());
    assert_eq!(header("Hà Nội, ngày 5 tháng 1 năm 2020"), ["R17"]);
    let r = rules(&[
        "Sóc Trăng, ngày 27 tháng 09 năm 2022",
        "KẾ HOẠCH",
        "Về việc thử",
        "",
        "Xong./.",
    ]);
    assert_eq!(r, [("R17", Severity::Warning)]);
}

#[test]
fn r19_r20_title_and_summary() {
    assert!(
        rules(&[
            "KẾ HOẠCH",
            "Thực hiện Đề án trồng 1 tỷ cây xanh",
            "",
            "Xong./."
        ])
        .is_empty()
    );
    let r: Vec<_> = rules(&["Kế hoạch", "Về việc thử", "", "Xong./."])
        .into_iter()
        .map(|x| x.0)
        .collect();
    assert_eq!(r, ["R19"]);
    let r: Vec<_> = rules(&[
        "KẾ HOẠCH",
        "THỰC HIỆN ĐỀ ÁN TRỒNG 1 TỶ CÂY XANH",
        "",
        "Xong./.",
    ])
    .into_iter()
    .map(|x| x.0)
    .collect();
    assert_eq!(r, ["R20"]);
}

#[test]
fn r22_legal_bases() {
    assert!(body(&["Căn cứ A;", "Căn cứ B.", "I. MỤC ĐÍCH", "Xong./."]).is_empty());
    let r = body(&["Căn cứ A;", "Căn cứ B;", "I. MỤC ĐÍCH", "Xong./."]);
    assert_eq!(r, [("R22", Severity::Error)]);
}

#[test]
fn r23_r24_headings_and_points() {
    assert!(
        body(&[
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích",
            "a) Một;",
            "b) Hai./."
        ])
        .is_empty()
    );
    assert_eq!(
        body(&["I. Mục đích, yêu cầu", "Xong./."]),
        [("R23", Severity::Error)]
    );
    assert_eq!(
        body(&["1. Mục đích", "a. Một./."]),
        [("R23", Severity::Error)]
    );
    assert!(body(&["1. Mục đích", "d) Một;", "đ) Hai;", "e) Ba;", "g) Bốn./."]).is_empty());
    assert_eq!(
        body(&["1. Mục đích", "d) Một;", "e) Hai;", "f) Ba./."]),
        [("R24", Severity::Error), ("R24", Severity::Error)]
    );
}

#[test]
fn r25_end_mark_is_a_warning() {
    assert_eq!(
        body(&["Tổ chức thực hiện như sau."]),
        [("R25", Severity::Warning)]
    );
    assert!(body(&["Tổ chức thực hiện như sau./."]).is_empty());
}

#[test]
fn r26_r27_signature() {
    let sig = |lines: &[&str]| {
        let mut doc = vec![
            "KẾ HOẠCH",
            "Về việc thử",
            "",
            "Xong./.",
            "Nơi nhận:",
            "- Lưu: VT.",
        ];
        doc.extend_from_slice(lines);
        rules(&doc).into_iter().map(|x| x.0).collect::<Vec<_>>()
    };
    assert!(sig(&["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Xuân Phúc"]).is_empty());
    for bad in ["K/T CHỦ TỊCH", "KT CHỦ TỊCH", "T/M UBND", "Kt. Chủ tịch"] {
        assert_eq!(
            sig(&[bad, "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]),
            ["R26"],
            "{bad}"
        );
    }
    assert_eq!(
        sig(&["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TS. Nguyễn Văn A"]),
        ["R27"]
    );
    assert_eq!(sig(&["CHỦ TỊCH", "NGUYỄN VĂN AN BÌNH"]), ["R27"]);
}

#[test]
fn r30_r31_recipients() {
    assert!(closing(&["- Bộ Nội vụ;", "- Lưu: VT, TCCB."]).is_empty());
    assert!(closing(&["- Bộ Nội vụ;", "- Lưu: VT, HC (2)."]).is_empty());
    for bad in ["+ Bộ Nội vụ;", "• Bộ Nội vụ", "- Bộ Nội vụ,"] {
        assert_eq!(closing(&[bad, "- Lưu: VT."]), ["R30"], "{bad}");
    }
    assert_eq!(closing(&["- Bộ Nội vụ;", "- Lưu: VP;"]), ["R31"]);
    assert_eq!(closing(&["- Bộ Nội vụ;", "- Lưu VT."]), ["R31"]);
}

#[test]
fn r40_r41_capitals() {
    assert!(body(&["Triển khai như sau. Các sở thực hiện./."]).is_empty());
    assert_eq!(
        body(&["Triển khai như sau. các sở thực hiện./."]),
        [("R40", Severity::Error)]
    );
    assert!(body(&["Trồng cây tại tỉnh Tuyên Quang./."]).is_empty());
    assert_eq!(
        body(&["Trồng cây tại Tỉnh Tuyên Quang./."]),
        [("R41", Severity::Warning)]
    );
    assert!(body(&["Trồng cây tại Quận 1./."]).is_empty());
}

#[test]
fn hygiene_nfd_control_and_spaces() {
    let r = body(&["Kê\u{301} hoạch\u{7} có  hai dấu cách./."]);
    let ids: Vec<_> = r.iter().map(|x| x.0).collect();
    assert_eq!(ids, ["CONTROL", "NFC", "SPACES"]);
}

#[test]
fn legacy_documents_are_detected_and_fixed() {
    for (file, name) in [
        ("ke-hoach-tcvn3.txt", "TCVN3 (ABC)"),
        ("ke-hoach-vni.txt", "VNI"),
    ] {
        let text = std::fs::read_to_string(repo(&format!("fixtures/legacy/{file}"))).unwrap();
        let raw: Vec<String> = text.lines().map(str::to_string).collect();
        let report = check_lines(&raw, &Options::default()).unwrap();
        let legacy: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.rule == "LEGACY")
            .collect();
        assert!(legacy.len() >= 15, "{file}: {} lines flagged", legacy.len());
        // Converted words are errors with a safe fix; words that read as Vietnamese
        // both ways are warnings, never applied by --fix.
        assert!(
            legacy
                .iter()
                .all(|f| f.message_vi.contains(name) && f.safe == (f.severity == Severity::Error)),
            "{file}"
        );
        let strict = vanban::check::fix_lines(&raw, false);
        for (before, after) in raw.iter().zip(&strict) {
            for (a, b) in before.split(' ').zip(after.split(' ')) {
                let letters = |w: &str| {
                    w.trim_matches(|c: char| c.is_ascii_punctuation() || c.is_ascii_digit())
                        .to_string()
                };
                if a != b {
                    assert!(
                        !vanban::check::syllable::is_vietnamese(&letters(a)),
                        "{file}: a valid word was changed: «{a}» → «{b}»"
                    );
                }
            }
        }
        // Told that the whole document is legacy, the fix gives the seed's text
        // again (TCVN3 loses the capitals that its upper-case fonts drew).
        let fixed = vanban::check::fix_lines(&raw, true).join("\n");
        let seed = std::fs::read_to_string(repo("fixtures/ke-hoach-dong-dang-2024.txt")).unwrap();
        let para = "Thực hiện Kế hoạch số 375/KH-UBND ngày 02/12/2021 của UBND huyện Cao Lộc";
        assert!(
            seed.contains(para) && fixed.contains(para),
            "{file}: {}",
            &fixed[..300]
        );
        let import = vanban::import::import_text(&fixed).unwrap();
        let preamble = |p: &vanban::Plan| p.preamble[0].plain().to_lowercase();
        assert_eq!(preamble(&import.plan), preamble(&seed_plan()), "{file}");
        assert_eq!(import.plan.signature.name, "Lưu Quang Công", "{file}");
    }
}

#[test]
fn the_seed_passes() {
    let json = std::fs::read_to_string(repo("fixtures/ke-hoach-dong-dang-2024.json")).unwrap();
    let report = check_json(&json, &Options::default()).unwrap();
    assert_eq!(report.errors(), 0, "{}", report.to_text(Lang::En));
    let text = std::fs::read_to_string(repo("fixtures/ke-hoach-dong-dang-2024.txt")).unwrap();
    let raw: Vec<String> = text.lines().map(str::to_string).collect();
    assert_eq!(check_lines(&raw, &Options::default()).unwrap().errors(), 0);
}

#[test]
fn json_plans_point_at_paths_and_fix_safely() {
    let json = std::fs::read_to_string(repo("fixtures/ke-hoach-dong-dang-2024.json"))
        .unwrap()
        .replace("\"Phòng Nội vụ\"", "\"- Phòng Nội vụ;\"")
        .replace("\"Lưu Quang Công\"", "\"LƯU QUANG CÔNG\"")
        .replace("\"PHÓ CHỦ TỊCH\"", "\"Phó Chủ tịch\"")
        .replace(
            "Xây dựng, nhân rộng các mô hình",
            "Xa\u{302}y dựng, nhân rộng các mô hình",
        );
    let report = check_json(&json, &Options::default()).unwrap();
    insta::assert_snapshot!(
        "check_json_report",
        serde_json::to_string_pretty(&report).unwrap()
    );
    let (plan, changes) = vanban::check::fix_json(&json).unwrap();
    assert_eq!(plan.recipients.items[1], "Phòng Nội vụ");
    assert!(changes.iter().any(|c| c.path == "recipients.items[1]"));
    assert!(changes.iter().any(|c| c.path == "summary"));
    // What needs judgment is left alone.
    assert_eq!(plan.signature.name, "LƯU QUANG CÔNG");
}

fn vanban(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn exit_codes() {
    let seed = repo("fixtures/ke-hoach-dong-dang-2024.json");
    assert_eq!(
        vanban(&["check", seed.to_str().unwrap()]).status.code(),
        Some(0)
    );
    let bad = repo("fixtures/corpus/05_kehoach_bo-tnmt_tinchicacbon09.txt");
    let o = vanban(&["check", bad.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("R20 error line 9"));
    let dir = scratch_dir("check-exit");
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{ not json").unwrap();
    assert_eq!(
        vanban(&["check", broken.to_str().unwrap()]).status.code(),
        Some(2)
    );
    let missing = dir.join("missing.txt");
    assert_eq!(
        vanban(&["check", missing.to_str().unwrap()]).status.code(),
        Some(2)
    );
}

#[test]
fn fix_writes_a_plan_and_lists_changes() {
    let dir = scratch_dir("check-fix");
    let out = dir.join("fixed.json");
    let vni = repo("fixtures/legacy/ke-hoach-vni.txt");
    let o = vanban(&[
        "check",
        vni.to_str().unwrap(),
        "--fix",
        "--whole-legacy",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("LEGACY line 5: «KEÁ HOAÏCH» → «KẾ HOẠCH»")
    );
    let plan = vanban::input::plan_from_file(&out).unwrap();
    assert_eq!(plan.sections, seed_plan().sections);
    assert_eq!(plan.recipients, seed_plan().recipients);
    let src = repo("fixtures/corpus/03_kehoach_ubndtinh-lamdong_kiemtra-cchc2026.txt");
    let o = vanban(&[
        "check",
        src.to_str().unwrap(),
        "--fix",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("R31 line 88"), "{stderr}");
    let plan = vanban::input::plan_from_file(&out).unwrap();
    assert_eq!(plan.recipients.archive, "VT, NC.Châu");
    let o = vanban(&["check", out.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

#[test]
fn render_warns_and_strict_refuses() {
    let dir = scratch_dir("check-render");
    let json = std::fs::read_to_string(repo("fixtures/ke-hoach-dong-dang-2024.json"))
        .unwrap()
        .replace("\"Lưu Quang Công\"", "\"LƯU QUANG CÔNG\"");
    let input = dir.join("plan.json");
    std::fs::write(&input, json).unwrap();
    let out = dir.join("plan.docx");
    let o = vanban(&[
        "render",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("R27"));
    std::fs::remove_file(&out).unwrap();
    let o = vanban(&[
        "render",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--strict",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists());
}

#[test]
fn r37_appendix_labels() {
    let doc = |labels: &[&str]| {
        let mut t = vec![
            "KẾ HOẠCH",
            "Về việc thử",
            "Nội dung theo Phụ lục./.",
            "Nơi nhận:",
            "- Lưu: VT.",
            "CHỦ TỊCH",
            "Nguyễn Văn A",
        ];
        for l in labels {
            t.push(l);
            t.push("DANH SÁCH");
        }
        rules(&t).into_iter().filter(|(r, _)| *r == "R37").count()
    };
    // Pass: `Phụ lục` alone, `Phụ lục I` and `Phụ lục II` for two.
    assert_eq!(doc(&["Phụ lục"]), 0);
    assert_eq!(doc(&["Phụ lục I", "Phụ lục II"]), 0);
    // Fail: capitals, an Arabic number, a bare label among two.
    assert_eq!(doc(&["PHỤ LỤC"]), 1);
    assert_eq!(doc(&["Phụ lục I", "Phụ lục 2"]), 1);
    assert_eq!(doc(&["Phụ lục", "Phụ lục"]), 2);

    // In JSON: an explicit label is checked; every appendix must be named in the body.
    let json =
        std::fs::read_to_string(repo("fixtures/ke-hoach-dong-dang-2024-phu-luc.json")).unwrap();
    let r37 = |json: &str| -> Vec<(String, Severity)> {
        check_json(json, &Options::default())
            .unwrap()
            .findings
            .into_iter()
            .filter(|f| f.rule == "R37")
            .map(|f| (f.location.to_string(), f.severity))
            .collect()
    };
    assert!(r37(&json).is_empty());
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["appendices"][1]["label"] = "PHỤ LỤC 2".into();
    // The wrong label, and the body's «Phụ lục II» no longer names what is printed.
    assert_eq!(
        r37(&v.to_string()),
        [
            ("appendices[1].label".to_string(), Severity::Error),
            ("appendices[1]".to_string(), Severity::Warning)
        ]
    );
    let unnamed = json.replace("tại Phụ lục I chủ trì", "chủ trì");
    assert_eq!(
        r37(&unnamed),
        [("appendices[0]".to_string(), Severity::Warning)]
    );
}

#[test]
fn r1_landscape_only_for_tables() {
    let json =
        std::fs::read_to_string(repo("fixtures/ke-hoach-dong-dang-2024-phu-luc.json")).unwrap();
    let r1 = |json: &str| -> Vec<String> {
        check_json(json, &Options::default())
            .unwrap()
            .findings
            .into_iter()
            .filter(|f| f.rule == "R1")
            .map(|f| f.location.to_string())
            .collect()
    };
    // Phụ lục I is landscape and holds a table: fine.
    assert!(r1(&json).is_empty());
    // Phụ lục II is text: landscape is a warning.
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["appendices"][1]["landscape"] = true.into();
    assert_eq!(r1(&v.to_string()), ["appendices[1].landscape"]);
}

#[test]
fn fix_over_the_corpus_changes_only_what_it_lists() {
    let mut files: Vec<_> = std::fs::read_dir(repo("fixtures/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 19);
    for f in files {
        let raw: Vec<String> = std::fs::read_to_string(&f)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect();
        let report = check_lines(&raw, &Options::default()).unwrap();
        let fixed = vanban::check::fix_lines(&raw, false);
        let listed: Vec<usize> = report
            .findings
            .iter()
            .filter(|x| x.safe && ["CONTROL", "LEGACY", "NFC"].contains(&x.rule))
            .filter_map(|x| match x.location {
                vanban::check::Location::Line(n) => Some(n),
                _ => None,
            })
            .collect();
        let mut changed = 0;
        for (i, (a, b)) in raw.iter().zip(&fixed).enumerate() {
            if a != b {
                changed += 1;
                assert!(
                    listed.contains(&(i + 1)),
                    "{f:?} line {}: «{a}» → «{b}» unlisted",
                    i + 1
                );
            }
        }
        let legacy = report
            .findings
            .iter()
            .filter(|x| x.rule == "LEGACY")
            .count();
        eprintln!(
            "{}: {changed} line(s) changed, {} listed, {legacy} legacy",
            f.file_name().unwrap().to_string_lossy(),
            listed.len()
        );
        assert_eq!(legacy, 0, "{f:?}");
    }
}

#[test]
fn the_closing_block_is_checked_whatever_its_blank_lines() {
    // The seed text has a blank line after «Nơi nhận:»; the defects that the import
    // would normalize are reported all the same.
    let text = std::fs::read_to_string(repo("fixtures/ke-hoach-dong-dang-2024.txt"))
        .unwrap()
        .replace("- Phòng Nội vụ;\n", "- Phòng Nội vụ\n")
        .replace("- Lưu: VT.\n", "- Lưu VT;\n")
        .replace("**KT. CHỦ TỊCH", "**K/T CHỦ TỊCH");
    assert!(text.contains("Nơi nhận:\n\n"));
    let raw: Vec<String> = text.lines().map(str::to_string).collect();
    let report = check_lines(&raw, &Options::default()).unwrap();
    let rules: Vec<(&str, String)> = report
        .findings
        .iter()
        .filter(|f| ["R26", "R30", "R31"].contains(&f.rule))
        .map(|f| (f.rule, f.text.clone()))
        .collect();
    assert_eq!(
        rules,
        [
            ("R30", "- Phòng Nội vụ".to_string()),
            ("R31", "- Lưu VT;".to_string()),
            ("R26", "K/T CHỦ TỊCH".to_string()),
        ]
    );
}

/// The rules of a fixture after `edit`, for the rule ids in `ids`.
fn type_findings(
    fixture: &str,
    edit: impl Fn(&mut serde_json::Value),
    ids: &[&str],
) -> Vec<String> {
    let json = std::fs::read_to_string(common::repo(&format!("fixtures/{fixture}.json"))).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    edit(&mut v);
    let report = check_json(&v.to_string(), &Options::default()).unwrap();
    report
        .findings
        .iter()
        .filter(|f| ids.contains(&f.rule))
        .map(|f| format!("{} {}", f.rule, f.location))
        .collect()
}

const QD: &str = "quyet-dinh-dieu-le-quy-khuyen-hoc-binh-thuan-2022";
const CV: &str = "cong-van-tra-loi-so-noi-vu-lam-dong-2025";

#[test]
fn r32_a_letter_has_its_kinh_gui_and_nhu_tren() {
    let ids = ["R32"];
    assert!(type_findings(CV, |_| {}, &ids).is_empty());
    let f = type_findings(CV, |v| v["addressees"] = serde_json::json!([]), &ids);
    assert_eq!(f, ["R32 addressees"]);
    let f = type_findings(
        CV,
        |v| v["recipients"]["items"][0] = "Bộ trưởng".into(),
        &ids,
    );
    assert_eq!(f, ["R32 recipients.items[0]"]);
}

#[test]
fn r46_the_signature_agrees_with_the_authority_line() {
    let ids = ["R46"];
    // CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN, signed KT. CHỦ TỊCH.
    assert!(type_findings(QD, |_| {}, &ids).is_empty());
    let tm = |v: &mut serde_json::Value| {
        v["signature"]["authority"] = serde_json::json!({"form": "TM", "of": "ỦY BAN NHÂN DÂN"});
        v["signature"]["title"] = "CHỦ TỊCH".into();
    };
    assert_eq!(type_findings(QD, tm, &ids), ["R46 signature"]);
    // The collective decides: TM. ỦY BAN NHÂN DÂN is right.
    let collective = |v: &mut serde_json::Value| {
        tm(v);
        v["authority"] = serde_json::json!(["ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN"]);
    };
    assert!(type_findings(QD, collective, &ids).is_empty());
}

#[test]
fn r49_nhu_dieu_names_an_article_of_the_decision() {
    let ids = ["R49"];
    assert!(type_findings(QD, |_| {}, &ids).is_empty());
    let f = type_findings(
        QD,
        |v| v["recipients"]["items"][0] = "Như Điều 4".into(),
        &ids,
    );
    assert_eq!(f, ["R49 recipients.items[0]"]);
}

fn decision(body: &[&str]) -> Vec<&'static str> {
    let mut doc = vec![
        "QUYẾT ĐỊNH",
        "Về việc thử",
        "",
        "Căn cứ Luật Tổ chức chính quyền địa phương.",
    ];
    doc.extend_from_slice(body);
    rules(&doc)
        .into_iter()
        .map(|(r, _)| r)
        .filter(|r| ["R47", "R48"].contains(r))
        .collect()
}

#[test]
fn r47_r48_decision_label_and_articles() {
    let good = [
        "QUYẾT ĐỊNH:",
        "Điều 1. Thành lập Đoàn.",
        "Điều 2. Hiệu lực./.",
    ];
    assert!(decision(&good).is_empty());
    // An attached Quy chế numbers its articles from 1 again.
    let attached = [
        "QUYẾT ĐỊNH:",
        "Điều 1. Ban hành Quy chế.",
        "Điều 2. Hiệu lực./.",
        "QUY CHẾ",
        "Điều 1. Phạm vi.",
        "Điều 2. Đối tượng.",
    ];
    assert!(decision(&attached).is_empty());
    assert_eq!(
        decision(&["QUYẾT ĐỊNH", "Điều 1. Thành lập Đoàn."]),
        ["R48"]
    );
    assert_eq!(decision(&["Điều 1. Thành lập Đoàn."]), ["R48"]);
    assert_eq!(
        decision(&["QUYẾT ĐỊNH:", "Điều 1. Một.", "Điều 3. Ba./."]),
        ["R47"]
    );
}

const MARKS: &str = "cong-van-hoa-toc-bao-so-3-lao-cai-2026";

#[test]
fn r33_r34_r35_marks_the_decree_knows() {
    let ids = ["R33", "R34", "R35"];
    assert!(type_findings(MARKS, |_| {}, &ids).is_empty());
    // A level the decree does not have, and one written in lower case (fixed).
    let f = type_findings(
        MARKS,
        |v| v["marks"]["urgency"] = "HỎA TỐC HẸN GIỜ".into(),
        &ids,
    );
    assert_eq!(f, ["R33 marks.urgency"]);
    let f = type_findings(MARKS, |v| v["marks"]["urgency"] = "Khẩn".into(), &ids);
    assert_eq!(f, ["R33 marks.urgency"]);
    let f = type_findings(
        MARKS,
        |v| v["marks"]["confidentiality"] = "BÍ MẬT".into(),
        &ids,
    );
    assert_eq!(f, ["R34 marks.confidentiality"]);
    let f = type_findings(
        MARKS,
        |v| v["marks"]["circulation"] = "Lưu hành nội bộ".into(),
        &ids,
    );
    assert_eq!(f, ["R34 marks.circulation"]);
    let f = type_findings(MARKS, |v| v["recipients"]["drafter"] = "th".into(), &ids);
    assert_eq!(f, ["R35 recipients.drafter"]);
    let f = type_findings(MARKS, |v| v["recipients"]["copies"] = 0.into(), &ids);
    assert_eq!(f, ["R35 recipients.copies"]);
}

#[test]
fn r39_a_copy_is_not_older_than_its_original() {
    let ids = ["R39"];
    let copy = "sao-y-thong-bao-treo-co-phuong-hoan-kiem-2026";
    assert!(type_findings(copy, |_| {}, &ids).is_empty());
    let f = type_findings(copy, |v| v["copy"]["date"]["month"] = 3.into(), &ids);
    assert_eq!(f, ["R39 copy.date"]);
}

#[test]
fn r50_to_r53_the_fixed_forms() {
    let bb = "bien-ban-dam-hong-lao-cai-2026";
    assert!(type_findings(bb, |_| {}, &["R50", "R52"]).is_empty());
    let f = type_findings(bb, |v| v["cosigners"] = serde_json::json!([]), &["R50"]);
    assert_eq!(f, ["R50 cosigners"]);
    let f = type_findings(bb, |v| v["title"] = "BÁO CÁO HỌP".into(), &["R52"]);
    assert_eq!(f, ["R52 title"]);
    let ggt = "giay-gioi-thieu-ubnd-xa-bac-ha-2026";
    assert!(type_findings(ggt, |_| {}, &["R51"]).is_empty());
    let f = type_findings(
        ggt,
        |v| v["introduction"]["valid_until"]["month"] = 1.into(),
        &["R51"],
    );
    assert_eq!(f, ["R51 introduction.valid_until"]);
    let cd = "cong-dien-hoi-nghi-ma-tuy-vpcp-2025";
    assert!(type_findings(cd, |_| {}, &["R53"]).is_empty());
    let f = type_findings(cd, |v| v["sender"] = "Văn phòng Chính phủ".into(), &["R53"]);
    assert_eq!(f, ["R53 sender"]);
}

/// In a text: a copy's number carries its form's symbol, and an urgency line is
/// one of the decree's levels (R39, R33).
#[test]
fn r39_r33_copies_and_urgency_in_a_text() {
    let doc = |copy_number: &str, urgency: &str| {
        let lines = [
            "ỦY BAN NHÂN DÂN",
            "THÀNH PHỐ HÀ NỘI",
            "Số: 453/TB-UBND",
            urgency,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Hà Nội, ngày 29 tháng 4 năm 2026",
            "THÔNG BÁO",
            "Về việc treo cờ Tổ quốc",
            "",
            "Ủy ban nhân dân thành phố đề nghị các cơ quan treo cờ Tổ quốc./.",
            "Nơi nhận:",
            "- Các sở, ngành;",
            "- Lưu: VT.",
            "TL. CHỦ TỊCH",
            "CHÁNH VĂN PHÒNG",
            "Võ Tuấn Anh",
            "ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM",
            copy_number,
            "SAO Y",
            "Hoàn Kiếm, ngày 03 tháng 5 năm 2026",
        ];
        rules(&lines)
            .into_iter()
            .map(|(r, _)| r)
            .filter(|r| ["R33", "R39"].contains(r))
            .collect::<Vec<_>>()
    };
    assert!(doc("Số: 05/SY-UBND", "HỎA TỐC").is_empty());
    assert_eq!(doc("Số: 05/UBND", "HỎA TỐC"), ["R39"]);
    assert_eq!(doc("Số: 05/SY-UBND", "HỎA TỐC HẸN GIỜ"), ["R33"]);
}

/// The DOCX vanban writes for each fixed form, copy and mark reads back through
/// the text check without a finding: the name line that runs on (`GIẤY MỜI HỌP`),
/// a Công văn's V/v in place of a title, a Biên bản's signatures before its Nơi
/// nhận, a Công điện's `I. Thời gian: …` sentences, ô 12 on the Lưu line.
#[test]
fn vanban_s_own_docx_of_each_form_checks_clean() {
    let r = vanban::Renderer::new().unwrap();
    for f in [
        "cong-dien-hoi-nghi-ma-tuy-vpcp-2025",
        "giay-moi-hop-ccn-lao-cai-2026",
        "giay-gioi-thieu-ubnd-xa-bac-ha-2026",
        "bien-ban-dam-hong-lao-cai-2026",
        "giay-nghi-phep-so-noi-vu-lao-cai-2026",
        "cong-van-hoa-toc-bao-so-3-lao-cai-2026",
        "sao-y-thong-bao-treo-co-phuong-hoan-kiem-2026",
        "sao-y-dien-tu-thong-bao-treo-co-phuong-hoan-kiem-2026",
    ] {
        let doc =
            vanban::input::plan_from_file(&common::repo(&format!("fixtures/{f}.json"))).unwrap();
        let docx = r.docx(&doc).unwrap();
        let lines = vanban::import::docx::lines(&docx).unwrap();
        let report = check_lines(&lines, &Options::default()).unwrap();
        let found: Vec<String> = report
            .findings
            .iter()
            .map(|x| format!("{} {} «{}»", x.rule, x.location, x.text))
            .collect();
        assert!(found.is_empty(), "{f}: {found:#?}");
    }
}
