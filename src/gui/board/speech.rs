//! The board's voice: a chime, then the call spoken by espeak-ng (Debian's speech engine, which
//! plays through the system's sound server), one call after another on a thread of their own,
//! never on the UI thread. Where espeak-ng or a player is missing the board stays silent and
//! says so once in the log. `FRONTDESK_SPEECH` and `FRONTDESK_CHIME` name other programs (a
//! test's recorder, another engine): the speech program is given `-v VOICE -s SPEED -- TEXT`,
//! the chime program the path of a WAV file.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;

use crate::i18n::Language;

/// The speech engine, unless `FRONTDESK_SPEECH` names another.
pub const SPEECH_PROGRAM: &str = "espeak-ng";

/// Words per minute: slower than espeak-ng's 175, for a waiting room.
pub const SPEED: &str = "140";

/// One call to say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saying {
    /// The words.
    pub text: String,
    /// Their language (the voice).
    pub language: Language,
}

/// espeak-ng's voice for a language.
pub fn voice(language: Language) -> &'static str {
    match language {
        Language::English => "en",
        Language::Hindi => "hi",
    }
}

/// The command that speaks `saying`: the program and its arguments.
pub fn speech_command(program: &str, saying: &Saying) -> (String, Vec<String>) {
    (
        program.to_owned(),
        vec![
            "-v".into(),
            voice(saying.language).into(),
            "-s".into(),
            SPEED.into(),
            "--".into(),
            saying.text.clone(),
        ],
    )
}

/// A two-note chime (E5 then C5, 0.7 s), as a 16-bit mono WAV at 22 050 Hz.
pub fn chime_wav() -> Vec<u8> {
    const RATE: u32 = 22_050;
    let notes = [(659.25_f32, 0.30_f32), (523.25, 0.40)];
    let mut samples: Vec<i16> = Vec::new();
    for (frequency, seconds) in notes {
        let n = (RATE as f32 * seconds) as usize;
        for i in 0..n {
            let t = i as f32 / RATE as f32;
            // A soft start and a long fade, like a struck bell.
            let envelope = (t * 200.0).min(1.0) * (1.0 - i as f32 / n as f32).powi(2);
            let value = (2.0 * std::f32::consts::PI * frequency * t).sin() * envelope * 0.5;
            samples.push((value * f32::from(i16::MAX)) as i16);
        }
    }
    let data_len = (samples.len() * 2) as u32;
    let mut wav = Vec::with_capacity(44 + samples.len() * 2);
    wav.extend_from_slice(b"RIFF");
    wav.extend_from_slice(&(36 + data_len).to_le_bytes());
    wav.extend_from_slice(b"WAVEfmt ");
    wav.extend_from_slice(&16u32.to_le_bytes());
    wav.extend_from_slice(&1u16.to_le_bytes()); // PCM
    wav.extend_from_slice(&1u16.to_le_bytes()); // mono
    wav.extend_from_slice(&RATE.to_le_bytes());
    wav.extend_from_slice(&(RATE * 2).to_le_bytes());
    wav.extend_from_slice(&2u16.to_le_bytes());
    wav.extend_from_slice(&16u16.to_le_bytes());
    wav.extend_from_slice(b"data");
    wav.extend_from_slice(&data_len.to_le_bytes());
    for s in samples {
        wav.extend_from_slice(&s.to_le_bytes());
    }
    wav
}

/// Runs a program to its end, its output thrown away; whether it ran and succeeded.
fn run(program: &str, args: &[String]) -> bool {
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The programs the board's voice runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Programs {
    /// The speech engine (given `-v VOICE -s SPEED -- TEXT`).
    pub speech: String,
    /// The chime's player (given the WAV file's path); `None`: the sound server's `paplay`,
    /// else ALSA's `aplay`.
    pub chime: Option<String>,
}

impl Programs {
    /// espeak-ng and the system's player, unless `FRONTDESK_SPEECH` or `FRONTDESK_CHIME` name
    /// others.
    pub fn from_env() -> Programs {
        Programs {
            speech: std::env::var("FRONTDESK_SPEECH").unwrap_or_else(|_| SPEECH_PROGRAM.into()),
            chime: std::env::var("FRONTDESK_CHIME").ok(),
        }
    }
}

/// Plays the chime file with `player`, else the sound server's `paplay`, else ALSA's `aplay`.
fn play_chime(player: Option<&str>, chime: &Path) {
    let file = chime.display().to_string();
    if let Some(program) = player {
        run(program, &[file]);
        return;
    }
    if !run("paplay", std::slice::from_ref(&file)) {
        run("aplay", &["-q".into(), file]);
    }
}

/// Writes the chime into `folder` as a new file of this process's, readable by its user only;
/// `None` (a board without a chime) when it cannot, e.g. when something already has the name:
/// a file that existed is never written through (a link planted there goes nowhere).
fn write_chime(folder: &Path) -> Option<PathBuf> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let path = folder.join(format!("frontdesk-chime-{}.wav", std::process::id()));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .ok()?;
    file.write_all(&chime_wav()).ok()?;
    Some(path)
}

/// The board's voice: says each call given to [`Speaker::say`], in order, on its own thread.
pub struct Speaker {
    sender: mpsc::Sender<Saying>,
}

impl Speaker {
    /// A speaker running `programs`, whose thread writes the chime into `folder` once and then
    /// waits for calls.
    pub fn start(folder: PathBuf, programs: Programs) -> Speaker {
        let (sender, receiver) = mpsc::channel::<Saying>();
        let spawned = std::thread::Builder::new()
            .name("frontdesk-speech".into())
            .spawn(move || {
                let chime = write_chime(&folder);
                let mut silent_said = false;
                for saying in receiver {
                    if let Some(chime) = &chime {
                        play_chime(programs.chime.as_deref(), chime);
                    }
                    let (program, args) = speech_command(&programs.speech, &saying);
                    if !run(&program, &args) && !std::mem::replace(&mut silent_said, true) {
                        tracing::warn!(
                            program = %program,
                            "the board cannot speak: install espeak-ng (apt-get install espeak-ng)"
                        );
                    }
                }
            });
        if let Err(error) = spawned {
            tracing::warn!(%error, "the board's voice could not start");
        }
        Speaker { sender }
    }

    /// Says `saying` after what is being said now.
    pub fn say(&self, saying: Saying) {
        let _ = self.sender.send(saying);
    }
}

impl std::fmt::Debug for Speaker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Speaker")
    }
}
