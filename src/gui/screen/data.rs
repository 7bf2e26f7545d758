//! The Data page: export appointments (iCalendar, CSV, FHIR) for one doctor, one room or all
//! over a date range; import patients or appointments (with a dry run); back up; restore a
//! backup after a confirmation. Files are chosen with the desktop's save/open dialogs (rfd)
//! in a Task; the work runs on a blocking thread that reports progress to a bar, and a summary
//! (with every bad row of an import) stays on the page until the next job.

use crate::gui::choice_keys::pick_list;
use std::path::PathBuf;

use iced::widget::{
    button, checkbox, column, container, progress_bar, row, scrollable, text, text_input,
};
use iced::{Element, Length, Task};

use super::{Context, encryption};
use crate::export::{self, ExportQuery, Format, Progress, Scope};
use crate::gui::backend::{Step, UiError};
use crate::gui::file_chooser;
use crate::gui::widget::{self, Choice};
use crate::import::{self, FileKind, ImportOptions};
use crate::scheduling::time::echo;

/// What an import brings in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    /// Patients from CSV.
    Patients,
    /// Appointments from CSV or iCalendar.
    Appointments,
}

impl std::fmt::Display for ImportKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ImportKind::Patients => "Patients (CSV)",
            ImportKind::Appointments => "Appointments (CSV or iCalendar)",
        })
    }
}

/// How a job ended, as the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// What was done ("Export", "Import" …).
    pub title: String,
    /// One or two sentences.
    pub summary: String,
    /// Every bad row and notice, one per line.
    pub lines: Vec<String>,
    /// False when the job did not do what was asked (bad rows, a refusal).
    pub ok: bool,
}

/// The page's state.
#[derive(Debug, Clone)]
pub struct State {
    format: Format,
    scope: Scope,
    from: String,
    to: String,
    import_kind: ImportKind,
    dry_run: bool,
    overbook: String,
    /// A backup chosen for restoring, waiting for the confirmation.
    pub restore_candidate: Option<PathBuf>,
    /// The job running: its title and progress.
    pub job: Option<(String, Progress)>,
    /// How the last job ended.
    pub outcome: Option<Outcome>,
    /// The encryption card.
    encryption: encryption::State,
}

impl Default for State {
    fn default() -> Self {
        Self {
            format: Format::Ics,
            scope: Scope::All,
            from: String::new(),
            to: String::new(),
            import_kind: ImportKind::Appointments,
            dry_run: true,
            overbook: String::new(),
            restore_candidate: None,
            job: None,
            outcome: None,
            encryption: encryption::State::default(),
        }
    }
}

/// What happens on the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// An export format was chosen.
    Format(Format),
    /// Whose appointments to export.
    Scope(Choice<Scope>),
    /// The first date typed.
    From(String),
    /// The last date typed.
    To(String),
    /// Export… was pressed: ask where to save.
    Export,
    /// The file to export to (None: the dialog was cancelled).
    ExportTo(Option<PathBuf>),
    /// Patients or appointments.
    ImportKind(ImportKind),
    /// The dry-run switch.
    DryRun(bool),
    /// The overbook reason typed.
    Overbook(String),
    /// Import… was pressed: ask which file.
    Import,
    /// The file to import (None: cancelled).
    ImportFrom(Option<PathBuf>),
    /// Back up now… was pressed: ask where to save.
    Backup,
    /// The file to back up to (None: cancelled).
    BackupTo(Option<PathBuf>),
    /// Restore… was pressed: ask which backup.
    Restore,
    /// The backup chosen for restoring (None: cancelled); a confirmation follows.
    RestoreChosen(Option<PathBuf>),
    /// The restore was confirmed.
    ConfirmRestore,
    /// The restore was called off at the confirmation.
    CancelRestore,
    /// The running job got further.
    Progress(Progress),
    /// The running job ended.
    Finished(Result<Outcome, UiError>),
    /// A restore ended: what to tell the desk, or why it was refused.
    Restored(Result<String, UiError>),
    /// A message for the encryption card.
    Encryption(encryption::Message),
}

/// What the page tells the app.
#[derive(Debug, Clone)]
pub enum Event {
    /// Appointments or patients changed (an import): reload the calendar.
    Changed,
    /// The database was replaced: reload everything, and say this.
    Restored(String),
    /// The database file was encrypted where it is: its recovery key is to be shown, and its
    /// watcher starts again with the key.
    Encrypted(crate::gui::backend::Converted),
}

fn save_dialog(
    title: &'static str,
    name: String,
    filter: (&'static str, &'static str),
) -> Task<Option<PathBuf>> {
    Task::perform(
        async move {
            rfd::AsyncFileDialog::new()
                .set_title(title)
                .set_file_name(name)
                .add_filter(filter.0, &[filter.1])
                .save_file()
                .await
                .map(|h| h.path().to_path_buf())
        },
        |p| p,
    )
}

fn open_dialog(
    title: &'static str,
    filters: &'static [(&'static str, &'static [&'static str])],
) -> Task<Option<PathBuf>> {
    Task::perform(
        async move {
            let mut dialog = rfd::AsyncFileDialog::new().set_title(title);
            for (name, extensions) in filters {
                dialog = dialog.add_filter(*name, extensions);
            }
            dialog.pick_file().await.map(|h| h.path().to_path_buf())
        },
        |p| p,
    )
}

/// A save made without a chooser: its outcome says why no dialog opened.
fn saved_without_chooser(job: Task<Message>) -> Task<Message> {
    job.map(|message| match message {
        Message::Finished(Ok(mut outcome)) => {
            outcome.lines.push(
                "This desktop has no file chooser, so the file was saved beside the database under the name shown (install zenity to choose where: sudo apt-get install zenity).".into(),
            );
            Message::Finished(Ok(outcome))
        }
        other => other,
    })
}

fn cancelled(what: &str) -> Outcome {
    Outcome {
        title: what.to_owned(),
        summary: "No file was chosen, so nothing was done. If no dialog opened, this desktop has no file chooser (install xdg-desktop-portal or zenity), or use the command line: frontdesk --help.".into(),
        lines: Vec::new(),
        ok: false,
    }
}

fn run_job(
    stream: impl iced::futures::Stream<Item = Step<Outcome>> + Send + 'static,
) -> Task<Message> {
    Task::run(stream, |step| match step {
        Step::Progress(p) => Message::Progress(p),
        Step::Done(result) => Message::Finished(result),
    })
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl State {
    /// The choices of whose appointments to export: all, each doctor, each room.
    fn scopes(ctx: &Context<'_>) -> Vec<Choice<Scope>> {
        let mut out = vec![Choice::new(Scope::All, "All doctors and rooms")];
        out.extend(
            ctx.setup
                .doctors
                .iter()
                .map(|(d, _)| Choice::new(Scope::Doctor(d.id), d.name.clone())),
        );
        out.extend(
            ctx.setup
                .rooms
                .iter()
                .filter(|r| r.clinic == ctx.clinic.id)
                .map(|r| Choice::new(Scope::Room(r.id), r.name.clone())),
        );
        out
    }

    fn query(&self, ctx: &Context<'_>) -> Result<ExportQuery, UiError> {
        let date = |label: &str, text: &str| {
            match text.trim() {
            "" => Ok(None),
            t => crate::gui::fields::date(label, t, || {
                format!("\"{}\" is not a date for {label}: write it as YYYY-MM-DD, e.g. 2026-12-01, or leave it empty for no limit.", echo(t))
            }).map(Some),
        }
        };
        let from = date("From", &self.from)?;
        let to = date("To", &self.to)?;
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(format!(
                "From ({f}) is after To ({t}): give the earlier date first."
            ));
        }
        Ok(ExportQuery {
            clinic: ctx.clinic.id,
            from,
            to,
            scope: self.scope,
        })
    }

    fn start(&mut self, title: &str) {
        self.job = Some((
            title.to_owned(),
            Progress {
                phase: "starting",
                done: 0,
                total: 1,
            },
        ));
        self.outcome = None;
    }

    fn export(&mut self, path: PathBuf, ctx: &Context<'_>) -> Task<Message> {
        let query = match self.query(ctx) {
            Ok(q) => q,
            Err(e) => return Task::done(Message::Finished(Err(e))),
        };
        let (format, now) = (self.format, ctx.now);
        self.start("Exporting");
        run_job(ctx.backend.with_progress(move |store, progress| {
            let set = store.export_set(&query).map_err(|e| e.to_string())?;
            let summary = export::write_file(&path, format, &set, now, progress)
                .map_err(|e| e.to_string())?;
            Ok(Outcome {
                title: "Export".into(),
                summary: format!("{summary}."),
                lines: Vec::new(),
                ok: true,
            })
        }))
    }

    fn import(&mut self, path: PathBuf, ctx: &Context<'_>) -> Task<Message> {
        let overbook = self.overbook.trim();
        let options = ImportOptions {
            clinic: ctx.clinic.id,
            dry_run: self.dry_run,
            overbook: (!overbook.is_empty()).then(|| overbook.to_owned()),
            source: file_name(&path),
            default_doctor: None,
        };
        let (kind, actor, now) = (self.import_kind, ctx.actor.to_owned(), ctx.now);
        self.start(if self.dry_run {
            "Checking"
        } else {
            "Importing"
        });
        run_job(ctx.backend.with_progress(move |store, progress| {
            let bytes = std::fs::read(&path)
                .map_err(|e| format!("Cannot read {}: {e}.", path.display()))?;
            let shown = |e: import::ImportError| format!("{}: {e}", file_name(&path));
            let text = import::decode(&bytes).map_err(shown)?;
            let text: &str = &text;
            let (report, what) = match kind {
                ImportKind::Patients => {
                    if import::detect(text) == FileKind::Ics {
                        return Err("Patients are imported from CSV; choose Appointments for a calendar file.".into());
                    }
                    let parsed = import::patients::parse_csv(text).map_err(shown)?;
                    let r = store
                        .import_patients(&parsed, &options, progress)
                        .map_err(|e| e.to_string())?;
                    (r, "patients")
                }
                ImportKind::Appointments => {
                    let parsed = match import::detect(text) {
                        FileKind::Ics => import::appointments::parse_ics(text),
                        FileKind::Csv => import::appointments::parse_csv(text),
                    }
                    .map_err(shown)?;
                    let r = store
                        .import_appointments(&parsed, &options, &actor, now, progress)
                        .map_err(|e| e.to_string())?;
                    (r, "appointments")
                }
            };
            let mut lines: Vec<String> = report.bad.iter().map(ToString::to_string).collect();
            lines.extend(report.notices.iter().map(|n| format!("note: {n}")));
            Ok(Outcome {
                title: if report.dry_run { "Dry run" } else { "Import" }.into(),
                summary: report.summary(what),
                lines,
                ok: report.bad.is_empty(),
            })
        }))
    }

    fn backup(&mut self, path: PathBuf, ctx: &Context<'_>) -> Task<Message> {
        self.start("Backing up");
        run_job(ctx.backend.with_progress(move |store, progress| {
            let report = store
                .backup_to(&path, progress)
                .map_err(|e| e.to_string())?;
            Ok(Outcome {
                title: "Backup".into(),
                summary: format!(
                    "Backed up to {} ({} kB).",
                    report.path.display(),
                    report.bytes / 1024
                ),
                lines: Vec::new(),
                ok: true,
            })
        }))
    }

    fn restore(&mut self, candidate: PathBuf, ctx: &Context<'_>) -> Task<Message> {
        self.start("Restoring");
        let now = ctx.now;
        let stream = ctx.backend.with_progress(move |store, progress| {
            let report = store
                .restore_from(&candidate, now, progress)
                .map_err(|e| e.to_string())?;
            let kept = match report.kept {
                Some(k) => format!(" The database it replaced is kept as {}.", k.display()),
                None => String::new(),
            };
            Ok(format!("Restored from {}.{kept}", candidate.display()))
        });
        Task::run(stream, |step| match step {
            Step::Progress(p) => Message::Progress(p),
            Step::Done(result) => Message::Restored(result),
        })
    }

    /// Handles a message; returns the work to run and what the app should know.
    pub fn update(
        &mut self,
        message: Message,
        ctx: &Context<'_>,
    ) -> (Task<Message>, Option<Event>) {
        let busy = self.job.is_some() || self.encryption.busy();
        let today = crate::gui::backend::clinic_date(ctx.clinic, ctx.now);
        let task = match message {
            Message::Format(f) => {
                self.format = f;
                Task::none()
            }
            Message::Scope(choice) => {
                self.scope = choice.value;
                Task::none()
            }
            Message::From(t) => {
                self.from = t;
                Task::none()
            }
            Message::To(t) => {
                self.to = t;
                Task::none()
            }
            Message::Export if !busy => {
                if let Err(e) = self.query(ctx) {
                    return (Task::done(Message::Finished(Err(e))), None);
                }
                let name = format!("appointments-{today}.{}", self.format.extension());
                let filter = match self.format {
                    Format::Ics => ("iCalendar", "ics"),
                    Format::Csv => ("CSV", "csv"),
                    Format::Fhir => ("FHIR JSON", "json"),
                };
                if file_chooser::available() {
                    save_dialog("Export appointments", name, filter).map(Message::ExportTo)
                } else {
                    let path = file_chooser::save_path(ctx.backend.files_folder(), &name);
                    saved_without_chooser(self.export(path, ctx))
                }
            }
            Message::ExportTo(Some(path)) if !busy => self.export(path, ctx),
            Message::ExportTo(None) => {
                self.outcome = Some(cancelled("Export"));
                Task::none()
            }
            Message::ImportKind(k) => {
                self.import_kind = k;
                Task::none()
            }
            Message::DryRun(on) => {
                self.dry_run = on;
                Task::none()
            }
            Message::Overbook(t) => {
                self.overbook = t;
                Task::none()
            }
            Message::Import | Message::Restore if !busy && !file_chooser::available() => {
                let title = if matches!(message, Message::Import) {
                    "Import"
                } else {
                    "Restore"
                };
                self.outcome = Some(Outcome {
                    title: title.into(),
                    summary: file_chooser::NONE_TO_OPEN.into(),
                    lines: Vec::new(),
                    ok: false,
                });
                Task::none()
            }
            Message::Import if !busy => open_dialog(
                "Import",
                &[
                    ("CSV or iCalendar", &["csv", "ics", "ical", "txt"]),
                    ("Any file", &["*"]),
                ],
            )
            .map(Message::ImportFrom),
            Message::ImportFrom(Some(path)) if !busy => self.import(path, ctx),
            Message::ImportFrom(None) => {
                self.outcome = Some(cancelled("Import"));
                Task::none()
            }
            Message::Backup if !busy => {
                let name = format!("frontdesk-backup-{today}.sqlite3");
                if file_chooser::available() {
                    save_dialog("Back up the database", name, ("SQLite database", "sqlite3"))
                        .map(Message::BackupTo)
                } else {
                    let path = file_chooser::save_path(ctx.backend.files_folder(), &name);
                    saved_without_chooser(self.backup(path, ctx))
                }
            }
            Message::BackupTo(Some(path)) if !busy => self.backup(path, ctx),
            Message::BackupTo(None) => {
                self.outcome = Some(cancelled("Backup"));
                Task::none()
            }
            Message::Restore if !busy => open_dialog(
                "Restore a backup",
                &[
                    ("SQLite database", &["sqlite3", "sqlite", "db"]),
                    ("Any file", &["*"]),
                ],
            )
            .map(Message::RestoreChosen),
            Message::RestoreChosen(Some(path)) => {
                self.restore_candidate = Some(path);
                self.outcome = None;
                Task::none()
            }
            Message::RestoreChosen(None) => {
                self.outcome = Some(cancelled("Restore"));
                Task::none()
            }
            Message::ConfirmRestore if !busy => match self.restore_candidate.take() {
                Some(path) => self.restore(path, ctx),
                None => Task::none(),
            },
            Message::CancelRestore => {
                self.restore_candidate = None;
                Task::none()
            }
            Message::Progress(p) => {
                if let Some((_, progress)) = &mut self.job {
                    *progress = p;
                }
                Task::none()
            }
            Message::Finished(result) => {
                self.job = None;
                let changed = matches!(&result, Ok(o) if o.ok && o.title == "Import");
                self.outcome = Some(result.unwrap_or_else(|e| Outcome {
                    title: "Not done".into(),
                    summary: e,
                    lines: Vec::new(),
                    ok: false,
                }));
                return (Task::none(), changed.then_some(Event::Changed));
            }
            Message::Restored(result) => {
                self.job = None;
                return match result {
                    Ok(notice) => (Task::none(), Some(Event::Restored(notice))),
                    Err(e) => {
                        self.outcome = Some(Outcome {
                            title: "Restore refused".into(),
                            summary: e,
                            lines: Vec::new(),
                            ok: false,
                        });
                        (Task::none(), None)
                    }
                };
            }
            Message::Encryption(message) => {
                let (task, event) = self.encryption.update(message, ctx);
                let event = event.map(|encryption::Event::Encrypted(done)| Event::Encrypted(done));
                return (task.map(Message::Encryption), event);
            }
            // A second job while one runs is ignored (its button is disabled anyway).
            _ => Task::none(),
        };
        (task, None)
    }

    /// Draws the page.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let idle = self.job.is_none() && !self.encryption.busy();
        let act = |label: &'a str, message: Message| {
            button(text(label))
                .on_press_maybe(idle.then_some(message))
                .style(button::primary)
        };
        let scopes = Self::scopes(ctx);
        let chosen = scopes.iter().find(|c| c.value == self.scope).cloned();
        let export_card = card(
            "Export appointments",
            column![
                text("For calendar clients (iCalendar), spreadsheets (CSV) or EMRs (FHIR R4). Files hold patient data and are readable by you only.").size(13),
                widget::field("Format", pick_list(Format::ALL, Some(self.format), Message::Format)),
                widget::field("Whose", pick_list(scopes, chosen, Message::Scope)),
                row![
                    widget::field("From (YYYY-MM-DD, empty: the first)", text_input("2026-12-01", &self.from).id("export-from").on_input(Message::From)),
                    widget::field("To (included, empty: the last)", text_input("2026-12-31", &self.to).id("export-to").on_input(Message::To)),
                ]
                .spacing(10),
                act("Export…", Message::Export),
            ]
            .spacing(10),
        );
        let import_card = card(
            "Import",
            column![
                text("Patients from CSV; appointments from our CSV or from iCalendar (.ics). All rows are imported, or none: every bad row is listed with its line.").size(13),
                widget::field("What", pick_list([ImportKind::Appointments, ImportKind::Patients], Some(self.import_kind), Message::ImportKind)),
                checkbox(self.dry_run)
                    .label("Dry run: check every row, write nothing")
                    .on_toggle(Message::DryRun)
                    .size(15)
                    .text_size(13),
                widget::field(
                    "Overbook reason (optional: accept double bookings, recorded in the history)",
                    text_input("e.g. merging the two calendars", &self.overbook).id("import-overbook").on_input(Message::Overbook),
                ),
                act(if self.dry_run { "Check a file…" } else { "Import…" }, Message::Import),
            ]
            .spacing(10),
        );
        let backups = match ctx.backend.backups_folder() {
            Some(folder) => format!(
                "Automatic backups: one a day at the first launch, and one before every upgrade, in {}.",
                folder.display()
            ),
            None => "Automatic backups are the database server's own.".to_owned(),
        };
        let backup_card = card(
            "Backup",
            column![
                text(backups).size(13),
                text("A backup is a complete copy taken safely while desks keep working.").size(13),
                act("Back up now…", Message::Backup),
            ]
            .spacing(10),
        );
        let restore_body: Element<'a, Message> = match &self.restore_candidate {
            None => column![
                text("Replace this clinic's database with a backup. The backup is checked first; the database it replaces is kept beside it.").size(13),
                act("Restore…", Message::Restore),
            ]
            .spacing(10)
            .into(),
            Some(path) => column![
                text(format!("Replace the database with {}?", path.display())).size(14),
                text("Everything since that backup is replaced; the current database is kept beside it as a .replaced file. Close other Frontdesk windows on this database first.").size(13),
                row![
                    button(text("Replace with this backup")).on_press_maybe(idle.then_some(Message::ConfirmRestore)).style(button::danger),
                    button(text("Cancel")).on_press(Message::CancelRestore).style(button::secondary),
                ]
                .spacing(8),
            ]
            .spacing(10)
            .into(),
        };
        let restore_card = card("Restore", restore_body);
        let encryption_card = card(
            "Encryption",
            self.encryption.view(ctx).map(Message::Encryption),
        );
        let mut page = column![
            row![export_card, import_card].spacing(14),
            row![backup_card, restore_card].spacing(14),
            encryption_card,
        ]
        .spacing(14)
        .padding(16);
        if let Some((title, p)) = &self.job {
            let percent = (p.fraction() * 100.0).round();
            page = page.push(
                column![
                    text(format!(
                        "{title}… {} {} of {} ({percent}%)",
                        p.phase, p.done, p.total
                    ))
                    .size(14),
                    progress_bar(0.0..=1.0, p.fraction()),
                ]
                .spacing(6),
            );
        }
        if let Some(o) = &self.outcome {
            let heading = text(format!("{}: {}", o.title, o.summary)).size(14);
            let heading: Element<'a, Message> = if o.ok {
                heading.into()
            } else {
                widget::error_text(&o.summary)
            };
            let lines =
                column(o.lines.iter().map(|l| text(l.as_str()).size(12.5).into())).spacing(2);
            page = page.push(
                container(
                    column![heading, scrollable(lines).height(Length::Fixed(180.0))].spacing(8),
                )
                .padding(10)
                .width(Length::Fill)
                .style(container::bordered_box),
            );
        }
        scrollable(page).height(Length::Fill).into()
    }
}

fn card<'a>(title: &'a str, body: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    container(column![widget::heading(title), body.into()].spacing(10))
        .padding(14)
        .width(Length::Fill)
        .style(container::bordered_box)
        .into()
}
