#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension String {
    /// The text with every character that could steer a terminal shown instead: `^[` for ESC, `^G` for BEL,
    /// `^?` for DEL, `<U+009B>` for a C1 control or a bidirectional override. Newlines and tabs stay.
    ///
    /// Text from files (names, notes, guide texts, damaged fields) goes through this before it is printed or
    /// exported, so that a shared file cannot set the window title, write the clipboard or clear the screen.
    /// The stored text is never changed.
    public var visibleControls: String {
        visible(keepingLineBreaks: true)
    }

    /// The text made visible on one line (newlines and tabs too) and cut to `limit` characters, then `…`:
    /// how a message quotes text from a file or a path, so that a 10 MB field gives a short sentence.
    func excerpt(limit: Int = 80) -> String {
        var result = ""
        var count = 0
        for character in self {
            let shown = String(character).visible(keepingLineBreaks: false)
            count += shown.count
            if count > limit { return result + "…" }
            result += shown
        }
        return result
    }

    private func visible(keepingLineBreaks: Bool) -> String {
        func needsMark(_ scalar: Unicode.Scalar) -> Bool {
            if keepingLineBreaks, scalar == "\n" || scalar == "\t" { return false }
            return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x202D
                || scalar.value == 0x202E
        }
        // Nearly all text has nothing to show differently.
        guard unicodeScalars.contains(where: needsMark) else { return self }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            guard needsMark(scalar) else {
                result.append(scalar)
                continue
            }
            let mark: String
            switch scalar.value {
            case ..<0x20: mark = "^" + String(Unicode.Scalar(UInt8(scalar.value) + 0x40))
            case 0x7F: mark = "^?"
            default: mark = "<U+" + hex4(scalar.value) + ">"
            }
            result.append(contentsOf: mark.unicodeScalars)
        }
        return String(result)
    }
}

/// Four uppercase hexadecimal digits: `009B`.
private func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

/// JSON as isp-wizard writes it, with every control character escaped: `JSONEncoder` escapes
/// U+0000–U+001F but writes DEL and the C1 controls (U+007F–U+009F) raw, and a terminal obeys those.
///
/// Outside its strings JSON is ASCII, so byte 0x7F and the UTF-8 pairs 0xC2 0x80…0x9F can only be those
/// characters inside strings, and replacing them with `\u007f`… changes nothing a JSON reader sees.
func escapingControls(inJSON data: Data) -> Data {
    data.withUnsafeBytes { bytes in
        var result = Data()
        var copied = 0  // bytes before this one are in `result`
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let escape: UInt8
            if byte == 0x7F {
                escape = byte
            } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                escape = bytes[index + 1]
            } else {
                index += 1
                continue
            }
            if result.isEmpty { result.reserveCapacity(data.count + 64) }
            result.append(contentsOf: bytes[copied..<index])
            result.append(contentsOf: Array("\\u00\(String(escape, radix: 16))".utf8))
            index += escape == 0x7F ? 1 : 2
            copied = index
        }
        // Nearly every file has nothing to escape and is returned as it is.
        guard copied > 0 else { return data }
        result.append(contentsOf: bytes[copied...])
        return result
    }
}
