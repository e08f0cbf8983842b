//! `attache nlp`: train, evaluate and run the tokenizer, tagger and parser.

use attache_nlp::{Analyzer, conllu, eval, train};
use clap::{Subcommand, ValueEnum};
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
    },
    /// Analyse a text file.
    Parse {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Conllu)]
        format: Format,
        #[arg(long)]
        model: Option<PathBuf>,
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
        } => {
            let cfg = train::TrainConfig {
                epochs,
                seed,
                members,
                ..Default::default()
            };
            run_train(&out, ewt, gum, &cfg, max_sentences)
        }
        NlpCommand::Eval { files, raw, model } => run_eval(&files, raw, model.as_deref()),
        NlpCommand::Parse {
            file,
            format: Format::Conllu,
            model,
        } => run_parse(&file, model.as_deref()),
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

fn load(model: Option<&Path>) -> Result<Analyzer, String> {
    let started = Instant::now();
    let a = match model {
        Some(p) => Analyzer::load(p),
        None => Analyzer::load_default(),
    }
    .map_err(|e| e.to_string())?;
    eprintln!("model loaded in {:.2}s", started.elapsed().as_secs_f64());
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

fn run_eval(files: &[PathBuf], raw: bool, model: Option<&Path>) -> Result<(), String> {
    let mut gold = Vec::new();
    for file in files {
        gold.extend(conllu::read_file(file).map_err(|e| e.to_string())?);
    }
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let name = names.join(" ");
    let analyzer = load(model)?;
    let started = Instant::now();
    if raw {
        let sc = eval::eval_raw(&analyzer, &gold);
        println!(
            "{}: raw text, {} gold words, {} gold sentences",
            name, sc.tokens.gold, sc.sentences.gold
        );
        for (metric, p) in [
            ("Tokens", sc.tokens),
            ("Sentences", sc.sentences),
            ("UPOS", sc.upos),
            ("LAS", sc.las),
        ] {
            println!(
                "{metric:<10} P {:6.2}  R {:6.2}  F1 {:6.2}",
                p.precision(),
                p.recall(),
                p.f1()
            );
        }
    } else {
        let sc = eval::eval_gold(&analyzer, &gold);
        println!("{name}: gold tokenization, {} words", sc.words);
        println!("UPOS     {:6.2}", sc.upos_pct());
        println!("XPOS     {:6.2}", sc.xpos_pct());
        println!("Lemma    {:6.2}", sc.lemma_pct());
        println!("UAS      {:6.2}", sc.uas_pct());
        println!("LAS      {:6.2}", sc.las_pct());
        println!(
            "LAS-full {:6.2}  (relation subtypes compared too)",
            sc.las_full_pct()
        );
    }
    eprintln!("analysed in {:.2}s", started.elapsed().as_secs_f64());
    Ok(())
}

fn run_parse(file: &Path, model: Option<&Path>) -> Result<(), String> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
    let analyzer = load(model)?;
    let doc = analyzer.analyze(&text);
    print!("{}", conllu::write(&conllu::from_doc(&doc)));
    Ok(())
}
