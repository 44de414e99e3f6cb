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
    let columns = head
        .iter()
        .enumerate()
        .map(|(i, h)| Column {
            header: Text::from(h.replace("<br>", " ").as_str()),
            width: estimate_width(
                h,
                out_rows.iter().filter_map(|r| match r {
                    Row::Cells { cells, .. } => cells.get(i),
                    Row::Group { .. } => None,
                }),
            ),
            align: None,
        })
        .collect();
    Table {
        columns,
        column_numbers,
        rows: out_rows,
    }
}

/// A relative width for a column: its average text length, but at least its
/// longest word and the header's longest word, within 4..=60 characters.
fn estimate_width<'a>(header: &str, cells: impl Iterator<Item = &'a Cell>) -> u32 {
    let longest_word = |s: &str| {
        s.split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
    };
    let (mut total, mut count, mut word) = (0usize, 0usize, longest_word(header));
    for c in cells {
        let text: String = c
            .paragraphs
            .iter()
            .map(Text::plain)
            .collect::<Vec<_>>()
            .join(" ");
        total += text.chars().count();
        count += 1;
        word = word.max(longest_word(&text));
    }
    let avg = total.checked_div(count).unwrap_or(0);
    avg.max(word + 2).clamp(4, 60) as u32
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
