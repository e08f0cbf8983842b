//! What can stop the server from starting, and how a request fails.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;

/// Why `attache serve` could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// Beyond loopback without a token.
    #[error(
        "{addr} is reachable from other machines: give a token (--token or ATTACHE_TOKEN) that every request must carry, or bind to 127.0.0.1"
    )]
    NoToken { addr: SocketAddr },
    #[error("the token must have at least {min} characters")]
    WeakToken { min: usize },
    /// The database cannot be opened.
    #[error(transparent)]
    Store(#[from] attache_store::StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Server(#[source] std::io::Error),
    #[error("server: the server thread panicked")]
    Panicked,
}

/// An API error: a status code and a message, sent as `{"error": ..., "status": ...}`.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: message.into(),
        }
    }
}

impl From<attache_store::StoreError> for ApiError {
    fn from(e: attache_store::StoreError) -> ApiError {
        ApiError::internal(e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.message, "status": self.status.as_u16() });
        (self.status, Json(body)).into_response()
    }
}
