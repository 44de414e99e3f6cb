//! The handlers of `/v1`: each reads its request, runs the library on the pool
//! when the work is more than a lookup, and answers a file, JSON or a problem.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::problem::Problem;
use super::{AppState, pool::Refused};
use crate::check::{Lang, Options};
use crate::model::DocType;
use crate::{PdfOptions, Plan};

/// The media type of a DOCX file.
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// A body, or the problem of one over the limit.
fn body(state: &AppState, b: Result<Bytes, BytesRejection>) -> Result<Bytes, Problem> {
    b.map_err(|e| match e.status() {
        StatusCode::PAYLOAD_TOO_LARGE => Problem::too_large(state.config.body_limit),
        _ => Problem::bad_request(
            format!("the body cannot be read: {e}"),
            format!("không đọc được nội dung gửi lên: {e}"),
        ),
    })
}

/// A document from a JSON body, with the library's errors as problems.
fn document(bytes: &[u8]) -> Result<Plan, Problem> {
    let json = crate::input::json_text(bytes, None)?;
    Ok(crate::input::plan_from_json(json, None)?)
}

/// Runs a library job on the pool: a full queue, a missed deadline and the
/// library's own error, each as its problem.
async fn work<T: Send + 'static>(
    state: &AppState,
    job: impl FnOnce() -> crate::Result<T> + Send + 'static,
) -> Result<T, Problem> {
    match state.pool.run(job).await {
        Ok(out) => Ok(out?),
        Err(Refused::Busy) => Err(Problem::busy()),
        Err(Refused::Deadline) => Err(Problem::deadline(state.config.deadline.as_secs_f32())),
    }
}

/// `?format=` and `?pdf_a=` of a render.
#[derive(Debug, Deserialize)]
pub struct RenderQuery {
    format: Option<String>,
    #[serde(default)]
    pdf_a: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Pdf,
    Docx,
}

/// The format asked for: `?format=`, else the `Accept` header, else PDF.
fn format_of(q: &RenderQuery, headers: &HeaderMap) -> Result<Format, Problem> {
    match q.format.as_deref() {
        Some("pdf") => return Ok(Format::Pdf),
        Some("docx") => return Ok(Format::Docx),
        Some(other) => {
            return Err(Problem::bad_request(
                format!("format={other}: expected pdf or docx"),
                format!("format={other}: chỉ nhận pdf hoặc docx"),
            ));
        }
        None => {}
    }
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if accept.contains(DOCX) {
        Ok(Format::Docx)
    } else if accept.is_empty()
        || accept.contains("application/pdf")
        || accept.contains("*/*")
        || accept.contains("application/*")
    {
        Ok(Format::Pdf)
    } else {
        Err(Problem::new(
            StatusCode::NOT_ACCEPTABLE,
            "not-acceptable",
            "Not acceptable",
            "Không có định dạng phù hợp",
            format!("Accept: {accept}: vanban answers application/pdf or {DOCX}"),
            format!("Accept: {accept}: vanban chỉ trả về application/pdf hoặc {DOCX}"),
        ))
    }
}

/// The file name of a rendered document: its type and its symbol
/// (`ke-hoach-05-KH-UBND.pdf`, `ke-hoach-KH-UBND.pdf` for a draft).
pub fn file_name(doc: &Plan, extension: &str) -> String {
    let symbol = doc.header.symbol(doc.doc_type);
    let number = doc.header.number.map(|n| format!("{n:02}-"));
    let raw = format!(
        "{}-{}{}",
        doc.doc_type.slug(),
        number.unwrap_or_default(),
        symbol
    );
    let safe: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{safe}.{extension}")
}

/// `POST /v1/render`: a document JSON in, the PDF or the DOCX out.
pub async fn render(
    State(state): State<Arc<AppState>>,
    Query(q): Query<RenderQuery>,
    headers: HeaderMap,
    b: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let format = format_of(&q, &headers)?;
    let bytes = body(&state, b)?;
    let doc = document(&bytes)?;
    let name = match format {
        Format::Pdf => file_name(&doc, "pdf"),
        Format::Docx => file_name(&doc, "docx"),
    };
    let slug = doc.doc_type.slug();
    let renderer = state.renderer.clone();
    let pdf_a = q.pdf_a;
    let out = work(&state, move || match format {
        Format::Pdf => renderer.pdf(
            &doc,
            &PdfOptions {
                pdf_a,
                ..PdfOptions::default()
            },
        ),
        Format::Docx => renderer.docx(&doc),
    })
    .await?;
    let (mime, format_name) = match format {
        Format::Pdf => ("application/pdf", "pdf"),
        Format::Docx => (DOCX, "docx"),
    };
    state.metrics.render(slug, format_name);
    let mut r = out.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(r)
}

/// `?lang=` and `?final=` of a check.
#[derive(Debug, Deserialize)]
pub struct CheckQuery {
    lang: Option<String>,
    #[serde(default, rename = "final")]
    final_copy: bool,
}

/// The language asked for: `?lang=`, else `Accept-Language`, else Vietnamese.
fn lang_of(q: Option<&str>, headers: &HeaderMap) -> Lang {
    let tag = q.map(str::to_string).or_else(|| {
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(|s| s.trim().to_ascii_lowercase())
    });
    match tag {
        Some(t) if t.starts_with("en") => Lang::En,
        _ => Lang::Vi,
    }
}

/// `POST /v1/check`: a document JSON in, its findings out.
pub async fn check(
    State(state): State<Arc<AppState>>,
    Query(q): Query<CheckQuery>,
    headers: HeaderMap,
    b: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let lang = lang_of(q.lang.as_deref(), &headers);
    let bytes = body(&state, b)?;
    let json = crate::input::json_text(&bytes, None)?.to_string();
    let opts = Options {
        final_copy: q.final_copy,
    };
    let report = work(&state, move || crate::check::check_json(&json, &opts)).await?;
    let findings: Vec<serde_json::Value> = report
        .findings
        .iter()
        .map(|f| {
            let mut v = serde_json::to_value(f).expect("a finding serializes");
            let message = match lang {
                Lang::En => &f.message_en,
                Lang::Vi => &f.message_vi,
            };
            v["message"] = json!(message);
            if let crate::check::Location::Path(p) = &f.location {
                v["pointer"] = json!(super::problem::json_pointer(p));
            }
            v
        })
        .collect();
    let errors = report.errors();
    Ok(axum::Json(json!({
        "errors": errors,
        "warnings": report.findings.len() - errors,
        "findings": findings,
    }))
    .into_response())
}

/// `POST /v1/import`: a DOCX or a text file (raw, or the `file` part of a
/// multipart form) in, the document JSON and the import's report out.
pub async fn import(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    b: Result<Bytes, BytesRejection>,
) -> Result<Response, Problem> {
    let bytes = body(&state, b)?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let file = if content_type.starts_with("multipart/form-data") {
        super::multipart::file_part(&content_type, &bytes).await?
    } else {
        bytes.to_vec()
    };
    let import = work(&state, move || {
        if file.starts_with(b"PK\x03\x04") {
            crate::import::import_docx(&file)
        } else {
            crate::import::text_lines(&file)
                .and_then(|lines| crate::import::import_text(&lines.join("\n")))
        }
    })
    .await?;
    let document: serde_json::Value =
        serde_json::from_str(&import.plan.to_json()).expect("a plan serializes");
    Ok(axum::Json(json!({
        "document": document,
        "report": import.report(),
        "unplaced": import.unplaced.iter().map(|(line, text)| json!({"line": line, "text": text})).collect::<Vec<_>>(),
        "footnotes": import.footnotes.iter().map(|(line, text)| json!({"line": line, "text": text})).collect::<Vec<_>>(),
    }))
    .into_response())
}

/// `GET /v1/types`: every type, and whether vanban lays it out.
pub async fn types() -> Response {
    let types: Vec<serde_json::Value> = DocType::all()
        .map(|t| {
            json!({
                "type": t.slug(),
                "abbreviation": t.abbreviation(),
                "name": t.name(),
                "form": t.form_name(),
                "laid_out": t.is_laid_out(),
            })
        })
        .collect();
    axum::Json(types).into_response()
}

/// `GET /v1/schema`: the JSON Schema of a document.
pub async fn schema() -> Response {
    (
        [(header::CONTENT_TYPE, "application/schema+json")],
        Plan::json_schema(),
    )
        .into_response()
}

/// `GET /v1/new/{type}`: a complete example of a type, to start from.
pub async fn new(Path(slug): Path<String>) -> Result<Response, Problem> {
    let t = DocType::find(&slug).ok_or_else(|| {
        Problem::not_found(
            format!("unknown type \"{slug}\"; GET /v1/types lists them"),
            format!("không có loại văn bản \"{slug}\"; GET /v1/types liệt kê các loại"),
        )
    })?;
    let doc = crate::model::example(t).ok_or_else(|| {
        Problem::not_found(
            format!(
                "the decree gives no model form for a {}, so vanban does not lay it out",
                t.name()
            ),
            format!(
                "Nghị định không có mẫu cho {}, nên vanban không trình bày loại này",
                t.name()
            ),
        )
    })?;
    Ok(([(header::CONTENT_TYPE, "application/json")], doc.to_json()).into_response())
}

/// `GET /healthz`: alive and ready (the renderer loaded), and the queue.
pub async fn healthz(State(state): State<Arc<AppState>>) -> Response {
    axum::Json(json!({"status": "ok", "queue": state.pool.queued()})).into_response()
}

/// `GET /metrics`: the counters in Prometheus' text format.
pub async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.metrics.to_prometheus(state.pool.queued()),
    )
        .into_response()
}

/// `GET /openapi.json`: the API's OpenAPI 3.1 description.
pub async fn openapi() -> Response {
    axum::Json(super::openapi::openapi()).into_response()
}
