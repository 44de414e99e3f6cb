//! `| cell | cell |` lines (from text, or from a DOCX table) to a model [`Table`].
//!
//! The first line is the header. A line of `(1) | (2) | ...` under it is the column
//! number row. A line whose first cell is a Roman numeral (or a capital letter) and
//! whose other cells after the second are empty heads a group, its number kept in
//! the first column as written; so does a line of one cell in a wider table. A cell
//! may start with `{colspan=2}`, `{rowspan=3}` or `{colspan=2,rowspan=3}` (the DOCX
//! reader writes these for merged cells); the rows below a row-spanning cell leave
//! its column out. Spans that do not add up are read as text.
//! A `<br>` inside a cell separates its paragraphs. Column widths are estimated from
//! the length of the text in each column.

use crate::model::{Cell, Column, Grid, Row, Table, Text};

/// True for a line that is a table row.
pub(crate) fn is_row(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 2 && t.starts_with('|') && t.ends_with('|')
}

/// The cells of a row line, trimmed.
fn cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let inner = &t[1..t.len() - 1];
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

fn is_roman(s: &str) -> bool {
    let s = s.trim_end_matches('.');
    !s.is_empty() && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

fn is_column_number(s: &str, i: usize) -> bool {
    s == format!("({})", i + 1)
}

/// A cell's `{colspan=2,rowspan=3}` mark, if any: (colspan, rowspan, the text after).
fn marks(cell: &str) -> (usize, usize, &str) {
    let Some(rest) = cell.strip_prefix('{') else {
        return (1, 1, cell);
    };
    let Some(end) = rest.find('}') else {
        return (1, 1, cell);
    };
    let (mut colspan, mut rowspan) = (1, 1);
    for mark in rest[..end].split(',') {
        match mark.trim().split_once('=') {
            Some(("colspan", v)) => colspan = v.trim().parse().unwrap_or(0),
            Some(("rowspan", v)) => rowspan = v.trim().parse().unwrap_or(0),
            _ => return (1, 1, cell),
        }
    }
    if colspan == 0 || rowspan == 0 {
        return (1, 1, cell);
    }
    (colspan, rowspan, rest[end + 1..].trim_start())
}

fn group_number(s: &str) -> bool {
    is_roman(s) || (s.chars().count() == 1 && s.chars().all(|c| c.is_ascii_uppercase()))
}

/// The body rows, with the cells' spans when `with_spans`; rows short of cells are
/// filled with empty ones.
fn rows_of(rows: &[Vec<String>], n: usize, with_spans: bool) -> Vec<Row> {
    let mut out = Vec::with_capacity(rows.len());
    let mut grid = Grid::new(n);
    for r in rows {
        let cells: Vec<(usize, usize, &str)> = r
            .iter()
            .map(|c| {
                if with_spans {
                    marks(c)
                } else {
                    (1, 1, c.as_str())
                }
            })
            .collect();
        let free = grid.covered() == 0;
        let text = |k: usize| cells.get(k).map_or("", |c| c.2);
        // One cell across a wider table: a group row (as a DOCX merged cell reads).
        if free && cells.len() == 1 && n > 1 && !text(0).is_empty() && cells[0].1 == 1 {
            out.push(Row::Group {
                number: None,
                text: Text::from(text(0)),
            });
            continue;
        }
        // A Roman numeral (or a capital) and a heading, nothing after: a group row.
        if free
            && n >= 2
            && group_number(text(0))
            && !text(1).is_empty()
            && cells.iter().all(|c| c.1 == 1)
            && (2..cells.len()).all(|k| text(k).is_empty())
        {
            out.push(Row::Group {
                number: Some(text(0).to_string()),
                text: Text::from(text(1)),
            });
            continue;
        }
        let mut row: Vec<Cell> = cells
            .iter()
            .map(|(colspan, rowspan, t)| Cell {
                colspan: *colspan,
                rowspan: *rowspan,
                ..Cell::from_text(&t.replace("<br>", "\n"))
            })
            .collect();
        // Fill the row to the table's width, or drop empty cells past it.
        let width = |row: &[Cell]| grid.covered() + row.iter().map(|c| c.colspan).sum::<usize>();
        while width(&row) < n {
            row.push(Cell::from_text(""));
        }
        while width(&row) > n && row.last().is_some_and(|c| c.paragraphs.is_empty()) {
            row.pop();
        }
        // More cells than columns: the extra ones go into the last column, so that
        // no word is lost and the table stays well formed.
        while width(&row) > n && row.len() >= 2 {
            let extra = row.pop().expect("two cells");
            let last = row.last_mut().expect("one cell");
            last.paragraphs.extend(extra.paragraphs);
        }
        let mut col = 0;
        for c in &row {
            col = grid.next_free(col);
            grid.mark(col, c.colspan, c.rowspan);
            col += c.colspan;
        }
        grid.end_row();
        out.push(Row::Cells {
            cells: row,
            keep_together: false,
        });
    }
    out
}

/// True when the rows make a well-formed table `n` columns wide.
fn valid(rows: &[Row], n: usize) -> bool {
    let t = Table {
        columns: (0..n)
            .map(|_| Column {
                header: Text::from(""),
                width: 1,
                align: None,
            })
            .collect(),
        column_numbers: false,
        rows: rows.to_vec(),
    };
    t.validate().is_ok()
}

/// Builds a table from its row lines (at least one: the header).
pub(crate) fn table(lines: &[&str]) -> Table {
    let mut rows: Vec<Vec<String>> = lines.iter().map(|l| cells(l)).collect();
    let head = rows.remove(0);
    let n = head.len();
    let column_numbers = rows
        .first()
        .is_some_and(|r| r.iter().enumerate().all(|(i, c)| is_column_number(c, i)));
    if column_numbers {
        rows.remove(0);
    }
    let mut out_rows = rows_of(&rows, n, true);
    if !valid(&out_rows, n) {
        // Spans that do not add up (a hand-written text): read the cells without them.
        out_rows = rows_of(&rows, n, false);
    }
    let cells_of = |i: usize| {
        out_rows.iter().filter_map(move |r| match r {
            Row::Cells { cells, .. } => cells.get(i).filter(|c| c.colspan <= 1),
            Row::Group { .. } => None,
        })
    };
    let measure = Measure::new();
    let bounds: Vec<(f32, f32)> = head
        .iter()
        .enumerate()
        .map(|(i, h)| measure.column(&h.replace("<br>", " "), cells_of(i)))
        .collect();
    let typo = crate::nd30::Typography::default();
    let text_width = typo.text_width_twips(false) as f32 / 20.0;
    let widths = auto_widths(&bounds, text_width);
    let columns = head
        .iter()
        .zip(widths)
        .map(|(h, width)| Column {
            header: Text::from(h.replace("<br>", " ").as_str()),
            width,
            align: None,
        })
        .collect();
    Table {
        columns,
        column_numbers,
        rows: out_rows,
    }
}

/// Text measured as the table's cells are set: the header in bold, the cells in
/// the regular face, at the table's size, with the cell margins.
struct Measure {
    fonts: crate::fonts::FontSet,
    size: f32,
    margins: f32,
}

impl Measure {
    fn new() -> Measure {
        let typo = crate::nd30::Typography::default();
        Measure {
            fonts: crate::fonts::FontSet::builtin(),
            size: typo.table_size,
            margins: 2.0 * typo.cell_margin_twips as f32 / 20.0,
        }
    }

    /// A column's min-content width (its longest word, header included) and its
    /// max-content width (its longest paragraph), in points, margins included.
    fn column<'a>(&self, header: &str, cells: impl Iterator<Item = &'a Cell>) -> (f32, f32) {
        use crate::fonts::Face;
        let shapers = self.fonts.shapers();
        let width = |face: Face, t: &str| shapers.width(face, t, self.size);
        let words = |face: Face, t: &str| {
            t.split_whitespace()
                .map(|w| width(face, w))
                .fold(0.0f32, f32::max)
        };
        let (mut min, mut max) = (words(Face::Bold, header), width(Face::Bold, header.trim()));
        for c in cells {
            for p in &c.paragraphs {
                let t = p.plain();
                min = min.max(words(Face::Regular, &t));
                max = max.max(width(Face::Regular, t.trim()));
            }
        }
        // A point of room, for the rounding of column edges to twips.
        (min + self.margins + 1.0, max.max(min) + self.margins + 1.0)
    }
}

/// Column widths for a table `available` points wide, as browsers lay out tables
/// automatically: each column gets its max-content width when all fit; else its
/// min-content width (its longest word) plus a share of the room left in
/// proportion to what it would still take; when even the longest words do not
/// fit, the min-content widths. Relative widths, in tenths of a point.
fn auto_widths(bounds: &[(f32, f32)], available: f32) -> Vec<u32> {
    let min: f32 = bounds.iter().map(|b| b.0).sum();
    let max: f32 = bounds.iter().map(|b| b.1).sum();
    let widths: Vec<f32> = if max <= available {
        bounds.iter().map(|b| b.1).collect()
    } else if min < available {
        let share = (available - min) / (max - min);
        bounds.iter().map(|b| b.0 + (b.1 - b.0) * share).collect()
    } else {
        bounds.iter().map(|b| b.0).collect()
    };
    widths
        .iter()
        .map(|w| (w * 10.0).round().max(1.0) as u32)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_numbers_groups_and_breaks() {
        let t = table(&[
            "| STT | Đơn vị được kiểm tra | Thời gian kiểm tra |",
            "| (1) | (2) | (3) |",
            "| I | Cơ quan chuyên môn cấp tỉnh |  |",
            "| 1 | Sở Xây dựng <br> Sở Y tế | Tháng 7/2026 |",
        ]);
        assert_eq!(t.columns.len(), 3);
        assert!(t.column_numbers);
        assert!(
            matches!(&t.rows[0], Row::Group { number: Some(n), text } if n == "I" && text.plain() == "Cơ quan chuyên môn cấp tỉnh")
        );
        let Row::Cells { cells, .. } = &t.rows[1] else {
            panic!()
        };
        assert_eq!(cells[1].paragraphs.len(), 2);
        assert!(t.columns[1].width > t.columns[0].width);
        t.validate().unwrap();
    }

    #[test]
    fn merged_cells_keep_their_spans() {
        let t = table(&[
            "| TT | Việc | Ai | Khi |",
            "| 1 | Họp | {rowspan=2} Văn phòng | Tháng 3 |",
            "| 2 | Báo cáo | Tháng 4 |",
            "| {colspan=3} Tổng cộng: 2 việc | |",
            "| {colspan=4} GHI CHÚ |",
        ]);
        t.validate().unwrap();
        let Row::Cells { cells, .. } = &t.rows[0] else {
            panic!()
        };
        assert_eq!(
            (cells[2].rowspan, cells[2].paragraphs[0].plain()),
            (2, "Văn phòng".into())
        );
        let Row::Cells { cells, .. } = &t.rows[1] else {
            panic!()
        };
        assert_eq!(cells.len(), 3);
        let Row::Cells { cells, .. } = &t.rows[2] else {
            panic!()
        };
        assert_eq!(cells[0].colspan, 3);
        assert!(
            matches!(&t.rows[3], Row::Group { number: None, text } if text.plain() == "GHI CHÚ")
        );
    }

    #[test]
    fn spans_that_do_not_add_up_are_dropped() {
        let t = table(&["| A | B |", "| {rowspan=5} x | y |", "| {colspan=9} z |"]);
        t.validate().unwrap();
        let Row::Cells { cells, .. } = &t.rows[0] else {
            panic!()
        };
        assert_eq!(cells[0].paragraphs[0].plain(), "{rowspan=5} x");
    }

    #[test]
    fn a_numbered_row_with_text_in_every_cell_is_not_a_group() {
        let t = table(&["| TT | Việc | Ai |", "| I | Họp | Sở |"]);
        assert!(matches!(&t.rows[0], Row::Cells { .. }));
    }
}
