//! The marks a records office adds to a document before it goes out (Phụ lục I
//! §III): confidentiality (ô 10a), urgency (ô 10b), circulation limits (ô 11) and
//! the contact details at the foot of page 1 (ô 13). The drafter's symbol and the
//! number of copies (ô 12) belong to the `Lưu:` line: see
//! [`Recipients`](super::Recipients).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::text::{Text, TextVisitor, VisitText};

/// The three urgency levels of the decree (ô 10b, R33), in order.
pub const URGENCY: &[&str] = &["HỎA TỐC", "THƯỢNG KHẨN", "KHẨN"];
/// The three confidentiality levels (ô 10a, R34).
pub const CONFIDENTIALITY: &[&str] = &["TUYỆT MẬT", "TỐI MẬT", "MẬT"];

/// Ô 10a, 10b, 11 and 13. Each is printed where the decree's diagram puts it:
/// confidentiality and urgency under the number, the circulation note in the top
/// margin over the national title, the contact details at the foot of page 1.
///
/// ```
/// let m: vanban::model::Marks =
///     serde_json::from_str(r#"{"urgency": "HỎA TỐC", "circulation": "XEM XONG TRẢ LẠI"}"#).unwrap();
/// assert_eq!(vanban::model::Marks::frame_mm("HỎA TỐC"), 30.0);
/// assert!(!m.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Marks {
    /// `HỎA TỐC`, `THƯỢNG KHẨN` or `KHẨN` (ô 10b), in red in the decree's box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<String>,
    /// `TUYỆT MẬT`, `TỐI MẬT` or `MẬT` (ô 10a), in red in a box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidentiality: Option<String>,
    /// A circulation limit (ô 11): `XEM XONG TRẢ LẠI`, `LƯU HÀNH NỘI BỘ` …, in a
    /// box in the top margin of page 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub circulation: Option<String>,
    /// The issuer's address, telephone, e-mail and website (ô 13), at the foot
    /// of page 1 under a rule across the text width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Text>,
}

impl Marks {
    /// True when no mark is set.
    pub fn is_empty(&self) -> bool {
        self == &Marks::default()
    }

    /// The width of the box around a mark, in millimetres: the decree's 30, 40
    /// and 20 mm for `HỎA TỐC`, `THƯỢNG KHẨN` and `KHẨN` (8 mm high, R33);
    /// 0 for any other text, whose box is as wide as the text and its padding.
    pub fn frame_mm(text: &str) -> f32 {
        match Marks::urgency_key(text).as_str() {
            "HỎA TỐC" => 30.0,
            "THƯỢNG KHẨN" => 40.0,
            "KHẨN" => 20.0,
            _ => 0.0,
        }
    }

    /// An urgency word as [`URGENCY`] spells it: trimmed, in capitals, the old
    /// tone placement `HOẢ` written `HỎA`; `Khẩn` is `KHẨN`.
    ///
    /// ```
    /// use vanban::model::Marks;
    /// assert_eq!(Marks::urgency_key(" hoả tốc "), "HỎA TỐC");
    /// ```
    pub fn urgency_key(text: &str) -> String {
        text.trim().to_uppercase().replace("HOẢ", "HỎA")
    }
}

impl VisitText for Marks {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        self.urgency.visit_text(f);
        self.confidentiality.visit_text(f);
        self.circulation.visit_text(f);
        self.contact.visit_text(f);
    }
}
