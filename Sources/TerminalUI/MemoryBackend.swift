/// A backend with no terminal: events come from a script, frames are kept for inspection.
///
/// A `nil` in the script is a read that timed out (a pause in typing); once the script is used up the
/// terminal counts as gone, so a run loop under test always ends.
public final class MemoryBackend: TerminalBackend {
    public private(set) var size: Size
    public private(set) var frames: [ScreenGrid] = []
    public private(set) var isStopped = false
    public private(set) var bells = 0
    private var script: [Event?]

    public init(size: Size, script: [Event?] = []) {
        self.size = size
        self.script = script
    }

    /// The frame on screen now.
    public var screen: ScreenGrid? { frames.last }

    public func nextEvent(timeoutMilliseconds: Int) -> Event? {
        guard !script.isEmpty else { return .stop(.hangup) }
        let event = script.removeFirst()
        if case .resize(let newSize)? = event { size = newSize }
        return event
    }

    public func draw(_ grid: ScreenGrid) {
        frames.append(grid)
    }

    public func bell() {
        bells += 1
    }

    public func stop() {
        isStopped = true
    }
}
