//! DOCX writer: the IR to a Word document with docx-rs.
//!
//! The header (ô 2-3 | ô 1-4) and the closing (ô 9b | ô 7) are borderless,
//! fixed-width two-column tables as in the decree's own templates. The short rules
//! under the issuer, the motto and the summary are bottom borders of empty
//! paragraphs whose indents size them. Page numbers are a PAGE field in a header
//! that the first page does not show (`titlePg`).

use docx_rs::{
    AlignmentType, BorderType, Docx, FieldCharType, Header, InstrPAGE, InstrText, LineSpacing,
    LineSpacingType, PageMargin, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Run, RunFonts, SpecialIndentType, Table, TableCell, TableCellMargins,
    TableLayoutType, TableRow, WidthType,
};

mod order;

pub use order::check as check_schema_order;

use crate::Error;
use crate::fonts::Shapers;
use crate::ir::{Block, ColumnsKind, Document, Para, Role, header_rows};
use crate::model::Span;
use crate::nd30::{Align, ParaStyle, Rule, Typography, mm_to_twips};

/// The font named on all four font slots (R3).
pub const FONT_NAME: &str = "Times New Roman";

/// Height of the empty paragraph that carries a rule, in twips (exact).
const RULE_LINE_TWIPS: i32 = 40;
/// Rule thickness in eighths of a point (w:sz): 0.75 pt.
const RULE_SIZE: usize = 6;

/// Writes `doc` as DOCX bytes.
pub fn write(doc: &Document, typo: &Typography, shapers: &Shapers) -> Result<Vec<u8>, Error> {
    let w = Writer { typo, shapers };
    let text_width = mm_to_twips(typo.page_width_mm - typo.margin_left_mm - typo.margin_right_mm);
    let mut docx = Docx::new()
        .page_size(
            mm_to_twips(typo.page_width_mm) as u32,
            mm_to_twips(typo.page_height_mm) as u32,
        )
        .page_margin(PageMargin {
            top: mm_to_twips(typo.margin_top_mm),
            bottom: mm_to_twips(typo.margin_bottom_mm),
            left: mm_to_twips(typo.margin_left_mm),
            right: mm_to_twips(typo.margin_right_mm),
            header: mm_to_twips(typo.header_distance_mm),
            footer: mm_to_twips(typo.header_distance_mm),
            gutter: 0,
        })
        .default_fonts(
            RunFonts::new()
                .ascii(FONT_NAME)
                .hi_ansi(FONT_NAME)
                .east_asia(FONT_NAME)
                .cs(FONT_NAME),
        )
        .default_size(half_points(typo.body_size))
        .header(w.page_number_header())
        .first_header(Header::new().add_paragraph(Paragraph::new()));
    let mut break_before = false;
    for block in &doc.blocks {
        match block {
            Block::Para(p) => {
                let mut para = w.paragraph(p);
                if std::mem::take(&mut break_before) {
                    para = para.page_break_before(true);
                }
                docx = docx.add_paragraph(para);
                if let Some(rule) = w.style(p.role).rule {
                    docx = docx.add_paragraph(w.rule_paragraph(
                        rule,
                        std::slice::from_ref(p),
                        text_width,
                        12.0,
                    ));
                }
            }
            Block::Columns { kind, left, right } => {
                docx = docx.add_table(w.columns(*kind, left, right));
            }
            // The next paragraph starts the page (an empty paragraph holding a break
            // would leave a blank line at the top of the new page).
            Block::PageBreak => break_before = true,
        }
    }
    let mut xml = docx.build();
    // docx-rs writes some property children out of schema order; put them right.
    for part in std::iter::once(&mut xml.document)
        .chain(xml.headers.iter_mut())
        .chain(std::iter::once(&mut xml.styles))
    {
        let text = std::str::from_utf8(part)
            .map_err(|e| Error::Output(format!("docx-rs wrote invalid UTF-8: {e}")))?;
        *part = order::reorder(text).into_bytes();
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    xml.pack(&mut buf)
        .map_err(|e| Error::Output(format!("writing the DOCX archive failed: {e}")))?;
    Ok(buf.into_inner())
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
}

impl Writer<'_> {
    fn style(&self, role: Role) -> ParaStyle {
        self.typo.style(role)
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
        r
    }

    fn paragraph(&self, p: &Para) -> Paragraph {
        let st = self.style(p.role);
        let body = self.style(Role::Body);
        let mut para = Paragraph::new()
            .align(match st.align {
                Align::Left => AlignmentType::Left,
                Align::Center => AlignmentType::Center,
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
        if st.first_indent_mm > 0.0 {
            para = para.indent(
                None,
                Some(SpecialIndentType::FirstLine(mm_to_twips(
                    st.first_indent_mm,
                ))),
                None,
                None,
            );
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
            para = para.add_run(self.run(&s.text, &st, Some(s)));
        }
        for s in &p.tail {
            para = para.add_run(self.run(&s.text, &body, Some(s)));
        }
        if p.runs.is_empty() && p.tail.is_empty() && p.label.is_none() {
            // An empty paragraph still takes its size from the paragraph mark.
            para = para.add_run(Run::new().size(half_points(st.size)));
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
        let mut cell = TableCell::new().width(width as usize, WidthType::Dxa);
        let mut i = 0;
        let mut any = false;
        while i < paras.len() {
            let role = paras[i].role;
            let run_len = paras[i..].iter().take_while(|p| p.role == role).count();
            let group = &paras[i..i + run_len];
            for (k, p) in group.iter().enumerate() {
                let mut para = self.paragraph(p);
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

    fn columns(&self, kind: ColumnsKind, left: &[Para], right: &[Para]) -> Table {
        let zero_margins = TableCellMargins::new().margin(0, 0, 0, 0);
        match kind {
            ColumnsKind::Header => {
                let (lw, rw, indent) = self.typo.header_columns_twips;
                // Row 1: bodies and national title; row 2: number and place-date,
                // so that ô 3 and ô 4 share a baseline.
                let (l1, l2) = header_rows(left);
                let (r1, r2) = header_rows(right);
                let row1 = TableRow::new(vec![self.cell(l1, lw, 0.0), self.cell(r1, rw, 0.0)]);
                let row2 = TableRow::new(vec![self.cell(l2, lw, 0.0), self.cell(r2, rw, 0.0)]);
                Table::without_borders(vec![row1, row2])
                    .set_grid(vec![lw as usize, rw as usize])
                    .layout(TableLayoutType::Fixed)
                    .width((lw + rw) as usize, WidthType::Dxa)
                    .indent(indent)
                    .margins(zero_margins)
            }
            ColumnsKind::Closing => {
                let (lw, rw) = self.typo.closing_columns_twips;
                let space = self.typo.paragraph_space_pt * 2.0;
                let row = TableRow::new(vec![
                    self.cell(left, lw, space),
                    self.cell(right, rw, space),
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
