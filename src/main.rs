//! The `frontdesk` program: the calendar window, or with a command the command line.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
