//! The web page, built into the binary: one HTML shell for every page, its script and style,
//! and the world outline for the map (Natural Earth, public domain; see scripts/world-outline.sh).

use crate::AppState;
use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::sync::Arc;

const INDEX: &str = include_str!("../assets/index.html");
const SCRIPT: &str = include_str!("../assets/app.js");
const STYLE: &str = include_str!("../assets/app.css");
const WORLD: &str = include_str!("../assets/world.svg");

/// The pages the script draws; each is the same shell.
const PAGES: [&str; 6] = [
    "/",
    "/events",
    "/tally",
    "/map",
    "/event/{id}",
    "/document/{*id}",
];

pub fn routes() -> Router<Arc<AppState>> {
    let mut router = Router::new()
        .route(
            "/assets/app.js",
            get(|| asset(SCRIPT, "text/javascript; charset=utf-8")),
        )
        .route(
            "/assets/app.css",
            get(|| asset(STYLE, "text/css; charset=utf-8")),
        )
        .route("/assets/world.svg", get(|| asset(WORLD, "image/svg+xml")));
    for page in PAGES {
        router = router.route(page, get(shell));
    }
    router.fallback(not_found)
}

async fn asset(body: &'static str, kind: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

async fn shell() -> Response {
    asset(INDEX, "text/html; charset=utf-8").await
}

async fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "not found: see / for the page, /api/health for the API\n",
    )
        .into_response()
}
