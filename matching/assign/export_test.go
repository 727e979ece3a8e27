package assign

// PhaseSolver returns a Solver that skips the chosen initialisation phases, so
// that tests can check the shortest-augmenting-path phase alone (and each
// phase in combination with it) against the oracles.
func PhaseSolver(skipReduction, skipRowReduction bool) *Solver {
	return &Solver{skip: phases{reduction: skipReduction, rowRed: skipRowReduction}}
}
