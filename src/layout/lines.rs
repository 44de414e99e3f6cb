//! Breaking a paragraph into lines: shape, measure, break greedily at the Unicode
//! line-break opportunities (UAX #14: spaces, and after a hyphen or slash inside
//! `5969/QĐ-UBND`) as Word and LibreOffice do, then justify by spreading the
//! remaining width over the spaces.

use std::ops::Range;

use crate::fonts::{Face, Shapers};
use crate::nd30::Align;

/// A run of text in one face and size: the input of [`break_lines`].
#[derive(Debug, Clone, PartialEq)]
pub struct StyledText {
    /// The characters.
    pub text: String,
    /// The face.
    pub face: Face,
    /// Size in points.
    pub size: f32,
    /// How far the baseline is raised, points (a footnote's number).
    pub rise: f32,
    /// The footnote this run is the number of, counted from 0 in document order.
    pub note: Option<usize>,
}

impl StyledText {
    /// A run on the baseline that is no footnote's number.
    ///
    /// ```
    /// use vanban::fonts::Face;
    /// use vanban::layout::StyledText;
    /// let t = StyledText::new("Kế hoạch", Face::Bold, 14.0);
    /// assert_eq!((t.rise, t.note), (0.0, None));
    /// ```
    pub fn new(text: impl Into<String>, face: Face, size: f32) -> Self {
        StyledText {
            text: text.into(),
            face,
            size,
            rise: 0.0,
            note: None,
        }
    }
}

/// One glyph, positioned relative to the previous one, in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Glyph id in the face.
    pub id: u16,
    /// Advance, points (justification widens spaces here).
    pub advance: f32,
    /// Horizontal offset, points.
    pub x_offset: f32,
    /// Vertical offset, points, upwards (as the shaper gives it; krilla takes it so).
    pub y_offset: f32,
    /// The bytes of the fragment's text this glyph draws.
    pub range: Range<usize>,
    /// True for a space glyph (stretchable).
    pub space: bool,
}

/// A piece of a line in one face and size.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    /// The face.
    pub face: Face,
    /// Size in points.
    pub size: f32,
    /// How far the baseline is raised, points (already in the glyphs' offsets).
    pub rise: f32,
    /// Left edge relative to the line's box, points.
    pub x: f32,
    /// The characters, for text extraction.
    pub text: String,
    /// The glyphs in visual order.
    pub glyphs: Vec<Glyph>,
}

impl Fragment {
    /// Width of the fragment, points.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }
}

/// One laid-out line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Fragments left to right.
    pub fragments: Vec<Fragment>,
    /// The footnotes whose numbers the line holds (see [`StyledText::note`]):
    /// their notes go to the foot of the page the line is placed on.
    pub notes: Vec<usize>,
}

impl Line {
    /// The line's characters as printed (trailing spaces dropped).
    pub fn text(&self) -> String {
        let s: String = self.fragments.iter().map(|f| f.text.as_str()).collect();
        s.trim_end().to_string()
    }

    /// The largest size on the line.
    pub fn size(&self) -> f32 {
        self.fragments.iter().map(|f| f.size).fold(0.0, f32::max)
    }
}

/// A measured atom: a word part or a run of spaces within one styled run.
#[derive(Debug, Clone)]
struct Piece {
    run: usize,
    bytes: Range<usize>,
    glyphs: Range<usize>,
    width: f32,
    space: bool,
    /// A line may break before this piece although no space precedes it.
    break_before: bool,
}

struct ShapedRun {
    glyphs: Vec<Glyph>,
}

/// The width a line's text may take in a measure of `avail` points (a whole number
/// of twips, as the DOCX sets it): all of it. Glyph advances are rounded as
/// LibreOffice rounds them ([`DEVICE_UNITS_PER_PT`]); with exact advances it needed
/// a 0.04 pt hair of room and still broke the Công văn 17's V/v line differently.
fn fit_limit(avail: f32) -> f32 {
    avail
}

/// Room LibreOffice keeps after italic text that ends a line: a twelfth of the
/// font size (1.17 pt at 14 pt), whatever the alignment. Measured: a centred italic
/// line 0.75 pt short of the measure was broken, one 1.53 pt short was kept; a
/// justified italic căn cứ line of the Quyết định 15, 0.38 pt short, was broken.
fn italic_overhang(word: &[Piece], runs: &[StyledText]) -> f32 {
    match word.last() {
        Some(p) if matches!(runs[p.run].face, Face::Italic | Face::BoldItalic) => {
            runs[p.run].size / 12.0
        }
        _ => 0.0,
    }
}

/// Breaks `runs` into lines `width` points wide, the first line indented by
/// `first_indent`, aligned by `align` (the last line of a justified paragraph is
/// flush left). A word wider than a line is broken between characters.
pub fn break_lines(
    runs: &[StyledText],
    width: f32,
    first_indent: f32,
    align: Align,
    shapers: &Shapers,
) -> Vec<Line> {
    let shaped: Vec<ShapedRun> = runs.iter().map(|r| shape_run(r, shapers)).collect();
    let pieces = pieces(runs, &shaped);

    // Greedy breaking: words are maximal sequences of non-space pieces.
    let mut lines: Vec<Vec<Piece>> = Vec::new();
    let mut current: Vec<Piece> = Vec::new();
    let mut current_w = 0.0f32; // width up to the last word, trailing spaces excluded
    let mut pending_spaces: Vec<Piece> = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        if pieces[i].space {
            pending_spaces.push(pieces[i].clone());
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < pieces.len() && !pieces[i].space && !pieces[i].break_before {
            i += 1;
        }
        let word = &pieces[start..i];
        let word_w: f32 = word.iter().map(|p| p.width).sum();
        let spaces_w: f32 = pending_spaces.iter().map(|p| p.width).sum();
        let avail = width - if lines.is_empty() { first_indent } else { 0.0 };
        if current.is_empty() && lines.is_empty() && !pending_spaces.is_empty() {
            // Leading spaces of the paragraph stay on the first line.
            current.append(&mut pending_spaces);
            current_w = spaces_w;
        }
        let spaces_w: f32 = pending_spaces.iter().map(|p| p.width).sum();
        let overhang = italic_overhang(word, runs);
        if current_w + spaces_w + word_w + overhang <= fit_limit(avail) {
            current.append(&mut pending_spaces);
            current.extend_from_slice(word);
            current_w += spaces_w + word_w;
            continue;
        }
        if !current.is_empty() {
            // The spaces before this word hang at the end of the line.
            current.append(&mut pending_spaces);
            lines.push(std::mem::take(&mut current));
        }
        pending_spaces.clear();
        // Place the word on fresh lines, splitting it if it is wider than a line.
        let mut rest: Vec<Piece> = word.to_vec();
        loop {
            let avail = width - if lines.is_empty() { first_indent } else { 0.0 };
            if let Some(w) = width_within(&mut rest, fit_limit(avail), &shaped) {
                current_w = w;
                current = rest;
                break;
            }
            let (head, tail) = split_word(&rest, avail, &shaped);
            lines.push(head);
            rest = tail;
            if rest.is_empty() {
                current_w = 0.0;
                break;
            }
        }
    }
    current.append(&mut pending_spaces);
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }

    let count = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(n, pieces)| {
            let indent = if n == 0 { first_indent } else { 0.0 };
            let last = n + 1 == count;
            build_line(&pieces, runs, &shaped, width - indent, indent, align, last)
        })
        .collect()
}

/// Glyph advances are whole units of LibreOffice's reference device for Word
/// documents (8640 dpi, 120 units to the point), as it lays them out. Measured on
/// the eighteen fixtures of the parity tests: with exact advances a V/v line of
/// 191.461 pt broke in a 191.450 pt column that LibreOffice kept it in (191.442 pt
/// in device units); with rounded ones every line of every fixture breaks where
/// LibreOffice breaks it.
const DEVICE_UNITS_PER_PT: f32 = 120.0;

fn shape_run(run: &StyledText, shapers: &Shapers) -> ShapedRun {
    let scale = run.size / shapers.units_per_em(run.face);
    let glyphs = shapers
        .shape(run.face, &run.text)
        .into_iter()
        .map(|g| Glyph {
            id: g.id,
            advance: (g.advance as f32 * scale * DEVICE_UNITS_PER_PT).round() / DEVICE_UNITS_PER_PT,
            x_offset: g.x_offset as f32 * scale,
            y_offset: g.y_offset as f32 * scale + run.rise,
            space: run.text[g.start..g.end].chars().all(|c| c == ' '),
            range: g.start..g.end,
        })
        .collect();
    ShapedRun { glyphs }
}

/// Splits every run into pieces at the boundaries between spaces and non-spaces and
/// at the break opportunities inside words.
fn pieces(runs: &[StyledText], shaped: &[ShapedRun]) -> Vec<Piece> {
    let full: String = runs.iter().map(|r| r.text.as_str()).collect();
    // Opportunities that are not after a space (those are handled as spaces), nor
    // after a slash: LibreOffice keeps `19/CV-DC` and `06/2022/NĐ-CP` whole up to
    // the hyphen, where UAX #14 alone would break after the slash.
    let mid_word: Vec<usize> = unicode_linebreak::linebreaks(&full)
        .map(|(at, _)| at)
        .filter(|&at| at < full.len() && !full[..at].ends_with([' ', '/']))
        .collect();
    let mut out = Vec::new();
    let mut base = 0;
    for (r, sr) in shaped.iter().enumerate() {
        let is_break = |g: &Glyph| mid_word.binary_search(&(base + g.range.start)).is_ok();
        let mut g = 0;
        while g < sr.glyphs.len() {
            let space = sr.glyphs[g].space;
            let start = g;
            g += 1;
            while g < sr.glyphs.len()
                && sr.glyphs[g].space == space
                && (space || !is_break(&sr.glyphs[g]))
            {
                g += 1;
            }
            let bytes = sr.glyphs[start].range.start..sr.glyphs[g - 1].range.end;
            let width = sr.glyphs[start..g].iter().map(|x| x.advance).sum();
            out.push(Piece {
                run: r,
                bytes,
                glyphs: start..g,
                width,
                space,
                break_before: !space && is_break(&sr.glyphs[start]),
            });
        }
        base += runs[r].text.len();
    }
    out
}

/// The width of `word` when it is at most `limit`, else `None`; stops measuring as
/// soon as the limit is passed. A piece whose width is not measured yet (NaN, the
/// rest of a split word) is measured glyph by glyph and keeps its width when whole,
/// so the sums are the same, to the bit, as those of pieces measured up front.
fn width_within(word: &mut [Piece], limit: f32, shaped: &[ShapedRun]) -> Option<f32> {
    let mut total = 0.0f32;
    for p in word.iter_mut() {
        if p.width.is_nan() {
            let mut w = 0.0f32;
            for g in &shaped[p.run].glyphs[p.glyphs.clone()] {
                w += g.advance;
                if total + w > limit {
                    return None;
                }
            }
            p.width = w;
        }
        total += p.width;
        if total > limit {
            return None;
        }
    }
    Some(total)
}

/// Splits a too-long word so that the head fits `avail` (at least one glyph).
fn split_word(word: &[Piece], avail: f32, shaped: &[ShapedRun]) -> (Vec<Piece>, Vec<Piece>) {
    let mut head = Vec::new();
    let mut used = 0.0f32;
    for (k, p) in word.iter().enumerate() {
        let glyphs = &shaped[p.run].glyphs[p.glyphs.clone()];
        let mut cut = 0;
        let mut w = 0.0;
        for g in glyphs {
            if used + w + g.advance > fit_limit(avail) && (used > 0.0 || cut > 0) {
                break;
            }
            w += g.advance;
            cut += 1;
        }
        if cut == glyphs.len() {
            used += w;
            head.push(Piece {
                width: if p.width.is_nan() { w } else { p.width },
                ..p.clone()
            });
            continue;
        }
        let gsplit = p.glyphs.start + cut;
        let bsplit = shaped[p.run].glyphs[gsplit].range.start;
        if cut > 0 {
            head.push(Piece {
                run: p.run,
                bytes: p.bytes.start..bsplit,
                glyphs: p.glyphs.start..gsplit,
                width: w,
                space: false,
                break_before: p.break_before,
            });
        }
        // Measured when needed (`width_within`): summing the rest of a very long
        // word at every cut made the breaking quadratic.
        let mut tail = vec![Piece {
            run: p.run,
            bytes: bsplit..p.bytes.end,
            glyphs: gsplit..p.glyphs.end,
            width: f32::NAN,
            space: false,
            break_before: true,
        }];
        tail.extend_from_slice(&word[k + 1..]);
        return (head, tail);
    }
    (head, Vec::new())
}

fn build_line(
    pieces: &[Piece],
    runs: &[StyledText],
    shaped: &[ShapedRun],
    avail: f32,
    indent: f32,
    align: Align,
    last: bool,
) -> Line {
    // Trailing spaces do not count for alignment.
    let content_end = pieces.iter().rposition(|p| !p.space).map_or(0, |i| i + 1);
    let natural: f32 = pieces[..content_end].iter().map(|p| p.width).sum();
    let stretch_spaces: usize = pieces[..content_end]
        .iter()
        .enumerate()
        .filter(|(i, p)| p.space && *i > 0 && pieces[..*i].iter().any(|q| !q.space))
        .map(|(_, p)| p.glyphs.len())
        .sum();
    let (offset, extra_per_space) = match align {
        Align::Left => (0.0, 0.0),
        Align::Center => (((avail - natural) / 2.0).max(0.0), 0.0),
        Align::Right => ((avail - natural).max(0.0), 0.0),
        Align::Justify if last || stretch_spaces == 0 => (0.0, 0.0),
        Align::Justify => (0.0, ((avail - natural) / stretch_spaces as f32).max(0.0)),
    };

    let mut fragments: Vec<Fragment> = Vec::new();
    let mut notes: Vec<usize> = Vec::new();
    let mut x = indent + offset;
    let mut seen_word = false;
    for (i, p) in pieces.iter().enumerate() {
        let run = &runs[p.run];
        if let Some(n) = run.note
            && notes.last() != Some(&n)
        {
            notes.push(n);
        }
        let text = &run.text[p.bytes.clone()];
        let stretch = p.space && seen_word && i < content_end;
        seen_word |= !p.space;
        let glyphs = shaped[p.run].glyphs[p.glyphs.clone()].iter().map(|g| {
            let mut g = g.clone();
            g.range = (g.range.start - p.bytes.start)..(g.range.end - p.bytes.start);
            if stretch {
                g.advance += extra_per_space;
            }
            g
        });
        match fragments.last_mut() {
            Some(f) if f.face == run.face && f.size == run.size && f.rise == run.rise => {
                let base = f.text.len();
                f.text.push_str(text);
                f.glyphs.extend(glyphs.map(|mut g| {
                    g.range = (g.range.start + base)..(g.range.end + base);
                    g
                }));
            }
            _ => {
                let start_x = match fragments.last() {
                    Some(f) => f.x + f.width(),
                    None => x,
                };
                fragments.push(Fragment {
                    face: run.face,
                    size: run.size,
                    rise: run.rise,
                    x: start_x,
                    text: text.to_string(),
                    glyphs: glyphs.collect(),
                });
            }
        }
        x = fragments.last().map_or(x, |f| f.x + f.width());
    }
    Line { fragments, notes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontSet;

    fn runs(text: &str) -> Vec<StyledText> {
        vec![StyledText::new(text, Face::Regular, 14.0)]
    }

    #[test]
    fn short_text_is_one_line() {
        let fonts = FontSet::builtin();
        let lines = break_lines(&runs("Kế hoạch"), 400.0, 0.0, Align::Left, &fonts.shapers());
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text(), "Kế hoạch");
    }

    #[test]
    fn greedy_breaks_fill_each_line_and_justify_to_the_edge() {
        let fonts = FontSet::builtin();
        let s = fonts.shapers();
        let text = "một hai ba bốn năm sáu bảy tám chín mười ".repeat(6);
        let lines = break_lines(&runs(&text), 300.0, 36.0, Align::Justify, &s);
        assert!(lines.len() > 2);
        for (n, l) in lines.iter().enumerate() {
            let f = l.fragments.last().unwrap();
            let content: f32 = f
                .glyphs
                .iter()
                .rev()
                .skip_while(|g| g.space)
                .map(|g| g.advance)
                .sum();
            let right = f.x + content;
            if n + 1 < lines.len() {
                assert!((right - 300.0).abs() < 0.05, "line {n} ends at {right}");
                // The next word would not have fitted.
                let next = lines[n + 1].text();
                let next_word = next.split(' ').next().unwrap();
                let natural = s.width(Face::Regular, &l.text(), 14.0);
                let extra = s.width(Face::Regular, &format!(" {next_word}"), 14.0);
                let avail = if n == 0 { 264.0 } else { 300.0 };
                assert!(natural + extra > avail, "line {n} could hold {next_word}");
            } else {
                assert!(right < 300.0);
            }
        }
        assert!((lines[0].fragments[0].x - 36.0).abs() < 0.001);
        let joined: Vec<String> = lines.iter().map(|l| l.text()).collect();
        assert_eq!(joined.join(" "), text.trim_end());
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken() {
        let fonts = FontSet::builtin();
        let long = "x".repeat(200);
        let lines = break_lines(
            &runs(&format!("a {long} b")),
            100.0,
            0.0,
            Align::Left,
            &fonts.shapers(),
        );
        assert!(lines.len() >= 4);
        let all: String = lines.iter().map(|l| l.text().replace(' ', "")).collect();
        assert_eq!(all, format!("a{long}b"));
        for l in &lines {
            let w: f32 = l.fragments.iter().map(|f| f.width()).sum();
            assert!(w <= 100.0 + 5.0, "{w}");
        }
    }

    #[test]
    fn breaks_after_a_hyphen_inside_a_symbol() {
        let fonts = FontSet::builtin();
        let s = fonts.shapers();
        let text = "Quyết định số 5969/QĐ-UBND ngày";
        let head = "Quyết định số 5969/QĐ-";
        let width = s.width(Face::Regular, head, 14.0) + 1.0;
        let lines = break_lines(&runs(text), width, 0.0, Align::Left, &s);
        assert_eq!(lines[0].text(), head);
        assert_eq!(lines[1].text(), "UBND ngày");
    }

    #[test]
    fn no_break_between_hyphen_and_digits() {
        let fonts = FontSet::builtin();
        let s = fonts.shapers();
        let width = s.width(Face::Regular, "giai đoạn 2021-", 14.0) + 1.0;
        let lines = break_lines(&runs("giai đoạn 2021-2025"), width, 0.0, Align::Left, &s);
        assert_eq!(lines[1].text(), "2021-2025");
    }

    #[test]
    fn centred_lines_are_centred() {
        let fonts = FontSet::builtin();
        let s = fonts.shapers();
        let lines = break_lines(&runs("KẾ HOẠCH"), 400.0, 0.0, Align::Center, &s);
        let w = s.width(Face::Regular, "KẾ HOẠCH", 14.0);
        assert!((lines[0].fragments[0].x - (400.0 - w) / 2.0).abs() < 0.01);
    }

    #[test]
    fn styles_become_fragments() {
        let fonts = FontSet::builtin();
        let runs = vec![
            StyledText::new("1. ", Face::Bold, 14.0),
            StyledText::new("Mục đích: ", Face::Bold, 14.0),
            StyledText::new("nội dung", Face::Regular, 14.0),
        ];
        let lines = break_lines(&runs, 400.0, 0.0, Align::Justify, &fonts.shapers());
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].fragments.len(), 2);
        assert_eq!(lines[0].text(), "1. Mục đích: nội dung");
    }
}
