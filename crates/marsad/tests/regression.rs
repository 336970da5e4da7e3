//! One test per bug that was reported or found, named after what broke.

use assert_cmd::Command;
use std::process::Stdio;

/// `marsad stats | head -1` printed a panic ("failed printing to stdout: Broken pipe")
/// once `head` had closed the pipe.
#[test]
fn closed_stdout_ends_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    Command::cargo_bin("marsad")
        .unwrap()
        .args(["ingest", "--demo", "--data"])
        .arg(&data)
        .assert()
        .success();
    for args in [
        &["stats"][..],
        &["search", "--limit", "50", "الساحل"],
        &["show", "0"],
    ] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("marsad"))
            .args(args)
            .arg("--data")
            .arg(&data)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before the command writes anything.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}
