//! `morgue serve` over HTTP: a real server on a free port of 127.0.0.1, its pages, its
//! API against the CLI's JSON, escaping, traversal, bad queries, load and reloads.

use crate::common::TestContext;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

/// A running `morgue serve` and the address it printed.
struct Server {
    child: Child,
    address: String,
}

impl Server {
    fn start(ctx: &TestContext) -> Server {
        Self::start_with(ctx, &[])
    }

    fn start_with(ctx: &TestContext, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_morgue"))
            .args(["serve", "--bind", "127.0.0.1:0", "-q"])
            .args(extra)
            .current_dir(ctx.path())
            .env_remove("MORGUE_INDEX")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let address = line
            .trim()
            .strip_prefix("http://")
            .and_then(|a| a.strip_suffix('/'))
            .unwrap_or_else(|| panic!("serve printed {line:?}"))
            .to_string();
        Server { child, address }
    }

    fn get(&self, path: &str) -> Response {
        get(&self.address, path)
    }
}

/// GET `path` from `address`: status, headers (lower-case names) and body.
fn get(address: &str, path: &str) -> Response {
    {
        let mut stream = TcpStream::connect(address).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let raw = String::from_utf8(raw).unwrap();
        let (head, body) = raw.split_once("\r\n\r\n").unwrap();
        let mut lines = head.lines();
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(": "))
            .map(|(k, v)| (k.to_lowercase(), v.to_string()))
            .collect();
        Response {
            status,
            headers,
            body: body.to_string(),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        assert!(self.header("content-type").starts_with("application/json"));
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

fn archive() -> TestContext {
    let ctx = TestContext::with_archive();
    ctx.ingest();
    ctx
}

#[test]
fn pages_answer_with_their_content() {
    let ctx = archive();
    let server = Server::start(&ctx);
    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains("4 articles"), "{}", home.body);
    assert!(
        home.header("content-security-policy")
            .contains("default-src 'none'")
    );

    let search = server.get("/search?q=sea+wall");
    assert_eq!(search.status, 200);
    assert!(
        search.body.contains("<mark>sea</mark> <mark>wall</mark>"),
        "{}",
        search.body
    );
    assert!(search.body.contains("Judge halts sea wall contract"));

    let hits = server.get("/api/search?q=injunction").json();
    let id = hits[0]["id"].as_str().unwrap().to_string();
    let record = server.get(&format!("/records/{id}?q=injunction"));
    assert_eq!(record.status, 200);
    assert!(
        record.body.contains("class=\"passage matched\" id=\"p1\""),
        "{}",
        record.body
    );
    assert!(record.body.contains("<mark>injunction</mark>"));
    assert!(record.body.contains("Harbourton Gazette"));

    let timeline = server.get("/timeline?q=harbour&by=month");
    assert_eq!(timeline.status, 200);
    assert!(timeline.body.contains("<svg"));
    assert!(
        timeline
            .body
            .contains("<a href=\"/search?q=harbour&amp;from=2025-03-01&amp;to=2025-03-31\"><rect"),
        "{}",
        timeline.body
    );
    assert!(timeline.body.contains("<strong>month</strong>"));

    let persons = server.get("/persons");
    assert!(
        persons.body.contains("href=\"/persons/Ada%20Quinn\""),
        "{}",
        persons.body
    );
    let profile = server.get("/persons/Ada%20Quinn");
    assert_eq!(profile.status, 200);
    assert!(profile.body.contains("Articles per month") && profile.body.contains("2025-04"));
    let topics = server.get("/topics");
    assert!(topics.body.contains("Local News"));
}

#[test]
fn pages_page_through_results() {
    let ctx = TestContext::new();
    for n in 0..25 {
        ctx.write(
            &format!("archive/ferry-{n:02}.txt"),
            &format!("Ferry notice {n}\nPublished: {} May 2025\n\nThe ferry timetable changes on route {n} with {} sailings.\n", n + 1, n * 7 + 3),
        );
    }
    ctx.ingest();
    let server = Server::start(&ctx);
    let first = server.get("/search?q=ferry");
    assert_eq!(first.body.matches("<li class=\"hit\">").count(), 10);
    assert!(
        first
            .body
            .contains("rel=\"next\" href=\"/search?q=ferry&amp;page=2\"")
    );
    let last = server.get("/search?q=ferry&page=3");
    assert_eq!(last.body.matches("<li class=\"hit\">").count(), 5);
    assert!(!last.body.contains("rel=\"next\""));
    assert!(last.body.contains("rel=\"prev\""));
}

/// The CLI's JSON for the same question: JSON Lines as an array.
fn cli_json(ctx: &TestContext, args: &[&str]) -> Value {
    let run = ctx.run(args);
    Value::Array(run.json_lines())
}

#[test]
fn the_api_answers_what_the_cli_answers() {
    let ctx = archive();
    let server = Server::start(&ctx);
    let same = [
        (
            "/api/search?q=harbour&limit=3",
            vec!["search", "harbour", "--limit", "3", "--json"],
        ),
        (
            "/api/search?q=council&from=2025-03&to=2025-04",
            vec![
                "search", "council", "--from", "2025-03", "--to", "2025-04", "--json",
            ],
        ),
        (
            "/api/search?topic=Courts",
            vec!["search", "--topic", "Courts", "--json"],
        ),
        ("/api/persons", vec!["persons", "--json"]),
        ("/api/topics", vec!["topics", "--json"]),
        ("/api/persons/quinn", vec!["persons", "quinn", "--json"]),
    ];
    for (path, args) in same {
        let api = server.get(path);
        assert_eq!(api.status, 200, "{path}: {}", api.body);
        let cli = cli_json(&ctx, &args);
        assert!(
            !cli.as_array().unwrap().is_empty(),
            "{args:?} found nothing"
        );
        assert_eq!(api.json(), cli, "{path}");
    }
    for (path, args) in [
        (
            "/api/timeline?q=harbour&by=month",
            vec!["timeline", "harbour", "--by", "month", "--json"],
        ),
        ("/api/stats", vec!["stats", "--json"]),
    ] {
        assert_eq!(server.get(path).json(), ctx.run(&args).json(), "{path}");
    }
    let id = server.get("/api/search?q=festival").json()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        server.get(&format!("/api/records/{id}")).json(),
        ctx.run(&["show", &id, "--json"]).json()
    );
}

#[test]
fn errors_are_one_line_messages_with_their_status() {
    let ctx = archive();
    let server = Server::start(&ctx);
    let bad = server.get("/api/search?q=harbour+AND+(road");
    assert_eq!(bad.status, 400);
    let message = bad.json()["error"].as_str().unwrap().to_string();
    assert!(message.contains("parenthesis"), "{message}");
    assert!(!message.contains('\n'));
    let page = server.get("/search?q=harbour+AND+(road");
    assert_eq!(page.status, 400);
    assert!(page.body.contains("Cannot run this query") && page.body.contains("parenthesis"));
    assert_eq!(server.get("/api/search?from=soon").status, 400);
    assert!(
        server.get("/api/search?from=soon").json()["error"]
            .as_str()
            .unwrap()
            .contains("--from")
    );
    assert_eq!(server.get("/api/search?limit=-3").status, 400);
    assert_eq!(server.get("/api/records/0123456789abcdef").status, 404);
    assert_eq!(server.get("/records/0123456789abcdef").status, 404);
    assert_eq!(server.get("/api/persons/nobody-at-all").status, 404);
    let none = server.get("/search?q=zeppelin");
    assert_eq!(none.status, 200);
    assert!(none.body.contains("No results"));
}

#[test]
fn nothing_outside_the_index_is_served() {
    let ctx = archive();
    ctx.write("secret.txt", "root:x:0:0 the secret");
    let server = Server::start(&ctx);
    for path in [
        "/../secret.txt",
        "/assets/../secret.txt",
        "/assets/..%2F..%2Fsecret.txt",
        "/records/..%2F..%2Fsecret.txt",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/archive/harbour-road.txt",
        "/index/meta.json",
    ] {
        let response = server.get(path);
        assert!(
            matches!(response.status, 400 | 404),
            "{path}: {}",
            response.status
        );
        assert!(
            !response.body.contains("root:x") && !response.body.contains("Harbour road closes"),
            "{path}"
        );
    }
}

#[test]
fn hostile_clippings_render_as_text() {
    let ctx = TestContext::new();
    ctx.write(
        "archive/hostile.html",
        "<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; Harbour</title></head><body><article><h1>&lt;script&gt;alert(1)&lt;/script&gt; Harbour</h1><p>The harbour &lt;img src=x onerror=alert(2)&gt; council met on Monday to discuss the sea wall and the ferry.</p></article></body></html>",
    );
    ctx.write(
        "archive/quote.txt",
        "A \"quoted\" <b>title</b> & more\nPublished: 2 May 2025\n\nThe harbour <a href=\"javascript:alert(3)\">link</a> was noted.\n",
    );
    ctx.ingest();
    let server = Server::start(&ctx);
    let ids: Vec<String> = server
        .get("/api/search?q=harbour")
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 2);
    let mut pages = vec![
        server.get("/search?q=harbour").body,
        server.get("/timeline?q=harbour").body,
    ];
    pages.extend(
        ids.iter()
            .map(|id| server.get(&format!("/records/{id}?q=harbour")).body),
    );
    for body in pages {
        assert!(!body.contains("<script"), "{body}");
        assert!(!body.contains("<img"), "{body}");
        assert!(!body.contains("<a href=\"javascript"), "{body}");
        assert!(!body.contains("<b>title"), "{body}");
    }
    let search = server.get("/search?q=harbour").body;
    assert!(
        search.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{search}"
    );
}

#[test]
fn two_hundred_requests_at_once_all_answered() {
    let ctx = archive();
    let server = Server::start(&ctx);
    let address = server.address.clone();
    let threads: Vec<_> = (0..200)
        .map(|n| {
            let address = address.clone();
            std::thread::spawn(move || {
                let path = [
                    "/api/search?q=harbour",
                    "/search?q=wall",
                    "/api/stats",
                    "/timeline",
                ][n % 4];
                get(&address, path).status
            })
        })
        .collect();
    let statuses: Vec<u16> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
}

#[test]
fn new_commits_are_seen_without_a_restart() {
    let ctx = archive();
    let server = Server::start(&ctx);
    assert_eq!(
        server.get("/api/search?q=lighthouse").json(),
        Value::Array(vec![])
    );
    ctx.write(
        "archive/lighthouse.txt",
        "Lighthouse relit\nPublished: 9 June 2025\n\nThe old lighthouse was relit on Friday.\n",
    );
    ctx.ingest();
    let hits = server.get("/api/search?q=lighthouse").json();
    assert_eq!(hits[0]["title"], "Lighthouse relit");
    assert_eq!(server.get("/api/stats").json()["articles"], 5);
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_server_cleanly() {
    let ctx = archive();
    let mut server = Server::start(&ctx);
    assert_eq!(server.get("/").status, 200);
    let pid = server.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let status = server.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn another_address_than_loopback_is_warned_about() {
    let ctx = archive();
    let mut child = Command::new(env!("CARGO_BIN_EXE_morgue"))
        .args(["serve", "--bind", "0.0.0.0:0"])
        .current_dir(ctx.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        line.contains("warning") && line.contains("network"),
        "{line}"
    );
}

#[test]
fn serve_watch_shows_new_clippings_without_a_restart() {
    let ctx = archive();
    let server = Server::start_with(&ctx, &["--watch"]);
    ctx.write(
        "archive/beacon.txt",
        "Beacon restored\nPublished: 9 June 2025\n\nThe harbour beacon was restored on Friday.\n",
    );
    let start = std::time::Instant::now();
    while server
        .get("/api/search?q=beacon")
        .json()
        .as_array()
        .unwrap()
        .is_empty()
    {
        assert!(
            start.elapsed().as_secs() < 60,
            "the new clipping never appeared"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(
        server
            .get("/search?q=beacon")
            .body
            .contains("Beacon restored")
    );
    let busy = ctx.run(&["ingest"]);
    assert_eq!(
        busy.code, 2,
        "the watcher inside the server holds the writer lock"
    );
}

#[test]
fn the_record_page_lists_the_story_copies() {
    let ctx = TestContext::with_archive();
    let original = std::fs::read_to_string(ctx.path().join("archive/wall-ruling.txt")).unwrap();
    ctx.write("archive/saved-again/wall-ruling.txt", &original);
    ctx.ingest();
    let server = Server::start(&ctx);
    let hits = server.get("/api/search?q=halted").json();
    assert_eq!(hits[0]["copies"].as_array().unwrap().len(), 1, "{hits}");
    let id = hits[0]["id"].as_str().unwrap().to_string();
    let page = server.get(&format!("/records/{id}")).body;
    let copies = page.split("<dt>Copies</dt>").nth(1).unwrap();
    let copies = copies.split("</dd>").next().unwrap();
    assert_eq!(copies.matches("<li>").count(), 1, "{copies}");
    assert!(copies.contains("wall-ruling.txt"), "{copies}");
    let single = server.get("/api/search?q=festival").json()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let page = server.get(&format!("/records/{single}")).body;
    assert!(
        page.contains("<dt>Copies</dt><dd>–"),
        "a story without copies says so"
    );
}
