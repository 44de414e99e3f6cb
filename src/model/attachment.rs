//! The document a Quyết định issues or approves (Mẫu 1.3): a Quy chế, a Quy định,
//! a Kế hoạch … printed after the decision on pages of its own.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::body::{Block, Section};
use super::doc_type::DocType;
use super::numbering::{self, NumberStyle};
use super::text::{Text, TextVisitor, VisitText};

/// A document issued with a decision ("ban hành kèm theo Quyết định"): its own type
/// name and summary, the `(Kèm theo Quyết định số …)` line, and a body; no number,
/// no date, no signature, as the decree's form shows.
///
/// ```
/// let a: vanban::model::Attachment = serde_json::from_str(r#"{
///     "type": "quy-che", "summary": "Làm việc của Ủy ban nhân dân xã",
///     "sections": [{"title": "Quy định chung", "sections": [
///         {"title": "Phạm vi điều chỉnh", "content": ["Quy chế này quy định …"]}]}]
/// }"#).unwrap();
/// assert_eq!(a.style_at(1).label(1, None), "Chương I");
/// assert_eq!(a.style_at(2).label(1, None), "Điều 1.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// Its type (`quy-che`, `quy-dinh`, `ke-hoach`, `de-an` …); may be left out
    /// when `name` is given.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<DocType>,
    /// The name line when it is not a type's name (`Điều lệ`); by default the
    /// type's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The summary under its name, in normal case.
    pub summary: Text,
    /// The `(Kèm theo Quyết định số …)` line as written; by default it is made from
    /// the decision's number, date and issuer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Paragraphs before the first section.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<Text>,
    /// The body: chapters and articles for a Quy chế or a Quy định, the plan's
    /// outline for a Kế hoạch.
    pub sections: Vec<Section>,
    /// Numbering per depth; by default `Chương I`, `Điều 1.`, `1.`, `a)` for a Quy
    /// chế, Quy định or Điều lệ, else as the type's own body.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub numbering: Vec<NumberStyle>,
    /// Paragraphs after the last section.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conclusion: Vec<Block>,
}

impl Attachment {
    /// The numbering style at `depth` (1-based).
    pub fn style_at(&self, depth: usize) -> NumberStyle {
        let defaults = match self.doc_type {
            None | Some(DocType::QuyChe | DocType::QuyDinh) => numbering::CHAPTER_STYLES,
            Some(t) => super::default_styles(t),
        };
        numbering::style_or(&self.numbering, defaults, depth)
    }

    /// The name line in normal case: `name`, else the type's name.
    pub fn name(&self) -> &str {
        match (&self.name, self.doc_type) {
            (Some(n), _) => n,
            (None, Some(t)) => t.name(),
            (None, None) => "",
        }
    }
}

impl VisitText for Attachment {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        self.name.visit_text(f);
        self.summary.visit_text(f);
        self.reference.visit_text(f);
        self.preamble.visit_text(f);
        self.sections.visit_text(f);
        self.conclusion.visit_text(f);
    }
}
