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

func TestFees(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		exit   int
		golden string // compare stdout with testdata/NAME.golden
		stderr string // a fragment expected on stderr
	}{
		{"2023 weekend with SKR's table", []string{"-year", "2023", "-kind", "kontaktfamilj", "-age", "7", "-from", "2023-03-03", "-to", "2023-03-05"}, 0, "weekend-2023", ""},
		{"easter 2023 doubles on helgdagar", []string{"-kind", "kontaktfamilj", "-age", "12", "-from", "2023-04-06", "-to", "2023-04-10"}, 0, "easter-2023", ""},
		{"2025 has no SKR table", []string{"-year", "2025", "-kind", "kontaktfamilj", "-age", "7", "-from", "2025-03-07", "-to", "2025-03-09"}, 1, "", "could not be sourced"},
		{"2025 with the municipality's table", []string{"-year", "2025", "-kind", "kontaktfamilj", "-age", "7", "-from", "2025-03-07", "-to", "2025-03-09", "-policy", "exempelkommunen-2025.json"}, 0, "weekend-2025-own", ""},
		{"särskilt kvalificerad kontaktperson", []string{"-kind", "kontaktperson", "-month", "2026-03", "-category", "skkp", "-arvode", "4500", "-policy", "exempelkommunen-2025.json"}, 0, "skkp-2026", ""},
		{"year and date disagree", []string{"-year", "2024", "-from", "2023-03-03", "-age", "7"}, 1, "", "not in -year 2024"},
		{"bad date", []string{"-from", "2023-02-30", "-age", "7"}, 1, "", "-from"},
		{"end before start", []string{"-from", "2023-03-05", "-to", "2023-03-03", "-age", "7"}, 1, "", "invalid input"},
		{"no age", []string{"-from", "2023-03-03"}, 1, "", "give -age"},
		{"unknown kind", []string{"-kind", "familjehem", "-year", "2023"}, 1, "", "-kind"},
		{"missing policy file", []string{"-year", "2025", "-age", "7", "-policy", "nope.json"}, 1, "", "-policy"},
		{"unknown flag", []string{"-colour"}, 1, "", "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, &out, &errOut)
			assert.Equal(t, tt.exit, code, "stderr: %s", errOut.String())
			if tt.stderr != "" {
				assert.Contains(t, errOut.String(), tt.stderr)
			}
			if tt.golden == "" {
				return
			}
			path := filepath.Join("testdata", tt.golden+".golden")
			if *update {
				require.NoError(t, os.MkdirAll("testdata", 0o755))
				require.NoError(t, os.WriteFile(path, out.Bytes(), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, string(want), out.String())
		})
	}
}
