//! The progress bar of long runs: on stderr, only when stderr is a terminal, the run has more
//! than [`MIN_PACKAGES`] packages and progress was asked for (`--quiet` turns it off).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Runs of this many packages or fewer show no bar.
pub const MIN_PACKAGES: usize = 5;

/// A progress bar that may be absent; every method is a no-op then.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    pub fn new(total: usize, wanted: bool) -> Progress {
        if !wanted || total <= MIN_PACKAGES || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("checking {pos}/{len} packages {wide_bar} {elapsed}")
        {
            bar.set_style(style);
        }
        Progress(Some(bar))
    }

    /// One more package done.
    pub fn tick(&self) {
        if let Some(b) = &self.0 {
            b.inc(1);
        }
    }

    /// Removes the bar before the report is printed.
    pub fn finish(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}
