//! A timeline as a standalone SVG bar chart: title, labelled axes, one bar per period.

use crate::timeline::{Bucket, Timeline};
use std::fmt::Write as _;

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 480.0;
const LEFT: f64 = 72.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 72.0;
const BOTTOM: f64 = 84.0;
/// Horizontal room one period label needs, in pixels.
const LABEL_PIXELS: f64 = 64.0;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A round step for about five axis ticks up to `most`.
fn tick_step(most: u64) -> u64 {
    let rough = (most as f64 / 5.0).max(1.0);
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * magnitude);
    step.max(1.0) as u64
}

/// Renders the chart.
pub fn timeline(timeline: &Timeline) -> String {
    chart(timeline, None)
}

/// Renders the chart with each bar a link to `link(bucket)` (for the web pages).
pub fn timeline_with_links(timeline: &Timeline, link: &dyn Fn(&Bucket) -> String) -> String {
    chart(timeline, Some(link))
}

fn chart(timeline: &Timeline, link: Option<&dyn Fn(&Bucket) -> String>) -> String {
    let mut svg = String::new();
    let plot_width = WIDTH - LEFT - RIGHT;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let most = timeline
        .buckets
        .iter()
        .map(|b| b.stories)
        .max()
        .unwrap_or(0);
    let step = tick_step(most);
    let top_value = (most.div_ceil(step) * step).max(step);
    let y = |value: u64| TOP + plot_height - value as f64 / top_value as f64 * plot_height;
    let unit = timeline.by.name();
    let heading = if timeline.query.trim().is_empty() {
        format!("All stories per {unit}")
    } else {
        format!("Stories about “{}” per {unit}", timeline.query.trim())
    };
    let total: u64 = timeline.buckets.iter().map(|b| b.stories).sum();

    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="Helvetica, Arial, sans-serif">"#
    );
    let _ = writeln!(
        svg,
        r##"<rect width="100%" height="100%" fill="#ffffff"/>"##
    );
    let _ = writeln!(
        svg,
        r##"<text x="{LEFT}" y="32" font-size="20" font-weight="bold" fill="#1a1a1a">{}</text>"##,
        escape(&heading)
    );
    let _ = writeln!(
        svg,
        r##"<text x="{LEFT}" y="54" font-size="13" fill="#555555">{total} stories in {} {unit}s; copies of one story count once</text>"##,
        timeline.buckets.len()
    );
    // Horizontal grid lines and y-axis labels.
    let mut value = 0;
    while value <= top_value {
        let line_y = y(value);
        let _ = writeln!(
            svg,
            r##"<line x1="{LEFT}" y1="{line_y:.1}" x2="{:.1}" y2="{line_y:.1}" stroke="#e3e3e3"/>"##,
            LEFT + plot_width
        );
        let _ = writeln!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" font-size="12" text-anchor="end" fill="#555555">{value}</text>"##,
            LEFT - 8.0,
            line_y + 4.0
        );
        value += step;
    }
    let count = timeline.buckets.len().max(1) as f64;
    let slot = plot_width / count;
    let bar_width = (slot * 0.8).max(1.0);
    let label_every = (LABEL_PIXELS / slot).ceil().max(1.0) as usize;
    for (i, bucket) in timeline.buckets.iter().enumerate() {
        let x = LEFT + i as f64 * slot + (slot - bar_width) / 2.0;
        let bar_top = y(bucket.stories);
        let label = timeline.by.label(bucket.start);
        let top_title = bucket
            .top
            .as_ref()
            .map_or(String::new(), |h| format!(": {}", h.title));
        if let Some(link) = link {
            let _ = write!(svg, r#"<a href="{}">"#, escape(&link(bucket)));
        }
        let _ = write!(
            svg,
            r##"<rect x="{x:.1}" y="{bar_top:.1}" width="{bar_width:.1}" height="{:.1}" fill="#2f6db3"><title>{} — {} stories, {} passages{}</title></rect>"##,
            TOP + plot_height - bar_top,
            escape(&label),
            bucket.stories,
            bucket.passages,
            escape(&top_title)
        );
        svg.push_str(if link.is_some() { "</a>\n" } else { "\n" });
        if i % label_every == 0 {
            let label_x = LEFT + i as f64 * slot + slot / 2.0;
            let label_y = TOP + plot_height + 18.0;
            let _ = writeln!(
                svg,
                r##"<text x="{label_x:.1}" y="{label_y:.1}" font-size="12" text-anchor="middle" fill="#333333">{}</text>"##,
                escape(&label)
            );
        }
    }
    // Axes and their titles.
    let _ = writeln!(
        svg,
        r##"<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{:.1}" stroke="#333333"/>"##,
        TOP + plot_height
    );
    let _ = writeln!(
        svg,
        r##"<line x1="{LEFT}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#333333"/>"##,
        TOP + plot_height,
        LEFT + plot_width,
        TOP + plot_height
    );
    let _ = writeln!(
        svg,
        r##"<text x="{:.1}" y="{:.1}" font-size="13" text-anchor="middle" fill="#333333">{unit} (publication date)</text>"##,
        LEFT + plot_width / 2.0,
        HEIGHT - 24.0
    );
    let _ = writeln!(
        svg,
        r##"<text x="18" y="{:.1}" font-size="13" text-anchor="middle" fill="#333333" transform="rotate(-90 18 {:.1})">stories</text>"##,
        TOP + plot_height / 2.0,
        TOP + plot_height / 2.0
    );
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        let cases = [
            (0, 1),
            (3, 1),
            (7, 2),
            (12, 5),
            (40, 10),
            (95, 20),
            (230, 50),
        ];
        for (most, step) in cases {
            assert_eq!(tick_step(most), step, "{most}");
        }
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape(r#"a<b & "c""#), "a&lt;b &amp; &quot;c&quot;");
    }
}
