//! One document a row: the base document's `{{ column }}` placeholders filled
//! in with the row's cells, and the `/json/pointer` columns set in it.

use serde_json::Value;

use super::Rows;
use crate::Error;

/// What went wrong with one row; the other rows go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The spreadsheet's row number (the header is row 1).
    pub row: usize,
    /// The column at fault, when one is.
    pub column: Option<String>,
    /// The JSON pointer of the document's field at fault, when one is.
    pub pointer: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "row {}", self.row)?;
        if let Some(c) = &self.column {
            write!(f, ", column «{c}»")?;
        }
        if let Some(p) = &self.pointer {
            write!(f, ", at {p}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A piece of a text with placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Column(String),
}

/// Splits `s` into text and `{{ name }}` placeholders (spaces around the name
/// optional); `\{{` is a literal `{{`. `None` when there is no placeholder.
fn pieces(s: &str) -> Result<Option<Vec<Piece>>, String> {
    if !s.contains("{{") {
        return Ok(None);
    }
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = s;
    let mut any = false;
    while let Some(at) = rest.find("{{") {
        if rest[..at].ends_with('\\') {
            text.push_str(&rest[..at - 1]);
            text.push_str("{{");
            rest = &rest[at + 2..];
            continue;
        }
        text.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let end = after
            .find("}}")
            .ok_or_else(|| format!("«{{{{» without its «}}}}» in «{s}»"))?;
        let name = after[..end].trim();
        if name.is_empty() {
            return Err(format!("an empty placeholder «{{{{}}}}» in «{s}»"));
        }
        if !text.is_empty() {
            out.push(Piece::Text(std::mem::take(&mut text)));
        }
        out.push(Piece::Column(name.to_string()));
        any = true;
        rest = &after[end + 2..];
    }
    text.push_str(rest);
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    Ok(if any || s.contains("\\{{") {
        Some(out)
    } else {
        None
    })
}

/// Fills the placeholders of a text from a row (by column index).
///
/// ```
/// use vanban::batch::{Rows, fill};
/// let rows = Rows { headers: vec!["Họ và tên".into()], rows: vec![vec!["Lê Văn B".into()]] };
/// assert_eq!(fill("Kính mời {{ Họ và tên }}, \\{{ giữ nguyên", &rows, &rows.rows[0]).unwrap(), "Kính mời Lê Văn B, {{ giữ nguyên");
/// assert!(fill("{{ Chức vụ }}", &rows, &rows.rows[0]).is_err());
/// ```
pub fn fill(s: &str, rows: &Rows, row: &[String]) -> Result<String, String> {
    let Some(pieces) = pieces(s)? else {
        return Ok(s.to_string());
    };
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(&t),
            Piece::Column(c) => {
                let k = rows.column(&c).ok_or_else(|| no_column(&c, rows))?;
                out.push_str(row[k].trim());
            }
        }
    }
    Ok(out)
}

fn no_column(name: &str, rows: &Rows) -> String {
    format!(
        "the placeholder «{{{{ {name} }}}}» names no column; the columns are {}",
        rows.headers
            .iter()
            .map(|h| format!("«{h}»"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Every placeholder of the base names a column: checked once, before any row.
pub fn check_placeholders(base: &Value, rows: &Rows) -> Result<(), Error> {
    fn walk(v: &Value, path: &str, rows: &Rows) -> Result<(), Error> {
        match v {
            Value::String(s) => {
                let bad = |message| Error::Invalid {
                    file: None,
                    path: path.to_string(),
                    message,
                };
                if let Some(ps) = pieces(s).map_err(bad)? {
                    for p in ps {
                        if let Piece::Column(c) = p
                            && rows.column(&c).is_none()
                        {
                            return Err(bad(no_column(&c, rows)));
                        }
                    }
                }
                Ok(())
            }
            Value::Array(a) => a
                .iter()
                .enumerate()
                .try_for_each(|(k, v)| walk(v, &format!("{path}[{k}]"), rows)),
            Value::Object(o) => o.iter().try_for_each(|(k, v)| {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                walk(v, &p, rows)
            }),
            _ => Ok(()),
        }
    }
    walk(base, "", rows)
}

/// The document JSON of data row `k`: placeholders filled, pointer columns set.
pub fn row_document(base: &Value, rows: &Rows, k: usize) -> Result<Value, RowError> {
    let row = &rows.rows[k];
    let number = Rows::row_number(k);
    let mut doc = base.clone();
    fn walk(v: &mut Value, rows: &Rows, row: &[String]) -> Result<(), String> {
        match v {
            Value::String(s) => {
                *s = fill(s, rows, row)?;
                Ok(())
            }
            Value::Array(a) => a.iter_mut().try_for_each(|v| walk(v, rows, row)),
            Value::Object(o) => o.values_mut().try_for_each(|v| walk(v, rows, row)),
            _ => Ok(()),
        }
    }
    walk(&mut doc, rows, row).map_err(|message| RowError {
        row: number,
        column: None,
        pointer: None,
        message,
    })?;
    for (c, header) in rows.headers.iter().enumerate() {
        if !header.starts_with('/') {
            continue;
        }
        let err = |message: String| RowError {
            row: number,
            column: Some(header.clone()),
            pointer: Some(header.clone()),
            message,
        };
        let cell = row[c].trim();
        let old = doc.pointer(header).cloned();
        if let Some(value) = typed(cell, old.as_ref()).map_err(err)? {
            set(&mut doc, header, value).map_err(err)?;
        }
    }
    Ok(doc)
}

/// A cell as the type of the field it sets: a whole number where the base has
/// a number or `null` (`/header/number`, `/header/date/day`; an empty cell is
/// `null`, a draft's blank), true or false for a flag, lines for a list, else
/// text. Where the base has no such field, digits are a number and an empty
/// cell sets nothing.
fn typed(cell: &str, old: Option<&Value>) -> Result<Option<Value>, String> {
    let number = || {
        cell.parse::<u64>()
            .map(|n| Some(Value::from(n)))
            .map_err(|_| format!("«{cell}» is not a whole number"))
    };
    match old {
        Some(Value::Number(_) | Value::Null) if cell.is_empty() => Ok(Some(Value::Null)),
        Some(Value::Number(_) | Value::Null) => number(),
        Some(Value::Bool(_)) => match cell.to_lowercase().as_str() {
            "true" | "có" | "x" | "1" => Ok(Some(Value::Bool(true))),
            "false" | "không" | "" | "0" => Ok(Some(Value::Bool(false))),
            _ => Err(format!("«{cell}» is not true or false")),
        },
        Some(Value::Array(_)) => Ok(Some(Value::Array(
            cell.split('\n')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Value::String(l.to_string()))
                .collect(),
        ))),
        Some(Value::Object(_)) => {
            Err("sets a whole part; give the pointer of one of its fields".into())
        }
        Some(Value::String(_)) => Ok(Some(Value::String(cell.to_string()))),
        None if cell.is_empty() => Ok(None),
        None if cell.chars().all(|c| c.is_ascii_digit()) => number(),
        None => Ok(Some(Value::String(cell.to_string()))),
    }
}

/// Sets the value at a JSON pointer, making the objects on the way.
fn set(doc: &mut Value, pointer: &str, value: Value) -> Result<(), String> {
    let tokens: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect();
    let (last, path) = tokens.split_last().ok_or("an empty pointer")?;
    let mut at = doc;
    for t in path {
        at = match at {
            Value::Object(o) => o
                .entry(t.clone())
                .or_insert_with(|| Value::Object(Default::default())),
            Value::Array(a) => {
                let k: usize = t.parse().map_err(|_| format!("«{t}» is not an index"))?;
                a.get_mut(k)
                    .ok_or_else(|| format!("the base has no item {k} there"))?
            }
            _ => return Err(format!("«{t}»: the base has no part there")),
        };
    }
    match at {
        Value::Object(o) => {
            o.insert(last.clone(), value);
            Ok(())
        }
        Value::Array(a) => {
            let k: usize = last
                .parse()
                .map_err(|_| format!("«{last}» is not an index"))?;
            let slot = a
                .get_mut(k)
                .ok_or_else(|| format!("the base has no item {k} there"))?;
            *slot = value;
            Ok(())
        }
        _ => Err("the base has no part there".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Rows {
        Rows {
            headers: vec![
                "Họ và tên".into(),
                "/header/number".into(),
                "/signature/name".into(),
            ],
            rows: vec![
                vec!["Lê Văn B".into(), "7".into(), "Trần C".into()],
                vec!["Đỗ D".into(), "bảy".into(), "Trần C".into()],
            ],
        }
    }

    #[test]
    fn a_row_fills_its_placeholders_and_sets_its_fields() {
        let base = serde_json::json!({
            "header": {"number": null},
            "summary": "Kính mời {{Họ và tên}} dự họp",
            "signature": {"name": "x"}
        });
        let d = row_document(&base, &rows(), 0).unwrap();
        assert_eq!(d["summary"], "Kính mời Lê Văn B dự họp");
        assert_eq!(d["header"]["number"], 7);
        assert_eq!(d["signature"]["name"], "Trần C");
        let e = row_document(&base, &rows(), 1).unwrap_err();
        assert_eq!((e.row, e.column.as_deref()), (3, Some("/header/number")));
        assert!(e.message.contains("bảy"), "{e}");
    }

    #[test]
    fn a_placeholder_without_its_column_is_found_before_any_row() {
        let base = serde_json::json!({"sections": [{"title": "{{ Chức vụ }}"}]});
        let e = check_placeholders(&base, &rows()).unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("sections[0].title") && text.contains("Chức vụ"),
            "{text}"
        );
    }
}
