//! `y`/`Y`: the current shared quote with its citation, to the terminal's clipboard.

use super::{App, Effect, Focus};
use crate::pair::Side;
use crate::present::layers::numbered_quotes;
use crate::present::{Source, citation};

impl App {
    /// Copies shared quote the last `]`/`[` or quote list brought the panes to:
    /// the focused side's words (the left's from the sidebar), or `both` sides.
    pub(super) fn copy_quote(&mut self, both: bool) {
        let Some(index) = self.selection.quote else {
            self.ui.message =
                Some("no quote chosen: ] or Q brings one up, then y copies it".into());
            return;
        };
        let Some(comparison) = self.comparison() else {
            return;
        };
        let Some(quote) = numbered_quotes(comparison)
            .get(index)
            .and_then(|&i| comparison.shared_quotes.get(i))
        else {
            return;
        };
        let sides = match (both, self.selection.focus) {
            (true, _) => vec![Side::Left, Side::Right],
            (false, Focus::Pane(side)) => vec![side],
            (false, _) => vec![Side::Left],
        };
        let cited: Vec<String> = sides
            .into_iter()
            .filter_map(|side| {
                let article = self.article(side)?;
                let words = article.clean.get(quote.spans[side].clone())?;
                let source = Source {
                    speaker: quote.speakers[side].as_deref().or(quote.speaker.as_deref()),
                    outlet: &article.meta.outlet,
                    date: article.meta.date.as_deref(),
                    url: article.meta.url.as_deref(),
                };
                Some(citation(words, &source))
            })
            .collect();
        let what = if both { "both sides of quote" } else { "quote" };
        self.ui.message = Some(format!(
            "copied {what} [{}] to the clipboard (OSC 52)",
            index + 1
        ));
        self.effects.push(Effect::Copy(cited.join("\n")));
    }
}
