//! Real servers on 127.0.0.1 for the reminder tests: a minimal SMTP server that speaks SMTP over
//! TCP (greeting, EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT) and a minimal HTTP/1.1 server. Both
//! record what arrived, can refuse on purpose, handle a bounded number of connections with
//! read timeouts, and stop by themselves.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// At most this many connections per server, so a test's server always ends.
const MAX_CONNECTIONS: usize = 500;

/// One email as the SMTP server received it.
#[derive(Clone, Debug, Default)]
pub struct Mail {
    /// The MAIL FROM address.
    pub from: String,
    /// The RCPT TO addresses.
    pub to: Vec<String>,
    /// The message as sent after DATA (headers and body), dot-unstuffed.
    pub data: String,
}

impl Mail {
    /// A header's value, e.g. `header("Subject")`.
    pub fn header(&self, name: &str) -> Option<String> {
        let prefix = format!("{name}: ");
        self.data
            .split("\r\n\r\n")
            .next()?
            .lines()
            .find_map(|l| l.strip_prefix(&prefix).map(str::to_owned))
    }

    /// The body, with quoted-printable soft breaks and escapes decoded.
    pub fn body(&self) -> String {
        let raw = self
            .data
            .split_once("\r\n\r\n")
            .map(|(_, b)| b)
            .unwrap_or("");
        let joined = raw.replace("=\r\n", "");
        let bytes = joined.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'=' && i + 2 < bytes.len() {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                if let Ok(b) = u8::from_str_radix(hex, 16) {
                    out.push(b);
                    i += 3;
                    continue;
                }
            }
            out.push(bytes[i]);
            i += 1;
        }
        String::from_utf8_lossy(&out).replace("\r\n", "\n")
    }
}

/// How the SMTP server behaves.
#[derive(Clone, Debug, Default)]
pub struct SmtpBehaviour {
    /// Answer RCPT with 451 (try later) for this many messages, then accept.
    pub refuse_first: usize,
    /// Answer RCPT with 550 for these addresses.
    pub reject: Vec<String>,
    /// Offer AUTH PLAIN and accept this "user\0password".
    pub login: Option<(String, String)>,
}

#[derive(Default)]
struct SmtpState {
    behaviour: SmtpBehaviour,
    mails: Vec<Mail>,
    auth: Vec<String>,
    refused: usize,
    lines: Vec<String>,
}

/// A minimal SMTP server.
pub struct SmtpServer {
    pub port: u16,
    state: Arc<Mutex<SmtpState>>,
}

impl SmtpServer {
    /// Starts listening on 127.0.0.1 at a free port.
    pub fn start(behaviour: SmtpBehaviour) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind smtp");
        let port = listener.local_addr().expect("addr").port();
        let state = Arc::new(Mutex::new(SmtpState {
            behaviour,
            ..SmtpState::default()
        }));
        let shared = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().take(MAX_CONNECTIONS) {
                let Ok(stream) = stream else { continue };
                let _ = smtp_session(stream, &shared);
            }
        });
        Self { port, state }
    }

    /// The mails received so far.
    pub fn mails(&self) -> Vec<Mail> {
        self.state.lock().expect("state").mails.clone()
    }

    /// The decoded AUTH PLAIN credentials received ("user\0password").
    pub fn logins(&self) -> Vec<String> {
        self.state.lock().expect("state").auth.clone()
    }

    /// Every command line the clients sent.
    pub fn lines(&self) -> Vec<String> {
        self.state.lock().expect("state").lines.clone()
    }
}

fn decode_base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.bytes() {
        let Some(v) = ALPHABET.iter().position(|a| *a == c) else {
            continue;
        };
        bits = (bits << 6) | v as u32;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    out
}

fn smtp_session(stream: TcpStream, state: &Arc<Mutex<SmtpState>>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut out = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    let say = |out: &mut TcpStream, text: &str| out.write_all(format!("{text}\r\n").as_bytes());
    say(&mut out, "220 test.local ESMTP ready")?;
    let mut mail = Mail::default();
    let mut refusing = false;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let line = line.trim_end().to_owned();
        state.lock().expect("state").lines.push(line.clone());
        let upper = line.to_ascii_uppercase();
        let behaviour = state.lock().expect("state").behaviour.clone();
        if upper.starts_with("EHLO") || upper.starts_with("HELO") {
            if behaviour.login.is_some() {
                say(&mut out, "250-test.local")?;
                say(&mut out, "250 AUTH PLAIN")?;
            } else {
                say(&mut out, "250 test.local")?;
            }
        } else if upper.starts_with("AUTH PLAIN") {
            let given = String::from_utf8_lossy(&decode_base64(line[10..].trim())).into_owned();
            let wanted = behaviour
                .login
                .as_ref()
                .map(|(u, p)| format!("\0{u}\0{p}"))
                .unwrap_or_default();
            state.lock().expect("state").auth.push(given.clone());
            if given == wanted {
                say(&mut out, "235 2.7.0 authenticated")?;
            } else {
                say(&mut out, "535 5.7.8 authentication failed")?;
            }
        } else if upper.starts_with("MAIL FROM:") {
            mail = Mail {
                from: line[10..].trim().trim_matches(['<', '>']).to_owned(),
                ..Mail::default()
            };
            let mut s = state.lock().expect("state");
            refusing = s.refused < s.behaviour.refuse_first;
            if refusing {
                s.refused += 1;
            }
            drop(s);
            say(&mut out, "250 2.1.0 ok")?;
        } else if upper.starts_with("RCPT TO:") {
            let to = line[8..].trim().trim_matches(['<', '>']).to_owned();
            if refusing {
                say(&mut out, "451 4.3.0 mailbox busy, try again later")?;
            } else if behaviour.reject.contains(&to) {
                say(&mut out, "550 5.1.1 no such user here")?;
            } else {
                mail.to.push(to);
                say(&mut out, "250 2.1.5 ok")?;
            }
        } else if upper == "DATA" {
            say(&mut out, "354 end with <CRLF>.<CRLF>")?;
            let mut data = String::new();
            loop {
                let mut l = String::new();
                if reader.read_line(&mut l)? == 0 {
                    return Ok(());
                }
                if l == ".\r\n" {
                    break;
                }
                data.push_str(l.strip_prefix('.').unwrap_or(&l));
            }
            mail.data = data;
            state.lock().expect("state").mails.push(mail.clone());
            say(&mut out, "250 2.0.0 queued")?;
        } else if upper == "QUIT" {
            say(&mut out, "221 2.0.0 bye")?;
            return Ok(());
        } else if upper == "RSET" || upper == "NOOP" {
            say(&mut out, "250 ok")?;
        } else {
            say(&mut out, "502 5.5.2 command not implemented")?;
        }
    }
}

/// One request as the HTTP server received it.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// GET, POST …
    pub method: String,
    /// The path with its query.
    pub target: String,
    /// Header lines, names lower-cased.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: String,
}

impl Request {
    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).expect("a JSON body")
    }
}

/// A minimal HTTP/1.1 server answering each request with the next status of a list (the last
/// one repeats).
pub struct HttpServer {
    pub port: u16,
    requests: Arc<Mutex<Vec<Request>>>,
    answer: Arc<Mutex<Option<u16>>>,
}

impl HttpServer {
    /// Starts listening on 127.0.0.1 at a free port.
    pub fn start(statuses: &[u16]) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind http");
        let port = listener.local_addr().expect("addr").port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let answer = Arc::new(Mutex::new(None));
        let (shared, forced) = (requests.clone(), answer.clone());
        let statuses = statuses.to_vec();
        std::thread::spawn(move || {
            for (n, stream) in listener.incoming().take(MAX_CONNECTIONS).enumerate() {
                let Ok(stream) = stream else { continue };
                let status = forced
                    .lock()
                    .ok()
                    .and_then(|f| *f)
                    .unwrap_or(statuses[n.min(statuses.len() - 1)]);
                let _ = http_exchange(stream, status, &shared);
            }
        });
        Self {
            port,
            requests,
            answer,
        }
    }

    /// From now on, answers every request with `status` (a server that comes back up).
    pub fn answer_with(&self, status: u16) {
        *self.answer.lock().expect("answer") = Some(status);
    }

    /// The requests received so far.
    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().expect("requests").clone()
    }

    /// The server's base address.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

fn http_exchange(
    stream: TcpStream,
    status: u16,
    requests: &Arc<Mutex<Vec<Request>>>,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut out = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    let mut first = String::new();
    reader.read_line(&mut first)?;
    let mut parts = first.split_whitespace();
    let mut request = Request {
        method: parts.next().unwrap_or("").to_owned(),
        target: parts.next().unwrap_or("").to_owned(),
        ..Request::default()
    };
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.trim_end().split_once(':') {
            let name = name.trim().to_ascii_lowercase();
            let value = value.trim().to_owned();
            if name == "content-length" {
                length = value.parse().unwrap_or(0);
            }
            request.headers.push((name, value));
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    request.body = String::from_utf8_lossy(&body).into_owned();
    requests.lock().expect("requests").push(request);
    let reason = if status < 300 { "OK" } else { "Server Error" };
    let text = format!("status {status}");
    out.write_all(
        format!(
            "HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
            text.len()
        )
        .as_bytes(),
    )
}

/// A port on 127.0.0.1 where nothing listens.
pub fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr").port()
}
