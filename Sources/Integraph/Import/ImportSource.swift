import Foundation

/// One file an importer reads: its name as the user gave it, for messages, and its text.
///
/// ```swift
/// let file = ImportSource(name: "k8s/frontend.yaml", text: manifest)
/// ```
package struct ImportSource: Sendable {
    public let name: String
    public let text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// Its JSON document, or a note saying why it could not be read.
    func jsonDocument() -> Result<DocumentNode?, ImportNote> {
        do throws(DocumentSyntaxError) {
            return .success(try JSONDocumentParser().parse(Array(text.utf8)))
        } catch {
            return .failure(ImportNote(file: name, position: error.position, message: "skipped the file: \(error.message)"))
        }
    }

    /// Its YAML documents, or a note saying why none could be read (the file is skipped,
    /// the others are not).
    func yamlDocuments() -> Result<[DocumentNode], ImportNote> {
        do throws(DocumentSyntaxError) {
            return .success(try YAMLDocumentParser().parseAll(text))
        } catch {
            return .failure(ImportNote(file: name, position: error.position, message: "skipped the file: \(error.message)"))
        }
    }
}

extension ImportSource {
    /// The files at `paths`: a file as it is, a folder's files ending in one of `extensions`
    /// at any depth, in path order. What cannot be read (no such path, not UTF-8 text) is a
    /// note, and the rest is read.
    public static func collect(_ paths: [String], extensions: [String]) -> (sources: [ImportSource], notes: [ImportNote]) {
        var sources: [ImportSource] = [], notes: [ImportNote] = []
        let files = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isDirectory) else {
                notes.append(ImportNote(file: path, position: .start, message: "skipped: no such file or folder"))
                continue
            }
            var found: [String] = [path]
            if isDirectory.boolValue {
                let names = (files.enumerator(atPath: path)?.allObjects as? [String]) ?? []
                found = names.filter { name in extensions.contains { name.lowercased().hasSuffix("." + $0) } }.sorted()
                    .map { (path as NSString).appendingPathComponent($0) }
            }
            for file in found {
                switch read(file: file) {
                case .success(let source): sources.append(source)
                case .failure(let note): notes.append(note)
                }
            }
        }
        return (sources, notes)
    }

    /// The file at `path` as text, or a note saying why it cannot be read (not UTF-8, too
    /// big, unreadable).
    public static func read(file path: String) -> Result<ImportSource, ImportNote> {
        do {
            return .success(ImportSource(name: path, text: try SourceText.decode(try LandscapeReader.bytes(of: .file(path)))))
        } catch let error as DocumentSyntaxError {
            return .failure(ImportNote(file: path, position: error.position, message: "skipped the file: \(error.message)"))
        } catch {
            return .failure(ImportNote(file: path, position: .start, message: "skipped the file: \(error)"))
        }
    }
}
