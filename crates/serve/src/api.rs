//! The JSON API (see `docs/api.md`). Every handler parses its parameters first (400 with a
//! message), then queries the store on a blocking thread.

use crate::AppState;
use crate::error::ApiError;
use crate::params::{Page, Params, Sort, SortKey};
use crate::views::{DocumentView, EventSummary, EventView, MentionView, Timeline};
use attache_event::EventCategory;
use attache_store::{EventStore, Filter, StoredEvent};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use std::cmp::Ordering;
use std::sync::Arc;

type Pairs = Result<Query<Vec<(String, String)>>, QueryRejection>;
type Answer<T> = Result<Json<T>, ApiError>;

pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/api/health", get(health))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/tally", get(tally))
        .route("/api/timeline", get(timeline))
        .route("/api/documents/{*id}", get(document))
        .route("/api/{*rest}", get(unknown))
}

fn params(query: Pairs, extra: &[&str]) -> Result<Params, ApiError> {
    let Query(pairs) = query.map_err(|e| ApiError::bad_request(e.body_text()))?;
    Params::new(pairs, extra)
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
    version: &'static str,
    /// The PLOVER categories the `event` filter accepts.
    categories: Vec<&'static str>,
    #[serde(flatten)]
    stats: attache_store::StoreStats,
}

async fn health(State(state): State<Arc<AppState>>, query: Pairs) -> Answer<Health> {
    params(query, &[])?;
    let stats = state.pool.run(|store| Ok(store.stats()?)).await?;
    Ok(Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
        categories: EventCategory::ALL.iter().map(|c| c.as_str()).collect(),
        stats,
    }))
}

/// The matching events, on a blocking thread.
async fn matching(state: &Arc<AppState>, filter: Filter) -> Result<Vec<StoredEvent>, ApiError> {
    let groups = Arc::clone(&state.groups);
    state
        .pool
        .run(move |store| Ok(store.events(&filter, groups.as_ref())?))
        .await
}

#[derive(Serialize)]
struct EventPage {
    total: usize,
    offset: usize,
    limit: usize,
    sort: String,
    events: Vec<EventSummary>,
}

fn compare(a: &EventSummary, b: &EventSummary, key: SortKey) -> Ordering {
    // Events without a date or count go last whichever way the rest is sorted.
    fn known<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
        match (a, b) {
            (Some(a), Some(b)) => a.cmp(&b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    match key {
        SortKey::Id => a.stored.id.cmp(&b.stored.id),
        SortKey::Date => known(a.day, b.day),
        SortKey::Count => known(a.count_high.or(a.count_low), b.count_high.or(b.count_low)),
    }
}

fn sort_and_page(mut events: Vec<EventSummary>, sort: Sort, page: Page) -> Vec<EventSummary> {
    events.sort_by(|a, b| {
        let order = compare(a, b, sort.key);
        let known = |e: &EventSummary| match sort.key {
            SortKey::Id => true,
            SortKey::Date => e.day.is_some(),
            SortKey::Count => e.count_low.is_some() || e.count_high.is_some(),
        };
        let order = if sort.descending && known(a) && known(b) {
            order.reverse()
        } else {
            order
        };
        order.then(a.stored.id.cmp(&b.stored.id))
    });
    events
        .into_iter()
        .skip(page.offset)
        .take(page.limit)
        .collect()
}

async fn events(State(state): State<Arc<AppState>>, query: Pairs) -> Answer<EventPage> {
    let params = params(query, &["sort", "limit", "offset"])?;
    let (filter, page, sort) = (params.filter()?, params.page()?, params.sort()?);
    let events = matching(&state, filter).await?;
    let total = events.len();
    let summaries = events.into_iter().map(EventSummary::new).collect();
    Ok(Json(EventPage {
        total,
        offset: page.offset,
        limit: page.limit,
        sort: format!(
            "{}{}",
            if sort.descending { "-" } else { "" },
            match sort.key {
                SortKey::Id => "id",
                SortKey::Date => "date",
                SortKey::Count => "count",
            }
        ),
        events: sort_and_page(summaries, sort, page),
    }))
}

fn parse_id(text: &str) -> Result<i64, ApiError> {
    text.parse::<i64>()
        .map_err(|_| ApiError::bad_request(format!("event id {text:?} is not a number")))
}

async fn event(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    query: Pairs,
) -> Answer<EventView> {
    params(query, &[])?;
    let id = parse_id(&id)?;
    let view = state
        .pool
        .run(move |store| {
            let Some(detail) = store.event_detail(id)? else {
                return Ok(None);
            };
            let mut texts: Vec<(String, Option<String>)> = Vec::new();
            let mut mentions = Vec::with_capacity(detail.mentions.len());
            for mention in detail.mentions {
                if !texts.iter().any(|(doc, _)| *doc == mention.document) {
                    let text = store.document_text(&mention.document)?;
                    texts.push((mention.document.clone(), text));
                }
                let text = texts.iter().find(|(doc, _)| *doc == mention.document);
                let text = text.and_then(|(_, t)| t.as_deref());
                mentions.push(MentionView::new(mention, text));
            }
            Ok(Some(EventView {
                summary: EventSummary::new(detail.stored),
                mentions,
            }))
        })
        .await?;
    let view = view.ok_or_else(|| ApiError::not_found(format!("no event {id}")))?;
    Ok(Json(view))
}

async fn tally(State(state): State<Arc<AppState>>, query: Pairs) -> Answer<attache_store::Tally> {
    let params = params(query, &["by"])?;
    let (filter, by) = (params.filter()?, params.group_by()?);
    let groups = Arc::clone(&state.groups);
    let tally = state
        .pool
        .run(move |store| Ok(store.tally(&filter, by, groups.as_ref())?))
        .await?;
    Ok(Json(tally))
}

async fn timeline(State(state): State<Arc<AppState>>, query: Pairs) -> Answer<Timeline> {
    let params = params(query, &["bucket"])?;
    let (filter, bucket) = (params.filter()?, params.bucket()?);
    let events = matching(&state, filter).await?;
    let weekly = bucket == crate::params::Bucket::Week;
    Ok(Json(Timeline::new(
        events.iter().map(|e| e.event.day()),
        weekly,
    )))
}

async fn document(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    query: Pairs,
) -> Answer<DocumentView> {
    params(query, &[])?;
    let wanted = id.clone();
    let document = state.pool.run(move |s| Ok(s.document(&wanted)?)).await?;
    let document = document.ok_or_else(|| ApiError::not_found(format!("no document {id:?}")))?;
    Ok(Json(DocumentView::new(document)))
}

async fn unknown(Path(rest): Path<String>) -> ApiError {
    ApiError::not_found(format!(
        "no endpoint /api/{rest} (see docs/api.md: health, events, events/ID, tally, \
         timeline, documents/ID)"
    ))
}
