package matching_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/kontaktlab/kontakt/internal/matchtest"
	"github.com/kontaktlab/kontakt/matching"
)

// BenchmarkScore scores a realistic pool of 5,000 clients against 5,000 volunteers: every pair's eligibility, and
// the fit of every eligible one (the target is under a second on two cores).
func BenchmarkScore(b *testing.B) {
	p := matchtest.Pool(matchtest.Config{Seed: 1, Clients: 5000, Volunteers: 5000})
	s, err := matching.NewScorer(p, matching.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var pairs, eligible int
	for b.Loop() {
		pairs, eligible, err = s.Score(context.Background())
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pairs), "ns/pair")
	b.ReportMetric(float64(eligible), "eligible")
}

// BenchmarkPropose makes a full proposal for 3,000 clients and 4,000 volunteers with the default objective.
func BenchmarkPropose(b *testing.B) {
	for _, obj := range []matching.Objective{matching.MostMatched, matching.MaxMin} {
		b.Run(obj.String(), func(b *testing.B) {
			p := matchtest.Pool(matchtest.Config{Seed: 1, Clients: 3000, Volunteers: 4000})
			var phases phaseTimer
			opt := matching.Options{Objective: obj, Logger: slog.New(&phases)}
			for b.Loop() {
				if _, err := matching.Propose(context.Background(), p, opt); err != nil {
					b.Fatal(err)
				}
			}
			for msg, d := range phases.total {
				b.ReportMetric(float64(d.Milliseconds())/float64(b.N), msg+"-ms/op")
			}
		})
	}
}

// phaseTimer is a slog handler that sums the "elapsed" of each debug message.
type phaseTimer struct{ total map[string]time.Duration }

func (h *phaseTimer) Enabled(context.Context, slog.Level) bool { return true }
func (h *phaseTimer) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *phaseTimer) WithGroup(string) slog.Handler            { return h }
func (h *phaseTimer) Handle(_ context.Context, r slog.Record) error {
	if h.total == nil {
		h.total = make(map[string]time.Duration)
	}
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "elapsed" {
			h.total[map[string]string{"pool prepared": "prepare", "pairs scored": "score",
				"assignment solved": "solve", "proposal built": "build"}[r.Message]] += a.Value.Duration()
		}
		return true
	})
	return nil
}
