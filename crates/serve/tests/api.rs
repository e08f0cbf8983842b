//! The JSON API over the founding article's store: every endpoint, bad parameters (400 with a
//! message), unknown ids (404), and the access rules.

mod common;

use attache_testkit::ScratchDir;
use common::{FOUNDING, HOSTILE_TITLE, founding_store, get, request, start};
use serde_json::Value;
use std::sync::OnceLock;

/// One store and one server for the whole file.
fn server() -> std::net::SocketAddr {
    static SERVER: OnceLock<(ScratchDir, attache_serve::RunningServer)> = OnceLock::new();
    let (_, server) = SERVER.get_or_init(|| {
        let dir = ScratchDir::new("serve-api", "store");
        let db = founding_store(&dir);
        let server = start(&db, None);
        (dir, server)
    });
    server.addr()
}

fn ok(target: &str) -> Value {
    let response = get(server(), target);
    assert_eq!(response.status, 200, "{target}: {}", response.body);
    assert!(
        response
            .header("content-type")
            .is_some_and(|t| t.starts_with("application/json")),
        "{target}: {}",
        response.head
    );
    response.json()
}

fn refused(target: &str, status: u16, words: &str) {
    let response = get(server(), target);
    assert_eq!(response.status, status, "{target}: {}", response.body);
    let body = response.json();
    let message = body["error"].as_str().expect("an error message");
    assert!(message.contains(words), "{target}: {message}");
    assert_eq!(body["status"], status);
}

#[test]
fn health_counts_what_the_store_holds() {
    let health = ok("/api/health");
    assert_eq!(health["status"], "ok");
    assert_eq!(health["documents"], 2);
    assert!(health["events"].as_u64().unwrap() >= 10, "{health}");
    assert!(
        health["categories"]
            .as_array()
            .unwrap()
            .contains(&Value::from("SANCTION"))
    );
}

#[test]
fn events_filter_page_and_sort() {
    let all = ok("/api/events?event=SANCTION&mode=expel&recipient=RUS");
    let total = all["total"].as_u64().unwrap();
    assert!(total >= 10, "{all}");
    let poland = ok("/api/events?actor=pol&event=sanction&mode=expel");
    let events = poland["events"].as_array().unwrap();
    assert_eq!(poland["total"], 1, "{poland}");
    assert_eq!(events[0]["actors"], serde_json::json!(["POL"]));
    assert_eq!(events[0]["count_low"], 45);
    assert_eq!(events[0]["location"], Value::Null);
    // A group stands for its members at the event's date, as on the command line.
    let eu = ok("/api/events?actor=EU&event=SANCTION&mode=expel&until=2022-04-05");
    let actors: Vec<String> = eu["events"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["actors"].as_array().unwrap().clone())
        .map(|a| a.as_str().unwrap().to_string())
        .collect();
    assert!(actors.iter().any(|a| a == "POL"), "{actors:?}");
    let page = ok("/api/events?event=SANCTION&mode=expel&recipient=RUS&limit=2&offset=1");
    assert_eq!(page["events"].as_array().unwrap().len(), 2);
    assert_eq!(page["total"], total);
    let by_count = ok("/api/events?event=SANCTION&mode=expel&recipient=RUS&sort=-count");
    let counts: Vec<i64> = by_count["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["count_high"].as_i64().or(e["count_low"].as_i64()))
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let words = ok("/api/events?text=Poland%20Slovakia");
    assert!(words["total"].as_u64().unwrap() >= 1, "{words}");
    // An empty value is an empty form field: no filter.
    assert_eq!(
        ok("/api/events?actor=&mode=")["total"],
        ok("/api/events")["total"]
    );
}

#[test]
fn bad_parameters_are_refused_with_the_command_line_messages() {
    let cli_date = attache_store::filter::parse_date("2022-13-01")
        .unwrap_err()
        .to_string();
    refused("/api/events?since=2022-13-01", 400, &cli_date);
    refused("/api/events?event=PICNIC", 400, "is not a PLOVER category");
    refused("/api/tally?until=yesterday", 400, "not a date");
    refused(
        "/api/events?colour=red",
        400,
        "unknown parameter \"colour\"",
    );
    refused("/api/events?actor=POL&actor=DEU", 400, "given twice");
    refused("/api/events?limit=0", 400, "limit");
    refused("/api/events?limit=5000", 400, "limit");
    refused("/api/events?offset=-1", 400, "offset");
    refused("/api/events?sort=colour", 400, "sort");
    refused("/api/tally?by=colour", 400, "by");
    refused("/api/timeline?bucket=year", 400, "bucket");
    refused("/api/events/abc", 400, "not a number");
}

#[test]
fn unknown_ids_and_paths_are_404() {
    refused("/api/events/99999", 404, "no event 99999");
    refused("/api/documents/no-such-document", 404, "no document");
    refused("/api/colours", 404, "no endpoint");
    assert_eq!(get(server(), "/nowhere").status, 404);
}

#[test]
fn an_event_shows_its_sentences_cut_at_what_was_coded() {
    let poland = ok("/api/events?actor=POL&event=SANCTION&mode=expel");
    let id = poland["events"][0]["id"].as_i64().unwrap();
    let event = ok(&format!("/api/events/{id}"));
    assert_eq!(event["id"], id);
    let mention = &event["mentions"][0];
    assert_eq!(mention["document"], FOUNDING);
    assert!(!mention["reason"].as_str().unwrap().is_empty());
    let marked: Vec<(String, String)> = mention["passages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["segments"].as_array().unwrap().clone())
        .filter(|s| s["mark"].is_string())
        .map(|s| {
            (
                s["mark"].as_str().unwrap().into(),
                s["text"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(
        marked.contains(&("figure".into(), "45".into())),
        "{marked:?}"
    );
    assert!(
        marked.contains(&("actor".into(), "Poland".into())),
        "{marked:?}"
    );
    assert!(marked.iter().any(|(m, _)| m == "trigger"), "{marked:?}");
    // The passages are the document's own words.
    for passage in mention["passages"].as_array().unwrap() {
        let text: String = passage["segments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap())
            .collect();
        let start = passage["start"].as_u64().unwrap() as usize;
        let source = std::fs::read_to_string(common::root().join(FOUNDING));
        assert_eq!(&source.unwrap()[start..start + text.len()], text);
    }
}

#[test]
fn the_tally_matches_the_command_lines() {
    let tally = ok("/api/tally?event=SANCTION&mode=expel&recipient=RUS&by=actor");
    assert_eq!(tally["by"], "actor");
    let rows = tally["rows"].as_array().unwrap();
    let row = |group: &str| rows.iter().find(|r| r["group"] == group).cloned();
    assert_eq!(rows[0]["group"], "POL");
    assert_eq!(row("POL").unwrap()["count_low"], 45);
    assert_eq!(row("DEU").unwrap()["count_low"], 40);
    assert_eq!(row("EST").unwrap()["count_low"], 14);
    let claims = tally["claims"].as_array().unwrap();
    assert!(claims.iter().any(|c| c["count_low"] == 300), "{claims:?}");
    assert!(claims.iter().any(|c| c["count_low"] == 80), "{claims:?}");
    let by_month = ok("/api/tally?event=SANCTION&by=month");
    assert_eq!(by_month["by"], "month");
}

#[test]
fn the_timeline_counts_events_per_day_and_week() {
    let days = ok("/api/timeline?event=SANCTION&mode=expel");
    let weeks = ok("/api/timeline?event=SANCTION&mode=expel&bucket=week");
    assert_eq!(days["bucket"], "day");
    assert_eq!(weeks["bucket"], "week");
    let sum = |t: &Value| -> u64 {
        t["periods"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["events"].as_u64().unwrap())
            .sum::<u64>()
            + t["undated"].as_u64().unwrap()
    };
    assert_eq!(sum(&days), days["total"].as_u64().unwrap());
    assert_eq!(sum(&weeks), sum(&days));
}

#[test]
fn a_document_comes_with_its_marks() {
    let document = ok("/api/documents/examples/expulsions-2022-04-05.txt");
    assert_eq!(document["id"], FOUNDING);
    let text: String = document["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(text, document["text"].as_str().unwrap());
    assert!(!document["mentions"].as_array().unwrap().is_empty());
    let hostile = ok("/api/documents/hostile-report.txt");
    assert_eq!(hostile["title"], HOSTILE_TITLE);
}

#[test]
fn pages_are_served_with_a_strict_policy() {
    for page in [
        "/",
        "/events",
        "/tally",
        "/map",
        "/event/1",
        "/document/a/b.txt",
    ] {
        let response = get(server(), page);
        assert_eq!(response.status, 200, "{page}");
        assert!(response.body.contains("/assets/app.js"), "{page}");
        let policy = response.header("content-security-policy").unwrap();
        assert!(policy.contains("default-src 'self'"), "{policy}");
    }
    for asset in ["/assets/app.js", "/assets/app.css", "/assets/world.svg"] {
        let response = get(server(), asset);
        assert_eq!(response.status, 200, "{asset}");
        assert!(response.body.len() > 1000, "{asset}");
    }
    // The page never parses data as HTML.
    let script = get(server(), "/assets/app.js").body;
    assert!(!script.contains("innerHTML") && !script.contains("insertAdjacentHTML"));
}

#[test]
fn requests_are_limited() {
    let addr = server();
    let long = format!("/api/events?text={}", "a".repeat(5000));
    assert_eq!(get(addr, &long).status, 414);
    let post = request(addr, "POST", "/api/events", &["Content-Length: 0"]);
    assert_eq!(post.status, 405);
    let big = request(addr, "GET", "/api/events", &["Content-Length: 100000"]);
    assert_eq!(big.status, 413);
    // Without a token, only this machine's names are answered (no DNS rebinding).
    let foreign = request(addr, "GET", "/api/health", &["Host: attacker.example"]);
    assert_eq!(foreign.status, 403);
    let local = request(addr, "GET", "/api/health", &["Host: localhost:8484"]);
    assert_eq!(local.status, 200);
}

#[test]
fn beyond_loopback_every_request_carries_the_token() {
    let dir = ScratchDir::new("serve-api", "token");
    let db = founding_store(&dir);
    let open: std::net::SocketAddr = "0.0.0.0:0".parse().unwrap();
    let refused = attache_serve::start(
        attache_serve::ServeConfig::new(db.clone(), open, None),
        std::sync::Arc::new(attache_store::NoGroups),
    );
    let message = refused.err().expect("refused without a token").to_string();
    assert!(message.contains("--token"), "{message}");
    let token = "correct-horse-battery-staple";
    let server = attache_serve::start(
        attache_serve::ServeConfig::new(db, open, Some(token.to_string())),
        std::sync::Arc::new(attache_store::NoGroups),
    )
    .expect("starts with a token");
    let addr: std::net::SocketAddr = format!("127.0.0.1:{}", server.addr().port())
        .parse()
        .unwrap();
    assert_eq!(get(addr, "/api/health").status, 401);
    assert_eq!(get(addr, "/").status, 401);
    let wrong = request(
        addr,
        "GET",
        "/api/health",
        &["Authorization: Bearer wrong-token-wrong-token"],
    );
    assert_eq!(wrong.status, 401);
    let bearer = format!("Authorization: Bearer {token}");
    assert_eq!(request(addr, "GET", "/api/health", &[&bearer]).status, 200);
    // A first page with ?token= sets a cookie that later requests carry.
    let first = get(addr, &format!("/tally?token={token}"));
    assert_eq!(first.status, 200);
    let cookie = first.header("set-cookie").expect("a cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().unwrap();
    let with_cookie = request(addr, "GET", "/api/events", &[&format!("Cookie: {pair}")]);
    assert_eq!(with_cookie.status, 200);
    // With a token, any Host is fine: the token is the check.
    let foreign = request(
        addr,
        "GET",
        "/api/health",
        &[&bearer, "Host: events.example.org"],
    );
    assert_eq!(foreign.status, 200);
    server.stop().unwrap();
}

#[test]
fn answers_follow_a_later_ingest() {
    let dir = ScratchDir::new("serve-api", "later");
    let db = common::founding_store_only(&dir);
    let server = start(&db, None);
    let before = get(server.addr(), "/api/events?actor=HUN").json();
    assert_eq!(before["total"], 0);
    // Another process (here, another connection) ingests while the server runs.
    common::ingest_hostile(&db);
    let after = get(server.addr(), "/api/events?actor=HUN").json();
    assert_eq!(after["total"], 1, "{after}");
    server.stop().unwrap();
}
