//! The body of a plan: sections of any depth holding paragraphs and bullet lists.

use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use super::table::Table;
use super::text::{Text, TextVisitor, VisitText};

/// The part of a plan a section is, when it is one of the parts plans are known by.
///
/// A kind gives the section a default title, so `{"kind": "purposes"}` alone renders
/// as `Mục đích`, and lets programs find the part ([`crate::Plan::sections_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    /// Mục đích, yêu cầu: the section holding purposes and requirements.
    Objectives,
    /// Mục đích.
    Purposes,
    /// Yêu cầu.
    Requirements,
    /// Tiêu chí: the criteria a plan sets.
    Criteria,
    /// Đối tượng: who the plan concerns.
    Subjects,
    /// Nội dung: the tasks.
    Tasks,
    /// Kinh phí: funding.
    Funding,
    /// Tổ chức thực hiện: who does what.
    Implementation,
}

impl SectionKind {
    /// The title used when the section gives none.
    pub fn default_title(self) -> &'static str {
        match self {
            SectionKind::Objectives => "Mục đích, yêu cầu",
            SectionKind::Purposes => "Mục đích",
            SectionKind::Requirements => "Yêu cầu",
            SectionKind::Criteria => "Tiêu chí",
            SectionKind::Subjects => "Đối tượng",
            SectionKind::Tasks => "Nội dung",
            SectionKind::Funding => "Kinh phí",
            SectionKind::Implementation => "Tổ chức thực hiện",
        }
    }
}

/// A numbered section: a mục (`I.`), khoản (`1.`), sub-clause (`1.1.`) or điểm (`a)`),
/// by its depth in the tree.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Which known part of a plan this is, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SectionKind>,
    /// An explicit label that replaces the derived number (`"Phần I"`, `"3.a."`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The title; defaults to the kind's title. A section with neither is a numbered
    /// paragraph (its first content paragraph follows the number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// When true, the first paragraph of the content continues on the title's line:
    /// `3.1. Title: first sentence ...`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub run_in: bool,
    /// Paragraphs and bullet lists, before the subsections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<Block>,
    /// Subsections, numbered one level deeper.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

impl Section {
    /// The title to print: the explicit one, else the kind's default.
    pub fn effective_title(&self) -> Option<Text> {
        self.title
            .clone()
            .or_else(|| self.kind.map(|k| Text::from(k.default_title())))
    }
}

impl VisitText for Section {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        self.label.visit_text(f);
        self.title.visit_text(f);
        self.content.visit_text(f);
        self.sections.visit_text(f);
    }
}

/// A piece of section content.
///
/// In JSON: a string or span array is a paragraph; `{"bullets": [...]}` is a list
/// of `-` items; `{"plus": [...]}` a list of `+` items; `{"table": {...}}` a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A body paragraph: justified, first-line indent.
    Paragraph(Text),
    /// Items each starting with `-`.
    Bullets(Vec<Text>),
    /// Items each starting with `+` (usually under a `-` item).
    Plus(Vec<Text>),
    /// A table with borders, its header row repeated on each page.
    Table(Box<Table>),
}

impl VisitText for Block {
    fn visit_text(&mut self, f: &mut dyn TextVisitor) {
        match self {
            Block::Paragraph(t) => t.visit_text(f),
            Block::Bullets(items) | Block::Plus(items) => items.visit_text(f),
            Block::Table(t) => t.visit_text(f),
        }
    }
}

impl Serialize for Block {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Block::Paragraph(t) => t.serialize(ser),
            Block::Bullets(items) => {
                let mut m = ser.serialize_map(Some(1))?;
                m.serialize_entry("bullets", items)?;
                m.end()
            }
            Block::Plus(items) => {
                let mut m = ser.serialize_map(Some(1))?;
                m.serialize_entry("plus", items)?;
                m.end()
            }
            Block::Table(t) => {
                let mut m = ser.serialize_map(Some(1))?;
                m.serialize_entry("table", t)?;
                m.end()
            }
        }
    }
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
enum ListBlock {
    Bullets(Vec<Text>),
    Plus(Vec<Text>),
    Table(Box<Table>),
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Block;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a paragraph (a string or an array of spans), a list {\"bullets\": [...]} or {\"table\": {...}}",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Block, E> {
                Ok(Block::Paragraph(Text::from(v)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Block, A::Error> {
                Text::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Block::Paragraph)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Block, A::Error> {
                Ok(
                    match ListBlock::deserialize(de::value::MapAccessDeserializer::new(map))? {
                        ListBlock::Bullets(items) => Block::Bullets(items),
                        ListBlock::Plus(items) => Block::Plus(items),
                        ListBlock::Table(t) => Block::Table(t),
                    },
                )
            }
        }
        de.deserialize_any(V)
    }
}

/// A block: a paragraph (text), or `{"bullets": […]}`, `{"plus": […]}`, `{"table": …}`.
impl JsonSchema for Block {
    fn schema_name() -> Cow<'static, str> {
        "Block".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [generator.subschema_for::<Text>(), generator.subschema_for::<ListBlock>()]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_read_and_write_back() {
        let src = r#"["para",{"bullets":["x","y"]},{"plus":["z"]}]"#;
        let blocks: Vec<Block> = serde_json::from_str(src).unwrap();
        assert_eq!(blocks.len(), 3);
        assert!(matches!(&blocks[1], Block::Bullets(v) if v.len() == 2));
        assert_eq!(serde_json::to_string(&blocks).unwrap(), src);
    }

    #[test]
    fn unknown_list_kind_is_named() {
        let err = serde_json::from_str::<Block>(r#"{"bulets":["x"]}"#).unwrap_err();
        assert!(err.to_string().contains("bulets"), "{err}");
    }

    #[test]
    fn kind_supplies_title() {
        let s: Section = serde_json::from_str(r#"{"kind":"purposes"}"#).unwrap();
        assert_eq!(s.effective_title().unwrap().plain(), "Mục đích");
    }
}
