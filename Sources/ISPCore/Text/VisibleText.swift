#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension String {
    /// The text with every character that could steer a terminal shown instead: `^[` for ESC, `^G` for BEL,
    /// `^?` for DEL, `<U+009B>` for a C1 control. Newlines and tabs stay. Its bidirectional controls are balanced
    /// (see `bidiBalanced(marking:)`), so that none reorders what comes after the text.
    ///
    /// Text from files (names, notes, guide texts, damaged fields) goes through this, one value at a time, before
    /// it is printed or exported, so that a shared file cannot set the window title, write the clipboard, clear the
    /// screen or turn the text after it around. The stored text is never changed.
    public var visibleControls: String {
        visible(keepingLineBreaks: true).bidiBalanced()
    }

    /// The text made visible on one line (newlines and tabs too) and cut to `limit` characters, then `…`:
    /// how a message quotes text from a file or a path, so that a 10 MB field gives a short sentence. The
    /// bidirectional controls of what is kept are balanced, whose marks may add a few characters.
    package func excerpt(limit: Int = 80) -> String {
        var result = ""
        var count = 0
        for character in self {
            let shown = String(character).visible(keepingLineBreaks: false)
            count += shown.count
            if count > limit { return result.bidiBalanced() + "…" }
            result += shown
        }
        return result.bidiBalanced()
    }

    /// The text with its bidirectional embeddings, overrides and isolates closed within it, so that none reaches
    /// past its end (the Trojan Source attack): an opener still open at the end (LRE, RLE, LRO, RLO, LRI, RLI,
    /// FSI) gets its closer (PDF, PDI) there, innermost first, and a closer that closes nothing is dropped.
    /// With `marking`, each of those is shown as `<U+202E>` where it stood; an opener stays after its mark and
    /// works up to the end of the text.
    ///
    /// Pairs are matched as the Unicode bidirectional algorithm does (UAX #9, X1–X8): a PDF closes the innermost
    /// embedding or override opened inside the innermost open isolate, and a PDI closes its isolate together
    /// with whatever was opened inside it. Balanced controls, overrides too, stay as they are and unmarked:
    /// right-to-left text uses them, and they act inside the text only. LRM, RLM and ALM (U+200E, U+200F,
    /// U+061C) only steer the characters next to them and pass unchanged, as they are ordinary in Arabic and
    /// Hebrew. Line breaks are not counted as ends: the text is balanced as one value, however it is laid out.
    ///
    /// Without `marking`, for a piece of a value already balanced, such as a line of a wrapped table cell.
    package func bidiBalanced(marking: Bool = true) -> String {
        // Nearly all text holds no bidirectional control.
        guard unicodeScalars.contains(where: { BidiControl($0) != nil }) else { return self }
        var open: [(offset: Int, isolate: Bool)] = []
        var unmatched = Set<Int>()
        for (offset, scalar) in unicodeScalars.enumerated() {
            switch BidiControl(scalar) {
            case .embedding: open.append((offset, false))
            case .isolate: open.append((offset, true))
            case .embeddingEnd:
                if open.last?.isolate == false { open.removeLast() } else { unmatched.insert(offset) }
            case .isolateEnd:
                if let isolate = open.lastIndex(where: \.isolate) {
                    open.removeSubrange(isolate...)
                } else {
                    unmatched.insert(offset)
                }
            case nil: break
            }
        }
        guard !open.isEmpty || !unmatched.isEmpty else { return self }
        let unclosed = Set(open.map(\.offset))
        // Built as a String: appending to a String.UnicodeScalarView copied it whole each time.
        var result = ""
        result.reserveCapacity(utf8.count)
        for (offset, scalar) in unicodeScalars.enumerated() {
            let unbalanced = unmatched.contains(offset) || unclosed.contains(offset)
            if unbalanced && marking { result += Self.mark(scalar) }
            if !unmatched.contains(offset) { result.unicodeScalars.append(scalar) }
        }
        for opener in open.reversed() { result.unicodeScalars.append(opener.isolate ? "\u{2069}" : "\u{202C}") }
        return result
    }

    private func visible(keepingLineBreaks: Bool) -> String {
        func needsMark(_ scalar: Unicode.Scalar) -> Bool {
            if keepingLineBreaks, scalar == "\n" || scalar == "\t" { return false }
            return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        }
        // Nearly all text has nothing to show differently.
        guard unicodeScalars.contains(where: needsMark) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            guard needsMark(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            result += Self.mark(scalar)
        }
        return result
    }

    /// How a control is shown: `^[` for a C0 control, `^?` for DEL, `<U+009B>` for any other.
    private static func mark(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case ..<0x20: "^" + String(Unicode.Scalar(UInt8(scalar.value) + 0x40))
        case 0x7F: "^?"
        default: "<U+" + hex4(scalar.value) + ">"
        }
    }
}

/// The bidirectional controls that open or close a part of text laid out apart (UAX #9).
private enum BidiControl {
    /// LRE, RLE, LRO or RLO, closed by a PDF.
    case embedding
    /// LRI, RLI or FSI, closed by a PDI.
    case isolate
    /// PDF.
    case embeddingEnd
    /// PDI.
    case isolateEnd

    init?(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x202A, 0x202B, 0x202D, 0x202E: self = .embedding
        case 0x202C: self = .embeddingEnd
        case 0x2066...0x2068: self = .isolate
        case 0x2069: self = .isolateEnd
        default: return nil
        }
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

extension String {
    /// The bytes the text takes in a JSON file isp-wizard writes: a quote or a backslash takes two, a control
    /// character six (`\u0001`; a line break or a tab two), DEL and the C1 controls six (see `escapingControls`).
    public var sizeInJSON: Int {
        var size = 0
        var previous: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case 0x22, 0x5C, 0x08, 0x09, 0x0A, 0x0C, 0x0D: size += 2
            case ..<0x20, 0x7F: size += 6
            case 0x80...0x9F where previous == 0xC2: size += 5  // with its 0xC2, six for the two
            default: size += 1
            }
            previous = byte
        }
        return size
    }
}
