//! The signature and seal images of an electronic document (Phụ lục I §II.7-8):
//! read, checked as PNG and sized for the signature block.
//!
//! An image that is missing, is not a PNG, or is absurdly large is an error that
//! names its JSON path, before anything is written.

use std::path::Path;
use std::sync::Arc;

use crate::Error;
use crate::model::{Document, SignatureImage};
use crate::nd30::PT_PER_MM;

/// The largest image file accepted, in bytes: a signature or a seal scanned at
/// 600 dpi is well under 1 MB.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;
/// The largest width or height accepted, in pixels.
pub const MAX_PIXELS: u32 = 6000;
/// The default printed height of a signature image, millimetres.
pub const SIGNATURE_HEIGHT_MM: f32 = 20.0;
/// The default printed height of a seal (its real size), millimetres.
pub const SEAL_HEIGHT_MM: f32 = 36.0;

/// A checked PNG and the size it is printed at.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// The PNG file's bytes.
    pub png: Arc<Vec<u8>>,
    /// Width in pixels.
    pub width_px: u32,
    /// Height in pixels.
    pub height_px: u32,
    /// Printed width, points.
    pub width_pt: f32,
    /// Printed height, points.
    pub height_pt: f32,
}

/// The images of a signature block.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SignatureImages {
    /// The signer's signature, centred between the title and the name.
    pub signature: Option<Image>,
    /// The seal, over the left third of the signature.
    pub seal: Option<Image>,
}

impl SignatureImages {
    /// True when there is neither.
    pub fn is_empty(&self) -> bool {
        self.signature.is_none() && self.seal.is_none()
    }
}

/// Reads and checks the images of `doc`'s signature. Relative files are read
/// from `base` (the JSON file's folder), else from the working directory.
///
/// ```
/// let doc = vanban::Document::from_json(
///     &std::fs::read_to_string("fixtures/ke-hoach-dong-dang-2024.json").unwrap()).unwrap();
/// assert!(vanban::images::load(&doc, None).unwrap().is_empty());
/// ```
pub fn load(doc: &Document, base: Option<&Path>) -> Result<SignatureImages, Error> {
    let s = &doc.signature;
    Ok(SignatureImages {
        signature: s
            .image
            .as_ref()
            .map(|i| read(i, base, "signature.image", SIGNATURE_HEIGHT_MM))
            .transpose()?,
        seal: s
            .seal
            .as_ref()
            .map(|i| read(i, base, "signature.seal", SEAL_HEIGHT_MM))
            .transpose()?,
    })
}

fn read(
    img: &SignatureImage,
    base: Option<&Path>,
    path: &str,
    height_mm: f32,
) -> Result<Image, Error> {
    let invalid = |at: &str, message: String| Error::Invalid {
        file: None,
        path: format!("{path}{at}"),
        message,
    };
    let bytes = match (&img.file, &img.base64) {
        (Some(file), None) => {
            let full = match base {
                Some(b) if file.is_relative() => b.join(file),
                _ => file.clone(),
            };
            let meta = std::fs::metadata(&full)
                .map_err(|e| invalid(".file", format!("cannot read {}: {e}", full.display())))?;
            if meta.len() > MAX_BYTES as u64 {
                return Err(invalid(
                    ".file",
                    format!(
                        "{} is {} bytes; an image is at most {MAX_BYTES} bytes",
                        full.display(),
                        meta.len()
                    ),
                ));
            }
            std::fs::read(&full)
                .map_err(|e| invalid(".file", format!("cannot read {}: {e}", full.display())))?
        }
        (None, Some(b64)) => {
            use base64::Engine;
            if b64.len() > MAX_BYTES / 3 * 4 + 4 {
                return Err(invalid(
                    ".base64",
                    format!("the image is over {MAX_BYTES} bytes"),
                ));
            }
            base64::engine::general_purpose::STANDARD
                .decode(b64.trim())
                .map_err(|e| invalid(".base64", format!("not base64: {e}")))?
        }
        _ => {
            return Err(invalid(
                "",
                "give the image as \"file\" or as \"base64\", one of the two".into(),
            ));
        }
    };
    let at = if img.file.is_some() {
        ".file"
    } else {
        ".base64"
    };
    let (w, h) = png_size(&bytes).map_err(|m| invalid(at, m))?;
    let height_mm = img.height_mm.map_or(height_mm, f32::from);
    if !(5.0..=80.0).contains(&height_mm) {
        return Err(invalid(
            ".height_mm",
            format!("{height_mm} mm is not a printed height between 5 and 80 mm"),
        ));
    }
    let height_pt = height_mm * PT_PER_MM;
    Ok(Image {
        png: Arc::new(bytes),
        width_px: w,
        height_px: h,
        width_pt: height_pt * w as f32 / h as f32,
        height_pt,
    })
}

/// The width and height of a PNG, from its signature and IHDR chunk.
fn png_size(b: &[u8]) -> Result<(u32, u32), String> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !b.starts_with(SIGNATURE) {
        return Err("not a PNG file (its first bytes are not the PNG signature)".into());
    }
    if b.len() < 33 || &b[12..16] != b"IHDR" {
        return Err("a PNG without its IHDR header: the file is cut short or damaged".into());
    }
    let be = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let (w, h) = (be(16), be(20));
    if w == 0 || h == 0 || w > MAX_PIXELS || h > MAX_PIXELS {
        return Err(format!(
            "the PNG is {w} × {h} pixels; each side is 1 to {MAX_PIXELS} pixels"
        ));
    }
    Ok((w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_headers_are_checked() {
        assert!(png_size(b"GIF89a").unwrap_err().contains("not a PNG"));
        assert!(
            png_size(b"\x89PNG\r\n\x1a\n\0\0")
                .unwrap_err()
                .contains("cut short")
        );
        let mut ihdr = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        ihdr.extend_from_slice(&[0, 0, 0x27, 0x10, 0, 0, 0, 10]);
        ihdr.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        assert!(png_size(&ihdr).unwrap_err().contains("10000 × 10 pixels"));
    }
}
