package assign_test

import (
	"context"
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/kontaktlab/kontakt/matching/assign"
)

// Three clients and three volunteers; each entry is the fit score of a pair.
// The proposal maximises the total fit.
func ExampleDense() {
	scores := []float64{
		80, 55, 30, // client 0
		70, 20, 65, // client 1
		40, 60, 50, // client 2
	}
	res, err := assign.Dense(context.Background(), 3, 3, scores, assign.Options{Maximize: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	for client, vol := range res.RowCol {
		fmt.Printf("client %d -> volunteer %d (score %g)\n", client, vol, scores[client*3+vol])
	}
	fmt.Println("total", res.Total)
	// Output:
	// client 0 -> volunteer 0 (score 80)
	// client 1 -> volunteer 2 (score 65)
	// client 2 -> volunteer 1 (score 60)
	// total 205
}

// Only pairs within travel distance are listed; each volunteer may take one
// client. Client 2 has no candidate of its own, so no complete assignment
// exists.
func ExampleSparse() {
	arcs := []assign.Arc{
		{Row: 0, Col: 0, Cost: 4}, {Row: 0, Col: 1, Cost: 2},
		{Row: 1, Col: 1, Cost: 3},
		{Row: 2, Col: 1, Cost: 1},
	}
	_, err := assign.Sparse(context.Background(), 3, 2, arcs, assign.Options{})
	fmt.Println(errors.Is(err, assign.ErrInfeasible))

	// Allowing rows to stay unassigned at cost 10 each gives the best partial answer.
	res, err := assign.Sparse(context.Background(), 3, 2, arcs[:3], assign.Options{Unassigned: []float64{10, 10, 10}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.RowCol, res.Total)
	// Output:
	// false
	// [0 1 -1] 17
}

// Two clients, two volunteers; client 1 may only go to volunteer 0 (the other
// pair is below the minimum score). Pure total fit leaves client 1 unmatched;
// MaxCardinality first matches as many clients as possible, then maximises fit.
func ExampleOptions_maxCardinality() {
	none := math.Inf(-1) // not allowed
	scores := []float64{
		90, 2,
		85, none,
	}
	ctx := context.Background()
	fit, _ := assign.Dense(ctx, 2, 2, scores, assign.Options{Maximize: true, Unassigned: []float64{0, 0}})
	fmt.Println("total fit:", fit.RowCol, fit.Total)
	most, _ := assign.Dense(ctx, 2, 2, scores, assign.Options{Maximize: true, MaxCardinality: true})
	fmt.Println("most matched:", most.RowCol, most.Total)
	// Output:
	// total fit: [0 -1] 90
	// most matched: [1 0] 87
}

// The potentials tell how much worse any other pair would be.
func ExampleResult_reducedCost() {
	cost := []float64{
		4, 1, 3,
		2, 0, 5,
		3, 2, 2,
	}
	res, _ := assign.Dense(context.Background(), 3, 3, cost, assign.Options{})
	fmt.Println("assignment", res.RowCol, "total", res.Total)
	i, j := 0, 0
	fmt.Println("forcing row 0 onto column 0 costs at least", cost[i*3+j]-res.RowDual[i]-res.ColDual[j], "more")
	// Output:
	// assignment [1 0 2] total 5
	// forcing row 0 onto column 0 costs at least 1 more
}

// A Solver reuses its workspace between solves of similar size.
func ExampleSolver() {
	var s assign.Solver
	for _, k := range []float64{1, 2} {
		m := mat.NewDense(2, 2, []float64{k, 2 * k, 3 * k, k})
		res, _ := s.Matrix(context.Background(), m, assign.Options{})
		fmt.Println(res.RowCol, res.Total)
	}
	// Output:
	// [0 1] 2
	// [0 1] 4
}

// A gonum matrix of travel minutes between three clients and three
// volunteers; the assignment minimises the total travel.
func ExampleMatrix() {
	minutes := mat.NewDense(3, 3, []float64{
		12, 35, 20,
		25, 10, 40,
		30, 15, 18,
	})
	res, err := assign.Matrix(context.Background(), minutes, assign.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.RowCol, res.Total, "minutes")
	// Output:
	// [0 1 2] 40 minutes
}

// How many clients can be matched at all, whatever the fit? Three clients
// share two volunteers between them.
func ExampleCardinality() {
	arcs := []assign.Arc{
		{Row: 0, Col: 0}, {Row: 0, Col: 1},
		{Row: 1, Col: 0},
		{Row: 2, Col: 0},
	}
	n, err := assign.Cardinality(context.Background(), 3, 2, arcs)
	fmt.Println(n, err)
	// Output:
	// 2 <nil>
}
