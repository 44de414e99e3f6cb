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
        /// Refuse to render a plan that the check finds errors in (its findings are
        /// printed to standard error in any case).
        #[arg(long)]
        strict: bool,
    },
    /// Check a plan (JSON) or a document (text, DOCX) against Nghị định 30.
    #[command(after_help = CHECK_EXAMPLES)]
    Check {
        /// A plan as JSON, or a .txt / .docx document.
        input: PathBuf,
        /// A final copy: a blank number or day is an error.
        #[arg(long = "final")]
        final_copy: bool,
        /// Language of the report.
        #[arg(long, value_parser = ["vi", "en"], default_value = "vi")]
        lang: String,
        /// `text` for people, `json` for programs.
        #[arg(long, value_parser = ["text", "json"], default_value = "text")]
        format: String,
        /// Apply the fixes that need no guessing and write the fixed plan (JSON) to -o.
        #[arg(long, requires = "output")]
        fix: bool,
        /// Where --fix writes the fixed plan.
        #[arg(short, long)]
        output: Option<PathBuf>,
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

const CHECK_EXAMPLES: &str = "\
Examples:
  vanban check plan.json
  vanban check ke-hoach.docx --final --lang en
  vanban check ke-hoach.txt --format json
  vanban check ke-hoach.txt --fix -o fixed.json

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 input unusable.";

const IMPORT_EXAMPLES: &str = "\
Examples:
  vanban import ke-hoach-cu.docx -o plan.json
  vanban import ke-hoach.txt -o plan.json && vanban render plan.json -o plan.pdf

Lines that cannot be placed are listed and kept in the JSON's \"unplaced\" field.";

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Check {
        input,
        final_copy,
        lang,
        format,
        fix,
        output,
    } = &cli.command
    {
        return check(input, *final_copy, lang, format, *fix, output.as_deref());
    }
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
            strict,
        } => render(
            &input,
            &output,
            templates.as_deref(),
            font_dir.as_deref(),
            pdf_a,
            strict,
        ),
        Command::Check { .. } => unreachable!("handled in main"),
        Command::Import { input, output } => import(&input, output.as_deref()),
    }
}

/// `vanban check`: exit 0 without errors, 1 with errors, 2 when the input is unusable.
fn check(
    input: &Path,
    final_copy: bool,
    lang: &str,
    format: &str,
    fix: bool,
    output: Option<&Path>,
) -> ExitCode {
    use vanban::check::{Lang, Options};
    let unusable = |msg: String| {
        eprintln!("error: {msg}");
        ExitCode::from(2)
    };
    let opts = Options { final_copy };
    let lang = if lang == "en" { Lang::En } else { Lang::Vi };
    let bytes = match std::fs::read(input) {
        Ok(b) => b,
        Err(e) => return unusable(format!("{}: {e}", input.display())),
    };
    let is_json = input
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let lines: Option<Vec<String>> = if is_json {
        None
    } else if bytes.starts_with(b"PK\x03\x04") {
        match vanban::import::docx::lines(&bytes) {
            Ok(l) => Some(l),
            Err(e) => return unusable(format!("{}: {e}", input.display())),
        }
    } else {
        match String::from_utf8(bytes.clone()) {
            Ok(t) if !t.contains('\0') => Some(t.lines().map(str::to_string).collect()),
            _ => {
                return unusable(format!(
                    "{}: neither UTF-8 text, DOCX nor JSON",
                    input.display()
                ));
            }
        }
    };
    let report = match &lines {
        Some(lines) => vanban::check::check_lines(lines, &opts),
        None => match vanban::check::check_json(&String::from_utf8_lossy(&bytes), &opts) {
            Ok(r) => r,
            Err(e) => return unusable(format!("{}: {e}", input.display())),
        },
    };
    if format == "json" {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("a report serializes")
        );
    } else {
        print!("{}", report.to_text(lang));
    }
    if fix && let Some(out) = output {
        let fixed = match &lines {
            Some(lines) => {
                let text = vanban::check::fix_lines(lines).join("\n");
                vanban::import::import_text(&text).map(|i| i.plan)
            }
            None => vanban::check::fix_json(&String::from_utf8_lossy(&bytes)).map(|(p, _)| p),
        };
        let plan = match fixed {
            Ok(p) => p,
            Err(e) => return unusable(format!("{}: {e}", input.display())),
        };
        let safe: Vec<_> = report.findings.iter().filter(|f| f.safe).collect();
        eprintln!(
            "{} change(s) applied{}:",
            safe.len(),
            if lines.is_some() {
                " (and the import writes numbers, dates, prefixes and punctuation in the decree's form)"
            } else {
                ""
            }
        );
        for f in safe {
            eprintln!(
                "  {} {}: «{}» → «{}»",
                f.rule,
                f.location,
                f.text,
                f.fix.as_deref().unwrap_or("")
            );
        }
        if let Err(e) = write_atomically(out, (plan.to_json() + "\n").as_bytes()) {
            return unusable(e);
        }
    }
    if report.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
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
    strict: bool,
) -> Result<(), String> {
    let formats: Vec<Format> = outputs
        .iter()
        .map(|o| format_of(o))
        .collect::<Result<_, _>>()?;
    let json = std::fs::read_to_string(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let plan = vanban::input::plan_from_json(&json, Some(input)).map_err(|e| e.to_string())?;
    // The decree's rules: reported, and refused only with --strict (drafts are normal).
    if let Ok(report) = vanban::check::check_json(&json, &vanban::check::Options::default())
        && !report.findings.is_empty()
    {
        eprint!("{}", report.to_text(vanban::check::Lang::Vi));
        if strict && report.errors() > 0 {
            return Err(format!(
                "{}: {} error(s) against Nghị định 30; not rendered (--strict)",
                input.display(),
                report.errors()
            ));
        }
    }
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
