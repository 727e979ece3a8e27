package browsertest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConsoleErrorsAreSeen(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.html")
	bad := filepath.Join(dir, "bad.html")
	require.NoError(t, os.WriteFile(good, []byte(`<!doctype html><title>ok</title><p id="p">hej</p><script>document.getElementById("p").textContent = "hej då";</script>`), 0o644))
	require.NoError(t, os.WriteFile(bad, []byte(`<!doctype html><title>bad</title><script>undefinedFunction();</script>`), 0o644))

	p := Open(t, "file://"+good)
	assert.Empty(t, p.ConsoleErrors())
	assert.Equal(t, "hej då", p.Eval(`return document.getElementById("p").textContent`))
	shot := filepath.Join(dir, "good.png")
	p.Screenshot(shot)
	info, err := os.Stat(shot)
	require.NoError(t, err)
	assert.Greater(t, info.Size(), int64(100))

	q := Open(t, "file://"+bad)
	errs := q.ConsoleErrors()
	require.Len(t, errs, 1, "the broken page's script error is reported")
	assert.Contains(t, errs[0], "undefinedFunction")
}
