//! The `cruscotto` command: a thin shell over the library. Argument parsing, file access,
//! environment, output and exit codes live in [`cli`]; everything else is library code.

mod cli;

/// On Linux the command allocates with jemalloc rather than the C library's allocator. A big plan
/// is read, checked and scored on every core, and glibc's per-thread arenas neither share what
/// one thread frees with another nor give back the holes a freed raw plan leaves: with jemalloc,
/// `score` of 100,000 indicators and a million actual values takes about a sixth less time, and
/// `check` less memory (ARCHITECTURE.md, the eighth step). Elsewhere (the Windows build) the
/// system's allocator is used. The library does not choose: a program using it keeps its own.
#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
