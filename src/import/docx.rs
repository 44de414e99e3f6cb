//! DOCX to lines: paragraphs and table cells in reading order.
//!
//! Two-column tables are the layout tables of the header and the closing block: they
//! are read column by column (the left column, then the right one), as text copies of
//! those tables come out. Wider tables are data tables: each row becomes one
//! `| cell | cell |` line, a cell's paragraphs joined with ` <br> `.

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

fn table(out: &mut Vec<String>, t: &Table) {
    let rows: Vec<Vec<Vec<String>>> = t
        .rows
        .iter()
        .map(|TableChild::TableRow(r)| {
            r.cells
                .iter()
                .map(|TableRowChild::TableCell(c)| cell_paragraphs(&c.children))
                .collect()
        })
        .collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    if columns <= 2 {
        for col in 0..columns {
            for row in &rows {
                if let Some(cell) = row.get(col) {
                    out.extend(cell.iter().cloned());
                }
            }
            out.push(String::new());
        }
    } else {
        for row in &rows {
            let cells: Vec<String> = row
                .iter()
                .map(|c| {
                    c.iter()
                        .map(|p| p.trim())
                        .filter(|p| !p.is_empty())
                        .collect::<Vec<_>>()
                        .join(" <br> ")
                })
                .collect();
            out.push(format!("| {} |", cells.join(" | ")));
        }
        out.push(String::new());
    }
}
