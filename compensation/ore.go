package compensation

import (
	"math"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Ore is an amount of money in öre: 1 krona is 100 öre. Its JSON form is an integer number of öre, so
// 342,50 kr is 34250. Amounts are exact; the only place a fraction of an öre is rounded is MulDiv.
type Ore int64

// Kronor returns n whole kronor as Ore. n must lie within ±92 233 720 368 547 758 kr; SKR's figures are
// far inside that range.
func Kronor(n int64) Ore { return Ore(n) * 100 }

// MulDiv returns o*num/den rounded half away from zero: 68,505 kr becomes 68,51 kr and -68,505 kr becomes
// -68,51 kr. It is the one place in this package where a fraction of an öre is rounded. The product o*num is
// computed in 128 bits, so it never overflows in between. MulDiv returns an error wrapping ErrOverflow if den is
// 0 or the result does not fit in an Ore.
func (o Ore) MulDiv(num, den int64) (Ore, error) {
	if den == 0 {
		return 0, errOverflow("division by zero")
	}
	neg := (o < 0) != (num < 0)
	if o == 0 || num == 0 {
		neg = false
	}
	if den < 0 {
		neg = !neg
	}
	hi, lo := bits.Mul64(absU(int64(o)), absU(num))
	d := absU(den)
	if hi >= d {
		return 0, errOverflow("product out of range")
	}
	q, r := bits.Div64(hi, lo, d)
	if r >= d-r { // r*2 >= d without overflow: round the half away from zero
		if q == math.MaxUint64 {
			return 0, errOverflow("result out of range")
		}
		q++
	}
	if q == 0 {
		return 0, nil
	}
	if neg {
		if q > 1<<63 {
			return 0, errOverflow("result out of range")
		}
		return Ore(-int64(q-1) - 1), nil
	}
	if q > math.MaxInt64 {
		return 0, errOverflow("result out of range")
	}
	return Ore(q), nil
}

// absU returns |v| as a uint64; it is exact for math.MinInt64 too.
func absU(v int64) uint64 {
	if v < 0 {
		return uint64(-(v + 1)) + 1
	}
	return uint64(v)
}

// Sum returns the exact sum of amounts, or an error wrapping ErrOverflow if it does not fit in an Ore.
func Sum(amounts ...Ore) (Ore, error) {
	var s Ore
	for _, a := range amounts {
		var ok bool
		if s, ok = add(s, a); !ok {
			return 0, errOverflow("sum out of range")
		}
	}
	return s, nil
}

// add returns a+b and whether it did not overflow.
func add(a, b Ore) (Ore, bool) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, false
	}
	return s, true
}

// String returns o in Swedish style: "1 234,50 kr", "68,50 kr", "-5,00 kr". Thousands are grouped with a plain
// space (U+0020) and negatives start with an ASCII hyphen-minus, so the text survives copying into payroll
// systems and spreadsheets; the decimal mark is a comma and öre always have two digits. ParseOre reads it back.
func (o Ore) String() string {
	u := absU(int64(o))
	kr, ore := u/100, u%100
	digits := strconv.FormatUint(kr, 10)
	var b strings.Builder
	b.Grow(len(digits)*4/3 + 8)
	if o < 0 {
		b.WriteByte('-')
	}
	for i := 0; i < len(digits); i++ {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(digits[i])
	}
	b.WriteByte(',')
	b.WriteByte(byte('0' + ore/10))
	b.WriteByte(byte('0' + ore%10))
	b.WriteString(" kr")
	return b.String()
}

// ParseOre reads an amount in Swedish style: an optional sign ("-" or the minus sign U+2212), whole kronor whose
// thousands may be grouped by a space, a no-break space (U+00A0) or a narrow no-break space (U+202F), then
// optionally a comma and one or two öre digits, then optionally " kr". "1 234,50 kr", "1234,5" and "-68" are
// accepted; "1.234,50", "12,345" and "" are not. Errors are *FieldError values wrapping ErrInvalidInput; they
// describe the problem but never repeat the text.
func ParseOre(s string) (Ore, error) {
	bad := func(reason string) (Ore, error) {
		return 0, &FieldError{Record: "amount", Field: "text", Reason: reason}
	}
	s = strings.TrimSuffix(s, "kr")
	s = strings.TrimRight(s, " \u00a0\u202f")
	neg := false
	if r, n := utf8.DecodeRuneInString(s); r == '-' || r == '\u2212' {
		neg, s = true, s[n:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ",")
	if intPart == "" {
		return bad("no kronor digits")
	}
	var kr uint64
	groupLen, grouped := 0, false
	for i, r := range intPart {
		switch {
		case r >= '0' && r <= '9':
			if kr > (math.MaxInt64/100)/10 {
				return bad("out of range")
			}
			kr = kr*10 + uint64(r-'0')
			groupLen++
		case r == ' ' || r == '\u00a0' || r == '\u202f':
			if i == 0 || (grouped && groupLen != 3) || groupLen == 0 || groupLen > 3 {
				return bad("thousands must be grouped by three digits")
			}
			grouped, groupLen = true, 0
		default:
			return bad("unexpected character in kronor")
		}
	}
	if groupLen == 0 || (grouped && groupLen != 3) {
		return bad("thousands must be grouped by three digits")
	}
	var ore uint64
	if hasFrac {
		if len(frac) < 1 || len(frac) > 2 {
			return bad("want one or two öre digits after the comma")
		}
		for i := 0; i < len(frac); i++ {
			c := frac[i]
			if c < '0' || c > '9' {
				return bad("unexpected character in öre")
			}
			ore = ore*10 + uint64(c-'0')
		}
		if len(frac) == 1 {
			ore *= 10
		}
	}
	v := kr*100 + ore
	switch {
	case neg && v == 1<<63:
		return math.MinInt64, nil
	case v > math.MaxInt64:
		return bad("out of range")
	case neg:
		return Ore(-int64(v)), nil
	}
	return Ore(v), nil
}
