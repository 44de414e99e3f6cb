//! The layout engine: the IR to positioned lines on A4 pages.
//!
//! It follows what Word and LibreOffice do with the DOCX that [`crate::docx`] writes,
//! so that both break lines and pages in the same places: single line height from the
//! font's hhea metrics, space between paragraphs the larger of the one's "after" and
//! the next's "before" (none at the top of a page), greedy line breaking at spaces,
//! keep-with-next for headings, two-line widow and orphan control for body text, a
//! closing block that moves to the next page whole rather than split, and tables whose
//! rows break between lines under repeated header rows. Each appendix is a
//! section: a new page, numbered from 1, portrait or landscape.

mod flow;
mod lines;
mod table;

pub use flow::layout;
pub use lines::{Fragment, Glyph, Line, StyledText, break_lines};

/// Something drawn on a page. Coordinates are points from the top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A line fragment whose baseline starts at (`x`, `baseline`).
    Text {
        /// Left edge of the fragment.
        x: f32,
        /// Baseline.
        baseline: f32,
        /// What to draw.
        fragment: Fragment,
        /// Index of the IR paragraph the line belongs to, in [`crate::ir::Document::paras`]
        /// order (the page number and the marks in the margins use `usize::MAX`).
        para: usize,
        /// The ink, when not black (the red of an urgency mark).
        color: Option<[u8; 3]>,
    },
    /// A filled rectangle: the short rules of the header and title.
    Rule {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        width: f32,
        /// Height (the rule's thickness).
        height: f32,
    },
    /// A PNG image (a signature or a seal) in a box.
    Image {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        width: f32,
        /// Height.
        height: f32,
        /// The PNG file's bytes.
        png: std::sync::Arc<Vec<u8>>,
    },
    /// The outline of a rectangle: the box of an urgency or circulation mark.
    Frame {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        width: f32,
        /// Height.
        height: f32,
        /// The ink, when not black.
        color: Option<[u8; 3]>,
    },
}

/// One page of the laid-out document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// The page number (1-based, again from 1 in each appendix); page 1 does not show it.
    pub number: u32,
    /// Page width, points (wider than high on a landscape page).
    pub width: f32,
    /// Page height, points.
    pub height: f32,
    /// What the page holds, in reading order.
    pub items: Vec<Item>,
}

/// A laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Width of a portrait page, points.
    pub width: f32,
    /// Height of a portrait page, points.
    pub height: f32,
    /// The pages.
    pub pages: Vec<Page>,
}

impl Layout {
    /// The text lines of every page, top to bottom and left to right: fragments whose
    /// baselines are within a point of each other form one line. Used for snapshots
    /// (line breaks are data) and for comparing with other renderings.
    pub fn text_lines(&self) -> Vec<(u32, String)> {
        let mut out = Vec::new();
        for page in &self.pages {
            let mut frags: Vec<(f32, f32, String)> = page
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text {
                        x,
                        baseline,
                        fragment,
                        ..
                    } => Some((*baseline, *x, fragment.text.trim_end().to_string())),
                    Item::Rule { .. } | Item::Frame { .. } | Item::Image { .. } => None,
                })
                .filter(|f| !f.2.is_empty())
                .collect();
            frags.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            let mut line: Vec<(f32, f32, String)> = Vec::new();
            let flush = |line: &mut Vec<(f32, f32, String)>, out: &mut Vec<(u32, String)>| {
                if line.is_empty() {
                    return;
                }
                line.sort_by(|a, b| a.1.total_cmp(&b.1));
                let mut text = String::new();
                let mut right = f32::MIN;
                for (_, x, t) in line.drain(..) {
                    if !text.is_empty() && x > right + 0.5 {
                        text.push(' ');
                    }
                    right = x; // approximate: fragments of one line are contiguous
                    text.push_str(&t);
                }
                out.push((
                    page.number,
                    text.split_whitespace().collect::<Vec<_>>().join(" "),
                ));
            };
            for f in frags {
                if line.first().is_some_and(|l| (l.0 - f.0).abs() > 1.0) {
                    flush(&mut line, &mut out);
                }
                line.push(f);
            }
            flush(&mut line, &mut out);
        }
        out
    }
}
