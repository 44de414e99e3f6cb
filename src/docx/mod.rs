//! DOCX writer: the IR to a Word document with docx-rs.
//!
//! The header (ô 2-3 | ô 1-4) and the closing (ô 9b | ô 7) are borderless,
//! fixed-width two-column tables as in the decree's own templates. The short rules
//! under the issuer, the motto and the summary are bottom borders of empty
//! paragraphs whose indents size them. Page numbers are a PAGE field in a header
//! that the first page does not show (`titlePg`).
//!
//! Each appendix is a section of its own: it starts a page, its page numbers start
//! at 1, and it may be landscape. Its tables are real Word tables with single
//! borders, fixed column widths, and header rows repeated on every page
//! (`w:tblHeader`, which docx-rs cannot write: a marker row height is replaced
//! after the build, in `docx/order.rs`).

use docx_rs::{
    AlignmentType, BorderType, Docx, FieldCharType, Footer, Header, HeightRule, InstrPAGE,
    InstrText, LineSpacing, LineSpacingType, PageMargin, PageNumType, PageOrientationType,
    PageSize, Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts,
    Section, SpecialIndentType, Table, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableCellMargins, TableLayoutType, TableRow, VMergeType, WidthType,
};
use docx_rs::{Pic, RelativeFromHType, RelativeFromVType};
use std::cell::Cell;

mod notes;
mod order;

pub use order::check as check_schema_order;

use crate::Error;
use crate::fonts::Shapers;
use crate::images::SignatureImages;
use crate::ir::{self, Block, ColumnsKind, Document, Para, Role, header_rows};
use crate::model::Span;
use crate::nd30::{self, Align, ParaStyle, Rule, Typography, mm_to_twips};

pub(crate) use order::HEADER_ROW_MARK;

/// The font named on all four font slots (R3).
pub const FONT_NAME: &str = "Times New Roman";

/// Height of the empty paragraph that carries a rule, in twips (exact).
const RULE_LINE_TWIPS: i32 = 40;
/// Rule thickness in eighths of a point (w:sz): 0.75 pt.
const RULE_SIZE: usize = 6;

/// The stacking order of the signature image and of the seal, which lies over it.
const SIGNATURE_Z: u32 = 251_659_264;
const SEAL_Z: u32 = 251_660_288;

/// A mark's box: single lines of 1 pt (w:sz in eighths of a point).
const FRAME_SIZE: usize = 8;

/// `FF0000` for a colour.
fn hex([r, g, b]: [u8; 3]) -> String {
    format!("{r:02X}{g:02X}{b:02X}")
}

/// Table borders: single lines of 0.5 pt (w:sz in eighths of a point).
const TABLE_BORDER_SIZE: usize = 4;

/// What a section holds, in order.
enum Child {
    Para(Box<Paragraph>),
    Table(Box<Table>),
}

/// The page set-up of one section.
#[derive(Clone, Copy)]
struct PageSetup {
    landscape: bool,
    /// Page numbers start again at 1 (an appendix).
    restart: bool,
}

/// Writes `doc` as DOCX bytes.
pub fn write(doc: &Document, typo: &Typography, shapers: &Shapers) -> Result<Vec<u8>, Error> {
    let w = Writer {
        typo,
        shapers,
        notes: Cell::new(0),
    };
    let mut docx = Docx::new()
        .default_fonts(
            RunFonts::new()
                .ascii(FONT_NAME)
                .hi_ansi(FONT_NAME)
                .east_asia(FONT_NAME)
                .cs(FONT_NAME),
        )
        .default_size(half_points(typo.body_size));
    let mut setup = PageSetup {
        landscape: false,
        restart: false,
    };
    let mut children: Vec<Child> = Vec::new();
    if doc.opens_with_spacer() {
        children.push(Child::Para(Box::new(spacer_paragraph())));
    }
    let mut break_before = false;
    // Whether a section has ended: page 1's marks belong to the first one.
    let mut sectioned = false;
    // The block the signature images are drawn in.
    let signing = doc.signing_block();
    for (k, block) in doc.blocks.iter().enumerate() {
        let text_width = typo.text_width_twips(setup.landscape);
        match block {
            Block::Para(p) => {
                let mut para = w.paragraph(p);
                if std::mem::take(&mut break_before) {
                    para = para.page_break_before(true);
                }
                children.push(Child::Para(Box::new(para)));
                if let Some(rule) = w.style(p.role).rule {
                    let mut r = w.rule_paragraph(rule, std::slice::from_ref(p), text_width, 12.0);
                    // A copy's rule stays with the block it opens.
                    if p.role == Role::CopySeparator {
                        r = r.keep_next(true);
                    }
                    children.push(Child::Para(Box::new(r)));
                }
            }
            Block::Columns { kind, left, right } => {
                let images = (Some(k) == signing && !doc.images.is_empty()).then_some(&doc.images);
                children.push(Child::Table(Box::new(w.columns(
                    *kind,
                    left,
                    right,
                    images,
                    doc.is_copy_header(k),
                ))));
            }
            Block::Table(t) => children.push(Child::Table(Box::new(w.table(t, text_width)))),
            // The next paragraph starts the page (an empty paragraph holding a break
            // would leave a blank line at the top of the new page).
            Block::PageBreak => break_before = true,
            Block::Section { landscape } => {
                let first = (!sectioned).then_some(doc);
                sectioned = true;
                docx = docx.add_section(w.section(std::mem::take(&mut children), setup, first));
                setup = PageSetup {
                    landscape: *landscape,
                    restart: true,
                };
            }
        }
    }
    // The last section's properties are the document's own.
    for c in children {
        docx = match c {
            Child::Para(p) => docx.add_paragraph(*p),
            Child::Table(t) => docx.add_table(*t),
        };
    }
    let (width, height) = typo.page_twips(setup.landscape);
    docx = docx
        .page_size(width as u32, height as u32)
        .page_orient(w.orientation(setup.landscape))
        .page_margin(w.margins())
        .header(w.page_number_header());
    if sectioned {
        docx = docx.first_header(w.first_header(&[]));
    } else {
        docx = docx.first_header(w.first_header(&doc.page_top));
        if let Some(f) = w.first_footer(&doc.page_foot) {
            docx = docx.first_footer(f);
        }
    }
    if setup.restart {
        docx = docx.page_num_type(PageNumType::new().start(1));
    }
    if w.notes.get() > 0 {
        for s in notes::styles(half_points(typo.style(Role::Footnote).size)) {
            docx = docx.add_style(s);
        }
    }
    let mut xml = docx.build();
    // docx-rs writes some property children out of schema order and cannot write a
    // few properties; put them right.
    let mut next_id = 1;
    for part in std::iter::once(&mut xml.document)
        .chain(xml.headers.iter_mut())
        .chain(xml.footers.iter_mut())
        .chain(std::iter::once(&mut xml.styles))
    {
        let text = std::str::from_utf8(part)
            .map_err(|e| Error::Output(format!("docx-rs wrote invalid UTF-8: {e}")))?;
        let text = order::number_paragraphs(&order::finish_marks(text), &mut next_id);
        // The only floating drawings are the signature and the seal: they lie over
        // the text without moving it (docx-rs writes them with square wrapping).
        const SQUARE: &str = "<wp:wrapSquare wrapText=\"bothSides\" />";
        let text = if text.contains(SQUARE) {
            text.replace(SQUARE, "<wp:wrapNone />")
        } else {
            text
        };
        *part = order::reorder(&text).into_bytes();
    }
    if w.notes.get() > 0 {
        let text = std::str::from_utf8(&xml.footnotes)
            .map_err(|e| Error::Output(format!("docx-rs wrote invalid UTF-8: {e}")))?;
        xml.footnotes = order::reorder(&notes::finish(text)).into_bytes();
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    xml.pack(&mut buf)
        .map_err(|e| Error::Output(format!("writing the DOCX archive failed: {e}")))?;
    compress(&buf.into_inner())
        .map_err(|e| Error::Output(format!("compressing the DOCX archive failed: {e}")))
}

/// Parts smaller than this stay stored in the DOCX archive: starting a
/// compressor costs more than they would save.
const DEFLATE_FROM: usize = 2048;

/// The DOCX archive with its parts of [`DEFLATE_FROM`] bytes or more deflated.
/// docx-rs stores them uncompressed, which made the seed plan's DOCX 52 KB
/// where Word writes about a fifth of that; level 1 is enough for XML and costs
/// least. Entries keep their order, names and the fixed 1980 timestamp, so the
/// bytes stay the same on every run.
fn compress(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(stored.len() / 3)));
    let mut data = Vec::new();
    for k in 0..archive.len() {
        let mut entry = archive.by_index(k)?;
        let options =
            zip::write::SimpleFileOptions::default().last_modified_time(zip::DateTime::default());
        if entry.is_dir() {
            out.add_directory(entry.name(), options)?;
            continue;
        }
        data.clear();
        entry.read_to_end(&mut data)?;
        let options = if data.len() >= DEFLATE_FROM {
            options
                .compression_method(zip::CompressionMethod::Deflated)
                .compression_level(Some(1))
        } else {
            options.compression_method(zip::CompressionMethod::Stored)
        };
        out.start_file(entry.name(), options)?;
        out.write_all(&data)?;
    }
    Ok(out.finish()?.into_inner())
}

/// The paragraph 1 pt high that opens a body with footnotes
/// ([`ir::Document::opens_with_spacer`]).
fn spacer_paragraph() -> Paragraph {
    Paragraph::new()
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(twips(nd30::SPACER_PT))
                .line_rule(LineSpacingType::Exact),
        )
        .size(2)
}

/// Half-points for a size in points (w:sz).
fn half_points(pt: f32) -> usize {
    (pt * 2.0).round() as usize
}

/// Twips for points.
fn twips(pt: f32) -> i32 {
    (pt * 20.0).round() as i32
}

struct Writer<'a> {
    typo: &'a Typography,
    shapers: &'a Shapers<'a>,
    /// Footnotes written so far: they are numbered 1, 2 … in document order.
    notes: Cell<usize>,
}

impl Writer<'_> {
    fn style(&self, role: Role) -> ParaStyle {
        self.typo.style(role)
    }

    fn orientation(&self, landscape: bool) -> PageOrientationType {
        if landscape {
            PageOrientationType::Landscape
        } else {
            PageOrientationType::Portrait
        }
    }

    /// The decree's margins (R2), the same on landscape pages.
    fn margins(&self) -> PageMargin {
        let t = self.typo;
        PageMargin {
            top: mm_to_twips(t.margin_top_mm),
            bottom: mm_to_twips(t.margin_bottom_mm),
            left: mm_to_twips(t.margin_left_mm),
            right: mm_to_twips(t.margin_right_mm),
            header: mm_to_twips(t.header_distance_mm),
            footer: mm_to_twips(t.footer_distance_mm),
            gutter: 0,
        }
    }

    /// A finished section: its content, then its page set-up; page numbers from
    /// page 2 of the section, as on the document's first pages.
    fn section(&self, children: Vec<Child>, setup: PageSetup, first: Option<&Document>) -> Section {
        let (width, height) = self.typo.page_twips(setup.landscape);
        let mut s = Section::new()
            .page_size(
                PageSize::new()
                    .size(width as u32, height as u32)
                    .orient(self.orientation(setup.landscape)),
            )
            .page_orient(self.orientation(setup.landscape))
            .page_margin(self.margins())
            .header(self.page_number_header())
            .first_header(self.first_header(first.map_or(&[][..], |d| &d.page_top)))
            .title_pg();
        if let Some(f) = first.and_then(|d| self.first_footer(&d.page_foot)) {
            s = s.first_footer(f);
        }
        if setup.restart {
            s = s.page_num_type(PageNumType::new().start(1));
        }
        for c in children {
            s = match c {
                Child::Para(p) => s.add_paragraph(*p),
                Child::Table(t) => s.add_table(*t),
            };
        }
        s
    }

    /// A bordered table across `text_width` twips. A cell spanning rows is a
    /// `vMerge` restart cell followed by empty continue cells in the rows below.
    fn table(&self, t: &ir::Table, text_width: i32) -> Table {
        let widths = t.widths_twips(text_width);
        let n = widths.len();
        let span_width =
            |col: usize, span: usize| widths[col..(col + span).min(n)].iter().sum::<i32>();
        // Per column: rows still covered from above, and the covering cell's colspan
        // when the column is where it starts.
        let mut pending: Vec<(usize, usize)> = vec![(0, 0); n];
        let mut rows = Vec::with_capacity(t.rows.len());
        for (row, placed) in t.rows.iter().zip(t.placed()) {
            let mut cells = Vec::with_capacity(n);
            let mut col = 0;
            let mut next = placed.iter().peekable();
            while col < n {
                if let Some((start, cell)) = next.peek().copied()
                    && *start == col
                {
                    next.next();
                    let mut c = self.cell_of(cell, span_width(col, cell.colspan));
                    if cell.colspan > 1 {
                        c = c.grid_span(cell.colspan);
                    }
                    if cell.rowspan > 1 {
                        c = c.vertical_merge(VMergeType::Restart);
                    }
                    pending[col] = (cell.rowspan - 1, cell.colspan);
                    for p in pending.iter_mut().take(col + cell.colspan).skip(col + 1) {
                        *p = (cell.rowspan - 1, 0);
                    }
                    cells.push(c);
                    col += cell.colspan;
                } else if pending[col].0 > 0 && pending[col].1 > 0 {
                    let span = pending[col].1;
                    let mut c = TableCell::new()
                        .width(span_width(col, span) as usize, WidthType::Dxa)
                        .vertical_merge(VMergeType::Continue)
                        .add_paragraph(self.paragraph(&Para::empty_cell()));
                    if span > 1 {
                        c = c.grid_span(span);
                    }
                    cells.push(c);
                    for p in pending.iter_mut().skip(col).take(span) {
                        p.0 -= 1;
                    }
                    col += span;
                } else {
                    // Validated input never gets here; keep the grid whole regardless.
                    cells.push(
                        TableCell::new()
                            .width(widths[col] as usize, WidthType::Dxa)
                            .add_paragraph(self.paragraph(&Para::empty_cell())),
                    );
                    col += 1;
                }
            }
            let mut r = TableRow::new(cells);
            if row.keep_together {
                r = r.cant_split();
            }
            if row.header {
                r = r.row_height(HEADER_ROW_MARK).height_rule(HeightRule::Auto);
            }
            rows.push(r);
        }
        let border = |pos| {
            TableBorder::new(pos)
                .border_type(BorderType::Single)
                .size(TABLE_BORDER_SIZE)
                .color("000000")
        };
        let borders = TableBorders::with_empty()
            .set(border(TableBorderPosition::Top))
            .set(border(TableBorderPosition::Left))
            .set(border(TableBorderPosition::Bottom))
            .set(border(TableBorderPosition::Right))
            .set(border(TableBorderPosition::InsideH))
            .set(border(TableBorderPosition::InsideV));
        let m = self.typo.cell_margin_twips.max(0) as usize;
        Table::new(rows)
            .set_grid(widths.iter().map(|w| *w as usize).collect())
            .layout(TableLayoutType::Fixed)
            .width(text_width as usize, WidthType::Dxa)
            .set_borders(borders)
            .margins(TableCellMargins::new().margin(0, m, 0, m))
    }

    fn cell_of(&self, cell: &ir::Cell, width: i32) -> TableCell {
        let mut c = TableCell::new().width(width as usize, WidthType::Dxa);
        if cell.paras.is_empty() {
            return c.add_paragraph(self.paragraph(&Para::empty_cell()));
        }
        for p in &cell.paras {
            c = c.add_paragraph(self.paragraph(p));
        }
        c
    }

    fn run(&self, text: &str, style: &ParaStyle, span: Option<&Span>) -> Run {
        let mut r = Run::new().add_text(text);
        // The body size is the document default; only other sizes are written.
        if style.size != self.typo.body_size {
            r = r.size(half_points(style.size));
        }
        if style.bold || span.is_some_and(|s| s.bold) {
            r = r.bold();
        }
        if style.italic || span.is_some_and(|s| s.italic) {
            r = r.italic();
        }
        if let Some(c) = style.color {
            r = r.color(hex(c));
        }
        r
    }

    /// A one-line mark in its box (R33, R34), centred in a space `width` twips
    /// wide that stands `left` and `right` twips in from the paragraph's edges:
    /// the paragraph indented to the box's width, with a border on each side.
    fn framed(&self, p: &Para, width: i32, left: i32, right: i32) -> Paragraph {
        let st = self.style(p.role);
        let fw = twips(self.typo.frame_box_pt(p, self.shapers)).min(width);
        let side = (width - fw) / 2;
        let space = nd30::frame_space_pt(st.size) as usize;
        let color = hex(st.color.unwrap_or([0, 0, 0]));
        let border = |pos: ParagraphBorderPosition| {
            let vertical = matches!(
                pos,
                ParagraphBorderPosition::Top | ParagraphBorderPosition::Bottom
            );
            ParagraphBorder::new(pos)
                .val(BorderType::Single)
                .size(FRAME_SIZE)
                .space(if vertical { space } else { 0 })
                .color(color.clone())
        };
        self.paragraph(p)
            .indent(Some(left + side), None, Some(right + side), None)
            .set_borders(
                ParagraphBorders::with_empty()
                    .set(border(ParagraphBorderPosition::Top))
                    .set(border(ParagraphBorderPosition::Left))
                    .set(border(ParagraphBorderPosition::Bottom))
                    .set(border(ParagraphBorderPosition::Right)),
            )
    }

    /// The header of page 1: empty, or the marks of its top margin (ô 11)
    /// centred over the national title.
    fn first_header(&self, top: &[Para]) -> Header {
        let (lw, rw, indent) = self.typo.header_columns_twips;
        let mut h = Header::new();
        if top.is_empty() {
            return h.add_paragraph(Paragraph::new());
        }
        // The header table's right edge, as the PDF writer places it.
        let right = (self.typo.text_width_twips(false) - (indent + lw + rw)).max(0);
        for p in top {
            let para = if self.style(p.role).frame {
                // Over the right column of the header table.
                self.framed(p, rw, lw + indent, right)
            } else {
                self.paragraph(p)
            };
            h = h.add_paragraph(para);
        }
        h
    }

    /// The footer of page 1 (ô 13): its lines under a rule across the text width.
    fn first_footer(&self, foot: &[Para]) -> Option<Footer> {
        let (first, rest) = foot.split_first()?;
        let rule = ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Top)
                .val(BorderType::Single)
                .size(RULE_SIZE)
                .space(nd30::FOOT_RULE_SPACE_PT as usize)
                .color("000000"),
        );
        let mut f = Footer::new().add_paragraph(self.paragraph(first).set_borders(rule));
        for p in rest {
            f = f.add_paragraph(self.paragraph(p));
        }
        Some(f)
    }

    fn paragraph(&self, p: &Para) -> Paragraph {
        let st = self.style(p.role);
        let body = self.style(Role::Body);
        let mut para = Paragraph::new()
            .align(match st.align {
                Align::Left => AlignmentType::Left,
                Align::Center => AlignmentType::Center,
                Align::Right => AlignmentType::Right,
                Align::Justify => AlignmentType::Both,
            })
            .line_spacing(
                LineSpacing::new()
                    .before(twips(st.space_before) as u32)
                    .after(twips(st.space_after) as u32)
                    .line((st.line * 240.0).round() as i32)
                    .line_rule(LineSpacingType::Auto),
            );
        if st.size != self.typo.body_size {
            para = para.size(half_points(st.size));
        }
        if st.first_indent_mm > 0.0 || st.left_indent_mm > 0.0 {
            let left = (st.left_indent_mm > 0.0).then(|| mm_to_twips(st.left_indent_mm));
            let first = (st.first_indent_mm > 0.0)
                .then(|| SpecialIndentType::FirstLine(mm_to_twips(st.first_indent_mm)));
            para = para.indent(left, first, None, None);
        }
        if st.keep_next {
            para = para.keep_next(true);
        }
        if p.role.is_body() {
            para = para.widow_control(true);
        }
        if let Some(label) = &p.label {
            para = para.add_run(self.run(&format!("{label} "), &st, None));
        }
        for s in &p.runs {
            para = self.add_span(para, s, &st);
        }
        for s in &p.tail {
            para = self.add_span(para, s, &body);
        }
        if p.runs.is_empty() && p.tail.is_empty() && p.label.is_none() {
            // An empty paragraph still takes its size from the paragraph mark.
            para = para.add_run(Run::new().size(half_points(st.size)));
        }
        para
    }

    /// A span's run, and its footnote's raised number after it.
    fn add_span(&self, mut para: Paragraph, s: &Span, st: &ParaStyle) -> Paragraph {
        if !s.text.is_empty() {
            para = para.add_run(self.run(&s.text, st, Some(s)));
        }
        if let Some(note) = &s.footnote {
            let id = self.notes.get() + 1;
            self.notes.set(id);
            let mut text = self
                .paragraph(&Para {
                    runs: vec![Span::plain(note.as_str())],
                    ..Para::empty(Role::Footnote)
                })
                .style(notes::TEXT_STYLE);
            let size = half_points(self.style(Role::Footnote).size);
            for (k, r) in notes::number_runs(size).into_iter().enumerate() {
                text.children
                    .insert(k, docx_rs::ParagraphChild::Run(Box::new(r)));
            }
            let mut r = notes::reference(id, text);
            if st.size != self.typo.body_size {
                r = r.size(half_points(st.size));
            }
            para = para.add_run(r);
        }
        para
    }

    /// An empty paragraph whose bottom border is the rule under `paras`, centred in a
    /// box `box_twips` wide.
    fn rule_paragraph(
        &self,
        rule: Rule,
        paras: &[Para],
        box_twips: i32,
        after_pt: f32,
    ) -> Paragraph {
        let side = self
            .typo
            .rule_side_twips(rule, paras, box_twips as f32 / 20.0, self.shapers);
        Paragraph::new()
            .indent(Some(side), None, Some(side), None)
            .line_spacing(
                LineSpacing::new()
                    .before(0)
                    .after(twips(after_pt) as u32)
                    .line(RULE_LINE_TWIPS)
                    .line_rule(LineSpacingType::Exact),
            )
            .size(2)
            .set_borders(
                ParagraphBorders::with_empty().set(
                    ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                        .val(BorderType::Single)
                        .size(RULE_SIZE)
                        .space(0)
                        .color("000000"),
                ),
            )
    }

    /// A cell holding `paras`, with a rule after the last paragraph of each role
    /// that carries one.
    fn cell(&self, paras: &[Para], width: i32, first_space: f32) -> TableCell {
        self.signed_cell(paras, width, first_space, None, false)
    }

    /// A cell as [`Writer::cell`], with the signature and seal images anchored
    /// in the paragraph `sign.0` (the last authority line above the name).
    fn signed_cell(
        &self,
        paras: &[Para],
        width: i32,
        first_space: f32,
        sign: Option<(usize, &SignatureImages)>,
        keep: bool,
    ) -> TableCell {
        let mut cell = TableCell::new().width(width as usize, WidthType::Dxa);
        let mut i = 0;
        let mut any = false;
        while i < paras.len() {
            let role = paras[i].role;
            let run_len = paras[i..].iter().take_while(|p| p.role == role).count();
            let group = &paras[i..i + run_len];
            for (k, p) in group.iter().enumerate() {
                let mut para = if self.style(p.role).frame {
                    self.framed(p, width, 0, 0)
                } else {
                    self.paragraph(p)
                };
                if keep {
                    para = para.keep_next(true);
                }
                if let Some((at, images)) = sign
                    && at == i + k
                {
                    for pic in self.signature_pics(p, width, images) {
                        para = para.add_run(Run::new().add_image(pic));
                    }
                }
                if i == 0 && k == 0 && first_space > 0.0 {
                    let st = self.style(p.role);
                    para = para.line_spacing(
                        LineSpacing::new()
                            .before(twips(first_space) as u32)
                            .after(twips(st.space_after) as u32)
                            .line((st.line * 240.0).round() as i32)
                            .line_rule(LineSpacingType::Auto),
                    );
                }
                cell = cell.add_paragraph(para);
                any = true;
            }
            if let Some(rule) = self.style(role).rule {
                cell = cell.add_paragraph(self.rule_paragraph(rule, group, width, 0.0));
            }
            i += run_len;
        }
        if !any {
            cell = cell.add_paragraph(Paragraph::new());
        }
        cell
    }

    /// The signature and seal anchored to the authority line `over` in a cell
    /// `width` twips wide: centred in the signing space under that line, the seal
    /// over the signature's left third; in front of the text, which they do not
    /// move (the PDF draws them at the same place).
    fn signature_pics(&self, over: &Para, width: i32, images: &SignatureImages) -> Vec<Pic> {
        const EMU_PER_PT: f32 = 12700.0;
        let emu = |pt: f32| (pt * EMU_PER_PT).round() as i32;
        let line = self.style(over.role).size * nd30::LINE_HEIGHT_EM;
        let cy = line + self.style(Role::SignerName).space_before / 2.0;
        let cx = width as f32 / 20.0 / 2.0;
        // Ids of our own: docx-rs counts pictures across the process, which would
        // make a second rendering differ from the first.
        let pic = |img: &crate::images::Image, x: f32, z: u32| {
            let id = if z == SEAL_Z {
                "rIdImageSeal"
            } else {
                "rIdImageSignature"
            };
            let mut p = Pic::new_with_dimensions(img.png.to_vec(), img.width_px, img.height_px)
                .id(id)
                .size(emu(img.width_pt) as u32, emu(img.height_pt) as u32)
                .floating()
                .overlapping()
                .relative_from_h(RelativeFromHType::Column)
                .relative_from_v(RelativeFromVType::Paragraph)
                .offset_x(emu(x))
                .offset_y(emu(cy - img.height_pt / 2.0))
                .relative_height(z);
            p.layout_in_cell = true;
            p
        };
        let mut out = Vec::new();
        let mut seal_right = cx + images.seal.as_ref().map_or(0.0, |s| s.width_pt / 2.0);
        if let Some(sig) = &images.signature {
            let x = cx - sig.width_pt / 2.0;
            out.push(pic(sig, x, SIGNATURE_Z));
            seal_right = x + sig.width_pt / 3.0;
        }
        if let Some(seal) = &images.seal {
            out.push(pic(seal, seal_right - seal.width_pt, SEAL_Z));
        }
        out
    }

    /// A two-column block; a closing block given `images` carries them in its
    /// signing space; `keep` keeps a header block with the block after it (a
    /// copy's, Mẫu 3.1).
    fn columns(
        &self,
        kind: ColumnsKind,
        left: &[Para],
        right: &[Para],
        images: Option<&SignatureImages>,
        keep: bool,
    ) -> Table {
        let zero_margins = TableCellMargins::new().margin(0, 0, 0, 0);
        match kind {
            ColumnsKind::Header => {
                let (lw, rw, indent) = self.typo.header_columns_twips;
                // Row 1: bodies and national title; row 2: number and place-date,
                // so that ô 3 and ô 4 share a baseline.
                let (l1, l2) = header_rows(left);
                let (r1, r2) = header_rows(right);
                let cell = |p, w| self.signed_cell(p, w, 0.0, None, keep);
                let row1 = TableRow::new(vec![cell(l1, lw), cell(r1, rw)]);
                let row2 = TableRow::new(vec![cell(l2, lw), cell(r2, rw)]);
                Table::without_borders(vec![row1, row2])
                    .set_grid(vec![lw as usize, rw as usize])
                    .layout(TableLayoutType::Fixed)
                    .width((lw + rw) as usize, WidthType::Dxa)
                    .indent(indent)
                    .margins(zero_margins)
            }
            ColumnsKind::Closing | ColumnsKind::Signatures => {
                let (lw, rw) = match kind {
                    ColumnsKind::Signatures => self.typo.signatures_columns_twips,
                    _ => self.typo.closing_columns_twips,
                };
                let space = self.typo.paragraph_space_pt * 2.0;
                // The images hang from the last authority line above the name.
                let over = right
                    .iter()
                    .position(|p| p.role == Role::SignerName)
                    .and_then(|n| n.checked_sub(1))
                    .filter(|k| right[*k].role == Role::Authority);
                let sign = images.zip(over).map(|(im, k)| (k, im));
                let row = TableRow::new(vec![
                    self.cell(left, lw, space),
                    self.signed_cell(right, rw, space, sign, false),
                ])
                .cant_split();
                Table::without_borders(vec![row])
                    .set_grid(vec![lw as usize, rw as usize])
                    .layout(TableLayoutType::Fixed)
                    .width((lw + rw) as usize, WidthType::Dxa)
                    .margins(zero_margins)
            }
        }
    }

    /// The header of pages 2 onwards: the page number, centred (R8).
    fn page_number_header(&self) -> Header {
        let st = self.style(Role::PageNumber);
        let size = half_points(st.size);
        let p = Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(
                Run::new()
                    .size(size)
                    .add_field_char(FieldCharType::Begin, false),
            )
            .add_run(
                Run::new()
                    .size(size)
                    .add_instr_text(InstrText::PAGE(InstrPAGE::new())),
            )
            .add_run(
                Run::new()
                    .size(size)
                    .add_field_char(FieldCharType::Separate, false),
            )
            .add_run(Run::new().size(size).add_text("2"))
            .add_run(
                Run::new()
                    .size(size)
                    .add_field_char(FieldCharType::End, false),
            );
        Header::new().add_paragraph(p)
    }
}
