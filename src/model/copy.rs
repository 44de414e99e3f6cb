//! A copy of a document (Phụ lục I Phần II; Mẫu 3.1 on paper, 3.2 electronic):
//! the copied document as it stands, with the copying body's own block.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::closing::{Recipients, Signature};
use super::header::IssueDate;
use super::text::{TextVisitor, VisitText};

/// The three forms of copy (R39).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum CopyForm {
    /// A full copy of the original.
    #[serde(rename = "SAO Y")]
    SaoY,
    /// A full copy made from a copy (a sao y).
    #[serde(rename = "SAO LỤC")]
    SaoLuc,
    /// A copy of part of the content.
    #[serde(rename = "TRÍCH SAO")]
    TrichSao,
}

impl CopyForm {
    /// `SAO Y`, `SAO LỤC`, `TRÍCH SAO`.
    pub fn name(self) -> &'static str {
        match self {
            CopyForm::SaoY => "SAO Y",
            CopyForm::SaoLuc => "SAO LỤC",
            CopyForm::TrichSao => "TRÍCH SAO",
        }
    }

    /// The symbol of the copy's number: `SY`, `SL`, `TrS` (R39).
    pub fn symbol(self) -> &'static str {
        match self {
            CopyForm::SaoY => "SY",
            CopyForm::SaoLuc => "SL",
            CopyForm::TrichSao => "TrS",
        }
    }
}

/// The copying body's block. On paper (Mẫu 3.1) it follows the copied document
/// under a rule across the text width: the body's name and the copy's number
/// (`Số: 05/SY-UBND`) on the left; the form of copy and the place and date on the
/// right; Nơi nhận and the signature under them. An electronic copy (Mẫu 3.2,
/// `signed_at` set) shows instead one 10 pt line at the top right of page 1:
/// `SAO Y; <body>; <time of signing>`.
///
/// ```
/// let json = r#"{"form": "SAO Y", "issuer": ["UBND XÃ BẮC HÀ"], "issuer_abbr": "UBND",
///     "number": 5, "place": "Bắc Hà", "date": {"day": 3, "month": 12, "year": 2026},
///     "signature": {"title": "CHỦ TỊCH", "name": "Vàng Seo Pao"}}"#;
/// let c: vanban::model::DocCopy = serde_json::from_str(json).unwrap();
/// assert_eq!(c.number_line(), "Số: 05/SY-UBND");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocCopy {
    /// `SAO Y`, `SAO LỤC` or `TRÍCH SAO`.
    pub form: CopyForm,
    /// The copying body, one string per line (`["ỦY BAN NHÂN DÂN", "XÃ BẮC HÀ"]`).
    pub issuer: Vec<String>,
    /// Its name in a sentence, for the electronic copy's line; by default made
    /// from `issuer` as the header's is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_name: Option<String>,
    /// Its abbreviation, in the copy's number (`UBND` in `05/SY-UBND`).
    pub issuer_abbr: String,
    /// The copy's number, shared by SY, SL and TrS and counted from 01 each year;
    /// `null` for a blank.
    #[serde(default)]
    pub number: Option<u32>,
    /// Where it is copied.
    pub place: String,
    /// When it is copied.
    pub date: IssueDate,
    /// Nơi nhận of the copy; `- Lưu: VT.` by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipients: Option<Recipients>,
    /// Who signs the copy (a paper copy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
    /// For an electronic copy (Mẫu 3.2): the time the copying body signs it, in
    /// ISO 8601 with its offset (`2026-12-03T09:15:30+07:00`). A copy with it has
    /// no block of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_at: Option<String>,
}

impl DocCopy {
    /// The copy's own header: the copying body, its number, place and date, read
    /// as a document's header is.
    pub fn header(&self) -> super::Header {
        super::Header {
            parent: Vec::new(),
            issuer: self.issuer.clone(),
            issuer_name: self.issuer_name.clone(),
            issuer_abbr: self.issuer_abbr.clone(),
            unit: None,
            number: self.number,
            place: self.place.trim().to_string(),
            date: self.date,
        }
    }

    /// `Số: 05/SY-UBND`, or `Số:      /SY-UBND` with a blank number.
    pub fn number_line(&self) -> String {
        format!(
            "Số:{}/{}-{}",
            self.header().number_text(),
            self.form.symbol(),
            self.issuer_abbr
        )
    }

    /// The copying body's name in a sentence: `issuer_name`, else derived from
    /// `issuer` as a header's is ([`Header::issuer_in_text`](super::Header::issuer_in_text)).
    pub fn issuer_in_text(&self) -> String {
        self.header().issuer_in_text()
    }

    /// The electronic copy's line at the top right of page 1 (Mẫu 3.2):
    /// `SAO Y; Ủy ban nhân dân xã Bắc Hà; 2026-12-03T09:15:30+07:00`; `None` for a
    /// paper copy.
    pub fn stamp(&self) -> Option<String> {
        let at = self.signed_at.as_deref()?;
        Some(format!(
            "{}; {}; {}",
            self.form.name(),
            self.issuer_in_text(),
            at.trim()
        ))
    }

    /// The copy's Nơi nhận: its own, else `- Lưu: VT.`
    pub fn recipients_or_default(&self) -> Recipients {
        self.recipients.clone().unwrap_or(Recipients {
            archive: "VT".into(),
            ..Recipients::default()
        })
    }
}

impl VisitText for DocCopy {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        self.issuer.visit_text(f);
        self.issuer_name.visit_text(f);
        self.issuer_abbr.visit_text(f);
        self.place.visit_text(f);
        self.recipients.visit_text(f);
        self.signature.visit_text(f);
        self.signed_at.visit_text(f);
    }
}
