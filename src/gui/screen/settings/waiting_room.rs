//! The clinic's waiting-room rules (issue 17): the order patients are called in, how many
//! calls before "not here" makes a no-show, how long a wait is too long (and for emergencies),
//! whether the queue board shows initials and speaks each call, and how early or late the
//! kiosk lets a patient check in. A manager's (the store refuses others); each number is
//! checked by the core and a refusal names the rule and its range, saving nothing.

use iced::widget::{button, checkbox, column, row, text, text_input};
use iced::{Element, Length, Task};

use super::parts;
use crate::gui::backend::UiError;
use crate::gui::choice_keys::pick_list;
use crate::gui::screen::Context;
use crate::gui::widget::Choice;
use crate::scheduling::call_order::{CallOrder, Group};
use crate::scheduling::permission::Action;
use crate::scheduling::waiting_room::{BoardShows, WaitingRoomRules};

/// The form.
#[derive(Debug, Clone, Default)]
pub struct Form {
    order: [Option<Group>; 4],
    call_limit: String,
    wait: String,
    emergency_wait: String,
    board_shows: BoardShows,
    announce: bool,
    kiosk_early: String,
    kiosk_late: String,
    loaded: bool,
    saving: bool,
    notice: Option<String>,
    error: Option<UiError>,
}

/// What happens in the form.
#[derive(Debug, Clone)]
pub enum Message {
    /// The rules were read.
    Loaded(Result<WaitingRoomRules, UiError>),
    /// A place of the call order was given a group.
    Order(usize, Choice<Group>),
    /// The number of calls changed.
    CallLimit(String),
    /// The waiting threshold changed.
    Wait(String),
    /// The emergencies' threshold changed.
    EmergencyWait(String),
    /// What the board names patients by was chosen.
    BoardShows(Choice<BoardShows>),
    /// The board's voice was turned on or off.
    Announce(bool),
    /// How early the kiosk takes an arrival changed.
    KioskEarly(String),
    /// How late it still takes one changed.
    KioskLate(String),
    /// "Save the waiting room's rules" was pressed.
    Save,
    /// They were stored, or refused.
    Saved(Result<(), UiError>),
}

fn group_choices() -> Vec<Choice<Group>> {
    Group::ALL
        .into_iter()
        .map(|g| Choice::new(g, g.label()))
        .collect()
}

fn shows_choices() -> Vec<Choice<BoardShows>> {
    vec![
        Choice::new(BoardShows::Token, crate::t!("settings-board-shows-token")),
        Choice::new(
            BoardShows::Initials,
            crate::t!("settings-board-shows-initials"),
        ),
    ]
}

impl Form {
    /// Reads the clinic's rules.
    pub fn load(ctx: &Context<'_>) -> Task<Message> {
        let clinic = ctx.clinic.id;
        Task::perform(
            ctx.backend.run(move |s| s.waiting_room_rules(clinic)),
            Message::Loaded,
        )
    }

    fn fill(&mut self, rules: &WaitingRoomRules) {
        self.order = rules.call_order.groups().map(Some);
        self.call_limit = rules.call_limit.to_string();
        self.wait = rules.wait_minutes.to_string();
        self.emergency_wait = rules.emergency_wait_minutes.to_string();
        self.board_shows = rules.board_shows;
        self.announce = rules.announce;
        self.kiosk_early = rules.kiosk_early_minutes.to_string();
        self.kiosk_late = rules.kiosk_late_minutes.to_string();
        self.loaded = true;
    }

    /// The rules as typed, or what is wrong with them.
    fn parsed(&self) -> Result<WaitingRoomRules, String> {
        let number = |typed: &str, what: String| -> Result<u32, String> {
            typed
                .trim()
                .parse::<u32>()
                .map_err(|_| crate::t!("settings-waiting-not-a-number", what = what))
        };
        let groups = [self.order[0], self.order[1], self.order[2], self.order[3]];
        let call_order = match groups {
            [Some(a), Some(b), Some(c), Some(d)] => {
                CallOrder::new([a, b, c, d]).map_err(|e| e.to_string())?
            }
            _ => return Err(crate::t!("core-call-order-not-each-once")),
        };
        let rules = WaitingRoomRules {
            call_order,
            call_limit: number(&self.call_limit, crate::t!("core-waiting-rule-call-limit"))?,
            wait_minutes: number(&self.wait, crate::t!("core-waiting-rule-wait"))?,
            emergency_wait_minutes: number(
                &self.emergency_wait,
                crate::t!("core-waiting-rule-emergency-wait"),
            )?,
            board_shows: self.board_shows,
            announce: self.announce,
            kiosk_early_minutes: number(
                &self.kiosk_early,
                crate::t!("core-waiting-rule-kiosk-early"),
            )?,
            kiosk_late_minutes: number(
                &self.kiosk_late,
                crate::t!("core-waiting-rule-kiosk-late"),
            )?,
        };
        rules.check().map_err(|e| e.to_string())?;
        Ok(rules)
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, ctx: &Context<'_>) -> Task<Message> {
        let edited = !matches!(
            message,
            Message::Loaded(_) | Message::Save | Message::Saved(_)
        );
        if edited {
            self.notice = None;
        }
        match message {
            Message::Loaded(Ok(rules)) => self.fill(&rules),
            Message::Loaded(Err(e)) => self.error = Some(e),
            Message::Order(place, choice) => {
                if let Some(slot) = self.order.get_mut(place) {
                    *slot = Some(choice.value);
                }
            }
            Message::CallLimit(t) => self.call_limit = t,
            Message::Wait(t) => self.wait = t,
            Message::EmergencyWait(t) => self.emergency_wait = t,
            Message::BoardShows(c) => self.board_shows = c.value,
            Message::Announce(on) => self.announce = on,
            Message::KioskEarly(t) => self.kiosk_early = t,
            Message::KioskLate(t) => self.kiosk_late = t,
            Message::Save => match self.parsed() {
                Err(problem) => {
                    self.error = Some(problem);
                    self.notice = None;
                }
                Ok(rules) => {
                    self.saving = true;
                    self.error = None;
                    let (clinic, actor, now) = (ctx.clinic.id, ctx.actor.to_owned(), ctx.now);
                    return Task::perform(
                        ctx.backend
                            .run(move |s| s.set_waiting_room_rules(clinic, &rules, &actor, now)),
                        Message::Saved,
                    );
                }
            },
            Message::Saved(result) => {
                self.saving = false;
                match result {
                    Ok(()) => self.notice = Some(crate::t!("settings-waiting-saved")),
                    Err(e) => self.error = Some(e),
                }
            }
        }
        Task::none()
    }

    /// The form.
    pub fn view<'a>(&'a self, ctx: &Context<'a>) -> Element<'a, Message> {
        if !self.loaded {
            return match &self.error {
                Some(e) => crate::gui::widget::error_text(e),
                None => text(crate::t!("settings-waiting-loading")).size(13).into(),
            };
        }
        let groups = group_choices();
        let mut order = column![].spacing(6);
        for (place, group) in self.order.iter().enumerate() {
            let chosen = group.and_then(|g| groups.iter().find(|c| c.value == g).cloned());
            order = order.push(
                row![
                    text(format!("{}.", place + 1)).size(14).width(24),
                    pick_list(groups.clone(), chosen, move |c| Message::Order(place, c))
                        .width(Length::Fill),
                ]
                .spacing(6)
                .align_y(iced::Alignment::Center),
            );
        }
        let number =
            |label: String, value: &'a str, id: &'static str, on: fn(String) -> Message| {
                parts::field(
                    label,
                    text_input("", value)
                        .id(id)
                        .on_input(on)
                        .width(Length::Fill),
                    None,
                )
            };
        let calls = column![
            row![
                number(
                    crate::t!("settings-waiting-call-limit"),
                    &self.call_limit,
                    "waiting-call-limit",
                    Message::CallLimit
                ),
                number(
                    crate::t!("settings-waiting-wait"),
                    &self.wait,
                    "waiting-wait",
                    Message::Wait
                ),
                number(
                    crate::t!("settings-waiting-emergency-wait"),
                    &self.emergency_wait,
                    "waiting-emergency-wait",
                    Message::EmergencyWait
                ),
            ]
            .spacing(10),
        ];
        let shows = shows_choices();
        let shown = shows.iter().find(|c| c.value == self.board_shows).cloned();
        let board = column![
            parts::field(
                crate::t!("settings-board-shows"),
                pick_list(shows, shown, Message::BoardShows)
                    .id("board-shows")
                    .width(Length::Fill),
                None,
            ),
            checkbox(self.announce)
                .label(crate::t!("settings-board-announce"))
                .on_toggle(Message::Announce)
                .size(16)
                .text_size(13),
        ]
        .spacing(10);
        let kiosk = row![
            number(
                crate::t!("settings-kiosk-early"),
                &self.kiosk_early,
                "kiosk-early",
                Message::KioskEarly
            ),
            number(
                crate::t!("settings-kiosk-late"),
                &self.kiosk_late,
                "kiosk-late",
                Message::KioskLate
            ),
        ]
        .spacing(10);
        let may = ctx.may(Action::Settings);
        let mut save = button(
            text(if self.saving {
                crate::t!("settings-saving")
            } else {
                crate::t!("settings-waiting-save")
            })
            .size(14),
        )
        .style(button::primary);
        if may && !self.saving {
            save = save.on_press(Message::Save);
        }
        let mut col = column![
            parts::card(
                crate::t!("settings-waiting-order"),
                Some(crate::t!("settings-waiting-order-hint")),
                order
            ),
            parts::card(
                crate::t!("settings-waiting-calls"),
                Some(crate::t!("settings-waiting-calls-hint")),
                calls
            ),
            parts::card(
                crate::t!("settings-waiting-board"),
                Some(crate::t!("settings-waiting-board-hint")),
                board
            ),
            parts::card(crate::t!("settings-waiting-kiosk"), None, kiosk),
            save,
        ]
        .spacing(14)
        .max_width(820);
        if !may {
            col = col.push(text(crate::t!("settings-waiting-managers")).size(13));
        }
        col.push(parts::outcome(&self.notice, &self.error)).into()
    }
}
