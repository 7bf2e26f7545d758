//! The printable day sheet of one doctor or one room: A4 landscape, the clinic, the date and
//! whose day it is at the top of every page, then each appointment with its time, patient,
//! phone, room (or doctor), visit type, reason and status, and a blank column for handwritten
//! notes. Long days break onto further pages ("Page 2 of 3").

use chrono::{DateTime, NaiveDate, Utc};

use super::pdf::{A4_LANDSCAPE, Document, PdfError, Weight};
use crate::i18n::Language;
use crate::scheduling::queue;
use crate::scheduling::time::format_local;
use crate::scheduling::{Clinic, Mode, Status};
use crate::store::AgendaEntry;

/// Whose day the sheet shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetOf {
    /// A doctor, by name.
    Doctor(String),
    /// A room, by name.
    Room(String),
}

impl SheetOf {
    /// The name shown on the sheet.
    pub fn name(&self) -> &str {
        match self {
            SheetOf::Doctor(n) | SheetOf::Room(n) => n,
        }
    }
}

/// What goes on a day sheet.
pub struct DaySheet<'a> {
    /// The clinic (name, address, zone).
    pub clinic: &'a Clinic,
    /// The clinic-local date.
    pub date: NaiveDate,
    /// Whose day.
    pub of: SheetOf,
    /// The appointments of that day (cancelled and entered-in-error ones are left off).
    pub entries: &'a [AgendaEntry],
    /// When it is printed (shown in the footer).
    pub printed_at: DateTime<Utc>,
}

/// A rendered day sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    /// The PDF file's bytes.
    pub bytes: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
    /// How many appointments it lists.
    pub appointments: usize,
}

const MARGIN: f32 = 36.0;
const TABLE_TOP: f32 = 112.0;
const HEAD_HEIGHT: f32 = 18.0;
const ROW_HEIGHT: f32 = 31.0;
const FOOTER: f32 = 30.0;
const TEXT: f32 = 9.0;
const SMALL: f32 = 7.5;

/// How many rows fit on a page.
fn rows_per_page(height: f32) -> usize {
    (((height - FOOTER - MARGIN / 2.0) - (TABLE_TOP + HEAD_HEIGHT)) / ROW_HEIGHT).floor() as usize
}

struct Column {
    title: String,
    width: f32,
}

fn columns(of: &SheetOf, usable: f32, language: Language) -> Vec<Column> {
    let fourth = match of {
        SheetOf::Doctor(_) => (crate::t_in!(language, "daysheet-room"), 70.0),
        SheetOf::Room(_) => (crate::t_in!(language, "daysheet-doctor"), 110.0),
    };
    let fixed = [
        (crate::t_in!(language, "daysheet-time"), 66.0),
        (crate::t_in!(language, "daysheet-patient"), 140.0),
        (crate::t_in!(language, "daysheet-phone"), 92.0),
        fourth,
        (crate::t_in!(language, "daysheet-visit-type"), 84.0),
        (crate::t_in!(language, "daysheet-reason"), 120.0),
        (crate::t_in!(language, "daysheet-status"), 62.0),
    ];
    let used: f32 = fixed.iter().map(|(_, w)| w).sum();
    fixed
        .into_iter()
        .chain([(
            crate::t_in!(language, "daysheet-notes"),
            (usable - used).max(60.0),
        )])
        .map(|(title, width)| Column { title, width })
        .collect()
}

/// The two lines of each cell of one appointment's row.
fn cells(sheet: &DaySheet<'_>, e: &AgendaEntry, language: Language) -> Vec<(String, String)> {
    let zone = sheet.clinic.time_zone;
    let a = &e.appointment;
    let hm = |t: DateTime<Utc>| t.with_timezone(&zone).format("%H:%M").to_string();
    let time_note = queue::describe(a.kind, &a.queue_token).unwrap_or_else(|| {
        crate::t_in!(
            language,
            "daysheet-minutes",
            minutes = a.interval.minutes().to_string()
        )
    });
    let mode = match a.mode {
        Mode::InClinic => String::new(),
        Mode::Phone => crate::t_in!(language, "daysheet-by-phone"),
        Mode::Video => crate::t_in!(language, "daysheet-by-video"),
    };
    let fourth = match sheet.of {
        SheetOf::Doctor(_) => e.room_name.clone().unwrap_or_else(|| "—".into()),
        SheetOf::Room(_) => e.doctor_name.clone(),
    };
    vec![
        (
            format!("{}–{}", hm(a.interval.start), hm(a.interval.end)),
            time_note,
        ),
        (e.patient_name.clone(), mode),
        (e.patient_phone.clone(), String::new()),
        (fourth, String::new()),
        (e.visit_type_name.clone().unwrap_or_default(), String::new()),
        (a.reason.clone(), String::new()),
        (
            a.status.label().to_owned(),
            if e.overbook_reason.is_some() {
                crate::t_in!(language, "daysheet-overbooked")
            } else {
                String::new()
            },
        ),
        (String::new(), String::new()),
    ]
}

/// Renders the day sheet as a PDF, in the desk's language.
pub fn render(sheet: &DaySheet<'_>) -> Result<Rendered, PdfError> {
    render_in(sheet, crate::i18n::current())
}

/// Renders the day sheet as a PDF, its headings, dates and notes in `language`.
pub fn render_in(sheet: &DaySheet<'_>, language: Language) -> Result<Rendered, PdfError> {
    let listed: Vec<&AgendaEntry> = sheet
        .entries
        .iter()
        .filter(|e| {
            !matches!(
                e.appointment.status,
                Status::Cancelled | Status::EnteredInError
            )
        })
        .collect();
    let cancelled = sheet
        .entries
        .iter()
        .filter(|e| e.appointment.status == Status::Cancelled)
        .count();
    let name = sheet.of.name();
    let date = crate::i18n::dates::long_in(language, sheet.date);
    let title = crate::t_in!(
        language,
        "daysheet-title",
        whose = name,
        date = date.as_str()
    );
    let mut doc = Document::new(A4_LANDSCAPE, &title)?;
    let (width, height) = doc.size();
    let usable = width - 2.0 * MARGIN;
    let cols = columns(&sheet.of, usable, language);
    let per_page = rows_per_page(height).max(1);
    let pages = listed.len().div_ceil(per_page).max(1);
    let summary = match (listed.len(), cancelled) {
        (0, 0) => crate::t_in!(language, "daysheet-none"),
        (n, 0) => crate::t_in!(language, "daysheet-count", count = n),
        (n, c) => crate::t_in!(
            language,
            "daysheet-count-cancelled",
            count = n,
            cancelled = c
        ),
    };
    let printed = crate::t_in!(
        language,
        "daysheet-printed",
        at = format_local(sheet.clinic.time_zone, sheet.printed_at),
        zone = sheet.clinic.time_zone.name()
    );
    for page in 0..pages {
        doc.new_page();
        // Header: clinic, whose day, the date.
        doc.text(MARGIN, 50.0, 15.0, Weight::Bold, 0.0, &sheet.clinic.name);
        let label = crate::t_in!(language, "daysheet-label");
        let label_width = doc.width(Weight::Bold, 10.0, &label);
        doc.text(
            width - MARGIN - label_width,
            50.0,
            10.0,
            Weight::Bold,
            0.35,
            &label,
        );
        let heading = format!("{name} · {date}");
        doc.text(MARGIN, 72.0, 12.5, Weight::Bold, 0.0, &heading);
        let sub = if sheet.clinic.address.is_empty() {
            summary.clone()
        } else {
            format!("{} · {summary}", sheet.clinic.address)
        };
        let sub = doc.fit(Weight::Regular, TEXT, &sub, usable);
        doc.text(MARGIN, 88.0, TEXT, Weight::Regular, 0.3, &sub);
        // Column headings.
        doc.fill_rect(MARGIN, TABLE_TOP, usable, HEAD_HEIGHT, 0.88);
        let mut x = MARGIN;
        for c in &cols {
            doc.text(x + 4.0, TABLE_TOP + 12.5, TEXT, Weight::Bold, 0.0, &c.title);
            x += c.width;
        }
        let rows = listed.iter().skip(page * per_page).take(per_page);
        let mut y = TABLE_TOP + HEAD_HEIGHT;
        let mut drawn = 0;
        for (i, e) in rows.enumerate() {
            if i % 2 == 1 {
                doc.fill_rect(MARGIN, y, usable, ROW_HEIGHT, 0.965);
            }
            let mut x = MARGIN;
            for (c, (first, second)) in cols.iter().zip(cells(sheet, e, language)) {
                let inner = c.width - 8.0;
                if second.is_empty() {
                    let lines = doc.wrap(Weight::Regular, TEXT, &first, inner, 2);
                    for (n, line) in lines.iter().enumerate() {
                        let line_y = y + 12.0 + n as f32 * 11.0;
                        doc.text(x + 4.0, line_y, TEXT, Weight::Regular, 0.0, line);
                    }
                } else {
                    let first = doc.fit(Weight::Regular, TEXT, &first, inner);
                    let second = doc.fit(Weight::Regular, SMALL, &second, inner);
                    doc.text(x + 4.0, y + 12.0, TEXT, Weight::Regular, 0.0, &first);
                    doc.text(x + 4.0, y + 23.0, SMALL, Weight::Regular, 0.35, &second);
                }
                x += c.width;
            }
            y += ROW_HEIGHT;
            doc.line(MARGIN, y, MARGIN + usable, y, 0.5, 0.7);
            drawn += 1;
        }
        if listed.is_empty() {
            doc.text(
                MARGIN + 4.0,
                y + 18.0,
                TEXT,
                Weight::Regular,
                0.3,
                &crate::t_in!(language, "daysheet-empty-day"),
            );
            y += ROW_HEIGHT;
        }
        // Column rules and the frame, so the sheet prints as a grid to write in.
        let bottom = y.max(TABLE_TOP + HEAD_HEIGHT + ROW_HEIGHT * drawn.max(1) as f32);
        let mut x = MARGIN;
        doc.line(x, TABLE_TOP, x, bottom, 0.5, 0.55);
        for c in &cols {
            x += c.width;
            doc.line(x, TABLE_TOP, x, bottom, 0.5, 0.55);
        }
        doc.line(MARGIN, TABLE_TOP, MARGIN + usable, TABLE_TOP, 0.5, 0.55);
        doc.line(MARGIN, bottom, MARGIN + usable, bottom, 0.5, 0.55);
        // Footer.
        let footer_y = height - FOOTER + 8.0;
        doc.text(MARGIN, footer_y, SMALL, Weight::Regular, 0.4, &printed);
        let page_label = crate::t_in!(language, "daysheet-page", page = page + 1, pages = pages);
        let w = doc.width(Weight::Regular, SMALL, &page_label);
        doc.text(
            width - MARGIN - w,
            footer_y,
            SMALL,
            Weight::Regular,
            0.4,
            &page_label,
        );
    }
    let pages = doc.page_count();
    Ok(Rendered {
        bytes: doc.finish()?,
        pages,
        appointments: listed.len(),
    })
}
