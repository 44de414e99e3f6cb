//! The header of a document: issuing body, number and symbol, place and date.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::doc_type::DocType;
use super::text::{TextVisitor, VisitText};

/// The blank left in a draft where the number or the day will be written by hand.
pub const DRAFT_BLANK: &str = "      ";

/// Ô 2-4 of the decree's layout: who issues the document, its number, where and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// The governing body above the issuer, one string per line
    /// (`["UBND TỈNH LÀO CAI"]`); empty when there is none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parent: Vec<String>,
    /// The issuing body, one string per line (`["ỦY BAN NHÂN DÂN", "THỊ TRẤN ĐỒNG ĐĂNG"]`).
    pub issuer: Vec<String>,
    /// The issuer's name as written in a sentence (`Ủy ban nhân dân thị trấn Đồng Đăng`),
    /// used in the reference line of appendices; by default derived from `issuer`
    /// ([`Header::issuer_in_text`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_name: Option<String>,
    /// The issuer's abbreviation in the symbol (`UBND` in `05/KH-UBND`).
    pub issuer_abbr: String,
    /// A Công văn's drafting unit or field, after the issuer in its symbol (`VP` in
    /// `45/UBND-VP`, R15); other types have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The document number; `null` for a draft, rendered as a blank.
    #[serde(default)]
    pub number: Option<u32>,
    /// The place name of ô 4 (`Đồng Đăng`).
    pub place: String,
    /// The date of issue; day and month may be blank in a draft.
    pub date: IssueDate,
}

impl Header {
    /// The number line of ô 3, e.g. `Số: 05/KH-UBND`, or `Số:      /KH-UBND` for a draft.
    ///
    /// ```
    /// use vanban::model::{DocType, Header, IssueDate};
    /// let mut h = Header {
    ///     parent: vec![],
    ///     issuer: vec!["ỦY BAN NHÂN DÂN".into()],
    ///     issuer_name: None,
    ///     issuer_abbr: "UBND".into(),
    ///     unit: None,
    ///     number: Some(5),
    ///     place: "Hà Nội".into(),
    ///     date: IssueDate { day: None, month: Some(3), year: 2024 },
    /// };
    /// assert_eq!(h.number_line(DocType::KeHoach), "Số: 05/KH-UBND");
    /// h.number = None;
    /// assert_eq!(h.number_line(DocType::KeHoach), "Số:      /KH-UBND");
    /// ```
    pub fn number_line(&self, doc_type: DocType) -> String {
        format!("Số:{}/{}", self.number_text(), self.symbol(doc_type))
    }

    /// The number as printed: two digits at least (`05`), or the draft blank.
    pub fn number_text(&self) -> String {
        match self.number {
            Some(n) => format!(" {n:02}"),
            None => DRAFT_BLANK.to_string(),
        }
    }

    /// The symbol (ký hiệu) after the slash: `KH-UBND` (R14), or for a type without
    /// an abbreviation (a Công văn) the issuer and its drafting unit, `UBND-VP` (R15).
    ///
    /// ```
    /// use vanban::model::{DocType, Header};
    /// let mut h: Header = serde_json::from_str(r#"{"issuer": ["ỦY BAN NHÂN DÂN"],
    ///     "issuer_abbr": "UBND", "unit": "VP", "place": "Hà Nội", "date": {"year": 2024}}"#).unwrap();
    /// assert_eq!(h.symbol(DocType::CongVan), "UBND-VP");
    /// assert_eq!(h.symbol(DocType::QuyetDinh), "QĐ-UBND");
    /// ```
    pub fn symbol(&self, doc_type: DocType) -> String {
        match (doc_type.abbreviation(), &self.unit) {
            (Some(abbr), _) => format!("{abbr}-{}", self.issuer_abbr),
            (None, Some(unit)) => format!("{}-{unit}", self.issuer_abbr),
            (None, None) => self.issuer_abbr.clone(),
        }
    }

    /// The issuer's name for running text: `issuer_name` when given, else derived from
    /// the upper-case `issuer` lines. The administrative level (`thị trấn`, `tỉnh` ...)
    /// and what precedes it are written in lower case, the place name after it with
    /// capitals; a body without a level word gets a capital on each word but `và`
    /// (`Sở Công Thương`), which is right for short names only: set `issuer_name`
    /// for names like `Bộ Tài nguyên và Môi trường`.
    ///
    /// ```
    /// use vanban::model::{Header, IssueDate};
    /// let mut h: Header = serde_json::from_str(r#"{"issuer": ["ỦY BAN NHÂN DÂN", "THỊ TRẤN ĐỒNG ĐĂNG"],
    ///     "issuer_abbr": "UBND", "place": "Đồng Đăng", "date": {"year": 2024}}"#).unwrap();
    /// assert_eq!(h.issuer_in_text(), "Ủy ban nhân dân thị trấn Đồng Đăng");
    /// h.issuer = vec!["SỞ CÔNG THƯƠNG".into()];
    /// assert_eq!(h.issuer_in_text(), "Sở Công Thương");
    /// ```
    pub fn issuer_in_text(&self) -> String {
        if let Some(name) = &self.issuer_name {
            return name.trim().to_string();
        }
        let lower = self.issuer.join(" ").to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        const LEVELS: &[&[&str]] = &[
            &["thành", "phố"],
            &["thị", "trấn"],
            &["thị", "xã"],
            &["đặc", "khu"],
            &["tỉnh"],
            &["huyện"],
            &["quận"],
            &["phường"],
            &["xã"],
        ];
        // The end of the last level word: the place name follows it.
        let level_end = (0..words.len()).rev().find_map(|i| {
            LEVELS
                .iter()
                .find(|l| words[i..].starts_with(l))
                .map(|l| i + l.len())
        });
        let name_from = match level_end {
            Some(e) => e,
            None if lower.starts_with("ủy ban nhân dân")
                || lower.starts_with("hội đồng nhân dân") =>
            {
                words.len()
            }
            None => 1,
        };
        let mut out: Vec<String> = Vec::with_capacity(words.len());
        for (i, w) in words.iter().enumerate() {
            if i == 0 || (i >= name_from && *w != "và") {
                out.push(capitalize(w));
            } else {
                out.push(w.to_string());
            }
        }
        out.join(" ")
    }

    /// The place and date line of ô 4: `Đồng Đăng, ngày      tháng 3 năm 2024`.
    pub fn place_date_line(&self) -> String {
        format!("{}, {}", self.place, self.date)
    }
}

/// `word` with its first letter in upper case.
fn capitalize(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl VisitText for Header {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        self.parent.visit_text(f);
        self.issuer.visit_text(f);
        self.issuer_name.visit_text(f);
        self.issuer_abbr.visit_text(f);
        self.unit.visit_text(f);
        self.place.visit_text(f);
    }
}

/// A date of issue. Day and month are optional so that a draft can leave them blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueDate {
    /// Day of the month, 1-31; `null` for a blank.
    #[serde(default)]
    pub day: Option<u8>,
    /// Month, 1-12; `null` for a blank.
    #[serde(default)]
    pub month: Option<u8>,
    /// Year, four digits.
    pub year: u32,
}

impl IssueDate {
    /// No date yet (year 0): what a reader starts from before it finds one.
    pub const UNKNOWN: IssueDate = IssueDate {
        day: None,
        month: None,
        year: 0,
    };

    /// Checks the ranges; returns what is wrong as a sentence.
    pub fn validate(&self) -> Result<(), String> {
        if let Some(m) = self.month
            && !(1..=12).contains(&m)
        {
            return Err(format!("month {m} is not between 1 and 12"));
        }
        if let Some(d) = self.day {
            let y = self.year;
            let leap = y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400));
            let max = match self.month {
                Some(2) if leap => 29,
                Some(2) => 28,
                Some(4 | 6 | 9 | 11) => 30,
                _ => 31,
            };
            if !(1..=max).contains(&d) {
                return Err(format!("day {d} is not between 1 and {max}"));
            }
        }
        if !(1000..=9999).contains(&self.year) {
            return Err(format!("year {} is not four digits", self.year));
        }
        Ok(())
    }

    /// `(year, month, day)` for comparing two complete dates; `None` for a draft's.
    ///
    /// ```
    /// use vanban::model::IssueDate;
    /// let a = IssueDate { day: Some(30), month: Some(11), year: 2026 };
    /// let b = IssueDate { day: Some(1), month: Some(12), year: 2026 };
    /// assert!(a.sort_key() < b.sort_key());
    /// assert_eq!(IssueDate { day: None, month: Some(3), year: 2024 }.sort_key(), None);
    /// ```
    pub fn sort_key(&self) -> Option<(u32, u8, u8)> {
        Some((self.year, self.month?, self.day?))
    }

    /// True when both dates are complete and this one comes first; a draft's
    /// blank date is before nothing.
    ///
    /// ```
    /// use vanban::model::IssueDate;
    /// let a = IssueDate { day: Some(30), month: Some(11), year: 2026 };
    /// let b = IssueDate { day: Some(1), month: Some(12), year: 2026 };
    /// assert!(a.is_before(&b) && !b.is_before(&a));
    /// assert!(!IssueDate { day: None, ..a }.is_before(&b));
    /// ```
    pub fn is_before(&self, other: &IssueDate) -> bool {
        matches!((self.sort_key(), other.sort_key()), (Some(a), Some(b)) if a < b)
    }
}

/// Writes `ngày 05 tháng 3 năm 2024` with the decree's leading zeros: days below 10
/// and months 1 and 2 get a `0`; months 3-12 do not.
///
/// ```
/// use vanban::model::IssueDate;
/// let d = IssueDate { day: Some(5), month: Some(1), year: 2020 };
/// assert_eq!(d.to_string(), "ngày 05 tháng 01 năm 2020");
/// let draft = IssueDate { day: None, month: Some(3), year: 2024 };
/// assert_eq!(draft.to_string(), "ngày      tháng 3 năm 2024");
/// ```
impl std::fmt::Display for IssueDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let day = match self.day {
            Some(d) => format!(" {d:02} "),
            None => DRAFT_BLANK.to_string(),
        };
        let month = match self.month {
            Some(m @ 1..=2) => format!(" {m:02} "),
            Some(m) => format!(" {m} "),
            None => DRAFT_BLANK.to_string(),
        };
        write!(f, "ngày{day}tháng{month}năm {}", self.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(day: Option<u8>, month: Option<u8>) -> IssueDate {
        IssueDate {
            day,
            month,
            year: 2024,
        }
    }

    #[test]
    fn leading_zeros_follow_r17() {
        assert_eq!(
            date(Some(5), Some(3)).to_string(),
            "ngày 05 tháng 3 năm 2024"
        );
        assert_eq!(
            date(Some(10), Some(2)).to_string(),
            "ngày 10 tháng 02 năm 2024"
        );
        assert_eq!(
            date(Some(28), Some(12)).to_string(),
            "ngày 28 tháng 12 năm 2024"
        );
        assert_eq!(
            date(Some(9), Some(1)).to_string(),
            "ngày 09 tháng 01 năm 2024"
        );
    }

    #[test]
    fn blanks_for_drafts() {
        assert_eq!(
            date(None, None).to_string(),
            "ngày      tháng      năm 2024"
        );
        assert_eq!(
            date(None, Some(3)).to_string(),
            "ngày      tháng 3 năm 2024"
        );
    }

    #[test]
    fn validation_names_the_field() {
        assert!(
            date(Some(31), Some(4))
                .validate()
                .unwrap_err()
                .contains("day 31")
        );
        assert!(
            date(None, Some(13))
                .validate()
                .unwrap_err()
                .contains("month 13")
        );
        assert!(date(Some(29), Some(2)).validate().is_ok());
    }

    #[test]
    fn number_line_pads_and_blanks() {
        let mut h = Header {
            parent: vec![],
            issuer: vec!["ỦY BAN NHÂN DÂN".into()],
            issuer_name: None,
            issuer_abbr: "UBND".into(),
            unit: None,
            number: Some(173),
            place: "Hà Nội".into(),
            date: date(Some(28), Some(4)),
        };
        assert_eq!(h.number_line(DocType::KeHoach), "Số: 173/KH-UBND");
        h.number = Some(1);
        assert_eq!(h.number_line(DocType::KeHoach), "Số: 01/KH-UBND");
        h.number = None;
        assert_eq!(h.number_line(DocType::KeHoach), "Số:      /KH-UBND");
        assert_eq!(h.place_date_line(), "Hà Nội, ngày 28 tháng 4 năm 2024");
    }
}
