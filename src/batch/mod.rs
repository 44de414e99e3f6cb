//! Mail merge: one base document, a table of rows, a document for each row.
//!
//! The base is a document of any type whose texts may hold `{{ column }}`
//! placeholders; a column whose header starts with `/` is a JSON pointer that
//! sets that field for the row (`/header/number`, `/signature/name`). Every
//! placeholder must name a column, checked before any row; then each row is
//! filled in, validated and rendered on all cores, a bad row reported with its
//! row, column and field while the others go on. Files come out in row order,
//! the same bytes whatever the threads did, with a `manifest.json` and an
//! `errors.csv`.
//!
//! ```
//! use vanban::batch::{Format, Options, Rows, run};
//! let base = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/ke-hoach-dong-dang-2024.json")).unwrap();
//! let base = base.replace("Lưu Quang Công", "{{ Người ký }}");
//! let rows = Rows {
//!     headers: vec!["Người ký".into(), "/header/number".into()],
//!     rows: vec![vec!["Nguyễn Văn A".into(), "5".into()], vec!["Trần Thị B".into(), "sáu".into()]],
//! };
//! let dir = tempfile::tempdir().unwrap();
//! let mut sink = vanban::batch::DirSink::new(dir.path()).unwrap();
//! let opts = Options { formats: vec![Format::Docx], ..Options::default() };
//! let summary = run(&vanban::Renderer::new().unwrap(), &base, &rows, &opts, &mut sink).unwrap();
//! assert_eq!((summary.entries.len(), summary.failed.len()), (1, 1));
//! assert_eq!(summary.failed[0].row, 3);
//! assert!(dir.path().join("002-ke-hoach-05.docx").exists());
//! ```

mod merge;
mod output;
mod rows;

use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

pub use merge::{RowError, check_placeholders, fill, row_document};
pub use output::{DirSink, Names, Sink, ZipSink, safe_name};
pub use rows::{Rows, csv_rows, json_rows, read_rows, serial_date, sheet_rows};

use crate::{Error, PdfOptions, Plan, Renderer};

/// A format to write each row in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// PDF.
    Pdf,
    /// DOCX.
    Docx,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }
}

/// How a batch runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The formats of each row's files (PDF by default).
    pub formats: Vec<Format>,
    /// The files' names, with `{{ column }}` placeholders (and `{{ row }}`, the
    /// row's number, when no column has that name); by default
    /// `<row>-<type>[-<number>]`.
    pub name: Option<String>,
    /// Validate every row and write nothing.
    pub check_only: bool,
    /// Also lay every row's document out into one PDF for printing
    /// ([`Summary::merged`]), each document numbering its own pages.
    pub merged_pdf: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            formats: vec![Format::Pdf],
            name: None,
            check_only: false,
            merged_pdf: false,
        }
    }
}

/// One file written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The row's number in the spreadsheet.
    pub row: usize,
    /// The file's name in the output.
    pub file: String,
    /// The document's type.
    #[serde(rename = "type")]
    pub doc_type: &'static str,
    /// The document's number, when it has one.
    pub number: Option<u32>,
    /// Pages, for a PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<usize>,
    /// The file's SHA-256, in hex.
    pub sha256: String,
}

/// What a batch did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Data rows read.
    pub rows: usize,
    /// Files written, in row order.
    pub entries: Vec<Entry>,
    /// Rows that failed, in row order.
    pub failed: Vec<RowError>,
    /// With [`Options::merged_pdf`], every rendered row's pages in one PDF, in
    /// row order; `None` when no row rendered.
    pub merged: Option<Vec<u8>>,
    /// Pages of the merged PDF.
    pub merged_pages: usize,
}

/// Rows rendered at once: enough to keep every core busy, few enough that
/// memory does not grow with the number of rows.
const CHUNK: usize = 64;

/// The stack of a worker thread. A render goes deeper than the 2 MiB rayon
/// gives its threads by default (a debug build overflowed it); the main thread
/// has 8 MiB.
const WORKER_STACK: usize = 16 << 20;

/// A row's work, done on a worker thread.
struct Done {
    plan: Plan,
    /// Each format's bytes, pages (a PDF's) and SHA-256.
    files: Vec<(Format, Vec<u8>, Option<usize>, String)>,
    /// The pages and options for the merged PDF.
    merged: Option<(crate::layout::Layout, PdfOptions)>,
}

/// A row's files, or why it has none.
type Rendered = Result<Done, RowError>;

fn row_error(row: usize, e: Error) -> RowError {
    let (pointer, message) = match &e {
        Error::Json { path, message, .. } | Error::Invalid { path, message, .. } => {
            (Some(crate::input::json_pointer(path)), message.clone())
        }
        _ => (None, e.to_string()),
    };
    RowError {
        row,
        column: None,
        pointer,
        message,
    }
}

/// One row: filled in, validated, rendered (or only validated).
fn render_row(
    renderer: &Renderer,
    base: &serde_json::Value,
    rows: &Rows,
    k: usize,
    opts: &Options,
) -> Rendered {
    let row = Rows::row_number(k);
    let json = row_document(base, rows, k)?.to_string();
    let plan = crate::input::plan_from_json(&json, None).map_err(|e| row_error(row, e))?;
    let mut done = Done {
        plan,
        files: Vec::new(),
        merged: None,
    };
    if opts.check_only {
        return Ok(done);
    }
    let fail = |e| row_error(row, e);
    // One layout IR for every format; the merged PDF and the row's own PDF are
    // drawn from the same pages.
    let ir = renderer.layout(&done.plan).map_err(fail)?;
    let laid_out = if opts.merged_pdf || opts.formats.contains(&Format::Pdf) {
        let pages = renderer.pages_of(&ir).map_err(fail)?;
        let options = crate::pdf_options(&ir, &done.plan, &PdfOptions::default());
        Some((pages, options))
    } else {
        None
    };
    for f in &opts.formats {
        let (bytes, pages) = match (f, &laid_out) {
            (Format::Pdf, Some((pages, options))) => (
                crate::pdf::write(pages, renderer.fonts(), options).map_err(fail)?,
                Some(pages.pages.len()),
            ),
            (Format::Pdf, None) => unreachable!("a PDF row is laid out"),
            (Format::Docx, _) => (renderer.docx_of(&ir).map_err(fail)?, None),
        };
        let sha = hex(&Sha256::digest(&bytes));
        done.files.push((*f, bytes, pages, sha));
    }
    if opts.merged_pdf {
        done.merged = laid_out;
    }
    Ok(done)
}

/// The `--name` pattern with the columns it may name: the rows' headers, and
/// `row` (the row's number) when no column has that name. Built once a batch.
struct NamePattern<'a> {
    pattern: &'a str,
    /// The headers it may name (no data rows).
    columns: Rows,
    /// Whether `row` was added to them.
    row_column: bool,
}

impl<'a> NamePattern<'a> {
    fn new(pattern: &'a str, rows: &Rows) -> NamePattern<'a> {
        let mut columns = Rows {
            headers: rows.headers.clone(),
            rows: Vec::new(),
        };
        let row_column = rows.column("row").is_none();
        if row_column {
            columns.headers.push("row".into());
        }
        NamePattern {
            pattern,
            columns,
            row_column,
        }
    }

    /// Every placeholder of the pattern names a column.
    fn check(&self) -> Result<(), Error> {
        check_placeholders(
            &serde_json::Value::String(self.pattern.to_string()),
            &self.columns,
        )
        .map_err(|e| Error::Invalid {
            file: None,
            path: "--name".into(),
            message: e.to_string(),
        })
    }

    /// The pattern filled in from data row `k`.
    fn fill(&self, rows: &Rows, k: usize) -> String {
        let mut cells = rows.rows[k].clone();
        if self.row_column {
            cells.push(Rows::row_number(k).to_string());
        }
        fill(self.pattern, &self.columns, &cells).unwrap_or_default()
    }
}

/// The file stem of a row: from the pattern, else `<row>-<type>[-<number>]`.
fn stem(name: Option<&NamePattern>, rows: &Rows, k: usize, plan: &Plan) -> String {
    let row = Rows::row_number(k);
    let raw = match name {
        Some(pattern) => pattern.fill(rows, k),
        None => match plan.header.number {
            Some(n) => format!("{row:03}-{}-{n:02}", plan.doc_type.slug()),
            None => format!("{row:03}-{}", plan.doc_type.slug()),
        },
    };
    safe_name(&raw, &format!("{row:03}"))
}

/// Runs a batch: `base` is the base document's JSON. Files go to `sink` in row
/// order, then `manifest.json` and `errors.csv` (with `check_only`, nothing is
/// written). An error here (the base is not JSON, a placeholder names no
/// column) stops the batch before any row; a row's error is in the summary.
pub fn run(
    renderer: &Renderer,
    base: &str,
    rows: &Rows,
    opts: &Options,
    sink: &mut dyn Sink,
) -> Result<Summary, Error> {
    run_with_progress(renderer, base, rows, opts, sink, &mut |_| {})
}

/// [`run`], calling `progress` with the number of rows done after each chunk.
pub fn run_with_progress(
    renderer: &Renderer,
    base: &str,
    rows: &Rows,
    opts: &Options,
    sink: &mut dyn Sink,
    progress: &mut dyn FnMut(usize),
) -> Result<Summary, Error> {
    let base = base.strip_prefix('\u{feff}').unwrap_or(base);
    let base: serde_json::Value = serde_json::from_str(base).map_err(|e| Error::Json {
        file: None,
        path: String::new(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    check_placeholders(&base, rows)?;
    let name = opts.name.as_deref().map(|p| NamePattern::new(p, rows));
    if let Some(n) = &name {
        n.check()?;
    }
    let mut summary = Summary {
        rows: rows.rows.len(),
        ..Summary::default()
    };
    let mut names = Names::default();
    let pool = rayon::ThreadPoolBuilder::new()
        .stack_size(WORKER_STACK)
        .thread_name(|k| format!("vanban-batch-{k}"))
        .build()
        .map_err(|e| Error::Output(format!("the batch's threads cannot start: {e}")))?;
    let fonts = renderer.fonts();
    let mut merged: Option<crate::pdf::Writer> = None;
    let total = rows.rows.len();
    // The workers render the next chunk while this thread writes the last one:
    // at most two chunks are held, whatever the number of rows.
    std::thread::scope(|scope| -> Result<(), Error> {
        let (send, receive) = std::sync::mpsc::sync_channel::<(usize, Vec<Rendered>)>(0);
        let base = &base;
        scope.spawn(move || {
            for start in (0..total).step_by(CHUNK) {
                let end = (start + CHUNK).min(total);
                let done: Vec<Rendered> = pool.install(|| {
                    (start..end)
                        .into_par_iter()
                        .map(|k| render_row(renderer, base, rows, k, opts))
                        .collect()
                });
                if send.send((start, done)).is_err() {
                    return; // The writer stopped on an error.
                }
            }
        });
        for (start, done) in receive {
            let end = start + done.len();
            for (k, r) in (start..end).zip(done) {
                let d = match r {
                    Err(e) => {
                        summary.failed.push(e);
                        continue;
                    }
                    Ok(d) => d,
                };
                let stem = stem(name.as_ref(), rows, k, &d.plan);
                for (format, bytes, pages, sha256) in d.files {
                    let file = names.take(&stem, format.extension());
                    sink.add(&file, &bytes)?;
                    summary.entries.push(Entry {
                        row: Rows::row_number(k),
                        file,
                        doc_type: d.plan.doc_type.slug(),
                        number: d.plan.header.number,
                        pages,
                        sha256,
                    });
                }
                if let Some((pages, options)) = d.merged {
                    let writer = match &mut merged {
                        Some(w) => w,
                        None => merged.insert(crate::pdf::Writer::new(fonts, &options)?),
                    };
                    writer.add(&pages)?;
                }
            }
            progress(end);
        }
        Ok(())
    })?;
    if let Some(w) = merged {
        summary.merged_pages = w.pages();
        summary.merged = Some(w.finish()?);
    }
    if !opts.check_only {
        let manifest = serde_json::to_string_pretty(&summary.entries).expect("entries serialize");
        sink.add("manifest.json", manifest.as_bytes())?;
        sink.add("errors.csv", errors_csv(&summary.failed).as_bytes())?;
    }
    Ok(summary)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The failed rows as CSV: row, column, pointer, message.
pub fn errors_csv(failed: &[RowError]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(["row", "column", "pointer", "message"]);
    for e in failed {
        let _ = w.write_record([
            e.row.to_string(),
            e.column.clone().unwrap_or_default(),
            e.pointer.clone().unwrap_or_default(),
            e.message.clone(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
