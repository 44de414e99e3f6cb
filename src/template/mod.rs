//! Templates: the model, as a Tera context, to layout markup.
//!
//! Built-in templates are embedded in the binary: one per model form
//! (`van-ban.xml.tera` for Mẫu 1.4, `quyet-dinh.xml.tera` for Mẫu 1.1-1.3,
//! `cong-van.xml.tera` for Mẫu 1.5), one per fixed form (`cong-dien`, `giay-moi`,
//! `giay-gioi-thieu`, `bien-ban`, `giay-nghi-phep`, Mẫu 1.6-1.10) and
//! `macros.xml.tera`, which they share. A
//! document is rendered with the template named for its type when there is one
//! (`ke-hoach.xml.tera`, `bao-cao.xml.tera`, `nghi-quyet.xml.tera` …), else with its
//! form's ([`Templates::name_for`]). A user directory overrides any of them by file
//! name and may add new ones. Every value is XML-escaped, so text holding `<`, `&`
//! or Tera syntax comes out literally.

mod context;
pub mod limits;

use std::path::Path;

use tera::Tera;

use crate::Error;
use crate::model::{DocType, Document, Form};

pub use context::{DocumentContext, document_context};

/// The template of a plan, when a user gives one; by default a plan is rendered
/// with [`NAMED_TEMPLATE`].
pub const PLAN_TEMPLATE: &str = "ke-hoach.xml.tera";
/// The template of Mẫu 1.4, the types with a name line.
pub const NAMED_TEMPLATE: &str = "van-ban.xml.tera";
/// The template of Mẫu 1.1-1.3, decisions and resolutions.
pub const DECISION_TEMPLATE: &str = "quyet-dinh.xml.tera";
/// The template of Mẫu 1.5, the Công văn.
pub const LETTER_TEMPLATE: &str = "cong-van.xml.tera";

/// The built-in templates, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "macros.xml.tera",
        include_str!("../../templates/macros.xml.tera"),
    ),
    (
        NAMED_TEMPLATE,
        include_str!("../../templates/van-ban.xml.tera"),
    ),
    (
        DECISION_TEMPLATE,
        include_str!("../../templates/quyet-dinh.xml.tera"),
    ),
    (
        LETTER_TEMPLATE,
        include_str!("../../templates/cong-van.xml.tera"),
    ),
    (
        "cong-dien.xml.tera",
        include_str!("../../templates/cong-dien.xml.tera"),
    ),
    (
        "giay-moi.xml.tera",
        include_str!("../../templates/giay-moi.xml.tera"),
    ),
    (
        "giay-gioi-thieu.xml.tera",
        include_str!("../../templates/giay-gioi-thieu.xml.tera"),
    ),
    (
        "bien-ban.xml.tera",
        include_str!("../../templates/bien-ban.xml.tera"),
    ),
    (
        "giay-nghi-phep.xml.tera",
        include_str!("../../templates/giay-nghi-phep.xml.tera"),
    ),
];

/// A set of parsed templates ready to render.
pub struct Templates {
    tera: Tera,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut names: Vec<&str> = self.tera.get_template_names().collect();
        names.sort_unstable();
        f.debug_struct("Templates").field("names", &names).finish()
    }
}

/// Escapes the five XML special characters. A line break in a value becomes a
/// space: in the markup a break is the template's own wrapping and vanishes, which
/// would glue the two words around a break in the text (`quốc gia\nphòng`).
///
/// ```
/// assert_eq!(vanban::template::xml_escape("a <b>\nc"), "a &lt;b&gt; c");
/// ```
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push(' '),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The `runs` filter: spans (`[{text, bold, italic, footnote}]`) to escaped text
/// with `<b>` and `<i>`, and a span's footnote as `<note>…</note>` after it. A
/// macro did this before; as a filter it renders about twice as fast.
fn runs_filter(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let spans = value
        .as_array()
        .ok_or_else(|| tera::Error::msg("the runs filter takes a list of spans"))?;
    let mut out = String::new();
    for span in spans {
        let text = span
            .get("text")
            .and_then(|t| t.as_str())
            .ok_or_else(|| tera::Error::msg("a span needs a text"))?;
        let flag = |k: &str| span.get(k).and_then(|v| v.as_bool()).unwrap_or(false);
        let (bold, italic) = (flag("bold"), flag("italic"));
        if bold {
            out.push_str("<b>");
        }
        if italic {
            out.push_str("<i>");
        }
        out.push_str(&xml_escape(text));
        if italic {
            out.push_str("</i>");
        }
        if bold {
            out.push_str("</b>");
        }
        if let Some(note) = span.get("footnote").and_then(|n| n.as_str()) {
            out.push_str("<note>");
            out.push_str(&xml_escape(note));
            out.push_str("</note>");
        }
    }
    Ok(tera::Value::String(out))
}

impl Templates {
    /// The built-in templates only.
    pub fn builtin() -> Result<Templates, Error> {
        Self::load(None)
    }

    /// The built-in templates, each overridden by a file of the same name in `dir`;
    /// other `*.tera` files in `dir` are added.
    pub fn with_dir(dir: &Path) -> Result<Templates, Error> {
        Self::load(Some(dir))
    }

    fn load(dir: Option<&Path>) -> Result<Templates, Error> {
        let mut sources: Vec<(String, String)> = BUILTIN
            .iter()
            .map(|(n, s)| (n.to_string(), s.to_string()))
            .collect();
        if let Some(dir) = dir {
            let io = |source| Error::Io {
                path: dir.to_path_buf(),
                source,
            };
            let mut entries: Vec<_> = std::fs::read_dir(dir)
                .map_err(io)?
                .collect::<Result<_, _>>()
                .map_err(io)?;
            entries.sort_by_key(|e| e.file_name());
            for entry in entries {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !name.ends_with(".tera") {
                    continue;
                }
                let text = std::fs::read_to_string(entry.path()).map_err(|source| Error::Io {
                    path: entry.path(),
                    source,
                })?;
                match sources.iter_mut().find(|(n, _)| *n == name) {
                    Some(slot) => slot.1 = text,
                    None => sources.push((name, text)),
                }
            }
        }
        limits::refuse_recursion(&sources)?;
        let mut tera = Tera::default();
        tera.register_function("range", limits::range);
        tera.autoescape_on(vec![".xml.tera"]);
        tera.set_escape_fn(xml_escape);
        tera.register_filter("runs", runs_filter);
        tera.add_raw_templates(sources)
            .map_err(|e| template_error(&e))?;
        Ok(Templates { tera })
    }

    /// The template that renders a document of type `t`: `<slug>.xml.tera` when the
    /// set has one (each fixed form has its own), else the template of its form. A
    /// type the decree gives no form for is an error that says so.
    ///
    /// ```
    /// use vanban::model::DocType;
    /// let t = vanban::template::Templates::builtin().unwrap();
    /// assert_eq!(t.name_for(DocType::KeHoach).unwrap(), "van-ban.xml.tera");
    /// assert_eq!(t.name_for(DocType::NghiQuyet).unwrap(), "quyet-dinh.xml.tera");
    /// assert_eq!(t.name_for(DocType::GiayMoi).unwrap(), "giay-moi.xml.tera");
    /// assert!(t.name_for(DocType::HopDong).is_err());
    /// ```
    pub fn name_for(&self, t: DocType) -> Result<String, Error> {
        let own = format!("{}.xml.tera", t.slug());
        if self.tera.get_template_names().any(|n| n == own) {
            return Ok(own);
        }
        let family = match t.form() {
            Form::Decision => DECISION_TEMPLATE,
            Form::Letter => LETTER_TEMPLATE,
            Form::Named => NAMED_TEMPLATE,
            Form::Fixed => {
                return Err(Error::Template {
                    name: own,
                    message: format!(
                        "a {} has a fixed form of its own ({}) and its template is missing; \
                         give a template of that name with --templates",
                        t.name(),
                        t.form_name()
                    ),
                });
            }
            Form::None => {
                return Err(Error::Template {
                    name: own,
                    message: format!(
                        "the decree gives no model form for a {}; give a template of that name with --templates",
                        t.name()
                    ),
                });
            }
        };
        Ok(family.to_string())
    }

    /// Renders the template `name` with the context of `doc`.
    pub fn render(&self, name: &str, doc: &Document) -> Result<String, Error> {
        let ctx =
            tera::Context::from_serialize(document_context(doc)).map_err(|e| template_error(&e))?;
        let mut out = limits::Bounded::new();
        self.tera
            .render_to(name, &ctx, &mut out)
            .map_err(|e| template_error(&e))?;
        String::from_utf8(out.out).map_err(|_| Error::Template {
            name: name.to_string(),
            message: "the template produced text that is not UTF-8".into(),
        })
    }
}

/// Flattens Tera's error chain into one message naming the template.
fn template_error(e: &tera::Error) -> Error {
    let mut parts = vec![e.to_string()];
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        parts.push(s.to_string());
        src = s.source();
    }
    let full = parts.join(": ");
    let name = full
        .split('\'')
        .nth(1)
        .filter(|n| n.ends_with(".tera"))
        .unwrap_or("?")
        .to_string();
    Error::Template {
        name,
        message: full,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_xml_specials() {
        assert_eq!(xml_escape("a<b>&\"'/"), "a&lt;b&gt;&amp;&quot;&apos;/");
    }

    #[test]
    fn broken_template_names_itself_and_line() {
        let dir = std::env::temp_dir().join(format!("vanban-tpl-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(PLAN_TEMPLATE), "<document>\n{% if %}\n</document>").unwrap();
        let err = Templates::with_dir(&dir).unwrap_err().to_string();
        std::fs::remove_dir_all(&dir).ok();
        assert!(err.contains(PLAN_TEMPLATE), "{err}");
        assert!(err.contains("2:"), "{err}");
    }
}
