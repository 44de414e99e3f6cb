//! Reading a plan from JSON: path-aware errors, NFC normalization, value checks.

use std::path::{Path, PathBuf};

use crate::Error;
use crate::model::Plan;

/// Reads a plan from JSON text. `file` is only used in error messages.
///
/// ```
/// let err = vanban::input::plan_from_json(r#"{"header": 3}"#, None).unwrap_err();
/// assert!(err.to_string().contains("at `header`"), "{err}");
/// ```
pub fn plan_from_json(json: &str, file: Option<&Path>) -> Result<Plan, Error> {
    let json_error = |path: String, e: serde_json::Error| Error::Json {
        file: file.map(Path::to_path_buf),
        path,
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    };
    let mut de = serde_json::Deserializer::from_str(json);
    let mut plan: Plan = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        json_error(path, e.into_inner())
    })?;
    // Characters after the plan's closing brace are an error too.
    de.end().map_err(|e| json_error(".".into(), e))?;
    plan.normalize_nfc();
    validate(&plan, file.map(Path::to_path_buf))?;
    Ok(plan)
}

/// Reads a plan from a JSON file.
pub fn plan_from_file(path: &Path) -> Result<Plan, Error> {
    let json = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    plan_from_json(&json, Some(path))
}

/// serde_json appends " at line L column C" to its messages; we print those separately.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// Checks what the types cannot: ranges and required non-empty lines.
fn validate(plan: &Plan, file: Option<PathBuf>) -> Result<(), Error> {
    let invalid = |path: &str, message: String| Error::Invalid {
        file: file.clone(),
        path: path.to_string(),
        message,
    };
    plan.header
        .date
        .validate()
        .map_err(|m| invalid("header.date", m))?;
    if plan.header.issuer_abbr.trim().is_empty() {
        return Err(invalid(
            "header.issuer_abbr",
            "the issuer's abbreviation (e.g. UBND) is empty".into(),
        ));
    }
    if plan.summary.is_empty() {
        return Err(invalid(
            "summary",
            "the summary (trích yếu) is empty".into(),
        ));
    }
    if plan.signature.name.trim().is_empty() {
        return Err(invalid(
            "signature.name",
            "the signer's name is empty".into(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: &str = r#"{
  "header": {"issuer": ["ỦY BAN NHÂN DÂN"], "issuer_abbr": "UBND", "place": "Hà Nội",
             "date": {"day": 5, "month": 3, "year": 2024}},
  "summary": "Về việc thử",
  "sections": [],
  "recipients": {"items": [], "archive": "VT"},
  "signature": {"name": "Nguyễn Văn A"}
}"#;

    #[test]
    fn minimal_plan_reads() {
        let p = plan_from_json(MIN, None).unwrap();
        assert_eq!(p.header.number, None);
    }

    #[test]
    fn unknown_field_names_path_line_and_column() {
        let json = MIN.replace("\"place\"", "\"plase\"");
        let err = plan_from_json(&json, Some(Path::new("x.json"))).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("x.json: line 2, column 78"), "{msg}");
        assert!(msg.contains("at `header.plase`"), "{msg}");
        assert!(msg.contains("unknown field `plase`"), "{msg}");
    }

    #[test]
    fn wrong_type_says_what_was_expected() {
        let json = MIN.replace("\"day\": 5", "\"day\": \"5\"");
        let msg = plan_from_json(&json, None).unwrap_err().to_string();
        assert!(msg.contains("at `header.date.day`"), "{msg}");
        assert!(msg.contains("expected u8"), "{msg}");
    }

    #[test]
    fn missing_field_is_named() {
        let json = MIN.replace("\"summary\": \"Về việc thử\",", "");
        let msg = plan_from_json(&json, None).unwrap_err().to_string();
        assert!(msg.contains("missing field `summary`"), "{msg}");
    }

    #[test]
    fn malformed_json_gives_position() {
        let msg = plan_from_json("{\n  \"header\": ,", None)
            .unwrap_err()
            .to_string();
        assert!(msg.contains("line 2, column 13"), "{msg}");
    }

    #[test]
    fn bad_day_is_invalid() {
        let json = MIN.replace("\"day\": 5, \"month\": 3", "\"day\": 31, \"month\": 4");
        let msg = plan_from_json(&json, None).unwrap_err().to_string();
        assert!(msg.contains("at `header.date`: day 31"), "{msg}");
    }

    #[test]
    fn text_is_normalized_to_nfc() {
        let json = MIN.replace("Về việc thử", "Ve\u{302}\u{300} vie\u{323}\u{302}c");
        let p = plan_from_json(&json, None).unwrap();
        assert_eq!(p.summary.plain(), "Về việc");
    }
}
