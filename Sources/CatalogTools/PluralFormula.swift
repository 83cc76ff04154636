/// The `plural=` expression of a catalog's `Plural-Forms` header: a C expression in `n` giving the index of the
/// form to use, such as `(n > 1)` or `n == 1 ? 0 : 1`, read to check it against the rule written in code.
struct PluralFormula {
    private indirect enum Node {
        case number(Int)
        case n
        case not(Node)
        case negate(Node)
        case binary(String, Node, Node)
        case choice(Node, Node, Node)
    }

    private let root: Node

    /// Reads `text`; nil when it is not such an expression.
    init?(_ text: String) {
        var parser = Parser(tokens: Self.tokens(of: text))
        guard let tokens = parser.tokens, let root = parser.choice(), parser.position == tokens.count else {
            return nil
        }
        self.root = root
    }

    func index(for n: Int) -> Int { Self.value(of: root, n: n) }

    private static func value(of node: Node, n: Int) -> Int {
        switch node {
        case .number(let number): return number
        case .n: return n
        case .not(let operand): return value(of: operand, n: n) == 0 ? 1 : 0
        case .negate(let operand): return -value(of: operand, n: n)
        case .choice(let test, let yes, let no): return value(of: test, n: n) != 0 ? value(of: yes, n: n)
            : value(of: no, n: n)
        case .binary(let operation, let left, let right):
            let lhs = value(of: left, n: n)
            // && and || do not read their right side when the left decides, as in C.
            if operation == "&&" && lhs == 0 { return 0 }
            if operation == "||" && lhs != 0 { return 1 }
            let rhs = value(of: right, n: n)
            switch operation {
            case "&&", "||": return rhs != 0 ? 1 : 0
            case "==": return lhs == rhs ? 1 : 0
            case "!=": return lhs != rhs ? 1 : 0
            case "<": return lhs < rhs ? 1 : 0
            case "<=": return lhs <= rhs ? 1 : 0
            case ">": return lhs > rhs ? 1 : 0
            case ">=": return lhs >= rhs ? 1 : 0
            case "+": return lhs &+ rhs
            case "-": return lhs &- rhs
            case "*": return lhs &* rhs
            case "/": return rhs == 0 ? 0 : lhs / rhs
            default: return rhs == 0 ? 0 : lhs % rhs
            }
        }
    }

    /// The expression's tokens: numbers, `n`, operators and parentheses; nil at any other character.
    private static func tokens(of text: String) -> [String]? {
        var tokens: [String] = []
        var rest = Substring(text)
        while let first = rest.first {
            if first == " " || first == "\t" {
                rest = rest.dropFirst()
            } else if first.isASCII && first.isNumber {
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                tokens.append(String(digits))
                rest = rest.dropFirst(digits.count)
            } else if let operation = ["&&", "||", "==", "!=", "<=", ">="].first(where: { rest.hasPrefix($0) }) {
                tokens.append(operation)
                rest = rest.dropFirst(2)
            } else if "n?:!<>+-*/%()".contains(first) {
                tokens.append(String(first))
                rest = rest.dropFirst()
            } else {
                return nil
            }
        }
        return tokens
    }

    /// A recursive-descent reading with C's precedence, from `?:` down to a number, `n` or parentheses.
    private struct Parser {
        let tokens: [String]?
        var position = 0

        private static let levels: [[String]] = [["||"], ["&&"], ["==", "!="], ["<", "<=", ">", ">="], ["+", "-"],
                                                 ["*", "/", "%"]]

        init(tokens: [String]?) {
            self.tokens = tokens
        }

        private var next: String? { tokens.flatMap { position < $0.count ? $0[position] : nil } }

        private mutating func take(_ token: String) -> Bool {
            guard next == token else { return false }
            position += 1
            return true
        }

        mutating func choice() -> Node? {
            guard let test = binary(level: 0) else { return nil }
            guard take("?") else { return test }
            guard let yes = choice(), take(":"), let no = choice() else { return nil }
            return .choice(test, yes, no)
        }

        private mutating func binary(level: Int) -> Node? {
            guard level < Self.levels.count else { return unary() }
            guard var node = binary(level: level + 1) else { return nil }
            while let operation = next, Self.levels[level].contains(operation) {
                position += 1
                guard let right = binary(level: level + 1) else { return nil }
                node = .binary(operation, node, right)
            }
            return node
        }

        private mutating func unary() -> Node? {
            if take("!") { return unary().map(Node.not) }
            if take("-") { return unary().map(Node.negate) }
            if take("n") { return .n }
            if take("(") {
                guard let inner = choice(), take(")") else { return nil }
                return inner
            }
            guard let token = next, let number = Int(token) else { return nil }
            position += 1
            return .number(number)
        }
    }
}
