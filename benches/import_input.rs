//! A generated operational table shaped like the seed's, shared by the import benchmark and the
//! import tests: a body and a year heading, the seven-column header, then `rows` indicator rows
//! under 4 missions, one strategic objective per 1,000 rows, one program per 100 and one
//! operational objective per 10, with merged cells left blank as spreadsheets export them.

use std::fmt::Write as _;

/// The table as tab-separated text, about 110 bytes a row.
pub(crate) fn operational_table(rows: usize) -> String {
    const TARGETS: [&str; 4] = ["≥ 90%", "31/12/2019", "<= 40gg", "100%"];
    const SERVICES: [(&str, &str); 4] =
        [("Promozione", "III"), ("Legale", "SG"), ("Staff", "SG"), ("Servizi anagrafico certificativi", "II")];
    let mut text = String::with_capacity(rows * 120 + 512);
    text.push_str("Camera di Commercio di Esempio\nPiano operativo 2019\n");
    text.push_str(
        "Obiettivi strategici\tProgrammi di intervento\tObiettivo operativo\tIndicatore\tTarget\tServizi interni coinvolti\tArea\n",
    );
    let per_mission = rows.div_ceil(4).max(1);
    for i in 0..rows {
        if i % per_mission == 0 {
            let _ = writeln!(text, "{:03}_Missione {}", 10 + i / per_mission, 1 + i / per_mission);
        }
        let objective =
            if i % 1000 == 0 { format!("{n}. Obiettivo strategico {n}", n = i / 1000 + 1) } else { String::new() };
        let program = if i % 100 == 0 { format!("Programma {}", i / 100) } else { String::new() };
        let operational = if i % 10 == 0 { format!("Obiettivo operativo {}", i / 10) } else { String::new() };
        let (service, area) = SERVICES[i % 4];
        let _ = writeln!(
            text,
            "{objective}\t{program}\t{operational}\tIndicatore {i}: pratiche evase / pratiche ricevute\t{}\t{service}\t{area}",
            TARGETS[i % 4]
        );
    }
    text
}
