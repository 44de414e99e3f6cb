//! Vertical flow and pagination.

use std::cell::{Cell, RefCell};
use std::ops::Range;

use super::lines::{Line, StyledText, break_lines};
use super::table::{self, BORDER, CellLine, GridBox, shift};
use super::{Item, Layout, Page};
use crate::Error;
use crate::fonts::{Face, Shapers};
use crate::ir::{self, Block, ColumnsKind, Document, Para, Role, header_rows};
use crate::model::Span;
use crate::nd30::{self, Align, PT_PER_MM, ParaStyle, Rule, Typography};

/// Height of the empty paragraph that carries a rule (as in the DOCX: exactly 2 pt)
/// plus the rule's thickness, which the border adds below it.
const RULE_LINE: f32 = 2.0;
const RULE_THICKNESS: f32 = 0.75;
/// The line width of a mark's box (the DOCX border's 1 pt).
const FRAME_BORDER: f32 = 1.0;
/// Space after the rule under the summary, points (as in the DOCX).
const SUMMARY_RULE_AFTER: f32 = 12.0;
const TWIP: f32 = 1.0 / 20.0;
/// Height of the paragraph that ends a section in the DOCX (exactly 1 pt).
const SECTION_END: f32 = 1.0;
/// A raised number's size as a share of the text's (a DOCX superscript).
const SUPERSCRIPT: f32 = 0.58;
/// How far a raised number's baseline goes up, per point the number is smaller
/// than its text. Measured on LibreOffice's PDF of our DOCX: 5.6 pt for the
/// 8.1 pt number in 14 pt text, 3.9 pt for the 5.8 pt one in a 10 pt note (its
/// output is rounded to 0.1 pt; the font's ascender alone, 0.891, gives 5.26
/// and 3.74).
const SUPERSCRIPT_RISE: f32 = 0.94;
/// The room between the text and a page's footnotes, as LibreOffice keeps it for
/// a DOCX: 57 twips, a 0.5 pt rule, 57 twips (its defaults).
const FOOT_SEPARATOR: f32 = (57.0 + 10.0 + 57.0) * TWIP;
/// The rule: its thickness, its length as a share of the text width, and its
/// top under the top of the room (measured: LibreOffice draws it 2 twips higher
/// than the middle of the room).
const FOOT_RULE: f32 = 0.5;
const FOOT_RULE_LENGTH: f32 = 0.25;
const FOOT_RULE_TOP: f32 = 55.0 * TWIP;

/// A footnote broken into lines, drawn at the foot of the page its number is on.
struct NoteBox {
    lines: Vec<Line>,
    height: f32,
    line_height: f32,
    ascent: f32,
}

/// A paragraph broken into lines, ready to place.
struct ParaBox {
    /// Index of the IR paragraph.
    para: usize,
    lines: Vec<Line>,
    line_height: f32,
    ascent: f32,
    before: f32,
    after: f32,
    keep_next: bool,
    widow_control: bool,
    /// Left edge of the paragraph's box.
    x: f32,
    /// A rule drawn under the paragraph: (x, width) relative to the page, and the
    /// space after it. Its height is `RULE_LINE + RULE_THICKNESS`.
    rule: Option<(f32, f32, f32)>,
}

impl ParaBox {
    fn height(&self) -> f32 {
        self.lines.len() as f32 * self.line_height + self.rule_height()
    }

    fn rule_height(&self) -> f32 {
        if self.rule.is_some() {
            RULE_LINE + RULE_THICKNESS
        } else {
            0.0
        }
    }

    /// Lines that must share a page with what precedes them when the paragraph starts
    /// at the bottom of a page (orphan control), or all of them when they cannot be split.
    fn min_first_chunk(&self) -> usize {
        let n = self.lines.len();
        if !self.widow_control || n <= 1 {
            n.min(1)
        } else if n <= 3 {
            n
        } else {
            2
        }
    }

    /// The space after the paragraph, counting a rule's.
    fn after(&self) -> f32 {
        match self.rule {
            Some((_, _, after)) => after,
            None => self.after,
        }
    }
}

/// A two-column block laid out as rows of cells, with items relative to its top.
struct ColumnsBox {
    height: f32,
    items: Vec<Item>,
    /// Stays on a page with the block after it (a copy's header, Mẫu 3.1).
    keep_next: bool,
}

enum Unit {
    Para(ParaBox),
    Columns(ColumnsBox),
    /// A table with borders.
    Grid(GridBox),
    PageBreak,
    /// A new section: a new page numbered 1.
    Section {
        landscape: bool,
    },
}

struct Engine<'a> {
    typo: &'a Typography,
    shapers: &'a Shapers<'a>,
    /// Line height as a multiple of the font size for single spacing.
    line_factor: f32,
    ascent_factor: f32,
    /// The footnotes met so far, in document order: the note's text, and
    /// whether its section is landscape.
    notes: RefCell<Vec<(String, bool)>>,
    /// Whether the paragraphs being laid out are in a landscape section.
    landscape: Cell<bool>,
}

/// Lays out `doc` on pages.
///
/// Fails with [`Error::Font`] when a face lacks a glyph the document uses, listing the
/// characters, rather than drawing empty boxes.
pub fn layout(doc: &Document, typo: &Typography, shapers: &Shapers) -> Result<Layout, Error> {
    check_glyphs(doc, typo, shapers)?;
    let (asc, desc, gap) = shapers.vertical_metrics(Face::Regular, 1.0);
    let engine = Engine {
        typo,
        shapers,
        line_factor: asc + desc + gap,
        ascent_factor: asc + gap,
        notes: RefCell::new(Vec::new()),
        landscape: Cell::new(false),
    };
    let (units, unit_notes) = engine.units(doc);
    let notes = engine.note_boxes();
    let foot = engine.foot(&doc.page_foot);
    let mut layout = engine.paginate(
        units,
        &unit_notes,
        &notes,
        foot.as_ref().map(|f| f.height),
        doc.opens_with_spacer(),
    );
    if let Some(first) = layout.pages.first_mut() {
        engine.page_top(&doc.page_top, first);
        if let Some(f) = foot {
            let top = first.height - engine.typo.footer_distance_mm * PT_PER_MM - f.height;
            first
                .items
                .extend(f.items.into_iter().map(|it| shift(it, top)));
        }
    }
    Ok(layout)
}

fn role_face(st: &ParaStyle, span: Option<&Span>) -> Face {
    Face::of(
        st.bold || span.is_some_and(|s| s.bold),
        st.italic || span.is_some_and(|s| s.italic),
    )
}

fn check_glyphs(doc: &Document, typo: &Typography, shapers: &Shapers) -> Result<(), Error> {
    // Every character used, per face, each once: a bitmap for the Latin and
    // Vietnamese range, a list for the rest.
    const LOW: usize = 0x2000;
    let mut seen = [(); 4].map(|_| (vec![false; LOW], Vec::<char>::new()));
    let body = typo.style(Role::Body);
    for p in doc.paras() {
        let st = typo.style(p.role);
        let mut note = |face: Face, text: &str| {
            let (low, high) = &mut seen[Face::ALL.iter().position(|f| *f == face).expect("face")];
            for c in text.chars() {
                match low.get_mut(c as usize) {
                    Some(b) => *b = true,
                    None => high.push(c),
                }
            }
        };
        if let Some(l) = &p.label {
            note(role_face(&st, None), l);
        }
        p.runs
            .iter()
            .for_each(|s| note(role_face(&st, Some(s)), &s.text));
        p.tail
            .iter()
            .for_each(|s| note(role_face(&body, Some(s)), &s.text));
    }
    let mut missing: Vec<(Face, Vec<char>)> = Vec::new();
    for (face, (low, high)) in Face::ALL.into_iter().zip(seen) {
        let used: String = low
            .iter()
            .enumerate()
            .filter(|(_, b)| **b)
            .filter_map(|(c, _)| char::from_u32(c as u32))
            .chain(high)
            .collect();
        let m = shapers.missing_chars(face, &used);
        if !m.is_empty() {
            missing.push((face, m));
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = missing
        .into_iter()
        .map(|(face, mut chars)| {
            chars.sort_unstable();
            chars.dedup();
            let shown: Vec<String> = chars
                .iter()
                .map(|c| format!("'{c}' (U+{:04X})", *c as u32))
                .collect();
            format!("{face:?}: {}", shown.join(", "))
        })
        .collect();
    Err(Error::Font(format!(
        "the font has no glyph for some characters of the document; {}. Use --font-dir with fonts that have them",
        list.join("; ")
    )))
}

impl Engine<'_> {
    fn text_left(&self) -> f32 {
        self.typo.margin_left_mm * PT_PER_MM
    }

    /// Page width and height in points.
    fn page_size(&self, landscape: bool) -> (f32, f32) {
        let (w, h) = (
            self.typo.page_width_mm * PT_PER_MM,
            self.typo.page_height_mm * PT_PER_MM,
        );
        if landscape { (h, w) } else { (w, h) }
    }

    fn runs(&self, p: &Para) -> Vec<StyledText> {
        let st = self.typo.style(p.role);
        let body = self.typo.style(Role::Body);
        let mut out = Vec::new();
        if let Some(l) = &p.label {
            out.push(StyledText::new(
                format!("{l} "),
                role_face(&st, None),
                st.size,
            ));
        }
        for s in &p.runs {
            self.span(&mut out, s, &st);
        }
        for s in &p.tail {
            self.span(&mut out, s, &body);
        }
        out
    }

    /// A span's run, and its footnote's raised number after it (the note is
    /// numbered here, in document order, as the DOCX writer numbers it).
    fn span(&self, out: &mut Vec<StyledText>, s: &Span, st: &ParaStyle) {
        if !s.text.is_empty() {
            out.push(StyledText::new(
                s.text.as_str(),
                role_face(st, Some(s)),
                st.size,
            ));
        }
        if let Some(note) = &s.footnote {
            let mut notes = self.notes.borrow_mut();
            notes.push((note.clone(), self.landscape.get()));
            out.push(self.note_number(notes.len() - 1, st.size));
        }
    }

    /// Note `n`'s number (shown from 1) raised in text of `size` points, as a
    /// DOCX superscript is set: 58% of the size, in whole twips.
    fn note_number(&self, n: usize, size: f32) -> StyledText {
        let small = (size / TWIP * SUPERSCRIPT).floor() * TWIP;
        StyledText {
            rise: SUPERSCRIPT_RISE * (size - small),
            note: Some(n),
            ..StyledText::new((n + 1).to_string(), Face::Regular, small)
        }
    }

    /// The notes broken into lines at the foot's width, their numbers raised.
    fn note_boxes(&self) -> Vec<NoteBox> {
        let st = self.typo.style(Role::Footnote);
        let line_height = st.size * self.line_factor * st.line;
        self.notes
            .borrow()
            .iter()
            .enumerate()
            .map(|(n, (text, landscape))| {
                let width = self.typo.text_width_twips(*landscape) as f32 * TWIP;
                let mut number = self.note_number(n, st.size);
                number.note = None;
                let runs = [
                    number,
                    StyledText::new(" ", Face::Regular, st.size),
                    StyledText::new(text.clone(), Face::Regular, st.size),
                ];
                let lines = break_lines(&runs, width, 0.0, st.align, self.shapers);
                NoteBox {
                    height: lines.len() as f32 * line_height,
                    lines,
                    line_height,
                    ascent: st.size * self.ascent_factor,
                }
            })
            .collect()
    }

    /// A paragraph in a box `width` wide whose left edge is `x`.
    fn para_box(
        &self,
        id: usize,
        p: &Para,
        x: f32,
        width: f32,
        rule_after: Option<f32>,
    ) -> ParaBox {
        let st = self.typo.style(p.role);
        // Indents and widths are whole twips in the DOCX; so are they here.
        let indent = (st.first_indent_mm * PT_PER_MM / TWIP).round() * TWIP;
        let left = (st.left_indent_mm * PT_PER_MM / TWIP).round() * TWIP;
        let (x, width) = (x + left, width - left);
        let lines = break_lines(&self.runs(p), width, indent, st.align, self.shapers);
        let rule = match (st.rule, rule_after) {
            (Some(rule), Some(after)) => {
                let w = self.rule_width(rule, std::slice::from_ref(p), width);
                Some((x + (width - w) / 2.0, w, after))
            }
            _ => None,
        };
        ParaBox {
            para: id,
            lines,
            line_height: st.size * self.line_factor * st.line,
            ascent: st.size * self.ascent_factor,
            before: st.space_before,
            after: st.space_after,
            keep_next: st.keep_next,
            widow_control: p.role.is_body(),
            x,
            rule,
        }
    }

    /// Width of the rule under `paras` in a box `available` points wide, to the twip
    /// as the DOCX writer sizes it.
    fn rule_width(&self, rule: Rule, paras: &[Para], available: f32) -> f32 {
        let side = self
            .typo
            .rule_side_twips(rule, paras, available, self.shapers);
        available - 2.0 * side as f32 * TWIP
    }

    /// The blocks as units to place, and for each unit the footnotes of its
    /// columns or table (a paragraph's are on its lines).
    fn units(&self, doc: &Document) -> (Vec<Unit>, Vec<Range<usize>>) {
        let signing = doc.signing_block();
        let mut out = Vec::new();
        let mut unit_notes = Vec::new();
        let mut id = 0;
        for (k, b) in doc.blocks.iter().enumerate() {
            let first_note = self.notes.borrow().len();
            let landscape = self.landscape.get();
            match b {
                Block::Para(p) => {
                    let rule_after = Some(SUMMARY_RULE_AFTER);
                    let width = self.typo.text_width_twips(landscape) as f32 * TWIP;
                    out.push(Unit::Para(self.para_box(
                        id,
                        p,
                        self.text_left(),
                        width,
                        rule_after,
                    )));
                    id += 1;
                }
                Block::Table(t) => {
                    out.push(Unit::Grid(self.grid(id, t, landscape)));
                    id += t
                        .rows
                        .iter()
                        .flat_map(|r| &r.cells)
                        .map(|c| c.paras.len())
                        .sum::<usize>();
                }
                Block::Section { landscape } => {
                    self.landscape.set(*landscape);
                    out.push(Unit::Section {
                        landscape: *landscape,
                    });
                }
                Block::Columns { kind, left, right } => {
                    let mut columns = self.columns(id, *kind, left, right);
                    columns.keep_next = doc.is_copy_header(k);
                    if Some(k) == signing && !doc.images.is_empty() {
                        self.sign(&mut columns, *kind, id + left.len(), right, &doc.images);
                    }
                    out.push(Unit::Columns(columns));
                    id += left.len() + right.len();
                }
                Block::PageBreak => out.push(Unit::PageBreak),
            }
            let notes = first_note..self.notes.borrow().len();
            unit_notes.push(match out.last() {
                Some(Unit::Para(_)) => first_note..first_note,
                _ => notes,
            });
        }
        (out, unit_notes)
    }

    /// A table across the text width: each cell's paragraphs broken into lines
    /// inside the cell margins, then the rows grouped into bands.
    fn grid(&self, first_id: usize, t: &ir::Table, landscape: bool) -> GridBox {
        let widths = t.widths_twips(self.typo.text_width_twips(landscape));
        let mut edges = Vec::with_capacity(widths.len() + 1);
        let mut x = 0;
        edges.push(0);
        for w in &widths {
            x += w;
            edges.push(x);
        }
        let left = self.text_left();
        let margin = self.typo.cell_margin_twips as f32 * TWIP;
        let mut id = first_id;
        let empty = [Para::empty_cell()];
        let mut rows = Vec::with_capacity(t.rows.len());
        for (row, placed) in t.rows.iter().zip(t.placed()) {
            let mut cells = Vec::with_capacity(placed.len());
            for (col, cell) in placed {
                let end = (col + cell.colspan).min(widths.len());
                let x0 = left + edges[col] as f32 * TWIP;
                let width = (edges[end] - edges[col]) as f32 * TWIP;
                let paras: &[Para] = if cell.paras.is_empty() {
                    &empty
                } else {
                    &cell.paras
                };
                let (lines, height) = self.cell_lines(id, paras, x0 + margin, width - 2.0 * margin);
                id += cell.paras.len();
                cells.push(table::SrcCell {
                    x: x0,
                    width,
                    rowspan: cell.rowspan,
                    lines,
                    height,
                });
            }
            rows.push(table::SrcRow {
                header: row.header,
                keep: row.keep_together,
                cells,
            });
        }
        table::bands(rows)
    }

    /// A cell's paragraphs as lines with their tops and bottoms from the content top,
    /// and the content's height (the last paragraph's space after included).
    fn cell_lines(
        &self,
        first_id: usize,
        paras: &[Para],
        x: f32,
        width: f32,
    ) -> (Vec<CellLine>, f32) {
        let mut out = Vec::new();
        let mut y = 0.0f32;
        let mut prev_after: Option<f32> = None;
        for (k, p) in paras.iter().enumerate() {
            let b = self.para_box(first_id + k, p, x, width.max(1.0), None);
            y += match prev_after {
                Some(a) => a.max(b.before),
                None => b.before,
            };
            if b.lines.is_empty() {
                out.push(CellLine {
                    top: y,
                    bottom: y + b.line_height,
                    items: Vec::new(),
                });
                y += b.line_height;
            }
            for line in b.lines {
                let mut items = Vec::new();
                push_line(&mut items, line, b.x, y + b.ascent, b.para);
                out.push(CellLine {
                    top: y,
                    bottom: y + b.line_height,
                    items,
                });
                y += b.line_height;
            }
            prev_after = Some(b.after);
        }
        (out, y + prev_after.unwrap_or(0.0))
    }

    /// Lays out one cell's paragraphs from y = 0; returns items and height.
    fn cell(
        &self,
        first_id: usize,
        paras: &[Para],
        x: f32,
        width: f32,
        first_space: f32,
    ) -> (Vec<Item>, f32) {
        let mut items = Vec::new();
        let mut y = 0.0f32;
        let mut prev_after: Option<f32> = None;
        let mut i = 0;
        while i < paras.len() {
            let role = paras[i].role;
            let run_len = paras[i..].iter().take_while(|p| p.role == role).count();
            let group = &paras[i..i + run_len];
            for (k, p) in group.iter().enumerate() {
                if self.typo.style(p.role).frame {
                    let gap = match prev_after {
                        Some(a) => a.max(self.typo.style(p.role).space_before),
                        None => self.typo.style(p.role).space_before,
                    };
                    let (boxed, h) = self.framed(first_id + i + k, p, x, width);
                    items.extend(boxed.into_iter().map(|it| shift(it, y + gap)));
                    y += gap + h;
                    prev_after = Some(self.typo.style(p.role).space_after);
                    continue;
                }
                let mut b = self.para_box(first_id + i + k, p, x, width, None);
                if i == 0 && k == 0 && first_space > 0.0 {
                    b.before = first_space;
                }
                y += match prev_after {
                    Some(a) => a.max(b.before),
                    None => b.before,
                };
                for line in b.lines.drain(..) {
                    push_line(&mut items, line, b.x, y + b.ascent, b.para);
                    y += b.line_height;
                }
                prev_after = Some(b.after);
            }
            if let Some(rule) = self.typo.style(role).rule {
                let w = self.rule_width(rule, group, width);
                items.push(Item::Rule {
                    x: x + (width - w) / 2.0,
                    y: y + RULE_LINE,
                    width: w,
                    height: RULE_THICKNESS,
                });
                y += RULE_LINE + RULE_THICKNESS;
                prev_after = Some(0.0);
            }
            i += run_len;
        }
        (items, y)
    }

    /// A one-line mark in its box (R33, R34), centred in a box `width` wide whose
    /// left edge is `x`: the items from y = 0 and the height of the box.
    fn framed(&self, id: usize, p: &Para, x: f32, width: f32) -> (Vec<Item>, f32) {
        let st = self.typo.style(p.role);
        let fw = self.typo.frame_box_pt(p, self.shapers).min(width);
        let fx = x + (width - fw) / 2.0;
        let b = self.para_box(id, p, fx, fw, None);
        let pad = nd30::frame_space_pt(st.size) + FRAME_BORDER;
        let mut items = Vec::new();
        let mut y = pad;
        for line in b.lines {
            push_line(&mut items, line, b.x, y + b.ascent, b.para);
            y += b.line_height;
        }
        y += pad;
        for it in &mut items {
            if let Item::Text { color, .. } = it {
                *color = st.color;
            }
        }
        items.push(Item::Frame {
            x: fx,
            y: 0.0,
            width: fw,
            height: y,
            color: st.color,
        });
        (items, y)
    }

    /// Draws the signature and seal images in the signing space of a closing
    /// block's right column: the signature centred between the last authority
    /// line and the name, the seal over its left third (Phụ lục I §II.7.d, 8.a).
    /// `first` is the id of the column's first paragraph; a column with no name
    /// to sign over gets nothing.
    fn sign(
        &self,
        columns: &mut ColumnsBox,
        kind: ColumnsKind,
        first: usize,
        right: &[Para],
        images: &crate::images::SignatureImages,
    ) {
        let Some(k) = right.iter().position(|p| p.role == Role::SignerName) else {
            return;
        };
        let name = first + k;
        let Some(baseline) = columns
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { para, baseline, .. } if *para == name => Some(*baseline),
                _ => None,
            })
            .reduce(f32::min)
        else {
            return;
        };
        let st = self.typo.style(Role::SignerName);
        let top = baseline - st.size * self.ascent_factor;
        let (lw, rw) = match kind {
            ColumnsKind::Signatures => self.typo.signatures_columns_twips,
            _ => self.typo.closing_columns_twips,
        };
        let (x0, width) = (self.text_left() + lw as f32 * TWIP, rw as f32 * TWIP);
        let (cx, cy) = (x0 + width / 2.0, top - st.space_before / 2.0);
        let place = |img: &crate::images::Image, x: f32| Item::Image {
            x,
            y: cy - img.height_pt / 2.0,
            width: img.width_pt,
            height: img.height_pt,
            png: img.png.clone(),
        };
        let mut seal_right = cx + images.seal.as_ref().map_or(0.0, |s| s.width_pt / 2.0);
        if let Some(sig) = &images.signature {
            let x = cx - sig.width_pt / 2.0;
            columns.items.push(place(sig, x));
            seal_right = x + sig.width_pt / 3.0;
        }
        if let Some(seal) = &images.seal {
            columns.items.push(place(seal, seal_right - seal.width_pt));
        }
    }

    /// Page 1's top margin: the boxed marks (ô 11) centred over the national
    /// title, a line of text (ô 14) across the text width; from the header distance.
    fn page_top(&self, paras: &[Para], page: &mut Page) {
        let (lw, rw, indent) = self.typo.header_columns_twips;
        let x = self.text_left() + (indent + lw) as f32 * TWIP;
        let mut y = self.typo.header_distance_mm * PT_PER_MM;
        for p in paras {
            let (items, h) = if self.typo.style(p.role).frame {
                self.framed(usize::MAX, p, x, rw as f32 * TWIP)
            } else {
                // A line of text (an electronic copy's) runs across the text width.
                let mut items = Vec::new();
                let b = self.para_box(
                    usize::MAX,
                    p,
                    self.text_left(),
                    self.typo.text_width_pt(),
                    None,
                );
                let mut h = 0.0;
                for line in b.lines {
                    push_line(&mut items, line, b.x, h + b.ascent, usize::MAX);
                    h += b.line_height;
                }
                (items, h)
            };
            page.items.extend(items.into_iter().map(|it| shift(it, y)));
            y += h;
        }
    }

    /// Page 1's foot (ô 13): a rule across the text width, then the lines; items
    /// from y = 0 and the height, or `None` when there is nothing.
    fn foot(&self, paras: &[Para]) -> Option<ColumnsBox> {
        if paras.is_empty() {
            return None;
        }
        let width = self.typo.text_width_pt();
        let mut items = vec![Item::Rule {
            x: self.text_left(),
            y: 0.0,
            width,
            height: RULE_THICKNESS,
        }];
        let mut y = RULE_THICKNESS + nd30::FOOT_RULE_SPACE_PT;
        for (k, p) in paras.iter().enumerate() {
            let b = self.para_box(usize::MAX, p, self.text_left(), width, None);
            if k > 0 {
                y += b.before;
            }
            for line in b.lines {
                push_line(&mut items, line, b.x, y + b.ascent, usize::MAX);
                y += b.line_height;
            }
        }
        Some(ColumnsBox {
            height: y,
            items,
            keep_next: false,
        })
    }

    fn columns(&self, id: usize, kind: ColumnsKind, left: &[Para], right: &[Para]) -> ColumnsBox {
        let tw = |t: i32| t as f32 * TWIP;
        match kind {
            ColumnsKind::Header => {
                let (lw, rw, indent) = self.typo.header_columns_twips;
                let x0 = self.text_left() + tw(indent);
                let (l1, l2) = header_rows(left);
                let (r1, r2) = header_rows(right);
                let right_id = id + left.len();
                let ids = [(id, right_id), (id + l1.len(), right_id + r1.len())];
                let mut items = Vec::new();
                let mut y = 0.0;
                for ((l, r), (lid, rid)) in [(l1, r1), (l2, r2)].into_iter().zip(ids) {
                    let (li, lh) = self.cell(lid, l, x0, tw(lw), 0.0);
                    let (ri, rh) = self.cell(rid, r, x0 + tw(lw), tw(rw), 0.0);
                    items.extend(li.into_iter().chain(ri).map(|it| shift(it, y)));
                    y += lh.max(rh);
                }
                ColumnsBox {
                    height: y,
                    items,
                    keep_next: false,
                }
            }
            ColumnsKind::Closing | ColumnsKind::Signatures => {
                let (lw, rw) = match kind {
                    ColumnsKind::Signatures => self.typo.signatures_columns_twips,
                    _ => self.typo.closing_columns_twips,
                };
                let x0 = self.text_left();
                let space = self.typo.paragraph_space_pt * 2.0;
                let (li, lh) = self.cell(id, left, x0, tw(lw), space);
                let (ri, rh) = self.cell(id + left.len(), right, x0 + tw(lw), tw(rw), space);
                ColumnsBox {
                    keep_next: false,
                    height: lh.max(rh),
                    items: li.into_iter().chain(ri).collect(),
                }
            }
        }
    }

    /// Flows the units on pages; `foot` is the height of page 1's foot (ô 13),
    /// which, as in Word, raises that page's bottom when it reaches over the margin.
    /// A page's footnotes take room at its bottom, under a short rule.
    fn paginate(
        &self,
        units: Vec<Unit>,
        unit_notes: &[Range<usize>],
        notes: &[NoteBox],
        foot: Option<f32>,
        spacer: bool,
    ) -> Layout {
        let (page_w, page_h) = self.page_size(false);
        let mut f = Flow {
            pages: Vec::new(),
            y: 0.0,
            top: self.typo.margin_top_mm * PT_PER_MM,
            bottom: 0.0,
            margin_bottom: self.typo.margin_bottom_mm * PT_PER_MM,
            prev_after: 0.0,
            at_top: true,
            left: self.text_left(),
            margin_right: self.typo.margin_right_mm * PT_PER_MM,
            notes,
            page_notes: Vec::new(),
            notes_height: 0.0,
        };
        f.start_page(1, self.page_size(false));
        if spacer {
            f.y += nd30::SPACER_PT;
        }
        if let Some(h) = foot {
            let top = page_h - self.typo.footer_distance_mm * PT_PER_MM - h;
            f.bottom = f.bottom.min(top);
        }
        // The end of a keep-with-next chain too tall for a page, being flowed.
        let mut overlong_until = 0;
        for (i, unit) in units.iter().enumerate() {
            match unit {
                Unit::PageBreak => f.new_page(),
                Unit::Section { landscape } => {
                    // The DOCX ends a section with a paragraph 1 pt high; where even
                    // that does not fit, it takes a page of its own.
                    if !f.at_top && f.y + f.prev_after + SECTION_END > f.limit() + 0.01 {
                        f.new_page();
                    }
                    f.start_page(1, self.page_size(*landscape));
                }
                Unit::Columns(t) => {
                    let gap = if f.at_top { 0.0 } else { f.prev_after };
                    let next = match (t.keep_next, units.get(i + 1)) {
                        (true, Some(Unit::Columns(n))) => n.height,
                        _ => 0.0,
                    };
                    let extra = f.height_of(unit_notes[i].clone());
                    if !f.at_top && f.y + gap + t.height + next > f.limit_with(extra) + 0.01 {
                        f.new_page();
                    }
                    f.add_notes(unit_notes[i].clone());
                    let gap = if f.at_top { 0.0 } else { f.prev_after };
                    let y0 = f.y + gap;
                    let page = f.pages.last_mut().expect("a page");
                    page.items
                        .extend(t.items.iter().cloned().map(|it| shift(it, y0)));
                    f.y = y0 + t.height;
                    f.prev_after = 0.0;
                    f.at_top = false;
                }
                Unit::Grid(g) => f.place_grid(g, unit_notes[i].clone()),
                Unit::Para(p) => {
                    let (chain, members) = keep_chain(&units[i..]);
                    let gap = f.gap(p);
                    if p.keep_next
                        && i >= overlong_until
                        && !f.at_top
                        && f.y + gap + chain > f.limit() + 0.01
                    {
                        f.new_page();
                        // A chain taller than a page cannot be kept on any: it
                        // starts the page and flows from there, as in LibreOffice
                        // (a list of headings with no text under them would
                        // otherwise take a page each).
                        if chain > f.limit() - f.top + 0.01 {
                            overlong_until = i + members;
                        }
                    }
                    f.place(p);
                }
            }
        }
        f.finish_page();
        let mut pages = f.pages;
        self.add_page_numbers(&mut pages);
        Layout {
            width: page_w,
            height: page_h,
            pages,
        }
    }

    fn add_page_numbers(&self, pages: &mut [Page]) {
        let st = self.typo.style(Role::PageNumber);
        let y = self.typo.header_distance_mm * PT_PER_MM + st.size * self.ascent_factor;
        for page in pages.iter_mut().filter(|p| p.number > 1) {
            let runs = [StyledText::new(
                page.number.to_string(),
                Face::Regular,
                st.size,
            )];
            let width =
                page.width - (self.typo.margin_left_mm + self.typo.margin_right_mm) * PT_PER_MM;
            let mut lines = break_lines(&runs, width, 0.0, Align::Center, self.shapers);
            let line = lines.remove(0);
            let mut items = Vec::new();
            push_line(&mut items, line, self.text_left(), y, usize::MAX);
            page.items.splice(0..0, items);
        }
    }
}

/// Height needed to place a keep-with-next chain starting at `units[0]`: every
/// paragraph of the chain whole, plus the first chunk of the paragraph it keeps
/// with; and how many units it spans.
fn keep_chain(units: &[Unit]) -> (f32, usize) {
    let mut h = 0.0;
    let mut prev_after: Option<f32> = None;
    let mut members = 0;
    for u in units {
        members += 1;
        let p = match u {
            Unit::Para(p) => p,
            // A heading stays with a table's header rows and first line.
            Unit::Grid(g) if prev_after.is_some() => {
                h += prev_after.unwrap_or(0.0) + g.start_height();
                break;
            }
            // A copy's rule stays with its header and the header with its closing.
            Unit::Columns(c) if prev_after.is_some() => {
                h += prev_after.unwrap_or(0.0) + c.height;
                if c.keep_next {
                    prev_after = Some(0.0);
                    continue;
                }
                break;
            }
            _ => break,
        };
        let gap = prev_after.map_or(0.0, |a: f32| a.max(p.before));
        if p.keep_next {
            h += gap + p.height();
            prev_after = Some(p.after());
        } else {
            h += gap + p.min_first_chunk() as f32 * p.line_height;
            break;
        }
    }
    (h, members)
}

fn push_line(items: &mut Vec<Item>, line: Line, x: f32, baseline: f32, para: usize) {
    for fragment in line.fragments {
        items.push(Item::Text {
            x: x + fragment.x,
            baseline,
            fragment,
            para,
            color: None,
        });
    }
}

struct Flow<'n> {
    pages: Vec<Page>,
    y: f32,
    top: f32,
    /// The bottom of the text area of the current page, footnotes included.
    bottom: f32,
    margin_bottom: f32,
    prev_after: f32,
    at_top: bool,
    /// The text area's left edge and the right margin.
    left: f32,
    margin_right: f32,
    /// Every footnote of the document, and those of the current page.
    notes: &'n [NoteBox],
    page_notes: Vec<usize>,
    notes_height: f32,
}

impl Flow<'_> {
    /// The room the current page's footnotes take at its foot, with `extra`
    /// points of notes more: none without notes.
    fn notes_area(&self, extra: f32) -> f32 {
        if self.page_notes.is_empty() && extra == 0.0 {
            0.0
        } else {
            FOOT_SEPARATOR + self.notes_height + extra
        }
    }

    /// Where the text must end on this page, above its footnotes.
    fn limit(&self) -> f32 {
        self.limit_with(0.0)
    }

    /// Where the text must end with `extra` points of notes more on the page.
    fn limit_with(&self, extra: f32) -> f32 {
        self.bottom - self.notes_area(extra)
    }

    fn height_of(&self, notes: impl IntoIterator<Item = usize>) -> f32 {
        notes.into_iter().map(|n| self.notes[n].height).sum()
    }

    /// Puts notes on the current page.
    fn add_notes(&mut self, notes: impl IntoIterator<Item = usize>) {
        for n in notes {
            self.notes_height += self.notes[n].height;
            self.page_notes.push(n);
        }
    }

    /// Draws the current page's footnotes at its foot, under their rule.
    fn finish_page(&mut self) {
        if self.page_notes.is_empty() {
            return;
        }
        let page = self.pages.last_mut().expect("a page");
        let mut y = self.bottom - self.notes_height;
        page.items.push(Item::Rule {
            x: self.left,
            y: y - FOOT_SEPARATOR + FOOT_RULE_TOP,
            width: (page.width - self.left - self.margin_right) * FOOT_RULE_LENGTH,
            height: FOOT_RULE,
        });
        for n in std::mem::take(&mut self.page_notes) {
            let note = &self.notes[n];
            for (k, line) in note.lines.iter().enumerate() {
                let baseline = y + k as f32 * note.line_height + note.ascent;
                push_line(
                    &mut page.items,
                    line.clone(),
                    self.left,
                    baseline,
                    usize::MAX,
                );
            }
            y += note.height;
        }
        self.notes_height = 0.0;
    }

    /// Starts a page numbered `number` of the given size.
    fn start_page(&mut self, number: u32, (width, height): (f32, f32)) {
        if !self.pages.is_empty() {
            self.finish_page();
        }
        self.pages.push(Page {
            number,
            width,
            height,
            items: Vec::new(),
        });
        self.bottom = height - self.margin_bottom;
        self.y = self.top;
        self.prev_after = 0.0;
        self.at_top = true;
    }

    /// Starts the next page of the current section.
    fn new_page(&mut self) {
        let last = self.pages.last().expect("a page");
        let (number, size) = (last.number + 1, (last.width, last.height));
        self.start_page(number, size);
    }

    /// Places a table: header bands first, then body bands, breaking rows across
    /// pages and repeating the header bands at the top of each page.
    /// The notes of its cells go to the page the table starts on.
    fn place_grid(&mut self, g: &GridBox, notes: Range<usize>) {
        // The header and the first line of the first row, or nothing, at a page's foot.
        let gap = if self.at_top { 0.0 } else { self.prev_after };
        let extra = self.height_of(notes.clone());
        if !self.at_top && self.y + gap + g.start_height() > self.limit_with(extra) + 0.01 {
            self.new_page();
        }
        self.add_notes(notes);
        let gap = if self.at_top { 0.0 } else { self.prev_after };
        self.y += gap;
        self.at_top = false;
        let header = |f: &mut Flow| {
            for b in &g.header {
                let page = f.pages.last_mut().expect("a page");
                b.draw(f.y, &mut page.items);
                f.y += b.height;
            }
        };
        header(self);
        // The room under the header rows on a page of the table's own.
        let page_room =
            self.limit() - self.top - g.header.iter().map(|b| b.height).sum::<f32>() - BORDER;
        let mut fresh = true;
        // Bands still to place, the next one last; a split pushes its rest back.
        let mut queue: Vec<table::Band> = g.body.iter().rev().cloned().collect();
        while let Some(band) = queue.pop() {
            let room = self.limit() - self.y - BORDER;
            if band.height <= room + 0.01 {
                let page = self.pages.last_mut().expect("a page");
                band.draw(self.y, &mut page.items);
                self.y += band.height;
                fresh = false;
                continue;
            }
            // Whole bands move on, unless they would not fit on a page of their own
            // either: those break where they stand, as LibreOffice breaks them.
            if band.keep && !fresh && band.height <= page_room + 0.01 {
                self.new_page();
                self.at_top = false;
                header(self);
                fresh = true;
                queue.push(band);
                continue;
            }
            match band.split(room) {
                Some((first, rest)) => {
                    let page = self.pages.last_mut().expect("a page");
                    first.draw(self.y, &mut page.items);
                    self.y += first.height;
                    if rest.is_empty() {
                        fresh = false;
                        continue;
                    }
                    queue.extend(rest.into_iter().rev());
                }
                None if fresh => {
                    // Not one line fits under the header on an empty page: place the
                    // band anyway rather than loop.
                    let page = self.pages.last_mut().expect("a page");
                    band.draw(self.y, &mut page.items);
                    self.y += band.height;
                    fresh = false;
                    continue;
                }
                None => queue.push(band),
            }
            self.new_page();
            self.at_top = false;
            header(self);
            fresh = true;
        }
        self.y += BORDER;
        self.prev_after = 0.0;
    }

    fn gap(&self, p: &ParaBox) -> f32 {
        if self.at_top {
            0.0
        } else {
            self.prev_after.max(p.before)
        }
    }

    /// How many of `p`'s lines from `next` on fit on the page after a gap,
    /// each with its footnotes whole at the page's foot.
    fn fits(&self, p: &ParaBox, next: usize, gap: f32) -> usize {
        let mut notes = 0.0;
        let mut fit = 0;
        for (k, line) in p.lines[next..].iter().enumerate() {
            let with = notes + self.height_of(line.notes.iter().copied());
            if self.y + gap + (k + 1) as f32 * p.line_height > self.limit_with(with) + 0.01 {
                break;
            }
            notes = with;
            fit += 1;
        }
        fit
    }

    /// Places a paragraph, splitting it across pages with widow and orphan control.
    fn place(&mut self, p: &ParaBox) {
        let n = p.lines.len();
        let mut next = 0;
        while next < n {
            let gap = if next == 0 { self.gap(p) } else { 0.0 };
            let left = n - next;
            let fit = self.fits(p, next, gap);
            let mut take = fit;
            if fit < left {
                if p.widow_control {
                    if left - take < 2 {
                        take = take.saturating_sub(2 - (left - take));
                    }
                    if take < 2 {
                        take = 0;
                    }
                }
                if take == 0 && self.at_top {
                    // Nothing fits even on an empty page: place what fits, at least a line.
                    take = fit.max(1);
                }
            }
            if take == 0 {
                self.new_page();
                continue;
            }
            let y0 = self.y + gap;
            let page = self.pages.last_mut().expect("a page");
            for (k, line) in p.lines[next..next + take].iter().enumerate() {
                let baseline = y0 + k as f32 * p.line_height + p.ascent;
                push_line(&mut page.items, line.clone(), p.x, baseline, p.para);
            }
            for line in &p.lines[next..next + take] {
                self.add_notes(line.notes.iter().copied());
            }
            self.y = y0 + take as f32 * p.line_height;
            self.at_top = false;
            next += take;
            if next < n {
                self.new_page();
            }
        }
        if n == 0 {
            self.y += self.gap(p) + p.line_height;
            self.at_top = false;
        }
        self.prev_after = p.after;
        if let Some((x, width, after)) = p.rule {
            let page = self.pages.last_mut().expect("a page");
            page.items.push(Item::Rule {
                x,
                y: self.y + RULE_LINE,
                width,
                height: RULE_THICKNESS,
            });
            self.y += RULE_LINE + RULE_THICKNESS;
            self.prev_after = after;
        }
    }
}
