//! Reminders → Rules and templates: the clinic's rules (when, which visit type, which channel,
//! on or off) and each rule's message in each language, with a live preview filled in for a
//! sample visit in the language being written; and the clinic's language, which a reminder
//! falls back to when the patient has none of their own or the rule is not written in theirs.

use crate::gui::choice_keys::pick_list;
use crate::gui::widget::field;
use chrono::{Duration, NaiveTime};
use iced::widget::{
    button, checkbox, column, container, row, rule, scrollable, text, text_editor, text_input,
};
use iced::{Element, Length, Task};

use super::Context;
use crate::gui::backend::UiError;
use crate::gui::widget::{self, Choice};
use crate::i18n::Language;
use crate::scheduling::reminder::{Channel, Lead, ReminderRule, RuleId, Template};
use crate::scheduling::template::{self, MessageFacts, PLACEHOLDERS};
use crate::scheduling::templates::{Templates, default_templates};
use crate::scheduling::time::echo;
use crate::scheduling::time::{format_local, lenient_instant, local_date};
use crate::scheduling::{ClinicId, Mode, VisitTypeId};

/// When a rule fires, as the form offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeadKind {
    /// Hours or minutes before.
    Before,
    /// The day (or days) before at a time.
    DaysBeforeAt,
}

/// A rule being edited, as typed.
#[derive(Debug)]
pub struct Draft {
    id: RuleId,
    name: String,
    kind: LeadKind,
    amount: String,
    days: String,
    at: String,
    visit_type: Option<VisitTypeId>,
    clinic: Option<ClinicId>,
    channel: Channel,
    /// The text in each language, in the order of [`Language::ALL`] (blank: none).
    texts: Vec<LanguageText>,
    /// The language whose text the subject and message fields show.
    writing: Language,
    active: bool,
}

/// A rule's text in one language, as typed.
#[derive(Debug)]
struct LanguageText {
    language: Language,
    subject: String,
    body: text_editor::Content,
}

impl LanguageText {
    fn template(&self) -> Template {
        Template {
            subject: self.subject.clone(),
            body: self.body.text().trim_end().to_owned(),
        }
    }

    fn is_blank(&self) -> bool {
        self.subject.trim().is_empty() && self.body.text().trim().is_empty()
    }
}

/// The section's state.
#[derive(Debug, Default)]
pub struct State {
    rules: Vec<ReminderRule>,
    /// The clinic's language, once read.
    clinic_language: Option<Language>,
    draft: Option<Draft>,
    preview_mode: Option<Mode>,
    busy: bool,
    error: Option<UiError>,
    notice: Option<String>,
}

/// What happens in the section.
#[derive(Debug, Clone)]
pub enum Message {
    /// The rules arrived.
    Loaded(Result<Vec<ReminderRule>, UiError>),
    /// The clinic's language arrived, or was stored (as it is now), or either failed.
    ClinicLanguageIs(Result<Language, UiError>),
    /// A clinic's language was chosen.
    ClinicLanguage(Choice<Language>),
    /// "Edit" on a rule.
    Edit(RuleId),
    /// "New rule" for a channel.
    New(Channel),
    /// The rule's name changed.
    Name(String),
    /// Before / the day before at.
    Kind(Choice<LeadKind>),
    /// "24 h", "90 min" changed.
    Amount(String),
    /// Days before changed.
    Days(String),
    /// The time of day changed.
    At(String),
    /// The visit type was chosen (or every type).
    VisitType(Choice<Option<VisitTypeId>>),
    /// The clinic was chosen (or every clinic).
    Clinic(Choice<Option<ClinicId>>),
    /// The channel was chosen.
    Channel(Choice<Channel>),
    /// A language was chosen in "Text in": write the text in it.
    Writing(Choice<Language>),
    /// The subject (of the text in the language being written) changed.
    Subject(String),
    /// The body (of the text in the language being written) was edited.
    Body(text_editor::Action),
    /// On or off.
    Active(bool),
    /// The preview's kind of visit was chosen.
    PreviewMode(Choice<Mode>),
    /// "Save rule".
    Save,
    /// "Cancel" the edit.
    Cancel,
    /// The rule was stored, or refused.
    Saved(Result<(), UiError>),
}

/// Asks for the rules and the clinic's language.
pub fn load(ctx: &Context<'_>) -> Task<Message> {
    Task::batch([
        Task::perform(ctx.backend.run(|s| s.reminder_rules()), Message::Loaded),
        Task::perform(
            ctx.backend.run(|s| s.clinic_language()),
            Message::ClinicLanguageIs,
        ),
    ])
}

/// Parses "24 h", "24", "2h", "90 min", "1 h 30 min" into minutes.
pub fn parse_amount(text: &str) -> Result<u32, String> {
    let cleaned = text.trim().to_lowercase();
    let wrong = || crate::t!("reminders-not-a-lead-time", typed = echo(text.trim()));
    if let Ok(hours) = cleaned.parse::<u32>() {
        return hours.checked_mul(60).ok_or_else(wrong);
    }
    let mut total: u32 = 0;
    let mut rest = cleaned.as_str();
    let mut any = false;
    while !rest.trim().is_empty() {
        let trimmed = rest.trim_start();
        let digits: String = trimmed.chars().take_while(char::is_ascii_digit).collect();
        let n: u32 = digits.parse().map_err(|_| wrong())?;
        let after = trimmed[digits.len()..].trim_start();
        let (unit, tail) = if let Some(t) = after.strip_prefix("min") {
            (1, t.trim_start_matches(['s', 'u', 't', 'e']))
        } else if let Some(t) = after.strip_prefix('m') {
            (1, t)
        } else if let Some(t) = after.strip_prefix("hours") {
            (60, t)
        } else if let Some(t) = after.strip_prefix("hour") {
            (60, t)
        } else if let Some(t) = after.strip_prefix('h') {
            (60, t)
        } else {
            return Err(wrong());
        };
        total = n
            .checked_mul(unit)
            .and_then(|m| total.checked_add(m))
            .ok_or_else(wrong)?;
        rest = tail;
        any = true;
    }
    if any { Ok(total) } else { Err(wrong()) }
}

fn amount_text(minutes: u32) -> String {
    if minutes.is_multiple_of(60) {
        format!("{} h", minutes / 60)
    } else if minutes > 60 {
        format!("{} h {} min", minutes / 60, minutes % 60)
    } else {
        format!("{minutes} min")
    }
}

impl Draft {
    fn of(rule: &ReminderRule) -> Self {
        let (kind, amount, days, at) = match rule.lead {
            Lead::Before { minutes } => (
                LeadKind::Before,
                amount_text(minutes),
                "1".to_owned(),
                "18:00".to_owned(),
            ),
            Lead::DaysBeforeAt { days, at } => (
                LeadKind::DaysBeforeAt,
                "24 h".to_owned(),
                days.to_string(),
                at.format("%H:%M").to_string(),
            ),
        };
        Draft {
            id: rule.id,
            name: rule.name.clone(),
            kind,
            amount,
            days,
            at,
            visit_type: rule.visit_type,
            clinic: rule.clinic,
            channel: rule.channel,
            texts: Language::ALL
                .into_iter()
                .map(|language| {
                    let text = rule.templates.get(language);
                    LanguageText {
                        language,
                        subject: text.map(|t| t.subject.clone()).unwrap_or_default(),
                        body: text_editor::Content::with_text(
                            text.map(|t| t.body.as_str()).unwrap_or_default(),
                        ),
                    }
                })
                .collect(),
            // The desk's own language first, when the rule is written in it.
            writing: Some(crate::i18n::current())
                .filter(|l| rule.templates.get(*l).is_some())
                .or_else(|| rule.templates.iter().map(|(l, _)| l).next())
                .unwrap_or_default(),
            active: rule.active,
        }
    }

    /// The text in the language being written.
    fn writing_mut(&mut self) -> Option<&mut LanguageText> {
        let writing = self.writing;
        self.texts.iter_mut().find(|t| t.language == writing)
    }

    /// The text in the language being written.
    fn writing(&self) -> Option<&LanguageText> {
        self.texts.iter().find(|t| t.language == self.writing)
    }

    /// The rule the form describes, or what is wrong with it.
    pub fn rule(&self) -> Result<ReminderRule, String> {
        let lead = match self.kind {
            LeadKind::Before => Lead::Before {
                minutes: parse_amount(&self.amount)?,
            },
            LeadKind::DaysBeforeAt => Lead::DaysBeforeAt {
                days: self
                    .days
                    .trim()
                    .parse()
                    .map_err(|_| crate::t!("reminders-not-days", typed = self.days.trim()))?,
                at: crate::gui::fields::clock(&crate::t!("reminders-the-time"), &self.at, || {
                    crate::t!("reminders-not-a-time", typed = echo(self.at.trim()))
                })?,
            },
        };
        let rule = ReminderRule {
            id: self.id,
            name: self.name.trim().to_owned(),
            lead,
            visit_type: self.visit_type,
            clinic: self.clinic,
            channel: self.channel,
            templates: {
                let mut templates = Templates::default();
                for text in &self.texts {
                    templates.set(text.language, text.template());
                }
                templates
            },
            active: self.active,
        };
        rule.validate().map_err(|e| e.to_string())?;
        rule.templates.check().map_err(|e| e.to_string())?;
        Ok(rule)
    }
}

/// Applies a change to the rule being edited, if one is.
fn edit(draft: Option<&mut Draft>, change: impl FnOnce(&mut Draft)) {
    if let Some(d) = draft {
        change(d);
    }
}

/// How the rule list names a rule's clinic.
fn clinic_name(ctx: &Context<'_>, id: Option<ClinicId>) -> String {
    match id {
        None => crate::t!("reminders-every-clinic-lower"),
        Some(c) => ctx
            .setup
            .clinics
            .iter()
            .find(|k| k.id == c)
            .map(|k| k.name.clone())
            .unwrap_or_else(|| crate::t!("reminders-removed-clinic")),
    }
}

/// What a placeholder stands for, in the desk's language (the core's English words for one
/// this page does not know).
fn placeholder_help(name: &str, english: &str) -> String {
    match name {
        "patient" => crate::t!("reminders-placeholder-patient"),
        "doctor" => crate::t!("reminders-placeholder-doctor"),
        "clinic" => crate::t!("reminders-placeholder-clinic"),
        "date" => crate::t!("reminders-placeholder-date"),
        "time" => crate::t!("reminders-placeholder-time"),
        "where" => crate::t!("reminders-placeholder-where"),
        "address" => crate::t!("reminders-placeholder-address"),
        "link" => crate::t!("reminders-placeholder-link"),
        _ => english.to_owned(),
    }
}

/// The clinic's language picker (empty until the language is read).
fn clinic_language<'a>(language: Option<Language>) -> Element<'a, Message> {
    let Some(language) = language else {
        return text("").into();
    };
    let choices: Vec<Choice<Language>> = Language::ALL
        .into_iter()
        .map(|l| Choice::new(l, l.native_name()))
        .collect();
    let chosen = choices.iter().find(|c| c.value == language).cloned();
    pick_list(choices, chosen, Message::ClinicLanguage)
        .id("clinic-language")
        .text_size(13)
        .into()
}

/// An error sentence the view owns.
fn error_line<'a>(message: String) -> Element<'a, Message> {
    text(message)
        .size(13)
        .color(iced::Color::from_rgb8(0xdc, 0x26, 0x26))
        .into()
}

/// A sample visit for the preview: tomorrow at 10:30 with the clinic's first doctor, for a
/// patient who reads `language`.
fn sample(ctx: &Context<'_>, mode: Mode, language: Language) -> MessageFacts {
    let zone = ctx.clinic.time_zone;
    let tomorrow = local_date(zone, ctx.now) + Duration::days(1);
    let start = lenient_instant(
        zone,
        tomorrow.and_time(NaiveTime::from_hms_opt(10, 30, 0).unwrap_or(NaiveTime::MIN)),
    );
    MessageFacts {
        patient: crate::t!("reminders-sample-patient"),
        doctor: ctx
            .setup
            .doctors
            .iter()
            .map(|(d, _)| d.name.clone())
            .next()
            .unwrap_or_else(|| crate::t!("reminders-sample-doctor")),
        clinic: ctx.clinic.name.clone(),
        address: ctx.clinic.address.clone(),
        zone,
        start,
        mode,
        meeting_link: if mode == Mode::Video {
            "https://meet.jit.si/frontdesk-3f2c9a71d5e84b06".into()
        } else {
            String::new()
        },
        code: "418207".to_owned(),
        language,
    }
}

impl State {
    /// Handles a message; returns the work to run.
    pub fn update(&mut self, message: Message, ctx: &Context<'_>) -> Task<Message> {
        let draft = self.draft.as_mut();
        match message {
            Message::Loaded(result) => {
                self.busy = false;
                match result {
                    Ok(rules) => self.rules = rules,
                    Err(e) => self.error = Some(e),
                }
            }
            Message::ClinicLanguageIs(result) => match result {
                Ok(language) => self.clinic_language = Some(language),
                Err(e) => self.error = Some(e),
            },
            Message::ClinicLanguage(choice) => {
                if self.clinic_language == Some(choice.value) {
                    return Task::none();
                }
                self.clinic_language = Some(choice.value);
                self.error = None;
                let (language, actor, now) = (choice.value, ctx.actor.to_owned(), ctx.now);
                let task = ctx.backend.run(move |s| {
                    s.set_clinic_language(language, &actor, now)?;
                    s.clinic_language()
                });
                return Task::perform(task, Message::ClinicLanguageIs);
            }
            Message::Edit(id) => {
                self.draft = self.rules.iter().find(|r| r.id == id).map(Draft::of);
                self.error = None;
                self.notice = None;
            }
            Message::New(channel) => {
                let rule = ReminderRule {
                    id: RuleId(uuid::Uuid::new_v4()),
                    name: crate::t!("reminders-new-rule-name", channel = channel.label()),
                    lead: Lead::DaysBeforeAt {
                        days: 1,
                        at: NaiveTime::from_hms_opt(18, 0, 0).unwrap_or(NaiveTime::MIN),
                    },
                    visit_type: None,
                    // A new rule is for the clinic the desk works for.
                    clinic: Some(ctx.clinic.id),
                    channel,
                    templates: default_templates(channel),
                    active: true,
                };
                self.draft = Some(Draft::of(&rule));
                self.error = None;
            }
            Message::Name(t) => edit(draft, |d| d.name = t),
            Message::Kind(c) => edit(draft, |d| d.kind = c.value),
            Message::Amount(t) => edit(draft, |d| d.amount = t),
            Message::Days(t) => edit(draft, |d| d.days = t),
            Message::At(t) => edit(draft, |d| d.at = t),
            Message::VisitType(c) => edit(draft, |d| d.visit_type = c.value),
            Message::Clinic(c) => edit(draft, |d| d.clinic = c.value),
            Message::Channel(c) => edit(draft, |d| d.channel = c.value),
            Message::Writing(choice) => edit(draft, |d| d.writing = choice.value),
            Message::Subject(t) => edit(draft, |d| {
                if let Some(w) = d.writing_mut() {
                    w.subject = t;
                }
            }),
            Message::Body(action) => edit(draft, |d| {
                if let Some(w) = d.writing_mut() {
                    w.body.perform(action);
                }
            }),
            Message::Active(on) => edit(draft, |d| d.active = on),
            Message::PreviewMode(c) => self.preview_mode = Some(c.value),
            Message::Cancel => {
                self.draft = None;
                self.error = None;
            }
            Message::Save => {
                let Some(d) = &self.draft else {
                    return Task::none();
                };
                match d.rule() {
                    Ok(rule) => {
                        self.busy = true;
                        self.error = None;
                        let (actor, now) = (ctx.actor.to_owned(), ctx.now);
                        let task = ctx
                            .backend
                            .run(move |s| s.save_reminder_rule(&rule, &actor, now));
                        return Task::perform(task, Message::Saved);
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            Message::Saved(result) => {
                self.busy = false;
                match result {
                    Ok(()) => {
                        self.notice = self
                            .draft
                            .take()
                            .map(|d| crate::t!("reminders-rule-saved", name = d.name.trim()));
                        return load(ctx);
                    }
                    Err(e) => self.error = Some(e),
                }
            }
        }
        Task::none()
    }

    fn visit_type_name(&self, ctx: &Context<'_>, id: Option<VisitTypeId>) -> String {
        match id {
            None => crate::t!("reminders-every-visit-type-lower"),
            Some(v) => ctx
                .setup
                .visit_types
                .iter()
                .find(|t| t.id == v)
                .map(|t| t.name.clone())
                .unwrap_or_else(|| crate::t!("reminders-removed-visit-type")),
        }
    }

    /// The section.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        let list = column(self.rules.iter().map(|r| {
            let editing = self.draft.as_ref().is_some_and(|d| d.id == r.id);
            row![
                text(if r.active { "●" } else { "○" }).size(14),
                column![
                    text(&r.name).size(14),
                    text(format!(
                        "{} · {} · {} · {}",
                        r.lead.label(),
                        r.channel.label(),
                        self.visit_type_name(ctx, r.visit_type),
                        clinic_name(ctx, r.clinic)
                    ))
                    .size(12)
                ]
                .width(Length::Fill),
                button(text(crate::t!("reminders-edit")).size(12))
                    .on_press_maybe((!editing).then_some(Message::Edit(r.id)))
                    .style(button::secondary),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center)
            .into()
        }))
        .spacing(8);
        let mut left = column![
            text(crate::t!("reminders-rules")).size(16),
            text(crate::t!("reminders-rules-about")).size(12),
            list,
            row![
                button(text(crate::t!("reminders-new-email-rule")).size(12))
                    .on_press(Message::New(Channel::Email))
                    .style(button::secondary),
                button(text(crate::t!("reminders-new-sms-rule")).size(12))
                    .on_press(Message::New(Channel::Webhook))
                    .style(button::secondary),
            ]
            .spacing(6),
            rule::horizontal(1),
            text(crate::t!("reminders-clinic-language")).size(14),
            text(crate::t!("reminders-clinic-language-about")).size(12),
            clinic_language(self.clinic_language),
            rule::horizontal(1),
            text(crate::t!("reminders-placeholders")).size(14),
        ]
        .spacing(10)
        .width(Length::Fixed(380.0));
        for (name, what) in PLACEHOLDERS {
            left = left.push(
                row![
                    text(format!("{{{name}}}"))
                        .size(12)
                        .width(Length::Fixed(80.0)),
                    text(placeholder_help(name, what)).size(12)
                ]
                .spacing(6),
            );
        }
        let right: Element<'a, Message> = match &self.draft {
            Some(d) => self.editor(d, ctx),
            None => column![text(crate::t!("reminders-choose-rule")).size(13)].into(),
        };
        let mut page =
            column![row![left, container(right).width(Length::Fill)].spacing(24)].spacing(10);
        if let Some(n) = &self.notice {
            page = page.push(text(n).size(13));
        }
        // Room on the right for the scroll bar, so no field runs under it.
        scrollable(page.padding(iced::Padding {
            top: 4.0,
            right: 18.0,
            bottom: 4.0,
            left: 4.0,
        }))
        .into()
    }

    fn editor<'a>(&'a self, d: &'a Draft, ctx: &Context<'a>) -> Element<'a, Message> {
        let kinds = vec![
            Choice::new(LeadKind::Before, crate::t!("reminders-kind-before")),
            Choice::new(
                LeadKind::DaysBeforeAt,
                crate::t!("reminders-kind-days-before"),
            ),
        ];
        let kind = kinds.iter().find(|c| c.value == d.kind).cloned();
        let timing: Element<'a, Message> = match d.kind {
            LeadKind::Before => row![
                text_input("24 h", &d.amount)
                    .id("rule-amount")
                    .on_input(Message::Amount)
                    .width(Length::Fixed(110.0)),
                text(crate::t!("reminders-before-the-start")).size(13),
            ]
            .spacing(6)
            .align_y(iced::Alignment::Center)
            .into(),
            LeadKind::DaysBeforeAt => row![
                text_input("1", &d.days)
                    .on_input(Message::Days)
                    .width(Length::Fixed(50.0)),
                text(crate::t!("reminders-days-before-at")).size(13),
                text_input("18:00", &d.at)
                    .id("rule-at")
                    .on_input(Message::At)
                    .width(Length::Fixed(70.0)),
                text(crate::t!("reminders-clinic-time")).size(13),
            ]
            .spacing(6)
            .align_y(iced::Alignment::Center)
            .into(),
        };
        let mut types = vec![Choice::new(None, crate::t!("reminders-every-visit-type"))];
        types.extend(
            ctx.setup
                .visit_types
                .iter()
                .map(|v| Choice::new(Some(v.id), v.name.clone())),
        );
        let chosen_type = types.iter().find(|c| c.value == d.visit_type).cloned();
        let mut clinics = vec![Choice::new(None, crate::t!("reminders-every-clinic"))];
        clinics.extend(
            ctx.setup
                .clinics
                .iter()
                .map(|c| Choice::new(Some(c.id), c.name.clone())),
        );
        let chosen_clinic = clinics.iter().find(|c| c.value == d.clinic).cloned();
        let channels: Vec<Choice<Channel>> = Channel::ALL
            .into_iter()
            .map(|c| Choice::new(c, c.label()))
            .collect();
        let channel = channels.iter().find(|c| c.value == d.channel).cloned();
        let modes = vec![
            Choice::new(Mode::InClinic, crate::t!("reminders-mode-in-clinic")),
            Choice::new(Mode::Video, crate::t!("reminders-mode-video")),
            Choice::new(Mode::Phone, crate::t!("reminders-mode-phone")),
        ];
        let preview_mode = self.preview_mode.unwrap_or(Mode::InClinic);
        let mode = modes.iter().find(|c| c.value == preview_mode).cloned();
        let writing = d.writing();
        let subject = writing.map_or("", |w| w.subject.as_str());
        let body: Element<'a, Message> = match writing {
            Some(w) => text_editor(&w.body)
                .on_action(Message::Body)
                .height(Length::Fixed(190.0))
                .size(13)
                .into(),
            None => text("").into(),
        };
        let form = column![
            field(
                crate::t!("reminders-name"),
                text_input(&crate::t!("reminders-name-example"), &d.name)
                    .id("rule-name")
                    .on_input(Message::Name)
            ),
            row![pick_list(kinds, kind, Message::Kind).text_size(13), timing,]
                .spacing(8)
                .align_y(iced::Alignment::Center),
            row![
                pick_list(clinics, chosen_clinic, Message::Clinic).text_size(13),
                pick_list(types, chosen_type, Message::VisitType).text_size(13),
                pick_list(channels, channel, Message::Channel).text_size(13),
                checkbox(d.active)
                    .label(crate::t!("reminders-on"))
                    .on_toggle(Message::Active)
                    .size(15)
                    .text_size(13),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
            languages(d),
            field(
                crate::t!("reminders-subject"),
                text_input(&crate::t!("reminders-subject-example"), subject)
                    .id("rule-subject")
                    .on_input(Message::Subject)
            ),
            field(crate::t!("reminders-message"), body),
            row![
                button(text(crate::t!("reminders-save-rule")))
                    .on_press_maybe((!self.busy).then_some(Message::Save))
                    .style(button::primary),
                button(text(crate::t!("reminders-cancel")))
                    .on_press(Message::Cancel)
                    .style(button::secondary),
            ]
            .spacing(6),
        ]
        .spacing(10);
        let mut panel = column![form].spacing(12);
        if let Some(e) = &self.error {
            panel = panel.push(widget::error_text(e));
        }
        panel = panel.push(rule::horizontal(1)).push(
            row![
                text(crate::t!("reminders-preview")).size(15),
                iced::widget::space::horizontal(),
                pick_list(modes, mode, Message::PreviewMode).text_size(12),
            ]
            .align_y(iced::Alignment::Center),
        );
        panel.push(preview(d, ctx, preview_mode)).into()
    }
}

/// "Text in": the language whose text is being written, chosen with the mouse or the keyboard
/// (each language marked ✓ when the rule is written in it); and what a patient gets while a
/// language has no text.
fn languages<'a>(d: &Draft) -> Element<'a, Message> {
    let choices: Vec<Choice<Language>> = d
        .texts
        .iter()
        .map(|t| {
            let name = t.language.native_name();
            Choice::new(
                t.language,
                if t.is_blank() {
                    name.to_owned()
                } else {
                    format!("{name} ✓")
                },
            )
        })
        .collect();
    let chosen = choices.iter().find(|c| c.value == d.writing).cloned();
    let mut part = column![
        row![
            text(crate::t!("reminders-text-in")).size(13),
            pick_list(choices, chosen, Message::Writing)
                .id("rule-language")
                .text_size(13),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center)
    ]
    .spacing(4);
    if d.writing().is_some_and(LanguageText::is_blank) {
        part = part.push(
            text(crate::t!(
                "reminders-text-missing",
                language = d.writing.native_name()
            ))
            .size(12),
        );
    }
    part.into()
}

fn preview<'a>(d: &Draft, ctx: &Context<'a>, mode: Mode) -> Element<'a, Message> {
    let facts = sample(ctx, mode, d.writing);
    let Some(writing) = d.writing().filter(|w| !w.is_blank()) else {
        return text("").into();
    };
    // What is wrong with the text being written first, in its own words; then whatever else
    // keeps the rule from being saved (its timing, its name, its text in another language).
    let (subject, body) = match template::render_template(&writing.template(), &facts) {
        Ok(filled) => filled,
        Err(e) => return error_line(e.to_string()),
    };
    let when = match d.rule() {
        Ok(rule) => crate::t!(
            "reminders-preview-when",
            sent = format_local(facts.zone, rule.lead.fire_at(facts.zone, facts.start)),
            start = format_local(facts.zone, facts.start)
        ),
        Err(e) => return error_line(e),
    };
    container(
        column![
            text(when).size(12),
            text(crate::t!("reminders-subject-line", subject = subject)).size(13),
            text(body).size(13),
        ]
        .spacing(6),
    )
    .padding(10)
    .width(Length::Fill)
    .style(container::bordered_box)
    .into()
}
