//! The demo corpus compiled into the binary (see `build.rs` and `demo/README.md`).

include!(concat!(env!("OUT_DIR"), "/demo_files.rs"));

/// Reads every demo file as the ingest layer reads files, naming each `demo/PATH`.
pub fn read(opts: &marsad_ingest::Options, sink: &mut dyn FnMut(marsad_ingest::Event)) {
    for (path, bytes) in FILES {
        marsad_ingest::read_bytes(&format!("demo/{path}"), bytes, opts, sink);
    }
}
