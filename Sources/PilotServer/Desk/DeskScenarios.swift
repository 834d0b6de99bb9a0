import Foundation
import PilotModel
import PilotReport
import Synchronization

/// The scenarios a desk offers, by id: the one it started with (`start`) and the scenarios
/// people uploaded (`sha256:HEX`, kept by content so that a permalink names exactly one text,
/// the oldest dropped beyond `kept`). No id is a path: nothing a request sends reaches the file
/// system.
final class DeskScenarios: Sendable {
    struct Entry: Sendable {
        let id: String, name: String, document: ScenarioDocument
    }

    static let startID = "start"
    let start: Entry
    private let uploads: Mutex<[Entry]>
    private let kept: Int

    init(start: (name: String, text: String)?, kept: Int) throws {
        if let start {
            self.start = Entry(id: Self.startID, name: start.name, document: try ScenarioDocument(text: start.text, file: start.name))
        } else {
            self.start = Entry(id: Self.startID, name: "\(Scenario.baselineFileName)", document: try ScenarioDocument.baseline())
        }
        uploads = Mutex([])
        self.kept = kept
    }

    /// The scenario of `id`, or nil for an id the desk does not have.
    func entry(_ id: String) -> Entry? {
        if id.isEmpty || id == Self.startID { return start }
        return uploads.withLock { $0.first { $0.id == id } }
    }

    /// Every scenario, the start first.
    var all: [Entry] { [start] + uploads.withLock { $0 } }

    /// Keeps an uploaded text that `validate` accepts, and returns its id; throws its diagnostics.
    func upload(_ text: String) throws -> String {
        let id = "sha256:" + ContentDigest.hex(text.utf8)
        let name = "upload-\(id.dropFirst(7).prefix(12)).yaml"
        let document = try ScenarioDocument(text: text, file: name)
        _ = try document.scenario()
        uploads.withLock { entries in
            guard !entries.contains(where: { $0.id == id }) else { return }
            entries.append(Entry(id: id, name: name, document: document))
            if entries.count > kept { entries.removeFirst() }
        }
        return id
    }
}
