//! The rows of a mail merge: a CSV file (UTF-8, with or without a BOM, or the
//! Windows-1258 an old Excel saves), an XLSX or ODS workbook (its first sheet),
//! or a JSON array of objects. Every cell is text, as the spreadsheet shows it.

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
        Some("xlsx" | "xlsm" | "ods" | "xls") => sheet_rows(&bytes).map_err(|m| bad(path, m)),
        Some("json") => json_rows(&bytes).map_err(|m| bad(path, m)),
        _ => Err(bad(
            path,
            "rows are read from a .csv, .xlsx, .ods or .json file (an array of objects)".into(),
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
    let text = csv_text(bytes)?;
    // A tab (Excel's «Unicode Text») or a semicolon (Excel where the decimal
    // mark is a comma) where the header row has no comma.
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.contains(',') {
        b','
    } else if first.contains('\t') {
        b'\t'
    } else if first.contains(';') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .delimiter(delimiter)
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

/// A CSV file's text: UTF-8, or else Windows-1258 (what Excel saves as «CSV»
/// on a Vietnamese Windows), its tone marks composed (NFC). A file that is
/// neither (bytes Windows-1258 does not define) is refused with its line.
fn csv_text(bytes: &[u8]) -> Result<String, String> {
    // Excel's «Unicode Text» is UTF-16 with its BOM.
    for (bom, encoding) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return Ok(encoding.decode_without_bom_handling(rest).0.into_owned());
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok(t.to_string()),
        Err(e) => {
            let (text, _, bad) = encoding_rs::WINDOWS_1258.decode(bytes);
            if bad {
                let line = bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count()
                    + 1;
                return Err(format!(
                    "line {line}: the CSV is neither UTF-8 nor Windows-1258; save it as «CSV UTF-8» from the spreadsheet"
                ));
            }
            let mut text = text.into_owned();
            crate::model::nfc_in_place(&mut text);
            Ok(text)
        }
    }
}

/// Rows of a workbook's first sheet (XLSX, ODS, XLS): numbers as Excel shows
/// them (`5`, not `5.0`), dates as `dd/mm/yyyy`.
pub fn sheet_rows(bytes: &[u8]) -> Result<Rows, String> {
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| format!("the workbook cannot be read: {e}"))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or("the workbook has no sheet")?
        .map_err(|e| format!("its first sheet cannot be read: {e}"))?;
    let mut lines = range
        .rows()
        .map(|r| r.iter().map(cell_text).collect::<Vec<String>>());
    let headers: Vec<String> = lines
        .next()
        .ok_or("the first sheet is empty")?
        .into_iter()
        .map(|h| h.trim().to_string())
        .collect();
    // Columns past the last header are empty ones the sheet still spans.
    let width = headers
        .iter()
        .rposition(|h| !h.is_empty())
        .map_or(0, |k| k + 1);
    let headers: Vec<String> = headers.into_iter().take(width).collect();
    check_headers(&headers)?;
    let rows = lines
        .map(|mut r| {
            r.resize(width, String::new());
            r
        })
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .collect();
    Ok(Rows { headers, rows })
}

/// A cell as the sheet shows it.
fn cell_text(d: &calamine::Data) -> String {
    use calamine::Data;
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) if !dt.is_duration() => serial_date(dt.as_f64()),
        Data::DateTime(dt) => dt.as_f64().to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => match s.get(..10) {
            // 2026-06-16 as 16/06/2026, as a Vietnamese sheet shows it.
            Some(d) if d.as_bytes().get(4) == Some(&b'-') => {
                format!("{}/{}/{}", &d[8..10], &d[5..7], &d[..4])
            }
            _ => s.clone(),
        },
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// An Excel date serial (days since 1899-12-30) as `dd/mm/yyyy`.
///
/// ```
/// # use vanban::batch::serial_date;
/// assert_eq!(serial_date(46189.0), "16/06/2026");
/// ```
pub fn serial_date(serial: f64) -> String {
    // Days since 1970-01-01, then the civil date (Howard Hinnant's algorithm).
    let z = serial.floor() as i64 - 25569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{day:02}/{month:02}/{year}")
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
