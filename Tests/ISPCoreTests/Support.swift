import Foundation
import Testing

@testable import ISPCore

/// A folder of its own for each test, removed when the test's value goes away.
final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "isp-wizard-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes a file in the folder and returns its path.
    func write(_ name: String, _ data: Data) throws -> String {
        let file = path + "/" + name
        try data.write(to: URL(fileURLWithPath: file))
        return file
    }

    var files: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? []
    }
}

/// A file in this target's Fixtures folder.
func fixture(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
}

/// The built-in guide as its first edition was (before s7.d3 was split in two), for sessions answered with it.
let editionOneGuide: Guide = {
    do {
        return try Guide.load(from: fixture("guides/usaid-isp-startup-edition-1.json").path)
    } catch {
        Issue.record("The edition-1 guide fixture does not load: \(error)")
        return .builtIn
    }
}()
