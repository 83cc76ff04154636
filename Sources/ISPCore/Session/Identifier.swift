#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Ids of partnerships and participants: random when made, or derived from what a file already holds.
public enum Identifier {
    /// A new random id, in the lower-case UUID form.
    public static func make() -> String {
        UUID().uuidString.lowercased()
    }

    /// An id that the same text always gives, in the UUID form: for files written before ids existed, so
    /// that opening the same file twice gives the same partnership.
    public static func derived(from text: String) -> String {
        // Two 64-bit FNV-1a hashes with different starting values; not for secrets, only for telling apart.
        let bytes = Array(text.utf8)
        let hex = [0xcbf2_9ce4_8422_2325 as UInt64, 0x6c62_272e_07bb_0142].map { seed in
            var hash = seed
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            let digits = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
        let groups = [8, 4, 4, 4, 12]
        var parts: [Substring] = []
        var start = hex.startIndex
        for length in groups {
            let end = hex.index(start, offsetBy: length)
            parts.append(hex[start..<end])
            start = end
        }
        return parts.joined(separator: "-")
    }
}
