// Package assign solves the linear assignment problem exactly: given the cost
// (or score) of pairing each row with each column, it finds the pairing with
// the least total cost (or the greatest total score), with each row and each
// column used at most once. In Kontakt the rows are clients (or sibling
// groups) and the columns are volunteers' free places; the package itself
// knows nothing of the domain.
//
// # Model
//
// A problem has rows×cols entries, given densely ([Dense], [Matrix]) or as a
// list of allowed arcs ([Sparse]). Forbidden pairs are +Inf when minimising and
// -Inf when maximising (or simply absent from the arc list). Either side may be
// larger: by default every member of the smaller side is assigned, and
// [ErrInfeasible] reports that this is impossible. Two options relax that:
//
//   - Options.Unassigned gives each row a cost for staying unassigned, so a row
//     is left out when every partner would cost more ("leave this child
//     unmatched rather than propose a poor fit").
//   - Options.MaxCardinality first maximises the number of assigned pairs and
//     only then optimises the total. It is exact, with no big-M constant: a
//     maximum matching (Hopcroft–Karp) yields the Dulmage–Mendelsohn split of
//     the rows into those every maximum matching assigns and the deficient
//     rest, and each part is solved as a complete problem.
//
// [Cardinality] answers only "how many pairs at most?" (Hopcroft–Karp), which
// is far cheaper than a solve when a caller searches over thresholds.
//
// The [Result] holds row→column and column→row indices (-1 for unassigned),
// the optimal total and the dual potentials u and v. They prove optimality:
// u[i]+v[j] never exceeds cost[i][j] and equals it on every assigned pair, so
// the reduced cost cost[i][j]-u[i]-v[j] of any other pair is a lower bound on
// how much forcing that pair would cost.
//
// # Algorithm and complexity
//
// The core is Jonker and Volgenant's shortest-augmenting-path method (1987).
// Square problems start with column reduction and reduction transfer,
// rectangular ones from zero column potentials (which keeps the unassigned
// columns' potentials at zero, as the rectangular dual requires; Bijsterbosch
// and Volgenant 2010); then two rounds of augmenting row reduction, then one
// shortest augmenting path per remaining row: a Dijkstra search on reduced
// costs, over flat row-major slices for dense input (columns at the current
// minimum kept together, so a free one among them ends the search at once)
// and over compressed rows with an indexed heap for sparse input.
//
// Larger problems are first solved on a candidate graph: the k cheapest arcs
// of each row (k grows like log n; 8 for sparse rows and wide rectangles) plus,
// for square problems, each column's cheapest arc. Every other entry is then
// priced with the potentials. If none has a negative reduced cost, the
// potentials are feasible for the whole problem and complementary slackness
// holds, so the assignment is optimal for the whole problem by linear
// programming duality: the method is exact, not a heuristic. Entries that
// price negative join the graph and the graph is solved again (square problems
// warm, re-pricing only rows whose potential rose). If the graph has no
// complete assignment or does not settle, k doubles, and at a third of the row
// length the solver uses the plain method on the full input. Since random and
// real instances use few of each row's cheapest entries, dense input is read
// about twice and the search runs on k arcs per row: on the yardstick
// instances of shared/reference/assign-performance.md this is 5–20 times
// faster than scipy's linear_sum_assignment on dense input and about 2.4 times
// faster than its sparse min_weight_full_bipartite_matching
// (internal/cmd/vsscipy measures both in one run).
//
// Worst cases are O(n³) dense and O(n·E·log n) sparse; memory is O(rows·cols)
// for dense input (the caller's matrix, plus a copy when maximising or when
// rows outnumber columns) and O(arcs) for sparse input. Inner loops allocate
// nothing, and a [Solver] reuses its workspace between solves.
//
// # Determinism and precision
//
// The solvers are sequential and use no maps or randomness: the same input
// always gives the same assignment, on every platform. Which of several
// optimal assignments is returned is fixed by the algorithm's scan order
// (ascending row and column indices; on equal costs the lower column, and a
// free column before an assigned one); it is stable but not otherwise
// specified. Callers that need a tie-break by identity sort their rows and
// columns by ID before solving, as package matching does.
//
// Arithmetic is float64 with additions and subtractions only (no fused
// multiply-add), so whole numbers below 2^53 are exact, and totals use
// Neumaier's compensated summation, which keeps instances near 1e15 accurate.
// Pricing counts a reduced cost as negative only beyond its rounding scale,
// 1e-12·(|u[i]|+|v[j]|). An input that mixes near-forbidden finite values with
// ordinary ones (1e300 beside 3) could make the reduction phases push a
// potential to a scale where the ordinary costs vanish in rounding; the solver
// detects a potential more than 2^26 times larger than every assigned cost and
// solves again by shortest paths alone. Use ±Inf, not a large number, for
// forbidden pairs.
//
// # Errors and cancellation
//
// NaN, the wrong infinity, a malformed shape, an arc outside the problem or a
// pair listed twice is an *[InputError] (errors.Is [ErrInvalidInput]) naming
// the row and column. No input makes the package panic. Long solves check the
// context between augmentations and return its error, wrapped.
package assign
