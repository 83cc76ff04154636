extension String {
    /// The text as a search compares it: lower case, Latin letters without their accents ("Cámara" and "camara"
    /// match, as "Ação" and "acao"), combining marks dropped. Other scripts are kept as they are.
    public var searchKey: String {
        var key = ""
        for scalar in unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if let base = latinBaseLetters[scalar.value] {
                key += base
            } else {
                key.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return key
    }
}

/// Each accented Latin letter of U+00C0–U+024F, by its scalar, as its base letter in lower case: "LATIN SMALL
/// LETTER A WITH ACUTE" is "a". Read from the characters' names once, rather than on each search.
private let latinBaseLetters: [UInt32: String] = {
    var letters: [UInt32: String] = [:]
    for value in UInt32(0xC0)...0x24F {
        guard let name = Unicode.Scalar(value)?.properties.name else { continue }
        let words = name.split(separator: " ")
        if words.count >= 5, words[0] == "LATIN", words[2] == "LETTER", words[3].count == 1, words[4] == "WITH" {
            letters[value] = words[3].lowercased()
        }
    }
    return letters
}()
