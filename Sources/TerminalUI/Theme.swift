/// How a terminal draws a cell: attributes, and colours where the theme has them.
public struct Look: Equatable, Hashable, Sendable {
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let bold = Attributes(rawValue: 1 << 0)
        public static let reverse = Attributes(rawValue: 1 << 1)
        public static let dim = Attributes(rawValue: 1 << 2)
        public static let underline = Attributes(rawValue: 1 << 3)
    }

    /// The eight colours every colour terminal has, by their ANSI numbers.
    public enum Colour: Int16, Sendable {
        case black = 0, red, green, yellow, blue, magenta, cyan, white
    }

    public var attributes: Attributes
    /// Nil keeps the terminal's own colour.
    public var foreground: Colour?
    public var background: Colour?

    public init(_ attributes: Attributes = [], foreground: Colour? = nil, background: Colour? = nil) {
        self.attributes = attributes
        self.foreground = foreground
        self.background = background
    }

    public static let plain = Look()
}

/// How each role of a `Style` looks. Colour is never the only signal: every rating, band and flag also reads in
/// words or symbols, so `mono` loses nothing but emphasis.
public struct Theme: Sendable {
    public let name: String
    private let looks: [UInt32: Look]

    init(name: String, looks: [(Style, Look)]) {
        self.name = name
        self.looks = Dictionary(looks.map { ($0.0.rawValue, $0.1) }) { first, _ in first }
    }

    /// The look of a style: its roles' attributes together, the colours of the last role that has one.
    public func look(for style: Style) -> Look {
        var look = Look.plain
        for (role, _) in Style.roles where style.contains(role) {
            guard let roleLook = looks[role.rawValue] else { continue }
            look.attributes.formUnion(roleLook.attributes)
            look.foreground = roleLook.foreground ?? look.foreground
            look.background = roleLook.background ?? look.background
        }
        return look
    }

    /// Whether the theme uses colours at all.
    public var usesColour: Bool {
        looks.values.contains { $0.foreground != nil || $0.background != nil }
    }

    /// Attributes only, the wizard's first look: for NO_COLOR, terminals without colours and black-and-white
    /// projection.
    public static let mono = Theme(name: "mono", looks: [
        (.title, Look(.bold)), (.bar, Look(.reverse)), (.barKey, Look([.reverse, .bold])), (.focus, Look(.bold)),
        (.selected, Look(.reverse)), (.chosen, Look(.bold)), (.muted, Look(.dim)), (.field, Look(.underline)),
        (.warning, Look([.reverse, .bold])),
        // Without colours only reverse video gives the code a ground: right on a dark terminal, inverted on a
        // light one, which most phones' cameras still read.
        (.qrCode, Look(.reverse)),
    ])

    /// Colours where they help: the bars, bands and rating stages, warnings in red.
    public static let standard = Theme(name: "default", looks: [
        (.title, Look(.bold)), (.bar, Look(foreground: .white, background: .blue)),
        (.barKey, Look(.bold, foreground: .yellow, background: .blue)), (.focus, Look(.bold, foreground: .cyan)),
        (.selected, Look(.reverse)), (.chosen, Look(.bold)), (.muted, Look(.dim)), (.field, Look(.underline)),
        (.warning, Look(.bold, foreground: .white, background: .red)),
        (.notReady, Look(.bold, foreground: .red)), (.developing, Look(foreground: .yellow)),
        (.ready, Look(foreground: .green)),
        (.stage(0), Look(foreground: .red)), (.stage(1), Look(foreground: .red)),
        (.stage(2), Look(foreground: .yellow)), (.stage(3), Look(foreground: .green)),
        (.stage(4), Look(.bold, foreground: .green)),
        (.qrCode, Look(foreground: .black, background: .white)),
    ])

    /// For projectors and low vision: what matters in bold, nothing dimmed, and every colour on a background of
    /// its own, so that it reads on a light terminal as on a dark one.
    public static let highContrast = Theme(name: "high-contrast", looks: [
        (.title, Look(.bold)), (.bar, Look(.bold, foreground: .white, background: .black)),
        (.barKey, Look(.bold, foreground: .black, background: .yellow)),
        (.focus, Look([.bold, .underline])), (.selected, Look(.bold, foreground: .black, background: .yellow)),
        (.chosen, Look([.bold, .underline])), (.field, Look([.bold, .underline])),
        (.warning, Look(.bold, foreground: .white, background: .red)),
        (.notReady, Look(.bold, foreground: .white, background: .red)),
        (.developing, Look(.bold, foreground: .black, background: .yellow)),
        (.ready, Look(.bold, foreground: .black, background: .green)),
        (.stage(0), Look(.bold, foreground: .white, background: .red)),
        (.stage(1), Look(.bold, foreground: .white, background: .red)),
        (.stage(2), Look(.bold, foreground: .black, background: .yellow)),
        (.stage(3), Look(.bold, foreground: .black, background: .green)),
        (.stage(4), Look(.bold, foreground: .black, background: .green)),
        (.qrCode, Look(foreground: .black, background: .white)),
    ])

    public static let all = [standard, mono, highContrast]

    public static func named(_ name: String) -> Theme? {
        all.first { $0.name == name }
    }
}
