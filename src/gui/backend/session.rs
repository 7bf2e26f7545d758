//! Who is at the window. The store as opened ([`Held::Open`]) serves only the steps before
//! anyone signs in: the first look (is there a clinic, can anyone sign in), the demo clinic,
//! the first administrator, and signing in. From then on it is held guarded
//! ([`Held::Guarded`]: `store::Guarded`, which checks every call against the signed-in role
//! and writes the access log), and [`Backend::run`] refuses until it is. Locking and unlocking
//! (or handing the window to someone else with their PIN) go through the guard. Every step runs
//! off the UI thread: checking a password takes a quarter of a second on purpose.

use chrono::{DateTime, Utc};

use super::{Backend, UiError, earlier_task_failed, said, task_stopped};
use crate::demo::{self, DemoOptions, DemoSignIn};
use crate::scheduling::permission::{Action, Role};
use crate::scheduling::time::local_date;
use crate::scheduling::*;
use crate::signin::{self, Secret, SecretKind, SignedIn, Via};
use crate::store::{Guarded, Store, StoreError};

/// The store as the window holds it.
pub enum Held {
    /// A file not made yet: the first run makes it (a clinic of its own, encrypted; or the
    /// demo clinic, plain: its passwords are published).
    New,
    /// An encrypted file, not open: the first sign-in's password unwraps its key. Wrong tries
    /// are counted in its keys file until then, and written to its log once it is open.
    Sealed {
        /// The file.
        path: std::path::PathBuf,
    },
    /// Opened; nobody has signed in yet.
    Open(Box<dyn Store + Send>),
    /// Signed in: every call is checked against the signed-in role.
    Guarded(Box<Guarded>),
    /// Lost in a hand-over that failed half-way (the window must be restarted).
    Gone,
}

impl Held {
    /// The store as the signed-in person may use it; refused before anyone signs in.
    pub(in crate::gui) fn signed_in(&mut self) -> Result<&mut dyn Store, StoreError> {
        match self {
            Held::Guarded(guarded) => Ok(&mut **guarded),
            Held::New | Held::Sealed { .. } | Held::Open(_) | Held::Gone => {
                Err(StoreError::SignInNeeded)
            }
        }
    }

    /// The store however it is held (recording damage found after opening).
    pub(in crate::gui) fn any(&mut self) -> Result<&mut dyn Store, StoreError> {
        match self {
            Held::Guarded(guarded) => Ok(&mut **guarded),
            Held::Open(store) => Ok(&mut **store),
            Held::New | Held::Sealed { .. } | Held::Gone => Err(gone()),
        }
    }
}

fn gone() -> StoreError {
    StoreError::Invalid(crate::t!("backend-lost-signing-in"))
}

impl crate::reminders::SharedStore for std::sync::Mutex<Held> {
    fn locked<T>(
        &self,
        work: impl FnOnce(&mut dyn Store) -> Result<T, StoreError>,
    ) -> Result<T, String> {
        let mut held = self.lock().map_err(|_| earlier_task_failed())?;
        let store = held.signed_in().map_err(|e| e.to_string())?;
        work(store).map_err(|e| e.to_string())
    }
}

/// Who is signed in, as the window shows it and decides what to offer.
#[derive(Clone, Debug, PartialEq)]
pub struct Who {
    /// Their name, as every change they make is recorded.
    pub name: String,
    /// Their role.
    pub role: Role,
    /// How they proved who they are.
    pub via: Via,
    /// Their staff id (none for a service credential).
    pub staff: Option<StaffId>,
}

impl Who {
    fn of(signed: &SignedIn) -> Who {
        Who {
            name: signed.name().to_owned(),
            role: signed.role(),
            via: signed.via(),
            staff: signed.staff_id(),
        }
    }

    /// Whether their role may do `action` (the window offers only what it may; the store
    /// refuses the rest whatever the window shows).
    pub fn may(&self, action: Action) -> bool {
        self.role.may(action)
    }
}

/// What the window finds in a database before anyone signs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FirstLook {
    /// It holds at least one clinic.
    pub has_clinic: bool,
    /// Someone can sign in (an active administrator with a password exists).
    pub ready: bool,
}

/// A new clinic as the first run's form gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct NewClinic {
    /// Its name.
    pub name: String,
    /// Its time zone.
    pub zone: chrono_tz::Tz,
}

impl NewClinic {
    /// The clinic, open Monday to Friday 09:00–18:00 and Saturday 09:00–13:00 with 15-minute
    /// slots until someone changes that in Settings.
    fn clinic(&self) -> Result<Clinic, UiError> {
        use chrono::Weekday::*;
        let span = |from: u16, to: u16| DaySpan {
            start_minute: from * 60,
            end_minute: to * 60,
        };
        let opening_hours = WeeklyHours::new(
            [Mon, Tue, Wed, Thu, Fri]
                .into_iter()
                .map(|d| (d, span(9, 18)))
                .chain([(Sat, span(9, 13))]),
        )
        .map_err(|e| e.to_string())?;
        Ok(Clinic {
            id: ClinicId(uuid::Uuid::new_v4()),
            name: self.name.trim().to_owned(),
            address: String::new(),
            time_zone: self.zone,
            opening_hours,
            slot_minutes: 15,
        })
    }
}

impl Backend {
    /// Runs `work` on the store as opened, before anyone signs in, on a blocking thread.
    async fn before_sign_in<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Held) -> Result<T, UiError> + Send + 'static,
    ) -> Result<T, UiError> {
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || {
            let mut held = store.lock().map_err(|_| earlier_task_failed())?;
            work(&mut held)
        })
        .await
        .map_err(|e| task_stopped(&e))?
    }

    /// Whether the database holds a clinic and whether anyone can sign in.
    pub async fn first_look(self) -> Result<FirstLook, UiError> {
        self.before_sign_in(|held| {
            let store = match held {
                Held::New => {
                    return Ok(FirstLook {
                        has_clinic: false,
                        ready: false,
                    });
                }
                // Only its staff can open it, so it has some.
                Held::Sealed { .. } => {
                    return Ok(FirstLook {
                        has_clinic: true,
                        ready: true,
                    });
                }
                other => other.any().map_err(said)?,
            };
            Ok(FirstLook {
                has_clinic: !store.clinics().map_err(said)?.is_empty(),
                ready: store.sign_in_ready().map_err(said)?,
            })
        })
        .await
    }

    /// Builds the demo clinic on a new database and gives its staff their documented demo
    /// passwords (returned, to be shown). More than one store call: the demo's size, zone and
    /// seed, `demo::build`, then the passwords.
    pub async fn build_demo(self, now: DateTime<Utc>) -> Result<Vec<DemoSignIn>, UiError> {
        let locator = self.locator.clone();
        self.before_sign_in(move |held| {
            // The demo's database is plain: its passwords are published, so a key wrapped
            // under them would protect nothing (`frontdesk encrypt` encrypts it all the same).
            if matches!(held, Held::New) {
                *held = Held::Open(crate::store::open(&locator).map_err(said)?);
            }
            let Held::Open(store) = held else {
                return Err(crate::t!("backend-demo-before-sign-in"));
            };
            let zone = chrono_tz::Asia::Kolkata;
            let options = DemoOptions {
                appointments: 20_000,
                patients: 4_000,
                zone,
                seed: 1,
                today: local_date(zone, now),
                now,
            };
            demo::build(&mut **store, &options, &mut |_| {}).map_err(said)?;
            demo::set_demo_passwords(&mut **store, &signin::this_desk(), Utc::now()).map_err(said)
        })
        .await
    }

    /// Makes a new database's first administrator `name` with the password `typed` (under
    /// the rules for a new one), and signs them in.
    /// A new file is made encrypted: the recovery key comes back, to be shown once.
    pub async fn first_administrator(
        self,
        name: String,
        typed: String,
    ) -> Result<(Who, Option<Shown>), UiError> {
        let (locator, key_cell) = (self.locator.clone(), self.key.clone());
        self.before_sign_in(move |held| {
            let secret =
                Secret::new_one(SecretKind::Password, &typed).map_err(|e| e.to_string())?;
            // The name is checked before anything is made.
            crate::scheduling::staff::desk_name(&name).map_err(|e| e.to_string())?;
            let mut recovery = None;
            if matches!(held, Held::New) {
                let Some(path) = locator.file() else {
                    return Err(crate::t!("backend-encrypted-file-only"));
                };
                let (store, key, shown) = crate::store::unlock::create(path).map_err(said)?;
                if let Ok(mut cell) = key_cell.lock() {
                    *cell = Some(key);
                }
                recovery = Some(Shown(shown.printable().to_string()));
                *held = Held::Open(store);
            }
            let Held::Open(store) = held else {
                return Err(crate::t!("backend-already-signed-in"));
            };
            let made = (|| {
                let who = signin::first_administrator(
                    &mut **store,
                    &name,
                    &secret,
                    &signin::this_desk(),
                    Utc::now(),
                )
                .map_err(|e| e.to_string())?;
                if recovery.is_some() {
                    let member = store
                        .sign_in_record(&name)
                        .map_err(said)?
                        .ok_or_else(|| crate::t!("backend-administrator-not-stored"))?
                        .member;
                    crate::store::unlock::first_slot(&mut **store, &member, &secret)
                        .map_err(said)?;
                }
                Ok::<_, UiError>(who)
            })();
            let who = match made {
                Ok(who) => who,
                // A new file that did not get its administrator is made again on the next try
                // (it opens for no one: its recovery key was not shown).
                Err(e) if recovery.is_some() => {
                    *held = Held::New;
                    return Err(e);
                }
                Err(e) => return Err(e),
            };
            Ok((guard(held, who)?, recovery))
        })
        .await
    }

    /// Signs `name` in with `typed` (a password, or a PIN when `pin`): the first sign-in
    /// guards the store; later ones unlock it, or hand it to someone else. A wrong try is
    /// counted and logged; the error never repeats what was typed.
    pub async fn sign_in(self, name: String, typed: String, pin: bool) -> Result<Who, UiError> {
        let key_cell = self.key.clone();
        self.before_sign_in(move |held| {
            let kind = if pin {
                SecretKind::Pin
            } else {
                SecretKind::Password
            };
            let secret = Secret::given(kind, &typed).map_err(|e| e.to_string())?;
            let (now, desk) = (Utc::now(), signin::this_desk());
            if let Held::Sealed { path } = held {
                let (store, key) = unseal(path, &name, &secret, now, &desk)?;
                if let Ok(mut cell) = key_cell.lock() {
                    *cell = Some(key);
                }
                *held = Held::Open(store);
            }
            match held {
                Held::Open(store) => {
                    let who = signin::sign_in(&mut **store, &name, &secret, &desk, now)
                        .map_err(|e| e.to_string())?;
                    guard(held, who)
                }
                Held::Guarded(guarded) => {
                    guarded
                        .sign_in_again(&name, &secret, &desk, now)
                        .map_err(|e| e.to_string())?;
                    Ok(Who::of(guarded.who()))
                }
                Held::New | Held::Sealed { .. } | Held::Gone => Err(gone().to_string()),
            }
        })
        .await
    }

    /// Locks the store (idle, or the lock shortcut): nothing is read or written until
    /// someone signs in again. Logged as a sign-out.
    pub async fn lock(self) -> Result<(), UiError> {
        self.before_sign_in(|held| match held {
            Held::Guarded(guarded) => guarded.lock(Utc::now()).map_err(said),
            Held::New | Held::Sealed { .. } | Held::Open(_) | Held::Gone => Ok(()),
        })
        .await
    }

    /// Adds the clinic of a new database (after its first administrator signed in), then
    /// loads the setup.
    pub async fn add_first_clinic(
        self,
        new: NewClinic,
        now: DateTime<Utc>,
    ) -> Result<super::Setup, UiError> {
        let clinic = new.clinic()?;
        self.run(move |s| {
            if s.clinics()?.is_empty() {
                s.save_clinic(&clinic, "", now)?;
            }
            Ok(())
        })
        .await?;
        self.setup().await
    }
}

/// Hands the opened store to `who`: from now on it is guarded (the access log's times from
/// the system clock, whatever clock the window shows).
fn guard(held: &mut Held, who: SignedIn) -> Result<Who, UiError> {
    let Held::Open(store) = std::mem::replace(held, Held::Gone) else {
        return Err(gone().to_string());
    };
    let seen = Who::of(&who);
    let guarded = Guarded::new(store, who, Box::new(Utc::now)).map_err(said)?;
    *held = Held::Guarded(Box::new(guarded));
    Ok(seen)
}

/// A recovery key (or another secret the window shows once), whose `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct Shown(pub String);

impl std::fmt::Debug for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Shown(***)")
    }
}

/// The encrypted file at `path` opened as `name` with `secret` (the wrong tries before it are
/// in its log now); or the refusal, counted in its keys file.
fn unseal(
    path: &std::path::Path,
    name: &str,
    secret: &Secret,
    now: DateTime<Utc>,
    desk: &str,
) -> Result<(Box<dyn Store + Send>, crate::store::cipher::DatabaseKey), UiError> {
    use crate::store::unlock::{Unsealed, open_as};
    match open_as(path, name, secret, now, desk).map_err(said)? {
        Unsealed::Open(store, key) => Ok((store, key)),
        Unsealed::Wrong { left } => Err(signin::SignInError::Wrong {
            what: "password",
            left,
        }
        .to_string()),
        Unsealed::Locked(locked) => Err(signin::SignInError::from(locked).to_string()),
    }
}
