//! Counters for `GET /metrics`, in Prometheus' text format: requests by route
//! and status, their time, renders by type and format, and the queue's depth.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// The server's counters; cheap to update from every request.
#[derive(Debug, Default)]
pub struct Metrics {
    inner: Mutex<Counters>,
    in_flight: AtomicUsize,
}

#[derive(Debug, Default)]
struct Counters {
    /// (route, status) → count.
    requests: BTreeMap<(String, u16), u64>,
    /// route → (seconds summed, count).
    seconds: BTreeMap<String, (f64, u64)>,
    /// (type, format) → count.
    renders: BTreeMap<(String, String), u64>,
}

impl Metrics {
    /// A request has come in (until [`Metrics::request`] counts it answered).
    pub fn started(&self) {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts a request answered.
    pub fn request(&self, route: &str, status: u16, took: Duration) {
        self.in_flight.fetch_sub(1, Ordering::Relaxed);
        let mut c = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        *c.requests.entry((route.to_string(), status)).or_default() += 1;
        let s = c.seconds.entry(route.to_string()).or_default();
        s.0 += took.as_secs_f64();
        s.1 += 1;
    }

    /// Counts a document rendered.
    pub fn render(&self, doc_type: &str, format: &str) {
        let mut c = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        *c.renders
            .entry((doc_type.to_string(), format.to_string()))
            .or_default() += 1;
    }

    /// The text `GET /metrics` answers, with the queue's depth now.
    ///
    /// ```
    /// let m = vanban::serve::Metrics::default();
    /// m.started();
    /// m.request("/v1/render", 200, std::time::Duration::from_millis(12));
    /// m.render("ke-hoach", "pdf");
    /// let text = m.to_prometheus(3);
    /// assert!(text.contains("vanban_requests_total{route=\"/v1/render\",status=\"200\"} 1"));
    /// assert!(text.contains("vanban_renders_total{type=\"ke-hoach\",format=\"pdf\"} 1"));
    /// assert!(text.contains("vanban_queue_depth 3"));
    /// ```
    pub fn to_prometheus(&self, queue_depth: usize) -> String {
        let c = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = String::new();
        out.push_str("# HELP vanban_requests_total Requests answered, by route and status.\n");
        out.push_str("# TYPE vanban_requests_total counter\n");
        for ((route, status), n) in &c.requests {
            let _ = writeln!(
                out,
                "vanban_requests_total{{route=\"{route}\",status=\"{status}\"}} {n}"
            );
        }
        out.push_str("# HELP vanban_errors_total Requests answered with a 4xx or 5xx status.\n");
        out.push_str("# TYPE vanban_errors_total counter\n");
        let mut errors: BTreeMap<u16, u64> = BTreeMap::new();
        for ((_, status), n) in &c.requests {
            if *status >= 400 {
                *errors.entry(*status).or_default() += n;
            }
        }
        for (status, n) in errors {
            let _ = writeln!(out, "vanban_errors_total{{status=\"{status}\"}} {n}");
        }
        out.push_str(
            "# HELP vanban_request_duration_seconds Time to answer, by route.\n\
             # TYPE vanban_request_duration_seconds summary\n",
        );
        for (route, (sum, count)) in &c.seconds {
            let _ = writeln!(
                out,
                "vanban_request_duration_seconds_sum{{route=\"{route}\"}} {sum:.6}\n\
                 vanban_request_duration_seconds_count{{route=\"{route}\"}} {count}"
            );
        }
        out.push_str("# HELP vanban_renders_total Documents rendered, by type and format.\n");
        out.push_str("# TYPE vanban_renders_total counter\n");
        for ((t, f), n) in &c.renders {
            let _ = writeln!(
                out,
                "vanban_renders_total{{type=\"{t}\",format=\"{f}\"}} {n}"
            );
        }
        out.push_str("# HELP vanban_requests_in_flight Requests being answered.\n");
        out.push_str("# TYPE vanban_requests_in_flight gauge\n");
        let _ = writeln!(
            out,
            "vanban_requests_in_flight {}",
            self.in_flight.load(Ordering::Relaxed)
        );
        out.push_str("# HELP vanban_queue_depth Jobs waiting for a worker.\n");
        out.push_str("# TYPE vanban_queue_depth gauge\n");
        let _ = writeln!(out, "vanban_queue_depth {queue_depth}");
        out
    }
}
