//! Charts as inline SVG, drawn from the scorecard: bars for the body and the objectives, bars
//! for the status counts, dots and lines for the multi-year view.
//!
//! A status is never told by colour alone: each has a shape (a `<symbol>` of
//! [`definitions`]) and each bar a pattern (solid, stripes, dots), beside the word in the
//! legend and the data table next to every chart. Each chart is `role="img"` with its text
//! alternative. Coordinates are computed in `Decimal` and written with one decimal, like every
//! other quantity of the tool; text written on a chart carries `data-level`, `data-id` and
//! `data-field` like the tables' cells, so that tests can compare it with `score`.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::model::{Chart, Num};

/// The patterns and status shapes every chart refers to, in one hidden `<svg>` to place once at
/// the top of the page.
pub fn definitions() -> String {
    let mut out = String::from(
        "<svg class=\"chart-definitions\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\"><defs>",
    );
    // Bars: met solid, partial striped, missed dotted, unscored light grey.
    out.push_str(concat!(
        "<pattern id=\"fill-met\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">",
        "<rect width=\"8\" height=\"8\" fill=\"#2f6f4a\"/></pattern>",
        "<pattern id=\"fill-partial\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">",
        "<rect width=\"7\" height=\"7\" fill=\"#f0d58c\"/><rect width=\"2.5\" height=\"7\" fill=\"#9a6a00\"/></pattern>",
        "<pattern id=\"fill-missed\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">",
        "<rect width=\"6\" height=\"6\" fill=\"#f3c9c5\"/><circle cx=\"3\" cy=\"3\" r=\"1.7\" fill=\"#a4262c\"/></pattern>",
        "<pattern id=\"fill-unscored\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">",
        "<rect width=\"8\" height=\"8\" fill=\"#d5d5d5\"/></pattern>",
    ));
    for (key, body) in SHAPES {
        let _ = write!(out, "<symbol id=\"shape-{key}\" viewBox=\"0 0 16 16\">{body}</symbol>");
    }
    out.push_str("</defs></svg>");
    out
}

/// The shape of each status (and of a roll-up's grade), 16 × 16.
const SHAPES: &[(&str, &str)] = &[
    (
        "met",
        "<circle cx=\"8\" cy=\"8\" r=\"7\" fill=\"#2f6f4a\"/><path d=\"M4.6 8.3l2.3 2.3 4.6-4.9\" fill=\"none\" stroke=\"#fff\" stroke-width=\"2\"/>",
    ),
    (
        "partial",
        "<circle cx=\"8\" cy=\"8\" r=\"6.3\" fill=\"#fff\" stroke=\"#8a5a00\" stroke-width=\"1.6\"/><path d=\"M8 1.7a6.3 6.3 0 0 1 0 12.6z\" fill=\"#8a5a00\"/>",
    ),
    (
        "missed",
        "<rect x=\"1.5\" y=\"1.5\" width=\"13\" height=\"13\" rx=\"2\" fill=\"#a4262c\"/><path d=\"M5 5l6 6M11 5l-6 6\" stroke=\"#fff\" stroke-width=\"2\"/>",
    ),
    ("baseline", "<path d=\"M8 2l6.3 11.5H1.7z\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.6\"/>"),
    (
        "removed",
        "<circle cx=\"8\" cy=\"8\" r=\"6.3\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.6\"/><path d=\"M3.6 12.4l8.8-8.8\" stroke=\"#555\" stroke-width=\"1.6\"/>",
    ),
    ("no-target", "<path d=\"M8 1.5l6.5 6.5-6.5 6.5L1.5 8z\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.6\"/>"),
    (
        "missing",
        "<circle cx=\"8\" cy=\"8\" r=\"6.3\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.6\" stroke-dasharray=\"2.6 2\"/>",
    ),
    (
        "not-measurable",
        "<rect x=\"2\" y=\"2\" width=\"12\" height=\"12\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.6\"/><path d=\"M5 8h6\" stroke=\"#555\" stroke-width=\"1.6\"/>",
    ),
    // A hexagon with a bar: set aside by a decision.
    (
        "neutralised",
        "<path d=\"M8 1.5l5.6 3.25v6.5L8 14.5l-5.6-3.25v-6.5z\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.6\"/><path d=\"M5 8h6\" stroke=\"#555\" stroke-width=\"2\"/>",
    ),
    // A circle with a slash through a dot: does not apply this year.
    (
        "not-applicable",
        "<circle cx=\"8\" cy=\"8\" r=\"6.3\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.6\"/><circle cx=\"8\" cy=\"8\" r=\"1.6\" fill=\"#555\"/>",
    ),
];

/// The pattern a bar of this status or grade is filled with.
fn fill(key: &str) -> &'static str {
    match key {
        "met" => "url(#fill-met)",
        "partial" => "url(#fill-partial)",
        "missed" => "url(#fill-missed)",
        _ => "url(#fill-unscored)",
    }
}

/// One bar: a row of a chart of attainments.
#[derive(Debug, Clone)]
pub struct Bar<'a> {
    /// `data-level` of the row (`strategic`, `area`...).
    pub level: &'a str,
    /// The row's id, also its label on the chart.
    pub id: &'a str,
    /// The label written left of the bar.
    pub label: &'a str,
    /// The attainment, when scored.
    pub value: Option<(Decimal, &'a Num)>,
    /// The grade's key (`met`, `partial`...), for the pattern and the shape.
    pub grade: &'a str,
    /// The word shown when there is no attainment.
    pub grade_label: &'a str,
}

/// A line marking a threshold, with its label.
pub type Mark = (Decimal, String);

/// Horizontal bars of attainment on a scale from 0 to `max` (the cap, at least 100), with the
/// thresholds marked as vertical lines.
pub fn bars(bars: &[Bar<'_>], marks: &[Mark], max: Decimal, alt: String) -> Chart {
    // The labels' column fits the longest label (about 7,5 px a character at 13 px).
    let longest = bars.iter().map(|b| b.label.chars().count()).max().unwrap_or(0);
    let left = i64::try_from(longest).unwrap_or(32).clamp(2, 32) * 15 / 2 + 16;
    let right = left + 436;
    let width = right + 120;
    const TOP: i64 = 22;
    const ROW: i64 = 26;
    const BAR: i64 = 16;
    let height = TOP + ROW * i64::try_from(bars.len()).unwrap_or(i64::MAX / 64) + 8;
    let x = |value: Decimal| Decimal::from(left) + value.clamp(Decimal::ZERO, max) * Decimal::from(right - left) / max;
    let mut out = svg_open(width, height, &alt, "chart chart-bars");
    // The axis and the threshold lines, under the bars' labels.
    let _ = write!(out, "<line x1=\"{left}\" y1=\"{TOP}\" x2=\"{left}\" y2=\"{}\" class=\"axis\"/>", height - 6);
    for (row, bar) in bars.iter().enumerate() {
        let top = TOP + 4 + ROW * i64::try_from(row).unwrap_or(0);
        let middle = top + BAR / 2 + 4;
        let _ = write!(
            out,
            "<g data-level=\"{}\" data-id=\"{}\"><text x=\"{}\" y=\"{middle}\" class=\"bar-label\" text-anchor=\"end\">{}</text>",
            escape(bar.level),
            escape(bar.id),
            left - 8,
            escape(bar.label)
        );
        match bar.value {
            Some((value, num)) => {
                let width = coordinate(x(value) - Decimal::from(left));
                let _ = write!(
                    out,
                    "<rect x=\"{left}\" y=\"{top}\" width=\"{width}\" height=\"{BAR}\" fill=\"{}\" class=\"bar\"/>",
                    fill(bar.grade)
                );
                let _ = write!(
                    out,
                    "{}<text x=\"{}\" y=\"{middle}\" class=\"bar-value\" data-field=\"attainment\" data-value=\"{}\">{}</text>",
                    shape(bar.grade, right + 10, top, BAR),
                    right + 32,
                    escape(&num.value),
                    escape(&num.text)
                );
            }
            None => {
                let _ = write!(
                    out,
                    "{}<text x=\"{}\" y=\"{middle}\" class=\"bar-missing\">{}</text>",
                    shape(bar.grade, left + 6, top, BAR),
                    left + 28,
                    escape(bar.grade_label)
                );
            }
        }
        out.push_str("</g>");
    }
    // The thresholds over the bars, so that each bar is read against them.
    for (value, label) in marks {
        let at = coordinate(x(*value));
        let _ = write!(
            out,
            "<line x1=\"{at}\" y1=\"{}\" x2=\"{at}\" y2=\"{}\" class=\"threshold\"/><text x=\"{at}\" y=\"{}\" class=\"threshold-label\" text-anchor=\"middle\">{}</text>",
            TOP - 4,
            height - 6,
            TOP - 8,
            escape(label)
        );
    }
    out.push_str("</svg>");
    Chart { svg: out, alt }
}

/// One bar per status: how many indicators have it. Rows are (key, word, count).
pub fn counts(rows: &[(&str, &str, usize)], alt: String) -> Chart {
    const WIDTH: i64 = 640;
    const LEFT: i64 = 210;
    const RIGHT: i64 = 580;
    const ROW: i64 = 24;
    const BAR: i64 = 14;
    let height = ROW * i64::try_from(rows.len()).unwrap_or(i64::MAX / 64) + 8;
    let most = rows.iter().map(|(_, _, n)| *n).max().unwrap_or(0).max(1);
    let mut out = svg_open(WIDTH, height, &alt, "chart chart-counts");
    for (row, (key, label, count)) in rows.iter().enumerate() {
        let top = 4 + ROW * i64::try_from(row).unwrap_or(0);
        let middle = top + BAR / 2 + 4;
        let width = Decimal::from(*count as u64) * Decimal::from(RIGHT - LEFT - 40) / Decimal::from(most as u64);
        let _ = write!(
            out,
            "<g data-level=\"body\">{}<text x=\"22\" y=\"{middle}\" class=\"bar-label\">{}</text>",
            shape(key, 0, top - 1, BAR + 2),
            escape(label)
        );
        let _ = write!(
            out,
            "<rect x=\"{LEFT}\" y=\"{top}\" width=\"{}\" height=\"{BAR}\" fill=\"{}\" class=\"bar\"/>",
            coordinate(width),
            fill(key)
        );
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{middle}\" class=\"bar-value\" data-field=\"statuses.{}\" data-value=\"{count}\">{count}</text></g>",
            coordinate(Decimal::from(LEFT) + width + Decimal::from(6)),
            escape(key)
        );
    }
    out.push_str("</svg>");
    Chart { svg: out, alt }
}

/// One year of an indicator's multi-year chart.
#[derive(Debug, Clone)]
pub struct Point<'a> {
    /// The year.
    pub year: i32,
    /// The target's number, when it has one.
    pub target: Option<Decimal>,
    /// The actual, when it is a number.
    pub actual: Option<Decimal>,
    /// The status's key, for the dot's shape.
    pub status: &'a str,
}

/// An indicator's targets (short dashes) and actuals (dots, joined year to year) over the
/// horizon. A year without an actual is written `n.r.` on the axis, never drawn as zero.
pub fn trend(points: &[Point<'_>], not_recorded: &str, alt: String, lang: crate::i18n::Lang) -> Chart {
    const WIDTH: i64 = 280;
    const HEIGHT: i64 = 150;
    const LEFT: i64 = 46;
    const RIGHT: i64 = 268;
    const TOP: i64 = 14;
    const BOTTOM: i64 = 112;
    let values: Vec<Decimal> = points.iter().flat_map(|p| [p.target, p.actual]).flatten().collect();
    let low = values.iter().copied().fold(Decimal::ZERO, Decimal::min);
    let mut high = values.iter().copied().fold(Decimal::ZERO, Decimal::max);
    if high <= low {
        high = low + Decimal::ONE;
    }
    let years = i64::try_from(points.len()).unwrap_or(1).max(1);
    let step = Decimal::from(RIGHT - LEFT) / Decimal::from(years);
    let x = |i: usize| Decimal::from(LEFT) + step * (Decimal::from(i as u64) + Decimal::new(5, 1));
    let y = |v: Decimal| Decimal::from(TOP) + (high - v) * Decimal::from(BOTTOM - TOP) / (high - low);
    let mut out = svg_open(WIDTH, HEIGHT, &alt, "chart chart-trend");
    let _ = write!(
        out,
        "<line x1=\"{LEFT}\" y1=\"{BOTTOM}\" x2=\"{RIGHT}\" y2=\"{BOTTOM}\" class=\"axis\"/><line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{BOTTOM}\" class=\"axis\"/>"
    );
    for value in [high, low] {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" class=\"tick\" text-anchor=\"end\">{}</text>",
            LEFT - 4,
            coordinate(y(value) + Decimal::from(4)),
            crate::render::words::number(lang, crate::number::round_half_away(value, 2))
        );
    }
    // The line through consecutive actuals; a year without one breaks it.
    let mut segment: Vec<String> = Vec::new();
    let mut lines = String::new();
    for (i, point) in points.iter().enumerate() {
        match point.actual {
            Some(actual) => segment.push(format!("{},{}", coordinate(x(i)), coordinate(y(actual)))),
            None => flush_line(&mut segment, &mut lines),
        }
    }
    flush_line(&mut segment, &mut lines);
    out.push_str(&lines);
    for (i, point) in points.iter().enumerate() {
        let at = x(i);
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" class=\"tick\" text-anchor=\"middle\">{}</text>",
            coordinate(at),
            BOTTOM + 16,
            point.year
        );
        if let Some(target) = point.target {
            let _ = write!(
                out,
                "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" class=\"target-mark\"/>",
                coordinate(at - Decimal::from(9)),
                coordinate(at + Decimal::from(9)),
                y = coordinate(y(target))
            );
        }
        match point.actual {
            Some(actual) => {
                let half = Decimal::from(6);
                let _ = write!(
                    out,
                    "<use href=\"#shape-{}\" x=\"{}\" y=\"{}\" width=\"12\" height=\"12\"/>",
                    escape(point.status),
                    coordinate(at - half),
                    coordinate(y(actual) - half)
                );
            }
            None => {
                let _ = write!(
                    out,
                    "<text x=\"{}\" y=\"{}\" class=\"not-recorded\" text-anchor=\"middle\">{}</text>",
                    coordinate(at),
                    BOTTOM - 5,
                    escape(not_recorded)
                );
            }
        }
    }
    out.push_str("</svg>");
    Chart { svg: out, alt }
}

fn flush_line(segment: &mut Vec<String>, lines: &mut String) {
    if segment.len() > 1 {
        let _ = write!(lines, "<polyline points=\"{}\" class=\"actual-line\"/>", segment.join(" "));
    }
    segment.clear();
}

fn svg_open(width: i64, height: i64, alt: &str, class: &str) -> String {
    format!(
        "<svg class=\"{class}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{}\"><title>{}</title>",
        escape(alt),
        escape(alt)
    )
}

/// A status shape at (x, y), `size` wide.
fn shape(key: &str, x: i64, y: i64, size: i64) -> String {
    format!("<use href=\"#shape-{}\" x=\"{x}\" y=\"{y}\" width=\"{size}\" height=\"{size}\"/>", escape(key))
}

/// A coordinate with at most one decimal.
fn coordinate(value: Decimal) -> String {
    crate::number::round_half_away(value, 1).normalize().to_string()
}

/// Text and attribute values escaped for HTML and XML: `&`, `<`, `>`, `"`, `'`; a character a
/// reader cannot see or that reorders text (a control character other than a tab or a line
/// break, `\n` or `\r\n`; a bidirectional control; a zero-width character) is written as its
/// escape, `\u{202E}`, as in the terminal's tables.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if crate::render::style::is_hidden_in_layout(c, chars.peek().copied()) => {
                crate::render::style::push_visible(&mut out, c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn hidden_characters_are_escaped_visibly_and_line_breaks_kept() {
        let text = "a<b>&\"c'\r\nd\te\rf\u{1b}[2J\u{202e}g\u{200b}h\n";
        let expected = "a&lt;b&gt;&amp;&quot;c&#39;\r\nd\te\\u{D}f\\u{1B}[2J\\u{202E}g\\u{200B}h\n";
        assert_eq!(escape(text), expected);
    }

    #[test]
    fn bars_are_scaled_to_the_cap_and_carry_their_numbers() {
        let num = Num { value: "50.00".to_owned(), text: "50,00".to_owned() };
        let bar = Bar {
            level: "strategic",
            id: "S1",
            label: "S1",
            value: Some((dec!(50), &num)),
            grade: "missed",
            grade_label: "",
        };
        let chart = bars(&[bar], &[(dec!(70), "soglia 70".to_owned())], dec!(100), "alt <text>".to_owned());
        // 436 px for 0..100: 50 is 218 px wide; the labels take 31 px, so the threshold is at 31 + 305,2.
        assert!(chart.svg.contains("width=\"218\""), "{}", chart.svg);
        assert!(chart.svg.contains("x1=\"336.2\""), "{}", chart.svg);
        assert!(chart.svg.contains("data-field=\"attainment\" data-value=\"50.00\">50,00<"), "{}", chart.svg);
        assert!(chart.svg.contains("fill=\"url(#fill-missed)\""));
        assert!(chart.svg.contains("aria-label=\"alt &lt;text&gt;\""));
    }

    #[test]
    fn a_year_without_an_actual_is_marked_not_drawn() {
        let points = [
            Point { year: 2018, target: Some(dec!(10)), actual: Some(dec!(8)), status: "missed" },
            Point { year: 2019, target: Some(dec!(10)), actual: None, status: "missing" },
            Point { year: 2020, target: Some(dec!(10)), actual: Some(dec!(12)), status: "met" },
        ];
        let chart = trend(&points, "n.r.", "alt".to_owned(), crate::i18n::Lang::It);
        assert_eq!(chart.svg.matches("<use ").count(), 2);
        assert!(chart.svg.contains(">n.r.<"));
        // The line breaks at the missing year: no segment of one point is drawn.
        assert!(!chart.svg.contains("<polyline"));
    }

    #[test]
    fn every_status_has_a_shape() {
        let definitions = definitions();
        for status in crate::score::Status::ALL {
            let key = status.as_str();
            assert!(definitions.contains(&format!("id=\"shape-{key}\"")), "{key}");
        }
    }
}
