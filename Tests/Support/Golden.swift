import Foundation

/// Golden files: known outputs pinned in `Tests/Fixtures/golden/`, so that any change of results is
/// a visible diff in review. `make golden` (which sets `PILOTSIM_REPIN=1`) writes them anew;
/// re-pin only for a change that is meant to change results, and say why in the commit.
public enum Golden {
    public static var repinning: Bool { ProcessInfo.processInfo.environment["PILOTSIM_REPIN"] == "1" }

    /// `nil` when `text` equals the golden file `name` (or was just written to it by `make golden`);
    /// otherwise what differs, for the test's failure message.
    public static func mismatch(_ text: String, file name: String) -> String? {
        let path = repositoryPath("Tests/Fixtures/golden/\(name)")
        if repinning {
            do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch { return "cannot write \(path): \(error)" }
            return nil
        }
        guard let pinned = try? String(contentsOfFile: path, encoding: .utf8) else {
            return "\(path) is missing; run `make golden` to pin it"
        }
        guard pinned != text else { return nil }
        let old = pinned.components(separatedBy: "\n"), new = text.components(separatedBy: "\n")
        let line = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        let was = line < old.count ? old[line] : "(end)", now = line < new.count ? new[line] : "(end)"
        return "\(name) differs from its golden file at line \(line + 1):\n  pinned: \(was)\n  now:    \(now)\n"
            + "If the change of results is deliberate, run `make golden` and commit the diff."
    }
}
