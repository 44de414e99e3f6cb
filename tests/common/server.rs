//! A `vanban serve` on a free local port, for the tests that talk to one.

use std::net::SocketAddr;
use std::time::Duration;

use vanban::serve::{Config, Server};

/// A server on 127.0.0.1 with a free port, run on its own runtime, and the
/// sender that stops it.
pub struct Running {
    pub addr: SocketAddr,
    pub stop: Option<tokio::sync::oneshot::Sender<()>>,
    pub thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

pub fn start(config: Config) -> Running {
    let (tx, rx) = std::sync::mpsc::channel();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async move {
            let server = Server::bind(Config {
                addr: SocketAddr::from(([127, 0, 0, 1], 0)),
                ..config
            })
            .await
            .unwrap();
            tx.send(server.local_addr()).unwrap();
            server
                .run(async {
                    let _ = stopped.await;
                })
                .await
                .unwrap();
        });
    });
    let addr = rx.recv_timeout(Duration::from_secs(30)).unwrap();
    Running {
        addr,
        stop: Some(stop),
        thread: Some(thread),
    }
}
