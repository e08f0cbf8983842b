//! `attache nlp`: train, evaluate and run the tokenizer, tagger and parser.

use attache_nlp::{Analyzer, conllu, eval, train};
use clap::{Subcommand, ValueEnum};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Subcommand)]
pub enum NlpCommand {
    /// Train the tokenizer lists, tagger, lemmatizer and parser on UD English EWT + GUM.
    Train {
        /// Where to write the model.
        #[arg(long, default_value = "models/en.nlp")]
        out: PathBuf,
        /// UD English EWT directory (with file-lists/ and sources/).
        #[arg(long)]
        ewt: Option<PathBuf>,
        /// UD English GUM directory (with files.train and sources/); "none" to skip.
        #[arg(long)]
        gum: Option<PathBuf>,
        #[arg(long, default_value_t = train::TrainConfig::default().epochs)]
        epochs: usize,
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
    },
    /// Score a model on CoNLL-U files (scores pooled over all of them).
    Eval {
        #[arg(required = true)]
        files: Vec<PathBuf>,
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
    },
    /// Analyse a text file.
    Parse {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Conllu)]
        format: Format,
        #[arg(long)]
        model: Option<PathBuf>,
        /// Decode with this parser beam instead of the one the model was trained with.
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..=64))]
        beam: Option<u16>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Conllu,
}

pub fn run(cmd: NlpCommand) -> ExitCode {
    let result = match cmd {
        NlpCommand::Train {
            out,
            ewt,
            gum,
            epochs,
            seed,
            members,
            max_sentences,
            beam,
        } => {
            let cfg = train::TrainConfig {
                epochs,
                seed,
                members,
                beam: beam as usize,
                ..Default::default()
            };
            run_train(&out, ewt, gum, &cfg, max_sentences)
        }
        NlpCommand::Eval {
            files,
            raw,
            model,
            predictions,
            by_relation,
            beam,
        } => {
            let report = EvalReport {
                raw,
                predictions,
                by_relation,
            };
            run_eval(&files, &report, model.as_deref(), beam)
        }
        NlpCommand::Parse {
            file,
            format: Format::Conllu,
            model,
            beam,
        } => run_parse(&file, model.as_deref(), beam),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("attache nlp: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `../shared/data/<name>` from the current directory, else beside the workspace.
fn default_data_dir(name: &str) -> PathBuf {
    let here = Path::new("../shared/data").join(name);
    if here.exists() {
        return here;
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(name)
}

fn load(model: Option<&Path>, beam: Option<u16>) -> Result<Analyzer, String> {
    let started = Instant::now();
    let mut a = match model {
        Some(p) => Analyzer::load(p),
        None => Analyzer::load_default(),
    }
    .map_err(|e| e.to_string())?;
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

fn run_train(
    out: &Path,
    ewt: Option<PathBuf>,
    gum: Option<PathBuf>,
    cfg: &train::TrainConfig,
    max_sentences: Option<usize>,
) -> Result<(), String> {
    let ewt = ewt.unwrap_or_else(|| default_data_dir("ud-english-ewt"));
    let gum = match gum {
        Some(p) if p.as_os_str() == "none" => None,
        Some(p) => Some(p),
        None => Some(default_data_dir("ud-english-gum")),
    };
    let started = Instant::now();
    let mut train_set = train::read_training_sets(Some(&ewt), gum.as_deref(), "train")
        .map_err(|e| e.to_string())?;
    if let Some(max) = max_sentences {
        train_set.truncate(max);
    }
    let dev = train::read_training_sets(Some(&ewt), None, "dev").map_err(|e| e.to_string())?;
    let words: usize = train_set.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "training on {} sentences ({words} words) from {} and {}; dev {} sentences",
        train_set.len(),
        ewt.display(),
        gum.as_ref()
            .map_or("no GUM".to_string(), |g| g.display().to_string()),
        dev.len()
    );
    if train_set.is_empty() {
        return Err(format!(
            "no training sentences found under {}",
            ewt.display()
        ));
    }
    let analyzer = train::train(&train_set, &dev, cfg, &mut |line| {
        eprintln!("[{:>6.1}s] {line}", started.elapsed().as_secs_f64())
    });
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    analyzer.save(out).map_err(|e| e.to_string())?;
    let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "wrote {} ({:.1} MB) in {:.1}s total",
        out.display(),
        size as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// What `nlp eval` prints and writes besides the scores.
struct EvalReport {
    raw: bool,
    predictions: Option<PathBuf>,
    by_relation: bool,
}

fn run_eval(
    files: &[PathBuf],
    report: &EvalReport,
    model: Option<&Path>,
    beam: Option<u16>,
) -> Result<(), String> {
    let mut gold = Vec::new();
    for file in files {
        gold.extend(conllu::read_file(file).map_err(|e| e.to_string())?);
    }
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let name = names.join(" ");
    let analyzer = load(model, beam)?;
    let started = Instant::now();
    let mut out = String::new();
    let doc = if report.raw {
        let g = eval::raw_gold(&gold);
        let doc = analyzer.analyze(&g.text);
        let sc = eval::score_raw(&g, &doc);
        let _ = writeln!(
            out,
            "{}: raw text, {} gold words, {} gold sentences",
            name, sc.tokens.gold, sc.sentences.gold
        );
        for (metric, p) in [
            ("Tokens", sc.tokens),
            ("Sentences", sc.sentences),
            ("UPOS", sc.upos),
            ("LAS", sc.las),
        ] {
            let _ = writeln!(
                out,
                "{metric:<10} P {:6.2}  R {:6.2}  F1 {:6.2}",
                p.precision(),
                p.recall(),
                p.f1()
            );
        }
        doc
    } else {
        let doc = eval::analyze_gold(&analyzer, &gold);
        let sc = eval::score_gold(&doc, &gold);
        let _ = writeln!(out, "{name}: gold tokenization, {} words", sc.words);
        let _ = writeln!(out, "UPOS     {:6.2}", sc.upos_pct());
        let _ = writeln!(out, "XPOS     {:6.2}", sc.xpos_pct());
        let _ = writeln!(out, "Lemma    {:6.2}", sc.lemma_pct());
        let _ = writeln!(out, "UAS      {:6.2}", sc.uas_pct());
        let _ = writeln!(out, "LAS      {:6.2}", sc.las_pct());
        let _ = writeln!(
            out,
            "LAS-full {:6.2}  (relation subtypes compared too)",
            sc.las_full_pct()
        );
        if report.by_relation {
            let rows = eval::relation_scores(&doc, &gold);
            write_relations(&mut out, &rows, sc.words - sc.las);
        }
        doc
    };
    eprintln!("analysed in {:.2}s", started.elapsed().as_secs_f64());
    emit(&out)?;
    if let Some(path) = &report.predictions {
        std::fs::write(path, conllu::write(&conllu::from_doc(&doc)))
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        eprintln!("wrote the analysis to {}", path.display());
    }
    Ok(())
}

/// One line per universal relation. The last column is the share of all LAS errors that are
/// this relation's gold words missed, which says where the errors are.
fn write_relations(out: &mut String, rows: &[(String, eval::Prf)], errors: usize) {
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{:<12} {:>6} {:>6} {:>7} {:>7} {:>7} {:>10}",
        "relation", "gold", "system", "P", "R", "F1", "of errors"
    );
    for (rel, p) in rows {
        let missed = p.gold - p.correct;
        let _ = writeln!(
            out,
            "{rel:<12} {:>6} {:>6} {:>7.2} {:>7.2} {:>7.2} {:>9.1}%",
            p.gold,
            p.system,
            p.precision(),
            p.recall(),
            p.f1(),
            100.0 * missed as f64 / errors.max(1) as f64
        );
    }
}

fn run_parse(file: &Path, model: Option<&Path>, beam: Option<u16>) -> Result<(), String> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
    let analyzer = load(model, beam)?;
    let doc = analyzer.analyze(&text);
    emit(&conllu::write(&conllu::from_doc(&doc)))
}

/// Writes to stdout; a closed pipe (`| head`) is the reader's choice, not a failure.
fn emit(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write output: {e}"))
        }
        _ => Ok(()),
    }
}
