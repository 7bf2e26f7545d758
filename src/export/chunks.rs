//! Formatting an export on every core: the items (events, rows, entries) are cut into chunks,
//! each chunk is formatted into a buffer of its own on a worker thread, and the buffers are
//! written to the file in order, so the bytes are the same as formatting them one by one.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};

use super::Progress;

/// Items per chunk: large enough that handing a chunk over costs nothing next to formatting it
/// (a few megabytes at most), small enough for a smooth progress bar.
pub(crate) const CHUNK: usize = 2048;

/// At most this many formatting threads, however many cores there are: writing the file
/// becomes the limit well before that.
const MAX_THREADS: usize = 4;

/// Reports "writing" progress as chunks land: `done` appointments out of `total`.
pub(crate) struct Writing<'p> {
    progress: &'p mut dyn FnMut(Progress),
    done: u64,
    total: u64,
}

impl<'p> Writing<'p> {
    /// Progress over `total` appointments.
    pub(crate) fn new(total: usize, progress: &'p mut dyn FnMut(Progress)) -> Self {
        Self {
            progress,
            done: 0,
            total: total as u64,
        }
    }

    fn add(&mut self, appointments: u64) {
        self.done = (self.done + appointments).min(self.total);
        (self.progress)(Progress {
            phase: "writing",
            done: self.done,
            total: self.total,
        });
    }

    /// The last report: everything written.
    pub(crate) fn finish(mut self) {
        self.done = self.total;
        self.add(0);
    }
}

/// Formats items `0..count`, `chunk` at a time, and writes them to `out` in order.
/// `format(range, buffer)` appends the items of `range` to `buffer` and says how many
/// appointments they hold, for `writing`. The first error (formatting or writing) stops the
/// work and is returned.
pub(crate) fn write_in_order<F>(
    count: usize,
    chunk: usize,
    out: &mut dyn Write,
    writing: &mut Writing<'_>,
    format: F,
) -> io::Result<()>
where
    F: Fn(Range<usize>, &mut Vec<u8>) -> io::Result<u64> + Sync,
{
    let chunk = chunk.max(1);
    let chunks = count.div_ceil(chunk);
    let range = |i: usize| i * chunk..((i + 1) * chunk).min(count);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(MAX_THREADS)
        .min(chunks);
    if threads <= 1 {
        let mut buffer = Vec::new();
        for i in 0..chunks {
            buffer.clear();
            let appointments = format(range(i), &mut buffer)?;
            out.write_all(&buffer)?;
            writing.add(appointments);
        }
        return Ok(());
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // Written buffers go back to the workers, so each thread keeps reusing a few warm ones
    // instead of growing a new one for every chunk.
    let spare: &Mutex<Vec<Vec<u8>>> = &Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        // Bounded, and chunks are handed out in order, so only a few buffers wait at a time.
        let (sender, receiver) = mpsc::sync_channel::<(usize, io::Result<(Vec<u8>, u64)>)>(threads);
        for _ in 0..threads {
            let sender = sender.clone();
            let (next, stop, format) = (&next, &stop, &format);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= chunks {
                        break;
                    }
                    let mut buffer = spare
                        .lock()
                        .ok()
                        .and_then(|mut spare| spare.pop())
                        .unwrap_or_default();
                    let result = format(range(i), &mut buffer).map(|n| (buffer, n));
                    if sender.send((i, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        // The receiver moves into the writing loop, so an error drops it and the workers'
        // next send fails instead of waiting for a reader that is gone.
        let result = (move || {
            let mut waiting = BTreeMap::new();
            let mut wanted = 0;
            for (i, formatted) in receiver {
                waiting.insert(i, formatted);
                while let Some(formatted) = waiting.remove(&wanted) {
                    let (buffer, appointments) = formatted?;
                    out.write_all(&buffer)?;
                    writing.add(appointments);
                    wanted += 1;
                    let mut buffer = buffer;
                    buffer.clear();
                    if let Ok(mut spare) = spare.lock() {
                        spare.push(buffer);
                    }
                }
            }
            Ok(())
        })();
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
        }
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(range: Range<usize>, out: &mut Vec<u8>) -> io::Result<u64> {
        for i in range.clone() {
            write!(out, "{i},")?;
        }
        Ok(range.len() as u64)
    }

    #[test]
    fn chunks_land_in_order_with_the_same_bytes_as_one_pass() {
        let mut expected = Vec::new();
        numbers(0..10_007, &mut expected).expect("format");
        for chunk in [1, 7, 100, 2048, 20_000] {
            let mut out = Vec::new();
            let mut reports = Vec::new();
            let mut report = |p: Progress| reports.push(p.done);
            let mut writing = Writing::new(10_007, &mut report);
            write_in_order(10_007, chunk, &mut out, &mut writing, numbers).expect("write");
            writing.finish();
            assert_eq!(out, expected, "chunk {chunk}");
            assert!(reports.is_sorted(), "progress only grows: {reports:?}");
            assert_eq!(reports.last(), Some(&10_007));
        }
    }

    #[test]
    fn nothing_to_write_writes_nothing() {
        let mut out = Vec::new();
        let mut report = |_: Progress| {};
        let mut writing = Writing::new(0, &mut report);
        write_in_order(0, CHUNK, &mut out, &mut writing, numbers).expect("write");
        assert!(out.is_empty());
    }

    #[test]
    fn a_formatting_error_stops_the_export_and_is_returned() {
        let mut out = Vec::new();
        let mut report = |_: Progress| {};
        let mut writing = Writing::new(100_000, &mut report);
        let result = write_in_order(100_000, 10, &mut out, &mut writing, |range, buffer| {
            if range.contains(&5_000) {
                return Err(io::Error::other("bad item 5000"));
            }
            numbers(range, buffer)
        });
        let error = result.expect_err("the error comes back");
        assert_eq!(error.to_string(), "bad item 5000");
        let written = String::from_utf8(out).expect("utf-8");
        assert!(
            !written.contains("5000,"),
            "nothing from the failed chunk on"
        );
        assert!(
            written.starts_with("0,1,2,"),
            "what came before it, in order"
        );
    }

    /// A file that fills up after a few bytes.
    struct Full(usize);

    impl Write for Full {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.0 < buf.len() {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"));
            }
            self.0 -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_write_error_stops_the_workers_and_is_returned() {
        let mut out = Full(1_000);
        let mut report = |_: Progress| {};
        let mut writing = Writing::new(1_000_000, &mut report);
        let error = write_in_order(1_000_000, 100, &mut out, &mut writing, numbers)
            .expect_err("disk full comes back");
        assert_eq!(error.kind(), io::ErrorKind::StorageFull);
    }
}
