//! A small HTTP/1.1 publisher on 127.0.0.1: serves the demo's bundled statements, and gives
//! tests a real server that can also answer 304, 500, hang, or send forever.
//!
//! It speaks just enough HTTP for a feed poller: GET, `If-None-Match`, `Content-Length`,
//! `Connection: close`. Types: [`LoopbackServer`], [`Route`], [`Behaviour`], [`Request`].

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// How a route answers beyond its status and body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Behaviour {
    /// Answers at once.
    Normal,
    /// Waits this long before answering.
    Delay(Duration),
    /// Sends the headers and a first chunk of the body, then goes silent.
    Stall,
    /// Sends body bytes forever.
    Endless,
}

/// What one path answers.
#[derive(Debug, Clone)]
pub struct Route {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type` header.
    pub content_type: String,
    /// The body.
    pub body: Vec<u8>,
    /// `ETag` header; a request with a matching `If-None-Match` gets a 304.
    pub etag: Option<String>,
    /// Special behaviour.
    pub behaviour: Behaviour,
    /// Extra headers (`Retry-After`, `Location`, `Content-Encoding`…).
    pub headers: Vec<(String, String)>,
}

impl Route {
    /// A 200 with the given content type and body, and an ETag derived from the body.
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        let body = body.into();
        let etag = format!(
            "\"{}\"",
            &crate::parse::content_hash(&[&String::from_utf8_lossy(&body)])[..16]
        );
        Self {
            status: 200,
            content_type: content_type.to_owned(),
            body,
            etag: Some(etag),
            behaviour: Behaviour::Normal,
            headers: Vec::new(),
        }
    }

    /// A bare status with a short text body.
    pub fn status(status: u16) -> Self {
        Self {
            status,
            content_type: "text/plain".into(),
            body: format!("status {status}\n").into_bytes(),
            etag: None,
            behaviour: Behaviour::Normal,
            headers: Vec::new(),
        }
    }

    /// The same route with one more header.
    #[must_use]
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The same route with another behaviour.
    #[must_use]
    pub fn with_behaviour(mut self, behaviour: Behaviour) -> Self {
        self.behaviour = behaviour;
        self
    }
}

type Routes = Arc<Mutex<HashMap<String, Route>>>;
type Hits = Arc<Mutex<HashMap<String, Vec<Request>>>>;

/// A request the server received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// GET, POST…
    pub method: String,
    /// Its `If-None-Match` header.
    pub if_none_match: Option<String>,
    /// Every header, names lowercased.
    pub headers: Vec<(String, String)>,
    /// The body (for a POST).
    pub body: Vec<u8>,
}

impl Request {
    /// A header's value by its lowercase name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A running loopback server; it stops when dropped.
#[derive(Debug)]
pub struct LoopbackServer {
    addr: SocketAddr,
    routes: Routes,
    hits: Hits,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for LoopbackServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        304 => "Not Modified",
        404 => "Not Found",
        301 => "Moved Permanently",
        302 => "Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

async fn serve(mut stream: TcpStream, routes: Routes, hits: Hits) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut chunk).await?;
        if n == 0 || buf.len() > 16 * 1024 {
            return Ok(());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let split = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(buf.len(), |i| i + 4);
    let head = String::from_utf8_lossy(&buf[..split]).into_owned();
    let mut words = head.split_whitespace();
    let method = words.next().unwrap_or("GET").to_owned();
    let path = words.next().unwrap_or("/").to_owned();
    let headers: Vec<(String, String)> = head
        .lines()
        .skip(1)
        .filter_map(|l| {
            let (k, v) = l.split_once(':')?;
            Some((k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        })
        .collect();
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let if_none_match = header("if-none-match");
    // Read a request body (a webhook's POST) up to its Content-Length, at most 1 MiB.
    let length = header("content-length")
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(0)
        .min(1 << 20);
    let mut body = buf[split..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    if let Ok(mut h) = hits.lock() {
        h.entry(path.clone()).or_default().push(Request {
            method,
            if_none_match: if_none_match.clone(),
            headers: headers.clone(),
            body,
        });
    }
    let route = routes
        .lock()
        .ok()
        .and_then(|r| r.get(&path).cloned())
        .unwrap_or_else(|| Route::status(404));
    if let Behaviour::Delay(d) = route.behaviour {
        tokio::time::sleep(d).await;
    }
    let not_modified = route.status == 200 && route.etag.is_some() && if_none_match == route.etag;
    let status = if not_modified { 304 } else { route.status };
    let mut response = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {}\r\nConnection: close\r\n",
        reason(status),
        route.content_type
    );
    if let Some(etag) = &route.etag {
        response.push_str(&format!("ETag: {etag}\r\n"));
    }
    for (name, value) in &route.headers {
        response.push_str(&format!("{name}: {value}\r\n"));
    }
    match route.behaviour {
        Behaviour::Endless | Behaviour::Stall => {}
        _ if not_modified => response.push_str("Content-Length: 0\r\n"),
        _ => response.push_str(&format!("Content-Length: {}\r\n", route.body.len())),
    }
    response.push_str("\r\n");
    stream.write_all(response.as_bytes()).await?;
    match route.behaviour {
        _ if not_modified => {}
        Behaviour::Endless => {
            let filler = vec![b' '; 64 * 1024];
            stream.write_all(&route.body).await?;
            loop {
                stream.write_all(&filler).await?;
            }
        }
        Behaviour::Stall => {
            let half = route.body.len() / 2;
            stream.write_all(&route.body[..half]).await?;
            stream.flush().await?;
            tokio::time::sleep(Duration::from_secs(3600)).await;
        }
        _ => stream.write_all(&route.body).await?,
    }
    stream.shutdown().await
}

impl LoopbackServer {
    /// Binds 127.0.0.1 on a free port and serves `routes` (path → route).
    ///
    /// # Errors
    /// The bind error.
    pub async fn start(routes: HashMap<String, Route>) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let routes: Routes = Arc::new(Mutex::new(routes));
        let hits: Hits = Arc::default();
        let (r, h) = (Arc::clone(&routes), Arc::clone(&hits));
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (r, h) = (Arc::clone(&r), Arc::clone(&h));
                tokio::spawn(async move {
                    let _ = serve(stream, r, h).await;
                });
            }
        });
        Ok(Self {
            addr,
            routes,
            hits,
            task,
        })
    }

    /// The absolute URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Replaces or adds the route at `path`.
    pub fn set_route(&self, path: &str, route: Route) {
        if let Ok(mut r) = self.routes.lock() {
            r.insert(path.to_owned(), route);
        }
    }

    /// The `If-None-Match` value of every request made to `path`, in order.
    pub fn requests(&self, path: &str) -> Vec<Option<String>> {
        self.received(path)
            .into_iter()
            .map(|r| r.if_none_match)
            .collect()
    }

    /// Every request made to `path`, in order.
    pub fn received(&self, path: &str) -> Vec<Request> {
        self.hits
            .lock()
            .ok()
            .and_then(|h| h.get(path).cloned())
            .unwrap_or_default()
    }
}
