//! What the manager reports and the day sheet look like outside the window: the reports as
//! tables (`table`) written as text, CSV or JSON (`format`), the printable day sheet of a
//! doctor or a room as PDF (`daysheet`, on the small PDF writer in `pdf`), and saving them as
//! private files (`file`). The arithmetic itself is in `scheduling::report`.

pub mod daysheet;
pub mod file;
pub mod format;
pub mod pdf;
mod pdf_text;
pub mod table;

pub use daysheet::{DaySheet, Rendered, SheetOf};
pub use file::{SaveError, save_private};
pub use table::{Cell, ReportTable, Table, table};
