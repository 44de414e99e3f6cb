//! Footnotes in a text copy: the notes at its end (`[1] …` as a copy of a DOCX or
//! a web page gives them, `1 …` or `¹ …` as a PDF's text layer does) and their
//! numbers in the text (`[1]`, `¹`), where each note is anchored.
//!
//! A note whose number the text does not hold (a PDF's text layer drops raised
//! digits) is still a footnote: its number goes after the body's last words, and
//! the report says so, for the number's place is a guess.

use super::Line;
use crate::model::{Plan, Span, Text, TextVisitor, VisitText};

/// A footnote read from the end of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Note {
    /// Its number, from 1.
    pub number: usize,
    /// Its text.
    pub text: String,
    /// Its line in the source (1-based).
    pub line: usize,
}

/// The Unicode superscript digits, 0 to 9.
const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

fn superscript_digit(c: char) -> Option<usize> {
    SUPERSCRIPTS.iter().position(|&s| s == c)
}

/// A note line's number and text: `[3] text`, `3 Text` (the text starting with
/// a capital, as a PDF's text layer writes a raised number), `³ text`.
fn note_line(text: &str) -> Option<(usize, &str)> {
    if let Some(rest) = text.strip_prefix('[') {
        let (n, rest) = rest.split_once(']')?;
        let n: usize = n.parse().ok().filter(|n| (1..1000).contains(n))?;
        let rest = rest.trim_start();
        return (!rest.is_empty()).then_some((n, rest));
    }
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let rest = &text[digits.len()..];
        let n: usize = digits.parse().ok().filter(|n| (1..100).contains(n))?;
        let rest = rest.strip_prefix(' ')?.trim_start();
        return rest
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
            .then_some((n, rest));
    }
    let mut n = 0;
    let mut len = 0;
    for c in text.chars() {
        match superscript_digit(c) {
            Some(d) => {
                n = n * 10 + d;
                len += c.len_utf8();
            }
            None => break,
        }
    }
    let rest = text[len..].trim_start();
    (len > 0 && (1..1000).contains(&n) && !rest.is_empty()).then_some((n, rest))
}

/// Takes the notes off the end of `lines`: the last lines, blank ones between
/// them aside, when they are numbered 1, 2 … in order. Anything else there (a
/// signer's name, an appendix) leaves the lines as they are.
pub(super) fn take_notes(lines: &mut Vec<Line>) -> Vec<Note> {
    let mut notes = Vec::new();
    let mut start = lines.len();
    for (k, l) in lines.iter().enumerate().rev() {
        if l.text.is_empty() {
            continue;
        }
        match note_line(&l.text) {
            Some((number, text)) => {
                notes.push(Note {
                    number,
                    text: text.to_string(),
                    line: l.no,
                });
                start = k;
            }
            None => break,
        }
    }
    notes.reverse();
    if notes.is_empty() || notes.iter().enumerate().any(|(k, n)| n.number != k + 1) {
        return Vec::new();
    }
    lines.truncate(start);
    notes
}

/// Anchors each note where the text writes its number (the number taken off),
/// in document order; a note whose number is nowhere goes after the body's last
/// words. Returns what the report should say, by line.
pub(super) fn anchor(plan: &mut Plan, notes: &[Note]) -> Vec<(usize, String)> {
    if notes.is_empty() {
        return Vec::new();
    }
    let mut a = Anchors {
        notes,
        placed: vec![false; notes.len()],
    };
    plan.visit_text(&mut a);
    let mut said = Vec::new();
    for (note, placed) in notes.iter().zip(a.placed) {
        if placed {
            said.push((
                note.line,
                format!("footnote {}, where the text numbers it", note.number),
            ));
            continue;
        }
        let at_end = append_to_body(plan, &note.text);
        said.push((
            note.line,
            if at_end {
                format!(
                    "footnote {}: its number is not in the text; it is put after the body's last words, check where it belongs",
                    note.number
                )
            } else {
                format!("footnote {}: the document has no body to hold it", note.number)
            },
        ));
    }
    said
}

/// Finds the numbers of the notes in texts and anchors the notes there.
struct Anchors<'n> {
    notes: &'n [Note],
    placed: Vec<bool>,
}

impl Anchors<'_> {
    /// The first number of a note not placed yet in `s`: its byte range and the
    /// note's index.
    fn find(&self, s: &str) -> Option<(std::ops::Range<usize>, usize)> {
        let mut best: Option<(std::ops::Range<usize>, usize)> = None;
        for (k, note) in self.notes.iter().enumerate() {
            if self.placed[k] {
                continue;
            }
            let bracket = format!("[{}]", note.number);
            let raised: String = note
                .number
                .to_string()
                .chars()
                .map(|d| SUPERSCRIPTS[d.to_digit(10).unwrap_or(0) as usize])
                .collect();
            for (marker, raised) in [(bracket, false), (raised, true)] {
                // A raised number must not run on into another raised digit,
                // nor be a unit's power (`m²`, `km²`, `m³`).
                let found = s.match_indices(&marker).find(|(at, m)| {
                    !raised
                        || (s[at + m.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| superscript_digit(c).is_none())
                            && !s[..*at].ends_with('m'))
                });
                if let Some((at, m)) = found
                    && best.as_ref().is_none_or(|(r, _)| at < r.start)
                {
                    best = Some((at..at + m.len(), k));
                }
            }
        }
        best
    }
}

impl TextVisitor for Anchors<'_> {
    fn string(&mut self, _: &mut String) {}

    fn text(&mut self, t: &mut Text) {
        if t.spans().iter().all(|s| self.find(&s.text).is_none()) {
            return;
        }
        let mut out = Vec::new();
        for mut span in std::mem::take(t.spans_mut()) {
            while span.footnote.is_none()
                && let Some((range, k)) = self.find(&span.text)
            {
                self.placed[k] = true;
                let rest = span.text[range.end..].to_string();
                span.text.truncate(range.start);
                let next = Span {
                    text: rest,
                    footnote: None,
                    ..span.clone()
                };
                span.footnote = Some(self.notes[k].text.clone());
                out.push(std::mem::replace(&mut span, next));
            }
            out.push(span);
        }
        out.retain(|s| !s.text.is_empty() || s.footnote.is_some());
        *t.spans_mut() = out;
    }
}

/// Puts a note after the body's last paragraph (the conclusion's, else the last
/// section's, else the preamble's); false when there is no body text.
fn append_to_body(plan: &mut Plan, note: &str) -> bool {
    /// Counts the texts it is shown, and appends the note to the `at`-th.
    struct Walk<'n> {
        seen: usize,
        at: Option<usize>,
        note: &'n str,
    }
    impl TextVisitor for Walk<'_> {
        fn string(&mut self, _: &mut String) {}
        fn text(&mut self, t: &mut Text) {
            if self.at == Some(self.seen) {
                append_note(t, self.note);
            }
            self.seen += 1;
        }
    }
    let mut walk = Walk {
        seen: 0,
        at: None,
        note,
    };
    for pass in 0..2 {
        walk.seen = 0;
        plan.preamble.visit_text(&mut walk);
        plan.sections.visit_text(&mut walk);
        plan.conclusion.visit_text(&mut walk);
        if pass == 0 {
            let Some(last) = walk.seen.checked_sub(1) else {
                return false;
            };
            walk.at = Some(last);
        }
    }
    true
}

/// A note after a text's last words, before its closing full stop.
fn append_note(t: &mut Text, note: &str) {
    let spans = t.spans_mut();
    let mut stop = false;
    if let Some(last) = spans.last_mut()
        && last.footnote.is_none()
    {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
        if let Some(words) = last.text.strip_suffix('.') {
            last.text = words.to_string();
            stop = true;
        }
        last.footnote = Some(note.to_string());
    } else {
        spans.push(Span {
            footnote: Some(note.to_string()),
            ..Span::default()
        });
    }
    if stop {
        spans.push(Span::plain("."));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        text.lines()
            .enumerate()
            .map(|(i, t)| Line {
                no: i + 1,
                text: t.to_string(),
            })
            .collect()
    }

    #[test]
    fn note_lines_of_each_form() {
        assert_eq!(
            note_line("[2] Hiến pháp năm 2013"),
            Some((2, "Hiến pháp năm 2013"))
        );
        assert_eq!(note_line("1 UBND các xã"), Some((1, "UBND các xã")));
        assert_eq!(note_line("¹² Luật"), Some((12, "Luật")));
        assert_eq!(note_line("1. Mục đích"), None);
        assert_eq!(note_line("2 phường"), None);
        assert_eq!(note_line("Nguyễn Văn Hoàn"), None);
    }

    #[test]
    fn the_last_numbered_lines_are_the_notes() {
        let mut l = lines("Nguyễn Văn A\n\n[1] Một.\n\n[2] Hai.");
        let notes = take_notes(&mut l);
        assert_eq!(notes.iter().map(|n| n.number).collect::<Vec<_>>(), [1, 2]);
        assert_eq!((notes[1].text.as_str(), notes[1].line), ("Hai.", 5));
        assert_eq!(l.len(), 2);
        // Out of order, or not from 1: not notes.
        let mut l = lines("Nguyễn Văn A\n[2] Hai.");
        assert!(take_notes(&mut l).is_empty());
        assert_eq!(l.len(), 2);
    }

    #[test]
    fn a_number_in_the_text_anchors_its_note() {
        let mut t = Text::from("các cơ quan chức năng[1]; Hiến pháp 2013[2].");
        let notes = [
            Note {
                number: 1,
                text: "Chỉ thị 46".into(),
                line: 9,
            },
            Note {
                number: 2,
                text: "Hiến pháp".into(),
                line: 10,
            },
        ];
        let mut a = Anchors {
            notes: &notes,
            placed: vec![false; 2],
        };
        t.visit_text(&mut a);
        let got: Vec<_> = t
            .spans()
            .iter()
            .map(|s| (s.text.as_str(), s.footnote.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("các cơ quan chức năng", Some("Chỉ thị 46")),
                ("; Hiến pháp 2013", Some("Hiến pháp")),
                (".", None)
            ]
        );
    }

    #[test]
    fn a_unit_s_power_is_no_note_number() {
        let notes = [Note {
            number: 2,
            text: "Ghi chú".into(),
            line: 3,
        }];
        let a = Anchors {
            notes: &notes,
            placed: vec![false],
        };
        assert_eq!(a.find("diện tích 500 m²"), None);
        assert_eq!(a.find("khu đất²;").map(|(r, _)| r.start), Some(10));
    }

    #[test]
    fn a_note_without_its_number_goes_before_the_last_full_stop() {
        let mut t = Text::from("địa điểm nêu trên.");
        append_note(&mut t, "Ghi chú");
        assert_eq!(t.plain(), "địa điểm nêu trên.");
        assert_eq!(t.footnotes().collect::<Vec<_>>(), ["Ghi chú"]);
        assert_eq!(t.spans()[0].text, "địa điểm nêu trên");
    }
}
