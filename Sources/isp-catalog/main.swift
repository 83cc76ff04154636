#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CatalogTools
#if canImport(Glibc)
import Glibc
#endif

/// `swift run isp-catalog`, in the package's top folder: reads `Catalog/*/*.po`, writes the Swift table in
/// `Sources/Messages/Generated`, and says what keeps the translations from being complete.
func main() -> Int32 {
    do {
        let catalogs = try Catalogs.load(from: "Catalog")
        let files = try CatalogGenerator.files(for: catalogs)
        let folder = CatalogGenerator.folder
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in existing where name.hasSuffix(".swift") && files[name] == nil {
            try FileManager.default.removeItem(atPath: folder + "/" + name)
        }
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            let path = folder + "/" + name
            guard FileManager.default.contents(atPath: path) != Data(text.utf8) else { continue }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            print("Wrote \(path).")
        }
        let problems = try CatalogCheck.problems(in: catalogs)
        for problem in problems { print(problem) }
        print(problems.isEmpty ? "Every catalog is complete."
              : "\(problems.count) messages are missing or wrong in translations: English is shown for them, "
                + "and MessagesTests fails until they are fixed.")
        return 0
    } catch let error as CatalogError {
        print(error.description)
        return 1
    } catch {
        print("Cannot write \(CatalogGenerator.folder): \(error).")
        return 1
    }
}

exit(main())
