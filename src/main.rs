//! The `vanban` command: a thin layer over the library.

use std::io::Write;
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
        /// (van-ban.xml.tera, quyet-dinh.xml.tera, cong-van.xml.tera, macros.xml.tera,
        /// or TYPE.xml.tera for one type, such as bao-cao.xml.tera).
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
        /// With --fix on a text or DOCX document: the whole document is TCVN3 or VNI,
        /// so also convert the words that read as Vietnamese both ways (the check
        /// lists them as LEGACY warnings; without this flag they are left as typed).
        #[arg(long, requires = "fix")]
        whole_legacy: bool,
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
    /// Write a complete example of a type as JSON, to start a document from.
    #[command(after_help = NEW_EXAMPLES)]
    New {
        /// The type, as `vanban types` lists it (quyet-dinh, cong-van, to-trinh …).
        doc_type: String,
        /// Where to write it; standard output when omitted. An existing file is
        /// not replaced.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// List the document types: JSON name, abbreviation, the decree's form, and
    /// whether vanban lays it out.
    Types,
    /// Print the JSON Schema of the document model (for editors and other
    /// programs; `vanban new` writes an example of each type).
    Schema,
    /// One document for each row of a spreadsheet (mail merge): BASE's
    /// `{{ column }}` placeholders filled in, `/pointer` columns set.
    #[command(after_help = BATCH_EXAMPLES)]
    Batch {
        /// The base document (JSON) with `{{ column }}` placeholders.
        base: PathBuf,
        /// The rows: a .csv, an .xlsx or .ods workbook, or a .json array of objects.
        rows: PathBuf,
        /// Where to write: a .zip file, or a directory.
        #[arg(short, long, required_unless_present_any = ["check_only", "merged_pdf"])]
        output: Option<PathBuf>,
        /// The formats of each row's files.
        #[arg(long, value_delimiter = ',', default_value = "pdf", value_parser = ["pdf", "docx"])]
        format: Vec<String>,
        /// The files' names, from the row: `{{ so }}-{{ ho_ten }}` (`{{ row }}`
        /// is the row's number); by default `<row>-<type>[-<number>]`.
        #[arg(long)]
        name: Option<String>,
        /// Check every row and write nothing.
        #[arg(long)]
        check_only: bool,
        /// Also write every row's document into this one PDF, for printing; each
        /// document numbers its own pages.
        #[arg(long, value_name = "FILE.pdf", conflicts_with = "check_only")]
        merged_pdf: Option<PathBuf>,
    },
    /// Serve the HTTP API: render, check and import over HTTP (see README.md).
    #[cfg(feature = "serve")]
    #[command(after_help = SERVE_EXAMPLES)]
    Serve {
        /// Where to listen.
        #[arg(long, env = "VANBAN_ADDR", default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Renders at once; by default one per core.
        #[arg(long, env = "VANBAN_WORKERS")]
        workers: Option<usize>,
        /// Requests that may wait for a worker; one more is answered 429.
        #[arg(long, env = "VANBAN_QUEUE", default_value_t = 64)]
        queue: usize,
        /// The largest request body taken, in bytes.
        #[arg(long, env = "VANBAN_BODY_LIMIT", default_value_t = 8 << 20)]
        body_limit: usize,
        /// Seconds one render, check or import may take.
        #[arg(long, env = "VANBAN_DEADLINE", default_value_t = 10.0)]
        deadline: f32,
        /// A directory of templates overriding the built-in ones.
        #[arg(long, value_name = "DIR", env = "VANBAN_TEMPLATES")]
        templates: Option<PathBuf>,
        /// A directory with Times New Roman to measure and embed.
        #[arg(long, value_name = "DIR", env = "VANBAN_FONT_DIR")]
        font_dir: Option<PathBuf>,
    },
}

#[cfg(feature = "serve")]
const SERVE_EXAMPLES: &str = "\
Examples:
  vanban serve
  vanban serve --addr 0.0.0.0:8080 --workers 4 --queue 128
  curl -s -X POST --data-binary @plan.json 'http://127.0.0.1:8080/v1/render?format=pdf' -o plan.pdf

It stops on Ctrl-C or SIGTERM after answering the requests in flight.";

const BATCH_EXAMPLES: &str = "\
Examples:
  vanban batch giay-moi.json dai-bieu.csv -o giay-moi.zip
  vanban batch giay-moi.json dai-bieu.csv -o out/ --format pdf,docx --name '{{ Họ và tên }}'
  vanban batch giay-moi.json dai-bieu.xlsx -o giay-moi.zip --merged-pdf in-tat-ca.pdf
  vanban batch quyet-dinh.json khen-thuong.json --check-only

Exit codes: 0 every row rendered, 1 some rows failed, 2 none rendered or the input is unusable.
The failed rows are listed on standard error and in errors.csv beside manifest.json.";

const NEW_EXAMPLES: &str = "\
Examples:
  vanban new quyet-dinh -o quyet-dinh.json
  vanban new cong-van | less
  vanban types";

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

/// Writes to standard output; a reader that has gone away (`| head`) ends the
/// program quietly with status 0, as ripgrep does.
fn stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        std::process::exit(2);
    }
}

/// Writes to standard error, ignoring a closed stream.
fn stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

fn main() -> ExitCode {
    // A bug must not greet the user with a backtrace: one line, and exit code 101.
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        stderr(&format!(
            "error: vanban stopped on an internal error{at}: {what}\nplease report it with the input that caused it\n"
        ));
    }));
    let cli = Cli::parse();
    if let Command::Check {
        input,
        final_copy,
        lang,
        format,
        fix,
        whole_legacy,
        output,
    } = &cli.command
    {
        return check(
            input,
            *final_copy,
            lang,
            format,
            (*fix).then_some(*whole_legacy),
            output.as_deref(),
        );
    }
    if let Command::Batch {
        base,
        rows,
        output,
        format,
        name,
        check_only,
        merged_pdf,
    } = &cli.command
    {
        return batch(
            base,
            rows,
            output.as_deref(),
            format,
            name.clone(),
            *check_only,
            merged_pdf.as_deref(),
        );
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            stderr(&format!("error: {msg}\n"));
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
        Command::Check { .. } | Command::Batch { .. } => unreachable!("handled in main"),
        Command::Import { input, output } => import(&input, output.as_deref()),
        Command::New { doc_type, output } => new(&doc_type, output.as_deref()),
        Command::Types => {
            stdout(&types());
            Ok(())
        }
        Command::Schema => {
            stdout(&vanban::Document::json_schema());
            Ok(())
        }
        #[cfg(feature = "serve")]
        Command::Serve {
            addr,
            workers,
            queue,
            body_limit,
            deadline,
            templates,
            font_dir,
        } => {
            let defaults = vanban::serve::Config::default();
            if !(deadline > 0.0 && deadline.is_finite()) {
                return Err(format!(
                    "--deadline {deadline}: give a number of seconds above 0"
                ));
            }
            let config = vanban::serve::Config {
                addr,
                workers: workers.unwrap_or(defaults.workers).max(1),
                queue,
                body_limit,
                deadline: std::time::Duration::from_secs_f32(deadline),
                templates,
                font_dir,
            };
            serve(config)
        }
    }
}

/// `vanban serve`: prints its configuration, then answers until Ctrl-C or SIGTERM.
#[cfg(feature = "serve")]
fn serve(config: vanban::serve::Config) -> Result<(), String> {
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let server = vanban::serve::Server::bind(config.clone())
            .await
            .map_err(|e| format!("{}: {e}", config.addr))?;
        stderr(&format!(
            "vanban serve: {config}\nlistening on http://{}\n",
            server.local_addr()
        ));
        server
            .run(vanban::serve::shutdown_signal())
            .await
            .map_err(|e| e.to_string())?;
        stderr("vanban serve: stopped\n");
        Ok(())
    })
}

/// `vanban check`: exit 0 without errors, 1 with errors, 2 when the input is unusable.
/// `fix` is `Some(whole_legacy)` with `--fix`.
fn check(
    input: &Path,
    final_copy: bool,
    lang: &str,
    format: &str,
    fix: Option<bool>,
    output: Option<&Path>,
) -> ExitCode {
    use vanban::check::{Lang, Options};
    let unusable = |msg: String| {
        stderr(&format!("error: {msg}\n"));
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
        match vanban::import::text_lines(&bytes) {
            Ok(l) => Some(l),
            Err(e) => return unusable(format!("{}: {e}", input.display())),
        }
    };
    let json = match &lines {
        Some(_) => "",
        None => match vanban::input::json_text(&bytes, Some(input)) {
            Ok(t) => t,
            Err(e) => return unusable(e.to_string()),
        },
    };
    let report = match &lines {
        Some(lines) => vanban::check::check_lines(lines, &opts),
        None => vanban::check::check_json(json, &opts),
    };
    let report = match report {
        Ok(r) => r,
        Err(e) => return unusable(format!("{}: {e}", input.display())),
    };
    // The fixed file is written before anything is printed, so that a reader of the
    // report that goes away (`| head`) cannot stop it half-way.
    let mut applied = String::new();
    if let (Some(whole_legacy), Some(out)) = (fix, output) {
        let fixed = match &lines {
            Some(lines) => {
                let text = vanban::check::fix_lines(lines, whole_legacy).join("\n");
                vanban::import::import_text(&text).map(|i| i.plan)
            }
            None => vanban::check::fix_json(json).map(|(p, _)| p),
        };
        // Lines whose words read as Vietnamese both ways: left as typed, or
        // converted with --whole-legacy.
        let suggested = report
            .findings
            .iter()
            .filter(|f| f.rule == "LEGACY" && !f.safe)
            .count();
        let plan = match fixed {
            Ok(p) => p,
            Err(e) if suggested > 0 && !whole_legacy => {
                return unusable(format!(
                    "{}: {e}\n(the check found words that may be TCVN3 or VNI and left them as typed; if the whole document is legacy text, add --whole-legacy)",
                    input.display()
                ));
            }
            Err(e) => return unusable(format!("{}: {e}", input.display())),
        };
        let safe: Vec<_> = report.findings.iter().filter(|f| f.safe).collect();
        applied.push_str(&format!(
            "{} change(s) applied{}:\n",
            safe.len(),
            if lines.is_some() {
                " (and the import writes numbers, dates, prefixes and punctuation in the decree's form)"
            } else {
                ""
            }
        ));
        for f in safe {
            applied.push_str(&format!(
                "  {} {}: «{}» → «{}»\n",
                f.rule,
                f.location,
                f.text,
                f.fix.as_deref().unwrap_or("")
            ));
        }
        if whole_legacy {
            applied.push_str(&format!(
                "  and the words of {suggested} line(s) that read as Vietnamese both ways, converted as legacy text (--whole-legacy)\n"
            ));
        }
        let json = plan.to_json() + "\n";
        if let Err(e) = vanban::write::write_files(&[(out, json.as_bytes())], &[input]) {
            return unusable(e.to_string());
        }
    }
    if format == "json" {
        stdout(&format!(
            "{}\n",
            serde_json::to_string_pretty(&report).expect("a report serializes")
        ));
    } else {
        stdout(&report.to_text(lang));
    }
    stderr(&applied);
    if report.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `vanban batch`: exit 0 when every row rendered, 1 when some failed, 2 when
/// none did or the input is unusable.
fn batch(
    base: &Path,
    rows: &Path,
    output: Option<&Path>,
    formats: &[String],
    name: Option<String>,
    check_only: bool,
    merged_pdf: Option<&Path>,
) -> ExitCode {
    use vanban::batch::{DirSink, Format, Options, Sink, ZipSink};
    let unusable = |msg: String| {
        stderr(&format!("error: {msg}\n"));
        ExitCode::from(2)
    };
    let base_text = match std::fs::read(base) {
        Ok(b) => match vanban::input::json_text(&b, Some(base)) {
            Ok(t) => t.to_string(),
            Err(e) => return unusable(e.to_string()),
        },
        Err(e) => return unusable(format!("{}: {e}", base.display())),
    };
    let table = match vanban::batch::read_rows(rows) {
        Ok(t) => t,
        Err(e) => return unusable(e.to_string()),
    };
    let opts = Options {
        // Only the merged PDF, when there is no output for the rows' own files.
        formats: formats
            .iter()
            .filter(|_| output.is_some())
            .map(|f| {
                if f == "docx" {
                    Format::Docx
                } else {
                    Format::Pdf
                }
            })
            .collect(),
        name,
        check_only,
        merged_pdf: merged_pdf.is_some(),
    };
    let renderer = match vanban::Renderer::new() {
        Ok(r) => r,
        Err(e) => return unusable(e.to_string()),
    };
    let mut sink: Box<dyn Sink> = match output {
        None => Box::new(Discard),
        Some(_) if check_only => Box::new(Discard),
        Some(p) if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip")) => {
            match ZipSink::new(p) {
                Ok(s) => Box::new(s),
                Err(e) => return unusable(e.to_string()),
            }
        }
        Some(p) => match DirSink::new(p) {
            Ok(s) => Box::new(s),
            Err(e) => return unusable(e.to_string()),
        },
    };
    let total = table.rows.len() as u64;
    let bar = std::io::IsTerminal::is_terminal(&std::io::stderr()).then(|| {
        let b = indicatif::ProgressBar::new(total);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} rows, {per_sec}, {eta} left",
            )
            .expect("a valid template"),
        );
        b
    });
    let start = std::time::Instant::now();
    let result = vanban::batch::run_with_progress(
        &renderer,
        &base_text,
        &table,
        &opts,
        sink.as_mut(),
        &mut |done| {
            if let Some(b) = &bar {
                b.set_position(done as u64);
            }
        },
    );
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let summary = match result.and_then(|s| sink.finish().map(|()| s)) {
        Ok(s) => s,
        Err(e) => return unusable(format!("{}: {e}", base.display())),
    };
    if let (Some(path), Some(pdf)) = (merged_pdf, &summary.merged) {
        // Written whole or not at all, as every output.
        if let Err(e) = vanban::write::write_files(&[(path, pdf)], &[base, rows]) {
            return unusable(e.to_string());
        }
    }
    for e in &summary.failed {
        stderr(&format!("{}: {e}\n", rows.display()));
    }
    let ok = summary.rows - summary.failed.len();
    stderr(&format!(
        "{ok} of {} rows {}, {} files, in {:.2} s{}{}\n",
        summary.rows,
        if check_only { "valid" } else { "rendered" },
        summary.entries.len(),
        start.elapsed().as_secs_f64(),
        output
            .filter(|_| !check_only)
            .map(|p| format!(", to {}", p.display()))
            .unwrap_or_default(),
        merged_pdf
            .filter(|_| summary.merged.is_some())
            .map(|p| format!(
                ", {} pages merged into {}",
                summary.merged_pages,
                p.display()
            ))
            .unwrap_or_default()
    ));
    if summary.failed.is_empty() {
        ExitCode::SUCCESS
    } else if ok > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::from(2)
    }
}

/// The output of `--check-only`: nothing.
struct Discard;

impl vanban::batch::Sink for Discard {
    fn add(&mut self, _: &str, _: &[u8]) -> Result<(), vanban::Error> {
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<(), vanban::Error> {
        Ok(())
    }
}

fn import(input: &Path, output: Option<&Path>) -> Result<(), String> {
    let import = vanban::import::import_file(input).map_err(|e| e.to_string())?;
    let json = import.plan.to_json() + "\n";
    match output {
        Some(path) => {
            vanban::write::write_files(&[(path, json.as_bytes())], &[input])
                .map_err(|e| e.to_string())?;
            stderr(&import.report());
        }
        None => {
            stderr(&import.report());
            stdout(&json);
        }
    }
    Ok(())
}

fn new(slug: &str, output: Option<&Path>) -> Result<(), String> {
    use vanban::model::DocType;
    let t = DocType::find(slug)
        .ok_or_else(|| format!("unknown type \"{slug}\"; `vanban types` lists them"))?;
    let doc = vanban::model::example(t).ok_or_else(|| {
        format!(
            "the decree gives no model form for a {}, so vanban does not lay it out; `vanban types` lists those it does",
            t.name()
        )
    })?;
    let json = doc.to_json() + "\n";
    match output {
        Some(path) if path.exists() => Err(format!(
            "{}: the file exists; vanban new does not replace it",
            path.display()
        )),
        Some(path) => {
            vanban::write::write_files(&[(path, json.as_bytes())], &[]).map_err(|e| e.to_string())
        }
        None => {
            stdout(&json);
            Ok(())
        }
    }
}

fn types() -> String {
    use vanban::model::DocType;
    let mut out =
        String::from("type              abbr  name               form          laid out\n");
    for t in DocType::all() {
        let ready = if t.is_laid_out() { "yes" } else { "no form" };
        out.push_str(&format!(
            "{:<17} {:<5} {:<18} {:<13} {ready}\n",
            t.slug(),
            t.abbreviation().unwrap_or("-"),
            t.name(),
            t.form_name()
        ));
    }
    out
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
    let bytes = std::fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let json = vanban::input::json_text(&bytes, Some(input)).map_err(|e| e.to_string())?;
    let plan = vanban::input::plan_from_json(json, Some(input)).map_err(|e| e.to_string())?;
    // The decree's rules: reported, and refused only with --strict (drafts are normal).
    if let Ok(report) = vanban::check::check_json(json, &vanban::check::Options::default())
        && !report.findings.is_empty()
    {
        stderr(&report.to_text(vanban::check::Lang::Vi));
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
    let files: Vec<(&Path, &[u8])> = rendered
        .iter()
        .map(|(o, b)| (o.as_path(), b.as_slice()))
        .collect();
    vanban::write::write_files(&files, &[input]).map_err(|e| e.to_string())
}
