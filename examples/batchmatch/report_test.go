package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/internal/browsertest"
)

// The demo's report opens in a real headless Chromium without console errors, shows every proposal and every
// unmatched client, and renders its bars. Screenshots go to t.TempDir(), or to $SCREENSHOT_DIR to keep them.
func TestReportInBrowser(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-out", dir, "-log-level", "warn"}, &out, &errOut), errOut.String())
	rep := demoReport(t)

	page := browsertest.Open(t, "file://"+filepath.Join(dir, "report.html"))
	assert.Empty(t, page.ConsoleErrors())
	count := func(selector string) int {
		n, ok := page.Eval(fmt.Sprintf("return document.querySelectorAll(%q).length", selector)).(float64)
		require.True(t, ok)
		return int(n)
	}
	assert.Equal(t, len(rep.Proposals), count("li.proposal"))
	assert.Equal(t, len(rep.Unmatched), count("tr.unmatched-row"))
	assert.Equal(t, len(rep.Families), count("tr.family"))
	assert.Equal(t, 6, count("main > section > h2"), "one heading per section")
	assert.Equal(t, 0, count("script, link[rel=stylesheet], img[src^=http]"), "self-contained")

	// The stacked bar of the first proposal is as wide as its score.
	ratio, ok := page.Eval(`const t = document.querySelector("li.proposal .score .track");
		let w = 0; for (const s of t.children) w += s.getBoundingClientRect().width;
		return w / t.getBoundingClientRect().width;`).(float64)
	require.True(t, ok)
	assert.InDelta(t, rep.Proposals[0].Score/100, ratio, 0.01)

	shots := os.Getenv("SCREENSHOT_DIR")
	if shots == "" {
		shots = t.TempDir()
	}
	page.Screenshot(filepath.Join(shots, "report-top.png"))
	t.Logf("screenshot: %s", filepath.Join(shots, "report-top.png"))
	for _, section := range []string{"oversikt", "forslag", "ej-matchade", "helger", "veckotraffar", "ersattning"} {
		page.Eval(fmt.Sprintf(`const s = document.getElementById(%q); if (s.id === "forslag") s.querySelector("details").open = true;
			window.scrollTo(0, s.getBoundingClientRect().top + window.scrollY - 50);`, section))
		path := filepath.Join(shots, "report-"+section+".png")
		page.Screenshot(path)
		t.Logf("screenshot: %s", path)
	}
}
