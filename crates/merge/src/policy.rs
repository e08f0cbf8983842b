//! The settings of the same-event rule: how strictly each field must agree, and what two
//! mentions must share across documents ([`Policy`], [`Strictness`]).

/// How two sets of actor (or recipient) codes must relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetRule {
    /// The same codes.
    Equal,
    /// The same codes, or one side names none.
    EqualOrEitherEmpty,
    /// The same codes, or one set inside the other with at least one code shared.
    Nested,
}

/// Whether aggregate claims merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimRule {
    /// An aggregate claim never merges with anything.
    Never,
    /// Claims merge with claims, single events with single events.
    SameKind,
}

/// How the figures of two mentions must agree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FigureRule {
    /// The headline figures, where both give one, have the same value and unit.
    Identical,
    /// Some comparable pair of figures agrees within the tolerance (see [`Count::agrees`]),
    /// or no pair is comparable.
    Within { tolerance: f64 },
}

/// What two mentions must share beyond compatible fields to be one event: enough of what
/// they say ([`crate::content::overlap`]), or agreeing figures, or (both exactly dated, every
/// participant named on both sides) their participants and day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContentRule {
    /// The least overlap score that counts as textual evidence.
    pub threshold: f64,
    /// The least weight of shared words (a name or number weighs 2, another word 1).
    pub min_shared: f64,
    /// The least number of shared names or numbers: what tells one event from another of its
    /// kind ("Reid" and "Lohan" both checked into rehab).
    pub min_names: usize,
    /// The least overlap of the documents' story names that, with `story_clause` of the
    /// clause words, counts as textual evidence: two reports of one story.
    pub story: f64,
    pub story_clause: f64,
    /// The least overlap of the documents' story names at which the same word for the event
    /// ("checked into" rehab in two reports of one actress's story) suffices, with no further
    /// clause word shared: two documents that repeat the same names tell one story, and one
    /// story's reports of one kind of event are one event. Outside one country's politics only.
    pub story_word: f64,
    /// The least overlap of the clause words that, with every participant named on both sides
    /// and names in common, counts as evidence for an event within one country when the
    /// mentions are not both dated to one day. Two statements of one party about its rival
    /// share the parties' names ("Labour", "Tory") whatever they say; one event's reports share
    /// more of its words.
    pub participants_clause: f64,
    /// The least cosine of a new document with a cluster's centroid at which it joins that
    /// cluster ([`crate::cluster`]). Reports of one cluster are of one story: there the same
    /// word for the event suffices (outside one country's politics), and an undated report may
    /// be a dated one's event; reports of different clusters never merge.
    pub cluster: f64,
}

/// How readily reports merge across documents (`attache ingest --merge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Strictness {
    Strict,
    #[default]
    Default,
    Loose,
}

impl Strictness {
    pub fn as_str(self) -> &'static str {
        match self {
            Strictness::Strict => "strict",
            Strictness::Default => "default",
            Strictness::Loose => "loose",
        }
    }

    pub fn parse(name: &str) -> Option<Strictness> {
        [Strictness::Strict, Strictness::Default, Strictness::Loose]
            .into_iter()
            .find(|s| s.as_str() == name)
    }

    /// The across-document policy of this setting.
    pub fn policy(self) -> Policy {
        match self {
            Strictness::Strict => Policy::ACROSS_DOCUMENTS_STRICT,
            Strictness::Default => Policy::ACROSS_DOCUMENTS,
            Strictness::Loose => Policy::ACROSS_DOCUMENTS_LOOSE,
        }
    }
}

/// The settings that make the rule strict within a document and tolerant across documents.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Policy {
    pub name: &'static str,
    /// Whether a mention without a mode may merge with one that has a mode.
    pub open_mode: bool,
    pub claims: ClaimRule,
    pub actors: SetRule,
    pub recipients: SetRule,
    pub figures: FigureRule,
    /// Whether a mention without its own date may merge with a dated one.
    pub undated_matches_any: bool,
    /// What the mentions must share; `None`: compatible fields suffice (within a document,
    /// where the coder has read both in one text). With a rule, a side that names no actor or
    /// recipient is unknown: it blocks nothing, and proves nothing.
    pub content: Option<ContentRule>,
    /// Whether a doer of either side is only implied ([`crate::rule::decide`]'s caller knows:
    /// "The Britons were detained" has the state's police as its doer, unknown to the rule).
    /// Where nobody is named, a read word alone then tells no event: one story holds many
    /// custody acts of one state.
    pub implied_doer: bool,
}

impl Policy {
    /// Within one document, mentions of one event repeat its participants and figure
    /// exactly; a date left out ("the expulsion") is the date given elsewhere.
    pub const WITHIN_DOCUMENT: Policy = Policy {
        name: "within a document",
        open_mode: false,
        claims: ClaimRule::Never,
        actors: SetRule::Equal,
        recipients: SetRule::EqualOrEitherEmpty,
        figures: FigureRule::Identical,
        undated_matches_any: true,
        content: None,
        implied_doer: false,
    };

    /// Across documents, outlets report one event with different detail and figures: two
    /// figures of the same thing are one count when the larger is at most 20% (plus one)
    /// above the smaller: 25 and 27 agree, 3 and 40 do not.
    /// Content thresholds fitted on the ECB+ training topics (docs/eval.md).
    pub const ACROSS_DOCUMENTS: Policy = Policy {
        name: "across documents",
        open_mode: true,
        claims: ClaimRule::SameKind,
        actors: SetRule::Nested,
        recipients: SetRule::Nested,
        figures: FigureRule::Within { tolerance: 0.2 },
        undated_matches_any: false,
        content: Some(ContentRule {
            threshold: 0.6,
            min_shared: 3.0,
            min_names: 1,
            story: 0.5,
            story_clause: 0.2,
            story_word: 0.7,
            participants_clause: 0.4,
            cluster: 0.35,
        }),
        implied_doer: false,
    };

    /// `--merge strict`: more shared content before reports merge.
    pub const ACROSS_DOCUMENTS_STRICT: Policy = Policy {
        name: "across documents (strict)",
        content: Some(ContentRule {
            threshold: 0.7,
            min_shared: 4.0,
            min_names: 1,
            story: 0.6,
            story_clause: 0.4,
            story_word: 0.9,
            participants_clause: 0.5,
            cluster: 0.45,
        }),
        ..Policy::ACROSS_DOCUMENTS
    };

    /// `--merge loose`: less shared content suffices.
    pub const ACROSS_DOCUMENTS_LOOSE: Policy = Policy {
        name: "across documents (loose)",
        content: Some(ContentRule {
            threshold: 0.4,
            min_shared: 2.0,
            min_names: 1,
            story: 0.4,
            story_clause: 0.1,
            story_word: 0.5,
            participants_clause: 0.3,
            cluster: 0.25,
        }),
        ..Policy::ACROSS_DOCUMENTS
    };
}
