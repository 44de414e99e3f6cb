//! Lines of an existing plan to the model.

use crate::Error;
use crate::model::{
    Appendix, DocType, Authority, AuthorityForm, Block, Header, IssueDate, NumberStyle, Plan, Recipients,
    Section, Signature, Text, nfc_in_place,
};

use super::Import;

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

struct Parser {
    unplaced: Vec<(usize, String)>,
    recognized: Vec<(usize, String)>,
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

/// A numbered line to a section: a title, a title with run-in text, or a numbered
/// paragraph without title.
fn heading(kind: Kind, rest: &str) -> Section {
    let untitled = |text: &str| Section {
        content: vec![Block::Paragraph(text.into())],
        ..Section::default()
    };
    if kind == Kind::Roman || (rest.ends_with(':') && rest.chars().count() <= 200) {
        return Section {
            title: Some(rest.into()),
            ..Section::default()
        };
    }
    if matches!(kind, Kind::Arabic | Kind::Decimal | Kind::Decimal3)
        && let Some((head, tail)) = rest.split_once(": ")
        && head.chars().count() <= 150
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
    let lines: Vec<Line> = raw
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
    let mut p = Parser {
        unplaced: Vec::new(),
        recognized: removed,
    };

    // The title line divides the header from the rest.
    let title_at = lines.iter().position(|l| {
        let u = fold(&l.text).to_uppercase();
        u == "KẾ HOẠCH" || OTHER_TYPES.contains(&u.as_str())
    });
    let Some(title_at) = title_at else {
        return Err(not_a_plan("no `KẾ HOẠCH` title line was found"));
    };
    let found = fold(&lines[title_at].text).to_uppercase();
    if found != "KẾ HOẠCH" {
        return Err(not_a_plan(&format!(
            "line {}: the document is a {found}, not a KẾ HOẠCH (plan)",
            lines[title_at].no
        )));
    }

    let header = p.header(&lines[..title_at]);

    // The summary: the lines after the title up to a blank line or the body's start.
    let mut i = title_at + 1;
    let mut summary: Vec<String> = Vec::new();
    while i < lines.len() {
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
        if numbered(t).is_some() || summary.len() >= 4 || starts_body(t) && !summary.is_empty() {
            break;
        }
        summary.push(fold(t));
        i += 1;
    }
    let summary = summary.join(" ");

    // The body runs to `Nơi nhận`.
    let closing_at = lines[i..]
        .iter()
        .position(|l| {
            let f = fold(&l.text).to_lowercase();
            f == "nơi nhận:" || f == "nơi nhận"
        })
        .map(|k| k + i);
    let body_end = closing_at.unwrap_or(lines.len());
    let body_lines: Vec<Line> = lines[i..body_end]
        .iter()
        .filter(|l| !l.text.is_empty())
        .cloned()
        .collect();
    let body_lines = join_continuations(body_lines);
    let mut body = Body::new(&body_lines);
    for l in &body_lines {
        body.line(&l.text);
    }
    let (pre, mut sections, numbering) = body.finish();
    tag_kinds(&mut sections, 1);
    if let Some(t) = last_text(&mut sections)
        && let Some(last) = t.spans_mut().last_mut()
        && last.text.trim_end().ends_with("./.")
    {
        // The template writes the end mark again.
        let trimmed = last
            .text
            .trim_end()
            .trim_end_matches("./.")
            .trim_end()
            .to_string();
        last.text = format!("{trimmed}.");
        p.recognized.push((0, "./.".into()));
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

    // Closing: recipients, then the signature, then appendices.
    let Some(closing_at) = closing_at else {
        return Err(not_a_plan(
            "no `Nơi nhận:` line was found, so the closing block cannot be read",
        ));
    };
    let rest: Vec<Line> = lines[closing_at + 1..].to_vec();
    let (recipients, after) = p.recipients(&rest);
    let (signature, after) = p.signature(&rest[after..], &rest);
    let appendices = p.appendices(&rest[after..]);

    let mut plan = Plan {
        doc_type: DocType::KeHoach,
        authority: Vec::new(),
        addressees: Vec::new(),
        conclusion: Vec::new(),
        attachments: Vec::new(),
        header,
        summary: summary.as_str().into(),
        preamble,
        sections,
        numbering: if crate::model::numbering::DEFAULT_STYLES
            .starts_with(&numbering[..numbering.len() - 1])
        {
            Vec::new()
        } else {
            numbering
        },
        recipients,
        signature,
        appendices,
        unplaced: Vec::new(),
    };
    p.unplaced.sort();
    plan.unplaced = p.unplaced.iter().map(|(_, t)| t.clone()).collect();
    if plan.signature.name.is_empty() {
        return Err(not_a_plan("no signer's name was found after `Nơi nhận:`"));
    }
    if plan.summary.is_empty() {
        return Err(not_a_plan("no summary was found under `KẾ HOẠCH`"));
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
    })
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
        message: format!("not a plan that vanban can read: {why}"),
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
    fn header(&mut self, lines: &[Line]) -> Header {
        let mut bodies: Vec<String> = Vec::new();
        let mut header = Header {
            parent: Vec::new(),
            issuer: Vec::new(),
            issuer_name: None,
            issuer_abbr: String::new(),
            unit: None,
            number: None,
            place: String::new(),
            date: IssueDate {
                day: None,
                month: None,
                year: 0,
            },
        };
        for l in lines.iter().filter(|l| !l.text.is_empty()) {
            let t = &l.text;
            if is_national_title(t) || is_motto(t) || is_rule(t) {
                self.recognized.push((l.no, t.clone()));
            } else if let Some((number, kind, issuer)) = number_line(t) {
                header.number = number;
                header.issuer_abbr = issuer;
                if Some(kind.as_str()) != DocType::KeHoach.abbreviation() {
                    // Keep what the source said: the renderer would write KH.
                    self.unplaced.push((l.no, t.clone()));
                }
            } else if let Some((place, date)) = place_date(t) {
                header.place = place;
                header.date = date;
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
        let mut r = Recipients {
            items: Vec::new(),
            archive: String::new(),
        };
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
                r.archive = archive.trim_end_matches(['.', ';']).trim().to_string();
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
                        self.unplaced.push((l.no, l.text.clone()));
                    }
                } else if s.title.is_none() {
                    s.title = Some(t);
                } else {
                    self.unplaced.push((l.no, l.text.clone()));
                }
                continue;
            }
            s.name = t;
            break;
        }
        (s, offset + i)
    }

    fn appendices(&mut self, lines: &[Line]) -> Vec<Appendix> {
        let lines: Vec<&Line> = lines.iter().filter(|l| !l.text.is_empty()).collect();
        let is_label = Appendix::is_label_line;
        let mut groups: Vec<Vec<&Line>> = Vec::new();
        for l in lines {
            if is_label(&l.text) || groups.is_empty() {
                groups.push(Vec::new());
            }
            groups.last_mut().expect("a group").push(l);
        }
        let mut out: Vec<Appendix> = groups
            .into_iter()
            .map(|g| {
                let mut a = Appendix::default();
                let mut k = 0;
                if is_label(&g[0].text) {
                    a.label = Some(fold(&g[0].text));
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
                let body_lines = join_continuations(body_lines);
                let mut body = Body::new(&body_lines);
                let mut rows: Vec<&str> = Vec::new();
                for l in &body_lines {
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
                let (content, sections, _) = body.finish();
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
