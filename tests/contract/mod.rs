//! The store contract: what every engine's `Store` must do, written once against
//! [`TestBackend`](crate::common::TestBackend) and run on each engine by one line,
//! `store_contract!(common::TheEngine);` (`tests/contract_sqlite.rs` for SQLite). The bodies are
//! `pub fn name<B: TestBackend>()` in one file per area; the macro lists every one by hand, as
//! TaskChampion's `storage_tests!` does, so each test keeps its name in `cargo test` output and
//! a body left out of the list is dead code (a warning, an error under clippy's `-D warnings`).
//! No body reaches past the trait: no rusqlite, no `SqliteStore`, no `.connection()`
//! (`tests/architecture.rs` checks). What only one engine has lives in that engine's own tests
//! (`tests/sqlite_only.rs`, `store_open.rs`, `store_backup.rs`, `store_damage.rs`).

pub mod accounts;
pub mod changes;
pub mod import_judgement;
pub mod input_limits;
pub mod patients;
pub mod proptest;
pub mod queue;
pub mod reminder_languages;
pub mod reminders;
pub mod reminders_delivery;
pub mod report;
pub mod series;
pub mod series_changes;
pub mod settings;
pub mod suite;
pub mod waiting_room;
pub mod waitlist;
pub mod walk_in;

/// Runs the whole store contract on engine `$backend` (a [`TestBackend`](crate::common::TestBackend)):
/// one `#[test]` per body, in a module per area.
macro_rules! store_contract {
    ($backend:ty) => {
        store_contract!(@area $backend, accounts: [
            a_new_database_asks_for_its_first_administrator_once,
            wrong_tries_are_counted_logged_and_lock_the_account_after_five,
            each_role_may_do_what_its_role_allows_and_is_refused_the_rest,
            changes_are_recorded_under_the_signed_in_name_whatever_name_is_passed,
            the_access_log_shows_openings_searches_exports_and_its_own_reading,
            a_service_credential_sends_reminders_and_backs_up_and_nothing_else,
            the_boards_and_the_kiosks_credentials_do_only_their_screens_job,
            a_locked_store_reads_and_writes_nothing_until_someone_signs_in,
            a_name_in_any_script_signs_in_typed_in_any_unicode_form_and_spacing,
            the_guard_hands_out_no_hash_records_no_sign_in_and_takes_no_other_databases,
            tries_are_counted_before_the_check_so_desks_at_once_cannot_outguess_the_lock,
            the_last_administrator_who_can_sign_in_stays_one,
            the_first_administrator_never_takes_over_a_listed_staff_member,
        ]);
        store_contract!(@area $backend, changes: [
            a_stored_change_counts_once_and_another_desk_sees_it,
            another_desks_change_to_the_setup_is_in_this_desks_next_check,
        ]);
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
        store_contract!(@area $backend, series: [
            a_weekly_series_keeps_ten_oclock_across_the_change_and_audits_every_appointment,
            a_single_appointment_is_not_part_of_a_series,
            every_occurrences_conflicts_are_shown_before_saving,
            refusing_saves_nothing_and_names_the_conflicting_dates,
            skipping_books_the_free_occurrences_and_reports_the_rest,
            overbooking_books_every_occurrence_with_the_reason_in_its_history,
            overbooking_needs_a_reason,
            an_occurrence_in_the_spring_gap_is_left_out_even_when_overbooking,
            a_series_nothing_of_which_can_be_booked_saves_nothing,
            bad_series_requests_are_refused_with_what_to_do_and_change_nothing,
            a_refused_series_registers_no_new_patient,
        ]);
        store_contract!(@area $backend, series_changes: [
            cancelling_one_occurrence_leaves_the_others_and_the_rule,
            cancelling_this_and_the_following_ends_the_series_the_day_before,
            cancelling_needs_a_reason_and_changes_nothing_without_one,
            a_single_appointment_has_no_following_ones,
            moving_one_occurrence_keeps_its_place_in_the_series,
            moving_one_occurrence_into_a_clash_is_refused_unless_overbooked,
            moving_this_and_the_following_splits_the_series,
            a_split_that_cannot_place_every_occurrence_changes_nothing,
            a_daily_series_moving_a_day_later_does_not_clash_with_itself,
            a_move_that_says_nothing_is_refused,
            find_slots_within_a_part_of_the_day_and_a_date_range,
            find_slots_in_any_room_names_the_room,
            any_room_prefers_a_consultation_room_to_a_procedure_room,
        ]);
        store_contract!(@area $backend, waitlist: [
            an_entry_is_stored_with_names_and_its_log,
            the_list_is_by_priority_then_waiting_longest,
            bad_requests_are_refused_with_a_reason_and_change_nothing,
            editing_is_logged_with_before_and_after_and_keeps_the_patient,
            removing_keeps_the_entry_and_the_log_cannot_be_rewritten,
            a_cancellation_frees_a_slot_that_matching_patients_are_offered,
            only_patients_who_could_be_booked_now_are_matched,
            a_move_frees_where_it_was_and_a_no_show_frees_nothing,
            another_desk_sees_what_this_one_freed,
            a_held_later_appointment_makes_only_earlier_slots_match,
            booking_from_the_waitlist_is_one_audited_transaction,
            a_refused_booking_leaves_the_entry_waiting,
            declining_an_offer_keeps_the_patient_waiting,
        ]);
        store_contract!(@area $backend, patients: [
            a_new_patient_whose_name_and_phone_are_registered_books_that_patient,
            a_namesake_without_a_phone_is_not_the_new_patient_with_one_and_a_bare_taken_name_is_refused,
            the_store_identifies_patients_by_the_core_rule,
            an_import_row_whose_ids_belong_to_someone_else_is_refused_and_nothing_is_written,
            text_that_breaks_the_entry_rules_is_refused_everywhere_and_nothing_is_written,
            imported_free_text_meets_the_entry_rules_whichever_reader_made_the_row,
            a_new_patient_who_is_not_the_booked_patient_is_refused_for_a_booking_and_a_series,
            names_in_any_script_are_found_whatever_the_case_accents_or_composition,
        ]);
        store_contract!(@area $backend, reminders: [
            a_new_database_starts_with_two_rules_that_plan_nothing_until_set_up,
            planning_follows_bookings_and_is_idempotent,
            a_moved_appointment_never_gets_a_reminder_for_its_old_time,
            cancelling_or_arriving_skips_pending_reminders_and_undo_brings_them_back,
            no_contact_and_opt_out_are_skip_reasons,
            claims_are_leased_failures_retry_with_back_off_and_sent_is_recorded,
            the_day_before_at_18_00_is_computed_in_the_clinic_zone_across_the_fall_back,
            rules_are_checked_and_turning_one_off_skips_its_reminders,
            settings_round_trip_are_checked_and_never_show_the_password,
            video_visits_get_a_meeting_link_and_joining_is_audited,
            the_plan_pass_gives_a_video_visit_without_a_link_one_from_the_pattern,
            a_rule_for_one_clinic_reminds_only_of_that_clinics_appointments,
        ]);
        store_contract!(@area $backend, waiting_room: [
            call_next_follows_the_clinics_order_for_one_doctor_and_records_each_call,
            call_next_by_room_and_an_empty_waiting_room,
            not_here_sends_back_then_makes_a_no_show_after_the_clinics_calls,
            the_waiting_room_rules_are_checked_kept_and_logged,
            the_board_holds_tokens_and_never_a_name_or_phone_unless_initials_are_chosen,
            two_desks_calling_for_one_doctor_at_once_call_two_different_patients,
            a_patient_checks_in_at_the_kiosk_with_phone_and_birth_date_or_code,
        ]);
        store_contract!(@area $backend, reminder_languages: [
            each_reminder_goes_out_in_the_patients_language_else_the_clinics,
            the_where_words_and_the_link_are_in_the_texts_language,
            a_patients_language_is_kept_changed_cleared_and_logged,
            a_rules_texts_are_kept_by_language_and_each_is_checked,
        ]);
        store_contract!(@area $backend, reminders_delivery: [
            an_email_reminder_reaches_a_real_smtp_server_with_its_placeholders_filled_in,
            a_refusing_smtp_server_fails_the_reminder_which_is_retried_after_the_back_off,
            one_failing_reminder_does_not_stop_the_others,
            smtp_login_sends_the_password_to_the_server_only,
            starttls_mode_refuses_a_server_without_starttls_and_sends_nothing_in_clear,
            an_sms_reminder_is_posted_as_json_to_a_real_http_server,
            a_webhook_answering_500_is_retried_and_an_unreachable_one_names_only_its_host,
            a_broken_email_channel_does_not_stop_sms_reminders,
            only_web_addresses_are_given_to_the_browser,
            a_long_pass_records_each_delivery_at_the_time_it_happened,
        ]);
        store_contract!(@area $backend, queue: [
            a_token_is_never_given_twice_on_a_day_whatever_was_cancelled,
            a_walk_in_stays_on_its_day_and_moves_freely_within_it,
            an_arrived_patient_stays_on_their_day_and_a_booked_one_moves_anywhere,
            an_arrived_occurrence_of_a_series_stays_on_its_day,
            a_walk_in_or_emergency_starts_today,
            an_import_keeps_free_tokens_and_replaces_taken_ones_and_says_so,
            an_import_compares_tokens_by_number_and_never_closes_a_day,
            an_unusable_token_in_a_file_is_a_bad_row_and_nothing_is_imported,
            a_booked_patient_checks_in_on_the_day_of_the_appointment_only,
        ]);
        store_contract!(@area $backend, report: [
            a_day_is_loaded_and_reported_as_worked_out_by_hand,
            the_range_is_bounded_to_the_clinic_and_its_dates,
            a_doctor_without_hours_here_is_listed_only_when_they_saw_patients,
        ]);
        store_contract!(@area $backend, walk_in: [
            a_walk_in_takes_the_first_free_time_after_now_on_the_five_minute_grid,
            a_walk_in_skips_the_patients_own_appointments_and_takes_whichever_doctor_is_free,
            no_time_left_today_refuses_and_changes_nothing,
            a_preview_shows_the_time_the_walk_in_would_get,
        ]);
        store_contract!(@area $backend, proptest: [
            random_bookings_moves_and_cancellations_never_double_book,
        ]);
        store_contract!(@area $backend, import_judgement: [
            an_overbooked_emergency_before_the_bookings_it_overlaps_needs_no_overbook,
            a_stored_overbooked_appointment_explains_an_overlap_and_a_plain_one_does_not,
            a_stranded_appointment_comes_in_as_it_is_with_a_notice,
        ]);
        store_contract!(@area $backend, input_limits: [
            a_start_with_seconds_is_invalid_whatever_its_source,
            moving_a_stored_series_by_the_most_negative_number_of_days_is_refused,
            the_name_at_the_desk_is_plain_text_of_reasonable_length,
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
                    if <$backend as crate::common::TestBackend>::available() {
                        crate::contract::$area::$test::<$backend>()
                    }
                }
            )*
        }
    };
}
