package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	ical "github.com/emersion/go-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestDemoPlan(t *testing.T) {
	dir := t.TempDir()
	icsPath := filepath.Join(dir, "plan.ics")
	var out, errOut bytes.Buffer
	code := run([]string{"-ics", icsPath, "-json", filepath.Join(dir, "plan.json")}, &out, &errOut)
	require.Equal(t, 0, code, errOut.String())

	// The summary is stable; the file names vary, so compare up to them.
	summary, _, _ := bytes.Cut(out.Bytes(), []byte("\nwrote "))
	golden := filepath.Join("testdata", "demo.golden")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(golden, summary, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(summary))

	// The calendar parses with an independent parser and holds one event per
	// stay, none of them naming a child or family.
	f, err := os.Open(icsPath)
	require.NoError(t, err)
	defer f.Close()
	cal, err := ical.NewDecoder(f).Decode()
	require.NoError(t, err)
	events := cal.Events()
	assert.Len(t, events, 40)
	for _, e := range events {
		summary, err := e.Props.Text(ical.PropSummary)
		require.NoError(t, err)
		assert.NotContains(t, summary, "C-")
		assert.NotContains(t, summary, "F-")
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"from":"2026-01-05","to":"2026-02-01","families":[{"id":"F-1"}],
		"agreements":[{"id":"A-1","family_id":"F-9","children":["C-1"],"frequency":"weekly"}]}`), 0o644))
	var out, errOut bytes.Buffer
	assert.Equal(t, 1, run([]string{"-in", bad}, &out, &errOut))
	assert.Contains(t, errOut.String(), "A-1")
	assert.Equal(t, 1, run([]string{"-in", filepath.Join(dir, "missing.json")}, &out, &errOut))
	assert.Equal(t, 1, run([]string{"-dtstamp", "yesterday"}, &out, &errOut))
}
