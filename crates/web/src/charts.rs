//! Charts drawn on the server as SVG, knowing nothing of audits: rows of bars, stacked bars or
//! dots against a scale, and heat maps. Every chart is drawn twice at a fixed pixel size, never
//! scaled down by a `viewBox`, so that its text is at least 14 px at any width: a wide form (labels
//! beside the marks) and a narrow one (labels above them, or one block per row of a heat map) for
//! phones, chosen by a CSS media query in `style.css` ("Charts"), so without JavaScript.
//!
//! Words come from the caller (from Fluent); labels wrap to their room by an estimate of their
//! width and, past a few lines, are shortened with "…" — the table beside every chart has them
//! in full. The SVGs are `aria-hidden`: that table is what a screen reader reads; the key is
//! HTML, read by everyone.

use std::fmt::Write;

/// Size of labels and values, px.
pub const TEXT: f64 = 16.0;
/// Size of a scale's tick labels, px: the smallest text in any chart.
pub const SMALL: f64 = 15.0;
/// Distance between lines of a wrapped label at [`TEXT`], px.
const LINE: f64 = 20.0;
/// The wide form's width and the narrow one's, px. The narrow one fits a 390 px phone.
const WIDE: f64 = 900.0;
const NARROW: f64 = 340.0;
/// Where labels start: a little in, as some letters (J) reach left of where they are drawn.
const LEFT: f64 = 2.0;
/// Lines a label may take before it is shortened.
const MOST_LINES: usize = 3;

const INK: &str = "#1b1f23";
const MUTED: &str = "#505a62";
const GRID: &str = "#d0d4d8";

// ----- Text -----

/// An estimate of a character's width in em, erring wide: the widths of DejaVu Sans, wider than
/// most system fonts, so that a label said to fit does.
fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | 'ï' | 'î' | 'í' | 'ì' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' => {
            0.32
        }
        ' ' => 0.34,
        'f' | 't' | 'r' | '(' | ')' | '-' | '[' | ']' | '/' | '‘' | '’' | '"' => 0.46,
        'm' | 'w' | 'ŵ' | 'ẃ' | 'ẁ' | 'ẅ' | '…' | '–' | '—' => 1.0,
        'M' | 'W' | 'Ŵ' | '@' | '%' | '&' => 1.06,
        c if c.is_ascii_digit() => 0.66,
        c if c.is_uppercase() => 0.8,
        _ => 0.66,
    }
}

/// The estimated width of `text` at `px`, in px.
pub fn text_width(text: &str, px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * px
}

/// `text` in lines no wider than `width` at `px`, breaking between words (inside a word only
/// when it alone is too wide), at most `most` lines, the last ending "…" when text is left out.
pub fn wrap(text: &str, width: f64, px: f64, most: usize) -> Vec<String> {
    let fits = |s: &str| text_width(s, px) <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let joined = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if fits(&joined) {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            line.push(c);
            if !fits(&line) && line.chars().count() > 1 {
                line.pop();
                lines.push(std::mem::replace(&mut line, c.to_string()));
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > most.max(1) {
        lines.truncate(most.max(1));
        let last = lines.last_mut().expect("at least one line");
        loop {
            let shortened = format!("{}…", last.trim_end());
            if fits(&shortened) || last.is_empty() {
                *last = shortened;
                break;
            }
            last.pop();
        }
    }
    lines
}

/// Text escaped for HTML and SVG, in content and in quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A `<text>` of one or more lines, the first line's baseline at `y`.
fn text_lines(out: &mut String, lines: &[String], x: f64, y: f64, px: f64, attrs: &str) {
    let fill = if attrs.contains(" fill=") {
        String::new()
    } else {
        format!(r#" fill="{INK}""#)
    };
    let _ = write!(
        out,
        r#"<text x="{x}" y="{y}" font-size="{px}"{fill}{attrs}>"#
    );
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { px * 1.25 };
        let _ = write!(out, r#"<tspan x="{x}" dy="{dy}">{}</tspan>"#, escape(line));
    }
    out.push_str("</text>");
}

/// One line of text.
fn text(out: &mut String, s: &str, x: f64, y: f64, px: f64, attrs: &str) {
    text_lines(out, &[s.to_string()], x, y, px, attrs);
}

// ----- Scales -----

/// A linear scale from `min` to `max`, with ticks at round steps.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
    step: f64,
    decimals: usize,
    suffix: &'static str,
}

impl Scale {
    /// A scale with at most about `most_ticks` steps of 1, 2, 2.5 or 5 times a power of ten.
    pub fn new(min: f64, max: f64, most_ticks: usize) -> Self {
        let span = (max - min).abs().max(f64::EPSILON);
        let raw = span / most_ticks.max(1) as f64;
        let magnitude = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 2.5, 5.0, 10.0]
            .into_iter()
            .map(|m| m * magnitude)
            .find(|s| *s >= raw * (1.0 - 1e-9))
            .unwrap_or(10.0 * magnitude);
        let mut decimals = 0;
        while decimals < 6 {
            let scaled = step * 10f64.powi(decimals as i32);
            if (scaled - scaled.round()).abs() < 1e-6 {
                break;
            }
            decimals += 1;
        }
        Self {
            min,
            max,
            step,
            decimals,
            suffix: "",
        }
    }

    /// 0 to 100 %, in quarters.
    pub fn percent() -> Self {
        Self {
            suffix: "%",
            ..Self::new(0.0, 100.0, 4)
        }
    }

    /// The tick values, from the first step at or above `min` to `max`.
    pub fn ticks(&self) -> Vec<f64> {
        let first = (self.min / self.step - 1e-9).ceil();
        (0..)
            .map(|i| (first + i as f64) * self.step)
            .take_while(|v| *v <= self.max + self.step * 1e-9)
            .collect()
    }

    /// A tick's label: as many decimals as the step needs.
    pub fn label(&self, value: f64) -> String {
        format!("{value:.*}{}", self.decimals, self.suffix)
    }

    /// Where `value` falls between `x0` (at `min`) and `x1` (at `max`); outside values at the ends.
    pub fn at(&self, value: f64, x0: f64, x1: f64) -> f64 {
        let t = ((value - self.min) / (self.max - self.min)).clamp(0.0, 1.0);
        x0 + t * (x1 - x0)
    }
}

// ----- Colours -----

/// A colour as 8-bit sRGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn parse(hex: &str) -> Self {
        let h = hex.trim_start_matches('#');
        let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).unwrap_or(0);
        Rgb(byte(0), byte(2), byte(4))
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance, as WCAG 2 defines it.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG 2 contrast ratio with `other`, 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

pub const BLACK: Rgb = Rgb(0, 0, 0);
pub const WHITE: Rgb = Rgb(255, 255, 255);

/// ColorBrewer's single-hue "Blues", light to dark, without its near-white first class: a
/// sequential scale that colour-blind readers see in the same order.
const BLUES: [&str; 8] = [
    "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b",
];

/// The sequential colour at `t` (0 lightest, 1 darkest), interpolated between the classes.
pub fn sequential(t: f64) -> Rgb {
    let t = t.clamp(0.0, 1.0) * (BLUES.len() - 1) as f64;
    let i = (t.floor() as usize).min(BLUES.len() - 2);
    let f = t - i as f64;
    let (a, b) = (Rgb::parse(BLUES[i]), Rgb::parse(BLUES[i + 1]));
    let mix = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * f).round() as u8;
    Rgb(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Black or white, whichever contrasts more with `fill` (always at least 4.58:1).
pub fn text_on(fill: Rgb) -> Rgb {
    if fill.contrast(BLACK) >= fill.contrast(WHITE) {
        BLACK
    } else {
        WHITE
    }
}

/// Colours of series told apart by shape as well, each at least 3:1 against white (Okabe–Ito's
/// colour-blind-safe set, the lightest left out).
pub const SERIES: [&str; 6] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#1b1f23", "#6a4c93",
];
/// A second series that is "before" or "everyone": mid grey, 4.6:1 against white.
pub const GREY: &str = "#6f777b";

// ----- Marks and keys -----

/// The shape a series' dots take, so that colour is never the only difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Diamond,
    Triangle,
    TriangleDown,
    Cross,
}

impl Shape {
    const ALL: [Shape; 6] = [
        Shape::Circle,
        Shape::Square,
        Shape::Diamond,
        Shape::Triangle,
        Shape::TriangleDown,
        Shape::Cross,
    ];

    fn draw(self, out: &mut String, cx: f64, cy: f64, r: f64, colour: &str) {
        let points = |p: &[(f64, f64)]| {
            p.iter()
                .map(|(x, y)| format!("{:.1},{:.1}", cx + x * r, cy + y * r))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let stroke = r##" stroke="#ffffff" stroke-width="1""##;
        let _ = match self {
            Shape::Circle => write!(
                out,
                r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{r}" fill="{colour}"{stroke}></circle>"#
            ),
            Shape::Square => write!(
                out,
                r#"<rect x="{:.1}" y="{:.1}" width="{}" height="{}" fill="{colour}"{stroke}></rect>"#,
                cx - r * 0.85,
                cy - r * 0.85,
                r * 1.7,
                r * 1.7
            ),
            Shape::Diamond => write!(
                out,
                r#"<polygon points="{}" fill="{colour}"{stroke}></polygon>"#,
                points(&[(0.0, -1.2), (1.2, 0.0), (0.0, 1.2), (-1.2, 0.0)])
            ),
            Shape::Triangle => write!(
                out,
                r#"<polygon points="{}" fill="{colour}"{stroke}></polygon>"#,
                points(&[(0.0, -1.2), (1.1, 0.9), (-1.1, 0.9)])
            ),
            Shape::TriangleDown => write!(
                out,
                r#"<polygon points="{}" fill="{colour}"{stroke}></polygon>"#,
                points(&[(0.0, 1.2), (1.1, -0.9), (-1.1, -0.9)])
            ),
            Shape::Cross => write!(
                out,
                r#"<path d="M{:.1} {:.1}L{:.1} {:.1}M{:.1} {:.1}L{:.1} {:.1}" stroke="{colour}" stroke-width="3.5"></path>"#,
                cx - r,
                cy - r,
                cx + r,
                cy + r,
                cx - r,
                cy + r,
                cx + r,
                cy - r
            ),
        };
    }
}

/// One series of a chart: its name in the key, its colour and its dots' shape.
#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub lang: &'static str,
    pub colour: String,
    pub shape: Shape,
    /// Drawn hatched rather than filled (as "not sure").
    pub hatched: bool,
}

impl Series {
    /// The `i`th series of a chart: the `i`th colour and shape.
    pub fn nth(i: usize, name: impl Into<String>, lang: &'static str) -> Self {
        Self {
            name: name.into(),
            lang,
            colour: SERIES[i % SERIES.len()].into(),
            shape: Shape::ALL[i % Shape::ALL.len()],
            hatched: false,
        }
    }

    pub fn coloured(mut self, colour: impl Into<String>) -> Self {
        self.colour = colour.into();
        self
    }

    pub fn hatched(mut self) -> Self {
        self.hatched = true;
        self
    }
}

/// A diagonal hatch, defined in each SVG that uses it (a pattern in a hidden SVG is not drawn).
fn hatch_def(out: &mut String, id: &str, background: &str) {
    let _ = write!(
        out,
        r##"<defs><pattern id="{id}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="{background}"></rect><rect width="3" height="8" fill="#8a9196"></rect></pattern></defs>"##
    );
}

/// A key's swatch: a small SVG of the series' mark.
fn swatch(out: &mut String, id: &str, kind: &Kind, series: &Series) {
    out.push_str(
        r#"<svg class="chart-swatch" width="28" height="20" viewBox="0 0 28 20" aria-hidden="true" focusable="false">"#,
    );
    if series.hatched {
        hatch_def(out, id, "#ffffff");
    }
    let fill = if series.hatched {
        format!("url(#{id})")
    } else {
        series.colour.clone()
    };
    match kind {
        Kind::Dots { .. } => series.shape.draw(out, 14.0, 10.0, 7.0, &fill),
        _ => {
            let _ = write!(
                out,
                r#"<rect x="1" y="2" width="26" height="16" fill="{fill}" stroke="{MUTED}"></rect>"#
            );
        }
    }
    out.push_str("</svg>");
}

// ----- Charts of rows -----

/// How a row's values are drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// One bar per series from the scale's start, its value written after it.
    Bars,
    /// One dot per series; `joined` draws a line between the first two (then and now).
    Dots { joined: bool },
    /// One bar split into the series' shares of the row's total, on a 0–100 % scale.
    Stacked,
}

/// One row: its label and a value per series; `missing` is written where values are not shown.
#[derive(Debug, Clone)]
pub struct Row {
    pub label: String,
    pub values: Vec<Option<f64>>,
    pub missing: String,
}

/// A chart of labelled rows against one scale.
#[derive(Debug, Clone)]
pub struct RowChart {
    /// Unique on the page: prefixes the ids inside the SVGs.
    pub id: &'static str,
    pub kind: Kind,
    pub scale: Scale,
    pub series: Vec<Series>,
    pub rows: Vec<Row>,
    /// Decimals of the values written after bars.
    pub decimals: usize,
}

/// Where things go in one form of a chart of rows.
struct Geometry {
    width: f64,
    /// Labels above the marks (narrow) or to their left (wide).
    above: bool,
    label_width: f64,
    x0: f64,
    x1: f64,
}

const WIDE_ROWS: Geometry = Geometry {
    width: WIDE,
    above: false,
    label_width: 340.0,
    x0: 364.0,
    x1: 790.0,
};
const NARROW_ROWS: Geometry = Geometry {
    width: NARROW,
    above: true,
    label_width: NARROW - 6.0,
    x0: 16.0,
    x1: 276.0,
};

impl RowChart {
    /// The key (when there is more than one series) and both forms of the chart, as HTML.
    pub fn html(&self) -> String {
        let mut out = String::new();
        if self.series.len() > 1 {
            out.push_str(r#"<ul class="chart-key">"#);
            for (i, s) in self.series.iter().enumerate() {
                out.push_str("<li>");
                swatch(&mut out, &format!("{}-key-{i}", self.id), &self.kind, s);
                let _ = write!(
                    out,
                    r#"<span lang="{}">{}</span></li>"#,
                    s.lang,
                    escape(&s.name)
                );
            }
            out.push_str("</ul>");
        }
        out.push_str(&self.svg(&WIDE_ROWS, "chart-wide"));
        out.push_str(&self.svg(&NARROW_ROWS, "chart-narrow"));
        out
    }

    fn marks_height(&self) -> f64 {
        match self.kind {
            Kind::Bars => self.series.len().max(1) as f64 * 22.0 - 4.0,
            Kind::Dots { .. } | Kind::Stacked => 24.0,
        }
    }

    fn svg(&self, g: &Geometry, class: &str) -> String {
        let pattern = format!("{}-{class}-hatch", self.id);
        let mut body = String::new();
        if self.series.iter().any(|s| s.hatched) {
            hatch_def(&mut body, &pattern, "#ffffff");
        }
        let ticks = self.scale.ticks();
        // The scale: tick labels over the rows.
        let top = 26.0;
        let mut y = top + 6.0;
        let mut rows = String::new();
        let mut guides = String::new();
        for row in &self.rows {
            let lines = wrap(&row.label, g.label_width, TEXT, MOST_LINES);
            let label_height = lines.len().max(1) as f64 * LINE;
            let marks_top;
            if g.above {
                text_lines(&mut rows, &lines, LEFT, y + 15.0, TEXT, "");
                marks_top = y + label_height + 4.0;
                y = marks_top + self.marks_height() + 14.0;
            } else {
                text_lines(&mut rows, &lines, LEFT, y + 15.0, TEXT, "");
                marks_top = y;
                y += label_height.max(self.marks_height()) + 14.0;
            }
            self.marks(&mut rows, &mut guides, g, row, marks_top, &pattern);
        }
        let bottom = y - 6.0;
        let mut scale = String::new();
        let repeat = self.rows.len() > 8;
        for t in &ticks {
            let x = self.scale.at(*t, g.x0, g.x1);
            let _ = write!(
                scale,
                r#"<line x1="{x:.1}" y1="{}" x2="{x:.1}" y2="{bottom}" stroke="{GRID}"></line>"#,
                top - 4.0
            );
            let label = self.scale.label(*t);
            text(
                &mut scale,
                &label,
                x,
                17.0,
                SMALL,
                r#" text-anchor="middle""#,
            );
            if repeat {
                text(
                    &mut scale,
                    &label,
                    x,
                    bottom + 19.0,
                    SMALL,
                    r#" text-anchor="middle""#,
                );
            }
        }
        let height = if repeat { bottom + 26.0 } else { bottom + 4.0 };
        format!(
            r#"<svg class="chart-svg {class}" width="{w}" height="{height}" viewBox="0 0 {w} {height}" aria-hidden="true" focusable="false">{body}{scale}{guides}{rows}</svg>"#,
            w = g.width
        )
    }

    /// A row's marks, their top at `top`; lines behind them go to `guides`.
    fn marks(
        &self,
        out: &mut String,
        guides: &mut String,
        g: &Geometry,
        row: &Row,
        top: f64,
        pattern: &str,
    ) {
        let fill = |s: &Series| {
            if s.hatched {
                format!("url(#{pattern})")
            } else {
                s.colour.clone()
            }
        };
        let note = |out: &mut String, y: f64| {
            let lines = wrap(&row.missing, g.x1 - g.x0, TEXT, 1);
            text_lines(
                out,
                &lines,
                g.x0 + 4.0,
                y,
                TEXT,
                &format!(r#" fill="{MUTED}""#),
            );
        };
        match self.kind {
            Kind::Bars => {
                for (i, (s, v)) in self.series.iter().zip(&row.values).enumerate() {
                    let y = top + i as f64 * 22.0;
                    match v {
                        Some(v) => {
                            let end = self.scale.at(*v, g.x0, g.x1);
                            let _ = write!(
                                out,
                                r#"<rect x="{}" y="{y}" width="{:.1}" height="18" fill="{}"></rect>"#,
                                g.x0,
                                (end - g.x0).max(0.0),
                                fill(s)
                            );
                            text(
                                out,
                                &format!("{v:.*}", self.decimals),
                                end + 6.0,
                                y + 15.0,
                                TEXT,
                                "",
                            );
                        }
                        None => note(out, y + 15.0),
                    }
                }
            }
            Kind::Dots { joined } => {
                let cy = top + 12.0;
                let _ = write!(
                    guides,
                    r#"<line x1="{}" y1="{cy}" x2="{}" y2="{cy}" stroke="{GRID}" stroke-dasharray="2 3"></line>"#,
                    g.x0, g.x1
                );
                if row.values.iter().all(Option::is_none) {
                    note(out, cy + 6.0);
                    return;
                }
                if joined
                    && let (Some(Some(a)), Some(Some(b))) = (row.values.first(), row.values.get(1))
                {
                    let _ = write!(
                        out,
                        r#"<line x1="{:.1}" y1="{cy}" x2="{:.1}" y2="{cy}" stroke="{MUTED}" stroke-width="3"></line>"#,
                        self.scale.at(*a, g.x0, g.x1),
                        self.scale.at(*b, g.x0, g.x1)
                    );
                }
                for (s, v) in self.series.iter().zip(&row.values) {
                    if let Some(v) = v {
                        s.shape
                            .draw(out, self.scale.at(*v, g.x0, g.x1), cy, 7.0, &fill(s));
                    }
                }
            }
            Kind::Stacked => {
                let total: f64 = row.values.iter().flatten().sum();
                if row.values.iter().any(Option::is_none) || total <= 0.0 {
                    note(out, top + 17.0);
                    return;
                }
                let mut at = 0.0;
                for (s, v) in self.series.iter().zip(&row.values) {
                    let share = v.unwrap_or(0.0) / total * 100.0;
                    let x = self.scale.at(at, g.x0, g.x1);
                    let end = self.scale.at(at + share, g.x0, g.x1);
                    if end > x {
                        let _ = write!(
                            out,
                            r##"<rect x="{x:.1}" y="{top}" width="{:.1}" height="24" fill="{}" stroke="#ffffff" stroke-width="1"></rect>"##,
                            end - x,
                            fill(s)
                        );
                    }
                    at += share;
                }
                let _ = write!(
                    out,
                    r#"<rect x="{}" y="{top}" width="{}" height="24" fill="none" stroke="{MUTED}"></rect>"#,
                    g.x0,
                    g.x1 - g.x0
                );
            }
        }
    }
}

// ----- Heat maps -----

/// A cell of a heat map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Heat {
    Value(f64),
    /// Nobody gave a value.
    Empty,
    /// Kept back to keep people anonymous.
    Hidden,
}

/// A grid of values on a sequential colour scale, each cell with its value written in it.
#[derive(Debug, Clone)]
pub struct HeatMap {
    pub id: &'static str,
    /// Column headings, with their language.
    pub columns: Vec<(String, &'static str)>,
    /// Row labels and cells.
    pub rows: Vec<(String, Vec<Heat>)>,
    /// Values' range: `min` lightest, `max` darkest.
    pub scale: Scale,
    /// Decimals of every value written.
    pub decimals: usize,
    /// What a hidden cell says ("hidden").
    pub hidden: String,
    /// The key's words: the scale's name, what a hidden cell is, what an empty one is.
    pub scale_name: String,
    pub hidden_key: String,
    pub empty_key: String,
}

/// Size of a heat map's cells, px.
const CELL_HEIGHT: f64 = 36.0;
const COLUMN: f64 = 68.0;
/// Room for row labels in the wide form, and the longest line of a column's slanted name.
const HEAT_LABELS: f64 = 210.0;
const HEAD_LENGTH: f64 = 190.0;

impl HeatMap {
    /// The cell's colour for `value`.
    pub fn colour(&self, value: f64) -> Rgb {
        sequential((value - self.scale.min) / (self.scale.max - self.scale.min))
    }

    fn value_text(&self, value: f64) -> String {
        format!("{value:.*}", self.decimals)
    }

    /// The key, then the wide form and the narrow one, as HTML.
    pub fn html(&self) -> String {
        let mut out = String::new();
        self.key(&mut out);
        out.push_str(&self.wide());
        out.push_str(&self.narrow());
        out
    }

    /// The key: the colour ramp with its scale, and the two kinds of cell without a value.
    fn key(&self, out: &mut String) {
        let _ = write!(
            out,
            r#"<div class="chart-key heat-key"><p class="chart-key-title">{}</p>"#,
            escape(&self.scale_name)
        );
        let (x0, x1) = (12.0, 300.0);
        let _ = write!(
            out,
            r#"<svg class="chart-svg heat-ramp" width="320" height="50" viewBox="0 0 320 50" aria-hidden="true" focusable="false"><defs><linearGradient id="{}-ramp">"#,
            self.id
        );
        for i in 0..=16 {
            let t = f64::from(i) / 16.0;
            let _ = write!(
                out,
                r#"<stop offset="{t:.4}" stop-color="{}"></stop>"#,
                sequential(t).hex()
            );
        }
        let _ = write!(
            out,
            r#"</linearGradient></defs><rect x="{x0}" y="2" width="{}" height="22" fill="url(#{}-ramp)" stroke="{MUTED}"></rect>"#,
            x1 - x0,
            self.id
        );
        for t in self.scale.ticks() {
            let x = self.scale.at(t, x0, x1);
            let _ = write!(
                out,
                r#"<line x1="{x:.1}" y1="24" x2="{x:.1}" y2="30" stroke="{INK}"></line>"#
            );
            text(
                out,
                &self.scale.label(t),
                x,
                45.0,
                SMALL,
                r#" text-anchor="middle""#,
            );
        }
        out.push_str(r#"</svg><ul class="chart-key">"#);
        let _ = write!(
            out,
            r#"<li><svg class="chart-swatch" width="28" height="20" viewBox="0 0 28 20" aria-hidden="true" focusable="false">"#
        );
        hatch_def(out, &format!("{}-key-hatch", self.id), "#f3f2f1");
        let _ = write!(
            out,
            r#"<rect x="1" y="1" width="26" height="18" fill="url(#{}-key-hatch)" stroke="{MUTED}"></rect></svg><span>{}</span></li>"#,
            self.id,
            escape(&self.hidden_key)
        );
        let _ = write!(
            out,
            r##"<li><svg class="chart-swatch" width="28" height="20" viewBox="0 0 28 20" aria-hidden="true" focusable="false"><rect x="1" y="1" width="26" height="18" fill="#ffffff" stroke="{MUTED}"></rect><line x1="9" y1="10" x2="19" y2="10" stroke="{INK}" stroke-width="2"></line></svg><span>{}</span></li></ul></div>"##,
            escape(&self.empty_key)
        );
    }

    /// A cell at (x, y), `width` wide.
    fn cell(&self, out: &mut String, cell: Heat, x: f64, y: f64, width: f64, pattern: &str) {
        let (cx, cy) = (x + width / 2.0, y + CELL_HEIGHT / 2.0 + 5.5);
        let middle = r#" text-anchor="middle""#;
        match cell {
            Heat::Value(v) => {
                let fill = self.colour(v);
                let _ = write!(
                    out,
                    r#"<rect x="{x:.1}" y="{y}" width="{width:.1}" height="{CELL_HEIGHT}" fill="{}"></rect>"#,
                    fill.hex()
                );
                let _ = write!(
                    out,
                    r#"<text x="{cx:.1}" y="{cy}" font-size="{TEXT}" fill="{}" text-anchor="middle" class="heat-value">{}</text>"#,
                    text_on(fill).hex(),
                    self.value_text(v)
                );
            }
            Heat::Empty => {
                let _ = write!(
                    out,
                    r##"<rect x="{x:.1}" y="{y}" width="{width:.1}" height="{CELL_HEIGHT}" fill="#ffffff" stroke="{MUTED}" class="heat-empty"></rect>"##
                );
                text(out, "–", cx, cy, TEXT, middle);
            }
            Heat::Hidden => {
                let _ = write!(
                    out,
                    r#"<rect x="{x:.1}" y="{y}" width="{width:.1}" height="{CELL_HEIGHT}" fill="url(#{pattern})" stroke="{MUTED}" class="heat-hidden"></rect>"#
                );
                // A white halo keeps the word legible over the hatching.
                let word = wrap(&self.hidden, width - 6.0, SMALL, 1);
                text_lines(
                    out,
                    &word,
                    cx,
                    cy - 0.5,
                    SMALL,
                    r##" text-anchor="middle" stroke="#ffffff" stroke-width="4" paint-order="stroke" stroke-linejoin="round""##,
                );
            }
        }
    }

    /// Sites down, areas across, each area's name slanted over its column so that many fit.
    fn wide(&self) -> String {
        let pattern = format!("{}-wide-hatch", self.id);
        let line = SMALL * 1.25;
        let slant = std::f64::consts::FRAC_1_SQRT_2;
        let heads: Vec<Vec<String>> = self
            .columns
            .iter()
            .map(|(c, _)| wrap(c, HEAD_LENGTH, SMALL, 2))
            .collect();
        let longest = |lines: &Vec<String>| {
            lines
                .iter()
                .map(|l| text_width(l, SMALL))
                .fold(0.0, f64::max)
        };
        // How high the slanted names reach: along the slant, then the lines above the first.
        let head_height = heads
            .iter()
            .map(|lines| 10.0 + slant * (longest(lines) + (lines.len() - 1) as f64 * line + SMALL))
            .fold(CELL_HEIGHT, f64::max)
            .ceil();
        let mut out = String::new();
        hatch_def(&mut out, &pattern, "#f3f2f1");
        let mut right = HEAT_LABELS + self.columns.len() as f64 * COLUMN;
        for (i, lines) in heads.iter().enumerate() {
            let x = HEAT_LABELS + (i as f64 + 0.5) * COLUMN - 6.0;
            let y = head_height - 8.0;
            right = right.max(x + slant * (longest(lines) + 4.0));
            let _ = write!(
                out,
                r#"<text x="{x}" y="{y}" font-size="{SMALL}" fill="{INK}" transform="rotate(-45 {x} {y})" class="heat-column">"#
            );
            for (n, text) in lines.iter().enumerate() {
                let dy = if n == 0 {
                    -((lines.len() - 1) as f64) * line
                } else {
                    line
                };
                let _ = write!(out, r#"<tspan x="{x}" dy="{dy}">{}</tspan>"#, escape(text));
            }
            out.push_str("</text>");
        }
        let mut y = head_height;
        for (label, cells) in &self.rows {
            let lines = wrap(label, HEAT_LABELS - 12.0, TEXT, MOST_LINES);
            let height = (lines.len() as f64 * LINE + 8.0).max(CELL_HEIGHT);
            // One line sits in the middle of its cells; more start at their top.
            let first = if lines.len() == 1 { y + 23.5 } else { y + 16.0 };
            text_lines(&mut out, &lines, LEFT, first, TEXT, r#" class="heat-row""#);
            for (i, cell) in cells.iter().enumerate() {
                let x = HEAT_LABELS + i as f64 * COLUMN;
                self.cell(&mut out, *cell, x, y, COLUMN - 4.0, &pattern);
            }
            y += height + 4.0;
        }
        let width = (right + 4.0).ceil();
        format!(
            r#"<svg class="chart-svg chart-wide heat-map" width="{width}" height="{y}" viewBox="0 0 {width} {y}" aria-hidden="true" focusable="false">{out}</svg>"#
        )
    }

    /// One block per site: its name, then a cell and the area's name per line.
    fn narrow(&self) -> String {
        let pattern = format!("{}-narrow-hatch", self.id);
        let mut out = String::new();
        hatch_def(&mut out, &pattern, "#f3f2f1");
        let cell_width = 64.0;
        let label_x = cell_width + 10.0;
        let mut y = 0.0;
        for (label, cells) in &self.rows {
            // Bold runs wider than the estimate of regular text: leave it room.
            let lines = wrap(label, NARROW * 0.85, TEXT, MOST_LINES);
            text_lines(
                &mut out,
                &lines,
                LEFT,
                y + 16.0,
                TEXT,
                r#" font-weight="bold" class="heat-row""#,
            );
            y += lines.len() as f64 * LINE + 6.0;
            for (cell, (column, _)) in cells.iter().zip(&self.columns) {
                let lines = wrap(column, NARROW - label_x - 4.0, SMALL, MOST_LINES);
                let height = (lines.len() as f64 * SMALL * 1.25 + 6.0).max(CELL_HEIGHT);
                self.cell(&mut out, *cell, 0.0, y, cell_width, &pattern);
                text_lines(
                    &mut out,
                    &lines,
                    label_x,
                    y + 15.0,
                    SMALL,
                    r#" class="heat-column""#,
                );
                y += height + 4.0;
            }
            y += 14.0;
        }
        format!(
            r#"<svg class="chart-svg chart-narrow heat-map" width="{NARROW}" height="{y}" viewBox="0 0 {NARROW} {y}" aria-hidden="true" focusable="false">{out}</svg>"#
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_tick_at_round_steps_from_end_to_end() {
        let five = Scale::new(0.0, 5.0, 5);
        assert_eq!(five.ticks(), [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(five.label(3.0), "3");
        let ratings = Scale::new(1.0, 5.0, 4);
        assert_eq!(ratings.ticks(), [1.0, 2.0, 3.0, 4.0, 5.0]);
        let share = Scale::new(0.0, 1.0, 5);
        let ticks = share.ticks();
        assert_eq!(ticks.len(), 6);
        assert!(
            (ticks[5] - 1.0).abs() < 1e-9,
            "the last tick is the end: {ticks:?}"
        );
        assert_eq!(
            ticks.iter().map(|t| share.label(*t)).collect::<Vec<_>>(),
            ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]
        );
        let percent = Scale::percent();
        assert_eq!(
            percent
                .ticks()
                .iter()
                .map(|t| percent.label(*t))
                .collect::<Vec<_>>(),
            ["0%", "25%", "50%", "75%", "100%"]
        );
        // An odd range: ticks inside it, never more than asked for and one.
        let odd = Scale::new(0.3, 4.7, 4);
        let ticks = odd.ticks();
        assert!(ticks.iter().all(|t| (0.3..=4.7).contains(t)), "{ticks:?}");
        assert!(ticks.len() <= 5 && ticks.len() >= 2, "{ticks:?}");
        assert_eq!(odd.label(ticks[0]), "2");
    }

    #[test]
    fn a_scale_places_values_and_keeps_them_in_range() {
        let s = Scale::new(1.0, 5.0, 4);
        assert_eq!(s.at(1.0, 100.0, 500.0), 100.0);
        assert_eq!(s.at(3.0, 100.0, 500.0), 300.0);
        assert_eq!(s.at(9.0, 100.0, 500.0), 500.0);
        assert_eq!(s.at(0.0, 100.0, 500.0), 100.0);
    }

    #[test]
    fn labels_wrap_between_words_within_their_width() {
        let text = "Helping the public with digital services and devices";
        let lines = wrap(text, 200.0, TEXT, 5);
        assert!(lines.len() > 1, "{lines:?}");
        assert!(
            lines.iter().all(|l| text_width(l, TEXT) <= 200.0),
            "{lines:?}"
        );
        assert_eq!(lines.join(" "), text, "nothing is lost or broken");
        // A label that fits stays whole.
        assert_eq!(wrap("Email", 200.0, TEXT, 3), ["Email"]);
        // Wider text wraps later than narrow text of the same length.
        assert!(text_width("mmmm", TEXT) > text_width("iiii", TEXT));
    }

    #[test]
    fn labels_past_their_lines_are_shortened_with_an_ellipsis() {
        let welsh = "Helpu'r cyhoedd gyda gwasanaethau a dyfeisiau digidol, gan gynnwys ffurflenni ar-lein y llywodraeth";
        let lines = wrap(welsh, 160.0, TEXT, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(
            lines.iter().all(|l| text_width(l, TEXT) <= 160.0),
            "{lines:?}"
        );
        assert!(welsh.starts_with(&lines[0]));
        // One word wider than the line is broken inside, every piece fitting.
        let long = wrap("Gwasanaethaucwsmeriaidddigidol", 100.0, TEXT, 9);
        assert!(long.len() > 1);
        assert!(
            long.iter().all(|l| text_width(l, TEXT) <= 100.0),
            "{long:?}"
        );
        assert_eq!(long.concat(), "Gwasanaethaucwsmeriaidddigidol");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape(r#"<b>"Tom" & 'Jerry'</b>"#),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn the_sequential_scale_darkens_steadily_and_its_text_is_legible() {
        let mut last = f64::INFINITY;
        for i in 0..=400 {
            let t = f64::from(i) / 400.0;
            let fill = sequential(t);
            let l = fill.luminance();
            assert!(l <= last + 1e-12, "darker is stronger: at {t} {l} > {last}");
            last = l;
            let contrast = fill.contrast(text_on(fill));
            assert!(
                contrast >= 4.5,
                "{} has text at {contrast:.2}:1",
                fill.hex()
            );
        }
        // The ends are far apart.
        assert!(sequential(0.0).contrast(sequential(1.0)) > 10.0);
    }

    #[test]
    fn contrast_is_computed_as_wcag_says() {
        assert!((BLACK.contrast(WHITE) - 21.0).abs() < 1e-9);
        assert!((Rgb::parse("#767676").contrast(WHITE) - 4.54).abs() < 0.01);
        assert_eq!(Rgb::parse("#0b5563").hex(), "#0b5563");
    }

    #[test]
    fn series_colours_stand_out_from_the_page() {
        for c in SERIES.iter().chain([&GREY]) {
            let contrast = Rgb::parse(c).contrast(WHITE);
            assert!(contrast >= 3.0, "{c} is {contrast:.2}:1 on white");
        }
    }

    fn heat() -> HeatMap {
        HeatMap {
            id: "heat",
            columns: vec![
                ("Communicating & collaborating online".into(), "en"),
                ("Safety".into(), "en"),
            ],
            rows: vec![
                (
                    "Pentre Isaf Community Library".into(),
                    vec![Heat::Value(4.25), Heat::Hidden],
                ),
                ("Central".into(), vec![Heat::Empty, Heat::Value(1.0)]),
            ],
            scale: Scale::new(1.0, 5.0, 4),
            decimals: 1,
            hidden: "hidden".into(),
            scale_name: "Mean rating".into(),
            hidden_key: "Hidden to keep people anonymous".into(),
            empty_key: "Nobody rated it".into(),
        }
    }

    #[test]
    fn a_heat_map_writes_every_value_heading_and_hidden_cell() {
        let html = heat().html();
        assert!(html.contains(">4.2<") || html.contains(">4.3<"), "{html}");
        assert!(html.contains(">1.0<"));
        assert!(html.contains("Communicating &amp;"));
        assert!(html.contains(">Safety<"));
        // Both forms mark the hidden cell; the key explains it and the empty one.
        assert_eq!(html.matches(r#"class="heat-hidden""#).count(), 2);
        assert!(html.contains(">hidden<"));
        assert!(
            html.contains("Hidden to keep people anonymous") && html.contains("Nobody rated it")
        );
        // The dark cell's text is white, the light one's black.
        let dark = heat().colour(4.25);
        assert_eq!(text_on(dark), WHITE);
        assert_eq!(text_on(heat().colour(1.0)), BLACK);
        // No text is drawn under 14 px.
        for size in html.split("font-size=\"").skip(1) {
            let px: f64 = size[..size.find('"').unwrap()].parse().unwrap();
            assert!(px >= 14.0, "{px}");
        }
    }

    #[test]
    fn a_chart_of_rows_has_a_scale_values_and_a_key() {
        let chart = RowChart {
            id: "c",
            kind: Kind::Bars,
            scale: Scale::new(0.0, 5.0, 5),
            series: vec![Series::nth(0, "You", "en"), Series::nth(1, "Service", "en")],
            rows: vec![Row {
                label: "Helping the public with digital services and devices of every kind".into(),
                values: vec![Some(3.456), None],
                missing: "hidden".into(),
            }],
            decimals: 2,
        };
        let html = chart.html();
        for tick in ["0", "1", "2", "3", "4", "5"] {
            assert!(html.contains(&format!(">{tick}</tspan>")), "tick {tick}");
        }
        assert!(html.contains(">3.46<"), "the value is written");
        assert!(html.contains(">hidden<"), "the missing value says why");
        assert!(html.contains(r#"<ul class="chart-key">"#) && html.contains(">Service<"));
        assert!(html.contains("chart-wide") && html.contains("chart-narrow"));
        // Never drawn smaller than its size: width and viewBox agree.
        for svg in html.split("<svg ").skip(1) {
            let attr = |name: &str| {
                let at = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                svg[at..at + svg[at..].find('"').unwrap()].to_string()
            };
            let view: Vec<&str> = attr("viewBox").leak().split(' ').collect();
            assert_eq!(attr("width"), view[2]);
            assert_eq!(attr("height"), view[3]);
        }
    }
}
