import Messages

/// The fields of a form sent as `application/x-www-form-urlencoded`, by name; nil when the body is not such a form
/// (a bad escape, or text that is not UTF-8).
func formFields(_ body: [UInt8]) -> [String: String]? {
    var fields: [String: String] = [:]
    for pair in body.split(separator: UInt8(ascii: "&")) {
        let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
        guard let name = percentDecoded(parts[0]),
              let value = parts.count > 1 ? percentDecoded(parts[1]) : "" else { return nil }
        fields[name] = value
    }
    return fields
}

/// A form's name or value: `+` is a space and `%41` a byte; nil for a broken escape or bytes that are not UTF-8.
private func percentDecoded(_ encoded: ArraySlice<UInt8>) -> String? {
    var bytes: [UInt8] = []
    var index = encoded.startIndex
    while index < encoded.endIndex {
        let byte = encoded[index]
        if byte == UInt8(ascii: "%") {
            guard index + 2 < encoded.endIndex,
                  let high = hexValue(encoded[index + 1]), let low = hexValue(encoded[index + 2]) else { return nil }
            bytes.append(high << 4 | low)
            index += 3
        } else {
            bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index += 1
        }
    }
    return String(validating: bytes, as: UTF8.self)
}

private func hexValue(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
    default: nil
    }
}

/// A cookie's value from a `Cookie` header (`a=1; ballot=XYZ`), nil when it is not there.
func cookie(_ name: String, in header: String?) -> String? {
    for pair in (header ?? "").split(separator: ";") {
        let parts = pair.split(separator: "=", maxSplits: 1)
        if parts.count == 2, parts[0].trimmingSpaces == name { return String(parts[1].trimmingSpaces) }
    }
    return nil
}

/// The language of the page for an `Accept-Language` header (`fr-CH, fr;q=0.9, en;q=0.8`): the first one asked for,
/// by weight, that has a catalog; `fallback` (the facilitator's) when none has.
func pageLanguage(acceptLanguage header: String?, else fallback: Language) -> Language {
    let ranges = (header ?? "").split(separator: ",").enumerated().compactMap { position, item in
        let parts = item.split(separator: ";")
        let tag = parts.first.map { String($0.trimmingSpaces) } ?? ""
        let weight = parts.dropFirst().lazy.compactMap { parameter -> Double? in
            let trimmed = parameter.trimmingSpaces
            return trimmed.hasPrefix("q=") ? Double(trimmed.dropFirst(2)) : nil
        }.first ?? 1
        return tag.isEmpty || weight <= 0 ? nil : (tag: tag, weight: weight, position: position)
    }.sorted { ($0.weight, -$0.position) > ($1.weight, -$1.position) }
    // A tag names a catalog as a locale does: in full, else by its language (`pt` of `pt-BR`).
    let codes = Language.all.map(\.code)
    for range in ranges {
        if let language = LanguageChoice.match(range.tag, in: codes).flatMap(Language.init(code:)) { return language }
    }
    return fallback
}

extension Substring {
    /// The text without the spaces and tabs around it (HTTP's optional white space).
    var trimmingSpaces: Substring {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map(index(after:)) ?? start
        return self[start..<Swift.max(start, end)]
    }
}
