//! The `vanban` command: a thin layer over the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  vanban import ke-hoach-cu.docx -o plan.json
  vanban render fixtures/ke-hoach-dong-dang-2024.json -o ke-hoach.docx
  vanban render fixtures/ke-hoach-dong-dang-2024.json -o ke-hoach.docx -o ke-hoach.pdf
  vanban render plan.json -o plan.pdf --pdf-a --font-dir /usr/share/fonts/msttcorefonts
  vanban render plan.json -o plan.docx --templates my-templates/";

/// Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP) from JSON to DOCX and PDF.
#[derive(Parser)]
#[command(name = "vanban", version, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render a plan (JSON) to a document; the format follows OUTPUT's extension.
    #[command(after_help = EXAMPLES)]
    Render {
        /// The plan as JSON (see README.md for the format).
        input: PathBuf,
        /// Where to write: a .docx or .pdf file; repeat to write both. Nothing is
        /// written unless every output renders, and an existing file is replaced only
        /// by a complete new one.
        #[arg(short, long, required = true)]
        output: Vec<PathBuf>,
        /// A directory of templates overriding the built-in ones by name
        /// (ke-hoach.xml.tera, macros.xml.tera).
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// A directory with Times New Roman (times.ttf, timesbd.ttf, timesi.ttf,
        /// timesbi.ttf) to measure and embed instead of the built-in Liberation Serif.
        #[arg(long, value_name = "DIR", env = "VANBAN_FONT_DIR")]
        font_dir: Option<PathBuf>,
        /// Write PDF/A-2b (archival), validated while writing.
        #[arg(long)]
        pdf_a: bool,
    },
    /// Import an existing plan (text or DOCX) into the JSON model; print what was found.
    #[command(after_help = IMPORT_EXAMPLES)]
    Import {
        /// A .txt (UTF-8, one paragraph a line) or .docx file.
        input: PathBuf,
        /// Where to write the plan as JSON; standard output when omitted.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

const IMPORT_EXAMPLES: &str = "\
Examples:
  vanban import ke-hoach-cu.docx -o plan.json
  vanban import ke-hoach.txt -o plan.json && vanban render plan.json -o plan.pdf

Lines that cannot be placed are listed and kept in the JSON's \"unplaced\" field.";

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("error: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Render {
            input,
            output,
            templates,
            font_dir,
            pdf_a,
        } => render(
            &input,
            &output,
            templates.as_deref(),
            font_dir.as_deref(),
            pdf_a,
        ),
        Command::Import { input, output } => import(&input, output.as_deref()),
    }
}

fn import(input: &Path, output: Option<&Path>) -> Result<(), String> {
    let import = vanban::import::import_file(input).map_err(|e| e.to_string())?;
    eprint!("{}", import.report());
    let json = import.plan.to_json() + "\n";
    match output {
        Some(path) => write_atomically(path, json.as_bytes()),
        None => {
            print!("{json}");
            Ok(())
        }
    }
}

#[derive(Clone, Copy)]
enum Format {
    Docx,
    Pdf,
}

fn format_of(output: &Path) -> Result<Format, String> {
    let ext = output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("docx") => Ok(Format::Docx),
        Some("pdf") => Ok(Format::Pdf),
        _ => Err(format!(
            "{}: cannot tell the format from the extension; use .docx or .pdf",
            output.display()
        )),
    }
}

fn render(
    input: &Path,
    outputs: &[PathBuf],
    templates: Option<&Path>,
    font_dir: Option<&Path>,
    pdf_a: bool,
) -> Result<(), String> {
    let formats: Vec<Format> = outputs
        .iter()
        .map(|o| format_of(o))
        .collect::<Result<_, _>>()?;
    let plan = vanban::input::plan_from_file(input).map_err(|e| e.to_string())?;
    let mut renderer = vanban::Renderer::new().map_err(|e| e.to_string())?;
    if let Some(dir) = templates {
        renderer = renderer
            .with_templates_dir(dir)
            .map_err(|e| e.to_string())?;
    }
    if let Some(dir) = font_dir {
        renderer = renderer.with_font_dir(dir).map_err(|e| e.to_string())?;
    }
    let mut rendered = Vec::with_capacity(outputs.len());
    for (output, format) in outputs.iter().zip(formats) {
        let bytes = match format {
            Format::Docx => renderer.docx(&plan),
            Format::Pdf => renderer.pdf(
                &plan,
                &vanban::PdfOptions {
                    pdf_a,
                    ..Default::default()
                },
            ),
        }
        .map_err(|e| e.to_string())?;
        rendered.push((output, bytes));
    }
    for (output, bytes) in rendered {
        write_atomically(output, &bytes)?;
    }
    Ok(())
}

/// Writes to a temporary file beside `path`, then renames it over `path`, so that a
/// failure never leaves a half-written file where a good one was.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| format!("{}: not a file name", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!("{}: {e}", path.display()));
    }
    Ok(())
}
