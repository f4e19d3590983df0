//! Generated inputs shaped like real ones, shared by the benchmarks.

// Each benchmark uses part of this module.
#![allow(dead_code)]

use std::fmt::Write as _;

/// A plan with `objectives` strategic objectives in 4 missions, each with 4 dashboard
/// indicators and 2 programs of 3 operational objectives with 4 indicators each: 28 indicators
/// per strategic objective. Every indicator has a target for each year of `years`.
pub(crate) fn plan(objectives: usize, years: std::ops::RangeInclusive<i32>) -> String {
    let (first, last) = (*years.start(), *years.end());
    let targets = |target: &str| years.clone().map(|y| format!("{y} = \"{target}\"")).collect::<Vec<_>>().join(", ");
    let mut toml = format!(
        "[plan]\nbody = \"Camera di Commercio di Esempio\"\ntitle = \"Piano generato\"\nyear = {last}\n\
         horizon = [{first}, {last}]\nadopted-by = {{ body = \"Giunta\", number = \"1\", date = {last}-01-30 }}\n\n\
         [[area]]\nid = \"I\"\n\n[[service]]\nid = \"servizio\"\nname = \"Servizio\"\narea = \"I\"\n\n"
    );
    for mission in 0..4 {
        let _ = writeln!(toml, "[[mission]]\nid = \"M{mission}\"\nname = \"Missione {mission}\"\n");
    }
    let strategic = targets("≥ 85%");
    let operational = [targets("100%"), targets("<= 40gg"), targets("> 1,2"), targets("≥ 3")];
    let units = ["percent", "days", "ratio", "score"];
    for s in 0..objectives {
        let _ = writeln!(
            toml,
            "[[strategic-objective]]\nid = \"S{s}\"\nmission = \"M{}\"\nname = \"Obiettivo {s}\"\n",
            s % 4
        );
        for k in 0..4 {
            let _ = writeln!(
                toml,
                "[[indicator]]\nid = \"S{s}.{k}\"\nobjective = \"S{s}\"\nname = \"Indicatore strategico {s}.{k}\"\n\
                 unit = \"percent\"\ntargets = {{ {strategic} }}\n"
            );
        }
        for p in 0..2 {
            let _ = writeln!(
                toml,
                "[[program]]\nid = \"P{s}.{p}\"\nstrategic-objective = \"S{s}\"\nname = \"Programma {s}.{p}\"\n"
            );
            for o in 0..3 {
                let objective = p * 3 + o;
                let _ = writeln!(
                    toml,
                    "[[operational-objective]]\nid = \"O{s}.{objective}\"\nprogram = \"P{s}.{p}\"\nname = \"Obiettivo operativo {s}.{objective}\"\n"
                );
                for i in 0..4 {
                    let _ = writeln!(
                        toml,
                        "[[indicator]]\nid = \"O{s}.{objective}.{i}\"\nobjective = \"O{s}.{objective}\"\n\
                         name = \"Indicatore operativo {s}.{objective}.{i}\"\nunit = \"{}\"\npolarity = \"{}\"\n\
                         targets = {{ {} }}\nservices = \"servizio\"\n",
                        units[i],
                        if i == 1 { "decrease" } else { "increase" },
                        operational[i]
                    );
                }
            }
        }
    }
    toml
}

/// An actuals CSV with one row per indicator of [`plan`] and year, values varying so that every
/// outcome (met, partial, missed) occurs, in Italian number format.
pub(crate) fn actuals(objectives: usize, years: std::ops::RangeInclusive<i32>) -> String {
    let mut csv = String::from("indicatore;anno;valore;note\n");
    let mut n: u64 = 0;
    for s in 0..objectives {
        let ids = (0..4)
            .map(|k| (format!("S{s}.{k}"), 0))
            .chain((0..6).flat_map(|objective| (0..4).map(move |i| (format!("O{s}.{objective}.{i}"), i + 1))));
        for (id, kind) in ids {
            for year in years.clone() {
                n = n.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                let spread = (n >> 33) % 40;
                let value = match kind {
                    0 | 1 => format!("{},{}", 60 + spread, n % 10),
                    2 => format!("{},{}", 25 + spread, n % 10),
                    3 => format!("1,{:02}", spread * 2),
                    _ => format!("{},{}", 2 + spread % 3, n % 10),
                };
                let note = if spread < 8 { "Scostamento dovuto a cause esterne" } else { "" };
                let _ = writeln!(csv, "{id};{year};{value};{note}");
            }
        }
    }
    csv
}

/// The nodes of [`plan`] as a table, the pre-exported list a script joining the actuals reads
/// instead of the plan: `id,parent,weight,target,polarity`, the target as a plain number (the
/// threshold of the plan's target), empty for nodes other than indicators.
pub(crate) fn nodes(objectives: usize) -> String {
    let mut csv = String::from("id,parent,weight,target,polarity\n");
    for mission in 0..4 {
        let _ = writeln!(csv, "M{mission},,1,,");
    }
    let operational = [("100", "increase"), ("40", "decrease"), ("1.2", "increase"), ("3", "increase")];
    for s in 0..objectives {
        let _ = writeln!(csv, "S{s},M{},1,,", s % 4);
        for k in 0..4 {
            let _ = writeln!(csv, "S{s}.{k},S{s},1,85,increase");
        }
        for p in 0..2 {
            let _ = writeln!(csv, "P{s}.{p},S{s},1,,");
            for o in 0..3 {
                let objective = p * 3 + o;
                let _ = writeln!(csv, "O{s}.{objective},P{s}.{p},1,,");
                for (i, (target, polarity)) in operational.iter().enumerate() {
                    let _ = writeln!(csv, "O{s}.{objective}.{i},O{s}.{objective},1,{target},{polarity}");
                }
            }
        }
    }
    csv
}
