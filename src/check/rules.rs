//! The rules, over text lines and over a plan's JSON.

use unicode_normalization::{UnicodeNormalization, is_nfc};

use super::legacy::{Repair, repair_document};
use super::{Change, Finding, Location, Options, Report, Severity};
use crate::Error;
use crate::import::parse::{Kind, authority, bullet, number_line, numbered, place_date};
use crate::input::strings;
use crate::model::numbering::POINT_LETTERS;
use crate::model::{Appendix, Block, Plan, Section};

struct Out {
    findings: Vec<Finding>,
}

impl Out {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        rule: &'static str,
        severity: Severity,
        location: &Location,
        text: &str,
        vi: &str,
        en: &str,
        fix: Option<String>,
        safe: bool,
    ) {
        self.findings.push(Finding {
            rule,
            severity,
            location: location.clone(),
            line: None,
            column: None,
            text: text.to_string(),
            message_vi: vi.to_string(),
            message_en: en.to_string(),
            fix,
            safe,
        });
    }
}

use Severity::{Error as E, Warning as W};

/// Drops the characters a document may not hold (controls other than the tab and
/// the line breaks, non-characters), as the renderer refuses them.
fn strip_controls(t: &str) -> String {
    t.chars()
        .filter(|c| !crate::model::is_forbidden_char(*c))
        .collect()
}

/// The safe text fixes together, as `hygiene` proposes them one by one: forbidden
/// characters out, the surely-legacy words converted, NFC.
fn clean(repair: &Repair) -> String {
    repair.text.nfc().collect()
}

/// The runs of a document with the forbidden characters stripped, and their repairs.
fn repairs<S: AsRef<str>>(texts: &[S]) -> (Vec<String>, Vec<Repair>) {
    let stripped: Vec<String> = texts.iter().map(|t| strip_controls(t.as_ref())).collect();
    let repairs = repair_document(&stripped);
    (stripped, repairs)
}

/// A recipient item without its leading mark and its closing punctuation.
fn bare_recipient(t: &str) -> &str {
    t.trim_start_matches(['-', '+', '•', ' '])
        .trim_end_matches([';', '.', ','])
}

/// `«chuù» → «chú», «cña» → «của»`.
fn word_list(fixes: &[super::legacy::WordFix]) -> String {
    fixes
        .iter()
        .map(|f| format!("«{}» → «{}»", f.before, f.after))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Text hygiene: forbidden characters, legacy-encoded words, decomposed marks, double
/// spaces. `stripped` and `repair` are the text without its forbidden characters and
/// that text's legacy repair. Returns the text as the other rules should see it.
fn hygiene(
    out: &mut Out,
    loc: &Location,
    text: &str,
    stripped: &str,
    repair: &Repair,
    spaces: bool,
) -> String {
    let mut t = text.to_string();
    if stripped != text {
        out.push(
            "CONTROL",
            E,
            loc,
            text,
            "có ký tự điều khiển hoặc ký tự không hợp lệ, không in được",
            "holds control characters or non-characters that do not print",
            Some(stripped.to_string()),
            true,
        );
        t = stripped.to_string();
    }
    if !repair.converted.is_empty() {
        let names: Vec<&str> = repair.encodings().iter().map(|e| e.name()).collect();
        let names = names.join(", ");
        let words = word_list(&repair.converted);
        out.push(
            "LEGACY",
            E,
            loc,
            &t,
            &format!(
                "có từ gõ bằng bảng mã cũ {names} thay vì Unicode (TCVN 6909:2001): {words}"
            ),
            &format!(
                "holds words typed in the legacy {names} encoding instead of Unicode (TCVN 6909:2001): {words}"
            ),
            Some(repair.text.clone()),
            true,
        );
        t = repair.text.clone();
    }
    if !repair.suggested.is_empty() {
        let words = word_list(&repair.suggested);
        let name = repair.suggested[0].encoding.name();
        out.push(
            "LEGACY",
            W,
            loc,
            &t,
            &format!(
                "có thể gõ bằng bảng mã cũ {name}: {words}; các từ này cũng là chữ Unicode hợp lệ nên không tự sửa"
            ),
            &format!(
                "may be typed in the legacy {name} encoding: {words}; these are also valid Unicode words, so they are not fixed automatically"
            ),
            Some(repair.with_suggestions(stripped).nfc().collect()),
            false,
        );
    }
    if !is_nfc(&t) {
        let fixed: String = t.nfc().collect();
        out.push(
            "NFC",
            E,
            loc,
            &t,
            "dấu tiếng Việt ở dạng tổ hợp (Unicode tổ hợp), cần dựng sẵn (NFC)",
            "Vietnamese marks are decomposed; use precomposed characters (NFC)",
            Some(fixed.clone()),
            true,
        );
        t = fixed;
    }
    if spaces && let Some(fixed) = collapse_spaces(t.trim()) {
        out.push(
            "SPACES",
            W,
            loc,
            &t,
            "có hai dấu cách liền nhau",
            "has two spaces in a row",
            Some(fixed),
            false,
        );
    }
    t
}

/// Collapses runs of spaces that are not a draft's blank (before `/`, `tháng`,
/// `năm`, as in `số      /KH-UBND ngày      tháng 3`) nor an empty table cell
/// (`|  |`). `None` when there is nothing to collapse.
fn collapse_spaces(t: &str) -> Option<String> {
    if t.starts_with('|') {
        return None;
    }
    let mut out = String::with_capacity(t.len());
    let mut changed = false;
    let mut rest = t;
    while let Some(i) = rest.find("  ") {
        out.push_str(&rest[..i]);
        let after = rest[i..].trim_start_matches(' ');
        let blank =
            after.starts_with('/') || after.starts_with("tháng") || after.starts_with("năm");
        if blank {
            out.push_str(&rest[i..rest.len() - after.len()]);
        } else {
            out.push(' ');
            changed = true;
        }
        rest = after;
    }
    out.push_str(rest);
    changed.then_some(out)
}

fn is_upper(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// R13, R14: the number line as written.
fn number_rule(
    out: &mut Out,
    loc: &Location,
    t: &str,
    opts: &Options,
    doc_type: crate::model::DocType,
) {
    let Some((number, kind, issuer)) = number_line(t) else {
        return;
    };
    let symbol = format!("{kind}-{issuer}");
    let well_formed = t.starts_with("Số:")
        && !t.contains(" /")
        && !t.contains("/ ")
        && !t.contains(" -")
        && !t.contains("- ");
    match number {
        Some(n) => {
            let fixed = format!("Số: {n:02}/{symbol}");
            let digits: String = t
                .chars()
                .filter(|c| c.is_ascii_digit())
                .take_while(|_| true)
                .collect();
            let padded = n >= 10 || digits.starts_with('0');
            if !padded {
                out.push(
                    "R13",
                    E,
                    loc,
                    t,
                    "số dưới 10 phải có số 0 đứng trước",
                    "numbers below 10 take a leading 0",
                    Some(fixed),
                    true,
                );
            } else if !well_formed {
                out.push(
                    "R13", E, loc, t,
                    "viết «Số:», giữa số và ký hiệu là «/», giữa các nhóm chữ viết tắt là «-», không có dấu cách",
                    "write «Số:», then the number, «/» and the symbol, groups joined by «-», with no spaces",
                    Some(fixed), true,
                );
            }
        }
        None if opts.final_copy => out.push(
            "R13",
            E,
            loc,
            t,
            "bản chính thức phải có số văn bản",
            "a final copy needs its number",
            None,
            false,
        ),
        None => {}
    }
    if let Some(abbr) = doc_type.abbreviation()
        && kind != abbr
    {
        let name = doc_type.name();
        out.push(
            "R14",
            E,
            loc,
            t,
            &format!("ký hiệu «{kind}» không phải chữ viết tắt của {name} ({abbr})"),
            &format!("«{kind}» is not the abbreviation of a {name} ({abbr})"),
            Some(format!(
                "Số: {}/{abbr}-{issuer}",
                number.map_or(String::from("      "), |n| format!("{n:02}"))
            )),
            false,
        );
    }
}

/// R17: the place and date line as written.
fn date_rule(out: &mut Out, loc: &Location, t: &str, opts: &Options) {
    let Some((place, date)) = place_date(t) else {
        return;
    };
    let after = t.split_once("ngày").map_or("", |(_, r)| r);
    let day_txt = after.split("tháng").next().unwrap_or("").trim();
    let month_txt = after
        .split_once("tháng")
        .map_or("", |(_, r)| r.split("năm").next().unwrap_or(""))
        .trim();
    let fixed = format!("{place}, {date}");
    if date.day.is_some_and(|d| d < 10) && !day_txt.starts_with('0')
        || matches!(date.month, Some(1 | 2)) && !month_txt.starts_with('0')
    {
        out.push(
            "R17",
            E,
            loc,
            t,
            "ngày dưới 10 và tháng 1, 2 phải có số 0 đứng trước",
            "days below 10 and months 1 and 2 take a leading 0",
            Some(fixed.clone()),
            true,
        );
    } else if date.month.is_some_and(|m| m >= 3) && month_txt.starts_with('0') {
        out.push(
            "R17",
            W,
            loc,
            t,
            "tháng 3 đến 12 không cần số 0 đứng trước",
            "months 3 to 12 need no leading 0",
            Some(fixed),
            true,
        );
    }
    if opts.final_copy && (date.day.is_none() || date.month.is_none()) {
        out.push(
            "R17",
            E,
            loc,
            t,
            "bản chính thức phải ghi đủ ngày, tháng",
            "a final copy needs its day and month",
            None,
            false,
        );
    }
}

/// R20: the summary is not all capitals.
fn summary_rule(out: &mut Out, loc: &Location, t: &str) {
    if is_upper(t) && t.chars().filter(|c| c.is_alphabetic()).count() > 3 {
        out.push(
            "R20",
            E,
            loc,
            t,
            "trích yếu nội dung viết chữ in thường (chỉ viết hoa chữ cái đầu và danh từ riêng)",
            "the summary is written in normal case, not all capitals",
            None,
            false,
        );
    }
}

/// R22: `Căn cứ ...;` lines, the last ending with `.`. The proposal lines a
/// decision adds after them (`Theo đề nghị …`, `Xét …`) belong to the chain: the
/// căn cứ before them end with `;`, and the last line of all ends with `.`, which
/// on a proposal line is a warning (real decisions end `Xét đề nghị …,` too).
fn legal_bases_rule(out: &mut Out, items: &[(Location, String)]) {
    let is_proposal = |t: &str| t.starts_with("Theo đề nghị") || t.starts_with("Xét ");
    let mut bases: Vec<&(Location, String)> = Vec::new();
    for item in items {
        if item.1.starts_with("Căn cứ") || (!bases.is_empty() && is_proposal(&item.1)) {
            bases.push(item);
        }
    }
    for (k, (loc, t)) in bases.iter().enumerate() {
        let last = k + 1 == bases.len();
        let proposal = is_proposal(t);
        if proposal && !last {
            continue;
        }
        let want = if last { '.' } else { ';' };
        if !t.ends_with(want) {
            let body = t.trim_end_matches([';', '.', ',', ':']);
            out.push(
                "R22",
                if proposal { W } else { E },
                loc,
                t,
                if last {
                    "căn cứ cuối cùng kết thúc bằng dấu «.»"
                } else {
                    "mỗi căn cứ kết thúc bằng dấu «;»"
                },
                if last {
                    "the last legal basis ends with «.»"
                } else {
                    "each legal basis ends with «;»"
                },
                Some(format!("{body}{want}")),
                false,
            );
        }
    }
}

/// R40 and R41 on a body paragraph.
fn prose_rules(out: &mut Out, loc: &Location, t: &str) {
    // R40: a capital after a sentence's full stop.
    let words: Vec<&str> = t.split(' ').collect();
    for w in words.windows(2) {
        let (prev, next) = (w[0], w[1]);
        let stem = prev.trim_end_matches(['.', '?', '!']);
        // Not after an abbreviation (`TP.`, `TS.`, `v.v.`) or a number (`1.`).
        let ends_sentence = (prev.ends_with('.') || prev.ends_with('?') || prev.ends_with('!'))
            && !prev.ends_with("..")
            && stem.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && stem.chars().any(char::is_lowercase)
            && !stem.contains(['.', '/']);
        if ends_sentence && next.chars().next().is_some_and(char::is_lowercase) {
            out.push(
                "R40",
                E,
                loc,
                &format!("{prev} {next}"),
                "chữ đầu câu phải viết hoa",
                "a sentence starts with a capital letter",
                None,
                false,
            );
        }
    }
    // R41: a generic unit noun before a proper name, in the middle of a sentence.
    const UNITS: &[&str] = &[
        "Tỉnh",
        "Huyện",
        "Xã",
        "Phường",
        "Quận",
        "Thị trấn",
        "Thị xã",
    ];
    for i in 1..words.len() {
        let prev = words[i - 1];
        if prev.ends_with(['.', ':', '(', '“', '"']) || prev.is_empty() {
            continue;
        }
        for unit in UNITS {
            let unit_words: Vec<&str> = unit.split(' ').collect();
            if words[i..].starts_with(&unit_words)
                && let Some(name) = words.get(i + unit_words.len())
                && name.chars().next().is_some_and(|c| c.is_uppercase())
                && !name.chars().next().is_some_and(|c| c.is_ascii_digit())
            {
                let lower = unit.to_lowercase();
                out.push(
                    "R41",
                    W,
                    loc,
                    &format!("{} {}", unit, name),
                    &format!("danh từ chung chỉ đơn vị hành chính viết thường: «{lower} {name}»"),
                    &format!("the generic unit noun is lower case: «{lower} {name}»"),
                    None,
                    false,
                );
            }
        }
    }
}

/// R26: an authority or title line of the signature.
fn authority_rule(out: &mut Out, loc: &Location, t: &str) {
    let Some((prefix, rest)) = t.split_once(' ') else {
        return;
    };
    let good = ["TM.", "KT.", "TL.", "TUQ.", "Q."];
    if let Some((form, of)) = authority(t) {
        let canonical = crate::model::Authority {
            form,
            of: of.clone(),
        };
        let fixed = format!("{} {}", canonical.form.prefix(), of.to_uppercase());
        if !good.contains(&prefix) || !is_upper(rest) {
            out.push(
                "R26",
                E,
                loc,
                t,
                "quyền hạn ký viết «TM.», «KT.», «TL.», «TUQ.» hoặc «Q.», chữ in hoa",
                "the authority prefix is «TM.», «KT.», «TL.», «TUQ.» or «Q.», in capitals",
                Some(fixed),
                is_upper(rest),
            );
        }
    } else if ["KT", "TM", "TL", "TUQ"].contains(&prefix.to_uppercase().trim_end_matches('.')) {
        out.push(
            "R26",
            E,
            loc,
            t,
            "quyền hạn ký viết «TM.», «KT.», «TL.», «TUQ.» hoặc «Q.», chữ in hoa",
            "the authority prefix is «TM.», «KT.», «TL.», «TUQ.» or «Q.», in capitals",
            None,
            false,
        );
    }
}

/// R27: the signer's name.
fn name_rule(out: &mut Out, loc: &Location, t: &str) {
    let first = t.split(' ').next().unwrap_or("");
    let titled = ["GS", "PGS", "TS", "ThS", "KS", "BS"]
        .iter()
        .any(|p| first.trim_end_matches('.') == *p);
    if titled {
        out.push(
            "R27",
            E,
            loc,
            t,
            "không ghi học hàm, học vị trước họ tên người ký",
            "no academic title before the signer's name",
            None,
            false,
        );
    } else if is_upper(t) {
        out.push(
            "R27",
            E,
            loc,
            t,
            "họ tên người ký viết chữ in thường, không in hoa toàn bộ",
            "the signer's name is in normal case, not all capitals",
            None,
            false,
        );
    }
}

/// R24: consecutive points follow the Vietnamese alphabet.
/// R37: an appendix label is `Phụ lục`, followed by a Roman numeral when the document
/// has two or more appendices (`index` is 0-based).
fn appendix_label_rule(out: &mut Out, loc: &Location, t: &str, index: usize, count: usize) {
    let expected = Appendix::default_label(index, count);
    // An empty label is no label: an attached programme or list, not a phụ lục.
    if t.trim() == expected || t.is_empty() {
        return;
    }
    let (vi, en) = if count < 2 {
        (
            "nhãn phụ lục viết «Phụ lục» (chữ thường, không đánh số khi chỉ có một phụ lục)",
            "an appendix is labelled «Phụ lục» (normal case, no number when there is one)",
        )
    } else {
        (
            "khi có từ hai phụ lục, nhãn là «Phụ lục» và số La Mã theo thứ tự",
            "with two or more appendices, each is labelled «Phụ lục» and its Roman numeral in order",
        )
    };
    out.push("R37", E, loc, t, vi, en, Some(expected), false);
}

fn point_sequence(out: &mut Out, points: &[(Location, String, char)]) {
    for pair in points.windows(2) {
        let (_, _, a) = &pair[0];
        let (loc, t, b) = &pair[1];
        let pos = |c: &char| POINT_LETTERS.iter().position(|l| l.starts_with(*c));
        if let (Some(i), Some(j)) = (pos(a), pos(b))
            && j != i + 1
            && j != 0
        {
            out.push(
                "R24",
                E,
                loc,
                t,
                &format!(
                    "sau «{a})» là «{})» theo bảng chữ cái tiếng Việt",
                    POINT_LETTERS[(i + 1).min(22)]
                ),
                &format!(
                    "after «{a})» comes «{})» in the Vietnamese alphabet",
                    POINT_LETTERS[(i + 1).min(22)]
                ),
                None,
                false,
            );
        } else if pos(b).is_none() {
            out.push(
                "R24",
                E,
                loc,
                t,
                &format!("«{b})» không dùng làm điểm (không có f, j, w, z)"),
                &format!("«{b})» is not a point letter (f, j, w and z are not used)"),
                None,
                false,
            );
        }
    }
}

/// Checks a document given as text lines. A document with no text, or whose closing
/// block (`Nơi nhận:`) comes before its title, is an error (exit code 2).
pub fn check_lines(raw: &[String], opts: &Options) -> Result<Report, Error> {
    if raw.iter().all(|l| l.trim().is_empty()) {
        return Err(Error::Import {
            file: None,
            message: "the document is empty: there is nothing to check".into(),
        });
    }
    let mut out = Out {
        findings: Vec::new(),
    };
    // Legacy words are repaired word by word; a line that gives no evidence of its
    // own follows the document's majority, for suggestions only.
    let trimmed: Vec<&str> = raw
        .iter()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '*'))
        .collect();
    let (stripped, fixes) = repairs(&trimmed);
    let lines: Vec<(Location, String)> = trimmed
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let loc = Location::Line(i + 1);
            let t = hygiene(&mut out, &loc, t, &stripped[i], &fixes[i], true);
            (loc, t)
        })
        .collect();

    // The title line as the import reads it (a fixed form's may run on:
    // `GIẤY MỜI HỌP`); without one, a Công văn's `V/v` line.
    let title_of = |t: &str| {
        crate::model::DocType::from_title(t).or_else(|| crate::import::parse::title_type(t))
    };
    let title_at = lines.iter().position(|(_, t)| title_of(t).is_some());
    let subject_at = lines.iter().position(|(_, t)| t.starts_with("V/v"));
    let letter = title_at.is_none() && subject_at.is_some();
    let doc_type = title_at
        .and_then(|i| title_of(&lines[i].1))
        .unwrap_or(if letter {
            crate::model::DocType::CongVan
        } else {
            crate::model::DocType::KeHoach
        });
    let closing_at = lines
        .iter()
        .position(|(_, t)| t.trim_end_matches(':').eq_ignore_ascii_case("Nơi nhận"));
    let mut closing_at = closing_at.unwrap_or(lines.len());
    if doc_type == crate::model::DocType::BienBan {
        // A Biên bản's signatures come before its Nơi nhận: its text ends at `./.`.
        if let Some(end) = lines[..closing_at]
            .iter()
            .rposition(|(_, t)| t.trim_end().ends_with("./."))
        {
            closing_at = end + 1;
        }
    }
    if let Some(t) = title_at
        && closing_at < t
    {
        return Err(Error::Import {
            file: None,
            message: format!(
                "line {}: «Nơi nhận:» comes before the title on line {}; the document's parts are out of order",
                closing_at + 1,
                t + 1
            ),
        });
    }
    // Without a title line, every line may be a header line; a Công văn's header
    // runs to its date line after the V/v.
    let letter_body = subject_at.filter(|_| letter).map(|v| {
        lines[v..closing_at]
            .iter()
            .position(|(_, t)| crate::import::parse::place_date(t).is_some())
            .map_or(v + 1, |k| v + k + 1)
    });
    let header_end = title_at.or(letter_body).unwrap_or(closing_at);
    let title_at = title_at.unwrap_or(0);

    for (loc, t) in &lines[..header_end.min(lines.len())] {
        number_rule(&mut out, loc, t, opts, doc_type);
        date_rule(&mut out, loc, t, opts);
    }
    if let Some((loc, t)) = lines.get(title_at)
        && crate::model::DocType::from_title(t).is_some()
        && !is_upper(t)
    {
        out.push(
            "R19",
            E,
            loc,
            t,
            "tên loại văn bản viết chữ in hoa",
            "the document type is written in capitals",
            Some(t.to_uppercase()),
            false,
        );
    }
    // The summary: up to the first blank line after the title (a Công văn's is
    // its V/v, read with the header).
    let mut i = letter_body.map_or(title_at + 1, |b| b.min(closing_at));
    if letter_body.is_some() {
        while i < closing_at && !lines[i].1.is_empty() {
            i += 1;
        }
    }
    while i < closing_at && lines[i].1.is_empty() {
        i += 1;
    }
    while i < closing_at
        && !lines[i].1.is_empty()
        && numbered(&lines[i].1).is_none()
        && !lines[i].1.starts_with("Căn cứ")
        && !lines[i].1.starts_with("Thực hiện")
    {
        summary_rule(&mut out, &lines[i].0, &lines[i].1);
        i += 1;
    }
    // The body.
    let body: Vec<&(Location, String)> = lines[i.min(closing_at)..closing_at]
        .iter()
        .filter(|(_, t)| !t.is_empty())
        .collect();
    let bases: Vec<(Location, String)> = body
        .iter()
        .take_while(|(_, t)| numbered(t).is_none())
        .map(|x| (*x).clone())
        .collect();
    legal_bases_rule(&mut out, &bases);
    if doc_type.form() == crate::model::Form::Decision {
        decision_rules(&mut out, doc_type, &lines[title_at + 1..]);
    }
    mark_lines_rule(&mut out, &lines[..header_end.min(lines.len())]);
    copy_lines_rule(&mut out, &lines);
    let mut points: Vec<(Location, String, char)> = Vec::new();
    for (loc, t) in &body {
        match numbered(t) {
            Some((Kind::Roman, rest))
                if rest.chars().any(char::is_lowercase)
                    && !crate::import::parse::numbered_sentence(rest) =>
            {
                out.push(
                    "R23",
                    E,
                    loc,
                    t,
                    "tiêu đề mục (số La Mã) viết chữ in hoa",
                    "a section (Roman numeral) title is in capitals",
                    Some(format!(
                        "{} {}",
                        t.split(' ').next().unwrap_or(""),
                        rest.to_uppercase()
                    )),
                    false,
                )
            }
            Some((Kind::Letter, _)) => {
                let c = t.chars().next().unwrap_or('a');
                if t.chars().nth(1) == Some('.') {
                    out.push(
                        "R23",
                        E,
                        loc,
                        t,
                        "điểm ghi bằng chữ cái và dấu «)»",
                        "a point is a letter followed by «)»",
                        Some(format!("{c}){}", &t[c.len_utf8() + 1..])),
                        false,
                    );
                }
                points.push(((*loc).clone(), t.clone(), c));
                continue;
            }
            Some(_) => {}
            None if bullet(t).is_none() => prose_rules(&mut out, loc, t),
            None => {}
        }
        // Points restart under every other numbered line.
        if numbered(t).is_some() {
            point_sequence(&mut out, &points);
            points.clear();
        }
    }
    point_sequence(&mut out, &points);
    if let Some((loc, t)) = body.last()
        && !t.ends_with("./.")
    {
        out.push(
            "R25",
            W,
            loc,
            t,
            "đoạn cuối của nội dung kết thúc bằng dấu «./.»",
            "the last paragraph of the body ends with «./.»",
            Some(format!("{}./.", t.trim_end_matches('.'))),
            false,
        );
    }
    // Recipients, Lưu, signature; blank lines between them are nothing.
    let mut k = closing_at + 1;
    let mut items: Vec<&(Location, String)> = Vec::new();
    while k < lines.len() {
        let t = &lines[k].1;
        if t.is_empty() {
            k += 1;
            continue;
        }
        if bullet(t).is_none() && !t.starts_with(['•', '+']) {
            break;
        }
        items.push(&lines[k]);
        k += 1;
    }
    for (n, (loc, t)) in items.iter().enumerate() {
        let is_archive = t
            .trim_start_matches(['-', '+', '•', ' '])
            .starts_with("Lưu");
        if is_archive || n + 1 == items.len() {
            // Ô 12 may close it: `- Lưu: VT, HC. PL.(300)` (R35).
            let copies = t.rsplit_once(".(").is_some_and(|(_, n)| {
                n.strip_suffix(')')
                    .is_some_and(|n| n.parse::<u32>().is_ok())
            });
            let ok =
                t.starts_with("- Lưu: VT") && (t.ends_with('.') || copies) && !t.ends_with("..");
            if !ok {
                let rest = t
                    .trim_start_matches(['-', '+', '•', ' '])
                    .trim_start_matches("Lưu")
                    .trim_start_matches([':', ' ']);
                let rest = rest.trim_end_matches(['.', ';', ',']);
                out.push(
                    "R31",
                    E,
                    loc,
                    t,
                    "dòng cuối nơi nhận là «- Lưu: VT, …» và kết thúc bằng dấu «.»",
                    "the last recipient line is «- Lưu: VT, …» and ends with «.»",
                    Some(format!("- Lưu: {rest}.")),
                    rest.starts_with("VT") && t.starts_with("- Lưu"),
                );
            }
        } else if !(t.starts_with("- ") && t.ends_with(';')) {
            let body = bare_recipient(t);
            let missing_only = t.starts_with("- ") && !t.ends_with([',', '.', ':']);
            out.push(
                "R30",
                E,
                loc,
                t,
                "mỗi nơi nhận bắt đầu bằng «- » và kết thúc bằng dấu «;»",
                "each recipient starts with «- » and ends with «;»",
                Some(format!("- {body};")),
                missing_only,
            );
        }
    }
    // The signature: authority and title lines, then the name (the first line in
    // normal case, or an all-capital line that is no title).
    for (loc, t) in lines[k.min(lines.len())..]
        .iter()
        .filter(|(_, t)| !t.is_empty())
    {
        let prefixed = authority(t).is_some()
            || ["KT", "TM", "TL", "TUQ"].contains(
                &t.split(' ')
                    .next()
                    .unwrap_or("")
                    .to_uppercase()
                    .trim_end_matches('.'),
            );
        if prefixed {
            authority_rule(&mut out, loc, t);
        } else if t.chars().any(char::is_lowercase) || is_name_like(t) {
            name_rule(&mut out, loc, t);
            break;
        }
    }
    let labels: Vec<&(Location, String)> = lines[closing_at.min(lines.len())..]
        .iter()
        .filter(|(_, t)| Appendix::is_label_line(t))
        .collect();
    for (i, (loc, t)) in labels.iter().enumerate() {
        appendix_label_rule(&mut out, loc, t, i, labels.len());
    }
    Ok(Report {
        findings: out.findings,
    })
}

/// An all-capital line that reads like a person's name rather than a title.
fn is_name_like(t: &str) -> bool {
    const TITLES: &[&str] = &[
        "CHỦ TỊCH",
        "GIÁM ĐỐC",
        "TRƯỞNG",
        "THỨ",
        "ỦY BAN",
        "UBND",
        "BỘ",
        "SỞ",
        "CỤC",
        "VỤ",
        "PHÓ",
        "CHÁNH",
        "VĂN PHÒNG",
        "BAN",
        "HỘI ĐỒNG",
        "TỔNG",
        "ĐỐC",
        "BÍ THƯ",
        "CHỈ HUY",
    ];
    t.split(' ').count() >= 2 && !TITLES.iter().any(|w| t.contains(w))
}

fn text_paths(sections: &[Section], path: &str, out: &mut Vec<(Location, String)>) {
    for (i, s) in sections.iter().enumerate() {
        let p = format!("{path}[{i}]");
        for (j, b) in s.content.iter().enumerate() {
            if let Block::Paragraph(t) = b {
                out.push((Location::Path(format!("{p}.content[{j}]")), t.plain()));
            }
        }
        text_paths(&s.sections, &format!("{p}.sections"), out);
    }
}

/// A JSON document as a value, read as strictly as the renderer reads it: the
/// document must be a plan (duplicate keys, unknown fields, wrong types are errors
/// with their line and column), so that `check` and `render` give one answer.
fn parse_value(json: &str) -> Result<serde_json::Value, Error> {
    crate::input::parse_plan(json, None)?;
    serde_json::from_str(json).map_err(|e| Error::Json {
        file: None,
        path: ".".into(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// Checks a plan given as JSON. Input that is not a plan is an error (exit code 2).
/// Findings carry the line and column of their value in `json`.
pub fn check_json(json: &str, opts: &Options) -> Result<Report, Error> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let mut report = check_value(json, opts)?;
    for f in &mut report.findings {
        if let Location::Path(p) = &f.location
            && let Some((line, column)) = crate::input::locate(json, p)
        {
            f.line = Some(line);
            f.column = Some(column);
        }
    }
    Ok(report)
}

fn check_value(json: &str, opts: &Options) -> Result<Report, Error> {
    let mut out = Out {
        findings: Vec::new(),
    };
    let value = parse_value(json)?;
    let mut all = Vec::new();
    strings(&value, "", &mut all);
    let texts: Vec<&str> = all.iter().map(|(_, s)| s.as_str()).collect();
    let (stripped, fixes) = repairs(&texts);
    for (i, (path, s)) in all.iter().enumerate() {
        hygiene(
            &mut out,
            &Location::Path(path.clone()),
            s,
            &stripped[i],
            &fixes[i],
            true,
        );
    }
    // Rules on what the user typed; legacy text is read converted.
    let fixed = apply_fixes(value, false, &fixes, &mut Vec::new());
    let plan = plan_of_fixed(json, &fixed)?;
    let at = |p: &str| Location::Path(p.to_string());
    summary_rule(&mut out, &at("summary"), &plan.summary.plain());
    let pre: Vec<(Location, String)> = plan
        .preamble
        .iter()
        .enumerate()
        .map(|(i, t)| (at(&format!("preamble[{i}]")), t.plain()))
        .collect();
    legal_bases_rule(&mut out, &pre);
    let mut prose = Vec::new();
    text_paths(&plan.sections, "sections", &mut prose);
    for (loc, t) in pre.iter().chain(&prose) {
        prose_rules(&mut out, loc, t);
    }
    for (i, item) in plan.recipients.items.iter().enumerate() {
        if item.starts_with(['-', '+', '•']) || item.ends_with([';', '.', ',']) {
            let body = bare_recipient(item);
            out.push(
                "R30",
                E,
                &at(&format!("recipients.items[{i}]")),
                item,
                "viết nơi nhận không kèm «- » và «;»: mẫu tự thêm vào",
                "write the recipient without «- » and «;»: the template adds them",
                Some(body.to_string()),
                true,
            );
        }
    }
    let archive = &plan.recipients.archive;
    // A Biên bản may go without Nơi nhận (Mẫu 1.9 puts it under the signatures).
    let none = plan.recipients.is_empty() && plan.doc_type == crate::model::DocType::BienBan;
    if !archive.starts_with("VT") && !none {
        out.push(
            "R31",
            E,
            &at("recipients.archive"),
            archive,
            "dòng «Lưu:» bắt đầu bằng «VT» (văn thư)",
            "the «Lưu:» line starts with «VT» (the records office)",
            None,
            false,
        );
    }
    type_rules(&mut out, &plan);
    marks_rules(&mut out, &plan);
    form_rules(&mut out, &plan);
    let sig = &plan.signature;
    let mut check_upper = |path: &str, t: &str| {
        if t.chars().any(char::is_lowercase) {
            out.push(
                "R26",
                E,
                &at(path),
                t,
                "quyền hạn, chức vụ người ký viết chữ in hoa",
                "the authority and the signer's title are in capitals",
                Some(t.to_uppercase()),
                false,
            );
        }
    };
    if let Some(c) = &sig.collective {
        check_upper("signature.collective", c);
    }
    if let Some(a) = &sig.authority {
        check_upper("signature.authority.of", &a.of);
    }
    if let Some(t) = &sig.title {
        check_upper("signature.title", t);
    }
    name_rule(&mut out, &at("signature.name"), &sig.name);
    let count = plan.appendices.len();
    for (i, a) in plan.appendices.iter().enumerate() {
        if let Some(label) = &a.label {
            appendix_label_rule(
                &mut out,
                &at(&format!("appendices[{i}].label")),
                label,
                i,
                count,
            );
        }
        // Landscape pages are for tables (R1).
        let here = format!("appendices[{i}].");
        if a.landscape && !crate::input::tables(&plan).any(|(at, _)| at.starts_with(&here)) {
            out.push(
                "R1",
                W,
                &at(&format!("appendices[{i}].landscape")),
                "true",
                "chỉ trình bày trang nằm ngang khi trang có bảng",
                "landscape pages are for pages holding tables",
                Some("false".into()),
                false,
            );
        }
        // The body must name each appendix (R37).
        let name = plan.appendix_label(i);
        if name.is_empty() {
            continue;
        }
        let named = pre.iter().chain(&prose).any(|(_, t)| {
            t.match_indices(&name).any(|(k, _)| {
                // `Phụ lục I` is not named by `Phụ lục II`.
                !t[k + name.len()..].starts_with(['I', 'V', 'X'])
            })
        });
        if !named {
            out.push(
                "R37",
                W,
                &at(&format!("appendices[{i}]")),
                &name,
                "nội dung văn bản phải dẫn chiếu đến phụ lục này",
                "the body should refer to this appendix",
                None,
                false,
            );
        }
    }
    if opts.final_copy {
        if plan.header.number.is_none() {
            out.push(
                "R13",
                E,
                &at("header.number"),
                "null",
                "bản chính thức phải có số văn bản",
                "a final copy needs its number",
                None,
                false,
            );
        }
        if plan.header.date.day.is_none() || plan.header.date.month.is_none() {
            out.push(
                "R17",
                E,
                &at("header.date"),
                &plan.header.date.to_string(),
                "bản chính thức phải ghi đủ ngày, tháng",
                "a final copy needs its day and month",
                None,
                false,
            );
        }
    }
    Ok(Report {
        findings: out.findings,
    })
}

/// The number of `Điều 3.` / `Điều 3:` at the start of a line.
fn article_number(t: &str) -> Option<u32> {
    let rest = t.strip_prefix("Điều ")?;
    let end = rest.find(|c: char| !c.is_ascii_digit())?;
    (end > 0 && rest[end..].starts_with(['.', ':'])).then(|| rest[..end].parse().ok())?
}

/// A Quyết định's or Nghị quyết's text after its title: the `QUYẾT ĐỊNH:` line
/// before `Điều 1.` (R48) and its articles numbered without a gap (R47; an attached
/// Quy chế or Điều lệ starts again at `Điều 1.`).
fn decision_rules(out: &mut Out, t: crate::model::DocType, lines: &[(Location, String)]) {
    let label = if t == crate::model::DocType::NghiQuyet {
        "QUYẾT NGHỊ:"
    } else {
        "QUYẾT ĐỊNH:"
    };
    let first = lines.iter().position(|(_, l)| article_number(l).is_some());
    if let Some(first) = first {
        let before = &lines[..first];
        if !before.iter().any(|(_, l)| l == label) {
            let bare = before
                .iter()
                .rfind(|(_, l)| l == label.trim_end_matches(':'));
            let (loc, text) = bare.map_or((&lines[first].0, ""), |(loc, l)| (loc, l.as_str()));
            out.push(
                "R48",
                E,
                loc,
                text,
                &format!("trước «Điều 1.» có dòng «{label}» riêng"),
                &format!("a «{label}» line of its own stands before «Điều 1.»"),
                bare.map(|_| label.to_string()),
                bare.is_some(),
            );
        }
    }
    let mut prev = 0;
    for (loc, l) in lines {
        let Some(n) = article_number(l) else { continue };
        if n != prev + 1 && n != 1 {
            out.push(
                "R47",
                E,
                loc,
                l,
                &format!("số điều liên tục: sau Điều {prev} là Điều {}", prev + 1),
                &format!(
                    "articles are numbered without a gap: Điều {} follows Điều {prev}",
                    prev + 1
                ),
                None,
                false,
            );
        }
        prev = n;
    }
}

/// `Như Điều 3` (a recipient as written in JSON, or `- Như Điều 3;` in text): the
/// article it names.
fn as_in_article(item: &str) -> Option<u32> {
    let rest = bare_recipient(item).strip_prefix("Như Điều ")?;
    rest.trim_end_matches([';', '.', ',']).trim().parse().ok()
}

/// The rules of a type's form (a Công văn's empty V/v is refused by the reader): a
/// Công văn's and a Tờ trình's Kính gửi (R32), `- Như trên;` for the addressees (R32), the authority
/// line agreeing with the signature (R46) and `- Như Điều N;` naming an article
/// of the Quyết định (R49).
fn type_rules(out: &mut Out, plan: &Plan) {
    use crate::model::{AuthorityForm, DocType, Form};
    let at = |p: &str| Location::Path(p.to_string());
    let t = plan.doc_type;
    if matches!(t, DocType::CongVan | DocType::ToTrinh) && plan.addressees.is_empty() {
        out.push(
            "R32",
            E,
            &at("addressees"),
            "",
            &format!("{} phải có «Kính gửi:»", t.name().to_lowercase()),
            &format!("a {} has its «Kính gửi:» addressees", t.name()),
            None,
            false,
        );
    }
    let items = &plan.recipients.items;
    if !plan.addressees.is_empty() && items.first().map(|i| bare_recipient(i)) != Some("Như trên")
    {
        out.push(
            "R32",
            E,
            &at("recipients.items[0]"),
            items.first().map_or("", String::as_str),
            "văn bản có «Kính gửi» thì nơi nhận mở đầu bằng «- Như trên;»",
            "with «Kính gửi» addressees, the recipients open with «- Như trên;»",
            None,
            false,
        );
    }
    if t.form() != Form::Decision {
        return;
    }
    let articles = plan.sections.len() as u32;
    for (i, item) in items.iter().enumerate() {
        if let Some(n) = as_in_article(item)
            && (n == 0 || n > articles)
        {
            out.push(
                "R49",
                E,
                &at(&format!("recipients.items[{i}]")),
                item,
                &format!("«Như Điều {n}» chỉ đến một điều không có (quyết định có {articles} điều)"),
                &format!("«Như Điều {n}» names an article the decision does not have ({articles} articles)"),
                Some(format!("Như Điều {articles}")),
                false,
            );
        }
    }
    // The one who decides is the one who signs: `CHỦ TỊCH …` signs as CHỦ TỊCH (or
    // KT./TL./TUQ./Q. CHỦ TỊCH), a collective `ỦY BAN NHÂN DÂN …` as TM. its name.
    let line = plan.authority.join(" ").to_uppercase();
    let sig = &plan.signature;
    let head = match &sig.authority {
        Some(a) => Some((a.form == AuthorityForm::Tm, a.of.to_uppercase())),
        None => sig.title.as_ref().map(|t| (false, t.to_uppercase())),
    };
    if let (false, Some((collective, head))) = (line.is_empty(), head)
        && !line.starts_with(&head)
    {
        let (vi, en) = if collective {
            (
                "ký thay mặt tập thể (TM.) nhưng dòng thẩm quyền là của người đứng đầu",
                "signed for a collective (TM.) but the authority line is the head's",
            )
        } else {
            (
                "người ký không phải người có thẩm quyền ghi ở dòng thẩm quyền ban hành",
                "the signature is not that of the authority named under the summary",
            )
        };
        out.push(
            "R46",
            E,
            &at("signature"),
            &format!("{line} / {head}"),
            vi,
            en,
            None,
            false,
        );
    }
}

/// The plan of a fixed JSON value; an error in it is placed in the original text.
fn plan_of_fixed(json: &str, fixed: &serde_json::Value) -> Result<Plan, Error> {
    crate::input::plan_from_json(&fixed.to_string(), None).map_err(|e| match e {
        Error::Json {
            file,
            path,
            message,
            ..
        }
        | Error::Invalid {
            file,
            path,
            message,
        } => crate::input::error_at(json, file, path, message),
        e => e,
    })
}

/// Applies the safe fixes to every string of a JSON value: forbidden characters,
/// surely-legacy words, NFC; and the recipients' own punctuation. Each change is
/// described in `changes` as (path, before, after).
fn fix_value(
    v: serde_json::Value,
    recipients: bool,
    changes: &mut Vec<Change>,
) -> serde_json::Value {
    let mut all = Vec::new();
    strings(&v, "", &mut all);
    let texts: Vec<&str> = all.iter().map(|(_, s)| s.as_str()).collect();
    let (_, fixes) = repairs(&texts);
    apply_fixes(v, recipients, &fixes, changes)
}

/// [`fix_value`] with the repairs of the value's strings, in [`strings`] order.
fn apply_fixes(
    mut v: serde_json::Value,
    recipients: bool,
    fixes: &[Repair],
    changes: &mut Vec<Change>,
) -> serde_json::Value {
    let mut fixed = fixes.iter().map(clean);
    fn walk(
        v: &mut serde_json::Value,
        path: &str,
        recipients: bool,
        fixed: &mut dyn Iterator<Item = String>,
        changes: &mut Vec<Change>,
    ) {
        match v {
            serde_json::Value::String(s) => {
                let mut t = fixed.next().unwrap_or_else(|| s.clone());
                if recipients && path.starts_with("recipients.items[") {
                    t = bare_recipient(&t).to_string();
                }
                if t != *s {
                    changes.push(Change {
                        path: path.to_string(),
                        before: std::mem::replace(s, t.clone()),
                        after: t,
                    });
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter_mut().enumerate() {
                    walk(x, &format!("{path}[{i}]"), recipients, fixed, changes);
                }
            }
            serde_json::Value::Object(m) => {
                for (k, x) in m.iter_mut() {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    walk(x, &p, recipients, fixed, changes);
                }
            }
            _ => {}
        }
    }
    walk(&mut v, "", recipients, &mut fixed, changes);
    v
}

/// Fixes a plan's JSON: the safe fixes only. Returns the fixed plan and the changes.
pub fn fix_json(json: &str) -> Result<(Plan, Vec<Change>), Error> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let value = parse_value(json)?;
    let mut changes = Vec::new();
    let fixed = fix_value(value, true, &mut changes);
    let plan = plan_of_fixed(json, &fixed)?;
    Ok((plan, changes))
}

/// The safe fixes of a text document's lines, for import: forbidden characters
/// out, surely-legacy words converted, NFC. With `whole_legacy` (the user says the
/// whole document is TCVN3 or VNI), the words the check only suggests are converted
/// too.
///
/// ```
/// let lines = ["Nôi nhaän:".to_string()];
/// assert_eq!(vanban::check::fix_lines(&lines, false), ["Nôi nhận:"]);
/// assert_eq!(vanban::check::fix_lines(&lines, true), ["Nơi nhận:"]);
/// ```
pub fn fix_lines(raw: &[String], whole_legacy: bool) -> Vec<String> {
    let (stripped, fixes) = repairs(raw);
    fixes
        .iter()
        .zip(&stripped)
        .map(|(r, s)| {
            if whole_legacy {
                r.with_suggestions(s).nfc().collect()
            } else {
                clean(r)
            }
        })
        .collect()
}

/// R33-R35, R39: the marks a records office adds, and the copy.
fn marks_rules(out: &mut Out, plan: &Plan) {
    use crate::model::{CONFIDENTIALITY, URGENCY};
    let at = |p: &str| Location::Path(p.to_string());
    let m = &plan.marks;
    if let Some(u) = &m.urgency {
        let norm = crate::model::Marks::urgency_key(u);
        if !URGENCY.contains(&norm.as_str()) {
            out.push(
                "R33",
                E,
                &at("marks.urgency"),
                u,
                "Nghị định 30 chỉ có ba mức độ khẩn: «HỎA TỐC», «THƯỢNG KHẨN», «KHẨN» (không có «HỎA TỐC HẸN GIỜ»)",
                "the decree has three urgency levels: «HỎA TỐC», «THƯỢNG KHẨN», «KHẨN» (no «HỎA TỐC HẸN GIỜ»)",
                None,
                false,
            );
        } else if norm != u.trim() && u.trim() != "HOẢ TỐC" {
            out.push(
                "R33",
                E,
                &at("marks.urgency"),
                u,
                "mức độ khẩn viết chữ in hoa",
                "the urgency mark is written in capitals",
                Some(norm),
                true,
            );
        }
    }
    if let Some(c) = &m.confidentiality {
        let norm = c.trim().to_uppercase();
        if !CONFIDENTIALITY.contains(&norm.as_str()) {
            out.push(
                "R34",
                E,
                &at("marks.confidentiality"),
                c,
                "độ mật là «TUYỆT MẬT», «TỐI MẬT» hoặc «MẬT»",
                "confidentiality is «TUYỆT MẬT», «TỐI MẬT» or «MẬT»",
                None,
                false,
            );
        } else if norm != c.trim() {
            out.push(
                "R34",
                E,
                &at("marks.confidentiality"),
                c,
                "độ mật viết chữ in hoa",
                "the confidentiality mark is written in capitals",
                Some(norm),
                true,
            );
        }
    }
    if let Some(c) = &m.circulation {
        capitals_rule(
            out,
            ("R34", E),
            "marks.circulation",
            c,
            "chỉ dẫn phạm vi lưu hành viết chữ in hoa, đứng",
            "the circulation note is written in upright capitals",
            true,
        );
    }
    let r = &plan.recipients;
    if let Some(d) = &r.drafter {
        capitals_rule(
            out,
            ("R35", E),
            "recipients.drafter",
            d,
            "ký hiệu người soạn thảo viết chữ in hoa (ô 12)",
            "the drafter's symbol is written in capitals (ô 12)",
            true,
        );
    }
    if r.copies == Some(0) || (r.copies.is_some() && r.drafter.is_none()) {
        out.push(
            "R35",
            E,
            &at("recipients.copies"),
            &r.copies.unwrap_or_default().to_string(),
            "số lượng bản phát hành đứng sau ký hiệu người soạn thảo và lớn hơn 0 (PL.(300))",
            "the number of copies follows the drafter's symbol and is above 0 (PL.(300))",
            None,
            false,
        );
    }
    if let Some(c) = &plan.copy
        && c.date.is_before(&plan.header.date)
    {
        out.push(
            "R39",
            E,
            &at("copy.date"),
            &c.date.to_string(),
            &format!(
                "bản sao không thể có trước văn bản được sao ({})",
                plan.header.date
            ),
            &format!(
                "a copy cannot be older than the document it copies ({})",
                plan.header.date
            ),
            None,
            false,
        );
    }
}

/// A value at `path` that is to be written in capitals: the finding, with the
/// value in capitals as its fix (applied by `--fix` when `safe`).
fn capitals_rule(
    out: &mut Out,
    (rule, severity): (&'static str, Severity),
    path: &str,
    text: &str,
    vi: &str,
    en: &str,
    safe: bool,
) {
    let upper = text.trim().to_uppercase();
    if upper != text.trim() {
        let at = Location::Path(path.to_string());
        out.push(rule, severity, &at, text, vi, en, Some(upper), safe);
    }
}

/// R50-R53: the fixed forms (Mẫu 1.6-1.10) and the name line.
fn form_rules(out: &mut Out, plan: &Plan) {
    use crate::model::DocType;
    let at = |p: &str| Location::Path(p.to_string());
    let t = plan.doc_type;
    if t == DocType::BienBan && plan.cosigners.is_empty() {
        out.push(
            "R50",
            E,
            &at("cosigners"),
            &plan.signature.name,
            "biên bản có hai chữ ký: thư ký (người ghi biên bản) và chủ tọa (Mẫu 1.9)",
            "a Biên bản is signed by its secretary and its chair (Mẫu 1.9)",
            None,
            false,
        );
    }
    if let Some(i) = &plan.introduction
        && i.valid_until.is_before(&plan.header.date)
    {
        out.push(
            "R51",
            E,
            &at("introduction.valid_until"),
            &i.valid_until.to_string(),
            &format!(
                "giấy giới thiệu hết giá trị trước ngày ký ({})",
                plan.header.date
            ),
            &format!(
                "the introduction expires before it is issued ({})",
                plan.header.date
            ),
            None,
            false,
        );
    }
    if let Some(l) = &plan.leave
        && l.from.is_before(&l.request_date)
    {
        out.push(
            "R51",
            W,
            &at("leave.from"),
            &l.from.to_string(),
            &format!("kỳ nghỉ bắt đầu trước ngày làm đơn ({})", l.request_date),
            &format!(
                "the leave starts before it was asked for ({})",
                l.request_date
            ),
            None,
            false,
        );
    }
    if let Some(title) = &plan.title {
        let name = t.name().to_uppercase();
        let upper = title.trim().to_uppercase();
        if !upper.starts_with(&name) {
            out.push(
                "R52",
                E,
                &at("title"),
                title,
                &format!("dòng tên loại bắt đầu bằng tên loại văn bản «{name}»"),
                &format!("the name line starts with the type's name «{name}»"),
                None,
                false,
            );
        } else if upper != title.trim() {
            out.push(
                "R52",
                E,
                &at("title"),
                title,
                "tên loại văn bản viết chữ in hoa",
                "the type's name is written in capitals",
                Some(upper),
                true,
            );
        }
    }
    if t == DocType::CongDien
        && let Some(sender) = &plan.sender
    {
        capitals_rule(
            out,
            ("R53", W),
            "sender",
            sender,
            "tên cơ quan hoặc chức danh gửi công điện thường viết chữ in hoa («THỦ TƯỚNG CHÍNH PHỦ điện:»)",
            "a Công điện's sender is usually written in capitals («THỦ TƯỚNG CHÍNH PHỦ điện:»)",
            false,
        );
    }
}

/// R33 in a text: an urgency line in the header that is not one of the decree's
/// three levels (`HỎA TỐC HẸN GIỜ`, `KHẨN CẤP`).
fn mark_lines_rule(out: &mut Out, header: &[(Location, String)]) {
    for (loc, t) in header {
        let u = crate::model::Marks::urgency_key(t);
        let urgent = is_upper(t) && (u.contains("KHẨN") || u.contains("HỎA TỐC"));
        if urgent && !crate::model::URGENCY.contains(&u.as_str()) {
            out.push(
                "R33",
                E,
                loc,
                t,
                "Nghị định 30 chỉ có ba mức độ khẩn: «HỎA TỐC», «THƯỢNG KHẨN», «KHẨN»",
                "the decree has three urgency levels: «HỎA TỐC», «THƯỢNG KHẨN», «KHẨN»",
                None,
                false,
            );
        }
    }
}

/// R39 in a text: a copy's block (`SAO Y`, `SAO LỤC`, `TRÍCH SAO` on a line of its
/// own) has its number, with the symbol of its form: `Số: 05/SY-UBND`.
fn copy_lines_rule(out: &mut Out, lines: &[(Location, String)]) {
    use crate::model::CopyForm;
    for (k, (loc, t)) in lines.iter().enumerate() {
        let form = [CopyForm::SaoY, CopyForm::SaoLuc, CopyForm::TrichSao]
            .into_iter()
            .find(|f| t.trim() == f.name());
        let Some(form) = form else { continue };
        let near = lines[k.saturating_sub(4)..(k + 5).min(lines.len())]
            .iter()
            .find(|(_, l)| l.trim_start().starts_with("Số:"));
        let symbol = format!("/{}-", form.symbol());
        match near {
            Some((nloc, n)) if !n.replace(' ', "").contains(&symbol) => out.push(
                "R39",
                E,
                nloc,
                n,
                &format!(
                    "số của bản {} mang ký hiệu «{}» (Số: 05/{}-UBND)",
                    form.name().to_lowercase(),
                    form.symbol(),
                    form.symbol()
                ),
                &format!(
                    "the number of a {} copy carries the symbol «{}» (Số: 05/{}-UBND)",
                    form.name(),
                    form.symbol(),
                    form.symbol()
                ),
                None,
                false,
            ),
            Some(_) => {}
            None => out.push(
                "R39",
                E,
                loc,
                t,
                "bản sao có số và ký hiệu của bản sao (Số: 05/SY-UBND)",
                "a copy has its number and the copy's symbol (Số: 05/SY-UBND)",
                None,
                false,
            ),
        }
    }
}
