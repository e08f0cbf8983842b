//! The web page in a real headless Chromium (Debian's chromium and chromium-driver through
//! WebDriver): from the tally of the founding article to the sentence behind Poland's 45, a
//! filter through the address, and a hostile report shown as text.
//!
//! Skips with a message where chromium is absent; `.ci/run` installs it and makes these tests
//! mandatory. `ATTACHE_SCREENSHOTS=docs/img` also saves the README's screenshots there.

mod common;

use attache_testkit::ScratchDir;
use common::webdriver::Browser;
use common::{HOSTILE_TITLE, founding_store, founding_store_only, get, start};
use std::path::PathBuf;

const TALLY: &str = "/tally?event=SANCTION&mode=expel&recipient=RUS";

fn save_screenshot(browser: &Browser, name: &str) {
    let Some(dir) = std::env::var_os("ATTACHE_SCREENSHOTS").filter(|d| !d.is_empty()) else {
        return;
    };
    let dir = common::root().join(PathBuf::from(dir));
    std::fs::create_dir_all(&dir).unwrap();
    browser.fit_page(1280);
    std::fs::write(dir.join(name), browser.screenshot()).unwrap();
}

#[test]
fn from_polands_45_in_the_tally_to_its_sentence_and_source() {
    let Some(browser) = Browser::start() else {
        return;
    };
    let dir = ScratchDir::new("serve-browser", "tally");
    let server = start(&founding_store_only(&dir), None);
    let base = format!("http://{}", server.addr());
    browser.goto(&format!("{base}{TALLY}"));
    let counts = browser.wait_for(r#"a.count[data-group="POL"]"#);
    assert_eq!(counts[0].text(), "45");
    let claims = browser.wait_for(".claims li");
    assert!(claims.iter().any(|c| c.text().contains("300+")));
    assert!(!browser.has_alert());
    save_screenshot(&browser, "tally.png");

    counts[0].click();
    let figures = browser.wait_for("mark.m-figure");
    assert!(browser.url().contains("/event/"), "{}", browser.url());
    let forty_five = figures.iter().find(|m| m.text() == "45");
    assert!(forty_five.is_some(), "no 45 marked");
    let sentences: Vec<String> = browser
        .wait_for("p.sentence")
        .iter()
        .map(|s| s.text())
        .collect();
    assert!(
        sentences.iter().any(|s| s.contains("45 from Poland")),
        "{sentences:?}"
    );
    let source = browser.wait_for("a.document");
    assert!(
        source[0].text().contains("expulsions-2022-04-05.txt"),
        "{}",
        source[0].text()
    );
    assert!(
        browser.wait_for(".reason")[0]
            .text()
            .starts_with("Why it belongs here")
    );
    save_screenshot(&browser, "event.png");

    // The source link leads to the document, with the event's words marked.
    source[0].click();
    let marks = browser.wait_for(".doctext mark");
    assert!(marks.iter().any(|m| m.text() == "45"));
}

#[test]
fn a_filter_in_the_address_selects_and_fills_the_form() {
    let Some(browser) = Browser::start() else {
        return;
    };
    let dir = ScratchDir::new("serve-browser", "filter");
    let server = start(&founding_store(&dir), None);
    let base = format!("http://{}", server.addr());
    browser.goto(&format!(
        "{base}/events?actor=DEU&event=SANCTION&mode=expel"
    ));
    let rows = browser.wait_for("table.events tbody tr");
    assert_eq!(rows.len(), 1);
    assert!(rows[0].text().contains("DEU"), "{}", rows[0].text());
    assert!(rows[0].text().contains("40"), "{}", rows[0].text());
    let actor = browser.wait_for(r#"input[name="actor"]"#);
    assert_eq!(actor[0].attribute("value").as_deref(), Some("DEU"));
    // The map draws the world outline and says how many events have coordinates.
    browser.goto(&format!("{base}/map?event=SANCTION"));
    browser.wait_for("svg.map image");
    let note = browser.wait_for("main p.quiet");
    assert!(
        note[0].text().contains("have coordinates"),
        "{}",
        note[0].text()
    );
    // A bad value shows the API's message, the command line's.
    browser.goto(&format!("{base}/events?since=2022-13-01"));
    let error = browser.wait_for(".error");
    assert!(
        error[0].text().contains("is not a date"),
        "{}",
        error[0].text()
    );
}

#[test]
fn a_report_with_a_script_shows_it_as_text() {
    let Some(browser) = Browser::start() else {
        return;
    };
    let dir = ScratchDir::new("serve-browser", "hostile");
    let server = start(&founding_store(&dir), None);
    let events = get(server.addr(), "/api/events?actor=HUN").json();
    let id = events["events"][0]["id"]
        .as_i64()
        .unwrap_or_else(|| panic!("the hostile report gives an event: {events}"));
    let base = format!("http://{}", server.addr());
    browser.goto(&format!("{base}/event/{id}"));
    let sentences = browser.wait_for("p.sentence");
    assert!(
        sentences
            .iter()
            .any(|s| s.text().contains("<script>alert(1)</script>")),
        "the script's words are not shown"
    );
    let title = browser.wait_for("a.document");
    assert_eq!(title[0].text(), HOSTILE_TITLE);
    let injected = browser.script("return document.querySelectorAll('main script').length;");
    assert_eq!(injected, 0);
    assert!(!browser.has_alert(), "the report's script ran");
    title[0].click();
    browser.wait_for(".doctext");
    let text = browser.script("return document.querySelector('.doctext').textContent;");
    assert!(text.as_str().unwrap().contains("<script>alert(1)</script>"));
    assert!(!browser.has_alert(), "the report's script ran");
}
