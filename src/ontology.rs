//! The domain as data: loads the lexicons, triggers, titles, cues and language tables of ontology/.
//!
//! The files are compiled into the binary as defaults; `Ontology::from_dir` reads a user's
//! directory instead, file by file, so the domain can be extended without recompiling.

use crate::error::{Error, Result};
use crate::model::{Class, Relation};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// The files of an ontology directory, with the built-in copy of each.
const FILES: [(&str, &str); 8] = [
    ("newsgraph.ttl", include_str!("../ontology/newsgraph.ttl")),
    ("entities.toml", include_str!("../ontology/entities.toml")),
    ("countries.tsv", include_str!("../ontology/countries.tsv")),
    ("triggers.toml", include_str!("../ontology/triggers.toml")),
    ("titles.toml", include_str!("../ontology/titles.toml")),
    ("cues.toml", include_str!("../ontology/cues.toml")),
    ("language.toml", include_str!("../ontology/language.toml")),
    ("names.toml", include_str!("../ontology/names.toml")),
];

/// The first words of personal names (names.toml): a capitalised run of two or three words that
/// starts with one is a person's full name wherever it stands.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Names {
    /// Given names, written first in most of the world ("Elon Musk").
    #[serde(default)]
    pub given: Vec<String>,
    /// Family names written first (Chinese, Korean and Vietnamese order: "Zhang Yiming").
    #[serde(default)]
    pub family_first: Vec<String>,
}

/// A named entity known in advance.
#[derive(Debug, Clone, Deserialize)]
pub struct KnownEntity {
    /// Canonical name.
    pub name: String,
    /// Class.
    pub class: Class,
    /// Other surface forms.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The country a state body or official belongs to.
    #[serde(default)]
    pub country: Option<String>,
    /// Ambiguous name: only an entity where the document confirms it with an app cue or list.
    #[serde(default)]
    pub needs_cue: bool,
    /// A building or seat that stands for its country ("the Kremlin").
    #[serde(default)]
    pub metonym: bool,
}

/// A row of countries.tsv.
#[derive(Debug, Clone)]
pub struct CountryRow {
    /// Common English name.
    pub name: String,
    /// Adjectives and people forms ("Iranian", "Iranians").
    pub demonyms: Vec<String>,
    /// Capitals and seats of government, used for the state ("Tehran blocked ...").
    pub capitals: Vec<String>,
    /// Other names of the state.
    pub aliases: Vec<String>,
    /// Other large cities, read as capitals are: the state where a city acts or stands before
    /// "-based", a place after "in" (optional fifth column).
    pub cities: Vec<String>,
}

/// A relation's triggers and the classes it accepts.
#[derive(Debug, Clone, Deserialize)]
pub struct RelationSpec {
    /// The relation.
    pub name: Relation,
    /// Classes allowed as subject.
    #[serde(default)]
    pub subjects: Vec<Class>,
    /// Classes allowed as object.
    #[serde(default)]
    pub objects: Vec<Class>,
    /// Verb phrases (see triggers.toml for the syntax).
    #[serde(default)]
    pub verbs: Vec<String>,
    /// Nominalisations.
    #[serde(default)]
    pub nouns: Vec<String>,
    /// Verb phrases read the other way round: their subject is the relation's object and the name
    /// after them its subject ("Zalo belongs to VNG": VNG owns Zalo).
    #[serde(default)]
    pub inverse_verbs: Vec<String>,
    /// Other triggers up to this one's object belong to it.
    #[serde(default)]
    pub absorbs: bool,
    /// Where to look when the clause names no object.
    #[serde(default)]
    pub object_fallback: Option<ObjectFallback>,
    /// Words right after a trigger that make it no trigger of this relation ("refused to
    /// comment", "used to train").
    #[serde(default)]
    pub not_followed_by: Vec<String>,
    /// What the verbs mean when a company or an app is their subject: "VK runs VKontakte" is
    /// ownership where "Durov runs Telegram" is an office.
    #[serde(default)]
    pub company_relation: Option<Relation>,
}

/// Where a trigger with no object in its clause takes one from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectFallback {
    /// The app the document is about ("closed his channel").
    TopicApp,
    /// The nearest state actor ("refused to hand over the keys").
    StateActor,
    /// The app of the document's last ban ("condemned the suspension").
    LastBan,
}

/// "the ban was lifted": a noun for an earlier statement and the verbs that reverse it.
#[derive(Debug, Clone, Deserialize)]
pub struct Reversal {
    /// Nouns naming the earlier event.
    pub nouns: Vec<String>,
    /// Participles that reverse it.
    pub verbs: Vec<String>,
    /// The relation produced.
    pub relation: Relation,
    /// The relation reversed.
    pub reverses: Relation,
    /// Participles that say who imposed it: "the suspension had been ordered by Judge X" is the
    /// judge's own act of the reversed relation, on the same object.
    #[serde(default)]
    pub imposing_verbs: Vec<String>,
}

/// "replaced X with Y": one verb, two statements.
#[derive(Debug, Clone, Deserialize)]
pub struct Swap {
    /// Verb phrases.
    pub verbs: Vec<String>,
    /// Words between the two objects.
    pub links: Vec<String>,
    /// Relation to the first object.
    pub from: Relation,
    /// Relation to the second object.
    pub to: Relation,
}

#[derive(Debug, Deserialize)]
struct TriggersFile {
    relation: Vec<RelationSpec>,
    reversal: Reversal,
    swap: Swap,
}

/// A group of titles with what they say about the person.
#[derive(Debug, Clone, Deserialize)]
pub struct TitleSpec {
    /// Class of the person the title marks.
    pub class: Class,
    /// Relation between the person and the body named with the title.
    #[serde(default)]
    pub relation: Option<Relation>,
    /// Dropped from the name, says nothing of office.
    #[serde(default)]
    pub honorific: bool,
    /// An office of the state itself ("president", "minister"): held in the country the
    /// sentence or, failing that, the document is about when no body is named.
    #[serde(default)]
    pub national: bool,

    /// The title phrases.
    pub words: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct TitlesFile {
    title: Vec<TitleSpec>,
}

/// Context words that classify unknown names and refer back to known ones.
#[derive(Debug, Clone, Deserialize)]
pub struct Cues {
    /// Name heads that make a state body.
    pub agency_heads: Vec<String>,
    /// Name heads that make an organization.
    pub organization_heads: Vec<String>,
    /// Organization heads that make a state body when a country owns them.
    pub state_company_heads: Vec<String>,
    /// Heads of bodies that are no company: an app's name before one names another body, not
    /// the app's company ("the Signal Foundation" is not Signal).
    #[serde(default)]
    pub non_company_heads: Vec<String>,
    /// Words before a name that make an organization a state body.
    pub state_markers: Vec<String>,
    /// Words that mark apps.
    pub app_cues: Vec<String>,
    /// Words that make an app one of the document's country.
    pub domestic_words: Vec<String>,
    /// Words that introduce members of a group.
    pub list_introducers: Vec<String>,
    /// Heads of unnamed state actors.
    pub unnamed_actor_heads: Vec<String>,
    /// Unnamed actors that stand for the state on their own.
    pub bare_unnamed_actors: Vec<String>,
    /// Heads that make a named state body with a country.
    pub named_body_heads: Vec<String>,
    /// Words after such a head that name its members ("cabinet members").
    pub member_nouns: Vec<String>,
    /// Nouns that make the lone name after them a state body ("the regulator Anatel").
    pub body_nouns: Vec<String>,
    /// Nouns of a state body in an apposition beside a lone name ("the regulator, Roskomnadzor,").
    #[serde(default)]
    pub appositive_body_nouns: Vec<String>,
    /// Head words of state bodies that are no regulator ("court", "parliament"): "China's internet
    /// regulator" is never the one court the document names.
    #[serde(default)]
    pub non_regulator_heads: Vec<String>,
    /// Last words of a law's name ("Network Enforcement Act"): such a name is no entity.
    #[serde(default)]
    pub law_heads: Vec<String>,
    /// Words that make a country's name a region's ("Latin America", "Northern Ireland" aside):
    /// such a word before a country's name opens no company unit's name.
    #[serde(default)]
    pub place_modifiers: Vec<String>,
    /// Nouns after an app in an apposition to a person that make the person its user ("an active
    /// Twitter user", "a TikTok star").
    #[serde(default)]
    pub app_user_nouns: Vec<String>,
    /// Words in a body's name that make it a regulator whatever its head ("Federal Cartel
    /// Office"): "the watchdog" may be it.
    #[serde(default)]
    pub regulating_words: Vec<String>,
    /// Heads that make "<portfolio> <head>" a state body ("foreign ministry").
    pub portfolio_heads: Vec<String>,
    /// Heads that make "<head> of <portfolio>" a state body ("ministry of education").
    pub portfolio_of_heads: Vec<String>,
    /// Words after a name and a comma that give its former name (an app's).
    pub former_name_markers: Vec<String>,
    /// World regions that, after a company's name, name its regional unit ("Airtel Africa"), as
    /// a country's name does ("Safaricom Ethiopia").
    #[serde(default)]
    pub unit_regions: Vec<String>,
    /// Nouns of a company's part before "of" and its owner's name ("a subsidiary of Etisalat"):
    /// a lone unknown name there is a company's.
    #[serde(default)]
    pub unit_nouns: Vec<String>,
    /// Words for a state's executive that a leader's name before them makes the state: "the
    /// Biden administration", "the Yoon government".
    #[serde(default)]
    pub leader_government_heads: Vec<String>,
    /// Verbs after which a lone capitalised name that names no person of the document is an app
    /// ("quit Weibo", "switched to Bluesky").
    #[serde(default)]
    pub app_object_verbs: Vec<String>,
    /// Portfolio words of ministries.
    pub portfolios: Vec<String>,
    /// Portfolio phrases that mean the same ministry.
    pub portfolio_synonyms: HashMap<String, String>,
    /// Heads of state and government by full name (lower case), with their country's name: the
    /// office a national title gives them when no country is written with it.
    #[serde(default)]
    pub leaders: HashMap<String, String>,
    /// Nouns through which a possessor acts.
    pub proxy_nouns: Vec<String>,
    /// Definite descriptions and the classes they refer to.
    pub definite: HashMap<String, Vec<Class>>,
    /// Plural descriptions ("the platforms", "both apps") and the classes of the names they group.
    #[serde(default)]
    pub plural_definite: HashMap<String, Vec<Class>>,
    /// Determiners that open a plural description ("the", "both", "these").
    #[serde(default)]
    pub plural_determiners: Vec<String>,
    /// Pronouns and the classes they refer to.
    pub pronouns: HashMap<String, Vec<Class>>,
    /// Appositions after a company or app naming its relation to what follows "of" ("the owner of").
    #[serde(default)]
    pub apposition_relations: HashMap<String, Relation>,
}

/// Modality cue words.
#[derive(Debug, Clone, Deserialize)]
pub struct ModalityCues {
    /// Negation inside the verb group.
    pub negation: Vec<String>,
    /// Denial anywhere before the trigger.
    pub denial: Vec<String>,
    /// Refusal in the verb group: what was refused did not happen ("refused to lift the ban").
    #[serde(default)]
    pub refusal: Vec<String>,
    /// Possibility inside the verb group.
    pub hypothetical: Vec<String>,
    /// Rumour or condition before the trigger.
    pub hypothetical_context: Vec<String>,
    /// Conditions after the trigger ("would lift the ban if", "allowed back only after").
    #[serde(default)]
    pub conditions_after: Vec<String>,
    /// Future inside the verb group.
    pub planned: Vec<String>,
    /// Reporting verbs after which "would" reports a decision.
    pub future_in_past_after: Vec<String>,
    /// Verbs that make a future an ongoing fact.
    pub continuing: Vec<String>,
    /// Verbs of a decision, after which "should" or "must" is what was decided ("ruled that
    /// access should be blocked"), a fact.
    #[serde(default)]
    pub deciding: Vec<String>,
    /// Words that say an act breaks the law ("argued that blocking X violated the constitution"):
    /// who says so of a ban opposes it.
    #[serde(default)]
    pub condemning: Vec<String>,
    /// Verbs of accusing someone of an act ("accused the government of shutting X"): who accuses
    /// someone of a ban opposes it, and the accused, not the accuser, is who banned.
    #[serde(default)]
    pub accusing: Vec<String>,
    /// Modals of possibility: a state actor saying an app "could be shut down" threatens it.
    #[serde(default)]
    pub possibility: Vec<String>,
    /// Nouns of an instruction acted on ("on the government's instructions").
    #[serde(default)]
    pub instruction_nouns: Vec<String>,
    /// Words opening a gerund that shares the clause's subject ("before lifting the block").
    #[serde(default)]
    pub gerund_adjuncts: Vec<String>,
}

/// Number words and user nouns.
#[derive(Debug, Clone, Deserialize)]
pub struct NumberCues {
    /// Number words.
    pub words: HashMap<String, u64>,
    /// Scale words.
    pub scales: HashMap<String, u64>,
    /// Words before a number that keep its value.
    pub approximators: Vec<String>,
    /// Words of a share before "of" and a number ("half of the country's 54 million people"):
    /// the number is then not the count.
    #[serde(default)]
    pub fractions: Vec<String>,
    /// Nouns after a number that make it a user count.
    pub user_nouns: Vec<String>,
    /// Nouns after a number that make it something else.
    pub not_user_nouns: Vec<String>,
}

/// Month and weekday names, relative weeks.
#[derive(Debug, Clone, Deserialize)]
pub struct DateCues {
    /// Month names to numbers.
    pub months: HashMap<String, u8>,
    /// Weekday names to 0 (Monday) .. 6.
    pub weekdays: HashMap<String, u8>,
    /// Phrases meaning the week before the document.
    pub last_week: Vec<String>,
}

/// Page furniture.
#[derive(Debug, Clone, Deserialize)]
pub struct Boilerplate {
    /// Line prefixes.
    pub prefixes: Vec<String>,
    /// Line prefixes that count only on short lines.
    pub short_prefixes: Vec<String>,
    /// Substrings.
    pub contains: Vec<String>,
    /// The three lists compiled into automata, once, on first use.
    #[serde(skip)]
    pub compiled: std::sync::OnceLock<crate::clean::BoilerplateMatcher>,
}

/// The English the pipeline needs.
#[derive(Debug, Clone, Deserialize)]
pub struct Language {
    /// Words before a dot that do not end a sentence.
    pub abbreviations: Vec<String>,
    /// Capitalised words that are not names.
    pub non_names: Vec<String>,
    /// Non-names that still open a name when another name word follows ("the New York Times").
    #[serde(default)]
    pub name_openers: Vec<String>,
    /// Reporting verbs.
    pub reporting_verbs: Vec<String>,
    /// Verbs whose subject is the agent of the infinitive after their object.
    pub control_verbs: Vec<String>,
    /// Verbs that take up an order as their subject's own ("upheld an order ... to suspend").
    #[serde(default)]
    pub endorsement_verbs: Vec<String>,
    /// Words before "of" whose phrase acts as the body after it ("a panel of the court").
    #[serde(default)]
    pub group_heads: Vec<String>,
    /// Nouns of an order followed by what is ordered ("an order to suspend").
    #[serde(default)]
    pub order_nouns: Vec<String>,
    /// Verbs of appeal, whose infinitive is only asked for ("urged the government to lift").
    #[serde(default)]
    pub appeal_verbs: Vec<String>,
    /// Words that open a clause.
    pub clause_openers: Vec<String>,
    /// Relative pronouns.
    pub relative_pronouns: Vec<String>,
    /// Words of origin after a place and a hyphen ("Beijing-based").
    #[serde(default)]
    pub origin_words: Vec<String>,
    /// Nouns after an app's name that make the name a modifier, not the thing meant: "its own
    /// TikTok clone", "a WhatsApp rival".
    #[serde(default)]
    pub likeness_nouns: Vec<String>,
    /// Words of origin after a company's name that make it the owner of what follows:
    /// "Google-owned YouTube", "the Meta-owned app".
    #[serde(default)]
    pub owner_origin_words: Vec<String>,
    /// Nouns of what is said or shown on an app ("a post on X"): an app named after them and
    /// "on" is where something was said, not what a later description refers to.
    #[serde(default)]
    pub posting_nouns: Vec<String>,
    /// Words that give a name after a noun that says what it is: "a group called Mahason
    /// Balakaya", "an app named Koo".
    #[serde(default)]
    pub naming_words: Vec<String>,
    /// Plural nouns whose possessive stays inside a name: "Republican People's Party",
    /// "Save the Children's Fund".
    #[serde(default)]
    pub name_possessors: Vec<String>,
    /// Spans of time that end a noun phrase before them ("the platform days earlier").
    #[serde(default)]
    pub time_nouns: Vec<String>,
    /// Words of a time adjunct between a relative pronoun and its verb ("which last week barred").
    #[serde(default)]
    pub time_adjunct_words: Vec<String>,
    /// Modifiers too general to tell state bodies apart ("the same regulator").
    #[serde(default)]
    pub generic_modifiers: Vec<String>,
    /// Words after which a trigger's form in -s is a plural noun ("earlier requests").
    #[serde(default)]
    pub plural_noun_markers: Vec<String>,
    /// Prepositions.
    pub prepositions: Vec<String>,
    /// Forms of "be" (and "remain", "get").
    pub be_forms: Vec<String>,
    /// Forms of "have".
    pub have_forms: Vec<String>,
    /// Adverbs allowed inside a verb group.
    pub adverbs: Vec<String>,
    /// Coordinators.
    pub coordinators: Vec<String>,
    /// Spelling folds for comparing transliterated names.
    pub transliteration: Vec<(String, String)>,
    /// Modality cues.
    pub modality: ModalityCues,
    /// Numbers.
    pub numbers: NumberCues,
    /// Dates.
    pub dates: DateCues,
    /// Boilerplate.
    pub boilerplate: Boilerplate,
}

#[derive(Debug, Deserialize)]
struct EntitiesFile {
    entity: Vec<KnownEntity>,
}

/// The whole domain, as read from ontology/.
#[derive(Debug, Clone)]
pub struct Ontology {
    /// Known entities.
    pub entities: Vec<KnownEntity>,
    /// Countries.
    pub countries: Vec<CountryRow>,
    /// Relations with triggers.
    pub relations: Vec<RelationSpec>,
    /// Ban reversal.
    pub reversal: Reversal,
    /// Replacement verbs.
    pub swap: Swap,
    /// Titles.
    pub titles: Vec<TitleSpec>,
    /// Cues.
    pub cues: Cues,
    /// Language tables.
    pub language: Language,
    /// Personal names that start a full name.
    pub names: Names,
    /// The OWL schema in Turtle.
    pub schema_ttl: String,
}

fn parse_toml<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T> {
    toml::from_str(text).map_err(|e| Error::Ontology {
        file: file.to_string(),
        message: e.to_string().replace('\n', " "),
    })
}

fn split_list(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn parse_countries(text: &str) -> Result<Vec<CountryRow>> {
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if !(4..=5).contains(&cells.len()) || cells[0].trim().is_empty() {
            return Err(Error::Ontology {
                file: "countries.tsv".into(),
                message: format!(
                    "line {}: expected 4 or 5 tab-separated cells (name, demonyms, capitals, aliases, cities)",
                    n + 1
                ),
            });
        }
        rows.push(CountryRow {
            name: cells[0].trim().to_string(),
            demonyms: split_list(cells[1]),
            capitals: split_list(cells[2]),
            aliases: split_list(cells[3]),
            cities: cells.get(4).map(|c| split_list(c)).unwrap_or_default(),
        });
    }
    Ok(rows)
}

impl Ontology {
    /// The row of the country of this name in the country table, if it has one.
    pub fn country_row(&self, name: &str) -> Option<usize> {
        self.countries.iter().position(|r| r.name == name)
    }

    /// The ontology compiled into the binary (the project's ontology/ directory at build time).
    pub fn builtin() -> Result<Ontology> {
        Self::from_texts(|name| {
            Ok(FILES
                .iter()
                .find(|(f, _)| *f == name)
                .map(|(_, t)| t.to_string())
                .unwrap_or_default())
        })
    }

    /// Reads an ontology directory; a file missing there falls back to the built-in copy.
    pub fn from_dir(dir: &Path) -> Result<Ontology> {
        if !dir.is_dir() {
            return Err(Error::Usage(format!("{}: not an ontology directory", dir.display())));
        }
        Self::from_texts(|name| {
            let path = dir.join(name);
            if path.exists() {
                std::fs::read_to_string(&path).map_err(|source| Error::Read { path, source })
            } else {
                Ok(FILES
                    .iter()
                    .find(|(f, _)| *f == name)
                    .map(|(_, t)| t.to_string())
                    .unwrap_or_default())
            }
        })
    }

    fn from_texts(read: impl Fn(&str) -> Result<String>) -> Result<Ontology> {
        let entities: EntitiesFile = parse_toml("entities.toml", &read("entities.toml")?)?;
        let triggers: TriggersFile = parse_toml("triggers.toml", &read("triggers.toml")?)?;
        let titles: TitlesFile = parse_toml("titles.toml", &read("titles.toml")?)?;
        let cues: Cues = parse_toml("cues.toml", &read("cues.toml")?)?;
        let language: Language = parse_toml("language.toml", &read("language.toml")?)?;
        let names: Names = parse_toml("names.toml", &read("names.toml")?)?;
        let countries = parse_countries(&read("countries.tsv")?)?;
        let ont = Ontology {
            entities: entities.entity,
            countries,
            relations: triggers.relation,
            reversal: triggers.reversal,
            swap: triggers.swap,
            titles: titles.title,
            cues,
            language,
            names,
            schema_ttl: read("newsgraph.ttl")?,
        };
        ont.check()?;
        Ok(ont)
    }

    fn check(&self) -> Result<()> {
        for e in &self.entities {
            if let Some(c) = &e.country {
                if !self.countries.iter().any(|r| &r.name == c) {
                    return Err(Error::Ontology {
                        file: "entities.toml".into(),
                        message: format!("{}: country {:?} is not a name in countries.tsv", e.name, c),
                    });
                }
            }
        }
        for r in Relation::ALL {
            if !self.relations.iter().any(|s| s.name == r) {
                return Err(Error::Ontology {
                    file: "triggers.toml".into(),
                    message: format!("relation {} is missing", r),
                });
            }
        }
        Ok(())
    }

    /// The spec of a relation.
    pub fn relation(&self, r: Relation) -> Option<&RelationSpec> {
        self.relations.iter().find(|s| s.name == r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_ontology_loads_and_covers_every_relation() {
        let o = Ontology::builtin().expect("built-in ontology");
        assert!(o.countries.len() >= 195);
        assert!(o
            .countries
            .iter()
            .any(|c| c.name == "Iran" && c.demonyms.iter().any(|d| d == "Iranian")));
        for r in Relation::ALL {
            assert!(o.relation(r).is_some(), "{r}");
        }
    }

    #[test]
    fn a_malformed_file_is_reported_with_its_name() {
        let dir = std::env::temp_dir().join(format!("ng-ont-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("cues.toml"), "agency_heads = [").unwrap();
        let err = Ontology::from_dir(&dir).unwrap_err().to_string();
        std::fs::remove_dir_all(&dir).ok();
        assert!(err.starts_with("ontology cues.toml:"), "{err}");
    }
}
