//! The file of a `multipart/form-data` body (the web page's drop zone, `curl -F`).

use super::problem::Problem;

/// The bytes of the body's part named `file`, or of its first part with a file
/// name when none is so named.
pub async fn file_part(content_type: &str, body: &[u8]) -> Result<Vec<u8>, Problem> {
    let bad = |what: String| {
        Problem::bad_request(
            format!("multipart body: {what}"),
            format!("nội dung multipart: {what}"),
        )
    };
    let boundary = multer::parse_boundary(content_type).map_err(|e| bad(e.to_string()))?;
    let body = bytes::Bytes::copy_from_slice(body);
    let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(body) });
    let mut form = multer::Multipart::new(stream, boundary);
    let mut first = None;
    while let Some(field) = form.next_field().await.map_err(|e| bad(e.to_string()))? {
        let named = field.name() == Some("file");
        let has_file = field.file_name().is_some();
        let data = field.bytes().await.map_err(|e| bad(e.to_string()))?;
        if named {
            return Ok(data.to_vec());
        }
        if has_file && first.is_none() {
            first = Some(data.to_vec());
        }
    }
    first.ok_or_else(|| bad("no part named `file` and no file in the form".to_string()))
}
