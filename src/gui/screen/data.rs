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
use crate::gui::widget::field;
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
        f.write_str(&match self {
            ImportKind::Patients => crate::t!("data-kind-patients"),
            ImportKind::Appointments => crate::t!("data-kind-appointments"),
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
    /// Appointments or patients were written (an import, not a dry run): the calendar reads
    /// again.
    pub changed: bool,
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
    title: String,
    name: String,
    filter: (String, &'static str),
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
    title: String,
    filters: Vec<(String, &'static [&'static str])>,
) -> Task<Option<PathBuf>> {
    Task::perform(
        async move {
            let mut dialog = rfd::AsyncFileDialog::new().set_title(title);
            for (name, extensions) in filters {
                dialog = dialog.add_filter(name, extensions);
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
            outcome.lines.push(crate::t!("data-saved-without-chooser"));
            Message::Finished(Ok(outcome))
        }
        other => other,
    })
}

fn cancelled(what: String) -> Outcome {
    Outcome {
        title: what,
        summary: crate::t!("data-cancelled"),
        lines: Vec::new(),
        ok: false,
        changed: false,
    }
}

/// A phase of long work (as `export::Progress` names it) in the desk's language.
fn phase_words(phase: &str) -> String {
    match phase {
        "starting" => crate::t!("data-phase-starting"),
        "writing" => crate::t!("data-phase-writing"),
        "checking" => crate::t!("data-phase-checking"),
        "waiting" => crate::t!("data-phase-waiting"),
        "replacing" => crate::t!("data-phase-replacing"),
        "copying" => crate::t!("data-phase-copying"),
        "saving" => crate::t!("data-phase-saving"),
        other => other.to_owned(),
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
        let mut out = vec![Choice::new(Scope::All, crate::t!("data-all-scopes"))];
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
        let date = |label: String, text: &str| match text.trim() {
            "" => Ok(None),
            t => crate::gui::fields::date(&label, t, || {
                crate::t!("data-not-a-date", typed = echo(t), field = &label)
            })
            .map(Some),
        };
        let from = date(crate::t!("data-from"), &self.from)?;
        let to = date(crate::t!("data-to"), &self.to)?;
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(crate::t!(
                "data-from-after-to",
                from = f.to_string(),
                to = t.to_string()
            ));
        }
        Ok(ExportQuery {
            clinic: ctx.clinic.id,
            from,
            to,
            scope: self.scope,
        })
    }

    fn start(&mut self, title: String) {
        self.job = Some((
            title,
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
        self.start(crate::t!("data-exporting"));
        run_job(ctx.backend.with_progress(move |store, progress| {
            let set = store.export_set(&query).map_err(|e| e.to_string())?;
            let summary = export::write_file(&path, format, &set, now, progress)
                .map_err(|e| e.to_string())?;
            Ok(Outcome {
                title: crate::t!("data-title-export"),
                summary: format!("{summary}."),
                lines: Vec::new(),
                ok: true,
                changed: false,
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
            crate::t!("data-checking")
        } else {
            crate::t!("data-importing")
        });
        run_job(ctx.backend.with_progress(move |store, progress| {
            let bytes = std::fs::read(&path).map_err(|e| {
                let file = path.display().to_string();
                crate::t!("data-cannot-read", file = file, reason = e.to_string())
            })?;
            let shown = |e: import::ImportError| format!("{}: {e}", file_name(&path));
            let text = import::decode(&bytes).map_err(shown)?;
            let text: &str = &text;
            let (report, what) = match kind {
                ImportKind::Patients => {
                    if import::detect(text) == FileKind::Ics {
                        return Err(crate::t!("data-patients-from-csv"));
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
            lines.extend(
                report
                    .notices
                    .iter()
                    .map(|n| crate::t!("data-note", note = n.to_string())),
            );
            let ok = report.bad.is_empty();
            Ok(Outcome {
                title: if report.dry_run {
                    crate::t!("data-title-dry-run")
                } else {
                    crate::t!("data-title-import")
                },
                summary: report.summary(what),
                lines,
                ok,
                changed: ok && !report.dry_run,
            })
        }))
    }

    fn backup(&mut self, path: PathBuf, ctx: &Context<'_>) -> Task<Message> {
        self.start(crate::t!("data-backing-up"));
        run_job(ctx.backend.with_progress(move |store, progress| {
            let report = store
                .backup_to(&path, progress)
                .map_err(|e| e.to_string())?;
            Ok(Outcome {
                title: crate::t!("data-title-backup"),
                summary: crate::t!(
                    "data-backed-up",
                    file = report.path.display().to_string(),
                    kb = (report.bytes / 1024).to_string()
                ),
                lines: Vec::new(),
                ok: true,
                changed: false,
            })
        }))
    }

    fn restore(&mut self, candidate: PathBuf, ctx: &Context<'_>) -> Task<Message> {
        self.start(crate::t!("data-restoring"));
        let now = ctx.now;
        let stream = ctx.backend.with_progress(move |store, progress| {
            let report = store
                .restore_from(&candidate, now, progress)
                .map_err(|e| e.to_string())?;
            let file = candidate.display().to_string();
            Ok(match report.kept {
                Some(k) => crate::t!(
                    "data-restored-kept",
                    file = file,
                    kept = k.display().to_string()
                ),
                None => crate::t!("data-restored", file = file),
            })
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
                    Format::Ics => ("iCalendar".to_owned(), "ics"),
                    Format::Csv => ("CSV".to_owned(), "csv"),
                    Format::Fhir => ("FHIR JSON".to_owned(), "json"),
                };
                if file_chooser::available() {
                    save_dialog(crate::t!("data-export-title"), name, filter).map(Message::ExportTo)
                } else {
                    let path = file_chooser::save_path(ctx.backend.files_folder(), &name);
                    saved_without_chooser(self.export(path, ctx))
                }
            }
            Message::ExportTo(Some(path)) if !busy => self.export(path, ctx),
            Message::ExportTo(None) => {
                self.outcome = Some(cancelled(crate::t!("data-title-export")));
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
                    crate::t!("data-title-import")
                } else {
                    crate::t!("data-title-restore")
                };
                self.outcome = Some(Outcome {
                    title,
                    summary: file_chooser::none_to_open(),
                    lines: Vec::new(),
                    ok: false,
                    changed: false,
                });
                Task::none()
            }
            Message::Import if !busy => open_dialog(
                crate::t!("data-title-import"),
                vec![
                    (
                        crate::t!("data-csv-or-icalendar"),
                        &["csv", "ics", "ical", "txt"],
                    ),
                    (crate::t!("data-any-file"), &["*"]),
                ],
            )
            .map(Message::ImportFrom),
            Message::ImportFrom(Some(path)) if !busy => self.import(path, ctx),
            Message::ImportFrom(None) => {
                self.outcome = Some(cancelled(crate::t!("data-title-import")));
                Task::none()
            }
            Message::Backup if !busy => {
                let name = format!("frontdesk-backup-{today}.sqlite3");
                if file_chooser::available() {
                    save_dialog(
                        crate::t!("data-backup-dialog"),
                        name,
                        (crate::t!("data-sqlite-database"), "sqlite3"),
                    )
                    .map(Message::BackupTo)
                } else {
                    let path = file_chooser::save_path(ctx.backend.files_folder(), &name);
                    saved_without_chooser(self.backup(path, ctx))
                }
            }
            Message::BackupTo(Some(path)) if !busy => self.backup(path, ctx),
            Message::BackupTo(None) => {
                self.outcome = Some(cancelled(crate::t!("data-title-backup")));
                Task::none()
            }
            Message::Restore if !busy => open_dialog(
                crate::t!("data-restore-dialog"),
                vec![
                    (
                        crate::t!("data-sqlite-database"),
                        &["sqlite3", "sqlite", "db"],
                    ),
                    (crate::t!("data-any-file"), &["*"]),
                ],
            )
            .map(Message::RestoreChosen),
            Message::RestoreChosen(Some(path)) => {
                self.restore_candidate = Some(path);
                self.outcome = None;
                Task::none()
            }
            Message::RestoreChosen(None) => {
                self.outcome = Some(cancelled(crate::t!("data-title-restore")));
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
                let changed = matches!(&result, Ok(o) if o.changed);
                self.outcome = Some(result.unwrap_or_else(|e| Outcome {
                    title: crate::t!("data-title-not-done"),
                    summary: e,
                    lines: Vec::new(),
                    ok: false,
                    changed: false,
                }));
                return (Task::none(), changed.then_some(Event::Changed));
            }
            Message::Restored(result) => {
                self.job = None;
                return match result {
                    Ok(notice) => (Task::none(), Some(Event::Restored(notice))),
                    Err(e) => {
                        self.outcome = Some(Outcome {
                            title: crate::t!("data-title-restore-refused"),
                            summary: e,
                            lines: Vec::new(),
                            ok: false,
                            changed: false,
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
        let act = |label: String, message: Message| {
            button(text(label))
                .on_press_maybe(idle.then_some(message))
                .style(button::primary)
        };
        let scopes = Self::scopes(ctx);
        let chosen = scopes.iter().find(|c| c.value == self.scope).cloned();
        let export_card = card(
            crate::t!("data-export-title"),
            column![
                text(crate::t!("data-export-about")).size(13),
                field(
                    crate::t!("data-format"),
                    pick_list(Format::ALL, Some(self.format), Message::Format)
                ),
                field(
                    crate::t!("data-whose"),
                    pick_list(scopes, chosen, Message::Scope)
                ),
                row![
                    field(
                        crate::t!("data-from-label"),
                        text_input("2026-12-01", &self.from)
                            .id("export-from")
                            .on_input(Message::From)
                    ),
                    field(
                        crate::t!("data-to-label"),
                        text_input("2026-12-31", &self.to)
                            .id("export-to")
                            .on_input(Message::To)
                    ),
                ]
                .spacing(10),
                act(crate::t!("data-export"), Message::Export),
            ]
            .spacing(10),
        );
        let import_card = card(
            crate::t!("data-title-import"),
            column![
                text(crate::t!("data-import-about")).size(13),
                field(
                    crate::t!("data-what"),
                    pick_list(
                        [ImportKind::Appointments, ImportKind::Patients],
                        Some(self.import_kind),
                        Message::ImportKind
                    )
                ),
                checkbox(self.dry_run)
                    .label(crate::t!("data-dry-run"))
                    .on_toggle(Message::DryRun)
                    .size(15)
                    .text_size(13),
                field(
                    crate::t!("data-overbook"),
                    text_input(&crate::t!("data-overbook-hint"), &self.overbook)
                        .id("import-overbook")
                        .on_input(Message::Overbook),
                ),
                act(
                    if self.dry_run {
                        crate::t!("data-check-file")
                    } else {
                        crate::t!("data-import")
                    },
                    Message::Import
                ),
            ]
            .spacing(10),
        );
        let backups = match ctx.backend.backups_folder() {
            Some(folder) => crate::t!(
                "data-automatic-backups",
                folder = folder.display().to_string()
            ),
            None => crate::t!("data-automatic-backups-server"),
        };
        let backup_card = card(
            crate::t!("data-title-backup"),
            column![
                text(backups).size(13),
                text(crate::t!("data-backup-about")).size(13),
                act(crate::t!("data-back-up-now"), Message::Backup),
            ]
            .spacing(10),
        );
        let restore_body: Element<'a, Message> = match &self.restore_candidate {
            None => column![
                text(crate::t!("data-restore-about")).size(13),
                act(crate::t!("data-restore"), Message::Restore),
            ]
            .spacing(10)
            .into(),
            Some(path) => column![
                text(crate::t!(
                    "data-replace-with",
                    file = path.display().to_string()
                ))
                .size(14),
                text(crate::t!("data-replace-about")).size(13),
                row![
                    button(text(crate::t!("data-replace")))
                        .on_press_maybe(idle.then_some(Message::ConfirmRestore))
                        .style(button::danger),
                    button(text(crate::t!("data-cancel")))
                        .on_press(Message::CancelRestore)
                        .style(button::secondary),
                ]
                .spacing(8),
            ]
            .spacing(10)
            .into(),
        };
        let restore_card = card(crate::t!("data-title-restore"), restore_body);
        let encryption_card = card(
            crate::t!("data-title-encryption"),
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
            // A whole percentage (0 to 100: the cast keeps it).
            let percent = (p.fraction() * 100.0).round() as u32;
            page = page.push(
                column![
                    text(crate::t!(
                        "data-progress",
                        title = title,
                        phase = phase_words(p.phase),
                        done = p.done,
                        total = p.total,
                        percent = percent
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

fn card<'a>(title: String, body: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    container(column![widget::heading(title), body.into()].spacing(10))
        .padding(14)
        .width(Length::Fill)
        .style(container::bordered_box)
        .into()
}
