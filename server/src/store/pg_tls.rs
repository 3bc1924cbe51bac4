//! TLS to PostgreSQL with libpq's meaning of `sslmode`, so a URL means here what it means to
//! psql and pg_dump (docs/deployment.md):
//!
//! - `disable`: no TLS;
//! - `prefer` (the default) and `require`: encrypted (`require` refuses a server without TLS),
//!   the certificate not checked, unless a CA is given, when it is checked as for `verify-ca`;
//! - `verify-ca`: the certificate must chain to the CA given (`OPENDOOR_DB_CA_FILE`, or libpq's
//!   `sslrootcert=` in the URL), or to the public web roots if none is given;
//! - `verify-full`: that, and the certificate must name the host in the URL.
//!
//! tokio-postgres itself knows only disable, prefer and require: the verify modes and
//! `sslrootcert` are taken out of the URL here and carried out by the rustls verifier.

use std::path::PathBuf;
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, SignatureScheme};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TlsMode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

/// What the URL asked for, and the URL to give tokio-postgres.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TlsRequest {
    pub mode: TlsMode,
    /// `sslrootcert=` from the URL.
    pub root_cert: Option<PathBuf>,
    pub url_for_driver: String,
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).and_then(|c| hex(*c)),
            b.get(i + 2).and_then(|c| hex(*c)),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Takes `sslmode` and `sslrootcert` out of a `postgres://` URL's query. The error is a
/// sentence for the operator, without the URL (it may hold a password).
pub fn split(url: &str) -> Result<TlsRequest, String> {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, q),
        None => (url, ""),
    };
    let mut mode = TlsMode::Prefer;
    let mut root_cert = None;
    let mut kept = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match k {
            "sslmode" => {
                mode = match v {
                    "disable" => TlsMode::Disable,
                    "prefer" => TlsMode::Prefer,
                    "require" => TlsMode::Require,
                    "verify-ca" => TlsMode::VerifyCa,
                    "verify-full" => TlsMode::VerifyFull,
                    other => {
                        return Err(format!(
                            "sslmode={other} in the PostgreSQL URL is not one this server knows: \
                             use disable, prefer, require, verify-ca or verify-full"
                        ))
                    }
                }
            }
            "sslrootcert" => root_cert = Some(PathBuf::from(percent_decode(v))),
            _ => kept.push(pair),
        }
    }
    // What tokio-postgres knows: the verify modes are carried out by our verifier.
    kept.push(match mode {
        TlsMode::Disable => "sslmode=disable",
        TlsMode::Prefer => "sslmode=prefer",
        _ => "sslmode=require",
    });
    Ok(TlsRequest {
        mode,
        root_cert,
        url_for_driver: format!("{base}?{}", kept.join("&")),
    })
}

/// Accepts any certificate (libpq's `prefer` and `require` without a CA): encrypted against
/// someone listening, not authenticated against someone in the middle. The handshake's
/// signatures are still checked.
#[derive(Debug)]
struct Unchecked(Arc<CryptoProvider>);

impl ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
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
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
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

/// The chain is checked, the name is not (libpq's `verify-ca`).
#[derive(Debug)]
struct ChainOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// The verifier for `mode`: `roots` are the CA file's certificates if one was given (then only
/// those are trusted, as libpq does), else the public web roots.
pub fn verifier(
    mode: TlsMode,
    ca_given: bool,
    roots: rustls::RootCertStore,
    provider: Arc<CryptoProvider>,
) -> Result<Arc<dyn ServerCertVerifier>, String> {
    let webpki = || {
        WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
            .build()
            .map_err(|e| format!("the database's CA certificates cannot be used: {e}"))
    };
    Ok(match (mode, ca_given) {
        (TlsMode::Disable | TlsMode::Prefer | TlsMode::Require, false) => {
            Arc::new(Unchecked(provider.clone()))
        }
        (TlsMode::Disable | TlsMode::Prefer | TlsMode::Require | TlsMode::VerifyCa, _) => {
            Arc::new(ChainOnly(webpki()?))
        }
        (TlsMode::VerifyFull, _) => webpki()?,
    })
}

/// Words to add to a connection error that is about the certificate.
pub fn hint(error: &str) -> &'static str {
    let e = error.to_ascii_lowercase();
    if e.contains("certificate") || e.contains("unknownissuer") || e.contains("notvalidforname") {
        " (the database's certificate was not accepted: give its CA's certificate in \
         OPENDOOR_DB_CA_FILE or sslrootcert=, and for verify-full use the host name the \
         certificate names)"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_modes_are_libpqs_and_the_driver_gets_what_it_knows() {
        let r = split("postgres://u:p@db:5432/od").unwrap();
        assert_eq!(r.mode, TlsMode::Prefer);
        assert_eq!(r.url_for_driver, "postgres://u:p@db:5432/od?sslmode=prefer");
        let r = split(
            "postgres://u@db/od?application_name=x&sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem",
        )
        .unwrap();
        assert_eq!(r.mode, TlsMode::VerifyFull);
        assert_eq!(r.root_cert, Some(PathBuf::from("/etc/ca.pem")));
        assert_eq!(
            r.url_for_driver,
            "postgres://u@db/od?application_name=x&sslmode=require"
        );
        assert_eq!(
            split("postgres://db/od?sslmode=disable").unwrap().mode,
            TlsMode::Disable
        );
        assert_eq!(
            split("postgres://db/od?sslmode=verify-ca").unwrap().mode,
            TlsMode::VerifyCa
        );
        let e = split("postgres://u:secret@db/od?sslmode=allow").unwrap_err();
        assert!(e.contains("sslmode=allow") && !e.contains("secret"), "{e}");
    }
}
