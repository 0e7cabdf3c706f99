//! The data model shared by every stage: entity classes, relations, modality, dates and statements.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The six entity classes of GUIDE.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Class {
    /// A sovereign state, or the state as an actor.
    Country,
    /// A named person holding a state office.
    Official,
    /// Any other named person.
    Person,
    /// A named state body.
    Agency,
    /// A named software service (and its company of the same name).
    App,
    /// Any other named organization.
    Organization,
}

impl Class {
    /// Every class, in a fixed order.
    pub const ALL: [Class; 6] = [
        Class::Country,
        Class::Official,
        Class::Person,
        Class::Agency,
        Class::App,
        Class::Organization,
    ];

    /// The local name used in the ontology ("Country", "App", ...).
    pub fn name(self) -> &'static str {
        match self {
            Class::Country => "Country",
            Class::Official => "Official",
            Class::Person => "Person",
            Class::Agency => "Agency",
            Class::App => "App",
            Class::Organization => "Organization",
        }
    }

    /// Whether the class can act for a state (subject of bans, orders, fines).
    pub fn is_state(self) -> bool {
        matches!(self, Class::Country | Class::Official | Class::Agency)
    }

    /// Whether the class names a person.
    pub fn is_person(self) -> bool {
        matches!(self, Class::Official | Class::Person)
    }
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The eighteen relations of GUIDE.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Relation {
    /// Bans, blocks, suspends or restricts an app.
    Bans,
    /// Lifts a ban.
    Unbans,
    /// Threatens to ban, block, fine or punish.
    Threatens,
    /// Quits an app or closes an account on it.
    StopsUsing,
    /// Uses an app or moves to it.
    Uses,
    /// Promotes an app or directs people to it.
    Promotes,
    /// Opposes the blocking of an app.
    OpposesBan,
    /// Demands something of the object.
    Demands,
    /// Refuses a demand or order of the object.
    Refuses,
    /// Instructs another body to act.
    Orders,
    /// Imposes a fine on.
    Fines,
    /// Opens an investigation into.
    Investigates,
    /// Criticises or accuses.
    Criticizes,
    /// Founded or built.
    Founded,
    /// Owns, or is the parent of.
    Owns,
    /// Holds an office or role in.
    HoldsPositionIn,
    /// Belongs to or is from a country.
    BasedIn,
    /// Number of users (object: a count).
    UserCount,
}

impl Relation {
    /// Every relation, in a fixed order.
    pub const ALL: [Relation; 18] = [
        Relation::Bans,
        Relation::Unbans,
        Relation::Threatens,
        Relation::StopsUsing,
        Relation::Uses,
        Relation::Promotes,
        Relation::OpposesBan,
        Relation::Demands,
        Relation::Refuses,
        Relation::Orders,
        Relation::Fines,
        Relation::Investigates,
        Relation::Criticizes,
        Relation::Founded,
        Relation::Owns,
        Relation::HoldsPositionIn,
        Relation::BasedIn,
        Relation::UserCount,
    ];

    /// The local name used in the ontology ("bans", "stopsUsing", ...).
    pub fn name(self) -> &'static str {
        match self {
            Relation::Bans => "bans",
            Relation::Unbans => "unbans",
            Relation::Threatens => "threatens",
            Relation::StopsUsing => "stopsUsing",
            Relation::Uses => "uses",
            Relation::Promotes => "promotes",
            Relation::OpposesBan => "opposesBan",
            Relation::Demands => "demands",
            Relation::Refuses => "refuses",
            Relation::Orders => "orders",
            Relation::Fines => "fines",
            Relation::Investigates => "investigates",
            Relation::Criticizes => "criticizes",
            Relation::Founded => "founded",
            Relation::Owns => "owns",
            Relation::HoldsPositionIn => "holdsPositionIn",
            Relation::BasedIn => "basedIn",
            Relation::UserCount => "userCount",
        }
    }

    /// Parses a local name; `None` for anything else.
    pub fn from_name(name: &str) -> Option<Relation> {
        Relation::ALL.iter().copied().find(|r| r.name() == name)
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Whether a statement happened, is announced, is only possible, or is denied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Modality {
    /// Happened, is happening, or was decided.
    Asserted,
    /// Announced for the future.
    Planned,
    /// Rumour, possibility or condition.
    Hypothetical,
    /// Denied or did not happen.
    Negated,
}

impl Modality {
    /// Every modality, in a fixed order (the order of declaration).
    pub const ALL: [Modality; 4] = [Modality::Asserted, Modality::Planned, Modality::Hypothetical, Modality::Negated];

    /// The local name used in the ontology.
    pub fn name(self) -> &'static str {
        match self {
            Modality::Asserted => "Asserted",
            Modality::Planned => "Planned",
            Modality::Hypothetical => "Hypothetical",
            Modality::Negated => "Negated",
        }
    }
}

impl fmt::Display for Modality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A date as precise as the text gives it: a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    /// The year.
    pub year: i32,
    /// The month, 1-12, when known.
    pub month: Option<u8>,
    /// The day of the month, when known (only with a month).
    pub day: Option<u8>,
}

impl Date {
    /// The lexical form for xsd:date, xsd:gYearMonth or xsd:gYear.
    pub fn lexical(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            _ => format!("{:04}", self.year),
        }
    }

    /// The XSD datatype local name matching the precision.
    pub fn xsd_type(&self) -> &'static str {
        match (self.month, self.day) {
            (Some(_), Some(_)) => "date",
            (Some(_), None) => "gYearMonth",
            _ => "gYear",
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lexical())
    }
}

/// Where a statement was read: document, sentence and character span in the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Provenance {
    /// The document id (the file stem), shared by the statements of a document.
    pub doc: std::sync::Arc<str>,
    /// Zero-based index of the sentence in the document.
    pub sentence: usize,
    /// Character offset of the sentence start in the cleaned document.
    pub start: usize,
    /// Character offset one past the sentence end.
    pub end: usize,
    /// The sentence text, shared by the statements of a sentence.
    pub text: std::sync::Arc<str>,
}

/// An entity key ("country:iran", "person:hassan rouhani"), shared between the mentions,
/// statements and tables that hold it: copying one is a count, not a new string.
pub type Key = std::sync::Arc<str>;

/// The object of a statement: another entity or, for userCount, a number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Object {
    /// An entity, by key.
    Entity(Key),
    /// An integer literal.
    Count(u64),
}

/// One extracted statement, with entity keys still local to the extraction that produced it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Statement {
    /// Subject entity key.
    pub subject: Key,
    /// The relation.
    pub relation: Relation,
    /// Object entity key or count.
    pub object: Object,
    /// Modality.
    pub modality: Modality,
    /// Date of the event, where the text gives one.
    pub date: Option<Date>,
    /// For userCount: the country key the users are in.
    pub country: Option<Key>,
    /// For holdsPositionIn: the role as written.
    pub role: Option<String>,
    /// Where it was read.
    pub provenance: Provenance,
}
