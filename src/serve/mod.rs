//! `vanban serve`: the library behind HTTP, for systems that are not written in
//! Rust and for people who are not programmers.
//!
//! One process: axum on tokio answers, and the work that takes time (render,
//! check, import) runs on a [`Pool`] of worker threads with a bounded queue, so
//! a burst is answered `429` rather than starving the server. Every error is
//! `application/problem+json` ([`Problem`]). Nothing is kept between requests,
//! and no client names a file on the server: templates and fonts come from the
//! server's own flags.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! let config = vanban::serve::Config::default();
//! let server = vanban::serve::Server::bind(config).await?;
//! println!("listening on http://{}", server.local_addr());
//! server.run(std::future::pending()).await
//! # }
//! ```

mod api;
mod metrics;
mod multipart;
mod openapi;
mod page;
mod pool;
mod problem;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

pub use api::{DOCX, file_name};
pub use metrics::Metrics;
pub use openapi::openapi;
pub use pool::{Pool, Refused};
pub use problem::{At, PROBLEM_JSON, Problem, json_pointer};

use crate::Renderer;

/// How the server runs: set by flags and environment variables.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Where to listen.
    pub addr: SocketAddr,
    /// Renders at once (by default the machine's cores).
    pub workers: usize,
    /// Requests that may wait for a worker; one more is answered `429`.
    pub queue: usize,
    /// The largest body taken, bytes.
    pub body_limit: usize,
    /// How long one render, check or import may take.
    pub deadline: Duration,
    /// Templates overriding the built-in ones.
    pub templates: Option<PathBuf>,
    /// Times New Roman to measure and embed instead of Liberation Serif.
    pub font_dir: Option<PathBuf>,
}

impl Default for Config {
    /// 127.0.0.1:8080, a worker per core, 64 waiting, 8 MiB bodies, 10 s.
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            workers: std::thread::available_parallelism().map_or(2, |n| n.get()),
            queue: 64,
            body_limit: 8 << 20,
            deadline: Duration::from_secs(10),
            templates: None,
            font_dir: None,
        }
    }
}

impl std::fmt::Display for Config {
    /// The configuration as the server prints it at start.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let dir = |d: &Option<PathBuf>, none: &str| {
            d.as_ref()
                .map_or(none.to_string(), |p| p.display().to_string())
        };
        write!(
            f,
            "addr {}, {} workers, queue {}, body limit {} bytes, deadline {} s, templates {}, fonts {}",
            self.addr,
            self.workers,
            self.queue,
            self.body_limit,
            self.deadline.as_secs_f32(),
            dir(&self.templates, "built-in"),
            dir(&self.font_dir, "built-in (Liberation Serif)")
        )
    }
}

/// What every handler shares: read only but for the counters.
pub struct AppState {
    config: Config,
    renderer: Arc<Renderer>,
    pool: Pool,
    metrics: Metrics,
}

/// The routes, their limits and the counting of requests.
pub fn router(config: Config) -> crate::Result<Router> {
    let mut renderer = Renderer::new()?;
    if let Some(dir) = &config.templates {
        renderer = renderer.with_templates_dir(dir)?;
    }
    if let Some(dir) = &config.font_dir {
        renderer = renderer.with_font_dir(dir)?;
    }
    let state = Arc::new(AppState {
        pool: Pool::new(config.workers, config.queue, config.deadline),
        renderer: Arc::new(renderer),
        metrics: Metrics::default(),
        config,
    });
    Ok(Router::new()
        .route("/", get(page::index))
        .route("/page.js", get(page::script))
        .route("/page.css", get(page::style))
        .route("/v1/render", post(api::render))
        .route("/v1/check", post(api::check))
        .route("/v1/import", post(api::import))
        .route("/v1/types", get(api::types))
        .route("/v1/schema", get(api::schema))
        .route("/v1/new/{type}", get(api::new))
        .route("/healthz", get(api::healthz))
        .route("/metrics", get(api::metrics))
        .route("/openapi.json", get(api::openapi))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(state.config.body_limit))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            refuse_oversized,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), count))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(panicked))
        .with_state(state))
}

async fn not_found(req: Request) -> Problem {
    Problem::not_found(
        format!("no route {} {}", req.method(), req.uri().path()),
        format!("không có đường dẫn {} {}", req.method(), req.uri().path()),
    )
}

async fn method_not_allowed(req: Request) -> Problem {
    Problem::new(
        axum::http::StatusCode::METHOD_NOT_ALLOWED,
        "method-not-allowed",
        "Method not allowed",
        "Phương thức không được hỗ trợ",
        format!("{} is not allowed on {}", req.method(), req.uri().path()),
        format!("không dùng được {} cho {}", req.method(), req.uri().path()),
    )
}

fn panicked(e: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let what = e
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "a panic".to_string());
    Problem::internal(format!("the server failed on this request: {what}")).into_response()
}

/// Counts each request by its route and status, with its time.
async fn count(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("other".to_string(), |m| m.as_str().to_string());
    let start = Instant::now();
    state.metrics.started();
    let r = next.run(req).await;
    state
        .metrics
        .request(&route, r.status().as_u16(), start.elapsed());
    r
}

/// Refuses a body whose declared length is over the limit without keeping it:
/// it is read and dropped as it comes (up to [`DRAIN_LIMIT`]), so that the
/// client, still sending, reads the `413` rather than a broken connection. (A
/// body that declares no length meets the limit in the handler's extractor.)
async fn refuse_oversized(
    State(state): State<Arc<AppState>>,
    req: Request,
    next: Next,
) -> Response {
    let declared = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > state.config.body_limit as u64) {
        drain(req).await;
        return Problem::too_large(state.config.body_limit).into_response();
    }
    next.run(req).await
}

/// The most of a refused body read and dropped; beyond it the connection closes.
pub const DRAIN_LIMIT: u64 = 64 << 20;

async fn drain(req: Request) {
    use futures_util::StreamExt;
    let mut body = req.into_body().into_data_stream();
    let mut read = 0u64;
    while let Some(Ok(chunk)) = body.next().await {
        read += chunk.len() as u64;
        if read > DRAIN_LIMIT {
            break;
        }
    }
}

/// A server bound to its address, ready to run.
pub struct Server {
    listener: tokio::net::TcpListener,
    router: Router,
}

impl Server {
    /// Loads the renderer and binds the address (port 0 picks a free one).
    pub async fn bind(config: Config) -> std::io::Result<Server> {
        let router = router(config.clone()).map_err(std::io::Error::other)?;
        let listener = tokio::net::TcpListener::bind(config.addr).await?;
        Ok(Server { listener, router })
    }

    /// The address it listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Answers until `shutdown` completes, then finishes the requests in flight.
    pub async fn run(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown)
            .await
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
