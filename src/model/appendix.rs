//! Appendices (phụ lục) attached after the signature.

use serde::{Deserialize, Serialize};

use super::body::{Block, Section};
use super::text::VisitText;

/// A phụ lục: a label, a title, a reference line and a body.
///
/// Tables are kept as text paragraphs (`| cell | cell |`) until the model has tables.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    /// `Phụ lục`, `Phụ lục I`; empty when the source had none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// The title lines, upper case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title: Vec<String>,
    /// The `(Kèm theo Kế hoạch số ... )` line, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
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
