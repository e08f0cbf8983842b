//! Universal Dependencies relations as a type: the 37 universal relations and the subtypes
//! English treebanks use. A model's label names are parsed once when it is loaded, so code
//! that reads a parse compares enum values, and a misspelt relation does not compile.

use std::fmt;

/// A dependency relation, with its subtype where it has one (`NsubjPass` is "nsubj:pass").
/// [`Deprel::base`] drops the subtype; `Display` writes the UD name.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Deprel {
    Acl,
    AclRelcl,
    Advcl,
    AdvclRelcl,
    Advmod,
    Amod,
    Appos,
    Aux,
    AuxPass,
    Case,
    Cc,
    CcPreconj,
    Ccomp,
    Clf,
    Compound,
    CompoundPrt,
    Conj,
    Cop,
    Csubj,
    CsubjOuter,
    CsubjPass,
    Dep,
    Det,
    DetPredet,
    Discourse,
    Dislocated,
    Expl,
    Fixed,
    Flat,
    FlatForeign,
    FlatName,
    Goeswith,
    Iobj,
    List,
    Mark,
    Nmod,
    NmodDesc,
    NmodNpmod,
    NmodPoss,
    NmodTmod,
    NmodUnmarked,
    Nsubj,
    NsubjOuter,
    NsubjPass,
    Nummod,
    Obj,
    Obl,
    OblAgent,
    OblNpmod,
    OblTmod,
    OblUnmarked,
    Orphan,
    Parataxis,
    Punct,
    Reparandum,
    Root,
    Vocative,
    Xcomp,
}

use Deprel::*;

/// Every relation with its UD name, in the enum's order.
const NAMES: [(Deprel, &str); 58] = [
    (Acl, "acl"),
    (AclRelcl, "acl:relcl"),
    (Advcl, "advcl"),
    (AdvclRelcl, "advcl:relcl"),
    (Advmod, "advmod"),
    (Amod, "amod"),
    (Appos, "appos"),
    (Aux, "aux"),
    (AuxPass, "aux:pass"),
    (Case, "case"),
    (Cc, "cc"),
    (CcPreconj, "cc:preconj"),
    (Ccomp, "ccomp"),
    (Clf, "clf"),
    (Compound, "compound"),
    (CompoundPrt, "compound:prt"),
    (Conj, "conj"),
    (Cop, "cop"),
    (Csubj, "csubj"),
    (CsubjOuter, "csubj:outer"),
    (CsubjPass, "csubj:pass"),
    (Dep, "dep"),
    (Det, "det"),
    (DetPredet, "det:predet"),
    (Discourse, "discourse"),
    (Dislocated, "dislocated"),
    (Expl, "expl"),
    (Fixed, "fixed"),
    (Flat, "flat"),
    (FlatForeign, "flat:foreign"),
    (FlatName, "flat:name"),
    (Goeswith, "goeswith"),
    (Iobj, "iobj"),
    (List, "list"),
    (Mark, "mark"),
    (Nmod, "nmod"),
    (NmodDesc, "nmod:desc"),
    (NmodNpmod, "nmod:npmod"),
    (NmodPoss, "nmod:poss"),
    (NmodTmod, "nmod:tmod"),
    (NmodUnmarked, "nmod:unmarked"),
    (Nsubj, "nsubj"),
    (NsubjOuter, "nsubj:outer"),
    (NsubjPass, "nsubj:pass"),
    (Nummod, "nummod"),
    (Obj, "obj"),
    (Obl, "obl"),
    (OblAgent, "obl:agent"),
    (OblNpmod, "obl:npmod"),
    (OblTmod, "obl:tmod"),
    (OblUnmarked, "obl:unmarked"),
    (Orphan, "orphan"),
    (Parataxis, "parataxis"),
    (Punct, "punct"),
    (Reparandum, "reparandum"),
    (Root, "root"),
    (Vocative, "vocative"),
    (Xcomp, "xcomp"),
];

impl Deprel {
    /// The UD name ("nsubj:pass").
    pub fn as_str(self) -> &'static str {
        NAMES[self as usize].1
    }

    /// The relation named exactly `name` ("nmod:poss"); `None` for names outside the set.
    pub fn from_name(name: &str) -> Option<Deprel> {
        NAMES.iter().find(|(_, n)| *n == name).map(|(d, _)| *d)
    }

    /// The relation a model label stands for: its exact name, else (a subtype this type does not
    /// list, such as "obl:arg") its universal part, else `Dep`.
    pub fn from_label(label: &str) -> Deprel {
        Deprel::from_name(label)
            .or_else(|| Deprel::from_name(label.split(':').next()?))
            .unwrap_or(Dep)
    }

    /// The universal relation without its subtype: `Nmod` for "nmod:poss", itself otherwise.
    pub fn base(self) -> Deprel {
        match self {
            AclRelcl => Acl,
            AdvclRelcl => Advcl,
            AuxPass => Aux,
            CcPreconj => Cc,
            CompoundPrt => Compound,
            CsubjOuter | CsubjPass => Csubj,
            DetPredet => Det,
            FlatForeign | FlatName => Flat,
            NmodDesc | NmodNpmod | NmodPoss | NmodTmod | NmodUnmarked => Nmod,
            NsubjOuter | NsubjPass => Nsubj,
            OblAgent | OblNpmod | OblTmod | OblUnmarked => Obl,
            other => other,
        }
    }

    /// A nominal or clausal subject, active or passive ("nsubj", "csubj:pass").
    pub fn is_subject(self) -> bool {
        matches!(self.base(), Nsubj | Csubj)
    }

    /// A nominal subject of any subtype ("nsubj", "nsubj:pass", "nsubj:outer").
    pub fn is_nsubj(self) -> bool {
        self.base() == Nsubj
    }

    /// An oblique of any subtype ("obl", "obl:tmod").
    pub fn is_obl(self) -> bool {
        self.base() == Obl
    }

    /// A nominal modifier of any subtype ("nmod", "nmod:poss").
    pub fn is_nmod(self) -> bool {
        self.base() == Nmod
    }

    /// A clausal modifier of a noun ("acl", "acl:relcl").
    pub fn is_acl(self) -> bool {
        self.base() == Acl
    }

    /// An auxiliary, passive or not ("aux", "aux:pass").
    pub fn is_aux(self) -> bool {
        self.base() == Aux
    }

    /// A passive subject or auxiliary ("nsubj:pass", "csubj:pass", "aux:pass").
    pub fn is_passive(self) -> bool {
        matches!(self, NsubjPass | CsubjPass | AuxPass)
    }
}

impl fmt::Display for Deprel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A dependency relation name that is not one of the UD relations.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown dependency relation `{0}`")]
pub struct UnknownDeprel(pub String);

impl std::str::FromStr for Deprel {
    type Err = UnknownDeprel;

    fn from_str(s: &str) -> Result<Deprel, UnknownDeprel> {
        Deprel::from_name(s).ok_or_else(|| UnknownDeprel(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_in_enum_order() {
        for (i, (d, name)) in NAMES.iter().enumerate() {
            assert_eq!(*d as usize, i, "{name} out of order");
            assert_eq!(d.to_string(), *name);
            assert_eq!(name.parse::<Deprel>(), Ok(*d));
        }
    }

    #[test]
    fn subtypes_keep_their_base() {
        assert_eq!(NsubjPass.base(), Nsubj);
        assert_eq!(NmodPoss.base(), Nmod);
        assert_eq!(Obj.base(), Obj);
        assert!(CsubjPass.is_subject() && NsubjOuter.is_nsubj() && !Obj.is_subject());
        assert!(OblTmod.is_obl() && AclRelcl.is_acl() && AuxPass.is_aux() && AuxPass.is_passive());
        for (d, name) in NAMES {
            assert_eq!(d.base().as_str(), name.split(':').next().unwrap());
        }
    }

    #[test]
    fn unknown_labels_fall_back_to_their_universal_part() {
        assert_eq!(Deprel::from_label("obl:arg"), Obl);
        assert_eq!(Deprel::from_label("nsubj:pass"), NsubjPass);
        assert_eq!(Deprel::from_label("made-up"), Dep);
        assert!("nsubj:pas".parse::<Deprel>().is_err());
    }
}
