import ISPCore

extension Guide {
    /// The list that workshop participants' organisations go into: the worksheet field `register` that is a
    /// list naming its rows (the stakeholder register of step 2), if the guide has one.
    var participantRegister: FieldAddress? {
        for worksheet in worksheets {
            if case .rows(_, _, _?)? = worksheet.field("register")?.kind {
                return FieldAddress(worksheet: worksheet.id, field: "register")
            }
        }
        return nil
    }
}

extension Session {
    /// The participants' organisations that the list does not name yet (by name, ignoring case and the spaces
    /// around it), each once, in the participants' order, with the sector of the first participant from it.
    func participantOrganisations(missingFrom address: FieldAddress, in guide: Guide)
        -> [(name: String, sector: Sector?)]
    {
        func key(_ name: String) -> String { name.trimmed.lowercased() }
        var named = Set(rows(of: address, in: guide).map { key(rowName($0, of: address, in: guide)) })
        var missing: [(name: String, sector: Sector?)] = []
        for participant in participants {
            let name = participant.organisation.trimmed
            guard !name.isEmpty, named.insert(key(name)).inserted else { continue }
            missing.append((name, participant.sector))
        }
        return missing
    }

    /// Adds a row for each participant's organisation that the list does not name yet, with its sector when the
    /// list has a `sector` choice that offers it; returns the rows added.
    @discardableResult
    mutating func addParticipantOrganisations(to address: FieldAddress, in guide: Guide) -> [RecordRow] {
        guard let field = guide.field(at: address), case .rows(_, _, let nameColumn?) = field.kind else { return [] }
        let sectors = field.column("sector")?.kind.choices.map(\.id) ?? []
        let added = participantOrganisations(missingFrom: address, in: guide).map { organisation in
            var row = RecordRow(cells: [nameColumn: .string(organisation.name)])
            if let sector = organisation.sector?.rawValue, sectors.contains(sector) {
                row.cells["sector"] = .string(sector)
            }
            return row
        }
        if !added.isEmpty { setRows(rows(of: address, in: guide) + added, of: address) }
        return added
    }

    /// An entry's value as a line of text, as `text(of:in:)` gives it, but reading the cells of a list's default
    /// rows (the guide's ground rules) while the list has never been changed, which `text(of:in:)` reads as
    /// empty since they are not stored yet.
    func textReadingDefaults(of entry: RecordEntry, in guide: Guide) -> String {
        guard entry.path.count > 2, case .key(let worksheet) = entry.path[0], case .key(let field) = entry.path[1],
            case .row = entry.path[2], records[worksheet]?.value(at: [.key(field)])?.array == nil
        else { return text(of: entry, in: guide) }
        var withDefaults = self
        withDefaults.storeDefaultRows(of: FieldAddress(worksheet: worksheet, field: field), in: guide)
        return withDefaults.text(of: entry, in: guide)
    }
}
