//! `morgue serve`: the archive as local web pages and a JSON API, read-only over the
//! index, answering from the last commit while an ingest runs.

mod api;
mod pages;
mod params;

use crate::error::Error;
use crate::index::ClippingIndex;
use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Longest a request may run before it is answered with an error.
const REQUEST_TIME: Duration = Duration::from_secs(20);

/// What strict limits the pages live under: nothing but our own stylesheet, no scripts
/// from anywhere (the pages need none), no framing, forms only to ourselves.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The index shared by every request, and the commit it was last reloaded at.
pub struct Shared {
    index: ClippingIndex,
    generation: AtomicU64,
}

impl Shared {
    /// The index, reloaded first when another process has committed since.
    fn fresh(&self) -> Result<&ClippingIndex, Error> {
        let now = self.index.committed_generation()?;
        if self.generation.swap(now, Ordering::AcqRel) != now {
            self.index.reload()?;
        }
        Ok(&self.index)
    }
}

type State = Arc<Shared>;

/// A failed request: the status and the one-line message the CLI would print.
#[derive(Debug)]
pub struct Failure {
    status: StatusCode,
    message: String,
}

impl Failure {
    fn bad_request(message: impl Into<String>) -> Failure {
        Failure {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    fn not_found(message: impl Into<String>) -> Failure {
        Failure {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        let status = match error {
            Error::Query(_) | Error::AmbiguousId(..) => StatusCode::BAD_REQUEST,
            Error::UnknownId(_) => StatusCode::NOT_FOUND,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        Failure {
            status,
            message: error.to_string(),
        }
    }
}

/// Runs `work` on the blocking pool (tantivy reads files), bounded in time.
async fn blocking<T: Send + 'static>(
    state: &State,
    work: impl FnOnce(&ClippingIndex) -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    let state = state.clone();
    let task = tokio::task::spawn_blocking(move || work(state.fresh()?));
    match tokio::time::timeout(REQUEST_TIME, task).await {
        Ok(Ok(answer)) => answer,
        Ok(Err(_)) => Err(Failure {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: "internal error while answering; the server goes on".to_string(),
        }),
        Err(_) => Err(Failure {
            status: StatusCode::SERVICE_UNAVAILABLE,
            message: format!(
                "the answer took longer than {} s; narrow the query",
                REQUEST_TIME.as_secs()
            ),
        }),
    }
}

/// The application: every page and API route over one open index.
pub fn router(index: ClippingIndex) -> Router {
    let state = Arc::new(Shared {
        generation: AtomicU64::new(index.committed_generation().unwrap_or(0)),
        index,
    });
    Router::new()
        .route("/", get(pages::home))
        .route("/search", get(pages::search))
        .route("/records/{id}", get(pages::record))
        .route("/timeline", get(pages::timeline))
        .route("/persons", get(pages::persons))
        .route("/persons/{name}", get(pages::person))
        .route("/topics", get(pages::topics))
        .route("/assets/style.css", get(pages::stylesheet))
        .route("/api/search", get(api::search))
        .route("/api/records/{id}", get(api::record))
        .route("/api/timeline", get(api::timeline))
        .route("/api/persons", get(api::persons))
        .route("/api/persons/{name}", get(api::person))
        .route("/api/topics", get(api::topics))
        .route("/api/stats", get(api::stats))
        .fallback(pages::not_found)
        .layer(axum::middleware::map_response(secure_headers))
        .with_state(state)
}

async fn secure_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

/// Whether an address lets other machines in (anything but loopback).
pub fn is_public(address: &SocketAddr) -> bool {
    !address.ip().is_loopback()
}

/// Serves until Ctrl-C or SIGTERM; `ready` hears the bound address (port 0 picks one).
pub fn serve(
    index: ClippingIndex,
    address: SocketAddr,
    ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(address).await?;
        ready(listener.local_addr()?);
        axum::serve(listener, router(index))
            .with_graceful_shutdown(stop_signal())
            .await
    })
}

async fn stop_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}

/// A JSON body with its content type.
fn json_response(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}
