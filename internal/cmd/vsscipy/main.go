// Command vsscipy solves the assignment yardstick instances with
// matching/assign and with scipy in the same run and prints both times and
// their ratio side by side. It is a developer tool, not part of CI: it needs
// Debian's python3-scipy (apt-get install python3-scipy).
//
//	go run ./internal/cmd/vsscipy                       # every family
//	go run ./internal/cmd/vsscipy -only 'dense_float'   # a subset (regular expression)
//
// Each instance comes from one seeded generator (internal/assigntest) and is
// written to a temporary folder as raw little-endian arrays, so both solvers
// solve the identical problem; the totals are checked to agree. Only the solve
// call is timed, best of -runs (3 for the 50k sparse case): wall time and CPU
// time of the solving thread, since CPU time is less disturbed by other work
// on a shared machine.
package main

import (
	"context"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"syscall"
	"time"
	"unsafe"

	"github.com/kontaktlab/kontakt/internal/assigntest"
	"github.com/kontaktlab/kontakt/matching/assign"
)

//go:embed vsscipy.py
var script []byte

func main() {
	only := flag.String("only", "", "regular expression selecting instance names")
	runs := flag.Int("runs", 5, "timed runs per solver (best is reported)")
	python := flag.String("python", "/usr/bin/python3", "python with scipy")
	flag.Parse()
	if err := run(*only, *runs, *python); err != nil {
		fmt.Fprintln(os.Stderr, "vsscipy:", err)
		os.Exit(1)
	}
}

type timing struct {
	Total float64 `json:"total"`
	Wall  float64 `json:"wall"`
	CPU   float64 `json:"cpu"`
}

func run(only string, runs int, python string) error {
	re, err := regexp.Compile(only)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "vsscipy")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	py := filepath.Join(dir, "vsscipy.py")
	if err := os.WriteFile(py, script, 0o644); err != nil {
		return err
	}
	fmt.Printf("%-22s %10s %10s %7s   %10s %10s %7s  %s\n", "instance", "go cpu", "scipy cpu", "ratio", "go wall", "scipy wall", "ratio", "totals")
	for _, name := range assigntest.Families() {
		if !re.MatchString(name) {
			continue
		}
		inst, _ := assigntest.Family(name)
		n := runs
		if inst.Rows >= 50000 {
			n = min(runs, 3)
		}
		if err := write(dir, inst); err != nil {
			return err
		}
		g, err := solveGo(inst, n)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		out, err := exec.Command(python, py, dir, name, fmt.Sprint(n)).Output()
		if err != nil {
			return fmt.Errorf("%s: scipy: %w", name, err)
		}
		var s timing
		if err := json.Unmarshal(out, &s); err != nil {
			return fmt.Errorf("%s: scipy output: %w", name, err)
		}
		agree := "agree"
		if math.Abs(g.Total-s.Total) > 1e-9*math.Max(1, math.Abs(s.Total)) {
			agree = fmt.Sprintf("DIFFER: go %v scipy %v", g.Total, s.Total)
		}
		fmt.Printf("%-22s %9.4fs %9.4fs %6.2fx   %9.4fs %9.4fs %6.2fx  %s\n",
			name, g.CPU, s.CPU, g.CPU/s.CPU, g.Wall, s.Wall, g.Wall/s.Wall, agree)
		for _, ext := range []string{".json", ".f64", ".row", ".col"} {
			os.Remove(filepath.Join(dir, name+ext))
		}
	}
	return nil
}

func write(dir string, inst assigntest.Instance) error {
	meta := map[string]any{"rows": inst.Rows, "cols": inst.Cols, "kind": "dense"}
	if inst.Dense == nil {
		meta["kind"] = "sparse"
	}
	b, _ := json.Marshal(meta)
	if err := os.WriteFile(filepath.Join(dir, inst.Name+".json"), b, 0o644); err != nil {
		return err
	}
	if inst.Dense != nil {
		return writeLE(filepath.Join(dir, inst.Name+".f64"), inst.Dense)
	}
	rows := make([]int32, len(inst.Arcs))
	cols := make([]int32, len(inst.Arcs))
	cost := make([]float64, len(inst.Arcs))
	for k, a := range inst.Arcs {
		rows[k], cols[k], cost[k] = a.Row, a.Col, a.Cost
	}
	for ext, data := range map[string]any{".row": rows, ".col": cols, ".f64": cost} {
		if err := writeLE(filepath.Join(dir, inst.Name+ext), data); err != nil {
			return err
		}
	}
	return nil
}

func writeLE(path string, data any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := binary.Write(f, binary.LittleEndian, data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// solveGo times the solve call only, on a locked OS thread so that the
// thread's CPU time can be read.
func solveGo(inst assigntest.Instance, runs int) (timing, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var arcs []assign.Arc
	if inst.Dense == nil {
		arcs = make([]assign.Arc, len(inst.Arcs))
		for k, a := range inst.Arcs {
			arcs[k] = assign.Arc{Row: a.Row, Col: a.Col, Cost: a.Cost}
		}
	}
	var s assign.Solver
	best := timing{Wall: math.Inf(1), CPU: math.Inf(1)}
	ctx := context.Background()
	for range runs {
		runtime.GC()
		w0, c0 := time.Now(), threadCPU()
		var res *assign.Result
		var err error
		if inst.Dense != nil {
			res, err = s.Dense(ctx, inst.Rows, inst.Cols, inst.Dense, assign.Options{})
		} else {
			res, err = s.Sparse(ctx, inst.Rows, inst.Cols, arcs, assign.Options{})
		}
		c1, w1 := threadCPU(), time.Now()
		if err != nil {
			return best, err
		}
		best.Total = res.Total
		best.Wall = math.Min(best.Wall, w1.Sub(w0).Seconds())
		best.CPU = math.Min(best.CPU, (c1 - c0).Seconds())
	}
	return best, nil
}

// threadCPU is the CPU time used by the calling OS thread
// (clock_gettime(CLOCK_THREAD_CPUTIME_ID), nanosecond resolution on Linux).
func threadCPU() time.Duration {
	var ts syscall.Timespec
	const clockThreadCPUTime = 3
	if _, _, e := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0); e != 0 {
		return 0
	}
	return time.Duration(ts.Nano())
}
