//! One daemon per SQLite file. SQLite has no leases, so two `claimwatch run` on one file
//! would poll every source twice; the second refuses, naming the first. The lock is an
//! advisory lock on `<database>.lock`, which the kernel releases when the holder exits (even
//! on kill -9), so a stale file never blocks a restart.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::StoreError;

/// The daemon's hold on its database; released when dropped or when the process ends.
#[derive(Debug)]
pub struct DaemonLock {
    file: File,
    path: PathBuf,
}

impl DaemonLock {
    /// Takes the lock beside `database`, recording this process as its holder.
    ///
    /// # Errors
    /// [`StoreError::InUse`] naming the holder when another process has it,
    /// [`StoreError::Open`] when the lock file cannot be created.
    pub fn acquire(database: &Path) -> Result<DaemonLock, StoreError> {
        let path = lock_path(database);
        let open = |message: String| StoreError::Open {
            path: database.to_path_buf(),
            message,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| open(format!("cannot create directory {}: {e}", dir.display())))?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| open(format!("cannot open lock file {}: {e}", path.display())))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim();
                return Err(StoreError::InUse {
                    path: database.to_path_buf(),
                    holder: if holder.is_empty() {
                        "another process".into()
                    } else {
                        holder.to_string()
                    },
                });
            }
            Err(TryLockError::Error(e)) => {
                return Err(open(format!("cannot lock {}: {e}", path.display())));
            }
        }
        let holder = format!(
            "claimwatch run (pid {} on {}, since {})",
            std::process::id(),
            host_name(),
            chrono::Utc::now().format("%Y-%m-%d %H:%M:%SZ")
        );
        let written = file
            .set_len(0)
            .and_then(|()| file.seek(SeekFrom::Start(0)))
            .and_then(|_| file.write_all(holder.as_bytes()))
            .and_then(|()| file.flush());
        written.map_err(|e| open(format!("cannot write lock file {}: {e}", path.display())))?;
        Ok(DaemonLock { file, path })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for DaemonLock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

/// `<database>.lock`.
fn lock_path(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// This machine's name, for the holder line.
fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "this host".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_with_the_first_named_until_it_lets_go() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("cw.db");
        let first = DaemonLock::acquire(&db).expect("first lock");
        let err = DaemonLock::acquire(&db).expect_err("second lock refused");
        let text = err.to_string();
        assert!(text.contains(&db.display().to_string()), "{text}");
        assert!(
            text.contains(&format!("pid {}", std::process::id())),
            "{text}"
        );
        assert!(text.contains("PostgreSQL"), "{text}");
        drop(first);
        let again = DaemonLock::acquire(&db).expect("lock free again");
        assert!(again.path().ends_with("cw.db.lock"));
    }
}
