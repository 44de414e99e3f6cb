//! Writing output files so that nothing good is ever lost.
//!
//! [`write_files`] writes every output to a temporary file created exclusively, under
//! a random name, in the directory of its target (so a link planted under a
//! predictable name cannot redirect it), flushes it to disk, and only when every
//! output is complete renames them over their targets and flushes the directories.
//! An existing target keeps its permissions; a target that is a symbolic link is
//! written through (the file it points to is replaced, the link stays); a target
//! with other hard links is refused, since replacing it would split them; a target
//! that is one of the inputs is refused.
//!
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let out = dir.path().join("plan.docx");
//! std::fs::write(&out, b"old").unwrap();
//! vanban::write::write_files(&[(out.as_path(), b"new".as_slice())], &[]).unwrap();
//! assert_eq!(std::fs::read(&out).unwrap(), b"new");
//! ```

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Error;

fn fail(path: &Path, message: impl Into<String>) -> Error {
    Error::Output(format!("{}: {}", path.display(), message.into()))
}

/// The file a target names: itself, or the file a symbolic link at it points to.
fn resolve(path: &Path) -> Result<PathBuf, Error> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).map_err(|e| {
            fail(
                path,
                format!("a symbolic link whose target cannot be reached ({e})"),
            )
        }),
        _ => Ok(path.to_path_buf()),
    }
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

#[cfg(unix)]
fn links(m: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    m.nlink()
}

#[cfg(not(unix))]
fn links(_: &fs::Metadata) -> u64 {
    1
}

/// Writes each `(path, bytes)`: all of them, or none (see the module).
/// `inputs` are the files the outputs were made from; an output that is one of
/// them is refused.
pub fn write_files(outputs: &[(&Path, &[u8])], inputs: &[&Path]) -> Result<(), Error> {
    let input_meta: Vec<fs::Metadata> =
        inputs.iter().filter_map(|p| fs::metadata(p).ok()).collect();
    let mut staged = Vec::with_capacity(outputs.len());
    for (path, bytes) in outputs {
        let target = resolve(path)?;
        let old = fs::metadata(&target).ok();
        if let Some(old) = &old {
            if input_meta.iter().any(|i| same_file(i, old)) {
                return Err(fail(
                    path,
                    "is the input file; write the output to another path",
                ));
            }
            if !old.is_file() {
                return Err(fail(path, "exists and is not a regular file"));
            }
            if links(old) > 1 {
                return Err(fail(
                    path,
                    format!(
                        "has {} hard links; replacing it would split them, so write to another path",
                        links(old)
                    ),
                ));
            }
        }
        if staged
            .iter()
            .any(|(t, _, _): &(PathBuf, _, _)| *t == target)
        {
            return Err(fail(path, "is named twice"));
        }
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .ok_or_else(|| fail(path, "is not a file name"))?
            .to_string_lossy()
            .to_string();
        let mut tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(|e| {
                fail(
                    path,
                    format!("cannot create a file in {}: {e}", dir.display()),
                )
            })?;
        tmp.write_all(bytes)
            .and_then(|()| tmp.as_file().sync_all())
            .map_err(|e| fail(path, e.to_string()))?;
        let perms = match &old {
            Some(old) => Some(old.permissions()),
            None => default_permissions(),
        };
        if let Some(perms) = perms {
            fs::set_permissions(tmp.path(), perms).map_err(|e| fail(path, e.to_string()))?;
        }
        staged.push((target, dir, tmp));
    }
    // Every output is complete on disk: now replace the targets.
    for (target, dir, tmp) in staged {
        tmp.persist(&target)
            .map_err(|e| fail(&target, e.error.to_string()))?;
        if let Ok(d) = fs::File::open(&dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}

/// A new file's permissions: read and write for all, less the process's umask, as
/// an ordinary `open` gives (tempfile makes its files private, 0600).
#[cfg(unix)]
fn default_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    // Linux shows the umask in /proc/self/status; reading it any other way sets it.
    let mask = fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Umask:"))
                .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
        })
        .unwrap_or(0o022);
    Some(fs::Permissions::from_mode(0o666 & !mask))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<fs::Permissions> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_or_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.docx");
        fs::write(&a, "OLD").unwrap();
        let bad = dir.path().join("missing/b.pdf");
        let err = write_files(&[(&a, b"NEW"), (&bad, b"X")], &[]).unwrap_err();
        assert!(err.to_string().contains("missing/b.pdf"), "{err}");
        assert_eq!(fs::read_to_string(&a).unwrap(), "OLD");
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
