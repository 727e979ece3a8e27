package scheduling_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/stretchr/testify/require"
	_ "pgregory.net/rapid"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func date(y int, m time.Month, d int) calendar.Date { return calendar.NewDate(y, m, d) }

func clock(h, m int) calendar.Clock { return calendar.NewClock(h, m) }

func win(day time.Weekday, fromH, fromM, toH, toM int) calendar.Window {
	return calendar.Window{Day: day, Start: clock(fromH, fromM), End: clock(toH, toM)}
}

func week(y, n int) calendar.Week { return calendar.Week{Year: y, Number: n} }

func stockholm(t testing.TB) *time.Location {
	t.Helper()
	loc, err := calendar.Stockholm()
	require.NoError(t, err)
	return loc
}

// golden compares got with testdata/name, or rewrites the file under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./scheduling/ -update to create %s", path)
	require.Equal(t, string(want), string(got), "golden file %s; run with -update after checking the change", path)
}

// TestMain fixes rapid's seed unless -rapid.seed is given, so that property tests draw the same inputs every run,
// and raises the number of cases to 1000 unless -rapid.checks is given (they take well under a second).
func TestMain(m *testing.M) {
	flag.Parse()
	set := map[string]bool{}
	flag.Visit(func(f *flag.Flag) { set[f.Name] = true })
	for name, value := range map[string]string{"rapid.seed": "20261122", "rapid.checks": "1000"} {
		if !set[name] {
			if err := flag.Set(name, value); err != nil {
				panic(err)
			}
		}
	}
	os.Exit(m.Run())
}
