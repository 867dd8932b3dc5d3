use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;

/// Answers 200 when the database answers; load balancers and the start-up benchmark use it.
pub async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.store.health().await {
        Ok(()) => (StatusCode::OK, "ok\n"),
        Err(e) => {
            tracing::warn!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
        }
    }
}
