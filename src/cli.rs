//! Command-line interface: argument definitions and the non-interactive commands.

pub mod export;
pub mod facts;
pub mod generate;
pub mod input;
pub mod matrix;
pub mod plain;
pub mod reading;
pub mod report;
pub mod settings;
pub mod share;
pub mod show;
pub mod stories;

use crate::compare::corpus::Analysed;
use crate::compare::{CompareOptions, DiffMode, Document, compare};
use crate::corpus::{Article, Corpus};
use crate::exit;
use crate::pair::Pair;
use crate::terminal::Facts;
use crate::text::MatchOptions;
use clap::{Args, Parser, Subcommand, ValueEnum};
use plain::Painter;
use report::{CompareReport, ListReport, QuotesReport};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// The version `--version` prints: the package version and, when built from a git
/// checkout, the commit and its date (`0.1.0 (abc123456 2026-12-01)`).
pub const VERSION: &str = env!("CROSSCHECK_VERSION");

/// Compare how different outlets covered the same story.
///
/// With no command, opens the full-screen reader on PATHs: files, folders or
/// http(s) URLs of articles (.txt, .md, .json, .jsonl, saved web pages .html/.mhtml,
/// feeds .rss/.atom/.xml, any of them .gz), or on the bundled sample when none is given.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version = VERSION, about, long_about)]
pub struct Cli {
    /// Command to run (default: the interactive reader).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Article files, folders or URLs for the reader (default: the bundled sample).
    pub paths: Vec<PathBuf>,
    /// Never use colors (also honoured: the NO_COLOR environment variable).
    #[arg(long, global = true)]
    pub no_color: bool,
    /// Reader: do not watch the folders for added, changed or removed files.
    #[arg(long)]
    pub no_watch: bool,
    /// Ignore the config file (`CROSSCHECK_CONFIG`, else `config.toml` in the user's
    /// config folder: theme, the reader's ignore mode, sidebar width, keys).
    #[arg(long, global = true)]
    pub no_config: bool,
    #[command(flatten)]
    pub matching: MatchArgs,
    #[command(flatten)]
    pub input: input::InputArgs,
}

/// Which differences between words count (shared by the reader and commands).
#[derive(Debug, Args, Clone, Copy, Default)]
pub struct MatchArgs {
    /// Count every difference: case, punctuation, quote style, number words,
    /// spelling; words that differ at all are deleted and inserted.
    #[arg(long, global = true)]
    pub strict: bool,
    /// Count differences of letter case.
    #[arg(long, global = true)]
    pub match_case: bool,
    /// Count differences of punctuation inside words (U.S. vs US).
    #[arg(long, global = true)]
    pub match_punctuation: bool,
    /// Count differences between curly and straight quotes and apostrophes.
    #[arg(long, global = true)]
    pub match_quote_style: bool,
    /// Count "Five" and "5" as different words.
    #[arg(long, global = true)]
    pub match_number_words: bool,
    /// Count spelling variants (colour vs color, Zelenskiy vs Zelensky).
    #[arg(long, global = true)]
    pub match_spelling: bool,
}

impl MatchArgs {
    /// Whether any flag was given (then the config's `ignore` does not apply).
    #[must_use]
    pub fn any(self) -> bool {
        self.strict
            || self.match_case
            || self.match_punctuation
            || self.match_quote_style
            || self.match_number_words
            || self.match_spelling
    }

    /// The match options these flags select.
    #[must_use]
    pub fn options(self) -> MatchOptions {
        if self.strict {
            return MatchOptions::STRICT;
        }
        MatchOptions {
            ignore_case: !self.match_case,
            ignore_punctuation: !self.match_punctuation,
            ignore_quote_style: !self.match_quote_style,
            numbers_as_digits: !self.match_number_words,
            ignore_spelling: !self.match_spelling,
        }
    }
}

/// The non-interactive commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles: index, id, outlet, title, date, words, removed bytes.
    List {
        /// Article files or folders (default: the bundled sample).
        paths: Vec<PathBuf>,
        /// Show what cleaning removed from each article.
        #[arg(long)]
        show_removed: bool,
        /// Print JSON instead of a table (with each article's story).
        #[arg(long)]
        json: bool,
    },
    /// Compare two articles: similarity, shared quotes, word diff.
    ///
    /// Files and URLs are read as given (`crosscheck compare a.txt b.html`);
    /// an index or id names an article of --corpus (default: the bundled sample).
    Compare {
        /// First article: a file or URL, or a 1-based index or id in --corpus.
        a: String,
        /// Second article: a file or URL, or a 1-based index or id in --corpus.
        b: String,
        /// Where indices and ids are looked up (default: the bundled sample).
        #[arg(long = "corpus", value_name = "PATH")]
        corpus: Vec<PathBuf>,
        /// Diff layout: sentences aligned in any order, or one linear word diff.
        #[arg(long, value_enum, default_value_t = DiffArg::Aligned)]
        diff: DiffArg,
        /// Print JSON.
        #[arg(long, conflicts_with = "report_format")]
        json: bool,
        #[command(flatten)]
        share: share::ShareArgs,
    },
    /// Numbers and names the articles state differently, and figures only one carries.
    Facts {
        /// Article files or folders (default: the bundled sample).
        paths: Vec<PathBuf>,
        /// Print JSON.
        #[arg(long, conflicts_with = "report_format")]
        json: bool,
        #[command(flatten)]
        share: share::ShareArgs,
    },
    /// Similarity of every pair of articles, and which reuse each other's copy.
    Matrix {
        /// Article files or folders (default: the bundled sample).
        paths: Vec<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Quotations shared across the corpus, grouped, most carried first.
    Quotes {
        /// Article files or folders (default: the bundled sample).
        paths: Vec<PathBuf>,
        /// Print JSON.
        #[arg(long, conflicts_with = "report_format")]
        json: bool,
        #[command(flatten)]
        share: share::ShareArgs,
    },
    /// The stories (events) the articles report: articles clustered by shared words,
    /// names and quotes, each story with a label, its articles and dates.
    Stories {
        /// Article files or folders (default: the bundled sample).
        paths: Vec<PathBuf>,
        /// Print JSON.
        #[arg(long, conflicts_with = "report_format")]
        json: bool,
        #[command(flatten)]
        share: share::ShareArgs,
    },
    /// Write the corpus for a distributed engine: one JSON line per article with
    /// `id`, `series` (outlet), `date`, `title`, `url`, `text` (the clean text).
    Export {
        /// Article files or folders (default: the bundled sample).
        paths: Vec<PathBuf>,
        /// JSON lines (passim's input; Spark and `DataFusion` read it as is).
        #[arg(long, required = true)]
        jsonl: bool,
        /// Add each article's `story` (clusters the whole corpus first).
        #[arg(long)]
        stories: bool,
    },
    /// One article's cleaned text with its metadata.
    Show {
        /// The article: a file or URL, or an index, id or path in --corpus.
        article: String,
        /// Where to find the article (default: the bundled sample).
        #[arg(long = "corpus", value_name = "PATH")]
        corpus: Vec<PathBuf>,
        /// The text before cleaning (for a page: as extracted from it).
        #[arg(long)]
        raw: bool,
        /// The file or page as saved.
        #[arg(long, conflicts_with_all = ["raw", "json"])]
        source: bool,
        /// Print JSON: id, outlet, title, date, authors, url, source, text, removed.
        #[arg(long)]
        json: bool,
    },
    /// The cache of fetched pages and extracted text.
    Cache {
        #[command(subcommand)]
        command: input::CacheCommand,
    },
    /// Print a shell completion script.
    ///
    /// bash: `crosscheck completions bash > ~/.local/share/bash-completion/completions/crosscheck`;
    /// zsh: into a file `_crosscheck` on `$fpath`; fish: `~/.config/fish/completions/crosscheck.fish`;
    /// PowerShell: `crosscheck completions powershell | Out-String | Invoke-Expression` in `$PROFILE`.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `crosscheck man | man -l -`.
    Man,
}

/// Diff layout on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffArg {
    /// Sentences aligned across the pair in any order, words diffed inside.
    Aligned,
    /// One word diff over the whole texts.
    Linear,
}

impl From<DiffArg> for DiffMode {
    fn from(arg: DiffArg) -> Self {
        match arg {
            DiffArg::Aligned => DiffMode::Aligned,
            DiffArg::Linear => DiffMode::Linear,
        }
    }
}

/// Runs the binary: parses arguments, dispatches, reports errors in one line.
#[must_use]
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::from(exit::OK),
        Err(error) => {
            let (code, message) = failure(&error);
            if let Some(message) = message {
                eprintln!("crosscheck: {}", crate::sanitize::inert(&message));
            }
            ExitCode::from(code)
        }
    }
}

/// The exit code for `error` and the one line that reports it (none after a signal).
fn failure(error: &anyhow::Error) -> (u8, Option<String>) {
    // Engine and reader errors already name their cause in one line; others get
    // their chain.
    if let Some(engine) = error.downcast_ref::<crate::Error>() {
        return (exit::USAGE, Some(engine.to_string()));
    }
    if let Some(written) = error.downcast_ref::<share::Error>() {
        let code = match written {
            share::Error::Exists(_) => exit::USAGE,
            share::Error::Write { .. } => exit::FAILURE,
        };
        return (code, Some(written.to_string()));
    }
    #[cfg(feature = "tui")]
    if let Some(reader) = error.downcast_ref::<crate::tui::Error>() {
        let message = match reader {
            crate::tui::Error::Stopped(_) => None,
            crate::tui::Error::NotATerminal => Some(reader.to_string()),
        };
        return (reader.exit_code(), message);
    }
    (exit::FAILURE, Some(format!("{error:#}")))
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let matching = cli.matching.options();
    let terminal = Facts::read(cli.no_color);
    let load = cli.input.options(&terminal);
    let settings = settings::Settings::load(cli.no_config);
    let painter = settings.painter(&terminal);
    let width = output_width(terminal);
    let Some(command) = cli.command else {
        let reading = reading::Reading::new(cli.matching, !cli.no_watch, terminal, settings);
        return reading::open(&cli.paths, reading, load);
    };
    settings.warn();
    match command {
        Command::List {
            paths,
            show_removed,
            json,
        } => {
            let corpus = input::load(&paths, &load)?;
            let mut report = ListReport::new(&corpus, show_removed);
            if json {
                report.add_stories(Analysed::new(&corpus.articles, &matching).stories());
            }
            emit(json, &report, || plain::list(&report, painter, width))
        }
        Command::Compare {
            a,
            b,
            corpus,
            diff,
            json,
            share,
        } => {
            let articles = input::compare_pair(Pair::new(&a, &b), &corpus, &load)?;
            let options = CompareOptions {
                matching,
                diff_mode: diff.into(),
                ..CompareOptions::default()
            };
            let output = Output::new(json, &share, painter, width);
            compare_command(articles.as_ref(), &options, &output)
        }
        Command::Facts { paths, json, share } => {
            let corpus = input::load(&paths, &load)?;
            facts_command(
                &corpus,
                matching,
                &Output::new(json, &share, painter, width),
            )
        }
        Command::Matrix { paths, json } => {
            let corpus = input::load(&paths, &load)?;
            let report = matrix::build(&corpus, matching, terminal.stderr_tty);
            emit(json, &report, || matrix::plain(&report, painter, width))
        }
        Command::Quotes { paths, json, share } => {
            let corpus = input::load(&paths, &load)?;
            quotes_command(
                &corpus,
                matching,
                &Output::new(json, &share, painter, width),
            )
        }
        Command::Stories { paths, json, share } => {
            let corpus = input::load(&paths, &load)?;
            let output = Output::new(json, &share, painter, width);
            stories_command(&corpus, matching, &output)
        }
        Command::Export { paths, stories, .. } => {
            let corpus = input::load(&paths, &load)?;
            quiet_pipe(export::to_stdout(&corpus.articles, &matching, stories))
        }
        Command::Show {
            article,
            corpus,
            raw,
            source,
            json,
        } => {
            // A file or URL is shown alone; anything else names an article of --corpus.
            let (paths, reference) = if input::names_input(&article) {
                (vec![PathBuf::from(&article)], "1".to_string())
            } else {
                (corpus, article)
            };
            let corpus = input::load(&paths, &load)?;
            let article = &corpus.articles[corpus.resolve(&reference)?];
            if source {
                let text = show::source(article)?;
                return emit(false, &(), || text);
            }
            let report = show::ShowReport::new(article, raw);
            emit(json, &report, || show::plain(&report, painter))
        }
        Command::Cache { command } => {
            let text = input::cache(command, &cli.input)?;
            emit(false, &(), || text)
        }
        Command::Completions { shell } => write_out(&generate::completions(shell)),
        Command::Man => write_out(&generate::man_page()?),
    }
}

/// Where and how a command prints its report.
struct Output<'a> {
    json: bool,
    share: &'a share::ShareArgs,
    painter: Painter,
    width: usize,
}

impl<'a> Output<'a> {
    fn new(json: bool, share: &'a share::ShareArgs, painter: Painter, width: usize) -> Self {
        Self {
            json,
            share,
            painter,
            width,
        }
    }
}

/// `crosscheck facts`: the corpus's disagreeing facts in the format asked for.
fn facts_command(corpus: &Corpus, matching: MatchOptions, output: &Output) -> anyhow::Result<()> {
    let report = facts::FactsReport::build(&corpus.articles, &matching);
    share_or(
        output.share,
        |format| share::corpus::facts(format, &report, &corpus.articles),
        || {
            emit(output.json, &report, || {
                facts::plain(&report, output.painter, output.width)
            })
        },
    )
}

/// `crosscheck quotes`: the quote tracker in the format asked for.
fn quotes_command(corpus: &Corpus, matching: MatchOptions, output: &Output) -> anyhow::Result<()> {
    let groups = Analysed::new(&corpus.articles, &matching).quote_groups();
    let report = QuotesReport::new(corpus, &groups);
    share_or(
        output.share,
        |format| share::corpus::quotes(format, &report, &corpus.articles),
        || {
            emit(output.json, &report, || {
                plain::quotes(&report, output.painter, output.width)
            })
        },
    )
}

/// `crosscheck stories`: the stories in the format asked for (a report counts the
/// quotations each story's articles share).
fn stories_command(corpus: &Corpus, matching: MatchOptions, output: &Output) -> anyhow::Result<()> {
    let analysed = Analysed::new(&corpus.articles, &matching);
    let report = stories::StoriesReport::new(&corpus.articles, analysed.stories());
    share_or(
        output.share,
        |format| {
            let groups = analysed.quote_groups();
            let shared = share::stories::shared_quotes(analysed.stories(), &groups);
            share::stories::stories(format, &report, &shared, &corpus.articles)
        },
        || {
            emit(output.json, &report, || {
                stories::plain(&report, output.painter, output.width)
            })
        },
    )
}

/// `crosscheck compare`: the pair's report as JSON, plain text, HTML or Markdown.
fn compare_command(
    articles: Pair<&Article>,
    options: &CompareOptions,
    output: &Output,
) -> anyhow::Result<()> {
    let parallel = articles.worth_two_threads(|article| article.clean.len());
    let docs = articles.par_map(parallel, |article| {
        Document::new(&article.clean, &options.matching)
    });
    let comparison = compare(docs.as_ref(), options);
    if let Some(format) = output.share.format() {
        let report = share::pair_report(format, articles, &comparison, &options.matching);
        return deliver(output.share, &report);
    }
    let report = CompareReport::analysed(docs.as_ref(), articles, &comparison, &options.matching);
    emit(output.json, &report, || {
        plain::compare(&report, output.painter, output.width)
    })
}

/// Columns for plain output: the terminal's width (within bounds), or [`plain::DEFAULT_WIDTH`].
fn output_width(terminal: Facts) -> usize {
    terminal
        .columns
        .map_or(plain::DEFAULT_WIDTH, |w| usize::from(w).clamp(40, 160))
}

/// Prints `report` as JSON (streamed as it is serialized) or as the plain text
/// `render` makes; a closed pipe is not an error.
fn emit<T: Serialize>(
    json: bool,
    report: &T,
    render: impl FnOnce() -> String,
) -> anyhow::Result<()> {
    let stdout = std::io::stdout().lock();
    let written = if json {
        let mut out = std::io::BufWriter::new(crate::sanitize::InertJson::new(stdout));
        report::json::to_writer_pretty(&mut out, report)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"))
            .and_then(|()| out.flush())
    } else {
        let mut out = stdout;
        out.write_all(render().as_bytes())
            .and_then(|()| out.flush())
    };
    quiet_pipe(written)
}

/// The report `make` writes in the format `share` asks for, delivered; without
/// one, `otherwise` (the command's JSON or plain output).
fn share_or(
    share: &share::ShareArgs,
    make: impl FnOnce(share::Format) -> String,
    otherwise: impl FnOnce() -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    match share.format() {
        Some(format) => deliver(share, &make(format)),
        None => otherwise(),
    }
}

/// Writes a shareable report where `share` says: the `-o` file, else stdout.
fn deliver(share: &share::ShareArgs, report: &str) -> anyhow::Result<()> {
    match &share.output {
        Some(path) => Ok(share::write_file(path, report, share.force)?),
        None => write_out(report.as_bytes()),
    }
}

/// Writes `bytes` to stdout; a closed pipe is not an error.
fn write_out(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    quiet_pipe(out.write_all(bytes).and_then(|()| out.flush()))
}

/// A write's result, with a closed pipe (the reader of our output went away) as success.
fn quiet_pipe(written: std::io::Result<()>) -> anyhow::Result<()> {
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
