//! PDF writer: draws a [`Layout`] with krilla.
//!
//! Fonts are subset and carry a ToUnicode map, so the text can be searched and
//! copied; the same input gives the same bytes (no clock, no random ids); PDF/A-2b
//! is available with krilla's validation on.

use krilla::Data;
use krilla::color::rgb;
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Paint, Stroke};
use krilla::text::{GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};

use crate::Error;
use crate::fonts::{Face, FontSet};
use crate::layout::{Item, Layout};
use crate::model::IssueDate;

/// Options of the PDF file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfOptions {
    /// Write PDF/A-2b, validated by krilla.
    pub pdf_a: bool,
    /// The creation date in the metadata. The clock is never read, so that the same
    /// input gives the same bytes; [`crate::Renderer::pdf`] uses the plan's date of
    /// issue when this is `None` (a draft's blank day or month is left out).
    pub creation_date: Option<IssueDate>,
    /// Document title (the summary).
    pub title: String,
    /// Author (the issuing body).
    pub author: String,
}

/// The line width of a mark's box, points (the DOCX border's 1 pt).
const FRAME_WIDTH: f32 = 1.0;

/// The sRGB paint of a colour, black when none.
fn paint(color: Option<[u8; 3]>) -> Paint {
    let [r, g, b] = color.unwrap_or([0, 0, 0]);
    rgb::Color::new(r, g, b).into()
}

/// The paint of a colour, black when none.
fn fill(color: Option<[u8; 3]>) -> Fill {
    Fill {
        paint: paint(color),
        ..Fill::default()
    }
}

/// Writes `layout` as PDF bytes.
pub fn write(layout: &Layout, fonts: &FontSet, opts: &PdfOptions) -> Result<Vec<u8>, Error> {
    let mut writer = Writer::new(fonts, opts)?;
    writer.add(layout)?;
    writer.finish()
}

/// A PDF written one layout after another: the pages of each follow the last's,
/// sharing one copy of each font. A batch's merged PDF for printing is one
/// [`Writer`] with each row's layout added; every document keeps the page
/// numbers its own layout drew.
///
/// ```
/// let r = vanban::Renderer::new().unwrap();
/// let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/ke-hoach-dong-dang-2024.json")).unwrap();
/// let plan = vanban::Plan::from_json(&json).unwrap();
/// let pages = r.pages(&plan).unwrap();
/// let fonts = vanban::fonts::FontSet::builtin();
/// let mut w = vanban::pdf::Writer::new(&fonts, &vanban::PdfOptions::default()).unwrap();
/// w.add(&pages).unwrap();
/// w.add(&pages).unwrap();
/// assert_eq!(w.pages(), 2 * pages.pages.len());
/// assert!(w.finish().unwrap().starts_with(b"%PDF"));
/// ```
pub struct Writer<'a> {
    doc: Document,
    faces: &'a [krilla::text::Font; 4],
    opts: PdfOptions,
    pages: usize,
}

impl<'a> Writer<'a> {
    /// An empty PDF with these fonts and options.
    pub fn new(fonts: &'a FontSet, opts: &PdfOptions) -> Result<Writer<'a>, Error> {
        let mut settings = SerializeSettings::default();
        if opts.pdf_a {
            settings.configuration = ConfigurationBuilder::new()
                .with_archival_validator(Archival::A2_B)
                .finish()
                .map_err(|e| Error::Output(format!("PDF/A-2b configuration: {e:?}")))?;
        }
        Ok(Writer {
            doc: Document::new_with(settings),
            faces: fonts.pdf_fonts()?,
            opts: opts.clone(),
            pages: 0,
        })
    }

    /// Pages written so far.
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// Draws the pages of `layout` after those already written.
    pub fn add(&mut self, layout: &Layout) -> Result<(), Error> {
        let faces = self.faces;
        let font = |f: Face| faces[Face::ALL.iter().position(|x| *x == f).expect("face")].clone();
        let doc = &mut self.doc;
        for page in &layout.pages {
            let settings = PageSettings::from_wh(page.width, page.height)
                .ok_or_else(|| Error::Output("invalid page size".into()))?;
            let mut p = doc.start_page_with(settings);
            let mut surface = p.surface();
            for item in &page.items {
                match item {
                    Item::Text {
                        x,
                        baseline,
                        fragment,
                        color,
                        ..
                    } => {
                        // Black is the default fill: a document without marks stays as it was.
                        surface.set_fill(color.map(|c| fill(Some(c))));
                        let size = fragment.size;
                        let glyphs: Vec<KrillaGlyph> = fragment
                            .glyphs
                            .iter()
                            .map(|g| {
                                KrillaGlyph::new(
                                    GlyphId::new(g.id as u32),
                                    g.advance / size,
                                    g.x_offset / size,
                                    g.y_offset / size,
                                    0.0,
                                    g.range.clone(),
                                    None,
                                )
                            })
                            .collect();
                        surface.draw_glyphs(
                            Point::from_xy(*x, *baseline),
                            &glyphs,
                            font(fragment.face),
                            &fragment.text,
                            size,
                            false,
                        );
                    }
                    Item::Image {
                        x,
                        y,
                        width,
                        height,
                        png,
                    } => {
                        let image = Image::from_png(Data::from(png.clone()), false)
                            .map_err(|e| Error::Output(format!("a signature image: {e}")))?;
                        let size = Size::from_wh(*width, *height)
                            .ok_or_else(|| Error::Output("an image of no size".into()))?;
                        surface.push_transform(&Transform::from_translate(*x, *y));
                        surface.draw_image(image, size);
                        surface.pop();
                    }
                    Item::Frame {
                        x,
                        y,
                        width,
                        height,
                        color,
                    } => {
                        if let Some(rect) = Rect::from_xywh(*x, *y, *width, *height) {
                            let mut pb = PathBuilder::new();
                            pb.push_rect(rect);
                            if let Some(path) = pb.finish() {
                                surface.set_fill(None);
                                surface.set_stroke(Some(Stroke {
                                    paint: paint(*color),
                                    width: FRAME_WIDTH,
                                    ..Stroke::default()
                                }));
                                surface.draw_path(&path);
                                surface.set_stroke(None);
                            }
                        }
                    }
                    Item::Rule {
                        x,
                        y,
                        width,
                        height,
                    } => {
                        surface.set_fill(None);
                        if let Some(rect) = Rect::from_xywh(*x, *y, *width, *height) {
                            let mut pb = PathBuilder::new();
                            pb.push_rect(rect);
                            if let Some(path) = pb.finish() {
                                surface.draw_path(&path);
                            }
                        }
                    }
                }
            }
            surface.finish();
            p.finish();
        }
        self.pages += layout.pages.len();
        Ok(())
    }

    /// The PDF's bytes, with the metadata of the options.
    pub fn finish(self) -> Result<Vec<u8>, Error> {
        let Writer { mut doc, opts, .. } = self;
        let mut meta = Metadata::new()
            .title(opts.title.clone())
            .authors(vec![opts.author.clone()])
            .creator("vanban".to_string())
            .language("vi".to_string());
        // Only a real date reaches the metadata (a plan built in code may hold any).
        if let Some(date) = opts.creation_date.filter(|d| d.validate().is_ok())
            && let Ok(year) = u16::try_from(date.year)
        {
            let mut dt = DateTime::new(year);
            if let Some(m) = date.month {
                dt = dt.month(m);
                if let Some(d) = date.day {
                    dt = dt.day(d);
                }
            }
            meta = meta.creation_date(dt);
        }
        doc.set_metadata(meta);
        doc.finish().map_err(|e| match e {
            krilla::error::KrillaError::Validation(errors) => {
                let list: Vec<String> = errors.iter().map(|(e, _)| format!("{e:?}")).collect();
                Error::Output(format!(
                    "the PDF does not meet PDF/A-2b: {}",
                    list.join(", ")
                ))
            }
            other => Error::Output(format!("writing the PDF failed: {other:?}")),
        })
    }
}
