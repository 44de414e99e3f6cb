//! Import: existing plans, as text or DOCX, into the typed model.
//!
//! The importer reads lines (a DOCX is first turned into lines, see [`docx`]), sorts
//! them into the parts of a plan by what they say, not by where they stand (header
//! columns may come in either order), and turns numbers into structure: the renderer
//! numbers again. Nothing is dropped silently: a line that is not placed in the model
//! is listed in [`Import::unplaced`] and kept in the plan's `unplaced` field.
//!
//! ```
//! let text = std::fs::read_to_string("fixtures/ke-hoach-dong-dang-2024.txt").unwrap();
//! let import = vanban::import::import_text(&text).unwrap();
//! assert_eq!(import.plan.signature.name, "Lưu Quang Công");
//! assert!(import.unplaced.is_empty());
//! ```

pub mod docx;
pub(crate) mod parse;
mod table;

use std::path::Path;

use crate::Error;
use crate::model::Plan;

/// What an import found.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// The plan.
    pub plan: Plan,
    /// Lines (1-based line number, text) that could not be placed.
    pub unplaced: Vec<(usize, String)>,
    /// Things the importer recognized and dropped because the renderer writes them
    /// again (the national title, the motto, decorative rules), with their lines.
    pub recognized: Vec<(usize, String)>,
}

impl Import {
    /// A short report for people: what was found and what could not be placed.
    pub fn report(&self) -> String {
        let p = &self.plan;
        let h = &p.header;
        let mut out = String::new();
        let number = h
            .number
            .map_or("(blank)".to_string(), |n| format!("{n:02}"));
        if !h.parent.is_empty() {
            out.push_str(&format!("parent body: {}\n", h.parent.join(" / ")));
        }
        out.push_str(&format!(
            "type: {} (KH)\nissuer: {}\nnumber: {number}/{}\ndate: {}, {}\n",
            Plan::DOC_TYPE.name(),
            if h.issuer.is_empty() {
                "(not found)".to_string()
            } else {
                h.issuer.join(" / ")
            },
            h.symbol(Plan::DOC_TYPE),
            if h.place.is_empty() {
                "(no place)"
            } else {
                &h.place
            },
            h.date
        ));
        let count = |s: &[crate::model::Section]| -> usize {
            fn walk(s: &[crate::model::Section]) -> usize {
                s.iter().map(|x| 1 + walk(&x.sections)).sum()
            }
            walk(s)
        };
        out.push_str(&format!(
            "signer: {} ({})\nsections: {} ({} at the top level), preamble paragraphs: {}\nrecipients: {} and Lưu: {}\nappendices: {}\n",
            p.signature.name,
            p.signature.lines().join(" / "),
            count(&p.sections),
            p.sections.len(),
            p.preamble.len(),
            p.recipients.items.len(),
            p.recipients.archive,
            p.appendices.len()
        ));
        for (i, a) in p.appendices.iter().enumerate() {
            let tables: Vec<String> = a
                .content
                .iter()
                .filter_map(|b| match b {
                    crate::model::Block::Table(t) => Some(format!(
                        "a table of {} columns and {} rows",
                        t.columns.len(),
                        t.rows.len()
                    )),
                    _ => None,
                })
                .collect();
            out.push_str(&format!(
                "  {}: {}{}\n",
                p.appendix_label(i),
                {
                    let title = a.title.join(" ");
                    match title.char_indices().nth(60) {
                        Some((at, _)) => format!("{}…", &title[..at]),
                        None => title,
                    }
                },
                if tables.is_empty() {
                    String::new()
                } else {
                    format!("; {}", tables.join(", "))
                }
            ));
        }
        if self.unplaced.is_empty() {
            out.push_str("unplaced lines: none\n");
        } else {
            out.push_str(&format!("unplaced lines: {}\n", self.unplaced.len()));
            for (n, l) in &self.unplaced {
                out.push_str(&format!("  line {n}: {l}\n"));
            }
        }
        out
    }
}

/// Imports a plan from text, one paragraph a line (as portals and PDF extractions give it).
pub fn import_text(text: &str) -> Result<Import, Error> {
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    parse::parse(&lines)
}

/// Imports a plan from DOCX bytes: paragraphs and table cells in reading order.
pub fn import_docx(bytes: &[u8]) -> Result<Import, Error> {
    let lines = docx::lines(bytes)?;
    parse::parse(&lines)
}

/// Imports a `.txt` or `.docx` file, by its content (a ZIP is taken for DOCX).
pub fn import_file(path: &Path) -> Result<Import, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let import_err = |message: String| Error::Import {
        file: Some(path.to_path_buf()),
        message,
    };
    if bytes.starts_with(b"PK\x03\x04") {
        return import_docx(&bytes).map_err(|e| match e {
            Error::Import { message, .. } => import_err(message),
            other => other,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(import_err("the file is empty".into()));
    }
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t.strip_prefix('\u{feff}').unwrap_or(t),
        Err(e) => {
            return Err(import_err(format!(
                "not UTF-8 text (byte {}) and not a DOCX; save the document as UTF-8 text or .docx",
                e.valid_up_to()
            )));
        }
    };
    if text.contains('\0') {
        return Err(import_err(
            "a binary file, neither text nor DOCX (an old .doc? save it as .docx)".into(),
        ));
    }
    import_text(text).map_err(|e| match e {
        Error::Import { message, .. } => import_err(message),
        other => other,
    })
}
