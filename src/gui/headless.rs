//! Running the window without a screen: every Task `update` returns is run to completion on a
//! tokio runtime and its messages are fed back to `update`, as the real runtime would. Used by
//! the GUI tests and the calendar frame benchmark.

use iced::Task;
use iced::futures::StreamExt;
use iced_runtime::Action;

use super::{App, Message};

/// Runs `task` and everything that follows from it, feeding each message to `app.update`.
/// Widget operations (focus and the like) need a real window and are skipped.
pub fn settle(app: &mut App, task: Task<Message>, runtime: &tokio::runtime::Runtime) {
    let mut pending = vec![task];
    while let Some(task) = pending.pop() {
        let Some(stream) = iced_runtime::task::into_stream(task) else {
            continue;
        };
        let actions: Vec<Action<Message>> = runtime.block_on(stream.collect());
        for action in actions {
            if let Action::Output(message) = action {
                pending.push(app.update(message));
            }
        }
    }
}

/// A runtime for [`settle`]: one thread plus tokio's blocking pool for the database.
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
}
