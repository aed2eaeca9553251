//! Quotes on written examples, one test per form.

use super::*;
use crate::document::Article;

fn analysed(text: &str) -> Analysis {
    Analysis::new(Article::parse("t.txt", text))
}

/// (quoted words, speaker's name or "-", kind) of every quote.
fn quotes_of(text: &str) -> Vec<(String, String, QuoteKind)> {
    let a = analysed(text);
    a.find_quotes()
        .iter()
        .map(|q| {
            let speaker = q
                .speaker
                .and_then(|e| a.entities.entities.get(e))
                .map_or("-".to_string(), |e| e.name.clone());
            (a.article.body[q.span.clone()].to_string(), speaker, q.kind)
        })
        .collect()
}

fn direct(words: &str, speaker: &str) -> (String, String, QuoteKind) {
    (words.to_string(), speaker.to_string(), QuoteKind::Direct)
}

fn reported(words: &str, speaker: &str) -> (String, String, QuoteKind) {
    (words.to_string(), speaker.to_string(), QuoteKind::Reported)
}

#[test]
fn quote_then_said_and_the_speaker() {
    assert_eq!(
        quotes_of("“France continues to value the partnerships,” said Capt. Christophe Cluzel, commander of Forbin."),
        [direct("France continues to value the partnerships,", "Christophe Cluzel")]
    );
}

#[test]
fn quote_then_the_speaker_and_said() {
    assert_eq!(
        quotes_of("Peter Cook spoke in Washington. \"We will continue to take actions,\" Cook said."),
        [direct("We will continue to take actions,", "Peter Cook")]
    );
}

#[test]
fn speaker_said_colon_then_quote() {
    assert_eq!(
        quotes_of("Boris Johnson met Sergei Lavrov. Boris Johnson said: “The talks were frank and useful.”"),
        [direct("The talks were frank and useful.", "Boris Johnson")]
    );
}

#[test]
fn quote_then_speaker_told_the_newspaper() {
    assert_eq!(
        quotes_of("“We had no warning at all,” Maria Lopez told the newspaper."),
        [direct("We had no warning at all,", "Maria Lopez")]
    );
}

#[test]
fn a_quotation_over_paragraphs_that_reopen_with_a_quote_mark() {
    let text = "Tobias Ellwood said: “The ministers discussed the crisis in Syria.\n\n“They pressed for a ceasefire in Aleppo.\n\n“Both sides agreed to talk again.”\n\nThe meeting ended at noon.";
    let a = analysed(text);
    let q = a.find_quotes();
    let found: Vec<(&str, bool)> = q
        .iter()
        .map(|q| (&a.article.body[q.span.clone()], q.continued))
        .collect();
    assert_eq!(
        found,
        [
            ("The ministers discussed the crisis in Syria.", false),
            ("They pressed for a ceasefire in Aleppo.", true),
            ("Both sides agreed to talk again.", true)
        ]
    );
    let ellwood = a.entity_by_id("person-tobias-ellwood");
    assert!(ellwood.is_some());
    assert!(q.iter().all(|q| q.speaker == ellwood), "{q:?}");
    assert_eq!(q.iter().map(|q| q.paragraph).collect::<Vec<_>>(), [0, 1, 2]);
}

#[test]
fn a_stray_quote_mark_is_no_quotation() {
    assert!(
        quotes_of("The 12\" gun fired three rounds at the hill before dawn.\nNothing else happened.")
            .is_empty()
    );
}

#[test]
fn curly_straight_and_british_quotes() {
    let found = quotes_of(
        "\"We will not back down now,\" Joe Biden said. ‘We are staying here for good,’ Rishi Sunak said.",
    );
    assert_eq!(
        found,
        [
            direct("We will not back down now,", "Joe Biden"),
            direct("We are staying here for good,", "Rishi Sunak")
        ]
    );
}

#[test]
fn according_to_the_speaker() {
    assert_eq!(
        quotes_of("According to Ash Carter, the campaign to liberate Mosul is on track."),
        [reported(
            "the campaign to liberate Mosul is on track",
            "Ash Carter"
        )]
    );
    assert_eq!(
        quotes_of("The talks will resume in March, according to the Foreign Office."),
        [reported("The talks will resume in March", "Foreign Office")]
    );
}

#[test]
fn speaker_said_that() {
    assert_eq!(
        quotes_of("Ash Carter said that the coalition would keep supporting Iraqi forces."),
        [reported(
            "the coalition would keep supporting Iraqi forces",
            "Ash Carter"
        )]
    );
    assert_eq!(
        quotes_of("Peter Cook told reporters that the strikes had weakened the group."),
        [reported("the strikes had weakened the group", "Peter Cook")]
    );
}

#[test]
fn speaker_said_without_that() {
    assert_eq!(
        quotes_of("Peter Cook said the campaign against the militants is also progressing."),
        [reported(
            "the campaign against the militants is also progressing",
            "Peter Cook"
        )]
    );
}

#[test]
fn clause_then_speaker_said() {
    assert_eq!(
        quotes_of("A strike on Jan. 1 hit two vehicles near Sarmada, Peter Cook said."),
        [reported(
            "A strike on Jan. 1 hit two vehicles near Sarmada",
            "Peter Cook"
        )]
    );
}

#[test]
fn a_parenthetical_cue() {
    let found = quotes_of("In Syria, Peter Cook said, the allied forces continue to advance.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1, "Peter Cook");
    assert_eq!(found[0].2, QuoteKind::Reported);
}

#[test]
fn the_president_is_the_person_titled_president() {
    assert_eq!(
        quotes_of(
            "U.S. President Joe Biden spoke in Kyiv. “We will stand with Ukraine,” the president said."
        ),
        [direct("We will stand with Ukraine,", "Joe Biden")]
    );
}

#[test]
fn the_press_secretary_needs_every_word_of_the_title() {
    let text = "Pentagon Press Secretary Peter Cook and Defense Secretary Ash Carter met. \
                The press secretary said the strikes continue. The secretary said that more will follow.";
    let found = quotes_of(text);
    let speakers: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
    // "the secretary" fits both; the one mentioned last before the quote.
    assert_eq!(speakers, ["Peter Cook", "Ash Carter"]);
}

#[test]
fn the_commander_is_the_person_with_that_appositive() {
    assert_eq!(
        quotes_of("The ship is led by Andrew Burns, commander of the task group. “We are ready for this,” the commander said."),
        [direct("We are ready for this,", "Andrew Burns")]
    );
}

#[test]
fn an_undescribed_title_is_unattributed() {
    assert_eq!(
        quotes_of("“The strikes will continue tomorrow,” the spokesman said."),
        [direct("The strikes will continue tomorrow,", "-")]
    );
}

#[test]
fn a_pronoun_is_the_last_named_speaker_of_the_paragraph() {
    let text = "“Al-Qaida remains committed to attacks,” Peter Cook said. He added, “We will deny them any haven.”\n\
                He added, “The coalition keeps up the pressure.”";
    assert_eq!(
        quotes_of(text),
        [
            direct("Al-Qaida remains committed to attacks,", "Peter Cook"),
            direct("We will deny them any haven.", "Peter Cook"),
            // Another paragraph: nobody named there yet.
            direct("The coalition keeps up the pressure.", "-"),
        ]
    );
}

#[test]
fn an_interrupted_quotation_keeps_its_speaker() {
    assert_eq!(
        quotes_of("“They have linked the axes of advance,” Peter Cook said. “Of course, the coalition continues to support them.”"),
        [
            direct("They have linked the axes of advance,", "Peter Cook"),
            direct("Of course, the coalition continues to support them.", "Peter Cook")
        ]
    );
}

#[test]
fn scare_quotes_and_names_in_quotes_are_not_quotations() {
    assert!(
        quotes_of("Intelligence warns of a “powerful response” from the base, also called “Q-West.”")
            .is_empty()
    );
}

#[test]
fn an_organization_spokesman_speaks_for_the_organization() {
    let found =
        quotes_of("A Foreign Office spokesman said: “The Foreign Secretary met his counterpart today.”");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1, "Foreign Office");
}

#[test]
fn it_should_be_noted_is_not_reported_speech() {
    assert!(quotes_of("It should be noted that the United Kingdom was awaiting approval.").is_empty());
}

#[test]
fn unnamed_sources_are_reported_but_unattributed() {
    assert_eq!(
        quotes_of("Officials stated that the missiles were a response to the deployment."),
        [reported("the missiles were a response to the deployment", "-")]
    );
}

#[test]
fn speakers_are_summarized_most_quoted_first_and_filter_paragraphs() {
    let text = "“We are ready for the next step,” Peter Cook said.\n\
                Ash Carter said that the talks went well.\n\
                “The strikes go on every night,” Peter Cook said.\n\
                “Nobody knows the answer yet,” the spokesman said.";
    let a = analysed(text);
    let q = a.find_quotes();
    let s = speakers(&q);
    let cook = a.entity_by_id("person-peter-cook");
    let carter = a.entity_by_id("person-ash-carter");
    assert!(cook.is_some() && carter.is_some());
    assert_eq!(
        s.iter()
            .map(|x| (x.speaker, x.quotes, x.direct))
            .collect::<Vec<_>>(),
        [(cook, 2, 2), (carter, 1, 0), (None, 1, 1)]
    );
    assert_eq!(paragraphs_quoting(&q, cook), [0, 2]);
    assert_eq!(paragraphs_quoting(&q, None), [3]);
}

#[test]
fn a_name_then_an_appositive_then_said() {
    assert_eq!(
        quotes_of("“We urge the governments of the region to act,” Jeff Rathke, the State Department spokesperson, said."),
        [direct("We urge the governments of the region to act,", "Jeff Rathke")]
    );
    assert_eq!(
        quotes_of("Paul Dewar, an Ottawa MP, said the security lapses raise serious questions."),
        [reported(
            "the security lapses raise serious questions",
            "Paul Dewar"
        )]
    );
}

#[test]
fn a_rank_the_sentence_splitter_does_not_know() {
    assert_eq!(
        quotes_of("“Working with them was enjoyable,” said Spc. Lorraine Walsh, an artillery crewmember."),
        [direct("Working with them was enjoyable,", "Lorraine Walsh")]
    );
}

#[test]
fn a_statement_introduced_by_said_colon_over_unquoted_paragraphs() {
    let text = "Minister for the Middle East Tobias Ellwood spoke today.\n\nMinister Ellwood said:\n\n\
                We are concerned by reports of ceasefire violations.\n\n\
                It is vital that all guarantors use their influence.\n\n\
                Tobias Ellwood later left for Ankara.";
    let a = analysed(text);
    let q = a.find_quotes();
    let found: Vec<(&str, bool)> = q
        .iter()
        .map(|q| (&a.article.body[q.span.clone()], q.continued))
        .collect();
    // The statement stops at the paragraph that names the speaker again.
    assert_eq!(
        found,
        [
            ("We are concerned by reports of ceasefire violations.", false),
            ("It is vital that all guarantors use their influence.", true)
        ]
    );
    let ellwood = a.entity_by_id("person-tobias-ellwood");
    assert!(ellwood.is_some() && q.iter().all(|q| q.speaker == ellwood));
}

#[test]
fn a_statement_introduced_by_said_colon_with_quote_marks() {
    let text = "Following the update, the Foreign Secretary Boris Johnson said:\n\
                “It is unacceptable that the UN has still not been given access.\n\
                “The Syrian army now claims full control of Aleppo, but this is a hollow victory.”";
    let found = quotes_of(text);
    assert_eq!(
        found,
        [
            direct(
                "It is unacceptable that the UN has still not been given access.",
                "Boris Johnson"
            ),
            direct(
                "The Syrian army now claims full control of Aleppo, but this is a hollow victory.",
                "Boris Johnson"
            )
        ]
    );
}

#[test]
fn titles_cited_with_their_source_are_not_quotations() {
    assert!(quotes_of(
        "Sources\n“Sensitive government document found on rainy Ottawa street” — CBC.ca, August 15, 2008"
    )
    .is_empty());
}

#[test]
fn according_to_a_paper_that_names_the_speaker() {
    let found = quotes_of(
        "According to the New Zealand Herald, Professor John Burrows, the chairman of the panel, said the flag has never been open to public choice.",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1, "John Burrows");
}

#[test]
fn a_quotation_inside_reported_speech_takes_its_speaker() {
    assert_eq!(
        quotes_of("Professor John Burrows also said kits would be available for schools,\" For example, schools can run their own referendums\"."),
        [direct("For example, schools can run their own referendums", "John Burrows")]
    );
}

#[test]
fn a_quotation_alone_in_the_paragraph_after_an_attributed_one() {
    let text = "“Had it happened an hour later it would have been much worse,” Maria Lopez said.\n\
                “Had it happened earlier, I think the toll would have been higher.”";
    assert_eq!(
        quotes_of(text),
        [
            direct(
                "Had it happened an hour later it would have been much worse,",
                "Maria Lopez"
            ),
            direct(
                "Had it happened earlier, I think the toll would have been higher.",
                "Maria Lopez"
            )
        ]
    );
}

#[test]
fn the_release_is_the_organization_that_issued_it() {
    let text = "Ash Carter met Haider al-Abadi, according to a Defense Department news release.\n\
                The meeting focused on the campaign, the release said.";
    let found = quotes_of(text);
    let speakers: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(speakers, ["Defense Department", "Defense Department"]);
}

#[test]
fn announced_with_a_noun_is_not_reported_speech() {
    assert!(
        quotes_of("On Tuesday, the New Zealand government announced the start of a public process.")
            .is_empty()
    );
}

#[test]
fn the_index_words_give_the_same_quotes_as_segmenting_again() {
    for seed in [
        include_str!("../../../seeds/001_carter-abadi-mosul.txt"),
        include_str!("../../../seeds/003_task-force-50.txt"),
    ] {
        let a = analysed(seed);
        assert_eq!(
            a.find_quotes(),
            find(&a.article.body, &a.article.paragraphs, &a.entities)
        );
        assert!(!a.find_quotes().is_empty());
    }
}
