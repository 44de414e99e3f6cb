//! DOCX to lines: paragraphs and table cells in reading order.
//!
//! Two-column tables are the layout tables of the header and the closing block: they
//! are read column by column (the left column, then the right one), as text copies of
//! those tables come out. Wider tables are data tables: each row becomes one
//! `| cell | cell |` line, a cell's paragraphs joined with ` <br> `; a merged cell
//! starts with `{colspan=2}`, `{rowspan=3}` or `{colspan=2,rowspan=3}`, and the cells
//! that continue a vertical merge are left out, as in the model.

use docx_rs::{DocumentChild, Table, TableCellContent, TableChild, TableRowChild};

use crate::Error;

/// The lines of a DOCX. A file that makes the reader fail, or panic, is an error.
pub fn lines(bytes: &[u8]) -> Result<Vec<String>, Error> {
    let read = std::panic::catch_unwind(|| docx_rs::read_docx(bytes));
    let docx = match read {
        Ok(Ok(d)) => d,
        Ok(Err(e)) => {
            return Err(Error::Import {
                file: None,
                message: format!("the DOCX cannot be read: {e}"),
            });
        }
        Err(_) => {
            return Err(Error::Import {
                file: None,
                message: "the DOCX cannot be read: the reader stopped on malformed content".into(),
            });
        }
    };
    let mut out = Vec::new();
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => push_paragraph(&mut out, &p.raw_text()),
            DocumentChild::Table(t) => table(&mut out, t),
            _ => {}
        }
    }
    Ok(out)
}

fn push_paragraph(out: &mut Vec<String>, text: &str) {
    // A line break inside a paragraph starts a new line (header and title lines).
    for line in text.split('\n') {
        out.push(line.to_string());
    }
}

fn cell_paragraphs(content: &[TableCellContent]) -> Vec<String> {
    let mut out = Vec::new();
    for c in content {
        match c {
            TableCellContent::Paragraph(p) => push_paragraph(&mut out, &p.raw_text()),
            TableCellContent::Table(t) => table(&mut out, t),
            _ => {}
        }
    }
    out
}

/// How a cell of a DOCX table merges with its neighbours.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Merge {
    /// An ordinary cell, or the first of a vertical merge.
    Start,
    /// A cell continuing the vertical merge above it.
    Continue,
}

/// A cell's grid span and vertical merge, read through docx-rs's serialized form
/// (its fields are private).
fn spans(c: &docx_rs::TableCell) -> (usize, Merge) {
    let v = serde_json::to_value(&c.property).unwrap_or_default();
    let span = v["gridSpan"].as_u64().unwrap_or(1).max(1) as usize;
    let merge = match v["verticalMerge"].as_str() {
        Some("continue") => Merge::Continue,
        _ => Merge::Start,
    };
    (span, merge)
}

/// A cell with its place in the table's grid.
struct GridCell {
    col: usize,
    span: usize,
    merge: Merge,
    paras: Vec<String>,
}

fn table(out: &mut Vec<String>, t: &Table) {
    let rows: Vec<Vec<GridCell>> = t
        .rows
        .iter()
        .map(|TableChild::TableRow(r)| {
            let mut col = 0;
            r.cells
                .iter()
                .map(|TableRowChild::TableCell(c)| {
                    let (span, merge) = spans(c);
                    let cell = GridCell {
                        col,
                        span,
                        merge,
                        paras: cell_paragraphs(&c.children),
                    };
                    col += span;
                    cell
                })
                .collect()
        })
        .collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    if columns <= 2 {
        for col in 0..columns {
            for row in &rows {
                if let Some(cell) = row.get(col) {
                    out.extend(cell.paras.iter().cloned());
                }
            }
            out.push(String::new());
        }
        return;
    }
    for (r, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .filter(|c| c.merge == Merge::Start)
            .map(|cell| {
                // Rows below that continue this cell's merge.
                let rowspan = 1 + rows[r + 1..]
                    .iter()
                    .take_while(|below| {
                        below
                            .iter()
                            .any(|c| c.col == cell.col && c.merge == Merge::Continue)
                    })
                    .count();
                let span = cell.span;
                let text = cell
                    .paras
                    .iter()
                    .map(|p| p.trim())
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(" <br> ");
                let mut marks = Vec::new();
                if span > 1 {
                    marks.push(format!("colspan={span}"));
                }
                if rowspan > 1 {
                    marks.push(format!("rowspan={rowspan}"));
                }
                if marks.is_empty() {
                    text
                } else {
                    format!("{{{}}} {text}", marks.join(","))
                        .trim_end()
                        .to_string()
                }
            })
            .collect();
        out.push(format!("| {} |", cells.join(" | ")));
    }
    out.push(String::new());
}
