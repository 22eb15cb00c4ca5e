import Foundation

/// The report's charts as inline SVG, drawn here: no script, no web font, every label escaped.
/// Labels are Arabic (the bidi algorithm lays each out right to left) and are anchored at their
/// right end (the SVG is set left to right, so that `end` is the right end inside an RTL page);
/// story and outlet labels and legends sit at the right, where a reader starts.
enum Charts {
    /// Articles per outlet in each bucket of the period.
    struct Volume {
        /// Bucket labels, earliest first.
        let labels: [String]
        /// Each outlet's articles per bucket.
        let series: [(outlet: String, counts: [Int])]
    }

    /// Colours told apart in colour and in grey (Okabe–Ito).
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

    /// The three charts: volume over time, story × outlet coverage, and first-report lags.
    static func all(volume: Volume, sections: [StorySection], outlets: [String], lags: [OutletLine]) -> [Chart] {
        var charts: [Chart] = []
        if !volume.labels.isEmpty { charts.append(Chart(title: "حجم التغطية عبر الزمن لكل منفذ", svg: volumeChart(volume))) }
        if !sections.isEmpty { charts.append(Chart(title: "القصص والمنافذ: عدد المقالات", svg: coverageMatrix(sections, outlets: outlets))) }
        charts.append(Chart(title: "التأخر الوسيط عن أول تقرير لكل منفذ", svg: lagChart(lags)))
        return charts
    }

    /// One line per outlet over the buckets, with axes, gridlines and a legend.
    static func volumeChart(_ volume: Volume) -> String {
        let width = 760.0, height = 300.0, left = 50.0, right = 190.0, top = 20.0, bottom = 60.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maxCount = max(1, volume.series.flatMap(\.counts).max() ?? 1)
        let step = volume.labels.count > 1 ? plotWidth / Double(volume.labels.count - 1) : 0
        func x(_ k: Int) -> Double { left + (volume.labels.count > 1 ? Double(k) * step : plotWidth / 2) }
        func y(_ v: Int) -> Double { top + plotHeight * (1 - Double(v) / Double(maxCount)) }
        var svg = open(width: width, height: height, label: "عدد المقالات لكل منفذ عبر الزمن")
        for tick in ticks(maxCount) {
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(tick)))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y(tick)))\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\" class=\"tick\">\(tick)</text>"
        }
        let every = max(1, (volume.labels.count + 5) / 6)
        for (k, label) in volume.labels.enumerated() where k % every == 0 {
            svg += "<text x=\"\(f(x(k)))\" y=\"\(f(top + plotHeight + 16))\" text-anchor=\"middle\" class=\"tick\">\(escape(label))</text>"
        }
        svg +=
            "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 12))\" text-anchor=\"middle\" direction=\"rtl\" class=\"axis\">الوقت (توقيت كل منفذ)</text>"
        for (s, series) in volume.series.enumerated() {
            let colour = palette[s % palette.count]
            let points = series.counts.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element)))" }.joined(separator: " ")
            svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            for (k, v) in series.counts.enumerated() where v > 0 {
                svg += "<circle cx=\"\(f(x(k)))\" cy=\"\(f(y(v)))\" r=\"3\" fill=\"\(colour)\"><title>\(escape(series.outlet)): \(v)</title></circle>"
            }
            svg += legendItem(index: s, label: series.outlet, colour: colour, x: width - 10, y: top + 4 + Double(s) * 20)
        }
        return svg + "</svg>"
    }

    /// Stories (rows, labelled at the right) by outlets (columns), shaded by article count.
    static func coverageMatrix(_ sections: [StorySection], outlets: [String]) -> String {
        let cell = 44.0, labelWidth = 330.0, top = 90.0
        let width = labelWidth + cell * Double(outlets.count) + 20, height = top + cell * Double(sections.count) + 10
        let counts = sections.map { section in
            Dictionary(uniqueKeysWithValues: section.comparison.map { ($0.outlet, $0.articles) })
        }
        let maxCount = max(1, counts.flatMap(\.values).max() ?? 1)
        var svg = open(width: width, height: height, label: "مصفوفة تغطية القصص حسب المنفذ")
        // Outlets right to left, the first next to the story labels.
        func columnX(_ c: Int) -> Double { width - labelWidth - 10 - cell * Double(c + 1) }
        for (c, outlet) in outlets.enumerated() {
            let cx = columnX(c) + cell / 2
            svg += "<text transform=\"translate(\(f(cx)),\(f(top - 8))) rotate(-45)\" text-anchor=\"start\" class=\"tick\">\(escape(outlet))</text>"
        }
        for (r, section) in sections.enumerated() {
            let y = top + cell * Double(r)
            svg += "<text x=\"\(f(width - 10))\" y=\"\(f(y + cell / 2 + 4))\" text-anchor=\"end\" class=\"label\">\(section.rank).</text>"
            svg += rightAligned(clipped(section.title, to: 40), x: width - 34, y: y + cell / 2 + 4, class: "label")
            for (c, outlet) in outlets.enumerated() {
                let count = counts[r][outlet] ?? 0
                let shade = count == 0 ? "#f4f4f4" : "rgba(0,114,178,\(f(0.2 + 0.8 * Double(count) / Double(maxCount))))"
                svg += "<rect x=\"\(f(columnX(c) + 2))\" y=\"\(f(y + 2))\" width=\"\(f(cell - 4))\" height=\"\(f(cell - 4))\" fill=\"\(shade)\">"
                svg += "<title>\(escape(outlet)) — \(escape(section.title)): \(count)</title></rect>"
                if count > 0 {
                    let ink = Double(count) / Double(maxCount) > 0.5 ? "#fff" : "#000"
                    svg +=
                        "<text x=\"\(f(columnX(c) + cell / 2))\" y=\"\(f(y + cell / 2 + 4))\" text-anchor=\"middle\" fill=\"\(ink)\" class=\"tick\">\(count)</text>"
                }
            }
        }
        return svg + "</svg>"
    }

    /// One bar per outlet: its median delay behind the first report, in hours.
    static func lagChart(_ lines: [OutletLine]) -> String {
        let rows = lines.map { ($0.outlet, $0.medianLagMinutes) }
        let width = 760.0, labelWidth = 170.0, bar = 26.0, top = 10.0
        let height = top + bar * Double(max(1, rows.count)) + 40
        let maxHours = max(1, rows.compactMap(\.1).max().map { Double($0) / 60 } ?? 1)
        let plotWidth = width - labelWidth - 80
        var svg = open(width: width, height: height, label: "التأخر الوسيط عن أول تقرير")
        for (r, row) in rows.enumerated() {
            let y = top + bar * Double(r)
            svg += rightAligned(row.0, x: width - 10, y: y + bar / 2 + 4, class: "label")
            guard let minutes = row.1 else {
                svg += rightAligned("سبق الجميع أو لا قصص مشتركة", x: width - labelWidth - 6, y: y + bar / 2 + 4, class: "tick")
                continue
            }
            let length = plotWidth * (Double(minutes) / 60) / maxHours
            svg +=
                "<rect x=\"\(f(width - labelWidth - length))\" y=\"\(f(y + 4))\" width=\"\(f(max(1, length)))\" height=\"\(f(bar - 8))\" fill=\"\(palette[r % palette.count])\"/>"
            svg += rightAligned(duration(minutes: minutes), x: width - labelWidth - length - 6, y: y + bar / 2 + 4, class: "tick")
        }
        svg +=
            "<text x=\"\(f((width - labelWidth) / 2))\" y=\"\(f(height - 10))\" text-anchor=\"middle\" direction=\"rtl\" class=\"axis\">التأخر بالساعات (الأطول إلى اليسار)</text>"
        return svg + "</svg>"
    }

    // MARK: - Pieces

    static func open(width: Double, height: Double, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(escape(label))\" style=\"direction: ltr\">"
    }

    static func legendItem(index: Int, label: String, colour: String, x: Double, y: Double) -> String {
        "<rect x=\"\(f(x - 14))\" y=\"\(f(y))\" width=\"14\" height=\"10\" fill=\"\(colour)\"/>"
            + rightAligned(label, x: x - 20, y: y + 9, class: "label")
    }

    /// Text laid out right to left whose right end is at `x` (in RTL, `start` is the right end).
    static func rightAligned(_ text: String, x: Double, y: Double, class name: String) -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" direction=\"rtl\" text-anchor=\"start\" class=\"\(name)\">\(escape(text))</text>"
    }

    /// Gridline values: about four, round.
    static func ticks(_ maximum: Int) -> [Int] {
        let step = max(1, Int((Double(maximum) / 4).rounded(.up)))
        return Array(stride(from: 0, through: maximum, by: step))
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// Text made safe inside HTML and SVG: & < > " ' escaped.
func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for u in text.unicodeScalars {
        switch u {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(u)
        }
    }
    return out
}
