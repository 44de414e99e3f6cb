//! The layout IR: what both writers read.
//!
//! A flat list of blocks, each a paragraph with a semantic [`Role`] and inline runs,
//! a two-column block (the header and the closing), a table, or the start of a new
//! section (an appendix: a new page, page numbers from 1, maybe landscape). It is parsed from the layout
//! markup that templates emit ([`parse`]); typography comes from [`crate::nd30`].

mod parse;

pub use parse::parse;

use std::fmt::Write;

use crate::model::{Span, start_columns};
use crate::nd30::Align;

/// What a paragraph is, in the decree's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Governing body (ô 2, upper line, not bold).
    Parent,
    /// Issuing body (ô 2, bold, with a short rule under its last line).
    Issuer,
    /// `Số: .../KH-...` (ô 3).
    Number,
    /// `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` (ô 1).
    NationalTitle,
    /// `Độc lập - Tự do - Hạnh phúc` (ô 1, with a rule of its own width).
    Motto,
    /// Place and date (ô 4, italic).
    PlaceDate,
    /// `KẾ HOẠCH` (ô 5a).
    DocType,
    /// The summary under the type (ô 5a, with a short rule).
    Summary,
    /// A preamble paragraph (`Thực hiện ...`).
    Preamble,
    /// A legal basis (`Căn cứ ...;`, italic, R22).
    LegalBasis,
    /// A section heading at a depth (1 = `I.`).
    Heading(u8),
    /// A body paragraph.
    Body,
    /// A `-` item.
    Bullet,
    /// A `+` item.
    Plus,
    /// `Nơi nhận:` (ô 9b).
    RecipientsLabel,
    /// One recipient line.
    Recipient,
    /// An authority or title line of the signature (ô 7a).
    Authority,
    /// The signer's name (ô 7b).
    SignerName,
    /// The page number in the top margin.
    PageNumber,
    /// `Phụ lục I` (R37).
    AppendixLabel,
    /// An appendix title line, upper case.
    AppendixTitle,
    /// `(Kèm theo Kế hoạch số ...)`, italic.
    AppendixReference,
    /// A Công văn's `V/v …` summary under the number (ô 5b).
    Subject,
    /// The authority line of a decision under its summary
    /// (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH`).
    IssuingAuthority,
    /// `QUYẾT ĐỊNH:` or `QUYẾT NGHỊ:` before the articles.
    DecisionLabel,
    /// An article: `Điều 1.` and its title in bold, its text run in after them.
    Article,
    /// `Chương I` on a line of its own.
    Chapter,
    /// A chapter's title under it, upper case.
    ChapterTitle,
    /// `Kính gửi: …` with its one addressee (ô 9a).
    AddresseeLine,
    /// `Kính gửi:` over a list of addressees.
    AddresseeLabel,
    /// One `- …;` addressee of the list.
    Addressee,
    /// An attached document's summary (Mẫu 1.3), with no rule under it.
    AttachmentSummary,
    /// `(Kèm theo Quyết định số …)` under it, italic, with the rule.
    AttachmentReference,
    /// A table's header cell, bold and centred.
    TableHead,
    /// A cell of the `(1) (2) (3)` row under the header.
    TableNumber,
    /// The text (or the number) of a group row (`I. CẤP TỈNH`), bold.
    TableGroup(Align),
    /// A body cell's paragraph, with its column's alignment.
    TableCell(Align),
    /// The type's name when no summary follows it (Giấy giới thiệu, Giấy nghỉ
    /// phép), with the summary's short rule under it.
    DocTypeRuled,
    /// A centred line that opens a fixed form's text: a Công điện's
    /// `THỦ TƯỚNG CHÍNH PHỦ điện:`, a Giấy giới thiệu's `… trân trọng giới thiệu:`.
    LeadLine,
    /// One recipient of a Công điện, `- …;`, indented under its `… điện:` line.
    DispatchRecipient,
    /// The caption over a confirmation signature (a Giấy nghỉ phép's
    /// `Xác nhận của cơ quan …`), small and italic.
    ConfirmationTitle,
    /// `TUYỆT MẬT`, `TỐI MẬT`, `MẬT` (ô 10a), boxed, under the number.
    Confidentiality,
    /// `HỎA TỐC`, `THƯỢNG KHẨN`, `KHẨN` (ô 10b), boxed in red, under ô 10a.
    Urgency,
    /// `XEM XONG TRẢ LẠI`, `LƯU HÀNH NỘI BỘ` … (ô 11), boxed, in the top margin
    /// of page 1.
    Circulation,
    /// The address and contact line (ô 13), at the foot of page 1.
    Contact,
    /// The rule across the text width that opens a copy's block (Mẫu 3.1).
    CopySeparator,
    /// `SAO Y`, `SAO LỤC`, `TRÍCH SAO` over the copy's place and date.
    CopyForm,
    /// An electronic copy's line at the top right of page 1 (Mẫu 3.2), 10 pt.
    CopyStamp,
    /// A footnote at the foot of a page, 10 pt, its number raised before it.
    /// Not written in the markup: it comes from a `<note>` in a paragraph.
    Footnote,
}

impl Role {
    /// The name used in the layout markup (`role="issuer"`).
    pub fn name(self) -> &'static str {
        match self {
            Role::Parent => "parent",
            Role::Issuer => "issuer",
            Role::Number => "number",
            Role::NationalTitle => "national-title",
            Role::Motto => "motto",
            Role::PlaceDate => "place-date",
            Role::DocType => "doc-type",
            Role::Summary => "summary",
            Role::Preamble => "preamble",
            Role::LegalBasis => "legal-basis",
            Role::Heading(_) => "heading",
            Role::Body => "body",
            Role::Bullet => "bullet",
            Role::Plus => "plus",
            Role::RecipientsLabel => "recipients-label",
            Role::Recipient => "recipient",
            Role::Authority => "authority",
            Role::SignerName => "signer-name",
            Role::PageNumber => "page-number",
            Role::AppendixLabel => "appendix-label",
            Role::AppendixTitle => "appendix-title",
            Role::AppendixReference => "appendix-reference",
            Role::Subject => "subject",
            Role::IssuingAuthority => "issuing-authority",
            Role::DecisionLabel => "decision-label",
            Role::Article => "article",
            Role::Chapter => "chapter",
            Role::ChapterTitle => "chapter-title",
            Role::AddresseeLine => "addressee-line",
            Role::AddresseeLabel => "addressee-label",
            Role::Addressee => "addressee",
            Role::AttachmentSummary => "attachment-summary",
            Role::AttachmentReference => "attachment-reference",
            Role::TableHead => "table-head",
            Role::TableNumber => "table-number",
            Role::TableGroup(_) => "table-group",
            Role::TableCell(_) => "table-cell",
            Role::DocTypeRuled => "doc-type-ruled",
            Role::LeadLine => "lead-line",
            Role::DispatchRecipient => "dispatch-recipient",
            Role::ConfirmationTitle => "confirmation-title",
            Role::Confidentiality => "confidentiality",
            Role::Urgency => "urgency",
            Role::Circulation => "circulation",
            Role::Contact => "contact",
            Role::CopySeparator => "copy-separator",
            Role::CopyForm => "copy-form",
            Role::CopyStamp => "copy-stamp",
            Role::Footnote => "footnote",
        }
    }

    /// True for the roles that flow in the body (justified, indented).
    pub fn is_body(self) -> bool {
        matches!(
            self,
            Role::Preamble
                | Role::LegalBasis
                | Role::Heading(_)
                | Role::Article
                | Role::Body
                | Role::Bullet
                | Role::Plus
        )
    }
}

/// A paragraph of the IR.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    /// What it is.
    pub role: Role,
    /// A number printed before the text (`I.`, `3.1.`, `a)`, `-`).
    pub label: Option<String>,
    /// The text, styled by the role plus each span's own emphasis.
    pub runs: Vec<Span>,
    /// Body text that continues a run-in heading on the same line, in body style.
    pub tail: Vec<Span>,
}

impl Para {
    /// A paragraph with no text (it still takes a line of its role's size).
    pub fn empty(role: Role) -> Para {
        Para {
            role,
            label: None,
            runs: Vec::new(),
            tail: Vec::new(),
        }
    }

    /// The paragraph of an empty table cell.
    pub fn empty_cell() -> Para {
        Para::empty(Role::TableCell(Align::Left))
    }

    /// The paragraph's characters as printed, label included.
    pub fn plain(&self) -> String {
        let mut s = String::new();
        if let Some(l) = &self.label {
            s.push_str(l);
            s.push(' ');
        }
        for r in self.runs.iter().chain(&self.tail) {
            s.push_str(&r.text);
        }
        s
    }
}

/// Splits one column of the header into its two rows: the bodies or the national
/// title and motto (row 1), then the number or the place and date (row 2), so that
/// ô 3 and ô 4 share a line as the decree's diagram shows.
pub fn header_rows(column: &[Para]) -> (&[Para], &[Para]) {
    let at = column
        .iter()
        .position(|p| matches!(p.role, Role::Number | Role::PlaceDate))
        .unwrap_or(column.len());
    column.split_at(at)
}

/// Which two-column block a [`Block::Columns`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnsKind {
    /// Ô 2-3 on the left, ô 1-4 on the right.
    Header,
    /// Ô 9b on the left, ô 7 on the right; never split across pages.
    Closing,
    /// Two signatures side by side (a Biên bản's `THƯ KÝ` and `CHỦ TỌA`, Mẫu 1.9),
    /// in the form's columns; never split across pages.
    Signatures,
}

/// A table cell: paragraphs, and the columns and rows it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Columns covered, at least 1.
    pub colspan: usize,
    /// Rows covered, at least 1; the rows below it leave its columns out.
    pub rowspan: usize,
    /// The paragraphs.
    pub paras: Vec<Para>,
}

/// A table row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// A header row: repeated at the top of every page the table runs over.
    pub header: bool,
    /// The row must not break across pages.
    pub keep_together: bool,
    /// The cells, left to right, skipping columns covered from above.
    pub cells: Vec<Cell>,
}

/// A table across the text width, with single borders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Relative column widths.
    pub widths: Vec<u32>,
    /// The rows; header rows come first.
    pub rows: Vec<Row>,
}

impl Table {
    /// Each row's cells with the index of the column each starts in.
    pub fn placed(&self) -> Vec<Vec<(usize, &Cell)>> {
        let spans: Vec<Vec<(usize, usize)>> = self
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| (c.colspan, c.rowspan)).collect())
            .collect();
        start_columns(self.widths.len(), &spans)
            .into_iter()
            .zip(&self.rows)
            .map(|(starts, r)| starts.into_iter().zip(&r.cells).collect())
            .collect()
    }

    /// Column widths in twips for a table `total` twips wide: whole twips, the last
    /// column taking what rounding leaves.
    ///
    /// ```
    /// let t = vanban::ir::Table { widths: vec![1, 2, 3], rows: vec![] };
    /// assert_eq!(t.widths_twips(9355), [1559, 3118, 4678]);
    /// ```
    pub fn widths_twips(&self, total: i32) -> Vec<i32> {
        let sum: u32 = self.widths.iter().sum::<u32>().max(1);
        let mut out: Vec<i32> = self
            .widths
            .iter()
            .map(|w| (total as f64 * *w as f64 / sum as f64).floor() as i32)
            .collect();
        let used: i32 = out.iter().sum();
        if let Some(last) = out.last_mut() {
            *last += total - used;
        }
        out
    }
}

/// A block of the IR.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// One paragraph.
    Para(Para),
    /// Two columns side by side.
    Columns {
        /// Header or closing.
        kind: ColumnsKind,
        /// Left column paragraphs.
        left: Vec<Para>,
        /// Right column paragraphs.
        right: Vec<Para>,
    },
    /// Start a new page.
    PageBreak,
    /// A table.
    Table(Table),
    /// Start a new section: a new page whose number is 1 (not printed, as on the
    /// first page), in landscape when asked.
    Section {
        /// Landscape pages.
        landscape: bool,
    },
}

/// A laid-out document: blocks plus the metadata the writers put in file properties.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// Document title (the summary) for file metadata.
    pub title: String,
    /// Author (the issuer) for file metadata.
    pub author: String,
    /// The blocks in reading order.
    pub blocks: Vec<Block>,
    /// What page 1 shows in its top margin (ô 11), over the national title.
    pub page_top: Vec<Para>,
    /// What page 1 shows at its foot (ô 13), under a rule across the text width.
    pub page_foot: Vec<Para>,
    /// The signature and seal images, drawn in the signing space of the first
    /// closing block (between its last authority line and the signer's name).
    pub images: crate::images::SignatureImages,
}

impl Document {
    /// The block whose right column the signature and seal images belong to: a
    /// Biên bản's last row of signatures (its chair's), else the first closing
    /// block with a signer's name.
    pub fn signing_block(&self) -> Option<usize> {
        let signs = |right: &[Para]| right.iter().any(|p| p.role == Role::SignerName);
        let row = self.blocks.iter().rposition(|b| {
            matches!(b, Block::Columns { kind: ColumnsKind::Signatures, right, .. } if signs(right))
        });
        row.or_else(|| {
            self.blocks.iter().position(|b| {
                matches!(b, Block::Columns { kind: ColumnsKind::Closing, right, .. } if signs(right))
            })
        })
    }

    /// True when block `k` is the header of a copy (Mẫu 3.1): the block after the
    /// rule that opens a copy, which stays on a page with the closing under it.
    pub fn is_copy_header(&self, k: usize) -> bool {
        k.checked_sub(1)
            .and_then(|prev| self.blocks.get(prev))
            .is_some_and(|b| matches!(b, Block::Para(p) if p.role == Role::CopySeparator))
    }

    /// Every paragraph in reading order (column blocks left then right).
    pub fn paras(&self) -> impl Iterator<Item = &Para> {
        self.blocks
            .iter()
            .flat_map(|b| -> Box<dyn Iterator<Item = &Para>> {
                match b {
                    Block::Para(p) => Box::new(std::iter::once(p)),
                    Block::Columns { left, right, .. } => Box::new(left.iter().chain(right)),
                    Block::Table(t) => Box::new(
                        t.rows
                            .iter()
                            .flat_map(|r| r.cells.iter().flat_map(|c| c.paras.iter())),
                    ),
                    Block::PageBreak | Block::Section { .. } => Box::new(std::iter::empty()),
                }
            })
    }

    /// The footnotes, in the order they are numbered (1, 2 …).
    pub fn footnotes(&self) -> impl Iterator<Item = &str> {
        self.paras()
            .flat_map(|p| p.runs.iter().chain(&p.tail))
            .filter_map(|s| s.footnote.as_deref())
    }

    /// True when both writers open the body with a paragraph 1 pt high: the
    /// document has footnotes and opens with a block that is not a paragraph (the
    /// header's table). LibreOffice, reading a DOCX that opens with a table and
    /// has footnotes, keeps an empty paragraph of the default size before the
    /// table (16 pt more at the top of page 1); one of our own there keeps it out.
    pub fn opens_with_spacer(&self) -> bool {
        !matches!(self.blocks.first(), None | Some(Block::Para(_)))
            && self.footnotes().next().is_some()
    }

    /// A readable text form, one paragraph a line, used for snapshots.
    ///
    /// Each line is `role[level] label | text`, with `**bold**` and `_italic_` spans
    /// marked, a footnote as `[^its text]` where its number goes, and a run-in
    /// tail after `>>`.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "title: {}", self.title);
        let _ = writeln!(out, "author: {}", self.author);
        if !self.page_top.is_empty() {
            out.push_str("[page 1 top]\n");
            self.page_top
                .iter()
                .for_each(|p| write_para(&mut out, p, "  "));
        }
        for b in &self.blocks {
            match b {
                Block::Para(p) => write_para(&mut out, p, ""),
                Block::Columns { kind, left, right } => {
                    let _ = writeln!(out, "[{kind:?} left]");
                    left.iter().for_each(|p| write_para(&mut out, p, "  "));
                    let _ = writeln!(out, "[{kind:?} right]");
                    right.iter().for_each(|p| write_para(&mut out, p, "  "));
                }
                Block::PageBreak => out.push_str("[page break]\n"),
                Block::Section { landscape } => {
                    let o = if *landscape { "landscape" } else { "portrait" };
                    let _ = writeln!(out, "[section {o}, pages from 1]");
                }
                Block::Table(t) => {
                    let w: Vec<String> = t.widths.iter().map(u32::to_string).collect();
                    let _ = writeln!(out, "[table {}]", w.join(":"));
                    for (r, row) in t.placed().into_iter().zip(&t.rows) {
                        let mut flags = String::new();
                        if row.header {
                            flags.push_str(" header");
                        }
                        if row.keep_together {
                            flags.push_str(" keep");
                        }
                        let _ = writeln!(out, "  [row{flags}]");
                        for (col, cell) in r {
                            let _ = write!(out, "    [cell {col}");
                            if cell.colspan > 1 {
                                let _ = write!(out, " colspan={}", cell.colspan);
                            }
                            if cell.rowspan > 1 {
                                let _ = write!(out, " rowspan={}", cell.rowspan);
                            }
                            out.push_str("]\n");
                            cell.paras
                                .iter()
                                .for_each(|p| write_para(&mut out, p, "      "));
                        }
                    }
                }
            }
        }
        if !self.page_foot.is_empty() {
            out.push_str("[page 1 foot]\n");
            self.page_foot
                .iter()
                .for_each(|p| write_para(&mut out, p, "  "));
        }
        out
    }
}

fn write_spans(out: &mut String, spans: &[Span]) {
    for s in spans {
        match (s.bold, s.italic) {
            (false, false) => out.push_str(&s.text),
            (true, false) => {
                let _ = write!(out, "**{}**", s.text);
            }
            (false, true) => {
                let _ = write!(out, "_{}_", s.text);
            }
            (true, true) => {
                let _ = write!(out, "**_{}_**", s.text);
            }
        }
        if let Some(note) = &s.footnote {
            let _ = write!(out, "[^{note}]");
        }
    }
}

fn write_para(out: &mut String, p: &Para, indent: &str) {
    out.push_str(indent);
    out.push_str(p.role.name());
    match p.role {
        Role::Heading(n) => {
            let _ = write!(out, "{n}");
        }
        Role::TableCell(a) | Role::TableGroup(a) if a != Align::Left => {
            let _ = write!(out, "[{a:?}]");
        }
        _ => {}
    }
    if let Some(l) = &p.label {
        let _ = write!(out, " {l}");
    }
    out.push_str(" | ");
    write_spans(out, &p.runs);
    if !p.tail.is_empty() {
        out.push_str(" >> ");
        write_spans(out, &p.tail);
    }
    out.push('\n');
}
