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
use crate::gui::widget::field;
use crate::gui::widget::{self, Choice};
use crate::scheduling::access::{Access, AccessEntry, AccessKind, ChainCheck};
use crate::scheduling::staff::StaffId;
use crate::scheduling::time::{echo, local_day};
use crate::store::AccessFilter;

/// How many entries the page shows at most (the CSV holds the same ones).
pub const SHOWN: usize = 500;

/// The staff filter's choice of no one in particular.
fn everyone() -> Choice<Option<StaffId>> {
    Choice::new(None, crate::t!("accesslog-everyone"))
}

/// The kind filter's choice of every kind.
fn everything() -> Choice<Option<AccessKind>> {
    Choice::new(None, crate::t!("accesslog-everything"))
}

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
            staff: Some(everyone()),
            kind: Some(everything()),
            ..State::default()
        };
        let task = state.read(ctx);
        (state, task)
    }

    /// The filter as chosen, or what is wrong with a date.
    fn filter(&self, ctx: &Context<'_>) -> Result<AccessFilter, UiError> {
        let zone = ctx.clinic.time_zone;
        let day = |text: &str, unreadable: fn(String) -> UiError| {
            let t = text.trim();
            if t.is_empty() {
                return Ok(None);
            }
            let date = NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| unreadable(echo(t)))?;
            Ok::<_, UiError>(Some(local_day(zone, date)))
        };
        let from = day(&self.from, |typed| {
            crate::t!("accesslog-first-not-a-date", typed = typed)
        })?
        .map(|d| d.start);
        // The last day counts whole, however long it is in the clinic's zone (23 or 25 hours
        // when the clocks change).
        let until = day(&self.until, |typed| {
            crate::t!("accesslog-last-not-a-date", typed = typed)
        })?
        .map(|d| d.end);
        if let (Some(f), Some(u)) = (from, until)
            && u <= f
        {
            return Err(crate::t!("accesslog-last-before-first"));
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
            Message::CsvPath(None) => self.notice = Some(crate::t!("accesslog-cancelled")),
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
                    Ok(crate::t!(
                        "accesslog-saved",
                        count = entries.len(),
                        file = path.display().to_string()
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
        let mut staff: Vec<Choice<Option<StaffId>>> = vec![everyone()];
        staff.extend(
            ctx.setup
                .staff
                .iter()
                .map(|m| Choice::new(Some(m.id), m.name.clone())),
        );
        let mut kinds: Vec<Choice<Option<AccessKind>>> = vec![everything()];
        kinds.extend(AccessKind::ALL.map(|k| Choice::new(Some(k), k.label())));
        // The choices as listed now (their words follow a change of the desk's language).
        let chosen_staff = self
            .staff
            .as_ref()
            .and_then(|c| staff.iter().find(|s| s.value == c.value))
            .cloned()
            .or_else(|| self.staff.clone());
        let chosen_kind = self
            .kind
            .as_ref()
            .and_then(|c| kinds.iter().find(|k| k.value == c.value))
            .cloned()
            .or_else(|| self.kind.clone());
        let filters = row![
            field(
                crate::t!("accesslog-who"),
                pick_list(staff, chosen_staff, Message::Staff).width(Length::Fill)
            ),
            field(
                crate::t!("accesslog-what"),
                pick_list(kinds, chosen_kind, Message::Kind).width(Length::Fill)
            ),
            field(
                crate::t!("accesslog-from"),
                text_input(&crate::t!("accesslog-first-day"), &self.from)
                    .id("access-from")
                    .on_input(Message::From)
                    .on_submit(Message::Show)
            ),
            field(
                crate::t!("accesslog-until"),
                text_input(&crate::t!("accesslog-last-day"), &self.until)
                    .id("access-until")
                    .on_input(Message::Until)
                    .on_submit(Message::Show)
            ),
            column![
                text(" ").size(12.5),
                row![
                    button(text(crate::t!("accesslog-show"))).on_press(Message::Show),
                    button(text(crate::t!("accesslog-save-csv")))
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
            Some(ChainCheck::Whole) => text(crate::t!("accesslog-chain-whole")).size(13).into(),
            Some(broken) => text(crate::t!("accesslog-tampered", what = chain_words(broken)))
                .size(13)
                .color(iced::Color::from_rgb8(0xdc, 0x26, 0x26))
                .into(),
        };
        let zone = ctx.clinic.time_zone;
        let cell = |t: String, w: f32| text(t).size(12.5).width(Length::Fixed(w));
        let header = row![
            cell(crate::t!("accesslog-col-when"), 150.0),
            cell(crate::t!("accesslog-col-desk"), 120.0),
            cell(crate::t!("accesslog-who"), 150.0),
            cell(crate::t!("accesslog-what"), 190.0),
            text(crate::t!("accesslog-col-of"))
                .size(12.5)
                .width(Length::Fill),
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
            crate::t!("accesslog-reading")
        } else if self.entries.len() >= SHOWN {
            crate::t!("accesslog-newest", count = SHOWN)
        } else {
            crate::t!("accesslog-count", count = self.entries.len())
        };
        let mut page = column![
            widget::heading(crate::t!("accesslog-title")),
            filters,
            chain
        ]
        .spacing(10);
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
        ChainCheck::Whole => crate::t!("accesslog-chain-nothing"),
        ChainCheck::BrokenAt(seq) => crate::t!("accesslog-broken-at", entry = seq.to_string()),
        ChainCheck::CutShort { found, expected } => {
            crate::t!("accesslog-cut-short", found = *found, expected = *expected)
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
