//! Layout markup (the XML that templates emit) to the IR.
//!
//! ```xml
//! <document title="..." author="...">
//!   <columns kind="header"><left><p role="issuer">...</p></left><right>...</right></columns>
//!   <p role="heading" level="2" label="1."><b>Mục đích</b><tail>text</tail></p>
//!   <page-break/>
//!   <end-mark/>
//!   <page-top><p role="circulation">XEM XONG TRẢ LẠI</p></page-top>
//!   <page-foot><p role="contact">Địa chỉ: …</p></page-foot>
//!   <section orientation="landscape"/>
//!   <table widths="1 6 3">
//!     <row header="true"><cell><p role="table-head">TT</p></cell>...</row>
//!     <row keep="true"><cell colspan="2" rowspan="1"><p role="table-cell" align="center">1</p></cell>...</row>
//!   </table>
//! </document>
//! ```
//!
//! Inside a `<p>`, text is kept as written (runs of spaces matter: they are the blanks
//! of a draft) except that a line break and the indentation around it vanish, so a
//! template may wrap long paragraphs. `<b>` and `<i>` nest; `<note>…</note>` is a
//! footnote, numbered after the text before it. `<end-mark/>` appends the
//! decree's closing `./.` to the last body paragraph before it.

use roxmltree::{Node, NodeType};

use super::{Block, Cell, ColumnsKind, Document, Para, Role, Row, Table};
use crate::Error;
use crate::model::{Span, nfc_in_place};
use crate::nd30::{Align, Typography};

/// Parses layout markup produced by `template` (the name is for error messages).
pub fn parse(markup: &str, template: &str, typo: &Typography) -> Result<Document, Error> {
    let xml = roxmltree::Document::parse(markup).map_err(|e| {
        let pos = e.pos();
        Error::Markup {
            template: template.to_string(),
            line: pos.row,
            column: pos.col,
            message: e.to_string(),
        }
    })?;
    let p = Parser {
        xml: &xml,
        template,
        typo,
    };
    p.document()
}

struct Parser<'a, 'i> {
    xml: &'a roxmltree::Document<'i>,
    template: &'a str,
    typo: &'a Typography,
}

impl<'a, 'i> Parser<'a, 'i> {
    fn err(&self, node: Node, message: impl Into<String>) -> Error {
        let pos = self.xml.text_pos_at(node.range().start);
        Error::Markup {
            template: self.template.to_string(),
            line: pos.row,
            column: pos.col,
            message: message.into(),
        }
    }

    /// Element children, rejecting stray text.
    fn elements(&self, node: Node<'a, 'i>) -> Result<Vec<Node<'a, 'i>>, Error> {
        let mut out = Vec::new();
        for c in node.children() {
            match c.node_type() {
                NodeType::Element => out.push(c),
                NodeType::Text if c.text().unwrap_or("").trim().is_empty() => {}
                NodeType::Text => {
                    return Err(self.err(
                        c,
                        format!("text outside a <p> inside <{}>", node.tag_name().name()),
                    ));
                }
                _ => {}
            }
        }
        Ok(out)
    }

    fn document(&self) -> Result<Document, Error> {
        let root = self.xml.root_element();
        if root.tag_name().name() != "document" {
            return Err(self.err(root, "the root element must be <document>"));
        }
        let mut doc = Document {
            title: root.attribute("title").unwrap_or_default().to_string(),
            author: root.attribute("author").unwrap_or_default().to_string(),
            ..Document::default()
        };
        nfc_in_place(&mut doc.title);
        nfc_in_place(&mut doc.author);
        for node in self.elements(root)? {
            match node.tag_name().name() {
                "p" => doc.blocks.push(Block::Para(self.para(node)?)),
                "columns" => doc.blocks.push(self.columns(node)?),
                "page-break" => doc.blocks.push(Block::PageBreak),
                "page-top" | "page-foot" => {
                    let mut paras = Vec::new();
                    for p in self.elements(node)? {
                        if p.tag_name().name() != "p" {
                            return Err(
                                self.err(p, "only <p> may stand in <page-top> or <page-foot>")
                            );
                        }
                        paras.push(self.para(p)?);
                    }
                    if node.tag_name().name() == "page-top" {
                        doc.page_top.extend(paras);
                    } else {
                        doc.page_foot.extend(paras);
                    }
                }
                "end-mark" => append_end_mark(&mut doc.blocks),
                "table" => doc.blocks.push(Block::Table(self.table(node)?)),
                "section" => {
                    let landscape = match node.attribute("orientation") {
                        None | Some("portrait") => false,
                        Some("landscape") => true,
                        Some(other) => {
                            return Err(self.err(
                                node,
                                format!(
                                    "<section orientation=\"{other}\">: expected \"portrait\" or \"landscape\""
                                ),
                            ));
                        }
                    };
                    doc.blocks.push(Block::Section { landscape });
                }
                other => {
                    return Err(self.err(
                        node,
                        format!(
                            "unknown element <{other}>; expected <p>, <columns>, <table>, <section>, <page-break>, <end-mark>, <page-top> or <page-foot>"
                        ),
                    ));
                }
            }
        }
        Ok(doc)
    }

    fn columns(&self, node: Node<'a, 'i>) -> Result<Block, Error> {
        let kind = match node.attribute("kind") {
            Some("header") => ColumnsKind::Header,
            Some("closing") => ColumnsKind::Closing,
            Some("signatures") => ColumnsKind::Signatures,
            other => {
                return Err(self.err(
                    node,
                    format!(
                        "<columns kind=\"{}\">: kind must be \"header\", \"closing\" or \"signatures\"",
                        other.unwrap_or("")
                    ),
                ));
            }
        };
        let mut left = Vec::new();
        let mut right = Vec::new();
        for side in self.elements(node)? {
            let target = match side.tag_name().name() {
                "left" => &mut left,
                "right" => &mut right,
                other => {
                    return Err(self.err(
                        side,
                        format!(
                            "unknown element <{other}> in <columns>; expected <left> or <right>"
                        ),
                    ));
                }
            };
            for p in self.elements(side)? {
                if p.tag_name().name() != "p" {
                    return Err(self.err(p, "only <p> may stand in a column"));
                }
                target.push(self.para(p)?);
            }
        }
        Ok(Block::Columns { kind, left, right })
    }

    fn flag(&self, node: Node, name: &str) -> Result<bool, Error> {
        match node.attribute(name) {
            None | Some("false") | Some("") => Ok(false),
            Some("true") => Ok(true),
            Some(other) => Err(self.err(
                node,
                format!("{name}=\"{other}\": expected \"true\" or \"false\""),
            )),
        }
    }

    fn count(&self, node: Node, name: &str) -> Result<usize, Error> {
        match node.attribute(name) {
            None => Ok(1),
            Some(v) => v
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| {
                    self.err(
                        node,
                        format!("{name}=\"{v}\": expected a whole number from 1"),
                    )
                }),
        }
    }

    fn table(&self, node: Node<'a, 'i>) -> Result<Table, Error> {
        let widths_attr = node.attribute("widths").unwrap_or("");
        let widths: Vec<u32> = widths_attr
            .split_whitespace()
            .map(|w| w.parse::<u32>().ok().filter(|w| *w > 0))
            .collect::<Option<_>>()
            .filter(|w: &Vec<u32>| !w.is_empty())
            .ok_or_else(|| {
                self.err(
                    node,
                    format!("<table widths=\"{widths_attr}\">: expected positive whole numbers separated by spaces"),
                )
            })?;
        let mut rows = Vec::new();
        for r in self.elements(node)? {
            if r.tag_name().name() != "row" {
                return Err(self.err(r, "only <row> may stand in a <table>"));
            }
            let mut cells = Vec::new();
            for c in self.elements(r)? {
                if c.tag_name().name() != "cell" {
                    return Err(self.err(c, "only <cell> may stand in a <row>"));
                }
                let mut paras = Vec::new();
                for p in self.elements(c)? {
                    if p.tag_name().name() != "p" {
                        return Err(self.err(p, "only <p> may stand in a <cell>"));
                    }
                    paras.push(self.para(p)?);
                }
                cells.push(Cell {
                    colspan: self.count(c, "colspan")?,
                    rowspan: self.count(c, "rowspan")?,
                    paras,
                });
            }
            rows.push(Row {
                header: self.flag(r, "header")?,
                keep_together: self.flag(r, "keep")?,
                cells,
            });
        }
        let table = Table { widths, rows };
        // Every row must cover the columns exactly.
        let n = table.widths.len();
        let mut covered = vec![0usize; table.rows.len()];
        for (r, placed) in table.placed().iter().enumerate() {
            for (col, cell) in placed {
                if col + cell.colspan > n {
                    return Err(self.err(
                        node,
                        format!(
                            "row {} of the table has more cells than its {n} columns",
                            r + 1
                        ),
                    ));
                }
                for c in covered.iter_mut().skip(r).take(cell.rowspan) {
                    *c += cell.colspan;
                }
            }
        }
        if let Some(r) = covered.iter().position(|c| *c != n) {
            return Err(self.err(
                node,
                format!(
                    "row {} of the table covers {} of its {n} columns",
                    r + 1,
                    covered[r]
                ),
            ));
        }
        Ok(table)
    }

    fn align(&self, node: Node) -> Result<Align, Error> {
        match node.attribute("align") {
            None | Some("left") => Ok(Align::Left),
            Some("center") => Ok(Align::Center),
            Some("justify") => Ok(Align::Justify),
            Some("right") => Ok(Align::Right),
            Some(other) => Err(self.err(
                node,
                format!("align=\"{other}\": expected \"left\", \"center\" or \"justify\""),
            )),
        }
    }

    fn role(&self, node: Node) -> Result<Role, Error> {
        let name = node
            .attribute("role")
            .ok_or_else(|| self.err(node, "<p> needs a role attribute"))?;
        let role = match name {
            "parent" => Role::Parent,
            "issuer" => Role::Issuer,
            "number" => Role::Number,
            "national-title" => Role::NationalTitle,
            "motto" => Role::Motto,
            "place-date" => Role::PlaceDate,
            "doc-type" => Role::DocType,
            "summary" => Role::Summary,
            "preamble" => Role::Preamble,
            "legal-basis" => Role::LegalBasis,
            "heading" => {
                let level = node
                    .attribute("level")
                    .and_then(|l| l.parse::<u8>().ok())
                    .filter(|l| (1..=9).contains(l))
                    .ok_or_else(|| self.err(node, "a heading needs level=\"1\" to level=\"9\""))?;
                Role::Heading(level)
            }
            "body" => Role::Body,
            "bullet" => Role::Bullet,
            "plus" => Role::Plus,
            "recipients-label" => Role::RecipientsLabel,
            "recipient" => Role::Recipient,
            "authority" => Role::Authority,
            "signer-name" => Role::SignerName,
            "appendix-label" => Role::AppendixLabel,
            "appendix-title" => Role::AppendixTitle,
            "appendix-reference" => Role::AppendixReference,
            "subject" => Role::Subject,
            "issuing-authority" => Role::IssuingAuthority,
            "decision-label" => Role::DecisionLabel,
            "article" => Role::Article,
            "chapter" => Role::Chapter,
            "chapter-title" => Role::ChapterTitle,
            "addressee-line" => Role::AddresseeLine,
            "addressee-label" => Role::AddresseeLabel,
            "addressee" => Role::Addressee,
            "attachment-summary" => Role::AttachmentSummary,
            "attachment-reference" => Role::AttachmentReference,
            "table-head" => Role::TableHead,
            "table-number" => Role::TableNumber,
            "table-group" => Role::TableGroup(self.align(node)?),
            "table-cell" => Role::TableCell(self.align(node)?),
            "doc-type-ruled" => Role::DocTypeRuled,
            "lead-line" => Role::LeadLine,
            "dispatch-recipient" => Role::DispatchRecipient,
            "confirmation-title" => Role::ConfirmationTitle,
            "confidentiality" => Role::Confidentiality,
            "urgency" => Role::Urgency,
            "circulation" => Role::Circulation,
            "contact" => Role::Contact,
            "copy-separator" => Role::CopySeparator,
            "copy-form" => Role::CopyForm,
            "copy-stamp" => Role::CopyStamp,
            other => return Err(self.err(node, format!("unknown role \"{other}\""))),
        };
        Ok(role)
    }

    fn para(&self, node: Node<'a, 'i>) -> Result<Para, Error> {
        let role = self.role(node)?;
        let mut para = Para {
            role,
            label: node.attribute("label").map(|l| {
                let mut l = l.to_string();
                nfc_in_place(&mut l);
                l
            }),
            runs: Vec::new(),
            tail: Vec::new(),
        };
        for c in node.children() {
            if c.is_element() && c.tag_name().name() == "tail" {
                self.inline(c, false, false, &mut para.tail)?;
            } else {
                self.inline_node(c, false, false, &mut para.runs)?;
            }
        }
        let upper = self.typo.style(role).upper;
        for span in para.runs.iter_mut() {
            nfc_in_place(&mut span.text);
            if upper {
                span.text = span.text.to_uppercase();
            }
        }
        para.tail.iter_mut().for_each(|s| nfc_in_place(&mut s.text));
        trim_edges(&mut para.runs);
        trim_edges(&mut para.tail);
        Ok(para)
    }

    fn inline(
        &self,
        node: Node<'a, 'i>,
        bold: bool,
        italic: bool,
        out: &mut Vec<Span>,
    ) -> Result<(), Error> {
        for c in node.children() {
            self.inline_node(c, bold, italic, out)?;
        }
        Ok(())
    }

    fn inline_node(
        &self,
        c: Node<'a, 'i>,
        bold: bool,
        italic: bool,
        out: &mut Vec<Span>,
    ) -> Result<(), Error> {
        match c.node_type() {
            NodeType::Text => {
                let text = strip_line_breaks(c.text().unwrap_or(""));
                if !text.is_empty() {
                    match out.last_mut() {
                        Some(last)
                            if last.bold == bold
                                && last.italic == italic
                                && last.footnote.is_none() =>
                        {
                            last.text.push_str(&text)
                        }
                        _ => out.push(Span {
                            text,
                            bold,
                            italic,
                            footnote: None,
                        }),
                    }
                }
                Ok(())
            }
            NodeType::Element => match c.tag_name().name() {
                "b" => self.inline(c, true, italic, out),
                "i" => self.inline(c, bold, true, out),
                "note" => {
                    if let Some(e) = c.children().find(|n| n.is_element()) {
                        return Err(self.err(e, "a <note> holds text only"));
                    }
                    let mut note: String = c.children().filter_map(|n| n.text()).collect();
                    note = strip_line_breaks(note.trim());
                    nfc_in_place(&mut note);
                    match out.last_mut() {
                        Some(last) if last.footnote.is_none() => last.footnote = Some(note),
                        _ => out.push(Span {
                            footnote: Some(note),
                            ..Span::default()
                        }),
                    }
                    Ok(())
                }
                other => Err(self.err(
                    c,
                    format!(
                        "unknown inline element <{other}>; expected <b>, <i>, <note> or <tail>"
                    ),
                )),
            },
            _ => Ok(()),
        }
    }
}

/// Removes every line break together with the spaces and tabs around it.
fn strip_line_breaks(s: &str) -> String {
    if !s.contains('\n') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split('\n').enumerate() {
        let mut piece = line;
        if i > 0 {
            piece = piece.trim_start_matches([' ', '\t', '\r']);
        }
        out.push_str(piece.trim_end_matches([' ', '\t', '\r']));
    }
    out
}

/// Drops empty spans (a footnote's anchor stays, text or not).
fn trim_edges(spans: &mut Vec<Span>) {
    spans.retain(|s| !s.text.is_empty() || s.footnote.is_some());
}

/// Appends `./.` to the last body paragraph, unless it is already there. A body that
/// ends with a table gets none: the mark belongs after text, not after a heading
/// above the table.
fn append_end_mark(blocks: &mut [Block]) {
    let Some(p) = blocks
        .iter_mut()
        .rev()
        .find(|b| matches!(b, Block::Table(_)) || matches!(b, Block::Para(p) if p.role.is_body()))
        .and_then(|b| match b {
            Block::Para(p) => Some(p),
            _ => None,
        })
    else {
        return;
    };
    let spans = if p.tail.is_empty() {
        &mut p.runs
    } else {
        &mut p.tail
    };
    let Some(last) = spans.last_mut() else {
        return;
    };
    if last.footnote.is_some() {
        // The note's number stays on the words it belongs to, before the mark.
        let mark = if last.text.trim_end().ends_with('.') {
            "/."
        } else {
            "./."
        };
        spans.push(Span::plain(mark));
        return;
    }
    let trimmed = last.text.trim_end().len();
    last.text.truncate(trimmed);
    if last.text.ends_with("./.") {
        return;
    }
    if last.text.ends_with('.') {
        last.text.push_str("/.");
    } else {
        last.text.push_str("./.");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> Result<Document, Error> {
        parse(
            &format!("<document title=\"t\" author=\"a\">{body}</document>"),
            "test.xml.tera",
            &Typography::default(),
        )
    }

    #[test]
    fn a_note_anchors_on_the_text_before_it() {
        let d = doc("<p role=\"body\">các xã<note>Gia Phú,\n  Văn Bàn.</note>; và<note>Hai.</note></p><end-mark/>")
            .unwrap();
        let Block::Para(p) = &d.blocks[0] else {
            panic!()
        };
        let notes: Vec<_> = p
            .runs
            .iter()
            .map(|s| (s.text.as_str(), s.footnote.as_deref()))
            .collect();
        assert_eq!(
            notes,
            [
                ("các xã", Some("Gia Phú,Văn Bàn.")),
                ("; và", Some("Hai.")),
                ("./.", None)
            ]
        );
        let err = doc("<p role=\"body\">a<note><b>b</b></note></p>").unwrap_err();
        assert!(err.to_string().contains("text only"), "{err}");
    }

    #[test]
    fn inline_emphasis_nests() {
        let d = doc("<p role=\"body\">a <b>b <i>c</i></b> d</p>").unwrap();
        let Block::Para(p) = &d.blocks[0] else {
            panic!()
        };
        let got: Vec<(&str, bool, bool)> = p
            .runs
            .iter()
            .map(|s| (s.text.as_str(), s.bold, s.italic))
            .collect();
        assert_eq!(
            got,
            [
                ("a ", false, false),
                ("b ", true, false),
                ("c", true, true),
                (" d", false, false)
            ]
        );
    }

    #[test]
    fn line_breaks_vanish_but_spaces_stay() {
        let d = doc("<p role=\"number\">Số:      /KH\n      -UBND</p>").unwrap();
        assert_eq!(d.paras().next().unwrap().plain(), "Số:      /KH-UBND");
    }

    #[test]
    fn level_one_headings_are_upper_case() {
        let d = doc("<p role=\"heading\" level=\"1\" label=\"I.\">Mục đích, yêu cầu</p>").unwrap();
        assert_eq!(d.paras().next().unwrap().plain(), "I. MỤC ĐÍCH, YÊU CẦU");
    }

    #[test]
    fn end_mark_is_added_once() {
        let d = doc("<p role=\"body\">xong.</p><end-mark/>").unwrap();
        assert_eq!(d.paras().next().unwrap().plain(), "xong./.");
        let d = doc("<p role=\"body\">xong./.</p><end-mark/>").unwrap();
        assert_eq!(d.paras().next().unwrap().plain(), "xong./.");
        let d = doc("<p role=\"body\">xong</p><end-mark/>").unwrap();
        assert_eq!(d.paras().next().unwrap().plain(), "xong./.");
    }

    #[test]
    fn no_end_mark_after_a_table() {
        let d = doc(concat!(
            "<p role=\"heading\" level=\"2\" label=\"1.\">Bảng</p>",
            "<table widths=\"1\"><row><cell><p role=\"table-cell\">x</p></cell></row></table>",
            "<end-mark/>"
        ))
        .unwrap();
        assert_eq!(d.paras().next().unwrap().plain(), "1. Bảng");
    }

    #[test]
    fn unknown_element_names_line_and_column() {
        let err = doc("\n<para role=\"body\">x</para>")
            .unwrap_err()
            .to_string();
        assert!(err.contains("test.xml.tera"), "{err}");
        assert!(err.contains("line 2, column 1"), "{err}");
        assert!(err.contains("<para>"), "{err}");
    }

    #[test]
    fn unknown_role_is_an_error() {
        let err = doc("<p role=\"bodyy\">x</p>").unwrap_err().to_string();
        assert!(err.contains("unknown role \"bodyy\""), "{err}");
    }

    #[test]
    fn malformed_xml_is_an_error() {
        let err = doc("<p role=\"body\">x</q>").unwrap_err().to_string();
        assert!(err.contains("bad layout markup at line 1"), "{err}");
    }
}
