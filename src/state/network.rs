//! The co-occurrence network's settings (in the URL) and its drawing,
//! computed only while it is open.

use article_analysis::cooccurrence::{self, Network, Unit};
use article_analysis::layout::{self, Frame, Point};
use article_analysis::Analysis;
use leptos::prelude::*;

use super::Shared;
use crate::url_state::UrlState;

/// The network's drawing area (SVG user units; the SVG scales).
pub const NETWORK_FRAME: Frame = Frame {
    width: 720.0,
    height: 460.0,
    margin: 46.0,
};

/// A network with positions for drawing it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drawn {
    /// The network.
    pub network: Network,
    /// One position per node.
    pub points: Vec<Point>,
}

/// The network context.
#[derive(Clone, Copy)]
pub struct NetworkSettings {
    /// The network is open.
    pub open: RwSignal<bool>,
    /// What "together" means.
    pub unit: RwSignal<Unit>,
    /// How many entities it shows.
    pub top: RwSignal<usize>,
    /// How often two entities must appear together to be linked.
    pub min_links: RwSignal<usize>,
    /// The network and its layout (empty while closed).
    pub drawn: Memo<Shared<Drawn>>,
}

impl NetworkSettings {
    /// The settings from the URL, drawn from `analysis`.
    pub fn new(url: &UrlState, analysis: Memo<Shared<Analysis>>) -> NetworkSettings {
        let open = RwSignal::new(url.network);
        let unit = RwSignal::new(url.unit);
        let top = RwSignal::new(url.top);
        let min_links = RwSignal::new(url.min_links);
        // Which entities each sentence (or paragraph) mentions: the costly
        // part on a long text, computed once per article and unit.
        let units = Memo::new(move |_| {
            if !open.get() {
                return Shared::new(Vec::new());
            }
            Shared::new(cooccurrence::units(&analysis.get(), unit.get()))
        });
        let drawn = Memo::new(move |_| {
            if !open.get() {
                return Shared::new(Drawn::default());
            }
            let a = analysis.get();
            let network = cooccurrence::network_of_units(&a, &units.get(), top.get(), min_links.get());
            let edges: Vec<(usize, usize, f64)> =
                network.edges.iter().map(|e| (e.a, e.b, e.count as f64)).collect();
            let points = layout::layout(network.nodes.len(), &edges, NETWORK_FRAME);
            Shared::new(Drawn { network, points })
        });
        NetworkSettings {
            open,
            unit,
            top,
            min_links,
            drawn,
        }
    }

    /// Writes its part of the URL.
    pub fn to_url(&self, url: &mut UrlState) {
        url.network = self.open.get();
        url.unit = self.unit.get();
        url.top = self.top.get();
        url.min_links = self.min_links.get();
    }
}
