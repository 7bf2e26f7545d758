//! The keys file `<db>.keys`: the clinic's id, a check value of the database key, and its key
//! slots, as JSON. Each slot holds the database key wrapped with XChaCha20-Poly1305 under a key
//! that Argon2id derives from a staff member's password (the cost of `signin::secret`), or
//! from the recovery key (a cheaper cost: it is itself 160 random bits). The slot's clinic, id,
//! kind and label are bound to the wrapped key as associated data, so a slot moved to another
//! label or file does not open. The file is private (0600) and replaced atomically (a partial
//! file, fsync, rename, fsync of the folder).

use std::path::{Path, PathBuf};

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::Aead;
use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::key::{ClinicId, DatabaseKey, file_clinic};
use super::{CipherError, RecoveryKey};
use crate::private_file::Partial;
use crate::signin::{Secret, SecretKind};

mod tries;
pub use tries::{Reserved, SealedFailure};

const FORMAT: u32 = 1;
const RECOVERY_LABEL: &str = "recovery";
const SALT_BYTES: usize = 16;
const NONCE_BYTES: usize = 24;

/// The keys file of the database (or backup) at `db`: `<db>.keys`.
pub fn keys_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".keys");
    PathBuf::from(name)
}

/// What Argon2id spends to derive a slot's wrapping key: memory (KiB), passes and lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfCost {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Passes over the memory.
    pub passes: u32,
    /// Lanes.
    pub lanes: u32,
}

impl KdfCost {
    /// The cost for password slots: the same as a staff password's hash (`signin::secret`).
    pub fn password() -> KdfCost {
        let (memory_kib, passes, lanes) = crate::signin::secret::argon2_cost();
        KdfCost {
            memory_kib,
            passes,
            lanes,
        }
    }

    /// The cost for the recovery slot: the recovery key is 160 random bits, so the derivation
    /// only needs to be one-way, not slow.
    pub fn recovery() -> KdfCost {
        KdfCost {
            memory_kib: 8 * 1024,
            passes: 1,
            lanes: 1,
        }
    }

    /// A cost so low that a test can make hundreds of slots. Never for real keys files: the
    /// store itself only ever uses [`KdfCost::password`].
    pub fn cheap_for_tests() -> KdfCost {
        KdfCost {
            memory_kib: 64,
            passes: 1,
            lanes: 1,
        }
    }

    /// What a keys file may ask for: more would let an edited file hang the PC.
    fn within_limits(&self) -> bool {
        (8..=1 << 20).contains(&self.memory_kib)
            && (1..=64).contains(&self.passes)
            && (1..=16).contains(&self.lanes)
    }
}

/// What a slot opens with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotKind {
    /// A staff member's password.
    Password,
    /// The printed recovery key.
    Recovery,
}

/// A slot as a list of them shows it: whose, and of which kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlotInfo {
    /// The label (a staff id as text, or `recovery`).
    pub label: String,
    /// Password or recovery.
    pub kind: SlotKind,
}

#[derive(Clone, Serialize, Deserialize)]
struct Kdf {
    algorithm: String,
    #[serde(flatten)]
    cost: KdfCost,
    salt: String,
}

#[derive(Clone, Serialize, Deserialize)]
struct Slot {
    id: uuid::Uuid,
    label: String,
    kind: SlotKind,
    kdf: Kdf,
    nonce: String,
    wrapped: String,
}

#[derive(Clone, Serialize, Deserialize)]
struct KeysFile {
    format: u32,
    clinic: ClinicId,
    key_check: String,
    slots: Vec<Slot>,
    /// Which slot a name signs in with: a keyed digest of the name as sign-in folds it (see
    /// [`name_digest`]), to the slot's label (a staff id). Not bound to any wrapped key, so a
    /// renamed staff member keeps their slot.
    #[serde(default)]
    names: std::collections::BTreeMap<String, String>,
    /// Tries before the database was open, by slot label or a short digest (see [`tries`]).
    #[serde(default, deserialize_with = "tries::lenient")]
    tries: std::collections::BTreeMap<String, tries::Counted>,
    /// Each wrong try before the database was open, kept until it is written to the access
    /// log (see [`tries`]).
    #[serde(default, deserialize_with = "tries::lenient")]
    failures: Vec<tries::Failure>,
    /// Wrong tries not kept in `failures` (past its cap), for the log to say so.
    #[serde(default, deserialize_with = "tries::lenient")]
    failures_dropped: u64,
}

/// The digest a name is found under in the keys file: SHA-256 over the clinic's id and the name
/// as sign-in finds it (tidied, composed, A–Z folded), in hex. The file names no one in clear.
pub fn name_digest(clinic: ClinicId, name: &str) -> String {
    use sha2::Digest;
    let folded = crate::scheduling::staff::sign_in_folded(name);
    let mut hash = sha2::Sha256::new();
    hash.update(b"frontdesk staff name v1");
    hash.update(clinic.0.as_bytes());
    hash.update(folded.as_bytes());
    hex(&hash.finalize())
}

/// The key slots of one database, as read from (and written back to) its keys file.
pub struct KeySlots {
    path: PathBuf,
    file: KeysFile,
    cost: KdfCost,
}

impl std::fmt::Debug for KeySlots {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeySlots")
            .field("path", &self.path)
            .field("clinic", &self.file.clinic)
            .field("slots", &self.slots())
            .finish()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

fn random<const N: usize>() -> Result<[u8; N], CipherError> {
    let mut out = [0u8; N];
    getrandom::fill(&mut out).map_err(|_| CipherError::Crypto("no randomness"))?;
    Ok(out)
}

fn check_label(label: &str) -> Result<(), CipherError> {
    if label.trim().is_empty() || label.chars().count() > 200 || label.chars().any(char::is_control)
    {
        return Err(CipherError::BadLabel);
    }
    Ok(())
}

/// The associated data a slot's wrapped key is bound to.
fn associated(clinic: ClinicId, id: uuid::Uuid, kind: SlotKind, label: &str) -> Vec<u8> {
    let mut aad = b"frontdesk key slot v1".to_vec();
    aad.extend_from_slice(clinic.0.as_bytes());
    aad.extend_from_slice(id.as_bytes());
    aad.push(match kind {
        SlotKind::Password => 1,
        SlotKind::Recovery => 2,
    });
    aad.extend_from_slice(&(label.len() as u64).to_le_bytes());
    aad.extend_from_slice(label.as_bytes());
    aad
}

fn derive(secret: &[u8], salt: &[u8], cost: KdfCost) -> Result<Zeroizing<[u8; 32]>, CipherError> {
    let params = Params::new(cost.memory_kib, cost.passes, cost.lanes, Some(32))
        .map_err(|_| CipherError::Crypto("the key derivation's cost is not valid"))?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(secret, salt, out.as_mut())
        .map_err(|_| CipherError::Crypto("the key derivation failed"))?;
    Ok(out)
}

fn seal(
    key: &DatabaseKey,
    label: &str,
    kind: SlotKind,
    secret: &[u8],
    cost: KdfCost,
) -> Result<Slot, CipherError> {
    let id = uuid::Uuid::new_v4();
    let salt = random::<SALT_BYTES>()?;
    let nonce = random::<NONCE_BYTES>()?;
    let wrapping = derive(secret, &salt, cost)?;
    let aead = XChaCha20Poly1305::new_from_slice(wrapping.as_ref())
        .map_err(|_| CipherError::Crypto("the wrapping key has the wrong length"))?;
    let aad = associated(key.clinic(), id, kind, label);
    let wrapped = aead
        .encrypt(
            &XNonce::from(nonce),
            chacha20poly1305::aead::Payload {
                msg: key.bytes(),
                aad: &aad,
            },
        )
        .map_err(|_| CipherError::Crypto("the key could not be wrapped"))?;
    Ok(Slot {
        id,
        label: label.to_owned(),
        kind,
        kdf: Kdf {
            algorithm: "argon2id".into(),
            cost,
            salt: hex(&salt),
        },
        nonce: hex(&nonce),
        wrapped: hex(&wrapped),
    })
}

/// A staff member's password slot as it was before a change (or that they had none), to put
/// back when the rest of the change could not be made ([`KeySlots::put_back`]).
pub struct SlotBefore {
    label: String,
    slot: Option<Slot>,
}

/// Why a slot did not open: the wrong secret, or a damaged slot.
enum Unsealed {
    Key(DatabaseKey),
    Wrong,
}

impl KeySlots {
    /// Makes the keys of a new encrypted database at `db`: a new clinic id and random key, a
    /// password slot for `first_label` (the first administrator) and a recovery slot, written
    /// to `<db>.keys` (which must not exist). Returns the slots, the key to open the database
    /// with, and the recovery key to show once.
    pub fn create(
        db: &Path,
        first_label: &str,
        password: &Secret,
    ) -> Result<(KeySlots, DatabaseKey, RecoveryKey), CipherError> {
        Self::create_with(
            db,
            ClinicId::random(),
            first_label,
            password,
            KdfCost::password(),
        )
    }

    /// [`KeySlots::create`] for a given clinic id and password cost (tests lower the cost).
    pub fn create_with(
        db: &Path,
        clinic: ClinicId,
        first_label: &str,
        password: &Secret,
        cost: KdfCost,
    ) -> Result<(KeySlots, DatabaseKey, RecoveryKey), CipherError> {
        let made = Self::new_in_memory(db, clinic, first_label, password, cost)?;
        let path = keys_path(db);
        if path.exists() {
            return Err(CipherError::Io {
                path,
                error: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "a keys file is already there; it was left as it is",
                ),
            });
        }
        made.0.write(&made.0.file)?;
        Ok(made)
    }

    /// The keys of a new clinic, not yet written (conversion writes them only when the
    /// encrypted copy is ready).
    pub(crate) fn new_in_memory(
        db: &Path,
        clinic: ClinicId,
        first_label: &str,
        password: &Secret,
        cost: KdfCost,
    ) -> Result<(KeySlots, DatabaseKey, RecoveryKey), CipherError> {
        check_label(first_label)?;
        let key = DatabaseKey::generate(clinic)?;
        let recovery = RecoveryKey::generate()?;
        let mut slots = KeySlots {
            path: keys_path(db),
            file: KeysFile {
                format: FORMAT,
                clinic,
                key_check: hex(&key.check_value()),
                slots: Vec::new(),
                names: Default::default(),
                tries: Default::default(),
                failures: Vec::new(),
                failures_dropped: 0,
            },
            cost,
        };
        slots
            .file
            .slots
            .push(password_slot(&key, first_label, password, cost)?);
        slots.file.slots.push(seal(
            &key,
            RECOVERY_LABEL,
            SlotKind::Recovery,
            recovery.secret_bytes(),
            KdfCost::recovery().min_with(cost),
        )?);
        Ok((slots, key, recovery))
    }

    /// Reads the keys file of the database (or backup) at `db`. A keys file of another clinic
    /// than an encrypted `db` is refused before any key is tried.
    pub fn load(db: &Path) -> Result<KeySlots, CipherError> {
        let path = keys_path(db);
        let file = read_keys(&path)?;
        let compressed = super::super::backup::compress::is_compressed(db).unwrap_or(false);
        if !compressed
            && let Ok(Some(clinic)) = file_clinic(db)
            && clinic != file.clinic
        {
            return Err(CipherError::OtherClinic {
                keys: path,
                database: db.to_path_buf(),
            });
        }
        Ok(KeySlots {
            path,
            file,
            cost: KdfCost::password(),
        })
    }

    /// The same slots, making new password slots at `cost` from now on (tests lower it).
    pub fn with_cost(mut self, cost: KdfCost) -> KeySlots {
        self.cost = cost;
        self
    }

    /// The keys file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The clinic these keys belong to.
    pub fn clinic(&self) -> ClinicId {
        self.file.clinic
    }

    /// The slots, in order.
    pub fn slots(&self) -> Vec<SlotInfo> {
        self.file
            .slots
            .iter()
            .map(|s| SlotInfo {
                label: s.label.clone(),
                kind: s.kind,
            })
            .collect()
    }

    /// The label of the password slot `name` signs in with, if the keys file knows the name.
    pub fn label_of(&self, name: &str) -> Option<&str> {
        self.file
            .names
            .get(&name_digest(self.file.clinic, name))
            .map(String::as_str)
    }

    /// The key a Frontdesk process sent on `input` ([`DatabaseKey::send`]), when it is this
    /// database's.
    pub fn receive_key(&self, input: &mut dyn std::io::Read) -> Result<DatabaseKey, CipherError> {
        let mut text = Zeroizing::new([0u8; 66]);
        let mut read = 0;
        while read < text.len() {
            match input.read(&mut text[read..]) {
                Ok(0) => break,
                Ok(n) => read += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
        let line = std::str::from_utf8(&text[..read])
            .unwrap_or_default()
            .trim_end();
        let mut bytes = Zeroizing::new([0u8; 32]);
        let wrong = || CipherError::WrongKey {
            path: self.path.clone(),
        };
        if line.len() != 64 {
            return Err(wrong());
        }
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = u8::from_str_radix(line.get(2 * i..2 * i + 2).ok_or_else(wrong)?, 16)
                .map_err(|_| wrong())?;
        }
        let key = DatabaseKey::from_bytes(bytes, self.file.clinic);
        self.check_key(&key)?;
        Ok(key)
    }

    /// Whether there is a password slot labelled `label`.
    pub fn has_password_slot(&self, label: &str) -> bool {
        self.slot(label, SlotKind::Password).is_ok()
    }

    /// From now on `name` signs in with `label`'s slot (a staff member's name, as given or
    /// changed); any name that pointed at `label` before no longer does. Written before it
    /// returns.
    pub fn name_slot(&mut self, label: &str, name: &str) -> Result<(), CipherError> {
        let digest = name_digest(self.file.clinic, name);
        let path = self.path.clone();
        self.change(|file| {
            find_slot(file, &path, label, SlotKind::Password)?;
            // A name another slot signs in with (a staff member named like a service
            // credential, or two people of one name) is not taken over.
            if let Some(other) = file.names.get(&digest)
                && other != label
                && find_slot(file, &path, other, SlotKind::Password).is_ok()
            {
                return Err(CipherError::SlotExists {
                    label: crate::scheduling::entry::echo(name),
                });
            }
            file.names.retain(|_, l| l != label);
            file.names.insert(digest, label.to_owned());
            Ok(())
        })
    }

    /// Sets `label`'s password slot to wrap `key` under `password`: added when it has none,
    /// replaced when it has one (an administrator resets a lost password). Then `name` signs
    /// in with it.
    pub fn set_password_slot(
        &mut self,
        label: &str,
        name: &str,
        key: &DatabaseKey,
        password: &Secret,
    ) -> Result<(), CipherError> {
        if self.has_password_slot(label) {
            self.replace_slot(label, key, password)?;
        } else {
            self.add_slot(label, key, password)?;
        }
        self.name_slot(label, name)?;
        self.clear_tries(name)
    }

    /// `label`'s password slot as it is now, to put back with [`KeySlots::put_back`].
    pub fn password_slot_before(&self, label: &str) -> SlotBefore {
        SlotBefore {
            label: label.to_owned(),
            slot: self.slot(label, SlotKind::Password).ok().cloned(),
        }
    }

    /// Puts a password slot back as it was (`before`): the one it had, or none (never the
    /// last password slot of the file).
    pub fn put_back(&mut self, before: SlotBefore) -> Result<(), CipherError> {
        self.change(|file| {
            let others = file
                .slots
                .iter()
                .filter(|s| s.kind == SlotKind::Password && s.label != before.label)
                .count();
            if before.slot.is_none() && others == 0 {
                return Ok(());
            }
            file.slots
                .retain(|s| !(s.label == before.label && s.kind == SlotKind::Password));
            if let Some(slot) = before.slot {
                file.slots.push(slot);
            } else {
                file.names.retain(|_, l| *l != before.label);
            }
            Ok(())
        })
    }

    fn slot(&self, label: &str, kind: SlotKind) -> Result<&Slot, CipherError> {
        find_slot(&self.file, &self.path, label, kind)
    }

    fn unseal(&self, slot: &Slot, secret: &[u8]) -> Result<Unsealed, CipherError> {
        let damaged = |why: &str| CipherError::DamagedKeys {
            path: self.path.clone(),
            why: format!(
                "the slot of {} {why}",
                crate::scheduling::entry::echo(&slot.label)
            ),
        };
        if slot.kdf.algorithm != "argon2id" || !slot.kdf.cost.within_limits() {
            return Err(damaged("asks for a key derivation Frontdesk does not use"));
        }
        let salt = unhex(&slot.kdf.salt)
            .filter(|s| (8..=64).contains(&s.len()))
            .ok_or_else(|| damaged("has no valid salt"))?;
        let nonce: [u8; NONCE_BYTES] = unhex(&slot.nonce)
            .and_then(|n| n.try_into().ok())
            .ok_or_else(|| damaged("has no valid nonce"))?;
        let wrapped = unhex(&slot.wrapped)
            .filter(|w| w.len() == 32 + 16)
            .ok_or_else(|| damaged("holds no wrapped key"))?;
        let wrapping = derive(secret, &salt, slot.kdf.cost)?;
        let aead = XChaCha20Poly1305::new_from_slice(wrapping.as_ref())
            .map_err(|_| CipherError::Crypto("the wrapping key has the wrong length"))?;
        let aad = associated(self.file.clinic, slot.id, slot.kind, &slot.label);
        let Ok(plain) = aead.decrypt(
            &XNonce::from(nonce),
            chacha20poly1305::aead::Payload {
                msg: &wrapped,
                aad: &aad,
            },
        ) else {
            return Ok(Unsealed::Wrong);
        };
        let plain = Zeroizing::new(plain);
        let mut bytes = Zeroizing::new([0u8; 32]);
        bytes.copy_from_slice(&plain);
        let key = DatabaseKey::from_bytes(bytes, self.file.clinic);
        if hex(&key.check_value()) != self.file.key_check {
            return Err(damaged("opens a key that is not this database's"));
        }
        Ok(Unsealed::Key(key))
    }

    /// The database key, unwrapped with `label`'s password. Slow on purpose (Argon2id): call
    /// it off the UI thread.
    pub fn unwrap_with_password(
        &self,
        label: &str,
        password: &Secret,
    ) -> Result<DatabaseKey, CipherError> {
        let slot = self.slot(label, SlotKind::Password)?;
        match self.unseal(slot, password.composed_bytes())? {
            Unsealed::Key(key) => Ok(key),
            Unsealed::Wrong => Err(CipherError::WrongPassword {
                label: crate::scheduling::entry::echo(label),
            }),
        }
    }

    /// The database key, unwrapped with the recovery key.
    pub fn unwrap_with_recovery(&self, recovery: &RecoveryKey) -> Result<DatabaseKey, CipherError> {
        let slot = self.slot(RECOVERY_LABEL, SlotKind::Recovery)?;
        match self.unseal(slot, recovery.secret_bytes())? {
            Unsealed::Key(key) => Ok(key),
            Unsealed::Wrong => Err(CipherError::WrongRecoveryKey {
                path: self.path.clone(),
            }),
        }
    }

    /// Refuses a key that is not this file's (another clinic's, or a stale one).
    pub(crate) fn check_key(&self, key: &DatabaseKey) -> Result<(), CipherError> {
        if key.clinic() != self.file.clinic || hex(&key.check_value()) != self.file.key_check {
            return Err(CipherError::WrongKey {
                path: self.path.clone(),
            });
        }
        Ok(())
    }

    /// Adds a password slot for `label` (a new staff member), wrapping `key` (the signed-in
    /// administrator's) under `password`. Written to the file before it returns.
    pub fn add_slot(
        &mut self,
        label: &str,
        key: &DatabaseKey,
        password: &Secret,
    ) -> Result<(), CipherError> {
        check_label(label)?;
        self.check_key(key)?;
        let taken = |file: &KeysFile| {
            label == RECOVERY_LABEL || file.slots.iter().any(|s| s.label == label)
        };
        let exists = || CipherError::SlotExists {
            label: crate::scheduling::entry::echo(label),
        };
        if taken(&self.file) {
            return Err(exists());
        }
        let slot = password_slot(key, label, password, self.cost)?;
        self.change(|file| {
            if taken(file) {
                return Err(exists());
            }
            file.slots.push(slot);
            Ok(())
        })
    }

    /// Removes `label`'s password slot (a staff member who left). The last password slot is
    /// never removed.
    pub fn remove_slot(&mut self, label: &str) -> Result<(), CipherError> {
        let path = self.path.clone();
        self.change(|file| {
            find_slot(file, &path, label, SlotKind::Password)?;
            let passwords = file
                .slots
                .iter()
                .filter(|s| s.kind == SlotKind::Password)
                .count();
            if passwords <= 1 {
                return Err(CipherError::LastPasswordSlot {
                    label: crate::scheduling::entry::echo(label),
                });
            }
            file.slots
                .retain(|s| !(s.label == label && s.kind == SlotKind::Password));
            file.names.retain(|_, l| l != label);
            Ok(())
        })
    }

    /// Replaces `label`'s password slot with one for `password` (an administrator resets a
    /// lost password, or the staff member changes theirs), wrapping `key`.
    pub fn replace_slot(
        &mut self,
        label: &str,
        key: &DatabaseKey,
        password: &Secret,
    ) -> Result<(), CipherError> {
        self.slot(label, SlotKind::Password)?;
        self.check_key(key)?;
        let fresh = password_slot(key, label, password, self.cost)?;
        let path = self.path.clone();
        self.change(|file| {
            find_slot(file, &path, label, SlotKind::Password)?;
            for s in &mut file.slots {
                if s.label == label && s.kind == SlotKind::Password {
                    *s = fresh.clone();
                }
            }
            Ok(())
        })
    }

    /// Replaces the recovery slot with one for a new recovery key (the printed sheet was lost),
    /// which is returned to be shown once. The old recovery key stops working.
    pub fn new_recovery_key(&mut self, key: &DatabaseKey) -> Result<RecoveryKey, CipherError> {
        self.check_key(key)?;
        let recovery = RecoveryKey::generate()?;
        let slot = seal(
            key,
            RECOVERY_LABEL,
            SlotKind::Recovery,
            recovery.secret_bytes(),
            KdfCost::recovery().min_with(self.cost),
        )?;
        self.change(|file| {
            file.slots.retain(|s| s.kind != SlotKind::Recovery);
            file.slots.push(slot);
            Ok(())
        })?;
        Ok(recovery)
    }

    /// Changes the keys file on disk as `change` says: under its lock, on the file as it is
    /// now (another process may have changed it since it was loaded), written back atomically;
    /// these slots then hold what was written. A file not written yet (a conversion's) is
    /// changed as held here.
    fn change(
        &mut self,
        change: impl FnOnce(&mut KeysFile) -> Result<(), CipherError>,
    ) -> Result<(), CipherError> {
        let _lock = KeysLock::take(&self.path)?;
        let mut file = match read_keys(&self.path) {
            Ok(file) if file.clinic == self.file.clinic => file,
            Ok(_) => {
                return Err(CipherError::DamagedKeys {
                    path: self.path.clone(),
                    why: "it was replaced by another clinic's while in use".into(),
                });
            }
            Err(CipherError::KeysMissing { .. }) => self.file.clone(),
            Err(e) => return Err(e),
        };
        change(&mut file)?;
        self.write(&file)?;
        self.file = file;
        Ok(())
    }

    fn write(&self, file: &KeysFile) -> Result<(), CipherError> {
        write_keys(&self.path, file)
    }

    /// Writes these slots as the keys file of another file (a backup, or a converted
    /// database): `<dest>.keys`.
    pub(crate) fn write_beside(&self, dest: &Path) -> Result<PathBuf, CipherError> {
        let path = keys_path(dest);
        write_keys(&path, &self.file)?;
        Ok(path)
    }

    /// Writes these slots to their own keys file (conversion, when the copy is ready).
    pub(crate) fn save(&self) -> Result<(), CipherError> {
        self.write(&self.file)
    }
}

impl KdfCost {
    /// The cheaper of two costs, field by field: tests that lower the password cost lower the
    /// recovery cost too.
    fn min_with(self, other: KdfCost) -> KdfCost {
        KdfCost {
            memory_kib: self.memory_kib.min(other.memory_kib),
            passes: self.passes.min(other.passes),
            lanes: self.lanes.min(other.lanes),
        }
    }
}

fn find_slot<'a>(
    file: &'a KeysFile,
    path: &Path,
    label: &str,
    kind: SlotKind,
) -> Result<&'a Slot, CipherError> {
    file.slots
        .iter()
        .find(|s| s.label == label && s.kind == kind)
        .ok_or_else(|| CipherError::NoSuchSlot {
            label: crate::scheduling::entry::echo(label),
            path: path.to_path_buf(),
        })
}

fn password_slot(
    key: &DatabaseKey,
    label: &str,
    password: &Secret,
    cost: KdfCost,
) -> Result<Slot, CipherError> {
    if password.kind() != SecretKind::Password {
        return Err(CipherError::PinNotAllowed);
    }
    seal(
        key,
        label,
        SlotKind::Password,
        password.composed_bytes(),
        cost,
    )
}

/// Reads and checks the keys file at `path` (without comparing it with its database).
fn read_keys(path: &Path) -> Result<KeysFile, CipherError> {
    let text = match std::fs::read(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(CipherError::KeysMissing {
                path: path.to_path_buf(),
            });
        }
        Err(e) => return Err(CipherError::io(path)(e)),
    };
    let damaged = |why: &str| CipherError::DamagedKeys {
        path: path.to_path_buf(),
        why: why.to_owned(),
    };
    #[derive(Deserialize)]
    struct Version {
        format: u32,
    }
    let version: Version =
        serde_json::from_slice(&text).map_err(|_| damaged("it is not a Frontdesk keys file"))?;
    if version.format > FORMAT {
        return Err(CipherError::NewerKeysFormat {
            path: path.to_path_buf(),
            found: version.format,
        });
    }
    let file: KeysFile = serde_json::from_slice(&text)
        .map_err(|e| damaged(&format!("line {}, column {}", e.line(), e.column())))?;
    if unhex(&file.key_check).is_none_or(|c| c.len() != 16) {
        return Err(damaged("its key check is not 16 bytes"));
    }
    if !file.slots.iter().any(|s| s.kind == SlotKind::Password) {
        return Err(damaged("it has no password slot"));
    }
    Ok(file)
}

/// Holds `<keys>.lock` locked while a keys file is read, changed and written back, so that
/// two processes (the window and a command, or two commands) never lose each other's change.
/// Released when dropped.
struct KeysLock(std::fs::File);

impl KeysLock {
    fn take(keys: &Path) -> Result<KeysLock, CipherError> {
        use std::os::unix::fs::OpenOptionsExt;
        let mut name = keys.as_os_str().to_owned();
        name.push(".lock");
        let path = PathBuf::from(name);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(&path)
            .map_err(CipherError::io(&path))?;
        file.lock().map_err(CipherError::io(&path))?;
        Ok(KeysLock(file))
    }
}

impl Drop for KeysLock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

fn write_keys(path: &Path, file: &KeysFile) -> Result<(), CipherError> {
    use std::io::Write;
    let text = serde_json::to_vec_pretty(file)
        .map_err(|_| CipherError::Crypto("the keys could not be written as text"))?;
    let (partial, mut out) = Partial::create(path).map_err(CipherError::io(path))?;
    out.write_all(&text).map_err(CipherError::io(path))?;
    out.write_all(b"\n").map_err(CipherError::io(path))?;
    out.sync_all().map_err(CipherError::io(path))?;
    partial.persist(path).map_err(CipherError::io(path))
}
