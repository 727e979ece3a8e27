package compensation_test

import (
	"encoding/json"
	"math"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kontaktlab/kontakt/compensation"
)

func TestKronor(t *testing.T) {
	assert.Equal(t, compensation.Ore(15100), compensation.Kronor(151))
	assert.Equal(t, compensation.Ore(-500), compensation.Kronor(-5))
}

func TestMulDiv(t *testing.T) {
	tests := []struct {
		name     string
		o        compensation.Ore
		num, den int64
		want     compensation.Ore
	}{
		{"half dygn of 137 kr keeps its öre", compensation.Kronor(137), 1, 2, 6850},
		{"two dygn of 137 kr", compensation.Kronor(137), 4, 2, 27400},
		{"110 % of 151 kr", compensation.Kronor(151), 110_00, 100_00, 16610},
		{"half an öre rounds away from zero", 1, 1, 2, 1},
		{"minus half an öre rounds away from zero", -1, 1, 2, -1},
		{"negative numerator", 3, -1, 2, -2},
		{"negative denominator", 3, 1, -2, -2},
		{"both negative", -3, 1, -2, 2},
		{"below a half rounds down", 4, 1, 3, 1},
		{"above a half rounds up", 5, 1, 3, 2},
		{"31,42 % of 1 575 kr", compensation.Kronor(1575), 3142, 100_00, 49487},
		{"zero", 0, 7, 3, 0},
		{"the largest amount", math.MaxInt64, 1, 1, math.MaxInt64},
		{"the smallest amount", math.MinInt64, 1, 1, math.MinInt64},
		{"the product may exceed 64 bits", math.MaxInt64, 3, 3, math.MaxInt64},
		{"min int64 over minus one is out of range", math.MinInt64, -1, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.o.MulDiv(tt.num, tt.den)
			if tt.name == "min int64 over minus one is out of range" {
				assert.ErrorIs(t, err, compensation.ErrOverflow)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestMulDivErrors(t *testing.T) {
	_, err := compensation.Ore(1).MulDiv(1, 0)
	assert.ErrorIs(t, err, compensation.ErrOverflow, "division by zero")
	_, err = compensation.Ore(math.MaxInt64).MulDiv(2, 1)
	assert.ErrorIs(t, err, compensation.ErrOverflow, "product too large")
	_, err = compensation.Ore(math.MaxInt64).MulDiv(math.MaxInt64, 1)
	assert.ErrorIs(t, err, compensation.ErrOverflow, "high word at least the divisor")
	_, err = compensation.Ore(math.MaxInt64).MulDiv(-2, 1)
	assert.ErrorIs(t, err, compensation.ErrOverflow, "negative result too large")
	_, err = compensation.Ore(-1).MulDiv(math.MinInt64, 1)
	assert.ErrorIs(t, err, compensation.ErrOverflow, "positive 2^63")
	// Rounding up the largest quotient would wrap around 64 bits.
	_, err = compensation.Ore(math.MaxInt64).MulDiv(math.MaxInt64, math.MaxInt64-1)
	assert.ErrorIs(t, err, compensation.ErrOverflow)
}

// ratRound rounds r half away from zero, the oracle for MulDiv.
func ratRound(r *big.Rat) *big.Int {
	num, den := new(big.Int).Abs(r.Num()), r.Denom()
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	if new(big.Int).Mul(m, big.NewInt(2)).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if r.Sign() < 0 {
		q.Neg(q)
	}
	return q
}

func TestMulDivMatchesBigRat(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		o := rapid.Int64().Draw(t, "o")
		num := rapid.Int64().Draw(t, "num")
		den := rapid.Int64().Filter(func(v int64) bool { return v != 0 }).Draw(t, "den")
		got, err := compensation.Ore(o).MulDiv(num, den)
		want := ratRound(new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(o), big.NewInt(num)), big.NewInt(den)))
		if !want.IsInt64() {
			if err == nil {
				t.Fatalf("MulDiv(%d, %d, %d) = %d, want an overflow error", o, num, den, got)
			}
			return
		}
		if err != nil {
			t.Fatalf("MulDiv(%d, %d, %d): %v, want %s", o, num, den, err, want)
		}
		if int64(got) != want.Int64() {
			t.Fatalf("MulDiv(%d, %d, %d) = %d, want %s", o, num, den, got, want)
		}
	})
}

func TestMulDivSmallMatchesBigRat(t *testing.T) {
	// Amounts of the size SKR's tables have, where the rounding matters most.
	rapid.Check(t, func(t *rapid.T) {
		o := rapid.Int64Range(-10_000_000_00, 10_000_000_00).Draw(t, "o")
		num := rapid.Int64Range(-100_000, 100_000).Draw(t, "num")
		den := rapid.Int64Range(1, 100_000).Draw(t, "den")
		got, err := compensation.Ore(o).MulDiv(num, den)
		if err != nil {
			t.Fatal(err)
		}
		want := ratRound(new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(o), big.NewInt(num)), big.NewInt(den)))
		if int64(got) != want.Int64() {
			t.Fatalf("MulDiv(%d, %d, %d) = %d, want %s", o, num, den, got, want)
		}
	})
}

func TestSumMatchesBigRat(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		as := rapid.SliceOf(rapid.Int64()).Draw(t, "amounts")
		ores := make([]compensation.Ore, len(as))
		want := new(big.Int)
		ok := true
		for i, a := range as {
			ores[i] = compensation.Ore(a)
			want.Add(want, big.NewInt(a))
			ok = ok && want.IsInt64() // Sum fails as soon as a partial sum leaves the range
		}
		got, err := compensation.Sum(ores...)
		if !ok {
			if err == nil {
				t.Fatalf("Sum = %d, want an overflow error", got)
			}
			return
		}
		if err != nil || int64(got) != want.Int64() {
			t.Fatalf("Sum = %d, %v, want %s", got, err, want)
		}
	})
}

func TestOreString(t *testing.T) {
	tests := []struct {
		o    compensation.Ore
		want string
	}{
		{0, "0,00 kr"},
		{5, "0,05 kr"},
		{6850, "68,50 kr"},
		{34250, "342,50 kr"},
		{123450, "1 234,50 kr"},
		{-123450, "-1 234,50 kr"},
		{100000000, "1 000 000,00 kr"},
		{math.MinInt64, "-92 233 720 368 547 758,08 kr"},
		{math.MaxInt64, "92 233 720 368 547 758,07 kr"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.o.String())
	}
}

func TestParseOre(t *testing.T) {
	tests := []struct {
		in   string
		want compensation.Ore
	}{
		{"1 234,50 kr", 123450},
		{"1 234,50", 123450},
		{"1\u00a0234,50\u00a0kr", 123450},
		{"1\u202f234,5", 123450},
		{"1234,5", 123450},
		{"68", 6800},
		{"-68,50 kr", -6850},
		{"\u221268,50", -6850},
		{"0,05", 5},
		{"92 233 720 368 547 758,07", math.MaxInt64},
		{"-92 233 720 368 547 758,08", math.MinInt64},
	}
	for _, tt := range tests {
		got, err := compensation.ParseOre(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	for _, in := range []string{"", "kr", "1.234,50", "12 34", "1 2345", " 123", "1,234", "1,", "abc", "1,2x", "1 234 ,5",
		"92 233 720 368 547 758,08", "1000000000000000000000"} {
		_, err := compensation.ParseOre(in)
		var fe *compensation.FieldError
		assert.ErrorAs(t, err, &fe, "%q", in)
		assert.ErrorIs(t, err, compensation.ErrInvalidInput, "%q", in)
	}
}

func TestParseOreRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		o := compensation.Ore(rapid.Int64().Draw(t, "o"))
		got, err := compensation.ParseOre(o.String())
		if err != nil || got != o {
			t.Fatalf("ParseOre(%q) = %d, %v, want %d", o.String(), got, err, o)
		}
	})
}

func TestOreJSONIsAnIntegerOfOre(t *testing.T) {
	b, err := json.Marshal(struct{ A compensation.Ore }{34250})
	require.NoError(t, err)
	assert.JSONEq(t, `{"A":34250}`, string(b))
}

func TestPercent(t *testing.T) {
	assert.Equal(t, "31,42 %", compensation.Percent(3142).String())
	assert.Equal(t, "7,5 %", compensation.Percent(750).String())
	assert.Equal(t, "105 %", compensation.Percent(10500).String())
	assert.Equal(t, "20,81 %", compensation.Percent(2081).String())

	for in, want := range map[string]compensation.Percent{
		"31,42 %": 3142, "31.42": 3142, "105 %": 10500, "7,5": 750, "0": 0, "1000": 100000, " 20,81 % ": 2081,
	} {
		got, err := compensation.ParsePercent(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "%", "1000,01", "-5", "1,234", "12a", "1.", "10000", "5,5,5"} {
		_, err := compensation.ParsePercent(in)
		assert.ErrorIs(t, err, compensation.ErrInvalidInput, "%q", in)
	}

	var p struct{ P compensation.Percent }
	require.NoError(t, json.Unmarshal([]byte(`{"P": 20.81}`), &p))
	assert.Equal(t, compensation.Percent(2081), p.P)
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"P": 20.81}`, string(b))
	assert.Error(t, json.Unmarshal([]byte(`{"P": 1e2}`), &p))
	assert.Error(t, json.Unmarshal([]byte(`{"P": -1}`), &p))
}
