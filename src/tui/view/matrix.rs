//! The `m` similarity map: a heat-map grid of outlets against outlets, a cursor,
//! and the cursor's pair described below (similarity, wire copy).

use super::sidebar::SPINNER;
use crate::compare::matrix::Matrix;
use crate::compare::matrix::reuse::{DERIVED_SHARE, PARTLY_DERIVED_SHARE};
use crate::present::count;
use crate::present::{
    display, fit, heat_level, pad_end, pad_start, reuse_mark, short_names, width,
};
use crate::tui::analysis::AnalysisKind;
use crate::tui::app::App;
use crate::tui::articles::ArticleId;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Columns of one cell: a space, the shade mark, the percentage (4), the wire mark.
const CELL: usize = 7;
/// Widest row label (outlet name).
const LABEL_MAX: usize = 18;
/// Rows under the grid: a gap, the cursor's pair, its wire copy, the legend (with
/// room to wrap).
const FOOTER_ROWS: u16 = 6;
/// Narrowest popup, so the lines under the grid read whole.
const MIN_WIDTH: usize = 110;

/// The mark of a pair's wire-copy verdict.
fn wire_mark(matrix: &Matrix, a: usize, b: usize) -> char {
    reuse_mark(matrix.top_pair(a, b).map(|t| t.reuse.verdict))
}

/// Draws the map with the cursor on `(row, col)`.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect, cursor: (usize, usize)) {
    // As large as the grid needs (and the footer reads), within the screen.
    let n = app
        .matrix()
        .map_or(app.articles.len(), |(_, ids)| ids.len());
    let wanted = (
        u16::try_from((LABEL_MAX + 1 + CELL * n + 2).max(MIN_WIDTH)).unwrap_or(u16::MAX),
        u16::try_from(n + 1 + usize::from(FOOTER_ROWS) + 3).unwrap_or(u16::MAX),
    );
    let inner = super::popup(
        frame,
        app,
        area,
        (
            wanted.0.min(area.width.saturating_sub(4)),
            wanted.1.min(area.height.saturating_sub(2)),
        ),
        &format!(
            "Similarity map · {}arrows/hjkl move · Enter opens the pair · Esc closes",
            app.overview_label()
        ),
    );
    let Some((matrix, ids)) = app.matrix() else {
        let text = if app.corpus_pending(AnalysisKind::Matrix) {
            format!(
                " {} comparing every pair…",
                SPINNER[app.ui.tick % SPINNER.len()]
            )
        } else {
            " no map".to_string()
        };
        frame.render_widget(Paragraph::new(text), inner);
        return;
    };
    let footer = FOOTER_ROWS.min(inner.height / 2);
    let grid = Rect::new(inner.x, inner.y, inner.width, inner.height - footer);
    let outlets: Vec<&str> = ids.iter().map(|&id| outlet(app, id)).collect();
    frame.render_widget(
        Paragraph::new(grid_lines(app, matrix, &outlets, grid, cursor)),
        grid,
    );
    // The first footer row stays blank, between the grid and the text.
    let below = Rect::new(
        inner.x,
        grid.y + grid.height + 1,
        inner.width,
        footer.saturating_sub(1),
    );
    frame.render_widget(
        Paragraph::new(footer_lines(app, matrix, &outlets, cursor)).wrap(Wrap { trim: false }),
        below,
    );
}

/// The first index shown so that `cursor` is among `visible` items of `len`.
fn first_shown(cursor: usize, visible: usize, len: usize) -> usize {
    cursor
        .saturating_sub(visible.saturating_sub(1))
        .min(len.saturating_sub(visible))
}

/// The outlet of article `id`.
fn outlet(app: &App, id: ArticleId) -> &str {
    app.articles
        .article(id)
        .map_or("", |a| a.meta.outlet.as_str())
}

/// Header row and one row per outlet (of the map's rows, in order), scrolled to keep
/// the cursor in view.
fn grid_lines<'a>(
    app: &App,
    matrix: &Matrix,
    outlets: &[&str],
    grid: Rect,
    cursor: (usize, usize),
) -> Vec<Line<'a>> {
    let theme = &app.theme;
    let n = outlets.len().min(matrix.len);
    let label = outlets
        .iter()
        .map(|o| width(o))
        .max()
        .unwrap_or(0)
        .clamp(4, LABEL_MAX);
    let cols = (usize::from(grid.width).saturating_sub(label + 1) / CELL).max(1);
    let rows = usize::from(grid.height).saturating_sub(1).max(1);
    let first_col = first_shown(cursor.1, cols, n);
    let first_row = first_shown(cursor.0, rows, n);
    let col_range = first_col..(first_col + cols).min(n);
    let names = short_names(outlets, CELL - 1);
    let mut header = vec![Span::raw(" ".repeat(label + 1))];
    for c in col_range.clone() {
        let name = names.get(c).map_or("", String::as_str);
        let style = if c == cursor.1 {
            theme.title
        } else {
            theme.dim
        };
        header.push(Span::styled(pad_start(name, CELL), style));
    }
    let mut lines = vec![Line::from(header)];
    for r in first_row..(first_row + rows).min(n) {
        let name = fit(outlets.get(r).copied().unwrap_or(""), label);
        let style = if r == cursor.0 {
            theme.title
        } else {
            theme.dim
        };
        let mut spans = vec![Span::styled(pad_end(&name, label + 1), style)];
        for c in col_range.clone() {
            let text = if r == c {
                format!("{:>CELL$}", "·  ")
            } else {
                let similarity = matrix.similarity(r, c);
                let level = heat_level(similarity);
                let shade = theme.heat_marks.get(level).copied().unwrap_or(' ');
                format!(
                    " {shade}{:>3.0}%{}",
                    similarity * 100.0,
                    wire_mark(matrix, r, c)
                )
            };
            let level = if r == c {
                0
            } else {
                heat_level(matrix.similarity(r, c))
            };
            let mut style = theme.heat.get(level).copied().unwrap_or(theme.text);
            if (r, c) == cursor {
                style = style.patch(theme.cursor).add_modifier(Modifier::BOLD);
            }
            spans.push(Span::styled(text, style));
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// The cursor's pair (similarity, containment, wire copy) and the legend.
fn footer_lines<'a>(
    app: &App,
    matrix: &Matrix,
    outlets: &[&str],
    (row, col): (usize, usize),
) -> Vec<Line<'a>> {
    let theme = &app.theme;
    let outlet = |i: usize| display(outlets.get(i).copied().unwrap_or("")).into_owned();
    let mut lines = Vec::new();
    if row == col {
        lines.push(Line::styled(
            format!(" {} — move off the diagonal to pick a pair", outlet(row)),
            theme.title,
        ));
        lines.push(Line::raw(""));
    } else {
        let score = matrix
            .pairs
            .iter()
            .find(|p| (p.left, p.right) == (row.min(col), row.max(col)));
        lines.push(Line::from(vec![
            Span::styled(format!(" {} ↔ {}", outlet(row), outlet(col)), theme.title),
            Span::raw(format!(
                " · {:.0}% similar · containment {:.0}%",
                matrix.similarity(row, col) * 100.0,
                score.map_or(0.0, |s| s.containment) * 100.0
            )),
        ]));
        let wire = match matrix.top_pair(row, col) {
            Some(top) => {
                let (first, second) = if top.score.left == row {
                    (top.reuse.shares.left, top.reuse.shares.right)
                } else {
                    (top.reuse.shares.right, top.reuse.shares.left)
                };
                format!(
                    " wire copy: {} · reused unquoted text: {:.0}% of {}, {:.0}% of {} · {}",
                    top.reuse.verdict.label().replace('_', " "),
                    first * 100.0,
                    outlet(row),
                    second * 100.0,
                    outlet(col),
                    count(top.reuse.passages.len(), "passage")
                )
            }
            None => " wire copy: not among the closest pairs, not analysed".to_string(),
        };
        lines.push(Line::raw(wire));
    }
    lines.push(Line::styled(
        format!(
            " shade: similarity · * derived (≥{:.0}% of one's unquoted text reused) · + partly derived (≥{:.0}%)",
            DERIVED_SHARE * 100.0,
            PARTLY_DERIVED_SHARE * 100.0
        ),
        theme.dim,
    ));
    lines
}
