package compensation_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/compensation"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

func TestEmployerContribution(t *testing.T) {
	tests := []struct {
		name      string
		birthYear int
		paid      calendar.Date
		want      compensation.Percent
		cap       compensation.Ore
	}{
		{"full rate 2025", 1990, date(2025, time.March, 25), 3142, 0},
		{"born 1937: none", 1937, date(2025, time.March, 25), 0, 0},
		{"born 1938: ålderspensionsavgift only", 1938, date(2020, time.March, 25), 1021, 0},
		{"2020: turned 65 by 1 January (born 1954)", 1954, date(2020, time.June, 25), 1021, 0},
		{"2020: born 1955 pays the full rate", 1955, date(2020, time.June, 25), 3142, 0},
		{"2023: limit raised to 66, born 1956", 1956, date(2023, time.June, 25), 1021, 0},
		{"2023: born 1957 pays the full rate", 1957, date(2023, time.June, 25), 3142, 0},
		{"2025: born 1958", 1958, date(2025, time.June, 25), 1021, 0},
		{"2026: limit 67, born 1958", 1958, date(2026, time.June, 25), 1021, 0},
		{"2026: born 1959 pays the full rate", 1959, date(2026, time.June, 25), 3142, 0},
		{"2020: 15–18 reduction (born 2003)", 2003, date(2020, time.October, 25), 1021, compensation.Kronor(25000)},
		{"2021: 18–23 at 19,73 % in May", 2000, date(2021, time.May, 25), 1973, compensation.Kronor(25000)},
		{"2021: 18–23 at 10,21 % in June–August", 2000, date(2021, time.June, 1), 1021, compensation.Kronor(25000)},
		{"2021: 18–23 back to 19,73 % in September", 2000, date(2021, time.September, 1), 1973, compensation.Kronor(25000)},
		{"2022: summer reduction", 1999, date(2022, time.August, 31), 1021, compensation.Kronor(25000)},
		{"2023: 19,73 % until 31 March", 2004, date(2023, time.March, 31), 1973, compensation.Kronor(25000)},
		{"2023: full rate from 1 April", 2004, date(2023, time.April, 1), 3142, 0},
		{"2023: 15–18 all year", 2007, date(2023, time.December, 20), 1021, compensation.Kronor(25000)},
		{"2024: the 15–18 reduction is abolished", 2008, date(2024, time.March, 25), 3142, 0},
		{"2025: no youth reduction", 2004, date(2025, time.June, 25), 3142, 0},
		{"2026: full rate until 31 March", 2005, date(2026, time.March, 31), 3142, 0},
		{"2026: 20,81 % from 1 April", 2005, date(2026, time.April, 1), 2081, compensation.Kronor(25000)},
		{"2026: born 2003 turned 23 in 2026, not by 1 January", 2003, date(2026, time.May, 25), 2081, compensation.Kronor(25000)},
		{"2026: born 2002 is too old", 2002, date(2026, time.May, 25), 3142, 0},
		{"2026: born 2008 is too young", 2008, date(2026, time.May, 25), 3142, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := compensation.EmployerContribution(tt.birthYear, tt.paid)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.Rate)
			assert.Equal(t, tt.cap, got.Cap)
			assert.Equal(t, tt.paid.Year(), got.Year)
			assert.NotEmpty(t, got.Basis)
			assert.NotEmpty(t, got.Source.URL)
			if tt.cap > 0 {
				assert.Equal(t, compensation.Percent(3142), got.AboveCap, "the full rate above the cap")
			} else {
				assert.Equal(t, got.Rate, got.AboveCap)
			}
		})
	}
}

func TestEmployerContributionErrors(t *testing.T) {
	for _, year := range []int{2019, 2027} {
		_, err := compensation.EmployerContribution(1980, date(year, time.January, 25))
		var te *compensation.TableError
		require.ErrorAs(t, err, &te)
		assert.Equal(t, year, te.Year)
		assert.ErrorIs(t, err, compensation.ErrNoTable)
	}
	for _, by := range []int{1869, 2026, 2100} {
		_, err := compensation.EmployerContribution(by, date(2025, time.January, 25))
		var fe *compensation.FieldError
		require.ErrorAs(t, err, &fe, by)
		assert.Equal(t, "birthYear", fe.Field)
	}
}
