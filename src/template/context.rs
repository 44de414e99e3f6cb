//! The Tera context of a document: the model with derived values (numbers, lines)
//! filled in.

use serde::Serialize;

use crate::model::{
    Block, CellAlign, Column, Document, Form, HONORIFIC_BLANK, NumberStyle, Row, Section,
    Signature, Span, Table, Text, start_columns,
};

/// The context handed to templates.
#[derive(Debug, Serialize)]
pub struct DocumentContext {
    /// `Kế hoạch`, `Quyết định`.
    pub doc_type: &'static str,
    /// The name line as printed: the document's `title`, else the type's name.
    pub title: String,
    /// The issuer in a sentence (`Ủy ban nhân dân tỉnh Lào Cai`), for the fixed
    /// forms' opening lines.
    pub issuer_text: String,
    /// A Công điện's sender (`THỦ TƯỚNG CHÍNH PHỦ`): its own, else the issuer's lines.
    pub sender: String,
    /// A Giấy mời's invitation.
    pub invitation: Option<InvitationCtx>,
    /// A Giấy giới thiệu's fields.
    pub introduction: Option<IntroductionCtx>,
    /// A Biên bản's field lines.
    pub minutes: Option<MinutesCtx>,
    /// A Giấy nghỉ phép's fields.
    pub leave: Option<LeaveCtx>,
    /// A Biên bản's signatures, two to a row, `signature` last (right of the last
    /// row); an odd one out leaves the left of the last row empty.
    pub signature_rows: Vec<[Option<SignatureCtx>; 2]>,
    /// The type as written in JSON (`quyet-dinh`).
    pub type_slug: &'static str,
    /// The form family: `decision`, `named` or `letter`.
    pub form: &'static str,
    /// Parent body lines.
    pub parent: Vec<String>,
    /// Issuer lines.
    pub issuer: Vec<String>,
    /// `Số: 05/KH-UBND`.
    pub number_line: String,
    /// `Hà Nội, ngày 05 tháng 3 năm 2024`.
    pub place_date: String,
    /// The summary spans.
    pub summary: Vec<SpanCtx>,
    /// The summary as plain text (for file metadata).
    pub summary_plain: String,
    /// The authority line(s) of a decision, upper case.
    pub authority: Vec<String>,
    /// `QUYẾT ĐỊNH:` or `QUYẾT NGHỊ:` before a decision's articles; empty otherwise.
    pub decision_label: &'static str,
    /// The addressees of `Kính gửi`, without punctuation.
    pub addressees: Vec<Vec<SpanCtx>>,
    /// The issuer lines joined with spaces (for file metadata).
    pub author: String,
    /// Preamble paragraphs.
    pub preamble: Vec<PreambleCtx>,
    /// The numbered sections in document order (a tree walked depth first), each
    /// with its depth and derived label.
    pub outline: Vec<SectionCtx>,
    /// Paragraphs after the sections.
    pub conclusion: Vec<BlockCtx>,
    /// Recipient items, without punctuation.
    pub recipients: Vec<String>,
    /// What follows `Lưu:`, as written.
    pub archive: String,
    /// What follows `Lưu:` as printed: with the drafter's symbol and the copies
    /// (ô 12) and its final stop.
    pub archive_line: String,
    /// The marks of ô 10a, 10b, 11 and 13, each empty when not set.
    pub marks: MarksCtx,
    /// A paper copy's block (Mẫu 3.1).
    pub copy: Option<CopyCtx>,
    /// Authority and title lines, upper case.
    pub signature_lines: Vec<String>,
    /// The signer's name.
    pub signer_name: String,
    /// Documents issued with a decision.
    pub attachments: Vec<AttachmentCtx>,
    /// Appendices.
    pub appendices: Vec<AppendixCtx>,
}

/// The marks, each empty when not set.
#[derive(Debug, Serialize)]
pub struct MarksCtx {
    confidentiality: String,
    urgency: String,
    circulation: String,
    contact: Vec<SpanCtx>,
    /// An electronic copy's line at the top right of page 1 (Mẫu 3.2).
    copy_stamp: String,
}

/// A paper copy's block (Mẫu 3.1).
#[derive(Debug, Serialize)]
pub struct CopyCtx {
    /// `SAO Y`.
    form: &'static str,
    issuer: Vec<String>,
    /// `Số: 05/SY-UBND`.
    number_line: String,
    place_date: String,
    recipients: Vec<String>,
    archive_line: String,
    signature_lines: Vec<String>,
    signer_name: String,
}

/// One signature: its upper-case lines and the name.
#[derive(Debug, Serialize)]
pub struct SignatureCtx {
    lines: Vec<String>,
    name: String,
}

impl SignatureCtx {
    fn of(s: &Signature) -> SignatureCtx {
        SignatureCtx {
            lines: s.lines(),
            name: s.name.clone(),
        }
    }
}

/// A field line: its label (without the colon) and text.
#[derive(Debug, Serialize)]
pub struct FieldCtx {
    label: String,
    text: Vec<SpanCtx>,
}

/// A Giấy mời's invitation (Mẫu 1.7).
#[derive(Debug, Serialize)]
pub struct InvitationCtx {
    inviter: String,
    invitee: String,
    event: Option<Vec<SpanCtx>>,
    fields: Vec<FieldCtx>,
}

/// A Giấy giới thiệu's fields (Mẫu 1.8); dates written out.
#[derive(Debug, Serialize)]
pub struct IntroductionCtx {
    introducer: String,
    /// `Ông`, `Bà` or `Ông (bà)`; `honorific_lower` as inside a sentence.
    honorific: String,
    honorific_lower: String,
    person: String,
    position: String,
    destination: String,
    purpose: Vec<SpanCtx>,
    /// `ngày 31 tháng 12 năm 2026`.
    valid_until: String,
}

/// A Biên bản's field lines (Mẫu 1.9), each `None` when not given.
#[derive(Debug, Serialize)]
pub struct MinutesCtx {
    started: Option<String>,
    place: Option<String>,
    attendees: Option<Vec<SpanCtx>>,
    chair: Option<String>,
    secretary: Option<String>,
    /// `Nội dung:` by default; empty for none.
    content_label: String,
    ended: Option<Vec<SpanCtx>>,
}

/// A Giấy nghỉ phép's fields (Mẫu 1.10); dates written out.
#[derive(Debug, Serialize)]
pub struct LeaveCtx {
    request_date: String,
    grantor: String,
    honorific: String,
    honorific_lower: String,
    person: String,
    position: String,
    period: String,
    from: String,
    to: String,
    place: String,
    counted_as: String,
    confirmation: Option<ConfirmationCtx>,
}

/// The confirmation block of a Giấy nghỉ phép.
#[derive(Debug, Serialize)]
pub struct ConfirmationCtx {
    title: String,
    name: String,
}

/// `Ông (bà)` unless the honorific is given, and its form inside a sentence.
fn honorific(h: &Option<String>) -> (String, String) {
    let h = h
        .as_deref()
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .unwrap_or(HONORIFIC_BLANK)
        .to_string();
    let mut lower = h.clone();
    if let Some(first) = h.chars().next() {
        lower = first.to_lowercase().chain(h.chars().skip(1)).collect();
    }
    (h, lower)
}

/// The fixed forms' parts of `doc`, with defaults and dates written out.
fn fixed_parts(doc: &Document, issuer_text: &str) -> FixedParts {
    let or_issuer = |o: &Option<String>| o.clone().unwrap_or_else(|| issuer_text.to_string());
    let invitation = doc.invitation.as_ref().map(|i| InvitationCtx {
        inviter: or_issuer(&i.inviter),
        invitee: i.invitee.clone(),
        event: i.event.as_ref().map(spans),
        fields: i
            .fields
            .iter()
            .map(|f| FieldCtx {
                label: f.label().to_string(),
                text: spans(f.text()),
            })
            .collect(),
    });
    let introduction = doc.introduction.as_ref().map(|i| {
        let (h, hl) = honorific(&i.honorific);
        IntroductionCtx {
            introducer: or_issuer(&i.introducer),
            honorific: h,
            honorific_lower: hl,
            person: i.person.clone(),
            position: i.position.clone(),
            destination: i.destination.clone(),
            purpose: spans(&i.purpose),
            valid_until: i.valid_until.to_string(),
        }
    });
    let minutes = doc.minutes.as_ref().map(|m| MinutesCtx {
        started: m.started.clone(),
        place: m.place.clone(),
        attendees: m.attendees.as_ref().map(spans),
        chair: m.chair.clone(),
        secretary: m.secretary.clone(),
        content_label: m
            .content_label
            .clone()
            .unwrap_or_else(|| "Nội dung:".into()),
        ended: m.ended.as_ref().map(spans),
    });
    let leave = doc.leave.as_ref().map(|l| {
        let (h, hl) = honorific(&l.honorific);
        LeaveCtx {
            request_date: l.request_date.to_string(),
            grantor: or_issuer(&l.grantor),
            honorific: h,
            honorific_lower: hl,
            person: l.person.clone(),
            position: l.position.clone(),
            period: l.period.clone(),
            from: l.from.to_string(),
            to: l.to.to_string(),
            place: l.place.clone(),
            counted_as: l.counted_as.clone(),
            confirmation: l.confirmation.as_ref().map(|c| ConfirmationCtx {
                title: c.title.clone().unwrap_or_else(|| {
                    "Xác nhận của cơ quan (tổ chức) hoặc chính quyền địa phương nơi nghỉ phép"
                        .into()
                }),
                name: c.name.clone().unwrap_or_default(),
            }),
        }
    });
    let mut all: Vec<&Signature> = doc.cosigners.iter().collect();
    all.push(&doc.signature);
    // Pairs from the first; an odd one out, the chair's, stands alone on the right.
    let alone = (all.len() % 2 == 1).then(|| all.pop()).flatten();
    let mut signature_rows: Vec<[Option<SignatureCtx>; 2]> = all
        .chunks(2)
        .map(|p| [Some(SignatureCtx::of(p[0])), Some(SignatureCtx::of(p[1]))])
        .collect();
    if let Some(s) = alone {
        signature_rows.push([None, Some(SignatureCtx::of(s))]);
    }
    FixedParts {
        invitation,
        introduction,
        minutes,
        leave,
        signature_rows,
    }
}

struct FixedParts {
    invitation: Option<InvitationCtx>,
    introduction: Option<IntroductionCtx>,
    minutes: Option<MinutesCtx>,
    leave: Option<LeaveCtx>,
    signature_rows: Vec<[Option<SignatureCtx>; 2]>,
}

/// A document issued with a decision (Mẫu 1.3).
#[derive(Debug, Serialize)]
pub struct AttachmentCtx {
    /// `Quy chế`.
    name: String,
    summary: Vec<SpanCtx>,
    /// `(Kèm theo Quyết định số ...)`.
    reference: String,
    preamble: Vec<PreambleCtx>,
    outline: Vec<SectionCtx>,
    conclusion: Vec<BlockCtx>,
}

/// An appendix.
#[derive(Debug, Serialize)]
pub struct AppendixCtx {
    /// `Phụ lục I` (R37).
    label: String,
    title: Vec<String>,
    /// `(Kèm theo Kế hoạch số ...)`.
    reference: String,
    landscape: bool,
    content: Vec<BlockCtx>,
    outline: Vec<SectionCtx>,
}

/// A table, with the column each cell starts in resolved.
#[derive(Debug, Serialize)]
pub struct TableCtx {
    /// Relative widths separated by spaces (`1 6 3`).
    widths: String,
    /// Number of columns.
    columns: usize,
    /// Header cell spans, one per column.
    head: Vec<Vec<SpanCtx>>,
    /// True for a `(1) (2) ...` row under the header.
    column_numbers: bool,
    rows: Vec<RowCtx>,
}

/// A table row: a group heading or cells.
#[derive(Debug, Serialize)]
pub struct RowCtx {
    /// The text of a group row.
    group: Option<Vec<SpanCtx>>,
    /// A group row's number, printed in the first column.
    number: Option<String>,
    keep: bool,
    cells: Vec<CellCtx>,
}

/// A table cell.
#[derive(Debug, Serialize)]
pub struct CellCtx {
    colspan: usize,
    rowspan: usize,
    /// The alignment of the column it starts in (`left`, `center` or `justify` in
    /// the template).
    align: CellAlign,
    /// One entry of spans per paragraph.
    paras: Vec<Vec<SpanCtx>>,
}

/// One span of inline text.
#[derive(Debug, Serialize)]
pub struct SpanCtx {
    text: String,
    bold: bool,
    italic: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    footnote: Option<String>,
}

/// A preamble paragraph.
#[derive(Debug, Serialize)]
pub struct PreambleCtx {
    /// True for a `Căn cứ ...` paragraph (italic by R22).
    legal_basis: bool,
    spans: Vec<SpanCtx>,
}

/// A section with its derived label.
#[derive(Debug, Serialize)]
pub struct SectionCtx {
    depth: usize,
    /// The heading level its number calls for: 1 for `I.`, 2 for `1.`, 3 for
    /// `1.1.`, 4 for `a)` (a plan keeps its depth, as it always has).
    level: usize,
    /// `heading` (`I.`, `1.` …), `article` (`Điều 1.`) or `chapter` (`Chương I`).
    form: &'static str,
    label: String,
    title: Option<Vec<SpanCtx>>,
    run_in: bool,
    /// The first paragraph when it runs in after the title or number.
    lead: Option<Vec<SpanCtx>>,
    content: Vec<BlockCtx>,
}

/// A content block.
#[derive(Debug, Serialize)]
pub struct BlockCtx {
    /// `paragraph`, `bullets`, `plus` or `table`.
    kind: &'static str,
    /// For a paragraph: its spans; for a list: one entry per item.
    items: Vec<Vec<SpanCtx>>,
    /// For a table: the table.
    table: Option<TableCtx>,
}

fn table(t: &Table) -> TableCtx {
    let starts = start_columns(t.columns.len(), &t.spans());
    let rows = t
        .rows
        .iter()
        .zip(starts)
        .map(|(r, starts)| match r {
            Row::Group { number, text } => RowCtx {
                group: Some(spans(text)),
                number: number.clone(),
                keep: false,
                cells: Vec::new(),
            },
            Row::Cells {
                cells,
                keep_together,
            } => RowCtx {
                group: None,
                number: None,
                keep: *keep_together,
                cells: cells
                    .iter()
                    .zip(starts)
                    .map(|(c, col)| CellCtx {
                        colspan: c.colspan,
                        rowspan: c.rowspan,
                        align: t
                            .columns
                            .get(col)
                            .map_or(CellAlign::Left, Column::effective_align),
                        paras: c.paragraphs.iter().map(spans).collect(),
                    })
                    .collect(),
            },
        })
        .collect();
    TableCtx {
        widths: t
            .columns
            .iter()
            .map(|c| c.width.to_string())
            .collect::<Vec<_>>()
            .join(" "),
        columns: t.columns.len(),
        head: t.columns.iter().map(|c| spans(&c.header)).collect(),
        column_numbers: t.column_numbers,
        rows,
    }
}

fn spans(t: &Text) -> Vec<SpanCtx> {
    t.spans().iter().map(span).collect()
}

fn span(s: &Span) -> SpanCtx {
    SpanCtx {
        text: s.text.clone(),
        bold: s.bold,
        italic: s.italic,
        footnote: s.footnote.clone(),
    }
}

fn block(b: &Block) -> BlockCtx {
    match b {
        Block::Paragraph(t) => BlockCtx {
            kind: "paragraph",
            items: vec![spans(t)],
            table: None,
        },
        Block::Bullets(items) => BlockCtx {
            kind: "bullets",
            items: items.iter().map(spans).collect(),
            table: None,
        },
        Block::Plus(items) => BlockCtx {
            kind: "plus",
            items: items.iter().map(spans).collect(),
            table: None,
        },
        Block::Table(t) => BlockCtx {
            kind: "table",
            items: Vec::new(),
            table: Some(table(t)),
        },
    }
}

/// Numbers the sections of one body: the style per depth, and the article count,
/// which runs through the whole body (across chapters).
struct Numberer<'a> {
    style: &'a dyn Fn(usize) -> NumberStyle,
    articles: usize,
    /// Heading levels follow the depth (a plan) rather than the numbering.
    by_depth: bool,
}

impl Numberer<'_> {
    /// Appends `s` and its subsections, depth first, to `out`.
    fn section(
        &mut self,
        s: &Section,
        depth: usize,
        n: usize,
        parent_label: Option<&str>,
        out: &mut Vec<SectionCtx>,
    ) {
        let style = (self.style)(depth);
        let n = match style {
            NumberStyle::Article => {
                self.articles += 1;
                self.articles
            }
            _ => n,
        };
        let label = s
            .label
            .clone()
            .unwrap_or_else(|| style.label(n, parent_label));
        let title = s.effective_title();
        // A section with no title is a numbered paragraph: its first paragraph follows the number.
        let run_in = s.run_in || title.is_none();
        let mut content: Vec<BlockCtx> = s.content.iter().map(block).collect();
        let lead = match (run_in, s.content.first()) {
            (true, Some(Block::Paragraph(_))) => content.remove(0).items.pop(),
            _ => None,
        };
        let level = match style {
            _ if self.by_depth => depth,
            NumberStyle::Roman | NumberStyle::Chapter => 1,
            NumberStyle::Arabic | NumberStyle::Article => 2,
            NumberStyle::Decimal => 3,
            NumberStyle::Letter => 4,
            NumberStyle::Dash | NumberStyle::Plus => 5,
        };
        out.push(SectionCtx {
            depth,
            level,
            form: match style {
                NumberStyle::Article => "article",
                NumberStyle::Chapter => "chapter",
                _ => "heading",
            },
            title: title.as_ref().map(spans),
            run_in,
            lead,
            content,
            label: label.clone(),
        });
        for (i, c) in s.sections.iter().enumerate() {
            self.section(c, depth + 1, i + 1, Some(&label), out);
        }
    }
}

fn outline(
    sections: &[Section],
    style: &dyn Fn(usize) -> NumberStyle,
    by_depth: bool,
) -> Vec<SectionCtx> {
    let mut numberer = Numberer {
        style,
        articles: 0,
        by_depth,
    };
    let mut out = Vec::new();
    for (i, s) in sections.iter().enumerate() {
        numberer.section(s, 1, i + 1, None, &mut out);
    }
    out
}

/// Preamble paragraphs; `legal_basis` is `Some(true)` when all are căn cứ (a
/// decision's), `Some(false)` when none is (a letter's opening), `None` to tell
/// them by their `Căn cứ`.
fn preamble(paras: &[Text], legal_basis: Option<bool>) -> Vec<PreambleCtx> {
    paras
        .iter()
        .map(|t| PreambleCtx {
            legal_basis: legal_basis
                .unwrap_or_else(|| t.plain().trim_start().starts_with("Căn cứ")),
            spans: spans(t),
        })
        .collect()
}

/// Builds the context of `plan`.
pub fn document_context(plan: &Document) -> DocumentContext {
    let h = &plan.header;
    let form = plan.doc_type.form();
    let by_depth = plan.doc_type == crate::model::DocType::KeHoach;
    let issuer_text = h.issuer_in_text();
    let fixed = fixed_parts(plan, &issuer_text);
    DocumentContext {
        doc_type: plan.doc_type.name(),
        title: plan
            .title
            .clone()
            .unwrap_or_else(|| plan.doc_type.name().to_string()),
        sender: plan.sender.clone().unwrap_or_else(|| h.issuer.join(" ")),
        issuer_text,
        invitation: fixed.invitation,
        introduction: fixed.introduction,
        minutes: fixed.minutes,
        leave: fixed.leave,
        signature_rows: fixed.signature_rows,
        type_slug: plan.doc_type.slug(),
        form: match form {
            Form::Decision => "decision",
            Form::Letter => "letter",
            Form::Fixed => "fixed",
            _ => "named",
        },
        authority: plan.authority.iter().map(|l| l.to_uppercase()).collect(),
        decision_label: match plan.doc_type {
            crate::model::DocType::NghiQuyet => "QUYẾT NGHỊ:",
            _ if form == Form::Decision => "QUYẾT ĐỊNH:",
            _ => "",
        },
        addressees: plan.addressees.iter().map(spans).collect(),
        conclusion: plan.conclusion.iter().map(block).collect(),
        parent: h.parent.clone(),
        issuer: h.issuer.clone(),
        number_line: h.number_line(plan.doc_type),
        place_date: h.place_date_line(),
        summary: spans(&plan.summary),
        summary_plain: plan.summary.plain(),
        author: h
            .issuer
            .iter()
            .map(|l| l.trim())
            .collect::<Vec<_>>()
            .join(" "),
        // A decision's căn cứ, including `Theo đề nghị …`, are all italic (Mẫu 1.1-1.3).
        preamble: preamble(
            &plan.preamble,
            match form {
                Form::Decision => Some(true),
                Form::Letter => Some(false),
                _ => None,
            },
        ),
        outline: outline(&plan.sections, &|d| plan.style_at(d), by_depth),
        recipients: plan.recipients.items.clone(),
        archive: plan.recipients.archive.clone(),
        archive_line: plan.recipients.archive_line(),
        marks: MarksCtx {
            confidentiality: plan.marks.confidentiality.clone().unwrap_or_default(),
            urgency: plan.marks.urgency.clone().unwrap_or_default(),
            circulation: plan.marks.circulation.clone().unwrap_or_default(),
            contact: plan.marks.contact.as_ref().map(spans).unwrap_or_default(),
            copy_stamp: plan
                .copy
                .as_ref()
                .and_then(|c| c.stamp())
                .unwrap_or_default(),
        },
        copy: plan
            .copy
            .as_ref()
            .filter(|c| c.signed_at.is_none())
            .map(|c| {
                let r = c.recipients_or_default();
                let sig = c.signature.clone().unwrap_or_default();
                CopyCtx {
                    form: c.form.name(),
                    issuer: c.issuer.clone(),
                    number_line: c.number_line(),
                    place_date: c.header().place_date_line(),
                    recipients: r.items.clone(),
                    archive_line: r.archive_line(),
                    signature_lines: sig.lines(),
                    signer_name: sig.name,
                }
            }),
        signature_lines: plan.signature.lines(),
        signer_name: plan.signature.name.clone(),
        appendices: plan
            .appendices
            .iter()
            .enumerate()
            .map(|(i, a)| AppendixCtx {
                label: plan.appendix_label(i),
                title: a.title.clone(),
                reference: plan.appendix_reference(i),
                landscape: a.landscape,
                content: a.content.iter().map(block).collect(),
                outline: outline(&a.sections, &|d| plan.style_at(d), by_depth),
            })
            .collect(),
        attachments: plan
            .attachments
            .iter()
            .enumerate()
            .map(|(i, a)| AttachmentCtx {
                name: a.name().to_string(),
                summary: spans(&a.summary),
                reference: plan.attachment_reference(i),
                preamble: preamble(&a.preamble, None),
                outline: outline(&a.sections, &|d| a.style_at(d), false),
                conclusion: a.conclusion.iter().map(block).collect(),
            })
            .collect(),
    }
}
