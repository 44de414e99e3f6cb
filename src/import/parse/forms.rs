//! The fixed forms' own lines (Mẫu 1.6-1.10), read out of a body: a Công điện's
//! `… điện:` line and its recipients, a Giấy mời's invitation and fields, a Giấy
//! giới thiệu's and a Giấy nghỉ phép's sentences, a Biên bản's field lines and its
//! signatures side by side. What is not recognized stays in the body.

use super::{Line, Parser, bullet, fold, has_lower, is_upper_line};
use crate::model::{
    Confirmation, CopyForm, DocCopy, DocType, Introduction, Invitation, InvitationField, IssueDate,
    Leave, Minutes, Signature, Text,
};

/// The parts a fixed form's lines gave.
#[derive(Debug, Default)]
pub(super) struct FormParts {
    pub sender: Option<String>,
    pub addressees: Vec<String>,
    pub invitation: Option<Invitation>,
    pub introduction: Option<Introduction>,
    pub minutes: Option<Minutes>,
    pub leave: Option<Leave>,
}

/// A date written `ngày 31 tháng 3 năm 2026`, `ngày 31/3/2026` or `31/03/2026`
/// at the start of `s` (after `ngày`); the rest of `s` after it.
pub(super) fn date_at(s: &str) -> Option<(IssueDate, &str)> {
    let s = s.trim_start();
    let s = s.strip_prefix("ngày").unwrap_or(s).trim_start();
    let digits = |t: &str| -> Option<(u32, usize)> {
        let n = t.chars().take_while(char::is_ascii_digit).count();
        (n > 0).then(|| t[..n].parse().ok().map(|v| (v, n)))?
    };
    let (day, n) = digits(s)?;
    let rest = &s[n..];
    let (month, year, rest) = if let Some(r) = rest.strip_prefix('/') {
        let (month, n) = digits(r)?;
        let r = r[n..].strip_prefix('/')?;
        let (year, n) = digits(r)?;
        (month, year, &r[n..])
    } else {
        let r = rest.trim_start().strip_prefix("tháng")?.trim_start();
        let (month, n) = digits(r)?;
        let r = r[n..].trim_start().strip_prefix("năm")?.trim_start();
        let (year, n) = digits(r)?;
        (month, year, &r[n..])
    };
    let date = IssueDate {
        day: u8::try_from(day).ok(),
        month: u8::try_from(month).ok(),
        year,
    };
    date.validate().ok()?;
    Some((date, rest))
}

/// The first date anywhere in `s`.
pub(super) fn find_date(s: &str) -> Option<IssueDate> {
    s.match_indices("ngày")
        .find_map(|(i, _)| date_at(&s[i..]).map(|(d, _)| d))
}

/// `Label: text` when the line starts with one of `labels`; the text after the colon.
fn field<'a>(t: &'a str, labels: &[&str]) -> Option<&'a str> {
    labels.iter().find_map(|l| {
        let rest = t.strip_prefix(l)?.trim_start();
        Some(rest.strip_prefix(':')?.trim())
    })
}

/// The end mark and a final full stop taken off a sentence the template ends itself.
fn unend(t: &str) -> String {
    t.trim_end()
        .trim_end_matches("./.")
        .trim_end_matches('.')
        .trim_end()
        .to_string()
}

/// `Ông (bà) Nguyễn Văn A`, `Bà: Trần Thị B`: the honorific and the name.
fn person(t: &str) -> Option<(Option<String>, String)> {
    for (prefix, h) in [
        ("Ông (bà)", None),
        ("Ông/bà", None),
        ("Ông", Some("Ông")),
        ("Bà", Some("Bà")),
    ] {
        if let Some(rest) = t.strip_prefix(prefix)
            && (rest.starts_with([' ', ':']))
        {
            let name = rest.trim_start().trim_start_matches(':').trim();
            let name = name.trim_end_matches(['.', ';', ',']).trim();
            if !name.is_empty() {
                return Some((h.map(String::from), name.to_string()));
            }
        }
    }
    None
}

/// A mark of the header (ô 10a, 10b, 11).
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Mark {
    Urgency(String),
    Confidentiality(String),
    Circulation(String),
}

/// The mark a header line is, when it is one: the decree's urgency and
/// confidentiality words and the usual circulation notes, in capitals.
pub(super) fn mark(t: &str) -> Option<Mark> {
    let f = fold(t);
    let f = f.trim_matches(['[', ']', '(', ')']).trim();
    if !is_upper_line(f) {
        return None;
    }
    let key = crate::model::Marks::urgency_key(f);
    if crate::model::URGENCY.contains(&key.as_str()) || key == "HỎA TỐC HẸN GIỜ" {
        return Some(Mark::Urgency(f.to_string()));
    }
    if crate::model::CONFIDENTIALITY.contains(&f) {
        return Some(Mark::Confidentiality(f.to_string()));
    }
    const CIRCULATION: &[&str] = &[
        "XEM XONG TRẢ LẠI",
        "LƯU HÀNH NỘI BỘ",
        "KHÔNG PHỔ BIẾN",
        "KHÔNG ĐĂNG TẢI",
        "TÀI LIỆU THU HỒI",
    ];
    if CIRCULATION.contains(&f) {
        return Some(Mark::Circulation(f.to_string()));
    }
    None
}

/// An electronic copy's line (Mẫu 3.2): `SAO Y; Ủy ban nhân dân phường Hoàn Kiếm;
/// 2026-12-03T09:15:30+07:00`.
pub(super) fn copy_stamp(t: &str) -> Option<DocCopy> {
    let mut parts = t.split(';').map(str::trim);
    let form = parts.next()?;
    let form = [CopyForm::SaoY, CopyForm::SaoLuc, CopyForm::TrichSao]
        .into_iter()
        .find(|f| f.name() == form)?;
    let body = parts.next()?.to_string();
    let at = parts.next()?.to_string();
    if parts.next().is_some() || body.is_empty() || crate::input::iso_time(&at).is_err() {
        return None;
    }
    let num = |r: std::ops::Range<usize>| at.get(r).and_then(|s| s.parse::<u32>().ok());
    Some(DocCopy {
        form,
        issuer: vec![body.to_uppercase()],
        issuer_name: Some(body),
        issuer_abbr: String::new(),
        number: None,
        place: String::new(),
        date: IssueDate {
            day: num(8..10).and_then(|d| u8::try_from(d).ok()),
            month: num(5..7).and_then(|m| u8::try_from(m).ok()),
            year: num(0..4)?,
        },
        recipients: None,
        signature: None,
        signed_at: Some(at),
    })
}

/// The archive of a `Lưu:` line and the drafter's symbol and copies after it
/// (ô 12): `VT, TH(2). H` is `VT, TH(2)` and `H`; `VT, HC. PL.(300)` is `VT, HC`
/// and `PL`, 300. A last part that is not an upper-case symbol stays archive.
pub(super) fn drafter(archive: &str) -> (&str, Option<(String, Option<u32>)>) {
    let Some((head, tail)) = archive.rsplit_once(". ") else {
        return (archive, None);
    };
    let tail = tail.trim();
    let (symbol, copies) = match tail.split_once('(') {
        Some((s, n)) => match n.trim_end_matches(')').trim().parse::<u32>() {
            Ok(n) => (s.trim_end_matches('.').trim(), Some(n)),
            Err(_) => return (archive, None),
        },
        None => (tail.trim_end_matches('.'), None),
    };
    let ok = !symbol.is_empty()
        && symbol.chars().count() <= 12
        && symbol
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit());
    if ok {
        (head.trim(), Some((symbol.to_string(), copies)))
    } else {
        (archive, None)
    }
}

impl Parser {
    /// A paper copy's block in `lines` (Mẫu 3.1): the copying body, `Số: 05/SY-…`,
    /// `SAO Y` and its date, then Nơi nhận and the signature. Returns the copy and
    /// the index where its block starts. A number whose symbol is not the form's
    /// is kept in `unplaced` (the check's R39 names it).
    pub(super) fn copy(&mut self, lines: &[Line]) -> Option<(DocCopy, usize)> {
        let forms = [CopyForm::SaoY, CopyForm::SaoLuc, CopyForm::TrichSao];
        let (k, form) = lines.iter().enumerate().find_map(|(k, l)| {
            forms
                .into_iter()
                .find(|f| fold(&l.text) == f.name())
                .map(|f| (k, f))
        })?;
        // The block starts at the copying body's name, a few lines up.
        let mut start = k;
        while start > 0 && k - start < 6 {
            let t = fold(&lines[start - 1].text);
            let head = t.is_empty()
                || super::is_rule(&t)
                || is_upper_line(&t)
                || super::number_line(&t).is_some()
                || super::place_date(&t).is_some();
            if !head {
                break;
            }
            start -= 1;
        }
        let mut copy = DocCopy {
            form,
            issuer: Vec::new(),
            issuer_name: None,
            issuer_abbr: String::new(),
            number: None,
            place: String::new(),
            date: IssueDate::UNKNOWN,
            recipients: None,
            signature: None,
            signed_at: None,
        };
        let closing = lines[k..]
            .iter()
            .position(|l| {
                fold(&l.text)
                    .trim_end_matches(':')
                    .eq_ignore_ascii_case("Nơi nhận")
            })
            .map_or(lines.len(), |c| c + k);
        for l in &lines[start..closing] {
            let t = fold(&l.text);
            if t.is_empty() || super::is_rule(&t) || t == form.name() {
                self.recognized.push((l.no, t));
            } else if let Some((number, kind, abbr)) = super::number_line(&t) {
                copy.number = number;
                copy.issuer_abbr = abbr;
                if kind != form.symbol() {
                    self.unplaced.push((l.no, t));
                }
            } else if let Some((place, date)) = super::place_date(&t) {
                copy.place = place;
                copy.date = date;
            } else if is_upper_line(&t) {
                copy.issuer.push(t);
            } else {
                self.unplaced.push((l.no, t));
            }
        }
        if closing < lines.len() {
            let rest = &lines[closing + 1..];
            let (recipients, after) = self.recipients(rest);
            let (signature, _) = self.signature(&rest[after..], rest);
            copy.recipients = Some(recipients);
            copy.signature = (!signature.name.is_empty()).then_some(signature);
        }
        Some((copy, start))
    }

    /// The contact lines of ô 13 at the start of `lines` (`Địa chỉ: …`, `ĐT: …`,
    /// `Số điện thoại liên hệ …`), joined into the marks; returns how many lines
    /// they took.
    pub(super) fn contact(&mut self, lines: &[Line]) -> usize {
        let is_contact = |t: &str| {
            [
                "Địa chỉ",
                "ĐT",
                "Điện thoại",
                "Số điện thoại",
                "E-mail",
                "Email",
                "Website",
                "Fax",
            ]
            .iter()
            .any(|w| t.starts_with(w))
        };
        let mut parts: Vec<String> = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            let t = fold(&lines[i].text);
            if t.is_empty() {
                i += 1;
                continue;
            }
            if !is_contact(&t) {
                break;
            }
            self.recognized.push((lines[i].no, t.clone()));
            parts.push(t);
            i += 1;
        }
        if parts.is_empty() {
            return 0;
        }
        self.marks.contact = Some(Text::from(parts.join(" ")));
        i
    }

    /// Takes the lines of `t`'s fixed form out of `body` (non-empty, continuation
    /// lines joined) and returns what they say.
    pub(super) fn form_parts(&mut self, t: DocType, body: &mut Vec<Line>) -> FormParts {
        let mut parts = FormParts::default();
        match t {
            DocType::CongDien => self.dispatch(body, &mut parts),
            DocType::GiayMoi => self.invitation(body, &mut parts),
            DocType::GiayGioiThieu => self.introduction(body, &mut parts),
            DocType::BienBan => self.minutes(body, &mut parts),
            DocType::GiayNghiPhep => self.leave(body, &mut parts),
            _ => {}
        }
        parts
    }

    fn take(&mut self, body: &mut Vec<Line>, i: usize) -> String {
        let l = body.remove(i);
        self.recognized.push((l.no, l.text.clone()));
        l.text
    }

    /// `THỦ TƯỚNG CHÍNH PHỦ điện:` and the `- …;` lines under it.
    fn dispatch(&mut self, body: &mut Vec<Line>, parts: &mut FormParts) {
        let Some(at) = body.iter().take(3).position(|l| {
            let f = fold(&l.text);
            f.ends_with(" điện:") || f.ends_with(" điện")
        }) else {
            return;
        };
        let line = fold(&self.take(body, at));
        let sender = line.trim_end_matches(':').trim_end();
        parts.sender = Some(sender.trim_end_matches("điện").trim().to_string());
        while at < body.len() {
            let Some((false, item)) = bullet(&body[at].text) else {
                break;
            };
            let item = item.trim_end_matches([';', '.', ',']).trim().to_string();
            self.take(body, at);
            parts.addressees.push(item);
        }
    }

    /// `… trân trọng kính mời: …`, `Tới dự …` and the field lines after them.
    fn invitation(&mut self, body: &mut Vec<Line>, parts: &mut FormParts) {
        const MARK: &str = "trân trọng kính mời";
        let Some(at) = body.iter().take(4).position(|l| l.text.contains(MARK)) else {
            return;
        };
        let line = fold(&self.take(body, at));
        let (inviter, invitee) = line.split_once(MARK).expect("the line holds it");
        let invitee = invitee.trim_start().trim_start_matches(':').trim();
        let mut inv = Invitation {
            inviter: Some(inviter.trim().to_string()).filter(|s| !s.is_empty()),
            invitee: invitee.to_string(),
            event: None,
            fields: Vec::new(),
        };
        if at < body.len()
            && let Some(event) = body[at].text.strip_prefix("Tới dự")
        {
            inv.event = Some(Text::from(event.trim()));
            self.take(body, at);
        }
        while at < body.len() {
            let t = body[at].text.as_str();
            let f = if let Some(v) = field(t, &["Chủ trì"]) {
                InvitationField::Chair(v.into())
            } else if let Some(v) = field(t, &["Thời gian"]) {
                InvitationField::Time(v.into())
            } else if let Some(v) = field(t, &["Địa điểm"]) {
                InvitationField::Place(v.into())
            } else if let Some(v) = field(t, &["Thành phần"]) {
                InvitationField::Participants(v.into())
            } else {
                break;
            };
            inv.fields.push(f);
            self.take(body, at);
        }
        // The end mark is the template's.
        if body.is_empty()
            && let Some(last) = inv.fields.pop()
        {
            let text = Text::from(unend(&last.text().plain()) + ".");
            inv.fields.push(match last {
                InvitationField::Chair(_) => InvitationField::Chair(text),
                InvitationField::Time(_) => InvitationField::Time(text),
                InvitationField::Place(_) => InvitationField::Place(text),
                InvitationField::Participants(_) => InvitationField::Participants(text),
                InvitationField::Other { label, .. } => InvitationField::Other { label, text },
            });
        }
        parts.invitation = Some(inv);
    }

    /// Mẫu 1.8's lines; the introduction only when all of them are there.
    fn introduction(&mut self, body: &mut Vec<Line>, parts: &mut FormParts) {
        const MARK: &str = "trân trọng giới thiệu";
        let Some(at) = body.iter().take(3).position(|l| l.text.contains(MARK)) else {
            return;
        };
        let find = |body: &[Line], labels: &[&str]| {
            body.iter().position(|l| field(&l.text, labels).is_some())
        };
        let person_at = body.iter().position(|l| person(&l.text).is_some());
        let position_at = find(body, &["Chức vụ"]);
        let dest_at = find(body, &["Được cử đến"]);
        let purpose_at = find(body, &["Về việc"]);
        let valid_at = body
            .iter()
            .position(|l| l.text.starts_with("Giấy này có giá trị đến hết"));
        let (Some(pa), Some(po), Some(de), Some(pu), Some(va)) =
            (person_at, position_at, dest_at, purpose_at, valid_at)
        else {
            return;
        };
        let valid = body[va]
            .text
            .trim_start_matches("Giấy này có giá trị đến hết");
        let Some((valid_until, _)) = date_at(valid) else {
            return;
        };
        let (honorific, name) = person(&body[pa].text).expect("found above");
        let value = |i: usize, labels: &[&str]| {
            field(&body[i].text, labels).unwrap_or_default().to_string()
        };
        let introduction = Introduction {
            introducer: Some(fold(body[at].text.split(MARK).next().unwrap_or_default()))
                .filter(|s| !s.is_empty()),
            honorific,
            person: name,
            position: value(po, &["Chức vụ"]),
            destination: value(de, &["Được cử đến"]),
            purpose: value(pu, &["Về việc"]).as_str().into(),
            valid_until,
        };
        let mut used = vec![at, pa, po, de, pu, va];
        if let Some(k) = body
            .iter()
            .position(|l| l.text.starts_with("Đề nghị Quý cơ quan tạo điều kiện"))
        {
            used.push(k);
        }
        used.sort_unstable();
        for i in used.into_iter().rev() {
            self.take(body, i);
        }
        parts.introduction = Some(introduction);
    }

    /// Mẫu 1.9's field lines, the `Nội dung …:` line and the closing sentence.
    fn minutes(&mut self, body: &mut Vec<Line>, parts: &mut FormParts) {
        let mut m = Minutes::default();
        let mut found = false;
        let mut i = 0;
        while i < body.len().min(12) {
            let t = body[i].text.clone();
            let slot = if let Some(v) = field(&t, &["Thời gian bắt đầu"]) {
                m.started = Some(v.into());
                true
            } else if let Some(v) = field(&t, &["Địa điểm"]) {
                m.place = Some(v.into());
                true
            } else if let Some(v) = field(&t, &["Thành phần tham dự", "Thành phần"]) {
                m.attendees = Some(v.into());
                true
            } else if let Some(v) =
                field(&t, &["Chủ trì (chủ tọa)", "Chủ trì (chủ toạ)", "Chủ trì"])
            {
                m.chair = Some(v.into());
                true
            } else if let Some(v) = field(&t, &["Thư ký (người ghi biên bản)", "Thư ký"])
            {
                m.secretary = Some(v.into());
                true
            } else {
                false
            };
            if slot {
                found = true;
                self.take(body, i);
                continue;
            }
            if found && t.starts_with("Nội dung") && t.ends_with(':') {
                m.content_label = Some(fold(&t));
                self.take(body, i);
                break;
            }
            i += 1;
        }
        if m.content_label.is_none() {
            // No label line: none is written back.
            m.content_label = Some(String::new());
        }
        if let Some(last) = body.last()
            && last.text.contains("kết thúc")
        {
            let k = body.len() - 1;
            let t = self.take(body, k);
            m.ended = Some(unend(&t).as_str().into());
            found = true;
        }
        if found {
            parts.minutes = Some(m);
        }
    }

    /// Mẫu 1.10's five sentences; the leave only when all of them are there.
    fn leave(&mut self, body: &mut Vec<Line>, parts: &mut FormParts) {
        let find = |p: &str| body.iter().position(|l| l.text.starts_with(p));
        let (Some(req), Some(per), Some(pos), Some(per2), Some(cnt)) = (
            find("Xét Đơn đề nghị nghỉ phép").or_else(|| find("Xét đơn đề nghị nghỉ phép")),
            body.iter().position(|l| person(&l.text).is_some()),
            body.iter()
                .position(|l| field(&l.text, &["Chức vụ"]).is_some()),
            find("Được nghỉ phép trong thời gian"),
            find("Số ngày nghỉ phép nêu trên được tính vào thời gian"),
        ) else {
            return;
        };
        let request = fold(&body[req].text);
        let Some((request_date, _)) = request.find("ngày").and_then(|k| date_at(&request[k..]))
        else {
            return;
        };
        let grantor = request
            .trim_end_matches(':')
            .trim_end()
            .strip_suffix("cấp cho")
            .and_then(|s| s.rsplit_once(", ").map(|(_, g)| g.trim().to_string()));
        let (honorific, name) = person(&body[per].text).expect("found above");
        let period_line = fold(&body[per2].text);
        let rest = period_line
            .trim_start_matches("Được nghỉ phép trong thời gian")
            .trim();
        let Some((period, rest)) = rest.split_once("kể từ") else {
            return;
        };
        let Some((from, rest)) = date_at(rest) else {
            return;
        };
        let Some(rest) = rest.trim_start().strip_prefix("đến hết") else {
            return;
        };
        let Some((to, rest)) = date_at(rest) else {
            return;
        };
        let place = rest
            .trim_start()
            .strip_prefix("tại")
            .map(|p| unend(p.trim()));
        let counted = fold(&body[cnt].text);
        let counted_as = unend(
            counted
                .trim_start_matches("Số ngày nghỉ phép nêu trên được tính vào thời gian")
                .trim(),
        );
        let leave = Leave {
            request_date,
            grantor,
            honorific,
            person: name,
            position: field(&body[pos].text, &["Chức vụ"])
                .unwrap_or_default()
                .to_string(),
            period: period.trim().to_string(),
            from,
            to,
            place: place.unwrap_or_default(),
            counted_as,
            confirmation: None,
        };
        let mut used = vec![req, per, pos, per2, cnt];
        used.sort_unstable();
        for i in used.into_iter().rev() {
            self.take(body, i);
        }
        parts.leave = Some(leave);
    }

    /// The signatures of a Biên bản, in reading order: groups of title lines each
    /// ended by a name (`THƯ KÝ` / name, `Đại diện` / `Sở Công Thương` / name).
    /// Placeholders in brackets (`(Chữ ký)`) are skipped. Returns the signatures
    /// and the number of lines read, up to `Nơi nhận:` or the end.
    pub(super) fn signatures(&mut self, lines: &[Line]) -> (Vec<Signature>, usize) {
        let starts_group = |t: &str| {
            is_upper_line(t)
                || t.to_lowercase().starts_with("đại diện")
                || super::authority(t).is_some()
        };
        let mut groups: Vec<Vec<String>> = Vec::new();
        let mut current: Vec<String> = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            let t = fold(&lines[i].text);
            let lower = t.to_lowercase();
            if lower == "nơi nhận:" || lower == "nơi nhận" {
                break;
            }
            i += 1;
            if t.is_empty() {
                continue;
            }
            if t.starts_with('(') && t.ends_with(')') {
                self.recognized.push((lines[i - 1].no, t));
                continue;
            }
            let named = current.last().is_some_and(|l| !starts_group(l));
            if starts_group(&t) && named {
                groups.push(std::mem::take(&mut current));
            }
            current.push(t);
        }
        if !current.is_empty() {
            groups.push(current);
        }
        let mut out = Vec::new();
        for g in groups {
            let Some((name, titles)) = g.split_last() else {
                continue;
            };
            if !has_lower(name) {
                // A group with no name is not a signature: keep its lines.
                let no = lines.first().map_or(0, |l| l.no);
                self.unplaced.extend(g.iter().map(|t| (no, t.clone())));
                continue;
            }
            out.push(Signature {
                collective: None,
                authority: None,
                title: (!titles.is_empty()).then(|| titles.join("\n")),
                name: name.clone(),
                ..Default::default()
            });
        }
        (out, i)
    }

    /// A Giấy nghỉ phép's confirmation block after its signature: the caption
    /// (`Xác nhận của …`, over one or more lines) and a name.
    pub(super) fn confirmation(&mut self, lines: &[Line]) -> (Option<Confirmation>, usize) {
        let mut i = 0;
        while i < lines.len() && lines[i].text.is_empty() {
            i += 1;
        }
        if i >= lines.len() || !lines[i].text.starts_with("Xác nhận") {
            return (None, 0);
        }
        let mut title = vec![fold(&lines[i].text)];
        i += 1;
        let mut name = None;
        while i < lines.len() {
            let t = fold(&lines[i].text);
            i += 1;
            if t.is_empty() {
                continue;
            }
            if t.starts_with('(') && t.ends_with(')') {
                if t.contains("nếu cần") {
                    title.push(t);
                }
                continue;
            }
            if super::starts_lower(&t) {
                title.push(t);
                continue;
            }
            name = Some(t);
            break;
        }
        let title = title.join(" ");
        let default = "Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép";
        let title = title.trim_end_matches("(nếu cần)").trim().to_string();
        (
            Some(Confirmation {
                title: (title != default).then_some(title),
                name,
            }),
            i,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_forms() {
        let d = |day, month, year| IssueDate {
            day: Some(day),
            month: Some(month),
            year,
        };
        assert_eq!(
            date_at("ngày 31 tháng 3 năm 2026./.").unwrap().0,
            d(31, 3, 2026)
        );
        assert_eq!(
            date_at("ngày 16/6/2026, theo").unwrap(),
            (d(16, 6, 2026), ", theo")
        );
        assert!(date_at("ngày 30/2/2026").is_none());
        assert_eq!(
            find_date("Hôm nay, ngày 26/5/2026 tại Sở"),
            Some(d(26, 5, 2026))
        );
    }

    #[test]
    fn marks_and_the_drafter() {
        assert_eq!(mark("HỎA TỐC"), Some(Mark::Urgency("HỎA TỐC".into())));
        assert_eq!(mark("HOẢ TỐC"), Some(Mark::Urgency("HOẢ TỐC".into())));
        assert_eq!(mark("MẬT"), Some(Mark::Confidentiality("MẬT".into())));
        assert_eq!(mark("Khẩn"), None);
        assert_eq!(
            drafter("VT, TH(2). H"),
            ("VT, TH(2)", Some(("H".into(), None)))
        );
        assert_eq!(
            drafter("VT, HC. PL.(300)"),
            ("VT, HC", Some(("PL".into(), Some(300))))
        );
        assert_eq!(
            drafter("VT, Phòng Hành chính. Bản sao"),
            ("VT, Phòng Hành chính. Bản sao", None)
        );
    }

    #[test]
    fn persons_with_their_honorific() {
        assert_eq!(
            person("Ông (bà): Trần Văn Bình").unwrap(),
            (None, "Trần Văn Bình".into())
        );
        assert_eq!(
            person("Bà Lê Thị Hoa").unwrap(),
            (Some("Bà".into()), "Lê Thị Hoa".into())
        );
        assert!(person("Ôngx").is_none());
    }
}
