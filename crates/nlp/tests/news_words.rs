//! Tags and lemmas of the shipped model on words of news text that event coding reads: plural
//! nouns unseen in training, and verbs after plural names (headline and lead style).

mod common;
use common::{analyzer, find};

/// An unseen plural noun loses its -s and nothing else: no rule replaces a whole word
/// ("pensioners" had become "Easterner", "MPs" "m") or changes its case.
#[test]
fn unseen_plural_nouns_keep_their_stem() {
    let cases = [
        (
            "Labour is failing pensioners, the party said.",
            "pensioners",
            "pensioner",
        ),
        (
            "Spammers and trackers were fined by the regulator.",
            "trackers",
            "tracker",
        ),
        (
            "The jurors told the court the auditors had lied.",
            "auditors",
            "auditor",
        ),
        ("Several MPs criticised the plan.", "MPs", "mp"),
        (
            "Local carers said the commuters were angry.",
            "carers",
            "carer",
        ),
        (
            "The heirs of the founder sold their shares.",
            "heirs",
            "heir",
        ),
    ];
    for (text, word, lemma) in cases {
        let doc = analyzer().analyze(text);
        let t = find(&doc, word);
        assert_eq!(
            t.lemma().to_lowercase(),
            lemma,
            "{word} in {text:?} ({})",
            t.xpos()
        );
    }
}

/// Regular inflections of verbs still find their known lemma (a doubled consonant or a final
/// e restored), and a word's lemma never takes capitals it does not have.
#[test]
fn verb_inflections_find_their_lemma() {
    let cases = [
        (
            "Lithuania expelled Russia's ambassador.",
            "expelled",
            "expel",
        ),
        (
            "The talks were scrapped after the ministers intervened.",
            "intervened",
            "intervene",
        ),
        (
            "Police said the bomb exploded near the station.",
            "exploded",
            "explode",
        ),
    ];
    for (text, word, lemma) in cases {
        let doc = analyzer().analyze(text);
        assert_eq!(find(&doc, word).lemma(), lemma, "{word} in {text:?}");
    }
    let doc = analyzer().analyze("The sweeteners were banned by regulators.");
    for t in doc.tokens().filter(|t| t.text() != "The") {
        assert!(
            !t.lemma().chars().any(char::is_uppercase),
            "{} -> {}",
            t.text(),
            t.lemma()
        );
    }
}

/// Verb forms the treebanks spell with a wrong lemma, or whose rule meets a known word of
/// another part of speech, take their lemma from `data/nlp/lemmas.tsv`; a past tense seen
/// only as a participle (or the reverse) takes the participle's lemma.
#[test]
fn corrected_and_sibling_lemmas() {
    let cases = [
        (
            "The three aid workers were freed on Friday.",
            "freed",
            "free",
        ),
        ("The regulator fined the bank heavily.", "fined", "fine"),
        ("Two clubs were fined for crowd trouble.", "fined", "fine"),
        ("The witness lied to the inquiry.", "lied", "lie"),
        ("Officials had hoped for a deal.", "hoped", "hope"),
    ];
    for (text, word, lemma) in cases {
        let doc = analyzer().analyze(text);
        assert_eq!(find(&doc, word).lemma(), lemma, "{word} in {text:?}");
    }
}

/// An unseen -ing or -ed form gets back the final e its suffix took, where the stem ends as
/// `data/nlp/final-e.tsv` lists, and loses a doubled consonant; other stems stay bare.
#[test]
fn unseen_verb_forms_restore_their_spelling() {
    let cases = [
        (
            "The king is abdicating in favour of his son.",
            "abdicating",
            "abdicate",
        ),
        (
            "Ministers were squabbling over the budget.",
            "squabbling",
            "squabble",
        ),
        ("The opposition is shunning the talks.", "shunning", "shun"),
        (
            "The army was repatriating the prisoners.",
            "repatriating",
            "repatriate",
        ),
        (
            "Rebels were barricading the roads.",
            "barricading",
            "barricade",
        ),
        (
            "The company is restructuring its debt.",
            "restructuring",
            "restructure",
        ),
    ];
    for (text, word, lemma) in cases {
        let doc = analyzer().analyze(text);
        assert_eq!(find(&doc, word).lemma(), lemma, "{word} in {text:?}");
    }
}
