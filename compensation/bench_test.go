package compensation_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/kontaktlab/kontakt/compensation"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// yearOfStatements builds the inputs of a year (2023) of monthly statements for n volunteers: two in three are
// kontaktfamiljer with one or two weekends a month (some across a month end), one in three kontaktpersoner with
// an assignment that may start mid-year. The random inputs use a fixed seed.
func yearOfStatements(n int) []compensation.StatementInput {
	rng := rand.New(rand.NewPCG(2023, 11))
	var ins []compensation.StatementInput
	for v := range n {
		id := fmt.Sprintf("V-%04d", v)
		birthYear := 1950 + rng.IntN(55)
		child := calendar.NewDate(2008+rng.IntN(14), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
		start := calendar.NewDate(2023, time.Month(1+rng.IntN(6)), 1+rng.IntN(28))
		var ytd compensation.Ore
		for m := time.January; m <= time.December; m++ {
			in := compensation.StatementInput{Volunteer: id, BirthYear: birthYear, Year: 2023, Month: m,
				PaymentDate: calendar.NewDate(2023, m, 25), YearToDate: ytd}
			if v%3 != 2 {
				first := calendar.NewDate(2023, m, 1)
				friday := first.AddDays((int(time.Friday) - int(first.Weekday()) + 7) % 7)
				for w := range 1 + rng.IntN(2) {
					from := friday.AddDays(14 * w)
					in.Stays = append(in.Stays, compensation.Stay{ID: fmt.Sprintf("%s-%d-%d", id, m, w), From: from, To: from.AddDays(2),
						Law: compensation.SoL, BirthDate: child, Omkostnad: compensation.Level(1 + rng.IntN(2))})
				}
			} else {
				in.Assignments = []compensation.Assignment{{ID: id + "-A", Law: compensation.SoL,
					Category: compensation.Category1, From: start, Arvode: compensation.Level(1 + rng.IntN(2))}}
			}
			ins = append(ins, in)
			ytd += compensation.Kronor(1000) // a rough year-to-date, enough to exercise the threshold
		}
	}
	return ins
}

func BenchmarkStatementsYear(b *testing.B) {
	c, err := compensation.New(examplePolicy())
	if err != nil {
		b.Fatal(err)
	}
	ins := yearOfStatements(3000)
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range ins {
			if _, err := c.Statement(in); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ins)), "ns/statement")
}

func BenchmarkPriceStay(b *testing.B) {
	c, err := compensation.New(compensation.Policy{})
	if err != nil {
		b.Fatal(err)
	}
	s := compensation.Stay{ID: "S", From: calendar.NewDate(2023, time.April, 7), To: calendar.NewDate(2023, time.April, 10),
		Law: compensation.SoL, BirthDate: calendar.NewDate(2015, time.May, 1)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.PriceStay(s); err != nil {
			b.Fatal(err)
		}
	}
}
