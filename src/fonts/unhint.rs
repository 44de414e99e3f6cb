//! A TrueType face without its hinting, for embedding in a PDF.
//!
//! Hinting is the bytecode that snaps outlines to the pixel grid of a screen at
//! small sizes. PDF viewers draw embedded TrueType outlines unhinted (poppler,
//! pdf.js and Acrobat alike), yet the instructions are about half of each
//! subset Liberation Serif face: in the seed plan, 38 KB of its 70 KB of font
//! data. [`strip`] removes them before krilla subsets the face, so every PDF
//! carries, subsets and compresses half as much font. The outlines, metrics,
//! glyph ids and character map are untouched: the pages are drawn and their
//! text extracted exactly as before.
//!
//! Removed: the `fpgm`, `prep` and `cvt ` programs and tables, the device
//! metrics that only hinting produces (`hdmx`, `LTSH`, `VDMX`), and each
//! glyph's own instructions in `glyf`.
//!
//! ```
//! let fonts = vanban::fonts::FontSet::builtin();
//! let face = fonts.bytes(vanban::fonts::Face::Regular);
//! let bare = vanban::fonts::unhint::strip(face).unwrap();
//! assert!(bare.len() < face.len());
//! ```

/// Tables that hold or only serve hinting.
const DROPPED: [&[u8; 4]; 6] = [b"fpgm", b"prep", b"cvt ", b"hdmx", b"LTSH", b"VDMX"];

/// A composite glyph's component flags (OpenType `glyf`).
const ARG_1_AND_2_ARE_WORDS: u16 = 0x0001;
const WE_HAVE_A_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE: u16 = 0x0040;
const WE_HAVE_A_TWO_BY_TWO: u16 = 0x0080;
const WE_HAVE_INSTRUCTIONS: u16 = 0x0100;

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// The font's checksum of a table: its big-endian words summed, zero-padded.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut word = [0u8; 4];
        word[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// The face without hinting, or `None` when it is not a plain TrueType face
/// (a collection, CFF outlines, or tables that do not parse), in which case
/// the caller keeps it as it is.
pub fn strip(font: &[u8]) -> Option<Vec<u8>> {
    let version = u32_at(font, 0)?;
    if version != 0x0001_0000 && version != u32::from_be_bytes(*b"true") {
        return None;
    }
    let count = u16_at(font, 4)? as usize;
    let mut tables: Vec<([u8; 4], &[u8])> = Vec::with_capacity(count);
    for k in 0..count {
        let record = 12 + 16 * k;
        let tag: [u8; 4] = font.get(record..record + 4)?.try_into().ok()?;
        let offset = u32_at(font, record + 8)? as usize;
        let length = u32_at(font, record + 12)? as usize;
        tables.push((tag, font.get(offset..offset.checked_add(length)?)?));
    }
    let find = |tag: &[u8; 4]| tables.iter().find(|(t, _)| t == tag).map(|(_, d)| *d);
    let head = find(b"head")?;
    let long = match u16_at(head, 50)? {
        0 => false,
        1 => true,
        _ => return None,
    };
    let glyphs = u16_at(find(b"maxp")?, 4)? as usize;
    let (glyf, loca) = strip_glyf(find(b"glyf")?, find(b"loca")?, glyphs, long)?;

    let kept: Vec<([u8; 4], Vec<u8>)> = tables
        .iter()
        .filter(|(tag, _)| !DROPPED.contains(&tag))
        .map(|(tag, data)| {
            let data = match tag {
                b"glyf" => glyf.clone(),
                b"loca" => loca.clone(),
                _ => data.to_vec(),
            };
            (*tag, data)
        })
        .collect();
    Some(assemble(version, kept))
}

/// `glyf` and `loca` without the glyphs' instructions (`loca` in its own format).
fn strip_glyf(glyf: &[u8], loca: &[u8], glyphs: usize, long: bool) -> Option<(Vec<u8>, Vec<u8>)> {
    let offset = |k: usize| -> Option<usize> {
        if long {
            u32_at(loca, 4 * k).map(|o| o as usize)
        } else {
            u16_at(loca, 2 * k).map(|o| 2 * o as usize)
        }
    };
    let mut out = Vec::with_capacity(glyf.len());
    let mut offsets = Vec::with_capacity(glyphs + 1);
    for k in 0..glyphs {
        offsets.push(out.len());
        let (start, end) = (offset(k)?, offset(k + 1)?);
        if end <= start {
            continue;
        }
        let glyph = glyf.get(start..end)?;
        let contours = u16_at(glyph, 0)? as i16;
        if contours >= 0 {
            // Header, end points, instruction length, instructions, then the points.
            let length_at = 10 + 2 * contours as usize;
            let skipped = u16_at(glyph, length_at)? as usize;
            let points = glyph.get(length_at + 2 + skipped..)?;
            out.extend_from_slice(&glyph[..length_at]);
            out.extend_from_slice(&[0, 0]);
            out.extend_from_slice(points);
        } else {
            out.extend_from_slice(&glyph[..10.min(glyph.len())]);
            let mut at = 10;
            loop {
                let flags = u16_at(glyph, at)?;
                let mut size = 4 + if flags & ARG_1_AND_2_ARE_WORDS != 0 {
                    4
                } else {
                    2
                };
                if flags & WE_HAVE_A_SCALE != 0 {
                    size += 2;
                } else if flags & WE_HAVE_AN_X_AND_Y_SCALE != 0 {
                    size += 4;
                } else if flags & WE_HAVE_A_TWO_BY_TWO != 0 {
                    size += 8;
                }
                let component = glyph.get(at..at + size)?;
                out.extend_from_slice(&(flags & !WE_HAVE_INSTRUCTIONS).to_be_bytes());
                out.extend_from_slice(&component[2..]);
                at += size;
                if flags & MORE_COMPONENTS == 0 {
                    break;
                }
            }
        }
        // Each glyph starts on an even offset (a short `loca` counts in words);
        // a long one is aligned to 4, as font tools write it.
        let align = if long { 4 } else { 2 };
        out.resize(out.len().next_multiple_of(align), 0);
    }
    offsets.push(out.len());
    let loca = if long {
        offsets
            .iter()
            .flat_map(|&o| (o as u32).to_be_bytes())
            .collect()
    } else {
        let mut words = Vec::with_capacity(2 * offsets.len());
        for o in offsets {
            words.extend_from_slice(&u16::try_from(o / 2).ok()?.to_be_bytes());
        }
        words
    };
    Some((out, loca))
}

/// A font file of these tables, sorted by tag, with checksums and the `head`
/// table's whole-file adjustment.
fn assemble(version: u32, mut tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    tables.sort_by_key(|(tag, _)| *tag);
    let count = tables.len() as u16;
    let selector = 15 - count.max(1).leading_zeros() as u16;
    let range = 16 * (1u16 << selector);
    let mut out = Vec::new();
    out.extend_from_slice(&version.to_be_bytes());
    for v in [count, range, selector, 16 * count - range] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in &mut tables {
        if tag == b"head" && data.len() >= 12 {
            data[8..12].fill(0);
            head_at = Some(offset);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{Face, FontSet};
    use rustybuzz::ttf_parser;

    /// An outline as a list of drawing commands, to compare two faces.
    #[derive(Default, PartialEq, Debug)]
    struct Path(Vec<(char, i32, i32)>);

    impl ttf_parser::OutlineBuilder for Path {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push(('M', x as i32, y as i32));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push(('L', x as i32, y as i32));
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.push(('q', x1 as i32, y1 as i32));
            self.0.push(('Q', x as i32, y as i32));
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.push(('c', x1 as i32, y1 as i32));
            self.0.push(('c', x2 as i32, y2 as i32));
            self.0.push(('C', x as i32, y as i32));
        }
        fn close(&mut self) {
            self.0.push(('Z', 0, 0));
        }
    }

    #[test]
    fn every_glyph_keeps_its_outline_and_advance() {
        let fonts = FontSet::builtin();
        for face in Face::ALL {
            let original = fonts.bytes(face);
            let bare = strip(original).expect("Liberation Serif is plain TrueType");
            assert!(
                bare.len() * 10 < original.len() * 8,
                "{face:?}: {} of {}",
                bare.len(),
                original.len()
            );
            let a = ttf_parser::Face::parse(original, 0).unwrap();
            let b = ttf_parser::Face::parse(&bare, 0).expect("the stripped face parses");
            assert_eq!(a.number_of_glyphs(), b.number_of_glyphs());
            for id in 0..a.number_of_glyphs() {
                let id = ttf_parser::GlyphId(id);
                let (mut pa, mut pb) = (Path::default(), Path::default());
                let ba = a.outline_glyph(id, &mut pa);
                let bb = b.outline_glyph(id, &mut pb);
                assert_eq!((ba, &pa), (bb, &pb), "{face:?} glyph {}", id.0);
                assert_eq!(a.glyph_hor_advance(id), b.glyph_hor_advance(id));
            }
            assert_eq!(a.glyph_index('ệ'), b.glyph_index('ệ'));
            for tag in DROPPED {
                assert!(
                    b.raw_face()
                        .table(ttf_parser::Tag::from_bytes(tag))
                        .is_none()
                );
            }
            // The whole file sums to the magic number, as `head` promises.
            assert_eq!(checksum(&bare), 0xB1B0_AFBA, "{face:?}");
        }
    }

    #[test]
    fn anything_but_truetype_is_left_alone() {
        assert_eq!(strip(b"OTTO\0\0\0\0\0\0\0\0"), None);
        assert_eq!(strip(b""), None);
        assert_eq!(strip(&[0, 1, 0, 0, 0, 9]), None);
    }
}
