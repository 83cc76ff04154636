/// A backend with no terminal: events come from a script, frames are kept for inspection.
public final class MemoryBackend: TerminalBackend {
    public private(set) var size: Size
    public private(set) var frames: [ScreenGrid] = []
    public private(set) var isStopped = false
    private var script: [Event]

    public init(size: Size, script: [Event] = []) {
        self.size = size
        self.script = script
    }

    /// The frame on screen now.
    public var screen: ScreenGrid? { frames.last }

    public func enqueue(_ events: [Event]) {
        script += events
    }

    public func nextEvent(timeoutMilliseconds: Int) -> Event? {
        guard !script.isEmpty else { return nil }
        let event = script.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    public func draw(_ grid: ScreenGrid) {
        frames.append(grid)
    }

    public func stop() {
        isStopped = true
    }
}
