/// Running totals over a row of counts (a Fenwick tree): changing one count, the total before a position and the
/// position that holds an offset each take O(log n) steps.
///
/// The editor keeps one per measure of its paragraphs (characters, bytes, wrapped lines), so that an edit inside a
/// paragraph moves every later paragraph's start without touching them.
struct PrefixSums: Equatable, Sendable {
    /// `tree[i]` (from 1) holds the sum of the `i & -i` counts that end at count `i`.
    private var tree: [Int]

    init(_ counts: some Sequence<Int>) {
        tree = [0] + counts
        for index in tree.indices.dropFirst() {
            let parent = index + (index & -index)
            if parent < tree.count { tree[parent] += tree[index] }
        }
    }

    var count: Int { tree.count - 1 }

    /// The total of all the counts.
    var total: Int { sum(before: count) }

    /// The total of the counts before `index`.
    func sum(before index: Int) -> Int {
        var total = 0
        var position = index
        while position > 0 {
            total += tree[position]
            position -= position & -position
        }
        return total
    }

    /// The count at `index`.
    func count(at index: Int) -> Int {
        sum(before: index + 1) - sum(before: index)
    }

    /// Changes the count at `index`.
    mutating func set(_ newCount: Int, at index: Int) {
        let delta = newCount - count(at: index)
        var position = index + 1
        while position < tree.count {
            tree[position] += delta
            position += position & -position
        }
    }

    /// The index whose count covers `offset` counted from the start (the last one for an offset past the end).
    /// Counts must be positive.
    func index(containing offset: Int) -> Int {
        var position = 0
        var remaining = offset
        var step = 1
        while step * 2 <= count { step *= 2 }
        while step > 0 {
            let next = position + step
            if next <= count && tree[next] <= remaining {
                position = next
                remaining -= tree[next]
            }
            step /= 2
        }
        return min(position, count - 1)
    }
}
