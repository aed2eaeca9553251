//! Times the analysis of a text file, stage by stage:
//! `cargo run --release -p article-analysis --example analyse_file -- FILE`
use std::time::Instant;

use article_analysis::cooccurrence::{self, Unit};
use article_analysis::layout::{self, Frame};
use article_analysis::{entities, search::Index, Analysis, Article};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: analyse_file FILE");
        std::process::exit(2);
    };
    let raw = match std::fs::read(&path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let t = Instant::now();
    let _ = entities::gazetteer::gazetteer();
    let lists = t.elapsed();
    let t = Instant::now();
    let _ = entities::tagger::model();
    println!("start-up: word lists {lists:?}, model {:?}", t.elapsed());
    let t = Instant::now();
    let article = Article::parse(&path, &raw);
    let parse = t.elapsed();
    let t = Instant::now();
    let index = Index::build(&article.body, &article.passages());
    let index_time = t.elapsed();
    let t = Instant::now();
    let ents = entities::extract(&article.body);
    let ent_time = t.elapsed();
    let t = Instant::now();
    let a = Analysis::new(article);
    let total = t.elapsed();
    println!(
        "{} bytes, {} paragraphs, {} tokens, {} entities, {} mentions",
        raw.len(),
        a.article.paragraphs.len(),
        index.token_count(),
        ents.entities.len(),
        ents.mentions.len()
    );
    println!("parse+segment {parse:?}, index {index_time:?}, entities {ent_time:?}, Analysis::new {total:?}");
    for q in std::env::args().skip(2) {
        let t = Instant::now();
        let v = a.view(&article_analysis::search::Query::parse(&q), &[], false);
        println!(
            "view {q:?}: {} matches, {} passages in {:?}",
            v.matches.len(),
            v.passages.len(),
            t.elapsed()
        );
    }
    for unit in [Unit::Sentence, Unit::Paragraph] {
        let t = Instant::now();
        let units = cooccurrence::units(&a, unit);
        let units_time = t.elapsed();
        for top in [40, 150] {
            let t = Instant::now();
            let net = cooccurrence::network_of_units(&a, &units, top, 1);
            let net_time = t.elapsed();
            let edges: Vec<_> = net.edges.iter().map(|e| (e.a, e.b, e.count as f64)).collect();
            let t = Instant::now();
            let frame = Frame {
                width: 720.0,
                height: 460.0,
                margin: 46.0,
            };
            let _ = layout::layout(net.nodes.len(), &edges, frame);
            println!(
                "network by {}: units {units_time:?}, top {top}: {} edges in {net_time:?}, layout {:?}",
                unit.as_str(),
                net.edges.len(),
                t.elapsed()
            );
        }
    }
}
