//! The recovery key: 160 random bits that open the database when every password is lost, shown
//! once to the first administrator to print and keep. It is written as 40 characters of
//! Crockford's base32 in groups of five (`7KQ2M-…`): digits and capitals without I, L, O and U,
//! so it reads aloud and types without confusion; reading it back ignores case, spaces and
//! dashes and takes I and L for 1 and O for 0. Its last 8 characters are a checksum, so a
//! mistyped key is told as a typing mistake, not as the wrong key.

use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::CipherError;

const RANDOM_BYTES: usize = 20;
const CHECK_BYTES: usize = 5;
const TOTAL: usize = RANDOM_BYTES + CHECK_BYTES;
/// Characters in a recovery key, without its dashes.
const CHARS: usize = TOTAL * 8 / 5;
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A recovery key. Wiped from memory when dropped; its `Debug` shows nothing of it, and it has
/// no `Display`: [`RecoveryKey::printable`] is the one way to show it.
#[derive(Clone)]
pub struct RecoveryKey {
    bytes: Zeroizing<[u8; RANDOM_BYTES]>,
}

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey(***)")
    }
}

fn checksum(bytes: &[u8; RANDOM_BYTES]) -> [u8; CHECK_BYTES] {
    let mut h = Sha256::new();
    h.update(b"frontdesk recovery key v1");
    h.update(bytes);
    let full: [u8; 32] = h.finalize().into();
    let mut out = [0u8; CHECK_BYTES];
    out.copy_from_slice(&full[..CHECK_BYTES]);
    out
}

impl RecoveryKey {
    /// A new random recovery key.
    pub(crate) fn generate() -> Result<RecoveryKey, CipherError> {
        let mut bytes = Zeroizing::new([0u8; RANDOM_BYTES]);
        getrandom::fill(bytes.as_mut()).map_err(|_| CipherError::Crypto("no randomness"))?;
        Ok(RecoveryKey { bytes })
    }

    pub(crate) fn secret_bytes(&self) -> &[u8] {
        self.bytes.as_ref()
    }

    /// The key as it is shown once and printed: eight groups of five characters joined by
    /// dashes. Wiped from memory when dropped.
    pub fn printable(&self) -> Zeroizing<String> {
        let mut all = Zeroizing::new([0u8; TOTAL]);
        all[..RANDOM_BYTES].copy_from_slice(self.bytes.as_ref());
        all[RANDOM_BYTES..].copy_from_slice(&checksum(&self.bytes));
        let mut out = Zeroizing::new(String::with_capacity(CHARS + CHARS / 5));
        let (mut acc, mut bits, mut n) = (0u64, 0u32, 0usize);
        for &b in all.iter() {
            acc = (acc << 8) | u64::from(b);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                if n > 0 && n % 5 == 0 {
                    out.push('-');
                }
                out.push(char::from(ALPHABET[((acc >> bits) & 31) as usize]));
                n += 1;
            }
        }
        out
    }

    /// Reads a recovery key as typed: case, spaces and dashes do not matter, I and L are 1 and
    /// O is 0. A wrong length or checksum is [`CipherError::RecoveryKeyTypo`].
    pub fn parse(typed: &str) -> Result<RecoveryKey, CipherError> {
        let mut values = Zeroizing::new(Vec::with_capacity(CHARS));
        for c in typed.chars() {
            if c.is_whitespace() || c == '-' || c == '\u{2010}' || c == '\u{2013}' {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'I' | 'L' => '1',
                'O' => '0',
                other => other,
            };
            let Some(v) = ALPHABET.iter().position(|&a| char::from(a) == c) else {
                return Err(CipherError::RecoveryKeyTypo(
                    "it holds a character that no recovery key has",
                ));
            };
            values.push(v as u8);
        }
        if values.len() != CHARS {
            return Err(CipherError::RecoveryKeyTypo(if values.len() < CHARS {
                "it is too short: a recovery key has 40 characters in 8 groups"
            } else {
                "it is too long: a recovery key has 40 characters in 8 groups"
            }));
        }
        let mut all = Zeroizing::new([0u8; TOTAL]);
        let (mut acc, mut bits, mut at) = (0u64, 0u32, 0usize);
        for &v in values.iter() {
            acc = (acc << 5) | u64::from(v);
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                all[at] = (acc >> bits) as u8;
                at += 1;
            }
        }
        let mut bytes = Zeroizing::new([0u8; RANDOM_BYTES]);
        bytes.copy_from_slice(&all[..RANDOM_BYTES]);
        if all[RANDOM_BYTES..] != checksum(&bytes) {
            return Err(CipherError::RecoveryKeyTypo(
                "its checksum does not match: a character is wrong or two are swapped",
            ));
        }
        Ok(RecoveryKey { bytes })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_printed_key_reads_back_however_it_is_typed() {
        let key = RecoveryKey::generate().unwrap();
        let shown = key.printable();
        assert_eq!(shown.len(), 40 + 7);
        assert_eq!(shown.split('-').count(), 8);
        let back = RecoveryKey::parse(&shown).unwrap();
        assert_eq!(back.secret_bytes(), key.secret_bytes());
        let sloppy = shown
            .to_lowercase()
            .replace('-', " ")
            .replace('1', "l")
            .replace('0', "o");
        assert_eq!(
            RecoveryKey::parse(&sloppy).unwrap().secret_bytes(),
            key.secret_bytes()
        );
        assert_eq!(format!("{key:?}"), "RecoveryKey(***)");
    }

    #[test]
    fn every_single_typing_mistake_is_caught_as_one() {
        let key = RecoveryKey::generate().unwrap();
        let shown: Vec<char> = key.printable().chars().collect();
        for i in (0..shown.len()).filter(|&i| shown[i] != '-') {
            for &c in ALPHABET {
                let c = char::from(c);
                if c == shown[i] {
                    continue;
                }
                let mut typo = shown.clone();
                typo[i] = c;
                let typo: String = typo.into_iter().collect();
                assert!(
                    matches!(
                        RecoveryKey::parse(&typo),
                        Err(CipherError::RecoveryKeyTypo(_))
                    ),
                    "position {i}"
                );
            }
        }
        let short: String = shown[..shown.len() - 1].iter().collect();
        assert!(matches!(
            RecoveryKey::parse(&short),
            Err(CipherError::RecoveryKeyTypo(_))
        ));
        assert!(matches!(
            RecoveryKey::parse("ABCDE-U"),
            Err(CipherError::RecoveryKeyTypo(_))
        ));
    }
}
