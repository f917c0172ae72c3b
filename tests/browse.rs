//! The one-article view (`v`): screens at 80×24 and 200×50, the article's own
//! quotations (`Q`) with who else carries them, `J`/`K`, and closing back to the pair.

#![allow(clippy::unwrap_used)]

#[path = "support/reader.rs"]
mod reader;

use crosscheck::corpus::Article;
use crosscheck::pair::Side;
use crosscheck::tui::action::Action;
use crosscheck::tui::app::{App, Focus};
use crosscheck::tui::theme::Theme;
use reader::{app_of, press_settled, render, screen, type_text};

const HERALD: &str = "The harbour board voted on Tuesday to close the old ferry pier for \
repairs that engineers say cannot wait another winter.\n\n\
\"We cannot put a single passenger on a pier we cannot trust,\" said board chair Miriam \
Osei, who called the vote the hardest of her term.\n\n\
Ferry users gathered outside the meeting hall. \"Nobody asked the people who ride it \
every day,\" said Tomas Brand, a commuter from Ostby.\n\n\
The repairs will take most of the summer, and a temporary landing will open at the \
fish market by June.";

const COURIER: &str = "Night ferries across the bay stop next week after the harbour \
board voted to shut the old pier.\n\n\
\"We cannot put a single passenger on a pier we cannot trust,\" board chair Miriam Osei \
told reporters.\n\n\
The board expects the work to last until August.";

const ALMANAC: &str = "Goat farmers from eleven villages crowded the meadow for the \
spring cheese fair, where a smoked wheel took the top prize.\n\n\
\"It is the best year we have had,\" said organiser Lena Voss.";

/// An article dated 2026-03-09 with a URL and two authors, for the view's header.
fn article(id: &str, outlet: &str, title: &str, text: &str) -> Article {
    let mut article = reader::article(id, outlet, title, text);
    article.meta.date = Some("2026-03-09".into());
    article.meta.url = Some(format!("https://example.org/{id}"));
    article.meta.authors = vec!["Ada Quill".into(), "Per Holm".into()];
    article
}

fn app(w: u16, h: u16) -> App {
    app_of(
        vec![
            article(
                "herald",
                "Harbour Herald",
                "Ferry pier to close for summer repairs",
                HERALD,
            ),
            article(
                "courier",
                "Bay Courier",
                "Night ferries halted as pier shuts",
                COURIER,
            ),
            article(
                "almanac",
                "Valley Almanac",
                "Cheese fair draws record crowd",
                ALMANAC,
            ),
        ],
        (w, h),
        &Theme::no_color(),
    )
}

#[test]
fn one_article_80x24() {
    let mut app = app(80, 24);
    press_settled(&mut app, &[Action::ReadArticle]);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn one_article_200x50_is_centred_at_a_readable_measure() {
    let mut app = app(200, 50);
    press_settled(&mut app, &[Action::ReadArticle]);
    let text = screen(&app);
    let line = text
        .lines()
        .find(|l| l.contains("The harbour board voted"))
        .unwrap();
    let indent = line.find("The harbour").unwrap() - line.find('│').unwrap();
    assert!(indent > 40, "centred on a wide screen: {indent} columns in");
    let widest = text
        .lines()
        .filter(|l| l.contains("harbour") || l.contains("passenger"))
        .map(|l| l.trim_matches(|c| c == '│' || c == ' ').chars().count())
        .max()
        .unwrap();
    assert!(widest <= 100, "wrapped at a readable measure: {widest}");
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn its_quotations_are_listed_with_speakers_and_who_else_carries_them() {
    let mut app = app(100, 30);
    press_settled(&mut app, &[Action::ReadArticle, Action::ToggleQuoteList]);
    let view = app.article_view().unwrap();
    assert_eq!(view.quotes.len(), 2);
    assert_eq!(
        app.carried(0).map(|c| c.others),
        Some(1),
        "the courier carries Osei's"
    );
    assert_eq!(
        app.carried(1).map(|c| c.others),
        Some(0),
        "Brand's is the herald's alone"
    );
    insta::assert_snapshot!(render(&app).backend());
    // Enter jumps to the second; `p` on the first opens the pair with its carrier.
    press_settled(&mut app, &[Action::ScrollDown, Action::Select]);
    assert_eq!(app.article_view().unwrap().quote, Some(1));
    assert!(app.article_view().unwrap().list.is_none());
    press_settled(
        &mut app,
        &[
            Action::ToggleQuoteList,
            Action::ScrollUp,
            Action::OpenCarriers,
        ],
    );
    assert!(app.article_view().is_none(), "the pair is open");
    let shown = app.selection.shown;
    assert_eq!(
        (
            app.articles.article(shown.left).unwrap().id.as_str(),
            app.articles.article(shown.right).unwrap().id.as_str()
        ),
        ("herald", "courier")
    );
}

#[test]
fn j_and_k_step_through_the_sidebar_and_esc_returns_to_the_pair() {
    let mut app = app(100, 30);
    press_settled(
        &mut app,
        &[
            Action::ReadArticle,
            Action::NextArticle,
            Action::NextArticle,
        ],
    );
    let third = app.articles.id_at(2).unwrap();
    assert_eq!(app.article_view().map(|v| v.article), Some(third));
    press_settled(&mut app, &[Action::NextArticle]);
    assert_eq!(app.ui.message.as_deref(), Some("the last article"));
    press_settled(&mut app, &[Action::PrevArticle, Action::NextArticle]);
    assert!(app.selection.read.contains(&app.articles.id_at(1).unwrap()));
    // Back: the almanac becomes one side of the pair, in place of the older pane.
    press_settled(&mut app, &[Action::Back]);
    assert!(
        app.article_view().is_none(),
        "the view closes, the reader stays"
    );
    assert!(app.running);
    let side = app.selection.side_of(third).unwrap();
    assert_eq!(side, Side::Left);
    assert_eq!(app.selection.focus, Focus::Pane(side));
    // `q` too closes the view rather than quitting.
    press_settled(&mut app, &[Action::ReadArticle, Action::Quit]);
    assert!(app.running && app.article_view().is_none());
}

#[test]
fn search_in_the_view_finds_and_cycles_hits() {
    let mut app = app(80, 24);
    press_settled(&mut app, &[Action::ReadArticle, Action::StartSearch]);
    type_text(&mut app, "cannot");
    press_settled(&mut app, &[Action::SearchSubmit]);
    assert_eq!(app.ui.search.hits.len(), 3);
    press_settled(&mut app, &[Action::NextHit]);
    assert_eq!(app.ui.message.as_deref(), Some("hit 2 of 3"));
    assert!(app.article_view().is_some(), "still in the view");
}

const DIARY: &str = "The council met late on Monday. \"I have lived here forty years,\" \
said one resident at the door.\n\n\
\"The budget leaves the library open through the winter months,\" said treasurer Ruth \
Amsel, reading from her notes.\n\n\
Members argued for an hour. \"We will not close a single branch while I chair this \
committee,\" said councillor Ivo Marsh as the meeting ended.";

const GAZETTE: &str = "Councillor Ivo Marsh closed the meeting with a promise. \"We will \
not close a single branch while I chair this committee,\" he said.\n\n\
Earlier, treasurer Ruth Amsel told members: \"The budget leaves the library open through \
the winter months.\"";

#[test]
fn p_from_the_quote_list_lands_on_the_chosen_quote_in_the_pair() {
    let mut app = app_of(
        vec![
            article("diary", "Town Diary", "Council keeps libraries open", DIARY),
            article(
                "gazette",
                "Valley Gazette",
                "No branch will close, Marsh says",
                GAZETTE,
            ),
        ],
        (100, 30),
        &Theme::no_color(),
    );
    press_settled(&mut app, &[Action::ReadArticle, Action::ToggleQuoteList]);
    let view = app.article_view().unwrap();
    assert_eq!(view.quotes.len(), 3, "the resident's, Amsel's and Marsh's");
    let chosen = view.quotes[2].span.clone();
    assert_eq!(app.carried(0).map(|c| c.others), Some(0));
    assert_eq!(app.carried(2).map(|c| c.others), Some(1));
    // The third quotation of the list is the pair's second shared quote.
    press_settled(
        &mut app,
        &[Action::ScrollDown, Action::ScrollDown, Action::OpenCarriers],
    );
    assert!(app.article_view().is_none(), "the pair is open");
    let comparison = app.comparison().unwrap();
    assert_eq!(comparison.shared_quotes.len(), 2);
    let number = app.selection.quote.unwrap();
    let at = crosscheck::compare::quotes::reading_order(&comparison.shared_quotes)[number];
    let spans = &comparison.shared_quotes[at].spans;
    let side = app
        .selection
        .side_of(app.articles.id_at(0).unwrap())
        .unwrap();
    assert!(
        spans[side].start < chosen.end && chosen.start < spans[side].end,
        "shared quote {} is the one chosen",
        number + 1
    );
    assert_eq!(number, 1);
    assert_eq!(app.ui.message.as_deref(), Some("quote 2 of 2"));
    // Choosing the second (Amsel's) lands on the first shared quote.
    press_settled(
        &mut app,
        &[
            Action::ReadArticle,
            Action::ToggleQuoteList,
            Action::ScrollDown,
            Action::OpenCarriers,
        ],
    );
    assert_eq!(app.selection.quote, Some(0));
}
