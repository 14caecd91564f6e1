/// A minimal XML reader for checking the figures' SVG in tests: it accepts only
/// well-formed markup (one root, matching tags, quoted unique attributes, known entities,
/// no bare `<` or `&`) and returns the element tree.
struct XMLElement {
    var name: String
    var attributes: [String: String]
    var children: [XMLElement]
    var text: String

    /// This element and every element inside it, in document order.
    var all: [XMLElement] { [self] + children.flatMap(\.all) }

    /// Every element named `name` at any depth.
    func elements(_ name: String) -> [XMLElement] { all.filter { $0.name == name } }

    /// Every element whose class attribute is `name`.
    func elements(class name: String) -> [XMLElement] { all.filter { $0.attributes["class"] == name } }
}

struct XMLError: Error, CustomStringConvertible {
    var description: String
}

enum XML {
    /// The root element of `text`, or an error naming the first problem.
    static func parse(_ text: String) throws -> XMLElement {
        var reader = Reader(characters: Array(text))
        reader.skipSpace()
        let root = try reader.element()
        reader.skipSpace()
        guard reader.atEnd else { throw XMLError(description: "content after the root element at \(reader.index)") }
        return root
    }

    private struct Reader {
        var characters: [Character]
        var index = 0

        var atEnd: Bool { index >= characters.count }

        mutating func skipSpace() {
            while !atEnd && characters[index].isWhitespace { index += 1 }
        }

        mutating func expect(_ character: Character) throws {
            guard !atEnd && characters[index] == character else {
                throw XMLError(description: "expected \(character) at \(index)")
            }
            index += 1
        }

        mutating func name() throws -> String {
            let start = index
            while !atEnd && (characters[index].isLetter || characters[index].isNumber || "-_:.".contains(characters[index])) { index += 1 }
            guard index > start else { throw XMLError(description: "expected a name at \(index)") }
            return String(characters[start..<index])
        }

        /// Text up to `end`, with entities decoded; a bare `<` or an unknown entity is an error.
        mutating func text(until end: Character) throws -> String {
            var out = ""
            while !atEnd && characters[index] != end {
                let character = characters[index]
                if character == "<" { throw XMLError(description: "bare < at \(index)") }
                if character == "&" {
                    guard let semicolon = characters[index...].firstIndex(of: ";") else { throw XMLError(description: "unterminated entity at \(index)") }
                    let entity = String(characters[(index + 1)..<semicolon])
                    let known = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "#39": "'"]
                    guard let value = known[entity] else { throw XMLError(description: "unknown entity &\(entity); at \(index)") }
                    out += value
                    index = semicolon + 1
                } else {
                    out.append(character)
                    index += 1
                }
            }
            return out
        }

        mutating func element() throws -> XMLElement {
            try expect("<")
            let tag = try name()
            var attributes: [String: String] = [:]
            while true {
                skipSpace()
                guard !atEnd else { throw XMLError(description: "unterminated <\(tag)>") }
                if characters[index] == "/" {
                    index += 1
                    try expect(">")
                    return XMLElement(name: tag, attributes: attributes, children: [], text: "")
                }
                if characters[index] == ">" { index += 1; break }
                let attribute = try name()
                guard attributes[attribute] == nil else { throw XMLError(description: "attribute \(attribute) twice on <\(tag)>") }
                try expect("=")
                try expect("\"")
                attributes[attribute] = try text(until: "\"")
                try expect("\"")
            }
            var children: [XMLElement] = []
            var content = ""
            while true {
                content += try text(until: "<")
                guard !atEnd else { throw XMLError(description: "<\(tag)> is never closed") }
                if index + 1 < characters.count && characters[index + 1] == "/" {
                    index += 2
                    let closing = try name()
                    guard closing == tag else { throw XMLError(description: "</\(closing)> closes <\(tag)>") }
                    skipSpace()
                    try expect(">")
                    return XMLElement(name: tag, attributes: attributes, children: children, text: content)
                }
                children.append(try element())
            }
        }
    }
}
