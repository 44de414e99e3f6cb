//! # vanban
//!
//! Vietnamese administrative documents in the format of Nghị định 30/2020/NĐ-CP,
//! from typed data to DOCX, starting with the Kế hoạch (plan).
//!
//! The pipeline: [`model`] (typed, NFC) → [`template`] (Tera, layout markup) →
//! [`ir`] (blocks with roles) → [`docx`] writer, with the decree's typography in
//! [`nd30`].
//!
//! ```
//! let json = std::fs::read_to_string("fixtures/ke-hoach-dong-dang-2024.json").unwrap();
//! let plan = vanban::Plan::from_json(&json).unwrap();
//! let renderer = vanban::Renderer::new().unwrap();
//! let docx: Vec<u8> = renderer.docx(&plan).unwrap();
//! assert_eq!(&docx[..2], b"PK");
//! ```

#![warn(missing_docs)]

pub mod batch;
pub mod check;
pub mod docx;
mod error;
pub mod fonts;
pub mod images;
pub mod import;
pub mod input;
pub mod ir;
pub mod layout;
pub mod model;
pub mod nd30;
pub mod pdf;
#[cfg(feature = "serve")]
pub mod serve;
pub mod template;
pub mod write;

use std::path::Path;

pub use error::{Error, Result};
pub use model::{Document, Plan};

use fonts::FontSet;
use nd30::Typography;
pub use pdf::PdfOptions;
use template::Templates;

/// Renders plans: holds the parsed templates, the fonts and the typography.
///
/// Build one and reuse it: parsing templates costs more than rendering.
#[derive(Debug)]
pub struct Renderer {
    templates: Templates,
    fonts: FontSet,
    typography: Typography,
}

impl Renderer {
    /// A renderer with the built-in templates, the built-in fonts and the default typography.
    pub fn new() -> Result<Renderer> {
        Ok(Renderer {
            templates: Templates::builtin()?,
            fonts: FontSet::builtin(),
            typography: Typography::default(),
        })
    }

    /// Uses templates from `dir`, each overriding the built-in one of the same name.
    pub fn with_templates_dir(mut self, dir: &Path) -> Result<Renderer> {
        self.templates = Templates::with_dir(dir)?;
        Ok(self)
    }

    /// Uses the four faces found in `dir` (see [`FontSet::from_dir`]).
    pub fn with_font_dir(mut self, dir: &Path) -> Result<Renderer> {
        self.fonts = FontSet::from_dir(dir)?;
        Ok(self)
    }

    /// Uses these fonts.
    pub fn with_fonts(mut self, fonts: FontSet) -> Renderer {
        self.fonts = fonts;
        self
    }

    /// Uses this typography; it must be inside the decree's ranges.
    pub fn with_typography(mut self, typography: Typography) -> Result<Renderer> {
        typography.validate().map_err(|m| Error::Invalid {
            file: None,
            path: "typography".into(),
            message: m,
        })?;
        self.typography = typography;
        Ok(self)
    }

    /// The typography in use.
    pub fn typography(&self) -> &Typography {
        &self.typography
    }

    /// The layout markup the document's template produces
    /// ([`Templates::name_for`]).
    pub fn markup(&self, plan: &Document) -> Result<String> {
        let name = self.templates.name_for(plan.doc_type)?;
        self.templates.render(&name, plan)
    }

    /// The layout IR of a document.
    pub fn layout(&self, plan: &Document) -> Result<ir::Document> {
        let name = self.templates.name_for(plan.doc_type)?;
        let markup = self.templates.render(&name, plan)?;
        let mut doc = ir::parse(&markup, &name, &self.typography)?;
        doc.images = images::load(plan, None)?;
        Ok(doc)
    }

    /// The plan laid out on pages, as the PDF writer draws it.
    pub fn pages(&self, plan: &Plan) -> Result<layout::Layout> {
        let doc = self.layout(plan)?;
        layout::layout(&doc, &self.typography, &self.fonts.shapers())
    }

    /// The plan as PDF bytes.
    pub fn pdf(&self, plan: &Plan, options: &PdfOptions) -> Result<Vec<u8>> {
        self.pdf_and_pages(plan, options).map(|(pdf, _)| pdf)
    }

    /// The plan as PDF bytes, and its number of pages.
    pub fn pdf_and_pages(&self, plan: &Plan, options: &PdfOptions) -> Result<(Vec<u8>, usize)> {
        let doc = self.layout(plan)?;
        let pages = self.pages_of(&doc)?;
        let count = pages.pages.len();
        pdf::write(&pages, &self.fonts, &pdf_options(&doc, plan, options)).map(|pdf| (pdf, count))
    }

    /// A layout IR (from [`Renderer::layout`]) laid out on pages: one IR serves
    /// both writers when a document is wanted in both formats.
    pub fn pages_of(&self, doc: &ir::Document) -> Result<layout::Layout> {
        layout::layout(doc, &self.typography, &self.fonts.shapers())
    }

    /// A layout IR (from [`Renderer::layout`]) as DOCX bytes.
    pub fn docx_of(&self, doc: &ir::Document) -> Result<Vec<u8>> {
        docx::write(doc, &self.typography, &self.fonts.shapers())
    }

    /// The fonts the renderer measures and embeds.
    pub fn fonts(&self) -> &FontSet {
        &self.fonts
    }

    /// The plan as DOCX bytes.
    pub fn docx(&self, plan: &Plan) -> Result<Vec<u8>> {
        self.docx_of(&self.layout(plan)?)
    }
}

/// `options` with the title, author and creation date taken from the document
/// where it leaves them empty.
///
/// ```
/// let r = vanban::Renderer::new().unwrap();
/// let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/ke-hoach-dong-dang-2024.json")).unwrap();
/// let plan = vanban::Plan::from_json(&json).unwrap();
/// let ir = r.layout(&plan).unwrap();
/// let options = vanban::pdf_options(&ir, &plan, &vanban::PdfOptions::default());
/// assert_eq!(options.creation_date, Some(plan.header.date));
/// assert!(!options.title.is_empty());
/// ```
pub fn pdf_options(doc: &ir::Document, plan: &Plan, options: &PdfOptions) -> PdfOptions {
    let mut options = options.clone();
    if options.title.is_empty() {
        options.title = doc.title.clone();
    }
    if options.author.is_empty() {
        options.author = doc.author.clone();
    }
    if options.creation_date.is_none() {
        options.creation_date = Some(plan.header.date);
    }
    options
}

/// Renders a plan to DOCX with the built-in templates and fonts.
pub fn render_docx(plan: &Plan) -> Result<Vec<u8>> {
    Renderer::new()?.docx(plan)
}

/// The README's Rust examples, compiled and run as doctests so they stay true.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
