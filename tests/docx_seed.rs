//! The seed plan rendered to DOCX: content, structure and snapshots.

mod common;

use common::*;

fn seed_docx() -> Vec<u8> {
    vanban::Renderer::new().unwrap().docx(&seed_plan()).unwrap()
}

#[test]
fn every_seed_paragraph_appears_in_order() {
    let text = docx_text(&seed_docx());
    assert_in_order(&text, &seed_paragraphs());
}

#[test]
fn output_is_byte_identical_across_renders() {
    assert_eq!(seed_docx(), seed_docx());
}

#[test]
fn layout_ir_snapshot() {
    let doc = vanban::Renderer::new()
        .unwrap()
        .layout(&seed_plan())
        .unwrap();
    insta::assert_snapshot!("seed_ir", doc.to_text());
}

#[test]
fn document_xml_snapshot() {
    let xml = docx_part(&seed_docx(), "word/document.xml");
    insta::assert_snapshot!("seed_document_xml", pretty_xml(&xml));
}

fn json(docx: &[u8]) -> serde_json::Value {
    let d = docx_rs::read_docx(docx).unwrap();
    serde_json::from_str(&d.json()).unwrap()
}

#[test]
fn page_is_a4_portrait_with_decree_margins() {
    let v = json(&seed_docx());
    let sect = &v["document"]["sectionProperty"];
    assert_eq!(sect["pageSize"]["w"], 11906);
    assert_eq!(sect["pageSize"]["h"], 16838);
    let m = &sect["pageMargin"];
    // 20 / 20 / 30 / 15 mm (R2), header at 10 mm.
    assert_eq!(
        (m["top"].as_i64(), m["bottom"].as_i64()),
        (Some(1134), Some(1134))
    );
    assert_eq!(
        (m["left"].as_i64(), m["right"].as_i64()),
        (Some(1701), Some(850))
    );
    assert_eq!(m["header"], 567);
}

#[test]
fn times_new_roman_on_all_four_slots_at_14pt() {
    let v = json(&seed_docx());
    let rp = &v["styles"]["docDefaults"]["runPropertyDefault"]["runProperty"];
    for slot in ["ascii", "hiAnsi", "eastAsia", "cs"] {
        assert_eq!(rp["fonts"][slot], "Times New Roman", "{slot}");
    }
    assert_eq!(rp["sz"], 28);
}

#[test]
fn first_page_has_no_page_number_and_others_do() {
    let v = json(&seed_docx());
    let sect = &v["document"]["sectionProperty"];
    assert_eq!(sect["titlePg"], true);
    let first = serde_json::to_string(&sect["firstHeader"]).unwrap();
    assert!(!first.contains("PAGE"), "{first}");
    let other = serde_json::to_string(&sect["header"]).unwrap();
    assert!(
        other.contains("PAGE") && other.contains("\"center\""),
        "{other}"
    );
}

#[test]
fn body_paragraphs_are_justified_indented_and_spaced() {
    let v = json(&seed_docx());
    let children = v["document"]["children"].as_array().unwrap();
    let body: Vec<&serde_json::Value> = children
        .iter()
        .filter(|c| c["type"] == "paragraph")
        .map(|c| &c["data"]["property"])
        .filter(|p| p["alignment"] == "both")
        .collect();
    // Preamble, 5 + 3 purposes and requirements, and the rest of the body.
    assert!(body.len() >= 30, "only {} justified paragraphs", body.len());
    for p in body {
        // 1.27 cm first-line indent (R5), 6 pt before (R6), single spacing (R7).
        assert_eq!(p["indent"]["specialIndent"]["type"], "firstLine", "{p}");
        assert_eq!(p["indent"]["specialIndent"]["val"], 720, "{p}");
        assert_eq!(p["lineSpacing"]["before"], 120, "{p}");
        assert_eq!(p["lineSpacing"]["line"], 240, "{p}");
    }
}

#[test]
fn closing_block_never_splits() {
    let xml = docx_part(&seed_docx(), "word/document.xml");
    let closing = &xml[xml.rfind("<w:tbl>").unwrap()..];
    assert!(
        closing.contains("<w:cantSplit"),
        "closing row must not split"
    );
    assert!(closing.contains("Nơi nhận:"));
    assert!(closing.contains("Lưu Quang Công"));
}

#[test]
fn property_children_are_in_schema_order() {
    let docx = seed_docx();
    for part in [
        "word/document.xml",
        "word/styles.xml",
        "word/header1.xml",
        "word/header2.xml",
    ] {
        let xml = docx_part(&docx, part);
        if let Err(bad) = vanban::docx::check_schema_order(&xml) {
            panic!("{part}: out of schema order: {bad}");
        }
    }
}
