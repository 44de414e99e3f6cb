//! Appendices (phụ lục) attached after the signature.

use serde::{Deserialize, Serialize};

use super::body::{Block, Section};
use super::text::VisitText;

/// A phụ lục: a label, a title, a reference line and a body of paragraphs, lists,
/// tables and sections. It starts on a new page, and its pages are numbered from 1.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    /// An explicit label; by default `Phụ lục`, or `Phụ lục I`, `Phụ lục II` ... when
    /// the plan has two or more (R37). See [`crate::Plan::appendix_label`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The title lines, upper case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title: Vec<String>,
    /// The `(Kèm theo Kế hoạch số ...)` line as written; by default it is made from
    /// the plan's number, date and issuer ([`crate::Plan::appendix_reference`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// True to print the appendix on landscape pages (for a wide table).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub landscape: bool,
    /// Paragraphs before the first section.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<Block>,
    /// An outline, numbered like the plan's body.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

impl VisitText for Appendix {
    fn visit_text(&mut self, f: &mut dyn FnMut(&mut String)) {
        self.label.visit_text(f);
        self.title.visit_text(f);
        self.reference.visit_text(f);
        self.content.visit_text(f);
        self.sections.visit_text(f);
    }
}
