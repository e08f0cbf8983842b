//! What can stop the server from starting, and how a request fails.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::fmt;
use std::net::SocketAddr;

/// Why `attache serve` could not start or stopped.
#[derive(Debug)]
pub enum ServeError {
    /// Beyond loopback without a token, or a token too weak.
    Access(String),
    /// The database cannot be opened.
    Store(attache_store::StoreError),
    Bind {
        addr: SocketAddr,
        message: String,
    },
    Server(String),
}

impl fmt::Display for ServeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServeError::Access(message) => f.write_str(message),
            ServeError::Store(e) => write!(f, "{e}"),
            ServeError::Bind { addr, message } => write!(f, "cannot listen on {addr}: {message}"),
            ServeError::Server(message) => write!(f, "server: {message}"),
        }
    }
}

impl std::error::Error for ServeError {}

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
