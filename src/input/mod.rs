//! Reading a plan from JSON: path-aware errors, NFC normalization, value checks.

mod locate;

use std::path::{Path, PathBuf};

use crate::Error;
use crate::model::{Block, Plan, Section, Table};

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
    validate(&plan, file.map(Path::to_path_buf)).map_err(|e| match e {
        // A value that is not allowed: say where it stands in the text too.
        Error::Invalid {
            file,
            path,
            message,
        } => match locate::locate(json, &path) {
            Some((line, column)) => Error::Json {
                file,
                path,
                line,
                column,
                message,
            },
            None => Error::Invalid {
                file,
                path,
                message,
            },
        },
        e => e,
    })?;
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

/// Every table of the plan with its JSON path (`appendices[0].content[1]`).
pub(crate) fn tables(plan: &Plan) -> impl Iterator<Item = (String, &Table)> {
    fn blocks<'a>(at: &str, content: &'a [Block], out: &mut Vec<(String, &'a Table)>) {
        for (i, b) in content.iter().enumerate() {
            if let Block::Table(t) = b {
                out.push((format!("{at}content[{i}]"), t));
            }
        }
    }
    fn sections<'a>(at: &str, list: &'a [Section], out: &mut Vec<(String, &'a Table)>) {
        for (i, s) in list.iter().enumerate() {
            let here = format!("{at}sections[{i}].");
            blocks(&here, &s.content, out);
            sections(&here, &s.sections, out);
        }
    }
    let mut out = Vec::new();
    sections("", &plan.sections, &mut out);
    for (i, a) in plan.appendices.iter().enumerate() {
        let here = format!("appendices[{i}].");
        blocks(&here, &a.content, &mut out);
        sections(&here, &a.sections, &mut out);
    }
    out.into_iter()
}

/// Checks what the types cannot: ranges, required non-empty lines, table shapes.
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
    tables(plan).try_for_each(|(at, t)| {
        t.validate()
            .map_err(|(inner, m)| invalid(&format!("{at}.table.{inner}"), m))
    })?;
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
        assert!(
            msg.contains("line 3, column 22, at `header.date`: day 31"),
            "{msg}"
        );
    }

    #[test]
    fn a_ragged_table_row_names_its_path() {
        let json = MIN.replace(
            "\"sections\": [],",
            r#""sections": [], "appendices": [{"title": ["X"], "content": ["a",
                {"table": {"columns": [{"header": "TT"}, {"header": "Việc"}],
                           "rows": [["1", "Họp"], ["2"]]}}]}],"#,
        );
        let msg = plan_from_json(&json, None).unwrap_err().to_string();
        assert!(
            msg.contains("line 7, column 51, at `appendices[0].content[1].table.rows[1]`"),
            "{msg}"
        );
        assert!(msg.contains("covers 1 of the table's 2 columns"), "{msg}");
    }

    #[test]
    fn text_is_normalized_to_nfc() {
        let json = MIN.replace("Về việc thử", "Ve\u{302}\u{300} vie\u{323}\u{302}c");
        let p = plan_from_json(&json, None).unwrap();
        assert_eq!(p.summary.plain(), "Về việc");
    }
}
