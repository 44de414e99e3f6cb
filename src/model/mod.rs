//! The typed model of a document: what it says, with no typography.
//!
//! A [`Document`] is read from JSON with [`Document::from_json`] (which also
//! normalizes every text to NFC) or built in code. Its `"type"` is one of the
//! decree's ([`DocType`]); a JSON without one is a Kế hoạch, as before types were
//! added. Section numbers are not part of the data: they are derived from the
//! tree when the document is rendered.

mod appendix;
mod attachment;
mod body;
mod closing;
mod copy;
mod doc_type;
mod example;
mod forms;
mod header;
mod marks;
pub mod numbering;
mod table;
mod text;

pub use appendix::Appendix;
pub use attachment::Attachment;
pub use body::{Block, Section, SectionKind};
pub use closing::{Authority, AuthorityForm, Recipients, Signature, SignatureImage};
pub use copy::{CopyForm, DocCopy};
pub use doc_type::{DocType, Form};
pub use example::example;
pub use forms::{
    Confirmation, HONORIFIC_BLANK, Introduction, Invitation, InvitationField, Leave, Minutes,
};
pub use header::{DRAFT_BLANK, Header, IssueDate};
pub use marks::{CONFIDENTIALITY, Marks, URGENCY};
pub use numbering::NumberStyle;
pub use table::{Cell, CellAlign, Column, Grid, Row, Table, start_columns};
pub use text::{
    Span, Text, TextVisitor, VisitText, is_forbidden_char, is_line_break, nfc_in_place,
    normalize_text, unify_line_breaks,
};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The former name of [`Document`], from when the Kế hoạch was the only type.
pub type Plan = Document;

/// An administrative document of any type the decree's forms lay out: the parts
/// every type shares (header, summary, body, Nơi nhận, signature) and the parts of
/// its form (the authority line and articles of a Quyết định, the `Kính gửi` of a
/// Công văn or a Tờ trình, the attached Quy chế …). Parts that a type does not
/// have are refused when the document is read ([`Document::from_json`]).
///
/// ```
/// let json = std::fs::read_to_string("fixtures/ke-hoach-dong-dang-2024.json").unwrap();
/// let plan = vanban::Document::from_json(&json).unwrap();
/// assert_eq!(plan.doc_type, vanban::model::DocType::KeHoach);
/// assert_eq!(plan.header.issuer_abbr, "UBND");
/// assert_eq!(plan.signature.name, "Lưu Quang Công");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The type (`"quyet-dinh"`, `"cong-van"` …); a Kế hoạch when left out.
    #[serde(rename = "type", default = "default_type")]
    pub doc_type: DocType,
    /// Issuer, number, place and date (ô 2-4).
    pub header: Header,
    /// The name line when it says more than the type's name (`GIẤY MỜI HỌP`,
    /// `BIÊN BẢN LÀM VIỆC`); by default the type's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The summary (trích yếu) in normal case: under the type's name (ô 5a), or for
    /// a Công văn after `V/v` under the number (ô 5b), written without the `V/v`.
    /// A Giấy giới thiệu and a Giấy nghỉ phép have none.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub summary: Text,
    /// The authority line of a Quyết định or a Nghị quyết under the summary, one
    /// string per line (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI`; for an HĐND its
    /// name, then `KHÓA XI, KỲ HỌP THỨ 8`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authority: Vec<String>,
    /// The addressees of `Kính gửi` (ô 9a), without `-` and `;`: one is written on
    /// the same line, several as a list under it. A Công điện's recipients, listed
    /// under its `<sender> điện:` line. Each is a text, so it may carry a
    /// footnote (the Giấy mời's `các xã, phường có cụm công nghiệp¹`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addressees: Vec<Text>,
    /// Who sends a Công điện, as its line prints it (`THỦ TƯỚNG CHÍNH PHỦ` in
    /// `THỦ TƯỚNG CHÍNH PHỦ điện:`); by default the issuer's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
    /// A Giấy mời's invitation line, event and fields (Mẫu 1.7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitation: Option<Invitation>,
    /// A Giấy giới thiệu's person, destination, purpose and validity (Mẫu 1.8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduction: Option<Introduction>,
    /// A Biên bản's field lines and closing sentence (Mẫu 1.9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<Minutes>,
    /// A Giấy nghỉ phép's person, dates and place (Mẫu 1.10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leave: Option<Leave>,
    /// Paragraphs before the first section: `Căn cứ ...;`, `Thực hiện ...`, a
    /// letter's opening. A decision's căn cứ are all italic; elsewhere only
    /// the `Căn cứ` ones are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<Text>,
    /// The body: a tree of sections of any depth, numbered when rendered; for a
    /// Quyết định or a Nghị quyết, its articles.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Paragraphs after the last section (`Trên đây là …`, `Trân trọng./.`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conclusion: Vec<Block>,
    /// Numbering style per depth; by default `I.`, `1.`, `1.1.`, `a)`, `-`, for a
    /// decision `Điều 1.`, `1.`, `a)`, `-`, for a Công văn and the fixed forms
    /// (Mẫu 1.6-1.10) `1.`, `a)`, `-`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub numbering: Vec<NumberStyle>,
    /// The distribution list (ô 9b); only a Biên bản may go without one.
    #[serde(default, skip_serializing_if = "Recipients::is_empty")]
    pub recipients: Recipients,
    /// The signature block (ô 7); a Biên bản's chair (`CHỦ TỌA`).
    pub signature: Signature,
    /// A Biên bản's other signatures (`THƯ KÝ`, the parties' representatives),
    /// laid out with `signature` two to a row, left to right, `signature` last.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cosigners: Vec<Signature>,
    /// Documents issued or approved with a Quyết định (Mẫu 1.3), each on pages of
    /// its own after the signature.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// Appendices, each on pages of its own after the signature.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appendices: Vec<Appendix>,
    /// A copy of the document (Mẫu 3.1, 3.2): the copying body's block after it,
    /// or for an electronic copy its line at the top right of page 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy: Option<DocCopy>,
    /// Confidentiality, urgency, circulation and contact marks (ô 10a, 10b, 11, 13).
    #[serde(default, skip_serializing_if = "Marks::is_empty")]
    pub marks: Marks,
    /// Lines an import could not place, kept so that nothing is lost; not rendered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<String>,
}

fn default_type() -> DocType {
    DocType::KeHoach
}

/// The numbering a type's body gets when the document sets none.
pub fn default_styles(t: DocType) -> &'static [NumberStyle] {
    match t.form() {
        Form::Decision => numbering::ARTICLE_STYLES,
        Form::Letter | Form::Fixed => numbering::LETTER_STYLES,
        _ => numbering::DEFAULT_STYLES,
    }
}

impl Document {
    /// Reads a document from JSON, normalizes all its text to NFC and checks the
    /// values that the types alone cannot (date ranges, empty required lines, parts
    /// the type does not have).
    ///
    /// Errors carry the JSON path, line and column.
    pub fn from_json(json: &str) -> Result<Document, crate::Error> {
        crate::input::plan_from_json(json, None)
    }

    /// The JSON Schema (2020-12) of a document, as pretty JSON: every field, its
    /// type and its documentation, for editors and other programs. Which parts a
    /// type may have is checked by [`Document::from_json`], not by the schema.
    ///
    /// ```
    /// let schema: serde_json::Value =
    ///     serde_json::from_str(&vanban::Document::json_schema()).unwrap();
    /// assert_eq!(schema["title"], "Document");
    /// assert!(schema["properties"]["header"].is_object());
    /// ```
    pub fn json_schema() -> String {
        let schema = schemars::schema_for!(Document);
        serde_json::to_string_pretty(&schema).expect("a schema always serializes")
    }

    /// Writes the document as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a document always serializes")
    }

    /// The numbering style of the body at `depth` (1-based): the document's own, else
    /// its type's ([`default_styles`]).
    pub fn style_at(&self, depth: usize) -> NumberStyle {
        numbering::style_or(&self.numbering, default_styles(self.doc_type), depth)
    }

    /// The line under an attached document's summary: its own, else
    /// `(Kèm theo Quyết định số 12/QĐ-UBND ngày … của …)`.
    pub fn attachment_reference(&self, i: usize) -> String {
        if let Some(r) = self.attachments.get(i).and_then(|a| a.reference.as_deref()) {
            return r.to_string();
        }
        self.reference_line()
    }

    /// `(Kèm theo <type> số NN/<symbol> <date> của <issuer>)`, with a draft's blanks.
    fn reference_line(&self) -> String {
        let h = &self.header;
        format!(
            "(Kèm theo {} số{}/{} {} của {})",
            self.doc_type.name(),
            h.number_text(),
            h.symbol(self.doc_type),
            h.date,
            h.issuer_in_text()
        )
    }

    /// Sections of a given kind anywhere in the tree, in document order.
    ///
    /// ```
    /// # let json = std::fs::read_to_string("fixtures/ke-hoach-dong-dang-2024.json").unwrap();
    /// # let plan = vanban::Document::from_json(&json).unwrap();
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
        self.reference_line()
    }

    /// Normalizes every text of the plan to Unicode NFC, with its line breaks
    /// written `\n`. Returns whether some text holds a character that does not
    /// print ([`is_forbidden_char`]).
    pub fn normalize_nfc(&mut self) -> bool {
        let mut forbidden = false;
        self.visit_text(&mut |s: &mut String| forbidden |= normalize_text(s));
        forbidden
    }
}

impl VisitText for Document {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        self.header.visit_text(f);
        self.title.visit_text(f);
        self.summary.visit_text(f);
        self.authority.visit_text(f);
        self.addressees.visit_text(f);
        self.sender.visit_text(f);
        self.invitation.visit_text(f);
        self.introduction.visit_text(f);
        self.minutes.visit_text(f);
        self.leave.visit_text(f);
        self.preamble.visit_text(f);
        self.sections.visit_text(f);
        self.conclusion.visit_text(f);
        self.recipients.visit_text(f);
        self.signature.visit_text(f);
        self.cosigners.visit_text(f);
        self.marks.visit_text(f);
        self.copy.visit_text(f);
        self.attachments.visit_text(f);
        self.appendices.visit_text(f);
        self.unplaced.visit_text(f);
    }
}
