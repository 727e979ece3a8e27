package scheduling_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"

	"github.com/kontaktlab/kontakt/scheduling"
)

// FuzzDecodeWeeklyRequest decodes arbitrary JSON as a weekly request and plans it: no input may panic, every
// rejection wraps ErrInvalidInput, and every accepted request plans and exports.
func FuzzDecodeWeeklyRequest(f *testing.F) {
	f.Add([]byte(`{"volunteers":[{"id":"V1","windows":[{"day":"tuesday","start":"17:00","end":"20:00"}]}],` +
		`"pairs":[{"id":"P1","volunteer_id":"V1","client_id":"C1","client_windows":[{"day":"tisdag","start":"16:00",` +
		`"end":"19:00"}],"minutes":90,"start":"2026-05-01","end":"2026-05-31"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		req, err := scheduling.DecodeWeeklyRequest(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, scheduling.ErrInvalidInput) {
				t.Fatalf("error does not wrap ErrInvalidInput: %v", err)
			}
			return
		}
		plan, err := scheduling.PlanWeekly(context.Background(), *req, scheduling.WeeklyOptions{Holidays: scheduling.Move,
			Away: scheduling.Move})
		if err != nil {
			t.Fatalf("a valid request did not plan: %v", err)
		}
		if err := plan.WriteICal(io.Discard, scheduling.ICalOptions{IncludeNotHeld: true}); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzDecodeWeekendRequest does the same for weekend requests.
func FuzzDecodeWeekendRequest(f *testing.F) {
	f.Add([]byte(`{"from":"2026-03-01","to":"2026-04-30","families":[{"id":"F1","capacity":2}],"agreements":[` +
		`{"id":"A1","family_id":"F1","children":["C1","C2"],"frequency":"every_other_weekend","blocked":{"weeks":["2026-W12"]}}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		req, err := scheduling.DecodeWeekendRequest(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, scheduling.ErrInvalidInput) {
				t.Fatalf("error does not wrap ErrInvalidInput: %v", err)
			}
			return
		}
		plan, err := scheduling.PlanWeekends(context.Background(), *req, scheduling.WeekendOptions{})
		if err != nil {
			if !errors.Is(err, scheduling.ErrInvalidInput) {
				t.Fatalf("error does not wrap ErrInvalidInput: %v", err)
			}
			return
		}
		if err := plan.WriteICal(io.Discard, scheduling.ICalOptions{}); err != nil {
			t.Fatal(err)
		}
	})
}
