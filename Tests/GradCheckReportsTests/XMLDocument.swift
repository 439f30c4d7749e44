import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML document as a plain tree, via Foundation's `XMLParser`: enough to check that a report is
/// well-formed and to look inside it.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""
    weak var parent: XMLNode?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Every element below this one (depth first), this one included.
    var descendants: [XMLNode] { [self] + children.flatMap(\.descendants) }

    /// The elements named `name` anywhere below.
    func all(_ name: String) -> [XMLNode] { descendants.filter { $0.name == name } }

    /// The text of this element and all below it.
    var allText: String { text + children.map(\.allText).joined() }

    /// The text of the first `<title>` child, if any.
    var title: String? { children.first { $0.name == "title" }?.allText }

    /// Parses `text`; throws when it is not well-formed XML.
    static func parse(_ text: String) throws -> XMLNode {
        let builder = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(
                description: "line \(parser.lineNumber), column \(parser.columnNumber): "
                    + (parser.parserError.map { "\($0)" } ?? "no root element"))
        }
        return root
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLNode?
        var current: XMLNode?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let node = XMLNode(name: elementName, attributes: attributes)
            node.parent = current
            current?.children.append(node)
            if root == nil { root = node }
            current = node
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            current = current?.parent
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { current?.text += string }
    }
}
