//! `GET /openapi.json`: the API described in OpenAPI 3.1, next to the routes it
//! describes. The document's own schema is the model's JSON Schema (draft
//! 2020-12, which OpenAPI 3.1 takes as it is), and every endpoint lists the
//! problems it answers; `tests/serve.rs` holds the running server to it.

use serde_json::{Value, json};

use super::api::DOCX;
use super::problem::PROBLEM_JSON;

/// A response of `status` with a body of each media type, or none.
fn response(description: &str, types: &[(&str, Value)]) -> Value {
    let mut r = json!({ "description": description });
    if !types.is_empty() {
        let content: serde_json::Map<String, Value> = types
            .iter()
            .map(|(t, schema)| (t.to_string(), json!({ "schema": schema })))
            .collect();
        r["content"] = Value::Object(content);
    }
    r
}

fn problem(description: &str) -> Value {
    response(
        description,
        &[(
            PROBLEM_JSON,
            json!({"$ref": "#/components/schemas/Problem"}),
        )],
    )
}

fn query(name: &str, description: &str, schema: Value) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": description, "schema": schema})
}

/// The problems every endpoint that reads a body may answer.
fn body_problems(responses: &mut serde_json::Map<String, Value>) {
    responses.insert(
        "400".into(),
        problem("a parameter or the body cannot be taken"),
    );
    responses.insert("413".into(), problem("the body is over the server's limit"));
    responses.insert(
        "422".into(),
        problem("the document or the file is not valid; `pointer`, `line` and `column` say where"),
    );
    responses.insert(
        "429".into(),
        problem("every worker is busy and the queue is full; `Retry-After` says when to try again"),
    );
    responses.insert("500".into(), problem("the server failed on this request"));
    responses.insert(
        "503".into(),
        problem("the work did not finish within the server's deadline"),
    );
}

fn operation(
    summary: &str,
    mut responses: serde_json::Map<String, Value>,
    reads_body: bool,
) -> Value {
    if reads_body {
        body_problems(&mut responses);
    }
    responses.insert("405".into(), problem("the method is not allowed here"));
    json!({ "summary": summary, "responses": responses })
}

/// An operation with its parameters or request body added.
fn with(mut op: Value, extra: Value) -> Value {
    if let (Some(o), Value::Object(e)) = (op.as_object_mut(), extra) {
        o.extend(e);
    }
    op
}

fn map(entries: Vec<(&str, Value)>) -> serde_json::Map<String, Value> {
    entries
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

/// The OpenAPI 3.1 description of `vanban serve`.
///
/// ```
/// let api = vanban::serve::openapi();
/// assert_eq!(api["openapi"], "3.1.0");
/// assert!(api["paths"]["/v1/render"]["post"]["responses"]["422"].is_object());
/// ```
pub fn openapi() -> Value {
    let document: Value =
        serde_json::from_str(&crate::Document::json_schema()).expect("the schema is JSON");
    let mut defs = document.get("$defs").cloned().unwrap_or_else(|| json!({}));
    let mut root = document.clone();
    if let Some(o) = root.as_object_mut() {
        o.remove("$defs");
        o.remove("$schema");
    }
    // The model's `$ref`s point into `$defs`; in OpenAPI they are components.
    let rewrite = |v: &mut Value| {
        fn walk(v: &mut Value) {
            match v {
                Value::Object(m) => {
                    if let Some(Value::String(r)) = m.get_mut("$ref")
                        && let Some(name) = r.strip_prefix("#/$defs/")
                    {
                        *r = format!("#/components/schemas/{name}");
                    }
                    m.values_mut().for_each(walk);
                }
                Value::Array(a) => a.iter_mut().for_each(walk),
                _ => {}
            }
        }
        walk(v)
    };
    rewrite(&mut root);
    rewrite(&mut defs);
    let mut schemas = defs.as_object().cloned().unwrap_or_default();
    schemas.insert("Document".into(), root);
    schemas.insert(
        "Problem".into(),
        json!({
            "type": "object",
            "description": "RFC 9457 problem details, with the title and the detail in English and Vietnamese",
            "required": ["type", "title", "title_vi", "status", "detail", "detail_vi"],
            "properties": {
                "type": {"type": "string", "description": "/problems/<kind>"},
                "title": {"type": "string"},
                "title_vi": {"type": "string"},
                "status": {"type": "integer"},
                "detail": {"type": "string"},
                "detail_vi": {"type": "string"},
                "pointer": {"type": "string", "description": "JSON pointer (RFC 6901) of the value at fault"},
                "line": {"type": "integer", "minimum": 1},
                "column": {"type": "integer", "minimum": 1}
            }
        }),
    );
    let doc_ref = json!({"$ref": "#/components/schemas/Document"});
    let document_body = json!({
        "required": true,
        "description": "a document's JSON, as GET /v1/schema describes it",
        "content": {"application/json": {"schema": doc_ref}}
    });
    let binary = json!({"type": "string", "contentMediaType": "application/octet-stream"});
    let object = json!({"type": "object"});
    let text = json!({"type": "string"});
    let paths = json!({
        "/v1/render": {"post": with(operation("Render a document to PDF or DOCX", map(vec![
                ("200", response("the file, with a Content-Disposition naming it", &[
                    ("application/pdf", binary.clone()), (DOCX, binary.clone())])),
                ("406", problem("the Accept header asks for neither PDF nor DOCX")),
            ]), true), json!({
            "parameters": [
                query("format", "pdf or docx; by default from Accept, else pdf", json!({"enum": ["pdf", "docx"]})),
                query("pdf_a", "write PDF/A-2b", json!({"type": "boolean"}))
            ],
            "requestBody": document_body
        }))},
        "/v1/check": {"post": with(operation("Check a document against Nghị định 30", map(vec![
                ("200", response("the findings", &[("application/json", json!({
                    "type": "object",
                    "required": ["errors", "warnings", "findings"],
                    "properties": {
                        "errors": {"type": "integer"},
                        "warnings": {"type": "integer"},
                        "findings": {"type": "array", "items": {"type": "object",
                            "required": ["rule", "severity", "message", "message_vi", "message_en"]}}
                    }
                }))])),
            ]), true), json!({
            "parameters": [
                query("lang", "vi or en; by default from Accept-Language, else vi", json!({"enum": ["vi", "en"]})),
                query("final", "a final copy: a blank number or day is an error", json!({"type": "boolean"}))
            ],
            "requestBody": document_body
        }))},
        "/v1/import": {"post": with(operation("Import a DOCX or a text into a document", map(vec![
                ("200", response("the document and the import's report", &[("application/json", json!({
                    "type": "object",
                    "required": ["document", "report", "unplaced", "footnotes"],
                    "properties": {
                        "document": doc_ref,
                        "report": {"type": "string"},
                        "unplaced": {"type": "array"},
                        "footnotes": {"type": "array"}
                    }
                }))])),
            ]), true), json!({
            "requestBody": {"required": true, "content": {
                DOCX: {"schema": binary},
                "text/plain": {"schema": text},
                "multipart/form-data": {"schema": {"type": "object",
                    "properties": {"file": {"type": "string", "contentMediaType": "application/octet-stream"}}}}
            }}
        }))},
        "/v1/types": {"get": operation("The document types", map(vec![
            ("200", response("every type", &[("application/json", json!({"type": "array", "items": object}))])),
        ]), false)},
        "/v1/schema": {"get": operation("The JSON Schema of a document", map(vec![
            ("200", response("the schema", &[("application/schema+json", object.clone())])),
        ]), false)},
        "/v1/new/{type}": {"get": with(operation("A complete example of a type", map(vec![
                ("200", response("the example document", &[("application/json", doc_ref.clone())])),
                ("404", problem("no such type, or one the decree gives no form for")),
            ]), false), json!({
            "parameters": [{"name": "type", "in": "path", "required": true,
                "description": "a type as GET /v1/types lists it", "schema": text}]
        }))},
        "/healthz": {"get": operation("Liveness and readiness", map(vec![
            ("200", response("alive, with the queue's depth", &[("application/json", object.clone())])),
        ]), false)},
        "/metrics": {"get": operation("Counters in Prometheus' text format", map(vec![
            ("200", response("the counters", &[("text/plain", text.clone())])),
        ]), false)},
        "/openapi.json": {"get": operation("This description", map(vec![
            ("200", response("OpenAPI 3.1", &[("application/json", object.clone())])),
        ]), false)},
        "/": {"get": operation("The web page for clerks", map(vec![
            ("200", response("the page", &[("text/html", text.clone())])),
        ]), false)}
    });
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "vanban",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP): render, check and import. Every error is application/problem+json."
        },
        "paths": paths,
        "components": {"schemas": schemas}
    })
}
