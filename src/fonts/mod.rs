//! The four serif faces the decree asks for, and text measurement with them.
//!
//! By default vanban embeds Liberation Serif 2.1.5 (SIL OFL 1.1), which has the
//! advance widths of Times New Roman, so lines break where they break in Word. A
//! directory holding real Times New Roman files (`times.ttf`, `timesbd.ttf`,
//! `timesi.ttf`, `timesbi.ttf`) can be used instead: [`FontSet::from_dir`], the
//! `--font-dir` option or the `VANBAN_FONT_DIR` environment variable.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::Error;

pub mod unhint;

/// The environment variable naming a font directory.
pub const FONT_DIR_ENV: &str = "VANBAN_FONT_DIR";

/// One of the four faces of the family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    /// Upright, normal weight.
    Regular,
    /// Upright, bold.
    Bold,
    /// Italic, normal weight.
    Italic,
    /// Italic, bold.
    BoldItalic,
}

impl Face {
    /// The face for a combination of emphasis.
    pub fn of(bold: bool, italic: bool) -> Face {
        match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// All four, in index order.
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];
}

/// File names tried for each face in a font directory, in order.
const FILE_NAMES: [&[&str]; 4] = [
    &[
        "times.ttf",
        "Times New Roman.ttf",
        "LiberationSerif-Regular.ttf",
    ],
    &[
        "timesbd.ttf",
        "Times New Roman Bold.ttf",
        "LiberationSerif-Bold.ttf",
    ],
    &[
        "timesi.ttf",
        "Times New Roman Italic.ttf",
        "LiberationSerif-Italic.ttf",
    ],
    &[
        "timesbi.ttf",
        "Times New Roman Bold Italic.ttf",
        "LiberationSerif-BoldItalic.ttf",
    ],
];

const BUILTIN: [&[u8]; 4] = [
    include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-BoldItalic.ttf"),
];

/// The bytes of the four faces.
#[derive(Clone)]
pub struct FontSet {
    data: [Arc<Vec<u8>>; 4],
    /// Where the faces came from, for messages.
    pub source: String,
    /// The faces as the PDF writer needs them, built once (krilla hashes and parses
    /// the whole font when it is created).
    pdf_fonts: std::sync::OnceLock<Option<[krilla::text::Font; 4]>>,
    /// Words shaped by any [`Shapers`] of this set (or of its clones), so that
    /// a batch or a server shapes each word of its documents once.
    shaped: Arc<SharedWords>,
}

/// Each face's shaped words, shared between threads.
type SharedWords = std::sync::RwLock<[HashMap<String, Arc<[ShapedGlyph]>>; 4]>;

/// Words a face's shared cache holds before it starts afresh: at most about
/// 5 MB a face, and far more than the distinct words of a long document.
const SHARED_WORDS: usize = 20_000;

impl std::fmt::Debug for FontSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontSet")
            .field("source", &self.source)
            .finish()
    }
}

impl Default for FontSet {
    fn default() -> Self {
        FontSet::builtin()
    }
}

impl FontSet {
    /// The embedded Liberation Serif faces.
    pub fn builtin() -> FontSet {
        FontSet {
            data: BUILTIN.map(|b| Arc::new(b.to_vec())),
            source: "Liberation Serif 2.1.5 (built in)".into(),
            pdf_fonts: std::sync::OnceLock::new(),
            shaped: Arc::default(),
        }
    }

    /// The four faces from `dir`, looked up by the usual Times New Roman file names
    /// (then Liberation Serif's). A missing face is an error that names the files tried.
    pub fn from_dir(dir: &Path) -> Result<FontSet, Error> {
        let mut data = Vec::with_capacity(4);
        for (face, names) in Face::ALL.iter().zip(FILE_NAMES) {
            let found = names.iter().map(|n| dir.join(n)).find(|p| p.is_file());
            let Some(path) = found else {
                return Err(Error::Font(format!(
                    "no {face:?} face in {}: looked for {}",
                    dir.display(),
                    names.join(", ")
                )));
            };
            let bytes = std::fs::read(&path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            let Some(parsed) = rustybuzz::Face::from_slice(&bytes, 0) else {
                return Err(Error::Font(format!(
                    "{} is not a TrueType or OpenType font",
                    path.display()
                )));
            };
            if let Some(c) = undrawable(&parsed) {
                return Err(Error::Font(format!(
                    "{} cannot draw '{c}': the file is damaged or cut short (its glyph outlines are missing)",
                    path.display()
                )));
            }
            data.push(Arc::new(bytes));
        }
        let data: [Arc<Vec<u8>>; 4] = data.try_into().expect("four faces");
        Ok(FontSet {
            data,
            source: dir.display().to_string(),
            pdf_fonts: std::sync::OnceLock::new(),
            shaped: Arc::default(),
        })
    }

    /// The faces from `$VANBAN_FONT_DIR` when it is set, else the built-in ones.
    pub fn from_env() -> Result<FontSet, Error> {
        match std::env::var_os(FONT_DIR_ENV) {
            Some(dir) if !dir.is_empty() => FontSet::from_dir(Path::new(&dir)),
            _ => Ok(FontSet::builtin()),
        }
    }

    /// The raw bytes of a face.
    pub fn bytes(&self, face: Face) -> &Arc<Vec<u8>> {
        &self.data[face.index()]
    }

    /// The faces for the PDF writer, in [`Face::ALL`] order.
    pub(crate) fn pdf_fonts(&self) -> Result<&[krilla::text::Font; 4], Error> {
        self.pdf_fonts
            .get_or_init(|| {
                let fonts: Option<Vec<krilla::text::Font>> = self
                    .data
                    .iter()
                    .map(|d| {
                        // Viewers draw embedded outlines unhinted: embed none.
                        let data = unhint::strip(d).map_or_else(|| d.clone(), Arc::new);
                        krilla::text::Font::new(data.into(), 0)
                    })
                    .collect();
                fonts.and_then(|v| v.try_into().ok())
            })
            .as_ref()
            .ok_or_else(|| {
                Error::Font(format!(
                    "{}: the PDF writer cannot read a face",
                    self.source
                ))
            })
    }

    /// Parsed faces ready for shaping.
    pub fn shapers(&self) -> Shapers<'_> {
        let faces = Face::ALL.map(|f| {
            rustybuzz::Face::from_slice(self.bytes(f), 0).expect("faces are checked when loaded")
        });
        let features = [rustybuzz::Feature::new(
            rustybuzz::ttf_parser::Tag::from_bytes(b"kern"),
            0,
            ..,
        )];
        let plans = std::array::from_fn(|i| {
            rustybuzz::ShapePlan::new(
                &faces[i],
                rustybuzz::Direction::LeftToRight,
                Some(rustybuzz::script::LATIN),
                None,
                &features,
            )
        });
        Shapers {
            faces,
            plans,
            cache: RefCell::new(Default::default()),
            shared: &self.shaped,
        }
    }
}

/// The four faces parsed for shaping; cheap to build, borrows the [`FontSet`].
///
/// Shaping is done word by word (text between spaces) and each word's glyphs are
/// cached for the life of the value, and in the [`FontSet`] for the next
/// document: administrative prose repeats its syllables, and with kerning off
/// nothing is shaped across a space.
pub struct Shapers<'a> {
    faces: [rustybuzz::Face<'a>; 4],
    /// One shaping plan per face (building a plan costs more than shaping a word).
    plans: [rustybuzz::ShapePlan; 4],
    cache: RefCell<[HashMap<String, Arc<[ShapedGlyph]>>; 4]>,
    shared: &'a SharedWords,
}

/// One shaped glyph, in font units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShapedGlyph {
    /// Glyph id; 0 means the font has no glyph for the character.
    pub id: u16,
    /// Advance in font units.
    pub advance: i32,
    /// Horizontal offset in font units.
    pub x_offset: i32,
    /// Vertical offset in font units.
    pub y_offset: i32,
    /// Byte range of the source text this glyph belongs to.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
}

impl<'a> Shapers<'a> {
    /// The parsed face.
    pub fn face(&self, face: Face) -> &rustybuzz::Face<'a> {
        &self.faces[face.index()]
    }

    /// Units per em of a face.
    pub fn units_per_em(&self, face: Face) -> f32 {
        self.face(face).units_per_em() as f32
    }

    /// A word from the set's shared cache, shaped and added when missing.
    fn shape_shared(&self, face: Face, word: &str) -> Arc<[ShapedGlyph]> {
        let k = face.index();
        // A poisoned lock only means another thread panicked while holding
        // it: the words in it are whole (each insertion is one call).
        let hit = self.shared.read().unwrap_or_else(|e| e.into_inner())[k]
            .get(word)
            .cloned();
        if let Some(g) = hit {
            return g;
        }
        let g: Arc<[ShapedGlyph]> = self.shape_uncached(face, word).into();
        let mut shared = self.shared.write().unwrap_or_else(|e| e.into_inner());
        if shared[k].len() >= SHARED_WORDS {
            shared[k].clear();
        }
        shared[k].insert(word.to_string(), g.clone());
        g
    }

    /// Shapes `text` with `face`, without kerning (as Word lays out text by default).
    ///
    /// ```
    /// let fonts = vanban::fonts::FontSet::builtin();
    /// let s = fonts.shapers();
    /// let glyphs = s.shape(vanban::fonts::Face::Regular, "Kế hoạch");
    /// assert_eq!(glyphs.len(), 8);
    /// assert_eq!(&"Kế hoạch"[glyphs[1].start..glyphs[1].end], "ế");
    /// ```
    pub fn shape(&self, face: Face, text: &str) -> Vec<ShapedGlyph> {
        let mut out = Vec::with_capacity(text.len());
        let mut start = 0;
        while start < text.len() {
            let space = text[start..].starts_with(' ');
            let len = text[start..]
                .find(|c: char| (c == ' ') != space)
                .unwrap_or(text.len() - start);
            let segment = &text[start..start + len];
            let cached = self.cache.borrow()[face.index()].get(segment).cloned();
            let glyphs = match cached {
                Some(g) => g,
                None => {
                    let g = self.shape_shared(face, segment);
                    self.cache.borrow_mut()[face.index()].insert(segment.to_string(), g.clone());
                    g
                }
            };
            out.extend(glyphs.iter().map(|g| ShapedGlyph {
                start: g.start + start,
                end: g.end + start,
                ..*g
            }));
            start += len;
        }
        out
    }

    fn shape_uncached(&self, face: Face, text: &str) -> Vec<ShapedGlyph> {
        let mut buf = rustybuzz::UnicodeBuffer::new();
        buf.push_str(text);
        buf.set_direction(rustybuzz::Direction::LeftToRight);
        buf.set_script(rustybuzz::script::LATIN);
        let out = rustybuzz::shape_with_plan(self.face(face), &self.plans[face.index()], buf);
        let infos = out.glyph_infos();
        let positions = out.glyph_positions();
        let mut glyphs: Vec<ShapedGlyph> = infos
            .iter()
            .zip(positions)
            .map(|(i, p)| ShapedGlyph {
                id: i.glyph_id as u16,
                advance: p.x_advance,
                x_offset: p.x_offset,
                y_offset: p.y_offset,
                start: i.cluster as usize,
                end: text.len(),
            })
            .collect();
        // Each glyph's cluster ends where the next cluster starts.
        for i in 0..glyphs.len() {
            let start = glyphs[i].start;
            let end = glyphs[i + 1..]
                .iter()
                .map(|g| g.start)
                .find(|&s| s > start)
                .unwrap_or(text.len());
            glyphs[i].end = end;
        }
        glyphs
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, face: Face, text: &str, size: f32) -> f32 {
        let adv: i32 = self.shape(face, text).iter().map(|g| g.advance).sum();
        adv as f32 * size / self.units_per_em(face)
    }

    /// The characters of `text` the face has no glyph for, sorted, each once.
    pub fn missing_chars(&self, face: Face, text: &str) -> Vec<char> {
        let f = self.face(face);
        let mut chars: Vec<char> = text.chars().filter(|c| !c.is_control()).collect();
        chars.sort_unstable();
        chars.dedup();
        chars.retain(|c| f.glyph_index(*c).is_none());
        chars
    }

    /// Ascent, descent (positive) and line gap in points at `size`, from the hhea
    /// table: what Word and LibreOffice use for the height of a single-spaced line.
    pub fn vertical_metrics(&self, face: Face, size: f32) -> (f32, f32, f32) {
        let f = self.face(face);
        let scale = size / f.units_per_em() as f32;
        (
            f.ascender() as f32 * scale,
            -(f.descender() as f32) * scale,
            f.line_gap() as f32 * scale,
        )
    }
}

/// A letter of Vietnamese text that `face` has no outline for: a damaged or cut
/// file keeps its character map and loses its glyphs, and would print blank pages.
fn undrawable(face: &rustybuzz::Face<'_>) -> Option<char> {
    struct Count(usize);
    impl rustybuzz::ttf_parser::OutlineBuilder for Count {
        fn move_to(&mut self, _: f32, _: f32) {
            self.0 += 1;
        }
        fn line_to(&mut self, _: f32, _: f32) {
            self.0 += 1;
        }
        fn quad_to(&mut self, _: f32, _: f32, _: f32, _: f32) {
            self.0 += 1;
        }
        fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, _: f32, _: f32) {
            self.0 += 1;
        }
        fn close(&mut self) {}
    }
    "AaĐđHhXxạỹ".chars().find(|&c| {
        let Some(id) = face.glyph_index(c) else {
            return false; // a missing character is reported where the text uses it
        };
        let mut count = Count(0);
        face.outline_glyph(id, &mut count).is_none() || count.0 == 0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_covers_vietnamese() {
        let fonts = FontSet::builtin();
        let s = fonts.shapers();
        let text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ỹ ặ ừ";
        for face in Face::ALL {
            assert!(s.missing_chars(face, text).is_empty(), "{face:?}");
        }
    }

    #[test]
    fn missing_characters_are_listed() {
        let fonts = FontSet::builtin();
        let s = fonts.shapers();
        assert_eq!(s.missing_chars(Face::Regular, "a中b中"), vec!['中']);
    }

    #[test]
    fn width_scales_with_size() {
        let fonts = FontSet::builtin();
        let s = fonts.shapers();
        let w12 = s.width(Face::Regular, "Kế hoạch", 12.0);
        let w24 = s.width(Face::Regular, "Kế hoạch", 24.0);
        assert!((w24 - 2.0 * w12).abs() < 0.01);
        assert!(s.width(Face::Bold, "Kế hoạch", 12.0) > w12);
    }

    #[test]
    fn missing_face_names_the_files() {
        let err = FontSet::from_dir(Path::new("/nonexistent")).unwrap_err();
        assert!(err.to_string().contains("times.ttf"), "{err}");
    }
}
