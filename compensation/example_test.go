package compensation_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/kontaktlab/kontakt/compensation"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// printDays prints one line per day of a priced stay.
func printDays(p *compensation.StayPrice) {
	for _, d := range p.Days {
		dygn := "1"
		if d.Halvdygn == 1 {
			dygn = "½"
		}
		line := fmt.Sprintf("%s %s dygn %-5s omkostnad %10s  arvode %10s  %s", d.Date, dygn, d.Band, d.Omkostnad, d.Arvode, d.Reason)
		fmt.Println(strings.TrimRight(line, " "))
	}
	fmt.Printf("total: omkostnad %s, arvode %s\n", p.Omkostnad, p.Arvode)
}

// A weekend in 2023 for a 7-year-old, priced with SKR's 2023 table (circular 22:42): Friday is half a dygn,
// Saturday and Sunday whole ones with double arvode.
func ExampleCalculator_PriceStay() {
	calc, err := compensation.New(compensation.Policy{}) // SKR's recommendation
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := calc.PriceStay(compensation.Stay{
		ID:        "S-17",
		From:      calendar.NewDate(2023, time.March, 3),
		To:        calendar.NewDate(2023, time.March, 5),
		Law:       compensation.SoL,
		BirthDate: calendar.NewDate(2015, time.October, 12),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	printDays(p)
	// Output:
	// 2023-03-03 ½ dygn 0-12  omkostnad   75,50 kr  arvode  112,50 kr
	// 2023-03-04 1 dygn 0-12  omkostnad  151,00 kr  arvode  450,00 kr  lördag
	// 2023-03-05 1 dygn 0-12  omkostnad  151,00 kr  arvode  450,00 kr  söndag
	// total: omkostnad 377,50 kr, arvode 1 012,50 kr
}

// A weekend in 2025 for a 7-year-old. SKR's 2025 table could not be sourced, so the library refuses to guess;
// the municipality pays from its own 2025 table instead. (Exempelkommunen's figures are made up for the example.)
func ExampleCalculator_PriceStay_ownTable() {
	stay := compensation.Stay{
		ID:        "S-25",
		From:      calendar.NewDate(2025, time.March, 7),
		To:        calendar.NewDate(2025, time.March, 9),
		Law:       compensation.SoL,
		BirthDate: calendar.NewDate(2017, time.September, 1),
	}
	skr, _ := compensation.New(compensation.Policy{})
	_, err := skr.PriceStay(stay)
	fmt.Println(errors.Is(err, compensation.ErrNoTable))
	fmt.Println(err)

	kf := func(item compensation.Item, level compensation.Level, kronor int64) compensation.Cell {
		return compensation.Cell{
			Key:    compensation.Key{Kind: compensation.Kontaktfamilj, Item: item, Group: compensation.Band0to12, Level: level},
			Figure: compensation.Figure{Amount: compensation.Kronor(kronor)},
		}
	}
	own, err := compensation.New(compensation.Policy{
		Name: "Exempelkommunen",
		Tables: []compensation.Table{{
			Year: 2025, Law: compensation.SoL,
			Source: compensation.Source{Title: "Exempelkommunen, riktlinjer för kontaktfamiljer 2025"},
			Cells: []compensation.Cell{
				kf(compensation.Omkostnad, 1, 175), // Grundkostnad per dygn
				kf(compensation.Omkostnad, 2, 250), // the highest level: omkostnad above it is taxable
				kf(compensation.Arvode, 1, 240),    // arvode per day
			},
		}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := own.PriceStay(stay)
	if err != nil {
		fmt.Println(err)
		return
	}
	printDays(p)
	fmt.Println(p.Days[0].OmkostnadFrom)
	// Output:
	// true
	// stay S-25: compensation: no table: 2025 SoL kontaktfamilj omkostnad 0-12 level 1: SKR's figure is not sourced; supply it in Policy.Tables
	// 2025-03-07 ½ dygn 0-12  omkostnad   87,50 kr  arvode  120,00 kr
	// 2025-03-08 1 dygn 0-12  omkostnad  175,00 kr  arvode  480,00 kr  lördag
	// 2025-03-09 1 dygn 0-12  omkostnad  175,00 kr  arvode  480,00 kr  söndag
	// total: omkostnad 437,50 kr, arvode 1 080,00 kr
	// municipal
}

// A month for a särskilt kvalificerad kontaktperson. SKR publishes no level for this assignment, so the arvode is
// decided for the assignment and the omkostnad comes from the municipality's table; the assignment starts on
// 10 March and the municipality pro-rates partial months.
func ExampleCalculator_PriceMonth() {
	kp := func(level compensation.Level, kronor int64) compensation.Cell {
		return compensation.Cell{
			Key:    compensation.Key{Kind: compensation.Kontaktperson, Item: compensation.Omkostnad, Level: level},
			Figure: compensation.Figure{Amount: compensation.Kronor(kronor)},
		}
	}
	calc, err := compensation.New(compensation.Policy{
		Name:   "Exempelkommunen",
		Person: compensation.PersonPolicy{ProRata: true},
		Tables: []compensation.Table{{Year: 2026, Law: compensation.SoL, Cells: []compensation.Cell{kp(1, 500), kp(3, 1900)}}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := calc.PriceMonth(compensation.Assignment{
		ID:             "K-4",
		Law:            compensation.SoL,
		Category:       compensation.CategorySKKP,
		From:           calendar.NewDate(2026, time.March, 10),
		ArvodePerMonth: compensation.Kronor(4500),
	}, 2026, time.March)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Rule)
	fmt.Println("arvode", m.Arvode, m.ArvodeFrom)
	fmt.Println("omkostnad", m.Omkostnad, m.OmkostnadFrom)
	// Output:
	// pro rata 22/31 dagar
	// arvode 3 193,55 kr decided
	// omkostnad 354,84 kr municipal
}

// A statement for one volunteer and one month: a kontaktfamilj weekend in March 2023, paid in April, with the
// employer contributions, and its CSV for payroll.
func ExampleCalculator_Statement() {
	calc, _ := compensation.New(compensation.Policy{})
	st, err := calc.Statement(compensation.StatementInput{
		Volunteer:   "V-9",
		BirthYear:   1958,
		Year:        2023,
		Month:       time.March,
		PaymentDate: calendar.NewDate(2023, time.April, 25),
		Stays: []compensation.Stay{{
			ID: "S-17", From: calendar.NewDate(2023, time.March, 3), To: calendar.NewDate(2023, time.March, 5),
			Law: compensation.SoL, BirthDate: calendar.NewDate(2015, time.October, 12),
		}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	t := st.Totals
	fmt.Println("omkostnad, skattefri:", t.OmkostnadTaxFree)
	fmt.Println("arvode, skattepliktigt:", t.Arvode)
	for _, c := range st.Contributions {
		fmt.Printf("arbetsgivaravgift %s på %s: %s\n", c.Rate, c.Base, c.Amount)
	}
	fmt.Println("kommunens kostnad:", t.Cost)
	if err := st.WriteCSV(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// omkostnad, skattefri: 377,50 kr
	// arvode, skattepliktigt: 1 012,50 kr
	// arbetsgivaravgift 31,42 % på 1 012,50 kr: 318,13 kr
	// kommunens kostnad: 1 708,13 kr
	// volunteer,period,ref,kind,date,item,group,level,quantity,unit,rate_ore,percent,doubled,base_ore,amount_ore,taxable_ore,status,rule
	// V-9,2023-03,S-17,kontaktfamilj,2023-03-03,omkostnad,0-12,1,1,halvdygn,15100,100,,,7550,0,reproduction,
	// V-9,2023-03,S-17,kontaktfamilj,2023-03-03,arvode,0-12,1,1,halvdygn,22500,,false,,11250,11250,reproduction,
	// V-9,2023-03,S-17,kontaktfamilj,2023-03-04,omkostnad,0-12,1,2,halvdygn,15100,100,,,15100,0,reproduction,
	// V-9,2023-03,S-17,kontaktfamilj,2023-03-04,arvode,0-12,1,2,halvdygn,22500,,true,,45000,45000,reproduction,lördag
	// V-9,2023-03,S-17,kontaktfamilj,2023-03-05,omkostnad,0-12,1,2,halvdygn,15100,100,,,15100,0,reproduction,
	// V-9,2023-03,S-17,kontaktfamilj,2023-03-05,arvode,0-12,1,2,halvdygn,22500,,true,,45000,45000,reproduction,söndag
	// V-9,2023-03,,,,arbetsgivaravgift,,,,,,31.42,,101250,31813,,,full arbetsgivaravgift
	// V-9,2023-03,,,,arbetsgivaravgift-deklaration,,,,,,31.42,,101200,31700,,,"hela kronor, öretal bortfaller"
}

func ExampleHalvdygn() {
	n, _ := compensation.Halvdygn(calendar.NewDate(2026, time.March, 6), calendar.NewDate(2026, time.March, 8))
	fmt.Println(n, "halvdygn =", float64(n)/2, "dygn")
	_, err := compensation.Halvdygn(calendar.NewDate(2026, time.March, 6), calendar.NewDate(2026, time.March, 6))
	fmt.Println(err)
	// Output:
	// 5 halvdygn = 2.5 dygn
	// compensation: invalid input: stay: to: same-day visit: a stay needs at least one night (SKR counts dygn; halvdygn are undefined without one)
}

func ExampleOre_MulDiv() {
	omkostnad := compensation.Kronor(137)
	half, _ := omkostnad.MulDiv(1, 2) // SKR's worked example: "137/2=68,50 kr"
	fmt.Println(half)
	prorated, _ := compensation.Kronor(758).MulDiv(17, 31) // 415,677… kr, rounded once
	fmt.Println(prorated)
	// Output:
	// 68,50 kr
	// 415,68 kr
}

func ExampleSKR() {
	t, _ := compensation.SKR(2023, compensation.SoL)
	for _, c := range t.Cells {
		if c.Group == compensation.Band0to12 {
			fmt.Printf("%-9s level %d: %s (%s, %s %s)\n", c.Item, c.Level, c.Amount, c.Percent, c.Status, c.Source.Circular)
		}
	}
	t, _ = compensation.SKR(2025, compensation.SoL)
	c, _ := t.Cell(compensation.Key{Kind: compensation.Kontaktfamilj, Item: compensation.Omkostnad, Group: compensation.Band0to12, Level: 1})
	fmt.Println(c.Status)
	// Output:
	// omkostnad level 1: 151,00 kr (105 %, reproduction 22:42)
	// omkostnad level 2: 216,00 kr (150 %, reproduction 22:42)
	// arvode    level 1: 225,00 kr (0 %, reproduction 22:42)
	// arvode    level 2: 359,00 kr (0 %, reproduction 22:42)
	// arvode    level 3: 505,00 kr (0 %, reproduction 22:42)
	// not-sourced
}

func ExampleEmployerContribution() {
	for _, paid := range []calendar.Date{calendar.NewDate(2026, time.March, 25), calendar.NewDate(2026, time.April, 25)} {
		r, _ := compensation.EmployerContribution(2005, paid)
		fmt.Println(paid, r.Rate, r.Basis)
	}
	// Output:
	// 2026-03-25 31,42 % full arbetsgivaravgift
	// 2026-04-25 20,81 % fyllt 18 men inte 23 år vid årets ingång, från 1 april 2026
}
