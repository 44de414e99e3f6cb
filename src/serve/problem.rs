//! Errors as `application/problem+json` (RFC 9457): a type, a title and a
//! detail in English and in Vietnamese, the status, and where the document is
//! wrong (a JSON pointer, a line and a column) when it is.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::Error;

/// The media type of a problem.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// One problem, as the client reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The kind of problem, written as the URI reference `/problems/<kind>`
    /// (`/problems/invalid-document`).
    #[serde(rename = "type", serialize_with = "kind_uri")]
    pub kind: &'static str,
    /// The kind in a few words, in English.
    pub title: &'static str,
    /// The kind in a few words, in Vietnamese.
    pub title_vi: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// What is wrong with this request, in English.
    pub detail: String,
    /// What is wrong with this request, in Vietnamese.
    pub detail_vi: String,
    /// Where the request's document is at fault, when it is.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub at: Option<Box<At>>,
    /// Seconds to wait before trying again (a full queue).
    #[serde(skip)]
    pub retry_after: Option<u32>,
}

/// Where in the request's document a problem is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct At {
    /// The JSON pointer (RFC 6901) of the value at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// Its 1-based line in the request's body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Its 1-based column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

fn kind_uri<S: serde::Serializer>(kind: &&'static str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format!("/problems/{kind}"))
}

impl Problem {
    /// A problem of a kind (`slug`), with its status and titles.
    pub fn new(
        status: StatusCode,
        slug: &'static str,
        title: &'static str,
        title_vi: &'static str,
        detail: impl Into<String>,
        detail_vi: impl Into<String>,
    ) -> Problem {
        Problem {
            kind: slug,
            title,
            title_vi,
            status: status.as_u16(),
            detail: detail.into(),
            detail_vi: detail_vi.into(),
            at: None,
            retry_after: None,
        }
    }

    /// The route or the document asked for does not exist.
    pub fn not_found(detail: impl Into<String>, detail_vi: impl Into<String>) -> Problem {
        Problem::new(
            StatusCode::NOT_FOUND,
            "not-found",
            "Not found",
            "Không tìm thấy",
            detail,
            detail_vi,
        )
    }

    /// A request the server cannot take as it is (a bad parameter).
    pub fn bad_request(detail: impl Into<String>, detail_vi: impl Into<String>) -> Problem {
        Problem::new(
            StatusCode::BAD_REQUEST,
            "bad-request",
            "Bad request",
            "Yêu cầu không hợp lệ",
            detail,
            detail_vi,
        )
    }

    /// The body is over the server's limit.
    pub fn too_large(limit: usize) -> Problem {
        Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too-large",
            "Request body too large",
            "Nội dung gửi lên quá lớn",
            format!("the body is over the server's limit of {limit} bytes"),
            format!("nội dung vượt giới hạn {limit} byte của máy chủ"),
        )
    }

    /// The queue is full: try again.
    pub fn busy() -> Problem {
        Problem {
            retry_after: Some(1),
            ..Problem::new(
                StatusCode::TOO_MANY_REQUESTS,
                "busy",
                "Too many requests",
                "Máy chủ đang bận",
                "every worker is busy and the queue is full; try again in a second",
                "mọi luồng xử lý đều bận và hàng đợi đã đầy; hãy thử lại sau một giây",
            )
        }
    }

    /// The work did not finish in time.
    pub fn deadline(seconds: f32) -> Problem {
        Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "deadline",
            "Deadline exceeded",
            "Quá thời gian xử lý",
            format!("the document was not done within the server's {seconds} s"),
            format!("văn bản không xử lý xong trong {seconds} giây cho phép"),
        )
    }

    /// A bug: the server failed where it should not have.
    pub fn internal(detail: impl Into<String>) -> Problem {
        let detail = detail.into();
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Internal error",
            "Lỗi máy chủ",
            detail.clone(),
            format!("lỗi trong máy chủ: {detail}"),
        )
    }
}

/// A library error as the client's problem: the document's fault (`422`, with
/// where) or the server's (`500`).
impl From<Error> for Problem {
    fn from(e: Error) -> Problem {
        let detail = e.to_string();
        let unprocessable = |slug: &'static str, title, title_vi, vi: &str| {
            Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                slug,
                title,
                title_vi,
                detail.clone(),
                format!("{vi}: {detail}"),
            )
        };
        match &e {
            Error::Json {
                path, line, column, ..
            } => Problem {
                at: Some(Box::new(At {
                    pointer: Some(json_pointer(path)),
                    line: Some(*line),
                    column: Some(*column),
                })),
                ..unprocessable(
                    "invalid-document",
                    "The document is not valid",
                    "Văn bản không hợp lệ",
                    "văn bản JSON không hợp lệ",
                )
            },
            Error::Invalid { path, .. } => Problem {
                at: Some(Box::new(At {
                    pointer: Some(json_pointer(path)),
                    ..At::default()
                })),
                ..unprocessable(
                    "invalid-document",
                    "The document is not valid",
                    "Văn bản không hợp lệ",
                    "văn bản JSON không hợp lệ",
                )
            },
            Error::Import { .. } => unprocessable(
                "unreadable-file",
                "The file cannot be read as a document",
                "Không đọc được tệp thành văn bản",
                "không đọc được tệp",
            ),
            Error::Font(_) => unprocessable(
                "unprintable-text",
                "The text holds characters the font cannot print",
                "Văn bản có ký tự phông chữ không in được",
                "có ký tự không in được",
            ),
            Error::Template { .. } | Error::Markup { .. } | Error::Output(_) | Error::Io { .. } => {
                Problem::internal(detail)
            }
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).expect("a problem serializes");
        let mut r = (status, body).into_response();
        r.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(s) = self.retry_after {
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        r
    }
}

pub use crate::input::json_pointer;
