//! The compact backup file (`.fdbackup`) that daily backups are written in. A *full* one is the
//! database compressed with zstd; a *delta* one holds, compressed, only the pages that differ
//! from a full one of the same folder (named in its header), so a week of daily backups costs
//! about one compressed copy. Every file's header carries the SHA-256 of the database it gives
//! back, and restoring it checks that hash, then SQLite's own checks (`restore.rs`).
//!
//! Layout (integers little-endian): `FDBACKUP`, format version (u32, 1), kind (u8: 0 full,
//! 1 delta), page size (u32), page count (u64), the database's SHA-256 (32 bytes); a delta
//! then has its full file's SHA-256 (32 bytes) and name (u16 length, UTF-8). Then one zstd
//! frame: a full's pages in order, or a delta's changed pages, each as its number (u64) and
//! its bytes.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::scheduling::entry::echo_path;

const MAGIC: &[u8; 8] = b"FDBACKUP";
const VERSION: u32 = 1;
/// The zstd level: a good ratio at about 150 MB/s on one core.
const LEVEL: i32 = 6;
/// A delta that changes more of the pages than this (in percent) is written as a full one.
pub const DELTA_LIMIT_PERCENT: u64 = 40;
/// SQLite's largest page size; anything bigger in a header is damage.
const MAX_PAGE_SIZE: u32 = 65_536;

/// Why a backup file could not be written or read back.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file system error, or a compressed stream that does not decode.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The file is not one of ours, or its header is damaged.
    #[error("{}", crate::t!("store-backup-file-header", why = *_0))]
    Header(&'static str),
    /// A delta's full backup is not in the folder.
    #[error("{}", crate::t!("store-backup-file-missing-base", file = echo_path(_0)))]
    MissingBase(PathBuf),
    /// A delta's full backup is not the one it was made from.
    #[error("{}", crate::t!("store-backup-file-wrong-base", file = echo_path(_0)))]
    WrongBase(PathBuf),
    /// The file a delta names as its full backup is itself a delta.
    #[error("{}", crate::t!("store-backup-file-base-not-full", file = echo_path(_0)))]
    BaseNotFull(PathBuf),
    /// A delta's full backup cannot be read back.
    #[error("{}", crate::t!("store-backup-file-base-damaged", file = echo_path(path), details = details))]
    BaseDamaged {
        /// The full backup.
        path: PathBuf,
        /// What went wrong reading it.
        details: String,
    },
    /// Written in a format this Frontdesk does not know.
    #[error("{}", crate::t!("store-backup-file-version", version = _0.to_string()))]
    Version(u32),
    /// What was read back is not what was backed up.
    #[error("{}", crate::t!("store-backup-file-checksum"))]
    Checksum,
}

/// Full or delta.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The whole database.
    Full,
    /// The pages that differ from the full backup `base` (a file name in the same folder)
    /// whose database has the SHA-256 `base_hash`.
    Delta {
        /// The full backup's file name.
        base: String,
        /// Its database's SHA-256.
        base_hash: [u8; 32],
    },
}

/// A backup file's header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// Full or delta.
    pub kind: Kind,
    /// The database's page size.
    pub page_size: u32,
    /// Its number of pages.
    pub page_count: u64,
    /// The SHA-256 of the database.
    pub hash: [u8; 32],
}

/// True when `path` starts like one of our backup files.
pub fn is_compressed(path: &Path) -> std::io::Result<bool> {
    let mut head = [0u8; 8];
    let mut f = File::open(path)?;
    let mut read = 0;
    while read < head.len() {
        match f.read(&mut head[read..])? {
            0 => break,
            n => read += n,
        }
    }
    Ok(read == head.len() && &head == MAGIC)
}

fn write_header(out: &mut impl Write, header: &Header) -> std::io::Result<()> {
    out.write_all(MAGIC)?;
    out.write_all(&VERSION.to_le_bytes())?;
    out.write_all(&[match header.kind {
        Kind::Full => 0,
        Kind::Delta { .. } => 1,
    }])?;
    out.write_all(&header.page_size.to_le_bytes())?;
    out.write_all(&header.page_count.to_le_bytes())?;
    out.write_all(&header.hash)?;
    if let Kind::Delta { base, base_hash } = &header.kind {
        out.write_all(base_hash)?;
        let len = u16::try_from(base.len())
            .map_err(|_| std::io::Error::other("the full backup's name is too long"))?;
        out.write_all(&len.to_le_bytes())?;
        out.write_all(base.as_bytes())?;
    }
    Ok(())
}

fn read_exact<const N: usize>(input: &mut impl Read) -> Result<[u8; N], Error> {
    let mut buf = [0u8; N];
    input.read_exact(&mut buf).map_err(|e| {
        if e.kind() == std::io::ErrorKind::UnexpectedEof {
            Error::Header("it ends inside its header")
        } else {
            Error::Io(e)
        }
    })?;
    Ok(buf)
}

fn read_header(input: &mut impl Read) -> Result<Header, Error> {
    if &read_exact::<8>(input)? != MAGIC {
        return Err(Error::Header("no FDBACKUP mark"));
    }
    let version = u32::from_le_bytes(read_exact(input)?);
    if version != VERSION {
        return Err(Error::Version(version));
    }
    let kind = read_exact::<1>(input)?[0];
    let page_size = u32::from_le_bytes(read_exact(input)?);
    if !(512..=MAX_PAGE_SIZE).contains(&page_size) || !page_size.is_power_of_two() {
        return Err(Error::Header("its page size is impossible"));
    }
    let page_count = u64::from_le_bytes(read_exact(input)?);
    if page_count.checked_mul(u64::from(page_size)).is_none() {
        return Err(Error::Header("its page count is impossible"));
    }
    let hash = read_exact::<32>(input)?;
    let kind = match kind {
        0 => Kind::Full,
        1 => {
            let base_hash = read_exact::<32>(input)?;
            let len = u16::from_le_bytes(read_exact(input)?);
            let mut name = vec![0u8; usize::from(len)];
            input
                .read_exact(&mut name)
                .map_err(|_| Error::Header("it ends inside its header"))?;
            let base = String::from_utf8(name)
                .ok()
                .filter(|n| !n.is_empty() && !n.contains('/') && n != "." && n != "..")
                .ok_or(Error::Header(
                    "the name of its full backup is not a file name",
                ))?;
            Kind::Delta { base, base_hash }
        }
        _ => return Err(Error::Header("unknown kind")),
    };
    Ok(Header {
        kind,
        page_size,
        page_count,
        hash,
    })
}

/// The header of the backup file at `path`.
pub fn header(path: &Path) -> Result<Header, Error> {
    read_header(&mut BufReader::new(File::open(path)?))
}

/// The SHA-256 of a file's contents.
pub fn file_hash(path: &Path) -> std::io::Result<[u8; 32]> {
    let mut hasher = Sha256::new();
    let mut f = File::open(path)?;
    let mut buf = vec![0u8; 1 << 20];
    loop {
        match f.read(&mut buf)? {
            0 => break,
            n => hasher.update(&buf[..n]),
        }
    }
    Ok(hasher.finalize().into())
}

/// The page size and count of a standalone database file.
fn geometry(db: &Path) -> std::io::Result<(u32, u64)> {
    let mut head = [0u8; 100];
    File::open(db)?.read_exact(&mut head)?;
    let raw = u16::from_be_bytes([head[16], head[17]]);
    let page_size = if &head[..16] != b"SQLite format 3\0" {
        // An encrypted database's header is encrypted: its pages are SQLCipher's size. Its
        // backup holds ciphertext, which zstd cannot shrink (see `daily::daily_keyed`).
        crate::store::cipher::PAGE_SIZE
    } else if raw == 1 {
        65_536
    } else {
        u32::from(raw)
    };
    if page_size < 512 || !page_size.is_power_of_two() {
        return Err(std::io::Error::other(
            "the snapshot has an impossible page size",
        ));
    }
    let len = std::fs::metadata(db)?.len();
    if len % u64::from(page_size) != 0 {
        return Err(std::io::Error::other(
            "the snapshot is not a whole number of pages",
        ));
    }
    Ok((page_size, len / u64::from(page_size)))
}

/// What was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// Its header.
    pub header: Header,
    /// The file's size in bytes.
    pub bytes: u64,
}

/// A backup file's start: its header, then the compressed stream (with zstd's own checksum)
/// that its pages go into.
fn start(
    out: File,
    header: &Header,
) -> Result<zstd::stream::Encoder<'static, BufWriter<File>>, Error> {
    let mut w = BufWriter::with_capacity(1 << 20, out);
    write_header(&mut w, header)?;
    let mut enc = zstd::stream::Encoder::new(w, LEVEL)?;
    enc.include_checksum(true)?;
    Ok(enc)
}

/// Writes the standalone database `db` as a full backup into `out`.
pub fn write_full(db: &Path, out: File) -> Result<Written, Error> {
    let (page_size, page_count) = geometry(db)?;
    let header = Header {
        kind: Kind::Full,
        page_size,
        page_count,
        hash: file_hash(db)?,
    };
    let mut enc = start(out, &header)?;
    std::io::copy(
        &mut BufReader::with_capacity(1 << 20, File::open(db)?),
        &mut enc,
    )?;
    finish(enc.finish()?, header)
}

fn finish(w: BufWriter<File>, header: Header) -> Result<Written, Error> {
    let file = w.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()?;
    let bytes = file.metadata()?.len();
    Ok(Written { header, bytes })
}

/// Writes `db` as a delta against the full backup `base` (in the same folder as `out` will be
/// named), or returns `None` when more than [`DELTA_LIMIT_PERCENT`] of its pages changed or
/// the page size differs (a full one is then the better file).
pub fn write_delta(db: &Path, base: &Path, out: File) -> Result<Option<Written>, Error> {
    let base_header = header(base)?;
    if base_header.kind != Kind::Full {
        return Err(Error::Header("a delta's base must be a full backup"));
    }
    let (page_size, page_count) = geometry(db)?;
    if page_size != base_header.page_size {
        return Ok(None);
    }
    let base_name = base
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or(Error::Header("the full backup's name is not UTF-8"))?
        .to_owned();
    let header = Header {
        kind: Kind::Delta {
            base: base_name,
            base_hash: base_header.hash,
        },
        page_size,
        page_count,
        hash: file_hash(db)?,
    };
    let mut enc = start(out, &header)?;
    let damaged_base = |e: std::io::Error| Error::BaseDamaged {
        path: base.to_path_buf(),
        details: e.to_string(),
    };
    // The base is read whole and its hash checked: a delta is only ever made against a full
    // backup that gives back exactly what it says.
    let mut old = Hashing {
        inner: base_pages(base)?,
        hasher: Sha256::new(),
    };
    let mut new = BufReader::with_capacity(1 << 20, File::open(db)?);
    let size = page_size as usize;
    let (mut a, mut b) = (vec![0u8; size], vec![0u8; size]);
    let limit = page_count.saturating_mul(DELTA_LIMIT_PERCENT) / 100;
    let mut changed = 0u64;
    for n in 0..page_count {
        new.read_exact(&mut b)?;
        let same = n < base_header.page_count && {
            old.read_exact(&mut a).map_err(damaged_base)?;
            a == b
        };
        if !same {
            changed += 1;
            if changed > limit.max(1) && page_count > 16 {
                return Ok(None);
            }
            enc.write_all(&n.to_le_bytes())?;
            enc.write_all(&b)?;
        }
    }
    std::io::copy(&mut old, &mut std::io::sink()).map_err(damaged_base)?;
    if <[u8; 32]>::from(old.hasher.finalize()) != base_header.hash {
        return Err(damaged_base(std::io::Error::other(
            "what it gives back does not match its checksum",
        )));
    }
    finish(enc.finish()?, header).map(Some)
}

/// A reader that hashes what passes through it.
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

/// A full backup's pages, decompressed as they are read.
fn base_pages(base: &Path) -> Result<impl Read, Error> {
    let mut input = BufReader::with_capacity(1 << 20, File::open(base)?);
    read_header(&mut input)?;
    Ok(zstd::stream::Decoder::with_buffer(input)?)
}

/// Writes the database the backup file `path` holds into `out` (the empty file at
/// `out_path`), reading a delta's full backup from the same folder, and checks the result
/// against the header's SHA-256.
pub fn decompress_file(path: &Path, out_path: &Path, out: File) -> Result<Header, Error> {
    let mut input = BufReader::with_capacity(1 << 20, File::open(path)?);
    let header = read_header(&mut input)?;
    let total = header.page_count * u64::from(header.page_size);
    let mut w = BufWriter::with_capacity(1 << 20, out);
    match &header.kind {
        Kind::Full => {
            let mut dec = zstd::stream::Decoder::with_buffer(input)?;
            let copied = std::io::copy(&mut (&mut dec).take(total), &mut w)?;
            if copied != total || dec.read(&mut [0u8; 1])? != 0 {
                return Err(Error::Checksum);
            }
        }
        Kind::Delta { base, base_hash } => {
            let base_path = path.with_file_name(base);
            if !base_path.is_file() {
                return Err(Error::MissingBase(base_path));
            }
            let base_header = self::header(&base_path)?;
            if base_header.kind != Kind::Full {
                return Err(Error::BaseNotFull(base_path));
            }
            if &base_header.hash != base_hash || base_header.page_size != header.page_size {
                return Err(Error::WrongBase(base_path));
            }
            let page = u64::from(header.page_size);
            // The base's pages the result keeps; nothing is written that was not read, so a
            // damaged header cannot make a file larger than what the two files hold.
            let keep = base_header.page_count.min(header.page_count) * page;
            let damaged_base = |e: std::io::Error| Error::BaseDamaged {
                path: base_path.clone(),
                details: e.to_string(),
            };
            let mut old = base_pages(&base_path)?;
            let copied = std::io::copy(&mut (&mut old).take(keep), &mut w).map_err(damaged_base)?;
            if copied != keep {
                return Err(damaged_base(std::io::Error::other("it ends early")));
            }
            let file = w.into_inner().map_err(|e| e.into_error())?;
            let mut pages = copied / page;
            let mut dec = zstd::stream::Decoder::with_buffer(input)?;
            let mut buf = vec![0u8; header.page_size as usize];
            loop {
                let mut number = [0u8; 8];
                match dec.read(&mut number[..1])? {
                    0 => break,
                    _ => dec.read_exact(&mut number[1..])?,
                }
                let n = u64::from_le_bytes(number);
                // A page replaces one already there or comes next: never a hole.
                if n >= header.page_count || n > pages {
                    return Err(Error::Checksum);
                }
                dec.read_exact(&mut buf)?;
                file.write_all_at(&buf, n * page)?;
                if n == pages {
                    pages += 1;
                }
            }
            if pages != header.page_count {
                return Err(Error::Checksum);
            }
            w = BufWriter::new(file);
        }
    }
    let file = w.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()?;
    if file_hash(out_path)? != header.hash {
        return Err(Error::Checksum);
    }
    Ok(header)
}
