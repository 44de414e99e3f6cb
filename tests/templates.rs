//! Templates: escaping, overriding by directory, and errors that name the template.

mod common;

use common::*;

#[test]
fn values_are_escaped_and_never_interpreted() {
    let mut plan = seed_plan();
    let nasty = "A <b>&amp; {{ summary }} {% if true %}x{% endif %} \"q\" 'a' 1/2";
    plan.summary = nasty.into();
    plan.header.issuer[1] = "<tail/>&".into();
    let r = vanban::Renderer::new().unwrap();
    let doc = r.layout(&plan).unwrap();
    let paras: Vec<String> = doc.paras().map(|p| p.plain()).collect();
    assert!(paras.iter().any(|p| p == nasty), "{paras:?}");
    assert!(paras.iter().any(|p| p == "<TAIL/>&"), "{paras:?}");
    assert_eq!(doc.title, nasty);
    // And it reaches the DOCX as text, escaped once.
    let xml = docx_part(&r.docx(&plan).unwrap(), "word/document.xml");
    let escaped = "A &lt;b&gt;&amp;amp; {{ summary }} {% if true %}x{% endif %}";
    assert!(xml.contains(escaped), "{xml}");
}

fn template_dir(name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("vanban-tpl-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (n, text) in files {
        std::fs::write(dir.join(n), text).unwrap();
    }
    dir
}

#[test]
fn a_user_directory_overrides_by_name() {
    let builtin = vanban::template::BUILTIN
        .iter()
        .find(|(n, _)| *n == vanban::template::NAMED_TEMPLATE)
        .unwrap()
        .1;
    let custom = builtin.replace(
        "<p role=\"doc-type\">{{ title }}</p>",
        "<p role=\"doc-type\">{{ title }} (dự thảo)</p>",
    );
    assert_ne!(custom, builtin);
    // A template named for the type overrides the form's for that type only.
    let dir = template_dir("override", &[("ke-hoach.xml.tera", &custom)]);
    let r = vanban::Renderer::new()
        .unwrap()
        .with_templates_dir(&dir)
        .unwrap();
    let doc = r.layout(&seed_plan()).unwrap();
    assert!(doc.paras().any(|p| p.plain() == "KẾ HOẠCH (DỰ THẢO)"));
    // The macros still come from the built-in set.
    assert!(doc.paras().any(|p| p.plain() == "I. MỤC ĐÍCH, YÊU CẦU"));
    let mut report = seed_plan();
    report.doc_type = vanban::model::DocType::BaoCao;
    let doc = r.layout(&report).unwrap();
    assert!(doc.paras().any(|p| p.plain() == "BÁO CÁO"));
    // The form's template, overridden, serves every type of the form.
    let dir = template_dir("override-form", &[("van-ban.xml.tera", &custom)]);
    let r = vanban::Renderer::new()
        .unwrap()
        .with_templates_dir(&dir)
        .unwrap();
    let doc = r.layout(&report).unwrap();
    assert!(doc.paras().any(|p| p.plain() == "BÁO CÁO (DỰ THẢO)"));
}

#[test]
fn broken_template_syntax_names_template_and_line() {
    let dir = template_dir(
        "syntax",
        &[("macros.xml.tera", "{% macro runs(spans) %}\n\n{% endfor %}")],
    );
    let err = vanban::Renderer::new()
        .unwrap()
        .with_templates_dir(&dir)
        .unwrap_err()
        .to_string();
    assert!(err.contains("macros.xml.tera"), "{err}");
    assert!(err.contains("3:"), "{err}");
}

#[test]
fn bad_markup_names_template_line_and_column() {
    let tpl = "<document>\n<p role=\"body\">{{ summary_plain }}</p>\n  <paragraph/>\n</document>";
    let dir = template_dir("markup", &[("ke-hoach.xml.tera", tpl)]);
    let r = vanban::Renderer::new()
        .unwrap()
        .with_templates_dir(&dir)
        .unwrap();
    let err = r.layout(&seed_plan()).unwrap_err().to_string();
    assert!(err.contains("ke-hoach.xml.tera"), "{err}");
    assert!(err.contains("line 3, column 3"), "{err}");
    assert!(err.contains("<paragraph>"), "{err}");
}

#[test]
fn missing_template_dir_is_an_error() {
    let err = vanban::Renderer::new()
        .unwrap()
        .with_templates_dir(std::path::Path::new("/nonexistent/templates"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("/nonexistent/templates"), "{err}");
}
