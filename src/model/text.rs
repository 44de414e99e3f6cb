//! Inline text: a paragraph is a sequence of spans, each plain, bold or italic,
//! and any of them may carry a footnote (a note at the foot of the page,
//! numbered where the span ends).
//!
//! In JSON a text is either a plain string or an array whose items are strings
//! or `{"text": "...", "bold": true, "italic": false, "footnote": "..."}` objects:
//!
//! ```
//! use vanban::model::Text;
//! let t: Text = serde_json::from_str(r#"["Theo ", {"text": "Kế hoạch", "bold": true}, "."]"#).unwrap();
//! assert_eq!(t.plain(), "Theo Kế hoạch.");
//! assert!(t.spans()[1].bold);
//!
//! let n: Text = serde_json::from_str(r#"[{"text": "các xã", "footnote": "Gia Phú, Văn Bàn."}]"#).unwrap();
//! assert_eq!(n.spans()[0].footnote.as_deref(), Some("Gia Phú, Văn Bàn."));
//! assert_eq!(n.plain(), "các xã");
//! ```

use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use unicode_normalization::{UnicodeNormalization, is_nfc};

/// One run of text with its emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Span {
    /// The characters of the run.
    pub text: String,
    /// Bold (in đậm).
    pub bold: bool,
    /// Italic (in nghiêng).
    pub italic: bool,
    /// A note printed at the foot of the page, its number written after the
    /// run's last character (a superscript `1`, `2` … counted through the
    /// document).
    pub footnote: Option<String>,
}

impl Span {
    /// A run with no emphasis.
    pub fn plain(text: impl Into<String>) -> Self {
        Span {
            text: text.into(),
            ..Span::default()
        }
    }
}

/// A paragraph's worth of inline text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(Vec<Span>);

impl Text {
    /// Builds a text from spans.
    pub fn from_spans(spans: Vec<Span>) -> Self {
        Text(spans)
    }

    /// The spans, in order.
    pub fn spans(&self) -> &[Span] {
        &self.0
    }

    /// Mutable access to the spans.
    pub fn spans_mut(&mut self) -> &mut Vec<Span> {
        &mut self.0
    }

    /// The characters without emphasis.
    pub fn plain(&self) -> String {
        self.0.iter().map(|s| s.text.as_str()).collect()
    }

    /// The notes of the text's spans, in order.
    pub fn footnotes(&self) -> impl Iterator<Item = &str> {
        self.0.iter().filter_map(|s| s.footnote.as_deref())
    }

    /// True when there is no character at all.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|s| s.text.trim().is_empty())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text(vec![Span::plain(s)])
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text(vec![Span::plain(s)])
    }
}

/// A line break of any of the forms text arrives with: LF, CR, NEL, U+2028, U+2029.
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// A character a document may not hold: a control character other than the tab and
/// the line breaks, or a Unicode non-character (U+FFFE, U+FFFF, U+FDD0..U+FDEF …).
///
/// ```
/// use vanban::model::is_forbidden_char;
/// assert!(is_forbidden_char('\u{7}') && is_forbidden_char('\u{ffff}'));
/// assert!(!is_forbidden_char('\t') && !is_forbidden_char('\n') && !is_forbidden_char('ạ'));
/// ```
pub fn is_forbidden_char(c: char) -> bool {
    let u = c as u32;
    (c.is_control() && c != '\t' && !is_line_break(c))
        || (0xFDD0..=0xFDEF).contains(&u)
        || u & 0xFFFE == 0xFFFE
}

/// Normalizes a text as it enters the model: line breaks unified, NFC. Returns
/// whether it holds a forbidden character ([`is_forbidden_char`]). One scan for
/// the common case.
pub fn normalize_text(s: &mut String) -> bool {
    let (mut other_break, mut forbidden) = (false, false);
    for c in s.chars() {
        if (' '..'\u{7f}').contains(&c) {
            continue;
        }
        if is_line_break(c) {
            other_break |= c != '\n';
        } else if is_forbidden_char(c) {
            forbidden = true;
        }
    }
    if other_break {
        unify_line_breaks(s);
    }
    nfc_in_place(s);
    forbidden
}

/// Every line break written as `\n` (CR LF, CR, NEL, U+2028 and U+2029 too).
pub fn unify_line_breaks(s: &mut String) {
    if s.chars().any(|c| is_line_break(c) && c != '\n') {
        *s = s
            .replace("\r\n", "\n")
            .replace(['\r', '\u{85}', '\u{2028}', '\u{2029}'], "\n");
    }
}

/// Rewrites `s` in Unicode NFC, in place, when it is not already.
pub fn nfc_in_place(s: &mut String) {
    if !is_nfc(s) {
        *s = s.nfc().collect();
    }
}

/// Every piece of text in a value, visited mutably (for NFC and the like).
pub trait VisitText {
    /// Shows `f` every string and every [`Text`] the value holds.
    fn visit_text(&mut self, f: &mut dyn TextVisitor);
}

/// What [`VisitText`] shows the pieces of text to. A closure over `&mut String`
/// is one: it sees every string, a text's spans and footnotes included.
///
/// ```
/// use vanban::model::{Text, VisitText};
/// let mut t: Text = serde_json::from_str(r#"[{"text": "a", "footnote": "b"}]"#).unwrap();
/// let mut seen = Vec::new();
/// t.visit_text(&mut |s: &mut String| seen.push(s.clone()));
/// assert_eq!(seen, ["a", "b"]);
/// ```
pub trait TextVisitor {
    /// A plain string.
    fn string(&mut self, s: &mut String);

    /// A text with spans: by default each span's characters and footnote, as
    /// strings.
    fn text(&mut self, t: &mut Text) {
        for s in &mut t.0 {
            self.string(&mut s.text);
            if let Some(note) = &mut s.footnote {
                self.string(note);
            }
        }
    }
}

impl<F: FnMut(&mut String)> TextVisitor for F {
    fn string(&mut self, s: &mut String) {
        self(s)
    }
}

impl VisitText for String {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        f.string(self)
    }
}

impl VisitText for Text {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        f.text(self)
    }
}

impl<T: VisitText> VisitText for Option<T> {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        if let Some(v) = self {
            v.visit_text(f);
        }
    }
}

impl<T: VisitText> VisitText for Vec<T> {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        for v in self {
            v.visit_text(f);
        }
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        if !self.bold && !self.italic && self.footnote.is_none() {
            return ser.serialize_str(&self.text);
        }
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry("text", &self.text)?;
        if self.bold {
            m.serialize_entry("bold", &true)?;
        }
        if self.italic {
            m.serialize_entry("italic", &true)?;
        }
        if let Some(note) = &self.footnote {
            m.serialize_entry("footnote", note)?;
        }
        m.end()
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [one] if !one.bold && !one.italic && one.footnote.is_none() => {
                ser.serialize_str(&one.text)
            }
            spans => {
                let mut seq = ser.serialize_seq(Some(spans.len()))?;
                for s in spans {
                    seq.serialize_element(s)?;
                }
                seq.end()
            }
        }
    }
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct StyledSpan {
    /// The characters (may be empty for a note that follows the text before it).
    text: String,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    italic: bool,
    /// A note at the foot of the page, numbered after this span's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    footnote: Option<String>,
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Span;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    r#"a string or an object {"text": "...", "bold": true, "italic": true, "footnote": "..."}"#,
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Span, E> {
                Ok(Span::plain(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Span, A::Error> {
                let s = StyledSpan::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Span {
                    text: s.text,
                    bold: s.bold,
                    italic: s.italic,
                    footnote: s.footnote,
                })
            }
        }
        de.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or an array of strings and {\"text\": ...} spans")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::from(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Text, A::Error> {
                let mut spans = Vec::new();
                while let Some(s) = seq.next_element::<Span>()? {
                    spans.push(s);
                }
                Ok(Text(spans))
            }
        }
        de.deserialize_any(V)
    }
}

/// A span: a plain string, or `{"text": …, "bold": true, "italic": true, "footnote": …}`.
impl JsonSchema for Span {
    fn schema_name() -> Cow<'static, str> {
        "Span".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        string_or::<StyledSpan>(generator)
    }
}

/// The schema of a value written as a plain string or, in full, as a `T`.
pub(crate) fn string_or<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "anyOf": [{ "type": "string" }, generator.subschema_for::<T>()]
    })
}

/// Text: a plain string, or an array of spans.
impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "string" },
                { "type": "array", "items": generator.subschema_for::<Span>() }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_string_round_trips_as_string() {
        let t: Text = serde_json::from_str("\"abc\"").unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"abc\"");
    }

    #[test]
    fn styled_spans_round_trip() {
        let src = r#"["a ",{"text":"b","bold":true},{"text":"c","italic":true}]"#;
        let t: Text = serde_json::from_str(src).unwrap();
        assert_eq!(t.spans().len(), 3);
        assert!(t.spans()[1].bold && !t.spans()[1].italic);
        assert_eq!(serde_json::to_string(&t).unwrap(), src);
    }

    #[test]
    fn a_footnote_round_trips_on_its_span() {
        let src = r#"["Theo ",{"text":"Chỉ thị 46","footnote":"Chỉ thị số 46-CT/TW."},"."]"#;
        let t: Text = serde_json::from_str(src).unwrap();
        assert_eq!(t.plain(), "Theo Chỉ thị 46.");
        assert_eq!(t.footnotes().collect::<Vec<_>>(), ["Chỉ thị số 46-CT/TW."]);
        assert_eq!(serde_json::to_string(&t).unwrap(), src);
    }

    #[test]
    fn unknown_span_field_is_rejected() {
        let err = serde_json::from_str::<Text>(r#"[{"text":"a","bld":true}]"#).unwrap_err();
        assert!(err.to_string().contains("unknown field `bld`"), "{err}");
    }

    #[test]
    fn nfc_composes_decomposed_marks() {
        // "ổ" written as o + circumflex + hook above.
        let mut s = "To\u{302}\u{309} chức".to_string();
        nfc_in_place(&mut s);
        assert_eq!(s, "Tổ chức");
    }
}
