//! Appendices and tables: the fixture with two appendices (a landscape table of
//! 16 rows with group rows and spanning cells, and a text outline) in both formats.

mod common;

use common::*;
use vanban::layout::{Item, Layout};
use vanban::model::{Block, Cell, Column, Row, Table};
use vanban::{Plan, Renderer};

const FIXTURE: &str = "fixtures/ke-hoach-dong-dang-2024-phu-luc.json";

fn plan() -> Plan {
    vanban::input::plan_from_file(&repo(FIXTURE)).unwrap()
}

fn renderer() -> Renderer {
    Renderer::new().unwrap()
}

/// The number of each page.
fn numbers(layout: &Layout) -> Vec<u32> {
    layout.pages.iter().map(|p| p.number).collect()
}

#[test]
fn layout_ir_snapshot() {
    let doc = renderer().layout(&plan()).unwrap();
    insta::assert_snapshot!("appendix_ir", doc.to_text());
}

#[test]
fn document_xml_snapshot() {
    let docx = renderer().docx(&plan()).unwrap();
    let xml = docx_part(&docx, "word/document.xml");
    insta::assert_snapshot!("appendix_document_xml", pretty_xml(&xml));
}

#[test]
fn labels_and_references_follow_r37() {
    let p = plan();
    assert_eq!(p.appendix_label(0), "Phụ lục I");
    assert_eq!(p.appendix_label(1), "Phụ lục II");
    let doc = renderer().layout(&p).unwrap();
    let refs: Vec<String> = doc
        .paras()
        .filter(|x| x.role == vanban::ir::Role::AppendixReference)
        .map(|x| x.plain())
        .collect();
    assert_eq!(
        refs,
        ["(Kèm theo Kế hoạch số 12/KH-UBND ngày 05 tháng 3 năm 2024 của Ủy ban nhân dân thị trấn Đồng Đăng)";
            2]
    );
    // A draft keeps its blanks, and one appendix is plain `Phụ lục`.
    let mut draft = p.clone();
    draft.header.number = None;
    draft.header.date.day = None;
    draft.appendices.truncate(1);
    assert_eq!(draft.appendix_label(0), "Phụ lục");
    assert_eq!(
        draft.appendix_reference(0),
        "(Kèm theo Kế hoạch số      /KH-UBND ngày      tháng 3 năm 2024 của Ủy ban nhân dân thị trấn Đồng Đăng)"
    );
}

#[test]
fn appendix_pages_are_numbered_from_one_and_the_table_is_landscape() {
    let layout = renderer().pages(&plan()).unwrap();
    // Plan: 4 pages; Phụ lục I: 3 landscape pages; Phụ lục II: 1 page.
    assert_eq!(numbers(&layout), [1, 2, 3, 4, 1, 2, 3, 1]);
    for (i, page) in layout.pages.iter().enumerate() {
        let landscape = (4..7).contains(&i);
        assert_eq!(page.width > page.height, landscape, "page {}", i + 1);
    }
    // The number is printed from the second page of each appendix, centred on its
    // own page width.
    let first_line = |k: usize| {
        page_text(&layout, k)
            .lines()
            .next()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(first_line(4), "Phụ lục I");
    assert_eq!(first_line(5), "2");
    assert_eq!(first_line(6), "3");
    assert_eq!(first_line(7), "Phụ lục II");
    let number_x = layout.pages[5]
        .items
        .iter()
        .find_map(|i| match i {
            Item::Text { x, para, .. } if *para == usize::MAX => Some(*x),
            _ => None,
        })
        .unwrap();
    let text_centre = 85.04 + (layout.pages[5].width - 85.04 - 42.52) / 2.0;
    assert!((number_x - text_centre).abs() < 8.0, "number at {number_x}");

    let docx = renderer().docx(&plan()).unwrap();
    let xml = docx_part(&docx, "word/document.xml");
    assert_eq!(xml.matches("<w:pgNumType w:start=\"1\" />").count(), 2);
    assert_eq!(xml.matches("w:orient=\"landscape\"").count(), 1);
    assert_eq!(xml.matches("<w:sectPr>").count(), 3);
}

/// The lines of page `k` (0-based), top to bottom.
fn page_text(layout: &Layout, k: usize) -> String {
    let one = Layout {
        width: layout.width,
        height: layout.height,
        pages: vec![layout.pages[k].clone()],
    };
    one.text_lines()
        .into_iter()
        .map(|(_, l)| l)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn header_rows_repeat_on_every_page_of_the_table() {
    let layout = renderer().pages(&plan()).unwrap();
    for k in 4..7 {
        let text = page_text(&layout, k);
        assert!(
            text.contains("TT Tên mô hình, điển hình tiên tiến Đơn vị, cá nhân chủ Đơn vị phối hợp Thời gian Ghi chú"),
            "page {}: {text}",
            k + 1
        );
        assert!(text.contains("(1) (2) (3) (4) (5) (6)"), "page {}", k + 1);
    }
    // In the DOCX: the header and the number row are marked, and no other row.
    let docx = renderer().docx(&plan()).unwrap();
    let xml = docx_part(&docx, "word/document.xml");
    assert_eq!(xml.matches("<w:tblHeader />").count(), 2);
    let table = &xml[xml.find("<w:tblBorders>").unwrap()..];
    let rows: Vec<&str> = table.split("<w:tr>").skip(1).collect();
    assert!(rows[0].contains("<w:tblHeader />") && rows[0].contains(">TT<"));
    assert!(rows[1].contains("<w:tblHeader />") && rows[1].contains(">(1)<"));
}

#[test]
fn spans_are_merged_cells_in_the_docx() {
    let docx = renderer().docx(&plan()).unwrap();
    let xml = docx_part(&docx, "word/document.xml");
    // Row 5's executor covers rows 5-7; the total spans five columns; each group
    // row spans all six.
    assert_eq!(xml.matches("<w:vMerge w:val=\"restart\" />").count(), 1);
    assert_eq!(xml.matches("<w:vMerge w:val=\"continue\" />").count(), 2);
    assert_eq!(xml.matches("<w:gridSpan w:val=\"6\" />").count(), 4);
    assert_eq!(xml.matches("<w:gridSpan w:val=\"5\" />").count(), 1);
    vanban::docx::check_schema_order(&xml).unwrap();
}

#[test]
fn every_cell_is_printed_once_in_the_pdf() {
    let p = plan();
    let layout = renderer().pages(&p).unwrap();
    let all: String = (0..layout.pages.len())
        .map(|k| page_text(&layout, k))
        .collect::<Vec<_>>()
        .join("\n");
    let Block::Table(t) = &p.appendices[0].content[0] else {
        panic!("the first appendix holds a table")
    };
    assert!(t.rows.len() >= 15);
    for row in &t.rows {
        if let Row::Cells { cells, .. } = row {
            for c in cells {
                for para in &c.paragraphs {
                    // Each word of the cell is there (lines may wrap anywhere).
                    for w in para.plain().split_whitespace() {
                        assert!(all.contains(w), "{w:?} missing");
                    }
                }
            }
        }
    }
}

fn text_items(layout: &Layout) -> impl Iterator<Item = (usize, f32, f32)> + '_ {
    layout.pages.iter().enumerate().flat_map(|(k, p)| {
        p.items.iter().filter_map(move |i| match i {
            Item::Text { x, fragment, .. } => Some((k, *x, *x + fragment.width())),
            _ => None,
        })
    })
}

/// A plan whose only appendix holds `table`.
fn with_table(table: Table) -> Plan {
    let mut p = plan();
    p.appendices.truncate(1);
    p.appendices[0].landscape = false;
    p.appendices[0].content = vec![Block::Table(Box::new(table))];
    p
}

fn col(h: &str, width: u32) -> Column {
    Column {
        header: h.into(),
        width,
        align: None,
    }
}

#[test]
fn a_long_word_and_a_three_page_row_stay_inside_their_cells() {
    let word = "Nghịđịnhsố30/2020/NĐ-CPvềcôngtácvănthư".repeat(6);
    let long_text =
        "Cán bộ, công chức thường xuyên theo dõi, hỗ trợ, xây dựng và nhân rộng điển hình. "
            .repeat(100);
    let table = Table {
        columns: vec![col("TT", 1), col("Nội dung", 6), col("Ghi chú", 2)],
        column_numbers: false,
        rows: vec![
            Row::Cells {
                cells: vec!["1".into(), Cell::from_text(&word), "x".into()],
                keep_together: false,
            },
            Row::Cells {
                cells: vec!["2".into(), Cell::from_text(&long_text), "y".into()],
                keep_together: false,
            },
            // A row that asks not to break but is taller than a page: it breaks anyway.
            Row::Cells {
                cells: vec!["3".into(), Cell::from_text(&long_text), "z".into()],
                keep_together: true,
            },
        ],
    };
    let p = with_table(table);
    let r = renderer();
    let layout = r.pages(&p).unwrap();
    let first = layout.pages.iter().position(|p| p.number == 1 && p.items.iter().any(|i| matches!(i, Item::Text { fragment, .. } if fragment.text.contains("Phụ lục")))).unwrap();
    // Rows 2 and 3 each run over three pages or more.
    let pages_with = |needle: &str| {
        (first..layout.pages.len())
            .filter(|k| page_text(&layout, *k).contains(needle))
            .count()
    };
    let long_pages = pages_with("thường xuyên theo dõi");
    assert!(long_pages >= 6, "{long_pages} pages hold the long rows");
    // Row 3 asked to keep together but is taller than a page: it breaks where it
    // stands, right under row 2, as LibreOffice breaks it.
    let row3 = (first..layout.pages.len())
        .find(|k| page_text(&layout, *k).lines().any(|l| l.starts_with("3 ")))
        .unwrap();
    let before = page_text(&layout, row3);
    let at = before.find("\n3 ").unwrap();
    assert!(
        before[..at].lines().count() > 2,
        "row 3 starts a page of its own: {before}"
    );
    assert!(
        layout.pages.len() - row3 >= 3,
        "row 3 from page {}",
        row3 + 1
    );
    // Nothing crosses the table's right edge (the text area's).
    let right = layout.width - 15.0 * 72.0 / 25.4;
    for (k, x0, x1) in text_items(&layout).filter(|(k, ..)| *k >= first) {
        assert!(
            x0 >= 85.0 && x1 <= right + 0.1,
            "page {}: {x0}..{x1}",
            k + 1
        );
    }
    // Every page of the appendix after its first repeats the header.
    for k in first + 1..layout.pages.len() {
        assert!(
            page_text(&layout, k).contains("TT Nội dung Ghi chú"),
            "page {}",
            k + 1
        );
    }
    // All of the long word is there, in pieces, one line under the other in the
    // second column.
    let mut frags: Vec<(usize, f32, f32, String)> = Vec::new();
    for (k, page) in layout.pages.iter().enumerate().skip(first) {
        for i in &page.items {
            if let Item::Text {
                x,
                baseline,
                fragment,
                ..
            } = i
                && *x > 130.0
                && *x < 400.0
            {
                frags.push((k, *baseline, *x, fragment.text.clone()));
            }
        }
    }
    frags.sort_by(|a, b| (a.0, a.1, a.2).partial_cmp(&(b.0, b.1, b.2)).unwrap());
    let column: String = frags.into_iter().map(|f| f.3).collect();
    assert!(column.contains(&word), "the long word is cut or lost");
    // Both formats are written.
    r.pdf(&p, &Default::default()).unwrap();
    r.docx(&p).unwrap();
}

#[test]
fn an_empty_table_body_and_empty_cells_render() {
    let table = Table {
        columns: vec![col("TT", 1), col("Việc", 5)],
        column_numbers: true,
        rows: vec![Row::Cells {
            cells: vec!["".into(), "".into()],
            keep_together: false,
        }],
    };
    let p = with_table(table);
    let layout = renderer().pages(&p).unwrap();
    assert!(page_text(&layout, layout.pages.len() - 1).contains("(1) (2)"));
    let docx = renderer().docx(&p).unwrap();
    vanban::docx::check_schema_order(&docx_part(&docx, "word/document.xml")).unwrap();
}

#[test]
fn json_of_the_fixture_reads_back_the_same() {
    let p = plan();
    let back = Plan::from_json(&p.to_json()).unwrap();
    assert_eq!(back, p);
}

#[test]
fn the_readme_example_of_appendices_renders() {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let section = &readme[readme.find("### Appendices and tables").unwrap()..];
    let start = section.find("```json\n").unwrap() + "```json\n".len();
    let fragment = &section[start..start + section[start..].find("```").unwrap()];
    let seed = std::fs::read_to_string(repo("fixtures/ke-hoach-dong-dang-2024.json")).unwrap();
    let json = format!(
        "{},{}}}",
        seed.trim_end().trim_end_matches('}'),
        fragment.trim()
    );
    let plan = Plan::from_json(&json).unwrap();
    assert_eq!(plan.appendices.len(), 2);
    let r = renderer();
    let layout = r.pages(&plan).unwrap();
    assert!(layout.pages.iter().any(|p| p.width > p.height));
    r.docx(&plan).unwrap();
}

#[test]
fn output_is_the_same_on_every_render() {
    let p = plan();
    let r = renderer();
    assert_eq!(r.docx(&p).unwrap(), renderer().docx(&p).unwrap());
    assert_eq!(
        r.pdf(&p, &Default::default()).unwrap(),
        r.pdf(&p, &Default::default()).unwrap()
    );
}

#[test]
fn our_docx_imports_back_with_its_tables() {
    let p = plan();
    let docx = renderer().docx(&p).unwrap();
    let back = vanban::import::import_docx(&docx).unwrap().plan;
    assert_eq!(back.appendices.len(), 2);
    assert_eq!(back.appendix_label(1), "Phụ lục II");
    let Some(Block::Table(t)) = back.appendices[0].content.first() else {
        panic!("no table in {:#?}", back.appendices[0])
    };
    assert_eq!(t.columns.len(), 6);
    assert!(t.column_numbers);
    let groups = t
        .rows
        .iter()
        .filter(|r| matches!(r, Row::Group { .. }))
        .count();
    assert_eq!(groups, 4);
    // Every row comes back as it was written, merged cells included: the executor
    // over rows 5-7 and the total over five columns.
    let Block::Table(original) = &p.appendices[0].content[0] else {
        panic!()
    };
    assert_eq!(t.rows, original.rows);
    t.validate().unwrap();
    assert_eq!(back.appendices[1].sections.len(), 3);
}

#[test]
fn a_heading_stays_with_the_table_under_it() {
    // Push a heading and the table under it down the page line by line: the heading
    // is never left alone at the foot of a page.
    let base = plan();
    let Block::Table(t) = &base.appendices[0].content[0] else {
        panic!()
    };
    let mut small = (**t).clone();
    small.rows.truncate(3);
    let r = renderer();
    let mut crossings = 0;
    for n in 0..40 {
        let mut p = base.clone();
        p.appendices.clear();
        let last = p.sections.last_mut().unwrap();
        last.sections = vec![
            vanban::model::Section {
                title: Some("Phân công".into()),
                content: (0..n)
                    .map(|i| Block::Paragraph(format!("Đoạn {i}.").into()))
                    .collect(),
                ..Default::default()
            },
            vanban::model::Section {
                title: Some("Bảng phân công".into()),
                content: vec![Block::Table(Box::new(small.clone()))],
                ..Default::default()
            },
        ];
        let layout = r.pages(&p).unwrap();
        let page_of = |needle: &str| {
            (0..layout.pages.len())
                .find(|k| page_text(&layout, *k).contains(needle))
                .unwrap_or_else(|| {
                    panic!(
                        "{needle:?} is on no page: {}",
                        page_text(&layout, layout.pages.len() - 1)
                    )
                })
        };
        let heading = page_of("2. Bảng phân công");
        let table = page_of("(2) (3) (4)");
        assert_eq!(
            heading,
            table,
            "{n} paragraphs: heading on page {}",
            heading + 1
        );
        crossings += usize::from(heading > page_of("1. Phân công"));
        // No end mark after a heading: the body ends with the table.
        assert!(!page_text(&layout, heading).contains("Bảng phân công./."));
    }
    assert!(crossings > 0, "the heading never reached a page break");
}

#[test]
fn a_row_kept_together_moves_to_the_next_page_whole() {
    let block = "Dòng thứ nhất\nDòng thứ hai\nDòng thứ ba\nDòng thứ tư\nDòng thứ năm\nDòng thứ sáu";
    let r = renderer();
    let mut moved = 0;
    for n in 10..40 {
        let mut rows: Vec<Row> = (0..n)
            .map(|i| Row::Cells {
                cells: vec![format!("{}", i + 1).as_str().into(), "Việc".into()],
                keep_together: false,
            })
            .collect();
        rows.push(Row::Cells {
            cells: vec!["X".into(), Cell::from_text(block)],
            keep_together: true,
        });
        let p = with_table(Table {
            columns: vec![col("TT", 1), col("Việc", 6)],
            column_numbers: false,
            rows,
        });
        let layout = r.pages(&p).unwrap();
        let pages: Vec<usize> = ["Dòng thứ nhất", "Dòng thứ sáu"]
            .iter()
            .map(|l| {
                (0..layout.pages.len())
                    .find(|k| page_text(&layout, *k).contains(l))
                    .unwrap()
            })
            .collect();
        assert_eq!(pages[0], pages[1], "{n} rows before: the kept row is split");
        let top_of_page = page_text(&layout, pages[0])
            .lines()
            .nth(2)
            .is_some_and(|l| l.starts_with("X "));
        moved += usize::from(top_of_page);
    }
    assert!(moved > 0, "the kept row never reached a page foot");
}
