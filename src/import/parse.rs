//! Lines of an existing plan to the model.

use crate::Error;
use crate::model::{
    Appendix, Attachment, Authority, AuthorityForm, Block, DocType, Form, Header, IssueDate,
    NumberStyle, Plan, Recipients, Section, Signature, Text, nfc_in_place,
};

use super::Import;
use crate::model::numbering;

mod forms;
mod notes;

/// One source line: its 1-based number and its text, NFC, trimmed.
#[derive(Debug, Clone)]
struct Line {
    no: usize,
    text: String,
}

/// Document-type lines that mark a document as not a plan.
const OTHER_TYPES: &[&str] = &[
    "QUYẾT ĐỊNH",
    "NGHỊ QUYẾT",
    "CHỈ THỊ",
    "QUY CHẾ",
    "QUY ĐỊNH",
    "THÔNG CÁO",
    "THÔNG BÁO",
    "HƯỚNG DẪN",
    "CHƯƠNG TRÌNH",
    "PHƯƠNG ÁN",
    "ĐỀ ÁN",
    "DỰ ÁN",
    "BÁO CÁO",
    "BIÊN BẢN",
    "TỜ TRÌNH",
    "HỢP ĐỒNG",
    "CÔNG ĐIỆN",
    "GIẤY MỜI",
    "GIẤY GIỚI THIỆU",
    "CÔNG VĂN",
];

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn has_lower(s: &str) -> bool {
    s.chars().any(|c| c.is_lowercase())
}

fn is_upper_line(s: &str) -> bool {
    s.chars().any(|c| c.is_alphabetic()) && !has_lower(s)
}

fn is_rule(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| matches!(c, '-' | '_' | '=' | '─' | '—' | '–' | '*'))
}

fn is_national_title(s: &str) -> bool {
    let u = fold(s).to_uppercase();
    u == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" || u == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
}

fn is_motto(s: &str) -> bool {
    let u: String = fold(s)
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    u == "độclậptựdohạnhphúc"
}

/// `Số: 05/KH-UBND`, `Số:173    /KH-UBND`, `Số:      /KH-UBND`.
pub(crate) fn number_line(s: &str) -> Option<(Option<u32>, String, String)> {
    let rest = s.strip_prefix("Số")?;
    let rest = rest.trim_start().strip_prefix(':').unwrap_or(rest).trim();
    let (num, symbol) = rest.split_once('/')?;
    let num = num.trim();
    let number = if num.is_empty() {
        None
    } else {
        // Numbers start at 1: `Số: 0/…` is not a number line.
        Some(num.parse::<u32>().ok().filter(|n| *n > 0)?)
    };
    let symbol = fold(symbol).replace(' ', "");
    let (kind, issuer) = symbol.split_once('-')?;
    Some((number, kind.to_string(), issuer.to_string()))
}

/// A Công văn's `Số: 12/UBND` whose symbol has no drafting unit.
fn letter_number_line(s: &str) -> Option<(Option<u32>, String)> {
    let rest = s.strip_prefix("Số")?;
    let rest = rest.trim_start().strip_prefix(':').unwrap_or(rest).trim();
    let (num, symbol) = rest.split_once('/')?;
    let num = num.trim();
    let number = match num {
        "" => None,
        n => Some(n.parse::<u32>().ok().filter(|n| *n > 0)?),
    };
    let symbol = fold(symbol).replace(' ', "");
    (!symbol.is_empty() && symbol.chars().all(char::is_alphanumeric)).then_some((number, symbol))
}

/// The type named by a title line (`QUYẾT ĐỊNH`, `Tờ trình`) that vanban lays out.
/// A fixed form's name may run on in capitals (`GIẤY MỜI HỌP`, `BIÊN BẢN LÀM VIỆC`).
pub(crate) fn title_type(t: &str) -> Option<DocType> {
    let f = fold(t);
    if let Some(t) = DocType::from_title(&f) {
        return matches!(t.form(), Form::Named | Form::Decision | Form::Fixed).then_some(t);
    }
    if !is_upper_line(&f) || f.split(' ').count() > 6 {
        return None;
    }
    DocType::all()
        .filter(|t| t.form() == Form::Fixed)
        .find(|t| {
            f.strip_prefix(&t.name().to_uppercase())
                .is_some_and(|rest| rest.starts_with(' '))
        })
}

/// `QUYẾT ĐỊNH:` (or without its colon), `QUYẾT NGHỊ:` before a decision's articles.
fn is_decision_label(t: &str) -> bool {
    let u = fold(t).to_uppercase();
    let u = u.trim_end_matches(':').trim_end();
    u == "QUYẾT ĐỊNH" || u == "QUYẾT NGHỊ"
}

/// `Điều 3.`, `Điều 3:` and what follows it.
fn article_line(t: &str) -> Option<&str> {
    let rest = t.strip_prefix("Điều")?;
    if !rest.starts_with([' ', '\u{a0}']) {
        return None;
    }
    let rest = rest.trim_start();
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = rest[digits..].trim_start();
    let rest = rest.strip_prefix(['.', ':']).unwrap_or(rest);
    Some(rest.trim())
}

/// An article from its `Điều N.` line: a short line that does not end a sentence
/// is its title, anything else its first paragraph.
fn article(rest: &str) -> Section {
    let ends_sentence = rest.ends_with(['.', ';', ',', ':']);
    if !rest.is_empty() && !ends_sentence && rest.chars().count() <= 120 {
        return Section {
            title: Some(rest.into()),
            ..Section::default()
        };
    }
    Section {
        content: if rest.is_empty() {
            Vec::new()
        } else {
            vec![Block::Paragraph(rest.into())]
        },
        ..Section::default()
    }
}

/// `Kính gửi: …` (or `Kính gửi` followed by a list): the addressee on the line, if any.
fn addressee_line(t: &str) -> Option<&str> {
    let rest = t.strip_prefix("Kính gửi")?;
    Some(rest.trim_start().trim_start_matches(':').trim())
}

/// `Hà Nội, ngày 28     tháng 4    năm 2026`, blanks allowed.
pub(crate) fn place_date(s: &str) -> Option<(String, IssueDate)> {
    let (place, rest) = s.split_once(',')?;
    let rest = rest.trim();
    let rest = rest.strip_prefix("ngày")?;
    let (day, rest) = rest.split_once("tháng")?;
    let (month, year) = rest.split_once("năm")?;
    let num = |t: &str| -> Option<u8> { t.trim().parse().ok() };
    let year: u32 = year.trim().parse().ok()?;
    let date = IssueDate {
        day: num(day),
        month: num(month),
        year,
    };
    // A date that does not exist is not read as one (the line stays unplaced).
    date.validate().ok()?;
    Some((fold(place), date))
}

/// The kinds of numbered lines, from the outermost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    Roman,
    Arabic,
    Decimal,
    Decimal3,
    Letter,
}

impl Kind {
    fn style(self) -> NumberStyle {
        match self {
            Kind::Roman => NumberStyle::Roman,
            Kind::Arabic => NumberStyle::Arabic,
            Kind::Decimal | Kind::Decimal3 => NumberStyle::Decimal,
            Kind::Letter => NumberStyle::Letter,
        }
    }
}

/// A numbered line: kind and the text after the number.
pub(crate) fn numbered(s: &str) -> Option<(Kind, &str)> {
    let b = s.as_bytes();
    // Roman numeral and a dot.
    let roman_len = s.chars().take_while(|c| "IVXLC".contains(*c)).count();
    if roman_len > 0 && b.get(roman_len) == Some(&b'.') {
        let rest = s[roman_len + 1..].trim_start();
        if !rest.is_empty() && rest.len() < s.len() - roman_len - 1 + 1 {
            return Some((Kind::Roman, rest));
        }
    }
    // 1. / 1) / 2.1. / 2.1.3.
    let mut parts = 0;
    let mut i = 0;
    loop {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start || i - start > 3 {
            break;
        }
        parts += 1;
        match b.get(i) {
            Some(b'.') => {
                i += 1;
                if b.get(i).is_some_and(|c| c.is_ascii_digit()) {
                    continue;
                }
                break;
            }
            Some(b')') if parts == 1 => {
                i += 1;
                break;
            }
            Some(b' ') if parts >= 2 => break,
            _ => return None,
        }
    }
    if parts > 0 && b.get(i) == Some(&b' ') {
        let rest = s[i..].trim_start();
        if !rest.is_empty() {
            let kind = match parts {
                1 => Kind::Arabic,
                2 => Kind::Decimal,
                _ => Kind::Decimal3,
            };
            return Some((kind, rest));
        }
    }
    // a) / a. / đ)
    let mut chars = s.char_indices();
    if let Some((_, c)) = chars.next()
        && (c.is_ascii_lowercase() || c == 'đ')
        && let Some((j, p)) = chars.next()
        && (p == ')' || p == '.')
        && s[j + 1..].starts_with(' ')
    {
        let rest = s[j + 1..].trim_start();
        if !rest.is_empty() {
            return Some((Kind::Letter, rest));
        }
    }
    None
}

/// `- item`, `+ item`, `* item`, `• item`: (is plus, text).
pub(crate) fn bullet(s: &str) -> Option<(bool, &str)> {
    let mut chars = s.chars();
    let c = chars.next()?;
    if !matches!(c, '-' | '+' | '*' | '•' | '–') {
        return None;
    }
    let rest = chars.as_str();
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some((c == '+', rest.trim()))
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Joins lines that a page break split: a line that starts in lower case and is not
/// a point (`a) ...`) continues the one before it.
fn join_continuations(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for l in lines {
        if starts_lower(&l.text)
            && numbered(&l.text).is_none()
            && let Some(prev) = out.last_mut()
        {
            prev.text.push(' ');
            prev.text.push_str(&l.text);
            continue;
        }
        out.push(l);
    }
    out
}

#[derive(Default)]
struct Parser {
    unplaced: Vec<(usize, String)>,
    recognized: Vec<(usize, String)>,
    /// The marks found on the way (ô 10a, 10b, 11, 13).
    marks: crate::model::Marks,
    /// An electronic copy's line found in the header (Mẫu 3.2).
    copy: Option<crate::model::DocCopy>,
}

/// A section under construction, with its depth.
struct Open {
    depth: usize,
    section: Section,
}

/// Builds sections and paragraphs from body lines.
struct Body {
    /// Depth of each kind present, by kind order.
    kinds: Vec<Kind>,
    top: Vec<Section>,
    pre: Vec<Block>,
    stack: Vec<Open>,
}

impl Body {
    fn new(lines: &[Line]) -> Body {
        let mut kinds: Vec<Kind> = lines
            .iter()
            .filter_map(|l| numbered(&l.text).map(|(k, _)| k))
            .collect();
        kinds.sort();
        kinds.dedup();
        Body {
            kinds,
            top: Vec::new(),
            pre: Vec::new(),
            stack: Vec::new(),
        }
    }

    fn close_to(&mut self, depth: usize) {
        while self.stack.last().is_some_and(|o| o.depth >= depth) {
            let done = self.stack.pop().expect("non-empty").section;
            match self.stack.last_mut() {
                Some(parent) => parent.section.sections.push(done),
                None => self.top.push(done),
            }
        }
    }

    fn content(&mut self) -> &mut Vec<Block> {
        match self.stack.last_mut() {
            Some(o) => &mut o.section.content,
            None => &mut self.pre,
        }
    }

    fn line(&mut self, text: &str) {
        if let Some((kind, rest)) = numbered(text) {
            let depth = self.kinds.iter().position(|k| *k == kind).unwrap_or(0) + 1;
            self.close_to(depth);
            let section = heading(kind, rest);
            self.stack.push(Open { depth, section });
        } else if let Some((plus, item)) = bullet(text) {
            let item: Text = item.into();
            let content = self.content();
            match (content.last_mut(), plus) {
                (Some(Block::Bullets(items)), false) | (Some(Block::Plus(items)), true) => {
                    items.push(item)
                }
                _ if plus => content.push(Block::Plus(vec![item])),
                _ => content.push(Block::Bullets(vec![item])),
            }
        } else {
            self.content().push(Block::Paragraph(text.into()));
        }
    }

    fn table(&mut self, rows: &[&str]) {
        let t = super::table::table(rows);
        self.content().push(Block::Table(Box::new(t)));
    }

    fn finish(mut self) -> (Vec<Block>, Vec<Section>, Vec<NumberStyle>) {
        self.close_to(1);
        let mut styles: Vec<NumberStyle> = self.kinds.iter().map(|k| k.style()).collect();
        styles.push(NumberStyle::Dash);
        (self.pre, self.top, styles)
    }
}

/// `Thời gian: 08 giờ, ngày 09 tháng 10 năm 2025.` after a number: a sentence with
/// a label, not a heading (a Công điện's `I. Thời gian: …`).
pub(crate) fn numbered_sentence(rest: &str) -> bool {
    rest.split_once(": ")
        .is_some_and(|(_, tail)| tail.split_whitespace().count() >= 4 && !tail.ends_with(':'))
}

/// A numbered line to a section: a title, a title with run-in text, or a numbered
/// paragraph without title.
fn heading(kind: Kind, rest: &str) -> Section {
    let untitled = |text: &str| Section {
        content: vec![Block::Paragraph(text.into())],
        ..Section::default()
    };
    if kind == Kind::Roman && numbered_sentence(rest) {
        return untitled(rest);
    }
    if kind == Kind::Roman || (rest.ends_with(':') && rest.chars().count() <= 200) {
        return Section {
            title: Some(rest.into()),
            ..Section::default()
        };
    }
    if matches!(kind, Kind::Arabic | Kind::Decimal | Kind::Decimal3)
        && let Some((head, tail)) = rest.split_once(": ")
        && head.chars().count() <= 150
        && head.contains(' ')
        && !head.contains(". ")
        && !tail.trim().is_empty()
    {
        return Section {
            title: Some(format!("{head}:").into()),
            run_in: true,
            content: vec![Block::Paragraph(tail.trim().into())],
            ..Section::default()
        };
    }
    let ends_sentence = rest.ends_with(['.', ';', ',']) || rest.ends_with("./.");
    if kind == Kind::Letter || ends_sentence || rest.chars().count() > 200 {
        return untitled(rest);
    }
    Section {
        title: Some(rest.into()),
        ..Section::default()
    }
}

pub(super) fn parse(raw: &[String]) -> Result<Import, Error> {
    // Characters that do not print (the renderer refuses them) are dropped, and the
    // report says where.
    let mut removed: Vec<(usize, String)> = Vec::new();
    let mut lines: Vec<Line> = raw
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut text = t.replace(['\u{a0}', '\t'], " ");
            if text.chars().any(crate::model::is_forbidden_char) {
                let mut bad: Vec<(char, usize)> = Vec::new();
                for c in text.chars().filter(|c| crate::model::is_forbidden_char(*c)) {
                    match bad.iter_mut().find(|(b, _)| *b == c) {
                        Some((_, n)) => *n += 1,
                        None => bad.push((c, 1)),
                    }
                }
                let bad: Vec<String> = bad
                    .iter()
                    .map(|(c, n)| format!("U+{:04X} ×{n}", *c as u32))
                    .collect();
                removed.push((
                    i + 1,
                    format!("removed characters that do not print: {}", bad.join(", ")),
                ));
                text.retain(|c| !crate::model::is_forbidden_char(c));
            }
            nfc_in_place(&mut text);
            let text = text.trim().trim_matches('*').trim().to_string();
            Line { no: i + 1, text }
        })
        .collect();
    if lines.iter().all(|l| l.text.is_empty()) {
        return Err(not_a_plan("the text is empty"));
    }
    // Footnotes stand at the very end (after the footer's contact lines, which
    // a DOCX's reader puts last): they are taken off before anything is read.
    let footnotes = notes::take_notes(&mut lines);
    let mut p = Parser {
        recognized: removed,
        ..Parser::default()
    };

    // The title line divides the header from the rest; a Công văn has none, and its
    // header ends where `Kính gửi` or the body starts.
    let title_at = lines.iter().position(|l| title_type(&l.text).is_some());
    let subject_at = lines.iter().position(|l| l.text.starts_with("V/v"));
    let (doc_type, header_end, mut i) = match (title_at, subject_at) {
        (Some(t), s) if s.is_none_or(|s| s > t) => {
            (title_type(&lines[t].text).expect("a title"), t, t + 1)
        }
        (Some(t), None) => (title_type(&lines[t].text).expect("a title"), t, t + 1),
        (_, Some(s)) => {
            let end = lines[s..]
                .iter()
                .position(|l| addressee_line(&l.text).is_some())
                .map_or(lines.len(), |k| k + s);
            (DocType::CongVan, end, end)
        }
        (None, None) => {
            let other = lines.iter().find(|l| {
                let u = fold(&l.text).to_uppercase();
                OTHER_TYPES.contains(&u.as_str())
            });
            return Err(not_a_plan(&match other {
                Some(l) => format!(
                    "line {}: a {} is not a document vanban reads (the decree gives it no model form)",
                    l.no,
                    fold(&l.text).to_uppercase()
                ),
                None => "no title line (`KẾ HOẠCH`, `QUYẾT ĐỊNH` …) and no `V/v` line was found"
                    .to_string(),
            }));
        }
    };

    // A Công văn's summary: the `V/v` line and those that continue it in the header.
    let mut header_lines: Vec<Line> = lines[..header_end].to_vec();
    let mut summary: Vec<String> = Vec::new();
    if doc_type == DocType::CongVan
        && let Some(s) = header_lines.iter().position(|l| l.text.starts_with("V/v"))
    {
        let mut k = s;
        while k < header_lines.len() {
            let t = &header_lines[k].text;
            let stop = t.is_empty()
                || is_national_title(t)
                || is_motto(t)
                || is_rule(t)
                || place_date(t).is_some()
                || number_line(t).is_some()
                || (k > s && is_upper_line(t));
            if stop {
                break;
            }
            let t = if k == s {
                t.trim_start_matches("V/v").trim()
            } else {
                t.as_str()
            };
            summary.push(fold(t));
            k += 1;
        }
        header_lines.drain(s..k);
    }
    let header = p.header(&header_lines, doc_type);

    let title = title_at
        .map(|t| fold(&lines[t].text).to_uppercase())
        .filter(|t| *t != doc_type.name().to_uppercase());
    let fixed = doc_type.form() == Form::Fixed;
    // A fixed form's lines `Label: …` (and `… điện:`) follow its summary.
    let label_line = |t: &str| {
        t.split_once(':')
            .is_some_and(|(l, _)| l.split_whitespace().count() <= 8)
    };

    // The summary: the lines after the title up to a blank line or the body's start.
    while doc_type != DocType::CongVan && doc_type.has_summary() && i < lines.len() {
        let t = &lines[i].text;
        if t.is_empty() {
            if summary.is_empty() {
                i += 1;
                continue;
            }
            break;
        }
        if is_rule(t) {
            p.recognized.push((lines[i].no, t.clone()));
            i += 1;
            break;
        }
        let next_part =
            addressee_line(t).is_some() || (doc_type.form() == Form::Decision && is_upper_line(t));
        if fixed && (label_line(t) || starts_body(t) || t.starts_with("Hôm nay")) {
            break;
        }
        if numbered(t).is_some()
            || summary.len() >= 4
            || (starts_body(t) || next_part) && !summary.is_empty()
        {
            break;
        }
        summary.push(fold(t));
        i += 1;
    }
    let summary = summary.join(" ");
    let skip_blank = |i: &mut usize, p: &mut Parser| {
        while *i < lines.len() && (lines[*i].text.is_empty() || is_rule(&lines[*i].text)) {
            if is_rule(&lines[*i].text) {
                p.recognized.push((lines[*i].no, lines[*i].text.clone()));
            }
            *i += 1;
        }
    };

    // A decision's authority line: the capitals under the summary.
    let mut authority_lines: Vec<String> = Vec::new();
    if doc_type.form() == Form::Decision {
        skip_blank(&mut i, &mut p);
        while i < lines.len()
            && is_upper_line(&lines[i].text)
            && !is_decision_label(&lines[i].text)
            && numbered(&lines[i].text).is_none()
        {
            authority_lines.push(fold(&lines[i].text));
            i += 1;
        }
    }

    // Kính gửi: one addressee on its line, or a list under it.
    let mut addressees: Vec<String> = Vec::new();
    skip_blank(&mut i, &mut p);
    if i < lines.len()
        && doc_type.may_address()
        && let Some(first) = addressee_line(&lines[i].text)
    {
        p.recognized.push((lines[i].no, "Kính gửi:".into()));
        let item = |t: &str| t.trim_end_matches([';', '.', ',']).trim().to_string();
        if !first.is_empty() {
            addressees.push(item(first.trim_start_matches("- ")));
        }
        i += 1;
        // A list follows a `Kính gửi:` that has no addressee of its own.
        while first.is_empty() && i < lines.len() {
            match bullet(&lines[i].text) {
                Some((false, a)) => addressees.push(item(a)),
                None if lines[i].text.is_empty() && addressees.is_empty() => {}
                _ => break,
            }
            i += 1;
        }
    }

    // The body runs to `Nơi nhận`; a Biên bản's to its `./.`, its signatures
    // coming before its Nơi nhận.
    let closing_at = lines[i..]
        .iter()
        .position(|l| {
            let f = fold(&l.text).to_lowercase();
            f == "nơi nhận:" || f == "nơi nhận"
        })
        .map(|k| k + i);
    let minutes_end = (doc_type == DocType::BienBan)
        .then(|| {
            lines[i..closing_at.unwrap_or(lines.len())]
                .iter()
                .rposition(|l| l.text.trim_end().ends_with("./."))
                .map(|k| k + i + 1)
        })
        .flatten();
    let body_end = minutes_end.or(closing_at).unwrap_or(lines.len());
    let body_lines: Vec<Line> = lines[i..body_end]
        .iter()
        .filter(|l| !l.text.is_empty())
        .cloned()
        .collect();
    let mut body_lines = join_continuations(body_lines);
    let parts = p.form_parts(doc_type, &mut body_lines);
    if !parts.addressees.is_empty() {
        addressees = parts.addressees.clone();
    }
    let (pre, mut sections, numbering) = if doc_type.form() == Form::Decision {
        decision_body(&body_lines, &mut p)
    } else {
        let mut body = Body::new(&body_lines);
        for l in &body_lines {
            body.line(&l.text);
        }
        body.finish()
    };
    if doc_type == DocType::KeHoach {
        tag_kinds(&mut sections, 1);
    }
    // A fixed form with no sections: what follows its own lines is its body's
    // end (a Giấy mời's notes), not a preamble.
    let mut conclusion = Vec::new();
    let mut pre = pre;
    if fixed && sections.is_empty() && (parts.invitation.is_some() || parts.minutes.is_some()) {
        conclusion = std::mem::take(&mut pre);
    }
    // The body's last paragraph: the template writes its end mark again.
    let last = if sections.is_empty() {
        match conclusion.last_mut().or(pre.last_mut()) {
            Some(Block::Paragraph(t)) => Some(t),
            _ => None,
        }
    } else {
        last_text(&mut sections)
    };
    if let Some(t) = last {
        p.take_end_mark(t);
    }
    let mut preamble = Vec::new();
    for b in pre {
        match b {
            Block::Paragraph(t) => preamble.push(t),
            Block::Bullets(items) => preamble.extend(
                items
                    .into_iter()
                    .map(|t| Text::from(format!("- {}", t.plain()))),
            ),
            Block::Plus(items) => preamble.extend(
                items
                    .into_iter()
                    .map(|t| Text::from(format!("+ {}", t.plain()))),
            ),
            // The main body is read without tables; a table line stays a paragraph.
            Block::Table(_) => {}
        }
    }

    // Closing: recipients, then the signature, then appendices; a Biên bản's
    // signatures, then its recipients.
    let mut cosigners = Vec::new();
    let (recipients, signature, rest, after) = if let Some(end) = minutes_end {
        let (mut sigs, used) = p.signatures(&lines[end..]);
        let Some(signature) = sigs.pop() else {
            return Err(not_a_plan(&format!(
                "no signature was found after the minutes' end (line {})",
                lines[end - 1].no
            )));
        };
        cosigners = sigs;
        let rest: Vec<Line> = lines[(end + used + 1).min(lines.len())..].to_vec();
        let (recipients, after) = if end + used < lines.len() {
            p.recipients(&rest)
        } else {
            (Recipients::default(), 0)
        };
        (recipients, signature, rest, after)
    } else {
        let Some(closing_at) = closing_at else {
            return Err(not_a_plan(
                "no `Nơi nhận:` line was found, so the closing block cannot be read",
            ));
        };
        let rest: Vec<Line> = lines[closing_at + 1..].to_vec();
        let (recipients, after) = p.recipients(&rest);
        let (signature, after) = p.signature(&rest[after..], &rest);
        (recipients, signature, rest, after)
    };
    let mut tail = &rest[after..];
    let mut leave = parts.leave;
    if let Some(l) = &mut leave {
        let (confirmation, used) = p.confirmation(tail);
        l.confirmation = confirmation;
        tail = &tail[used..];
    }
    let mut attachments = Vec::new();
    if doc_type.form() == Form::Decision {
        while let Some((a, used)) = p.attachment(tail) {
            attachments.push(a);
            tail = &tail[used..];
        }
    }
    let used = p.contact(tail);
    tail = &tail[used..];
    // A paper copy's block closes the document, after its appendices.
    let mut copy = p.copy.take();
    if let Some((c, start)) = p.copy(tail) {
        copy = Some(c);
        tail = &tail[..start];
    }
    let appendices = p.appendices(tail);

    let defaults = crate::model::default_styles(doc_type);
    let mut plan = Plan {
        doc_type,
        authority: authority_lines,
        addressees: addressees.into_iter().map(Text::from).collect(),
        conclusion,
        attachments,
        header,
        summary: summary.as_str().into(),
        preamble,
        sections,
        numbering: if defaults.starts_with(&numbering[..numbering.len() - 1]) {
            Vec::new()
        } else {
            numbering
        },
        recipients,
        signature,
        appendices,
        unplaced: Vec::new(),
        title,
        sender: parts.sender,
        invitation: parts.invitation,
        introduction: parts.introduction,
        minutes: parts.minutes,
        leave,
        cosigners,
        marks: std::mem::take(&mut p.marks),
        copy,
    };
    // A sentence naming the issuer as its derived name would is left to the default.
    let issuer = plan.header.issuer_in_text();
    let own = |o: &mut Option<String>| {
        if o.as_deref() == Some(issuer.as_str()) {
            *o = None;
        }
    };
    if let Some(i) = &mut plan.invitation {
        own(&mut i.inviter);
    }
    if let Some(i) = &mut plan.introduction {
        own(&mut i.introducer);
    }
    if let Some(l) = &mut plan.leave {
        own(&mut l.grantor);
    }
    if plan.sender.as_deref() == Some(plan.header.issuer.join(" ").as_str()) {
        plan.sender = None;
    }
    if plan.header.date.year == 0
        && doc_type == DocType::BienBan
        && let Some(d) = plan
            .minutes
            .as_ref()
            .and_then(|m| m.started.as_deref())
            .and_then(forms::find_date)
            .or_else(|| {
                let body = &lines[i..body_end];
                let today = body.iter().find(|l| l.text.starts_with("Hôm nay"));
                today
                    .into_iter()
                    .chain(body)
                    .find_map(|l| forms::find_date(&l.text))
            })
    {
        // A Biên bản has no date line: its date is the meeting's.
        plan.header.date = d;
    }
    let footnotes = notes::anchor(&mut plan, &footnotes);
    p.unplaced.sort();
    plan.unplaced = p.unplaced.iter().map(|(_, t)| t.clone()).collect();
    if plan.signature.name.is_empty() {
        return Err(not_a_plan("no signer's name was found after `Nơi nhận:`"));
    }
    if plan.summary.is_empty() && doc_type.summary_required() {
        return Err(not_a_plan(&format!(
            "no summary was found under `{}`",
            doc_type.name().to_uppercase()
        )));
    }
    if plan.header.date.year == 0 {
        return Err(not_a_plan(
            "no place-and-date line (`Hà Nội, ngày … tháng … năm 2024`) was found in the header",
        ));
    }
    // What the import writes must read back: a plan the renderer would refuse is an
    // error here, not a file that fails later.
    if let Err(e) = crate::input::plan_from_json(&plan.to_json(), None) {
        return Err(not_a_plan(&format!(
            "the plan read from it is not complete: {e}"
        )));
    }
    Ok(Import {
        plan,
        unplaced: p.unplaced,
        recognized: p.recognized,
        footnotes,
    })
}

/// A decision's body: the căn cứ up to `QUYẾT ĐỊNH:`, then the articles, each
/// read as a body of its own (khoản `1.`, điểm `a)`, `-`).
fn decision_body(lines: &[Line], p: &mut Parser) -> (Vec<Block>, Vec<Section>, Vec<NumberStyle>) {
    let label_at = lines.iter().position(|l| is_decision_label(&l.text));
    let first_article = lines.iter().position(|l| article_line(&l.text).is_some());
    let pre_end = label_at.or(first_article).unwrap_or(0);
    let pre: Vec<Block> = lines[..pre_end]
        .iter()
        .map(|l| Block::Paragraph(l.text.as_str().into()))
        .collect();
    let mut k = pre_end;
    if let Some(at) = label_at {
        p.recognized.push((lines[at].no, lines[at].text.clone()));
        k = at + 1;
    }
    let mut articles: Vec<Section> = Vec::new();
    let mut styles = vec![NumberStyle::Article];
    let mut loose: Vec<Block> = Vec::new();
    while k < lines.len() {
        let Some(rest) = article_line(&lines[k].text) else {
            // Text before the first article stays a paragraph of the body.
            loose.push(Block::Paragraph(lines[k].text.as_str().into()));
            k += 1;
            continue;
        };
        let mut a = article(rest);
        let end = lines[k + 1..]
            .iter()
            .position(|l| article_line(&l.text).is_some())
            .map_or(lines.len(), |e| e + k + 1);
        let inner = &lines[k + 1..end];
        let mut body = Body::new(inner);
        for l in inner {
            body.line(&l.text);
        }
        let (content, subs, inner_styles) = body.finish();
        a.content.extend(content);
        a.sections = subs;
        // The styles by depth inside the article; the deepest article gives them, a
        // trailing dash stands for "no deeper level" and yields to a real style.
        for (i, st) in inner_styles.into_iter().enumerate() {
            match styles.get_mut(i + 1) {
                None => styles.push(st),
                Some(s) if *s == NumberStyle::Dash => *s = st,
                Some(_) => {}
            }
        }
        articles.push(a);
        k = end;
    }
    let mut pre = pre;
    pre.extend(loose);
    if styles.len() == 1 {
        styles.push(NumberStyle::Dash);
    }
    (pre, articles, styles)
}

/// `Chương II` (and a title on the same line, if any).
fn chapter_line(t: &str) -> Option<&str> {
    let rest = t.strip_prefix("Chương ")?;
    let n = rest.chars().take_while(|c| "IVXLC".contains(*c)).count();
    if n == 0 {
        return None;
    }
    let rest = rest[n..].trim_start_matches(['.', ':', ' ']);
    Some(rest.trim())
}

/// A table row as one line of text, its cells between `|`.
fn row_text(row: &crate::model::Row) -> String {
    match row {
        crate::model::Row::Cells { cells, .. } => cells
            .iter()
            .map(|c| {
                c.paragraphs
                    .iter()
                    .map(Text::plain)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join(" | "),
        crate::model::Row::Group { text, .. } => text.plain(),
    }
}

/// A plan's body: numbered headings, lists and tables, and the numbering they use.
fn plan_body(lines: &[Line]) -> (Vec<Block>, Vec<Section>, Vec<NumberStyle>) {
    let mut body = Body::new(lines);
    let mut rows: Vec<&str> = Vec::new();
    for l in lines {
        if super::table::is_row(&l.text) {
            rows.push(&l.text);
            continue;
        }
        if !rows.is_empty() {
            body.table(&std::mem::take(&mut rows));
        }
        body.line(&l.text);
    }
    if !rows.is_empty() {
        body.table(&rows);
    }
    body.finish()
}

/// A regulation's body: paragraphs before the first chapter or article, then the
/// chapters (each a title and its articles) or the articles alone. Returns whether
/// it is in chapters.
fn regulation_body(lines: &[Line]) -> (Vec<Block>, Vec<Section>, bool) {
    let chapters = lines.iter().any(|l| chapter_line(&l.text).is_some());
    if !chapters {
        let mut p = Parser::default();
        let (pre, articles, _) = decision_body(lines, &mut p);
        return (pre, articles, false);
    }
    let mut pre = Vec::new();
    let mut out: Vec<Section> = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let Some(rest) = chapter_line(&lines[k].text) else {
            pre.push(Block::Paragraph(lines[k].text.as_str().into()));
            k += 1;
            continue;
        };
        let mut chapter = Section::default();
        k += 1;
        if !rest.is_empty() {
            chapter.title = Some(rest.into());
        } else {
            let mut title: Vec<String> = Vec::new();
            while k < lines.len()
                && is_upper_line(&lines[k].text)
                && article_line(&lines[k].text).is_none()
            {
                title.push(fold(&lines[k].text));
                k += 1;
            }
            if !title.is_empty() {
                chapter.title = Some(title.join(" ").as_str().into());
            }
        }
        let end = lines[k..]
            .iter()
            .position(|l| chapter_line(&l.text).is_some())
            .map_or(lines.len(), |e| e + k);
        let mut p = Parser::default();
        let (content, articles, _) = decision_body(&lines[k..end], &mut p);
        chapter.content = content;
        chapter.sections = articles;
        out.push(chapter);
        k = end;
    }
    (pre, out, true)
}

/// Recognizes the parts plans are known by from their titles.
fn tag_kinds(sections: &mut [Section], depth: usize) {
    use crate::model::SectionKind as K;
    for s in sections.iter_mut() {
        if depth <= 2
            && let Some(t) = &s.title
        {
            let t = fold(&t.plain()).to_lowercase();
            let t = t.trim_end_matches(':').trim();
            s.kind = match t {
                "mục đích, yêu cầu" | "mục đích và yêu cầu" | "mục đích - yêu cầu" => {
                    Some(K::Objectives)
                }
                "mục đích" => Some(K::Purposes),
                "yêu cầu" => Some(K::Requirements),
                "tổ chức thực hiện" => Some(K::Implementation),
                _ if t.starts_with("tiêu chí") => Some(K::Criteria),
                _ if t.starts_with("đối tượng") => Some(K::Subjects),
                _ if t.starts_with("kinh phí") => Some(K::Funding),
                _ if t.starts_with("nội dung") || t.starts_with("nhiệm vụ") => Some(K::Tasks),
                _ => None,
            };
        }
        tag_kinds(&mut s.sections, depth + 1);
    }
}

/// The last paragraph of the body, where the end mark stands.
fn last_text(sections: &mut [Section]) -> Option<&mut Text> {
    let s = sections.last_mut()?;
    if !s.sections.is_empty() {
        return last_text(&mut s.sections);
    }
    match s.content.last_mut()? {
        Block::Paragraph(t) => Some(t),
        Block::Bullets(items) | Block::Plus(items) => items.last_mut(),
        Block::Table(_) => None,
    }
}

fn not_a_plan(why: &str) -> Error {
    Error::Import {
        file: None,
        message: format!("not a document that vanban can read: {why}"),
    }
}

/// Words that open a preamble or body paragraph rather than continue a summary.
fn starts_body(t: &str) -> bool {
    [
        "Căn cứ",
        "Thực hiện",
        "Theo ",
        "Xét ",
        "Nhằm",
        "Triển khai",
        "Để ",
        "Trên cơ sở",
    ]
    .iter()
    .any(|w| t.starts_with(w))
}

impl Parser {
    /// Takes the decree's end mark `./.` off `t`, which keeps its full stop.
    fn take_end_mark(&mut self, t: &mut Text) {
        if let Some(last) = t.spans_mut().last_mut()
            && last.text.trim_end().ends_with("./.")
        {
            let trimmed = last.text.trim_end().trim_end_matches("./.").trim_end();
            last.text = format!("{trimmed}.");
            self.recognized.push((0, "./.".into()));
        }
    }

    fn header(&mut self, lines: &[Line], doc_type: DocType) -> Header {
        let mut bodies: Vec<String> = Vec::new();
        let mut header = Header {
            parent: Vec::new(),
            issuer: Vec::new(),
            issuer_name: None,
            issuer_abbr: String::new(),
            unit: None,
            number: None,
            place: String::new(),
            date: IssueDate::UNKNOWN,
        };
        for l in lines.iter().filter(|l| !l.text.is_empty()) {
            let t = &l.text;
            if is_national_title(t) || is_motto(t) || is_rule(t) {
                self.recognized.push((l.no, t.clone()));
            } else if let Some((number, kind, issuer)) = number_line(t) {
                header.number = number;
                match doc_type.abbreviation() {
                    // A Công văn's symbol is the issuer and the drafting unit (R15).
                    None => {
                        header.issuer_abbr = kind;
                        header.unit = Some(issuer);
                    }
                    Some(abbr) => {
                        header.issuer_abbr = issuer;
                        if kind != abbr {
                            // Keep what the source said: the renderer writes the type's.
                            self.unplaced.push((l.no, t.clone()));
                        }
                    }
                }
            } else if doc_type.abbreviation().is_none()
                && let Some((number, symbol)) = letter_number_line(t)
            {
                header.number = number;
                header.issuer_abbr = symbol;
            } else if let Some((place, date)) = place_date(t) {
                header.place = place;
                header.date = date;
            } else if let Some(c) = forms::copy_stamp(t) {
                self.recognized.push((l.no, t.clone()));
                self.copy = Some(c);
            } else if let Some(mark) = forms::mark(t) {
                self.recognized.push((l.no, t.clone()));
                match mark {
                    forms::Mark::Urgency(m) => self.marks.urgency = Some(m),
                    forms::Mark::Confidentiality(m) => self.marks.confidentiality = Some(m),
                    forms::Mark::Circulation(m) => self.marks.circulation = Some(m),
                }
            } else if is_upper_line(t) {
                bodies.push(fold(t));
            } else {
                self.unplaced.push((l.no, t.clone()));
            }
        }
        // A council or people's committee name runs over two lines; otherwise the first
        // of two or more lines is the governing body.
        let council = bodies.first().is_some_and(|b| {
            b.starts_with("ỦY BAN NHÂN DÂN") || b.starts_with("HỘI ĐỒNG NHÂN DÂN")
        });
        if bodies.len() >= 3 || (bodies.len() == 2 && !council) {
            header.parent = vec![bodies.remove(0)];
        }
        header.issuer = bodies;
        header
    }

    /// Recipient items and the `Lưu:` line; returns the index after them.
    fn recipients(&mut self, lines: &[Line]) -> (Recipients, usize) {
        let mut r = Recipients::default();
        let mut i = 0;
        while i < lines.len() {
            let t = lines[i].text.as_str();
            if t.is_empty() {
                i += 1;
                continue;
            }
            let Some((_, item)) = bullet(t) else {
                if starts_lower(t) && !r.items.is_empty() && r.archive.is_empty() {
                    let last = r.items.last_mut().expect("non-empty");
                    last.push(' ');
                    last.push_str(t.trim_end_matches(';'));
                    i += 1;
                    continue;
                }
                break;
            };
            if let Some(archive) = item.strip_prefix("Lưu") {
                let archive = archive.trim_start().trim_start_matches(':').trim();
                let archive = archive.trim_end_matches(['.', ';']).trim();
                // Ô 12 after the archive: `VT, TH(2). H` or `VT, HC. PL.(300)`.
                let (archive, drafter) = forms::drafter(archive);
                r.archive = archive.to_string();
                if let Some((d, n)) = drafter {
                    r.drafter = Some(d);
                    r.copies = n;
                }
                i += 1;
                break;
            }
            r.items
                .push(item.trim_end_matches([';', ',', '.']).trim().to_string());
            i += 1;
        }
        (r, i)
    }

    /// Authority and title lines, then the name; returns the index (into `all`) after them.
    fn signature(&mut self, lines: &[Line], all: &[Line]) -> (Signature, usize) {
        let offset = all.len() - lines.len();
        let mut s = Signature {
            collective: None,
            authority: None,
            title: None,
            name: String::new(),
            ..Default::default()
        };
        let mut i = 0;
        while i < lines.len() {
            let l = &lines[i];
            let t = fold(&l.text);
            i += 1;
            if t.is_empty() {
                continue;
            }
            if !has_lower(&t) {
                if let Some((form, rest)) = authority(&t) {
                    if form == AuthorityForm::Tm && s.collective.is_none() && s.authority.is_none()
                    {
                        s.collective = Some(rest);
                    } else if s.authority.is_none() {
                        s.authority = Some(Authority { form, of: rest });
                    } else {
                        // A third level (`TL. CHỦ TỊCH` / `KT. CHÁNH VĂN PHÒNG` / …)
                        // is printed as a line of the title.
                        let title = s.title.get_or_insert_with(String::new);
                        if !title.is_empty() {
                            title.push('\n');
                        }
                        title.push_str(&t);
                    }
                } else if let Some(title) = &mut s.title {
                    // A title over two lines (`VỤ TRƯỞNG` / `VỤ TỔ CHỨC PHI CHÍNH PHỦ`).
                    title.push('\n');
                    title.push_str(&t);
                } else {
                    s.title = Some(t);
                }
                continue;
            }
            s.name = t;
            break;
        }
        (s, offset + i)
    }

    /// A document issued with the decision (Mẫu 1.3) at the start of `lines`: the
    /// bodies and the national title, its name, its summary, the `(Kèm theo …)`
    /// line, then chapters and articles up to the next such document or an
    /// appendix. Returns it and the number of lines it took.
    fn attachment(&mut self, lines: &[Line]) -> Option<(Attachment, usize)> {
        let motto = lines.iter().take(12).position(|l| is_motto(&l.text))?;
        let head = &lines[..motto + 1];
        if !head.iter().any(|l| is_national_title(&l.text)) {
            return None;
        }
        let mut k = motto + 1;
        while k < lines.len() && (lines[k].text.is_empty() || is_rule(&lines[k].text)) {
            k += 1;
        }
        let name_line = lines.get(k)?;
        if !is_upper_line(&name_line.text) {
            return None;
        }
        let name = fold(&name_line.text);
        k += 1;
        let mut summary: Vec<String> = Vec::new();
        let mut reference: Vec<String> = Vec::new();
        while k < lines.len() {
            let t = fold(&lines[k].text);
            k += 1;
            if t.is_empty() || is_rule(&t) {
                if reference.is_empty() && summary.is_empty() {
                    continue;
                }
                if !reference.is_empty() {
                    break;
                }
                continue;
            }
            if !reference.is_empty()
                || t.starts_with("(Kèm theo")
                || t.starts_with("(Ban hành kèm theo")
            {
                reference.push(t.clone());
                if t.ends_with(')') {
                    break;
                }
                continue;
            }
            if t.starts_with("Chương ") || article_line(&t).is_some() {
                k -= 1;
                break;
            }
            summary.push(t);
        }
        head.iter()
            .for_each(|l| self.recognized.push((l.no, l.text.clone())));
        let end = lines[k..]
            .iter()
            .position(|l| Appendix::is_label_line(&l.text) || is_national_title(&l.text))
            .map_or(lines.len(), |e| {
                // The next document's bodies stand above its national title.
                let mut e = e + k;
                while e > k && is_upper_line(&lines[e - 1].text) {
                    e -= 1;
                }
                e
            });
        let body: Vec<Line> = lines[k..end]
            .iter()
            .filter(|l| !l.text.is_empty())
            .cloned()
            .collect();
        let body = join_continuations(body);
        // A Quy chế or Điều lệ is in Chương and Điều; an attached Kế hoạch (a
        // decision approving a plan) is numbered as a plan is.
        let regulation = body
            .iter()
            .any(|l| chapter_line(&l.text).is_some() || article_line(&l.text).is_some());
        let (pre, sections, numbering) = if regulation {
            let (pre, sections, chapters) = regulation_body(&body);
            let styles = if chapters {
                Vec::new()
            } else {
                numbering::ARTICLE_STYLES.to_vec()
            };
            (pre, sections, styles)
        } else {
            plan_body(&body)
        };
        let doc_type = DocType::from_title(&name);
        let mut preamble = Vec::new();
        for b in pre {
            match b {
                Block::Paragraph(t) => preamble.push(t),
                // The attachment's preamble holds paragraphs: a list before its
                // first heading keeps its marks as text.
                Block::Bullets(items) => preamble.extend(
                    items
                        .iter()
                        .map(|t| format!("- {}", t.plain()).as_str().into()),
                ),
                Block::Plus(items) => preamble.extend(
                    items
                        .iter()
                        .map(|t| format!("+ {}", t.plain()).as_str().into()),
                ),
                // No table stands there in an attachment's model: its rows are kept.
                Block::Table(t) => self
                    .unplaced
                    .extend(t.rows.iter().map(|r| (name_line.no, row_text(r)))),
            }
        }
        let mut a = Attachment {
            doc_type,
            name: doc_type.is_none().then(|| name.clone()),
            summary: summary.join(" ").as_str().into(),
            reference: (!reference.is_empty()).then(|| reference.join(" ")),
            preamble,
            sections,
            numbering,
            conclusion: Vec::new(),
        };
        if let Some(t) = last_text(&mut a.sections)
            && let Some(last) = t.spans_mut().last_mut()
            && last.text.trim_end().ends_with("./.")
        {
            let trimmed = last.text.trim_end().trim_end_matches("./.").trim_end();
            last.text = format!("{trimmed}.");
        }
        Some((a, end))
    }

    fn appendices(&mut self, lines: &[Line]) -> Vec<Appendix> {
        let lines: Vec<&Line> = lines.iter().filter(|l| !l.text.is_empty()).collect();
        let is_label = |t: &str| Appendix::is_label_line(t) || label_and_title(t).is_some();
        let mut groups: Vec<Vec<&Line>> = Vec::new();
        for l in lines {
            if is_label(&l.text) || groups.is_empty() {
                groups.push(Vec::new());
            }
            groups.last_mut().expect("a group").push(l);
        }
        // Capitals after the signature with no label and nothing under them are not
        // an appendix (a signer's post printed under the name): they stay unplaced.
        groups.retain(|g| {
            let bare = !is_label(&g[0].text) && g.iter().all(|l| is_upper_line(&l.text));
            if bare {
                self.unplaced
                    .extend(g.iter().map(|l| (l.no, l.text.clone())));
            }
            !bare
        });
        let mut out: Vec<Appendix> = groups
            .into_iter()
            .map(|g| {
                let mut a = Appendix::default();
                let mut k = 0;
                if Appendix::is_label_line(&g[0].text) {
                    a.label = Some(fold(&g[0].text));
                    k = 1;
                } else if let Some((label, title)) = label_and_title(&g[0].text) {
                    a.label = Some(fold(&label));
                    a.title.push(fold(title));
                    k = 1;
                }
                while k < g.len() && is_upper_line(&g[k].text) && !g[k].text.starts_with('|') {
                    a.title.push(fold(&g[k].text));
                    k += 1;
                }
                if k < g.len() && g[k].text.starts_with('(') {
                    let mut reference = String::new();
                    while k < g.len() {
                        if !reference.is_empty() {
                            reference.push(' ');
                        }
                        // Runs of spaces are a draft's blanks: kept.
                        reference.push_str(g[k].text.trim());
                        k += 1;
                        if reference.ends_with(')') {
                            break;
                        }
                    }
                    a.reference = Some(reference);
                }
                let body_lines: Vec<Line> = g[k..].iter().map(|l| (*l).clone()).collect();
                let (content, sections, _) = plan_body(&join_continuations(body_lines));
                a.content = content;
                a.sections = sections;
                a
            })
            .collect();
        // A label in the decree's form is left to the renderer, which numbers the
        // appendices itself (R37); another is kept with the decree's capitalisation.
        let count = out.len();
        for (i, a) in out.iter_mut().enumerate() {
            let Some(label) = a.label.take() else {
                continue;
            };
            let rest = label.get("PHỤ LỤC".len()..).unwrap_or("").trim();
            let written = format!("Phụ lục {rest}").trim_end().to_string();
            if written != Appendix::default_label(i, count) {
                a.label = Some(written);
            }
        }
        out
    }
}

/// `Phụ lục: DANH SÁCH …`, `PHỤ LỤC II. BẢNG …`: a label and an upper-case title on
/// one line, as real documents write them. Returns the label and the title.
fn label_and_title(t: &str) -> Option<(String, &str)> {
    let t = t.trim();
    let (head, title) = t.split_once([':', '.', '-', '–'])?;
    let title = title.trim();
    let head = head.trim();
    (Appendix::is_label_line(head) && is_upper_line(title) && !title.starts_with('('))
        .then(|| (head.to_string(), title))
}

/// `KT. CHỦ TỊCH`, `K/T CHỦ TỊCH`, `T/M. ỦY BAN NHÂN DÂN`.
pub(crate) fn authority(t: &str) -> Option<(AuthorityForm, String)> {
    let (prefix, rest) = t.split_once(' ')?;
    let p: String = prefix
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_uppercase();
    let form = match p.as_str() {
        "TM" => AuthorityForm::Tm,
        "KT" => AuthorityForm::Kt,
        "TL" => AuthorityForm::Tl,
        "TUQ" => AuthorityForm::Tuq,
        "Q" if prefix.ends_with('.') => AuthorityForm::Q,
        _ => return None,
    };
    Some((form, rest.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_lines_in_their_real_forms() {
        assert_eq!(
            number_line("Số: 05/KH-UBND"),
            Some((Some(5), "KH".into(), "UBND".into()))
        );
        assert_eq!(
            number_line("Số:173    /KH-UBND"),
            Some((Some(173), "KH".into(), "UBND".into()))
        );
        assert_eq!(
            number_line("Số:             /KH-UBND"),
            Some((None, "KH".into(), "UBND".into()))
        );
        assert_eq!(
            number_line("Số: 831 /TB-UBND"),
            Some((Some(831), "TB".into(), "UBND".into()))
        );
        assert_eq!(number_line("Số liệu 5/2024"), None);
    }

    #[test]
    fn place_and_date_with_blanks() {
        let (place, d) = place_date("Lâm Đồng, ngày         tháng        năm 2026").unwrap();
        assert_eq!(place, "Lâm Đồng");
        assert_eq!((d.day, d.month, d.year), (None, None, 2026));
        let (_, d) = place_date("Hà Nội, ngày 28     tháng 4    năm 2026").unwrap();
        assert_eq!((d.day, d.month), (Some(28), Some(4)));
    }

    #[test]
    fn numbered_line_kinds() {
        assert_eq!(numbered("I. MỤC ĐÍCH"), Some((Kind::Roman, "MỤC ĐÍCH")));
        assert_eq!(numbered("1. Mục đích"), Some((Kind::Arabic, "Mục đích")));
        assert_eq!(numbered("2.1. Nội dung"), Some((Kind::Decimal, "Nội dung")));
        assert_eq!(numbered("2.1.3. Việc"), Some((Kind::Decimal3, "Việc")));
        assert_eq!(numbered("đ) Điểm"), Some((Kind::Letter, "Điểm")));
        assert_eq!(numbered("a. Điểm"), Some((Kind::Letter, "Điểm")));
        assert_eq!(numbered("2024 là năm"), None);
        assert_eq!(numbered("Ia"), None);
    }

    #[test]
    fn authority_forms() {
        assert_eq!(
            authority("KT. CHỦ TỊCH"),
            Some((AuthorityForm::Kt, "CHỦ TỊCH".into()))
        );
        assert_eq!(
            authority("T/M. ỦY BAN NHÂN DÂN"),
            Some((AuthorityForm::Tm, "ỦY BAN NHÂN DÂN".into()))
        );
        assert_eq!(
            authority("K/T GIÁM ĐỐC"),
            Some((AuthorityForm::Kt, "GIÁM ĐỐC".into()))
        );
        assert_eq!(authority("PHÓ CHỦ TỊCH"), None);
    }
}
