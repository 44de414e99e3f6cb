//! The closing block: distribution list (Nơi nhận) and signature.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::text::{TextVisitor, VisitText};

/// Ô 9b: who receives the document, then the archive line.
///
/// Items are written without the leading `-` and the trailing `;`: the template adds them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipients {
    /// One recipient or group per item (`UBND huyện (B/c)`).
    pub items: Vec<String>,
    /// What follows `Lưu:`, e.g. `VT` or `VT, HC (2)`.
    pub archive: String,
    /// The drafter's symbol at the end of the `Lưu:` line (ô 12, R35): `PL` in
    /// `- Lưu: VT, HC. PL.(300)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafter: Option<String>,
    /// The number of copies issued, after the drafter's symbol (ô 12): `300`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copies: Option<u32>,
}

impl Recipients {
    /// True when there is neither a recipient nor a `Lưu:` line.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.archive.trim().is_empty()
    }

    /// What follows `Lưu:` as printed, with the drafter's symbol and the copies of
    /// ô 12 and the final stop.
    ///
    /// ```
    /// let mut r = vanban::model::Recipients { archive: "VT, HC".into(), ..Default::default() };
    /// assert_eq!(r.archive_line(), "VT, HC.");
    /// r.drafter = Some("PL".into());
    /// r.copies = Some(300);
    /// assert_eq!(r.archive_line(), "VT, HC. PL.(300)");
    /// ```
    pub fn archive_line(&self) -> String {
        let mut out = self.archive.trim().trim_end_matches('.').to_string();
        out.push('.');
        if let Some(d) = self
            .drafter
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            out.push(' ');
            out.push_str(d.trim_end_matches('.'));
            out.push('.');
            if let Some(n) = self.copies {
                out.push_str(&format!("({n})"));
            }
        }
        out
    }
}

impl VisitText for Recipients {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        self.items.visit_text(f);
        self.archive.visit_text(f);
        self.drafter.visit_text(f);
    }
}

/// The form of signing authority (R26).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum AuthorityForm {
    /// Thay mặt: on behalf of a collective body.
    #[serde(rename = "TM")]
    Tm,
    /// Ký thay: a deputy signing for the head.
    #[serde(rename = "KT")]
    Kt,
    /// Thừa lệnh: by order of the head.
    #[serde(rename = "TL")]
    Tl,
    /// Thừa ủy quyền: under written authorisation.
    #[serde(rename = "TUQ")]
    Tuq,
    /// Quyền: acting head.
    #[serde(rename = "Q")]
    Q,
}

impl AuthorityForm {
    /// The prefix as printed, with its dot: `KT.`
    pub fn prefix(self) -> &'static str {
        match self {
            AuthorityForm::Tm => "TM.",
            AuthorityForm::Kt => "KT.",
            AuthorityForm::Tl => "TL.",
            AuthorityForm::Tuq => "TUQ.",
            AuthorityForm::Q => "Q.",
        }
    }
}

/// An authority line: the form and the title (or body) it qualifies, `KT. CHỦ TỊCH`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// TM, KT, TL, TUQ or Q.
    pub form: AuthorityForm,
    /// The head's title or the body's name it applies to (`CHỦ TỊCH`).
    pub of: String,
}

/// A PNG image for an electronic document (Phụ lục I §II.7-8): a file, or its
/// bytes in base64. Exactly one of the two is given.
///
/// ```
/// let i = vanban::model::SignatureImage::from_png_bytes(b"\x89PNG...");
/// assert!(i.base64.is_some() && i.file.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignatureImage {
    /// A PNG file; a relative path is read from the JSON file's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<std::path::PathBuf>,
    /// The PNG's bytes in base64 (standard alphabet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base64: Option<String>,
    /// The printed height in millimetres, the width following the image's
    /// proportions: 20 mm for a signature, 36 mm (a seal's real size) for a seal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height_mm: Option<u16>,
}

impl SignatureImage {
    /// An image given by its PNG bytes.
    pub fn from_png_bytes(png: &[u8]) -> SignatureImage {
        use base64::Engine;
        SignatureImage {
            base64: Some(base64::engine::general_purpose::STANDARD.encode(png)),
            ..SignatureImage::default()
        }
    }
}

/// Ô 7a-7c: who signs and with what authority.
///
/// ```
/// use vanban::model::{Authority, AuthorityForm, Signature};
/// let s = Signature {
///     collective: Some("ỦY BAN NHÂN DÂN".into()),
///     authority: Some(Authority { form: AuthorityForm::Kt, of: "CHỦ TỊCH".into() }),
///     title: Some("PHÓ CHỦ TỊCH".into()),
///     name: "Nguyễn Văn A".into(),
///     ..Signature::default()
/// };
/// assert_eq!(s.lines(), ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The collective body signed for, printed as `TM. <collective>` (`ỦY BAN NHÂN DÂN`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collective: Option<String>,
    /// The authority form with the title it qualifies (`KT. CHỦ TỊCH`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<Authority>,
    /// The signer's own title (`PHÓ CHỦ TỊCH`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The signer's name, in normal case (`Lưu Quang Công`).
    pub name: String,
    /// The signer's signature image for an electronic document (PNG with
    /// transparency, blue ink), centred between the title and the name (§II.7.d).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<SignatureImage>,
    /// The organisation's seal image (PNG, red, real size), over the left third
    /// of the signature image (ô 8, §II.8.a).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<SignatureImage>,
}

impl Signature {
    /// The upper-case lines above the signature space, in order. A title written
    /// over two lines (`Vụ trưởng\nVụ Tổ chức phi chính phủ`) keeps its break.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(c) = &self.collective {
            out.push(format!("TM. {}", c.to_uppercase()));
        }
        if let Some(a) = &self.authority {
            out.push(format!("{} {}", a.form.prefix(), a.of.to_uppercase()));
        }
        if let Some(t) = &self.title {
            out.extend(t.split('\n').map(|l| l.trim().to_uppercase()));
        }
        out
    }
}

impl VisitText for Signature {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        self.collective.visit_text(f);
        if let Some(a) = &mut self.authority {
            a.of.visit_text(f);
        }
        self.title.visit_text(f);
        self.name.visit_text(f);
    }
}
