//! PDF output: line breaks as data, text extraction, determinism, page numbers,
//! keep-with-next, widows and orphans, missing glyphs.

mod common;

use common::*;
use unicode_normalization::UnicodeNormalization;
use vanban::ir::Role;
use vanban::layout::{Item, Layout};
use vanban::{PdfOptions, Renderer};

fn renderer() -> Renderer {
    Renderer::new().unwrap()
}

#[test]
fn seed_lines_snapshot() {
    let layout = renderer().pages(&seed_plan()).unwrap();
    let text: Vec<String> = layout
        .text_lines()
        .into_iter()
        .map(|(page, line)| format!("{page:>2} | {line}"))
        .collect();
    insta::assert_snapshot!("seed_pdf_lines", text.join("\n"));
}

#[test]
fn output_is_byte_identical_across_renders() {
    let plan = seed_plan();
    let a = renderer().pdf(&plan, &PdfOptions::default()).unwrap();
    let b = renderer().pdf(&plan, &PdfOptions::default()).unwrap();
    assert_eq!(a, b);
    assert!(a.len() < 80_000, "seed PDF is {} bytes", a.len());
}

#[test]
fn decomposed_input_gives_the_same_pdf() {
    let json = std::fs::read_to_string(repo("fixtures/ke-hoach-dong-dang-2024.json")).unwrap();
    let nfd: String = json.nfd().collect();
    assert_ne!(nfd, json);
    let a = vanban::Plan::from_json(&json).unwrap();
    let b = vanban::Plan::from_json(&nfd).unwrap();
    let opts = PdfOptions::default();
    assert_eq!(
        renderer().pdf(&a, &opts).unwrap(),
        renderer().pdf(&b, &opts).unwrap()
    );
}

/// The text of each page's items, for the page-number checks.
fn first_line(layout: &Layout, page: usize) -> Option<String> {
    layout
        .text_lines()
        .into_iter()
        .find(|(p, _)| *p as usize == page)
        .map(|(_, l)| l)
}

#[test]
fn twenty_pages_are_numbered_from_two() {
    let plan = long_plan(7);
    let layout = renderer().pages(&plan).unwrap();
    assert!(
        layout.pages.len() >= 20,
        "only {} pages",
        layout.pages.len()
    );
    // Page 1 starts with the header; every later page with its number, centred
    // in the top margin.
    assert_eq!(
        first_line(&layout, 1).unwrap(),
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    );
    for page in &layout.pages[1..] {
        let n = page.number as usize;
        let Some(Item::Text {
            fragment,
            baseline,
            x,
            para,
            ..
        }) = page.items.first()
        else {
            panic!("page {n} has no number");
        };
        assert_eq!(*para, usize::MAX);
        assert_eq!(fragment.text, n.to_string());
        assert!(
            *baseline < 56.7,
            "page number at {baseline} is not in the top margin"
        );
        let centre = x + fragment.width() / 2.0;
        let text_centre = 85.04 + 467.72 / 2.0;
        assert!(
            (centre - text_centre).abs() < 0.5,
            "page {n} number centred at {centre}"
        );
    }
    assert!(layout.pages[0].items.iter().all(|i| !matches!(
        i,
        Item::Text {
            para: usize::MAX,
            ..
        }
    )));
}

/// For each page: (first para, last para) of its body lines, and how many lines
/// each paragraph has on each page.
fn lines_per_para(layout: &Layout) -> Vec<Vec<(usize, usize)>> {
    layout
        .pages
        .iter()
        .map(|page| {
            let mut seen: Vec<(usize, f32)> = Vec::new();
            for item in &page.items {
                if let Item::Text { para, baseline, .. } = item
                    && *para != usize::MAX
                    && !seen
                        .iter()
                        .any(|(p, b)| p == para && (b - baseline).abs() < 0.5)
                {
                    seen.push((*para, *baseline));
                }
            }
            let mut counts: Vec<(usize, usize)> = Vec::new();
            for (p, _) in seen {
                match counts.iter_mut().find(|(q, _)| *q == p) {
                    Some((_, c)) => *c += 1,
                    None => counts.push((p, 1)),
                }
            }
            counts
        })
        .collect()
}

fn check_pagination(plan: &vanban::Plan) {
    let r = renderer();
    let doc = r.layout(plan).unwrap();
    let roles: Vec<Role> = doc.paras().map(|p| p.role).collect();
    let layout = r.pages(plan).unwrap();
    let pages = lines_per_para(&layout);
    let total = |para: usize| {
        pages
            .iter()
            .flatten()
            .filter(|(p, _)| *p == para)
            .map(|(_, c)| c)
            .sum::<usize>()
    };
    for (n, page) in pages.iter().enumerate() {
        let last = page.last().unwrap();
        // A heading is never the last thing on a page.
        if n + 1 < pages.len() {
            assert!(
                !matches!(roles[last.0], Role::Heading(_)),
                "page {} ends with a heading",
                n + 1
            );
        }
        // No single line of a split body paragraph alone at the bottom or the top.
        for &(para, count) in [page.first(), page.last()].into_iter().flatten() {
            if roles[para].is_body() && total(para) > count {
                assert!(
                    count >= 2,
                    "page {}: paragraph {para} has {count} line(s) here of {}",
                    n + 1,
                    total(para)
                );
            }
        }
    }
    // The closing block sits on the last page, whole.
    let last_page = pages.last().unwrap();
    let closing: Vec<usize> = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            matches!(
                r,
                Role::RecipientsLabel | Role::Recipient | Role::Authority | Role::SignerName
            )
        })
        .map(|(i, _)| i)
        .collect();
    for para in closing {
        assert!(
            last_page.iter().any(|(p, _)| *p == para),
            "closing paragraph {para} not on the last page"
        );
    }
}

#[test]
fn headings_keep_with_next_and_no_widows_or_orphans() {
    check_pagination(&seed_plan());
    check_pagination(&long_plan(5));
    let fest = vanban::input::plan_from_file(&repo("fixtures/ke-hoach-festival-ha-noi-2026.json"))
        .unwrap();
    check_pagination(&fest);
}

#[test]
fn closing_block_moves_whole_to_the_next_page() {
    // Grow the last paragraph until the closing block no longer fits on page 4.
    let mut plan = seed_plan();
    let pages_before = renderer().pages(&plan).unwrap().pages.len();
    let mut moved = false;
    for _ in 0..30 {
        let last = plan.sections.last_mut().unwrap();
        last.content.push(vanban::model::Block::Paragraph(
            "Thêm một đoạn để đẩy khối ký sang trang sau, kiểm tra rằng khối ký không bị tách."
                .into(),
        ));
        let layout = renderer().pages(&plan).unwrap();
        check_pagination(&plan);
        if layout.pages.len() > pages_before {
            moved = true;
            break;
        }
    }
    assert!(moved, "the closing block never moved");
}

#[test]
fn missing_glyph_is_an_error_listing_the_characters() {
    let mut plan = seed_plan();
    plan.summary = "Kế hoạch 中文".into();
    let err = renderer()
        .pdf(&plan, &PdfOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("'中' (U+4E2D)") && err.contains("'文' (U+6587)"),
        "{err}"
    );
    assert!(err.contains("Bold"), "{err}");
}

#[test]
fn pdf_a_2b_validates() {
    let opts = PdfOptions {
        pdf_a: true,
        creation_date: Some(vanban::model::IssueDate {
            day: Some(5),
            month: Some(3),
            year: 2024,
        }),
        ..Default::default()
    };
    let pdf = renderer().pdf(&seed_plan(), &opts).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("pdfaid:part"), "no PDF/A identification");
}

/// The seed plan's PDF, written to a scratch directory.
fn seed_pdf_file(name: &str) -> std::path::PathBuf {
    let path = scratch_dir(name).join("seed.pdf");
    let pdf = renderer()
        .pdf(&seed_plan(), &PdfOptions::default())
        .unwrap();
    std::fs::write(&path, pdf).unwrap();
    path
}

#[test]
fn extracted_text_holds_every_seed_paragraph() {
    if !have_tool("pdftotext", "extracted_text_holds_every_seed_paragraph") {
        return;
    }
    let path = seed_pdf_file("pdftext");
    // What a reader copies is NFC already (one glyph, one precomposed character).
    let raw = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    let raw = String::from_utf8(raw.stdout).unwrap();
    assert!(
        unicode_normalization::is_nfc(&raw),
        "extracted text is not NFC"
    );
    // Drop the page numbers that stand between the halves of a split paragraph.
    let pages: Vec<String> = pdftotext_pages(&path)
        .into_iter()
        .enumerate()
        .map(|(i, page)| {
            let mut lines: Vec<&str> = page.lines().collect();
            if i > 0 {
                let first = lines.iter().position(|l| !l.trim().is_empty()).unwrap();
                assert_eq!(
                    lines[first].trim(),
                    (i + 1).to_string(),
                    "page {} number",
                    i + 1
                );
                lines.remove(first);
            }
            lines.join("\n")
        })
        .collect();
    let text = fold(&pages.join(" "));
    // Lines of a paragraph are joined by a space in the extraction, so compare
    // paragraph by paragraph with whitespace folded.
    assert_in_order(&text, &seed_paragraphs_two_column_safe());
}

/// The seed paragraphs, with the two-column header and closing lines split where
/// `pdftotext -layout` interleaves the columns.
fn seed_paragraphs_two_column_safe() -> Vec<String> {
    seed_paragraphs()
        .into_iter()
        .filter(|p| {
            !p.starts_with("Số:")
                && !p.starts_with("Đồng Đăng,")
                && !p.starts_with("- ")
                && p != "Nơi nhận:"
                && !p.starts_with("KT.")
                && !p.starts_with("PHÓ")
                && p != "Lưu Quang Công"
        })
        .collect()
}

#[test]
fn metadata_is_unicode_title_and_author() {
    if !have_tool("pdfinfo", "metadata_is_unicode_title_and_author") {
        return;
    }
    let path = seed_pdf_file("pdfinfo");
    let out = std::process::Command::new("pdfinfo")
        .arg(&path)
        .output()
        .unwrap();
    let info = String::from_utf8(out.stdout).unwrap();
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    assert_eq!(
        field("Title:"),
        "Xây dựng, nhân rộng các mô hình, điển hình tiên tiến năm 2024"
    );
    assert_eq!(field("Author:"), "ỦY BAN NHÂN DÂN THỊ TRẤN ĐỒNG ĐĂNG");
    assert_eq!(field("Pages:"), "4");
}
