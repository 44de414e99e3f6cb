//! The typed model of a plan: what the document says, with no typography.
//!
//! A [`Plan`] is read from JSON with [`Plan::from_json`] (which also normalizes
//! every text to NFC) or built in code. Section numbers are not part of the
//! data: they are derived from the tree when the plan is rendered.

mod appendix;
mod body;
mod closing;
mod doc_type;
mod header;
pub mod numbering;
mod table;
mod text;

pub use appendix::Appendix;
pub use body::{Block, Section, SectionKind};
pub use closing::{Authority, AuthorityForm, Recipients, Signature};
pub use doc_type::DocType;
pub use header::{DRAFT_BLANK, Header, IssueDate};
pub use numbering::NumberStyle;
pub use table::{Cell, CellAlign, Column, Grid, Row, Table, start_columns};
pub use text::{
    Span, Text, VisitText, is_forbidden_char, is_line_break, nfc_in_place, normalize_text,
    unify_line_breaks,
};

use serde::{Deserialize, Serialize};

/// A Kế hoạch (plan), the first document type vanban renders.
///
/// ```
/// let json = std::fs::read_to_string("fixtures/ke-hoach-dong-dang-2024.json").unwrap();
/// let plan = vanban::Plan::from_json(&json).unwrap();
/// assert_eq!(plan.header.issuer_abbr, "UBND");
/// assert_eq!(plan.signature.name, "Lưu Quang Công");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Issuer, number, place and date (ô 2-4).
    pub header: Header,
    /// The summary under the title (trích yếu, ô 5a), in normal case.
    pub summary: Text,
    /// Paragraphs before the first section: `Căn cứ ...;` and `Thực hiện ...`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<Text>,
    /// The body: a tree of sections of any depth, numbered when rendered.
    pub sections: Vec<Section>,
    /// Numbering style per depth; the default is `I.`, `1.`, `1.1.`, `a)`, `-`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub numbering: Vec<NumberStyle>,
    /// The distribution list (ô 9b).
    pub recipients: Recipients,
    /// The signature block (ô 7).
    pub signature: Signature,
    /// Appendices, each on pages of its own after the signature.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appendices: Vec<Appendix>,
    /// Lines an import could not place, kept so that nothing is lost; not rendered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<String>,
}

impl Plan {
    /// The document type of a plan.
    pub const DOC_TYPE: DocType = DocType::KeHoach;

    /// Reads a plan from JSON, normalizes all its text to NFC and checks the values
    /// that the types alone cannot (date ranges, empty required lines).
    ///
    /// Errors carry the JSON path, line and column.
    pub fn from_json(json: &str) -> Result<Plan, crate::Error> {
        crate::input::plan_from_json(json, None)
    }

    /// Writes the plan as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a plan always serializes")
    }

    /// Sections of a given kind anywhere in the tree, in document order.
    ///
    /// ```
    /// # let json = std::fs::read_to_string("fixtures/ke-hoach-dong-dang-2024.json").unwrap();
    /// # let plan = vanban::Plan::from_json(&json).unwrap();
    /// use vanban::model::SectionKind;
    /// let purposes = plan.sections_of(SectionKind::Purposes);
    /// assert_eq!(purposes.len(), 1);
    /// ```
    pub fn sections_of(&self, kind: SectionKind) -> Vec<&Section> {
        fn walk<'a>(s: &'a [Section], kind: SectionKind, out: &mut Vec<&'a Section>) {
            for sec in s {
                if sec.kind == Some(kind) {
                    out.push(sec);
                }
                walk(&sec.sections, kind, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.sections, kind, &mut out);
        out
    }

    /// The label of appendix `i` (0-based): its own, else `Phụ lục` when the plan has
    /// one appendix and `Phụ lục I`, `Phụ lục II` ... when it has more (R37).
    ///
    /// ```
    /// # let json = std::fs::read_to_string("fixtures/ke-hoach-dong-dang-2024-phu-luc.json").unwrap();
    /// # let plan = vanban::Plan::from_json(&json).unwrap();
    /// assert_eq!(plan.appendix_label(1), "Phụ lục II");
    /// ```
    pub fn appendix_label(&self, i: usize) -> String {
        if let Some(l) = self.appendices.get(i).and_then(|a| a.label.as_deref()) {
            return l.to_string();
        }
        Appendix::default_label(i, self.appendices.len())
    }

    /// The reference line under appendix `i`'s title: its own, else made from the
    /// plan's number, date and issuer, with a draft's blanks kept.
    ///
    /// ```
    /// # let json = std::fs::read_to_string("fixtures/ke-hoach-dong-dang-2024-phu-luc.json").unwrap();
    /// # let plan = vanban::Plan::from_json(&json).unwrap();
    /// assert_eq!(
    ///     plan.appendix_reference(0),
    ///     "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05 tháng 3 năm 2024 \
    ///      của Ủy ban nhân dân thị trấn Đồng Đăng)"
    /// );
    /// ```
    pub fn appendix_reference(&self, i: usize) -> String {
        if let Some(r) = self.appendices.get(i).and_then(|a| a.reference.as_deref()) {
            return r.to_string();
        }
        let h = &self.header;
        format!(
            "(Kèm theo {} số{}/{} {} của {})",
            Self::DOC_TYPE.name(),
            h.number_text(),
            h.symbol(Self::DOC_TYPE),
            h.date,
            h.issuer_in_text()
        )
    }

    /// Normalizes every text of the plan to Unicode NFC, with its line breaks
    /// written `\n`. Returns whether some text holds a character that does not
    /// print ([`is_forbidden_char`]).
    pub fn normalize_nfc(&mut self) -> bool {
        let mut forbidden = false;
        self.visit_text(&mut |s| forbidden |= normalize_text(s));
        forbidden
    }
}

impl VisitText for Plan {
    fn visit_text(&mut self, f: &mut dyn FnMut(&mut String)) {
        self.header.visit_text(f);
        self.summary.visit_text(f);
        self.preamble.visit_text(f);
        self.sections.visit_text(f);
        self.recipients.visit_text(f);
        self.signature.visit_text(f);
        self.appendices.visit_text(f);
        self.unplaced.visit_text(f);
    }
}
