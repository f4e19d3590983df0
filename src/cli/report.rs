//! `cruscotto report`: the Relazione sulla performance as one HTML page, its data as JSON, or
//! the page printed to PDF by a Chromium-based browser found on the machine.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context;
use cruscotto::date::Date;
use cruscotto::diagnostic::has_errors;
use cruscotto::i18n::Message;
use cruscotto::msg;
use cruscotto::report::{self, TemplateError};

use super::args::{ReportArgs, ReportFileFormat};
use super::io::{self, Output};
use super::score::{Keep, Scored, load_and_score};
use super::words::{Failure, fail};
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
        let files = report::DEFAULT_FILES.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(", ");
        let wrote = msg!("cli-report-wrote-template", files = files, folder = folder.display());
        let help = msg!("cli-report-wrote-template-help", folder = folder.display());
        output.eprint(&format!("{}\nhelp: {}\n", output.say(&wrote), output.say(&help)));
        return Ok(EXIT_OK);
    }
    let format = file_format(args);
    let file = io::output_file(args.output.as_ref());
    io::refuse_to_overwrite(file, args.force)?;
    if format == ReportFileFormat::Pdf && file.is_none() && output.stdout_is_terminal {
        fail!(msg!("cli-binary-to-terminal", what = "pdf"), msg!("cli-binary-to-terminal-help", extension = "pdf"));
    }
    let custom = match &args.template {
        Some(folder) => read_template(folder)?,
        None => Vec::new(),
    };
    let Scored { plan, actuals, scorecard, provenance, diagnostics } = match load_and_score(
        &args.plan,
        &args.actuals,
        args.year.map(cruscotto::period::Period::year),
        false,
        Keep::All,
        output,
    )? {
        Ok(scored) => scored,
        Err(code) => return Ok(code),
    };
    if has_errors(&diagnostics) {
        // `missing-data = "error"`: the figures are incomplete, so nothing is written.
        output.eprint(&output.diagnostics_text(&diagnostics));
        return Ok(EXIT_INPUT_ERRORS);
    }
    // Every value read is kept for the Relazione ([`Keep::All`]).
    let actuals = actuals.unwrap_or_default();
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
                    let message = template_error(&error, args.template.as_deref(), &custom);
                    let help = msg!("cli-template-error-help");
                    output.eprint(&format!("error: {}\nhelp: {}\n", output.say(&message), output.say(&help)));
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
        output.eprint(&output.diagnostics_text(&diagnostics));
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
        fail!(
            msg!("cli-template-not-a-folder", folder = &name),
            msg!("cli-template-not-a-folder-help", folder = &name)
        );
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).with_context(|| io::cannot_read(&name))? {
        let entry = entry.with_context(|| io::cannot_read(&name))?;
        let path = entry.path();
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if !path.is_file() || file_name.starts_with('.') {
            continue;
        }
        let bytes = io::read_bytes(&path, "template", MAX_TEMPLATE_BYTES)?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Failure::new(msg!("cli-template-not-utf8", file = path.display())).help(msg!("cli-template-not-utf8-help"))
        })?;
        files.push((file_name, text));
    }
    files.sort();
    if !files.iter().any(|(file, _)| file == report::ENTRY) {
        fail!(
            msg!("cli-template-without-entry", folder = name, entry = report::ENTRY),
            msg!("cli-template-without-entry-help")
        );
    }
    Ok(files)
}

/// `error: `DIR/report.html`, line 12: ...`, naming the default template's files as such.
fn template_error(error: &TemplateError, folder: Option<&Path>, custom: &[(String, String)]) -> Message {
    let file = match (&error.file, folder) {
        (Some(file), Some(folder)) if custom.iter().any(|(name, _)| name == file) => {
            msg!("cli-template-file", file = folder.join(file).display())
        }
        (Some(file), _) => msg!("cli-template-default-file", file = file),
        (None, _) => msg!("cli-template-unnamed"),
    };
    let message = match error.line {
        Some(line) => msg!("cli-template-error-at-line", line = line),
        None => msg!("cli-template-error"),
    };
    message.arg("reason", &error.message).message("file", file)
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
        fail!(msg!("cli-browser-not-found", browser = chosen.display()), msg!("cli-browser-not-found-help"));
    }
    if let Some(found) = BROWSERS.iter().find_map(|name| on_path(name)) {
        return Ok(found);
    }
    fail!(msg!("cli-no-browser", browsers = BROWSERS.join(", ")), msg!("cli-no-browser-help"))
}

/// Prints `html` to PDF (A4, as the page's print stylesheet says) with a headless browser, in a
/// folder of its own that is removed afterwards.
fn print_to_pdf(html: &str) -> anyhow::Result<Vec<u8>> {
    let browser = find_browser()?;
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    let folder = std::env::temp_dir().join(format!("cruscotto-report-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&folder).with_context(|| io::cannot_write(&folder.display().to_string()))?;
    let result = print_in(&browser, html, &folder);
    let _ = std::fs::remove_dir_all(&folder);
    result
}

fn print_in(browser: &Path, html: &str, folder: &Path) -> anyhow::Result<Vec<u8>> {
    let page = folder.join("relazione.html");
    let pdf = folder.join("relazione.pdf");
    std::fs::write(&page, html).with_context(|| io::cannot_write(&page.display().to_string()))?;
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
        .with_context(|| Failure::new(msg!("cli-cannot-run", program = browser.display())))?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > PRINT_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            fail!(msg!("cli-browser-timeout", browser = browser.display(), seconds = PRINT_TIMEOUT.as_secs()));
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
        fail!(msg!("cli-browser-failed", browser = browser.display(), status = status, output = last.join("\n")));
    }
    Ok(bytes)
}

/// `file:///…` for an absolute path, with the characters a URL cannot hold escaped.
fn file_url(path: &Path) -> anyhow::Result<String> {
    let absolute = std::path::absolute(path).with_context(|| io::cannot_read(&path.display().to_string()))?;
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
