//! The access log page (administrators): who opened, searched, printed, exported, imported,
//! backed up, restored, signed in or failed to, and changed staff or permissions, at which
//! desk and when, newest first; filtered by staff member, kind and dates; whether the chain
//! of entries is whole; saved as CSV. Reading the log is itself logged (by the store's guard),
//! and so is saving it.

use std::path::PathBuf;

use chrono::NaiveDate;
use iced::widget::{button, column, container, row, rule, scrollable, text, text_input};
use iced::{Element, Length, Task};

use super::Context;
use crate::gui::backend::UiError;
use crate::gui::choice_keys::pick_list;
use crate::gui::file_chooser;
use crate::gui::widget::{self, Choice};
use crate::scheduling::Interval;
use crate::scheduling::access::{Access, AccessEntry, AccessKind, ChainCheck};
use crate::scheduling::staff::StaffId;
use crate::scheduling::time::{echo, local_day};
use crate::store::AccessFilter;

/// How many entries the page shows at most (the CSV holds the same ones).
pub const SHOWN: usize = 500;

/// The staff filter's choice of no one in particular.
const EVERYONE: &str = "Everyone";

/// The kind filter's choice of every kind.
const EVERYTHING: &str = "Everything";

/// The page.
#[derive(Debug, Clone, Default)]
pub struct State {
    staff: Option<Choice<Option<StaffId>>>,
    kind: Option<Choice<Option<AccessKind>>>,
    from: String,
    until: String,
    entries: Vec<AccessEntry>,
    chain: Option<ChainCheck>,
    loading: bool,
    /// The newest read asked for (older answers are dropped).
    asked: u64,
    notice: Option<String>,
    error: Option<UiError>,
}

/// What happens on the page.
#[derive(Debug, Clone)]
pub enum Message {
    /// A staff member (or everyone) was chosen.
    Staff(Choice<Option<StaffId>>),
    /// A kind of entry (or every kind) was chosen.
    Kind(Choice<Option<AccessKind>>),
    /// The first day typed (YYYY-MM-DD).
    From(String),
    /// The last day typed (YYYY-MM-DD).
    Until(String),
    /// "Show", or Enter in a date.
    Show,
    /// The entries and the chain's state arrived (for the read numbered so).
    Loaded(u64, Result<(Vec<AccessEntry>, ChainCheck), UiError>),
    /// "Save as CSV…".
    SaveCsv,
    /// Where to save it (`None`: the dialog was cancelled).
    CsvPath(Option<PathBuf>),
    /// The CSV was saved (what was saved), or not.
    Saved(Result<String, UiError>),
}

impl State {
    /// The page, reading the newest entries at once.
    pub fn new(ctx: &Context<'_>) -> (State, Task<Message>) {
        let mut state = State {
            staff: Some(Choice::new(None, EVERYONE)),
            kind: Some(Choice::new(None, EVERYTHING)),
            ..State::default()
        };
        let task = state.read(ctx);
        (state, task)
    }

    /// The filter as chosen, or what is wrong with a date.
    fn filter(&self, ctx: &Context<'_>) -> Result<AccessFilter, UiError> {
        let zone = ctx.clinic.time_zone;
        let day = |text: &str, what: &str| -> Result<Option<Interval>, UiError> {
            let t = text.trim();
            if t.is_empty() {
                return Ok(None);
            }
            let date = NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| {
                format!(
                    "the {what} day “{}” is not a date: type it as YYYY-MM-DD, e.g. 2026-12-01",
                    echo(t)
                )
            })?;
            Ok(Some(local_day(zone, date)))
        };
        let from = day(&self.from, "first")?.map(|d| d.start);
        // The last day counts whole, however long it is in the clinic's zone (23 or 25 hours
        // when the clocks change).
        let until = day(&self.until, "last")?.map(|d| d.end);
        if let (Some(f), Some(u)) = (from, until)
            && u <= f
        {
            return Err("the last day is before the first: swap them".into());
        }
        Ok(AccessFilter {
            from,
            until,
            staff: self.staff.as_ref().and_then(|c| c.value),
            kind: self.kind.as_ref().and_then(|c| c.value),
            limit: SHOWN,
        })
    }

    fn read(&mut self, ctx: &Context<'_>) -> Task<Message> {
        let filter = match self.filter(ctx) {
            Ok(filter) => filter,
            Err(e) => {
                self.error = Some(e);
                return Task::none();
            }
        };
        self.error = None;
        self.loading = true;
        self.asked = self.asked.wrapping_add(1);
        let asked = self.asked;
        let work = ctx
            .backend
            .run(move |s| Ok((s.access_log(&filter)?, s.check_access_log()?)));
        Task::perform(work, move |r| Message::Loaded(asked, r))
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, ctx: &Context<'_>) -> Task<Message> {
        match message {
            Message::Staff(c) => {
                self.staff = Some(c);
                return self.read(ctx);
            }
            Message::Kind(c) => {
                self.kind = Some(c);
                return self.read(ctx);
            }
            Message::From(t) => self.from = t,
            Message::Until(t) => self.until = t,
            Message::Show => return self.read(ctx),
            Message::Loaded(asked, _) if asked != self.asked => {}
            Message::Loaded(_, result) => {
                self.loading = false;
                match result {
                    Ok((entries, chain)) => {
                        self.entries = entries;
                        self.chain = Some(chain);
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            Message::SaveCsv => {
                let name = format!("access-log-{}.csv", ctx.now.format("%Y-%m-%d"));
                if !file_chooser::available() {
                    let path = file_chooser::save_path(ctx.backend.files_folder(), &name);
                    return self.update(Message::CsvPath(Some(path)), ctx);
                }
                return Task::perform(
                    async move {
                        rfd::AsyncFileDialog::new()
                            .set_file_name(name)
                            .add_filter("CSV", &["csv"])
                            .save_file()
                            .await
                            .map(|h| h.path().to_path_buf())
                    },
                    Message::CsvPath,
                );
            }
            Message::CsvPath(None) => {
                self.notice = Some("Not saved: the dialog was cancelled.".into())
            }
            Message::CsvPath(Some(path)) => {
                let entries = self.entries.clone();
                let (desk, now) = (crate::signin::this_desk(), ctx.now);
                let work = ctx.backend.run(move |s| {
                    let bytes = csv(&entries);
                    crate::reports::save_private(&path, &bytes)
                        .map_err(|e| crate::store::StoreError::Invalid(e.to_string()))?;
                    let file = path
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    // Logged as an export (the guard puts the signed-in name and its own time).
                    s.log_access(&Access {
                        at: now,
                        desk,
                        staff: None,
                        name: String::new(),
                        kind: AccessKind::Exported,
                        subject: file,
                        detail: format!("access log, {} entries", entries.len()),
                    })?;
                    Ok(format!(
                        "Saved {} entries of the access log to {}.",
                        entries.len(),
                        path.display()
                    ))
                });
                return Task::perform(work, Message::Saved);
            }
            Message::Saved(result) => match result {
                Ok(said) => {
                    self.notice = Some(said);
                    self.error = None;
                }
                Err(e) => self.error = Some(e),
            },
        }
        Task::none()
    }

    /// The page.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let mut staff: Vec<Choice<Option<StaffId>>> = vec![Choice::new(None, EVERYONE)];
        staff.extend(
            ctx.setup
                .staff
                .iter()
                .map(|m| Choice::new(Some(m.id), m.name.clone())),
        );
        let mut kinds: Vec<Choice<Option<AccessKind>>> = vec![Choice::new(None, EVERYTHING)];
        kinds.extend(AccessKind::ALL.map(|k| Choice::new(Some(k), k.label())));
        let filters = row![
            widget::field(
                "Who",
                pick_list(staff, self.staff.clone(), Message::Staff).width(Length::Fill)
            ),
            widget::field(
                "What",
                pick_list(kinds, self.kind.clone(), Message::Kind).width(Length::Fill)
            ),
            widget::field(
                "From (YYYY-MM-DD)",
                text_input("first day", &self.from)
                    .id("access-from")
                    .on_input(Message::From)
                    .on_submit(Message::Show)
            ),
            widget::field(
                "Until (YYYY-MM-DD)",
                text_input("last day", &self.until)
                    .id("access-until")
                    .on_input(Message::Until)
                    .on_submit(Message::Show)
            ),
            column![
                text(" ").size(12.5),
                row![
                    button(text("Show")).on_press(Message::Show),
                    button(text("Save as CSV…"))
                        .on_press_maybe((!self.entries.is_empty()).then_some(Message::SaveCsv))
                        .style(button::secondary),
                ]
                .spacing(6)
            ]
            .spacing(3),
        ]
        .spacing(10);
        let chain: Element<'a, Message> = match &self.chain {
            None => text("").into(),
            Some(ChainCheck::Whole) => text("The log's chain is whole: no entry was edited or deleted.").size(13).into(),
            Some(broken) => text(format!(
                "The log was tampered with: {}. Keep this database for investigation and restore a backup for work.",
                chain_words(broken)
            ))
            .size(13)
            .color(iced::Color::from_rgb8(0xdc, 0x26, 0x26))
            .into(),
        };
        let zone = ctx.clinic.time_zone;
        let cell = |t: String, w: f32| text(t).size(12.5).width(Length::Fixed(w));
        let header = row![
            cell("When".into(), 150.0),
            cell("Desk".into(), 120.0),
            cell("Who".into(), 150.0),
            cell("What".into(), 190.0),
            text("Of").size(12.5).width(Length::Fill),
        ]
        .spacing(8);
        let rows = self.entries.iter().map(|e| {
            let a = &e.access;
            // A staff member's id (a password set, a role changed) is shown as their name.
            let subject = ctx
                .setup
                .staff
                .iter()
                .find(|m| m.id.to_string() == a.subject)
                .map_or_else(|| a.subject.clone(), |m| m.name.clone());
            let of = match (subject.is_empty(), a.detail.is_empty()) {
                (false, false) => format!("{subject} · {}", a.detail),
                (false, true) => subject,
                (true, _) => a.detail.clone(),
            };
            row![
                cell(
                    a.at.with_timezone(&zone)
                        .format("%Y-%m-%d %H:%M:%S")
                        .to_string(),
                    150.0
                ),
                cell(shown(&a.desk), 120.0),
                cell(shown(&a.name), 150.0),
                cell(a.kind.label().to_owned(), 190.0),
                text(shown(&of)).size(12.5).width(Length::Fill),
            ]
            .spacing(8)
            .into()
        });
        let count = if self.loading {
            "Reading…".to_owned()
        } else if self.entries.len() >= SHOWN {
            format!("The newest {SHOWN} entries: narrow the filter to see older ones.")
        } else {
            format!("{} entries.", self.entries.len())
        };
        let mut page = column![widget::heading("Access log"), filters, chain].spacing(10);
        if let Some(e) = &self.error {
            page = page.push(widget::error_text(e));
        } else if let Some(n) = &self.notice {
            page = page.push(text(n).size(13));
        }
        page = page
            .push(text(count).size(12.5))
            .push(header)
            .push(rule::horizontal(1))
            .push(scrollable(column(rows).spacing(4)).height(Length::Fill));
        container(page).padding([10, 16]).into()
    }
}

/// A value as the page shows it: control characters as visible escapes.
fn shown(text: &str) -> String {
    crate::scheduling::entry::shown(text).into_owned()
}

/// What is wrong with the chain, in words.
fn chain_words(check: &ChainCheck) -> String {
    match check {
        ChainCheck::Whole => "nothing".into(),
        ChainCheck::BrokenAt(seq) => {
            format!("entry {seq} was edited, or the one before it deleted")
        }
        ChainCheck::CutShort { found, expected } => {
            format!("its last entries were deleted ({found} found, {expected} written)")
        }
    }
}

/// The entries as RFC 4180 CSV with a header (cells a spreadsheet would run as formulas are
/// neutralised by the CSV writer).
pub fn csv(entries: &[AccessEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let _ = crate::export::csv::write_record(&mut out, crate::scheduling::access::CELL_NAMES);
    for e in entries {
        let _ = crate::export::csv::write_record(&mut out, e.cells());
    }
    out
}
