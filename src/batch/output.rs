//! Where a batch's files go: a directory or a ZIP archive, written in row order
//! as the rows are rendered; and their names, safe on every system.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Error;

/// A place for the batch's files.
pub trait Sink {
    /// Adds a file.
    fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), Error>;
    /// Ends the output: nothing is complete before this returns.
    fn finish(self: Box<Self>) -> Result<(), Error>;
}

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Files in a directory, made when missing; a file of the same name is replaced
/// only by a complete one (written beside it, then renamed).
pub struct DirSink {
    dir: PathBuf,
}

impl DirSink {
    /// A directory sink; the directory is made when it does not exist.
    pub fn new(dir: &Path) -> Result<DirSink, Error> {
        std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        Ok(DirSink {
            dir: dir.to_path_buf(),
        })
    }
}

impl Sink for DirSink {
    fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        crate::write::write_files(&[(&self.dir.join(name), bytes)], &[])
    }

    fn finish(self: Box<Self>) -> Result<(), Error> {
        Ok(())
    }
}

/// A ZIP archive, written to a temporary file beside the target and renamed
/// over it when complete.
pub struct ZipSink {
    target: PathBuf,
    zip: zip::ZipWriter<tempfile::NamedTempFile>,
}

impl ZipSink {
    /// A ZIP sink writing `target`.
    pub fn new(target: &Path) -> Result<ZipSink, Error> {
        let dir = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let file = tempfile::NamedTempFile::new_in(dir).map_err(|e| io(target, e))?;
        Ok(ZipSink {
            target: target.to_path_buf(),
            zip: zip::ZipWriter::new(file),
        })
    }
}

impl Sink for ZipSink {
    fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        // PDFs and DOCX files are compressed already: stored as they are.
        let method = if name.ends_with(".pdf") || name.ends_with(".docx") {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(zip::DateTime::default());
        let fail = |e: String| Error::Output(format!("{}: {name}: {e}", self.target.display()));
        self.zip
            .start_file(name, options)
            .map_err(|e| fail(e.to_string()))?;
        self.zip.write_all(bytes).map_err(|e| fail(e.to_string()))
    }

    fn finish(self: Box<Self>) -> Result<(), Error> {
        let file = self
            .zip
            .finish()
            .map_err(|e| Error::Output(format!("{}: {e}", self.target.display())))?;
        file.persist(&self.target)
            .map_err(|e| io(&self.target, e.error))?;
        Ok(())
    }
}

/// A file name from a row's text: characters no system takes in a name
/// (`/ \ : * ? " < > |`, controls) become `-`, Vietnamese stays, at most 100
/// characters; `fallback` when nothing is left.
///
/// ```
/// use vanban::batch::safe_name;
/// assert_eq!(safe_name("05/GM-UBND Nguyễn Văn A", "x"), "05-GM-UBND Nguyễn Văn A");
/// assert_eq!(safe_name(" ../ ", "002"), "002");
/// ```
pub fn safe_name(raw: &str, fallback: &str) -> String {
    let mut s: String = raw
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '-'
            } else {
                c
            }
        })
        .collect();
    s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = s.trim_matches(|c: char| c == '.' || c == '-' || c == ' ');
    let mut out: String = trimmed.chars().take(100).collect();
    crate::model::nfc_in_place(&mut out);
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// Names given out so far, so that two rows of the same name get `-2`, `-3`.
#[derive(Debug, Default)]
pub struct Names {
    taken: HashSet<String>,
}

impl Names {
    /// A name not taken yet (case aside), from `stem` and `extension`.
    pub fn take(&mut self, stem: &str, extension: &str) -> String {
        let mut k = 1;
        loop {
            let name = if k == 1 {
                format!("{stem}.{extension}")
            } else {
                format!("{stem}-{k}.{extension}")
            };
            if self.taken.insert(name.to_lowercase()) {
                return name;
            }
            k += 1;
        }
    }
}
