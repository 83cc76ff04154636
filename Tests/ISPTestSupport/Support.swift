import Foundation
import ISPCore
import ISPFiles

/// A folder of its own for each test, removed when the test's value goes away.
public final class TemporaryFolder {
    public let path: String

    public init() {
        path = NSTemporaryDirectory() + "isp-wizard-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes a file in the folder and returns its path.
    public func write(_ name: String, _ data: Data) throws -> String {
        let file = path + "/" + name
        try data.write(to: URL(fileURLWithPath: file))
        return file
    }

    public var files: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? []
    }
}

/// A file in the Fixtures folder beside this file.
public func fixture(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
}

/// The built-in guide as its first edition was (before s7.d3 was split in two), for sessions answered with it.
///
/// This target imports no Testing, so that `swift build -c release` (which builds it too) works where the test
/// library is only there for `swift test`: a fixture that does not load stops the tests at once instead.
public let editionOneGuide: Guide = {
    do {
        return try Guide.load(from: fixture("guides/usaid-isp-startup-edition-1.json").path)
    } catch {
        preconditionFailure("The edition-1 guide fixture does not load: \(error)")
    }
}()

/// Whether text holds anything a terminal would obey rather than show: a C0 or C1 control, or a bidirectional
/// embedding, override or isolate left open at its end (or a closer that closes nothing).
public func hasControls(_ text: String, allowingLineBreaks: Bool = false) -> Bool {
    let controls = text.unicodeScalars.contains { scalar in
        if allowingLineBreaks, scalar == "\n" || scalar == "\t" { return false }
        return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
    return controls || text.bidiBalanced(marking: false) != text
}
