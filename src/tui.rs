//! The full-screen terminal reader: state → action → render.
//!
//! [`app::App`] holds the state, [`action::Action`] is the only way it changes,
//! [`view::draw`] renders it; comparisons run on a [`worker::Worker`] thread.

pub mod action;
pub mod analysis;
pub mod app;
pub mod articles;
pub mod counterparts;
mod error;
pub mod event;
pub mod facts;
pub mod geometry;
pub mod grid;
pub mod hangup;
pub mod ignore;
pub mod keymap;
pub mod layout;
pub mod loader;
pub mod raw;
pub mod search;
pub mod sidebar;
pub mod theme;
pub mod view;
pub mod watch;
pub mod worker;

pub use error::Error;

use crate::compare::CompareOptions;
use crate::corpus::{Corpus, LoadOptions};
use crate::terminal::Facts;
use action::Action;
use app::{App, Effect};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use loader::Loaded;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Receiver;
use std::time::Duration;
use theme::Theme;
use watch::Watch;
use worker::{Done, Worker};

/// How long to wait for input before checking the worker and signals.
const POLL: Duration = Duration::from_millis(100);

/// Options for the reader, from the command line.
#[derive(Debug, Clone)]
pub struct TuiOptions {
    /// The terminal as read at start-up: colors off, standard streams on a terminal.
    pub terminal: Facts,
    /// How pairs are compared.
    pub compare: CompareOptions,
    /// The folders and files to watch for changes (none: `--no-watch`, the sample).
    pub watch: watch::Roots,
    /// How files are read (while the reader runs, and when they change).
    pub load: LoadOptions,
    /// The colors (the config's theme, or none).
    pub theme: Theme,
    /// The keys, with the config's overrides.
    pub keymap: Vec<keymap::Binding>,
    /// The sidebar's width from the config.
    pub sidebar_width: Option<u16>,
    /// A line to show when the reader opens (why the config file was not used).
    pub notice: Option<String>,
}

/// What the reader opens.
#[derive(Debug)]
pub enum Input {
    /// A corpus already loaded.
    Loaded(Corpus),
    /// Files and folders to load on a thread while the reader runs (with
    /// [`TuiOptions::load`]).
    Files(Vec<PathBuf>),
}

/// Runs the reader on `input` until the user quits; restores the terminal on every path.
///
/// # Errors
/// [`Error::NotATerminal`] when stdout is not a terminal; [`Error::Stopped`]
/// after SIGTERM, SIGHUP or a hangup of the terminal; a loading error (nothing
/// loadable); terminal I/O failures.
pub fn run(input: Input, options: &TuiOptions) -> anyhow::Result<()> {
    if !options.terminal.interactive() {
        return Err(Error::NotATerminal.into());
    }
    // SIGTERM and SIGHUP (or a hangup of the terminal) end the loop with the signal's
    // number, so the terminal is restored before exiting.
    let stop = Arc::new(AtomicUsize::new(0));
    let mut signals = Vec::new();
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        let value = usize::try_from(signal).unwrap_or(1);
        signals.push(signal_hook::flag::register_usize(
            signal,
            Arc::clone(&stop),
            value,
        )?);
    }
    hangup::watch(Arc::clone(&stop));
    let mut terminal = ratatui::try_init()?;
    // ratatui's panic hook restores the screen; ours releases the mouse first.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
        hook(info);
    }));
    let result = crossterm::execute!(std::io::stdout(), EnableMouseCapture)
        .map_err(anyhow::Error::from)
        .and_then(|()| {
            let size = terminal.size()?;
            let (corpus, files) = match input {
                Input::Loaded(corpus) => (corpus, None),
                Input::Files(paths) => (Corpus::default(), Some(paths)),
            };
            let mut app = App::new(
                corpus,
                options.compare,
                options.theme,
                (size.width, size.height),
            );
            app.keymap.clone_from(&options.keymap);
            app.ui.sidebar_width = options.sidebar_width;
            if let Some(notice) = &options.notice {
                app.apply(Action::Message(notice.clone()));
            }
            // The watch starts before loading, so a change made while files are
            // still read is seen (and applied once they all are).
            let watch = start_watch(options, &mut app);
            let loading = files.map(|paths| {
                app.start_loading();
                let known = watch.as_ref().map(|w| w.known().clone());
                loader::spawn(paths, options.load.clone(), known)
            });
            event_loop(&mut terminal, app, watch.as_ref(), loading.as_ref(), &stop)
        });
    let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    for id in signals {
        signal_hook::low_level::unregister(id);
    }
    match stop.load(Ordering::Relaxed) {
        0 => result,
        signal => Err(Error::Stopped(i32::try_from(signal).unwrap_or(1)).into()),
    }
}

/// Starts watching the reader's folders; a watch that cannot start is a message.
fn start_watch(options: &TuiOptions, app: &mut App) -> Option<Watch> {
    if options.watch.is_empty() {
        return None;
    }
    let sources = app.articles.iter().map(|e| e.article.source.clone());
    let sources: Vec<String> = sources.collect();
    match Watch::start(options.watch.clone(), sources, options.load.clone()) {
        Ok(watch) => Some(watch),
        Err(line) => {
            app.apply(Action::Message(line));
            None
        }
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    mut app: App,
    watch: Option<&Watch>,
    loading: Option<&Receiver<Loaded>>,
    stop: &AtomicUsize,
) -> anyhow::Result<()> {
    let worker = Worker::spawn();
    // Redraw only when something changed (or the spinner turns).
    let mut dirty = true;
    while app.running && stop.load(Ordering::Relaxed) == 0 {
        for effect in app.take_effects() {
            run_effect(&worker, watch, &mut app, effect);
        }
        if dirty {
            terminal.draw(|frame| view::draw(frame, &app))?;
            dirty = false;
        }
        if crossterm::event::poll(POLL)? {
            let event = crossterm::event::read()?;
            if let Some(action) = event::translate(&event, &app.keymap, app.typing()) {
                app.apply(action);
                dirty = true;
            }
        } else if app.busy() {
            app.apply(Action::Tick);
            dirty = true;
        }
        while let Some(change) = watch.and_then(Watch::try_recv) {
            app.apply(Action::FilesChanged(Box::new(change)));
            dirty = true;
        }
        while let Some(done) = worker.try_recv() {
            app.apply(match done {
                Done::Pair(key, computed) => Action::ComparisonReady(key, Box::new(computed)),
                Done::Analysis(key, analysis) => Action::AnalysisReady(key, Box::new(analysis)),
            });
            dirty = true;
        }
        while let Some(loaded) = loading.and_then(|rx| rx.try_recv().ok()) {
            app.apply(match loaded {
                Loaded::Articles(articles) => Action::ArticlesLoaded(articles),
                Loaded::Done(Ok(skipped)) => Action::LoadFinished(skipped),
                Loaded::Done(Err(error)) => return Err(error.into()),
            });
            dirty = true;
        }
    }
    Ok(())
}

fn run_effect(worker: &Worker, watch: Option<&Watch>, app: &mut App, effect: Effect) {
    match effect {
        Effect::Compute(job) => worker.submit(job),
        Effect::Analyse(job) => worker.submit_analysis(job),
        Effect::Open(url) => {
            if let Err(error) = open_url(&url) {
                app.apply(Action::Message(error));
            }
        }
        Effect::Write(file) => {
            // Registered first, so the watch never takes the report for an article.
            if let Some(watch) = watch {
                watch.written().insert(&file.path);
            }
            app.apply(Action::Message(file.write()));
        }
        Effect::Copy(text) => {
            if let Err(error) = copy_to_clipboard(&text) {
                app.apply(Action::Message(format!("could not copy: {error}")));
            }
        }
    }
}

/// Puts `text` on the clipboard through the terminal (OSC 52): works over ssh and
/// in tmux with `set-clipboard on`; a terminal that ignores it shows nothing.
fn copy_to_clipboard(text: &str) -> std::io::Result<()> {
    use base64::Engine as _;
    use std::io::Write as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = std::io::stdout().lock();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}

/// Opens `url` with the platform's opener, detached from the terminal.
fn open_url(url: &str) -> Result<(), String> {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
        .map_err(|e| format!("cannot open the URL: '{opener}' failed: {e}"))
}
