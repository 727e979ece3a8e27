package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestDefaultRun(t *testing.T) {
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run(nil, &out, &errOut), errOut.String())
	golden := filepath.Join("testdata", "default.golden")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(golden, out.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), out.String())
	assert.Contains(t, errOut.String(), "solved in")
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{{"-reach", "2"}, {"-clients", "-1"}, {"-nope"}} {
		var out, errOut bytes.Buffer
		assert.Equal(t, 1, run(args, &out, &errOut), "args %v", args)
	}
}

func TestLargerPoolMatchesEveryoneItCan(t *testing.T) {
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-clients", "300", "-volunteers", "200", "-reach", "0.05", "-show", "0"}, &out, &errOut))
	assert.Contains(t, out.String(), "proposed 200 pairs", "every volunteer can be used when each client reaches ~10 of them")
}
