//! The timeline on written articles, one test per date form.

use super::*;
use crate::document::Article;

fn analysed(raw: &str) -> Analysis {
    Analysis::new(Article::parse("t.txt", raw))
}

/// An article dated Sunday 17 November 2024 in its front matter.
fn dated(body: &str) -> Analysis {
    analysed(&format!("---\ndate: 2024-11-17\n---\n{body}"))
}

/// (expression, datetime) of every point, in the timeline's order.
fn points(a: &Analysis) -> Vec<(String, String)> {
    let t = a.find_timeline();
    t.points
        .iter()
        .map(|x| (a.article.body[x.span.clone()].to_string(), x.datetime.clone()))
        .collect()
}

fn point_of(a: &Analysis, expression: &str) -> String {
    let all = points(a);
    all.iter()
        .find(|(e, _)| e == expression)
        .map(|(_, d)| d.clone())
        .unwrap_or_else(|| panic!("{expression:?} not among the points {all:?}"))
}

#[test]
fn weekday_on_friday_in_an_article_dated_sunday() {
    let a = dated("Ukraine struck the depot on Friday, officials said.");
    assert_eq!(point_of(&a, "Friday"), "2024-11-15");
}

#[test]
fn weekday_in_a_sentence_about_the_future() {
    let a = dated("The ministers will meet again on Tuesday.");
    assert_eq!(point_of(&a, "Tuesday"), "2024-11-19");
}

#[test]
fn yesterday_today_tomorrow() {
    let a = dated("The talks ended yesterday. A vote is due today. Results come tomorrow.");
    assert_eq!(point_of(&a, "yesterday"), "2024-11-16");
    assert_eq!(point_of(&a, "today"), "2024-11-17");
    assert_eq!(point_of(&a, "tomorrow"), "2024-11-18");
}

#[test]
fn last_year_last_month_last_week() {
    let a = dated("Prices rose last year, fell last month and held last week.");
    assert_eq!(point_of(&a, "last year"), "2023");
    assert_eq!(point_of(&a, "last month"), "2024-10");
    assert_eq!(point_of(&a, "last week"), "2024-W45");
}

#[test]
fn two_weeks_ago() {
    let a = dated("The convoy left two weeks ago.");
    assert_eq!(point_of(&a, "two weeks ago"), "2024-W44");
    assert_eq!(a.find_timeline().points[0].precision, Some(Precision::Week));
}

#[test]
fn month_and_day_without_a_year() {
    let a = dated("Voters went to the polls on Nov. 5. The ship joined on Dec. 27.");
    assert_eq!(point_of(&a, "Nov. 5"), "2024-11-05");
    // A past sentence: the December before the article, not the one after.
    assert_eq!(point_of(&a, "Dec. 27"), "2023-12-27");
}

#[test]
fn in_march_a_month_named_alone() {
    let a = dated("The plan was drafted in March and signed in May.");
    assert_eq!(point_of(&a, "March"), "2024-03");
    assert_eq!(point_of(&a, "May"), "2024-05");
}

#[test]
fn may_the_verb_is_no_date() {
    let a = dated("Biden may allow it. You may go.");
    assert!(a.find_timeline().in_text_order().is_empty());
}

#[test]
fn years_and_decades() {
    let a = dated("The dam was built in 1986 and rebuilt in the 1990s.");
    assert_eq!(point_of(&a, "1986"), "1986");
    assert_eq!(point_of(&a, "1990s"), "1990");
    let t = a.find_timeline();
    assert_eq!(t.points[1].precision, Some(Precision::Decade));
}

#[test]
fn iso_dates() {
    let a = analysed("The order was signed on 2024-11-17 in Washington.");
    assert_eq!(point_of(&a, "2024-11-17"), "2024-11-17");
}

#[test]
fn day_month_year_and_month_day_year() {
    let a = analysed("It began on 17 November 2024 and ended on March 3, 2025, after a truce in May 2022.");
    assert_eq!(
        points(&a),
        [
            ("May 2022".to_string(), "2022-05".to_string()),
            ("17 November 2024".to_string(), "2024-11-17".to_string()),
            ("March 3, 2025".to_string(), "2025-03-03".to_string()),
        ]
    );
}

#[test]
fn mid_early_and_late_years() {
    let a = dated("Work stopped in mid-2023, resumed early next year and ended late last year.");
    let t = a.find_timeline();
    let found: Vec<(&str, &str, Option<Qualifier>)> = t
        .points
        .iter()
        .map(|x| (&a.article.body[x.span.clone()], x.datetime.as_str(), x.qualifier))
        .collect();
    assert_eq!(
        found,
        [
            ("mid-2023", "2023", Some(Qualifier::Mid)),
            ("late last year", "2023", Some(Qualifier::Late)),
            ("early next year", "2025", Some(Qualifier::Early)),
        ]
    );
}

#[test]
fn durations_are_kept_apart_from_points() {
    let a =
        dated("The siege lasted two months. He served for three years, 18 months of them abroad, on Friday.");
    let t = a.find_timeline();
    let durations: Vec<(&str, &str)> = t
        .durations
        .iter()
        .map(|x| (&a.article.body[x.span.clone()], x.datetime.as_str()))
        .collect();
    assert_eq!(
        durations,
        [
            ("two months", "P2M"),
            ("three years", "P3Y"),
            ("18 months", "P18M")
        ]
    );
    assert_eq!(points(&a), [("Friday".to_string(), "2024-11-15".to_string())]);
}

#[test]
fn relative_expressions_stay_relative_without_an_article_date() {
    let a =
        analysed("The attack came on Friday, two weeks ago, after a lull last year. It resumed yesterday.");
    let t = a.find_timeline();
    assert!(t.anchor.is_none());
    assert!(t.points.is_empty(), "{:?}", t.points);
    let unplaced: Vec<&str> = t
        .unplaced
        .iter()
        .map(|x| &a.article.body[x.span.clone()])
        .collect();
    assert_eq!(unplaced, ["Friday", "two weeks ago", "last year", "yesterday"]);
    assert!(t
        .unplaced
        .iter()
        .all(|x| x.kind == TimeKind::Unplaced && x.datetime.is_empty()));
}

#[test]
fn a_yearless_date_without_an_article_date_keeps_its_month_and_day() {
    let a = analysed("The frigate joined the task force on Dec. 27.");
    let t = a.find_timeline();
    assert_eq!(t.unplaced.len(), 1);
    assert_eq!(t.unplaced[0].datetime, "12-27");
}

#[test]
fn dateline_alone_on_a_line_dates_the_article() {
    let a = analysed("Rescue at sea\nMonday, May 18, 2015\nOn Friday, fishermen rescued hundreds of people.");
    let t = a.find_timeline();
    let anchor = t.anchor.clone().expect("a dateline");
    assert_eq!(anchor.datetime, "2015-05-18");
    assert_eq!(anchor.source, AnchorSource::Dateline);
    assert_eq!(point_of(&a, "Friday"), "2015-05-15");
}

#[test]
fn dateline_before_a_dash() {
    let a = analysed("WASHINGTON, Nov. 17, 2024 — The president spoke yesterday.");
    assert_eq!(
        a.find_timeline().anchor.map(|x| x.datetime).as_deref(),
        Some("2024-11-17")
    );
    assert_eq!(point_of(&a, "yesterday"), "2024-11-16");
}

#[test]
fn front_matter_dates_in_other_spellings() {
    for date in [
        "November 17, 2024",
        "17 Nov 2024",
        "2024-11-17T08:00:00Z",
        "Sun, 17 Nov 2024 08:00:00 +0000",
    ] {
        let a = analysed(&format!("---\ndate: {date}\n---\nIt happened yesterday."));
        assert_eq!(point_of(&a, "yesterday"), "2024-11-16", "{date}");
    }
    // A month is not a day: relative expressions stay relative.
    let a = analysed("---\ndate: 2024-11\n---\nIt happened yesterday.");
    assert!(a.find_timeline().anchor.is_none());
}

#[test]
fn time_of_day_joins_the_day_of_its_sentence() {
    let a = analysed("The strike hit on 17 November 2024 at 10:30 a.m. The next came at 5 p.m.");
    assert_eq!(point_of(&a, "10:30 a.m."), "2024-11-17T10:30");
    let t = a.find_timeline();
    assert_eq!(t.unplaced.len(), 1);
    assert_eq!(t.unplaced[0].datetime, "17:00");
    assert_eq!(t.unplaced[0].precision, Some(Precision::Time));
}

#[test]
fn each_expression_carries_its_sentence_and_paragraph() {
    let a = dated("First paragraph.\nThe vote was held on Friday. Nothing else.");
    let t = a.find_timeline();
    let x = &t.points[0];
    assert_eq!(x.paragraph, 1);
    assert_eq!(
        &a.article.body[x.sentence.clone()],
        "The vote was held on Friday."
    );
}

#[test]
fn points_are_in_chronological_order_coarser_first() {
    let a = dated(
        "On Friday it rained. In 2024 there were floods. On 1 January 2024 the dam broke. In 1990 too.",
    );
    let order: Vec<String> = points(&a).into_iter().map(|x| x.1).collect();
    assert_eq!(order, ["1990", "2024", "2024-01-01", "2024-11-15"]);
}

#[test]
fn a_range_of_days_starts_on_its_first() {
    let a = analysed("The exercise ran October 25-26, 2016, near Amman.");
    assert_eq!(point_of(&a, "October 25-26, 2016"), "2016-10-25");
}

#[test]
fn a_weekday_joins_the_date_after_it() {
    let a = dated("On Monday 19 December the council adopted the resolution.");
    assert_eq!(point_of(&a, "Monday 19 December"), "2023-12-19");
}

#[test]
fn an_hour_later_is_relative_to_the_story_not_the_article() {
    let a = dated("Had it happened an hour later it would have been worse; a year ago it did.");
    let t = a.find_timeline();
    let unplaced: Vec<&str> = t
        .unplaced
        .iter()
        .map(|x| &a.article.body[x.span.clone()])
        .collect();
    assert_eq!(unplaced, ["an hour later"]);
    assert_eq!(point_of(&a, "a year ago"), "2023");
}

#[test]
fn hyphenated_durations_but_not_ages() {
    let a = dated("After an 11-year lull, an 18-year-old began a two-day visit.");
    let t = a.find_timeline();
    let durations: Vec<(&str, &str)> = t
        .durations
        .iter()
        .map(|x| (&a.article.body[x.span.clone()], x.datetime.as_str()))
        .collect();
    assert_eq!(durations, [("11-year", "P11Y"), ("two-day", "P2D")]);
}

#[test]
fn a_date_is_placed_by_the_tense_near_it() {
    let a = dated("The broadcasts began on August 10 and the South says they will continue. The vote is to be held from November 20.");
    assert_eq!(point_of(&a, "August 10"), "2024-08-10");
    assert_eq!(point_of(&a, "November 20"), "2024-11-20");
}

#[test]
fn the_index_words_give_the_same_timeline_as_segmenting_again() {
    let a = dated(
        "It began in March 2023, ran for two years, stopped on 2024-11-17 and resumed in May, an hour later.",
    );
    let fresh = timeline(
        &a.article.body,
        &a.article.paragraphs,
        &a.entities,
        a.article.meta.date.as_deref(),
    );
    assert_eq!(a.find_timeline(), fresh);
    assert!(fresh.points.len() >= 3);
}
