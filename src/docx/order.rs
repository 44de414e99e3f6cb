//! Puts the children of WordprocessingML property elements in schema order.
//!
//! docx-rs writes some children out of the order that the OOXML schema (ECMA-376
//! Part 1, §17) prescribes, e.g. `<w:rPr>` first in `<w:pPr>` or `<w:sz>` before
//! `<w:b>`. LibreOffice does not mind; strict consumers may. This pass reorders the
//! direct children of `pPr`, `pBdr`, `rPr`, `sectPr`, `tblPr` and `tcPr` (stable for
//! names the tables do not know) and leaves every other byte as it is.

/// Schema order of the children of each container, by local name.
const ORDERS: &[(&str, &[&str])] = &[
    (
        "pPr",
        &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
    ),
    (
        "rPr",
        &[
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
        ],
    ),
    (
        "sectPr",
        &[
            "headerReference",
            "footerReference",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
            "sectPrChange",
        ],
    ),
    (
        "tblPr",
        &[
            "tblStyle",
            "tblpPr",
            "tblOverlap",
            "bidiVisual",
            "tblStyleRowBandSize",
            "tblStyleColBandSize",
            "tblW",
            "jc",
            "tblCellSpacing",
            "tblInd",
            "tblBorders",
            "shd",
            "tblLayout",
            "tblCellMar",
            "tblLook",
        ],
    ),
    (
        "pBdr",
        &["top", "left", "bottom", "right", "between", "bar"],
    ),
    (
        "tcPr",
        &[
            "cnfStyle",
            "tcW",
            "gridSpan",
            "hMerge",
            "vMerge",
            "tcBorders",
            "shd",
            "noWrap",
            "tcMar",
            "textDirection",
            "tcFitText",
            "vAlign",
            "hideMark",
        ],
    ),
];

fn order_of(container: &str) -> Option<&'static [&'static str]> {
    ORDERS
        .iter()
        .find(|(n, _)| *n == container)
        .map(|(_, o)| *o)
}

/// The order table of the container whose start tag begins `s` (`<w:pPr>`), if any.
/// A cheap test on the tag's bytes: this runs for every tag of the document.
fn container_at(s: &str) -> Option<&'static [&'static str]> {
    let b = s.as_bytes();
    if b.len() < 7 || b[1] == b'/' || !b[1..].starts_with(b"w:") {
        return None;
    }
    let name_end = b[3..]
        .iter()
        .position(|c| matches!(c, b' ' | b'>' | b'/'))
        .map(|p| p + 3)?;
    if !b[..name_end].ends_with(b"Pr") && &s[3..name_end] != "pBdr" {
        return None;
    }
    order_of(&s[3..name_end])
}

/// The local name of the tag starting at `s` (`<w:pPr ...>` gives `pPr`).
fn tag_name(s: &str) -> &str {
    let b = s.as_bytes();
    let mut start = 0;
    while start < b.len() && (b[start] == b'<' || b[start] == b'/') {
        start += 1;
    }
    let mut end = start;
    while end < b.len() && !matches!(b[end], b' ' | b'>' | b'/' | b'\t' | b'\n' | b'\r') {
        if b[end] == b':' {
            start = end + 1;
        }
        end += 1;
    }
    &s[start..end]
}

/// Byte length of the element starting at `s[0] == '<'`, end tag included.
fn element_len(s: &str) -> usize {
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(open) = s[i..].find('<') {
        let start = i + open;
        let close = start + s[start..].find('>').map_or(s.len() - start, |e| e + 1);
        let tag = &s[start..close];
        if tag.starts_with("</") {
            depth -= 1;
        } else if !tag.ends_with("/>") && !tag.starts_with("<?") {
            depth += 1;
        }
        i = close;
        if depth == 0 {
            return i;
        }
    }
    s.len()
}

/// Returns `xml` with the children of the known containers in schema order.
/// The row height (twips, `hRule="auto"`) that marks a header row for
/// [`finish_marks`]; docx-rs has no `w:tblHeader`.
pub(crate) const HEADER_ROW_MARK: f32 = 1.0;

const HEADER_ROW_MARK_XML: &str = r#"<w:trHeight w:val="1" w:hRule="auto" />"#;
/// The paragraph docx-rs writes to carry a section's properties.
const SECTION_PARAGRAPH_XML: &str = "<w:pPr><w:sectPr>";
/// The same paragraph made 1 pt high, so that it cannot push the page over.
const SECTION_PARAGRAPH_SMALL_XML: &str = r#"<w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact" /><w:rPr><w:sz w:val="2" /><w:szCs w:val="2" /></w:rPr><w:sectPr>"#;

/// Writes what docx-rs cannot: `w:tblHeader` on marked header rows, a 1-pt line
/// for the paragraphs that end a section, and the first-page header (the empty one
/// the document's last section names) on the sections docx-rs wrote without it.
pub fn finish_marks(xml: &str) -> String {
    // A document without tables or sections (most parts, and the plan alone) needs
    // none of this: do not copy it.
    let mut out = if xml.contains(HEADER_ROW_MARK_XML) {
        xml.replace(HEADER_ROW_MARK_XML, "<w:tblHeader />")
    } else {
        xml.to_string()
    };
    if out.matches("<w:sectPr>").nth(1).is_none() {
        return out;
    }
    out = out.replace(SECTION_PARAGRAPH_XML, SECTION_PARAGRAPH_SMALL_XML);
    const FIRST: &str = "<w:headerReference w:type=\"first\" r:id=\"";
    const DEFAULT_END: &str = "<w:pgSz ";
    let Some(at) = out.rfind(FIRST) else {
        return out;
    };
    let id_start = at + FIRST.len();
    let Some(id_len) = out[id_start..].find('"') else {
        return out;
    };
    let reference = format!("{FIRST}{}\" />", &out[id_start..id_start + id_len]);
    let mut fixed = String::with_capacity(out.len() + 256);
    let mut rest = out.as_str();
    while let Some(start) = rest.find("<w:sectPr>") {
        let Some(len) = rest[start..].find("</w:sectPr>") else {
            break;
        };
        let sect = &rest[start..start + len];
        fixed.push_str(&rest[..start]);
        match sect.find(DEFAULT_END) {
            Some(pg) if !sect.contains(FIRST) => {
                fixed.push_str(&sect[..pg]);
                fixed.push_str(&reference);
                fixed.push_str(&sect[pg..]);
            }
            _ => fixed.push_str(sect),
        }
        rest = &rest[start + len..];
    }
    fixed.push_str(rest);
    out = fixed;
    out
}

/// Numbers every `w14:paraId` in order from `*next`, so that the ids are unique and
/// the same on every run (docx-rs draws them from a per-thread counter, and gives
/// the paragraphs that carry a section's properties ids that others already have).
pub fn number_paragraphs(xml: &str, next: &mut u32) -> String {
    const ATTR: &str = "w14:paraId=\"";
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find(ATTR) {
        let value_start = at + ATTR.len();
        let Some(len) = rest[value_start..].find('"') else {
            break;
        };
        out.push_str(&rest[..value_start]);
        out.push_str(&format!("{:08X}", *next));
        *next += 1;
        rest = &rest[value_start + len..];
    }
    out.push_str(rest);
    out
}

pub fn reorder(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    reorder_into(xml, &mut out);
    out
}

/// [`reorder`], appending to `out`: one copy of the text, no string per element.
fn reorder_into(xml: &str, out: &mut String) {
    let mut i = 0;
    while let Some(open) = xml[i..].find('<') {
        let start = i + open;
        let rest = &xml[start..];
        if let Some(order) = container_at(rest) {
            out.push_str(&xml[i..start]);
            let len = element_len(rest);
            reorder_element(&rest[..len], order, out);
            i = start + len;
        } else {
            // Copy up to the end of this tag in one piece with the text before it.
            let close = rest.find('>').map_or(rest.len(), |e| e + 1);
            out.push_str(&xml[i..start + close]);
            i = start + close;
        }
    }
    out.push_str(&xml[i..]);
}

/// Appends one container element to `out` with its direct children sorted.
fn reorder_element(elem: &str, order: &[&str], out: &mut String) {
    let open_end = elem.find('>').map_or(elem.len(), |e| e + 1);
    if elem[..open_end].ends_with("/>") {
        out.push_str(elem);
        return;
    }
    let close_start = elem.rfind("</").unwrap_or(elem.len());
    let inner = &elem[open_end..close_start];
    let mut children: Vec<(usize, &str)> = Vec::new();
    let mut j = 0;
    while let Some(open) = inner[j..].find('<') {
        let start = j + open;
        let len = element_len(&inner[start..]);
        let child = &inner[start..start + len];
        let rank = order
            .iter()
            .position(|n| *n == tag_name(child))
            .unwrap_or(order.len());
        children.push((rank, child));
        j = start + len;
    }
    children.sort_by_key(|(rank, _)| *rank);
    out.push_str(&elem[..open_end]);
    // Children may be containers themselves (rPr in pPr).
    children.iter().for_each(|(_, c)| reorder_into(c, out));
    out.push_str(&elem[close_start..]);
}

/// Checks that every known container in `xml` has its children in schema order;
/// returns the first offending container's text.
pub fn check(xml: &str) -> Result<(), String> {
    let mut i = 0;
    while let Some(open) = xml[i..].find('<') {
        let start = i + open;
        let rest = &xml[start..];
        if let Some(order) = container_at(rest) {
            let len = element_len(rest);
            let elem = &rest[..len];
            let mut sorted = String::with_capacity(elem.len());
            reorder_element(elem, order, &mut sorted);
            if sorted != elem {
                return Err(elem.to_string());
            }
        }
        i = start + 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_borders_are_sorted() {
        let src =
            r#"<w:pPr><w:pBdr><w:left w:val="single" /><w:top w:val="single" /></w:pBdr></w:pPr>"#;
        assert_eq!(
            reorder(src),
            r#"<w:pPr><w:pBdr><w:top w:val="single" /><w:left w:val="single" /></w:pBdr></w:pPr>"#
        );
        assert!(check(&reorder(src)).is_ok());
    }

    #[test]
    fn ppr_children_are_sorted_recursively() {
        let src = r#"<w:p><w:pPr><w:rPr><w:sz w:val="26" /><w:b /></w:rPr><w:jc w:val="center" /><w:spacing w:before="0" /><w:keepNext /></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"#;
        let want = r#"<w:p><w:pPr><w:keepNext /><w:spacing w:before="0" /><w:jc w:val="center" /><w:rPr><w:b /><w:sz w:val="26" /></w:rPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"#;
        assert_eq!(reorder(src), want);
        assert!(check(src).is_err());
        check(want).unwrap();
    }

    #[test]
    fn sectpr_header_references_come_first() {
        let src = r#"<w:sectPr><w:pgSz w:w="1" /><w:headerReference w:type="default" r:id="a" /><w:titlePg /></w:sectPr>"#;
        let got = reorder(src);
        assert!(got.starts_with("<w:sectPr><w:headerReference"), "{got}");
    }

    #[test]
    fn nested_borders_stay_whole() {
        let src = r#"<w:pPr><w:spacing /><w:pBdr><w:bottom w:val="single" /></w:pBdr></w:pPr>"#;
        assert_eq!(
            reorder(src),
            r#"<w:pPr><w:pBdr><w:bottom w:val="single" /></w:pBdr><w:spacing /></w:pPr>"#
        );
    }

    #[test]
    fn other_text_is_untouched() {
        let src = "<w:r><w:t xml:space=\"preserve\">a &lt; b   c</w:t></w:r>";
        assert_eq!(reorder(src), src);
    }
}
