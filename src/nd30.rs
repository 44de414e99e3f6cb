//! The decree's typography as one table, read by both writers.
//!
//! Where Nghị định 30/2020/NĐ-CP gives a range, [`Typography::default`] picks one value
//! and [`Typography::validate`] keeps a configured value inside the legal range.
//! Rule ids (R2, R4 ...) refer to the project's copy of the decree's rules.

use crate::ir::Role;

/// Twentieths of a point per millimetre.
pub const TWIPS_PER_MM: f32 = 1440.0 / 25.4;
/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;
/// The bright red of the urgency mark (R33).
pub const RED: [u8; 3] = [255, 0, 0];
/// The height of a mark's box (R33: 8 mm).
pub const FRAME_HEIGHT_MM: f32 = 8.0;
/// A single line of Times New Roman or Liberation Serif, in em (hhea metrics).
pub const LINE_HEIGHT_EM: f32 = 1.149;
/// The space between ô 13's rule and its first line, points.
pub const FOOT_RULE_SPACE_PT: f32 = 1.0;
/// The height of the paragraph that opens a body with footnotes, points
/// ([`crate::ir::Document::opens_with_spacer`]).
pub const SPACER_PT: f32 = 1.0;

/// The space between a mark's text and its box, above and below, in whole points
/// (as a DOCX border's `w:space`), so that a line of `size` with the 1 pt border
/// makes the decree's 8 mm box.
pub fn frame_space_pt(size: f32) -> f32 {
    ((FRAME_HEIGHT_MM * PT_PER_MM - size * LINE_HEIGHT_EM) / 2.0 - 1.0)
        .round()
        .max(0.0)
}

/// The width of a mark's box, points: the decree's 30, 40 or 20 mm for the three
/// urgency levels (R33), else the text's `measured` width and 3 mm each side.
pub fn frame_width_pt(text: &str, measured: f32) -> f32 {
    match crate::model::Marks::frame_mm(text) {
        mm if mm > 0.0 => mm * PT_PER_MM,
        _ => measured + 6.0 * PT_PER_MM,
    }
}

/// Millimetres to twips, rounded.
pub fn mm_to_twips(mm: f32) -> i32 {
    (mm * TWIPS_PER_MM).round() as i32
}

/// Page size, margins and the choices the decree leaves open.
///
/// ```
/// let t = vanban::nd30::Typography::default();
/// assert_eq!(t.body_size, 14.0);
/// assert!(t.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Typography {
    /// Page width in mm (A4: 210).
    pub page_width_mm: f32,
    /// Page height in mm (A4: 297).
    pub page_height_mm: f32,
    /// Top margin, 20-25 mm (R2).
    pub margin_top_mm: f32,
    /// Bottom margin, 20-25 mm (R2).
    pub margin_bottom_mm: f32,
    /// Left margin, 30-35 mm (R2).
    pub margin_left_mm: f32,
    /// Right margin, 15-20 mm (R2).
    pub margin_right_mm: f32,
    /// Distance from the top edge to the page-number line.
    pub header_distance_mm: f32,
    /// From the page's bottom edge to the foot of page 1 (ô 13).
    pub footer_distance_mm: f32,
    /// Body text size, 13-14 pt (R4).
    pub body_size: f32,
    /// First-line indent of body paragraphs: 10 or 12.7 mm (R5).
    pub first_indent_mm: f32,
    /// Space before each body paragraph, at least 6 pt (R6).
    pub paragraph_space_pt: f32,
    /// Line spacing as a multiple of single, 1.0-1.5 (R7).
    pub line_spacing: f32,
    /// Header table: left column (ô 2-3), right column (ô 1-4) and the table's
    /// indent, in twips; the decree's own Mẫu 1.4 uses 3829 + 5670, indent -284.
    pub header_columns_twips: (i32, i32, i32),
    /// Closing table: left column (ô 9b) and right column (ô 7), in twips (Mẫu 1.4: 2994 + 6290).
    pub closing_columns_twips: (i32, i32),
    /// The two signature columns of a Biên bản (Mẫu 1.9: 3402 + 426 | 5528).
    pub signatures_columns_twips: (i32, i32),
    /// Room left for the handwritten signature and seal above the name, in points.
    pub signature_space_pt: f32,
    /// Text size in table cells, 12-13 pt.
    pub table_size: f32,
    /// Space left and right of the text inside a table cell, in twips.
    pub cell_margin_twips: i32,
    /// Space before and after each paragraph in a table cell, in points.
    pub cell_space_pt: f32,
}

impl Default for Typography {
    fn default() -> Self {
        Typography {
            page_width_mm: 210.0,
            page_height_mm: 297.0,
            margin_top_mm: 20.0,
            margin_bottom_mm: 20.0,
            margin_left_mm: 30.0,
            margin_right_mm: 15.0,
            header_distance_mm: 10.0,
            footer_distance_mm: 10.0,
            body_size: 14.0,
            first_indent_mm: 12.7,
            paragraph_space_pt: 6.0,
            line_spacing: 1.0,
            header_columns_twips: (3829, 5670, -284),
            closing_columns_twips: (2994, 6290),
            signatures_columns_twips: (3828, 5527),
            signature_space_pt: 72.0,
            table_size: 13.0,
            cell_margin_twips: 85,
            cell_space_pt: 3.0,
        }
    }
}

/// Horizontal alignment of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Justified on both sides, last line flush left.
    Justify,
    /// Flush right.
    Right,
}

/// A short rule drawn under a paragraph, centred on it (R11, R12, R20).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rule {
    /// A fraction of the widest line of the paragraph group (1/3 to 1/2 by the decree).
    Fraction(f32),
    /// Exactly the width of the text above it.
    TextWidth,
    /// Across the whole box (a copy's separator, Mẫu 3.1).
    Full,
}

/// How a paragraph of a given role looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParaStyle {
    /// Font size in points.
    pub size: f32,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Printed in upper case.
    pub upper: bool,
    /// Alignment.
    pub align: Align,
    /// First-line indent in mm.
    pub first_indent_mm: f32,
    /// Left indent of every line in mm (the list of `Kính gửi`).
    pub left_indent_mm: f32,
    /// Space before, points.
    pub space_before: f32,
    /// Space after, points.
    pub space_after: f32,
    /// Line spacing multiple.
    pub line: f32,
    /// Keep on the same page as the next paragraph.
    pub keep_next: bool,
    /// A rule under the last paragraph of a run of this role.
    pub rule: Option<Rule>,
    /// The ink, when not black (R33: bright red for urgency).
    pub color: Option<[u8; 3]>,
    /// A box around the line (R33, R34): the marks of ô 10a, 10b and 11.
    pub frame: bool,
}

impl Typography {
    /// Checks every configurable value against the decree's range.
    pub fn validate(&self) -> Result<(), String> {
        let check = |ok: bool, what: &str| if ok { Ok(()) } else { Err(what.to_string()) };
        check(
            (20.0..=25.0).contains(&self.margin_top_mm),
            "R2: top margin must be 20-25 mm",
        )?;
        check(
            (20.0..=25.0).contains(&self.margin_bottom_mm),
            "R2: bottom margin must be 20-25 mm",
        )?;
        check(
            (30.0..=35.0).contains(&self.margin_left_mm),
            "R2: left margin must be 30-35 mm",
        )?;
        check(
            (15.0..=20.0).contains(&self.margin_right_mm),
            "R2: right margin must be 15-20 mm",
        )?;
        check(
            (13.0..=14.0).contains(&self.body_size),
            "R4: body size must be 13-14 pt",
        )?;
        check(
            (self.first_indent_mm - 10.0).abs() < 0.05
                || (self.first_indent_mm - 12.7).abs() < 0.05,
            "R5: first-line indent must be 10 mm or 12.7 mm",
        )?;
        check(
            self.paragraph_space_pt >= 6.0,
            "R6: paragraph spacing must be at least 6 pt",
        )?;
        check(
            (1.0..=1.5).contains(&self.line_spacing),
            "R7: line spacing must be 1.0-1.5 lines",
        )?;
        check(
            (12.0..=13.0).contains(&self.table_size),
            "table text must be 12-13 pt",
        )?;
        check(
            self.cell_margin_twips >= 0 && self.cell_space_pt >= 0.0,
            "cell margins and spacing cannot be negative",
        )
    }

    /// The indent, in whole twips on each side, that sizes the rule under `paras`
    /// (the lines of one role) in a box `available` points wide: both writers draw
    /// the rule from it, so the DOCX and the PDF agree to the twip.
    pub fn rule_side_twips(
        &self,
        rule: Rule,
        paras: &[crate::ir::Para],
        available: f32,
        shapers: &crate::fonts::Shapers,
    ) -> i32 {
        let widest = paras
            .iter()
            .map(|p| {
                let st = self.style(p.role);
                shapers
                    .width(
                        crate::fonts::Face::of(st.bold, st.italic),
                        &p.plain(),
                        st.size,
                    )
                    .min(available)
            })
            .fold(0.0f32, f32::max);
        let width = match rule {
            Rule::Fraction(f) => widest * f,
            Rule::TextWidth => widest,
            Rule::Full => available,
        };
        ((available - width) / 2.0 * 20.0).round().max(0.0) as i32
    }

    /// The width of the box around the mark `p` (R33, R34), points:
    /// [`frame_width_pt`] of its text as its role sets it.
    pub fn frame_box_pt(&self, p: &crate::ir::Para, shapers: &crate::fonts::Shapers) -> f32 {
        let st = self.style(p.role);
        let text = p.plain();
        let measured = shapers.width(crate::fonts::Face::of(st.bold, st.italic), &text, st.size);
        frame_width_pt(&text, measured)
    }

    /// Page width and height in whole twips, as the DOCX states them; width and
    /// height swap for a landscape page.
    ///
    /// ```
    /// let t = vanban::nd30::Typography::default();
    /// assert_eq!(t.page_twips(false), (11906, 16838));
    /// assert_eq!(t.page_twips(true), (16838, 11906));
    /// ```
    pub fn page_twips(&self, landscape: bool) -> (i32, i32) {
        let (w, h) = (
            mm_to_twips(self.page_width_mm),
            mm_to_twips(self.page_height_mm),
        );
        if landscape { (h, w) } else { (w, h) }
    }

    /// Width of the text area in whole twips: the page's width less the margins, each
    /// rounded to the twip as the DOCX states them. Both writers measure lines
    /// against it.
    ///
    /// ```
    /// let t = vanban::nd30::Typography::default();
    /// assert_eq!(t.text_width_twips(false), 9355);
    /// ```
    pub fn text_width_twips(&self, landscape: bool) -> i32 {
        self.page_twips(landscape).0
            - mm_to_twips(self.margin_left_mm)
            - mm_to_twips(self.margin_right_mm)
    }

    /// Width of the text area in points.
    pub fn text_width_pt(&self) -> f32 {
        (self.page_width_mm - self.margin_left_mm - self.margin_right_mm) * PT_PER_MM
    }

    /// The style of a paragraph role.
    pub fn style(&self, role: Role) -> ParaStyle {
        let body = ParaStyle {
            size: self.body_size,
            bold: false,
            italic: false,
            upper: false,
            align: Align::Justify,
            first_indent_mm: self.first_indent_mm,
            left_indent_mm: 0.0,
            space_before: self.paragraph_space_pt,
            space_after: 0.0,
            line: self.line_spacing,
            keep_next: false,
            rule: None,
            color: None,
            frame: false,
        };
        let header = ParaStyle {
            size: 13.0,
            align: Align::Center,
            first_indent_mm: 0.0,
            space_before: 0.0,
            line: 1.0,
            ..body
        };
        match role {
            Role::Parent => ParaStyle {
                upper: true,
                ..header
            },
            Role::Issuer => ParaStyle {
                bold: true,
                upper: true,
                rule: Some(Rule::Fraction(0.4)),
                ..header
            },
            Role::Number => ParaStyle {
                space_before: 6.0,
                ..header
            },
            Role::NationalTitle => ParaStyle {
                bold: true,
                upper: true,
                ..header
            },
            Role::Motto => ParaStyle {
                size: 14.0,
                bold: true,
                rule: Some(Rule::TextWidth),
                ..header
            },
            Role::PlaceDate => ParaStyle {
                size: 14.0,
                italic: true,
                space_before: 6.0,
                ..header
            },
            Role::DocType => ParaStyle {
                size: 14.0,
                bold: true,
                upper: true,
                space_before: 18.0,
                keep_next: true,
                ..header
            },
            Role::Summary => ParaStyle {
                size: 14.0,
                bold: true,
                keep_next: true,
                rule: Some(Rule::Fraction(0.4)),
                ..header
            },
            Role::Preamble => body,
            Role::LegalBasis => ParaStyle {
                italic: true,
                ..body
            },
            Role::Heading(level) => ParaStyle {
                bold: level <= 2,
                italic: level == 3,
                upper: level == 1,
                keep_next: true,
                ..body
            },
            Role::Body | Role::Bullet | Role::Plus => body,
            // R21: 12-13 pt, upright, centred under the number, 6 pt before.
            Role::Subject => ParaStyle {
                size: 12.0,
                space_before: 6.0,
                ..header
            },
            // Not in the rules' text; the forms (Mẫu 1.1-1.3) set it 14 pt bold capitals.
            Role::IssuingAuthority => ParaStyle {
                size: 14.0,
                bold: true,
                upper: true,
                space_before: 12.0,
                keep_next: true,
                ..header
            },
            Role::DecisionLabel => ParaStyle {
                size: 14.0,
                bold: true,
                upper: true,
                space_before: 6.0,
                keep_next: true,
                ..header
            },
            // R25: `Điều 1.` bold at body size, indented as the body; the text runs in.
            Role::Article => ParaStyle {
                bold: true,
                keep_next: true,
                ..body
            },
            Role::Chapter => ParaStyle {
                size: 14.0,
                bold: true,
                space_before: 12.0,
                keep_next: true,
                ..header
            },
            Role::ChapterTitle => ParaStyle {
                size: 14.0,
                bold: true,
                upper: true,
                keep_next: true,
                ..header
            },
            // Ô 9a, 13-14 pt upright: one addressee centred on its line (practice);
            // a list as Mẫu 1.5 sets it, `Kính gửi:` at 3.5 cm, the items at 4.5 cm.
            Role::AddresseeLine => ParaStyle {
                size: 14.0,
                space_before: 12.0,
                ..header
            },
            Role::AddresseeLabel => ParaStyle {
                size: 14.0,
                align: Align::Left,
                first_indent_mm: 35.0,
                space_before: 12.0,
                keep_next: true,
                ..header
            },
            Role::Addressee => ParaStyle {
                size: 14.0,
                align: Align::Left,
                left_indent_mm: 45.0,
                ..header
            },
            Role::AttachmentSummary => ParaStyle {
                size: 14.0,
                bold: true,
                keep_next: true,
                ..header
            },
            Role::AttachmentReference => ParaStyle {
                size: 14.0,
                italic: true,
                keep_next: true,
                rule: Some(Rule::Fraction(0.4)),
                ..header
            },
            Role::RecipientsLabel => ParaStyle {
                size: 12.0,
                bold: true,
                italic: true,
                align: Align::Left,
                ..header
            },
            Role::Recipient => ParaStyle {
                size: 11.0,
                align: Align::Left,
                ..header
            },
            Role::Authority => ParaStyle {
                size: 14.0,
                bold: true,
                upper: true,
                ..header
            },
            Role::SignerName => ParaStyle {
                size: 14.0,
                bold: true,
                space_before: self.signature_space_pt,
                ..header
            },
            // Mẫu 1.8 and 1.10: the name, then a short rule, with no summary.
            Role::DocTypeRuled => ParaStyle {
                size: 14.0,
                bold: true,
                upper: true,
                space_before: 18.0,
                keep_next: true,
                rule: Some(Rule::Fraction(0.4)),
                ..header
            },
            // Mẫu 1.6, 1.8: 14 pt upright, centred.
            Role::LeadLine => ParaStyle {
                size: 14.0,
                space_before: 12.0,
                keep_next: true,
                ..header
            },
            // Mẫu 1.6: the list offset 3.56 cm (its table's first column, 2016 twips).
            Role::DispatchRecipient => ParaStyle {
                first_indent_mm: 0.0,
                left_indent_mm: 35.6,
                ..body
            },
            // Mẫu 1.10: 11 pt italic, centred.
            Role::ConfirmationTitle => ParaStyle {
                size: 11.0,
                italic: true,
                ..header
            },
            // R33, R34: 13-14 pt bold capitals in a one-line box, red ink for
            // urgency and for confidentiality (whose stamp the law on state
            // secrets prints in red); the circulation note in black.
            Role::Confidentiality | Role::Urgency | Role::Circulation => ParaStyle {
                bold: true,
                upper: true,
                space_before: if role == Role::Circulation { 0.0 } else { 6.0 },
                color: (role != Role::Circulation).then_some(RED),
                frame: true,
                ..header
            },
            // R36: 11-12 pt upright under a rule across the text width.
            Role::Contact => ParaStyle {
                size: 11.0,
                align: Align::Left,
                ..header
            },
            // Mẫu 3.1: a solid rule across the text width; the paragraph that
            // carries it is 2 pt high.
            Role::CopySeparator => ParaStyle {
                size: 2.0,
                space_before: 12.0,
                keep_next: true,
                rule: Some(Rule::Full),
                ..header
            },
            // Phụ lục I Phần II §II.2.b: 13-14 pt bold capitals.
            Role::CopyForm => ParaStyle {
                size: 14.0,
                bold: true,
                upper: true,
                ..header
            },
            // Phần II §I.3: Times New Roman 10, upright, black, top right.
            Role::CopyStamp => ParaStyle {
                size: 10.0,
                align: Align::Right,
                ..header
            },
            Role::PageNumber => ParaStyle {
                size: 14.0,
                ..header
            },
            // A footnote as Word's own Footnote Text style sets it (and the
            // decree's Phụ lục III file uses it): 10 pt, single, no spacing.
            Role::Footnote => ParaStyle {
                size: 10.0,
                align: Align::Justify,
                ..header
            },
            Role::AppendixLabel => ParaStyle {
                size: 14.0,
                bold: true,
                keep_next: true,
                ..header
            },
            Role::AppendixTitle => ParaStyle {
                size: 14.0,
                bold: true,
                upper: true,
                keep_next: true,
                ..header
            },
            Role::TableHead | Role::TableNumber | Role::TableGroup(_) | Role::TableCell(_) => {
                let cell = ParaStyle {
                    size: self.table_size,
                    align: Align::Left,
                    first_indent_mm: 0.0,
                    space_before: self.cell_space_pt,
                    space_after: self.cell_space_pt,
                    line: 1.0,
                    ..body
                };
                match role {
                    Role::TableHead => ParaStyle {
                        bold: true,
                        align: Align::Center,
                        ..cell
                    },
                    Role::TableNumber => ParaStyle {
                        italic: true,
                        align: Align::Center,
                        ..cell
                    },
                    Role::TableGroup(align) => ParaStyle {
                        bold: true,
                        align,
                        ..cell
                    },
                    Role::TableCell(align) => ParaStyle { align, ..cell },
                    _ => cell,
                }
            }
            Role::AppendixReference => ParaStyle {
                size: 14.0,
                italic: true,
                keep_next: true,
                space_after: 12.0,
                ..header
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_inside_the_decree() {
        Typography::default().validate().unwrap();
    }

    #[test]
    fn out_of_range_values_name_their_rule() {
        let t = Typography {
            first_indent_mm: 15.0,
            ..Typography::default()
        };
        assert!(t.validate().unwrap_err().starts_with("R5"));
        let t = Typography {
            line_spacing: 2.0,
            ..Typography::default()
        };
        assert!(t.validate().unwrap_err().starts_with("R7"));
    }

    #[test]
    fn header_sizes_are_coherent_r9() {
        let t = Typography::default();
        assert_eq!(t.style(Role::NationalTitle).size, 13.0);
        assert_eq!(t.style(Role::Motto).size, 14.0);
        assert_eq!(t.style(Role::PlaceDate).size, 14.0);
        assert_eq!(t.style(Role::Number).size, 13.0);
    }
}
