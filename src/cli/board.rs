//! `frontdesk board` and `frontdesk kiosk`: the waiting room's screens (issue 17), full screen,
//! in the clinic's language. The queue board follows the database live; the kiosk lets
//! patients check themselves in. Each runs unattended, so it signs in with a service
//! credential: `--service-credential FILE`, or the file `board.credential` (or
//! `kiosk.credential`) in Frontdesk's configuration folder (`~/.config/frontdesk/`), which the
//! desktop menu's entries use; staff may also start one with `--as NAME`.

use std::path::PathBuf;

use anyhow::{Result, anyhow, bail};
use clap::Args;

use super::auth;
use frontdesk::gui::board::{self, feed::Source};
use frontdesk::gui::kiosk;
use frontdesk::store::{Guarded, Locator, ScreenClinic, Store, WaitingRoom, cipher::DatabaseKey};

/// `frontdesk board`.
#[derive(Debug, Args)]
pub struct BoardArgs {
    /// Black type on white (the default is white on black).
    #[arg(long)]
    pub light: bool,
    /// In a window instead of full screen (to try it out).
    #[arg(long)]
    pub windowed: bool,
}

/// `frontdesk kiosk`.
#[derive(Debug, Args)]
pub struct KioskArgs {
    /// In a window instead of full screen (to try it out).
    #[arg(long)]
    pub windowed: bool,
}

/// The credential file `name` (board, kiosk) in Frontdesk's configuration folder, if there.
fn default_credential(name: &str) -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "frontdesk", "frontdesk")
        .map(|d| d.config_dir().join(format!("{name}.credential")))
        .filter(|f| f.exists())
}

/// A screen's sign-in and clinic: the signed-in store, its key, and the clinic.
type Opened = (Guarded, Option<DatabaseKey>, ScreenClinic);

/// [`open_screen`], and when it fails while nobody reads the terminal (the desktop menu
/// started it), the reason as a desktop notification too, so a click on the menu entry never
/// seems to do nothing.
fn open(
    locator: &Locator,
    credentials: auth::Credentials,
    clinic: Option<&str>,
    screen: &str,
) -> Result<Opened> {
    use std::io::IsTerminal;
    let opened = open_screen(locator, credentials, clinic, screen);
    if let Err(error) = &opened
        && !std::io::stderr().is_terminal()
    {
        let notice = frontdesk::scheduling::notice::StaffNotice {
            summary: format!("Frontdesk {screen} could not start"),
            body: error.to_string(),
        };
        frontdesk::reminders::desktop::notify(&[notice]);
    }
    opened
}

fn open_screen(
    locator: &Locator,
    mut credentials: auth::Credentials,
    clinic: Option<&str>,
    screen: &str,
) -> Result<Opened> {
    super::window::check()?;
    if credentials.name.is_none() && credentials.service.is_none() {
        credentials.service = default_credential(screen);
    }
    if credentials.name.is_none() && credentials.service.is_none() {
        bail!(
            "the {screen} signs in with a service credential: an administrator issues one with \
             `frontdesk service-credential issue {screen} --file ~/.config/frontdesk/{screen}.credential` \
             (or give --service-credential FILE, or --as NAME)"
        );
    }
    let (store, key) = auth::open(locator, &credentials)?;
    let store = auth::sign_in(store, &credentials)?;
    let clinics = store.board_clinics()?;
    let names = || {
        clinics
            .iter()
            .map(|c| format!("\"{}\"", frontdesk::scheduling::entry::echo(&c.name)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let chosen = match clinic {
        Some(name) => clinics
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name.trim()))
            .cloned()
            .ok_or_else(|| {
                anyhow!(
                    "no clinic is called \"{}\": give one of {}",
                    frontdesk::scheduling::entry::echo(name),
                    names()
                )
            })?,
        None => match clinics.as_slice() {
            [one] => one.clone(),
            [] => bail!("{locator} holds no clinic yet"),
            _ => bail!(
                "this database holds several clinics ({}): choose one with --clinic NAME",
                names()
            ),
        },
    };
    Ok((store, key, chosen))
}

/// Runs the board on the database `locator` names.
pub fn run_board(
    locator: Locator,
    credentials: auth::Credentials,
    clinic: Option<&str>,
    args: &BoardArgs,
    fixed_now: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<()> {
    let (store, key, chosen) = open(&locator, credentials, clinic, "board")?;
    // Written in the clinic's language from the first frame ("Connecting…"); each board read
    // carries the language again, so a change at a desk follows.
    frontdesk::i18n::set_current(chosen.language);
    let source = Source {
        store: Box::new(store) as Box<dyn Store + Send>,
        locator,
        key,
        clinic: chosen.id,
        fixed_now,
    };
    let options = board::Options {
        dark: !args.light,
        fullscreen: !args.windowed,
        fixed_now,
    };
    tracing::info!("opening the queue board");
    board::run(source, options).map_err(|e| anyhow!("the board could not open: {e}"))
}

/// Runs the kiosk on the database `locator` names.
pub fn run_kiosk(
    locator: Locator,
    credentials: auth::Credentials,
    clinic: Option<&str>,
    args: &KioskArgs,
    fixed_now: Option<chrono::DateTime<chrono::Utc>>,
    language: Option<frontdesk::i18n::Language>,
) -> Result<()> {
    let (store, _, chosen) = open(&locator, credentials, clinic, "kiosk")?;
    // The kiosk speaks to patients: in the clinic's language unless --language says another.
    frontdesk::i18n::set_current(language.unwrap_or(chosen.language));
    let ScreenClinic {
        id: clinic,
        name,
        zone,
        ..
    } = chosen;
    let options = kiosk::Options {
        fullscreen: !args.windowed,
        fixed_now,
    };
    tracing::info!("opening the self check-in kiosk");
    kiosk::run(Box::new(store), clinic, name, zone, options)
        .map_err(|e| anyhow!("the kiosk could not open: {e}"))
}
