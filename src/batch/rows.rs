//! The rows of a mail merge: a CSV file (UTF-8, with or without a BOM) or a
//! JSON array of objects. Every cell is text, as the spreadsheet shows it.

use std::path::Path;

use crate::Error;

/// A table of text: the header row and the data rows, each as long as the header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    /// The column headers, trimmed.
    pub headers: Vec<String>,
    /// The data rows; a short row is padded with empty cells.
    pub rows: Vec<Vec<String>>,
}

impl Rows {
    /// The index of a column by its header.
    pub fn column(&self, header: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == header)
    }

    /// The spreadsheet's number of data row `k` (the header is row 1).
    pub fn row_number(k: usize) -> usize {
        k + 2
    }
}

fn bad(file: &Path, message: String) -> Error {
    Error::Import {
        file: Some(file.to_path_buf()),
        message,
    }
}

/// Reads rows from a `.csv` or a `.json` file, by its extension.
pub fn read_rows(path: &Path) -> Result<Rows, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("csv") => csv_rows(&bytes).map_err(|m| bad(path, m)),
        Some("json") => json_rows(&bytes).map_err(|m| bad(path, m)),
        _ => Err(bad(
            path,
            "rows are read from a .csv or a .json file (an array of objects)".into(),
        )),
    }
}

/// Rows of a CSV text: comma-separated, quoted as spreadsheets quote, the first
/// row the headers.
///
/// ```
/// let r = vanban::batch::csv_rows("\u{feff}Họ và tên,/header/number\nNguyễn Văn A,5\n".as_bytes()).unwrap();
/// assert_eq!(r.headers, ["Họ và tên", "/header/number"]);
/// assert_eq!(r.rows, [vec!["Nguyễn Văn A".to_string(), "5".to_string()]]);
/// ```
pub fn csv_rows(bytes: &[u8]) -> Result<Rows, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        format!("line {line}: the CSV is not UTF-8; save it as «CSV UTF-8» from the spreadsheet")
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| e.to_string())?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    check_headers(&headers)?;
    let mut rows = Vec::new();
    for (k, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("row {}: {e}", Rows::row_number(k)))?;
        if record.len() > headers.len()
            && record
                .iter()
                .skip(headers.len())
                .any(|c| !c.trim().is_empty())
        {
            return Err(format!(
                "row {}: {} cells under {} headers",
                Rows::row_number(k),
                record.len(),
                headers.len()
            ));
        }
        let mut row: Vec<String> = record
            .iter()
            .take(headers.len())
            .map(str::to_string)
            .collect();
        row.resize(headers.len(), String::new());
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(row);
    }
    Ok(Rows { headers, rows })
}

/// Rows of a JSON array of objects: the headers are the keys in the order they
/// first appear; a number or a boolean is its JSON text, `null` an empty cell.
pub fn json_rows(bytes: &[u8]) -> Result<Rows, String> {
    let v: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    let items = v
        .as_array()
        .ok_or("the JSON rows must be an array of objects")?;
    let mut headers: Vec<String> = Vec::new();
    for (k, item) in items.iter().enumerate() {
        let o = item
            .as_object()
            .ok_or_else(|| format!("[{k}]: a row is an object of column → value"))?;
        for key in o.keys() {
            if !headers.iter().any(|h| h == key) {
                headers.push(key.clone());
            }
        }
    }
    check_headers(&headers)?;
    let rows = items
        .iter()
        .map(|item| {
            headers
                .iter()
                .map(|h| match item.get(h) {
                    None | Some(serde_json::Value::Null) => String::new(),
                    Some(serde_json::Value::String(s)) => s.clone(),
                    Some(other) => other.to_string(),
                })
                .collect()
        })
        .collect();
    Ok(Rows { headers, rows })
}

fn check_headers(headers: &[String]) -> Result<(), String> {
    if headers.is_empty() || headers.iter().all(|h| h.is_empty()) {
        return Err("the first row must name the columns".into());
    }
    for (k, h) in headers.iter().enumerate() {
        if headers[..k].contains(h) {
            return Err(format!("two columns are named «{h}»"));
        }
    }
    Ok(())
}
