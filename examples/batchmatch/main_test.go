package main

import (
	"bytes"
	"context"
	"flag"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/matching"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	if bytes.Equal(want, got) {
		return
	}
	// The files are large: show the first line that differs, not both files.
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			t.Errorf("%s differs from line %d:\nwant: %s\ngot:  %s\nrun go test ./examples/batchmatch -update and review the diff",
				path, i+1, wl, gl)
			return
		}
	}
}

// demoReport runs the pipeline on the demo as run does with no flags.
func demoReport(t testing.TB) *report {
	src, err := readInput(config{encoding: "utf-8"})
	require.NoError(t, err)
	opt := matching.Options{HorizonWeeks: matching.DefaultHorizonWeeks}
	r, err := pipeline(context.Background(), job{pool: src.pool, opt: opt, policy: src.policy,
		horizon: matching.DefaultHorizonWeeks, log: slog.New(slog.DiscardHandler)})
	require.NoError(t, err)
	return newReport(r, src, opt, time.Date(2026, 8, 17, 0, 0, 0, 0, time.UTC))
}

// The demo run is the face of the project: its summary and files are golden.
func TestDemo(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-out", dir}, &out, &errOut), errOut.String())

	golden(t, "demo.golden", bytes.ReplaceAll(out.Bytes(), []byte(dir), []byte("OUT")))
	for _, name := range []string{"proposals.json", "compensation.csv", "plan.ics"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		golden(t, "demo/"+name, got)
	}
	for _, msg := range []string{"read input", "proposed", "planned weekly meetings", "planned weekends", "priced", "wrote files"} {
		assert.Contains(t, errOut.String(), "msg="+quoteIfSpace(msg), "phase timing on stderr")
	}

	// The same input gives the same files, byte for byte.
	again := t.TempDir()
	require.Equal(t, 0, run([]string{"-out", again, "-log-level", "warn"}, &bytes.Buffer{}, &errOut))
	for _, name := range []string{"proposals.json", "plan.json", "plan.ics", "compensation.json", "compensation.csv", "report.html"} {
		a, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		b, err := os.ReadFile(filepath.Join(again, name))
		require.NoError(t, err)
		assert.True(t, bytes.Equal(a, b), "%s is not deterministic", name)
	}
}

func quoteIfSpace(s string) string {
	if strings.Contains(s, " ") {
		return `"` + s + `"`
	}
	return s
}

// The calendar parses with an independent parser, holds every held meeting and every stay, and names no client.
func TestDemoCalendar(t *testing.T) {
	rep := demoReport(t)
	var b bytes.Buffer
	require.NoError(t, writeICal(&b, rep))
	cal, err := ical.NewDecoder(&b).Decode()
	require.NoError(t, err)
	held, _, _ := rep.MeetingCounts()
	assert.Len(t, cal.Events(), held+rep.Stays())
	for _, e := range cal.Events() {
		summary, err := e.Props.Text(ical.PropSummary)
		require.NoError(t, err)
		assert.NotContains(t, summary, "C-", "a calendar entry names no client")
	}
	assert.Len(t, cal.Children, len(cal.Events())+1, "one VTIMEZONE and the events")
}

// Nothing the demo writes holds a client's birth date or coordinates.
func TestDemoOutputIsDeIdentified(t *testing.T) {
	dir := t.TempDir()
	require.Equal(t, 0, run([]string{"-out", dir, "-show", "0", "-log-level", "debug"}, &bytes.Buffer{}, &bytes.Buffer{}))
	rep := demoReport(t)
	var secrets []string
	for _, c := range rep.pool.Clients {
		secrets = append(secrets, `"`+c.BirthDate.String()+`"`, ","+c.BirthDate.String()+",", formatCoord(c.Location.Lat), formatCoord(c.Location.Lon))
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		for _, s := range secrets {
			if bytes.Contains(b, []byte(s)) {
				t.Errorf("%s holds a client's birth date or coordinate (%d bytes in)", e.Name(), bytes.Index(b, []byte(s)))
				break
			}
		}
	}
}

// formatCoord writes a coordinate as the input has it; short ones could be mistaken for scores, so they are left
// out.
func formatCoord(x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if _, dec, _ := strings.Cut(s, "."); len(dec) < 3 {
		return "\x00never"
	}
	return s
}
