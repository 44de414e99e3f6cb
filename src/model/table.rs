//! Tables: the task-assignment grids of appendices (who does what, with whom, by when).

use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use super::text::{Text, TextVisitor, VisitText};

/// How the text of a column's cells sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CellAlign {
    /// Flush left (names, tasks).
    Left,
    /// Centred (the `TT` column, dates).
    Center,
    /// Justified.
    Justify,
}

/// A column: its header text and its share of the table's width.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// The header cell (`Nhiệm vụ`).
    pub header: Text,
    /// Relative width: a column of width 2 is twice as wide as one of width 1
    /// (percentages work too).
    #[serde(default = "one")]
    pub width: u32,
    /// Alignment of the column's body cells; by default centred for a `TT`/`STT`
    /// column and flush left otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub align: Option<CellAlign>,
}

fn one() -> u32 {
    1
}

impl Column {
    /// The alignment of the column's body cells.
    ///
    /// ```
    /// use vanban::model::{CellAlign, Column};
    /// let tt = Column { header: "TT".into(), width: 1, align: None };
    /// assert_eq!(tt.effective_align(), CellAlign::Center);
    /// ```
    pub fn effective_align(&self) -> CellAlign {
        self.align.unwrap_or_else(|| {
            let h = self.header.plain();
            let h = h.trim().trim_end_matches('.').to_uppercase();
            if matches!(h.as_str(), "TT" | "STT" | "SỐ TT") {
                CellAlign::Center
            } else {
                CellAlign::Left
            }
        })
    }
}

/// A cell: paragraphs, and how many columns and rows it covers.
///
/// In JSON a cell is a string (a line break starts a new paragraph) or
/// `{"text": ..., "colspan": 2, "rowspan": 3}` / `{"paragraphs": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The paragraphs; none for an empty cell.
    pub paragraphs: Vec<Text>,
    /// Columns covered, at least 1.
    pub colspan: usize,
    /// Rows covered, at least 1.
    pub rowspan: usize,
}

impl Cell {
    /// A one-column, one-row cell from text, one paragraph per line.
    ///
    /// ```
    /// use vanban::model::Cell;
    /// let c = Cell::from_text("Đỗ Mạnh Cường\nVũ Việt Linh");
    /// assert_eq!(c.paragraphs.len(), 2);
    /// ```
    pub fn from_text(s: &str) -> Cell {
        Cell {
            paragraphs: s
                .split('\n')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(Text::from)
                .collect(),
            colspan: 1,
            rowspan: 1,
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::from_text(s)
    }
}

impl VisitText for Cell {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        self.paragraphs.visit_text(f);
    }
}

/// A row of a table.
///
/// In JSON: an array of cells; `{"cells": [...], "keep_together": true}` for a row
/// that must not break across pages; `{"group": "I. CẤP TỈNH"}` for a row that
/// spans the whole width and heads the rows after it, or
/// `{"number": "I", "group": "Cấp tỉnh"}` for one whose number stands in the first
/// column and whose text spans the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// Ordinary cells.
    Cells {
        /// The cells, left to right; columns covered by a row-spanning cell from a
        /// row above are skipped.
        cells: Vec<Cell>,
        /// True when the row must not break across pages.
        keep_together: bool,
    },
    /// A heading row, bold: across all columns, or after its number in the first.
    Group {
        /// The number printed in the first column (`I`), if any.
        number: Option<String>,
        /// The heading.
        text: Text,
    },
}

impl VisitText for Row {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        match self {
            Row::Cells { cells, .. } => cells.visit_text(f),
            Row::Group { number, text } => {
                number.visit_text(f);
                text.visit_text(f);
            }
        }
    }
}

/// A table with a header row repeated on every page it runs over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// The columns.
    pub columns: Vec<Column>,
    /// When true, a row `(1) (2) (3) ...` follows the header.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub column_numbers: bool,
    /// The rows.
    pub rows: Vec<Row>,
}

impl Table {
    /// Checks that every row covers exactly the columns, counting spans; returns
    /// where and what is wrong (`rows[3]: ...`).
    ///
    /// ```
    /// use vanban::model::{Cell, Column, Row, Table};
    /// let col = |h: &str| Column { header: h.into(), width: 1, align: None };
    /// let row = |c: &[&str]| Row::Cells { cells: c.iter().map(|s| Cell::from(*s)).collect(), keep_together: false };
    /// let t = Table { columns: vec![col("TT"), col("Việc")], column_numbers: false,
    ///                 rows: vec![row(&["1", "Họp"]), row(&["2"])] };
    /// assert_eq!(t.validate().unwrap_err().0, "rows[1]");
    /// ```
    pub fn validate(&self) -> Result<(), (String, String)> {
        if self.columns.is_empty() {
            return Err(("columns".into(), "a table needs at least one column".into()));
        }
        for (i, c) in self.columns.iter().enumerate() {
            if c.width == 0 {
                return Err((
                    format!("columns[{i}].width"),
                    "a column's width must be at least 1".into(),
                ));
            }
        }
        let n = self.columns.len();
        let mut grid = Grid::new(n);
        for (r, row) in self.rows.iter().enumerate() {
            let here = format!("rows[{r}]");
            match row {
                Row::Group { .. } => {
                    if grid.covered() > 0 {
                        return Err((
                            here,
                            "a group row cannot cut through a cell spanning rows above it".into(),
                        ));
                    }
                }
                Row::Cells { cells, .. } => {
                    let mut col = 0;
                    for (k, cell) in cells.iter().enumerate() {
                        col = grid.next_free(col);
                        if cell.colspan == 0 || cell.rowspan == 0 {
                            return Err((
                                format!("{here}[{k}]"),
                                "colspan and rowspan must be at least 1".into(),
                            ));
                        }
                        if col + cell.colspan > n {
                            return Err((
                                format!("{here}[{k}]"),
                                format!(
                                    "the row has more cells than the table's {n} columns (counting spans)"
                                ),
                            ));
                        }
                        if !grid.is_free(col, cell.colspan) {
                            return Err((
                                format!("{here}[{k}]"),
                                "the cell overlaps a cell spanning rows above it".into(),
                            ));
                        }
                        grid.mark(col, cell.colspan, cell.rowspan);
                        col += cell.colspan;
                    }
                    let covered = grid.covered();
                    if covered != n {
                        return Err((
                            here,
                            format!(
                                "the row covers {covered} of the table's {n} columns (counting spans)"
                            ),
                        ));
                    }
                }
            }
            grid.end_row();
        }
        if grid.covered() > 0 {
            return Err((
                "rows".into(),
                "a cell spans more rows than the table has".into(),
            ));
        }
        Ok(())
    }
}

/// Which columns of a table's current row are still covered by cells that span
/// rows from above: the one bookkeeping that placing, validating and importing
/// rows share.
///
/// ```
/// use vanban::model::Grid;
/// let mut g = Grid::new(3);
/// g.mark(0, 1, 2); // a cell over two rows in column 0
/// g.end_row();
/// assert_eq!(g.covered(), 1);
/// assert_eq!(g.next_free(0), 1);
/// ```
#[derive(Debug, Clone)]
pub struct Grid {
    /// Rows each column stays covered, the current one included.
    pending: Vec<usize>,
}

impl Grid {
    /// An empty grid `n` columns wide.
    pub fn new(n: usize) -> Grid {
        Grid {
            pending: vec![0; n],
        }
    }

    /// The first column at or after `col` that no cell from above covers (the
    /// width when there is none).
    pub fn next_free(&self, col: usize) -> usize {
        (col..self.pending.len())
            .find(|c| self.pending[*c] == 0)
            .unwrap_or(self.pending.len().max(col))
    }

    /// True when columns `col..col + colspan` are inside the grid and free.
    pub fn is_free(&self, col: usize, colspan: usize) -> bool {
        self.pending
            .get(col..col + colspan)
            .is_some_and(|p| p.iter().all(|r| *r == 0))
    }

    /// Places a cell at `col`: its columns are covered for `rowspan` rows, this one
    /// included (columns past the grid are ignored).
    pub fn mark(&mut self, col: usize, colspan: usize, rowspan: usize) {
        for p in self.pending.iter_mut().skip(col).take(colspan) {
            *p = rowspan;
        }
    }

    /// How many columns of the current row are covered (from above, or by cells
    /// marked in it).
    pub fn covered(&self) -> usize {
        self.pending.iter().filter(|p| **p > 0).count()
    }

    /// Moves to the next row.
    pub fn end_row(&mut self) {
        self.pending
            .iter_mut()
            .for_each(|p| *p = p.saturating_sub(1));
    }
}

/// The column each cell starts in, for rows given as `(colspan, rowspan)` per cell,
/// in a grid `n` columns wide: a cell skips the columns that row-spanning cells from
/// the rows above still cover.
///
/// ```
/// use vanban::model::start_columns;
/// let rows = vec![vec![(1, 2), (1, 1)], vec![(1, 1)]];
/// assert_eq!(start_columns(2, &rows), vec![vec![0, 1], vec![1]]);
/// ```
pub fn start_columns(n: usize, rows: &[Vec<(usize, usize)>]) -> Vec<Vec<usize>> {
    let mut grid = Grid::new(n);
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut col = 0;
        let mut starts = Vec::with_capacity(row.len());
        for &(colspan, rowspan) in row {
            col = grid.next_free(col);
            starts.push(col);
            grid.mark(col, colspan, rowspan);
            col += colspan;
        }
        grid.end_row();
        out.push(starts);
    }
    out
}

impl Table {
    /// Each row's `(colspan, rowspan)` per cell; a group row is one cell across, or
    /// its number and then one cell across the other columns.
    ///
    /// ```
    /// let t: vanban::model::Table = serde_json::from_str(
    ///     r#"{"columns": [{"header": "TT"}, {"header": "A"}, {"header": "B"}],
    ///         "rows": [{"group": "I. X"}, {"number": "II", "group": "Y"}, ["1", {"text": "a", "colspan": 2}]]}"#,
    /// ).unwrap();
    /// assert_eq!(t.spans(), [vec![(3, 1)], vec![(1, 1), (2, 1)], vec![(1, 1), (2, 1)]]);
    /// ```
    pub fn spans(&self) -> Vec<Vec<(usize, usize)>> {
        self.rows
            .iter()
            .map(|r| match r {
                Row::Cells { cells, .. } => cells.iter().map(|c| (c.colspan, c.rowspan)).collect(),
                Row::Group { number: None, .. } => vec![(self.columns.len(), 1)],
                Row::Group {
                    number: Some(_), ..
                } => {
                    let n = self.columns.len();
                    if n > 1 {
                        vec![(1, 1), (n - 1, 1)]
                    } else {
                        vec![(1, 1)]
                    }
                }
            })
            .collect()
    }
}

impl VisitText for Table {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        for c in &mut self.columns {
            c.header.visit_text(f);
        }
        self.rows.visit_text(f);
    }
}

// ---- serde for Cell and Row: short forms for the common cases ----

fn is_one(n: &usize) -> bool {
    *n == 1
}

#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct CellObject {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    paragraphs: Vec<Text>,
    #[serde(default = "one_usize", skip_serializing_if = "is_one")]
    colspan: usize,
    #[serde(default = "one_usize", skip_serializing_if = "is_one")]
    rowspan: usize,
}

fn one_usize() -> usize {
    1
}

impl Serialize for Cell {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let plain = self.paragraphs.iter().all(|t| t.spans().len() <= 1)
            && self
                .paragraphs
                .iter()
                .all(|t| t.spans().iter().all(|s| !s.bold && !s.italic));
        if plain && self.colspan == 1 && self.rowspan == 1 {
            let lines: Vec<String> = self.paragraphs.iter().map(Text::plain).collect();
            return ser.serialize_str(&lines.join("\n"));
        }
        CellObject {
            text: None,
            paragraphs: self.paragraphs.clone(),
            colspan: self.colspan,
            rowspan: self.rowspan,
        }
        .serialize(ser)
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Cell;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a cell: a string or {\"text\": ..., \"colspan\": n, \"rowspan\": n}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
                Ok(Cell::from_text(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Cell, A::Error> {
                let o = CellObject::deserialize(de::value::MapAccessDeserializer::new(map))?;
                if o.text.is_some() && !o.paragraphs.is_empty() {
                    return Err(de::Error::custom(
                        "a cell has either `text` or `paragraphs`, not both",
                    ));
                }
                let paragraphs = match o.text {
                    Some(t) => vec![t],
                    None => o.paragraphs,
                };
                Ok(Cell {
                    paragraphs,
                    colspan: o.colspan,
                    rowspan: o.rowspan,
                })
            }
        }
        de.deserialize_any(V)
    }
}

#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RowObject {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    group: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cells: Option<Vec<Cell>>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    keep_together: bool,
}

impl Serialize for Row {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        match self {
            Row::Cells {
                cells,
                keep_together: false,
            } => cells.serialize(ser),
            Row::Cells {
                cells,
                keep_together: true,
            } => RowObject {
                number: None,
                group: None,
                cells: Some(cells.clone()),
                keep_together: true,
            }
            .serialize(ser),
            Row::Group { number, text } => RowObject {
                number: number.clone(),
                group: Some(text.clone()),
                cells: None,
                keep_together: false,
            }
            .serialize(ser),
        }
    }
}

impl<'de> Deserialize<'de> for Row {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Row;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a row: an array of cells, {\"cells\": [...]} or {\"group\": \"I. ...\"}",
                )
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Row, A::Error> {
                let cells = Vec::<Cell>::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                Ok(Row::Cells {
                    cells,
                    keep_together: false,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Row, A::Error> {
                let o = RowObject::deserialize(de::value::MapAccessDeserializer::new(map))?;
                match (o.group, o.cells) {
                    (Some(text), None) if !o.keep_together => Ok(Row::Group {
                        number: o.number,
                        text,
                    }),
                    (None, Some(cells)) if o.number.is_none() => Ok(Row::Cells {
                        cells,
                        keep_together: o.keep_together,
                    }),
                    _ => Err(de::Error::custom(
                        "a row object has either `group` (with optional `number`) or `cells` (with optional `keep_together`)",
                    )),
                }
            }
        }
        de.deserialize_any(V)
    }
}

/// A cell: a string (lines split at `\n`), or an object with `text` or
/// `paragraphs` and optional spans.
impl JsonSchema for Cell {
    fn schema_name() -> Cow<'static, str> {
        "Cell".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        super::text::string_or::<CellObject>(generator)
    }
}

/// A row: an array of cells, or an object with `cells` or a `group`.
impl JsonSchema for Row {
    fn schema_name() -> Cow<'static, str> {
        "Row".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "array", "items": generator.subschema_for::<Cell>() },
                generator.subschema_for::<RowObject>()
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = r#"{"columns":[{"header":"TT"},{"header":"Việc","width":4}],
        "column_numbers":true,
        "rows":[{"group":"I. CẤP TỈNH"},["1","Họp\nBáo cáo"],
                {"cells":[{"text":"2","rowspan":2},"Kiểm tra"],"keep_together":true},["Tổng kết"]]}"#;

    #[test]
    fn reads_short_and_long_forms() {
        let t: Table = serde_json::from_str(T).unwrap();
        assert_eq!(t.rows.len(), 4);
        assert!(
            matches!(&t.rows[0], Row::Group { number: None, text } if text.plain() == "I. CẤP TỈNH")
        );
        let Row::Cells { cells, .. } = &t.rows[1] else {
            panic!()
        };
        assert_eq!(cells[1].paragraphs.len(), 2);
        assert!(
            matches!(&t.rows[2], Row::Cells { keep_together: true, cells } if cells[0].rowspan == 2)
        );
        t.validate().unwrap();
        // Written back, it reads the same.
        let back: Table = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
        assert_eq!(back, t);
    }

    #[test]
    fn spans_are_counted() {
        let mut t: Table = serde_json::from_str(T).unwrap();
        t.rows.push(Row::Cells {
            cells: vec!["3".into(), "a".into(), "b".into()],
            keep_together: false,
        });
        let (at, msg) = t.validate().unwrap_err();
        assert_eq!(at, "rows[4][2]");
        assert!(msg.contains("more cells"), "{msg}");
    }

    #[test]
    fn rowspan_past_the_end_is_an_error() {
        let t: Table = serde_json::from_str(
            r#"{"columns":[{"header":"A"}],"rows":[[{"text":"x","rowspan":3}],[]]}"#,
        )
        .unwrap();
        assert!(t.validate().unwrap_err().1.contains("more rows"));
    }

    #[test]
    fn bad_row_object_says_what_it_wants() {
        let e = serde_json::from_str::<Row>(r#"{"group":"x","cells":[]}"#).unwrap_err();
        assert!(
            e.to_string()
                .contains("either `group` (with optional `number`) or `cells`"),
            "{e}"
        );
    }

    #[test]
    fn tt_column_is_centred() {
        let t: Table = serde_json::from_str(T).unwrap();
        assert_eq!(t.columns[0].effective_align(), CellAlign::Center);
        assert_eq!(t.columns[1].effective_align(), CellAlign::Left);
    }
}
