package matching

import (
	"fmt"
	"strings"
)

// The closed vocabularies of the model are small integer types whose JSON form is a lower-case code. Each has a
// table of labels: index 0 is the zero value, whose code is "" when the zero value means unset.

func codeString(typ string, tab []label, i int) string {
	if i < 0 || i >= len(tab) {
		return fmt.Sprintf("%s(%d)", typ, i)
	}
	return tab[i].code
}

func codeLabel(tab []label, i int) Text {
	if i < 0 || i >= len(tab) {
		return Text{SV: "okänd", EN: "unknown"}
	}
	return tab[i].text()
}

func codeText(field string, tab []label, i int) ([]byte, error) {
	if i < 0 || i >= len(tab) {
		return nil, &FieldError{Record: "code", Field: field, Reason: fmt.Sprintf("value %d has no code", i)}
	}
	return []byte(tab[i].code), nil
}

// parseCode reads a code, ignoring case and surrounding space; "" is the zero value.
func parseCode(field string, tab []label, b []byte) (int, error) {
	s := strings.ToLower(strings.TrimSpace(string(b)))
	if s == "" {
		return 0, nil
	}
	for i, l := range tab {
		if l.code == s {
			return i, nil
		}
	}
	// The input is never repeated (it could be anything, a name too); a close code of the vocabulary is.
	reason := "unknown code"
	if near := nearest(s, tab); near != "" {
		reason += fmt.Sprintf(" (did you mean %q?)", near)
	}
	return 0, &FieldError{Record: "code", Field: field, Reason: reason}
}

// nearest returns the code of tab within two edits of s, if there is exactly one such closest code.
func nearest(s string, tab []label) string {
	if len(s) > 40 {
		return ""
	}
	best, bestD, ties := "", 3, 0
	for _, l := range tab {
		if l.code == "" {
			continue
		}
		switch d := editDistance(s, l.code); {
		case d < bestD:
			best, bestD, ties = l.code, d, 0
		case d == bestD:
			ties++
		}
	}
	if ties > 0 {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func valid(tab []label, i int) bool { return i > 0 && i < len(tab) }

// Support is the kind of support (insats) a client has been granted, and that a volunteer may offer.
// Its JSON form is "kontaktperson", "kontaktfamilj" or "skkp"; the zero value is unset.
type Support uint8

// The kinds of support.
const (
	Kontaktperson Support = iota + 1 // meets the client regularly for a few hours, outside the home
	Kontaktfamilj                    // hosts a child overnight, usually a weekend or two a month
	SKKP                             // särskilt kvalificerad kontaktperson: a qualified kontaktperson for youth at risk
)

var supportLabels = []label{
	{"", "", ""},
	{"kontaktperson", "kontaktperson", "contact person (kontaktperson)"},
	{"kontaktfamilj", "kontaktfamilj", "contact family (kontaktfamilj)"},
	{"skkp", "särskilt kvalificerad kontaktperson", "specially qualified contact person (SKKP)"},
}

// String returns the JSON code of s, or "Support(n)" for a value outside the vocabulary.
func (s Support) String() string { return codeString("Support", supportLabels, int(s)) }

// Label returns the Swedish and English labels of s.
func (s Support) Label() Text { return codeLabel(supportLabels, int(s)) }

// MarshalText returns the JSON code of s; a value outside the vocabulary is an error.
func (s Support) MarshalText() ([]byte, error) { return codeText("support", supportLabels, int(s)) }

// UnmarshalText reads a code, ignoring case; an unknown code is a *FieldError.
func (s *Support) UnmarshalText(b []byte) error { return setCode(s, "support", supportLabels, b) }

// weekly reports whether the support is planned in weekly windows (kontaktperson, SKKP) rather than weekends.
func (s Support) weekly() bool { return s == Kontaktperson || s == SKKP }

// Law is the law under which the support was granted: "sol" (socialtjänstlagen) or "lss" (lagen om stöd och
// service till vissa funktionshindrade). The zero value is unset.
type Law uint8

// The laws.
const (
	SoL Law = iota + 1
	LSS
)

var lawLabels = []label{{"", "", ""}, {"sol", "SoL", "SoL"}, {"lss", "LSS", "LSS"}}

// String returns the JSON code of l, or "Law(n)" for a value outside the vocabulary.
func (l Law) String() string { return codeString("Law", lawLabels, int(l)) }

// Label returns the Swedish and English labels of l.
func (l Law) Label() Text { return codeLabel(lawLabels, int(l)) }

// MarshalText returns the JSON code of l; a value outside the vocabulary is an error.
func (l Law) MarshalText() ([]byte, error) { return codeText("law", lawLabels, int(l)) }

// UnmarshalText reads a code, ignoring case; an unknown code is a *FieldError.
func (l *Law) UnmarshalText(b []byte) error { return setCode(l, "law", lawLabels, b) }

// Gender is a volunteer's gender, used only when a client states an expectation about it; it is never scored
// otherwise. JSON: "female", "male", "other"; the zero value is unspecified.
type Gender uint8

// The genders.
const (
	Female Gender = iota + 1
	Male
	OtherGender
)

var genderLabels = []label{{"", "ej angivet", "unspecified"}, {"female", "kvinna", "woman"}, {"male", "man", "man"},
	{"other", "annat", "other"}}

// String returns the JSON code of g, or "Gender(n)" for a value outside the vocabulary.
func (g Gender) String() string { return codeString("Gender", genderLabels, int(g)) }

// Label returns the Swedish and English labels of g.
func (g Gender) Label() Text { return codeLabel(genderLabels, int(g)) }

// MarshalText returns the JSON code of g; a value outside the vocabulary is an error.
func (g Gender) MarshalText() ([]byte, error) { return codeText("gender", genderLabels, int(g)) }

// UnmarshalText reads a code, ignoring case; an unknown code is a *FieldError.
func (g *Gender) UnmarshalText(b []byte) error { return setCode(g, "gender", genderLabels, b) }

// Parity restricts weekends to even or odd ISO week numbers ("every other weekend"). JSON: "every" (the zero
// value), "even", "odd".
type Parity uint8

// The parities.
const (
	EveryWeek Parity = iota
	EvenWeeks
	OddWeeks
)

var parityLabels = []label{{"every", "varje vecka", "every week"}, {"even", "jämna veckor", "even weeks"},
	{"odd", "udda veckor", "odd weeks"}}

// String returns the JSON code of p, or "Parity(n)" for a value outside the vocabulary.
func (p Parity) String() string { return codeString("Parity", parityLabels, int(p)) }

// Label returns the Swedish and English labels of p.
func (p Parity) Label() Text { return codeLabel(parityLabels, int(p)) }

// MarshalText returns the JSON code of p; a value outside the vocabulary is an error.
func (p Parity) MarshalText() ([]byte, error) { return codeText("parity", parityLabels, int(p)) }

// UnmarshalText reads a code, ignoring case; an unknown code is a *FieldError.
func (p *Parity) UnmarshalText(b []byte) error { return setCode(p, "parity", parityLabels, b) }

// Priority is the social worker's priority for a client. JSON: "normal" (the zero value), "high", "urgent".
// See the package documentation for how it weights the fit.
type Priority uint8

// The priorities.
const (
	Normal Priority = iota
	High
	Urgent
)

var priorityLabels = []label{{"normal", "normal", "normal"}, {"high", "hög", "high"}, {"urgent", "brådskande", "urgent"}}

// String returns the JSON code of p, or "Priority(n)" for a value outside the vocabulary.
func (p Priority) String() string { return codeString("Priority", priorityLabels, int(p)) }

// Label returns the Swedish and English labels of p.
func (p Priority) Label() Text { return codeLabel(priorityLabels, int(p)) }

// MarshalText returns the JSON code of p; a value outside the vocabulary is an error.
func (p Priority) MarshalText() ([]byte, error) { return codeText("priority", priorityLabels, int(p)) }

// UnmarshalText reads a code, ignoring case; an unknown code is a *FieldError.
func (p *Priority) UnmarshalText(b []byte) error { return setCode(p, "priority", priorityLabels, b) }

// Objective says what Propose optimises. JSON: "most_matched" (the zero value), "total_fit", "max_min".
type Objective uint8

// The objectives; see the package documentation.
const (
	// MostMatched matches as many clients as possible, then maximises the total fit weighted by priority and
	// waiting time.
	MostMatched Objective = iota
	// TotalFit maximises the plain total fit; a client may stay unmatched if that frees a better pair.
	TotalFit
	// MaxMin matches as many clients as possible, then maximises the lowest fit among them, then the weighted
	// total as MostMatched does.
	MaxMin
)

var objectiveLabels = []label{
	{"most_matched", "flest matchade, sedan högst viktad passform", "most clients matched, then highest weighted fit"},
	{"total_fit", "högst total passform", "highest total fit"},
	{"max_min", "flest matchade, sedan bästa sämsta passform", "most clients matched, then the best worst-off fit"},
}

// String returns the JSON code of o, or "Objective(n)" for a value outside the vocabulary.
func (o Objective) String() string { return codeString("Objective", objectiveLabels, int(o)) }

// Label returns the Swedish and English labels of o.
func (o Objective) Label() Text { return codeLabel(objectiveLabels, int(o)) }

// MarshalText returns the JSON code of o; a value outside the vocabulary is an error.
func (o Objective) MarshalText() ([]byte, error) {
	return codeText("objective", objectiveLabels, int(o))
}

// UnmarshalText reads a code, ignoring case; an unknown code is a *FieldError.
func (o *Objective) UnmarshalText(b []byte) error { return setCode(o, "objective", objectiveLabels, b) }

// Check is one element of a volunteer's approval record.
type Check uint8

// The checks, in the order of the approval process.
const (
	CheckRegister       Check = iota + 1 // utdrag ur polisens belastnings- och misstankeregister
	CheckSocialServices                  // kontroll i socialtjänstens register
	CheckInterview                       // utredningssamtal
	CheckReferences                      // referenssamtal
	CheckHomeVisit                       // hembesök, required for a kontaktfamilj
	CheckDecision                        // the nämnd's (delegate's) decision to approve
)

var checkLabels = []label{
	{"", "", ""},
	{"register_check", "utdrag ur belastnings- och misstankeregistret", "police register check"},
	{"social_services_check", "kontroll i socialtjänstens register", "social services register check"},
	{"interview", "utredningssamtal", "investigation interview"},
	{"references", "referenssamtal", "references"},
	{"home_visit", "hembesök", "home visit"},
	{"decision", "beslut om godkännande", "approval decision"},
}

// String returns the JSON code of c, or "Check(n)" for a value outside the vocabulary.
func (c Check) String() string { return codeString("Check", checkLabels, int(c)) }

// Label returns the Swedish and English labels of c.
func (c Check) Label() Text { return codeLabel(checkLabels, int(c)) }

// MarshalText returns the JSON code of c; a value outside the vocabulary is an error.
func (c Check) MarshalText() ([]byte, error) { return codeText("check", checkLabels, int(c)) }

// UnmarshalText reads a code, ignoring case; an unknown code is a *FieldError.
func (c *Check) UnmarshalText(b []byte) error { return setCode(c, "check", checkLabels, b) }

// ExpectationKind is what a client's Expectation asks of the volunteer.
type ExpectationKind uint8

// The kinds of expectation.
const (
	WantGender           ExpectationKind = iota + 1 // the volunteer's gender is Expectation.Gender
	WantAge                                         // the volunteer's age is within MinAge..MaxAge
	WantNoPets                                      // no pets in the home, usually because of allergy
	WantNonSmoking                                  // a non-smoking home
	WantCar                                         // the volunteer has a car
	WantLanguage                                    // the volunteer speaks Expectation.Language
	WantChildrenInHome                              // there are children in the volunteer's home
	WantNoChildrenInHome                            // there are no children in the volunteer's home
)

var expectationLabels = []label{
	{"", "", ""},
	{"volunteer_gender", "volontärens kön", "volunteer's gender"},
	{"volunteer_age", "volontärens ålder", "volunteer's age"},
	{"no_pets", "inga husdjur (allergi)", "no pets (allergy)"},
	{"non_smoking", "rökfritt hem", "non-smoking home"},
	{"car", "tillgång till bil", "has a car"},
	{"language", "talar språket", "speaks the language"},
	{"children_in_home", "barn i hemmet", "children in the home"},
	{"no_children_in_home", "inga barn i hemmet", "no children in the home"},
}

// String returns the JSON code of k, or "ExpectationKind(n)" for a value outside the vocabulary.
func (k ExpectationKind) String() string {
	return codeString("ExpectationKind", expectationLabels, int(k))
}

// Label returns the Swedish and English labels of k.
func (k ExpectationKind) Label() Text { return codeLabel(expectationLabels, int(k)) }

// MarshalText returns the JSON code of k; a value outside the vocabulary is an error.
func (k ExpectationKind) MarshalText() ([]byte, error) {
	return codeText("expectation", expectationLabels, int(k))
}

// UnmarshalText reads a code, ignoring case; an unknown code is a *FieldError.
func (k *ExpectationKind) UnmarshalText(b []byte) error {
	return setCode(k, "expectation", expectationLabels, b)
}

// setCode parses b into *p.
func setCode[T ~uint8](p *T, field string, tab []label, b []byte) error {
	i, err := parseCode(field, tab, b)
	if err != nil {
		return err
	}
	*p = T(i)
	return nil
}
