package assign

// PhaseSolver returns a Solver that skips the chosen initialisation phases of
// the Jonker–Volgenant solvers and never uses a candidate graph, so that tests
// can check the shortest-augmenting-path phase alone (and each phase in
// combination with it) against the oracles.
func PhaseSolver(skipReduction, skipRowReduction bool) *Solver {
	return &Solver{skip: phases{reduction: skipReduction, rowRed: skipRowReduction, candidates: -1}}
}

// CandidateSolver returns a Solver that always solves on a candidate graph of
// k arcs per row (k > 0), or never (k < 0). Tiny k forces pricing rounds,
// merges and the fallback on small problems.
func CandidateSolver(k int) *Solver {
	return &Solver{skip: phases{candidates: k}}
}
