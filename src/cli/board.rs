//! `frontdesk board`: the queue board on a TV (issue 17), full screen, in the clinic's
//! language, following the database live. A board that runs unattended signs in with a
//! service credential: `--service-credential FILE`, or the file `board.credential` in
//! Frontdesk's configuration folder (`~/.config/frontdesk/`), which the desktop menu's
//! "Frontdesk queue board" uses; staff may also start it with `--as NAME`.

use std::path::PathBuf;

use anyhow::{Result, anyhow, bail};
use clap::Args;

use super::auth;
use frontdesk::gui::board::{self, feed::Source};
use frontdesk::store::{Locator, Store, WaitingRoom};

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

/// The credential file the desktop menu's board uses when none is given.
pub fn default_credential() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "frontdesk", "frontdesk")
        .map(|d| d.config_dir().join("board.credential"))
        .filter(|f| f.exists())
}

/// Runs the board on the database `locator` names.
pub fn run(
    locator: Locator,
    mut credentials: auth::Credentials,
    clinic: Option<&str>,
    args: &BoardArgs,
    fixed_now: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<()> {
    super::window::check()?;
    if credentials.name.is_none() && credentials.service.is_none() {
        credentials.service = default_credential();
    }
    if credentials.name.is_none() && credentials.service.is_none() {
        bail!(
            "the board signs in with a service credential: an administrator issues one with \
             `frontdesk service-credential issue board --file ~/.config/frontdesk/board.credential` \
             (or give --service-credential FILE, or --as NAME)"
        );
    }
    let (store, key) = auth::open(&locator, &credentials)?;
    let store = auth::sign_in(store, &credentials)?;
    let clinics = store.board_clinics()?;
    let chosen = match clinic {
        Some(name) => clinics
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| {
                anyhow!(
                    "no clinic is called \"{}\": give one of {}",
                    frontdesk::scheduling::entry::echo(name),
                    names(&clinics)
                )
            })?,
        None => match clinics.as_slice() {
            [one] => one,
            [] => bail!("{locator} holds no clinic yet"),
            many => bail!(
                "this database holds several clinics ({}): choose one with --clinic NAME",
                names(many)
            ),
        },
    };
    let source = Source {
        store: Box::new(store) as Box<dyn Store + Send>,
        locator,
        key,
        clinic: chosen.0,
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

fn names(clinics: &[(frontdesk::scheduling::ClinicId, String)]) -> String {
    clinics
        .iter()
        .map(|(_, n)| format!("\"{}\"", frontdesk::scheduling::entry::echo(n)))
        .collect::<Vec<_>>()
        .join(", ")
}
