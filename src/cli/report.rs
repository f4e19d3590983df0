//! `cruscotto report`: the Relazione sulla performance as one HTML page, its data as JSON, or
//! the page printed to PDF by a Chromium-based browser found on the machine.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use cruscotto::date::Date;
use cruscotto::diagnostic::has_errors;
use cruscotto::render::diagnostics as render_diagnostics;
use cruscotto::report::{self, TemplateError};

use super::args::{ReportArgs, ReportFileFormat};
use super::io::{self, Output};
use super::score::{Scored, load_and_score};
use super::{EXIT_INPUT_ERRORS, EXIT_OK, EXIT_USAGE};

/// Template files larger than this are refused: the default one is about 30 KiB.
const MAX_TEMPLATE_BYTES: u64 = 4 * 1024 * 1024;

/// How long the browser may take to print the PDF before it is stopped.
const PRINT_TIMEOUT: Duration = Duration::from_secs(300);

/// The browsers tried on `PATH`, in order, when `$CRUSCOTTO_BROWSER` is not set.
const BROWSERS: &[&str] =
    &["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "microsoft-edge", "msedge"];

pub(crate) fn run(args: &ReportArgs, output: &Output) -> anyhow::Result<u8> {
    if let Some(folder) = &args.write_template {
        let files: Vec<(String, String)> =
            report::DEFAULT_FILES.iter().map(|(name, text)| ((*name).to_owned(), (*text).to_owned())).collect();
        io::write_folder_atomically(folder, &files, args.force)?;
        output.eprint(&format!(
            "wrote the default template ({}) into `{}`\nhelp: edit it, then run `cruscotto report ... --template {}`\n",
            report::DEFAULT_FILES.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(", "),
            folder.display(),
            folder.display()
        ));
        return Ok(EXIT_OK);
    }
    let format = file_format(args);
    let file = io::output_file(args.output.as_ref());
    io::refuse_to_overwrite(file, args.force)?;
    if format == ReportFileFormat::Pdf && file.is_none() && output.stdout_is_terminal {
        bail!("a PDF is binary: not written to the terminal\nhelp: use -o FILE.pdf, or redirect the output");
    }
    let custom = match &args.template {
        Some(folder) => read_template(folder)?,
        None => Vec::new(),
    };
    let Scored { plan, actuals, scorecard, provenance, diagnostics } =
        match load_and_score(&args.plan, &args.actuals, args.year, false, output)? {
            Ok(scored) => scored,
            Err(code) => return Ok(code),
        };
    if has_errors(&diagnostics) {
        // `missing-data = "error"`: the figures are incomplete, so nothing is written.
        output.eprint(&render_diagnostics::text(&diagnostics, output.stderr_style));
        return Ok(EXIT_INPUT_ERRORS);
    }
    let inputs = report::Inputs {
        plan: &plan,
        actuals: &actuals,
        scorecard: &scorecard,
        provenance: &provenance,
        generated: today(),
        lang: output.deliverable_lang(&plan),
    };
    let mut data = report::build(&inputs);
    if format == ReportFileFormat::Pdf {
        // Paper cannot open a closed section: print every one open.
        data.collapsed = false;
    }
    let bytes = match format {
        ReportFileFormat::Json => {
            let mut text = serde_json::to_string_pretty(&data).expect("the report's data serializes");
            text.push('\n');
            text.into_bytes()
        }
        ReportFileFormat::Html | ReportFileFormat::Pdf => {
            let html = match report::render(&data, &custom) {
                Ok(html) => html,
                Err(error) => {
                    output.eprint(&template_error(&error, args.template.as_deref(), &custom));
                    return Ok(EXIT_USAGE);
                }
            };
            if format == ReportFileFormat::Pdf { print_to_pdf(&html)? } else { html.into_bytes() }
        }
    };
    match file {
        Some(path) => io::write_atomically(path, &bytes, args.force)?,
        None if format == ReportFileFormat::Pdf => output.print_bytes(&bytes)?,
        None => output.print(&String::from_utf8_lossy(&bytes))?,
    }
    if !diagnostics.is_empty() {
        output.eprint(&render_diagnostics::text(&diagnostics, output.stderr_style));
    }
    Ok(EXIT_OK)
}

/// `--format`, else the output file's extension, else HTML.
fn file_format(args: &ReportArgs) -> ReportFileFormat {
    if let Some(format) = args.format {
        return format;
    }
    let extension = args.output.as_deref().and_then(Path::extension).map(|e| e.to_string_lossy().to_lowercase());
    match extension.as_deref() {
        Some("pdf") => ReportFileFormat::Pdf,
        Some("json") => ReportFileFormat::Json,
        _ => ReportFileFormat::Html,
    }
}

/// The day the report is made: `$SOURCE_DATE_EPOCH` when set (reproducible builds), else today
/// (UTC).
fn today() -> Date {
    let seconds =
        std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok()).unwrap_or_else(io::now);
    Date::from_days_since_epoch(seconds.div_euclid(86_400))
        .or_else(|| Date::new(1970, 1, 1))
        .expect("1 January 1970 is a date")
}

/// The files of a template folder, by name: every regular file directly inside it.
fn read_template(folder: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let name = folder.display().to_string();
    if !folder.is_dir() {
        bail!(
            "--template `{name}` is not a folder\nhelp: write the default template with `cruscotto report --write-template {name}`, then edit it"
        );
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).with_context(|| format!("cannot read `{name}`"))? {
        let entry = entry.with_context(|| format!("cannot read `{name}`"))?;
        let path = entry.path();
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if !path.is_file() || file_name.starts_with('.') {
            continue;
        }
        let bytes = io::read_bytes(&path, "a template file", MAX_TEMPLATE_BYTES)?;
        let text = String::from_utf8(bytes)
            .map_err(|_| anyhow::anyhow!("`{}` is not UTF-8 text\nhelp: save the template as UTF-8", path.display()))?;
        files.push((file_name, text));
    }
    files.sort();
    if !files.iter().any(|(file, _)| file == report::ENTRY) {
        bail!(
            "--template `{name}` has no `{}`\nhelp: write the default template with `cruscotto report --write-template DIR` and start from it",
            report::ENTRY
        );
    }
    Ok(files)
}

/// `error: template `DIR/report.html`, line 12: ...`, naming the default template's files as such.
fn template_error(error: &TemplateError, folder: Option<&Path>, custom: &[(String, String)]) -> String {
    let file = match (&error.file, folder) {
        (Some(file), Some(folder)) if custom.iter().any(|(name, _)| name == file) => {
            format!("`{}`", folder.join(file).display())
        }
        (Some(file), _) => format!("`{file}` of the default template"),
        (None, _) => "the template".to_owned(),
    };
    let line = error.line.map(|line| format!(", line {line}")).unwrap_or_default();
    format!(
        "error: {file}{line}: {}\nhelp: the data a template receives is described in docs/report.md\n",
        error.message
    )
}

/// The browser to print with: `$CRUSCOTTO_BROWSER`, else the first of [`BROWSERS`] on `PATH`.
fn find_browser() -> anyhow::Result<PathBuf> {
    let path_folders: Vec<PathBuf> =
        std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect()).unwrap_or_default();
    let on_path = |name: &str| -> Option<PathBuf> {
        path_folders
            .iter()
            .flat_map(|folder| [folder.join(name), folder.join(format!("{name}.exe"))])
            .find(|p| p.is_file())
    };
    if let Some(chosen) = std::env::var_os("CRUSCOTTO_BROWSER").filter(|v| !v.is_empty()) {
        let chosen = PathBuf::from(chosen);
        if chosen.is_file() {
            return Ok(chosen);
        }
        if let Some(found) = on_path(&chosen.to_string_lossy()) {
            return Ok(found);
        }
        bail!(
            "$CRUSCOTTO_BROWSER is `{}`, which is neither a file nor a program on PATH\nhelp: set it to the path of Chromium or Chrome",
            chosen.display()
        );
    }
    if let Some(found) = BROWSERS.iter().find_map(|name| on_path(name)) {
        return Ok(found);
    }
    bail!(
        "no browser to print the PDF with: tried $CRUSCOTTO_BROWSER (not set) and {} on PATH\n\
         help: install Chromium (Debian, Ubuntu: `apt-get install chromium`) or Chrome, or set CRUSCOTTO_BROWSER to its path; \
         or write the HTML page (-o relazione.html) and print it from any browser",
        BROWSERS.join(", ")
    )
}

/// Prints `html` to PDF (A4, as the page's print stylesheet says) with a headless browser, in a
/// folder of its own that is removed afterwards.
fn print_to_pdf(html: &str) -> anyhow::Result<Vec<u8>> {
    let browser = find_browser()?;
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    let folder = std::env::temp_dir().join(format!("cruscotto-report-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&folder).with_context(|| format!("cannot create `{}`", folder.display()))?;
    let result = print_in(&browser, html, &folder);
    let _ = std::fs::remove_dir_all(&folder);
    result
}

fn print_in(browser: &Path, html: &str, folder: &Path) -> anyhow::Result<Vec<u8>> {
    let page = folder.join("relazione.html");
    let pdf = folder.join("relazione.pdf");
    std::fs::write(&page, html).with_context(|| format!("cannot write `{}`", page.display()))?;
    let page_url = file_url(&page)?;
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-pdf-header-footer",
            "--print-to-pdf-no-header",
        ])
        .arg(format!("--user-data-dir={}", folder.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(page_url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot run `{}`", browser.display()))?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > PRINT_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            bail!("`{}` did not print the PDF within {} s: stopped", browser.display(), PRINT_TIMEOUT.as_secs());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let bytes = std::fs::read(&pdf).unwrap_or_default();
    if !status.success() || !bytes.starts_with(b"%PDF") {
        let mut stderr = String::new();
        if let Some(mut pipe) = child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut pipe, &mut stderr);
        }
        let last: Vec<&str> = stderr.lines().rev().take(5).collect::<Vec<_>>().into_iter().rev().collect();
        bail!("`{}` did not print the PDF ({status})\n{}", browser.display(), last.join("\n"));
    }
    Ok(bytes)
}

/// `file:///…` for an absolute path, with the characters a URL cannot hold escaped.
fn file_url(path: &Path) -> anyhow::Result<String> {
    let absolute = std::path::absolute(path).with_context(|| format!("cannot resolve `{}`", path.display()))?;
    let text = absolute.to_string_lossy().replace('\\', "/");
    let mut url = String::from("file://");
    if !text.starts_with('/') {
        url.push('/');
    }
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => url.push(byte as char),
            other => url.push_str(&format!("%{other:02X}")),
        }
    }
    Ok(url)
}
