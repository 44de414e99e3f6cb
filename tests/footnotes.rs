//! Footnotes: numbered through the document, raised in the text, set at the foot
//! of the page their number is on, in the DOCX and in the PDF.

mod common;

use common::*;
use vanban::Renderer;
use vanban::layout::{Item, Layout};

fn fixture(name: &str) -> vanban::Plan {
    vanban::input::plan_from_file(&repo(&format!("fixtures/{name}.json"))).unwrap()
}

/// A plan whose preamble holds `n` notes, each long enough for two lines.
fn plan_with_notes(n: usize) -> vanban::Plan {
    let mut plan = seed_plan();
    let notes: Vec<serde_json::Value> = (1..=n)
        .map(|k| {
            serde_json::json!({
                "text": format!("văn bản số {k}"),
                "footnote": format!("Ghi chú {k}: {}", "nội dung của ghi chú chân trang ".repeat(6)),
            })
        })
        .collect();
    let mut json: serde_json::Value = serde_json::from_str(&plan.to_json()).unwrap();
    json["preamble"][0] = serde_json::Value::Array(notes);
    plan = vanban::Plan::from_json(&json.to_string()).unwrap();
    plan
}

/// The lines of one page with their baselines, top to bottom.
fn page_lines(layout: &Layout, page: usize) -> Vec<(f32, String)> {
    let mut lines: Vec<(f32, String)> = Vec::new();
    for item in &layout.pages[page].items {
        if let Item::Text {
            baseline, fragment, ..
        } = item
        {
            match lines.iter_mut().find(|(b, _)| (b - baseline).abs() < 0.01) {
                Some((_, t)) => t.push_str(&fragment.text),
                None => lines.push((*baseline, fragment.text.clone())),
            }
        }
    }
    lines.sort_by(|a, b| a.0.total_cmp(&b.0));
    lines
}

#[test]
fn the_docx_holds_each_note_with_its_number_and_word_s_separators() {
    let docx = Renderer::new().unwrap().docx(&plan_with_notes(2)).unwrap();
    let notes = docx_part(&docx, "word/footnotes.xml");
    let sep = notes.find("w:type=\"separator\" w:id=\"-1\"").unwrap();
    let cont = notes
        .find("w:type=\"continuationSeparator\" w:id=\"0\"")
        .unwrap();
    let first = notes.find("<w:footnote w:id=\"1\">").unwrap();
    let second = notes.find("<w:footnote w:id=\"2\">").unwrap();
    assert!(sep < cont && cont < first && first < second, "{notes}");
    assert_eq!(notes.matches("<w:footnoteRef />").count(), 2, "{notes}");
    assert!(notes[first..].contains("Ghi chú 1: nội dung"));
    assert!(
        notes.contains("<w:pStyle w:val=\"FootnoteText\" />"),
        "{notes}"
    );

    let doc = docx_part(&docx, "word/document.xml");
    assert!(doc.contains("<w:footnoteReference w:id=\"1\" />"));
    assert!(doc.contains("<w:footnoteReference w:id=\"2\" />"));
    assert!(doc.contains("<w:rStyle w:val=\"FootnoteReference\" />"));
    let styles = docx_part(&docx, "word/styles.xml");
    assert!(styles.contains("w:styleId=\"FootnoteReference\""));
    assert!(styles.contains("w:styleId=\"FootnoteText\""));
    assert!(docx_part(&docx, "word/_rels/document.xml.rels").contains("footnotes.xml"));
    // The schema order holds in the new part too.
    vanban::docx::check_schema_order(&notes).unwrap();
}

#[test]
fn a_document_without_notes_keeps_its_bytes() {
    let r = Renderer::new().unwrap();
    let docx = r.docx(&seed_plan()).unwrap();
    assert!(!docx_part(&docx, "word/styles.xml").contains("Footnote"));
    assert!(!docx_part(&docx, "word/document.xml").contains("footnoteReference"));
}

#[test]
fn notes_sit_at_the_foot_of_the_page_their_number_is_on() {
    let r = Renderer::new().unwrap();
    let layout = r.pages(&plan_with_notes(2)).unwrap();
    let page = &layout.pages[0];
    let lines = page_lines(&layout, 0);
    let number = lines
        .iter()
        .position(|(_, t)| t.contains("văn bản số 1"))
        .unwrap();
    let note = lines
        .iter()
        .position(|(_, t)| t.starts_with("1 Ghi chú 1:"))
        .unwrap();
    let second = lines
        .iter()
        .position(|(_, t)| t.starts_with("2 Ghi chú 2:"))
        .unwrap();
    // The notes come last on the page, in order, two lines each, 10 pt single.
    assert!(number < note && note < second);
    assert_eq!(second, note + 2, "{lines:#?}");
    assert_eq!(lines.len(), second + 2, "{lines:#?}");
    let pitch = lines[note + 1].0 - lines[note].0;
    assert!((pitch - 11.49).abs() < 0.01, "{pitch}");
    // The last line ends at the bottom margin (20 mm).
    let bottom = page.height - 20.0 * 72.0 / 25.4;
    let last = lines.last().unwrap().0;
    assert!(
        (bottom - last - 11.49 + 9.33).abs() < 0.05,
        "{last} / {bottom}"
    );
    // A 25% rule over them, 0.5 pt thick, between the text and the notes.
    let rules: Vec<(f32, f32, f32)> = page
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Rule {
                y, width, height, ..
            } if (*height - 0.5).abs() < 0.01 => Some((*y, *width, *height)),
            _ => None,
        })
        .collect();
    assert_eq!(rules.len(), 1, "{rules:?}");
    let (y, width, _) = rules[0];
    let text_width = page.width - (30.0 + 15.0) * 72.0 / 25.4;
    assert!((width - text_width / 4.0).abs() < 0.01, "{width}");
    assert!(y > lines[note - 1].0 && y < lines[note].0);
    // The raised number: 58% of the text's size, above its baseline.
    let raised = page
        .items
        .iter()
        .find_map(|i| match i {
            Item::Text { fragment, .. } if fragment.text == "1" && fragment.rise > 0.0 => {
                Some(fragment.clone())
            }
            _ => None,
        })
        .unwrap();
    assert!((raised.size - 8.1).abs() < 0.01, "{}", raised.size);
    assert!(raised.glyphs.iter().all(|g| g.y_offset > 5.0));
}

#[test]
fn a_line_whose_note_would_not_fit_goes_to_the_next_page() {
    // Notes so many that they cannot all stand under page 1's text: the lines
    // that carry the last ones move on, with their notes.
    let r = Renderer::new().unwrap();
    let layout = r.pages(&plan_with_notes(30)).unwrap();
    let mut seen = Vec::new();
    for (k, page) in layout.pages.iter().enumerate() {
        let lines = page_lines(&layout, k);
        // The raised numbers in the text (8.1 pt; a note's own is 5.8 pt).
        for n in page.items.iter().filter_map(|i| match i {
            Item::Text { fragment, .. } if fragment.rise > 0.0 && fragment.size > 8.0 => {
                Some(fragment.text.parse::<usize>().unwrap())
            }
            _ => None,
        }) {
            assert!(
                lines
                    .iter()
                    .any(|(_, t)| t.starts_with(&format!("{n} Ghi chú {n}:"))),
                "page {}: note {n} is not at its foot",
                k + 1
            );
            seen.push((n, k));
        }
        let bottom = page.height - 20.0 * 72.0 / 25.4;
        assert!(lines.iter().all(|(b, _)| *b < bottom), "page {}", k + 1);
    }
    assert_eq!(
        seen.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        (1..=30).collect::<Vec<_>>()
    );
    assert!(
        seen.last().unwrap().1 >= 1,
        "all 30 notes on page 1: {seen:?}"
    );
}

#[test]
fn the_giay_moi_s_note_is_on_page_1() {
    let layout = Renderer::new()
        .unwrap()
        .pages(&fixture("giay-moi-hop-ccn-lao-cai-2026"))
        .unwrap();
    let lines = page_lines(&layout, 0);
    assert!(
        lines
            .iter()
            .any(|(_, t)| t.starts_with("1 UBND các xã, phường: Gia Phú")),
        "{lines:#?}"
    );
}
