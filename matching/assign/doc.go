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
// The [Result] holds row→column and column→row indices (-1 for unassigned),
// the optimal total and the dual potentials u and v. They prove optimality:
// u[i]+v[j] never exceeds cost[i][j] and equals it on every assigned pair, so
// the reduced cost cost[i][j]-u[i]-v[j] of any other pair is a lower bound on
// how much forcing that pair would cost.
//
// # Algorithm and complexity
//
// Both solvers follow Jonker and Volgenant (1987). Square dense problems start
// with column reduction and reduction transfer, rectangular ones from zero
// column potentials (which keeps the unassigned columns' potentials at zero, as
// the rectangular dual requires; Bijsterbosch and Volgenant 2010); then two
// rounds of augmenting row reduction, then one shortest augmenting path per
// remaining row, a Dijkstra search on reduced costs that keeps the columns at
// the current minimum together so a free one among them ends the search at
// once. The dense solver scans flat row-major slices; the sparse one keeps the
// arcs in compressed rows and uses an indexed binary heap, so its memory is
// proportional to the number of arcs. The worst case is O(n³) dense and
// O(n·E·log n) sparse; on random instances dense time grows about as n^2.4.
// Inner loops allocate nothing, and a [Solver] reuses its workspace.
//
// # Determinism and precision
//
// The solvers are sequential and use no maps or randomness: the same input
// always gives the same assignment on every platform. Among several optimal
// assignments the one returned is fixed by the scan order: columns and arcs
// are examined in ascending index (arc list) order, and on equal distances a
// free column is taken first. Callers that need a tie-break by identity sort
// their rows and columns by ID before solving, as package matching does.
// Arithmetic is float64 with additions and subtractions only (no fused
// multiply-add), so whole numbers below 2^53 are exact. Totals are summed with
// Neumaier's compensated summation, which keeps instances near 1e15 accurate.
//
// # Errors and cancellation
//
// NaN, the wrong infinity, a malformed shape, an arc outside the problem or a
// pair listed twice is an *[InputError] (errors.Is [ErrInvalidInput]) naming
// the row and column. No input makes the package panic. Long solves check the
// context between augmentations and return its error, wrapped.
package assign
