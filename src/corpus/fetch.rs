//! Fetching URLs: a blocking ureq client (rustls) with a timeout, a size limit,
//! redirects and a clear User-Agent; each page is kept in the cache folder and read
//! from there the next time unless a refresh is asked for.

use super::cache::{Cache, write_atomically};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How URLs are fetched.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Whole-request time limit (connect, headers and body).
    pub timeout: Duration,
    /// Largest body accepted, in bytes.
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
    /// Fetch again even when the cache holds the page.
    pub refresh: bool,
    /// Pause between two requests to the same host.
    pub host_delay: Duration,
    /// Requests in flight at once (to different hosts).
    pub parallel: usize,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(20),
            max_bytes: super::MAX_PAGE_BYTES,
            max_redirects: 5,
            refresh: false,
            host_delay: Duration::from_millis(500),
            parallel: 4,
        }
    }
}

/// The User-Agent sent with every request.
pub const USER_AGENT: &str = concat!(
    "crosscheck/",
    env!("CARGO_PKG_VERSION"),
    " (news coverage reader; +https://crates.io/crates/crosscheck)"
);

/// A fetched page, or one read back from the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The body as received (decompressed, not decoded).
    pub bytes: Vec<u8>,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// Where the body is kept in the cache (`None` without a cache).
    pub path: Option<PathBuf>,
}

/// What the cache keeps beside a page's body.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Header {
    url: String,
    content_type: Option<String>,
}

/// Fetches URLs with one agent, remembering when each host was last asked.
pub struct Fetcher<'a> {
    agent: ureq::Agent,
    cache: Option<&'a Cache>,
    options: &'a FetchOptions,
    last_request: Mutex<HashMap<String, Instant>>,
}

impl<'a> Fetcher<'a> {
    /// A fetcher keeping pages in `cache` (or nowhere).
    #[must_use]
    pub fn new(cache: Option<&'a Cache>, options: &'a FetchOptions) -> Self {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(options.timeout))
            .max_redirects(options.max_redirects)
            .user_agent(USER_AGENT)
            .http_status_as_error(false)
            .build()
            .into();
        Self {
            agent,
            cache,
            options,
            last_request: Mutex::new(HashMap::new()),
        }
    }

    /// The page at `url`, from the cache unless refreshing, else from the network.
    ///
    /// # Errors
    /// One line naming the problem: the HTTP status, a timeout, an unknown host, a
    /// body over the size limit.
    pub fn get(&self, url: &str) -> Result<Fetched, String> {
        let cached = self.cache.map(|c| c.page_path(url));
        if !self.options.refresh
            && let Some(path) = &cached
            && let Some(fetched) = read_cached(path)
        {
            return Ok(fetched);
        }
        self.wait_for_host(url);
        let mut response = self.agent.get(url).call().map_err(|e| self.describe(&e))?;
        let status = response.status();
        if !status.is_success() {
            let reason = status.canonical_reason().unwrap_or("");
            return Err(format!("HTTP {} {reason}", status.as_u16())
                .trim_end()
                .to_string());
        }
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let bytes = response
            .body_mut()
            .with_config()
            .limit(self.options.max_bytes)
            .read_to_vec()
            .map_err(|e| self.describe(&e))?;
        let path = cached.filter(|path| {
            let header = Header {
                url: url.to_string(),
                content_type: content_type.clone(),
            };
            let header = serde_json::to_vec(&header).unwrap_or_default();
            write_atomically(path, &bytes).is_ok()
                && write_atomically(&path.with_extension("json"), &header).is_ok()
        });
        Ok(Fetched {
            bytes,
            content_type,
            path,
        })
    }

    /// Sleeps until the host's last request is `host_delay` old, then books this one.
    fn wait_for_host(&self, url: &str) {
        let host = super::outlets::site_host(url).unwrap_or_default();
        let wait = {
            let mut last = self
                .last_request
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let now = Instant::now();
            let next = last
                .get(&host)
                .map_or(now, |at| (*at + self.options.host_delay).max(now));
            last.insert(host, next);
            next - now
        };
        std::thread::sleep(wait);
    }

    fn describe(&self, error: &ureq::Error) -> String {
        match error {
            ureq::Error::Timeout(_) => {
                format!("timed out after {} s", self.options.timeout.as_secs_f64())
            }
            ureq::Error::HostNotFound => "host not found".to_string(),
            ureq::Error::ConnectionFailed => "connection failed".to_string(),
            ureq::Error::BodyExceedsLimit(_) => {
                format!("page larger than {}", size(self.options.max_bytes))
            }
            ureq::Error::TooManyRedirects => "too many redirects".to_string(),
            other => one_line(&other.to_string()),
        }
    }
}

/// `10 MB`, `64 KB`.
fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{} KB", bytes >> 10)
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A page kept in the cache, with its header.
fn read_cached(path: &std::path::Path) -> Option<Fetched> {
    let header: Header =
        serde_json::from_slice(&std::fs::read(path.with_extension("json")).ok()?).ok()?;
    Some(Fetched {
        bytes: std::fs::read(path).ok()?,
        content_type: header.content_type,
        path: Some(path.to_path_buf()),
    })
}

/// Runs `job` on every URL, a few at a time and one host after another per worker,
/// returning the results in input order; `progress` hears of each one finished.
pub fn fetch_all<T: Send>(
    urls: &[String],
    parallel: usize,
    job: impl Fn(&str) -> T + Sync,
    progress: &(dyn Fn(usize, &str) + Sync),
) -> Vec<T> {
    if urls.is_empty() {
        return Vec::new();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let results: Mutex<Vec<Option<T>>> = Mutex::new(urls.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..parallel.clamp(1, urls.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(url) = urls.get(i) else { break };
                    let result = job(url);
                    if let Ok(mut all) = results.lock() {
                        all[i] = Some(result);
                    }
                    let finished = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                    progress(finished, url);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .into_iter()
        .flatten()
        .collect()
}
