//! The library's error type: every variant says what is wrong and where.

use std::path::PathBuf;

/// Everything that can go wrong between input and output.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The JSON could not be read into the model, or holds a value that is not
    /// allowed (then the path, line and column are the value's).
    #[error("{file}line {line}, column {column}, at `{path}`: {message}", file = file_prefix(.file))]
    Json {
        /// The file the JSON came from, if any.
        file: Option<PathBuf>,
        /// The JSON path of the offending value (`sections[0].title`).
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was expected.
        message: String,
    },
    /// A value has the right type but is not allowed (a 31st of April), where no
    /// position in a text can be given (a typography set in code).
    #[error("{file}at `{path}`: {message}", file = file_prefix(.file))]
    Invalid {
        /// The file the value came from, if any.
        file: Option<PathBuf>,
        /// The JSON path of the value.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// A template failed to parse or to render.
    #[error("template `{name}`: {message}")]
    Template {
        /// The template's name (`ke-hoach.xml.tera`).
        name: String,
        /// Tera's message, with the line where it has one.
        message: String,
    },
    /// A template produced markup that is not the layout markup.
    #[error(
        "template `{template}` produced bad layout markup at line {line}, column {column}: {message}"
    )]
    Markup {
        /// The template that produced it.
        template: String,
        /// 1-based line in the rendered markup.
        line: u32,
        /// 1-based column in the rendered markup.
        column: u32,
        /// What is wrong.
        message: String,
    },
    /// A file could not be imported as a plan.
    #[error("{file}{message}", file = file_prefix(.file))]
    Import {
        /// The file, if any.
        file: Option<PathBuf>,
        /// What is wrong.
        message: String,
    },
    /// A font is missing or cannot render some characters.
    #[error("{0}")]
    Font(String),
    /// The DOCX or PDF writer failed.
    #[error("{0}")]
    Output(String),
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
}

fn file_prefix(file: &Option<PathBuf>) -> String {
    file.as_ref()
        .map(|f| format!("{}: ", f.display()))
        .unwrap_or_default()
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
