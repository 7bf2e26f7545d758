//! Patient data never crosses a network in clear unless the address says so: a server that
//! offers no TLS is refused, with the way out said, whatever `sslmode` libpq would fall back
//! with (none, `prefer`, `allow`); `sslmode=disable` goes on in clear. The "server" is a plain
//! TCP listener that answers PostgreSQL's TLS request with "no" (as a server without TLS does)
//! and then reads what the client sends next: a start-up message in clear, or nothing.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;

use frontdesk::store::{PostgresStore, StoreError};

/// A listener that declines TLS and reports whether the client then spoke in clear.
fn declining_server() -> (u16, mpsc::Receiver<bool>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        if let Ok((mut socket, _)) = listener.accept() {
            let mut first = [0u8; 8];
            if socket.read_exact(&mut first).is_err() {
                let _ = tx.send(false);
                return;
            }
            // 80877103: the TLS request code.
            let asked_tls = first[4..8] == [0x04, 0xd2, 0x16, 0x2f];
            if asked_tls {
                let _ = socket.write_all(b"N");
                let mut next = [0u8; 8];
                socket
                    .set_read_timeout(Some(std::time::Duration::from_secs(2)))
                    .ok();
                let spoke_in_clear = socket.read_exact(&mut next).is_ok();
                let _ = tx.send(spoke_in_clear);
            } else {
                // A start-up message straight away: clear text from the first byte.
                let _ = tx.send(true);
            }
        }
    });
    (port, rx)
}

#[test]
fn a_server_without_tls_is_refused_unless_the_address_says_disable() {
    for sslmode in ["", "?sslmode=prefer", "?sslmode=allow", "?sslmode=require"] {
        let (port, spoke) = declining_server();
        let url = format!("postgres://desk:s3cret@127.0.0.1:{port}/clinic{sslmode}");
        let err = PostgresStore::open(&url).expect_err("no TLS, no connection");
        let text = err.to_string();
        assert!(
            matches!(err, StoreError::ServerUnavailable { .. }),
            "{text}"
        );
        assert!(text.contains("does not offer TLS"), "{sslmode}: {text}");
        assert!(text.contains("sslmode=disable"), "{text}");
        assert!(
            !text.contains("s3cret"),
            "the password is never shown: {text}"
        );
        assert!(
            !spoke.recv().expect("the server saw the client"),
            "{sslmode}: nothing was sent in clear after the server declined TLS"
        );
    }
    // Said on purpose, the address goes on in clear (here to a server that then hangs up).
    let (port, spoke) = declining_server();
    let url = format!("postgres://desk@127.0.0.1:{port}/clinic?sslmode=disable");
    let err = PostgresStore::open(&url).expect_err("the fake server hangs up");
    assert!(!err.to_string().contains("does not offer TLS"), "{err}");
    assert!(spoke.recv().expect("seen"), "a start-up message in clear");
}
