//! Tables: cells laid out in bands of rows, split across pages with the header
//! rows repeated, borders drawn as thin rectangles.
//!
//! A *band* is one row, or several rows joined by a cell that spans them. A band
//! that does not fit at the bottom of a page is cut in the last row of which a line
//! still fits: the cells crossing that row keep the lines that fit, each cell on its
//! own, as LibreOffice and Word break a row; the rest continues at the top of the
//! next page under the repeated header rows. A band with a row marked
//! `keep_together` moves to the next page whole instead, unless it is taller than a
//! page, when it breaks where it stands (as LibreOffice does).

use super::Item;

/// Thickness of the table borders, points (`w:sz="4"`).
pub(super) const BORDER: f32 = 0.5;

/// One line of a cell: its top and bottom relative to the cell's content top, and
/// what to draw, with baselines relative to the same top.
#[derive(Debug, Clone)]
pub(super) struct CellLine {
    pub top: f32,
    pub bottom: f32,
    pub items: Vec<Item>,
}

/// A cell's laid-out content.
#[derive(Debug, Clone)]
pub(super) struct CellBox {
    /// Left edge of the cell (its left border's centre).
    pub x: f32,
    /// Width between the border centres.
    pub width: f32,
    /// Top of the cell relative to the band's top (its top border's top).
    pub top: f32,
    /// Height of the cell from its top border to the next row's border.
    pub height: f32,
    pub lines: Vec<CellLine>,
}

/// A cell as laid out, before rows are sized: where it is, how many rows it
/// covers, its lines and its content height.
#[derive(Debug, Clone)]
pub(super) struct SrcCell {
    pub x: f32,
    pub width: f32,
    pub rowspan: usize,
    pub lines: Vec<CellLine>,
    pub height: f32,
}

/// A row as laid out: flags and the cells that start in it.
#[derive(Debug, Clone)]
pub(super) struct SrcRow {
    pub header: bool,
    pub keep: bool,
    pub cells: Vec<SrcCell>,
}

/// Rows that are placed together: one row, or rows joined by a spanning cell.
#[derive(Debug, Clone)]
pub(super) struct Band {
    pub cells: Vec<CellBox>,
    /// Height from the top border to the bottom border's top.
    pub height: f32,
    /// True when the band may not break across pages.
    pub keep: bool,
    /// The rows the band was made of, to rebuild what follows a split.
    rows: Vec<SrcRow>,
    /// The top of each row relative to the band's top.
    row_tops: Vec<f32>,
    /// For each cell of `cells`: the row it starts in.
    cell_rows: Vec<usize>,
}

/// A table ready to paginate.
#[derive(Debug, Clone)]
pub(super) struct GridBox {
    /// The header rows, repeated on each page.
    pub header: Vec<Band>,
    pub body: Vec<Band>,
}

impl GridBox {
    /// The room a table needs at the foot of a page to start there: its header rows
    /// and the first line of its first row (the whole row when it must not break),
    /// with the borders.
    pub fn start_height(&self) -> f32 {
        let header: f32 = self.header.iter().map(|b| b.height).sum();
        let first = self.body.first().map_or(0.0, |b| {
            if b.keep {
                b.height
            } else {
                b.cells
                    .iter()
                    .filter_map(|c| c.lines.first().map(|l| c.top + BORDER + l.bottom))
                    .fold(0.0, f32::max)
            }
        });
        header + first + BORDER
    }
}

impl Band {
    /// Draws the band with its top at `y`: the cells' lines and the borders of
    /// every cell (each cell draws all four; where neighbours share a border the
    /// two coincide).
    pub fn draw(&self, y: f32, out: &mut Vec<Item>) {
        for c in &self.cells {
            for l in &c.lines {
                out.extend(
                    l.items
                        .iter()
                        .cloned()
                        .map(|i| shift(i, y + c.top + BORDER)),
                );
            }
            cell_borders(c.x, y + c.top, c.width, c.height, out);
        }
    }

    /// Splits the band so that its first part fits in `room` points (top border
    /// included, bottom border excluded). The cut falls in the last row of which a
    /// line fits; the cells crossing that row keep the lines that fit and pass the
    /// others on, and the rows below follow in the bands returned second (none when
    /// nothing is left). `None` when not a single line would fit.
    pub fn split(&self, room: f32) -> Option<(Band, Vec<Band>)> {
        let fits = |top: f32, l: &CellLine| top + BORDER + l.bottom <= room + 0.01;
        // The cut row: the last one with a cell whose first line fits.
        let cut = (0..self.rows.len()).rev().find(|&r| {
            self.cells
                .iter()
                .zip(&self.cell_rows)
                .any(|(c, cr)| *cr == r && c.lines.first().is_some_and(|l| fits(c.top, l)))
        })?;
        let cut_top = self.row_tops[cut];
        let mut first_cells = Vec::new();
        let mut first_h = cut_top;
        // (index in self.cells, lines left) of the cells crossing the cut.
        let mut crossing: Vec<(usize, Vec<CellLine>)> = Vec::new();
        for (i, (c, &r)) in self.cells.iter().zip(&self.cell_rows).enumerate() {
            let end = r + self.rows[r].src_of(c).map_or(1, |s| s.rowspan);
            if r > cut {
                continue;
            }
            if end <= cut {
                first_cells.push(c.clone());
                continue;
            }
            let n = c.lines.iter().take_while(|l| fits(c.top, l)).count();
            if let Some(l) = c.lines[..n].last() {
                first_h = first_h.max(c.top + BORDER + l.bottom);
            }
            first_cells.push(CellBox {
                lines: c.lines[..n].to_vec(),
                ..c.clone()
            });
            let rest = match c.lines.get(n) {
                Some(next) => {
                    // The rest starts as far down the cell as its first line did
                    // (below the paragraph's space before), as LibreOffice places it.
                    let dy = next.top - c.lines[0].top;
                    c.lines[n..]
                        .iter()
                        .map(|l| CellLine {
                            top: l.top - dy,
                            bottom: l.bottom - dy,
                            items: l.items.iter().cloned().map(|i| shift(i, -dy)).collect(),
                        })
                        .collect()
                }
                None => Vec::new(),
            };
            crossing.push((i, rest));
        }
        for c in first_cells.iter_mut() {
            if c.top + c.height > first_h {
                c.height = first_h - c.top;
            }
        }
        let first = Band {
            cells: first_cells,
            height: first_h,
            keep: false,
            rows: Vec::new(),
            row_tops: Vec::new(),
            cell_rows: Vec::new(),
        };
        // What follows: the cut row with the crossing cells' remaining lines (a cell
        // that spanned into the rows below still does), then the rows below.
        let mut rows: Vec<SrcRow> = self.rows[cut..].to_vec();
        let mut cut_row = SrcRow {
            header: false,
            keep: rows[0].keep,
            cells: Vec::new(),
        };
        for (i, lines) in crossing {
            let c = &self.cells[i];
            let r = self.cell_rows[i];
            let src = self.rows[r].src_of(c);
            let span = src.map_or(1, |s| s.rowspan) - (cut - r);
            // The space after the cell's last paragraph still follows its last line.
            let trail = src.map_or(0.0, |s| {
                s.height - s.lines.last().map_or(s.height, |l| l.bottom)
            });
            let height = lines.last().map_or(0.0, |l| l.bottom + trail);
            cut_row.cells.push(SrcCell {
                x: c.x,
                width: c.width,
                rowspan: span,
                lines,
                height,
            });
        }
        cut_row.cells.sort_by(|a, b| a.x.total_cmp(&b.x));
        let nothing_left = rows.len() == 1 && cut_row.cells.iter().all(|c| c.lines.is_empty());
        rows[0] = cut_row;
        let rest = if nothing_left {
            Vec::new()
        } else {
            bands(rows).body
        };
        Some((first, rest))
    }
}

impl SrcRow {
    /// The cell of this row drawn at `c`'s position.
    fn src_of(&self, c: &CellBox) -> Option<&SrcCell> {
        self.cells.iter().find(|s| (s.x - c.x).abs() < 0.01)
    }
}

/// The four borders of a cell whose top-left border corner is (`x`, `y`).
fn cell_borders(x: f32, y: f32, width: f32, height: f32, out: &mut Vec<Item>) {
    let half = BORDER / 2.0;
    let rect = |x, y, width, height| Item::Rule {
        x,
        y,
        width,
        height,
    };
    out.push(rect(x - half, y, width + BORDER, BORDER));
    out.push(rect(x - half, y + height, width + BORDER, BORDER));
    out.push(rect(x - half, y, BORDER, height + BORDER));
    out.push(rect(x + width - half, y, BORDER, height + BORDER));
}

/// Moves an item down by `dy`.
pub(super) fn shift(item: Item, dy: f32) -> Item {
    match item {
        Item::Text {
            x,
            baseline,
            fragment,
            para,
            color,
        } => Item::Text {
            x,
            baseline: baseline + dy,
            fragment,
            para,
            color,
        },
        Item::Image {
            x,
            y,
            width,
            height,
            png,
        } => Item::Image {
            x,
            y: y + dy,
            width,
            height,
            png,
        },
        Item::Frame {
            x,
            y,
            width,
            height,
            color,
        } => Item::Frame {
            x,
            y: y + dy,
            width,
            height,
            color,
        },
        Item::Rule {
            x,
            y,
            width,
            height,
        } => Item::Rule {
            x,
            y: y + dy,
            width,
            height,
        },
    }
}

/// Groups rows into bands and sizes them: a row is as high as its tallest
/// one-row cell, and a cell spanning rows stretches the last row it covers when it
/// needs more room than they give.
pub(super) fn bands(rows: Vec<SrcRow>) -> GridBox {
    let n = rows.len();
    let mut heights = vec![BORDER; n];
    for (i, row) in rows.iter().enumerate() {
        for c in row.cells.iter().filter(|c| c.rowspan == 1) {
            heights[i] = heights[i].max(BORDER + c.height);
        }
    }
    for (i, row) in rows.iter().enumerate() {
        for c in row.cells.iter().filter(|c| c.rowspan > 1) {
            let end = (i + c.rowspan).min(n);
            let have: f32 = heights[i..end].iter().sum::<f32>() - BORDER;
            if c.height > have {
                heights[end - 1] += c.height - have;
            }
        }
    }
    let mut grid = GridBox {
        header: Vec::new(),
        body: Vec::new(),
    };
    let mut start = 0;
    while start < n {
        // The band runs to the last row any of its cells spans.
        let mut end = start + 1;
        let mut r = start;
        while r < end {
            for c in &rows[r].cells {
                end = end.max((r + c.rowspan).min(n));
            }
            r += 1;
        }
        let mut band = Band {
            cells: Vec::new(),
            height: 0.0,
            keep: false,
            rows: rows[start..end].to_vec(),
            row_tops: Vec::with_capacity(end - start),
            cell_rows: Vec::new(),
        };
        let mut header = false;
        for (k, row) in rows[start..end].iter().enumerate() {
            header |= row.header;
            band.keep |= row.keep;
            band.row_tops.push(band.height);
            for c in &row.cells {
                let last = (start + k + c.rowspan).min(end);
                band.cells.push(CellBox {
                    x: c.x,
                    width: c.width,
                    top: band.height,
                    height: heights[start + k..last].iter().sum(),
                    lines: c.lines.clone(),
                });
                band.cell_rows.push(k);
            }
            band.height += heights[start + k];
        }
        if header {
            grid.header.push(band);
        } else {
            grid.body.push(band);
        }
        start = end;
    }
    grid
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(x: f32, rowspan: usize, lines: usize) -> SrcCell {
        SrcCell {
            x,
            width: 50.0,
            rowspan,
            lines: (0..lines)
                .map(|i| CellLine {
                    top: i as f32 * 10.0,
                    bottom: i as f32 * 10.0 + 10.0,
                    items: Vec::new(),
                })
                .collect(),
            height: lines as f32 * 10.0,
        }
    }

    fn row(cells: Vec<SrcCell>) -> SrcRow {
        SrcRow {
            header: false,
            keep: false,
            cells,
        }
    }

    #[test]
    fn a_row_splits_between_lines_of_each_cell() {
        let g = bands(vec![row(vec![cell(0.0, 1, 5), cell(50.0, 1, 1)])]);
        let band = &g.body[0];
        assert_eq!(band.height, 50.0 + BORDER);
        let (first, rest) = band.split(31.0).unwrap();
        assert_eq!(first.cells[0].lines.len(), 3);
        assert_eq!(first.cells[1].lines.len(), 1);
        assert_eq!(rest.len(), 1);
        assert_eq!(rest[0].cells[0].lines.len(), 2);
        assert_eq!(rest[0].cells[0].lines[0].top, 0.0);
        assert!(rest[0].cells[1].lines.is_empty());
        assert!(band.split(5.0).is_none());
    }

    #[test]
    fn a_spanning_cell_joins_rows_into_one_band() {
        let mut head = row(vec![cell(0.0, 1, 1)]);
        head.header = true;
        let g = bands(vec![
            head,
            row(vec![cell(0.0, 2, 4), cell(50.0, 1, 1)]),
            row(vec![cell(50.0, 1, 1)]),
            row(vec![cell(0.0, 1, 1)]),
        ]);
        assert_eq!(g.header.len(), 1);
        assert_eq!(g.body.len(), 2);
        // The spanning cell's 40 points stretch the second of its rows.
        assert_eq!(g.body[0].height, 40.0 + BORDER);
        assert_eq!(g.body[0].cells[2].top, 10.0 + BORDER);
    }

    #[test]
    fn a_band_splits_inside_its_second_row() {
        let g = bands(vec![
            row(vec![cell(0.0, 1, 1), cell(50.0, 3, 2)]),
            row(vec![cell(0.0, 1, 3)]),
            row(vec![cell(0.0, 1, 1)]),
        ]);
        let band = &g.body[0];
        // Row 1 whole (10.5), one line of row 2 fits under it.
        let (first, rest) = band.split(10.5 + BORDER + 10.0).unwrap();
        assert_eq!(first.cells.len(), 3);
        assert_eq!(first.height, 10.5 + BORDER + 10.0);
        // The rest: the cut row (2 lines left and the spanning cell, now over 2 rows)
        // and the last row, in one band.
        assert_eq!(rest.len(), 1);
        assert_eq!(rest[0].cells.len(), 3);
        assert_eq!(rest[0].cells[0].lines.len(), 2);
        assert!(rest[0].cells[1].lines.is_empty());
    }
}
