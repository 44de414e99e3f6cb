//! Every form through the one pipeline: where each part stands in the layout IR,
//! parts a type does not have refused, and `vanban new` examples that render.

mod common;

use common::*;
use vanban::model::{DocType, example};

fn layout(fixture: &str) -> vanban::ir::Document {
    let doc = vanban::input::plan_from_file(&repo(&format!("fixtures/{fixture}.json"))).unwrap();
    vanban::Renderer::new().unwrap().layout(&doc).unwrap()
}

fn roles(doc: &vanban::ir::Document) -> Vec<(&'static str, String)> {
    doc.paras().map(|p| (p.role.name(), p.plain())).collect()
}

#[test]
fn a_decision_has_its_authority_line_label_and_articles_in_order() {
    let doc = layout("quyet-dinh-kiem-tra-hoa-chat-lao-cai-2026");
    let r = roles(&doc);
    let at = |role: &str| r.iter().position(|(n, _)| *n == role).unwrap();
    assert!(at("doc-type") < at("summary"));
    assert!(at("summary") < at("issuing-authority"));
    assert!(at("issuing-authority") < at("legal-basis"));
    assert!(at("legal-basis") < at("decision-label"));
    assert!(at("decision-label") < at("article"));
    assert_eq!(r[at("decision-label")].1, "QUYẾT ĐỊNH:");
    assert_eq!(
        r[at("issuing-authority")].1,
        "GIÁM ĐỐC SỞ CÔNG THƯƠNG LÀO CAI"
    );
    let articles: Vec<&str> = r
        .iter()
        .filter(|(n, _)| *n == "article")
        .map(|(_, t)| t.split(' ').take(2).collect::<Vec<_>>().join(" "))
        .map(|s| Box::leak(s.into_boxed_str()) as &str)
        .collect();
    assert_eq!(
        articles,
        ["Điều 1.", "Điều 2.", "Điều 3.", "Điều 4.", "Điều 5."]
    );
    // Every preamble line of a decision is italic căn cứ, the proposal line too.
    assert!(
        r.iter()
            .any(|(n, t)| *n == "legal-basis" && t.starts_with("Theo đề nghị"))
    );
}

#[test]
fn articles_count_through_the_chapters_of_an_attached_document() {
    let doc = layout("quyet-dinh-dieu-le-quy-khuyen-hoc-binh-thuan-2022");
    let r = roles(&doc);
    let chapters: Vec<&String> = r
        .iter()
        .filter(|(n, _)| *n == "chapter")
        .map(|(_, t)| t)
        .collect();
    assert_eq!(chapters.len(), 8);
    assert_eq!(chapters[1], "Chương II");
    // The attachment's articles go on from one chapter to the next.
    let labels: Vec<String> = doc
        .paras()
        .filter(|p| p.role.name() == "article")
        .filter_map(|p| p.label.clone())
        .collect();
    let n = labels.len();
    assert_eq!(labels[3], "Điều 1.", "the decision has three articles");
    assert_eq!(labels[n - 1], format!("Điều {}.", n - 3));
    assert!(
        r.iter()
            .any(|(n, t)| *n == "attachment-reference"
                && t.starts_with("(Kèm theo Quyết định số 779"))
    );
}

#[test]
fn a_letter_has_no_title_and_its_v_v_stands_under_the_number() {
    let doc = layout("cong-van-bao-ve-khoang-san-lao-cai-2026");
    let vanban::ir::Block::Columns { left, .. } = &doc.blocks[0] else {
        panic!("the header comes first")
    };
    let names: Vec<&str> = left.iter().map(|p| p.role.name()).collect();
    assert_eq!(names, ["issuer", "issuer", "number", "subject"]);
    assert_eq!(left[2].plain(), "Số:      /UBND-KT");
    assert!(left[3].plain().starts_with("V/v tăng cường"));
    let r = roles(&doc);
    assert!(!r.iter().any(|(n, _)| *n == "doc-type"));
    assert_eq!(r.iter().filter(|(n, _)| *n == "addressee").count(), 5);
    assert!(
        r.iter()
            .any(|(n, t)| *n == "addressee" && t == "- Ủy ban nhân dân các xã, phường.")
    );
    // One addressee goes on the `Kính gửi:` line.
    let r = roles(&layout("cong-van-tra-loi-so-noi-vu-lam-dong-2025"));
    assert!(r.contains(&(
        "addressee-line",
        "Kính gửi: Sở Nội vụ tỉnh Lâm Đồng".to_string()
    )));
}

#[test]
fn parts_a_type_does_not_have_are_refused_with_their_path() {
    let json = std::fs::read_to_string(repo(
        "fixtures/cong-van-tra-loi-so-noi-vu-lam-dong-2025.json",
    ))
    .unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["authority"] = serde_json::json!(["CHỦ TỊCH"]);
    let err = vanban::Document::from_json(&v.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("authority") && err.contains("no authority line"),
        "{err}"
    );
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["type"] = serde_json::json!("giay-moi");
    let err = vanban::Document::from_json(&v.to_string())
        .unwrap_err()
        .to_string();
    assert!(err.contains("Mẫu 1.7"), "{err}");
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["type"] = serde_json::json!("quyet-dinh");
    v.as_object_mut().unwrap().remove("addressees");
    let err = vanban::Document::from_json(&v.to_string())
        .unwrap_err()
        .to_string();
    assert!(err.contains("header.unit"), "{err}");
}

#[test]
fn every_example_renders_and_passes_the_check() {
    let r = vanban::Renderer::new().unwrap();
    for t in DocType::all() {
        let Some(doc) = example(t) else { continue };
        let json = doc.to_json();
        let back = vanban::Document::from_json(&json).unwrap();
        assert_eq!(back, doc, "{t}");
        let docx = r.docx(&doc).unwrap();
        assert_eq!(&docx[..2], b"PK");
        let report = vanban::check::check_json(&json, &Default::default()).unwrap();
        let errors: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity == vanban::check::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{t}: {errors:#?}");
    }
}

/// The fixture of each form, from a real corpus document.
const FIXTURES: &[&str] = &[
    "quyet-dinh-kiem-tra-hoa-chat-lao-cai-2026",
    "quyet-dinh-dieu-le-quy-khuyen-hoc-binh-thuan-2022",
    "cong-van-bao-ve-khoang-san-lao-cai-2026",
    "cong-van-tra-loi-so-noi-vu-lam-dong-2025",
    "bao-cao-kiem-tra-hoa-chat-lao-cai-2026",
    "to-trinh-giai-the-hiep-hoi-lam-dong-2025",
    "thong-bao-treo-co-ha-noi-2026",
];

#[test]
fn layout_ir_snapshots() {
    for f in FIXTURES {
        insta::assert_snapshot!(format!("{f}_ir"), layout(f).to_text());
    }
}

#[test]
fn document_xml_snapshots() {
    for f in FIXTURES {
        let doc = vanban::input::plan_from_file(&repo(&format!("fixtures/{f}.json"))).unwrap();
        let docx = vanban::Renderer::new().unwrap().docx(&doc).unwrap();
        let xml = docx_part(&docx, "word/document.xml");
        insta::assert_snapshot!(format!("{f}_document_xml"), pretty_xml(&xml));
    }
}
