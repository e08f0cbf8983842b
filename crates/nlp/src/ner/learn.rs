//! Training the recogniser on GUM: the BILOU labeller of each layer and the kind classifier,
//! learnt document by document. Scoring lives in [`super::score`].

use super::features::OwnedInput;
use super::gold::{GoldMention, GoldSentence, outermost};
pub use super::score::{EntityScores, eval_files, score, score_with_errors};
use super::score::{score_mentions, system_mention};
use super::{CLASSES, Decider, Memory, NerWork, Part, Recognizer, decode, label, mentions_of};
use super::{KnownNames, NameHashes, input_of};
use crate::perceptron::{FullTable, Trainer};
use crate::train::{Rng, shuffle};
use crate::{Analyzer, Doc};

/// How `attache nlp train --entities` trains.
#[derive(Clone, Debug)]
pub struct NerConfig {
    pub epochs: usize,
    pub seed: u64,
    /// Log2 of the weight table's rows.
    pub bits: u32,
    /// How many models (seeds `seed`, `seed + 1`, ...) are trained and averaged.
    pub models: usize,
    /// Train on GUM's dev documents as well as its training documents (the shipped model:
    /// choices are made on dev with this off, then the final model learns from both); the
    /// dev scores logged during training are then of sentences it learnt from.
    pub with_dev: bool,
}

impl Default for NerConfig {
    fn default() -> NerConfig {
        NerConfig {
            epochs: 4,
            seed: 1,
            bits: 18,
            models: 3,
            with_dev: true,
        }
    }
}

/// One training sentence as the recogniser sees it: the analyser's predictions over the gold
/// words, and the gold labels of its outermost named mentions.
struct Example {
    input: OwnedInput,
    gold: Vec<u16>,
    /// The labels of the mentions nested in the outer ones (next layer down).
    inner: Vec<u16>,
    /// The outer gold mentions of more than one word, where inner ones may lie.
    spans: Vec<std::ops::Range<usize>>,
    /// All the sentence's named mentions (the kind classifier's examples).
    mentions: Vec<GoldMention>,
    /// The labels the first model gave the sentence in its first epoch, before learning from
    /// it (outer layer, inner layer): the kinds the labeller proposes to the kind classifier,
    /// as unseen text meets them.
    online: (Vec<u16>, Vec<u16>),
}

/// The example of one gold sentence.
fn example(input: OwnedInput, s: &GoldSentence) -> Example {
    let outer = outermost(&s.mentions);
    let nested: Vec<GoldMention> = s
        .mentions
        .iter()
        .filter(|m| {
            outer
                .iter()
                .any(|o| o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start)
        })
        .copied()
        .collect();
    let len = s.forms.len();
    Example {
        input,
        gold: bilou(len, &outer),
        inner: bilou(len, &outermost(&nested)),
        spans: outer
            .iter()
            .filter(|m| m.end - m.start > 1)
            .map(|m| m.start..m.end)
            .collect(),
        mentions: s.mentions.clone(),
        online: (Vec::new(), Vec::new()),
    }
}

/// The BILOU labels of non-overlapping mentions.
fn bilou(len: usize, mentions: &[GoldMention]) -> Vec<u16> {
    let mut labels = vec![0u16; len];
    for &m in mentions {
        if m.end - m.start == 1 {
            labels[m.start] = label(m.kind, Part::Unit);
            continue;
        }
        labels[m.start] = label(m.kind, Part::Begin);
        for l in &mut labels[m.start + 1..m.end - 1] {
            *l = label(m.kind, Part::Inside);
        }
        labels[m.end - 1] = label(m.kind, Part::Last);
    }
    labels
}

/// Analyses the gold words of `sentences` (gold tokens and sentence breaks).
pub(super) fn analyse(analyzer: &Analyzer, sentences: &[GoldSentence]) -> Doc {
    let words: Vec<&[String]> = sentences.iter().map(|s| s.forms.as_slice()).collect();
    let words: Vec<Vec<&str>> = words
        .iter()
        .map(|w| w.iter().map(String::as_str).collect())
        .collect();
    analyzer.analyze_tokens(&words)
}

/// Trains a recogniser on `train`, reporting each epoch's score on `dev` through `log`:
/// `cfg.models` models from seeds `cfg.seed`, `cfg.seed + 1`, ..., whose weights are
/// averaged. Deterministic for a given seed and input order.
pub fn train(
    analyzer: &Analyzer,
    train: &[GoldSentence],
    dev: &[GoldSentence],
    cfg: &NerConfig,
    log: &mut dyn FnMut(String),
) -> Recognizer {
    let hashes = NameHashes::new(&analyzer.names);
    let known = KnownNames::from_lexicon(&analyzer.rules);
    let doc = analyse(analyzer, train);
    let mut examples: Vec<Example> = train
        .iter()
        .enumerate()
        .map(|(k, s)| example(input_of(&doc, k, &hashes, &known), s))
        .collect();
    let dev_doc = analyse(analyzer, dev);
    let mut dev = Dev {
        gold: dev,
        inputs: (0..dev.len())
            .map(|k| input_of(&dev_doc, k, &hashes, &known))
            .collect(),
        work: NerWork::default(),
    };
    let docs = documents(train);
    let models = cfg.models.max(1);
    let (mut outer, mut inner) = (None::<FullTable>, None::<FullTable>);
    for m in 0..models {
        let seed = cfg.seed.wrapping_add(m as u64);
        let (o, i) = train_one(&mut examples, &docs, cfg, seed, &known, &mut dev, log);
        match (&mut outer, &mut inner) {
            (Some(sum_o), Some(sum_i)) => {
                sum_o.add(&o);
                sum_i.add(&i);
            }
            _ => (outer, inner) = (Some(o), Some(i)),
        }
    }
    let (mut outer, mut inner) = (outer.expect("one model"), inner.expect("one model"));
    outer.scale(1.0 / models as f32);
    inner.scale(1.0 / models as f32);
    let mut model = Recognizer::from_tables(outer, inner, None, known);
    let scores = dev.score(&model);
    log(format!(
        "average of {models} models: dev exact F1 {:.2}, head F1 {:.2}",
        100.0 * scores.exact_all().f1(),
        100.0 * scores.head_all().f1()
    ));
    model.kinds = Some(train_kinds(&examples, cfg));
    let scores = dev.score(&model);
    log(format!(
        "with the kind classifier: dev exact F1 {:.2}, head F1 {:.2}",
        100.0 * scores.exact_all().f1(),
        100.0 * scores.head_all().f1()
    ));
    model
}

/// Trains the kind classifier on every gold named mention of the training sentences.
fn train_kinds(examples: &[Example], cfg: &NerConfig) -> FullTable {
    let kinds = super::kinds::CLASSES;
    let mut trainer = Trainer::new(KIND_BITS, kinds);
    let mut rng = Rng(cfg.seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let (mut keys, mut scores) = (Vec::new(), vec![0.0f32; trainer.stride()]);
    for _ in 0..KIND_EPOCHS {
        shuffle(&mut order, &mut rng);
        for &k in &order {
            let ex = &examples[k];
            let input = ex.input.view();
            let outer = outermost(&ex.mentions);
            for m in &ex.mentions {
                let labels = if outer.contains(m) {
                    &ex.online.0
                } else {
                    &ex.online.1
                };
                let prior = labels
                    .get(m.start)
                    .and_then(|&l| super::unlabel(l))
                    .map(|(k, _)| k);
                super::kinds::features(&input, m.start, m.end, prior, &mut keys);
                trainer.score(&keys, &mut scores);
                let guess = (0..kinds)
                    .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
                    .unwrap_or(0);
                trainer.tick();
                trainer.update(&keys, m.kind as usize, guess, 1.0);
            }
            for (start, end, truth) in missed(ex) {
                super::kinds::features(&input, start, end, None, &mut keys);
                trainer.score(&keys, &mut scores);
                let guess = (0..kinds)
                    .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
                    .unwrap_or(0);
                trainer.tick();
                trainer.update(&keys, truth, guess, 1.0);
            }
        }
    }
    trainer.averaged_full()
}

/// The candidate names of a training sentence that the labeller's first-epoch labels left
/// out (see [`super::kinds::candidates`]), each with its class: the kind of the gold mention
/// of that span (with or without a determiner before it), else no mention.
fn missed(ex: &Example) -> Vec<(usize, usize, usize)> {
    let input = ex.input.view();
    let mut found = Vec::new();
    mentions_of(&ex.online.0, 0, &mut found);
    let mut covered = vec![false; ex.gold.len()];
    for m in &found {
        covered[m.start as usize..m.end as usize].fill(true);
    }
    super::kinds::candidates(&input, &covered)
        .into_iter()
        .map(|(start, end)| {
            let gold = ex
                .mentions
                .iter()
                .find(|m| m.end == end && (m.start == start || m.start + 1 == start));
            let class = gold.map_or(super::kinds::NO_MENTION, |m| m.kind as usize);
            (start, end, class)
        })
        .collect()
}

/// Log2 of the kind classifier's weight rows, and its training epochs.
const KIND_BITS: u32 = 16;
const KIND_EPOCHS: usize = 8;

/// The dev sentences scored after each epoch.
struct Dev<'a> {
    gold: &'a [GoldSentence],
    inputs: Vec<OwnedInput>,
    work: NerWork,
}

impl Dev<'_> {
    fn score(&mut self, model: &Recognizer) -> EntityScores {
        let system = recognize_all(model, self.gold, &mut self.inputs, &mut self.work);
        score_mentions(self.gold, &system)
    }
}

/// Trains one model (outer and inner tables) from `seed`, documents in shuffled order.
fn train_one(
    examples: &mut [Example],
    docs: &[std::ops::Range<usize>],
    cfg: &NerConfig,
    seed: u64,
    known: &KnownNames,
    dev: &mut Dev,
    log: &mut dyn FnMut(String),
) -> (FullTable, FullTable) {
    let mut trainer = Trainer::new(cfg.bits, CLASSES);
    let mut inner = Trainer::new(cfg.bits - 2, CLASSES);
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut work = NerWork::default();
    for epoch in 1..=cfg.epochs {
        shuffle(&mut order, &mut rng);
        let (mut right, mut total) = (0usize, 0usize);
        for &d in &order {
            let mut memory = Memory::default();
            for ex in &mut examples[docs[d].clone()] {
                memory.recall(&ex.input.atoms, &mut ex.input.seen);
                right += learn_sentence(&mut trainer, &mut inner, ex, &mut work);
                if epoch == 1 && seed == cfg.seed {
                    ex.online = (work.labels.clone(), work.inner.clone());
                }
                total += ex.gold.len();
                let mut found = Vec::new();
                mentions_of(&work.labels, 0, &mut found);
                mentions_of(&work.inner, 0, &mut found);
                memory.remember(&ex.input.atoms, &found, 0);
            }
        }
        let model = Recognizer::from_tables(
            trainer.averaged_full(),
            inner.averaged_full(),
            None,
            known.clone(),
        );
        let scores = dev.score(&model);
        log(format!(
            "seed {seed} epoch {epoch}: training label accuracy {:.2}%; dev exact F1 {:.2}, \
             head F1 {:.2}",
            100.0 * right as f64 / total.max(1) as f64,
            100.0 * scores.exact_all().f1(),
            100.0 * scores.head_all().f1()
        ));
    }
    (trainer.averaged_full(), inner.averaged_full())
}

/// The sentence ranges of each document of `sentences` (consecutive runs of one `doc`).
pub(super) fn documents(sentences: &[GoldSentence]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for (k, s) in sentences.iter().enumerate() {
        match out.last_mut() {
            Some(r) if sentences[r.start].doc == s.doc => r.end = k + 1,
            _ => out.push(k..k + 1),
        }
    }
    out
}

/// The mentions `model` finds in each of `gold`'s sentences, document by document.
fn recognize_all(
    model: &Recognizer,
    gold: &[GoldSentence],
    inputs: &mut [OwnedInput],
    work: &mut NerWork,
) -> Vec<Vec<GoldMention>> {
    let mut out = vec![Vec::new(); gold.len()];
    for range in documents(gold) {
        let (mut words, mut bases, mut sentence) = (Vec::new(), Vec::new(), Vec::new());
        for k in range.clone() {
            let base = words.len();
            let atoms = &inputs[k].atoms;
            words.extend(atoms.iter().map(|a| a.capitalised.then_some(a.form)));
            sentence.extend(std::iter::repeat_n((k, base), atoms.len()));
            bases.push(base);
        }
        let found =
            super::consistency::recognize_document(model, &mut inputs[range], &bases, &words, work);
        for m in &found {
            let (k, base) = sentence[m.start as usize];
            let (start, end) = (m.start as usize - base, m.end as usize - base);
            out[k].push(system_mention(&gold[k], m.kind, start, end));
        }
    }
    out
}

/// A trainer as a decoder: scores with the current weights and updates towards `gold`.
struct Step<'a> {
    trainer: &'a mut Trainer,
    gold: &'a [u16],
    right: usize,
}

impl Decider for Step<'_> {
    fn score(&self, keys: &[u64], scores: &mut [f32]) {
        self.trainer.score(keys, scores);
    }

    fn decided(&mut self, keys: &[u64], i: usize, guess: u16) {
        self.trainer.tick();
        self.trainer
            .update(keys, self.gold[i] as usize, guess as usize, 1.0);
        self.right += (guess == self.gold[i]) as usize;
    }
}

/// Labels one sentence with the current weights, updating towards the gold labels (the
/// inner layer over the gold outer mentions); returns the number of right outer labels.
fn learn_sentence(
    outer: &mut Trainer,
    inner: &mut Trainer,
    ex: &Example,
    work: &mut NerWork,
) -> usize {
    let input = ex.input.view();
    let n = ex.gold.len();
    work.labels.clear();
    work.labels.resize(n, 0);
    work.scores.resize(outer.stride().max(inner.stride()), 0.0);
    let mut step = Step {
        trainer: outer,
        gold: &ex.gold,
        right: 0,
    };
    let (labels, keys, scores) = (&mut work.labels, &mut work.keys, &mut work.scores);
    decode(&input, None, 0..n, labels, keys, scores, &mut step);
    let right = step.right;
    work.inner.clear();
    work.inner.resize(n, 0);
    let mut step = Step {
        trainer: inner,
        gold: &ex.inner,
        right: 0,
    };
    for span in &ex.spans {
        let (labels, keys, scores) = (&mut work.inner, &mut work.keys, &mut work.scores);
        decode(
            &input,
            Some(&ex.gold),
            span.clone(),
            labels,
            keys,
            scores,
            &mut step,
        );
    }
    right
}

/// Trains on GUM's `files.train` under `gum` (dev scores from `files.dev` each epoch) with
/// `analyzer`'s tagger and parser, and writes the recogniser to `out`; returns its size in
/// bytes.
pub fn train_to_file(
    analyzer: &Analyzer,
    gum: &std::path::Path,
    cfg: &NerConfig,
    out: &std::path::Path,
    log: &mut dyn FnMut(String),
) -> Result<usize, crate::TrainError> {
    let (mut train_set, mut docs) = super::gold::read_split(gum, "train")?;
    if train_set.is_empty() {
        return Err(crate::ConlluError::NoTrainingSentences {
            dir: gum.to_path_buf(),
        }
        .into());
    }
    let (dev_set, dev_docs) = super::gold::read_split(gum, "dev")?;
    if cfg.with_dev {
        // Dev documents numbered after the training ones, so each stays one document.
        let dev_copy = dev_set.iter().map(|s| GoldSentence {
            doc: s.doc + docs,
            ..s.clone()
        });
        train_set.extend(dev_copy);
        docs += dev_docs;
    }
    let learnt = if cfg.with_dev {
        " (also learnt from)"
    } else {
        ""
    };
    log(format!(
        "{} training sentences from {docs} documents, {} dev sentences{learnt} from {dev_docs}",
        train_set.len(),
        dev_set.len()
    ));
    let model = train(analyzer, &train_set, &dev_set, cfg, log);
    Ok(model.save(out)?)
}
