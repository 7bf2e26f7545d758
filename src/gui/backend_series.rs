//! The window's way to the store for find-a-slot and recurring series: each call runs on a
//! blocking thread through [`Backend::with`], like every other store call.

use chrono::{DateTime, Utc};

use super::backend::{Backend, UiError};
use crate::scheduling::*;
use crate::store::{
    OccurrenceCheck, OccurrenceMove, Scope, SeriesChange, SeriesOutcome, SeriesRequest, SeriesView,
    SlotLimits, SlotSearch, Store,
};

impl Backend {
    /// Free slots within a part of the day and a date range.
    pub async fn slots_within(
        self,
        search: SlotSearch,
        limits: SlotLimits,
    ) -> Result<Vec<Slot>, UiError> {
        self.with(move |s| s.find_slots_within(&search, &limits))
            .await
    }

    /// Every occurrence of a series with its conflicts.
    pub async fn preview_series(
        self,
        request: SeriesRequest,
        now: DateTime<Utc>,
    ) -> Result<Vec<OccurrenceCheck>, UiError> {
        self.with(move |s| s.preview_series(&request, now)).await
    }

    /// Saves a series.
    pub async fn book_series(
        self,
        request: SeriesRequest,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<SeriesOutcome, UiError> {
        self.with(move |s| s.book_series(&request, &actor, now))
            .await
    }

    /// The series of an appointment, if it has one.
    pub async fn series_of(self, id: AppointmentId) -> Result<Option<SeriesView>, UiError> {
        self.with(move |s| s.series_of(id)).await
    }

    /// Cancels an occurrence, or it and the following ones.
    pub async fn cancel_occurrences(
        self,
        id: AppointmentId,
        scope: Scope,
        action: StatusAction,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<SeriesChange, UiError> {
        self.with(move |s| s.cancel_occurrences(id, scope, &action, &actor, now))
            .await
    }

    /// Moves an occurrence, or it and the following ones.
    pub async fn move_occurrences(
        self,
        id: AppointmentId,
        scope: Scope,
        change: OccurrenceMove,
        overbook: Option<String>,
        actor: String,
        now: DateTime<Utc>,
    ) -> Result<SeriesChange, UiError> {
        self.with(move |s| s.move_occurrences(id, scope, &change, overbook.as_deref(), &actor, now))
            .await
    }
}
