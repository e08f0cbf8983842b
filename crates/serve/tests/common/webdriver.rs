//! A small WebDriver client for the browser tests: Debian's chromium driven by chromedriver
//! over plain HTTP/1.1 JSON on loopback (no WebDriver crate: they pull in an HTTP stack and TLS).
//!
//! Where chromium or chromedriver is absent the tests skip with a message, unless
//! `ATTACHE_REQUIRE_BROWSER` or `ATTACHE_REQUIRE_SHARED` is set (`.ci/run` sets both), which makes
//! their absence a failure.

use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn find_program(env: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(env).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let dirs: Vec<PathBuf> = std::env::split_paths(&std::env::var_os("PATH")?).collect();
    names
        .iter()
        .flat_map(|name| dirs.iter().map(move |dir| dir.join(name)))
        .find(|path| path.is_file())
}

fn required() -> bool {
    ["ATTACHE_REQUIRE_BROWSER", "ATTACHE_REQUIRE_SHARED"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|v| !v.is_empty()))
}

/// A headless chromium session; closed (and chromedriver stopped) on drop.
pub struct Browser {
    driver: Child,
    addr: SocketAddr,
    session: String,
}

impl Browser {
    /// Starts chromedriver and a headless chromium, or returns `None` (with a message) when
    /// they are not installed and not required.
    pub fn start() -> Option<Browser> {
        let driver = find_program("ATTACHE_CHROMEDRIVER", &["chromedriver"]);
        let chromium = find_program(
            "ATTACHE_CHROMIUM",
            &["chromium", "chromium-browser", "google-chrome"],
        );
        let (Some(driver), Some(chromium)) = (driver, chromium) else {
            let message = "chromium and chromedriver not found (apt-get install chromium \
                           chromium-driver)";
            if required() {
                panic!("{message}, and ATTACHE_REQUIRE_BROWSER or ATTACHE_REQUIRE_SHARED is set");
            }
            eprintln!("SKIPPED: {message}");
            return None;
        };
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", driver.display()));
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let mut browser = Browser {
            driver: child,
            addr,
            session: String::new(),
        };
        browser.wait_ready();
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium.to_string_lossy(),
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=1280,900",
                         "--hide-scrollbars", "--force-device-scale-factor=1"]
            }
        }}});
        let created = browser.call("POST", "/session", Some(capabilities));
        browser.session = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {created}"))
            .to_string();
        Some(browser)
    }

    fn wait_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(status) = self.try_call("GET", "/status", None)
                && status["ready"] == true
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("chromedriver did not start on {}", self.addr);
    }

    fn try_call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let mut stream = TcpStream::connect(self.addr).map_err(|e| e.to_string())?;
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .map_err(|e| e.to_string())?;
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.addr,
            body.len()
        );
        stream
            .write_all(request.as_bytes())
            .map_err(|e| e.to_string())?;
        let body = read_answer(&mut stream)?;
        let value: Value = serde_json::from_str(&body).map_err(|e| format!("{e}: {body}"))?;
        Ok(value["value"].clone())
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let value = self
            .try_call(method, path, body)
            .unwrap_or_else(|e| panic!("webdriver {method} {path}: {e}"));
        if let Some(error) = value.get("error") {
            panic!("webdriver {method} {path}: {error}: {}", value["message"]);
        }
        value
    }

    fn session_call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.call(method, &format!("/session/{}{path}", self.session), body)
    }

    pub fn goto(&self, url: &str) {
        self.session_call("POST", "/url", Some(json!({ "url": url })));
    }

    pub fn url(&self) -> String {
        self.session_call("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Runs `script` (a function body; `return` gives the value) in the page.
    pub fn script(&self, script: &str) -> Value {
        self.session_call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    /// The elements matching `css`, once at least one is there (10 s at most).
    pub fn wait_for(&self, css: &str) -> Vec<Element<'_>> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let found = self.session_call(
                "POST",
                "/elements",
                Some(json!({ "using": "css selector", "value": css })),
            );
            let found: Vec<Element> = found
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| e[ELEMENT].as_str())
                .map(|id| Element {
                    browser: self,
                    id: id.to_string(),
                })
                .collect();
            if !found.is_empty() {
                return found;
            }
            if Instant::now() > deadline {
                let text = self.script("return document.body.innerText;");
                panic!("no {css} on {}: {text}", self.url());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Whether the page opened an alert (a script that ran).
    pub fn has_alert(&self) -> bool {
        let path = format!("/session/{}/alert/text", self.session);
        let value = self
            .try_call("GET", &path, None)
            .expect("webdriver answers");
        value.get("error").is_none()
    }

    /// A PNG of the window.
    pub fn screenshot(&self) -> Vec<u8> {
        let data = self.session_call("GET", "/screenshot", None);
        base64_decode(data.as_str().expect("base64 PNG"))
    }

    /// Resizes the window so that the whole page fits (for a screenshot).
    pub fn fit_page(&self, width: u64) {
        let height = self.script("return document.documentElement.scrollHeight;");
        let height = height.as_u64().unwrap_or(900).clamp(600, 2400);
        self.session_call(
            "POST",
            "/window/rect",
            Some(json!({ "width": width, "height": height + 90 })),
        );
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.try_call("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

pub struct Element<'a> {
    browser: &'a Browser,
    id: String,
}

impl Element<'_> {
    pub fn text(&self) -> String {
        let path = format!("/element/{}/text", self.id);
        let text = self.browser.session_call("GET", &path, None);
        text.as_str().unwrap_or_default().to_string()
    }

    pub fn click(&self) {
        let path = format!("/element/{}/click", self.id);
        self.browser.session_call("POST", &path, Some(json!({})));
    }

    pub fn attribute(&self, name: &str) -> Option<String> {
        let path = format!("/element/{}/property/{name}", self.id);
        let value = self.browser.session_call("GET", &path, None);
        value.as_str().map(String::from)
    }
}

/// Reads one HTTP answer's body: by its Content-Length, or chunked (chromedriver may keep the
/// connection open, so reading to the end would wait).
fn read_answer(stream: &mut TcpStream) -> Result<String, String> {
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
        raw.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&raw).into_owned();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let head = head.to_ascii_lowercase();
            let length = head.lines().find_map(|l| {
                l.strip_prefix("content-length:")
                    .and_then(|v| v.trim().parse::<usize>().ok())
            });
            let complete = match length {
                Some(length) => body.len() >= length,
                None if head.contains("transfer-encoding: chunked") => body.contains("\r\n0\r\n"),
                None => n == 0,
            };
            if complete || n == 0 {
                return Ok(if length.is_none() && head.contains("chunked") {
                    dechunk(body)
                } else {
                    body.to_string()
                });
            }
        }
        if n == 0 {
            return Err("no HTTP answer".into());
        }
    }
}

fn dechunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if size == 0 || after.len() < size {
            break;
        }
        out.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    out
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let sextets: Vec<u8> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(sextets.len() * 3 / 4);
    for chunk in sextets.chunks(4) {
        let mut n: u32 = 0;
        for (i, s) in chunk.iter().enumerate() {
            n |= u32::from(*s) << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}
