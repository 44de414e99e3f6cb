//! Footnotes: the raised number in the text, the note in `word/footnotes.xml`.
//!
//! docx-rs collects a note from the reference run that carries it and writes
//! `footnotes.xml`, but it names a `FootnoteReference` style the document does not
//! define (so the number would not be raised), and writes neither the note's own
//! number (`w:footnoteRef`) nor the separator notes Word expects. The two styles
//! are defined here ([`styles`]; LibreOffice formats a note's own number by the
//! reference style only), and [`finish`] writes the rest.

use docx_rs::{
    AlignmentType, FootnoteReference, LineSpacing, LineSpacingType, Paragraph, Run, RunChild,
    Style, StyleType, VertAlignType,
};

/// The text of the run that stands for the note's own number until [`finish`]
/// writes it as `w:footnoteRef` (a private-use character no document holds).
const NUMBER_MARK: &str = "\u{E000}";

/// The character style of the numbers, in the text and before each note.
const REFERENCE_STYLE: &str = "FootnoteReference";
/// The paragraph style of a note.
pub const TEXT_STYLE: &str = "FootnoteText";

/// The styles the notes name, as Word's own: the raised number, and the note's
/// text at `half_points` (w:sz), single spaced, justified.
pub fn styles(half_points: usize) -> [Style; 2] {
    let mut reference =
        Style::new(REFERENCE_STYLE, StyleType::Character).name("footnote reference");
    reference.run_property = reference
        .run_property
        .vert_align(VertAlignType::SuperScript);
    let text = Style::new(TEXT_STYLE, StyleType::Paragraph)
        .name("footnote text")
        .size(half_points)
        .align(AlignmentType::Both)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(240)
                .line_rule(LineSpacingType::Auto),
        );
    [reference, text]
}

/// The reference to note `id` in the text (a raised number), carrying the note.
pub fn reference(id: usize, note: Paragraph) -> Run {
    let mut r = superscript(Run::new());
    r.children
        .push(RunChild::FootnoteReference(FootnoteReference {
            id,
            style: String::new(),
            content: vec![note],
        }));
    r
}

/// The note's own number at its start, raised, then a space, in the note's
/// size (`half_points`, w:sz).
pub fn number_runs(half_points: usize) -> [Run; 2] {
    [
        superscript(Run::new().add_text(NUMBER_MARK).size(half_points)),
        Run::new().add_text(" ").size(half_points),
    ]
}

fn superscript(mut r: Run) -> Run {
    r.run_property = r
        .run_property
        .style(REFERENCE_STYLE)
        .vert_align(VertAlignType::SuperScript);
    r
}

/// The separator notes Word draws between the text and the notes (ids -1 and 0,
/// which the numbered notes do not use).
const SEPARATORS: &str = concat!(
    r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto" /></w:pPr><w:r><w:separator /></w:r></w:p></w:footnote>"#,
    r#"<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto" /></w:pPr><w:r><w:continuationSeparator /></w:r></w:p></w:footnote>"#,
);

/// `footnotes.xml` as docx-rs wrote it, with each note's number written as
/// `w:footnoteRef` and the separator notes first.
pub fn finish(xml: &str) -> String {
    let number = format!("<w:t xml:space=\"preserve\">{NUMBER_MARK}</w:t>");
    let mut out = xml.replace(&number, "<w:footnoteRef />");
    if let Some(open) = out.find("<w:footnotes ")
        && let Some(end) = out[open..].find('>')
    {
        let at = open + end + 1;
        if out[..at].ends_with("/>") {
            // No note at all: an empty element, left as it is.
            return out;
        }
        out.insert_str(at, SEPARATORS);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finish_writes_the_numbers_and_the_separators() {
        let xml = format!(
            "<w:footnotes xmlns:w=\"w\"><w:footnote w:id=\"1\"><w:p><w:r><w:t xml:space=\"preserve\">{NUMBER_MARK}</w:t></w:r></w:p></w:footnote></w:footnotes>"
        );
        let out = finish(&xml);
        assert!(out.contains("<w:r><w:footnoteRef /></w:r>"), "{out}");
        let sep = out.find("w:type=\"separator\"").unwrap();
        assert!(sep < out.find("w:id=\"1\"").unwrap());
        assert!(!out.contains(NUMBER_MARK));
    }
}
