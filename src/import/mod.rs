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
    /// The footnotes read from the end of the text, by line, each with where it
    /// was anchored.
    pub footnotes: Vec<(usize, String)>,
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
            "type: {} ({})\nissuer: {}\nnumber: {number}/{}\ndate: {}, {}\n",
            p.doc_type.name(),
            p.doc_type.abbreviation().unwrap_or("-"),
            if h.issuer.is_empty() {
                "(not found)".to_string()
            } else {
                h.issuer.join(" / ")
            },
            h.symbol(p.doc_type),
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
        for (n, what) in &self.recognized {
            if what.starts_with("removed characters") {
                out.push_str(&format!("line {n}: {what}\n"));
            }
        }
        if !self.footnotes.is_empty() {
            out.push_str(&format!("footnotes: {}\n", self.footnotes.len()));
            for (n, what) in &self.footnotes {
                out.push_str(&format!("  line {n}: {what}\n"));
            }
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
    parse::parse(&split_lines(text))
}

/// Text's lines: a byte-order mark skipped; LF, CR LF and a lone CR end a line.
fn split_lines(text: &str) -> Vec<String> {
    text.strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(str::to_string)
        .collect()
}

/// Imports a plan from DOCX bytes: paragraphs and table cells in reading order.
pub fn import_docx(bytes: &[u8]) -> Result<Import, Error> {
    let lines = docx::lines(bytes)?;
    parse::parse(&lines)
}

/// The lines of a text file's bytes: UTF-8 (a byte-order mark skipped) or UTF-16
/// with its byte-order mark; lines end with LF, CR LF or a lone CR (old Mac files).
/// An empty file, a binary file and text in another encoding are errors that say so.
///
/// ```
/// let lines = vanban::import::text_lines(b"\xEF\xBB\xBFa\rb\r\nc\n").unwrap();
/// assert_eq!(lines, ["a", "b", "c"]);
/// let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Số".encode_utf16().flat_map(u16::to_le_bytes)).collect();
/// assert_eq!(vanban::import::text_lines(&utf16).unwrap(), ["Số"]);
/// ```
pub fn text_lines(bytes: &[u8]) -> Result<Vec<String>, Error> {
    let err = |message: &str| Error::Import {
        file: None,
        message: message.to_string(),
    };
    let utf16 = |le: bool| -> Result<String, Error> {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| {
                let pair = [c[0], *c.get(1).unwrap_or(&0)];
                if le {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| err("UTF-16 text with a broken character"))
    };
    let text = if bytes.starts_with(&[0xFF, 0xFE]) {
        utf16(true)?
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        utf16(false)?
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(t) => t.to_string(),
            Err(e) => {
                return Err(err(&format!(
                    "not UTF-8 text (byte {}) and not a DOCX; save the document as UTF-8 text or .docx",
                    e.valid_up_to()
                )));
            }
        }
    };
    if text.trim().is_empty() {
        return Err(err("the file is empty"));
    }
    if text.contains('\0') {
        return Err(err(
            "a binary file, neither text nor DOCX (an old .doc? save it as .docx)",
        ));
    }
    let mut lines = split_lines(&text);
    if lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    Ok(lines)
}

/// Imports a `.txt` or `.docx` file, by its content (a ZIP is taken for DOCX).
pub fn import_file(path: &Path) -> Result<Import, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let with_file = |e: Error| match e {
        Error::Import { message, .. } => Error::Import {
            file: Some(path.to_path_buf()),
            message,
        },
        other => other,
    };
    if bytes.starts_with(b"PK\x03\x04") {
        return import_docx(&bytes).map_err(with_file);
    }
    let lines = text_lines(&bytes).map_err(with_file)?;
    parse::parse(&lines).map_err(with_file)
}
