//! `attache nlp`: train, evaluate and run the tokenizer, tagger and parser.

use crate::Fallible;
use attache_nlp::{Analyzer, conllu, ner::learn, train};
use attache_printer::nlp as nlp_report;
use clap::{Args, Subcommand, ValueEnum};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Subcommand)]
pub enum NlpCommand {
    /// Train the tokenizer lists, tagger, lemmatizer and parser on UD English EWT + GUM.
    Train(TrainArgs),
    /// Score a model on CoNLL-U files (scores pooled over all of them).
    Eval(EvalArgs),
    /// Analyse a text file.
    Parse(ParseArgs),
}

#[derive(Args)]
pub struct TrainArgs {
    /// Train the named-entity recogniser on GUM's entity layer instead (written to
    /// models/en-ner.nlp unless `--out`), over the tags and parses of `--model`.
    #[arg(long)]
    entities: bool,
    /// The tagger and parser the recogniser reads (with `--entities`; default: the shipped one).
    #[arg(long, requires = "entities")]
    model: Option<PathBuf>,
    /// Log2 of the recogniser's weight-table rows (with `--entities`).
    #[arg(long, requires = "entities")]
    bits: Option<u32>,
    /// Train the recogniser on GUM's training documents alone, keeping its dev documents
    /// unseen for choosing features and settings (with `--entities`; the shipped model
    /// learns from both).
    #[arg(long, requires = "entities")]
    no_dev: bool,
    /// Where to write the model (default models/en.nlp, or models/en-ner.nlp with `--entities`).
    #[arg(long)]
    out: Option<PathBuf>,
    /// UD English EWT directory (with file-lists/ and sources/).
    #[arg(long)]
    ewt: Option<PathBuf>,
    /// UD English GUM directory (with files.train and sources/); "none" to skip.
    #[arg(long)]
    gum: Option<PathBuf>,
    /// Training epochs (default: 12 for the parser, 4 for the recogniser).
    #[arg(long)]
    epochs: Option<usize>,
    #[arg(long, default_value_t = train::TrainConfig::default().seed)]
    seed: u64,
    /// Models trained on different shuffles and averaged into one.
    #[arg(long, default_value_t = train::TrainConfig::default().members)]
    members: usize,
    /// Train on at most this many sentences (for quick checks).
    #[arg(long)]
    max_sentences: Option<usize>,
    /// Train a beam parser with this beam (1: greedy). A beam of 8 with `--epochs 16` is
    /// about 0.8 LAS more accurate on EWT and about 6 times slower to run; it takes about
    /// 16 minutes to train on one core.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=64))]
    beam: u16,
}

#[derive(Args)]
pub struct EvalArgs {
    /// CoNLL-U files (with `--entities`, GUM files; default: the GUM test documents).
    #[arg(required_unless_present = "entities")]
    files: Vec<PathBuf>,
    /// Score the named-entity recogniser: precision, recall and F1 of named person,
    /// organization and place mentions, by exact span and by head word.
    #[arg(long, conflicts_with_all = ["raw", "by_relation", "predictions"])]
    entities: bool,
    /// GUM directory for `--entities` without files.
    #[arg(long, requires = "entities")]
    gum: Option<PathBuf>,
    /// With `--entities`, also print where the errors lie: each gold mention by what was
    /// found for it (exact, kind wrong, span too long or short, missed ...), by kind and by
    /// the predicted tag of its head, and the system mentions that match none.
    #[arg(long, requires = "entities")]
    errors: bool,
    /// Analyse the raw text (from `# text` lines) instead of the gold tokens.
    #[arg(long)]
    raw: bool,
    /// Model file (default: $ATTACHE_MODEL or models/en.nlp).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Also write the system's analysis as CoNLL-U here (for standard scorers such as
    /// the CoNLL 2018 `conll18_ud_eval.py`).
    #[arg(long, value_name = "FILE")]
    predictions: Option<PathBuf>,
    /// Also print labelled attachment precision, recall and F1 per universal relation
    /// (gold tokenization only).
    #[arg(long, conflicts_with = "raw")]
    by_relation: bool,
    /// Decode with this parser beam instead of the one the model was trained with.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=64))]
    beam: Option<u16>,
}

#[derive(Args)]
pub struct ParseArgs {
    file: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Conllu)]
    format: Format,
    #[arg(long)]
    model: Option<PathBuf>,
    /// Decode with this parser beam instead of the one the model was trained with.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=64))]
    beam: Option<u16>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Conllu,
}

pub fn run(cmd: NlpCommand) -> ExitCode {
    let result = match cmd {
        NlpCommand::Train(args) => run_train(&args),
        NlpCommand::Eval(args) => run_eval(&args),
        NlpCommand::Parse(args) => run_parse(&args.file, args.model.as_deref(), args.beam),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("attache nlp: {e}");
            ExitCode::FAILURE
        }
    }
}

fn load(model: Option<&Path>, beam: Option<u16>) -> Fallible<Analyzer> {
    let started = Instant::now();
    let mut a = match model {
        Some(p) => Analyzer::load(p),
        None => Analyzer::load_default(),
    }?;
    if let Some(width) = beam {
        a = a.with_beam(width as usize);
    }
    eprintln!(
        "model loaded in {:.2}s; parser beam {} (trained with {})",
        started.elapsed().as_secs_f64(),
        a.beam(),
        a.trained_beam()
    );
    Ok(a)
}

fn run_train(args: &TrainArgs) -> Fallible<()> {
    if args.entities {
        return run_train_entities(args);
    }
    let out = args.out.clone().unwrap_or_else(|| "models/en.nlp".into());
    let cfg = train::TrainConfig {
        epochs: args.epochs.unwrap_or(train::TrainConfig::default().epochs),
        seed: args.seed,
        members: args.members,
        beam: args.beam as usize,
        ..Default::default()
    };
    let (ewt, gum) = train::treebank_dirs(args.ewt.as_deref(), args.gum.as_deref());
    let banks = train::Treebanks {
        ewt: &ewt,
        gum: gum.as_deref(),
        max_sentences: args.max_sentences,
    };
    let started = Instant::now();
    let elapsed = || started.elapsed().as_secs_f64();
    let size = train::train_to_file(&banks, &cfg, &out, &mut |line| {
        eprintln!("[{:>6.1}s] {line}", elapsed())
    })?;
    let (out, mb) = (out.display(), size as f64 / 1e6);
    eprintln!("wrote {out} ({mb:.1} MB) in {:.1}s total", elapsed());
    Ok(())
}

fn run_train_entities(args: &TrainArgs) -> Fallible<()> {
    // The tagger and parser alone: a recogniser beside them (perhaps of an older format) is
    // what is being replaced.
    let model = args.model.clone().unwrap_or_else(Analyzer::default_path);
    let analyzer = load(Some(&model), None)?;
    let defaults = learn::NerConfig::default();
    let cfg = learn::NerConfig {
        epochs: args.epochs.unwrap_or(defaults.epochs),
        seed: args.seed,
        bits: args.bits.unwrap_or(defaults.bits).clamp(10, 22),
        models: defaults.models,
        with_dev: !args.no_dev,
    };
    let gum = train::treebank_dirs(args.ewt.as_deref(), args.gum.as_deref())
        .1
        .ok_or("--entities needs GUM (--gum none given)")?;
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| "models/en-ner.nlp".into());
    let started = Instant::now();
    let elapsed = || started.elapsed().as_secs_f64();
    let size = learn::train_to_file(&analyzer, &gum, &cfg, &out, &mut |line| {
        eprintln!("[{:>6.1}s] {line}", elapsed())
    })?;
    let (out, mb) = (out.display(), size as f64 / 1e6);
    eprintln!("wrote {out} ({mb:.2} MB) in {:.1}s total", elapsed());
    Ok(())
}

fn run_eval_entities(args: &EvalArgs) -> Fallible<()> {
    let analyzer = match &args.model {
        Some(p) => Analyzer::load_with_entities(p)?,
        None => Analyzer::load_default()?,
    };
    if !analyzer.has_entities() {
        return Err("no named-entity recogniser (en-ner.nlp) beside the model".into());
    }
    analyzer.load_entities()?;
    let gum = args
        .gum
        .clone()
        .unwrap_or_else(|| train::default_treebank_dir("ud-english-gum"));
    let (scores, what, errors) = learn::eval_files(&analyzer, &args.files, &gum)?;
    emit(&scores.report(&what))?;
    if args.errors {
        emit(&format!("\n{errors}"))?;
    }
    Ok(())
}

fn run_eval(args: &EvalArgs) -> Fallible<()> {
    if args.entities {
        return run_eval_entities(args);
    }
    let gold = conllu::read_files(&args.files)?;
    let names: Vec<String> = args.files.iter().map(|f| f.display().to_string()).collect();
    let analyzer = load(args.model.as_deref(), args.beam)?;
    let started = Instant::now();
    let (raw, by_relation) = (args.raw, args.by_relation);
    let (doc, out) = nlp_report::evaluate(&analyzer, &gold, &names.join(" "), raw, by_relation);
    eprintln!("analysed in {:.2}s", started.elapsed().as_secs_f64());
    emit(&out)?;
    if let Some(path) = &args.predictions {
        std::fs::write(path, conllu::write(&conllu::from_doc(&doc)))
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        eprintln!("wrote the analysis to {}", path.display());
    }
    Ok(())
}

fn run_parse(file: &Path, model: Option<&Path>, beam: Option<u16>) -> Fallible<()> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
    let analyzer = load(model, beam)?;
    let doc = analyzer.analyze(&text);
    emit(&conllu::write(&conllu::from_doc(&doc)))
}

/// Writes to stdout; a closed pipe (`| head`) is the reader's choice, not a failure.
fn emit(text: &str) -> Fallible<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write output: {e}").into())
        }
        _ => Ok(()),
    }
}
