//! Work on many independent items spread over the machine's cores, with the results in the
//! items' order: what comes out is the same however many threads did it.
//!
//! Used where a big plan has one piece of work per indicator (scoring, the rows of a table).
//! A small plan (every plan a body writes by hand, each plan of `score-many`) stays on the
//! calling thread: starting threads would cost more than the work.

/// Below this many items, the work stays on the calling thread.
pub const PARALLEL_FROM: usize = 8192;

/// How many threads to share `items` items among: 1 below [`PARALLEL_FROM`], else the cores.
pub(crate) fn threads_for(items: usize) -> usize {
    #[cfg(test)]
    if SEQUENTIAL.get() {
        return 1;
    }
    if items < PARALLEL_FROM {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(items / (PARALLEL_FROM / 2)).max(1)
}

/// `f` of each item, in the items' order. A big slice is cut into one contiguous share per core;
/// a share whose thread cannot be started (a limit of the system) is done on the calling thread.
/// A panic in `f` is passed on to the caller.
pub fn map<'a, T: Sync, R: Send>(items: &'a [T], f: impl Fn(&'a T) -> R + Sync) -> Vec<R> {
    map_shares(items, |share| share.iter().map(&f).collect::<Vec<R>>()).into_iter().flatten().collect()
}

/// `f` of each contiguous share of `items` (one share per thread, all of `items` in one share
/// below [`PARALLEL_FROM`]), in order.
pub fn map_shares<'a, T: Sync, R: Send>(items: &'a [T], f: impl Fn(&'a [T]) -> R + Sync) -> Vec<R> {
    map_shares_from(items, |_, share| f(share))
}

/// [`map_shares`], `f` told where its share starts in `items` (the first share is the one that
/// starts at 0).
pub fn map_shares_from<'a, T: Sync, R: Send>(items: &'a [T], f: impl Fn(usize, &'a [T]) -> R + Sync) -> Vec<R> {
    let threads = threads_for(items.len());
    if threads == 1 {
        return vec![f(0, items)];
    }
    let size = items.len().div_ceil(threads);
    let mut shares = items.chunks(size).enumerate().map(|(n, share)| (n * size, share));
    let first = shares.next().unwrap_or_default();
    let f = &f;
    let work = |(start, share): (usize, &'a [T])| f(start, share);
    std::thread::scope(|scope| {
        let others: Vec<_> = shares.map(|share| spawn(scope, share, work)).collect();
        let mut done = vec![work(first)];
        done.extend(others.into_iter().map(|other| join(other, work)));
        done
    })
}

/// `f` of each of a few `items` that are each a big piece of work (a share made by
/// [`map_shares`]), each on a thread of its own, the first on the calling thread; in order.
pub fn map_each<'a, T: Sync, R: Send>(items: &'a [T], f: impl Fn(&'a T) -> R + Sync) -> Vec<R> {
    #[cfg(test)]
    if SEQUENTIAL.get() {
        return items.iter().map(f).collect();
    }
    let Some((first, others)) = items.split_first() else { return Vec::new() };
    let f = &f;
    std::thread::scope(|scope| {
        let others: Vec<_> = others.iter().map(|item| spawn(scope, item, f)).collect();
        let mut done = vec![f(first)];
        done.extend(others.into_iter().map(|other| join(other, f)));
        done
    })
}

/// A share of [`map_shares_mut`] waiting to be taken, with where it starts.
type Slot<'a, T> = std::sync::Mutex<Option<(usize, &'a mut [T])>>;

/// `f` of each contiguous share of `items`, told where its share starts and free to change
/// it: [`map_shares_from`] for work that takes what it needs out of the items. A share whose
/// thread cannot be started is worked on the calling thread.
pub fn map_shares_mut<T: Send, R: Send>(items: &mut [T], f: impl Fn(usize, &mut [T]) -> R + Sync) -> Vec<R> {
    let threads = threads_for(items.len());
    if threads == 1 {
        return vec![f(0, items)];
    }
    let size = items.len().div_ceil(threads);
    // Each share waits in a slot for the thread that takes it, or, when that thread cannot be
    // started, for the calling thread.
    let slots: Vec<Slot<'_, T>> =
        items.chunks_mut(size).enumerate().map(|(n, share)| std::sync::Mutex::new(Some((n * size, share)))).collect();
    let f = &f;
    let work = |slot: &Slot<'_, T>| {
        let taken = slot.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
        taken.map(|(start, share)| f(start, share))
    };
    let (first, others) = slots.split_first().expect("at least two shares");
    std::thread::scope(|scope| {
        let others: Vec<_> = others.iter().map(|slot| spawn(scope, slot, work)).collect();
        let mut done = vec![work(first)];
        done.extend(others.into_iter().map(|other| join(other, work)));
        done.into_iter().map(|result| result.expect("each share worked once")).collect()
    })
}

/// `work(share)` on a thread of its own in `scope`; `Err(share)` when the system cannot start
/// one (a limit of the system), for the caller to do it with [`join`].
pub(crate) fn spawn<'scope, S: Copy + Send + 'scope, R: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    share: S,
    work: impl FnOnce(S) -> R + Send + 'scope,
) -> Result<std::thread::ScopedJoinHandle<'scope, R>, S> {
    std::thread::Builder::new().spawn_scoped(scope, move || work(share)).map_err(|_| share)
}

/// What [`spawn`] started: its thread's result (a panic there is passed on), or `work(share)`
/// done on the calling thread.
pub(crate) fn join<S, R>(started: Result<std::thread::ScopedJoinHandle<'_, R>, S>, work: impl FnOnce(S) -> R) -> R {
    match started {
        Ok(thread) => thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        Err(share) => work(share),
    }
}

#[cfg(test)]
thread_local! {
    /// Whether the work of this thread stays on it whatever its size ([`sequentially`]).
    static SEQUENTIAL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `f`, with all the work it asks of this module done on the calling thread: what the work
/// spread over the cores is compared with.
#[cfg(test)]
pub(crate) fn sequentially<R>(f: impl FnOnce() -> R) -> R {
    SEQUENTIAL.set(true);
    let result = f();
    SEQUENTIAL.set(false);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_items_order_whatever_the_size() {
        for len in [0, 1, 7, PARALLEL_FROM - 1, PARALLEL_FROM, PARALLEL_FROM + 1, 3 * PARALLEL_FROM + 5] {
            let items: Vec<usize> = (0..len).collect();
            let doubled = map(&items, |i| i * 2);
            assert_eq!(doubled, items.iter().map(|i| i * 2).collect::<Vec<_>>(), "{len}");
            let shares = map_shares(&items, <[usize]>::len);
            assert_eq!(shares.iter().sum::<usize>(), len);
            let starts = map_shares_from(&items, |start, share| (start, share.first().copied()));
            let mut changed = items.clone();
            let started = map_shares_mut(&mut changed, |start, share| {
                share.iter_mut().for_each(|i| *i += 1);
                start
            });
            assert_eq!(changed, items.iter().map(|i| i + 1).collect::<Vec<_>>(), "{len}");
            assert_eq!(started, starts.iter().map(|&(start, _)| start).collect::<Vec<_>>(), "{len}");
            assert!(starts.iter().all(|&(start, first)| first.is_none_or(|first| first == start)), "{starts:?}");
            assert_eq!(starts[0].0, 0);
            assert!(len >= PARALLEL_FROM || shares.len() == 1, "{len}: {shares:?}");
        }
    }

    /// A plan of `n` indicators over a few objectives, with what makes rows differ: names long
    /// enough to wrap, a hidden character, a target of two conditions, values met, missed and
    /// missing, a note.
    fn big_plan_and_actuals(n: usize) -> (String, String) {
        let mut plan = String::from(
            "[plan]\nbody = \"Camera di Commercio di Esempio\"\ntitle = \"Piano\"\nyear = 2019\n\
             horizon = [2019, 2021]\nadopted-by = { body = \"Giunta\", number = \"1\", date = 2019-01-30 }\n\n\
             [[mission]]\nid = \"M1\"\nname = \"Competitività\"\n",
        );
        for o in 0..4 {
            plan.push_str(&format!(
                "\n[[strategic-objective]]\nid = \"S{o}\"\nmission = \"M1\"\nname = \"Obiettivo {o}\"\n"
            ));
        }
        let mut actuals = String::from("indicator;year;value;note\n");
        for i in 0..n {
            let name = match i % 5 {
                0 => format!("Pratiche {i} evase"),
                1 => format!("Pratiche del tipo {i} evase entro trenta giorni dalla ricezione della domanda completa"),
                // A bell, written as TOML escapes it.
                2 => format!("Imprese {i}\\u0007segnalate"),
                _ => format!("Indicatore {i}"),
            };
            let target = if i % 7 == 0 { "≥ 10; ≤ 90" } else { "≥ 50" };
            plan.push_str(&format!(
                "\n[[indicator]]\nid = \"S{}.{i}\"\nobjective = \"S{}\"\nname = \"{}\"\ntargets = {{ 2019 = \"{target}\" }}\n",
                i % 4,
                i % 4,
                name
            ));
            if i % 11 != 0 {
                let note = if i % 13 == 0 { "scostamento dovuto a cause esterne" } else { "" };
                actuals.push_str(&format!("S{}.{i};2019;{};{note}\n", i % 4, (i * 37) % 120));
            }
        }
        (plan, actuals)
    }

    #[test]
    fn a_big_plan_is_scored_and_drawn_as_on_one_thread() {
        use crate::render::score::{ReportLevel, TableOptions, csv, table};
        let (plan_text, actuals_text) = big_plan_and_actuals(PARALLEL_FROM + 1000);
        let checked = crate::check_plan(&crate::source::SourceFile::new("big.toml", plan_text));
        let errors: Vec<String> = checked.diagnostics.iter().take(3).map(|d| format!("{d:?}")).collect();
        let plan = checked.plan.unwrap_or_else(|| panic!("{errors:?}"));
        let sources = [crate::source::SourceFile::new("big.csv", actuals_text)];
        let (actuals, diagnostics) = crate::actuals::read(&plan, &sources);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let outputs = || {
            let scorecard = crate::score::score_period(&plan, &actuals, crate::period::Period::year(2019));
            let mut outputs = vec![csv(&plan, &scorecard, ReportLevel::All)];
            for width in [60, 120, 400] {
                let options = TableOptions {
                    level: ReportLevel::All,
                    explain: false,
                    width,
                    style: crate::render::style::Style::PLAIN,
                    lang: crate::i18n::Lang::It,
                    columns: None,
                };
                outputs.push(table(&plan, &scorecard, options));
            }
            outputs
        };
        let spread = outputs();
        let alone = sequentially(outputs);
        assert!(spread[3].contains("Imprese 2\\u{7}segnalate"), "{}", &spread[3][..2000]);
        assert!(spread[1].lines().count() > 2 * PARALLEL_FROM, "names wrap at 60 columns");
        for (spread, alone) in spread.iter().zip(&alone) {
            assert!(spread == alone, "the outputs differ");
        }
    }

    /// A big plan with findings in its indicators, some of them asking for more suggestions
    /// ("did you mean") than a file is given, reads as on one thread: the same plan, the same
    /// findings in the same order, the suggestions given to the same first ones.
    #[test]
    fn a_big_plan_is_checked_as_on_one_thread() {
        let mut plan = String::from(
            "[plan]\nbody = \"Camera di Commercio di Esempio\"\ntitle = \"Piano\"\nyear = 2019\n\
             horizon = [2019, 2021]\nadopted-by = { body = \"Giunta\", number = \"1\", date = 2019-01-30 }\n\n\
             [[area]]\nid = \"A\"\n\n[[service]]\nid = \"servizio\"\narea = \"A\"\n\n\
             [[mission]]\nid = \"M1\"\nname = \"Competitività\"\n\n\
             [[strategic-objective]]\nid = \"S0\"\nmission = \"M1\"\nname = \"Obiettivo\"\n",
        );
        let n = PARALLEL_FROM + 1000;
        for i in 0..n {
            // A typo of the service in one indicator of 40 (more than the file's suggestions),
            // a service nobody declared in one of 53, a target out of the horizon in one of 31.
            let service = match i {
                _ if i % 40 == 0 => "servizo",
                _ if i % 53 == 0 => "ufficio-stampa",
                _ => "servizio",
            };
            let year = if i % 31 == 0 { 2025 } else { 2019 };
            plan.push_str(&format!(
                "\n[[indicator]]\nid = \"S0.{i}\"\nobjective = \"S0\"\nname = \"Indicatore {i}\"\n\
                 services = \"{service}\"\ntargets = {{ {year} = \"≥ 50\" }}\n"
            ));
        }
        let check = || {
            let checked = crate::check_plan(&crate::source::SourceFile::new("big.toml", plan.as_str()));
            format!("{:?}\n{:#?}", checked.plan, checked.diagnostics)
        };
        let spread = check();
        let alone = sequentially(check);
        // The budget is spent before the last typos: they get the plain help.
        let suggestions = spread.matches("did-you-mean").count();
        assert!(suggestions > 0 && suggestions < n / 40, "{suggestions} suggestions");
        assert!(spread.contains("target-outside-horizon") && spread.contains("ufficio-stampa"));
        assert!(spread == alone, "the checks differ");
    }

    #[test]
    fn a_panic_in_a_share_reaches_the_caller() {
        let items: Vec<usize> = (0..2 * PARALLEL_FROM).collect();
        let caught =
            std::panic::catch_unwind(|| map(&items, |&i| if i == items.len() - 1 { panic!("boom") } else { i }));
        assert!(caught.is_err());
    }
}
