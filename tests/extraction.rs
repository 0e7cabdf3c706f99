//! Extraction on sentences written for these tests, in varied countries, bodies and apps: each
//! asserts the exact statements users rely on, and the ones that must not appear.

mod common;
use common::{assert_entity, check, check_none, statements, statements_dated};
use newsgraph::model::Date;

#[test]
fn subject_verb_object_with_an_unnamed_state_actor() {
    check(
        "The Nigerian government suspended Twitter on Friday.",
        &["Nigeria bans Twitter"],
        &[],
    );
    check(
        "Tehran blocked the messenger WhatsApp during the protests.",
        &["Iran bans WhatsApp"],
        &[],
    );
}

#[test]
fn passive_with_and_without_by() {
    check(
        "Facebook was blocked by the Uganda Communications Commission before the election.",
        &["Uganda Communications Commission bans Facebook"],
        &[],
    );
    check("The Signal app is blocked in Egypt.", &["Egypt bans Signal"], &[]);
    check(
        "YouTube and Instagram are both restricted in Turkmenistan.",
        &["Turkmenistan bans YouTube", "Turkmenistan bans Instagram"],
        &[],
    );
}

#[test]
fn nominalisations() {
    check(
        "Russia's ban on Instagram took effect in March 2022.",
        &["Russia bans Instagram"],
        &[],
    );
    check(
        "Critics condemned the suspension of Twitter by the Nigerian government.",
        &["Nigeria bans Twitter"],
        &[],
    );
}

#[test]
fn reported_speech_gives_the_embedded_subject() {
    check(
        "Nigeria's information minister Lai Mohammed said the federal government had suspended Twitter.",
        &["Nigeria bans Twitter", "Lai Mohammed holdsPositionIn Nigeria"],
        &["Lai Mohammed bans Twitter"],
    );
}

#[test]
fn coordinated_subjects_and_objects() {
    check(
        "Prime Minister Anna Kovacs and Interior Minister Peter Lindqvist closed their TikTok accounts.",
        &["Anna Kovacs stopsUsing TikTok", "Peter Lindqvist stopsUsing TikTok"],
        &[],
    );
    check(
        "India banned TikTok and WeChat in June 2020.",
        &["India bans TikTok", "India bans WeChat"],
        &[],
    );
}

#[test]
fn relative_clauses_and_appositions() {
    check(
        "Pavel Durov, who founded VKontakte, left Russia in 2014.",
        &["Pavel Durov founded VKontakte"],
        &["Russia founded VKontakte"],
    );
    check(
        "Telegram, built by the Russian entrepreneur Pavel Durov, has about 900 million users.",
        &[
            "Pavel Durov founded Telegram",
            "Telegram userCount 900000000",
            "Pavel Durov basedIn Russia",
        ],
        &[],
    );
    check(
        "Kazakhstan, a close ally of Russia, blocked the Viber messenger in 2023.",
        &["Kazakhstan bans Viber"],
        &["Russia bans Viber"],
    );
}

#[test]
fn pronouns_and_definite_descriptions_resolve() {
    check(
        "Roskomnadzor demanded that Telegram hand over its encryption keys. The company refused.",
        &["Roskomnadzor demands Telegram", "Telegram refuses Roskomnadzor"],
        &[],
    );
    check(
        "Kenya's president William Ruto opened a TikTok account in 2023. He later said he uses the app daily.",
        &["William Ruto uses TikTok", "William Ruto holdsPositionIn Kenya"],
        &[],
    );
}

#[test]
fn modality_is_never_asserted_for_possibilities_denials_and_plans() {
    check(
        "Pakistan could block YouTube again.",
        &["Pakistan bans YouTube [Hypothetical]"],
        &["Pakistan bans YouTube"],
    );
    check(
        "Tanzania did not block WhatsApp.",
        &["Tanzania bans WhatsApp [Negated]"],
        &["Tanzania bans WhatsApp"],
    );
    check(
        "Analysts expect China to restrict the Discord app next year.",
        &[],
        &["China bans Discord"],
    );
    check(
        "Officials denied reports that Iran had blocked Instagram.",
        &["Iran bans Instagram [Negated]"],
        &["Iran bans Instagram"],
    );
    // What an actor refused or failed to do did not happen.
    check(
        "A Nigerian court refused to lift the ban on Twitter.",
        &["Nigeria unbans Twitter [Negated]"],
        &["Nigeria unbans Twitter"],
    );
    check(
        "The regulator in Kazakhstan declined to unblock Telegram.",
        &["Kazakhstan unbans Telegram [Negated]"],
        &["Kazakhstan unbans Telegram"],
    );
    // A refusal before the subject of another clause does not reach its verb.
    check(
        "Telegram refused to hand over its keys, and Russia blocked the messenger.",
        &["Russia bans Telegram"],
        &["Russia bans Telegram [Negated]"],
    );
    check(
        "Turkey will lift its ban on Wikipedia next week.",
        &["Turkey unbans Wikipedia [Planned]"],
        &["Turkey unbans Wikipedia"],
    );
    check(
        "There were rumours that Vietnam would block Facebook.",
        &[],
        &["Vietnam bans Facebook", "Vietnam bans Facebook [Planned]"],
    );
}

#[test]
fn threats_are_their_own_relation() {
    check(
        "Brazil's top court threatened to block Telegram.",
        &["Brazil threatens Telegram"],
        &["Brazil bans Telegram"],
    );
}

#[test]
fn metonyms_stand_for_their_country() {
    check(
        "The Kremlin ordered Roskomnadzor to slow down Twitter.",
        &["Russia orders Roskomnadzor"],
        &[],
    );
    check(
        "A Moscow court fined Google for failing to remove banned content.",
        &["Russia fines Google"],
        &[],
    );
}

#[test]
fn user_figures_with_their_country() {
    check(
        "Some 25 million Ugandans use Facebook every month.",
        &["Facebook userCount 25000000"],
        &[],
    );
    check(
        "In Russia the number of Telegram users is estimated at 10 million.",
        &["Telegram userCount 10000000"],
        &[],
    );
    check(
        "The channel has over 1.3 million followers on Telegram.",
        &[],
        &["Telegram userCount 1300000"],
    );
}

#[test]
fn demonyms_and_possessives_give_based_in() {
    check("The Chinese app WeChat was removed from stores.", &["WeChat basedIn China"], &[]);
    check(
        "Iran's Supreme Council of Cyberspace met on Sunday.",
        &["Supreme Council of Cyberspace basedIn Iran"],
        &[],
    );
}

#[test]
fn acronyms_defined_in_the_text_and_ban_reversals() {
    check(
        "The Bangladesh Telecommunication Regulatory Commission (BTRC) blocked Facebook. The BTRC lifted the block a week later.",
        &[
            "Bangladesh Telecommunication Regulatory Commission bans Facebook",
            "Bangladesh Telecommunication Regulatory Commission unbans Facebook",
        ],
        &[],
    );
    check(
        "Iran blocked Telegram in 2015. The ban was lifted a week later.",
        &["Iran bans Telegram", "Iran unbans Telegram"],
        &[],
    );
}

#[test]
fn investigations_and_criticism() {
    check(
        "The European Commission opened an investigation into TikTok.",
        &["European Commission investigates TikTok"],
        &[],
    );
    check(
        "President Bola Tinubu criticized Meta over its policies.",
        &["Bola Tinubu criticizes Meta"],
        &[],
    );
}

#[test]
fn weekdays_resolve_against_the_document_date() {
    let d = Date {
        year: 2017,
        month: Some(4),
        day: Some(30),
    };
    let got = statements_dated("On Monday, the Turkish authorities blocked Wikipedia.", Some(d));
    assert!(got.contains("Turkey bans Wikipedia"), "{got:?}");
    let lex = common::lexicon();
    let doc = newsgraph::read::Document {
        id: "t".into(),
        path: "t.txt".into(),
        text: "On Monday, the Turkish authorities blocked Wikipedia.".into(),
    };
    let ex = newsgraph::extract::extract(&doc, lex, Some(d));
    let dates: Vec<String> = ex.statements.iter().filter_map(|s| s.date.map(|d| d.lexical())).collect();
    assert_eq!(dates, ["2017-04-24"]);
}

#[test]
fn sentences_without_actors_give_nothing() {
    assert!(statements("Many users continued to use the app through VPNs.").is_empty());
}

#[test]
fn a_role_that_speaks_before_its_name_is_given() {
    check(
        "The head of Kenya's Communications Authority says the ban will stay. \"We will not lift it,\" said Ezra Chiloba on Monday.",
        &["Ezra Chiloba holdsPositionIn Communications Authority"],
        &[],
    );
}

#[test]
fn relative_clauses_in_the_passive_and_proxies() {
    check(
        "The minister still posts on Instagram and Facebook, which are blocked in Turkmenistan.",
        &["Turkmenistan bans Instagram", "Turkmenistan bans Facebook"],
        &[],
    );
    check(
        "A message on President Emmerson Mnangagwa's Twitter account said he would move to Telegram.",
        &["Emmerson Mnangagwa uses Telegram [Planned]"],
        &[],
    );
}

#[test]
fn an_order_to_block_is_a_ban_by_who_gave_it() {
    check(
        "The telecommunications regulator Anatel told internet providers to block access to the social network X.",
        &["Anatel bans Twitter"],
        &[],
    );
    check(
        "The Ethiopian Communications Authority ordered operators to restrict TikTok.",
        &["Ethiopian Communications Authority bans TikTok"],
        &[],
    );
}

#[test]
fn conditions_after_the_verb_make_it_hypothetical() {
    check(
        "Uganda will restore access to Facebook if the company opens a local office.",
        &["Uganda unbans Facebook [Hypothetical]"],
        &["Uganda unbans Facebook", "Uganda unbans Facebook [Planned]"],
    );
}

#[test]
fn offices_are_held_where_the_text_says_not_where_the_document_is() {
    check(
        "Ghana's regulators met on Monday. Ghana's communications minister Ursula Owusu-Ekuful said Telegram would not be blocked. Lawmaker Sam George disagreed.",
        &["Ursula Owusu-Ekuful holdsPositionIn Ghana"],
        &["Sam George holdsPositionIn Ghana"],
    );
}

#[test]
fn agentless_passives_fall_to_the_documents_country_unless_another_is_named() {
    check(
        "Russia restricted foreign platforms this spring. Facebook had already been blocked in early March.",
        &["Russia bans Facebook"],
        &[],
    );
    check(
        "Russia restricted foreign platforms this spring. Facebook had already been blocked, Turkish media said.",
        &[],
        &["Russia bans Facebook", "Turkey bans Facebook"],
    );
}

#[test]
fn bodies_named_with_of_and_origins_with_a_hyphen() {
    check(
        "India's Ministry of Electronics and Information Technology banned TikTok and WeChat.",
        &[
            "Ministry of Electronics and Information Technology bans TikTok",
            "Ministry of Electronics and Information Technology bans WeChat",
        ],
        &[],
    )
}

#[test]
fn owners_and_their_countries() {
    check(
        "TikTok, owned by Beijing-based ByteDance, had about 200 million users in India.",
        &["ByteDance owns TikTok", "ByteDance basedIn China", "TikTok userCount 200000000"],
        &[],
    );
}

#[test]
fn fines_threats_demands_and_domestic_apps() {
    check(
        "A Moscow court imposed a fine of 3 million roubles on Google.",
        &["Russia fines Google"],
        &[],
    );
    check(
        "Indonesia threatened to block WhatsApp unless it registered with the communications ministry.",
        &["Indonesia threatens WhatsApp"],
        &["Indonesia bans WhatsApp", "Indonesia threatens WhatsApp [Hypothetical]"],
    );
    check(
        "Vietnam's information ministry demanded that Facebook remove posts. Facebook refused to comply with the order.",
        &["Information Ministry demands Facebook", "Facebook refuses Information Ministry"],
        &[],
    );
    check(
        "Kazakhstan's President Kassym-Jomart Tokayev urged citizens to switch to the domestic messenger Aitu.",
        &["Kassym-Jomart Tokayev promotes Aitu", "Aitu basedIn Kazakhstan"],
        &[],
    );
    check(
        "Prime Minister Narendra Modi joined Koo, the Indian alternative to Twitter.",
        &["Narendra Modi uses Koo", "Koo basedIn India"],
        &[],
    );
}

#[test]
fn decisions_and_continuing_activity_are_facts_futures_are_plans() {
    check(
        "A Dhaka court decided to ban Telegram across the country.",
        &["Bangladesh bans Telegram"],
        &["Bangladesh bans Telegram [Planned]"],
    );
    check(
        "The Kenyan Interior Ministry announced that it will keep updating its Facebook followers.",
        &["Kenyan Interior Ministry uses Facebook"],
        &[],
    );
    check(
        "The minister of Peru announced that she would no longer use TikTok.",
        &[],
        &["Peru stopsUsing TikTok [Hypothetical]"],
    );
    check(
        "Senator Ana Ruiz announced that she would no longer use TikTok.",
        &["Ana Ruiz stopsUsing TikTok"],
        &["Ana Ruiz uses TikTok"],
    );
    check(
        "Senator Ana Ruiz said she would move to Telegram.",
        &["Ana Ruiz uses Telegram [Planned]"],
        &[],
    );
}

#[test]
fn persons_join_across_documents_by_surname_and_spelling() {
    let got = common::corpus_statements(
        &[
            "Foreign Minister Mohammad Javad Zarif quit Instagram on Monday.",
            // A surname alone, a transliteration and a name one letter off join the full names.
            "Foreign Minister Zarif quit Telegram on Tuesday.",
            "Foreign Minister Mohammad Javad Zareef quit WhatsApp.",
            "Supreme Leader Ali Khamenei quit Twitter.",
            "Supreme Leader Ali Khameni quit Facebook.",
            // Names two letters apart are other people.
            "Minister Ali Khamsehi quit Viber.",
            // A surname alone that fits two people is neither, and does not make them one.
            "Minister Ali Rezaei quit Telegram. Minister Hassan Rezaei quit WhatsApp.",
            "Minister Rezaei quit Instagram.",
        ],
        None,
    );
    let expected = [
        "Mohammad Javad Zarif stopsUsing Instagram",
        "Mohammad Javad Zarif stopsUsing Telegram",
        "Mohammad Javad Zarif stopsUsing WhatsApp",
        "Ali Khameni stopsUsing Twitter",
        "Ali Khameni stopsUsing Facebook",
        "Ali Khamsehi stopsUsing Viber",
        "Ali Rezaei stopsUsing Telegram",
        "Hassan Rezaei stopsUsing WhatsApp",
        "Rezaei stopsUsing Instagram",
    ];
    assert_eq!(got, expected.iter().map(|s| s.to_string()).collect(), "{got:#?}");
}

#[test]
fn a_body_noun_added_to_the_ontology_makes_the_name_after_it_a_state_body() {
    use newsgraph::model::Class;
    let text = "Brazil says the telecoms overseer Anatelx blocked Telegram on Monday.";
    let bodies = |lex: &newsgraph::Lexicon| -> Vec<String> {
        let doc = newsgraph::read::Document {
            id: "overseer".into(),
            path: "overseer.txt".into(),
            text: text.into(),
        };
        let ex = newsgraph::extract::extract(&doc, lex, None);
        let g = newsgraph::pipeline::build_graph(vec![ex], lex).expect("builds");
        let names = g.statements().map(|st| st.subject()).filter(|e| e.class == Class::Agency);
        names.map(|e| e.name.clone()).collect()
    };
    assert!(bodies(common::lexicon()).is_empty());
    // Users extend cues.toml without recompiling; the same edit, made on the loaded ontology.
    let mut ontology = newsgraph::Ontology::builtin().expect("built-in ontology loads");
    ontology.cues.body_nouns.push("overseer".into());
    assert_eq!(bodies(&newsgraph::Lexicon::new(ontology)), ["Anatelx"]);
}

#[test]
fn surnames_find_their_person_among_many_in_one_document() {
    // Past the first sixteen persons, a document's names are looked up by blocks of spelling.
    let surnames = [
        "Abadi", "Bahrami", "Cheraghi", "Darvishi", "Ebrahimi", "Farahani", "Ghorbani", "Hashemi", "Jafari", "Kazemi", "Latifi",
        "Mahmoudi", "Nasiri", "Omidi", "Parsa", "Rostami", "Sadeghi", "Tavakoli", "Vahidi", "Zamani",
    ];
    let mut text: String = surnames.iter().map(|s| format!("Minister Reza {s} quit Instagram. ")).collect();
    text.push_str("Later, Tavakoli quit Telegram. And Tavakkoli quit WhatsApp. Then Zamany quit Viber.");
    let got = statements(&text);
    for want in [
        "Reza Tavakoli stopsUsing Telegram",
        "Reza Tavakoli stopsUsing WhatsApp",
        "Reza Zamani stopsUsing Viber",
    ] {
        assert!(got.contains(want), "missing {want:?} in {got:#?}");
    }
    assert_eq!(got.len(), surnames.len() + 3, "{got:#?}");
}

#[test]
fn swaps_and_spelled_out_figures() {
    // A swap verb opens its pattern; the words around it do not.
    check(
        "Iran replaced WhatsApp with Soroush in its ministries in 2018.",
        &["Iran stopsUsing WhatsApp", "Iran uses Soroush"],
        &[],
    );
    check(
        "The Communications Authority of Kenya swapped Telegram for WhatsApp.",
        &[
            "Communications Authority of Kenya stopsUsing Telegram",
            "Communications Authority of Kenya uses WhatsApp",
        ],
        &[],
    );
    // Number and scale words, read by their ids.
    check(
        "The Kenyan regulator said Telegram has three million users in Kenya.",
        &["Telegram userCount 3000000"],
        &[],
    );
}

#[test]
fn a_body_head_added_to_the_ontology_names_a_state_body_and_its_references() {
    let text = "In Norway, the storting banned TikTok on Monday.\nThe storting said it fined Meta.";
    // Without the head, the storting is no body.
    let plain = statements(text);
    assert!(plain.iter().all(|s| !s.contains("torting")), "{plain:#?}");
    // Users extend cues.toml without recompiling; the same edit, made on the loaded ontology.
    let mut ontology = newsgraph::Ontology::builtin().expect("built-in ontology loads");
    ontology.cues.named_body_heads.push("storting".into());
    let got = common::corpus_statements_with(&newsgraph::Lexicon::new(ontology), &[text], None);
    let want: std::collections::BTreeSet<String> = ["Storting bans TikTok", "Storting fines Meta"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(got, want);
}

#[test]
fn a_weekday_after_a_body_is_not_part_of_its_name() {
    check(
        "India's Ministry of Electronics and Information Technology on Monday banned TikTok.",
        &["Ministry of Electronics and Information Technology bans TikTok"],
        &[],
    );
    check(
        "The Ministry of Communications of Ghana on Tuesday blocked Telegram.",
        &["Ministry of Communications of Ghana bans Telegram"],
        &[],
    );
}

#[test]
fn a_lone_unknown_name_where_apps_go_is_an_app_and_its_descriptions_follow_it() {
    // Weibo and Zello are not in the lexicon: the verb says what they are.
    check(
        "India banned TikTok in June. Prime Minister Narendra Modi quit Weibo days later, deleting his account on the Chinese platform.",
        &["India bans TikTok", "Narendra Modi stopsUsing Weibo"],
        &["Narendra Modi stopsUsing TikTok"],
    );
    check(
        "Opposition leader Juan Guaido switched to Zello after the block.",
        &["Juan Guaido uses Zello"],
        &[],
    );
    // Not after other verbs, nor for a name a person of the document bears.
    check(
        "Russian officials criticised Minister Ali Rezaei. The Russian authorities later blocked Rezaei.",
        &[],
        &["Russia bans Rezaei"],
    );
    check("Minister Ali Rezaei moved to Dubai in May.", &[], &["Ali Rezaei uses Dubai"]);
}

#[test]
fn an_owner_named_with_the_company_owns_it() {
    check(
        "Rumble owner Chris Pavlovski said the block in France was unlawful.",
        &["Chris Pavlovski owns Rumble"],
        &["Chris Pavlovski holdsPositionIn Rumble"],
    );
    // An unknown name before a company role is the company.
    check(
        "Kanzu founder John Okello joined Twitter.",
        &["John Okello founded Kanzu", "John Okello uses Twitter"],
        &[],
    );
}

#[test]
fn a_name_after_the_verb_that_fits_no_object_is_not_replaced_by_the_documents_app() {
    check(
        "Telegram was blocked in Russia. Blogger Anna Berg later left Zangi, a rival service.",
        &["Russia bans Telegram"],
        &["Anna Berg stopsUsing Telegram"],
    );
}

#[test]
fn an_apposition_or_a_noun_before_it_says_what_an_unknown_name_is_for_the_whole_document() {
    check(
        "Vietnam's Ministry of Information and Communications encouraged state employees to use Zelo, a messaging app developed by the Vietnamese company VNX. \
         Zelo has more than 74 million users, according to VNX.",
        &[
            "Ministry of Information and Communications promotes Zelo",
            "VNX founded Zelo",
            "Zelo userCount 74000000",
        ],
        &[],
    );
    check(
        "Kazakhstan blocked Qoldau, a local ride-hailing app, in May.",
        &["Kazakhstan bans Qoldau"],
        &[],
    );
}

#[test]
fn a_name_in_apposition_to_a_title_is_a_person_with_that_title() {
    check(
        "Kenya suspended Zangi after its owner, Marta Kowal, refused to appoint a representative.",
        &["Marta Kowal owns Zangi"],
        &[],
    );
    check(
        "A federal judge, Tomas Reyes, criticised the Ministry of Justice.",
        &["Tomas Reyes criticizes Ministry of Justice"],
        &[],
    );
}

#[test]
fn a_company_spokesman_is_a_person_not_an_official() {
    common::assert_entity(
        "Telegram spokesman Remi Vaughn urged the authorities to restore access.",
        "Person Remi Vaughn",
    );
}

#[test]
fn military_rulers_and_juntas_stand_for_their_country() {
    check(
        "Myanmar's military rulers ordered telecom companies to block Facebook.",
        &["Myanmar bans Facebook"],
        &[],
    );
    check("The junta in Mali blocked TikTok on Tuesday.", &["Mali bans TikTok"], &[]);
}

#[test]
fn a_verb_after_and_shares_the_subject_of_the_verb_before() {
    check(
        "Ghana's telecom regulator on Friday blocked Telegram and opened an investigation into Fotica, a photo app.",
        &["Ghana bans Telegram", "Ghana investigates Fotica"],
        &["Telegram investigates Fotica"],
    );
}

#[test]
fn an_apposition_naming_a_state_body_makes_the_lone_name_an_agency_of_that_country() {
    check(
        "Spain's data protection authority, the Custodia, temporarily banned Zorbly, a chatbot. \
         Vestri, the Polish regulator, blocked Zorbly as well.",
        &[
            "Custodia bans Zorbly",
            "Custodia basedIn Spain",
            "Vestri bans Zorbly",
            "Vestri basedIn Poland",
        ],
        &[],
    );
    check(
        "Telenova, the Danish operator that serves the country, complied.",
        &["Telenova basedIn Denmark"],
        &[],
    );
}

#[test]
fn owners_and_builders_are_read_through_descriptions_and_relative_clauses() {
    check(
        "Kenya blocked Qwiktalk, which is owned by the Beijing-based company Lanyu.",
        &["Kenya bans Qwiktalk", "Lanyu owns Qwiktalk", "Lanyu basedIn China"],
        &[],
    );
    // A city before "-based" is a place, not the owner.
    check(
        "Kenya blocked Qwiktalk, which is owned by the Shenzhen-based company Lanyu.",
        &["Lanyu owns Qwiktalk"],
        &[],
    );
    check(
        "Kenya banned Zorbly. Nimbus, the American company that built the chatbot, said it would appeal.",
        &["Kenya bans Zorbly", "Nimbus founded Zorbly", "Nimbus basedIn United States"],
        &[],
    );
    // A lone name where apps go is an app wherever the document writes it alone.
    check(
        "Nimbus, an American company, built Zorbly. Kenya banned Zorbly in May.",
        &["Nimbus founded Zorbly", "Kenya bans Zorbly"],
        &[],
    );
}

#[test]
fn words_after_a_trigger_can_undo_it() {
    // triggers.toml not_followed_by: a refusal to comment answers a reporter, not a demand.
    check(
        "Turkey ordered Meta to remove the posts. Meta declined to comment, and Google refused to say more.",
        &["Turkey orders Meta"],
        &["Meta refuses Turkey", "Google refuses Turkey"],
    );
    check(
        "Turkey ordered Meta to remove the posts. Meta refused to remove them.",
        &["Meta refuses Turkey"],
        &[],
    );
    // "used to train" is no use of what follows.
    check(
        "Chile banned Zorbly, a chatbot built by the company Nimbus. The regulator said Nimbus had no basis for the data used to train the service.",
        &["Chile bans Zorbly"],
        &["Nimbus uses Zorbly"],
    );
}

#[test]
fn the_court_is_the_court_just_named() {
    check(
        "Peru's Constitutional Court suspended TikTok in May. In June the court allowed TikTok to return.",
        &["Constitutional Court bans TikTok", "Constitutional Court unbans TikTok"],
        &["Peru unbans TikTok"],
    );
    // With no court named, the court stands for its country.
    check(
        "A court in Lima suspended TikTok. Peru later allowed TikTok to return.",
        &["Peru unbans TikTok"],
        &[],
    );
}

#[test]
fn a_sum_of_money_is_no_user_count() {
    check(
        "Kenya's regulator fined Zangi, a messaging app, 610,500 Kenyan shillings. Zangi has 2 million Kenyan users.",
        &["Zangi userCount 2000000"],
        &["Zangi userCount 610500"],
    );
}

#[test]
fn a_description_prefers_a_body_of_its_own_head_word() {
    // "the ministry" is the ministry, not the court named after it.
    check(
        "Ghana's interior ministry told a court on Monday that it had blocked Telegram. \
         In a filing to the Accra High Court, the ministry said Telegram had refused to cooperate, and the ministry blocked Signal too.",
        &["Interior Ministry bans Telegram", "Interior Ministry bans Signal"],
        &["Accra High Court bans Signal", "Ghana bans Telegram"],
    );
}

#[test]
fn an_apposition_is_not_the_next_item_of_a_list() {
    check(
        "Minister Ana Lopes urged citizens to use Fala, a homegrown alternative to WhatsApp built by Rui Costa Neves.",
        &["Ana Lopes promotes Fala", "Rui Costa Neves founded Fala"],
        &["Ana Lopes promotes WhatsApp", "Rui Costa Neves founded WhatsApp"],
    );
}

#[test]
fn a_full_name_that_acts_is_a_person() {
    check(
        "Kenya banned Zangi. The app, which Marta Kowal bought last year, did not respond.",
        &["Marta Kowal owns Zangi"],
        &[],
    );
}

#[test]
fn slowing_an_app_is_restricting_it() {
    check(
        "Roskomnadzor said it had begun slowing Twitter on phones, accusing the company of failing to remove content.",
        &["Roskomnadzor bans Twitter", "Roskomnadzor criticizes Twitter"],
        &[],
    );
}

#[test]
fn an_apposition_after_a_company_can_relate_it() {
    // cues.toml apposition_relations.
    check(
        "Washington banned dealings with ByteDance, the owner of TikTok, and with Tencent, the maker of WeChat.",
        &["ByteDance owns TikTok", "Tencent founded WeChat"],
        &[],
    );
}

#[test]
fn a_long_app_name_is_also_its_first_word_and_the_regulator_the_one_body_named() {
    check(
        "Peru's Digital Agency ordered app stores on Sunday to remove Rapi Taxi, the country's biggest ride-hailing app. \
         The regulator had announced an investigation into Rapi two days earlier, and a year later it fined Rapi.",
        &[
            "Digital Agency bans Rapi Taxi",
            "Digital Agency investigates Rapi Taxi",
            "Digital Agency fines Rapi Taxi",
        ],
        &["Peru investigates Rapi Taxi"],
    );
}

#[test]
fn a_lifting_still_to_come_is_not_asserted() {
    check(
        "Turkey's telecom authority, the Iletim, blocked Instagram. A minister said the ban would be lifted soon.",
        &["Iletim bans Instagram", "Iletim unbans Instagram [Planned]"],
        &["Iletim unbans Instagram"],
    );
}

#[test]
fn a_judge_blocking_a_ban_lifts_it_and_time_ends_a_noun_phrase() {
    check(
        "Montana banned TikTok. In November Judge Rosa Molloy blocked the ban on TikTok.",
        &["Rosa Molloy unbans TikTok"],
        &["Rosa Molloy bans TikTok"],
    );
    check(
        "Turkey blocked Instagram. Ayse Demir, the head of communications at the presidency, had criticised the platform days earlier.",
        &["Ayse Demir criticizes Instagram"],
        &[],
    );
}

#[test]
fn an_apposition_with_a_possessive_says_what_a_name_is() {
    check(
        "Telkomo, the country's largest mobile operator, is based in Kenya. Kenya blocked Zangi, a messaging app, and Telkomo complied.",
        &["Kenya bans Zangi"],
        &[],
    );
    common::assert_entity(
        "Kenya blocked Telegram. Telkomo, the country's largest mobile operator, said it had obeyed.",
        "Organization Telkomo",
    );
}

#[test]
fn a_title_before_a_verb_is_no_person() {
    let classes =
        common::entity_classes("Iran's home-grown apps hope for users after the country's Supreme Leader moved his channel to Soroush.");
    assert!(
        !classes.iter().any(|c| c.ends_with("Supreme Leader") && c.starts_with("Person")),
        "{classes:#?}"
    );
}

#[test]
fn access_restored_without_an_agent_is_lifted_by_the_state_that_banned() {
    check(
        "Nigeria suspended Twitter in June. Access to Twitter was restored on Thursday.",
        &["Nigeria bans Twitter", "Nigeria unbans Twitter"],
        &[],
    );
}

#[test]
fn the_companys_founder_is_the_founder_of_the_company() {
    for text in [
        "Russia blocked Zangi, a messaging app. The company's founder, Anton Belov, said he would appeal.",
        "Russia blocked Zangi, a messaging app. Its founder, Anton Belov, said he would appeal.",
    ] {
        check(text, &["Anton Belov founded Zangi"], &["Anton Belov holdsPositionIn Russia"]);
    }
}

#[test]
fn a_plain_noun_after_the_verb_keeps_the_documents_app_out() {
    check(
        "Senegal suspended TikTok. The rights group Access Now urged the government to restore access and stop using shutdowns.",
        &["Senegal bans TikTok"],
        &["Access Now stopsUsing TikTok"],
    );
    common::assert_entity(
        "Senegal suspended TikTok. Digital rights group Access Now criticised the suspension.",
        "Organization Access Now",
    );
}

#[test]
fn a_head_word_after_a_known_name_is_no_name_of_its_own() {
    check(
        "Russia blocked Instagram. Bloggers moved to VK, the Russian social network owned by VK Group.",
        &[],
        &["Group owns VKontakte", "Group owns VK"],
    );
}

#[test]
fn a_title_with_its_portfolio_in_apposition_names_the_person() {
    check(
        "Russia banned Instagram. Meta's president of global affairs, Nick Clegg, criticised Roskomnadzor.",
        &["Nick Clegg holdsPositionIn Meta", "Nick Clegg criticizes Roskomnadzor"],
        &[],
    );
}

#[test]
fn a_body_introduced_by_what_it_is_is_that_description_however_far_on() {
    check(
        "Poland's communications watchdog, the Vestri, slowed Twitter on Monday. The regulator said it could block Twitter. \
         Officials spoke. Users complained. Prices rose. Nothing changed. In June the watchdog lifted the restrictions on Twitter.",
        &["Vestri bans Twitter", "Vestri bans Twitter [Hypothetical]", "Vestri unbans Twitter"],
        &["Poland unbans Twitter", "Poland bans Twitter [Hypothetical]"],
    );
}

#[test]
fn the_month_may_is_no_modal() {
    check(
        "Kenya blocked Telegram in April. In May the government lifted the ban on Telegram.",
        &["Kenya unbans Telegram"],
        &["Kenya unbans Telegram [Hypothetical]"],
    );
    check(
        "Kenya blocked Telegram. The government may lift the ban on Telegram.",
        &["Kenya unbans Telegram [Hypothetical]"],
        &[],
    );
}

#[test]
fn an_unknown_pair_of_capitalised_words_opening_a_sentence_is_no_person() {
    for text in [
        "Hong Kong blocked Telegram on Monday.",
        "Silicon Valley criticised the ban on TikTok.",
    ] {
        let classes = common::entity_classes(text);
        assert!(!classes.iter().any(|c| c.starts_with("Person")), "{text}: {classes:#?}");
    }
}

#[test]
fn a_full_name_that_starts_with_a_personal_name_is_a_person_wherever_it_stands() {
    check(
        "Malawi blocked Telegram on Friday. Pavel Quenby refused to hand over the keys to the Malawi Communications Authority.",
        &["Pavel Quenby refuses Malawi Communications Authority"],
        &[],
    );
    common::assert_entity(
        "Zhang Weirong stepped down as chief executive of Kestrel Labs.",
        "Person Zhang Weirong",
    );
    common::assert_entity("Observers said Elon Marsh criticised the ruling.", "Person Elon Marsh");
}

#[test]
fn a_description_with_a_body_named_in_apposition_is_that_body() {
    check(
        "Chile's antitrust regulator, the Chile Market Commission, fined Google on Tuesday.",
        &["Chile Market Commission fines Google"],
        &["Chile fines Google"],
    );
    check(
        "The telecommunications authority, ZTA, had shut off Twitter on Monday.",
        &["ZTA bans Twitter"],
        &[],
    );
}

#[test]
fn the_same_body_is_found_however_far_back() {
    check(
        "The telecommunications authority, ZTA, blocked Twitter. The Supreme Court of Zambia ruled on Monday. \
         Officials spoke. Users complained. Prices rose. YouTube was later blocked by the same authority.",
        &["ZTA bans YouTube"],
        &["Supreme Court of Zambia bans YouTube"],
    );
}

#[test]
fn taking_an_app_offline_bans_it() {
    check(
        "The Zambian regulator, ZITRA, took WhatsApp offline for ten days.",
        &["ZITRA bans WhatsApp"],
        &[],
    );
}

#[test]
fn a_passive_after_a_parenthesis_is_about_the_name_before_it() {
    check(
        "TikTok, owned by the Chinese company ByteDance, was fined by the Chile Market Commission in 2023.",
        &["Chile Market Commission fines TikTok", "ByteDance owns TikTok"],
        &["Chile Market Commission fines ByteDance"],
    );
    check("TikTok, which ByteDance owns, was blocked by Chile.", &["Chile bans TikTok"], &[]);
    check(
        "WhatsApp, Signal, Viber were blocked by Chile.",
        &["Chile bans WhatsApp", "Chile bans Signal", "Chile bans Viber"],
        &[],
    );
}

#[test]
fn a_trigger_in_the_plural_after_a_quantifier_is_a_noun() {
    check(
        "Pavel Quenby said he had been unaware of earlier requests from the Malawi Communications Authority.",
        &[],
        &["Pavel Quenby demands Malawi Communications Authority"],
    );
}

#[test]
fn a_country_name_that_ends_a_group_name_is_part_of_it() {
    check(
        "Organisers, including the youth group Hami Malawi, used TikTok to call for protests.",
        &["Hami Malawi uses TikTok"],
        &["Malawi uses TikTok"],
    );
}

#[test]
fn a_body_described_by_its_field_is_the_body_of_that_field_named_earlier() {
    check(
        "The ministry told the Malawi Telecommunications Authority to act. Officials spoke. Users complained. \
         Prices rose. Nothing changed. In July the telecommunications regulator blocked Telegram.",
        &["Malawi Telecommunications Authority bans Telegram"],
        &[],
    );
}

#[test]
fn a_gerund_of_reason_belongs_to_the_object_before_for() {
    check(
        "Chile fined Google for blocking Signal.",
        &["Chile fines Google"],
        &["Chile bans Signal"],
    );
    check("Chile arrested three men for using Telegram.", &[], &["Chile uses Telegram"]);
    check(
        "Chile fined Twitter $50 million for refusing to remove the posts.",
        &["Chile fines Twitter", "Twitter refuses Chile"],
        &[],
    );
}

#[test]
fn cutting_ties_with_an_app_quits_it_and_urging_a_move_promotes_it() {
    check(
        "President Luis Arce said he was cutting ties with WhatsApp. He urged Bolivians to move to Telegram.",
        &["Luis Arce stopsUsing WhatsApp", "Luis Arce promotes Telegram"],
        &[],
    );
}

#[test]
fn a_name_after_known_as_is_another_name_of_the_one_before() {
    common::assert_entity(
        "The Ministry of Digital Affairs, known as Kemdig, blocked Telegram. Kemdig later lifted the block on Telegram.",
        "Agency Ministry of Digital Affairs",
    );
    check(
        "The Ministry of Digital Affairs, known as Kemdig, said nothing. Kemdig later blocked Telegram.",
        &["Ministry of Digital Affairs bans Telegram"],
        &[],
    );
}

#[test]
fn a_body_in_lower_case_is_the_capitalised_body_of_its_field_in_the_document() {
    check(
        "Telegram was blocked by the Malawian communications ministry. \
         The Malawian Ministry of Communication and Digital Technology later lifted the block on Telegram.",
        &[
            "Ministry of Communication and Digital Technology bans Telegram",
            "Ministry of Communication and Digital Technology unbans Telegram",
        ],
        &[],
    );
}

#[test]
fn a_participle_after_a_reporting_clause_belongs_to_the_speaker() {
    check(
        "Chile has banned TikTok, said Information Minister Rosa Vial, accusing the app of spreading lies.",
        &["Chile bans TikTok", "Rosa Vial criticizes TikTok"],
        &["Chile criticizes TikTok"],
    );
    check(
        "Chile banned TikTok on Monday, accusing the app of spreading lies.",
        &["Chile bans TikTok", "Chile criticizes TikTok"],
        &[],
    );
}

#[test]
fn an_owner_apposition_owns_every_item_of_its_list_and_no_more() {
    check(
        "Officials met representatives of Meta, the owner of Facebook, WhatsApp and Instagram, and of TikTok.",
        &["Meta owns Facebook", "Meta owns WhatsApp", "Meta owns Instagram"],
        &["Meta owns TikTok"],
    );
}

#[test]
fn extending_a_block_to_an_app_bans_it_and_a_monitor_is_an_organization() {
    check(
        "Chile could extend the block to WhatsApp.",
        &["Chile bans WhatsApp [Hypothetical]"],
        &[],
    );
    common::assert_entity(
        "The UK-based internet monitor NetWatchers said Chile blocked Telegram.",
        "Organization NetWatchers",
    );
}

#[test]
fn a_companys_app_in_a_list_is_an_item_and_its_own() {
    check(
        "Chile banned 12 apps, including ByteDance's TikTok, Tencent's WeChat and Signal.",
        &[
            "Chile bans TikTok",
            "Chile bans WeChat",
            "Chile bans Signal",
            "ByteDance owns TikTok",
            "Tencent owns WeChat",
        ],
        &[],
    );
}

#[test]
fn would_have_is_counterfactual() {
    check(
        "A judge blocked a law that would have made Chile the first country to ban TikTok.",
        &["Chile bans TikTok [Hypothetical]"],
        &["Chile bans TikTok"],
    );
}

#[test]
fn a_description_known_as_a_name_is_that_body_however_far_on() {
    check(
        "Chile banned ChatGPT. The regulator, known as the Vigilante, said OpenAI broke the law. Officials spoke. \
         Users complained. Prices rose. Nothing changed. Minister Rosa Vial criticised the regulator's decision.",
        &["Rosa Vial criticizes Vigilante"],
        &["Rosa Vial criticizes Chile"],
    );
    common::assert_entity(
        "Chile banned ChatGPT. The regulator, known as the Vigilante, said nothing.",
        "Agency Vigilante",
    );
}

#[test]
fn a_plain_noun_after_a_determiner_keeps_the_documents_app_out() {
    check(
        "Chile banned TikTok. President Rosa Vial said she would leave the matter to her successor.",
        &["Chile bans TikTok"],
        &["Chile stopsUsing TikTok", "Rosa Vial stopsUsing TikTok [Planned]"],
    );
}

#[test]
fn a_refusal_with_no_object_is_of_the_state_actor_that_is_no_prepositions_object() {
    check(
        "In a report to the Santiago High Court, the Chilean interior ministry said Twitter had failed to comply with its orders.",
        &["Twitter refuses Chilean interior ministry"],
        &["Twitter refuses Santiago High Court"],
    );
}

#[test]
fn a_title_opening_a_sentence_names_the_person_even_when_the_word_is_also_in_lower_case() {
    check(
        "A justice of the court spoke on Monday. Justice Rosa de Vial told the regulator to block X.",
        &["Rosa de Vial bans Twitter"],
        &[],
    );
    common::assert_entity(
        "A justice of the court spoke on Monday. Justice Rosa de Vial told the regulator to block X.",
        "Official Rosa de Vial",
    );
}

#[test]
fn a_relative_pronoun_reaches_its_verb_across_a_time_adjunct() {
    check(
        "The rule follows a move by Malawi, which last week barred civil servants from using WhatsApp.",
        &["Malawi bans WhatsApp"],
        &[],
    );
    check(
        "Officials cited Zambia, which in 2021 suspended Signal, as an example.",
        &["Zambia bans Signal"],
        &[],
    );
}

#[test]
fn challenging_a_ban_in_court_opposes_it() {
    check(
        "Malawi blocked Signal on Monday. The Law Society of Malawi challenged the block before the High Court.",
        &["Malawi bans Signal", "Law Society of Malawi opposesBan Signal"],
        &[],
    );
}

#[test]
fn a_body_named_with_of_and_its_country_is_that_countrys_and_keeps_the_whole_name() {
    check(
        "The Communications Authority of Zambia suspended Telegram. The Communications Authority said the app had ignored its orders.",
        &[
            "Communications Authority of Zambia bans Telegram",
            "Communications Authority of Zambia basedIn Zambia",
        ],
        &["Communications Authority bans Telegram"],
    );
    common::assert_entity(
        "The Law Society of Malawi criticised the ban on TikTok.",
        "Organization Law Society of Malawi",
    );
}

#[test]
fn what_an_appeal_asks_for_is_the_addressees_and_only_hypothetical() {
    check(
        "Malawi blocked Signal. Opposition leader John Banda urged the government to lift the ban.",
        &["Malawi bans Signal", "Malawi unbans Signal [Hypothetical]"],
        &["John Banda unbans Signal", "Malawi unbans Signal"],
    );
    check(
        "Zambia blocked Signal. Bishops called on the authorities to restore access.",
        &["Zambia bans Signal", "Zambia unbans Signal [Hypothetical]"],
        &["Zambia unbans Signal"],
    );
    // A command is carried out: its statement stands, and is the commander's.
    check(
        "A Santiago court ordered the regulator to block Telegram.",
        &["Chile bans Telegram"],
        &["Chile bans Telegram [Hypothetical]"],
    );
    // A state body asking companies to act gives an order.
    check(
        "Brazil's regulator Anatel asked internet providers to block X on Friday.",
        &["Anatel bans Twitter"],
        &["Anatel bans Twitter [Hypothetical]"],
    );
}

#[test]
fn condemning_a_restriction_opposes_the_ban() {
    check(
        "Malawi blocked Signal in May. Opposition leader John Banda condemned the restriction.",
        &["John Banda opposesBan Signal"],
        &[],
    );
}

#[test]
fn based_in_a_country_or_its_capital_after_the_name() {
    check(
        "Telegram, which is based in Abu Dhabi, did not respond to the ministry.",
        &["Telegram basedIn United Arab Emirates"],
        &[],
    );
    check(
        "ByteDance, headquartered in Beijing, said it would appeal.",
        &["ByteDance basedIn China"],
        &[],
    );
    // A person is from somewhere, not based there as a company is.
    check(
        "Minister Rosa Vial, based in Santiago, said nothing.",
        &[],
        &["Rosa Vial basedIn Chile"],
    );
}

#[test]
fn particles_stay_inside_a_name() {
    check(
        "Chile banned TikTok. Judge Maria van Berg criticised the ban.",
        &["Maria van Berg opposesBan TikTok"],
        &["Berg opposesBan TikTok"],
    );
}

#[test]
fn a_head_after_a_head_is_one_bodys_name() {
    check(
        "Chile banned TikTok on Monday. Cabinet Office minister Rosa Vial said the ban was a precaution.",
        &["Rosa Vial holdsPositionIn Cabinet Office"],
        &["Rosa Vial holdsPositionIn Cabinet"],
    );
}

#[test]
fn a_large_city_names_its_state_where_a_company_is_based() {
    check(
        "Telegram, which is based in Dubai, did not respond to the ministry.",
        &["Telegram basedIn United Arab Emirates"],
        &[],
    );
    check(
        "The Mumbai-based company Kanzu said it would comply.",
        &["Kanzu basedIn India"],
        &[],
    );
    // A city where something happens is a place, not an actor.
    check(
        "Officials met in Dubai on Monday. Kenya blocked Telegram.",
        &["Kenya bans Telegram"],
        &["United Arab Emirates bans Telegram"],
    );
}

#[test]
fn a_verb_read_the_other_way_round_gives_the_owner() {
    check(
        "The messaging app Kanzu, which belongs to the tech group Zedco, is popular in Malawi.",
        &["Zedco owns Kanzu"],
        &["Kanzu owns Zedco"],
    );
    check(
        "WhatsApp is a subsidiary of Meta.",
        &["Meta owns WhatsApp"],
        &["WhatsApp owns Meta"],
    );
}

#[test]
fn a_share_of_a_population_is_no_user_count() {
    check(
        "Around half of the country's 18 million people use Facebook, officials in Malawi said.",
        &[],
        &["Facebook userCount 18000000"],
    );
    check(
        "About 40% of Telegram's 45 million users live in Zambia.",
        &["Telegram userCount 45000000"],
        &[],
    );
}

#[test]
fn new_and_state_open_a_name_when_a_name_follows() {
    check(
        "Russia's State Duma voted to restrict Telegram. The New York Times said the Duma acted quickly.",
        &["State Duma bans Telegram", "State Duma basedIn Russia"],
        &["Duma bans Telegram", "York Times basedIn Russia"],
    );
}

#[test]
fn a_judge_of_a_named_court_holds_office_in_it() {
    check(
        "Judge Pieter van der Berg of the Supreme Court ordered Telegram blocked in Suriname.",
        &[
            "Pieter van der Berg bans Telegram",
            "Pieter van der Berg holdsPositionIn Supreme Court",
        ],
        &["Judge Pieter van der Berg of the Supreme Court bans Telegram"],
    );
}

#[test]
fn a_company_after_a_verb_is_named_without_a_cue() {
    check(
        "Kenya's data regulator fined Kanzu Global 3 million shillings. The company said the Office of the Data Protection Commissioner had erred.",
        &["Office of the Data Protection Commissioner fines Kanzu Global"],
        &[],
    );
}

#[test]
fn a_description_before_a_name_is_no_apposition_when_a_verb_follows() {
    check(
        "The Kenyan regulator said its review was over. According to the watchdog, Kanzu gathered data illegally.",
        &[],
        &["Kanzu basedIn Kenya"],
    );
}

#[test]
fn a_country_body_described_in_the_headline_is_the_one_named_later() {
    check(
        "Zambia's cyberspace regulator fines Kanzu\n\nThe Zambia Cyberspace Authority on Monday fined the app Kanzu.",
        &["Zambia Cyberspace Authority fines Kanzu"],
        &["Zambia fines Kanzu"],
    );
}

#[test]
fn an_app_and_the_company_of_its_name_are_one_app() {
    check(
        "Regulators in Malawi removed the Kanzu app from stores. Malawi later fined Kanzu Holdings.",
        &["Malawi bans Kanzu", "Malawi fines Kanzu"],
        &["Malawi fines Kanzu Holdings"],
    );
}

#[test]
fn opening_a_review_of_an_app_is_an_investigation() {
    check(
        "Kenya's communications authority opened a security review of the app Kanzu on Monday.",
        &["Kenya investigates Kanzu"],
        &[],
    );
}

#[test]
fn a_group_opening_a_sentence_is_no_name() {
    check(
        "Authorities in Malawi blocked Telegram on Monday.",
        &["Malawi bans Telegram"],
        &["Authorities bans Telegram"],
    );
}

#[test]
fn a_name_with_a_particle_is_a_person_and_one_of_its_justices_holds_office_in_the_court() {
    check(
        "The Supreme Court backed an order by one of its justices, Marta de Souza, to suspend Telegram.",
        &[
            "Supreme Court bans Telegram",
            "Marta de Souza bans Telegram",
            "Marta de Souza holdsPositionIn Supreme Court",
        ],
        &[],
    );
}

#[test]
fn a_court_that_upholds_an_order_to_suspend_an_app_bans_it_with_the_judge_who_gave_it() {
    check(
        "A panel of Chile's Supreme Court upheld an order by one of its judges, Rosa Vidal, to suspend Kick.",
        &[
            "Supreme Court bans Kick",
            "Rosa Vidal bans Kick",
            "Rosa Vidal holdsPositionIn Supreme Court",
        ],
        &[],
    );
    // Rejecting the order is no ban.
    check(
        "The Supreme Court rejected an order by one of its judges, Rosa Vidal, to suspend Kick.",
        &["Rosa Vidal bans Kick"],
        &["Supreme Court bans Kick"],
    );
}

#[test]
fn people_fined_each_in_the_passive_are_each_fined() {
    check(
        "Didi founder Cheng Wei and its president, Jean Liu, were each fined 1 million yuan by the Cyberspace Administration of China.",
        &[
            "Cyberspace Administration of China fines Cheng Wei",
            "Cyberspace Administration of China fines Jean Liu",
        ],
        &[],
    );
}

#[test]
fn a_national_office_with_no_country_is_held_in_the_one_country_the_sentence_names() {
    check(
        "Venezuela cut off X on Friday after President Nicolas Maduro ordered the network taken offline.",
        &["Nicolas Maduro holdsPositionIn Venezuela"],
        &[],
    );
    // Two countries: no guess; a place before the title is no country.
    check(
        "Peru and Chile watched as President Dina Boluarte spoke. Texas Attorney General Ken Paxton sued TikTok in Peru.",
        &[],
        &[
            "Dina Boluarte holdsPositionIn Peru",
            "Dina Boluarte holdsPositionIn Chile",
            "Ken Paxton holdsPositionIn Peru",
        ],
    );
}

#[test]
fn a_later_mention_by_an_inner_name_is_the_same_person() {
    check(
        "Carlos Alberto Mendes da Rocha spoke on Monday. Mendes criticised Telegram.",
        &["Carlos Alberto Mendes da Rocha criticizes Telegram"],
        &["Mendes criticizes Telegram"],
    );
}

#[test]
fn run_by_and_operated_by_say_who_owns_an_app_and_a_verb_before_a_comma_has_no_object_after() {
    check(
        "Starlink, the satellite internet service run by SpaceX, the rocket company Musk founded, said it would comply with X's orders.",
        &["SpaceX owns Starlink"],
        &["Musk founded Twitter"],
    );
    check(
        "Linkline, a messaging service operated by Kanzu Holdings, was blocked in Kenya.",
        &["Kanzu Holdings owns Linkline", "Kenya bans Linkline"],
        &[],
    );
}

#[test]
fn a_name_apposed_to_a_country_s_regulator_is_that_body_and_a_capital_after_a_given_name_is_a_surname() {
    check(
        "Judge Ana Lima ordered Telnet, Brazil's telecommunications regulator, to block Telegram.",
        &["Ana Lima orders Telnet", "Telnet bans Telegram", "Telnet basedIn Brazil"],
        &["Peru orders Telnet"],
    );
}

#[test]
fn a_minister_of_a_portfolio_holds_office_in_the_ministry_of_it_the_document_names() {
    check(
        "Vietnam's Ministry of Information and Communications said it would inspect TikTok. \
         Information and Communications Minister Tran Van Long said foreign platforms must obey the law.",
        &["Tran Van Long holdsPositionIn Ministry of Information and Communications"],
        &[],
    );
}

#[test]
fn a_country_s_regulator_is_the_one_regulator_of_that_country_the_document_names() {
    check(
        "China's internet regulator fined Rido Global 8 billion yuan on Thursday. \
         The Cyberspace Administration of China said Rido had broken data laws.",
        &["Cyberspace Administration of China fines Rido Global"],
        &["China fines Rido Global"],
    );
    // A court is no regulator.
    check(
        "Brazil's telecoms regulator blocked Telegram on Friday. The Supreme Court upheld the order.",
        &["Brazil bans Telegram"],
        &["Supreme Court bans Telegram"],
    );
}

#[test]
fn a_second_title_joined_by_and_holds_in_the_same_body() {
    check(
        "Aprameya Rao, Koo's co-founder and chief executive, said Nigeria was a natural market.",
        &["Aprameya Rao founded Koo", "Aprameya Rao holdsPositionIn Koo"],
        &[],
    );
}

#[test]
fn the_ban_announced_and_the_banned_apps_listed_are_the_ban_the_document_told_of() {
    check(
        "India banned TikTok on Monday. The Ministry of Electronics and Information Technology announced the ban on June 29.",
        &[
            "India bans TikTok",
            "Ministry of Electronics and Information Technology bans TikTok",
        ],
        &[],
    );
    check(
        "Russia banned Telegram on Monday. Among the blocked apps are TikTok and Viber.",
        &["Russia bans TikTok", "Russia bans Viber"],
        &[],
    );
}

#[test]
fn a_description_of_origin_says_where_the_company_it_refers_to_is_based() {
    check(
        "ByteDance posted a profit on Monday. The Beijing-based firm said sales rose.",
        &["ByteDance basedIn China"],
        &[],
    );
}

#[test]
fn founder_and_chief_executive_are_two_titles_and_the_watchdog_is_the_regulator_named() {
    check(
        "Kanzu founder and chief executive John Okello said the app would grow.",
        &["John Okello founded Kanzu", "John Okello holdsPositionIn Kanzu"],
        &[],
    );
    check(
        "The Cyberspace Administration of China fined Rido Global on Thursday. Its founder, Li Wei, was fined 1 million yuan by the watchdog.",
        &["Cyberspace Administration of China fines Rido Global", "Cyberspace Administration of China fines Li Wei"],
        &[],
    );
}

#[test]
fn a_city_s_court_is_the_court_the_document_names_and_the_regulator_is_no_court() {
    check(
        "A Moscow court banned Instagram on Monday. Judge Olga Petrova of the Tverskoy District Court granted the petition. \
         Roskomnadzor, Russia's communications watchdog, had cut off Facebook. The regulator blocked Viber ten days later.",
        &[
            "Tverskoy District Court bans Instagram",
            "Roskomnadzor bans Facebook",
            "Roskomnadzor bans Viber",
        ],
        &["Russia bans Instagram", "Russia bans Viber"],
    );
}

#[test]
fn those_run_by_a_company_name_nothing_it_owns() {
    check(
        "TikTok and app stores such as those run by Apple and Google would face fines.",
        &[],
        &["Apple owns TikTok", "Google owns TikTok"],
    );
}

#[test]
fn shutting_an_app_down_bans_it_and_switching_it_back_on_lifts_the_ban() {
    check(
        "The Peshawar High Court ordered the PTA to shut the app TikTok down. The regulator later switched TikTok back on.",
        &[
            "Peshawar High Court orders Pakistan Telecommunication Authority",
            "Pakistan Telecommunication Authority unbans TikTok",
        ],
        &[],
    );
}

#[test]
fn a_country_s_population_is_no_user_count() {
    check(
        "Facebook has about 2.5 million users in Uganda, a country of about 45 million people.",
        &["Facebook userCount 2500000"],
        &["Facebook userCount 45000000"],
    );
}

#[test]
fn a_known_body_s_name_that_goes_on_is_another_body() {
    // The lexicon knows Vietnam's Ministry of Information and Communications.
    check(
        "Uganda's Ministry of Information and Communications Technology blocked Facebook.",
        &["Ministry of Information and Communications Technology bans Facebook"],
        &["Ministry of Information and Communications basedIn Uganda"],
    );
}

#[test]
fn a_company_named_by_a_role_in_it() {
    // An unknown name after a company role and "of" is an organization the person works in.
    check(
        "The complaint was filed by Amina Okafor, chief executive of Bridgeway Rights Hub, on Monday.",
        &["Amina Okafor holdsPositionIn Bridgeway Rights Hub"],
        &[],
    );
}

#[test]
fn a_possessive_opening_an_apposition_says_who_owns_an_app_or_where_it_is() {
    check(
        "Many users moved to Instagram, Meta's photo-sharing app, after the ban.",
        &["Meta owns Instagram"],
        &[],
    );
    check(
        "Advertisers returned to Yandex, Russia's largest search engine, last year.",
        &["Yandex basedIn Russia"],
        &[],
    );
}

#[test]
fn the_agent_after_by_is_found_past_a_place_of_origin() {
    check(
        "Users switched to Lemon8, a photo app owned by the Hong Kong-based company ByteDance.",
        &["ByteDance owns Lemon8"],
        &[],
    );
}

#[test]
fn a_four_word_name_is_a_person_where_a_title_is_apposed() {
    check(
        "Tran Thi Thu Ha, director of the Department of Cybersecurity, said TikTok broke the law.",
        &["Tran Thi Thu Ha holdsPositionIn Department of Cybersecurity"],
        &[],
    );
}

#[test]
fn speaking_on_a_platform_is_using_it() {
    check(
        "In a message posted on Telegram, the Kremlin said the measures were temporary.",
        &["Russia uses Telegram"],
        &[],
    );
    check(
        "The Uganda Communications Commission said on Twitter that access would return.",
        &["Uganda Communications Commission uses Twitter"],
        &[],
    );
    // A company that is an app as well speaks on another.
    check(
        "In a post on its WeChat account, ByteDance said it would appeal.",
        &["ByteDance uses WeChat"],
        &[],
    );
    // Speech about a platform is no use of it.
    check("The Kremlin said Telegram was a threat.", &[], &["Russia uses Telegram"]);
}

#[test]
fn lifting_its_own_ban_says_the_subject_had_banned_the_app() {
    check(
        "Uzbekistan on Monday lifted its ban on Telegram.",
        &["Uzbekistan unbans Telegram", "Uzbekistan bans Telegram"],
        &[],
    );
    // The ban of someone else is no ban of the subject's.
    check(
        "The Uzbek regulator lifted the ban on Telegram that the previous government imposed.",
        &[],
        &["Uzbekistan bans Telegram"],
    );
}

#[test]
fn describing_someone_with_an_insult_criticizes_them() {
    check(
        "President Yoweri Museveni hit back, describing Mark Zuckerberg as \"an arrogant billionaire\" who ignored the law.",
        &["Yoweri Museveni criticizes Mark Zuckerberg"],
        &[],
    );
    check(
        "President Yoweri Museveni described Mark Zuckerberg as a visionary.",
        &[],
        &["Yoweri Museveni criticizes Mark Zuckerberg"],
    );
}

#[test]
fn a_camel_case_name_in_an_apposition_to_a_regulator_is_a_state_body() {
    // "eSafety" is a name as much as "Safety"; a name of a few words in apposition to a
    // regulator is the regulator.
    check(
        "Canada's online safety regulator, the eSafety Bureau of Canada, fined TikTok on Monday.",
        &["eSafety Bureau of Canada fines TikTok"],
        &[],
    );
    check(
        "Ireland's media regulator, the Coimisiun Mean, warned YouTube on Monday.",
        &["Coimisiun Mean basedIn Ireland"],
        &[],
    );
}

#[test]
fn a_legislature_named_by_its_head_alone_is_a_state_body() {
    check(
        "Washington has long distrusted the app. Congress banned TikTok on federal government devices last December.",
        &["Congress bans TikTok"],
        &[],
    );
}

#[test]
fn a_list_goes_on_past_a_participle_s_parenthesis_and_described_items() {
    check(
        "Uzbekistan blocked Telegram in May. Among the blocked apps are Viber, owned by Tokyo-based Rakuten, Tencent's WeChat, the messaging service Signal and the video app Imo.",
        &[
            "Uzbekistan bans Viber",
            "Uzbekistan bans WeChat",
            "Uzbekistan bans Signal",
            "Uzbekistan bans Imo",
        ],
        &["Uzbekistan bans Rakuten"],
    );
    // An apposition is no item: "Koo, a homegrown alternative to Twitter".
    check(
        "Nigeria banned Koo, a homegrown alternative to Twitter, in June.",
        &["Nigeria bans Koo"],
        &["Nigeria bans Twitter"],
    );
}

#[test]
fn a_place_of_origin_before_a_described_app_says_where_it_is() {
    check(
        "Kyrgyzstan blocked TikTok, saying the Chinese-owned video app harmed children.",
        &["TikTok basedIn China", "Kyrgyzstan bans TikTok"],
        &[],
    );
}

#[test]
fn judges_of_a_country_act_for_its_state() {
    check(
        "Egyptian judges suspended the messaging app Signal twice in 2016.",
        &["Egypt bans Signal"],
        &[],
    );
    // Failing to hand over what was asked is refusing the one who asked.
    check(
        "Indian courts blocked Telegram after it failed to hand over the data of its users.",
        &["India bans Telegram", "Telegram refuses India"],
        &[],
    );
}

#[test]
fn a_demonym_before_a_title_with_modifiers_says_where_a_person_is_from() {
    check(
        "The complaint was brought by Dutch privacy activist Pieter Visser.",
        &["Pieter Visser basedIn Netherlands"],
        &[],
    );
}

#[test]
fn a_verb_after_and_has_the_subject_of_the_verb_before_past_a_parenthesis() {
    check(
        "The Spanish Data Protection Agency fined Meta 5 million euros ($5.4 million) on Monday and ordered the company to stop collecting data.",
        &["Agencia Española de Protección de Datos fines Meta", "Agencia Española de Protección de Datos orders Meta"],
        &[],
    );
}

#[test]
fn a_pronoun_opening_a_coordinated_clause_goes_on_with_the_subject() {
    // "it" is the regulator, not the last app named; and "videos it describes" names no app banned.
    check(
        "The Bangladesh Telecommunication Regulatory Commission has blocked the dating apps Tinder and Grindr, and it has asked YouTube to remove videos it calls obscene.",
        &[
            "Bangladesh Telecommunication Regulatory Commission bans Tinder",
            "Bangladesh Telecommunication Regulatory Commission bans Grindr",
            "Bangladesh Telecommunication Regulatory Commission demands YouTube",
        ],
        &["Bangladesh Telecommunication Regulatory Commission bans YouTube", "Grindr demands YouTube"],
    );
}

#[test]
fn a_court_orders_a_regulator_to_shut_the_app_down_and_the_same_court_lifts_it() {
    check(
        "Bangladesh blocked TikTok in 2021. In March, the Dhaka High Court ordered the regulator BTRC to shut the app down. The same court allowed the app to return in May.",
        &[
            "Dhaka High Court bans TikTok",
            "Dhaka High Court unbans TikTok",
        ],
        &[],
    );
}

#[test]
fn courts_strike_down_bans_and_campaigners_campaign_against_them() {
    check(
        "Russia blocked Telegram in 2018. The Supreme Court struck down the Telegram ban in 2020.",
        &["Supreme Court unbans Telegram"],
        &[],
    );
    check(
        "Kazakhstan blocked Telegram in 2019. Activist Zhanna Nurlan, who had campaigned against the block, welcomed the news.",
        &["Zhanna Nurlan opposesBan Telegram"],
        &[],
    );
    // The online encyclopedia is the app the document is about.
    check(
        "China blocked Wikipedia again. It had blocked all language versions of the free online encyclopedia in 2019.",
        &["China bans Wikipedia"],
        &[],
    );
}

#[test]
fn the_subject_before_an_apposition_holding_a_relative_clause() {
    check(
        "Iran asked Wikipedia to remove two articles, but the Wikimedia Foundation, the non-profit that runs the encyclopedia, refused.",
        &["Wikimedia Foundation refuses Iran"],
        &["Wikipedia refuses Iran"],
    );
}

#[test]
fn a_company_in_apposition_to_their_owner_owns_the_apps_named_before() {
    check(
        "A Tehran court banned WhatsApp and Instagram, ruling that their owner, Meta Platforms, ignored its orders.",
        &["Meta owns WhatsApp", "Meta owns Instagram"],
        &[],
    );
    check(
        "Officials blocked Douyin, saying its parent company, ByteDance, had failed to register.",
        &["ByteDance owns Douyin"],
        &[],
    );
}

#[test]
fn an_order_to_a_company_is_a_demand_on_it() {
    check(
        "Brazil's regulator Anatel ordered Telegram and Meta last week to remove the posts.",
        &["Anatel demands Telegram", "Anatel demands Meta", "Anatel orders Meta"],
        &[],
    );
    // An order to a state body stays an order only.
    check(
        "The Peshawar High Court ordered the Pakistan Telecommunication Authority to explain the delay.",
        &["Peshawar High Court orders Pakistan Telecommunication Authority"],
        &["Peshawar High Court demands Pakistan Telecommunication Authority"],
    );
}

#[test]
fn a_demonym_before_a_description_says_where_the_app_is() {
    check(
        "Tanzania blocked X on Sunday, after President Samia Suluhu Hassan accused the American company of spreading lies.",
        &["Twitter basedIn United States"],
        &[],
    );
}

#[test]
fn signing_a_bill_banning_an_app_bans_it() {
    check(
        "Governor Greg Abbott signed a bill banning TikTok on state devices.",
        &["Greg Abbott bans TikTok"],
        &[],
    );
    // A bill about the app that bans nothing is no ban.
    check(
        "Governor Greg Abbott signed a bill funding research on TikTok.",
        &[],
        &["Greg Abbott bans TikTok"],
    );
}

#[test]
fn ordering_the_block_bans_what_the_document_told_was_blocked() {
    check(
        "Russia blocked Telegram in April 2018. Judge Yulia Smolina had ordered the block at a hearing that lasted 18 minutes.",
        &["Yulia Smolina bans Telegram"],
        &[],
    );
}

#[test]
fn a_person_once_named_with_a_state_office_acts_as_an_official_by_surname() {
    check(
        "Judge Yulia Smolina heard the case on Friday. Smolina then ordered the block of Telegram.",
        &["Yulia Smolina bans Telegram"],
        &[],
    );
}

#[test]
fn a_ministry_named_with_a_list_of_portfolios_is_one_body_and_a_body_after_and_the_is_coordinated() {
    check(
        "The Ministry of Foreign Affairs and the Ministry of Trade, Industry and Energy blocked DeepSeek.",
        &[
            "Ministry of Foreign Affairs bans DeepSeek",
            "Ministry of Trade, Industry and Energy bans DeepSeek",
        ],
        &[],
    );
    // A list of names after a ministry is no portfolio.
    check(
        "The Ministry of Justice, Google and Apple blocked DeepSeek.",
        &["Ministry of Justice bans DeepSeek"],
        &["Ministry of Justice, Google and Apple bans DeepSeek"],
    );
}

#[test]
fn calling_or_mocking_someone_criticizes_them_and_a_verb_after_and_keeps_its_own_modality() {
    check(
        "Elon Musk has repeatedly mocked Nicolas Maduro, calling him a dictator.",
        &["Elon Musk criticizes Nicolas Maduro"],
        &[],
    );
    check(
        "Judge Ana Rocha fined X. Elon Musk has refused to appoint a representative and called Ana Rocha a \"dictator\".",
        &["Elon Musk criticizes Ana Rocha"],
        &[],
    );
    // The name in apposition to a possessor's title is the one blamed.
    check(
        "Russia slowed down YouTube, blaming the video service's owner, Google, for the failures.",
        &["Russia criticizes Google", "Russia bans YouTube"],
        &["Russia criticizes YouTube"],
    );
}

#[test]
fn a_description_of_an_app_goes_back_to_its_name_beyond_four_sentences_and_a_company_to_the_company() {
    check(
        "The Garante fined OpenAI over ChatGPT. The fine was large. The hearing was long. Lawyers spoke. \
         Fees were paid. Appeals were filed. The Garante then ordered OpenAI to block the chatbot. \
         The company responded by appealing. Its chief executive, Sam Altman, said it would comply.",
        &[
            "Garante per la protezione dei dati personali bans ChatGPT",
            "Sam Altman holdsPositionIn OpenAI",
        ],
        &["Sam Altman holdsPositionIn ChatGPT"],
    );
}

#[test]
fn breaking_off_with_an_app_and_moving_contacts_to_apps_listed_with_their_preposition() {
    check(
        "President Nicolas Maduro said he was breaking off his relationship with WhatsApp. \
         He said he would move his contacts to Telegram and to WeChat.",
        &[
            "Nicolas Maduro stopsUsing WhatsApp",
            "Nicolas Maduro uses Telegram [Planned]",
            "Nicolas Maduro uses WeChat [Planned]",
        ],
        &[],
    );
}

#[test]
fn restricting_calls_on_apps_bans_them_and_the_country_s_regulator_is_based_in_the_country() {
    check(
        "Kazakhstan tightened its rules. Weeks later the Information Agency, the country's communications regulator, \
         began partially restricting voice calls on WhatsApp and Telegram.",
        &[
            "Information Agency bans WhatsApp",
            "Information Agency bans Telegram",
            "Information Agency basedIn Kazakhstan",
        ],
        &["Information Agency demands WhatsApp"],
    );
}

#[test]
fn a_state_act_in_the_passive_reported_by_a_body_is_its_own_and_only_after_makes_it_hypothetical() {
    check(
        "DeepSeek faces a review. The Personal Information Protection Commission said the chatbot had been pulled from \
         app stores and would be allowed back only after DeepSeek complied.",
        &[
            "Personal Information Protection Commission bans DeepSeek",
            "Personal Information Protection Commission unbans DeepSeek [Hypothetical]",
        ],
        &["Personal Information Protection Commission unbans DeepSeek [Planned]"],
    );
    // Only a state's act is the speaker's: "being used" by someone is no use by the minister.
    check(
        "Information Minister Lai Mohammed said the platform Koo was being used to spread lies.",
        &[],
        &["Lai Mohammed uses Koo"],
    );
}

#[test]
fn a_company_s_apps_listed_after_its_possessive_are_its_own_and_relying_on_an_app_uses_it() {
    check(
        "Tencent's other apps in the country, including the messenger QQ and WeChat, also went offline.",
        &["Tencent owns QQ", "Tencent owns WeChat"],
        &[],
    );
    check(
        "The Peruvian government has relied on WhatsApp to publish announcements.",
        &["Peru uses WhatsApp"],
        &[],
    );
}

#[test]
fn a_parliament_named_by_its_country_is_a_body_and_telling_a_court_that_is_no_order() {
    check(
        "Australia's parliament has approved a ban on TikTok. The House of Representatives passed the bill first.",
        &["Parliament bans TikTok", "Parliament basedIn Australia"],
        &[],
    );
    check(
        "Pakistan's Interior Ministry has told the Islamabad High Court that it ordered the platform X blocked.",
        &["Interior Ministry bans Twitter"],
        &["Interior Ministry orders Islamabad High Court", "Islamabad High Court bans Twitter"],
    );
    check(
        "The Ministry of Communication and Information Technology told the Nepal Telecommunications Authority to cut off TikTok.",
        &["Ministry of Communication and Information Technology orders Nepal Telecommunications Authority"],
        &[],
    );
}

#[test]
fn an_official_whose_title_names_a_body_of_the_document_holds_office_in_it() {
    check(
        "Canada's privacy regulator, the Privacy Commissioner, opened an inquiry into TikTok. \
         Privacy Commissioner Philippe Dufresne said the app collected too much data.",
        &["Philippe Dufresne holdsPositionIn Privacy Commissioner"],
        &[],
    );
    check(
        "Malta's Media Commission fined Meta. Joseph Borg, the Media Commissioner, defended the fine.",
        &["Joseph Borg holdsPositionIn Media Commission"],
        &[],
    );
}

#[test]
fn a_person_after_a_description_of_an_app_and_and_is_no_app() {
    check(
        "Signal was set up by Moxie Marlinspike, who created the app, and Brian Acton, a co-founder of WhatsApp.",
        &["Brian Acton founded WhatsApp"],
        &["Moxie Marlinspike founded Brian Acton"],
    );
}

#[test]
fn a_lawmaker_in_a_body_and_one_who_chairs_its_committee_hold_office_in_it() {
    check(
        "Anton Gorelkin, a senior lawmaker in the State Duma, said WhatsApp should leave.",
        &["Anton Gorelkin holdsPositionIn State Duma"],
        &[],
    );
    check(
        "Alexander Khinshtein, a senior lawmaker who chairs the State Duma's committee on information policy, spoke.",
        &["Alexander Khinshtein holdsPositionIn State Duma"],
        &[],
    );
}

#[test]
fn a_minister_with_a_list_of_portfolios_holds_office_in_the_country() {
    check(
        "Turkey lifted its block on Instagram, Transport and Infrastructure Minister Abdulkadir Uraloglu said.",
        &["Abdulkadir Uraloglu holdsPositionIn Turkey", "Turkey unbans Instagram"],
        &[],
    );
}

#[test]
fn names_after_an_ellipsis_share_the_role_of_the_clause_s_names() {
    check(
        "WhatsApp has long been blocked in China, as have Meta's Facebook and Instagram.",
        &["China bans WhatsApp", "China bans Facebook", "China bans Instagram"],
        &["China bans Meta"],
    );
    check(
        "The Ministry of Trade blocked DeepSeek on work computers, as did the Ministry of Defence.",
        &["Ministry of Trade bans DeepSeek", "Ministry of Defence bans DeepSeek"],
        &[],
    );
    check(
        "Instagram remains blocked in Iran, and so do Facebook and YouTube.",
        &["Iran bans Instagram", "Iran bans Facebook", "Iran bans YouTube"],
        &[],
    );
}

#[test]
fn an_app_that_is_its_own_company_owns_what_it_runs_and_agents_by_are_of_one_class() {
    check(
        "Russia slowed YouTube, the video service owned by Google, which is popular there.",
        &["Google owns YouTube"],
        &[],
    );
    check(
        "India banned TikTok and Helo, both owned by ByteDance, Tencent's WeChat and the browser UC Browser.",
        &["ByteDance owns TikTok", "ByteDance owns Helo"],
        &["WeChat owns TikTok", "UC Browser owns Helo"],
    );
}

#[test]
fn a_group_described_with_its_place_of_origin_is_what_its_founder_founded() {
    check(
        "The Open Net Foundation, a Lagos-based group founded by the lawyer Ada Obi, said the ban was unlawful.",
        &["Ada Obi founded Open Net Foundation"],
        &[],
    );
}

#[test]
fn members_listed_in_a_group_s_parenthesis_act_for_it_and_keeping_an_account_uses_the_app() {
    check(
        "Senior officials, including President Ilham Aliyev, maintain accounts on X.",
        &["Ilham Aliyev uses Twitter"],
        &[],
    );
}

#[test]
fn a_person_known_by_a_profession_in_apposition_acts_and_a_second_title_keeps_its_own_body() {
    check(
        "Egypt blocked Telegram on Monday. Omar Nabil, a law professor and a co-founder of the Open Speech Association, criticised the block.",
        &["Omar Nabil opposesBan Telegram", "Omar Nabil founded Open Speech Association"],
        &[],
    );
}

#[test]
fn the_block_a_country_lifted_is_the_block_later_criticised() {
    check(
        "Egypt lifted its block on Telegram on Monday. Omar Nabil, a cryptographer, had criticised the block.",
        &["Egypt unbans Telegram", "Omar Nabil opposesBan Telegram"],
        &[],
    );
}

#[test]
fn hyphenated_given_names_are_one_name_and_a_place_of_origin_is_no_object() {
    check(
        "President Moon Jae-in criticized the Seoul-based firm Kakao. Kang Do-hyun, a vice minister, said Lee Jae-myung uses Telegram.",
        &["Moon Jae-in criticizes Kakao", "Lee Jae-myung uses Telegram"],
        &["Moon Jae-in criticizes South Korea", "Moon Jae criticizes Kakao"],
    );
    check(
        "The Oslo-based group said Kim Jong-un uses Telegram.",
        &["Kim Jong-un uses Telegram"],
        &["Kim Jong-un basedIn Norway"],
    );
}

#[test]
fn a_leader_of_a_party_named_before_is_its_leader_and_denouncing_a_ban_opposes_it() {
    check(
        "Kosovo blocked TikTok. The opposition Freedom Party denounced the ban. Ilir Kasa, the party's leader and a former minister, accused Prime Minister Albin Kurti of censorship.",
        &[
            "Freedom Party opposesBan TikTok",
            "Ilir Kasa holdsPositionIn Freedom Party",
            "Ilir Kasa criticizes Albin Kurti",
        ],
        &[],
    );
}

#[test]
fn a_lone_capitalised_adjective_before_a_title_is_no_name() {
    check(
        "Kosovo's Prime Minister Albin Kurti spoke on Monday. The Socialist leader criticised TikTok.",
        &["Albin Kurti holdsPositionIn Kosovo"],
        &["Socialist criticizes TikTok"],
    );
}

#[test]
fn the_names_told_to_act_on_the_app_are_not_the_app() {
    check(
        "Judge Ana Prado suspended Telegram on Wednesday. The judge ordered Apple and Google to remove the app from their stores.",
        &["Ana Prado bans Telegram", "Ana Prado demands Apple"],
        &["Ana Prado bans Google"],
    );
}

#[test]
fn a_capital_after_a_title_opens_a_name_and_the_judge_is_the_last_judge_named() {
    check(
        "Judge Ana Prado of the Supreme Court criticised the ruling. Later, Judge Wellington Lopes da Silva, of a federal court, heard the case. The judge ordered Telegram suspended.",
        &["Wellington Lopes da Silva bans Telegram"],
        &["Ana Prado bans Telegram", "New Zealand bans Telegram"],
    );
}

#[test]
fn a_name_spelled_by_its_acronym_is_one_name_and_state_run_makes_it_a_state_body() {
    check(
        "State-run Myanma Posts and Telecommunications (MPT) restricted not only Facebook but also Messenger, Instagram and WhatsApp.",
        &[
            "Myanma Posts and Telecommunications bans Facebook",
            "Myanma Posts and Telecommunications bans Messenger",
            "Myanma Posts and Telecommunications bans WhatsApp",
        ],
        &[],
    );
}

#[test]
fn an_unknown_name_listed_beside_known_apps_is_an_app_but_not_a_name_apposed_to_one() {
    check(
        "Turkey blocked Bluesky, Instagram and WhatsApp.",
        &["Turkey bans Bluesky", "Turkey bans WhatsApp"],
        &[],
    );
    check(
        "Kunal Shah, Koo's co-founder and chief executive, said Nigeria was a natural market.",
        &["Kunal Shah founded Koo"],
        &[],
    );
}

#[test]
fn an_order_to_block_reaches_past_a_long_addressee_and_a_ban_imposed_by_someone_is_theirs() {
    check(
        "Myanmar's Ministry of Transport and Communications had told mobile operators and internet providers on Wednesday to block Facebook.",
        &["Ministry of Transport and Communications bans Facebook"],
        &[],
    );
    check(
        "Brazil suspended Telegram. The suspension had been ordered on Wednesday by Judge Rosa Prado of a federal court.",
        &["Rosa Prado bans Telegram"],
        &[],
    );
}

#[test]
fn a_page_on_an_app_is_using_it_not_owning_it() {
    check(
        "A statement was posted on the Democratic Alliance's Facebook page on Monday.",
        &["Democratic Alliance uses Facebook"],
        &["Democratic Alliance owns Facebook"],
    );
}

#[test]
fn an_act_in_the_passive_with_an_unnamed_agent_is_not_the_speaker_s() {
    check(
        "French prosecutor Laure Vidal said the investigation into Telegram had been opened in July by the cybercrime section of the police.",
        &["Laure Vidal holdsPositionIn France"],
        &["Laure Vidal investigates Telegram"],
    );
    check(
        "Minister Ana Lopes said Telegram had been blocked in July by the telecoms section of the police.",
        &[],
        &["Ana Lopes bans Telegram"],
    );
}

#[test]
fn a_company_before_a_role_in_one_run_is_the_company_and_its_short_name_is_the_same() {
    check(
        "Tokyo-listed KX Corp said on Monday it was reviewing its ties with Naver. KX Chief Executive Taro Sato said the review would take months.",
        &["Taro Sato holdsPositionIn KX Corp"],
        &[],
    );
}

#[test]
fn a_pronoun_right_after_the_verb_is_its_object_even_when_it_fits_none() {
    check(
        "KX Corp said Naver executive Shin Jung-ho would step down from the KX board, leaving it with no Naver representatives.",
        &["Shin Jung-ho holdsPositionIn Naver"],
        &["KX Corp stopsUsing Naver"],
    );
}

#[test]
fn a_family_name_is_not_the_end_of_a_hyphenated_given_name() {
    check(
        "Sung Tae-yoon, chief of staff to President Yoon Suk Yeol, spoke on Monday. The opposition Unity Party accused Yoon of weakness.",
        &["Unity Party criticizes Yoon Suk Yeol"],
        &["Unity Party criticizes Sung Tae-yoon"],
    );
}

#[test]
fn a_company_an_apposition_calls_an_app_s_owner_owns_it_and_is_from_the_country_written_there() {
    check(
        "Naver took a stake in KX Corp, the Tokyo-based operator of Telegram.",
        &["KX Corp owns Telegram", "KX Corp basedIn Japan"],
        &["Telegram basedIn Japan"],
    );
    check(
        "The minister met officials from Meta Platforms, Instagram's U.S. parent company.",
        &["Meta owns Instagram", "Meta basedIn United States"],
        &[],
    );
}

#[test]
fn a_title_of_an_app_named_with_its_place_of_origin_is_held_in_the_app() {
    check(
        "Pavel Durov, the Russian-born founder and chief executive of Dubai-based Telegram, wrote on his channel.",
        &["Pavel Durov holdsPositionIn Telegram", "Telegram basedIn United Arab Emirates"],
        &["Pavel Durov holdsPositionIn United Arab Emirates"],
    );
    check(
        "Pavel Durov, the founder of Dubai-based Telegram, wrote on his channel.",
        &["Pavel Durov founded Telegram"],
        &[],
    );
}

#[test]
fn who_is_asked_stands_before_the_infinitive() {
    check(
        "The United Arab Emirates said it had asked France to provide Pavel Durov with consular services.",
        &[],
        &["United Arab Emirates demands Pavel Durov"],
    );
}

#[test]
fn a_count_is_the_app_s_not_a_relative_clause_s_and_a_head_count_is_no_agent() {
    check(
        "LINE, which Naver launched in Japan in 2011, is used by some 96 million people in the country.",
        &["LINE userCount 96000000"],
        &["Naver userCount 96000000", "Japan uses LINE"],
    );
}

#[test]
fn a_title_over_a_body_s_head_noun_is_no_body() {
    check(
        "Japan's Chief Cabinet Secretary Yoshimasa Hayashi said the measures were not aimed at any firm.",
        &["Yoshimasa Hayashi holdsPositionIn Japan"],
        &["Yoshimasa Hayashi holdsPositionIn Chief Cabinet"],
    );
}

#[test]
fn a_government_named_by_its_leader_is_the_state() {
    check(
        "South Korea will respond firmly, President Yoon Suk Yeol said. The opposition Unity Party accused the Yoon government of weakness.",
        &["Unity Party criticizes South Korea"],
        &["Unity Party criticizes Yoon Suk Yeol"],
    );
    check(
        "The United States has moved against TikTok. The Biden administration banned TikTok on federal devices.",
        &["United States bans TikTok"],
        &[],
    );
}

#[test]
fn an_organisation_named_with_its_country_is_not_a_namesake_elsewhere() {
    let got = common::corpus_statements(
        &[
            "The opposition Democratic Party of Korea accused Japan of bullying.",
            "Albania banned TikTok. The opposition Democratic Party denounced the ban.",
        ],
        None,
    );
    for e in ["Democratic Party of Korea criticizes Japan", "Democratic Party opposesBan TikTok"] {
        assert!(got.contains(e), "missing {e:?} in {got:#?}");
    }
    assert!(!got.contains("Democratic Party criticizes Japan"), "{got:#?}");
}

#[test]
fn a_company_that_is_its_own_app_founds_what_it_launched_and_a_clone_is_not_the_app() {
    check(
        "LINE, which Naver launched in Japan in 2011, is used by some 96 million people.",
        &["Naver founded LINE"],
        &[],
    );
    check(
        "ShareChat said on Monday it had launched its own TikTok clone, Moj.",
        &[],
        &["ShareChat founded TikTok"],
    );
}

#[test]
fn a_relative_clause_with_no_pronoun_acts_on_the_list_its_head_noun_closes() {
    check(
        "Nepal restored access to Facebook, YouTube, X and more than 20 other platforms it blocked last week.",
        &[
            "Nepal bans Facebook",
            "Nepal bans YouTube",
            "Nepal bans Twitter",
            "Nepal unbans Facebook",
        ],
        &["Twitter bans Facebook"],
    );
    check(
        "The Nepalese government said TikTok and other apps it banned in 2023 would stay closed.",
        &["Nepal bans TikTok"],
        &["TikTok bans TikTok"],
    );
}

#[test]
fn based_in_a_country_named_with_its_article() {
    check(
        "Telegram, which is based in the United Arab Emirates, has come under scrutiny.",
        &["Telegram basedIn United Arab Emirates"],
        &[],
    );
}

#[test]
fn limiting_or_curbing_access_is_a_ban() {
    check(
        "The Tanzania Communications Regulatory Authority had limited access to X, the minister said.",
        &["Tanzania Communications Regulatory Authority bans Twitter"],
        &[],
    );
    check("Iran curbed access to Instagram in September.", &["Iran bans Instagram"], &[]);
}

#[test]
fn an_app_that_is_its_own_company_owns_the_app_it_possesses() {
    check(
        "Vietnam has long pressed platforms such as Meta Platforms' Facebook and Google's YouTube to remove content.",
        &["Meta owns Facebook", "Google owns YouTube"],
        &[],
    );
}

#[test]
fn an_office_held_in_a_body_named_after_of_even_past_what_the_body_is() {
    check(
        "Tundu Lissu, the leader of the main opposition party Chadema, was arrested.",
        &["Tundu Lissu holdsPositionIn Chadema"],
        &[],
    );
    check(
        "Tundu Lissu, the chairman of the Alliance for Change, criticized the government.",
        &["Tundu Lissu holdsPositionIn Alliance for Change"],
        &[],
    );
}

#[test]
fn an_acronym_that_cuts_the_words_short_names_the_body_before_it() {
    check(
        "The Office for Minors (OFMIN) issued warrants on Friday. OFMIN opened an investigation into Telegram in July.",
        &["Office for Minors investigates Telegram"],
        &[],
    );
}

#[test]
fn a_company_with_a_word_of_ownership_owns_what_follows_and_is_no_object() {
    check(
        "Turkey blocked Google-owned YouTube in 2008.",
        &["Turkey bans YouTube", "Google owns YouTube"],
        &["Turkey bans Google"],
    );
    check(
        "Turkey blocked Instagram after Fahrettin Altun, Turkey's presidential communications director, accused the Meta-owned app of censoring posts.",
        &[
            "Meta owns Instagram",
            "Fahrettin Altun criticizes Instagram",
            "Fahrettin Altun holdsPositionIn Turkey",
        ],
        &["Fahrettin Altun owns Instagram"],
    );
}

#[test]
fn a_middle_initial_stays_in_the_name_and_secretary_of_state_is_a_state_office() {
    check(
        "U.S. Secretary of State Michael R. Pompeo criticized TikTok on Monday.",
        &[
            "Michael R. Pompeo criticizes TikTok",
            "Michael R. Pompeo holdsPositionIn United States",
        ],
        &[],
    );
    check(
        "Judge Ana Rocha fined X. Elon Musk called the fine unlawful.",
        &["Ana Rocha fines Twitter"],
        &[],
    );
}

#[test]
fn a_country_s_body_in_lower_case_is_the_known_body_named_later() {
    let got = common::corpus_statements(
        &["Indonesia's communications ministry has blocked PayPal. The Ministry of Communication and Information Technology said the rule applied to all."],
        None,
    );
    assert!(
        got.contains("Ministry of Communication and Information Technology bans PayPal"),
        "{got:#?}"
    );
}

#[test]
fn names_listed_after_an_app_cue_and_including_are_apps_and_a_possessive_item_is_no_apposition() {
    check(
        "Nepal blocked access to PayPal, Yahoo and several gaming platforms, including Steam and Origin, on Friday.",
        &["Nepal bans PayPal", "Nepal bans Yahoo", "Nepal bans Steam", "Nepal bans Origin"],
        &[],
    );
    check(
        "Nepal blocked PayPal, Yahoo's search engine and several other services.",
        &["Nepal bans PayPal", "Nepal bans Yahoo"],
        &["Yahoo owns PayPal"],
    );
}

#[test]
fn an_app_where_something_was_posted_is_not_what_the_next_description_means() {
    check(
        "Turkey blocked Discord on Tuesday. Justice Minister Yilmaz Tunc announced the decision in a post on X. He accused the platform of failing to act.",
        &["Yilmaz Tunc criticizes Discord", "Turkey bans Discord"],
        &["Yilmaz Tunc criticizes Twitter"],
    );
}

#[test]
fn a_capitalised_particle_opens_a_name_and_an_elided_de_joins_one() {
    check(
        "La Quadrature du Net, a French digital rights group, criticized the ban on TikTok.",
        &["La Quadrature du Net opposesBan TikTok", "La Quadrature du Net basedIn France"],
        &["Quadrature du Net opposesBan TikTok"],
    );
    check(
        "The Conseil d'Etat, France's highest administrative court, lifted the ban on TikTok.",
        &["Conseil d'Etat unbans TikTok"],
        &[],
    );
}

#[test]
fn an_order_reaches_past_a_described_name_and_who_is_told_is_no_antecedent() {
    check(
        "Pakistan's Interior Ministry has told the Islamabad High Court that it ordered the social media platform X blocked in February.",
        &["Interior Ministry bans Twitter"],
        &["Interior Ministry orders Islamabad High Court"],
    );
}

#[test]
fn based_in_from_a_later_predicate_of_the_relative_clause_or_a_city_described_by_its_country() {
    check(
        "Telegram, which was founded by Pavel Durov and is based in the United Arab Emirates, said it was fighting abuse.",
        &["Telegram basedIn United Arab Emirates", "Pavel Durov founded Telegram"],
        &[],
    );
    check(
        "DeepSeek, which is based in the eastern Chinese city of Hangzhou, was founded in 2023.",
        &["DeepSeek basedIn China"],
        &[],
    );
}

#[test]
fn offices_told_in_relative_clauses() {
    check(
        "David Vigneault, who was then director of the Canadian Security Intelligence Service, warned of the app.",
        &["David Vigneault holdsPositionIn Canadian Security Intelligence Service"],
        &[],
    );
    check(
        "The Garante, whose board is chaired by Pasquale Stanzione, opened its inquiry in March 2023.",
        &["Pasquale Stanzione holdsPositionIn Garante per la protezione dei dati personali"],
        &[],
    );
    check(
        "The app was built by the Nexa Group, whose chief executive is Maria Lind.",
        &["Maria Lind holdsPositionIn Nexa Group"],
        &[],
    );
}

#[test]
fn a_title_s_body_past_a_description_of_a_fund() {
    check(
        "DeepSeek was founded by Liang Wenfeng, a co-founder of the quantitative hedge fund High-Flyer.",
        &["Liang Wenfeng founded DeepSeek", "Liang Wenfeng founded High-Flyer"],
        &[],
    );
}

#[test]
fn people_listed_after_a_plural_role_and_a_demonym_in_the_apposition_of_a_passive() {
    check(
        "Chingari, an Indian short-video app built by Bengaluru programmers Biswatma Nayak and Sidharth Gautam, says it grew.",
        &[
            "Biswatma Nayak founded Chingari",
            "Sidharth Gautam founded Chingari",
            "Chingari basedIn India",
        ],
        &[],
    );
}

#[test]
fn a_relative_clause_with_no_pronoun_on_a_described_name() {
    check(
        "Elon Musk owns X. The judge froze the accounts of Starlink, the satellite internet service run by SpaceX, the rocket company Musk founded, on Friday.",
        &["SpaceX owns Starlink", "Elon Musk founded SpaceX"],
        &["Elon Musk owns Starlink"],
    );
}

#[test]
fn a_general_secretary_holds_office_in_the_party() {
    check(
        "Gagan Thapa, general secretary of the Socialist Party, criticized the ban on TikTok.",
        &["Gagan Thapa holdsPositionIn Socialist Party"],
        &[],
    );
}

#[test]
fn a_foundation_named_after_an_app_is_its_own_body_and_runs_it() {
    check(
        "Russia blocked the messaging app Signal. Signal is run by the Signal Foundation, a U.S.-based non-profit organisation.",
        &[
            "Signal Foundation owns Signal",
            "Signal Foundation basedIn United States",
            "Russia bans Signal",
        ],
        &["Signal basedIn United States"],
    );
    // A company of the app's own name is still the app (GUIDE.md).
    check(
        "Canada ordered the wind-up of TikTok Technology Canada Inc., the app's local business.",
        &[],
        &["TikTok Technology owns TikTok"],
    );
}

#[test]
fn attacking_someone_in_words_criticizes_them_but_attacks_are_no_verb() {
    check(
        "Elon Musk attacked Julie Inman Grant on his own platform, calling her a censor.",
        &["Elon Musk criticizes Julie Inman Grant"],
        &[],
    );
    check(
        "The FSB wanted the keys to deter terror attacks in Russia.",
        &[],
        &["Federal Security Service criticizes Russia"],
    );
}

#[test]
fn asking_for_a_ban_to_end_opposes_it_and_an_account_of_a_body_is_its_use() {
    check(
        "Tanzania blocked X. Amnesty International called on the authorities to restore access to X.",
        &["Amnesty International opposesBan Twitter", "Tanzania unbans Twitter [Hypothetical]"],
        &[],
    );
    check(
        "Myanmar blocked WhatsApp. Facebook urged the authorities to restore connectivity.",
        &[],
        &["Facebook opposesBan WhatsApp"],
    );
    check(
        "The official X account of the Tanzania Police Force was hijacked on Monday.",
        &["Tanzania Police Force uses Twitter"],
        &["Tanzania uses Twitter"],
    );
}

#[test]
fn the_foundation_refers_back_to_the_foundation_named() {
    check(
        "Turkey blocked Wikipedia after the Wikimedia Foundation refused to remove two articles. Katherine Maher, the foundation's executive director, welcomed the ruling.",
        &["Katherine Maher holdsPositionIn Wikimedia Foundation"],
        &[],
    );
}

#[test]
fn a_company_that_runs_an_app_owns_it_and_a_person_who_runs_it_holds_office() {
    check(
        "VK Company, which runs VKontakte, said usage had grown.",
        &["VK Company owns VKontakte"],
        &[],
    );
    check(
        "Pavel Durov, who runs Telegram, was arrested in France.",
        &["Pavel Durov holdsPositionIn Telegram"],
        &["Pavel Durov owns Telegram"],
    );
}

#[test]
fn who_announces_something_in_a_post_on_an_app_uses_it() {
    check(
        "Turkey's Justice Minister Yilmaz Tunc announced the decision in a post on X.",
        &["Yilmaz Tunc uses Twitter"],
        &["Turkey uses Twitter"],
    );
    check(
        "Brazil's Justice Minister Flavio Dino said in a statement on Telegram that the block was lawful.",
        &["Flavio Dino uses Telegram"],
        &[],
    );
    // Something said about an app is no use of it.
    check(
        "Turkey's Justice Minister Yilmaz Tunc issued a statement on Discord after the block.",
        &[],
        &["Yilmaz Tunc uses Discord"],
    );
}

#[test]
fn a_short_month_before_a_name_is_a_given_name() {
    check(
        "Jan Koum, the co-founder of WhatsApp, wrote on his Facebook page that he was upset by the block.",
        &["Jan Koum founded WhatsApp", "Jan Koum uses Facebook"],
        &[],
    );
}

#[test]
fn a_name_in_a_relative_clause_is_passed_over_by_a_later_description() {
    check(
        "Brazil blocked WhatsApp on Monday. WhatsApp, which Facebook bought in 2014, said it was disappointed. Jan Koum, the app's co-founder, wrote on his Facebook page that he was upset.",
        &["Jan Koum founded WhatsApp"],
        &["Jan Koum founded Facebook"],
    );
}

#[test]
fn who_after_an_apposition_goes_back_to_the_person_it_describes() {
    check(
        "Sri Lanka's police arrested Amith Weerasinghe, the leader of a hardline group called Mahason Balakaya, who had posted videos on Facebook.",
        &["Amith Weerasinghe uses Facebook"],
        &["Mahason Balakaya uses Facebook"],
    );
}

#[test]
fn a_lone_name_that_owns_an_app_is_a_company() {
    check(
        "Viber, owned by Japan's Rakuten, is widely used in Sri Lanka.",
        &["Rakuten owns Viber", "Rakuten basedIn Japan"],
        &[],
    );
    check(
        "Indonesia lifted the block on Steam, which is owned by U.S. game developer Valve.",
        &["Valve owns Steam", "Valve basedIn United States", "Indonesia unbans Steam"],
        &[],
    );
}

#[test]
fn heads_of_organisations_name_centres_and_magazines() {
    check(
        "Sanjana Hattotuwa, a senior researcher at the Colombo-based Centre for Policy Alternatives, criticised the block.",
        &["Centre for Policy Alternatives basedIn Sri Lanka"],
        &[],
    );
    check(
        "India's government asked Twitter to withhold the account of The Caravan, an Indian news magazine.",
        &["Caravan basedIn India"],
        &[],
    );
}

#[test]
fn an_apposition_calling_an_app_domestic_places_it_in_the_country() {
    check(
        "Indian ministers are moving to Koo, a little-known domestic microblogging app, as India's government presses Twitter.",
        &["Koo basedIn India"],
        &[],
    );
    check(
        "Many Vietnamese rely on Zalo, a homegrown messaging app run by VNG.",
        &["Zalo basedIn Vietnam"],
        &[],
    );
}

#[test]
fn an_apposition_after_a_bracketed_acronym_describes_the_name_before_it() {
    check(
        "The Freedom of Expression Association (IFOD), a Turkish group that tracks online censorship, says thousands of websites are blocked.",
        &["Freedom of Expression Association basedIn Turkey"],
        &[],
    );
    check(
        "The Republican People's Party (CHP), Turkey's main opposition party, criticised the ban.",
        &["Republican People's Party basedIn Turkey"],
        &[],
    );
}

#[test]
fn asking_a_body_to_do_anything_is_a_demand() {
    check(
        "Kenya's President William Ruto asked TikTok to tighten its content rules.",
        &["William Ruto demands TikTok"],
        &[],
    );
    check(
        "Turkey's regulator BTK asked Telegram to open an office in the country.",
        &["Information and Communication Technologies Authority demands Telegram"],
        &[],
    );
}

#[test]
fn a_judge_of_a_court_named_with_of_holds_office_in_it() {
    check(
        "Judge Ricardo Mucio Santana de Abreu Lima of the Sergipe Court of Justice criticised the ruling.",
        &["Ricardo Mucio Santana de Abreu Lima holdsPositionIn Sergipe Court of Justice"],
        &["Ricardo Mucio Santana de Abreu holdsPositionIn Sergipe Court of Justice"],
    );
    // A capital's name after two words of a name is a surname, not the state.
    check(
        "Judge Ricardo Lima criticised Brazil's ban on WhatsApp.",
        &["Ricardo Lima opposesBan WhatsApp"],
        &["Peru opposesBan WhatsApp"],
    );
}

#[test]
fn suspending_the_order_of_a_ban_lifts_it() {
    check(
        "A Brazilian judge blocked WhatsApp on Monday. On Tuesday a Brazilian appeals judge suspended the order.",
        &["Brazil bans WhatsApp", "Brazil unbans WhatsApp"],
        &[],
    );
}

#[test]
fn a_head_word_opening_a_body_name_is_part_of_it() {
    check(
        "Sudarshana Gunawardana, director general of the Government Information Department, said Sri Lanka's block on Facebook was lifted.",
        &["Sudarshana Gunawardana holdsPositionIn Government Information Department"],
        &[],
    );
}

#[test]
fn a_pronoun_in_capitals_inside_a_sentence_is_an_acronym() {
    check(
        "India blocked TikTok. IT experts criticised Twitter.",
        &["India bans TikTok"],
        &["India criticizes Twitter"],
    );
}

#[test]
fn a_list_goes_on_past_a_possessor_and_its_thing() {
    check(
        "Indonesia's communications ministry has blocked access to PayPal, Yahoo's search engine and several gaming platforms, including Steam and Epic Games.",
        &[
            "Communications Ministry bans PayPal",
            "Communications Ministry bans Yahoo",
            "Communications Ministry bans Steam",
            "Communications Ministry bans Epic Games",
        ],
        &[],
    );
}

#[test]
fn a_pronoun_subject_of_a_ban_goes_to_a_name_that_can_ban() {
    check(
        "Sri Lanka's government restored access to Facebook on Thursday, a week after it shut off the social network to stop mobs from using it.",
        &["Sri Lanka unbans Facebook", "Sri Lanka bans Facebook"],
        &[],
    );
}

#[test]
fn failing_to_comply_with_its_order_refuses_whose_order_it_was() {
    check(
        "France's CNIL fined Telegram in 2022. It added a further fine in 2023 after Telegram failed to comply with its order to stop collecting data on people in France.",
        &["Telegram refuses Commission nationale de l'informatique et des libertés"],
        &["Telegram refuses France"],
    );
}

#[test]
fn a_national_office_is_not_held_in_the_country_its_holder_acts_on() {
    check(
        "France banned TikTok in New Caledonia. Interior Minister Gerald Darmanin has also accused Azerbaijan of stoking tensions.",
        &["Gerald Darmanin holdsPositionIn France", "Gerald Darmanin criticizes Azerbaijan"],
        &["Gerald Darmanin holdsPositionIn Azerbaijan"],
    );
}

#[test]
fn an_acronym_the_document_defines_is_not_a_known_entity_that_shares_it() {
    check(
        "The Autoridade de Protecao (AP) fined Telegram on Tuesday. AP chairman Jan Smit said the fine was a signal.",
        &["Jan Smit holdsPositionIn Autoridade de Protecao"],
        &["Jan Smit holdsPositionIn Associated Press"],
    );
}

#[test]
fn the_object_of_a_verb_is_none_of_its_subjects() {
    check(
        "Telegram has run into privacy watchdogs in Europe before. Italy's data authority, Greece's privacy authority and France's CNIL each fined it in 2022.",
        &[
            "Commission nationale de l'informatique et des libertés fines Telegram",
            "Greece fines Telegram",
            "Italy fines Telegram",
        ],
        &["Italy fines Commission nationale de l'informatique et des libertés"],
    );
}

#[test]
fn names_a_company_noun_introduces_across_a_dash_are_companies_ordered_by_the_judge() {
    check(
        "Judge Ana Lopes, who sits on a court in the town of Itabaiana, had ordered the country's five mobile carriers - Vivo, Claro and Oi - to block WhatsApp for two days.",
        &[
            "Ana Lopes orders Vivo",
            "Ana Lopes orders Claro",
            "Ana Lopes orders Oi",
            "Ana Lopes bans WhatsApp",
        ],
        &[],
    );
}

#[test]
fn a_description_goes_back_to_the_name_the_document_is_about() {
    check(
        "WhatsApp was blocked on Monday. A Brazilian judge switched off WhatsApp for the people who use it, reopening a dispute between the courts and Facebook. Judge Ana Lopes had ordered the carriers to block the messaging service for two days.",
        &["Ana Lopes bans WhatsApp"],
        &["Ana Lopes bans Facebook"],
    );
}

#[test]
fn a_country_s_name_before_a_company_head_names_a_company_told_through_a_list() {
    check(
        "The Nepal Telecommunications Authority told operators including Nepal Telecom and Ncell Axiata to cut off TikTok. Kenya Airways uses Telegram.",
        &[
            "Nepal Telecommunications Authority orders Nepal Telecom",
            "Nepal Telecommunications Authority orders Ncell Axiata",
            "Nepal Telecommunications Authority bans TikTok",
            "Nepal Telecom basedIn Nepal",
            "Kenya Airways basedIn Kenya",
            "Kenya Airways uses Telegram",
        ],
        &["Kenya uses Telegram"],
    );
}

#[test]
fn an_order_to_reopen_a_site_unbans_it_and_asks_nothing_of_the_site() {
    check(
        "Nepal blocked Telegram last week. The Nepal Telecommunications Authority instructed internet providers to reopen the site late on Thursday.",
        &["Nepal Telecommunications Authority unbans Telegram"],
        &["Nepal Telecommunications Authority demands Telegram"],
    );
}

#[test]
fn a_person_who_chairs_a_state_body_is_an_official_who_can_promote() {
    check(
        "Russia slowed YouTube. Anna Sokolova, who chairs the State Duma's committee on information policy, urged viewers to use Rutube.",
        &["Anna Sokolova holdsPositionIn State Duma", "Anna Sokolova promotes Rutube"],
        &[],
    );
}

#[test]
fn a_company_s_possessive_pronoun_before_an_app_owns_it_and_goes_on_with_the_possessor() {
    check(
        "The ruling did not affect Facebook itself or its Messenger app.",
        &["Facebook owns Messenger"],
        &[],
    );
    check(
        "Apple removed Alphabet's video service YouTube and its Gemini app from the store.",
        &["Alphabet owns Gemini"],
        &["YouTube owns Gemini"],
    );
}

#[test]
fn a_list_of_agents_goes_on_past_a_relative_clause_or_a_title_set_off_by_commas() {
    check(
        "The company Nexa Labs sells face searches. Nexa Labs was co-founded in 2017 by entrepreneur Tom Reyes, who is its chief executive, and Ana Ortiz, a former aide to a mayor.",
        &["Tom Reyes founded Nexa Labs", "Ana Ortiz founded Nexa Labs"],
        &[],
    );
    check(
        "The company Nexa Labs sells face searches. Nexa Labs was founded by Tom Reyes, its chief executive, and Ana Ortiz.",
        &[
            "Tom Reyes founded Nexa Labs",
            "Ana Ortiz founded Nexa Labs",
            "Tom Reyes holdsPositionIn Nexa Labs",
        ],
        &[],
    );
}

#[test]
fn a_number_of_an_app_s_users_counts_that_app() {
    check(
        "Nepal has about 6 million TikTok users in a population of some 30 million.",
        &["TikTok userCount 6000000"],
        &[],
    );
}

#[test]
fn a_plural_title_before_a_list_of_people_is_each_one_s() {
    check(
        "The minister met Telegram executives Ana Costa and Luis Prado on Monday.",
        &["Ana Costa holdsPositionIn Telegram", "Luis Prado holdsPositionIn Telegram"],
        &[],
    );
}

#[test]
fn accounts_an_order_blocks_are_no_count_of_users() {
    check(
        "The Nepal Telecommunications Authority pressed Twitter to block about 1,178 accounts linked to the protests.",
        &["Nepal Telecommunications Authority demands Twitter"],
        &["Twitter userCount 1178"],
    );
}

#[test]
fn a_subject_goes_on_past_a_relative_clause_opened_by_whose() {
    check(
        "The Garante, whose board is chaired by Pasquale Stanzione, opened an inquiry into OpenAI.",
        &[
            "Pasquale Stanzione holdsPositionIn Garante per la protezione dei dati personali",
            "Garante per la protezione dei dati personali investigates OpenAI",
        ],
        &[],
    );
}

#[test]
fn a_portfolio_written_before_minister_names_the_ministry_the_document_names() {
    check(
        "Information Technology Minister Ana Gurung announced the reversal. The Ministry of Communication and Information Technology had ordered the block.",
        &["Ana Gurung holdsPositionIn Ministry of Communication and Information Technology"],
        &[],
    );
}

#[test]
fn a_party_name_with_a_particle_between_hyphens_is_one_name() {
    check(
        "Pakistan Tehreek-e-Azadi, the party founded by former minister Ali Raza, relied on X to reach supporters.",
        &["Ali Raza founded Pakistan Tehreek-e-Azadi", "Pakistan Tehreek-e-Azadi uses Twitter"],
        &[],
    );
}

#[test]
fn a_description_after_an_unknown_place_of_origin_refers_back() {
    check(
        "Ireland fined Meta on Monday. The California-based company, which also owns Instagram and WhatsApp, said it would appeal.",
        &["Meta owns Instagram", "Meta owns WhatsApp"],
        &[],
    );
}

#[test]
fn a_plural_description_stands_for_the_list_it_refers_to() {
    // The platforms of the list before it, in the same sentence.
    check(
        "Gabon restored access to Facebook, TikTok and WhatsApp on Friday, a week after the platforms were blocked.",
        &["Gabon bans Facebook", "Gabon bans TikTok", "Gabon bans WhatsApp"],
        &[],
    );
    // "both apps" in a later sentence: the two names of the list, not the store they sit in.
    check(
        "Google pulled Telegram and its Signal rival from the Play Store. Both apps are owned by foreign investors, and Mali's regulator ordered the two apps taken off.",
        &["Mali bans Telegram", "Mali bans Signal"],
        &["Mali bans Play Store"],
    );
    // A possessor right before a name of the list is its owner, not one of the group.
    check(
        "Iraq's regulator said it was studying PayPal and Tencent's WeChat. The ministry said it was restricting the services until they registered.",
        &["Iraq bans PayPal", "Iraq bans WeChat"],
        &["Iraq bans Tencent"],
    );
}

#[test]
fn a_plural_description_with_nothing_to_refer_to_gives_nothing() {
    check_none(
        "Mali's ministry blocked the platforms on Monday, officials in Bamako said.",
        " bans ",
    );
    check_none("Mali's regulator blocked the apps that had missed the deadline.", " bans ");
}

#[test]
fn a_judge_named_with_an_unknown_court_and_a_ruling_that_access_should_be_blocked() {
    // The body after "Judge NAME of the" is a state body though its name has no head noun; a
    // ruling that access "should be blocked in" a country is the judge's own ban, a fact.
    check(
        "Judge Lucia Ferrandiz of the Audiencia Provincial ruled on Friday that access to Telegram should be blocked in Spain.",
        &[
            "Lucia Ferrandiz bans Telegram",
            "Lucia Ferrandiz holdsPositionIn Audiencia Provincial",
        ],
        &["Spain bans Telegram", "Lucia Ferrandiz bans Telegram [Hypothetical]"],
    );
}

#[test]
fn an_indefinite_role_is_the_holder_named_later_and_a_frozen_order_is_lifted() {
    check(
        "A judge at Portugal's Constitutional Court on Monday put on hold his order to suspend the messaging app Telegram. Judge Rui Matos had acted on Friday.",
        &["Rui Matos unbans Telegram", "Rui Matos bans Telegram"],
        &[],
    );
}

#[test]
fn group_names_joined_by_for_and_bodies_opened_by_a_head() {
    check(
        "The case was brought by Ghana Lawyers for Press Freedom and the Media Institute of West Africa, which opposed the ban on Telegram.",
        &["Ghana Lawyers for Press Freedom opposesBan Telegram"],
        &[],
    );
    check(
        "Tendai Moyo, leader of the Movement for Democratic Renewal, criticised the block. The outage was confirmed by NetWatch, a British-based group that tracks disruptions.",
        &["NetWatch basedIn United Kingdom"],
        &[],
    );
}

#[test]
fn an_apposed_title_is_the_last_title_of_its_phrase() {
    check(
        "Zambia blocked WhatsApp. Chanda Phiri, the deputy information minister, defended the block.",
        &["Chanda Phiri holdsPositionIn Zambia"],
        &[],
    );
    // Not past a possessive: "the president's chief of staff" serves the president's state.
    check(
        "Zambia blocked WhatsApp. Mwila Banda, the president's chief of staff, said ministers would leave WhatsApp.",
        &["Mwila Banda holdsPositionIn Zambia"],
        &[],
    );
}

#[test]
fn a_lifted_ban_reverses_every_app_the_ban_named() {
    check(
        "Gabon's regulator blocked Facebook, TikTok and WhatsApp on Monday. The ban was lifted on Thursday.",
        &[
            "Gabon bans Facebook",
            "Gabon unbans Facebook",
            "Gabon unbans TikTok",
            "Gabon unbans WhatsApp",
        ],
        &[],
    );
}

#[test]
fn criticism_of_filtering_the_internet_opposes_no_app_ban() {
    check(
        "Chad blocked Facebook and TikTok in May. Ali Mahamat, a surgeon who won the presidency in July, had criticised the filtering of the internet as harmful.",
        &["Chad bans Facebook"],
        &["Ali Mahamat opposesBan Facebook", "Ali Mahamat opposesBan TikTok"],
    );
}

#[test]
fn a_name_that_speaks_after_an_app_and_a_comma_is_no_app() {
    check(
        "In a post on Twitter, Chandrasekhar said the ministry would watch the game closely. Rajeev Chandrasekhar is a junior minister in India.",
        &["Rajeev Chandrasekhar uses Twitter"],
        &[],
    );
}

#[test]
fn a_company_apposed_to_an_apps_publisher_owns_it() {
    check(
        "Chandrasekhar said that Telegram's publisher, Durovsoft, had addressed the government's concerns.",
        &["Durovsoft owns Telegram"],
        &[],
    );
}

#[test]
fn offices_apposed_before_a_description_of_the_opposition_and_former() {
    // "Its founder, the ... billionaire NAME": the apposed office is held too.
    check(
        "Liquid Telecom, the largest mobile operator, told subscribers it had been directed to suspend its services. Its founder, the Malawian-born billionaire Tamba Chirwa, wrote on Facebook that the company had received an order.",
        &["Tamba Chirwa founded Liquid Telecom", "Tamba Chirwa basedIn Malawi"],
        &[],
    );
    // "leader of the opposition X": the party; "a former prime minister": no office now.
    check(
        "Ghana blocked Facebook. Kofi Mensah, a former prime minister and leader of the opposition Movement for Democratic Renewal, criticised the block.",
        &["Kofi Mensah holdsPositionIn Movement for Democratic Renewal"],
        &["Kofi Mensah holdsPositionIn Ghana"],
    );
}

#[test]
fn a_verb_after_comma_and_goes_on_from_the_reporting_clause() {
    check(
        "Malawi's High Court ruled on Monday that a minister had no power to order the blackout imposed last week, and told the operators to restore access to WhatsApp and Facebook.",
        &["High Court unbans WhatsApp", "High Court unbans Facebook"],
        &[],
    );
    check(
        "Russia slowed YouTube in July. Lawmaker Anton Gorelkin said normal speeds could return if Google complied, and urged viewers to try VK Video.",
        &["Anton Gorelkin promotes VK Video"],
        &[],
    );
}

#[test]
fn an_object_pronoun_of_a_relation_verb_is_of_a_class_the_verb_takes() {
    check(
        "The Ministry of Electronics and Information Technology acts on security grounds. PUBG Mobile had been installed 175 million times in India before the ministry blocked it on Sept. 2, 2020.",
        &["Ministry of Electronics and Information Technology bans PUBG Mobile"],
        &["Ministry of Electronics and Information Technology bans India"],
    );
}

#[test]
fn who_argues_that_blocking_apps_broke_the_law_opposes_the_ban() {
    check(
        "The case was brought by the Media Institute of West Africa, which argued that blocking WhatsApp and Facebook violated the constitution.",
        &["Media Institute of West Africa opposesBan WhatsApp", "Media Institute of West Africa opposesBan Facebook"],
        &[],
    );
    // Saying that a block was needed is no opposition.
    check_none(
        "The Media Institute of West Africa argued that blocking WhatsApp and Facebook was necessary.",
        "opposesBan",
    );
}

#[test]
fn a_body_named_before_its_description_keeps_its_name_later() {
    check(
        "The court said the decision by Datavernet, Norway's data protection authority, was valid. Datavernet announced the measure in July. Datavernet fined Meta in August.",
        &["Datavernet basedIn Norway", "Datavernet fines Meta"],
        &["European Data Protection Board basedIn Norway"],
    );
}

#[test]
fn a_body_described_with_a_country_is_that_countrys() {
    // "The Irish regulator" is the Irish body the document names, not the Norwegian one named
    // last; with no Irish body named, it is Ireland.
    check(
        "Datavernet, Norway's data protection authority, fined Meta in July. Meta's lead regulator is Ireland's Data Protection Commission. The Irish regulator fined Meta in January.",
        &["Data Protection Commission fines Meta", "Datavernet fines Meta"],
        &[],
    );
    check(
        "Datavernet, Norway's data protection authority, fined Meta in July. The Irish regulator fined Meta in January.",
        &["Ireland fines Meta"],
        &[],
    );
}

#[test]
fn a_place_adjective_that_opens_a_longer_name_is_not_that_name() {
    // "European" before a plain noun is no mention of the European Union the text also names;
    // "the company" is then the company named before it.
    check(
        "Norway and the European Union disagree. Datavernet, Norway's data protection authority, met on Monday. It said Meta's profiling broke European data protection law, and it ordered the company to stop.",
        &["Datavernet orders Meta"],
        &["Datavernet orders European Union", "Datavernet demands European Union"],
    );
}

#[test]
fn a_name_opening_with_a_common_word_is_a_name_when_an_apposition_says_what_it_is() {
    // "access" is written in lower case in the text too; the apposition still makes the
    // sentence's first words a group's name.
    check(
        "Mauritius blocked access to TikTok. Access Now, an international digital rights group, criticised the ban on TikTok.",
        &["Access Now opposesBan TikTok"],
        &[],
    );
}

#[test]
fn initials_in_capitals_open_a_name_a_title_goes_with() {
    check(
        "Kenya fined Safaricom. Safaricom's chief executive, JK Otieno, said the company would appeal. Otieno also quit Twitter.",
        &["JK Otieno stopsUsing Twitter"],
        &[],
    );
}

#[test]
fn who_accuses_a_state_of_a_ban_opposes_it_and_is_not_the_one_banning() {
    // The accuser is no agent of the gerund; the accused state is, as an allegation only.
    check(
        "Gambia suspended Snapchat and Viber. Omar Jallow, a former finance minister, accused the government of trying to silence critics by shutting Snapchat and Viber.",
        &["Omar Jallow opposesBan Snapchat", "Omar Jallow opposesBan Viber", "Omar Jallow criticizes Gambia"],
        &["Omar Jallow bans Snapchat", "Omar Jallow bans Viber"],
    );
}

#[test]
fn who_says_blocking_an_app_was_a_blunt_tool_opposes_the_ban() {
    check(
        "Lesotho blocked Signal in May. Thabo Mokoena, a senior researcher at the Maseru-based Policy Lab, said blocking Signal was a blunt tool.",
        &["Thabo Mokoena opposesBan Signal"],
        &["Thabo Mokoena bans Signal"],
    );
}

#[test]
fn who_urges_the_authorities_to_keep_an_app_open_opposes_its_ban() {
    check(
        "Chad ordered operators to block Telegram. Amnesty International urged the authorities to keep Telegram open.",
        &["Amnesty International opposesBan Telegram"],
        &["Chad unbans Telegram"],
    );
}

#[test]
fn the_subject_before_an_apposition_holding_a_relative_clause_acts() {
    // The relative clause says something of the party, not of who criticised.
    check(
        "Togo blocked Telegram. Kofi Mensah, a former prime minister and leader of the Union Party, which heads the opposition alliance, criticised the ban on Telegram.",
        &["Kofi Mensah opposesBan Telegram"],
        &["Union Party opposesBan Telegram"],
    );
}

#[test]
fn a_known_company_followed_by_a_country_or_region_is_its_unit_there() {
    // "Safaricom Ethiopia" is not Safaricom; the apposition says whose unit it is. The second
    // apposition's owner is not the first one's.
    check(
        "Customers of Safaricom Ethiopia, a unit of Kenya's Safaricom, reported outages. Maroc Telecom, a subsidiary of Etisalat, and Airtel Niger, part of Airtel Africa, cut their services.",
        &[
            "Safaricom owns Safaricom Ethiopia",
            "Etisalat owns Maroc Telecom",
            "Airtel Africa owns Airtel Niger",
        ],
        &["Airtel Niger owns Maroc Telecom", "Safaricom owns Safaricom"],
    );
}

#[test]
fn a_relative_clause_inside_a_list_speaks_of_one_name_and_ends_at_its_comma() {
    check(
        "Meta, Google, which owns YouTube, and China's ByteDance, the owner of TikTok, did not comment.",
        &["Google owns YouTube", "ByteDance owns TikTok"],
        &["Meta owns YouTube", "Google owns ByteDance", "Meta owns ByteDance"],
    );
}

#[test]
fn unnamed_authorities_act_in_the_country_a_sentence_opens_in() {
    check(
        "Kenya restricted Telegram during the exams. In Algeria, the authorities have restricted Facebook during exams in past years.",
        &["Kenya bans Telegram", "Algeria bans Facebook"],
        &["Kenya bans Facebook"],
    );
}

#[test]
fn a_former_office_before_a_name_is_held_no_more_and_outstanding_fines_are_a_noun() {
    check(
        "Justice Ana Costa of Brazil's Supreme Court suspended Rumble until it pays outstanding fines. The blogger is an ally of former President Joao Mendes.",
        &["Ana Costa bans Rumble"],
        &["Joao Mendes holdsPositionIn Brazil", "Supreme Court fines Brazil", "Supreme Court fines Rumble"],
    );
}

#[test]
fn a_company_role_after_a_possessive_name_and_before_an_apposed_name_relates_them() {
    // The lone possessive name is the company's, and a demonym before the role is the person's.
    check(
        "Zentro's Canadian founder and chief executive, Paul Riven, criticised the order. Nexbit's chief executive, DK Lee, said the game would return.",
        &["Paul Riven founded Zentro", "Paul Riven holdsPositionIn Zentro", "DK Lee holdsPositionIn Nexbit"],
        &["Paul Riven holdsPositionIn Canada"],
    );
}

#[test]
fn a_company_named_after_a_person_keeps_its_short_form_and_leaves_the_surname_to_the_person() {
    // "Vance Media" is the group named in full before it; "Vance" alone is the person.
    check(
        "President Tom Vance criticised the ruling. Vance Media & Technology Group, the owner of the Freechat network, sued the court. Vance Media relies on Telegram. Vance later quit Freechat.",
        &[
            "Vance Media & Technology Group owns Freechat",
            "Vance Media & Technology Group uses Telegram",
            "Tom Vance stopsUsing Freechat",
        ],
        &["Vance Media & Technology Group stopsUsing Freechat"],
    );
}

#[test]
fn a_country_and_a_short_number_name_a_channel_not_the_country() {
    check(
        "Gabon's regulator, the Media Authority, accused France 24 of bias.",
        &["Media Authority criticizes France 24"],
        &["Media Authority criticizes France"],
    );
    // A number that counts what follows is no channel.
    assert_entity("In France 24 people died after the vote.", "Country France");
}

#[test]
fn who_accuses_the_outlets_of_something_criticizes_each_outlet_listed() {
    check(
        "Gabon's Media Authority suspended Euronews and Al Jazeera, accusing the outlets of bias.",
        &["Media Authority criticizes Euronews", "Media Authority criticizes Al Jazeera"],
        &[],
    );
}

#[test]
fn a_title_of_a_named_body_apposed_before_a_name_is_an_office_in_that_body() {
    check(
        "In July, a judge of Uganda's High Court, Grace Atim, barred the regulator from shutting down the internet.",
        &["Grace Atim holdsPositionIn High Court"],
        &[],
    );
}

#[test]
fn a_description_of_a_body_goes_to_the_name_its_head_noun_ends() {
    // "The church" is the church, not the synod named after it.
    check(
        "Eritrea restricted Facebook as a split inside the Eritrean Coptic Church deepened. Bishops of the Holy Synod met on Monday. The church has used its Facebook page to publish the decisions.",
        &["Eritrean Coptic Church uses Facebook"],
        &["Holy Synod uses Facebook"],
    );
    // The second "its" is no app's: no app uses another through "its ... channel".
    check_none(
        "Eritrea restricted Facebook and Telegram. The church has used its Facebook page and its Telegram channel to publish the decisions.",
        "Facebook uses Telegram",
    );
}

#[test]
fn a_state_actor_saying_an_app_could_be_banned_threatens_it() {
    check(
        "Fiji blocked Viber in March. In 2018, the communications minister, Ratu Tikoduadua, said Facebook could be shut down for a month. The minister said the government could block TikTok.",
        &["Ratu Tikoduadua threatens Facebook", "Ratu Tikoduadua threatens TikTok"],
        &["Ratu Tikoduadua bans Facebook", "Fiji bans TikTok"],
    );
    // Not an app told of after the possible ban.
    check_none(
        "Iran blocked Viber. The lawmaker Ali Rezai said foreign messaging services could be banned in April, with Telegram first to go.",
        "threatens",
    );
}

#[test]
fn a_gerund_after_before_or_by_shares_the_clause_subject() {
    // "before lifting the block": the ministry lifts the ban it imposed.
    check(
        "Jordan's telecoms regulator blocked Clubhouse in March 2021, citing a threat to public order, before lifting the block in May.",
        &["Jordan bans Clubhouse", "Jordan unbans Clubhouse"],
        &[],
    );
    check(
        "Libya's communications ministry responded to the protests by blocking Facebook.",
        &["Communications Ministry bans Facebook"],
        &[],
    );
}

#[test]
fn lifting_the_restriction_with_no_object_reverses_the_document_ban() {
    check(
        "The Zambia Information and Communications Technology Authority blocked WhatsApp on Thursday. The authority lifted the restriction shortly after the vote count ended.",
        &[
            "Zambia Information and Communications Technology Authority bans WhatsApp",
            "Zambia Information and Communications Technology Authority unbans WhatsApp",
        ],
        &[],
    );
}

#[test]
fn a_demonym_in_a_person_apposition_gives_origin_and_keeps_the_relative_clause_subject() {
    check(
        "Juliana Rotich, a Kenyan technologist who founded the software firm Ushahidi, wrote about the block on Twitter.",
        &["Juliana Rotich founded Ushahidi", "Juliana Rotich basedIn Kenya"],
        &[],
    );
}

#[test]
fn a_country_possessive_apposition_does_not_take_the_passive_object_place() {
    check(
        "Odnoklassniki, Russia's second social network, is owned by VK.",
        &["VKontakte owns Odnoklassniki"],
        &[],
    );
}

#[test]
fn a_named_person_possessive_before_a_bare_app_is_ownership() {
    check(
        "The regulator said Elon Musk's X had not applied for a licence.",
        &["Elon Musk owns Twitter"],
        &[],
    );
    // A noun after the app makes it a modifier, not the person's app.
    check_none("Joe Biden's TikTok ban was upheld by the court.", "owns");
}

#[test]
fn a_company_unit_may_carry_the_french_name_of_its_country() {
    check(
        "Airtel Tchad is a unit of Airtel Africa, which operates in 14 countries.",
        &["Airtel Africa owns Airtel Tchad"],
        &[],
    );
}

#[test]
fn an_arabic_article_stays_in_the_name_it_opens() {
    check(
        "Prime Minister Mustafa al-Kadhimi said the ban would stay. Kadhimi later ordered the Communications and Media Commission to block TikTok.",
        &[
            "Mustafa al-Kadhimi holdsPositionIn Iraq",
            "Mustafa al-Kadhimi orders Communications and Media Commission",
        ],
        &[],
    );
}

#[test]
fn a_state_lifting_the_ban_had_imposed_it() {
    check(
        "Gabon has lifted the restrictions on TikTok and Facebook that had cut users off for six months.",
        &[
            "Gabon unbans TikTok",
            "Gabon bans TikTok",
            "Gabon unbans Facebook",
            "Gabon bans Facebook",
        ],
        &[],
    );
    // Not a body that is no state: a court lifting the ban did not impose it.
    check_none(
        "Brazil blocked X. The Supreme Federal Court lifted the ban on X in October.",
        "Supreme Federal Court bans",
    );
}

#[test]
fn the_ban_confirmed_by_a_body_is_that_body_ban() {
    check(
        "Tajikistan restricted TikTok and WeChat on Thursday. The restrictions were confirmed on Friday by Aloqanazorat, the state inspectorate that oversees telecommunications.",
        &["Aloqanazorat bans TikTok", "Aloqanazorat bans WeChat"],
        &[],
    );
}

#[test]
fn offices_told_in_relative_clauses_past_appositions_and_before_lists() {
    // "whose chief executive is" past an apposition.
    check(
        "Vodacom Tanzania, the country's largest mobile operator, whose chief executive is Philip Besiimire, did not comment.",
        &["Philip Besiimire holdsPositionIn Vodacom Tanzania"],
        &[],
    );
    // "who is its chief executive", before a list goes on.
    check(
        "Viber was co-founded by the Israeli entrepreneur Talmon Marco, who is its chief executive, and Igor Magazinnik.",
        &["Talmon Marco holdsPositionIn Viber"],
        &[],
    );
    // A movement is an organisation a leader can lead.
    check(
        "Prime Minister Navin Ramgoolam, who leads the Mauritian Labour Movement, said the clips were fake.",
        &["Navin Ramgoolam holdsPositionIn Mauritian Labour Movement"],
        &[],
    );
}

#[test]
fn saying_the_document_ban_is_wrong_opposes_it() {
    // The speaker is found past the acronym in parentheses; a title before a lone head word
    // ("Bloggers Association") names no person.
    check(
        "Uganda suspended Telegram on Monday. The Bloggers Association of Uganda (BAU) said the suspension was disproportionate and set a dangerous precedent.",
        &["Bloggers Association of Uganda opposesBan Telegram"],
        &[],
    );
    assert_entity(
        "Uganda suspended Telegram on Monday. The Bloggers Association said the suspension was wrong.",
        "Organization Bloggers Association",
    );
}

#[test]
fn urging_to_keep_a_long_list_of_apps_open_opposes_their_ban() {
    check(
        "Togo suspended Facebook and TikTok on Friday. Human Rights Watch urged the authorities to keep Facebook, TikTok and the other platforms open throughout the vote.",
        &["Human Rights Watch opposesBan Facebook", "Human Rights Watch opposesBan TikTok"],
        &[],
    );
}

#[test]
fn a_relative_clause_likening_two_apps_gives_both_owners() {
    check(
        "Access to Instagram, which like WhatsApp is owned by Meta, returned on Friday.",
        &["Meta owns Instagram", "Meta owns WhatsApp"],
        &[],
    );
}

#[test]
fn a_passive_agent_named_with_a_possessive_is_the_name_not_the_possessor() {
    check(
        "The video app Moj, owned by Google's YouTube, was blocked in Nepal.",
        &["YouTube owns Moj", "Google owns YouTube"],
        &["Google owns Moj"],
    );
}

#[test]
fn acting_on_an_instruction_is_being_ordered() {
    check(
        "Roskomnadzor said it had restricted Discord on the orders of the Moscow City Court.",
        &["Moscow City Court orders Roskomnadzor"],
        &[],
    );
    check(
        "Safaricom and Airtel Kenya cut their services on the Communications Authority of Kenya's instructions.",
        &[
            "Communications Authority of Kenya orders Safaricom",
            "Communications Authority of Kenya orders Airtel Kenya",
        ],
        &[],
    );
}

#[test]
fn urging_access_restored_and_criticising_a_shutdown_oppose_the_ban() {
    check(
        "Tajikistan blocked TikTok and WeChat in May. Human Rights Watch said the blocking of the platforms undermined free expression and urged Dushanbe to restore access.",
        &["Human Rights Watch opposesBan TikTok", "Human Rights Watch opposesBan WeChat"],
        &[],
    );
    check(
        "Jordan blocked Telegram on Monday. The Jordan Open Source Association criticised the shutdown of Telegram from the start.",
        &["Jordan Open Source Association opposesBan Telegram"],
        &[],
    );
}

#[test]
fn a_lone_given_name_joined_to_a_full_name_shares_its_surname() {
    check(
        "VKontakte was founded in 2006 by the brothers Pavel and Nikolai Durov.",
        &["Pavel Durov founded VKontakte", "Nikolai Durov founded VKontakte"],
        &[],
    );
}

#[test]
fn the_watchdog_is_a_named_office_whose_name_says_it_regulates() {
    check(
        "Austria's Federal Competition Office ordered Meta to stop. The watchdog, which had been investigating Facebook since 2021, said more was needed. Its director, Anna Berger, spoke on Monday.",
        &[
            "Federal Competition Office investigates Facebook",
            "Anna Berger holdsPositionIn Federal Competition Office",
        ],
        &["Austria investigates Facebook"],
    );
}

#[test]
fn offices_taken_ruled_and_served_in_relative_clauses() {
    check(
        "Alexander Lukashenko, who has ruled Belarus since 1994, denied the outage.",
        &["Alexander Lukashenko holdsPositionIn Belarus"],
        &[],
    );
    check(
        "The law is now enforced by Christine Lambrecht, who took charge of the Federal Ministry of Justice last week.",
        &["Christine Lambrecht holdsPositionIn Federal Ministry of Justice"],
        &[],
    );
    // The object of a pattern with a gap is read past the words before the gap ("as").
    check(
        "President Miguel Diaz-Canel, who in April also took over as first secretary of the Communist Party of Cuba, blamed Washington.",
        &["Miguel Diaz-Canel holdsPositionIn Communist Party of Cuba"],
        &[],
    );
    check(
        "Maria Lopez served as chief engineer at the Spanish Data Protection Agency before she left.",
        &["Maria Lopez holdsPositionIn Agencia Española de Protección de Datos"],
        &[],
    );
}

#[test]
fn a_spokesman_for_a_body_holds_office_in_it() {
    check(
        "Russia blocked LinkedIn. Vadim Ampelonsky, a spokesman for Roskomnadzor, said the block would stay.",
        &["Vadim Ampelonsky holdsPositionIn Roskomnadzor"],
        &[],
    );
}

#[test]
fn a_sentence_opening_at_a_capital_places_the_national_office_after_it() {
    check(
        "Cuba restricted access to Facebook on Monday, blaming U.S. agents. In Washington, President Joe Biden said his government was looking at options.",
        &["Joe Biden holdsPositionIn United States"],
        &["Joe Biden holdsPositionIn Cuba"],
    );
    // With the capital's state named nowhere else, still the capital's state (an entity of the
    // document all the same), not the document's.
    check(
        "Cuba restricted access to Facebook on Monday. In Washington, President Anna Vale said her government was looking at options.",
        &["Anna Vale holdsPositionIn United States"],
        &["Anna Vale holdsPositionIn Cuba"],
    );
}

#[test]
fn a_relative_clause_with_a_time_adjunct_does_not_hide_the_subject_or_give_its_verb_an_app() {
    check(
        "Belarus restricted Telegram. Sviatlana Tsikhanouskaya, who left for Lithuania two days after the vote, has relied on Telegram and YouTube to reach her supporters.",
        &[
            "Sviatlana Tsikhanouskaya uses Telegram",
            "Sviatlana Tsikhanouskaya uses YouTube",
        ],
        &["Sviatlana Tsikhanouskaya stopsUsing Telegram"],
    );
    check_none(
        "Belarus restricted Telegram. The opposition leader Maria Kolesnikova left two days after the vote.",
        "stopsUsing",
    );
}

#[test]
fn an_app_user_apposition_and_a_reduced_relative_after_the_app_say_use() {
    check(
        "Cuba restricted WhatsApp. President Miguel Diaz-Canel, an active Twitter user, blamed Washington.",
        &["Miguel Diaz-Canel uses Twitter"],
        &[],
    );
    check(
        "Cuba restricted WhatsApp. President Miguel Diaz-Canel has a Twitter account. He has continued to post messages on the platform defending the government.",
        &["Miguel Diaz-Canel uses Twitter"],
        &[],
    );
}

#[test]
fn unknown_names_of_groups_apps_and_state_companies() {
    // A common word opening a sentence starts a name of three capitalised words.
    assert_entity(
        "Thailand blocked the group. Human Rights Watch called on Thai authorities to stop. Rights are human.",
        "Organization Human Rights Watch",
    );
    // A name in camel case after lower-case letters ("toDus").
    check(
        "Cuba blocked WhatsApp. Officials talked up toDus, a domestic messaging app built by the University of Informatics Sciences.",
        &["University of Informatics Sciences founded toDus"],
        &[],
    );
    // A state-owned company is a state body, which can promote an app.
    check(
        "Cuba blocked WhatsApp. Mobile data is sold by the state telecommunications monopoly ETECSA. ETECSA promotes the messaging app toDus with cheaper data.",
        &["ETECSA promotes toDus"],
        &[],
    );
    // "one of the country's main mobile operators" says what the name is.
    assert_entity(
        "Belarus cut the internet. A1, one of the country's main mobile operators, told customers it had restricted access.",
        "Organization A1",
    );
}

#[test]
fn courts_with_ordinals_embassies_and_concern_over_a_block() {
    // A city and an ordinal open a court's name.
    check(
        "The BTK blocked Discord on the orders of the Ankara 1st Criminal Judgeship of Peace.",
        &["Ankara 1st Criminal Judgeship of Peace orders Information and Communication Technologies Authority"],
        &[],
    );
    assert_entity(
        "Turkey blocked Roblox. The Adana 6th Criminal Court of Peace issued the order.",
        "Agency Adana 6th Criminal Court of Peace",
    );
    // A country's word before "Embassy" names a state body; concern over a block opposes it.
    check(
        "Russia blocked LinkedIn. The U.S. Embassy in Moscow said it was deeply concerned by the decision to block LinkedIn.",
        &["U.S. Embassy opposesBan LinkedIn"],
        &["U.S. Embassy bans LinkedIn"],
    );
    // The passive of a verb that takes apps is the cue an ambiguous app name needs.
    check("Signal was blocked in Egypt in December.", &["Egypt bans Signal"], &[]);
    // National parliaments are known state bodies.
    assert_entity("The Bundestag passed the law on Friday.", "Agency Bundestag");
}

#[test]
fn origins_in_appositions_and_apps_owned_in_pairs() {
    check(
        "Belarus blocked news sites. NEXTA, an outlet based in Warsaw, was founded in 2015 by Stepan Putilo, a 22-year-old Belarusian blogger.",
        &["NEXTA basedIn Poland", "Stepan Putilo basedIn Belarus"],
        &[],
    );
    check(
        "Cuba restricted WhatsApp. Many used Psiphon, a circumvention app developed in Canada.",
        &["Psiphon basedIn Canada"],
        &[],
    );
    check(
        "The office ordered Facebook to stop merging data gathered through its WhatsApp and Instagram services.",
        &["Facebook owns WhatsApp", "Facebook owns Instagram"],
        &[],
    );
}

#[test]
fn a_pronoun_an_app_is_acted_on_through_and_a_law_used_against_apps() {
    // "access to it": the pronoun stands for the app, not the court before it.
    check(
        "Russia blocked LinkedIn. The Tagansky District Court ordered access to it restricted.",
        &["Tagansky District Court bans LinkedIn"],
        &[],
    );
    // A law used against the platforms is no use of them.
    check_none(
        "Thailand's digital ministry filed complaints against Facebook and Twitter, the first time the government has used the Computer Crime Act against the platforms.",
        " uses ",
    );
    // "urged NAME to" asks something of that person.
    check(
        "Cuba restricted WhatsApp. President Joe Biden spoke on Thursday. Florida Governor Ron DeSantis urged Biden to help.",
        &["Ron DeSantis demands Joe Biden"],
        &[],
    );
    // "Its Russian-born founder, Pavel Durov": the possessive past the demonym and "-born".
    check(
        "Belarus restricted Telegram. Its Russian-born founder, Pavel Durov, said the app still worked.",
        &["Pavel Durov founded Telegram"],
        &[],
    );
}

#[test]
fn a_law_named_in_capitals_is_no_entity() {
    check_none(
        "Germany fined Facebook. Under the Network Enforcement Act, social networks with more than 2 million registered users in Germany must report twice a year.",
        "userCount",
    );
    let classes = common::entity_classes("Thailand used the Computer Crime Act against Facebook.");
    assert!(classes.iter().all(|c| !c.contains("Act")), "a law became an entity: {classes:?}");
}

#[test]
fn a_common_word_after_a_dateline_opens_the_sentence() {
    // "Access" opens the sentence after the dateline: an ordinary word, not a person who accuses.
    check(
        "CARACAS, Aug. 9, 2024 - Access to X was restricted across Venezuela on Friday after President Nicolas Maduro ordered the social network taken offline, accusing its owner, Elon Musk, of stoking hatred.",
        &["Nicolas Maduro criticizes Elon Musk", "Venezuela bans Twitter"],
        &[],
    );
    let classes = common::entity_classes("LAGOS (wire) - Support for the ban on Twitter grew in Nigeria.");
    assert!(
        classes.iter().all(|c| !c.contains("Support")),
        "a common word became an entity: {classes:?}"
    );
}

#[test]
fn an_unknown_word_before_a_country_names_a_company_unit() {
    // "Zain Sudan": one company, based where its name says; "Zain" alone later is the same one.
    check(
        "A court in Khartoum ordered Zain Sudan to restore mobile internet. Zain, the largest operator, complied.",
        &["Zain Sudan basedIn Sudan"],
        &["Zain Sudan basedIn Zain"],
    );
    // A word of place before a country's name makes a region, not a company.
    let classes = common::entity_classes("The ruling was watched across Latin America and in mainland China.");
    assert!(
        classes.iter().all(|c| !c.contains("Latin") && !c.contains("mainland")),
        "a region became an entity: {classes:?}"
    );
}

#[test]
fn a_unit_and_its_parent_named_by_its_first_word() {
    // ", and NAME belongs to ..." opens a new clause: Orange Cameroun owns nothing here, and
    // "France's Orange" is the parent, not the unit.
    check(
        "The order went to MTN Cameroon and Orange Cameroun. MTN Cameroon is a unit of South Africa's MTN Group, and Orange Cameroun belongs to France's Orange.",
        &["MTN Group owns MTN Cameroon", "Orange owns Orange Cameroun"],
        &["Orange Cameroun owns MTN Cameroon"],
    );
}

#[test]
fn a_lone_name_listed_after_companies_is_a_company() {
    // "Sudani" is listed with two operators; opening a sentence later it is the same company.
    check(
        "The court told Zain Sudan, MTN Sudan and Sudani to restore service. Sudani is owned by Sudatel.",
        &["Sudatel owns Sudani"],
        &[],
    );
}

#[test]
fn a_known_leader_holds_office_in_their_own_country() {
    // A national title with no country written: the leaders table (cues.toml) before the story's
    // country.
    check(
        "Ukraine blocked VKontakte on Tuesday. The step was condemned by President Vladimir Putin, who called it hostile.",
        &["Vladimir Putin holdsPositionIn Russia"],
        &["Vladimir Putin holdsPositionIn Ukraine"],
    );
    check(
        "Cuba restricted Facebook and WhatsApp. President Joe Biden said he was looking at ways to restore access.",
        &["Joe Biden holdsPositionIn United States"],
        &["Joe Biden holdsPositionIn Cuba"],
    );
}

#[test]
fn reduced_relatives_and_passives_joined_to_relative_clauses() {
    // A participle after a comma is passive though a time stands before its "by".
    check(
        "Ukraine blocked VKontakte. VKontakte, set up in 2006 by the entrepreneur Pavel Durov, has millions of users there.",
        &["Pavel Durov founded VKontakte"],
        &[],
    );
    // "controlled by" owns; the relative clause's agents end at its closing comma.
    check(
        "The complaints came from the broadcaster Mediaset Group, which is controlled by Fininvest Holdings, and Atresmedia Group.",
        &["Fininvest Holdings owns Mediaset Group"],
        &["Atresmedia Group owns Mediaset Group"],
    );
    // A passive joined by "and" to a relative clause's verb is said of the antecedent.
    check(
        "Ukraine blocked the sites. Mail.ru Group, the Russian company that owns VKontakte and Odnoklassniki and is controlled by Alisher Usmanov, regretted the step.",
        &["Alisher Usmanov owns Mail.ru", "Mail.ru owns VKontakte"],
        &["Alisher Usmanov owns VKontakte", "Alisher Usmanov owns Odnoklassniki"],
    );
}

#[test]
fn a_named_owners_possessive_company_is_theirs() {
    check(
        "Analysts said Rupert Murdoch's News Corp welcomed the law.",
        &["Rupert Murdoch owns News Corp"],
        &[],
    );
    // A party or a foundation is no property.
    check_none("Critics said Ali Demir's Freedom Party opposed the ban on X.", " owns ");
}

#[test]
fn whose_title_and_name_holds_office_in_the_body() {
    check(
        "The rules were drafted by the Kenya Film Classification Board, whose chairman Ezekiel Mutua has attacked TikTok.",
        &["Ezekiel Mutua holdsPositionIn Kenya Film Classification Board"],
        &[],
    );
}

#[test]
fn the_kingdom_is_the_country() {
    check(
        "Jordan restored TikTok on Sunday. The Telecommunications Regulatory Commission, the kingdom's telecoms regulator, gave no reason.",
        &["Telecommunications Regulatory Commission basedIn Jordan"],
        &[],
    );
}
