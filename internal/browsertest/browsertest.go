// Package browsertest loads a page in a real headless Chromium for tests,
// through chromedriver's WebDriver HTTP API (no Go dependency): it reports the
// page's console errors, evaluates scripts and takes screenshots. It uses
// Debian's chromium and chromium-driver packages, which .ci/run installs.
//
// Outside CI a test is skipped when no browser is installed; with CI=true a
// missing browser fails the test, so CI can never pass by skipping it.
package browsertest

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Paths of Debian's packages.
const (
	ChromiumPath = "/usr/bin/chromium"
	DriverPath   = "/usr/bin/chromedriver"
)

// Page is one page open in headless Chromium.
type Page struct {
	t       testing.TB
	base    string // http://127.0.0.1:PORT/session/ID
	client  *http.Client
	entries []LogEntry // console entries read so far
}

// LogEntry is one browser console entry.
type LogEntry struct {
	Level   string `json:"level"` // SEVERE, WARNING, INFO, DEBUG
	Message string `json:"message"`
}

// Open starts chromedriver and Chromium and loads url. Everything is stopped
// when the test ends.
func Open(t testing.TB, url string) *Page {
	t.Helper()
	for _, p := range []string{ChromiumPath, DriverPath} {
		if _, err := os.Stat(p); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("browsertest: %s is missing, and CI=true: .ci/run must install chromium and chromium-driver", p)
			}
			t.Skipf("browsertest: %s not installed (apt-get install chromium chromium-driver); skipped outside CI", p)
		}
	}
	port, err := freePort()
	if err != nil {
		t.Fatalf("browsertest: %v", err)
	}
	cmd := exec.Command(DriverPath, fmt.Sprintf("--port=%d", port))
	if err := cmd.Start(); err != nil {
		t.Fatalf("browsertest: start chromedriver: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	p := &Page{t: t, client: &http.Client{Timeout: 60 * time.Second}}
	root := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := p.client.Get(root + "/status")
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("browsertest: chromedriver did not start: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	profile := t.TempDir()
	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"browserName": "chrome",
		"goog:chromeOptions": map[string]any{
			"binary": ChromiumPath,
			// The closed network refuses Chromium's background connections; these
			// flags keep it from trying.
			"args": []string{"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--window-size=1280,1600",
				"--user-data-dir=" + profile},
		},
		"goog:loggingPrefs": map[string]string{"browser": "ALL"},
	}}}
	var session struct {
		SessionID string `json:"sessionId"`
	}
	if err := p.call(http.MethodPost, root+"/session", caps, &session); err != nil {
		t.Fatalf("browsertest: new session: %v", err)
	}
	p.base = root + "/session/" + session.SessionID
	t.Cleanup(func() { _ = p.call(http.MethodDelete, p.base, nil, nil) })
	if err := p.call(http.MethodPost, p.base+"/url", map[string]string{"url": url}, nil); err != nil {
		t.Fatalf("browsertest: load %s: %v", url, err)
	}
	return p
}

// Console returns the console entries logged since the page was opened.
func (p *Page) Console() []LogEntry {
	p.t.Helper()
	var got []LogEntry
	if err := p.call(http.MethodPost, p.base+"/se/log", map[string]string{"type": "browser"}, &got); err != nil {
		p.t.Fatalf("browsertest: read console: %v", err)
	}
	p.entries = append(p.entries, got...)
	return p.entries
}

// ConsoleErrors returns the SEVERE console entries: script errors, failed
// loads, console.error calls.
func (p *Page) ConsoleErrors() []string {
	var errs []string
	for _, e := range p.Console() {
		if e.Level == "SEVERE" {
			errs = append(errs, e.Message)
		}
	}
	return errs
}

// Eval runs script (a function body; use return) in the page and returns its
// JSON-decoded result.
func (p *Page) Eval(script string) any {
	p.t.Helper()
	var v any
	if err := p.call(http.MethodPost, p.base+"/execute/sync", map[string]any{"script": script, "args": []any{}}, &v); err != nil {
		p.t.Fatalf("browsertest: eval: %v", err)
	}
	return v
}

// Screenshot writes a PNG of the viewport to path.
func (p *Page) Screenshot(path string) {
	p.t.Helper()
	var b64 string
	if err := p.call(http.MethodGet, p.base+"/screenshot", nil, &b64); err != nil {
		p.t.Fatalf("browsertest: screenshot: %v", err)
	}
	png, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		p.t.Fatalf("browsertest: screenshot: %v", err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		p.t.Fatalf("browsertest: %v", err)
	}
}

// call sends a WebDriver command and decodes the "value" of the answer.
func (p *Page) call(method, url string, body, out any) error {
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, url, r)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var env struct {
		Value     json.RawMessage `json:"value"`
		SessionID string          `json:"sessionId"`
	}
	if err := json.Unmarshal(b, &env); err != nil {
		return fmt.Errorf("%s %s: %s", method, url, strings.TrimSpace(string(b)))
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s %s: %s: %s", method, url, resp.Status, env.Value)
	}
	if out == nil {
		return nil
	}
	// A new session answers {"value": {"sessionId": ..., "capabilities": ...}}.
	if s, ok := out.(*struct {
		SessionID string `json:"sessionId"`
	}); ok && env.SessionID != "" {
		s.SessionID = env.SessionID
		return nil
	}
	return json.Unmarshal(env.Value, out)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
