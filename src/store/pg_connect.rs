//! Where a clinic's PostgreSQL server is and how to reach it: the address a desk is given
//! (`postgres://user@host/db?sslmode=…`, libpq's URL form, or its `key=value` form), read
//! into the client's settings, with TLS (rustls, no OpenSSL). Patient data never crosses a
//! network in clear unless the address says so: unlike libpq, `prefer` and `allow` (and no
//! `sslmode` at all) insist on TLS and refuse a server that does not offer it.
//!
//! | `sslmode`     | encrypted                  | server's certificate checked         |
//! |---------------|----------------------------|--------------------------------------|
//! | `disable`     | never (said in the address, on purpose) | –                       |
//! | `allow`, `prefer`, `require`, none (default) | always | no (yes, as `verify-ca`, when `sslrootcert` is given) |
//! | `verify-ca`   | always                     | signed by a trusted authority        |
//! | `verify-full` | always                     | trusted, and issued for the host name |
//!
//! Trusted authorities are those in `sslrootcert` (a PEM file; a clinic's own authority) or,
//! without it, the system's. A Unix socket (a host that is a folder) is never encrypted: it
//! never leaves the computer.

use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, Error as TlsError, SignatureScheme};

use super::error::{Result, StoreError};

/// How hard the connection insists on TLS and on the server's certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    /// Never encrypt (only when the address says `sslmode=disable`).
    Disable,
    /// Always encrypt; no certificate check (the default, and libpq's `allow`, `prefer` and
    /// `require`).
    Require,
    /// Always encrypt; the certificate must be signed by a trusted authority.
    VerifyCa,
    /// Always encrypt; trusted, and issued for the server's host name.
    VerifyFull,
}

/// A server address read and checked, ready to connect.
pub struct ServerAddress {
    /// The client's settings (without the TLS words it does not know).
    pub(crate) config: postgres::Config,
    /// How TLS is used.
    pub mode: SslMode,
    /// Trusted authorities from `sslrootcert`, when given.
    root_cert: Option<String>,
    /// The address as shown to people: never the password.
    pub shown: String,
}

impl std::fmt::Debug for ServerAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerAddress")
            .field("shown", &self.shown)
            .field("mode", &self.mode)
            .finish()
    }
}

impl ServerAddress {
    /// Reads `text` (a URL or `key=value` pairs), or says what is wrong with it.
    pub fn parse(text: &str) -> Result<Self> {
        let shown = shown(text);
        let (mut rest, tls) = take_tls_words(text);
        // The client knows the scheme in lower case only; libpq takes any case.
        if let Some((scheme, after)) = rest.split_once("://") {
            rest = format!("{}://{after}", scheme.to_ascii_lowercase());
        }
        let bad = |what: String| {
            StoreError::Invalid(crate::t!(
                "store-server-bad-address",
                address = &shown,
                what = what
            ))
        };
        let mut mode = SslMode::Require;
        let mut root_cert = None;
        for (key, value) in tls {
            match key.as_str() {
                "sslmode" => {
                    mode = match value.as_str() {
                        "disable" => SslMode::Disable,
                        "allow" | "prefer" | "require" => SslMode::Require,
                        "verify-ca" => SslMode::VerifyCa,
                        "verify-full" => SslMode::VerifyFull,
                        other => {
                            return Err(bad(crate::t!(
                                "store-server-bad-sslmode",
                                mode = crate::scheduling::entry::echo(other)
                            )));
                        }
                    }
                }
                _ => root_cert = Some(value),
            }
        }
        // libpq: `require` with a root certificate checks the chain, as `verify-ca` does.
        if mode == SslMode::Require && root_cert.is_some() {
            mode = SslMode::VerifyCa;
        }
        let mut config: postgres::Config = rest.parse().map_err(|e| bad(format!("{e}")))?;
        if config.get_hosts().is_empty() {
            return Err(bad(crate::t!("store-server-no-host")));
        }
        // A Unix socket never leaves the computer, and the server offers no TLS on one.
        let only_sockets = config
            .get_hosts()
            .iter()
            .all(|h| matches!(h, postgres::config::Host::Unix(_)));
        if only_sockets {
            mode = SslMode::Disable;
        }
        config.ssl_mode(match mode {
            SslMode::Disable => postgres::config::SslMode::Disable,
            SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => {
                postgres::config::SslMode::Require
            }
        });
        Ok(ServerAddress {
            config,
            mode,
            root_cert,
            shown,
        })
    }

    /// Connects, encrypting as [`SslMode`] says.
    pub(crate) fn connect(&self) -> Result<postgres::Client> {
        let unavailable = |reason: String| StoreError::ServerUnavailable {
            server: self.shown.clone(),
            reason,
        };
        let result = if self.mode == SslMode::Disable {
            self.config.connect(postgres::NoTls)
        } else {
            let tls = self.tls_config().map_err(unavailable)?;
            self.config
                .connect(tokio_postgres_rustls::MakeRustlsConnect::new(tls))
        };
        result.map_err(|e| StoreError::from_postgres(e).with_server(&self.shown))
    }

    /// The TLS settings for this mode, or why they cannot be made.
    fn tls_config(&self) -> std::result::Result<rustls::ClientConfig, String> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| format!("TLS cannot be set up: {e}"))?;
        let config = match self.mode {
            SslMode::Disable | SslMode::Require => builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(Unchecked(provider)))
                .with_no_client_auth(),
            SslMode::VerifyCa | SslMode::VerifyFull => {
                let roots = Arc::new(self.roots()?);
                let webpki = rustls::client::WebPkiServerVerifier::builder_with_provider(
                    roots,
                    provider.clone(),
                )
                .build()
                .map_err(|e| format!("the trusted authorities cannot be used: {e}"))?;
                if self.mode == SslMode::VerifyFull {
                    builder.with_webpki_verifier(webpki).with_no_client_auth()
                } else {
                    builder
                        .dangerous()
                        .with_custom_certificate_verifier(Arc::new(AnyName(webpki)))
                        .with_no_client_auth()
                }
            }
        };
        Ok(config)
    }

    /// The authorities a certificate must be signed by.
    fn roots(&self) -> std::result::Result<rustls::RootCertStore, String> {
        use rustls::pki_types::pem::PemObject;
        let mut roots = rustls::RootCertStore::empty();
        match &self.root_cert {
            Some(path) => {
                let certs = CertificateDer::pem_file_iter(path)
                    .map_err(|e| format!("sslrootcert {path} cannot be read: {e}"))?;
                for cert in certs {
                    let cert = cert.map_err(|e| format!("sslrootcert {path}: {e}"))?;
                    roots
                        .add(cert)
                        .map_err(|e| format!("sslrootcert {path}: {e}"))?;
                }
                if roots.is_empty() {
                    return Err(format!("sslrootcert {path} holds no certificate"));
                }
            }
            None => {
                let found = rustls_native_certs::load_native_certs();
                for cert in found.certs {
                    let _ = roots.add(cert);
                }
                if roots.is_empty() {
                    return Err(crate::t!("store-server-no-trusted-authorities"));
                }
            }
        }
        Ok(roots)
    }
}

/// Splits `sslmode` and `sslrootcert` (which the client does not know in all their forms) off
/// an address, returning the rest and those words, lower-case keys, decoded values.
fn take_tls_words(text: &str) -> (String, Vec<(String, String)>) {
    let is_tls = |key: &str| matches!(key.to_ascii_lowercase().as_str(), "sslmode" | "sslrootcert");
    let mut words = Vec::new();
    if text.contains("://") {
        let Some((base, query)) = text.split_once('?') else {
            return (text.to_owned(), words);
        };
        let mut kept = Vec::new();
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            if is_tls(key) {
                words.push((key.to_ascii_lowercase(), percent_decode(value)));
            } else {
                kept.push(pair);
            }
        }
        let rest = if kept.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{}", kept.join("&"))
        };
        (rest, words)
    } else {
        let mut kept = Vec::new();
        for pair in text.split_whitespace() {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            if is_tls(key) {
                words.push((
                    key.to_ascii_lowercase(),
                    value.trim_matches('\'').to_owned(),
                ));
            } else {
                kept.push(pair);
            }
        }
        (kept.join(" "), words)
    }
}

/// `%2F` and the like decoded; anything that is not a valid escape is kept as it is.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `url` with any password replaced by `***`, for messages and logs.
pub fn shown(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://") {
        let (before_query, query) = match rest.split_once('?') {
            Some((b, q)) => (b, Some(q)),
            None => (rest, None),
        };
        let (authority, path) = match before_query.find('/') {
            Some(i) => before_query.split_at(i),
            None => (before_query, ""),
        };
        let authority = match authority.rsplit_once('@') {
            Some((user, host)) => match user.split_once(':') {
                Some((name, _)) => format!("{name}:***@{host}"),
                None => format!("{user}@{host}"),
            },
            None => authority.to_owned(),
        };
        let query = query
            .map(|q| format!("?{}", hide_password_parameter(q, '&')))
            .unwrap_or_default();
        return format!("{scheme}://{authority}{path}{query}");
    }
    hide_password_parameter(url, ' ')
}

/// `password=…` among `separator`-separated parameters becomes `password=***`.
fn hide_password_parameter(text: &str, separator: char) -> String {
    text.split(separator)
        .map(|part| {
            if part.to_ascii_lowercase().starts_with("password=") {
                "password=***".to_owned()
            } else {
                part.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(&separator.to_string())
}

/// libpq's `prefer` and `require`: encrypted, whoever the server is.
#[derive(Debug)]
struct Unchecked(Arc<rustls::crypto::CryptoProvider>);

impl ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, TlsError> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, TlsError> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, TlsError> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// libpq's `verify-ca`: the chain must lead to a trusted authority; the name is not checked.
#[derive(Debug)]
struct AnyName(Arc<rustls::client::WebPkiServerVerifier>);

impl ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, TlsError> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        {
            Err(TlsError::InvalidCertificate(rustls::CertificateError::NotValidForName))
            | Err(TlsError::InvalidCertificate(
                rustls::CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, TlsError> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, TlsError> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show() {
        assert_eq!(
            shown("postgres://desk:s3cret@db.lan:5432/frontdesk?sslmode=require"),
            "postgres://desk:***@db.lan:5432/frontdesk?sslmode=require"
        );
        assert_eq!(
            shown("postgresql://desk@db.lan/fd?password=s3cret&sslmode=disable"),
            "postgresql://desk@db.lan/fd?password=***&sslmode=disable"
        );
        assert_eq!(
            shown("host=db.lan user=desk password=s3cret dbname=fd"),
            "host=db.lan user=desk password=*** dbname=fd"
        );
        let err = ServerAddress::parse("postgres://desk:s3cret@db.lan/fd?sslmode=sometimes")
            .unwrap_err()
            .to_string();
        assert!(!err.contains("s3cret"), "{err}");
        assert!(err.contains("verify-full"), "{err}");
    }

    #[test]
    fn sslmode_reads_as_libpq_reads_it() {
        let mode = |url: &str| ServerAddress::parse(url).map(|a| a.mode).ok();
        // TLS unless the address says otherwise: libpq's prefer and allow may fall back to
        // clear text; here they, and no sslmode at all, insist.
        assert_eq!(mode("postgres://u@h/d"), Some(SslMode::Require));
        assert_eq!(
            mode("postgres://u@h/d?sslmode=prefer"),
            Some(SslMode::Require)
        );
        // A Unix socket is not encrypted: it never leaves the computer.
        assert_eq!(
            mode("postgresql://u@/d?host=/run/postgresql"),
            Some(SslMode::Disable)
        );
        assert_eq!(
            mode("postgres://u@h/d?sslmode=disable"),
            Some(SslMode::Disable)
        );
        assert_eq!(
            mode("postgres://u@h/d?sslmode=allow"),
            Some(SslMode::Require)
        );
        assert_eq!(
            mode("postgres://u@h/d?sslmode=require"),
            Some(SslMode::Require)
        );
        assert_eq!(
            mode("postgres://u@h/d?sslmode=require&sslrootcert=%2Fetc%2Froot.crt"),
            Some(SslMode::VerifyCa)
        );
        assert_eq!(
            mode("postgres://u@h/d?sslmode=verify-ca"),
            Some(SslMode::VerifyCa)
        );
        assert_eq!(
            mode("host=h user=u dbname=d sslmode=verify-full"),
            Some(SslMode::VerifyFull)
        );
        assert_eq!(mode("postgres://u@h/d?sslmode=VERIFY"), None);
        let a = ServerAddress::parse(
            "postgres://u@h/d?sslrootcert=%2Fetc%2Froot.crt&application_name=x",
        )
        .expect("address");
        assert_eq!(a.root_cert.as_deref(), Some("/etc/root.crt"));
    }
}
