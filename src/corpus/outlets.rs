//! Readable outlet names for hosts and file names: `newsweek.com` → Newsweek,
//! `01_nytimes_hegseth.txt` → The New York Times, through one small table.

/// Subdomains stripped from a host before it names the outlet.
const HOST_PREFIXES: &[&str] = &[
    "www.", "www2.", "news.", "static.", "img.", "images.", "image.", "cdn.", "media.", "i.", "m.",
    "amp.", "assets.", "photos.", "edition.", "uk.", "us.", "eu.", "en.", "english.", "global.",
];
/// Second-level labels of country-code public suffixes (`co.uk`, `com.au`).
const PUBLIC_SECOND_LEVELS: &[&str] = &["co", "com", "org", "net", "gov", "ac", "edu", "ne", "or"];
/// Shortest file-name word looked up in the table (shorter ones are too often abbreviations).
const MIN_STEM_WORD: usize = 2;

/// One known outlet: the label of its domain (or a whole domain, when the label is
/// shared) and its name. `word` marks labels that are also ordinary words
/// ("time", "independent"): they name the outlet only as a host, never in a file name.
struct Known {
    key: &'static str,
    name: &'static str,
    word: bool,
}

const fn host(key: &'static str, name: &'static str) -> Known {
    Known {
        key,
        name,
        word: false,
    }
}

const fn word(key: &'static str, name: &'static str) -> Known {
    Known {
        key,
        name,
        word: true,
    }
}

/// Well-known news outlets by domain label (whole domains first where a label is shared).
const KNOWN: &[Known] = &[
    host("abc.net.au", "ABC News (Australia)"),
    host("news.sky.com", "Sky News"),
    host("abcnews", "ABC News"),
    host("aljazeera", "Al Jazeera"),
    host("antiwar", "Antiwar.com"),
    host("apnews", "Associated Press"),
    host("axios", "Axios"),
    host("bbc", "BBC"),
    host("bloomberg", "Bloomberg"),
    host("breitbart", "Breitbart"),
    host("businessinsider", "Business Insider"),
    host("cbc", "CBC News"),
    host("cbsnews", "CBS News"),
    host("chicagotribune", "Chicago Tribune"),
    host("cnbc", "CNBC"),
    host("cnn", "CNN"),
    host("ctvnews", "CTV News"),
    host("dailymail", "Daily Mail"),
    host("defensenews", "Defense News"),
    host("dw", "DW"),
    host("economist", "The Economist"),
    host("elpais", "El País"),
    host("espn", "ESPN"),
    host("euronews", "Euronews"),
    host("forbes", "Forbes"),
    host("foxnews", "Fox News"),
    host("france24", "France 24"),
    host("ft", "Financial Times"),
    host("globalnews", "Global News"),
    host("haaretz", "Haaretz"),
    host("hindustantimes", "Hindustan Times"),
    host("huffpost", "HuffPost"),
    host("independent", "The Independent"),
    host("indiatimes", "The Times of India"),
    host("irishtimes", "The Irish Times"),
    host("japantimes", "The Japan Times"),
    host("jpost", "The Jerusalem Post"),
    host("kyivindependent", "The Kyiv Independent"),
    host("kyivpost", "Kyiv Post"),
    host("latimes", "Los Angeles Times"),
    host("lemonde", "Le Monde"),
    host("militarytimes", "Military Times"),
    host("msn", "MSN"),
    host("nationalpost", "National Post"),
    host("nbcnews", "NBC News"),
    host("newsweek", "Newsweek"),
    host("newyorker", "The New Yorker"),
    host("npr", "NPR"),
    host("nypost", "New York Post"),
    host("nytimes", "The New York Times"),
    host("pbs", "PBS"),
    host("politico", "Politico"),
    host("reuters", "Reuters"),
    host("rferl", "Radio Free Europe/Radio Liberty"),
    host("scmp", "South China Morning Post"),
    host("smh", "The Sydney Morning Herald"),
    host("spiegel", "Der Spiegel"),
    host("stripes", "Stars and Stripes"),
    host("straitstimes", "The Straits Times"),
    host("telegraph", "The Telegraph"),
    host("theatlantic", "The Atlantic"),
    host("theepochtimes", "The Epoch Times"),
    host("theglobeandmail", "The Globe and Mail"),
    host("theguardian", "The Guardian"),
    host("thehill", "The Hill"),
    host("thehindu", "The Hindu"),
    host("themoscowtimes", "The Moscow Times"),
    host("thestar", "Toronto Star"),
    host("thetimes", "The Times"),
    host("timesofisrael", "The Times of Israel"),
    host("usatoday", "USA Today"),
    host("voanews", "Voice of America"),
    host("washingtonpost", "The Washington Post"),
    host("wsj", "The Wall Street Journal"),
    host("xinhuanet", "Xinhua"),
    host("yahoo", "Yahoo News"),
    word("express", "Daily Express"),
    word("guardian", "The Guardian"),
    word("hill", "The Hill"),
    word("mirror", "Daily Mirror"),
    word("sky", "Sky News"),
    word("thesun", "The Sun"),
    word("time", "Time"),
    word("vox", "Vox"),
];

/// The host of a URL without `www.`/`news.`/`static.`… prefixes (`None` without a dot).
#[must_use]
pub fn site_host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?.to_lowercase();
    let mut host = host.as_str();
    while let Some(prefix) = HOST_PREFIXES.iter().find(|p| host.starts_with(*p)) {
        let shorter = &host[prefix.len()..];
        if is_public_suffix(shorter) || !shorter.contains('.') {
            break;
        }
        host = shorter;
    }
    host.contains('.').then(|| host.to_string())
}

/// `co.uk`, `com.au`…: a second-level public suffix that names no outlet.
fn is_public_suffix(host: &str) -> bool {
    host.split_once('.')
        .is_some_and(|(second, top)| top.len() == 2 && PUBLIC_SECOND_LEVELS.contains(&second))
}

/// The outlet a URL's host names: the table's name, else the host itself.
#[must_use]
pub fn host_outlet(url: &str) -> Option<String> {
    let host = site_host(url)?;
    Some(known_host(&host).map_or(host, str::to_string))
}

/// The table's name for a host (`newsweek.com`, `edition.cnn.com`, `bbc.co.uk`).
#[must_use]
pub fn known_host(host: &str) -> Option<&'static str> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if let Some(known) = KNOWN
        .iter()
        .find(|k| k.key.contains('.') && (host == k.key || host.ends_with(&format!(".{}", k.key))))
    {
        return Some(known.name);
    }
    let labels: Vec<&str> = host.split('.').collect();
    // The registrable label: before the public suffix (`bbc` in `bbc.co.uk`).
    let suffix_len = if labels.len() >= 3 && is_public_suffix(&labels[labels.len() - 2..].join("."))
    {
        2
    } else {
        1
    };
    let label = labels
        .len()
        .checked_sub(suffix_len + 1)
        .map(|i| labels[i])?;
    KNOWN.iter().find(|k| k.key == label).map(|k| k.name)
}

/// The outlet a file name names: a word of the stem that is a known domain label
/// (`01_newsweek_ca` → Newsweek), ignoring labels that are ordinary words.
#[must_use]
pub fn stem_outlet(stem: &str) -> Option<&'static str> {
    let low = stem.to_ascii_lowercase();
    low.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= MIN_STEM_WORD && w.chars().any(|c| c.is_ascii_alphabetic()))
        .find_map(|w| {
            KNOWN
                .iter()
                .find(|k| !k.word && !k.key.contains('.') && k.key == w)
                .map(|k| k.name)
        })
}

/// A site name that is really a host (`nytimes.com`) becomes the table's name.
#[must_use]
pub fn readable(name: &str) -> String {
    let looks_like_host = !name.contains(char::is_whitespace) && name.contains('.');
    let known = looks_like_host
        .then(|| known_host(&site_host(&format!("https://{name}")).unwrap_or_default()))
        .flatten();
    known.map_or_else(|| name.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(
            site_host("https://static.example-times.com/img/a.png").as_deref(),
            Some("example-times.com")
        );
        assert_eq!(
            site_host("http://www.news.co.uk/x").as_deref(),
            Some("news.co.uk")
        );
        assert_eq!(site_host("https://localhost/x"), None);
        assert_eq!(
            host_outlet("https://www.newsweek.com/a-story-123").as_deref(),
            Some("Newsweek")
        );
        assert_eq!(
            host_outlet("https://edition.cnn.com/2025/x").as_deref(),
            Some("CNN")
        );
        assert_eq!(
            host_outlet("https://www.bbc.co.uk/news/x").as_deref(),
            Some("BBC")
        );
        assert_eq!(
            host_outlet("https://www.abc.net.au/news/x").as_deref(),
            Some("ABC News (Australia)")
        );
        assert_eq!(
            host_outlet("https://time.com/123/x").as_deref(),
            Some("Time")
        );
        assert_eq!(
            host_outlet("https://daily-herald.example/x").as_deref(),
            Some("daily-herald.example")
        );
    }

    #[test]
    fn stems() {
        assert_eq!(stem_outlet("01_newsweek_ca_hegseth"), Some("Newsweek"));
        assert_eq!(stem_outlet("2025-02-12-reuters"), Some("Reuters"));
        assert_eq!(stem_outlet("a_time_to_talk"), None);
        assert_eq!(stem_outlet("notes"), None);
        assert_eq!(readable("nytimes.com"), "The New York Times");
        assert_eq!(readable("The Daily Planet"), "The Daily Planet");
    }
}
