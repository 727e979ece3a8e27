package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/examples/internal/poolfile"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// The demo that batchmatch embeds is exactly what gen writes for its documented seed.
func TestDemoIsGenerated(t *testing.T) {
	dir := t.TempDir()
	var errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-seed", "2026", "-clients", "300", "-volunteers", "200", "-out", dir}, &errOut), errOut.String())
	for _, name := range []string{"clients.csv", "volunteers.csv"} {
		want, err := os.ReadFile(filepath.Join("..", "batchmatch", "demo", name))
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		assert.True(t, bytes.Equal(want, got), "examples/batchmatch/demo/%s differs from gen's output; regenerate it with "+
			"go run ./examples/gen -seed 2026 -clients 300 -volunteers 200 -out examples/batchmatch/demo", name)
	}
}

// Both formats load back into the same valid pool.
func TestFormats(t *testing.T) {
	dir := t.TempDir()
	args := []string{"-seed", "9", "-clients", "120", "-volunteers", "80", "-out", dir}
	require.Equal(t, 0, run(append(args, "-format", "csv"), &bytes.Buffer{}))
	require.Equal(t, 0, run(append(args, "-format", "json"), &bytes.Buffer{}))
	read := func(name string) poolfile.File {
		b, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		return poolfile.File{Name: name, Data: b}
	}
	fromJSON, err := poolfile.LoadPool(read("pool.json"), calendar.Date{})
	require.NoError(t, err)
	fromCSV, err := poolfile.Load(read("clients.csv"), read("volunteers.csv"), fromJSON.AsOf, poolfile.UTF8)
	require.NoError(t, err)
	assert.Len(t, fromCSV.Clients, 120)
	assert.Len(t, fromCSV.Volunteers, 80)
	assert.Equal(t, fromJSON, fromCSV)
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{{"-format", "xml"}, {"-clients", "-1"}, {"-as-of", "17/8"}, {"extra"}} {
		var errOut bytes.Buffer
		assert.Equal(t, 1, run(args, &errOut), "%v", args)
	}
}
