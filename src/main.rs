//! The `cruscotto` command: a thin shell over the library. Argument parsing, file access,
//! environment, output and exit codes live in [`cli`]; everything else is library code.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
