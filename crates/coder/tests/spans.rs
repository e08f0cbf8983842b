//! Property: every span the coder emits slices the document's text to exactly the quoted words,
//! whatever the text: real reports, and generated ones that mix multi-byte characters, curly
//! quotes, datelines, odd spacing and sentence fragments in random order.

use attache_coder::Extractor;
use attache_event::Event;
use attache_text::{Document, Publication};
use chrono::NaiveDate;

fn check(text: &str, events: &[Event]) {
    let quote = |span: [usize; 2], words: &str, what: &str| {
        assert!(
            span[0] <= span[1] && span[1] <= text.len(),
            "{what} span {span:?} out of range in {text:?}"
        );
        assert!(
            text.is_char_boundary(span[0]) && text.is_char_boundary(span[1]),
            "{what} span {span:?} splits a character in {text:?}"
        );
        assert_eq!(
            &text[span[0]..span[1]],
            words,
            "{what} span {span:?} in {text:?}"
        );
    };
    for e in events {
        quote(e.trigger.span, &e.trigger.text, "trigger");
        quote(e.sentence.span, &e.sentence.text, "sentence");
        for a in e.actors.iter().chain(&e.recipients) {
            quote(a.span, &a.text, "actor");
        }
        for q in e.quantity.iter().chain(&e.other_quantities) {
            quote(q.span, &q.text, "quantity");
        }
        for m in &e.mentions {
            quote(m.span, &m.text, "mention");
        }
    }
}

fn document(text: String) -> Document {
    Document {
        id: "p".into(),
        text,
        publication: Publication {
            published: NaiveDate::from_ymd_opt(2022, 4, 5),
            ..Publication::default()
        },
    }
}

/// A small deterministic generator (xorshift), so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "Poland expelled 45 Russian diplomats on Monday.",
    "Rome has marked 30 Russian diplomats as undesirable, Italy’s foreign minister said.",
    "“We will not accept espionage,” Coford tweeted.",
    "Estonia said it would close two Russian consulates and expel 14 staff, seven of whom have diplomatic status, as of April 30.",
    "Germany, Poland and Slovakia have taken similar actions in recent days, including 40 from Germany and 35 from Slovakia.",
    "Zürich’s Ædelström café — naïve — 東京 visited.",
    "The moves bring the number of Russian diplomats expelled from the European Union to at least 300, according to the Financial Times.",
    "ROME, April 5 (Reuters) - Italy expelled 30 Russian diplomats.",
    "Forty-five Russian diplomats were expelled by Poland.",
    "\n\n",
    "   ",
    "Kyiv’s troops shelled… positions",
    "Ukraine urged NATO to send more weapons.",
    "Émile Zola’s Ⅳ chapter ¶ was read.",
    "Lithuania expelled Russia’s ambassador to the country on Monday.",
];

#[test]
fn generated_reports_keep_every_span_exact() {
    let ex = Extractor::load_default().expect("model and dictionaries load");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..150 {
        let n = 1 + (rng.next() % 8) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(rng.pick(PIECES));
            text.push_str(rng.pick(&[" ", "\n", "  ", "\u{a0}", ""]));
        }
        let doc = document(text);
        check(&doc.text, &ex.extract(&doc));
    }
}

#[test]
fn gold_sentences_keep_every_span_exact() {
    let Some(path) = attache_testkit::shared_path("eval/plover-gsr-dev.jsonl") else {
        return;
    };
    let ex = Extractor::load_default().expect("model and dictionaries load");
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        let doc = document(record["text"].as_str().unwrap().to_string());
        check(&doc.text, &ex.extract(&doc));
    }
}
