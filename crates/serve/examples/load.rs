//! Load bench for `attache serve`: N clients, each on its own keep-alive connection, send a
//! fixed number of GET requests for one path to a server on this machine, and the requests per
//! second and latency percentiles are printed. Bounded (it stops after the requests) and
//! refuses any address but loopback. Run through bench/serve.sh.
//!
//!     cargo run --release -p attache-serve --example load -- 127.0.0.1:8484 32 2000 /api/tally

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 4 {
        eprintln!("usage: load ADDR CLIENTS REQUESTS PATH...");
        std::process::exit(2);
    }
    let addr: SocketAddr = args[0].parse().expect("ADDR is IP:PORT");
    assert!(
        addr.ip().is_loopback(),
        "the load bench only runs against this machine"
    );
    let clients: usize = args[1].parse().expect("CLIENTS is a number");
    let requests: usize = args[2].parse().expect("REQUESTS is a number");
    for path in &args[3..] {
        run(addr, clients, requests, path);
    }
}

fn run(addr: SocketAddr, clients: usize, requests: usize, path: &str) {
    let per_client = requests.div_ceil(clients);
    let started = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|_| {
            let path = path.to_string();
            std::thread::spawn(move || client(addr, &path, per_client))
        })
        .collect();
    let mut latencies: Vec<Duration> = threads
        .into_iter()
        .flat_map(|t| t.join().expect("a client"))
        .collect();
    let wall = started.elapsed();
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{path}: {} requests, {clients} clients: {:.0} requests/s, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        latencies.len(),
        latencies.len() as f64 / wall.as_secs_f64(),
        ms(at(0.50)),
        ms(at(0.99)),
        ms(*latencies.last().unwrap()),
    );
}

/// One client: `count` requests on one connection, each answer read whole and checked for 200.
fn client(addr: SocketAddr, path: &str, count: usize) -> Vec<Duration> {
    let stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n");
    let mut latencies = Vec::with_capacity(count);
    let mut line = String::new();
    for _ in 0..count {
        let start = Instant::now();
        writer.write_all(request.as_bytes()).expect("send");
        line.clear();
        reader.read_line(&mut line).expect("status line");
        assert!(line.starts_with("HTTP/1.1 200"), "{path}: {line}");
        let mut length = 0;
        loop {
            line.clear();
            reader.read_line(&mut line).expect("header");
            if line == "\r\n" {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().expect("a length");
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).expect("body");
        latencies.push(start.elapsed());
    }
    latencies
}
