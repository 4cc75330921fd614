import Foundation
import Yams

extension NodeReader {
    /// A non-empty scalar as text (numbers and booleans keep their spelling).
    func string(_ node: Node, _ path: String) -> String? {
        guard case .scalar(let scalar) = node, !node.isNull else {
            reportType(path, expected: "a string", got: node)
            return nil
        }
        guard !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
            report("'\(path)' must not be empty", at: node)
            return nil
        }
        return scalar.string
    }

    /// An integer of at least `minimum`.
    func integer(_ node: Node, _ path: String, minimum: Int) -> Int? {
        guard node.hasTag(.int), let value = node.int else {
            reportType(path, expected: "an integer", got: node)
            return nil
        }
        guard value >= minimum else {
            let bound = minimum == 1 ? "greater than 0" : "at least \(minimum)"
            report("'\(path)' must be \(bound), got \(value)", at: node)
            return nil
        }
        return value
    }

    /// A number (integer or decimal) of at least `minimum`.
    func number(_ node: Node, _ path: String, minimum: Double) -> Double? {
        guard node.hasTag(.int) || node.hasTag(.float), let value = node.float, value.isFinite else {
            reportType(path, expected: "a number", got: node)
            return nil
        }
        guard value >= minimum else {
            report("'\(path)' must be at least \(minimum.yamlSpelling), got \(value.yamlSpelling)", at: node)
            return nil
        }
        return value
    }

    /// `true` or `false` (YAML's `yes`/`no`/`on`/`off` too).
    func boolean(_ node: Node, _ path: String) -> Bool? {
        guard node.hasTag(.bool), let value = node.bool else {
            reportType(path, expected: "true or false", got: node)
            return nil
        }
        return value
    }

    /// A duration such as `45m`; zero is refused unless `allowZero`.
    func duration(_ node: Node, _ path: String, allowZero: Bool) -> Duration? {
        guard case .scalar(let scalar) = node, !node.isNull else {
            reportType(path, expected: "a duration like '45m'", got: node)
            return nil
        }
        do {
            let value = try DurationParser.parse(scalar.string)
            guard allowZero || value > .zero else {
                report("'\(path)' must be greater than 0, got '\(scalar.string)'", at: node)
                return nil
            }
            return value
        } catch {
            report("'\(path)': \(error)", at: node)
            return nil
        }
    }

    /// A list of non-empty strings.
    func strings(_ node: Node, _ path: String) -> [String]? {
        guard case .sequence(let sequence) = node else {
            reportType(path, expected: "a list", got: node)
            return nil
        }
        let values = sequence.enumerated().map { string($0.element, "\(path)[\($0.offset)]") }
        return values.contains(nil) ? nil : values.compactMap { $0 }
    }
}

extension Double {
    /// `1` for whole numbers, `0.5` otherwise: how the file would spell it.
    var yamlSpelling: String {
        rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
