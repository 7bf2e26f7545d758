//! The `frontdesk` program: the command line today; the calendar window joins it later.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
