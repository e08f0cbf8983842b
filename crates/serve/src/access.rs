//! Who may ask: loopback by default; beyond it a token that every request carries (an
//! `Authorization: Bearer` header, the `attache_token` cookie, or a `token` query parameter on
//! a page, which then sets the cookie). Without a token the `Host` header must name this
//! machine, so that a web page elsewhere cannot read the store through DNS rebinding. Every
//! answer carries headers that keep the page from loading anything from elsewhere, and every
//! request is limited in size and time.

use crate::{AppState, ServeError};
use axum::Json;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// The shortest token accepted: a guessable one would protect nothing.
pub const MIN_TOKEN_CHARS: usize = 16;
/// Longest request line target; the API's parameters are short.
pub const MAX_URI_BYTES: usize = 4096;
/// Largest request body: the API reads none.
pub const MAX_BODY_BYTES: u64 = 1024;
const COOKIE: &str = "attache_token";

/// The access rule for one server.
#[derive(Debug, Clone)]
pub struct Access {
    token: Option<String>,
    bound: IpAddr,
}

impl Access {
    /// Refuses an address beyond loopback without a token, and a short token.
    pub fn new(addr: SocketAddr, token: Option<String>) -> Result<Access, ServeError> {
        let token = token.filter(|t| !t.is_empty());
        if let Some(token) = &token
            && token.chars().count() < MIN_TOKEN_CHARS
        {
            return Err(ServeError::WeakToken {
                min: MIN_TOKEN_CHARS,
            });
        }
        if !addr.ip().is_loopback() && token.is_none() {
            return Err(ServeError::NoToken { addr });
        }
        Ok(Access {
            token,
            bound: addr.ip(),
        })
    }

    pub(crate) fn with_bound(mut self, addr: SocketAddr) -> Access {
        self.bound = addr.ip();
        self
    }

    /// Whether the request carries the token; `Some(true)` when it came as a query parameter
    /// (the answer then sets the cookie).
    fn token_given(&self, token: &str, request: &Request) -> Option<bool> {
        let headers = request.headers();
        let bearer = header_str(headers, header::AUTHORIZATION)
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|t| same(t.trim(), token));
        let cookie = header_str(headers, header::COOKIE).is_some_and(|cookies| {
            cookies.split(';').any(|c| {
                c.trim()
                    .strip_prefix(COOKIE)
                    .and_then(|rest| rest.strip_prefix('='))
                    .is_some_and(|t| same(t, token))
            })
        });
        if bearer || cookie {
            return Some(false);
        }
        let query = request.uri().query().unwrap_or("");
        let in_query = query
            .split('&')
            .filter_map(|pair| pair.strip_prefix("token="))
            .any(|t| same(&percent_decode(t), token));
        in_query.then_some(true)
    }

    /// Without a token, the Host header must name this machine (loopback or the bound address).
    fn host_allowed(&self, headers: &HeaderMap) -> bool {
        let Some(host) = header_str(headers, header::HOST) else {
            return false;
        };
        let name = match host.rsplit_once(':') {
            Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
            _ => host,
        };
        let name = name.trim_start_matches('[').trim_end_matches(']');
        if name.eq_ignore_ascii_case("localhost") {
            return true;
        }
        name.parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback() || ip == self.bound)
    }
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Compares in time independent of where the strings differ.
fn same(given: &str, token: &str) -> bool {
    let (a, b) = (given.as_bytes(), token.as_bytes());
    let mut diff = a.len() ^ b.len();
    for (i, byte) in b.iter().enumerate() {
        diff |= usize::from(a.get(i).copied().unwrap_or(0) ^ byte);
    }
    diff == 0
}

/// `%XX` and `+` decoding of one query value.
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(byte: u8) -> Option<u8> {
    char::from(byte).to_digit(16).map(|d| d as u8)
}

fn refuse(status: StatusCode, message: &str) -> Response {
    let body = serde_json::json!({ "error": message, "status": status.as_u16() });
    (status, Json(body)).into_response()
}

/// Every request passes here: limits, the access rule, then the handler under a time limit,
/// and the headers that keep the page to itself.
pub(crate) async fn guard(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = check_and_run(&state, request, next).await;
    let headers = response.headers_mut();
    let fixed = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
             form-action 'self'; frame-ancestors 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

async fn check_and_run(state: &AppState, request: Request, next: Next) -> Response {
    if request.uri().to_string().len() > MAX_URI_BYTES {
        return refuse(StatusCode::URI_TOO_LONG, "the request address is too long");
    }
    let body_length = header_str(request.headers(), header::CONTENT_LENGTH)
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    if body_length > MAX_BODY_BYTES || request.headers().contains_key(header::TRANSFER_ENCODING) {
        return refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            "the request body is too large",
        );
    }
    let access = &state.access;
    let mut set_cookie = None;
    match &access.token {
        Some(token) => match access.token_given(token, &request) {
            Some(from_query) => {
                if from_query {
                    set_cookie = Some(format!(
                        "{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/"
                    ));
                }
            }
            None => {
                return refuse(
                    StatusCode::UNAUTHORIZED,
                    "this server needs its token: an `Authorization: Bearer` header, or \
                     `?token=` on the first page",
                );
            }
        },
        None => {
            if !access.host_allowed(request.headers()) {
                return refuse(
                    StatusCode::FORBIDDEN,
                    "the Host header does not name this machine",
                );
            }
        }
    }
    let mut response = match tokio::time::timeout(state.request_timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "the request took too long; narrow the filter",
        ),
    };
    if let Some(cookie) = set_cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_needs_no_token_and_beyond_needs_one() {
        let local: SocketAddr = "127.0.0.1:8484".parse().unwrap();
        let open: SocketAddr = "0.0.0.0:8484".parse().unwrap();
        assert!(Access::new(local, None).is_ok());
        let refused = Access::new(open, None).unwrap_err().to_string();
        assert!(refused.contains("--token"), "{refused}");
        assert!(Access::new(open, Some("short".into())).is_err());
        assert!(Access::new(open, Some("a-token-of-twenty-chars".into())).is_ok());
    }

    #[test]
    fn decodes_query_values() {
        assert_eq!(percent_decode("a%20b+c%3D"), "a b c=");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%e2%80%99"), "\u{2019}");
    }

    #[test]
    fn compares_whole_tokens() {
        assert!(same("abc", "abc"));
        assert!(!same("ab", "abc"));
        assert!(!same("abcd", "abc"));
        assert!(!same("abd", "abc"));
    }
}
