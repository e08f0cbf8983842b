//! The library without the command line: a caller's own sink counting events.

use attache_coder::Extractor;
use attache_pipeline::{Coded, Pipeline, Sink};
use attache_text::{ReadOptions, expand_paths};
use std::path::PathBuf;

#[derive(Default)]
struct CountingSink {
    documents: Vec<String>,
    events: usize,
    finished: bool,
}

impl Sink for CountingSink {
    type Error = std::convert::Infallible;

    fn accept(&mut self, coded: Coded) -> Result<(), Self::Error> {
        assert!(coded.coded);
        self.documents.push(coded.document.id);
        self.events += coded.events.len();
        Ok(())
    }

    fn finish(&mut self) -> Result<(), Self::Error> {
        self.finished = true;
        Ok(())
    }
}

#[test]
fn a_custom_sink_receives_every_document_in_input_order_with_its_events() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let article = root.join("examples/expulsions-2022-04-05.txt");
    let missing = root.join("examples/no-such-report.txt");
    let extractor = Extractor::load_default().expect("the shipped model");
    let options = ReadOptions {
        published: "2022-04-05".parse().ok(),
        ..ReadOptions::default()
    };
    let mut pipeline = Pipeline::new(Some(&extractor), options).threads(2).unwrap();
    pipeline.batch_documents = 1;
    let inputs = expand_paths(&[article.clone(), missing, article]);
    let mut failures = Vec::new();
    let mut sink = CountingSink::default();
    let (summary, result) = pipeline.run(inputs, &mut sink, &mut |f| failures.push(f.to_string()));
    result.unwrap();
    assert!(sink.finished);
    assert_eq!(summary.documents, 2);
    assert_eq!(summary.failed, 1, "{failures:?}");
    assert!(failures[0].contains("no-such-report"), "{failures:?}");
    assert_eq!(sink.documents.len(), 2);
    // The founding article: one event per expelling state and the aggregate claims.
    assert!(sink.events >= 2 * 10, "{} events", sink.events);
    assert!(summary.sentences > 0);
}
