package compensation_test

import (
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/compensation"
)

// TestEmbeddedData checks the shape of data/skr.json: every year 2018–2027, both laws, every cell of Keys, and
// every sourced figure with an amount and a source address; every unsourced one without an amount.
func TestEmbeddedData(t *testing.T) {
	keys := compensation.Keys()
	require.Len(t, keys, 26, "15 kontaktfamilj cells and 11 kontaktperson cells")
	for year := 2018; year <= 2027; year++ {
		for _, law := range []compensation.Law{compensation.SoL, compensation.LSS} {
			tab, err := compensation.SKR(year, law)
			require.NoError(t, err, "%d %s", year, law)
			assert.Equal(t, year, tab.Year)
			assert.Equal(t, law, tab.Law)
			require.Len(t, tab.Cells, len(keys), "%d %s", year, law)
			for i, c := range tab.Cells {
				assert.Equal(t, keys[i], c.Key, "cells in Keys order")
				switch c.Status {
				case compensation.Published, compensation.Reproduction:
					assert.Positive(t, c.Amount, "%d %s %s", year, law, c.Key)
					assert.True(t, strings.HasPrefix(c.Source.URL, "http"), "%d %s %s has a source address", year, law, c.Key)
					assert.NotEmpty(t, c.Source.Title, "%d %s %s", year, law, c.Key)
				case compensation.NotSourced:
					assert.Zero(t, c.Amount, "%d %s %s", year, law, c.Key)
					assert.Zero(t, c.Percent, "%d %s %s", year, law, c.Key)
					assert.NotEmpty(t, c.Note, "%d %s %s says why it is missing", year, law, c.Key)
				default:
					t.Errorf("%d %s %s: status %q", year, law, c.Key, c.Status)
				}
			}
		}
	}
}

// TestEmbeddedCoverage pins down which cells are sourced, exactly as the reference verifies them. A cell that
// becomes sourced later must be added here on purpose.
func TestEmbeddedCoverage(t *testing.T) {
	sourced := map[string]int{}
	for year := 2018; year <= 2027; year++ {
		for _, law := range []compensation.Law{compensation.SoL, compensation.LSS} {
			tab, err := compensation.SKR(year, law)
			require.NoError(t, err)
			for _, c := range tab.Cells {
				if c.Status != compensation.NotSourced {
					sourced[strings.Join([]string{strconv.Itoa(year), string(law), string(c.Kind), string(c.Item)}, " ")]++
				}
			}
		}
	}
	want := map[string]int{
		"2018 SoL kontaktperson omkostnad": 3, "2018 SoL kontaktperson arvode": 6, // SKKP: no SKL level
		"2018 LSS kontaktperson omkostnad": 3, "2018 LSS kontaktperson arvode": 6,
		"2021 SoL kontaktfamilj omkostnad": 2, // 0–12 år, base and upper
		"2023 SoL kontaktfamilj omkostnad": 6, "2023 SoL kontaktfamilj arvode": 9,
		"2023 LSS kontaktfamilj omkostnad": 6, // the LSS arvode table is cut off in the only reproduction
	}
	assert.Equal(t, want, sourced)
}

// TestEmbeddedFiguresFromPercent reproduces every embedded figure that has a percent from percent × pbb with
// SKR's rounding: kontaktfamilj ÷ 365 to the nearest krona, kontaktperson ÷ 12 to the nearest krona, a half
// rounded up. The oracle is math/big.Rat.
func TestEmbeddedFiguresFromPercent(t *testing.T) {
	checked := 0
	for year := 2018; year <= 2027; year++ {
		for _, law := range []compensation.Law{compensation.SoL, compensation.LSS} {
			tab, err := compensation.SKR(year, law)
			require.NoError(t, err)
			for _, c := range tab.Cells {
				if c.Status == compensation.NotSourced || c.Percent == 0 {
					continue
				}
				pbb, err := compensation.Prisbasbelopp(year)
				require.NoError(t, err)
				div := int64(365)
				if c.Kind == compensation.Kontaktperson {
					div = 12
				}
				exact := new(big.Rat).SetFrac64(int64(pbb.Amount/100)*int64(c.Percent), 100_00*div)
				want := ratRound(exact).Int64()
				assert.Equal(t, compensation.Kronor(want), c.Amount, "%d %s %s: %v × %d ÷ %d = %s",
					year, law, c.Key, c.Percent, pbb.Amount/100, div, exact.FloatString(3))
				checked++
			}
		}
	}
	assert.Equal(t, 2+6+6+2*9, checked, "2021: 2, 2023 SoL and LSS omkostnad: 12, 2018 kontaktperson: 18")
	// Every 2023 kontaktfamilj arvode figure has no percent: SKR publishes it in kr/dag only.
	tab, err := compensation.SKR(2023, compensation.SoL)
	require.NoError(t, err)
	for _, c := range tab.Cells {
		if c.Kind == compensation.Kontaktfamilj && c.Item == compensation.Arvode {
			assert.Zero(t, c.Percent, "%s", c.Key)
		}
	}
}

// TestPublishedFigures checks the published figures of reference § 3 one by one.
func TestPublishedFigures(t *testing.T) {
	cell := func(year int, law compensation.Law, k compensation.Key) compensation.Ore {
		tab, err := compensation.SKR(year, law)
		require.NoError(t, err)
		c, ok := tab.Cell(k)
		require.True(t, ok, "%s", k)
		return c.Amount
	}
	kf := func(item compensation.Item, g compensation.Group, l compensation.Level) compensation.Key {
		return compensation.Key{Kind: compensation.Kontaktfamilj, Item: item, Group: g, Level: l}
	}
	kp := func(item compensation.Item, g compensation.Group, l compensation.Level) compensation.Key {
		return compensation.Key{Kind: compensation.Kontaktperson, Item: item, Group: g, Level: l}
	}
	tests := []struct {
		name string
		year int
		law  compensation.Law
		key  compensation.Key
		want int64 // kronor
	}{
		{"2021 0-12 lowest", 2021, compensation.SoL, kf(compensation.Omkostnad, compensation.Band0to12, 1), 137},
		{"2021 0-12 highest", 2021, compensation.SoL, kf(compensation.Omkostnad, compensation.Band0to12, 2), 196},
		{"2023 0-12 grund", 2023, compensation.SoL, kf(compensation.Omkostnad, compensation.Band0to12, 1), 151},
		{"2023 0-12 tillägg", 2023, compensation.SoL, kf(compensation.Omkostnad, compensation.Band0to12, 2), 216},
		{"2023 13+ grund", 2023, compensation.SoL, kf(compensation.Omkostnad, compensation.Band13Plus, 1), 173},
		{"2023 vuxna tillägg", 2023, compensation.SoL, kf(compensation.Omkostnad, compensation.BandVuxna, 2), 245},
		{"2023 LSS 13+ tillägg", 2023, compensation.LSS, kf(compensation.Omkostnad, compensation.Band13Plus, 2), 245},
		{"2023 arvode 0-12", 2023, compensation.SoL, kf(compensation.Arvode, compensation.Band0to12, 1), 225},
		{"2023 arvode 0-12 förhöjt 1", 2023, compensation.SoL, kf(compensation.Arvode, compensation.Band0to12, 2), 359},
		{"2023 arvode 13+", 2023, compensation.SoL, kf(compensation.Arvode, compensation.Band13Plus, 1), 292},
		{"2023 arvode vuxna", 2023, compensation.SoL, kf(compensation.Arvode, compensation.BandVuxna, 1), 359},
		{"2023 arvode vuxna förhöjt 2", 2023, compensation.SoL, kf(compensation.Arvode, compensation.BandVuxna, 3), 505},
		{"2018 omkostnad 10 %", 2018, compensation.SoL, kp(compensation.Omkostnad, "", 1), 379},
		{"2018 omkostnad 25 %", 2018, compensation.SoL, kp(compensation.Omkostnad, "", 2), 948},
		{"2018 omkostnad 40 %", 2018, compensation.LSS, kp(compensation.Omkostnad, "", 3), 1517},
		{"2018 kategori 3 from 30 %: the exact half 1 137,50 rounds up", 2018, compensation.SoL, kp(compensation.Arvode, compensation.Category3, 1), 1138},
		{"2018 kategori 1 up to", 2018, compensation.SoL, kp(compensation.Arvode, compensation.Category1, 2), 1327},
		{"2018 kategori 2", 2018, compensation.LSS, kp(compensation.Arvode, compensation.Category2, 1), 758},
		{"2018 kategori 3 up to", 2018, compensation.LSS, kp(compensation.Arvode, compensation.Category3, 2), 2085},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, compensation.Kronor(tt.want), cell(tt.year, tt.law, tt.key))
		})
	}
}

func TestPrisbasbelopp(t *testing.T) {
	want := map[int]int64{2018: 45500, 2019: 46500, 2020: 47300, 2021: 47600, 2022: 48300, 2023: 52500,
		2024: 57300, 2025: 58800, 2026: 59200}
	for year, kr := range want {
		f, err := compensation.Prisbasbelopp(year)
		require.NoError(t, err, year)
		assert.Equal(t, compensation.Kronor(kr), f.Amount, year)
		assert.NotEmpty(t, f.Source.URL, year)
	}
	for _, year := range []int{2017, 2027, 2028} {
		_, err := compensation.Prisbasbelopp(year)
		var te *compensation.TableError
		require.ErrorAs(t, err, &te, year)
		assert.Equal(t, year, te.Year)
		assert.ErrorIs(t, err, compensation.ErrNoTable)
	}
}

func TestSKRErrors(t *testing.T) {
	_, err := compensation.SKR(2017, compensation.SoL)
	assert.ErrorIs(t, err, compensation.ErrNoTable)
	_, err = compensation.SKR(2028, compensation.LSS)
	assert.ErrorIs(t, err, compensation.ErrNoTable)
	_, err = compensation.SKR(2023, "BBIC")
	assert.ErrorIs(t, err, compensation.ErrInvalidInput)
}

func TestSKRReturnsACopy(t *testing.T) {
	a, err := compensation.SKR(2023, compensation.SoL)
	require.NoError(t, err)
	a.Cells[0].Amount = 1
	b, err := compensation.SKR(2023, compensation.SoL)
	require.NoError(t, err)
	assert.Equal(t, compensation.Kronor(151), b.Cells[0].Amount)
}

func TestKeyString(t *testing.T) {
	assert.Equal(t, "kontaktfamilj arvode 0-12 level 1",
		compensation.Key{Kind: compensation.Kontaktfamilj, Item: compensation.Arvode, Group: compensation.Band0to12, Level: 1}.String())
	assert.Equal(t, "kontaktperson omkostnad level 3",
		compensation.Key{Kind: compensation.Kontaktperson, Item: compensation.Omkostnad, Level: 3}.String())
}
