package matching

import (
	"strconv"
	"strings"
)

// Text is a short human-readable text in Swedish and English. Texts name vocabulary labels, counts and
// distances; they never hold a client's name, address, birth date or ID.
type Text struct {
	SV string `json:"sv"`
	EN string `json:"en"`
}

// String returns the Swedish text.
func (t Text) String() string { return t.SV }

// label is the code and the Swedish and English labels of one value of a closed vocabulary.
type label struct{ code, sv, en string }

func (l label) text() Text { return Text{SV: l.sv, EN: l.en} }

// decimal formats x with one decimal, with a decimal comma in Swedish ("4,2") and a point in English ("4.2").
func decimal(x float64) (sv, en string) {
	en = strconv.FormatFloat(x, 'f', 1, 64)
	return strings.Replace(en, ".", ",", 1), en
}

// joinLabels joins the labels of a list: "a, b och c" / "a, b and c".
func joinLabels(ts []Text) Text {
	var sv, en []string
	for _, t := range ts {
		sv = append(sv, t.SV)
		en = append(en, t.EN)
	}
	return Text{SV: joinList(sv, "och"), EN: joinList(en, "and")}
}

func joinList(s []string, and string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " " + and + " " + s[len(s)-1]
}

// plural picks the singular or plural form by n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
