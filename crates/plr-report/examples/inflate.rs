//! The floor of `plr snapshot` over a zip of exports: the zip opened as `plr` opens it (read
//! where needed, never whole), its directory read and every `.json` entry unpacked (its local header, zlib-rs inflating it, its CRC-32) on
//! every core, one reused buffer per thread as `plr` reads them, and nothing else done with
//! them. `bench/snapshot.sh` times it beside `plr snapshot` over the same zip ("inflate"); it
//! prints how long opening the zip (reading its directory) and unpacking took.
//!
//! `cargo run --profile native -p plr-report --example inflate -- exports.zip` (`THREADS=1`
//! for one thread)

use std::time::Instant;

use plr_report::zipped::Archive;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: inflate ZIP");
        std::process::exit(2);
    };
    let start = Instant::now();
    let archive = Archive::open_file(&path, std::path::Path::new(&path))
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    let opened = start.elapsed();
    let threads = std::env::var("THREADS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    // Entry i on thread i % threads: each thread its own copy of the directory and buffer.
    let unpacked: usize = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|first| {
                let mut archive = archive.clone();
                scope.spawn(move || {
                    let mut buffer = Vec::new();
                    (first..archive.len())
                        .step_by(threads)
                        .map(|i| match archive.read_into(i, &mut buffer) {
                            Ok(()) => buffer.len(),
                            Err(_) => 0,
                        })
                        .sum::<usize>()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or(0)).sum()
    });
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} entries, {} bytes unpacked on {threads} threads: opened in {:.1} ms, unpacked in {:.1} ms",
        archive.len(),
        unpacked,
        ms(opened),
        ms(start.elapsed() - opened)
    );
}
