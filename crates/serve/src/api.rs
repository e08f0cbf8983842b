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

/// The matching events (cached while the database does not change), on a blocking thread.
async fn matching(
    state: &Arc<AppState>,
    filter: Filter,
) -> Result<Arc<Vec<StoredEvent>>, ApiError> {
    let shared = Arc::clone(state);
    state
        .pool
        .run(move |store| shared.cache.events(store, &filter, shared.groups.as_ref()))
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

/// What an event sorts by.
struct SortKeys<'a> {
    event: &'a StoredEvent,
    day: Option<chrono::NaiveDate>,
    count: Option<i64>,
}

fn sort_and_page(events: &[StoredEvent], sort: Sort, page: Page) -> Vec<EventSummary> {
    let mut keyed: Vec<SortKeys> = events
        .iter()
        .map(|event| {
            let (low, high) = event.event.count_range();
            SortKeys {
                event,
                day: event.event.day(),
                count: high.or(low),
            }
        })
        .collect();
    // Events without a date or count go last whichever way the rest is sorted.
    fn known<T: Ord>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
        match (a, b) {
            (Some(a), Some(b)) if descending => b.cmp(&a),
            (Some(a), Some(b)) => a.cmp(&b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    keyed.sort_by(|a, b| {
        let (ida, idb) = (a.event.id, b.event.id);
        let order = match sort.key {
            SortKey::Id if sort.descending => idb.cmp(&ida),
            SortKey::Id => ida.cmp(&idb),
            SortKey::Date => known(a.day, b.day, sort.descending),
            SortKey::Count => known(a.count, b.count, sort.descending),
        };
        order.then(ida.cmp(&idb))
    });
    keyed
        .into_iter()
        .skip(page.offset)
        .take(page.limit)
        .map(|k| EventSummary::new(k.event.clone()))
        .collect()
}

async fn events(State(state): State<Arc<AppState>>, query: Pairs) -> Answer<EventPage> {
    let params = params(query, &["sort", "limit", "offset"])?;
    let (filter, page, sort) = (params.filter()?, params.page()?, params.sort()?);
    let events = matching(&state, filter).await?;
    let total = events.len();
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
        events: sort_and_page(&events, sort, page),
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
    let shared = Arc::clone(&state);
    let tally = state
        .pool
        .run(move |store| {
            let groups = shared.groups.as_ref();
            let events = shared.cache.events(store, &filter, groups)?;
            Ok(attache_store::tally::tally(&events, &filter, by, groups))
        })
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
