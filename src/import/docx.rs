//! DOCX to lines: paragraphs and table cells in reading order.
//!
//! Two-column tables are the layout tables of the header and the closing block: they
//! are read column by column (the left column, then the right one), as text copies of
//! those tables come out. Wider tables are data tables: each row becomes one
//! `| cell | cell |` line, a cell's paragraphs joined with ` <br> `; a merged cell
//! starts with `{colspan=2}`, `{rowspan=3}` or `{colspan=2,rowspan=3}`, and the cells
//! that continue a vertical merge are left out, as in the model.
//!
//! The reader opens the ZIP itself and parses only the main document part, with
//! [`Limits`] on what it will take: the uncompressed size of a part, the number of
//! XML nodes and paragraphs, and how deep tables nest. Malformed XML is an error
//! naming the part, the line and the column; nothing loops and nothing recurses
//! deeper than the nesting limit.

use std::io::Read;

use roxmltree::{Document, Node};

use crate::Error;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// What the DOCX reader will take; a file beyond a limit is refused with a message
/// that names the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The uncompressed size of one part (`word/document.xml`), in bytes.
    pub part_bytes: u64,
    /// XML nodes (elements, text, attributes' owners) in the main part.
    pub nodes: u32,
    /// Paragraphs, counting those in table cells.
    pub paragraphs: usize,
    /// Tables inside tables.
    pub nesting: usize,
}

impl Default for Limits {
    /// 64 MiB a part, 4 million nodes, 200 000 paragraphs, tables 32 deep.
    fn default() -> Self {
        Limits {
            part_bytes: 64 << 20,
            nodes: 4_000_000,
            paragraphs: 200_000,
            nesting: 32,
        }
    }
}

fn import_error(message: String) -> Error {
    Error::Import {
        file: None,
        message,
    }
}

/// The lines of a DOCX, with the default [`Limits`].
///
/// ```
/// let err = vanban::import::docx::lines(b"PK\x03\x04 not really").unwrap_err();
/// assert!(err.to_string().contains("not a DOCX"), "{err}");
/// ```
pub fn lines(bytes: &[u8]) -> Result<Vec<String>, Error> {
    lines_with(bytes, &Limits::default())
}

/// Reads one part of the archive, refusing it beyond `limit` bytes.
fn part(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
    limit: u64,
) -> Result<Option<String>, Error> {
    let mut entry = match zip.by_name(name) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(import_error(format!(
                "the DOCX part {name} cannot be read: {e}"
            )));
        }
    };
    let over = |n: u64| {
        import_error(format!(
            "the DOCX part {name} is {n} bytes or more uncompressed, over the limit of {limit} bytes"
        ))
    };
    if entry.size() > limit {
        return Err(over(entry.size()));
    }
    let mut buf = Vec::new();
    (&mut entry)
        .take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|e| import_error(format!("the DOCX part {name} cannot be read: {e}")))?;
    if buf.len() as u64 > limit {
        return Err(over(buf.len() as u64));
    }
    let buf = buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf).to_vec();
    String::from_utf8(buf).map(Some).map_err(|e| {
        import_error(format!(
            "the DOCX part {name} is not UTF-8 XML (byte {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn parse_xml<'a>(name: &str, text: &'a str, nodes: u32) -> Result<Document<'a>, Error> {
    let opt = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: nodes,
        ..Default::default()
    };
    Document::parse_with_options(text, opt).map_err(|e| {
        let pos = e.pos();
        let what = e.to_string();
        let what = what
            .strip_suffix(&format!(" at {}:{}", pos.row, pos.col))
            .unwrap_or(&what);
        import_error(format!(
            "the DOCX part {name} is not well-formed XML at line {}, column {}: {what}",
            pos.row, pos.col
        ))
    })
}

/// The lines of a DOCX, with the given limits.
pub fn lines_with(bytes: &[u8], limits: &Limits) -> Result<Vec<String>, Error> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        import_error(format!(
            "not a DOCX: the ZIP archive cannot be opened ({e})"
        ))
    })?;
    // The main part is the one `_rels/.rels` names; `word/document.xml` by default.
    let mut main = String::from("word/document.xml");
    if let Some(rels) = part(&mut zip, "_rels/.rels", limits.part_bytes)? {
        let doc = parse_xml("_rels/.rels", &rels, limits.nodes)?;
        if let Some(target) = doc
            .descendants()
            .filter(|n| n.has_tag_name("Relationship"))
            .find(|n| {
                n.attribute("Type")
                    .is_some_and(|t| t.ends_with("/officeDocument"))
            })
            .and_then(|n| n.attribute("Target"))
        {
            main = target.trim_start_matches('/').to_string();
        }
    }
    let Some(xml) = part(&mut zip, &main, limits.part_bytes)? else {
        return Err(import_error(format!(
            "not a DOCX: the archive has no main document part ({main})"
        )));
    };
    let doc = parse_xml(&main, &xml, limits.nodes)?;
    let body = doc
        .root_element()
        .children()
        .find(|n| is(n, "body"))
        .ok_or_else(|| import_error(format!("the DOCX part {main} has no <w:body>")))?;
    let mut reader = Reader {
        out: Vec::new(),
        paragraphs: 0,
        limits: *limits,
        notes: Vec::new(),
    };
    reader.blocks(body, 0)?;
    // Page 1's own header and footer hold the marks of its margins (ô 11 over
    // the national title, ô 13 at the foot): the header's lines go first, the
    // footer's last.
    let (top, foot) = first_page_parts(&mut zip, &main, &doc, limits)?;
    let mut out = Vec::new();
    for (name, at_top) in [(top, true), (foot, false)] {
        let Some(name) = name else { continue };
        let Some(xml) = part(&mut zip, &name, limits.part_bytes)? else {
            continue;
        };
        let part_doc = parse_xml(&name, &xml, limits.nodes)?;
        let mut r = Reader {
            out: Vec::new(),
            paragraphs: reader.paragraphs,
            limits: *limits,
            notes: Vec::new(),
        };
        r.blocks(part_doc.root_element(), 0)?;
        reader.paragraphs = r.paragraphs;
        if at_top {
            out = r.out;
        } else {
            reader.out.extend(r.out);
        }
    }
    out.extend(std::mem::take(&mut reader.out));
    // The footnotes last, where a text copy has them.
    let ids = std::mem::take(&mut reader.notes);
    out.extend(footnote_lines(&mut zip, &main, &ids, &mut reader)?);
    Ok(out)
}

/// The parts of the first section's first-page header and footer (a document
/// whose first page differs, `w:titlePg`), as archive names.
fn first_page_parts(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    main: &str,
    doc: &Document<'_>,
    limits: &Limits,
) -> Result<(Option<String>, Option<String>), Error> {
    let Some(sect) = doc.descendants().find(|n| is(n, "sectPr")) else {
        return Ok((None, None));
    };
    let id_of = |kind: &str| {
        sect.children()
            .find(|n| {
                is(n, kind)
                    && n.attributes()
                        .any(|a| a.name() == "type" && a.value() == "first")
            })
            .and_then(|n| {
                n.attributes()
                    .find(|a| a.name() == "id")
                    .map(|a| a.value().to_string())
            })
    };
    let (h, f) = (id_of("headerReference"), id_of("footerReference"));
    if h.is_none() && f.is_none() {
        return Ok((None, None));
    }
    let Some(rels) = main_rels(zip, main, limits)? else {
        return Ok((None, None));
    };
    let rels = parse_xml("the main part's relationships", &rels, limits.nodes)?;
    let target = |id: Option<String>| {
        let id = id?;
        related(&rels, main, |n| n.attribute("Id") == Some(id.as_str()))
    };
    Ok((target(h), target(f)))
}

/// The relationships of the main part, as XML.
fn main_rels(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    main: &str,
    limits: &Limits,
) -> Result<Option<String>, Error> {
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main));
    let rels_name = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    part(zip, &rels_name, limits.part_bytes)
}

/// The archive name of the part the first relationship that `which` picks
/// points at, relative to the main part.
fn related(
    rels: &Document<'_>,
    main: &str,
    which: impl Fn(&Node<'_, '_>) -> bool,
) -> Option<String> {
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d);
    rels.descendants()
        .find(|n| n.has_tag_name("Relationship") && which(n))
        .and_then(|n| n.attribute("Target"))
        .map(|t| match t.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None if dir.is_empty() => t.to_string(),
            None => format!("{dir}/{t}"),
        })
}

/// The footnotes the main part refers to, in the order of its references, as
/// `[1] text` lines; the references were written `[1]`, `[2]` … in the text.
fn footnote_lines(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    main: &str,
    ids: &[String],
    reader: &mut Reader,
) -> Result<Vec<String>, Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let limits = reader.limits;
    let Some(rels) = main_rels(zip, main, &limits)? else {
        return Ok(Vec::new());
    };
    let rels = parse_xml("the main part's relationships", &rels, limits.nodes)?;
    let Some(name) = related(&rels, main, |n| {
        n.attribute("Type")
            .is_some_and(|t| t.ends_with("/footnotes"))
    }) else {
        return Ok(Vec::new());
    };
    let Some(xml) = part(zip, &name, limits.part_bytes)? else {
        return Ok(Vec::new());
    };
    let doc = parse_xml(&name, &xml, limits.nodes)?;
    let mut out = Vec::new();
    for (k, id) in ids.iter().enumerate() {
        let Some(note) = doc
            .root_element()
            .children()
            .find(|n| is(n, "footnote") && n.attribute((W, "id")) == Some(id.as_str()))
        else {
            continue;
        };
        let mut text = Vec::new();
        for p in note.children().filter(|n| is(n, "p")) {
            let t = reader.paragraph(p)?;
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            if !t.is_empty() {
                text.push(t);
            }
        }
        out.push(String::new());
        out.push(format!("[{}] {}", k + 1, text.join(" ")));
    }
    Ok(out)
}

fn is(n: &Node<'_, '_>, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(W)
}

fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is(c, name))
}

fn val<'a>(n: Node<'a, '_>) -> Option<&'a str> {
    n.attribute((W, "val"))
}

struct Reader {
    out: Vec<String>,
    paragraphs: usize,
    limits: Limits,
    /// The ids of the footnotes referred to, in order: the reference to the
    /// k-th is written `[k]`.
    notes: Vec<String>,
}

impl Reader {
    /// The block content of a body or a cell: paragraphs, tables, and the content of
    /// content controls and custom XML around them.
    fn blocks(&mut self, parent: Node<'_, '_>, depth: usize) -> Result<(), Error> {
        for n in parent.children().filter(Node::is_element) {
            if is(&n, "p") {
                let text = self.paragraph(n)?;
                push_paragraph(&mut self.out, &text);
            } else if is(&n, "tbl") {
                self.table(n, depth + 1)?;
            } else if is(&n, "sdt") {
                if let Some(content) = child(n, "sdtContent") {
                    self.blocks(content, depth + 1)?;
                }
            } else if is(&n, "customXml") {
                self.blocks(n, depth + 1)?;
            }
        }
        Ok(())
    }

    /// A paragraph's text: runs, inserted and moved-to text, hyperlinks, fields' results;
    /// tabs and breaks. Deleted and moved-from text, and text boxes, are left out.
    fn paragraph(&mut self, p: Node<'_, '_>) -> Result<String, Error> {
        self.paragraphs += 1;
        if self.paragraphs > self.limits.paragraphs {
            return Err(import_error(format!(
                "the DOCX holds more than {} paragraphs, over the limit",
                self.limits.paragraphs
            )));
        }
        let mut s = String::new();
        let mut stack: Vec<Node<'_, '_>> = p.children().collect();
        stack.reverse();
        while let Some(n) = stack.pop() {
            if !n.is_element() {
                continue;
            }
            if n.tag_name().namespace() != Some(W) {
                // Drawings and other markup: only text boxes could hold words, and
                // those are paragraphs of their own.
                continue;
            }
            match n.tag_name().name() {
                "t" => s.push_str(n.text().unwrap_or("")),
                "footnoteReference" => {
                    if let Some(id) = n.attribute((W, "id")) {
                        self.notes.push(id.to_string());
                        s.push_str(&format!("[{}]", self.notes.len()));
                    }
                }
                "tab" | "ptab" => s.push('\t'),
                "br" | "cr" => s.push('\n'),
                "noBreakHyphen" => s.push('-'),
                "pPr" | "rPr" | "del" | "moveFrom" | "instrText" | "delText" | "txbxContent"
                | "fldData" | "p" => {}
                _ => {
                    let mark = stack.len();
                    stack.extend(n.children());
                    stack[mark..].reverse();
                }
            }
        }
        Ok(s)
    }

    fn cell_paragraphs(&mut self, tc: Node<'_, '_>, depth: usize) -> Result<Vec<String>, Error> {
        let saved = std::mem::take(&mut self.out);
        let result = self.blocks(tc, depth);
        let paras = std::mem::replace(&mut self.out, saved);
        result.map(|()| paras)
    }

    fn table(&mut self, tbl: Node<'_, '_>, depth: usize) -> Result<(), Error> {
        if depth > self.limits.nesting {
            return Err(import_error(format!(
                "the DOCX nests tables more than {} deep, over the limit",
                self.limits.nesting
            )));
        }
        let mut rows: Vec<Vec<GridCell>> = Vec::new();
        for tr in tbl.children().filter(|n| is(n, "tr")) {
            let mut col = 0usize;
            let mut row = Vec::new();
            for tc in tr.children().filter(|n| is(n, "tc")) {
                let props = child(tc, "tcPr");
                let span = props
                    .and_then(|p| child(p, "gridSpan"))
                    .and_then(val)
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                // `<w:vMerge/>` without a value continues the merge above.
                let merge = match props.and_then(|p| child(p, "vMerge")) {
                    Some(m) if val(m) != Some("restart") => Merge::Continue,
                    _ => Merge::Start,
                };
                let paras = self.cell_paragraphs(tc, depth)?;
                row.push(GridCell {
                    col,
                    span,
                    merge,
                    paras,
                });
                col += span;
            }
            rows.push(row);
        }
        table_lines(&mut self.out, &rows);
        Ok(())
    }
}

fn push_paragraph(out: &mut Vec<String>, text: &str) {
    // A line break inside a paragraph starts a new line (header and title lines).
    for line in text.split('\n') {
        out.push(line.to_string());
    }
}

/// How a cell of a DOCX table merges with its neighbours.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Merge {
    /// An ordinary cell, or the first of a vertical merge.
    Start,
    /// A cell continuing the vertical merge above it.
    Continue,
}

/// A cell with its place in the table's grid.
struct GridCell {
    col: usize,
    span: usize,
    merge: Merge,
    paras: Vec<String>,
}

fn table_lines(out: &mut Vec<String>, rows: &[Vec<GridCell>]) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    if columns <= 2 {
        for col in 0..columns {
            for row in rows {
                if let Some(cell) = row.get(col) {
                    out.extend(cell.paras.iter().cloned());
                }
            }
            out.push(String::new());
        }
        return;
    }
    for (r, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .filter(|c| c.merge == Merge::Start)
            .map(|cell| {
                // Rows below that continue this cell's merge.
                let rowspan = 1 + rows[r + 1..]
                    .iter()
                    .take_while(|below| {
                        below
                            .iter()
                            .any(|c| c.col == cell.col && c.merge == Merge::Continue)
                    })
                    .count();
                let span = cell.span;
                let text = cell
                    .paras
                    .iter()
                    .map(|p| p.trim())
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(" <br> ");
                let mut marks = Vec::new();
                if span > 1 {
                    marks.push(format!("colspan={span}"));
                }
                if rowspan > 1 {
                    marks.push(format!("rowspan={rowspan}"));
                }
                if marks.is_empty() {
                    text
                } else {
                    format!("{{{}}} {text}", marks.join(","))
                        .trim_end()
                        .to_string()
                }
            })
            .collect();
        out.push(format!("| {} |", cells.join(" | ")));
    }
    out.push(String::new());
}
