//! The store contract: what every engine's `Store` must do, written once against
//! [`TestBackend`](crate::common::TestBackend) and run on each engine by one line,
//! `store_contract!(common::TheEngine);` (`tests/contract_sqlite.rs` for SQLite). The bodies are
//! `pub fn name<B: TestBackend>()` in one file per area; the macro lists every one by hand, as
//! TaskChampion's `storage_tests!` does, so each test keeps its name in `cargo test` output and
//! a body left out of the list is dead code (a warning, an error under clippy's `-D warnings`).
//! No body reaches past the trait: no rusqlite, no `SqliteStore`, no `.connection()`
//! (`tests/architecture.rs` checks). What only one engine has lives in that engine's own tests
//! (`tests/sqlite_only.rs`, `store_open.rs`, `store_backup.rs`, `store_damage.rs`).

pub mod settings;
pub mod suite;

/// Runs the whole store contract on engine `$backend` (a [`TestBackend`](crate::common::TestBackend)):
/// one `#[test]` per body, in a module per area.
macro_rules! store_contract {
    ($backend:ty) => {
        store_contract!(@area $backend, suite: [
            a_booking_is_stored_with_its_audit_event,
            an_occupied_slot_is_refused_naming_the_other_appointment_and_nothing_changes,
            back_to_back_is_allowed,
            overbooking_with_a_reason_is_stored_and_audited,
            invalid_requests_cannot_be_overbooked,
            a_dst_gap_is_refused_by_the_store_with_the_next_valid_time,
            an_ambiguous_time_books_the_earlier_instant_and_says_so,
            preview_reports_conflicts_and_writes_nothing,
            moving_keeps_the_length_counts_the_sequence_and_is_audited,
            a_move_into_a_conflict_is_refused_and_changes_nothing,
            status_changes_follow_the_lifecycle_and_are_audited,
            cancelling_records_reason_who_and_lateness_and_frees_the_slot,
            walk_ins_arrive_checked_in_with_queue_tokens_and_may_start_now,
            a_scheduled_booking_in_the_past_is_refused,
            every_change_names_who_made_it,
            patients_are_found_by_name_last_name_and_phone_prefixes,
            likely_duplicates_are_reported,
            slots_skip_bookings_and_lunch_and_cross_week_windows,
            agenda_filters_by_doctor_and_room_and_includes_overlapping_edges,
            undoing_a_status_change_restores_it_as_a_new_audited_event,
            undoing_a_cancellation_needs_the_time_to_be_free,
            editing_records_only_the_changed_fields,
        ]);
        store_contract!(@area $backend, settings: [
            a_clinic_edit_is_stored_and_audited_with_before_and_after,
            bad_clinic_edits_are_refused_and_change_nothing,
            doctors_are_added_edited_and_checked_for_names_and_colours,
            doctor_hours_are_replaced_and_audited_per_clinic,
            leave_is_recorded_listed_in_a_bounded_window_and_removed_with_audit,
            rooms_their_hours_and_blockouts_are_edited_with_audit,
            visit_types_and_staff_are_edited_with_audit,
            changes_that_strand_appointments_list_them_and_leave_them_booked,
        ]);
    };
    (@area $backend:ty, $area:ident : [$($(#[$meta:meta])* $test:ident),* $(,)?]) => {
        mod $area {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[test]
                $(#[$meta])*
                fn $test() {
                    crate::contract::$area::$test::<$backend>()
                }
            )*
        }
    };
}
