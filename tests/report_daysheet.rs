//! The PDF day sheet: a valid PDF with the right number of pages, non-ASCII names that really
//! render (their glyphs are embedded and mapped to Unicode), and a private file on disk.

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Warsaw;
use frontdesk::reports::daysheet::{DaySheet, SheetOf, render};
use frontdesk::reports::save_private;
use frontdesk::scheduling::*;
use frontdesk::store::AgendaEntry;
use uuid::Uuid;

const NAMES: [&str; 4] = [
    "Zoë Ångström",
    "Łukasz Wróbel",
    "Nguyễn Thị Minh",
    "Ana O'Brien",
];

fn clinic() -> Clinic {
    Clinic {
        id: ClinicId(Uuid::from_u128(1)),
        name: "Przychodnia Śródmieście".into(),
        address: "ul. Żurawia 6/12, Warszawa".into(),
        time_zone: Warsaw,
        opening_hours: WeeklyHours::always(),
        slot_minutes: 15,
    }
}

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Warsaw
        .with_ymd_and_hms(2026, 11, 24, h, m, 0)
        .single()
        .expect("a plain Warsaw time")
        .with_timezone(&Utc)
}

/// `n` appointments of 15 minutes from 08:00, cycling through the names; every fifth cancelled.
fn entries(n: usize) -> Vec<AgendaEntry> {
    (0..n)
        .map(|i| {
            let start = at(8, 0) + Duration::minutes(15 * i as i64);
            let status = match i % 5 {
                4 => Status::Cancelled,
                3 => Status::Completed,
                _ => Status::Confirmed,
            };
            AgendaEntry {
                appointment: Appointment {
                    id: AppointmentId(Uuid::from_u128(100 + i as u128)),
                    clinic: ClinicId(Uuid::from_u128(1)),
                    patient: PatientId(Uuid::from_u128(200 + i as u128)),
                    doctor: DoctorId(Uuid::from_u128(2)),
                    room: Some(RoomId(Uuid::from_u128(3))),
                    visit_type: None,
                    interval: Interval::new(start, start + Duration::minutes(15)),
                    mode: if i == 1 { Mode::Video } else { Mode::InClinic },
                    kind: if i == 2 { Kind::WalkIn } else { Kind::Scheduled },
                    priority: 0,
                    status,
                    reason: if i == 0 {
                        "Persistent cough for three weeks, worse at night, no fever, asks about an inhaler"
                            .into()
                    } else {
                        "Kontrola".into()
                    },
                    notes: String::new(),
                    meeting_link: String::new(),
                    queue_token: if i == 2 { "W-001".into() } else { String::new() },
                    arrived_at: None,
                    consultation_started_at: None,
                    completed_at: None,
                    cancellation: None,
                    created_by: "maria".into(),
                    updated_by: "maria".into(),
                    sequence: 0,
                },
                patient_name: NAMES[i % NAMES.len()].into(),
                patient_phone: format!("+48 600 100 {:03}", i),
                doctor_name: "Dr. Łucja Kowalczyk".into(),
                room_name: Some("Gabinet 2".into()),
                visit_type_name: Some("Wizyta kontrolna".into()),
                overbook_reason: None,
            }
        })
        .collect()
}

fn sheet<'a>(clinic: &'a Clinic, entries: &'a [AgendaEntry]) -> DaySheet<'a> {
    DaySheet {
        clinic,
        date: NaiveDate::from_ymd_opt(2026, 11, 24).expect("date"),
        of: SheetOf::Doctor("Dr. Łucja Kowalczyk".into()),
        entries,
        printed_at: at(7, 30),
    }
}

/// Page objects in the file (`/Type /Page`, not `/Pages`), and the page tree's count.
fn pages_in(bytes: &[u8]) -> (usize, Option<usize>) {
    let text = String::from_utf8_lossy(bytes);
    let objects = text.match_indices("/Type /Page").filter(|(i, _)| {
        text[i + "/Type /Page".len()..]
            .chars()
            .next()
            .is_some_and(|c| c != 's')
    });
    let count = text
        .split("/Count ")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok());
    (objects.count(), count)
}

/// The text pdftotext reads from the file, when poppler-utils is installed.
fn pdftotext(path: &std::path::Path) -> Option<String> {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "pdftotext refused the file: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn a_long_day_breaks_onto_pages_and_every_name_renders() {
    let clinic = clinic();
    let list = entries(40);
    let rendered = render(&sheet(&clinic, &list)).expect("render");
    let bytes = &rendered.bytes;
    assert!(bytes.starts_with(b"%PDF-"), "a PDF header");
    assert!(
        String::from_utf8_lossy(&bytes[bytes.len() - 8..]).contains("%%EOF"),
        "a PDF trailer"
    );
    // 40 appointments, 8 of them cancelled (not listed): 32 rows, 13 to a page → 3 pages.
    assert_eq!(rendered.appointments, 32);
    assert_eq!(rendered.pages, 3);
    assert_eq!(pages_in(bytes), (3, Some(3)));
    // The glyphs of ë, Å, Ł, ó, ễ and Ś are embedded and mapped back to Unicode.
    let text = String::from_utf8_lossy(bytes);
    for code in ["00EB", "00C5", "0141", "00F3", "1EC5", "015A"] {
        assert!(text.contains(code), "no Unicode mapping for U+{code}");
    }
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("day.pdf");
    save_private(&path, bytes).expect("save");
    let mode = std::fs::metadata(&path).expect("file").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the sheet holds patient data");
    if let Some(text) = pdftotext(&path) {
        for name in NAMES {
            assert!(text.contains(name), "{name} is missing from:\n{text}");
        }
        for expected in [
            "Przychodnia Śródmieście",
            "Dr. Łucja Kowalczyk · Tuesday 24 November 2026",
            "32 appointments (8 cancelled, not listed)",
            "Page 1 of 3",
            "Page 3 of 3",
            "walk-in W-001",
            "by video",
            "Notes",
        ] {
            assert!(
                text.contains(expected),
                "\"{expected}\" is missing from:\n{text}"
            );
        }
        // The first patient's long reason wraps onto a second line and ends shortened.
        assert!(text.contains("Persistent cough"), "{text}");
        assert!(
            !text.contains("asks about an inhaler"),
            "the reason is cut to two lines"
        );
    } else {
        eprintln!(
            "pdftotext is not installed (apt-get install poppler-utils): text checked only through the Unicode map"
        );
    }
}

#[test]
fn an_empty_day_is_one_page_that_says_so() {
    let clinic = clinic();
    let rendered = render(&DaySheet {
        of: SheetOf::Room("Gabinet 2".into()),
        ..sheet(&clinic, &[])
    })
    .expect("render");
    assert_eq!(rendered.pages, 1);
    assert_eq!(rendered.appointments, 0);
    assert_eq!(pages_in(&rendered.bytes), (1, Some(1)));
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("empty.pdf");
    save_private(&path, &rendered.bytes).expect("save");
    if let Some(text) = pdftotext(&path) {
        assert!(text.contains("No appointments on this day."), "{text}");
        assert!(text.contains("Warszawa · No appointments."), "{text}");
        assert!(
            text.contains("Doctor"),
            "a room's sheet has a doctor column: {text}"
        );
    }
}

#[test]
fn thirteen_rows_fill_one_page_and_fourteen_need_two() {
    let clinic = clinic();
    // Statuses cycle with one cancelled in five, so 16 entries list 13 and 17 list 14.
    for (n, pages) in [(16, 1), (17, 2)] {
        let list = entries(n);
        let rendered = render(&sheet(&clinic, &list)).expect("render");
        assert_eq!(rendered.pages, pages, "{} listed", rendered.appointments);
        assert_eq!(pages_in(&rendered.bytes).0, pages);
    }
}

#[test]
fn saving_into_a_missing_folder_says_where_and_leaves_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("no such folder").join("day.pdf");
    let error = save_private(&path, b"%PDF-").expect_err("no folder");
    let message = error.to_string();
    assert!(message.contains("no such folder"), "{message}");
    assert!(
        message.contains("check that the folder exists"),
        "{message}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn text_that_is_too_long_is_cut_to_its_column() {
    let doc = frontdesk::reports::pdf::Document::new((595.0, 842.0), "t").expect("doc");
    use frontdesk::reports::pdf::Weight;
    let long_word = "Pneumonoultramicroscopicsilicovolcanoconiosis-follow-up-and-more";
    let lines = doc.wrap(
        Weight::Regular,
        9.0,
        &format!("{long_word} then more words"),
        80.0,
        2,
    );
    assert_eq!(lines.len(), 2);
    for line in &lines {
        assert!(
            doc.width(Weight::Regular, 9.0, line) <= 80.0,
            "{line} is wider than 80 pt"
        );
    }
    assert!(lines[0].ends_with('…'), "{lines:?}");
    assert_eq!(doc.fit(Weight::Bold, 9.0, "Zoë", 200.0), "Zoë");
    assert_eq!(
        doc.wrap(Weight::Regular, 9.0, "", 80.0, 2),
        Vec::<String>::new()
    );
}

/// Names in eight scripts on a day sheet: each prints with its own font (the glyphs shaped:
/// Devanagari conjuncts and vowel signs, joined Arabic letters) and comes back from the PDF's
/// text layer exactly as typed, in logical order, right-to-left names included (issue 16).
#[test]
fn names_in_every_script_print_shaped_and_come_back_as_typed() {
    const SCRIPTS: [&str; 8] = [
        "अनिल मेनन",
        "முருகன் செல்வம்",
        "সৌমিত্র চট্টোপাধ্যায়",
        "محمد عمران",
        "王秀英",
        "김민준",
        "דוד כהן",
        "ประเสริฐ ใจดี",
    ];
    let clinic = clinic();
    let mut list = entries(SCRIPTS.len());
    for (entry, name) in list.iter_mut().zip(SCRIPTS) {
        entry.patient_name = name.to_owned();
        entry.appointment.status = Status::Confirmed;
    }
    let rendered = render(&sheet(&clinic, &list)).expect("render");
    let bytes = &rendered.bytes;
    let raw = String::from_utf8_lossy(bytes);
    for font in [
        "NotoSansDevanagari",
        "NotoSansTamil",
        "NotoSansBengali",
        "NotoSansArabic",
        "NotoSansCJKSC",
        "NotoSansHebrew",
        "NotoSansThai",
    ] {
        assert!(raw.contains(font), "{font} is not embedded");
    }
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("scripts.pdf");
    save_private(&path, bytes).expect("save");
    let Some(text) = pdftotext(&path) else {
        eprintln!(
            "pdftotext is not installed (apt-get install poppler-utils; scripts/test.sh does): the text layer was not read back"
        );
        return;
    };
    for name in SCRIPTS {
        assert!(text.contains(name), "{name} is missing from:\n{text}");
    }
}

/// Printed at a desk set to Hindi: headings, the date's weekday and month, the summary and the
/// page line in Hindi, read back from the text layer as a reader copies them; the names and
/// the clinic's own words unchanged.
#[test]
fn a_hindi_desk_prints_the_sheet_in_hindi() {
    use frontdesk::i18n::Language;
    use frontdesk::reports::daysheet::render_in;
    let clinic = clinic();
    let entries = entries(3);
    let rendered = render_in(&sheet(&clinic, &entries), Language::Hindi).expect("render");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("hindi.pdf");
    save_private(&path, &rendered.bytes).expect("save");
    let Some(text) = pdftotext(&path) else {
        eprintln!("pdftotext is not installed (apt-get install poppler-utils): not read back");
        return;
    };
    for hindi in [
        "दिन की शीट",
        "मंगलवार, 24 नवंबर 2026",
        "मरीज़",
        "विज़िट का प्रकार",
        "3 अपॉइंटमेंट",
        "पेज 1 / 1",
        "वीडियो पर",
    ] {
        assert!(text.contains(hindi), "{hindi} not in {text}");
    }
    for english in ["Patient", "Tuesday", "Page 1", "appointments", "by video"] {
        assert!(!text.contains(english), "{english} left in English: {text}");
    }
    assert!(text.contains("Zoë Ångström") && text.contains("Przychodnia Śródmieście"));
    // The same sheet at an English desk reads as it always did.
    let english = render_in(&sheet(&clinic, &entries), Language::English).expect("render");
    let path = dir.path().join("english.pdf");
    save_private(&path, &english.bytes).expect("save");
    let text = pdftotext(&path).expect("read");
    assert!(text.contains("Tuesday 24 November 2026") && text.contains("Page 1 of 1"));
}
