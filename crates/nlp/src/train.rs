//! Training: tokenizer lists, lemmatizer, tagger and parser from UD treebanks. Deterministic
//! for a given seed and input order; single-threaded.

use crate::conllu::{self, ConlluError, Sentence};
use crate::error::TrainError;
use crate::lemma::Lemmatizer;
use crate::parser::{GoldTree, Input, Parser, ParserTrainer};
use crate::tagger::{self, Atoms, Tagger, TaggerTrainer};
use crate::tokenizer::TokenizerRules;
use crate::{Analyzer, eval};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Parser epochs.
    pub epochs: usize,
    pub tagger_epochs: usize,
    pub seed: u64,
    /// Models trained on different shuffles (seed, seed + 1, ...) and averaged.
    pub members: usize,
    /// log2 of the rows in each weight table.
    pub tagger_bits: u32,
    pub action_bits: u32,
    pub label_bits: u32,
    /// Parser beam: 1 trains the greedy parser; wider trains a beam parser (slower to train
    /// and to run, more accurate), which the model then decodes with that beam.
    pub beam: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 12,
            tagger_epochs: 6,
            seed: 1,
            members: 6,
            tagger_bits: 17,
            action_bits: 20,
            label_bits: 17,
            beam: 1,
        }
    }
}

/// Reads the training splits: EWT `file-lists/files.train` (paths under `sources/`) and GUM
/// `files.train` (documents under `sources/NAME.conllu`; absent ones are skipped). Either
/// directory may be `None`.
pub fn read_training_sets(
    ewt: Option<&Path>,
    gum: Option<&Path>,
    split: &str,
) -> Result<Vec<Sentence>, ConlluError> {
    let mut all = Vec::new();
    if let Some(dir) = ewt {
        let names = read_list(&dir.join("file-lists").join(format!("files.{split}")))?;
        all.extend(conllu::read_listed(&dir.join("sources"), &names)?.0);
    }
    if let Some(dir) = gum {
        let names: Vec<String> = read_list(&dir.join(format!("files.{split}")))?
            .into_iter()
            .map(|n| format!("{n}.conllu"))
            .collect();
        all.extend(conllu::read_listed(&dir.join("sources"), &names)?.0);
    }
    Ok(all)
}

fn read_list(path: &Path) -> Result<Vec<String>, ConlluError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConlluError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect())
}

/// xorshift64*: a small deterministic generator for shuffling and exploration.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The treebanks `attache nlp train` learns from.
pub struct Treebanks<'a> {
    /// UD English EWT (with file-lists/ and sources/).
    pub ewt: &'a Path,
    /// UD English GUM (with files.train and sources/), when used.
    pub gum: Option<&'a Path>,
    /// Train on at most this many sentences (for quick checks).
    pub max_sentences: Option<usize>,
}

/// Reads the training and dev splits of `banks` and trains a model; `progress` hears what was
/// read, then one line per epoch.
pub fn train_on_treebanks(
    banks: &Treebanks,
    cfg: &TrainConfig,
    progress: &mut dyn FnMut(&str),
) -> Result<Analyzer, ConlluError> {
    let mut train_set = read_training_sets(Some(banks.ewt), banks.gum, "train")?;
    if let Some(max) = banks.max_sentences {
        train_set.truncate(max);
    }
    let dev = read_training_sets(Some(banks.ewt), None, "dev")?;
    let words: usize = train_set.iter().map(|s| s.words.len()).sum();
    progress(&format!(
        "training on {} sentences ({words} words) from {} and {}; dev {} sentences",
        train_set.len(),
        banks.ewt.display(),
        banks
            .gum
            .map_or("no GUM".to_string(), |g| g.display().to_string()),
        dev.len()
    ));
    if train_set.is_empty() {
        return Err(ConlluError::NoTrainingSentences {
            dir: banks.ewt.to_path_buf(),
        });
    }
    Ok(train(&train_set, &dev, cfg, progress))
}

/// `../shared/data/<name>` from the current directory, else beside the workspace: where
/// `attache nlp train` looks for a treebank not given.
pub fn default_treebank_dir(name: &str) -> PathBuf {
    let here = Path::new("../shared/data").join(name);
    if here.exists() {
        return here;
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(name)
}

/// The EWT and GUM directories to train on: those given, else the default ones; a GUM of
/// `none` is skipped.
pub fn treebank_dirs(ewt: Option<&Path>, gum: Option<&Path>) -> (PathBuf, Option<PathBuf>) {
    let ewt = ewt.map_or_else(|| default_treebank_dir("ud-english-ewt"), Path::to_path_buf);
    let gum = match gum {
        Some(p) if p.as_os_str() == "none" => None,
        Some(p) => Some(p.to_path_buf()),
        None => Some(default_treebank_dir("ud-english-gum")),
    };
    (ewt, gum)
}

/// Trains on `banks` and writes the model to `out` (creating its folder); returns its size in
/// bytes.
pub fn train_to_file(
    banks: &Treebanks,
    cfg: &TrainConfig,
    out: &Path,
    progress: &mut dyn FnMut(&str),
) -> Result<u64, TrainError> {
    let analyzer = train_on_treebanks(banks, cfg, progress)?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| TrainError::CreateDir {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    analyzer.save(out)?;
    Ok(std::fs::metadata(out).map(|m| m.len()).unwrap_or(0))
}

/// Trains a model. `progress` receives one line per epoch (with dev scores when `dev` is not
/// empty).
pub fn train(
    train: &[Sentence],
    dev: &[Sentence],
    cfg: &TrainConfig,
    progress: &mut dyn FnMut(&str),
) -> Analyzer {
    let data = TrainingData::new(train);
    let dev = DevSet::new(dev, &data.reference);
    let fixed = FixedParts {
        rules: TokenizerRules::learn(train),
        lemmatizer: learn_lemmatizer(train),
    };
    // Several members trained on different shuffles are averaged into one model (weight
    // averaging, like bagging: steadier than any single run, and no slower to apply).
    let members: Vec<(Tagger, Parser)> = (0..cfg.members.max(1))
        .map(|member| train_member(member, &data, &dev, &fixed, cfg, progress))
        .collect();
    let tagger_model = Tagger::average(members.iter().map(|m| &m.0).collect());
    let parser_model = Parser::average(members.iter().map(|m| &m.1).collect());
    let a = Analyzer::from_parts(fixed.rules, tagger_model, fixed.lemmatizer, parser_model);
    if members.len() > 1 && !dev.sentences.is_empty() {
        let sc = eval::eval_gold(&a, dev.sentences);
        progress(&format!(
            "average of {} members: dev UPOS {:.2} XPOS {:.2} lemma {:.2} UAS {:.2} LAS {:.2}",
            members.len(),
            sc.upos_pct(),
            sc.xpos_pct(),
            sc.lemma_pct(),
            sc.uas_pct(),
            sc.las_pct()
        ));
    }
    a
}

/// The tag class a trainer learns for a word: "UPOS\tXPOS".
fn class_of(w: &conllu::Word) -> String {
    format!("{}\t{}", w.upos, w.xpos)
}

/// The training sentences as the tagger and parser trainers read them: atoms, gold tag
/// classes, heads and labels. Classes, tag dictionary and ambiguity classes come from the data
/// alone (`reference`); every member's tagger shares them.
struct TrainingData {
    atoms: Vec<Vec<Atoms>>,
    /// (lowercased form, class) of every word, what a tagger trainer is built from.
    tag_words: Vec<(u64, String)>,
    reference: TaggerTrainer,
    upos_of_class: Vec<u8>,
    gold_tags: Vec<Vec<u16>>,
    labels: Vec<String>,
    gold_labels: Vec<Vec<u16>>,
    gold_heads: Vec<Vec<usize>>,
}

impl TrainingData {
    fn new(train: &[Sentence]) -> TrainingData {
        let mut atoms = sentence_atoms(train);
        let tag_words: Vec<(u64, String)> = train
            .iter()
            .zip(&atoms)
            .flat_map(|(s, a)| s.words.iter().zip(a).map(|(w, at)| (at.lower, class_of(w))))
            .collect();
        let reference = TaggerTrainer::new(&tag_words, 4);
        let upos_of_class = reference
            .classes()
            .iter()
            .map(|c| crate::split_class(c).0 as u8)
            .collect();
        let gold_tags: Vec<Vec<u16>> = train
            .iter()
            .map(|s| {
                s.words
                    .iter()
                    .map(|w| reference.class_id(&class_of(w)).unwrap_or(0))
                    .collect()
            })
            .collect();
        for (a, gold) in atoms.iter_mut().zip(&gold_tags) {
            reference.fill_ambiguity_held_out(a, gold);
        }
        let (labels, gold_labels) = label_ids(train);
        let gold_heads = train
            .iter()
            .map(|s| s.words.iter().map(|w| w.head).collect())
            .collect();
        TrainingData {
            atoms,
            tag_words,
            reference,
            upos_of_class,
            gold_tags,
            labels,
            gold_labels,
            gold_heads,
        }
    }
}

/// The dependency labels in order of first use, and each training word's label id.
fn label_ids(train: &[Sentence]) -> (Vec<String>, Vec<Vec<u16>>) {
    let mut ids: HashMap<&str, u16> = HashMap::new();
    let mut labels: Vec<String> = Vec::new();
    for w in train.iter().flat_map(|s| &s.words) {
        ids.entry(w.deprel.as_str()).or_insert_with(|| {
            labels.push(w.deprel.clone());
            (labels.len() - 1) as u16
        });
    }
    let gold = train
        .iter()
        .map(|s| s.words.iter().map(|w| ids[w.deprel.as_str()]).collect())
        .collect();
    (labels, gold)
}

fn learn_lemmatizer(train: &[Sentence]) -> Lemmatizer {
    let lemma_words: Vec<(&str, &str, &str)> = train
        .iter()
        .flat_map(|s| {
            s.words
                .iter()
                .map(|w| (w.form.as_str(), w.xpos.as_str(), w.lemma.as_str()))
        })
        .collect();
    Lemmatizer::learn(&lemma_words)
}

/// The dev sentences, with their atoms and gold classes, for the per-epoch scores.
struct DevSet<'a> {
    sentences: &'a [Sentence],
    atoms: Vec<Vec<Atoms>>,
    classes: Vec<Vec<String>>,
}

impl<'a> DevSet<'a> {
    fn new(sentences: &'a [Sentence], reference: &TaggerTrainer) -> DevSet<'a> {
        let mut atoms = sentence_atoms(sentences);
        for a in &mut atoms {
            reference.fill_ambiguity(a);
        }
        let classes = sentences
            .iter()
            .map(|s| s.words.iter().map(class_of).collect())
            .collect();
        DevSet {
            sentences,
            atoms,
            classes,
        }
    }
}

/// What every member shares unchanged: the tokenizer lists and the lemmatizer.
struct FixedParts {
    rules: TokenizerRules,
    lemmatizer: Lemmatizer,
}

/// One member's tagger and parser, trained together on its own shuffles.
struct Member {
    rng: Rng,
    tagger_trainer: TaggerTrainer,
    parser_trainer: ParserTrainer,
    /// The tags the tagger predicted for each sentence just before the parser learns from it.
    live_tags: Vec<Vec<u16>>,
    live_alts: Vec<Vec<u16>>,
    tagger_model: Tagger,
}

/// Words seen and tags / heads right in one epoch.
#[derive(Default)]
struct EpochCounts {
    words: usize,
    tags_right: usize,
    heads_right: usize,
}

impl EpochCounts {
    fn pct(&self, n: usize) -> f64 {
        100.0 * n as f64 / self.words.max(1) as f64
    }
}

fn train_member(
    member: usize,
    data: &TrainingData,
    dev: &DevSet,
    fixed: &FixedParts,
    cfg: &TrainConfig,
    progress: &mut dyn FnMut(&str),
) -> (Tagger, Parser) {
    let tagger_trainer = TaggerTrainer::new(&data.tag_words, cfg.tagger_bits);
    // Tagger and parser train together: the parser sees the tags the tagger predicted for
    // each sentence just before learning from it, so its input is noisy early and close to
    // test-time quality as training converges (better than gold tags on dev).
    let mut m = Member {
        rng: Rng((cfg.seed + member as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1),
        tagger_model: tagger_trainer.finish(),
        tagger_trainer,
        parser_trainer: ParserTrainer::new(
            data.labels.clone(),
            cfg.action_bits,
            cfg.label_bits,
            cfg.beam,
        ),
        live_tags: data.gold_tags.clone(),
        live_alts: data
            .gold_tags
            .iter()
            .map(|t| t.iter().map(|&c| tagger::clear_winner(c)).collect())
            .collect(),
    };
    let mut order: Vec<usize> = (0..data.atoms.len()).collect();
    for epoch in 1..=cfg.epochs.max(cfg.tagger_epochs) {
        shuffle(&mut order, &mut m.rng);
        let (tagging, parsing) = (epoch <= cfg.tagger_epochs, epoch <= cfg.epochs);
        let counts = run_epoch(&mut m, data, &order, tagging, parsing, epoch);
        if tagging {
            m.tagger_model = m.tagger_trainer.finish();
            let (upos, xpos) = tag_accuracy(&m.tagger_model, &dev.atoms, &dev.classes);
            progress(&format!(
                "tagger epoch {epoch}/{}: train {:.2}%; dev UPOS {upos:.2} XPOS {xpos:.2}",
                cfg.tagger_epochs,
                counts.pct(counts.tags_right)
            ));
        }
        if parsing {
            progress(&parser_epoch_line(&m, dev, fixed, cfg, epoch, &counts));
        }
    }
    (m.tagger_model, m.parser_trainer.finish())
}

/// One pass over the training sentences in `order`: the tagger learns (while `tagging`), then
/// the parser from the tags it predicted (while `parsing`).
fn run_epoch(
    m: &mut Member,
    data: &TrainingData,
    order: &[usize],
    tagging: bool,
    parsing: bool,
    epoch: usize,
) -> EpochCounts {
    let mut counts = EpochCounts::default();
    for &i in order {
        if data.atoms[i].is_empty() {
            continue;
        }
        counts.words += data.atoms[i].len();
        if tagging {
            counts.tags_right += m.tagger_trainer.train_sentence(
                &data.atoms[i],
                &data.gold_tags[i],
                &mut m.live_tags[i],
                &mut m.live_alts[i],
            );
        }
        if parsing {
            let input = Input {
                atoms: &data.atoms[i],
                tags: &m.live_tags[i],
                alts: &m.live_alts[i],
                upos_of_class: &data.upos_of_class,
            };
            let gold = GoldTree {
                heads: &data.gold_heads[i],
                labels: &data.gold_labels[i],
            };
            let explore = epoch > 1 && m.rng.below(10) != 0;
            counts.heads_right += m.parser_trainer.train(&input, &gold, explore).0;
        }
    }
    counts
}

/// The parser's progress line of one epoch, with dev scores of the model as it stands.
fn parser_epoch_line(
    m: &Member,
    dev: &DevSet,
    fixed: &FixedParts,
    cfg: &TrainConfig,
    epoch: usize,
    counts: &EpochCounts,
) -> String {
    let mut line = format!(
        "parser epoch {epoch}/{}: train heads {:.2}%",
        cfg.epochs,
        counts.pct(counts.heads_right)
    );
    if !dev.sentences.is_empty() {
        let a = Analyzer::from_parts(
            fixed.rules.clone(),
            m.tagger_model.clone(),
            fixed.lemmatizer.clone(),
            m.parser_trainer.finish(),
        );
        let sc = eval::eval_gold(&a, dev.sentences);
        line.push_str(&format!(
            "; dev UPOS {:.2} XPOS {:.2} lemma {:.2} UAS {:.2} LAS {:.2}",
            sc.upos_pct(),
            sc.xpos_pct(),
            sc.lemma_pct(),
            sc.uas_pct(),
            sc.las_pct()
        ));
    }
    line
}

/// Per-word atoms of each sentence's gold words.
fn sentence_atoms(sentences: &[Sentence]) -> Vec<Vec<Atoms>> {
    let mut scratch = String::new();
    sentences
        .iter()
        .map(|s| {
            let mut a = Vec::new();
            tagger::atoms_into(
                s.words.iter().map(|w| w.form.as_str()),
                &mut a,
                &mut scratch,
            );
            a
        })
        .collect()
}

pub(crate) fn shuffle(order: &mut [usize], rng: &mut Rng) {
    for k in (1..order.len()).rev() {
        order.swap(k, rng.below(k + 1));
    }
}

/// UPOS and XPOS accuracy of `t` on sentences given as atoms and gold "UPOS\tXPOS" classes.
fn tag_accuracy(t: &Tagger, atoms: &[Vec<Atoms>], gold: &[Vec<String>]) -> (f64, f64) {
    let (mut upos, mut xpos, mut n) = (0, 0, 0);
    let (mut tags, mut alts, mut keys, mut scores) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (a, g) in atoms.iter().zip(gold) {
        t.tag(a, &mut tags, &mut alts, &mut keys, &mut scores);
        for (&p, g) in tags.iter().zip(g) {
            let (pu, px) = t.classes[p as usize].split_once('\t').unwrap_or(("", ""));
            let (gu, gx) = g.split_once('\t').unwrap_or(("", ""));
            upos += (pu == gu) as usize;
            xpos += (px == gx) as usize;
            n += 1;
        }
    }
    (
        100.0 * upos as f64 / n.max(1) as f64,
        100.0 * xpos as f64 / n.max(1) as f64,
    )
}
