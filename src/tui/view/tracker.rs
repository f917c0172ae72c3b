//! The `t` quote tracker: quote groups (most carried first) with one mark per
//! outlet, and a group's carriers with their own words.

use super::sidebar::SPINNER;
use crate::compare::quotes::{QuoteGroup, Status};
use crate::present::{
    CONFLICT, display, fit, one_line, quoted, status_label, status_mark, width, wrap,
};
use crate::tui::analysis::AnalysisKind;
use crate::tui::app::{App, Carriers};
use crate::tui::articles::ArticleId;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Most outlet marks drawn in a row; more are summed up as `+n`.
const MAX_MARKS: usize = 30;
/// Widest the popup gets.
const MAX_WIDTH: u16 = 140;
/// Rows of the list besides the groups: borders, header, a gap, two legend lines.
const LIST_CHROME: usize = 6;
/// Columns before a carrier's words.
const CARRIER_INDENT: usize = 5;
/// Draws the tracker: the list, or the carriers of group `selected` when `detail` is set.
pub fn draw(
    frame: &mut Frame<'_>,
    app: &App,
    area: Rect,
    selected: usize,
    detail: Option<Carriers>,
) {
    let title = if detail.is_some() {
        "Quote carriers · j/k move · Space picks two · p opens them · Esc back".to_string()
    } else {
        format!(
            "Quote tracker · {}Enter shows carriers · p opens two · Esc closes",
            app.overview_label()
        )
    };
    // The list takes the rows it needs (header, groups, legend); carriers the full height.
    let rows = match (detail, app.quote_groups()) {
        (None, Some((groups, _))) => groups.len().max(1) + LIST_CHROME,
        _ => usize::from(area.height),
    };
    // `popup` keeps it inside the screen.
    let inner = super::popup(
        frame,
        app,
        area,
        (MAX_WIDTH, u16::try_from(rows).unwrap_or(u16::MAX)),
        &title,
    );
    let Some((groups, ids)) = app.quote_groups() else {
        let text = if app.corpus_pending(AnalysisKind::Tracker) {
            format!(" {} grouping quotes…", SPINNER[app.ui.tick % SPINNER.len()])
        } else {
            " no tracker".to_string()
        };
        frame.render_widget(Paragraph::new(text), inner);
        return;
    };
    if groups.is_empty() {
        frame.render_widget(
            Paragraph::new(" no quote is carried by two articles"),
            inner,
        );
        return;
    }
    let lines = match (detail, groups.get(selected)) {
        (Some(carriers), Some(group)) => carrier_lines(app, ids, group, carriers, inner),
        _ => list_lines(app, ids, groups, selected, inner),
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Outlet numbers over the marks, the groups, and the legend; `ids` are the
/// articles the groups' article indices name.
fn list_lines<'a>(
    app: &App,
    ids: &[ArticleId],
    groups: &[QuoteGroup],
    selected: usize,
    inner: Rect,
) -> Vec<Line<'a>> {
    let theme = &app.theme;
    let n = ids.len();
    let shown = n.min(MAX_MARKS);
    let legend = legend(app, ids, usize::from(inner.width));
    let rows = usize::from(inner.height)
        .saturating_sub(2 + legend.len())
        .max(1);
    let first = selected.saturating_sub(rows - 1);
    let room = usize::from(inner.width);
    let header: String = (1..=shown).map(digit).collect();
    let mut lines = vec![Line::styled(format!(" {header}"), theme.dim)];
    for (i, group) in groups.iter().enumerate().skip(first).take(rows) {
        let marks: String = (0..shown).map(|a| status_mark(group.status(a))).collect();
        let more = if n > shown { "+" } else { "" };
        let head = format!(" {marks}{more} {:>2}/{n} ", group.articles());
        let conflict = if group.conflict {
            format!("{CONFLICT} ")
        } else {
            "  ".to_string()
        };
        let speaker = group
            .speaker
            .as_deref()
            .map(|s| format!(" — {}", display(s)))
            .unwrap_or_default();
        let text_room = room.saturating_sub(width(&head) + width(&conflict) + width(&speaker));
        let text = fit(&quoted(&one_line(&group.text)), text_room);
        let pad = text_room.saturating_sub(width(&text));
        let line = Line::from(vec![
            Span::styled(head, theme.key),
            Span::styled(conflict, theme.warning),
            Span::styled(text, theme.quote_exact),
            Span::raw(" ".repeat(pad)),
            Span::styled(speaker, theme.dim),
        ]);
        lines.push(if i == selected {
            line.style(theme.cursor)
        } else {
            line
        });
    }
    while lines.len() < usize::from(inner.height).saturating_sub(legend.len()) {
        lines.push(Line::raw(""));
    }
    lines.extend(legend);
    lines
}

/// The column label of outlet number `i` (1-based): its last digit.
fn digit(i: usize) -> char {
    char::from_digit(u32::try_from(i % 10).unwrap_or(0), 10).unwrap_or(' ')
}

/// What the marks mean and which number is which outlet.
fn legend<'a>(app: &App, ids: &[ArticleId], room: usize) -> Vec<Line<'a>> {
    let theme = &app.theme;
    let outlets: Vec<String> = ids
        .iter()
        .take(MAX_MARKS)
        .enumerate()
        .map(|(i, &id)| format!("{} {}", i + 1, outlet(app, id)))
        .collect();
    vec![
        Line::styled(
            fit(
                &format!(
                    " {} exact  {} variant/partial  {} paraphrase  {} absent  {CONFLICT} credited to different speakers",
                    status_mark(Status::Exact),
                    status_mark(Status::Variant),
                    status_mark(Status::Paraphrase),
                    status_mark(Status::Absent)
                ),
                room,
            ),
            theme.dim,
        ),
        Line::styled(fit(&format!(" {}", outlets.join(" · ")), room), theme.dim),
    ]
}

/// The group's quote and speakers, then each carrier: mark, outlet, status,
/// speaker, its words and the words that differ. Scrolled to the cursor.
fn carrier_lines<'a>(
    app: &App,
    ids: &[ArticleId],
    group: &QuoteGroup,
    carriers: Carriers,
    inner: Rect,
) -> Vec<Line<'a>> {
    let theme = &app.theme;
    // Carrier words are indented by CARRIER_INDENT columns.
    let room = usize::from(inner.width)
        .saturating_sub(CARRIER_INDENT + 1)
        .max(10);
    let mut head: Vec<Line<'a>> = wrap(&quoted(&one_line(&group.text)), room)
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), theme.quote_exact))
        .collect();
    if group.conflict {
        let credits: Vec<String> = group
            .speakers
            .iter()
            .map(|c| {
                let outlets: Vec<String> = c
                    .articles
                    .iter()
                    .filter_map(|&a| ids.get(a))
                    .map(|&id| outlet(app, id))
                    .collect();
                format!("{} ({})", c.speaker, outlets.join(", "))
            })
            .collect();
        head.push(Line::styled(
            fit(
                &display(&format!(" {CONFLICT} credited to {}", credits.join(" vs "))),
                room,
            ),
            theme.warning,
        ));
    }
    head.push(Line::raw(""));
    let mut body: Vec<Line<'a>> = Vec::new();
    let mut cursor_line = 0;
    for (i, o) in group.occurrences.iter().enumerate() {
        if i == carriers.cursor {
            cursor_line = body.len();
        }
        let pick = match carriers.picks.iter().position(|p| *p == Some(i)) {
            Some(k) => format!("[{}]", k + 1),
            None => "   ".to_string(),
        };
        let speaker = o.speaker.as_deref().map(display).unwrap_or_default();
        let title = format!(
            " {pick} {} {:<18} {:<10} {speaker}",
            status_mark(o.status),
            fit(
                &ids.get(o.article)
                    .map_or_else(String::new, |&id| outlet(app, id)),
                18
            ),
            status_label(o.status)
        );
        let title = Line::styled(title, theme.title);
        body.push(if i == carriers.cursor {
            title.style(theme.cursor)
        } else {
            title
        });
        let words = ids
            .get(o.article)
            .and_then(|&id| app.articles.article(id))
            .and_then(|a| a.clean.get(o.span.clone()))
            .unwrap_or("");
        for l in wrap(&one_line(words), room) {
            body.push(Line::raw(format!("{:CARRIER_INDENT$}{l}", "")));
        }
        if !o.differences.is_empty() {
            let diffs: Vec<String> = o
                .differences
                .iter()
                .map(|d| match (d.left.is_empty(), d.right.is_empty()) {
                    (true, _) => format!("+{}", quoted(&d.right)),
                    (_, true) => format!("−{}", quoted(&d.left)),
                    _ => format!("{} → {}", quoted(&d.left), quoted(&d.right)),
                })
                .collect();
            body.push(Line::styled(
                fit(
                    &display(&format!("     differs: {}", diffs.join(" · "))),
                    room + 4,
                ),
                theme.diff_insert,
            ));
        }
    }
    let rows = usize::from(inner.height).saturating_sub(head.len()).max(1);
    let skip = cursor_line.saturating_sub(rows / 3);
    head.extend(body.into_iter().skip(skip));
    head
}

fn outlet(app: &App, id: ArticleId) -> String {
    app.articles
        .article(id)
        .map_or_else(String::new, |a| display(&a.meta.outlet).into_owned())
}
