//! `vanban check`: the decree's rules as a linter, with rule ids, the offending text,
//! messages in Vietnamese and English, and the fixes that need no guessing.
//!
//! Two kinds of input: a plan as JSON (findings point at JSON paths; the renderer
//! already writes numbers, dates, the end mark and authority prefixes correctly, so
//! the rules look at what the user typed), and a document as text lines (from a
//! `.txt` or a `.docx`; findings point at lines).
//!
//! ```
//! use vanban::check::{check_lines, Options};
//! let lines = ["Số: 5/KH-UBND", "Hà Nội, ngày 5 tháng 3 năm 2024"].map(String::from);
//! let report = check_lines(&lines, &Options::default()).unwrap();
//! assert!(report.findings.iter().any(|f| f.rule == "R13"));
//! assert!(report.findings.iter().any(|f| f.rule == "R17"));
//! ```

pub mod legacy;
mod rules;
pub mod syllable;

use serde::Serialize;

pub use rules::{check_json, check_lines, fix_json, fix_lines};

/// How bad a finding is (the spec's E and W).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The decree's text requires it.
    Error,
    /// A convention or a derived reading.
    Warning,
}

/// Where a finding is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Location {
    /// A JSON path in a plan file (`recipients.items[2]`).
    Path(String),
    /// A 1-based line of a text or DOCX input.
    Line(usize),
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Path(p) => write!(f, "{p}"),
            Location::Line(n) => write!(f, "line {n}"),
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Rule id (`R13`) or a hygiene id (`NFC`, `LEGACY`, `CONTROL`, `SPACES`).
    pub rule: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// Where.
    pub location: Location,
    /// For a JSON path, the line of its value in the input (1-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// For a JSON path, the column of its value in the input (1-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The offending text.
    pub text: String,
    /// What is wrong, in Vietnamese.
    pub message_vi: String,
    /// What is wrong, in English.
    pub message_en: String,
    /// The corrected text, when there is one to propose.
    pub fix: Option<String>,
    /// True when the fix needs no guessing and `--fix` applies it.
    pub safe: bool,
}

/// Options of a check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// A final copy: a blank number or day is an error, not a draft's normal state.
    pub final_copy: bool,
}

/// A change made by a safe fix to a plan's JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The JSON path of the string.
    pub path: String,
    /// The text before.
    pub before: String,
    /// The text after.
    pub after: String,
}

/// The findings of one check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Findings in input order.
    pub findings: Vec<Finding>,
}

/// The language of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

impl Report {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }

    /// One finding a line: `R13 lỗi line 3: «Số: 5/KH-UBND» ... → sửa: «Số: 05/KH-UBND»`.
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = String::new();
        for f in &self.findings {
            let (sev, msg, fix) = match (lang, f.severity) {
                (Lang::Vi, Severity::Error) => ("lỗi", &f.message_vi, "sửa"),
                (Lang::Vi, Severity::Warning) => ("cảnh báo", &f.message_vi, "sửa"),
                (Lang::En, Severity::Error) => ("error", &f.message_en, "fix"),
                (Lang::En, Severity::Warning) => ("warning", &f.message_en, "fix"),
            };
            let location = match (&f.location, lang, f.line.zip(f.column)) {
                (Location::Line(n), Lang::Vi, _) => format!("dòng {n}"),
                (Location::Path(p), Lang::Vi, Some((l, c))) => format!("dòng {l}, cột {c}, {p}"),
                (Location::Path(p), Lang::En, Some((l, c))) => {
                    format!("line {l}, column {c}, {p}")
                }
                (l, _, _) => l.to_string(),
            };
            out.push_str(&format!("{} {sev} {location}: «{}» {msg}", f.rule, f.text));
            if let Some(fx) = &f.fix {
                out.push_str(&format!(" → {fix}: «{fx}»"));
            }
            out.push('\n');
        }
        let (e, w) = (self.errors(), self.findings.len() - self.errors());
        out.push_str(&match lang {
            Lang::Vi => format!("{e} lỗi, {w} cảnh báo\n"),
            Lang::En => format!("{e} errors, {w} warnings\n"),
        });
        out
    }
}
