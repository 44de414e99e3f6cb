//! Appendices (phụ lục) attached after the signature.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::body::{Block, Section};
use super::text::{TextVisitor, VisitText};

/// A phụ lục: a label, a title, a reference line and a body of paragraphs, lists,
/// tables and sections. It starts on a new page, and its pages are numbered from 1.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    /// An explicit label (`""` for none); by default `Phụ lục`, or `Phụ lục I`, `Phụ lục II` ... when
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

impl Appendix {
    /// The decree's label for appendix `index` (0-based) of `count` (R37): `Phụ lục`
    /// alone, or `Phụ lục I`, `Phụ lục II` ... when there are two or more.
    ///
    /// ```
    /// use vanban::model::Appendix;
    /// assert_eq!(Appendix::default_label(0, 1), "Phụ lục");
    /// assert_eq!(Appendix::default_label(1, 2), "Phụ lục II");
    /// ```
    pub fn default_label(index: usize, count: usize) -> String {
        if count < 2 {
            "Phụ lục".to_string()
        } else {
            format!("Phụ lục {}", super::numbering::roman(index + 1))
        }
    }

    /// True for a line that labels an appendix in a text: `Phụ lục`, `PHỤ LỤC II`,
    /// `Phụ lục 2` (a short line; a sentence that starts with the words is not).
    pub fn is_label_line(t: &str) -> bool {
        let u = t.trim().to_uppercase();
        (u == "PHỤ LỤC" || u.starts_with("PHỤ LỤC ")) && t.trim().chars().count() <= 20
    }
}

impl VisitText for Appendix {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        self.label.visit_text(f);
        self.title.visit_text(f);
        self.reference.visit_text(f);
        self.content.visit_text(f);
        self.sections.visit_text(f);
    }
}
