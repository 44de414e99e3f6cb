//! Every form through the one pipeline: where each part stands in the layout IR,
//! parts a type does not have refused, and `vanban new` examples that render.

mod common;

use common::*;
use vanban::model::{DocType, example};

fn layout(fixture: &str) -> vanban::ir::Document {
    let doc = vanban::input::plan_from_file(&repo(&format!("fixtures/{fixture}.json"))).unwrap();
    vanban::Renderer::new().unwrap().layout(&doc).unwrap()
}

fn roles(doc: &vanban::ir::Document) -> Vec<(&'static str, String)> {
    doc.paras().map(|p| (p.role.name(), p.plain())).collect()
}

#[test]
fn a_decision_has_its_authority_line_label_and_articles_in_order() {
    let doc = layout("quyet-dinh-kiem-tra-hoa-chat-lao-cai-2026");
    let r = roles(&doc);
    let at = |role: &str| r.iter().position(|(n, _)| *n == role).unwrap();
    assert!(at("doc-type") < at("summary"));
    assert!(at("summary") < at("issuing-authority"));
    assert!(at("issuing-authority") < at("legal-basis"));
    assert!(at("legal-basis") < at("decision-label"));
    assert!(at("decision-label") < at("article"));
    assert_eq!(r[at("decision-label")].1, "QUYẾT ĐỊNH:");
    assert_eq!(
        r[at("issuing-authority")].1,
        "GIÁM ĐỐC SỞ CÔNG THƯƠNG LÀO CAI"
    );
    let articles: Vec<&str> = r
        .iter()
        .filter(|(n, _)| *n == "article")
        .map(|(_, t)| t.split(' ').take(2).collect::<Vec<_>>().join(" "))
        .map(|s| Box::leak(s.into_boxed_str()) as &str)
        .collect();
    assert_eq!(
        articles,
        ["Điều 1.", "Điều 2.", "Điều 3.", "Điều 4.", "Điều 5."]
    );
    // Every preamble line of a decision is italic căn cứ, the proposal line too.
    assert!(
        r.iter()
            .any(|(n, t)| *n == "legal-basis" && t.starts_with("Theo đề nghị"))
    );
}

#[test]
fn articles_count_through_the_chapters_of_an_attached_document() {
    let doc = layout("quyet-dinh-dieu-le-quy-khuyen-hoc-binh-thuan-2022");
    let r = roles(&doc);
    let chapters: Vec<&String> = r
        .iter()
        .filter(|(n, _)| *n == "chapter")
        .map(|(_, t)| t)
        .collect();
    assert_eq!(chapters.len(), 8);
    assert_eq!(chapters[1], "Chương II");
    // The attachment's articles go on from one chapter to the next.
    let labels: Vec<String> = doc
        .paras()
        .filter(|p| p.role.name() == "article")
        .filter_map(|p| p.label.clone())
        .collect();
    let n = labels.len();
    assert_eq!(labels[3], "Điều 1.", "the decision has three articles");
    assert_eq!(labels[n - 1], format!("Điều {}.", n - 3));
    assert!(
        r.iter()
            .any(|(n, t)| *n == "attachment-reference"
                && t.starts_with("(Kèm theo Quyết định số 779"))
    );
}

#[test]
fn a_letter_has_no_title_and_its_v_v_stands_under_the_number() {
    let doc = layout("cong-van-bao-ve-khoang-san-lao-cai-2026");
    let vanban::ir::Block::Columns { left, .. } = &doc.blocks[0] else {
        panic!("the header comes first")
    };
    let names: Vec<&str> = left.iter().map(|p| p.role.name()).collect();
    assert_eq!(names, ["issuer", "issuer", "number", "subject"]);
    assert_eq!(left[2].plain(), "Số:      /UBND-KT");
    assert!(left[3].plain().starts_with("V/v tăng cường"));
    let r = roles(&doc);
    assert!(!r.iter().any(|(n, _)| *n == "doc-type"));
    assert_eq!(r.iter().filter(|(n, _)| *n == "addressee").count(), 5);
    assert!(
        r.iter()
            .any(|(n, t)| *n == "addressee" && t == "- Ủy ban nhân dân các xã, phường.")
    );
    // One addressee goes on the `Kính gửi:` line.
    let r = roles(&layout("cong-van-tra-loi-so-noi-vu-lam-dong-2025"));
    assert!(r.contains(&(
        "addressee-line",
        "Kính gửi: Sở Nội vụ tỉnh Lâm Đồng".to_string()
    )));
}

#[test]
fn parts_a_type_does_not_have_are_refused_with_their_path() {
    let json = std::fs::read_to_string(repo(
        "fixtures/cong-van-tra-loi-so-noi-vu-lam-dong-2025.json",
    ))
    .unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["authority"] = serde_json::json!(["CHỦ TỊCH"]);
    let err = vanban::Document::from_json(&v.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("authority") && err.contains("no authority line"),
        "{err}"
    );
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["type"] = serde_json::json!("giay-gioi-thieu");
    let err = vanban::Document::from_json(&v.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("Mẫu 1.8") && err.contains("`introduction`"),
        "{err}"
    );
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["type"] = serde_json::json!("quyet-dinh");
    v.as_object_mut().unwrap().remove("addressees");
    let err = vanban::Document::from_json(&v.to_string())
        .unwrap_err()
        .to_string();
    assert!(err.contains("header.unit"), "{err}");
}

#[test]
fn every_example_renders_and_passes_the_check() {
    let r = vanban::Renderer::new().unwrap();
    for t in DocType::all() {
        let Some(doc) = example(t) else { continue };
        let json = doc.to_json();
        let back = vanban::Document::from_json(&json).unwrap();
        assert_eq!(back, doc, "{t}");
        let docx = r.docx(&doc).unwrap();
        assert_eq!(&docx[..2], b"PK");
        let report = vanban::check::check_json(&json, &Default::default()).unwrap();
        let errors: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity == vanban::check::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{t}: {errors:#?}");
    }
}

/// The fixture of each form: from a real corpus document, or (Giấy giới thiệu,
/// Giấy nghỉ phép, which the corpus lacks) the decree's form filled in.
const FIXTURES: &[&str] = &[
    "quyet-dinh-kiem-tra-hoa-chat-lao-cai-2026",
    "quyet-dinh-dieu-le-quy-khuyen-hoc-binh-thuan-2022",
    "cong-van-bao-ve-khoang-san-lao-cai-2026",
    "cong-van-tra-loi-so-noi-vu-lam-dong-2025",
    "bao-cao-kiem-tra-hoa-chat-lao-cai-2026",
    "to-trinh-giai-the-hiep-hoi-lam-dong-2025",
    "thong-bao-treo-co-ha-noi-2026",
    "cong-dien-hoi-nghi-ma-tuy-vpcp-2025",
    "giay-moi-hop-ccn-lao-cai-2026",
    "giay-gioi-thieu-ubnd-xa-bac-ha-2026",
    "bien-ban-dam-hong-lao-cai-2026",
    "giay-nghi-phep-so-noi-vu-lao-cai-2026",
    "cong-van-hoa-toc-bao-so-3-lao-cai-2026",
    "sao-y-thong-bao-treo-co-phuong-hoan-kiem-2026",
    "sao-y-dien-tu-thong-bao-treo-co-phuong-hoan-kiem-2026",
    "ke-hoach-tuyen-truyen-bau-cu-pho-bang-2025",
];

#[test]
fn layout_ir_snapshots() {
    for f in FIXTURES {
        insta::assert_snapshot!(format!("{f}_ir"), layout(f).to_text());
    }
}

#[test]
fn document_xml_snapshots() {
    for f in FIXTURES {
        let doc = vanban::input::plan_from_file(&repo(&format!("fixtures/{f}.json"))).unwrap();
        let docx = vanban::Renderer::new().unwrap().docx(&doc).unwrap();
        let xml = docx_part(&docx, "word/document.xml");
        insta::assert_snapshot!(format!("{f}_document_xml"), pretty_xml(&xml));
    }
}

/// A small validator for the parts of JSON Schema that the model's schema uses
/// (`$ref`, `anyOf`, `oneOf`, `type`, `enum`, `const`, `properties`, `required`,
/// `additionalProperties`, `items`, `minimum`, `maximum`); it fails on any other keyword, so
/// the test cannot pass by ignoring one. Returns the paths that do not match.
fn violations(
    schema: &serde_json::Value,
    defs: &serde_json::Value,
    v: &serde_json::Value,
    path: &str,
) -> Vec<String> {
    use serde_json::Value;
    let Value::Object(s) = schema else {
        return if schema == &Value::Bool(false) {
            vec![format!("{path}: not allowed")]
        } else {
            vec![]
        };
    };
    let mut out = Vec::new();
    for (k, want) in s {
        match k.as_str() {
            "$schema" | "title" | "description" | "default" | "format" | "$defs" => {}
            "$ref" => {
                let name = want.as_str().unwrap().trim_start_matches("#/$defs/");
                out.extend(violations(&defs[name], defs, v, path));
            }
            "anyOf" | "oneOf" => {
                let matching = want
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|alt| violations(alt, defs, v, path).is_empty())
                    .count();
                let ok = if k == "anyOf" {
                    matching >= 1
                } else {
                    matching == 1
                };
                if !ok {
                    out.push(format!("{path}: {matching} alternatives of {k} match"));
                }
            }
            "type" => {
                let types: Vec<&str> = match want {
                    Value::String(t) => vec![t],
                    Value::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
                    _ => panic!("type {want}"),
                };
                let is = |t: &str| match t {
                    "string" => v.is_string(),
                    "array" => v.is_array(),
                    "object" => v.is_object(),
                    "boolean" => v.is_boolean(),
                    "null" => v.is_null(),
                    "integer" => v.is_i64() || v.is_u64(),
                    "number" => v.is_number(),
                    _ => panic!("type {t}"),
                };
                if !types.iter().any(|t| is(t)) {
                    out.push(format!("{path}: not {types:?}"));
                }
            }
            "enum" => {
                if !want.as_array().unwrap().contains(v) {
                    out.push(format!("{path}: {v} not in the enum"));
                }
            }
            "const" => {
                if want != v {
                    out.push(format!("{path}: {v} is not {want}"));
                }
            }
            "minimum" | "maximum" => {
                let (n, w) = (v.as_f64(), want.as_f64().unwrap());
                if n.is_some_and(|n| if k == "minimum" { n < w } else { n > w }) {
                    out.push(format!("{path}: {v} beyond the {k} {want}"));
                }
            }
            "required" => {
                for r in want.as_array().unwrap() {
                    if v.is_object() && v.get(r.as_str().unwrap()).is_none() {
                        out.push(format!("{path}: {r} missing"));
                    }
                }
            }
            "properties" => {
                if let Value::Object(o) = v {
                    for (name, value) in o {
                        if let Some(p) = want.get(name) {
                            out.extend(violations(p, defs, value, &format!("{path}.{name}")));
                        }
                    }
                }
            }
            "additionalProperties" => {
                if let (Value::Object(o), Value::Bool(false)) = (v, want) {
                    let known = s.get("properties").and_then(Value::as_object);
                    for name in o.keys() {
                        if !known.is_some_and(|p| p.contains_key(name)) {
                            out.push(format!("{path}: unknown field {name}"));
                        }
                    }
                }
            }
            "items" => {
                if let Value::Array(a) = v {
                    for (i, x) in a.iter().enumerate() {
                        out.extend(violations(want, defs, x, &format!("{path}[{i}]")));
                    }
                }
            }
            other => panic!("the schema uses {other}, which this test does not check"),
        }
    }
    out
}

/// `vanban schema` describes what the reader accepts: every fixture and every
/// example validate, and documents the reader refuses for their shape do not.
#[test]
fn the_schema_accepts_every_fixture_and_refuses_what_the_reader_refuses() {
    let schema: serde_json::Value = serde_json::from_str(&vanban::Document::json_schema()).unwrap();
    let defs = &schema["$defs"];
    let mut checked = 0;
    for e in std::fs::read_dir(repo("fixtures")).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "json") {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let bad = violations(&schema, defs, &v, "$");
            assert!(bad.is_empty(), "{}: {bad:?}", path.display());
            checked += 1;
        }
    }
    for t in DocType::all() {
        if let Some(d) = example(t) {
            let v: serde_json::Value = serde_json::from_str(&d.to_json()).unwrap();
            let bad = violations(&schema, defs, &v, "$");
            assert!(bad.is_empty(), "{}: {bad:?}", t.slug());
            checked += 1;
        }
    }
    assert!(checked >= 20, "{checked} documents checked");
    let seed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo("fixtures/ke-hoach-dong-dang-2024.json")).unwrap(),
    )
    .unwrap();
    for (mutate, what) in [
        (
            Box::new(|v: &mut serde_json::Value| v["type"] = "quyet-dinh-x".into())
                as Box<dyn Fn(&mut serde_json::Value)>,
            "an unknown type",
        ),
        (Box::new(|v| v["titel"] = "x".into()), "an unknown field"),
        (
            Box::new(|v| v["header"]["number"] = "12".into()),
            "a number as a string",
        ),
        (
            Box::new(|v| v["sections"] = 3.into()),
            "sections not an array",
        ),
        (
            Box::new(|v| {
                v.as_object_mut()
                    .unwrap()
                    .remove("header")
                    .map(drop)
                    .unwrap()
            }),
            "no header",
        ),
    ] {
        let mut v = seed.clone();
        mutate(&mut v);
        assert!(
            !violations(&schema, defs, &v, "$").is_empty(),
            "the schema accepts {what}"
        );
        assert!(
            vanban::Document::from_json(&v.to_string()).is_err(),
            "the reader accepts {what}"
        );
    }
}

/// The README's example of each form reads, renders, and puts its parts where the
/// form does.
#[test]
fn the_readme_examples_of_each_form_render() {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let start = readme.find("## Document types").unwrap();
    let end = start + readme[start..].find("## The JSON format").unwrap();
    let section = &readme[start..end];
    let r = vanban::Renderer::new().unwrap();
    let mut seen = Vec::new();
    for block in section.split("```json\n").skip(1) {
        let json = &block[..block.find("```").unwrap()];
        let doc = vanban::Document::from_json(json).unwrap();
        let ir = r.layout(&doc).unwrap();
        let roles: Vec<&str> = roles(&ir).into_iter().map(|(role, _)| role).collect();
        if doc.copy.is_some() {
            assert!(roles.contains(&"copy-separator") && roles.contains(&"copy-form"));
        }
        match doc.doc_type {
            DocType::GiayMoi => assert!(roles.contains(&"doc-type") && roles.contains(&"body")),
            DocType::BienBan => {
                assert!(!roles.contains(&"place-date"));
                assert_eq!(roles.iter().filter(|r| **r == "signer-name").count(), 2);
            }
            DocType::QuyetDinh => {
                assert!(roles.contains(&"issuing-authority") && roles.contains(&"decision-label"))
            }
            DocType::CongVan => {
                assert!(roles.contains(&"subject") && !roles.contains(&"doc-type"))
            }
            _ => assert!(roles.contains(&"doc-type") && roles.contains(&"addressee-line")),
        }
        r.docx(&doc).unwrap();
        r.pdf(&doc, &Default::default()).unwrap();
        seen.push(doc.doc_type.slug());
    }
    assert_eq!(
        seen,
        [
            "quyet-dinh",
            "cong-van",
            "to-trinh",
            "giay-moi",
            "bien-ban",
            "cong-van"
        ]
    );
}

/// The fixed forms' parts and the copy are refused where they do not belong or
/// are incomplete, each error naming its JSON path.
#[test]
fn fixed_form_parts_and_copies_are_refused_with_their_path() {
    let read = |f: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(repo(&format!("fixtures/{f}.json"))).unwrap())
            .unwrap()
    };
    let err = |v: &serde_json::Value| {
        vanban::Document::from_json(&v.to_string())
            .unwrap_err()
            .to_string()
    };
    let mut v = read("giay-moi-hop-ccn-lao-cai-2026");
    v["cosigners"] = serde_json::json!([{"title": "THƯ KÝ", "name": "Lê Thị Hoa"}]);
    let e = err(&v);
    assert!(e.contains("`cosigners`") && e.contains("Mẫu 1.9"), "{e}");
    let mut v = read("giay-nghi-phep-so-noi-vu-lao-cai-2026");
    v["leave"]["to"]["day"] = 1.into();
    let e = err(&v);
    assert!(
        e.contains("`leave.to`") && e.contains("before it starts"),
        "{e}"
    );
    let mut v = read("giay-gioi-thieu-ubnd-xa-bac-ha-2026");
    v["summary"] = "Về việc thử".into();
    assert!(err(&v).contains("`summary`"), "{}", err(&v));
    let mut v = read("sao-y-thong-bao-treo-co-phuong-hoan-kiem-2026");
    v["copy"].as_object_mut().unwrap().remove("signature");
    assert!(err(&v).contains("`copy.signature`"), "{}", err(&v));
    let mut v = read("sao-y-dien-tu-thong-bao-treo-co-phuong-hoan-kiem-2026");
    v["copy"]["signed_at"] = "03/12/2026 09:15".into();
    let e = err(&v);
    assert!(
        e.contains("`copy.signed_at`") && e.contains("ISO 8601"),
        "{e}"
    );
    let mut v = read("sao-y-dien-tu-thong-bao-treo-co-phuong-hoan-kiem-2026");
    v["copy"]["form"] = "SAO CHỤP".into();
    assert!(err(&v).contains("copy.form"), "{}", err(&v));
}

/// Signature and seal images: drawn by both writers, refused with their JSON
/// path when missing, not a PNG, or absurdly large; PDF/A-2b holds with them.
#[test]
fn signature_images_are_drawn_or_refused_clearly() {
    let path = repo("fixtures/giay-gioi-thieu-ky-so-ubnd-xa-bac-ha-2026.json");
    let doc = vanban::input::plan_from_file(&path).unwrap();
    let r = vanban::Renderer::new().unwrap();
    let pages = r.pages(&doc).unwrap();
    let images: Vec<(f32, f32)> = pages.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            vanban::layout::Item::Image { x, width, .. } => Some((*x, *width)),
            _ => None,
        })
        .collect();
    assert_eq!(images.len(), 2, "the signature and the seal");
    // The seal covers the left third of the signature.
    let ((sx, sw), (kx, kw)) = (images[0], images[1]);
    assert!((kx + kw - (sx + sw / 3.0)).abs() < 0.01, "{images:?}");
    let pdf = r
        .pdf(
            &doc,
            &vanban::pdf::PdfOptions {
                pdf_a: true,
                ..Default::default()
            },
        )
        .unwrap();
    assert!(
        pdf.windows(8)
            .any(|w| w == b"/Image\n" || w.starts_with(b"/Image"))
    );
    let docx = r.docx(&doc).unwrap();
    let docx_again = |r: &vanban::Renderer, d: &vanban::Document| r.docx(d).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let media = (0..zip.len())
        .filter(|&i| {
            let f = zip.by_index(i).unwrap();
            f.name().starts_with("word/media/") && f.name().ends_with(".png")
        })
        .count();
    assert_eq!(media, 2);
    // A second rendering in the same process is the same file.
    assert_eq!(r.docx(&doc).unwrap(), docx_again(&r, &doc));

    let dir = std::env::temp_dir().join(format!("vanban-images-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = std::fs::read_to_string(&path).unwrap();
    let with = |image: serde_json::Value| {
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["signature"]["image"] = image;
        let f = dir.join("doc.json");
        std::fs::write(&f, v.to_string()).unwrap();
        let doc = vanban::input::plan_from_file(&f).unwrap();
        r.pdf(&doc, &Default::default()).unwrap_err().to_string()
    };
    let e = with(serde_json::json!({"file": "missing.png"}));
    assert!(
        e.contains("`signature.image.file`") && e.contains("missing.png"),
        "{e}"
    );
    std::fs::write(dir.join("not.png"), b"GIF89a....").unwrap();
    let e = with(serde_json::json!({"file": "not.png"}));
    assert!(e.contains("not a PNG"), "{e}");
    let mut huge = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    huge.extend_from_slice(&[0, 1, 0, 0, 0, 1, 0, 0, 8, 6, 0, 0, 0, 0, 0, 0, 0]);
    std::fs::write(dir.join("huge.png"), &huge).unwrap();
    let e = with(serde_json::json!({"file": "huge.png"}));
    assert!(e.contains("65536 × 65536 pixels"), "{e}");
    let e = with(serde_json::json!({"base64": "not base64!"}));
    assert!(e.contains("`signature.image.base64`"), "{e}");
    let e = with(serde_json::json!({}));
    assert!(e.contains("one of the two"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A Biên bản's images go to its chair's signature: the right column of its last
/// row of signatures.
#[test]
fn a_minutes_images_go_to_its_chair() {
    let json =
        std::fs::read_to_string(repo("fixtures/bien-ban-dam-hong-lao-cai-2026.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let img = |f: &str| serde_json::json!({ "file": repo(&format!("fixtures/images/{f}")) });
    v["signature"]["image"] = img("chu-ky.png");
    v["signature"]["seal"] = img("con-dau.png");
    let doc = vanban::Document::from_json(&v.to_string()).unwrap();
    let layout = vanban::Renderer::new().unwrap().pages(&doc).unwrap();
    let pages: Vec<(usize, f32)> = layout
        .pages
        .iter()
        .enumerate()
        .flat_map(|(n, p)| {
            p.items.iter().filter_map(move |i| match i {
                vanban::layout::Item::Image { x, width, .. } => Some((n, x + width)),
                _ => None,
            })
        })
        .collect();
    assert_eq!(pages.len(), 2, "{pages:?}");
    // On the last page, right of the middle of the text width.
    assert!(
        pages
            .iter()
            .all(|(n, right)| *n == layout.pages.len() - 1 && *right > 300.0),
        "{pages:?}"
    );
}
