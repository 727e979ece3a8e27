package compensation

import (
	"strconv"
	"strings"
)

// Percent is a percentage in hundredths of a percentage point: Percent(3142) is 31,42 % and Percent(10500) is
// 105 %. It states SKR's percent of the prisbasbelopp, employer contribution rates and a municipality's share
// of SKR's omkostnad. Its JSON form is a decimal number with at most two decimals, such as 31.42 or 105.
type Percent int64

// maxPercent bounds every Percent this package reads: 1 000 %.
const maxPercent Percent = 100_000

// String returns p in Swedish style without trailing zeros: "31,42 %", "7,5 %", "105 %".
func (p Percent) String() string {
	return strings.Replace(p.decimal(), ".", ",", 1) + " %"
}

// decimal returns p as "31.42", "7.5" or "105".
func (p Percent) decimal() string {
	u := absU(int64(p))
	s := strconv.FormatUint(u/100, 10)
	if f := u % 100; f != 0 {
		s += "." + strings.TrimSuffix(strconv.FormatUint(100+f, 10)[1:], "0")
	}
	if p < 0 {
		s = "-" + s
	}
	return s
}

// MarshalJSON returns p as a JSON number with at most two decimals, e.g. 31.42.
func (p Percent) MarshalJSON() ([]byte, error) { return []byte(p.decimal()), nil }

// UnmarshalJSON reads a JSON number with at most two decimals, from 0 to 1000, e.g. 31.42. It does not go
// through float64, so 20.81 is exactly Percent(2081).
func (p *Percent) UnmarshalJSON(b []byte) error {
	v, err := parsePercent(string(b), '.')
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// ParsePercent reads a percentage as written in Swedish or in JSON: "31,42 %", "31,42", "31.42", "105 %". It
// accepts 0 to 1000 with at most two decimals. Errors are *FieldError values wrapping ErrInvalidInput.
func ParsePercent(s string) (Percent, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	s = strings.TrimRight(s, " \u00a0\u202f")
	if strings.Contains(s, ",") {
		return parsePercent(s, ',')
	}
	return parsePercent(s, '.')
}

func parsePercent(s string, mark byte) (Percent, error) {
	bad := func(reason string) (Percent, error) {
		return 0, &FieldError{Record: "percent", Field: "text", Reason: reason}
	}
	whole, frac, hasFrac := strings.Cut(s, string(mark))
	if whole == "" || len(whole) > 4 {
		return bad("want 0 to 1000 with at most two decimals")
	}
	var v int64
	for i := 0; i < len(whole); i++ {
		if whole[i] < '0' || whole[i] > '9' {
			return bad("unexpected character")
		}
		v = v*10 + int64(whole[i]-'0')
	}
	v *= 100
	if hasFrac {
		if len(frac) < 1 || len(frac) > 2 {
			return bad("want one or two decimals")
		}
		f := int64(0)
		for i := 0; i < len(frac); i++ {
			if frac[i] < '0' || frac[i] > '9' {
				return bad("unexpected character")
			}
			f = f*10 + int64(frac[i]-'0')
		}
		if len(frac) == 1 {
			f *= 10
		}
		v += f
	}
	if Percent(v) > maxPercent {
		return bad("above 1000 %")
	}
	return Percent(v), nil
}
