//! Reader throughput on one core, over inputs generated in the temp dir (about 100 MB each):
//!
//!     cargo bench -p attache-text --bench readers [-- MEGABYTES]
//!
//! Formats: JSON Lines, CSV with quoted multi-line fields, HTML pages (article extraction),
//! plain text files. Prints MB/s and documents/s per format. A plain timing binary: each
//! format is read once in full, which is what the figures describe.

use attache_text::{ReadOptions, expand_paths, read_documents};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

const PARAGRAPHS: [&str; 4] = [
    "Italy, Spain, Denmark, Sweden and Estonia announced the expulsion of a total of 80 Russian \
     diplomats, and Germany, Poland and Slovakia have taken similar actions in recent days.",
    "The moves bring the number of Russian diplomats expelled from the European Union since the \
     invasion of Ukraine to at least 300, according to calculations by a newspaper.",
    "Lithuania expelled Russia's ambassador to the country on Monday in protest at the apparent \
     deaths of Ukrainian civilians.",
    "Moscow said it would respond in kind, and its foreign ministry summoned several envoys \
     on Tuesday \"to explain\" the decisions.",
];

fn report(i: usize) -> String {
    (0..8)
        .map(|k| PARAGRAPHS[(i + k) % PARAGRAPHS.len()])
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn main() {
    let megabytes: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100);
    let target = megabytes << 20;
    let dir = std::env::temp_dir().join(format!("attache-text-bench-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");

    let jsonl = dir.join("corpus.jsonl");
    write_until(&jsonl, target, |i| {
        let doc = serde_json::json!({"id": i, "text": report(i), "published": "2022-04-05"});
        format!("{doc}\n")
    });
    let csv = dir.join("corpus.csv");
    fs::write(&csv, "id,published,text\n").expect("write");
    append_until(&csv, target, |i| {
        format!("{i},2022-04-05,\"{}\"\n", report(i).replace('"', "\"\""))
    });
    let html_dir = dir.join("pages");
    let text_dir = dir.join("texts");
    fs::create_dir_all(&html_dir).expect("dir");
    fs::create_dir_all(&text_dir).expect("dir");
    let mut written = 0;
    let mut i = 0;
    while written < target {
        let page = html_page(i);
        written += page.len();
        fs::write(html_dir.join(format!("{i:06}.html")), page).expect("write");
        fs::write(text_dir.join(format!("{i:06}.txt")), report(i)).expect("write");
        i += 1;
    }

    for (name, path) in [
        ("jsonl", jsonl),
        ("csv", csv),
        ("html", html_dir),
        ("text", text_dir),
    ] {
        measure(name, &path);
    }
    let _ = fs::remove_dir_all(&dir);
}

fn measure(name: &str, path: &Path) {
    let started = Instant::now();
    let mut documents = 0;
    let mut failures = 0;
    let mut bytes = 0u64;
    for file in expand_paths(&[path.to_path_buf()]) {
        let file: PathBuf = file.expect("generated input exists");
        bytes += fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        for doc in read_documents(&file, &ReadOptions::default()) {
            match doc {
                Ok(_) => documents += 1,
                Err(_) => failures += 1,
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{name:5}  {:7.1} MB/s  {:9.0} documents/s  ({documents} documents, {failures} failed, {:.1} MB in {seconds:.2} s)",
        bytes as f64 / 1e6 / seconds,
        documents as f64 / seconds,
        bytes as f64 / 1e6
    );
}

fn write_until(path: &Path, target: usize, record: impl Fn(usize) -> String) {
    fs::write(path, "").expect("write");
    append_until(path, target, record);
}

fn append_until(path: &Path, target: usize, record: impl Fn(usize) -> String) {
    let file = fs::OpenOptions::new()
        .append(true)
        .open(path)
        .expect("open");
    let mut out = std::io::BufWriter::new(file);
    let mut written = 0;
    let mut i = 0;
    while written < target {
        let line = record(i);
        written += line.len();
        out.write_all(line.as_bytes()).expect("write");
        i += 1;
    }
    out.flush().expect("flush");
}

fn html_page(i: usize) -> String {
    let paragraphs: String = report(i)
        .split("\n\n")
        .map(|p| format!("<p>{}</p>\n", p.replace('\'', "&rsquo;")))
        .collect();
    format!(
        "<!doctype html><html><head><title>Report {i}</title>\
         <meta property=\"article:published_time\" content=\"2022-04-05T10:00:00Z\">\
         <script>var tracking = {{\"page\": {i}}};</script><style>p {{ margin: 0 }}</style></head>\
         <body><header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header>\
         <main><article><h1>Report {i}</h1>{paragraphs}<div class=\"share-bar\">Share</div>\
         </article><aside><h2>Most read</h2><ul><li>One</li><li>Two</li></ul></aside></main>\
         <footer>&copy; Example</footer></body></html>"
    )
}
