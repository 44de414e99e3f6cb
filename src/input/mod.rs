//! Reading a plan from JSON: path-aware errors, NFC normalization, value checks.

mod locate;

use std::path::{Path, PathBuf};

use crate::Error;
use crate::model::{Block, DocType, Form, IssueDate, Plan, Section, Table};

/// Reads a plan from JSON text. `file` names the source in errors and the folder
/// that relative image files are read from.
///
/// ```
/// let err = vanban::input::plan_from_json(r#"{"header": 3}"#, None).unwrap_err();
/// assert!(err.to_string().contains("at `header`"), "{err}");
/// ```
pub fn plan_from_json(json: &str, file: Option<&Path>) -> Result<Plan, Error> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let mut plan = parse_plan(json, file)?;
    let forbidden = plan.normalize_nfc();
    validate(&plan, file.map(Path::to_path_buf))
        .and_then(|()| match forbidden {
            true => forbidden_chars(json, file),
            false => Ok(()),
        })
        .map_err(|e| match e {
            // A value that is not allowed: say where it stands in the text too.
            Error::Invalid {
                file,
                path,
                message,
            } => error_at(json, file, path, message),
            e => e,
        })?;
    // Image files are named from the JSON file's folder.
    if let Some(dir) = file.and_then(Path::parent) {
        let s = &mut plan.signature;
        for img in [s.image.as_mut(), s.seal.as_mut()].into_iter().flatten() {
            if let Some(f) = &mut img.file
                && f.is_relative()
            {
                *f = dir.join(&*f);
            }
        }
    }
    Ok(plan)
}

/// An error about the value at `path`, with its line and column in `json` when the
/// value can be found there.
pub(crate) fn error_at(json: &str, file: Option<PathBuf>, path: String, message: String) -> Error {
    match locate::locate(json, &path) {
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
    }
}

/// Every string of a JSON value with its path (`recipients.items[2]`), in document
/// order.
pub(crate) fn strings(v: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::String(s) => out.push((path.to_string(), s.clone())),
        serde_json::Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| strings(x, &format!("{path}[{i}]"), out)),
        serde_json::Value::Object(m) => m.iter().for_each(|(k, x)| {
            let p = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            strings(x, &p, out)
        }),
        _ => {}
    }
}

/// Reads the plan's JSON as serde sees it, without normalizing or validating the
/// values: syntax, types, unknown fields and duplicate keys are errors with their
/// line, column and path. A leading byte-order mark is skipped.
pub fn parse_plan(json: &str, file: Option<&Path>) -> Result<Plan, Error> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let json_error = |path: String, e: serde_json::Error| Error::Json {
        file: file.map(Path::to_path_buf),
        path,
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    };
    let mut de = serde_json::Deserializer::from_str(json);
    let plan: Plan = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        json_error(path, e.into_inner())
    })?;
    // Characters after the plan's closing brace are an error too.
    de.end().map_err(|e| json_error(".".into(), e))?;
    Ok(plan)
}

/// The line and column (1-based) of the value at a JSON path (`header.date`,
/// `appendices[0].content[1]`) in JSON text, if it is there.
///
/// ```
/// assert_eq!(vanban::input::locate("{\n  \"a\": [1, 2]}", "a[1]"), Some((2, 12)));
/// ```
pub fn locate(json: &str, path: &str) -> Option<(usize, usize)> {
    locate::locate(json, path)
}

/// JSON bytes as text: UTF-8, a leading byte-order mark skipped. Invalid UTF-8 is an
/// error with the line and column of the first bad byte.
///
/// ```
/// assert!(vanban::input::json_text(b"\xEF\xBB\xBF{}", None).is_ok());
/// let e = vanban::input::json_text(b"{\n \"a\": \"\xFF\"}", None).unwrap_err();
/// assert!(e.to_string().contains("line 2, column 8"), "{e}");
/// ```
pub fn json_text<'a>(bytes: &'a [u8], file: Option<&Path>) -> Result<&'a str, Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let head = &bytes[..e.valid_up_to()];
        let line = head.iter().filter(|b| **b == b'\n').count() + 1;
        let start = head.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&head[start..]).chars().count() + 1;
        Error::Json {
            file: file.map(Path::to_path_buf),
            path: ".".into(),
            line,
            column,
            message: format!(
                "the file is not UTF-8 (byte {:#04x}); save it as UTF-8",
                bytes[e.valid_up_to()]
            ),
        }
    })
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
    // `content[i]` of a conclusion reads `conclusion[i]`.
    let conclusion: Vec<_> = {
        let mut c = Vec::new();
        blocks("", &plan.conclusion, &mut c);
        c.into_iter()
            .map(|(at, t)| (at.replacen("content", "conclusion", 1), t))
            .collect()
    };
    out.extend(conclusion);
    for (i, a) in plan.attachments.iter().enumerate() {
        let here = format!("attachments[{i}].");
        sections(&here, &a.sections, &mut out);
        let mut c = Vec::new();
        blocks(&here, &a.conclusion, &mut c);
        out.extend(
            c.into_iter()
                .map(|(at, t)| (at.replacen("content", "conclusion", 1), t)),
        );
    }
    for (i, a) in plan.appendices.iter().enumerate() {
        let here = format!("appendices[{i}].");
        blocks(&here, &a.content, &mut out);
        sections(&here, &a.sections, &mut out);
    }
    out.into_iter()
}

/// How deep sections may nest: the decree's numbering has no more levels to give
/// (`I.`, `1.`, `1.1.`, `a)`, `-`, `+` and three more of the user's choosing).
pub const MAX_SECTION_DEPTH: usize = 9;

/// Refuses text the renderer cannot print (control characters, non-characters),
/// naming the JSON path of the first string that holds one.
fn forbidden_chars(json: &str, file: Option<&Path>) -> Result<(), Error> {
    use crate::model::is_forbidden_char;
    let value: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    let mut all = Vec::new();
    strings(&value, "", &mut all);
    let (path, c) = all
        .iter()
        .find_map(|(p, s)| {
            s.chars()
                .find(|c| is_forbidden_char(*c))
                .map(|c| (p.clone(), c))
        })
        .unwrap_or_else(|| (".".into(), '\u{0}'));
    Err(Error::Invalid {
        file: file.map(Path::to_path_buf),
        path,
        message: format!(
            "the text holds U+{:04X}, a character that does not print; remove it (`vanban check --fix` does)",
            c as u32
        ),
    })
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
    if plan.header.number == Some(0) {
        return Err(invalid(
            "header.number",
            "the number is 0; numbers start at 1 (null for a draft)".into(),
        ));
    }
    fn too_deep(list: &[Section], at: &str, depth: usize) -> Option<String> {
        list.iter().enumerate().find_map(|(i, s)| {
            let here = format!("{at}[{i}]");
            if depth > MAX_SECTION_DEPTH {
                Some(here)
            } else {
                too_deep(&s.sections, &format!("{here}.sections"), depth + 1)
            }
        })
    }
    let deep =
        too_deep(&plan.sections, "sections", 1)
            .or_else(|| {
                plan.appendices.iter().enumerate().find_map(|(i, a)| {
                    too_deep(&a.sections, &format!("appendices[{i}].sections"), 1)
                })
            })
            .or_else(|| {
                plan.attachments.iter().enumerate().find_map(|(i, a)| {
                    too_deep(&a.sections, &format!("attachments[{i}].sections"), 1)
                })
            });
    if let Some(at) = deep {
        return Err(invalid(
            &at,
            format!("sections nest at most {MAX_SECTION_DEPTH} deep; this one is deeper"),
        ));
    }
    // A joint Biên bản of several bodies may have no issuer, hence no symbol.
    let no_issuer = plan.header.issuer.is_empty() && plan.doc_type == DocType::BienBan;
    if plan.header.issuer_abbr.trim().is_empty() && !no_issuer {
        return Err(invalid(
            "header.issuer_abbr",
            "the issuer's abbreviation (e.g. UBND) is empty".into(),
        ));
    }
    if plan.summary.is_empty() && plan.doc_type.summary_required() {
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
    parts_of_the_type(plan).map_err(|(path, m)| invalid(&path, m))
}

/// The parts of the fixed forms (Mẫu 1.6-1.10): each only on its own type, and
/// the ones a form cannot go without.
fn fixed_form_parts(doc: &Plan) -> Result<(), (String, String)> {
    let t = doc.doc_type;
    let name = t.name();
    let only = |present: bool, path: &str, owner: DocType, what: &str| {
        if present && t != owner {
            Err((
                path.to_string(),
                format!(
                    "a {name} has no {what}; a {} does ({})",
                    owner.name(),
                    owner.form_name()
                ),
            ))
        } else {
            Ok(())
        }
    };
    only(
        doc.sender.is_some(),
        "sender",
        DocType::CongDien,
        "`… điện:` line",
    )?;
    only(
        doc.invitation.is_some(),
        "invitation",
        DocType::GiayMoi,
        "invitation line",
    )?;
    only(
        doc.introduction.is_some(),
        "introduction",
        DocType::GiayGioiThieu,
        "introduction",
    )?;
    only(
        doc.minutes.is_some(),
        "minutes",
        DocType::BienBan,
        "minutes fields",
    )?;
    only(
        !doc.cosigners.is_empty(),
        "cosigners",
        DocType::BienBan,
        "second signature",
    )?;
    only(doc.leave.is_some(), "leave", DocType::GiayNghiPhep, "leave")?;
    let needs = |missing: bool, path: &str, what: &str| {
        if missing {
            Err((
                path.to_string(),
                format!("a {name} needs its {what} ({})", t.form_name()),
            ))
        } else {
            Ok(())
        }
    };
    match t {
        DocType::GiayGioiThieu => needs(
            doc.introduction.is_none(),
            "introduction",
            "person, position, destination, purpose and validity date",
        )?,
        DocType::GiayNghiPhep => needs(
            doc.leave.is_none(),
            "leave",
            "person, position, dates, place and the leave it counts as",
        )?,
        DocType::CongDien => needs(
            doc.addressees.is_empty(),
            "addressees",
            "recipients, listed under the `… điện:` line",
        )?,
        _ => {}
    }
    let mut dates: Vec<(&str, &IssueDate)> = Vec::new();
    if let Some(i) = &doc.introduction {
        dates.push(("introduction.valid_until", &i.valid_until));
    }
    if let Some(l) = &doc.leave {
        dates.push(("leave.request_date", &l.request_date));
        dates.push(("leave.from", &l.from));
        dates.push(("leave.to", &l.to));
    }
    for (path, d) in dates {
        d.validate().map_err(|m| (path.to_string(), m))?;
    }
    if let Some(l) = &doc.leave
        && l.to.is_before(&l.from)
    {
        return Err((
            "leave.to".into(),
            format!("the leave ends ({}) before it starts ({})", l.to, l.from),
        ));
    }
    if let Some(c) = &doc.copy {
        c.date
            .validate()
            .map_err(|m| ("copy.date".to_string(), m))?;
        if c.number == Some(0) {
            return Err((
                "copy.number".into(),
                "the copy's number is 0; copy numbers start at 01 each year (R39)".into(),
            ));
        }
        // An electronic copy names the body in its line; a paper copy's number
        // needs its abbreviation too.
        if c.issuer.is_empty() || (c.signed_at.is_none() && c.issuer_abbr.trim().is_empty()) {
            return Err((
                "copy.issuer".into(),
                "a copy names the body that makes it and its abbreviation (Số: 05/SY-UBND)".into(),
            ));
        }
        match &c.signed_at {
            Some(at) => iso_time(at).map_err(|m| ("copy.signed_at".to_string(), m))?,
            None if c.signature.is_none() => {
                return Err((
                    "copy.signature".into(),
                    "a paper copy (Mẫu 3.1) is signed by the body that makes it: give its signature, or `signed_at` for an electronic copy (Mẫu 3.2)".into(),
                ));
            }
            None => {}
        }
    }
    if !t.has_summary() && !doc.summary.is_empty() {
        return Err((
            "summary".into(),
            format!("a {name} has no summary under its name ({})", t.form_name()),
        ));
    }
    if doc.recipients.is_empty() && t != DocType::BienBan {
        return Err((
            "recipients".into(),
            "Nơi nhận (ô 9b) is missing: give its items and the `Lưu:` line".into(),
        ));
    }
    Ok(())
}

/// Checks a time of signing: ISO 8601 with seconds and an offset,
/// `2026-12-03T09:15:30+07:00` (R38, R39).
pub(crate) fn iso_time(t: &str) -> Result<(), String> {
    let bad = || {
        format!(
            "«{t}» is not a time of signing in ISO 8601 with its offset, as 2026-12-03T09:15:30+07:00"
        )
    };
    let b = t.trim().as_bytes();
    if b.len() != 25 {
        return Err(bad());
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let num = |r: std::ops::Range<usize>| {
        std::str::from_utf8(&b[r])
            .ok()
            .and_then(|s| s.parse::<u32>().ok())
            .unwrap_or(99)
    };
    let shape = digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && matches!(b[19], b'+' | b'-')
        && digits(20..22)
        && b[22] == b':'
        && digits(23..25);
    if !shape || num(11..13) > 23 || num(14..16) > 59 || num(17..19) > 59 || num(20..22) > 14 {
        return Err(bad());
    }
    let date = IssueDate {
        day: u8::try_from(num(8..10)).ok(),
        month: u8::try_from(num(5..7)).ok(),
        year: num(0..4),
    };
    date.validate().map_err(|m| format!("{}: {m}", bad()))
}

/// Refuses a part that the document's type does not have.
fn parts_of_the_type(doc: &Plan) -> Result<(), (String, String)> {
    let t = doc.doc_type;
    let name = t.name();
    if t.form() == Form::None {
        return Err((
            "type".into(),
            format!("the decree gives no model form for a {name}, so vanban cannot lay it out"),
        ));
    }
    fixed_form_parts(doc)?;
    if !doc.authority.is_empty() && t.form() != Form::Decision {
        return Err((
            "authority".into(),
            format!(
                "a {name} has no authority line; only a Quyết định and a Nghị quyết do (Mẫu 1.1-1.3)"
            ),
        ));
    }
    if !doc.attachments.is_empty() && t.form() != Form::Decision {
        return Err((
            "attachments".into(),
            format!(
                "a {name} issues no attached document; a Quyết định does (Mẫu 1.3); use appendices"
            ),
        ));
    }
    if !doc.addressees.is_empty() && !t.may_address() {
        return Err((
            "addressees".into(),
            format!("a {name} has no Kính gửi (ô 9a); its recipients go in Nơi nhận"),
        ));
    }
    if doc.header.unit.is_some() && t.abbreviation().is_some() {
        return Err((
            "header.unit".into(),
            format!(
                "a {name}'s symbol is its abbreviation and the issuer's ({}-{}); only a Công văn names a drafting unit (R15)",
                t.abbreviation().unwrap_or_default(),
                doc.header.issuer_abbr
            ),
        ));
    }
    if let Some(i) = doc
        .attachments
        .iter()
        .position(|a| a.doc_type.is_none() && a.name.as_deref().is_none_or(|n| n.trim().is_empty()))
    {
        let _ = i;
        return Err((
            "attachments".into(),
            "an attached document needs its \"type\" or its \"name\" (Điều lệ …)".into(),
        ));
    }
    Ok(())
}

/// A JSON path as the library writes it (`sections[0].title`) as a JSON
/// pointer (`/sections/0/title`).
///
/// ```
/// use vanban::input::json_pointer;
/// assert_eq!(json_pointer("sections[0].content[2]"), "/sections/0/content/2");
/// assert_eq!(json_pointer("header.date.day"), "/header/date/day");
/// assert_eq!(json_pointer(""), "");
/// ```
pub fn json_pointer(path: &str) -> String {
    let mut out = String::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut rest = part;
        if let Some(at) = rest.find('[') {
            push_token(&mut out, &rest[..at]);
            rest = &rest[at..];
            while let Some(end) = rest.find(']') {
                push_token(&mut out, &rest[1..end]);
                rest = &rest[end + 1..];
            }
        } else {
            push_token(&mut out, rest);
        }
    }
    out
}

fn push_token(out: &mut String, token: &str) {
    if token.is_empty() {
        return;
    }
    out.push('/');
    out.push_str(&token.replace('~', "~0").replace('/', "~1"));
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
        let json = MIN.replace("\"place\": \"Hà Nội\",", "");
        let msg = plan_from_json(&json, None).unwrap_err().to_string();
        assert!(msg.contains("missing field `place`"), "{msg}");
        // A summary may be left out only by the forms that have none.
        let json = MIN.replace("\"summary\": \"Về việc thử\",", "");
        let msg = plan_from_json(&json, None).unwrap_err().to_string();
        assert!(
            msg.contains("at `summary`: the summary (trích yếu) is empty"),
            "{msg}"
        );
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
