//! `| cell | cell |` lines (from text, or from a DOCX table) to a model [`Table`].
//!
//! The first line is the header. A line of `(1) | (2) | ...` under it is the column
//! number row. A line whose first cell is a Roman numeral (or a capital letter) and
//! whose other cells after the second are empty heads a group, its number kept in
//! the first column as written; so does a line of one cell in a wider table.
//! A `<br>` inside a cell separates its paragraphs. Column widths are estimated from
//! the length of the text in each column.

use crate::model::{Cell, Column, Row, Table, Text};

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
    let mut out_rows = Vec::with_capacity(rows.len());
    for mut r in rows {
        // One cell across a wider table: a group row (as a DOCX merged cell reads).
        if r.len() == 1 && n > 1 && !r[0].is_empty() {
            out_rows.push(Row::Group {
                number: None,
                text: Text::from(r[0].as_str()),
            });
            continue;
        }
        r.resize(n, String::new());
        let group = n >= 2
            && (is_roman(&r[0])
                || (r[0].chars().count() == 1 && r[0].chars().all(|c| c.is_ascii_uppercase())))
            && !r[1].is_empty()
            && r[2..].iter().all(|c| c.is_empty());
        if group {
            out_rows.push(Row::Group {
                number: Some(r[0].clone()),
                text: Text::from(r[1].as_str()),
            });
            continue;
        }
        out_rows.push(Row::Cells {
            cells: r
                .iter()
                .map(|c| Cell::from_text(&c.replace("<br>", "\n")))
                .collect(),
            keep_together: false,
        });
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
    fn a_numbered_row_with_text_in_every_cell_is_not_a_group() {
        let t = table(&["| TT | Việc | Ai |", "| I | Họp | Sở |"]);
        assert!(matches!(&t.rows[0], Row::Cells { .. }));
    }
}
